"""`reader db check` and `reader db reindex` say how far they are on one line of a terminal's stderr (on a
million articles they take minutes), and say nothing of it into a log."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import progress

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from make_library import make_library


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("big") / "library.db"
    make_library(db, 1200, workers=0, length=300)
    return db


@pytest.mark.parametrize("action, steps", [("check", 6), ("reindex", 3)])
def test_progress_is_one_line_on_a_terminal(library, monkeypatch, capsys, action, steps) -> None:
    monkeypatch.setattr(progress, "EVERY", 0.0)  # every count and every tick of a long statement
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--db", str(library), "db", action]) == 0
    said = terminal.getvalue()
    lines = said.split("\r")
    assert all("\n" not in line for line in lines[:-1])  # the one line rewritten, never a new one
    assert said.endswith("\r\x1b[K" + ("rebuilt the full-text index\n" if action == "reindex" else ""))
    for step in range(1, steps + 1):
        assert f"step {step} of {steps}: " in said
    counted = (
        "highlighted names, 1,000 of 1,200" if action == "check" else "indexing articles, 1,000 of 1,200"
    )
    assert counted in said
    if action == "check":
        assert capsys.readouterr().out.endswith("ok\n")


def test_nothing_of_it_in_a_log(library, capsys) -> None:
    assert main(["--db", str(library), "db", "check"]) == 0
    assert main(["--db", str(library), "db", "reindex"]) == 0
    captured = capsys.readouterr()
    assert "step" not in captured.err and captured.err == "rebuilt the full-text index\n"
    assert captured.out.endswith("ok\n")
    with sqlite3.connect(library) as conn:
        assert (
            conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH 'Seoul'").fetchone()[0]
            > 0
        )
