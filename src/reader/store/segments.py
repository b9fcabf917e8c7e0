"""Fixing the alignment by hand: join two rows, split a row, undo — each fix stored as locked.

A locked row is one a person decided; re-analysis aligns only the stretches between locked rows. Each
edit replaces the article's segment rows in one transaction and returns the rows as they were, which is
all the screen needs for undo. A `recheck` given to join or split works out the translation check of the
rows either side before they are written, so rows and findings land together (the analysis works them
out, which the store cannot import: `reanalysis.rechecker`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection
from dataclasses import replace

from .articles import SegmentRow, insert_segments, load_segment_rows, sentence_spans, sentences_span
from .connection import transaction

#: Rows as a hand fix leaves them and the positions it changed → the same rows with their findings.
Recheck = Callable[[list[SegmentRow], Collection[int]], list[SegmentRow]]


def load_rows(conn: sqlite3.Connection, article_id: int) -> list[SegmentRow]:
    return load_segment_rows(conn, article_id)


def _sentences(conn: sqlite3.Connection, article_id: int, lang: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in sentence_spans(conn, article_id, lang)]


def _row(
    ko: list[tuple[int, int]],
    en: list[tuple[int, int]],
    ko_range: tuple[int, int],
    en_range: tuple[int, int],
    paragraph: int,
    ko_len: int,
    en_len: int,
    issues: tuple[str, ...] = (),
) -> SegmentRow:
    ko_start, ko_end = sentences_span(ko, *ko_range, ko_len)
    en_start, en_end = sentences_span(en, *en_range, en_len)
    return SegmentRow(
        position=0,
        paragraph=paragraph,
        ko_from=ko_range[0],
        ko_to=ko_range[1],
        en_from=en_range[0],
        en_to=en_range[1],
        ko_start=ko_start,
        ko_end=ko_end,
        en_start=en_start,
        en_end=en_end,
        link=f"{ko_range[1] - ko_range[0]}-{en_range[1] - en_range[0]}",
        confidence=1.0,
        locked=True,
        issues=issues,
    )


def write_rows(conn: sqlite3.Connection, article_id: int, rows: list[SegmentRow], recheck: Recheck | None = None,
               changed: Collection[int] = ()) -> None:  # fmt: skip
    """Replace the article's segments with `rows` (renumbered), the `changed` ones rechecked first.

    The text is unchanged, so the search index (one row per article) and the mentions are too: a
    mention's row is found from its offsets when the article is read.
    """
    rows = [replace(r, position=i) for i, r in enumerate(rows)]
    if recheck is not None:
        rows = recheck(rows, changed)
    with transaction(conn):
        insert_segments(conn, article_id, rows)


def _texts_len(conn: sqlite3.Connection, article_id: int) -> tuple[int, int]:
    row = conn.execute(
        "SELECT length(ko_text), length(en_text) FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        raise LookupError(f"no article with id {article_id}")
    return row[0], row[1]


def join_rows(
    conn: sqlite3.Connection, article_id: int, position: int, recheck: Recheck | None = None
) -> list[SegmentRow] | None:
    """Join row `position` with the row after it; returns the rows as they were (for undo), or None."""
    rows = load_rows(conn, article_id)
    if not 0 <= position < len(rows) - 1:
        return None
    a, b = rows[position], rows[position + 1]
    ko_len, en_len = _texts_len(conn, article_id)
    ko, en = _sentences(conn, article_id, "ko"), _sentences(conn, article_id, "en")
    joined = _row(
        ko,
        en,
        (min(a.ko_from, b.ko_from), max(a.ko_to, b.ko_to)),
        (min(a.en_from, b.en_from), max(a.en_to, b.en_to)),
        a.paragraph,
        ko_len,
        en_len,
        a.issues + b.issues,
    )
    write_rows(conn, article_id, rows[:position] + [joined] + rows[position + 2 :], recheck, [position])
    return rows


def split_row(
    conn: sqlite3.Connection, article_id: int, position: int, side: str, recheck: Recheck | None = None
) -> list[SegmentRow] | None:
    """Move the last sentence of `side` in row `position` into a new row of its own just below.

    With join, this reaches every monotone alignment. Returns the rows as they were, or None when the
    row has fewer than two sentences on that side.
    """
    rows = load_rows(conn, article_id)
    if not 0 <= position < len(rows):
        return None
    row = rows[position]
    first, stop = (row.ko_from, row.ko_to) if side == "ko" else (row.en_from, row.en_to)
    if stop - first < 2:
        return None
    ko_len, en_len = _texts_len(conn, article_id)
    ko, en = _sentences(conn, article_id, "ko"), _sentences(conn, article_id, "en")
    if side == "ko":
        upper = _row(
            ko, en, (row.ko_from, row.ko_to - 1), (row.en_from, row.en_to), row.paragraph, ko_len, en_len
        )
        lower = _row(
            ko, en, (row.ko_to - 1, row.ko_to), (row.en_to, row.en_to), row.paragraph, ko_len, en_len
        )
    else:
        upper = _row(
            ko, en, (row.ko_from, row.ko_to), (row.en_from, row.en_to - 1), row.paragraph, ko_len, en_len
        )
        lower = _row(
            ko, en, (row.ko_to, row.ko_to), (row.en_to - 1, row.en_to), row.paragraph, ko_len, en_len
        )
    write_rows(conn, article_id, rows[:position] + [upper, lower] + rows[position + 1 :], recheck,
               [position, position + 1])  # fmt: skip
    return rows
