"""Terminal escape sequences inside article text: where they are, so nothing reads their letters as words.

An article may hold ESC[31m (shown inert as ␛[31m). Its "31m" is no figure (31 metres), its letters no
name, and the word it colours ("ESC[31mRED") is the word RED to the search index.
"""

from __future__ import annotations

import re

ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)")


def escape_sequences(text: str) -> list[tuple[int, int]]:
    """Where `text` holds terminal escape sequences (ESC[31m, shown as ␛[31m): no figure and no name is
    in one, though 31m reads as 31 metres."""
    return [m.span() for m in ESCAPE_SEQUENCE.finditer(text)]
