"""Whether whoever opened the library may change it, asked once when it opens.

A read-only database role, or a library file the user may not write, is read normally; knowing it up
front lets the app mark the library read-only and refuse a note or an article before anything is typed
(or analysed), instead of failing at the save.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .connection import file_writable
from .dialect import POSTGRESQL, dialect

READ_ONLY_ROLE = "the library is read-only for this database role"


def write_refusal(conn: sqlite3.Connection, path: Path | None) -> str | None:
    """Why this library cannot be written here, in one line; None when it can."""
    if dialect(conn) == POSTGRESQL:
        row = conn.execute(
            "SELECT has_table_privilege('articles', 'INSERT') AND has_table_privilege('notes', 'INSERT') "
            "AND has_sequence_privilege(pg_get_serial_sequence('notes', 'id'), 'USAGE')"
        ).fetchone()
        return None if row[0] else READ_ONLY_ROLE
    writable = path is None or file_writable(path)
    return None if writable else "the library is read-only (check the file's and its folder's permissions)"
