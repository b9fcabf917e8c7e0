"""A long text in a short space: cut in the middle, so both its beginning and its end stay readable
(a quote, a note, a title in a list). Used by the screens and by `reader notes list` alike."""

from __future__ import annotations

__all__ = ["excerpt"]


def excerpt(text: str, limit: int) -> str:
    """`text` on one line, cut in the middle (marked …) when longer than `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    half = (limit - 3) // 2
    return f"{text[:half]} … {text[-half:]}"
