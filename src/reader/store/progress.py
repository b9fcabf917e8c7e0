"""How far a long job over the whole library has got, as one line: "step 2 of 5, checking … 1:20".

On a million articles `reader db check` and `reader db reindex` take minutes, much of it inside single
SQLite statements (an integrity check, an index merge); SQLite's progress handler lets those say that
they are still going, and the steps that walk the articles say how many are done.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: Hears one line saying how far the job is; each replaces the last.
Progress = Callable[[str], None]
#: At most this many lines a second.
EVERY = 0.25
#: SQLite virtual machine steps between two looks at the clock inside a statement.
VM_STEPS = 20_000


class Ticker:
    """Says what step of `steps` is running, with its elapsed time or its count, a few times a second."""

    def __init__(self, conn: sqlite3.Connection, on_progress: Progress | None, steps: int) -> None:
        self.conn = conn
        self.on_progress = on_progress
        self.steps = steps
        self.step_number = 0
        self.what = ""
        self.started = self.said = 0.0

    @contextmanager
    def step(self, what: str) -> Iterator[None]:
        """A step; while it runs, a statement that takes long keeps the line's clock going."""
        self.step_number += 1
        self.what = what
        self.started = time.monotonic()
        self.said = 0.0
        self._say(force=True)
        if self.on_progress is None:
            yield
            return
        self.conn.set_progress_handler(self._tick, VM_STEPS)
        try:
            yield
        finally:
            self.conn.set_progress_handler(None, 0)

    def count(self, done: int, total: int) -> None:
        """Articles done of `total` in the current step."""
        self._say(f"{done:,} of {total:,}")

    def _tick(self) -> int:
        self._say()
        return 0  # go on (non-zero would stop the statement)

    def _say(self, detail: str = "", *, force: bool = False) -> None:
        if self.on_progress is None:
            return
        now = time.monotonic()
        if not force and now - self.said < EVERY:
            return
        self.said = now
        seconds = int(now - self.started)
        clock = f"{seconds // 60}:{seconds % 60:02d}"
        self.on_progress(
            f"step {self.step_number} of {self.steps}: {self.what}"
            + (f", {detail}" if detail else "")
            + f" {clock}"
        )
