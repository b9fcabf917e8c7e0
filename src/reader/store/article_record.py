"""An article's stored fields and texts without its rows and mentions: what a translation, a split or a
re-pairing needs to rebuild it, read in one query."""

from __future__ import annotations

import sqlite3

_COLUMNS = (
    "id, ko_text, en_text, title_ko, title_en, source, url, published, author, ko_url, en_url, "
    "original_lang, translation_by"
)


def article_record(conn: sqlite3.Connection, article_id: int) -> sqlite3.Row | None:
    """The article's columns by name (`row["ko_text"]`), or None when there is no such article."""
    return conn.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
