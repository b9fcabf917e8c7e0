"""The library file: schema from an empty file, migrations, transactions, refusing foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from builders import one_to_one
from reader.store import SCHEMA_VERSION, DuplicateArticle, Store, StoreError
from reader.store.connection import APPLICATION_ID


def test_new_file_gets_current_schema_in_wal_mode(db_path: Path) -> None:
    with Store.open(db_path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "segments", "sentences"} <= tables
        columns = {r[1] for r in conn.execute("PRAGMA table_info(segments)")}
        assert columns == {"article_id", "packed"}  # an article's aligned rows in one blob (segment_pack)


def test_reopening_keeps_articles_and_does_not_migrate_again(db_path: Path) -> None:
    article, analysis = one_to_one(["가.", "나."], ["A.", "B."])
    with Store.open(db_path) as store:
        article_id = store.insert_article(article, analysis.sentences, analysis.segments)
    with Store.open(db_path) as store:
        got = store.get_article(article_id)
        assert got is not None
        assert [s.ko for s in got.segments] == ["가.", "나."]
        assert [s.en for s in got.segments] == ["A.", "B."]


def test_newer_schema_is_refused_and_file_left_alone(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of reader"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not a reader library"):
        Store.open(other)
    assert other.read_bytes() == before


def test_text_file_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("this is not a database, just some words " * 50)
    with pytest.raises(StoreError, match="not a reader library"):
        Store.open(junk)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "library.db")


def test_duplicate_article_is_refused(store: Store) -> None:
    article, analysis = one_to_one(["가."], ["A."])
    first = store.insert_article(article, analysis.sentences, analysis.segments)
    with pytest.raises(DuplicateArticle) as info:
        store.insert_article(article, analysis.sentences, analysis.segments)
    assert info.value.existing_id == first
    assert store.count_articles() == 1


def test_failed_insert_leaves_nothing_behind(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    article, analysis = one_to_one(["가.", "나."], ["A.", "B."])
    broken = list(analysis.segments)
    broken.append(broken[0])  # the same position twice is refused mid-import, after the article's row
    with pytest.raises(ValueError, match="numbered"):
        store.insert_article(article, analysis.sentences, broken)
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
    assert store.conn.execute("SELECT count(*) FROM segments").fetchone()[0] == 0


def test_library_order_is_newest_first_and_neighbours_follow_it(store: Store) -> None:
    from dataclasses import replace

    ids = {}
    for day in ("2024-11-20", "2024-11-26", "2024-11-22"):
        article, analysis = one_to_one([f"{day} 기사."], [f"Story of {day}."])
        ids[day] = store.insert_article(
            replace(article, published=day), analysis.sentences, analysis.segments
        )
    order = [a.published for a in store.list_articles()]
    assert order == ["2024-11-26", "2024-11-22", "2024-11-20"]
    assert store.neighbour_ids(ids["2024-11-22"]) == (ids["2024-11-26"], ids["2024-11-20"])
    assert store.neighbour_ids(ids["2024-11-26"])[0] is None


def test_delete_article_removes_its_rows(store: Store) -> None:
    article, analysis = one_to_one(["가."], ["A."])
    article_id = store.insert_article(article, analysis.sentences, analysis.segments)
    assert store.delete_article(article_id)
    assert store.get_article(article_id) is None
    assert store.conn.execute("SELECT count(*) FROM segments").fetchone()[0] == 0


def test_two_connections_see_each_others_writes(db_path: Path) -> None:
    with Store.open(db_path) as a, Store.open(db_path) as b:
        article, analysis = one_to_one(["가."], ["A."])
        a.insert_article(article, analysis.sentences, analysis.segments)
        assert b.count_articles() == 1
