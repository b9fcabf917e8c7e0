"""A long text in a short space: cut in the middle, so both its beginning and its end stay readable
(a quote, a note, a title in a list). Used by the screens and by `reader notes list` alike.

Measured in terminal cells, not characters: a Hangul syllable takes two, so a Korean title cut to 30
"characters" would fill 60 cells and push the columns beside it off the screen.
"""

from __future__ import annotations

import unicodedata

__all__ = ["cells", "excerpt"]


def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    """How many terminal cells `text` takes on one line."""
    return sum(_width(ch) for ch in text)


def _fitting(chars: str, room: int) -> str:
    """The longest start of `chars` that fits `room` cells."""
    used = 0
    for i, ch in enumerate(chars):
        used += _width(ch)
        if used > room:
            return chars[:i]
    return chars


def _whole_words(piece: str, cut_inside_word: bool) -> str:
    """`piece` (a start of the text) back to its last whole word, when that keeps at least half of it:
    "North Korean tro…" reads worse than "North Korean …". One long word is cut as it stands."""
    if not cut_inside_word:
        return piece
    space = piece.rfind(" ")
    return piece[:space] if space >= len(piece) // 2 else piece


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut in the middle (marked …) when it takes more than `limit` cells; each half
    ends at a word's edge where it can."""
    text = " ".join(text.split())
    if cells(text) <= limit:
        return text
    half = max(1, (limit - 3) // 2)
    head = _fitting(text, half)
    head = _whole_words(head, text[len(head) : len(head) + 1] not in ("", " "))
    backwards = text[::-1]
    tail = _fitting(backwards, half)
    tail = _whole_words(tail, backwards[len(tail) : len(tail) + 1] not in ("", " "))[::-1]
    return f"{head.rstrip()} … {tail.lstrip()}"
