"""An article's mentions packed into one small blob.

A real article carries about ninety highlighted names, dates and quantities; a row for each (with its
key, ids and an index entry) cost a library more than the article's text. Mentions are read whole, an
article at a time (to draw the reading screen), so each article keeps them as one blob: per side, in
text order, columns of the step from the previous mention's start, the length, one code byte (type, how
the link was found, whether it is a guess) and the partner as an index into the other side's list (as
the step from the previous link's, since links run in step through the two texts). A
number is one byte (255 marks a larger one, written after the column), so most mentions take four bytes,
a linked English one three (its partner is the Korean mention that points at it), and a column is read
back by C code (bytes → list, running sums) rather than a Python loop: an article with 185,000 names
unpacks in a fraction of a second. The aligned row a mention belongs to is not stored: it is the row
whose span holds the mention's start, found from the segments (which also keeps mentions in step when
rows are joined or split by hand).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, compress
from operator import add

from ..text.entity_types import TYPES
from .byte_columns import get_column, get_text, get_varint, put_column, put_text, put_varint

#: Known types (`text.entity_types.TYPES`, by index) and link kinds as small codes; anything else is written
#: out in full after the columns.
HOWS = (None, "glossary", "number", "date", "transliteration", "elimination")
_OTHER_TYPE, _OTHER_HOW = 7, 7
_GUESS, _BACK = 0x40, 0x80

_TYPE_OF = tuple((TYPES + ("",))[c & 7] if c & 7 < len(TYPES) else "" for c in range(256))
_HOW_OF = tuple(HOWS[c >> 3 & 7] if (c >> 3 & 7) < len(HOWS) else None for c in range(256))
_GUESS_OF = tuple(bool(c & _GUESS) for c in range(256))

#: One mention: (side, start, end, type, partner index on the other side or -1, how, guess).
Packed = tuple[str, int, int, str, int, str | None, bool]


def _steps(partners: Sequence[int]) -> list[int]:
    """Partner indices (-1: none) as column values: 0 for none, else 1 + the zigzagged step from the
    previous partner index, which is small where links run in step."""
    out, previous = [], 0
    for p in partners:
        if p < 0:
            out.append(0)
            continue
        step = p - previous
        out.append(1 + (step << 1 if step >= 0 else (-step << 1) - 1))
        previous = p
    return out


def _indices(values: Sequence[int]) -> list[int]:
    """The inverse of `_steps`."""
    steps = [-((v + 1) >> 1) if v & 1 else v >> 1 for v in (v - 1 for v in values if v)]
    linked = accumulate(steps)
    return [next(linked) if v else -1 for v in values]


def pack_mentions(mentions: Sequence[Packed]) -> bytes:
    """The mentions as bytes. Each side must be in text order (by start); `unpack_mentions` gives them
    back, Korean side first."""
    sides = {"ko": [m for m in mentions if m[0] == "ko"], "en": [m for m in mentions if m[0] == "en"]}
    if len(sides["ko"]) + len(sides["en"]) != len(mentions):
        raise ValueError("a mention's side must be 'ko' or 'en'")
    pointed: dict[int, int] = {}  # which Korean mention first points at each English one
    for i, m in enumerate(sides["ko"]):
        if m[4] >= 0:
            pointed.setdefault(m[4], i)
    out = bytearray()
    put_varint(out, len(sides["ko"]))
    put_varint(out, len(sides["en"]))
    texts: list[str] = []
    for side, found in sides.items():
        gaps, lengths, codes, partners = [], [], [], []
        previous = 0
        for index, (_, start, end, kind, partner, how, guess) in enumerate(found):
            if start < previous or end < start:
                raise ValueError("mentions must be in text order, each with start <= end")
            gaps.append(start - previous)
            lengths.append(end - start)
            previous = start
            code = TYPES.index(kind) if kind in TYPES else _OTHER_TYPE
            code |= (HOWS.index(how) if how in HOWS else _OTHER_HOW) << 3
            code |= _GUESS if guess else 0
            if code & 7 == _OTHER_TYPE:
                texts.append(kind)
            if code >> 3 & 7 == _OTHER_HOW:
                texts.append(how or "")
            if side == "en" and partner >= 0 and pointed.get(index) == partner:
                code |= _BACK
            else:
                partners.append(partner)
            codes.append(code)
        put_column(out, gaps)
        put_column(out, lengths)
        out += bytes(codes)
        put_column(out, _steps(partners))
    for text in texts:
        put_text(out, text)
    return bytes(out)


#: An article's mentions column by column, the Korean side's first: (Korean count, starts, ends, types,
#: partner indices on the other side or -1, hows, guesses).
Columns = tuple[int, list[int], list[int], list[str], list[int], list["str | None"], list[bool]]


def unpack_mentions(blob: bytes | None) -> list[Packed]:
    """The mentions packed by `pack_mentions`; raises ValueError for bytes it cannot have written."""
    ko_count, starts, ends, kinds, partners, hows, guesses = unpack_columns(blob)
    sides = ["ko"] * ko_count + ["en"] * (len(starts) - ko_count)
    return list(zip(sides, starts, ends, kinds, partners, hows, guesses))


def unpack_columns(blob: bytes | None) -> Columns:
    """The mentions packed by `pack_mentions` as columns (what a long article is read with, fast)."""
    if not blob:
        return 0, [], [], [], [], [], []
    data = bytes(blob)
    try:
        ko_count, at = get_varint(data, 0)
        en_count, at = get_varint(data, at)
        sides: list[tuple[list[int], list[int], list[int], list[bool] | None, list[int]]] = []
        for count in (ko_count, en_count):
            gaps, at = get_column(data, at, count)
            lengths, at = get_column(data, at, count)
            codes = list(data[at : at + count])
            if len(codes) != count:
                raise IndexError
            at += count
            stored = [not c & _BACK for c in codes] if sides else None  # English: back links implied
            values, at = get_column(data, at, count if stored is None else sum(stored))
            sides.append((gaps, lengths, codes, stored, _indices(values)))
        ko_partner = sides[0][4]
        if max(ko_partner, default=-1) >= en_count or max(sides[1][4], default=-1) >= ko_count:
            raise IndexError
        pointed: dict[int, int] = {}
        for i, p in enumerate(ko_partner):
            if p >= 0:
                pointed.setdefault(p, i)
        starts: list[int] = []
        ends: list[int] = []
        kinds: list[str] = []
        partners: list[int] = []
        hows: list[str | None] = []
        guesses: list[bool] = []
        for gaps, lengths, codes, stored, indices in sides:
            first = len(starts)
            starts += accumulate(gaps)
            ends += map(add, starts[first:], lengths)
            kinds += map(_TYPE_OF.__getitem__, codes)
            hows += map(_HOW_OF.__getitem__, codes)
            guesses += map(_GUESS_OF.__getitem__, codes)
            if stored is None:
                partners += indices
            else:
                partner = [-1] * len(codes)
                for j in compress(range(len(codes)), [not s for s in stored]):
                    partner[j] = pointed[j]
                for j, p in zip(compress(range(len(codes)), stored), indices, strict=True):
                    partner[j] = p
                partners += partner
            escaped = [c for c in set(codes) if c & 7 == _OTHER_TYPE or c >> 3 & 7 >= len(HOWS)]
            for i, c in enumerate(codes) if escaped else ():
                if c & 7 == _OTHER_TYPE:
                    kinds[first + i], at = get_text(data, at)
                if c >> 3 & 7 == _OTHER_HOW:
                    text, at = get_text(data, at)
                    hows[first + i] = text or None
                elif c >> 3 & 7 >= len(HOWS):
                    raise IndexError
        if at != len(data):
            raise IndexError
    except (IndexError, KeyError, UnicodeDecodeError, StopIteration):
        raise ValueError("damaged mentions") from None
    return ko_count, starts, ends, kinds, partners, hows, guesses
