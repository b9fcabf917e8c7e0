"""A write the library refuses, or a read it cannot answer, is a message, never a crash.

A read-only role on a shared server, a library file the reader may not write, a server that went away:
the screens read such a library normally, and a key that would change it says why it cannot, in one line.
While a library's server is down, a key that needs to read says so too, and the screen stays as it was;
once the server is back the store connects again by itself (see `reader.store.postgres`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.app import App
from textual.widget import Widget

from ..store import DatabaseError, StoreError


def one_line(exc: BaseException) -> str:
    """What an error says, on one line (its first), for a notification."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


class Attempt:
    """Whether the write inside `refused_write` was refused (what follows it should then not happen)."""

    refused = False


@contextmanager
def refused_write(node: Widget | App, what: str) -> Iterator[Attempt]:
    """`with refused_write(self, "star this article") as attempt:` — a refused write is one line on screen,
    and `attempt.refused` tells the caller to stop there."""
    attempt = Attempt()
    try:
        yield attempt
    except (StoreError, DatabaseError) as exc:
        attempt.refused = True
        node.notify(f"Cannot {what}: {one_line(exc)}", severity="error", markup=False, timeout=6)


@contextmanager
def unanswered_read(node: Widget | App, what: str) -> Iterator[Attempt]:
    """`with unanswered_read(self, "open the article") as attempt:` — as `refused_write`, for a read the
    library could not answer (its server is down): one line, and `attempt.refused` says to stop."""
    with refused_write(node, what) as attempt:
        yield attempt


@contextmanager
def optional_write() -> Iterator[None]:
    """For a write the reader did not ask for (remembering an article was opened): skipped when refused."""
    try:
        yield
    except (StoreError, DatabaseError):
        pass
