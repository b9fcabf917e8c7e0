"""The library on disk (SQLite). Knows nothing of Textual; the TUI and the CLI both read through it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Self

from . import articles as _articles
from .articles import (
    Article,
    ArticleSummary,
    DuplicateArticle,
    MentionRow,
    NewArticle,
    Segment,
    SegmentRow,
    SentenceRow,
    StoredMention,
)
from .connection import StoreError, connect, transaction
from .migrations import SCHEMA_VERSION, migrate

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleSummary",
    "DuplicateArticle",
    "MentionRow",
    "NewArticle",
    "Segment",
    "SegmentRow",
    "SentenceRow",
    "Store",
    "StoreError",
    "StoredMention",
    "transaction",
]


class Store:
    """One open library: a connection brought up to the current schema, and the queries over it."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None) -> None:
        self.conn = conn
        self.path = path
        self.upgraded_from: int | None = None  # the schema version a migration started from
        self.backup_path: Path | None = None  # the copy written before that migration

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Store:
        conn = connect(path, create=create)
        backups: list[Path] = []

        def backup_name(version: int) -> Path:
            target = Path(f"{path}.schema{version}.bak")
            backups.append(target)
            return target

        try:
            from_version = migrate(conn, None if str(path) == ":memory:" else backup_name)
        except sqlite3.OperationalError as exc:
            conn.close()
            if "readonly" in str(exc):
                raise StoreError(
                    f"{path} is read-only and needs an upgrade to this version of reader; "
                    "make it writable once"
                ) from None
            raise StoreError(f"cannot prepare the library at {path}: {exc}") from None
        except BaseException:
            conn.close()
            raise
        store = cls(conn, None if str(path) == ":memory:" else Path(path))
        store.upgraded_from = from_version if backups else None
        store.backup_path = backups[0] if backups else None
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def list_articles(self) -> list[ArticleSummary]:
        return _articles.list_articles(self.conn)

    def count_articles(self) -> int:
        return _articles.count_articles(self.conn)

    def get_article(self, article_id: int) -> Article | None:
        return _articles.get_article(self.conn, article_id)

    def neighbour_ids(self, article_id: int) -> tuple[int | None, int | None]:
        """The ids before and after `article_id` in library order, for [ and ] in the reading screen."""
        from .library import LibraryView, Listing

        return Listing(self.conn, LibraryView()).neighbours(article_id)

    def insert_article(
        self, article: NewArticle, sentences, segments, *, added: str | None = None, mentions=(), then=None
    ) -> int:
        return _articles.insert_article(
            self.conn, article, sentences, segments, added=added, mentions=mentions, then=then
        )

    def replace_article(
        self, article_id: int, article: NewArticle, sentences, segments, mentions=()
    ) -> dict[str, int]:
        return _articles.replace_article(self.conn, article_id, article, sentences, segments, mentions)

    def delete_article(self, article_id: int) -> bool:
        return _articles.delete_article(self.conn, article_id)
