"""The README states what the code does: its key table is the bindings', its test command is CI's, its
map of the code is the tree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_key_table_matches_the_bindings() -> None:
    printed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_keys.py")], capture_output=True, text=True, check=True
    ).stdout.strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- keys:start -->", 1)[1].split("<!-- keys:end -->", 1)[0].strip()
    assert table == printed, "regenerate with: python scripts/readme_keys.py --write"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    """CI sets up as the README's test command does, runs the static checks, and ends with its tests."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme, flags=re.DOTALL)
    test_command = next(c for c in commands if "pytest" in c)
    setup, tests = test_command.strip().rsplit(" && ", 1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup in ci and ci[-1] == tests and ci.index(setup) < ci.index(tests)


def test_how_it_is_built_names_every_module() -> None:
    """The README's map of the code is how a newcomer finds a thing: every module and package is on it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it is built") : readme.index("## Benchmarks")]
    named = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", section))
    package = ROOT / "src" / "reader"
    modules = [p for p in package.rglob("*.py") if p.stem not in ("__init__", "__main__")]
    packages = [p for p in package.rglob("*") if p.is_dir() and p.name != "__pycache__"]
    missing = [str(p.relative_to(package)) for p in modules + packages if p.stem not in named]
    assert missing == []
