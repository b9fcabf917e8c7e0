"""Removing an article, and bringing it back: `reader rm` and the library screen's delete key (with undo).

An article is removed with everything derived from it (rows, names, notes, a translation's progress) in
one transaction; what was removed is kept in memory as the rows themselves, so undo puts back exactly
what was there, note ids and all, rather than analysing the text again.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .connection import StoreError, transaction
from .search import index_article, unindex_article

#: Every table holding an article's rows, the article itself first (the others refer to it).
_TABLES = ("articles", "sentences", "segments", "mentions", "notes", "translation_runs", "translation_parts")


@dataclass(frozen=True, slots=True)
class RemovedArticle:
    """An article as it was removed: each table's column names and rows."""

    article_id: int
    title: str
    rows: tuple[tuple[str, tuple[str, ...], tuple[tuple, ...]], ...]


def remove_articles(conn: sqlite3.Connection, article_ids: list[int]) -> list[RemovedArticle]:
    """Remove the articles and all that belongs to them, in one transaction: all of them, or none if one
    of the ids is not in the library (a StoreError naming it)."""
    removed = []
    with transaction(conn):
        for article_id in dict.fromkeys(article_ids):
            taken = _take(conn, article_id)
            if taken is None:
                raise StoreError(f"no article with id {article_id} (see: reader list); nothing was removed")
            removed.append(taken)
    return removed


def _take(conn: sqlite3.Connection, article_id: int) -> RemovedArticle | None:
    taken = []
    for table in _TABLES:
        key = "id" if table == "articles" else "article_id"
        cursor = conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", (article_id,))
        taken.append((table, tuple(d[0] for d in cursor.description), tuple(cursor.fetchall())))
    if not taken[0][2]:
        return None
    article = dict(zip(taken[0][1], taken[0][2][0], strict=True))
    unindex_article(conn, article_id)
    for table, _, _ in reversed(taken):
        key = "id" if table == "articles" else "article_id"
        conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (article_id,))
    title = article.get("title_en") or article.get("title_ko") or f"article {article_id}"
    return RemovedArticle(article_id, str(title), tuple(taken))


def restore_article(conn: sqlite3.Connection, removed: RemovedArticle) -> None:
    """Put a removed article back as it was, in one transaction (its id, notes and rows unchanged)."""
    with transaction(conn):
        try:
            for table, columns, rows in removed.rows:
                if rows:
                    names = ", ".join(f'"{c}"' for c in columns)
                    marks = ", ".join("?" for _ in columns)
                    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        except sqlite3.IntegrityError:
            raise StoreError(
                f"cannot bring back article {removed.article_id}: it (or the same text) is in the library again"
            ) from None
        index_article(conn, removed.article_id)
