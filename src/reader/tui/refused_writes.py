"""A write the library refuses is a message, never a crash.

A read-only role on a shared server, a library file the reader may not write, a server that went away:
the screens read such a library normally, and a key that would change it says why it cannot, in one line.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.widget import Widget

from ..store import DatabaseError, StoreError


def _one_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


class Attempt:
    """Whether the write inside `refused_write` was refused (what follows it should then not happen)."""

    refused = False


@contextmanager
def refused_write(node: Widget, what: str) -> Iterator[Attempt]:
    """`with refused_write(self, "star this article") as attempt:` — a refused write is one line on screen,
    and `attempt.refused` tells the caller to stop there."""
    attempt = Attempt()
    try:
        yield attempt
    except (StoreError, DatabaseError) as exc:
        attempt.refused = True
        node.notify(f"Cannot {what}: {_one_line(exc)}", severity="error", markup=False, timeout=6)


@contextmanager
def optional_write() -> Iterator[None]:
    """For a write the reader did not ask for (remembering an article was opened): skipped when refused."""
    try:
        yield
    except (StoreError, DatabaseError):
        pass
