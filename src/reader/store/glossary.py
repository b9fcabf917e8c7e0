"""The glossary (bilingual termbase) as stored in the library: bundled entries plus the user's own."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.glossary import Entry, Glossary
from .connection import transaction

SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class StoredEntry:
    id: int
    entry: Entry
    origin: str  # "bundled" or "user"


def _row(entry: Entry) -> tuple[str, str, str, str]:
    return SEPARATOR.join(entry.ko), SEPARATOR.join(entry.en), entry.type, entry.note


def _insert(conn: sqlite3.Connection, entries: Iterable[Entry], origin: str) -> tuple[int, int]:
    """Insert inside the caller's transaction; returns (added, already present)."""
    added = skipped = 0
    for entry in entries:
        if not entry.ko or not entry.en:
            raise ValueError(f"a glossary entry needs both a Korean and an English form: {entry}")
        cursor = conn.execute(
            "INSERT OR IGNORE INTO glossary (ko, en, type, note, origin) VALUES (?, ?, ?, ?, ?)",
            (*_row(entry), origin),
        )
        if cursor.rowcount:
            added += 1
        else:
            skipped += 1
    return added, skipped


def seed_bundled(conn: sqlite3.Connection) -> int:
    """Fill a new library with the starter glossary that ships with reader (inside a migration)."""
    return _insert(conn, Glossary.load_bundled().entries, "bundled")[0]


def list_entries(
    conn: sqlite3.Connection, *, type: str | None = None, query: str | None = None
) -> list[StoredEntry]:
    sql = "SELECT id, ko, en, type, note, origin FROM glossary"
    where, params = [], []
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if query:
        where.append("(ko LIKE ? OR en LIKE ? COLLATE NOCASE)")
        params += [f"%{query}%", f"%{query}%"]
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY type, en COLLATE NOCASE, id"
    return [
        StoredEntry(
            r[0], Entry(tuple(r[1].split(SEPARATOR)), tuple(r[2].split(SEPARATOR)), r[3], r[4] or ""), r[5]
        )
        for r in conn.execute(sql, params)
    ]


def load_glossary(conn: sqlite3.Connection) -> Glossary:
    """The library's whole termbase, ready for recognition and linking."""
    return Glossary(stored.entry for stored in list_entries(conn))


def add_entries(conn: sqlite3.Connection, entries: Iterable[Entry], origin: str = "user") -> tuple[int, int]:
    """Add entries in one transaction (all or none); returns (added, skipped as already present)."""
    with transaction(conn):
        return _insert(conn, entries, origin)


def add_entry(conn: sqlite3.Connection, entry: Entry, origin: str = "user") -> int | None:
    """The new entry's id, or None if the same entry was already there."""
    with transaction(conn):
        added, _ = _insert(conn, [entry], origin)
        if not added:
            return None
        return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def remove_entry(conn: sqlite3.Connection, entry_id: int) -> bool:
    with transaction(conn):
        return conn.execute("DELETE FROM glossary WHERE id = ?", (entry_id,)).rowcount > 0
