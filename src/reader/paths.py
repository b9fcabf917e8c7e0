"""Where the library lives: `--db PATH`, else `READER_DB`, else the user's data directory; either of the
first two may be a postgresql:// URL instead, for a library shared on a PostgreSQL server."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .store.connection import is_postgres_url

ENV_VAR = "READER_DB"
LIBRARY_FILENAME = "library.db"


def default_db_path() -> Path:
    """`library.db` in the platform's user data directory (e.g. ~/.local/share/reader on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader", appauthor=False)) / LIBRARY_FILENAME


#: A scheme before a colon (mysql:, pg:, postgresql: without //): an address, not a file name. Two letters
#: at least, so a Windows drive (C:) is still a path.
_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def check_location(value: str) -> None:
    """A library is a file or a postgresql:// URL: a value that looks like another kind of address is a
    mistake, said in one line before a file of that odd name is made (postgresql:news, mysql://…)."""
    if not value or is_postgres_url(value) or not _ADDRESS.match(value) or Path(value).exists():
        return
    from .inert import inert
    from .store.connection import StoreError, shown_url

    hint = " (postgresql://HOST/DATABASE)" if value.lower().startswith(("postgres", "pg")) else ""
    raise StoreError(f"{inert(shown_url(value))} is not a library: give a file, or a postgresql:// URL{hint}")


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


def is_bundled_library(path: Path) -> bool:
    """Whether `path` is the sample library shipped with reader (which is never opened for writing)."""
    sample = bundled_library()
    try:
        return sample is not None and path.exists() and os.path.samefile(path, sample)
    except OSError:
        return False


@dataclass(frozen=True)
class LibraryChoice:
    """The library to open, and what the user should hear about the choice (or None)."""

    path: Path | str  # a file, or the postgresql:// URL of a library on a server
    notice: str | None


def choose_library(cli_value: str | None) -> LibraryChoice:
    """The library a run opens: `--db`, `READER_DB` or the default, which starts as a copy of the samples.

    The bundled sample library itself (`--db articles.db` in a checkout) is never written to: reading,
    marking read and notes would change a file the repository tracks. Named as the library, it opens the
    user's library instead ($READER_DB, else the default one, which is started from the samples if it does
    not exist yet).
    """
    named = cli_value or os.environ.get(ENV_VAR) or ""
    check_location(named)
    if is_postgres_url(named):  # a library on a server: no samples, nothing to copy
        return LibraryChoice(named, None)
    path, is_default = resolve_db_path(cli_value)
    instead_of: Path | None = None
    if is_bundled_library(path):
        instead_of = path
        path, is_default = resolve_db_path(None)  # $READER_DB, else the default library
        if is_bundled_library(path):
            path, is_default = default_db_path(), True
    copied = ensure_default_library(path) if is_default else False
    if instead_of is not None and not copied and _holds_nothing(path):
        # asked for the samples, and the library opened instead has nothing of the reader's own in it
        copied = _copy_samples(path)
    if instead_of is not None:
        started = " (started from the samples)" if copied else ""
        return LibraryChoice(
            path,
            f"{instead_of} is the bundled sample library and stays unchanged; "
            f"opened your library {path}{started}",
        )
    if copied:
        return LibraryChoice(path, f"started your library {path} with the sample articles")
    return LibraryChoice(path, None)


def ensure_default_library(path: Path) -> bool:
    """On first run, give a new user the sample library instead of an empty screen; True if copied."""
    if path.exists() and path.stat().st_size > 0:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    return _copy_samples(path)


def _holds_nothing(path: Path) -> bool:
    from .store.health import holds_nothing

    return path.exists() and holds_nothing(path)


def _copy_samples(path: Path) -> bool:
    sample = bundled_library()
    if sample is None:
        return False
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):  # an empty library's journal is not the samples'
        stale.unlink(missing_ok=True)
    tmp = path.with_suffix(".tmp")
    shutil.copyfile(sample, tmp)
    os.replace(tmp, path)  # never leave a half-copied library behind
    return True
