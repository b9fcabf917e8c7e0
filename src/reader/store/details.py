"""An article's details — its titles, source and date — corrected by hand (`reader edit`, the library's edit
dialog). The text is not touched, so nothing is analysed again; the search index, which holds the
titles, is brought up to date in the same transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..text.iso_date import iso_date
from .connection import StoreError, transaction
from .search import index_article, unindex_article


@dataclass(frozen=True, slots=True)
class Details:
    title_ko: str
    title_en: str
    source: str
    published: str | None


def article_details(conn: sqlite3.Connection, article_id: int) -> Details | None:
    row = conn.execute(
        "SELECT title_ko, title_en, source, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else Details(row[0] or "", row[1] or "", row[2] or "", row[3])


def valid_date(value: str) -> str | None:
    """YYYY-MM-DD as a real calendar date, or '' for no date (None); else a StoreError saying so."""
    try:
        return iso_date(value)
    except ValueError as exc:
        raise StoreError(str(exc)) from None


def edit_details(
    conn: sqlite3.Connection,
    article_id: int,
    *,
    title_ko: str | None = None,
    title_en: str | None = None,
    source: str | None = None,
    published: str | None = None,
) -> Details:
    """Change the given details (None leaves one as it is; a published of '' removes the date) in one
    transaction; the details as stored. An unknown article or a bad date is a StoreError, nothing written."""
    changes: dict[str, str | None] = {}
    for column, value in (("title_ko", title_ko), ("title_en", title_en), ("source", source)):
        if value is not None:
            changes[column] = " ".join(value.split())  # one line: a title is shown on one line
    if published is not None:
        changes["published"] = valid_date(published)
    with transaction(conn):
        if article_details(conn, article_id) is None:
            raise StoreError(f"no article with id {article_id} (see: reader list)")
        if changes:
            unindex_article(conn, article_id)
            assignments = ", ".join(f"{column} = ?" for column in changes)
            conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*changes.values(), article_id))
            index_article(conn, article_id)
        details = article_details(conn, article_id)
    assert details is not None
    return details
