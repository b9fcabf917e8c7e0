"""A process's children and theirs, read from /proc (Linux): the worker processes of a parallel import (the
fork server that loads the models and the workers it forks), for the benches that measure them
(import_workers) or kill them (crash)."""

from __future__ import annotations

from pathlib import Path


def children(pid: int) -> list[int]:
    """The ids of `pid`'s child processes, from every one of its threads; [] where /proc says nothing."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def descendants(pid: int) -> list[int]:
    """The ids of `pid`'s children, their children and so on."""
    found, todo = [], children(pid)
    while todo:
        child = todo.pop()
        found.append(child)
        todo += children(child)
    return found
