"""An article's mentions packed into one small blob.

A real article carries about ninety highlighted names, dates and quantities; a row for each (with its
key, ids and an index entry) cost a library more than the article's text. Mentions are read whole, an
article at a time (to draw the reading screen), so each article keeps them as one blob: per side, in
text order, each mention is the step from the previous mention's start, its length, one byte for type,
how it was linked and whether the link is a guess, and its partner as an index into the other side's
list. Most mentions take four bytes, a linked English one three (its partner is the Korean mention that
points at it). The aligned row a mention belongs to is not stored: it is the row whose span holds the
mention's start, found from the segments (which is also what keeps mentions in step when rows are
joined or split by hand).
"""

from __future__ import annotations

from collections.abc import Sequence

#: Known types and link kinds as small codes; anything else is written out in full after the code.
TYPES = ("PERSON", "ORG", "PLACE", "EQUIPMENT", "DATE", "QUANTITY", "OTHER")
HOWS = (None, "glossary", "number", "date", "transliteration", "elimination")
_OTHER_TYPE, _OTHER_HOW = 7, 7
_GUESS, _BACK = 0x40, 0x80

#: One mention: (side, start, end, type, partner index on the other side or -1, how, guess).
Packed = tuple[str, int, int, str, int, str | None, bool]


def _put(out: bytearray, number: int) -> None:
    while number >= 0x80:
        out.append(number & 0x7F | 0x80)
        number >>= 7
    out.append(number)


def _put_text(out: bytearray, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    _put(out, len(data))
    out += data


def pack_mentions(mentions: Sequence[Packed]) -> bytes:
    """The mentions as bytes. Each side must be in text order (start, then end); `unpack_mentions` gives
    them back, Korean side first."""
    sides = {"ko": [m for m in mentions if m[0] == "ko"], "en": [m for m in mentions if m[0] == "en"]}
    if len(sides["ko"]) + len(sides["en"]) != len(mentions):
        raise ValueError("a mention's side must be 'ko' or 'en'")
    # which Korean mention first points at each English one: that English mention's link is implied
    pointed: dict[int, int] = {}
    for i, m in enumerate(sides["ko"]):
        if m[4] >= 0:
            pointed.setdefault(m[4], i)
    out = bytearray()
    _put(out, len(sides["ko"]))
    for side, found in sides.items():
        previous = 0
        for index, (_, start, end, kind, partner, how, guess) in enumerate(found):
            if start < previous or end < start:
                raise ValueError("mentions must be in text order, each with start <= end")
            _put(out, start - previous)
            _put(out, end - start)
            previous = start
            code = TYPES.index(kind) if kind in TYPES else _OTHER_TYPE
            code |= (HOWS.index(how) if how in HOWS else _OTHER_HOW) << 3
            code |= _GUESS if guess else 0
            back = side == "en" and partner >= 0 and pointed.get(index) == partner
            out.append(code | (_BACK if back else 0))
            if code & 7 == _OTHER_TYPE:
                _put_text(out, kind)
            if code >> 3 & 7 == _OTHER_HOW:
                _put_text(out, how or "")
            if not back:
                _put(out, partner + 1)
    return bytes(out)


def unpack_mentions(blob: bytes | None) -> list[Packed]:
    """The mentions packed by `pack_mentions`; raises ValueError for bytes it cannot have written."""
    if not blob:
        return []
    data = memoryview(blob)
    at = 0

    def number() -> int:
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7

    def text() -> str:
        nonlocal at
        size = number()
        at += size
        if at > len(data):
            raise IndexError
        return bytes(data[at - size : at]).decode("utf-8", "surrogatepass")

    out: list[Packed] = []
    try:
        ko_count = number()
        pointed: dict[int, int] = {}
        side, previous, index = "ko", 0, 0
        while at < len(data):
            if side == "ko" and index == ko_count:
                side, previous, index = "en", 0, 0
            start = previous + number()
            end = start + number()
            previous = start
            code = data[at]
            at += 1
            kind = text() if code & 7 == _OTHER_TYPE else TYPES[code & 7]
            how_code = code >> 3 & 7
            how = text() if how_code == _OTHER_HOW else HOWS[how_code]
            if side == "en" and code & _BACK:
                partner = pointed[index]
            else:
                partner = number() - 1
            if side == "ko" and partner >= 0:
                pointed.setdefault(partner, index)
            out.append((side, start, end, kind, partner, how or None, bool(code & _GUESS)))
            index += 1
        if side == "ko" and index != ko_count:
            raise IndexError
    except (IndexError, KeyError, UnicodeDecodeError):
        raise ValueError("damaged mentions") from None
    return out
