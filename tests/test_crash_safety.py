"""SIGKILL at random moments of imports, re-analysis, note saves and migrations loses and breaks nothing.

The harness lives in bench/crash.py, which runs it with many more kill points and prints the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import crash


def test_every_kill_point_leaves_a_flawless_library() -> None:
    problems: list[str] = []
    tried, flawless = crash.run(points=10, seed=20261126, log=problems.append)
    assert problems == []
    assert (tried, flawless) == (10, 10)


def test_verify_notices_a_half_written_article(tmp_path: Path) -> None:
    """The checker itself must be able to fail: remove one article's rows behind its back."""
    import sqlite3

    library = tmp_path / "library.db"
    crash.make_library(library)
    conn = sqlite3.connect(library)
    article_id = conn.execute("SELECT min(id) FROM articles").fetchone()[0]
    from reader.store.articles import insert_segments, load_segment_rows

    insert_segments(conn, article_id, load_segment_rows(conn, article_id)[:4])
    conn.commit()
    conn.close()
    problems = crash.verify(library, set())
    assert any(f"article {article_id} is partly there" in p for p in problems)
    assert crash.verify(library, {10**9})[-1].startswith("notes reported saved but missing")
