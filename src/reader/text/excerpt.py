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


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut in the middle (marked …) when it takes more than `limit` cells."""
    text = " ".join(text.split())
    if cells(text) <= limit:
        return text
    half = max(1, (limit - 3) // 2)
    head, used = [], 0
    for ch in text:
        if used + _width(ch) > half:
            break
        head.append(ch)
        used += _width(ch)
    tail, used = [], 0
    for ch in reversed(text):
        if used + _width(ch) > half:
            break
        tail.append(ch)
        used += _width(ch)
    return f"{''.join(head).rstrip()} … {''.join(reversed(tail)).lstrip()}"
