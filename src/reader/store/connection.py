"""Opening a library file: the pragmas every connection needs, and errors a user can act on."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote

#: Written into the file header so that `reader` can tell its own databases from any other SQLite file.
APPLICATION_ID = 0x52454144  # "READ"
#: Pages of 2 KiB, not SQLite's 4 KiB: an article's row (a few KiB of text) spills into overflow pages,
#: and the part left on its leaf page packs into small pages with far less left over (a 100,000-article
#: library about a tenth of its text smaller; measured with bench/make_library.py).
PAGE_SIZE = 2048


class StoreError(Exception):
    """A problem with the library file that the user can fix; the CLI prints it as one line."""


def is_postgres_url(location: object) -> bool:
    """Whether a library location (`--db`, READER_DB) names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def shown_url(url: str) -> str:
    """A library's URL as a message or a screen may show it: without a password."""
    return re.sub(r"^(\w+://[^:/@]*):[^@]*@", r"\1:…@", url)


def file_writable(path: Path) -> bool:
    """Whether this user may write the library file at `path` (and the journal files beside it); a file
    not there yet is made in a folder that has been checked."""
    return not path.exists() or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def connect(path: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """Open `path` in WAL mode with foreign keys and a busy timeout, so two `reader` processes can share it.

    The connection is in autocommit mode; writers open their own transaction with `transaction()`.
    """
    target = Path(path)
    if str(path) != ":memory:":
        if target.is_dir():
            raise StoreError(f"{target} is a folder, not a library file")
        if not create and not target.exists():
            raise StoreError(f"no library at {target}")
        if not target.parent.exists():
            raise StoreError(f"folder {target.parent} does not exist")
    read_only = str(path) != ":memory:" and not file_writable(target)
    try:
        if read_only:
            # SQLite cannot make the WAL's shared-memory file beside a file it may not write; reading the
            # file as immutable still works, and any write fails cleanly as "readonly".
            uri = f"file:{quote(str(target.resolve()))}?immutable=1"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        _check_is_library(conn, target)
        if not read_only and conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file: before anything is written
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal" and str(path) != ":memory:" and not read_only:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # a read-only file can still be read in its present journal mode
        if not read_only:
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc):
            raise StoreError(
                f"{target} is read-only (check the file's and its folder's permissions)"
            ) from None
        raise StoreError(f"{target} is not a reader library ({exc})") from None
    return conn


def _check_is_library(conn: sqlite3.Connection, target: Path) -> None:
    """Refuse SQLite files that belong to something else, before anything is written to them."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id in (0, APPLICATION_ID):
        if app_id == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            if tables:
                raise StoreError(f"{target} is an SQLite database but not a reader library")
        return
    raise StoreError(f"{target} is an SQLite database but not a reader library")


class transaction:
    """`with transaction(conn):` — one IMMEDIATE transaction: all of it lands, or none of it does.

    IMMEDIATE takes the write lock up front, so a second process waits (busy timeout) instead of failing
    half-way through with "database is locked".
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        else:
            self._rollback()

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (a full disk, an I/O error): nothing left to undo.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
