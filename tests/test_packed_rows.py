"""An article's aligned rows as one packed blob (schema 15): what a user would notice is a smaller library
with every row, hand fix and finding of the translation check kept exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import one_to_one
from reader.store import Store
from reader.store.articles import load_segment_rows
from reader.store.health import check
from reader.store.segment_pack import SegmentRow, pack_rows, row_count, unpack_columns, unpack_rows

small = st.integers(min_value=-300, max_value=70_000)
confidences = st.one_of(st.floats(min_value=0, max_value=1).map(lambda c: round(c, 4)),
                        st.floats(allow_nan=False, allow_infinity=False))  # fmt: skip
rows = st.builds(
    lambda n, p, a, b, c, d, e, f, g, h, link, conf, locked, issues: SegmentRow(
        n, p, a, b, c, d, e, f, g, h, link, conf, locked, issues
    ),
    st.just(0), small, small, small, small, small, small, small, small, small,
    st.sampled_from(["1-1", "2-1", "0-1", "many", ""]), confidences, st.booleans(),
    st.lists(st.text(min_size=1).filter(lambda t: "\n" not in t), max_size=2).map(tuple),
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(rows, max_size=30))
def test_packed_rows_come_back_exactly(found: list[SegmentRow]) -> None:
    numbered = [
        SegmentRow(i, *(getattr(r, f) for f in SegmentRow.__slots__[1:])) for i, r in enumerate(found)
    ]
    blob = pack_rows(numbered)
    assert unpack_rows(blob) == numbered
    assert row_count(blob) == len(numbered)


def test_a_news_article_takes_about_eleven_bytes_a_row_and_damage_is_refused() -> None:
    news = [SegmentRow(i, i // 4, i, i + 1, i, i + 1, 120 * i, 120 * i + 58, 240 * i, 240 * i + 118 + i % 200,
                       "1-1", round(0.999 - i / 10_000, 4)) for i in range(30)]  # fmt: skip
    blob = pack_rows(news)
    assert len(blob) <= 12 * len(news)  # 43 bytes a row as a table row each
    assert unpack_rows(blob) == news
    for damaged in (blob[:-1], blob + b"\x00", b"\x02\x00", b"\x01\xff\x7f"):
        with pytest.raises(ValueError, match="damaged"):
            unpack_columns(damaged)


def test_findings_and_hand_fixes_survive_a_new_entity_layer(store: Store) -> None:
    from dataclasses import replace

    from reader.store.articles import set_entity_layer
    from reader.store.segments import join_rows

    article, analysis = one_to_one(["가.", "나.", "다."], ["A.", "B.", "C."])
    article_id = store.insert_article(article, analysis.sentences, analysis.segments)
    join_rows(store.conn, article_id, 1)  # rows 1 and 2 joined by hand: locked
    set_entity_layer(store.conn, article_id, [(0, ("number: 3 ≠ 4",))], [])
    got = load_segment_rows(store.conn, article_id)
    assert [(r.locked, r.issues) for r in got] == [(False, ("number: 3 ≠ 4",)), (True, ())]
    assert [s.en for s in store.get_article(article_id).segments] == ["A.", "B. C."]
    assert got[1] == replace(got[1], position=1, ko_from=1, ko_to=3, link="2-2")
    assert check(store.conn).ok


def test_check_names_an_article_whose_rows_cannot_be_read(store: Store) -> None:
    article, analysis = one_to_one(["가."], ["A."])
    article_id = store.insert_article(article, analysis.sentences, analysis.segments)
    from reader.store.connection import transaction

    with transaction(store.conn):
        store.conn.execute("UPDATE segments SET packed = ? WHERE article_id = ?", (b"\x05\x00", article_id))
    problems = check(store.conn).problems
    assert any("1 article(s) whose aligned rows cannot be read" in p for p in problems)


def test_a_library_of_rows_a_table_row_each_upgrades_keeping_them(location, monkeypatch) -> None:
    from reader.store import migrations
    from reader.store.connection import transaction
    from reader.store.dialect import POSTGRESQL, dialect
    from reader.store.pg_schema import TABLES

    monkeypatch.setattr(migrations.copy_packed_rows, "__defaults__", (2,))  # articles 2 at a time
    article, analysis = one_to_one(["가.", "나.", "다."], ["A.", "B.", "C."])
    with Store.open(location) as store:
        others = {}
        for n in range(4):
            made, rows = one_to_one([f"{n}번."], [f"No. {n}."])
            others[store.insert_article(made, rows.sentences, rows.segments)] = n
        article_id = store.insert_article(article, analysis.sentences, analysis.segments)
        conn = store.conn
        with transaction(conn):  # the rows as schema 14 kept them: a table row each
            conn.execute("DROP TABLE segments")
            if dialect(conn) == POSTGRESQL:
                conn.execute(next(t for t in TABLES if t.startswith("CREATE TABLE segments")))
                conn.execute("UPDATE reader_meta SET value = '14' WHERE name = 'schema_version'")
            else:
                conn.execute(
                    "CREATE TABLE segments (article_id INTEGER NOT NULL, position INTEGER NOT NULL, paragraph INTEGER "
                    "NOT NULL, ko_from INTEGER NOT NULL, ko_to INTEGER NOT NULL, en_from INTEGER NOT NULL, en_to "
                    "INTEGER NOT NULL, ko_start INTEGER NOT NULL, ko_end INTEGER NOT NULL, en_start INTEGER NOT NULL, "
                    "en_end INTEGER NOT NULL, link TEXT NOT NULL, confidence FLOAT NOT NULL DEFAULT 1.0, locked "
                    "INTEGER NOT NULL DEFAULT 0, issues TEXT NOT NULL DEFAULT '', PRIMARY KEY (article_id, position)) "
                    "WITHOUT ROWID"
                )
                conn.execute("PRAGMA user_version = 14")
            conn.executemany(
                "INSERT INTO segments (article_id, position, paragraph, ko_from, ko_to, en_from, en_to, ko_start, "
                "ko_end, en_start, en_end, link, confidence, locked, issues) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?)",
                [(article_id, 10 * g.position, g.paragraph, g.ko_from, g.ko_to, g.en_from, g.en_to, g.ko_start,
                  g.ko_end, g.en_start, g.en_end, g.link, 0.123456789 if g.position else 0.9981, int(g.position == 2),
                  "number: 3 ≠ 4\nweekday" if g.position == 1 else "") for g in analysis.segments],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO segments (article_id, position, paragraph, ko_from, ko_to, en_from, en_to, ko_start, "
                "ko_end, en_start, en_end, link) VALUES (?, 0, 0, 0, 1, 0, 1, 0, 2, 0, ?, '1-1')",
                [(other, len(f"No. {n}.")) for other, n in others.items()],
            )
    with Store.open(location) as store:
        assert {other: [s.en for s in store.get_article(other).segments] for other in others} == {
            other: [f"No. {n}."] for other, n in others.items()
        }
        got = load_segment_rows(store.conn, article_id)
        assert [(r.position, r.locked, r.issues, r.confidence) for r in got] == [
            (0, False, (), 0.9981), (1, False, ("number: 3 ≠ 4", "weekday"), 0.123456789), (2, True, (), 0.123456789)
        ]  # fmt: skip
        assert [s.en for s in store.get_article(article_id).segments] == ["A.", "B.", "C."]
        assert check(store.conn).ok
