"""A library on a PostgreSQL server, behind the same connection interface the store uses for SQLite.

The store's functions take a connection and call `execute` (with `?` parameters), `executemany`, read
rows by index and by name, `lastrowid`, `in_transaction`, and open writes with `transaction()`. This
module gives a psycopg connection that interface, so the store keeps one set of functions over both
backends; `dialect.py` rewrites the SQLite idioms in their statements.

- Writes are serialised as SQLite serialises them: `BEGIN IMMEDIATE` takes one advisory lock for the
  transaction, so two machines adding articles never hand out the same article id, and a write waits
  for another instead of failing half-way. Reads never wait.
- Errors keep the store's one vocabulary (sqlite3's exception classes, which the store and its callers
  already handle): a constraint is an IntegrityError, a cancelled query an "interrupted"
  OperationalError. What the user has to act on (the server gone, a role that may only read) is a
  StoreError of one line.
- Credentials come only from libpq: the URL, PG* variables, ~/.pgpass, a service file. Nothing here
  writes them anywhere, and a password in the URL is left out of every message.

psycopg is imported here only, and this module only when a library is a PostgreSQL URL, so opening an
SQLite library never loads it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, Self

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus

from .connection import StoreError
from .connection import shown_url as shown
from .dialect import POSTGRESQL, to_postgres

#: The advisory lock every writing transaction holds ("READ"), as SQLite's one writer at a time.
WRITE_LOCK = 0x52454144


class Row(tuple):
    """A result row read by position or by column name, as sqlite3.Row is."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Self:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _rows(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    index = {column.name: i for i, column in enumerate(description)}
    return lambda values: Row(values, index)


def _message(exc: BaseException) -> str:
    """The server's own words, on one line."""
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    text = primary or str(exc)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def translated(exc: psycopg.Error) -> Exception:
    """A psycopg error in the store's vocabulary (see the module's docstring)."""
    text = _message(exc)
    if isinstance(exc, pg_errors.InsufficientPrivilege | pg_errors.ReadOnlySqlTransaction):
        return StoreError(f"the library is read-only for this database role ({text})")
    if isinstance(exc, pg_errors.QueryCanceled):
        return sqlite3.OperationalError(f"interrupted: {text}")
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(text)
    state = getattr(exc, "sqlstate", None) or ""
    if isinstance(exc, psycopg.OperationalError) and (not state or state.startswith(("08", "57P"))):
        # no answer from the server at all, a connection exception, or the server shutting down
        return StoreError(f"lost the connection to the library's server ({text})")
    return sqlite3.OperationalError(text)


def _storable(value: Any) -> Any:
    """PostgreSQL's text cannot hold NUL, which SQLite's can: a NUL in a text (hostile input) is stored as
    U+FFFD, one character for one, so every offset into the text (sentences, notes) still holds."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


class Cursor(psycopg.Cursor):
    """A psycopg cursor with sqlite3's `lastrowid`: the id the last INSERT took from its sequence."""

    @property
    def lastrowid(self) -> int | None:
        row = self.connection.execute("SELECT lastval()").fetchone()
        return None if row is None else row[0]


def _open(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True, row_factory=_rows, cursor_factory=Cursor, connect_timeout=15)


def _is_read(sql: str) -> bool:
    """A statement that changes nothing, so sending it again on a new connection cannot do anything twice."""
    return sql.lstrip()[:6].upper() == "SELECT" or sql.lstrip()[:5].upper() == "WITH "


class PgConnection:
    """The part of sqlite3.Connection the store uses, over one psycopg connection in autocommit mode.

    A connection the server dropped (a restart, a network blip) is opened again at the next statement
    outside a transaction, and a read that met the drop is sent once more on the new one: an open reader
    carries on after the server comes back. A write that met it is not sent again (it may have been
    done); its transaction fails with one line, as any refused write does."""

    dialect = POSTGRESQL

    def __init__(self, raw: psycopg.Connection, url: str) -> None:
        self.raw = raw
        self.url = url
        self._in_lost_transaction = False  # the server dropped the connection inside a transaction

    @property
    def _dropped(self) -> bool:
        """Whether the connection is gone (closed, or broken by the server or the network)."""
        return self.raw.closed or self.raw.broken

    def _usable(self) -> psycopg.Connection:
        """The connection, opened again first if the server dropped it while no transaction was open."""
        if self._dropped:
            if self._in_lost_transaction:
                raise StoreError("lost the connection to the library's server in the middle of a write")
            try:
                self.raw = _open(self.url)
            except psycopg.Error as exc:
                raise StoreError(f"lost the connection to the library's server ({_message(exc)})") from None
        return self.raw

    def _run(self, sql: str, run: Any) -> Any:
        was_idle = not self._in_lost_transaction and not self.in_transaction
        try:
            return run(self._usable().cursor())
        except psycopg.Error as exc:
            if self._dropped and was_idle and _is_read(sql):
                try:
                    return run(self._usable().cursor())
                except psycopg.Error as again:
                    raise translated(again) from None
            if self._dropped and not was_idle:
                self._in_lost_transaction = True  # until the caller's rollback: no silent new connection
            raise translated(exc) from None

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if sql.strip().upper() == "BEGIN IMMEDIATE":
            return self._begin()
        if sql.strip().upper() == "ROLLBACK" and self._dropped:
            self._in_lost_transaction = False  # the server dropped the transaction with the connection
            return None

        def run(cursor: Any) -> Any:
            if params:
                cursor.execute(to_postgres(sql), [_storable(p) for p in params])
            else:
                cursor.execute(to_postgres(sql, False))
            return cursor

        return self._run(sql, run)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        batch = [[_storable(p) for p in r] for r in rows]
        if not batch:
            return self._usable().cursor()

        def run(cursor: Any) -> Any:
            cursor.executemany(to_postgres(sql), batch)
            return cursor

        return self._run(sql, run)

    def _begin(self) -> Any:
        """BEGIN and the write lock; a connection found dropped here is opened again once, as nothing of
        the transaction has been sent yet."""
        for attempt in (1, 2):
            try:
                raw = self._usable()
                raw.execute("BEGIN")
                return raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            except psycopg.Error as exc:
                if attempt == 2 or not self._dropped:
                    raise translated(exc) from None
        raise AssertionError("unreachable")

    @property
    def shown_url(self) -> str:
        return shown(self.url)

    @property
    def in_transaction(self) -> bool:
        if self._dropped:
            return self._in_lost_transaction
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def interrupt(self) -> None:
        """Cancel the statement running on this connection (from another thread), as sqlite3's does; with
        the server gone there is nothing running to cancel."""
        try:
            self.raw.cancel_safe()
        except psycopg.Error:
            pass

    def set_progress_handler(self, handler: object, steps: int) -> None:
        """PostgreSQL reports no progress within a statement: the steps between statements are heard."""

    def commit(self) -> None:
        if self.in_transaction:
            self.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


def connect(url: str) -> PgConnection:
    """Open the library at a postgresql:// URL (libpq finds the credentials); one clear line if it cannot."""
    try:
        raw = _open(url)
    except psycopg.Error as exc:
        raise StoreError(f"cannot open the library at {shown(url)}: {_message(exc)}") from None
    return PgConnection(raw, url)
