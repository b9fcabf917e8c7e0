"""An article's title when none is given, and a headline not kept twice (as the title and as row 1).

A text that starts with a headline — a short line standing apart, not ending like a sentence — gives
that line as the title, and the text goes on from the next line. Any other text (one pasted paragraph)
gives its first sentence, cut at a word near `MAX_TITLE` characters: a title is one line of the library.
"""

from __future__ import annotations

import re

#: The longest title made from the text, in characters (two-column Hangul: about a library row).
MAX_TITLE = 100
#: A headline is at most this long; a longer first line is a paragraph.
MAX_HEADLINE = 150

_SENTENCE_END = re.compile(r"[.!?。](?:[\"'”’」』)\]]*)(?=\s|$)")
_CLOSERS = "\"'”’」』)]"


def title_and_text(text: str, given: str | None = None) -> tuple[str, str]:
    """(the title, the text without a headline the title repeats). `given` (a title the user gave) wins;
    the text then loses its first line only if that line is this very title."""
    lines = text.split("\n", 1)
    first = lines[0].strip()
    rest = lines[1].strip() if len(lines) > 1 else ""
    if given is not None and given.strip():
        title = " ".join(given.split())
        return title, (rest if rest and " ".join(first.split()) == title else text)
    if rest and _headline(first, lines[1]):
        return " ".join(first.split()), rest
    return shorten(first_sentence(text)), text


def _headline(first: str, after: str) -> bool:
    """A first line that reads as a headline: short, not ending with a full stop, and standing apart —
    a blank line after it, or a next line clearly longer (lines wrapped at a width are all alike)."""
    if not first or len(first) > MAX_HEADLINE or first.rstrip(_CLOSERS).endswith((".", "。")):
        return False
    if after.startswith("\n") or not after.strip():
        return True
    following = after.split("\n", 1)[0].strip()
    return len(first) < 0.75 * len(following) and not following[:1].islower()


def first_sentence(text: str) -> str:
    """The text's first sentence (of its first paragraph), on one line."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    found = _SENTENCE_END.search(paragraph)
    return paragraph[: found.end()] if found else paragraph


def shorten(title: str, limit: int = MAX_TITLE) -> str:
    """`title` cut at the last space before `limit` characters (else at `limit`), with an ellipsis."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:·") + "…"
