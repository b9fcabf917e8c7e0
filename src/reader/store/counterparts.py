"""What a search hit's words stand for in the other language: the linked names, dates and numbers.

A Korean word found in a row (북한군) is highlighted in the Korean snippet; the English words the entity
layer linked to it in the same row (North Korean) are what a reader looks for next, so they are marked too.
"""

from __future__ import annotations

import sqlite3

from .articles import load_mentions, load_segment_blob
from .search import Hit, highlight_spans
from .segment_pack import unpack_columns


def counterpart_words(conn: sqlite3.Connection, hit: Hit, query: str) -> tuple[list[str], list[str]]:
    """(Korean words, English words) linked to a mention the query matches in the hit's row; empty for a
    hit in the titles or a row without such links."""
    if hit.position is None:
        return [], []
    try:
        rows = unpack_columns(load_segment_blob(conn, hit.article_id))
    except ValueError:
        return [], []
    if not 0 <= hit.position < len(rows):
        return [], []
    at = hit.position
    row = (rows.ko_start[at], rows.ko_end[at], rows.en_start[at], rows.en_end[at])
    ko_count, starts, ends, _, partners, _, _ = load_mentions(conn, hit.article_id)
    spans = {"ko": (row[0], row[1]), "en": (row[2], row[3])}
    texts = {"ko": hit.ko, "en": hit.en}
    found: dict[str, list[str]] = {"ko": [], "en": []}
    for index in range(len(starts)):
        side, other = ("ko", "en") if index < ko_count else ("en", "ko")
        partner = partners[index]
        if partner < 0:
            continue
        first, last = spans[side]
        if not first <= starts[index] < last:
            continue
        surface = texts[side][starts[index] - first : ends[index] - first]
        if not highlight_spans(surface, query):
            continue
        target = partner + ko_count if side == "ko" else partner
        other_first, other_last = spans[other]
        if other_first <= starts[target] < other_last:
            word = texts[other][starts[target] - other_first : ends[target] - other_first]
            if word and word not in found[other]:
                found[other].append(word)
    return found["ko"], found["en"]
