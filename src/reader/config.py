"""The user's config file, `config.toml` in the user config directory (~/.config/reader on Linux).

One file for every setting a person writes by hand: `[translate]` (the engine, see `translate.config`)
and `[notes]` (the name notes are signed with). reader only reads it, never writes it. A file that is
not valid TOML, or a table that is not a table, is one line naming the file; a missing file is no
settings at all.

    [notes]
    author = "Kim Jisu"      # shown beside each note you write; default: the database role or your login
"""

from __future__ import annotations

import os
from pathlib import Path

#: Overrides the file's place (a team's shared settings, or tests).
ENV_VAR = "READER_CONFIG"


class ConfigError(Exception):
    """The config file cannot be used as it is; the message names the file and what is wrong."""


def config_path() -> Path:
    """Where the config file is: READER_CONFIG, else config.toml in the platform's user config directory."""
    named = os.environ.get(ENV_VAR, "").strip()
    if named:
        return Path(named).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("reader", appauthor=False)) / "config.toml"


#: The tables reader reads; another one is a misspelling (a [note] table would be silently ignored).
TABLES = ("translate", "notes")


def read_table(name: str, path: Path | None = None) -> dict:
    """The `[name]` table of the config file; empty when the file or the table is absent."""
    named = path is None and bool(os.environ.get(ENV_VAR, "").strip())
    path = path or config_path()
    if not path.exists():
        if named:
            raise ConfigError(f"{ENV_VAR} names {path}, which does not exist")
        return {}
    import tomllib  # only when there is a file: start-up stays light

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    loose = sorted(k for k, v in data.items() if not isinstance(v, dict) and k not in TABLES)
    if loose:
        raise ConfigError(
            f"{path}: {', '.join(loose)} must be under a table: [notes] for author, [translate] for the "
            "engine's settings"
        )
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        raise ConfigError(
            f"{path}: unknown table(s) {', '.join(f'[{k}]' for k in unknown)}; reader reads "
            + " and ".join(f"[{k}]" for k in TABLES)
        )
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [{name}] must be a table")
    return table


def configured_author(path: Path | None = None) -> str:
    """The name set under [notes] as `author`, stripped; empty when none is set."""
    table = read_table("notes", path)
    unknown = sorted(set(table) - {"author"})
    if unknown:
        raise ConfigError(f"{path or config_path()}: unknown setting(s) {', '.join(unknown)} under [notes]")
    author = table.get("author", "")
    if not isinstance(author, str):
        raise ConfigError(f"{path or config_path()}: author under [notes] must be a string")
    return " ".join(author.split())
