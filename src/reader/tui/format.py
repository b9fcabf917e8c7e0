"""Small display helpers shared by the screens; every article string passes through `inert` first."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from ..inert import inert


def literal(text: str | None, style: str = "") -> Text:
    """Article text as Rich `Text`: never parsed as markup, control characters made visible."""
    return Text(inert(text or ""), style=style, end="")


def display_path(path: Path | str | None) -> str:
    """A short way to name the library file: relative to here, else to home, else absolute; a library on
    a server by its URL, without a password."""
    if path is None:
        return "in memory"
    if isinstance(path, str):
        from ..store.connection import shown_url as shown

        return shown(path)
    path = path.resolve()
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(path.relative_to(base.resolve()))
        except ValueError:
            continue
    return str(path)
