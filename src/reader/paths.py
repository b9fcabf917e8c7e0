"""Where the library lives: `--db PATH`, else `READER_DB`, else the user's data directory."""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

ENV_VAR = "READER_DB"
LIBRARY_FILENAME = "library.db"


def default_db_path() -> Path:
    """`library.db` in the platform's user data directory (e.g. ~/.local/share/reader on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False)) / LIBRARY_FILENAME


def resolve_db_path(cli_value: str | None) -> tuple[Path, bool]:
    """The library path, and whether it is the default one (only that one gets the sample library)."""
    if cli_value:
        return Path(cli_value).expanduser(), False
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser(), False
    return default_db_path(), True


def bundled_library() -> Path | None:
    """The sample library shipped with reader: inside the installed package, or at a source checkout's root."""
    packaged = resources.files("reader") / "data" / "articles.db"
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "articles.db"
    return checkout if checkout.is_file() else None


def ensure_default_library(path: Path) -> bool:
    """On first run, give a new user the sample library instead of an empty screen; True if copied."""
    if path.exists() and path.stat().st_size > 0:
        return False
    sample = bundled_library()
    if sample is None:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    shutil.copyfile(sample, tmp)
    os.replace(tmp, path)  # never leave a half-copied library behind
    return True
