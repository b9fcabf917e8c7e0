"""What the library remembers between runs (where the cursor was, the order, the filters), per library file.

A small JSON file in the user's state directory, written atomically (a temporary file renamed over the
old one), so a crash never leaves half a file; an unreadable file is treated as empty. READER_STATE_DIR
overrides the place (the tests use it so they never touch the real one).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

ENV_VAR = "READER_STATE_DIR"
FILENAME = "library-state.json"
#: Libraries remembered at most; the least recently used are dropped.
KEEP = 50


def settings_path() -> Path:
    base = os.environ.get(ENV_VAR)
    if not base:
        from platformdirs import user_state_dir

        base = user_state_dir("reader", appauthor=False)
    return Path(base) / FILENAME


def _load_all(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _key(library: Path | str) -> str:
    """A library's entry: its file's full path, or its URL without a password."""
    if isinstance(library, str):
        from ..store.connection import shown_url as shown

        return shown(library)
    return str(library.resolve())


def load_library_state(library: Path | str | None) -> dict:
    """What was saved for this library file, or {} (also for an in-memory library)."""
    if library is None:
        return {}
    entry = _load_all(settings_path()).get(_key(library))
    return entry if isinstance(entry, dict) else {}


def save_library_state(library: Path | str | None, state: dict) -> None:
    """Remember `state` for this library file; a failure to write is not worth interrupting the reader."""
    if library is None:
        return
    path = settings_path()
    data = _load_all(path)
    key = _key(library)
    data.pop(key, None)
    data[key] = state  # last in, most recent
    while len(data) > KEEP:
        data.pop(next(iter(data)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".library-state.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except (OSError, UnboundLocalError):
            pass
