"""The library file under stress: damaged, foreign, newer, read-only or full — one clear line, file untouched."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from builders import one_to_one
from reader.cli import main
from reader.store import Store
from reader.store.health import backup, check


def reader(*args: str, user: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(user or []), sys.executable, "-m", "reader.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,  # callers look at the exit status
    )


@pytest.fixture
def library(db_path: Path) -> Path:
    article, analysis = one_to_one(
        ["북한군이 배치됐다.", "국방부가 확인했다."], ["Troops were deployed.", "The ministry confirmed."]
    )
    with Store.open(db_path) as store:
        store.insert_article(article, analysis.sentences, analysis.segments)
    return db_path


def test_check_reports_healthy_library(library: Path, capsys) -> None:
    assert main(["--db", str(library), "db", "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["problems"] == []


def test_check_finds_orphans_and_misplaced_notes(library: Path, capsys) -> None:
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO sentences (article_id, lang, spans) VALUES (99, 'ko', x'000200')")
    conn.execute(
        "INSERT INTO notes (article_id, target, side, start, end, exact, body, created, updated) "
        "VALUES (1, 'span', 'ko', 0, 3, '엉뚱한', 'x', 'now', 'now')"
    )
    conn.commit()
    conn.close()
    assert main(["--db", str(library), "db", "check"]) == 1
    out = capsys.readouterr().out
    assert "sentences: 1 row(s) belong to no article" in out
    assert "notes: 1 note(s) no longer sit on their quoted text" in out


def test_backup_while_another_connection_writes(library: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    with Store.open(library) as writer, Store.open(library) as reading:
        writer.conn.execute("BEGIN IMMEDIATE")  # a write in progress in another connection
        writer.conn.execute("UPDATE articles SET title_en = 'changing' WHERE id = 1")
        backup(reading.conn, target)
        writer.conn.execute("COMMIT")
    with Store.open(target) as copy:
        assert copy.count_articles() == 1 and check(copy.conn).ok


def test_a_backup_replaces_a_library_only_when_told_and_never_the_library_or_another_file(
    library: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "nightly.db"
    assert main(["--db", str(library), "db", "backup", str(target)]) == 0
    assert "replaced" not in capsys.readouterr().err
    # a library there is another library until told otherwise: refused, then replaced with --replace
    assert main(["--db", str(library), "db", "backup", str(target)]) == 1
    assert "exists; give another name, or --replace to write over it" in capsys.readouterr().err
    assert main(["--db", str(library), "db", "backup", str(target), "--replace"]) == 0
    assert "the library that was there replaced" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("my own notes")
    assert main(["--db", str(library), "db", "backup", str(notes)]) == 1
    err = capsys.readouterr().err
    assert "exists and is not a reader library: not overwritten" in err and len(err.strip().splitlines()) == 1
    assert notes.read_text() == "my own notes"
    assert main(["--db", str(library), "db", "backup", str(library)]) == 1
    assert "is the library itself" in capsys.readouterr().err
    with Store.open(library) as store:
        assert store.count_articles() == 1


def test_migration_writes_a_backup_first(tmp_path: Path) -> None:
    from reader.store.migrations import MIGRATIONS, SCHEMA_VERSION

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    import sqlite_utils

    MIGRATIONS[0](sqlite_utils.Database(conn))
    conn.execute("PRAGMA user_version = 1")
    from reader.store.connection import APPLICATION_ID

    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        "INSERT INTO articles (title_ko, title_en, added, content_hash, ko_text, en_text) "
        "VALUES ('가', 'A', 'now', 'h', '가.', 'A.')"
    )
    conn.close()
    before = old.read_bytes()
    proc = reader("--db", str(old), "list")
    assert proc.returncode == 0, proc.stderr
    backup_file = tmp_path / "old.db.schema1.bak"
    assert f"upgraded the library from schema 1; the old one is kept as {backup_file}" in proc.stderr
    with sqlite3.connect(backup_file) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT title_en FROM articles").fetchall() == [("A",)]
    assert old.read_bytes() != before
    with sqlite3.connect(old) as upgraded:
        assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("damage", ["truncate", "garbage", "foreign", "newer"])
def test_damaged_or_foreign_files_are_refused_untouched(library: Path, damage: str) -> None:
    if damage == "truncate":
        data = library.read_bytes()
        library.write_bytes(data[: len(data) // 3])
    elif damage == "garbage":
        library.write_bytes(os.urandom(8192))
    elif damage == "foreign":
        library.unlink()
        with sqlite3.connect(library) as other:
            other.execute("CREATE TABLE invoices (id INTEGER)")
    else:
        newer = sqlite3.connect(library)
        newer.execute("PRAGMA user_version = 999")
        newer.close()  # the last connection to close folds the WAL into the file
    assert not Path(f"{library}-wal").exists()
    before = library.read_bytes()
    for args in (["list"], ["search", "북한군"], ["notes", "list"]):
        proc = reader("--db", str(library), *args)
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert library.read_bytes() == before


def test_full_disk_leaves_library_as_it_was(library: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    from reader.store import connection

    real_connect = connection.connect

    def tiny(path, **kwargs):
        conn = real_connect(path, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up after two more pages
        return conn

    monkeypatch.setattr("reader.store.connect", tiny)
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text("북한군 1만1000명이 배치됐다. " * 400)
    en.write_text("About 11,000 troops were deployed. " * 400)
    assert main(["--db", str(library), "add", "--ko", str(ko), "--en", str(en)]) == 1
    err = capsys.readouterr().err
    assert "could not write the library (database or disk is full); nothing was changed" in err
    monkeypatch.setattr("reader.store.connect", real_connect)
    with Store.open(library) as store:
        assert store.count_articles() == 1 and check(store.conn).ok


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run reader as an unprivileged user",
)
def test_read_only_library_gives_one_line(library: Path) -> None:
    import tempfile

    folder = Path(tempfile.mkdtemp())  # a folder everyone can enter, owned by root: read-only for nobody
    try:
        check_read_only(library, folder)
    finally:
        shutil.rmtree(folder)


def check_read_only(original: Path, folder: Path) -> None:
    library = folder / "library.db"
    shutil.copyfile(original, library)
    ko = folder / "ko.txt"
    ko.write_text("새로운 기사 문장이다.")
    for path in (folder, library, ko):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    before = library.read_bytes()
    nobody = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    listing = reader("--db", str(library), "list", user=nobody)
    assert listing.returncode == 0 and "북한군이" in listing.stdout, listing.stderr  # reading still works
    proc = reader("--db", str(library), "add", "--ko", str(ko), user=nobody)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "reader: the library is read-only (check the file's and its folder's permissions); nothing was changed"
    ]
    assert library.read_bytes() == before
