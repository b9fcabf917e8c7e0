"""Print the README's key table from the bindings themselves, so the README cannot drift from the code.

    python scripts/readme_keys.py          # print the table
    python scripts/readme_keys.py --write  # replace the table between the markers in README.md

A test fails when README.md's table differs from what this prints.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- keys:start -->", "<!-- keys:end -->"


def binding_classes() -> list[type]:
    from reader import tui

    found: dict[str, type] = {}
    for module in pkgutil.walk_packages(tui.__path__, "reader.tui."):
        mod = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ == mod.__name__ and "BINDINGS" in cls.__dict__ and cls.__dict__["BINDINGS"]:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return [found[k] for k in sorted(found)]


def table() -> str:
    from textual.binding import Binding

    from reader.tui.key_names import key_name

    lines = ["| where | keys | what it does | id |", "| --- | --- | --- | --- |"]
    for cls in binding_classes():
        where = getattr(cls, "BINDING_GROUP_TITLE", None) or cls.__name__
        for binding in cls.__dict__["BINDINGS"]:
            if not isinstance(binding, Binding) or (binding.system and not binding.description):
                continue
            keys = ", ".join(key_name(k) for k in binding.key.split(","))
            what = binding.tooltip or binding.description or binding.action
            ident = binding.id or binding.action
            cells = [where, f"`{keys}`".replace("|", "\\|"), what.replace("|", "\\|"), f"`{ident}`"]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def readme_with_table(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main() -> None:
    path = ROOT / "README.md"
    if "--write" in sys.argv:
        path.write_text(readme_with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(table())


if __name__ == "__main__":
    main()
