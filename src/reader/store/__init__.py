"""The library on disk (SQLite). Knows nothing of Textual; the TUI and the CLI both read through it."""

from __future__ import annotations

import sqlite3
from functools import cached_property
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
from .connection import StoreError, connect, is_postgres_url, transaction
from .migrations import SCHEMA_VERSION, migrate

#: What a failed statement raises on either backend (PostgreSQL's errors are raised as these classes, see
#: postgres.py): callers outside the store catch these, never a driver's own.
DatabaseError = sqlite3.Error
OperationalError = sqlite3.OperationalError

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleSummary",
    "DatabaseError",
    "DuplicateArticle",
    "MentionRow",
    "NewArticle",
    "OperationalError",
    "Segment",
    "SegmentRow",
    "SentenceRow",
    "Store",
    "StoreError",
    "StoredMention",
    "is_postgres_url",
    "open_connection",
    "transaction",
]


def open_connection(location: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """A connection to the library at `location` without the schema check `Store.open` makes: for a
    second connection to a library already open (a search thread, a worker)."""
    if is_postgres_url(location):
        from .postgres import connect as connect_postgres

        return connect_postgres(str(location))  # type: ignore[return-value]  # the same interface
    return connect(location, create=create)


class Store:
    """One open library: a connection brought up to the current schema, and the queries over it."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None, url: str | None = None) -> None:
        self.conn = conn
        self.path = path  # the library file; None for a PostgreSQL library or one in memory
        self.url = url  # the postgresql:// URL of a library on a server
        self.upgraded_from: int | None = None  # the schema version a migration started from
        self.backup_path: Path | None = None  # the copy written before that migration

    @property
    def location(self) -> Path | str | None:
        """What `Store.open` takes to open this library again (another connection, thread or process): its
        file or its URL; None for a library in memory, which has only the one connection."""
        return self.url if self.url is not None else self.path

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Store:
        """The library at `path`: an SQLite file, or a postgresql:// URL (see `postgres.py`)."""
        if is_postgres_url(path):
            return cls._open_postgres(str(path))
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

    @classmethod
    def _open_postgres(cls, url: str) -> Store:
        try:
            from . import postgres
        except ImportError:  # psycopg is an extra: a file library never needs it
            raise StoreError(
                "a library on PostgreSQL needs the driver: pip install -e '.[postgres]' in your clone "
                "(or pip install 'psycopg[binary]')"
            ) from None
        from . import pg_schema

        pg = postgres.connect(url)
        try:
            pg_schema.migrate(pg)
        except BaseException:
            pg.close()
            raise
        return cls(pg, None, url)  # type: ignore[arg-type]  # the store's connection interface

    @cached_property
    def write_refusal(self) -> str | None:
        """Why this library cannot be changed by whoever opened it (a read-only role or file); None when it
        can. Asked once (see `permissions`)."""
        from .permissions import write_refusal

        return write_refusal(self.conn, self.path)

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
