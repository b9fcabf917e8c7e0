"""The compact library (schema 8): packed sentence spans, rows keyed by article, one index row per article.

What a user would notice: a large library takes under twice the disk space of its text, an older
library upgrades with nothing lost, and search still finds words at their rows.
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import one_to_one
from reader.cli import main
from reader.store import SCHEMA_VERSION, Store
from reader.store import library as lib
from reader.store.articles import get_texts, sentence_spans
from reader.store.health import check
from reader.store.search import ROWS_PER_ARTICLE, search
from reader.store.segments import join_rows, split_row
from reader.store.spans import pack, unpack

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from make_library import make_library

numbers = st.integers(min_value=-(2**40), max_value=2**40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(numbers, numbers, numbers), max_size=40))
def test_packed_spans_come_back_exactly(spans: list[tuple[int, int, int]]) -> None:
    assert unpack(pack(spans)) == spans


def test_packed_spans_are_a_few_bytes_a_sentence_and_damage_is_refused() -> None:
    spans = [(i * 60, i * 60 + 58, i // 3) for i in range(50)]
    assert len(pack(spans)) <= 3 * 50 + 10  # one byte per number for ordinary news sentences
    for damaged in (b"\x80", b"\x00\x02"):
        with pytest.raises(ValueError, match="damaged"):
            unpack(damaged)


def _schema_7_library(path: Path, others: int = 0) -> dict[str, object]:
    """A library as the previous version wrote it: a row per sentence, segment ids, an index row per segment.

    Article 1 is a real one; `others` more articles (ids 2, 3 …) repeat it with a number added.
    """
    import sqlite_utils

    from reader.store.connection import APPLICATION_ID
    from reader.store.migrations import MIGRATIONS
    from reader.text.search_terms import index_text

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    for migration in MIGRATIONS[:7]:
        migration(db)
    ko = [
        "북한군이 쿠르스크에 배치됐다.",
        "우크라이나는 북한군은 전투에 투입됐다고 밝혔다.",
        "추가로 파병됐다.",
    ]
    en = ["North Korean troops were deployed to Kursk.", "Ukraine said the troops had entered combat.",
          "More were sent."]  # fmt: skip
    article, analysis = one_to_one(ko, en)
    conn.execute("INSERT INTO articles (id, title_ko, title_en, source, url, added, content_hash, ko_text, en_text) "
                 "VALUES (1, ?, ?, 'Yonhap', '', 'then', ?, ?, ?)",
                 (article.title_ko, article.title_en, article.content_hash, article.ko, article.en))  # fmt: skip
    conn.executemany('INSERT INTO sentences (article_id, lang, idx, start, "end", paragraph) VALUES (1, ?, ?, ?, ?, ?)',
                     [(s.lang, s.idx, s.start, s.end, s.paragraph) for s in analysis.sentences])  # fmt: skip
    for g in analysis.segments:
        conn.execute(
            "INSERT INTO segments (id, article_id, position, paragraph, ko_from, ko_to, en_from, en_to, ko_start, "
            "ko_end, en_start, en_end, link, confidence, locked, issues) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?)",
            (100 + g.position, g.position, g.paragraph, g.ko_from, g.ko_to, g.en_from, g.en_to, g.ko_start, g.ko_end,
             g.en_start, g.en_end, g.link, 0.75, int(g.position == 2), "number: 3 ≠ 4" if g.position == 1 else ""),
        )  # fmt: skip
        conn.execute("INSERT INTO search_index (rowid, ko, en) VALUES (?, ?, ?)",
                     (100 + g.position, index_text(ko[g.position]), index_text(en[g.position])))  # fmt: skip
    conn.execute("BEGIN")
    for n in range(2, others + 2):
        conn.execute("INSERT INTO articles (id, title_ko, title_en, source, url, added, content_hash, ko_text, "
                     "en_text) SELECT ?, title_ko, title_en, source, url, added, ?, ko_text || ?, en_text || ? "
                     "FROM articles WHERE id = 1", (n, f"copy {n}", f" {n}", f" {n}"))  # fmt: skip
        for table, key in (("sentences", "idx"), ("segments", "position")):
            columns = [
                r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("id", "article_id")
            ]
            conn.execute(f"INSERT INTO {table} (article_id, {', '.join(columns)}) SELECT ?, {', '.join(columns)} "
                         f"FROM {table} WHERE article_id = 1 ORDER BY {key}", (n,))  # fmt: skip
        conn.executemany("INSERT INTO search_index (rowid, ko, en) VALUES (?, ?, ?)",
                         [(n * 1000 + i, index_text(k), index_text(e)) for i, (k, e) in enumerate(zip(ko, en))])  # fmt: skip
    conn.execute("COMMIT")
    conn.execute(
        "INSERT INTO mentions (article_id, position, side, start, end, type) VALUES (1, 0, 'ko', 0, 3, 'ORG')"
    )
    conn.execute("INSERT INTO notes (article_id, target, side, start, end, exact, body, created, updated) "
                 "VALUES (1, 'span', 'en', 0, 5, 'North', 'a note', 'then', 'then')")  # fmt: skip
    conn.execute("PRAGMA user_version = 7")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    return {"article": article, "analysis": analysis, "pairs": list(zip(ko, en))}


def test_a_schema_7_library_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    made = _schema_7_library(path)
    article, analysis = made["article"], made["analysis"]
    with Store.open(path) as store:
        assert store.upgraded_from == 7 and store.backup_path is not None and store.backup_path.exists()
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sentences'").fetchone()[0]
        assert "WITHOUT ROWID" in sql
        assert {r[1] for r in conn.execute("PRAGMA table_info(segments)")} == {"article_id", "packed"}
        got = store.get_article(1)
        assert [(s.ko, s.en) for s in got.segments] == made["pairs"]
        assert [(s.ko_start, s.ko_end, s.en_start, s.en_end) for s in got.segments] == [
            (g.ko_start, g.ko_end, g.en_start, g.en_end) for g in analysis.segments]  # fmt: skip
        assert [s.locked for s in got.segments] == [False, False, True]
        assert got.segments[1].issues == ("number: 3 ≠ 4",) and got.segments[0].confidence == 0.75
        assert len(got.mentions) == 1
        for lang in ("ko", "en"):
            assert sentence_spans(conn, 1, lang) == [(s.start, s.end, s.paragraph) for s in analysis.sentences
                                                     if s.lang == lang]  # fmt: skip
        # the new index was filled from the text: a word of each language finds its row
        assert [(h.article_id, h.position) for h in search(conn, "파병")] == [(1, 2)]
        assert {h.position for h in search(conn, "combat")} == {1}
        assert check(conn).ok
        # hand fixes still work on the packed sentences
        assert join_rows(conn, 1, 0) is not None
        assert split_row(conn, 1, 0, "ko") is not None
        assert [s.ko for s in store.get_article(1).segments] == [g.ko for g in got.segments]
    assert article.title_ko  # the builder gave the article a title, which the index holds too


def test_an_upgraded_library_gives_the_space_back(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _schema_7_library(path, others=400)
    before = path.stat().st_size
    with Store.open(path) as store:
        assert store.count_articles() == 401
        free, pages = (
            store.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count")
        )
        assert free * 10 < pages  # what schema 15 frees is below the share worth a VACUUM here
        hits = lib.search_library(store.conn, "파병", limit=500)
        assert len({h.article_id for h in hits}) == 401 and {h.position for h in hits} == {2}
        # schema 14 adds an index of the titles, which the older file had no pages for
        added = store.conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'title_index%'"
        ).fetchone()[0]
    after = sum(p.stat().st_size for p in tmp_path.glob("old.db*") if not p.name.endswith(".bak"))
    assert after - added < 0.9 * before  # without VACUUM the file would not shrink at all


def test_what_is_derived_from_the_text_stays_well_under_its_size(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    make_library(db, 300, workers=0)
    conn = sqlite3.connect(db)
    try:
        used = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    raw = conn.execute("SELECT sum(length(CAST(ko_text AS BLOB)) + length(CAST(en_text AS BLOB)) + "
                       "length(CAST(title_ko AS BLOB)) + length(CAST(title_en AS BLOB))) FROM articles").fetchone()[0]  # fmt: skip
    conn.close()
    # What is derived from the text — sentence spans, aligned rows, the full-text index — beside the text
    # itself (its table holds it with SQLite's page overhead, about 1.2x): schema 7 needed 1.37x the text
    # for these at 100,000 articles, which put the whole file at 2.6x; bench/scale.py measures the whole.
    derived = sum(
        size for name, size in used.items() if name.startswith(("sentences", "segments", "search_index"))
    )
    assert derived <= 0.8 * raw, {name: size for name, size in used.items() if size > 50_000}
    index = sum(size for name, size in used.items() if name.startswith("search_index"))
    assert index <= 0.6 * raw


def test_a_generated_library_has_its_titles_and_korean_terms_indexed(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    make_library(db, 40, workers=0)
    with Store.open(db) as store:
        newest = store.conn.execute("SELECT id, title_en FROM articles ORDER BY id DESC LIMIT 1").fetchone()
        word = newest[1].split()[-1]  # the palette finds the newest article by a prefix of its title's word
        assert newest[0] in [r.id for r in lib.search_titles(store.conn, word[:2])]
        assert _shown(lib.search_library(store.conn, "북")) == _shown(search(store.conn, "북"))
        assert check(store.conn).ok


def _shown(hits) -> list[tuple[int, int | None]]:
    return [(h.article_id, h.position) for h in hits]


@pytest.fixture
def library(store: Store) -> dict[str, int]:
    ids = {}
    for name, ko, en in (
        (
            "troops",
            [
                "북한군이 쿠르스크에 배치됐다.",
                "우크라이나는 북한군은 전투에 투입됐다고 밝혔다.",
                "추가로 파병됐다.",
            ],
            [
                "North Korean troops were deployed to Kursk.",
                "Ukraine said the troops had entered combat.",
                "More were sent.",
            ],
        ),
        (
            "rates",
            [f"기준금리가 {n}번째로 동결됐다." for n in range(8)],
            [f"The base rate was held for the {n}th time." for n in range(8)],
        ),
        ("cv", ["이력서를 냈다.", "연구는 계속된다."], ["She sent her résumé.", "Her studies go on."]),
    ):
        article, analysis = one_to_one(ko, en)
        ids[name] = store.insert_article(replace(article, title_ko=f"{name} 제목", title_en=name),
                                         analysis.sentences, analysis.segments)  # fmt: skip
    return ids


def test_words_spread_over_rows_still_find_the_article(store, library) -> None:
    hits = lib.search_library(store.conn, "쿠르스크 전투")
    assert {h.article_id for h in hits} == {library["troops"]}
    # no row holds both words: the rows holding one of them are shown
    assert {h.position for h in hits} == {0, 1}


def test_one_article_gives_a_few_hits_in_the_library_and_all_of_them_inside_it(store, library) -> None:
    in_library = lib.search_library(store.conn, "금리")
    assert len(in_library) == ROWS_PER_ARTICLE and [h.position for h in in_library] == [0, 1, 2]
    inside = search(store.conn, "금리", article_id=library["rates"])
    assert [h.position for h in inside] == list(range(8))
    assert search(store.conn, "금리", article_id=library["troops"]) == []


@pytest.mark.parametrize("query, position", [("resume", 0), ("RÉSUMÉ", 0), ("study", 1), ("studies", 1)])
def test_rows_are_found_as_the_index_matches_accents_and_stems(store, library, query, position) -> None:
    assert [(h.article_id, h.position) for h in lib.search_library(store.conn, query)] == [
        (library["cv"], position)
    ]


def test_a_row_fix_keeps_search_opening_at_the_right_row(store, library) -> None:
    join_rows(store.conn, library["troops"], 1)  # rows 1 and 2 become one
    assert [h.position for h in search(store.conn, "파병")] == [1]


def test_titles_for_the_palette_match_as_typed(store, library) -> None:
    newest = store.insert_article(*_titled("Won passes 1,400", "원화 1400원 돌파"))
    assert [r.id for r in lib.search_titles(store.conn, "Won pas")] == [newest]
    assert [r.id for r in lib.search_titles(store.conn, "Wo")] == [newest]
    assert lib.search_titles(store.conn, "W") == []  # one letter is not yet a prefix of everything
    assert [r.id for r in lib.search_titles(store.conn, "원화")] == [newest]
    assert [r.id for r in lib.search_titles(store.conn, "troops")] == [library["troops"]]
    assert lib.search_titles(store.conn, "!!") == [] and lib.search_titles(store.conn, "zeppelin") == []
    for i in range(12):
        store.insert_article(*_titled(f"Story {i}", f"기사 {i}"))
    assert len(lib.search_titles(store.conn, "story", limit=5)) == 5


def _titled(title_en: str, title_ko: str):
    article, analysis = one_to_one([f"{title_ko} 본문."], [f"{title_en} body."])
    return replace(article, title_en=title_en, title_ko=title_ko), analysis.sentences, analysis.segments


def test_the_palette_finds_titles_by_a_short_prefix_newest_first_and_not_by_their_text(store) -> None:
    older = store.insert_article(*_titled("Seoul raises rates", "서울 금리 인상"))
    newer = store.insert_article(*_titled("Security talks in Seoul", "안보 회담"))
    store.insert_article(*_titled("Exports rise", "수출 증가"))  # its text says "body", not "Se…"
    assert [r.id for r in lib.search_titles(store.conn, "Se")] == [newer, older]
    assert [r.id for r in lib.search_titles(store.conn, "Sec")] == [newer]
    assert [r.id for r in lib.search_titles(store.conn, "seoul ra")] == [older]
    assert lib.search_titles(store.conn, "bo") == []  # "body" is in every text, in no title
    assert [r.id for r in lib.search_titles(store.conn, "서울")] == [older]
    assert [r.id for r in lib.search_titles(store.conn, "안보 회")] == [
        newer
    ]  # a word and its first syllable


def test_the_palette_follows_an_edited_a_removed_and_a_restored_title(store) -> None:
    from reader.store.details import edit_details
    from reader.store.removal import remove_articles, restore_article

    first = store.insert_article(*_titled("Won passes 1,400", "원화 1400원 돌파"))
    second = store.insert_article(*_titled("Won steadies", "원화 안정"))
    edit_details(store.conn, first, title_en="Yen passes 150", title_ko="엔화 150엔 돌파")
    assert [r.id for r in lib.search_titles(store.conn, "Wo")] == [second]
    assert [r.id for r in lib.search_titles(store.conn, "원화")] == [second]
    assert [r.id for r in lib.search_titles(store.conn, "Ye")] == [first]
    assert [r.id for r in lib.search_titles(store.conn, "엔화 돌")] == [first]
    (removed,) = remove_articles(store.conn, [second])
    assert lib.search_titles(store.conn, "Wo") == [] and lib.search_titles(store.conn, "원화") == []
    restore_article(store.conn, removed)
    assert [r.id for r in lib.search_titles(store.conn, "Wo")] == [second]
    assert check(store.conn).ok


def test_a_library_from_before_the_title_index_gets_one(location) -> None:
    from reader.store.connection import transaction
    from reader.store.dialect import POSTGRESQL, dialect

    with Store.open(location) as store:
        newest = store.insert_article(*_titled("Security talks in Seoul", "안보 회담"))
        with transaction(store.conn):  # as schema 13 left it: no index of the titles alone
            store.conn.execute("DROP TABLE title_index")
            if dialect(store.conn) == POSTGRESQL:
                store.conn.execute("UPDATE reader_meta SET value = '13' WHERE name = 'schema_version'")
            else:
                store.conn.execute("DROP TABLE hangul_terms")
                store.conn.execute("PRAGMA user_version = 13")
    with Store.open(location) as store:
        assert [r.id for r in lib.search_titles(store.conn, "Se")] == [newest]
        assert [r.id for r in lib.search_titles(store.conn, "안보")] == [newest]
        assert {h.article_id for h in lib.search_library(store.conn, "회")} == {newest}  # one syllable
        assert check(store.conn).ok
        if dialect(store.conn) != POSTGRESQL:  # the date order still read off the slimmer listing index
            plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.read_at IS NULL "
                                      "ORDER BY a.published DESC, a.id DESC LIMIT 50").fetchall()  # fmt: skip
            assert "COVERING INDEX idx_articles_listing" in " ".join(r[3] for r in plan)


def test_the_cli_search_is_the_bounded_one(location, capsys, monkeypatch) -> None:
    import json

    with Store.open(location) as store:
        for i in range(6):
            article, analysis = one_to_one([f"금리 기사 {i}."], [f"Rates story {i}."])
            store.insert_article(article, analysis.sentences, analysis.segments)
    calls = []
    real = lib.search_library
    monkeypatch.setattr(lib, "search_library", lambda *a, **k: calls.append(k) or real(*a, **k))
    assert main(["--db", str(location), "search", "금리", "--json", "--limit", "4"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert calls == [{"limit": 4}] and len(hits) == 4
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    with pytest.raises(SystemExit) as exited:  # a mistake in the command's own arguments: status 2
        main(["--db", str(location), "search", "금리", "--limit", "0"])
    assert exited.value.code == 2 and "1 or more" in capsys.readouterr().err


def test_texts_alone(store, library) -> None:
    ko, en, _published = get_texts(store.conn, library["cv"])
    assert ko.startswith("이력서를") and en.startswith("She sent")
    assert get_texts(store.conn, 999) is None
