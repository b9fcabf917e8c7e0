"""Whether someone else changed the library under an open screen since it last read its rows.

The library and the notes list look every CHANGES_POLL seconds (one small query, `store.changes`) and
read their rows again only when the mark moved. A server that is down is no change: looked at again at
the next poll.
"""

from __future__ import annotations

import sqlite3

from ..store import DatabaseError, StoreError
from ..store.changes import change_mark

#: Seconds between looks at whether someone else changed the library.
CHANGES_POLL = 5.0


class ChangeWatch:
    """The change mark a screen last read its rows at, and whether it has moved since."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.mark: object = None  # None until taken, or when the library could not be asked

    def _now(self) -> object:
        try:
            return change_mark(self.conn)
        except (StoreError, DatabaseError):  # the server is down
            return None

    def take(self) -> None:
        """Remember the mark now (the screen is reading its rows)."""
        self.mark = self._now()

    def moved(self) -> bool:
        """Whether the mark moved since it was last taken; it is taken anew when it did."""
        now = self._now()
        if now is None or now == self.mark:
            return False
        self.mark = now
        return True
