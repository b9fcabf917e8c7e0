"""`reader add FOLDER --workers N`: analysis in worker processes, one writer; the library and the report
come out as the one-process path makes them, and a kill -9 of the writer leaves a flawless library."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.importers.parallel import ARTICLES_PER_WORKER, worker_count
from reader.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import crash


def article(n: int) -> dict[str, str]:
    return {
        "title_ko": f"파병 {n}",
        "title_en": f"Deployment {n}",
        "ko": f"국방부는 북한군 {n}00명이 쿠르스크에 배치됐다고 밝혔다. 추가 파병도 배제할 수 없다.\n\n"
        f"김민준 대변인은 {n}일 서울에서 이같이 말했다.",
        "en": f"The Defence Ministry said {n}00 North Korean troops were in Kursk. More may follow.\n\n"
        f"Spokesman Kim Min-jun said so in Seoul on the {n}th.",
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Eight articles, the third again under another name, and a file that is not JSON."""
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(1, 9):
        (folder / f"{n:02d}.json").write_text(json.dumps(article(n), ensure_ascii=False), "utf-8")
    (folder / "03b.json").write_text(json.dumps(article(3), ensure_ascii=False), "utf-8")
    (folder / "05b.json").write_text('{"ko": "북한군", "en": ', "utf-8")
    return folder


def content(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT a.id, a.title_ko, a.title_en, a.ko_text, a.en_text, m.spans, s.packed, "
        "(SELECT group_concat(hex(spans), '|') FROM sentences t WHERE t.article_id = a.id) "
        "FROM articles a LEFT JOIN mentions m ON m.article_id = a.id "
        "LEFT JOIN segments s ON s.article_id = a.id ORDER BY a.id"
    ).fetchall()
    hits = conn.execute(
        "SELECT rowid FROM search_index WHERE search_index MATCH '쿠르스크' ORDER BY rowid"
    ).fetchall()
    conn.close()
    return [*rows, tuple(hits)]


def test_workers_store_what_one_process_stores_and_report_alike(folder, tmp_path, capsys) -> None:
    made = {}
    for workers in (1, 2):
        db = tmp_path / f"lib{workers}.db"
        Store.open(db).close()
        code = main(["--db", str(db), "add", str(folder), "--workers", str(workers)])
        out, err = capsys.readouterr()
        made[workers] = (code, out, err, content(db))
    assert made[1] == made[2]
    code, out, err, rows = made[2]
    assert code == 1 and out.split() == [str(n) for n in range(1, 9)] and len(rows) == 9
    assert "reader: added 8, skipped 1 already in the library, failed 1" in err
    assert f"already in the library (id 3): {folder / '03b.json'}" in err
    (failed,) = [line for line in err.splitlines() if "failed:" in line]
    assert "05b.json: malformed JSON" in failed and "Traceback" not in err
    # again: every article is found in the library by the workers, before any analysis
    db = tmp_path / "lib2.db"
    code = main(["--db", str(db), "add", str(folder), "--workers", "2"])
    _, err = capsys.readouterr()
    assert "added 0, skipped 9 already in the library, failed 1" in err
    assert content(db) == made[1][3]


def test_a_small_batch_gets_fewer_workers() -> None:
    assert worker_count(None, 1) == 1
    assert worker_count(8, ARTICLES_PER_WORKER * 2) == 2
    assert worker_count(2, 1000) == 2
    assert worker_count(1, 1000) == 1


def test_bad_worker_count_is_one_line(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(tmp_path / "x.db"), "add", str(tmp_path), "--workers", "0"])
    assert exit_.value.code != 0
    err = capsys.readouterr().err
    assert "expected a whole number of processes, 1 or more" in err and "Traceback" not in err


def test_kill_9_of_the_writer_leaves_a_flawless_library_and_no_workers(tmp_path) -> None:
    problems = crash.kill_parallel_import(tmp_path, seed=3)
    assert problems == []
