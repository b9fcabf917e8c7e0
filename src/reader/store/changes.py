"""Whether someone else has written to the library since a screen last read it.

A shared library (a PostgreSQL server, or one file open in two `reader` processes) changes under an open
window: a colleague adds articles, edits a source, writes a note. The screens compare this mark now and
then and read their rows again when it moved, instead of re-reading everything on a timer.
"""

from __future__ import annotations

import sqlite3

from .dialect import POSTGRESQL, dialect


def change_mark(conn: sqlite3.Connection) -> object:
    """A value that differs once another connection has committed a write.

    SQLite: `PRAGMA data_version`, which moves on every commit by another connection to the file. On
    PostgreSQL: the next transaction id the server will hand out, which every writing transaction moves
    (in any database of the server: a re-read too many at worst, never a change missed).
    """
    if dialect(conn) == POSTGRESQL:
        return conn.execute("SELECT txid_snapshot_xmax(txid_current_snapshot())").fetchone()[0]
    return conn.execute("PRAGMA data_version").fetchone()[0]
