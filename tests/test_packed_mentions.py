"""Mentions packed one row per article (schema 9).

What a user would notice: every highlighted name still shows on its words with its counterpart across the
languages, after an import, a hand fix of the rows or an upgrade of an older library (notes on a name
stay on it); the library of real-sized articles stays small; a name is found across the library.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import one_to_one
from reader.store import SCHEMA_VERSION, MentionRow, Store
from reader.store.articles import set_entity_layer
from reader.store.glossary import remove_entry
from reader.store.health import check
from reader.store.mention_pack import HOWS, TYPES, pack_mentions, unpack_mentions
from reader.store.notes import get_note
from reader.store.segments import join_rows, split_row
from reader.text.anchors import make_anchor

KO = ["북한군이 쿠르스크에 배치됐다.", "국방부는 3천 명이 더 갔다고 밝혔다.", '평양은 "답하지 않았다".']
EN = ["North Korean troops were deployed to Kursk.", "The Defence Ministry said 3,000 more went.",
      "Pyongyang did not answer."]  # fmt: skip


def _span(text: str, word: str, after: int = 0) -> tuple[int, int]:
    start = text.index(word, after)
    return start, start + len(word)


def _mentions(ko: str, en: str) -> list[MentionRow]:
    """Names on both sides, three pairs linked, one Korean name and one English one alone."""
    pairs = [("북한군", "North Korean troops", "ORG", "glossary", False, 0),
             ("쿠르스크", "Kursk", "PLACE", "glossary", True, 0),
             ("3천 명", "3,000", "QUANTITY", "number", False, 1)]  # fmt: skip
    rows = []
    for k, e, kind, how, guess, position in pairs:
        ks, ke = _span(ko, k)
        es, ee = _span(en, e)
        rows.append(MentionRow(position, "ko", ks, ke, kind, es, ee, how, guess))
        rows.append(MentionRow(position, "en", es, ee, kind, ks, ke, how, guess))
    rows.append(MentionRow(1, "ko", *_span(ko, "국방부"), "ORG"))
    rows.append(MentionRow(2, "en", *_span(en, "Pyongyang"), "PLACE"))
    return rows


def _shown(article) -> set[tuple]:
    """Each mention as the reading screen draws it: row, side, words, type, partner's words, how, guess."""
    text = {"ko": article.ko_text, "en": article.en_text}
    by_id = {m.id: m for m in article.mentions}
    out = set()
    for m in article.mentions:
        partner = by_id.get(m.partner) if m.partner is not None else None
        other = text[partner.side][partner.start : partner.end] if partner else None
        out.add((m.position, m.side, text[m.side][m.start : m.end], m.type, other, m.how, m.guess))
    return out


EXPECTED = {
    (0, "ko", "북한군", "ORG", "North Korean troops", "glossary", False),
    (0, "en", "North Korean troops", "ORG", "북한군", "glossary", False),
    (0, "ko", "쿠르스크", "PLACE", "Kursk", "glossary", True),
    (0, "en", "Kursk", "PLACE", "쿠르스크", "glossary", True),
    (1, "ko", "3천 명", "QUANTITY", "3,000", "number", False),
    (1, "en", "3,000", "QUANTITY", "3천 명", "number", False),
    (1, "ko", "국방부", "ORG", None, None, False),
    (2, "en", "Pyongyang", "PLACE", None, None, False),
}


@pytest.fixture
def stored(store: Store) -> int:
    article, analysis = one_to_one(KO, EN)
    return store.insert_article(article, analysis.sentences, analysis.segments,
                                mentions=_mentions(article.ko, article.en))  # fmt: skip


def test_an_article_shows_its_names_linked_in_reading_order(store: Store, stored: int) -> None:
    article = store.get_article(stored)
    assert _shown(article) == EXPECTED
    assert [(m.position, m.side) for m in article.mentions] == sorted(
        ((m.position, m.side) for m in article.mentions), key=lambda p: (p[0], p[1] != "ko")
    )
    assert len({m.id for m in article.mentions}) == len(article.mentions) == 8
    # one row holds the article's mentions: no row, id or index per name
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1


def test_names_follow_their_rows_through_hand_fixes(store: Store, stored: int) -> None:
    join_rows(store.conn, stored, 0)
    joined = _shown(store.get_article(stored))
    assert joined == {(0 if row <= 1 else 1, *rest) for row, *rest in EXPECTED}
    split_row(store.conn, stored, 0, "ko")  # the Korean of the old row 1 gets a row of its own again
    split = store.get_article(stored)
    assert {(m.position, m.side) for m in split.mentions if m.start == _span(split.ko_text, "국방부")[0]} == {
        (1, "ko")
    }


def test_new_entity_layer_and_deletion_replace_the_packed_row(store: Store, stored: int) -> None:
    article = store.get_article(stored)
    set_entity_layer(
        store.conn, stored, [], [MentionRow(2, "en", *_span(article.en_text, "Pyongyang"), "PLACE")]
    )
    assert _shown(store.get_article(stored)) == {(2, "en", "Pyongyang", "PLACE", None, None, False)}
    set_entity_layer(store.conn, stored, [], [])
    assert store.get_article(stored).mentions == ()
    assert store.delete_article(stored)
    assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0


def test_db_check_reports_names_it_cannot_read(store: Store, stored: int) -> None:
    assert check(store.conn).ok
    store.conn.execute("UPDATE mentions SET spans = ? WHERE article_id = ?", (bytes([1, 5]), stored))
    assert any("mentions: 1 article(s)" in p for p in check(store.conn).problems)
    store.conn.execute("UPDATE mentions SET spans = ? WHERE article_id = ?",
                       (pack_mentions([("ko", 5000, 5004, "ORG", -1, None, False)]), stored))  # fmt: skip
    assert any("outside the text" in p for p in check(store.conn).problems)


# --- the packing itself ---------------------------------------------------------------------------------

kinds = st.one_of(st.sampled_from(TYPES), st.text(min_size=1, max_size=8))
hows = st.one_of(st.sampled_from(HOWS), st.text(min_size=1, max_size=8))


@st.composite
def article_mentions(draw) -> list[tuple]:
    sides = {}
    for side in ("ko", "en"):
        starts = sorted(draw(st.lists(st.integers(0, 100_000), max_size=30)))
        sides[side] = [
            (s, s + draw(st.integers(0, 300)), draw(kinds), draw(hows), draw(st.booleans())) for s in starts
        ]
    out = []
    for side, other in (("ko", "en"), ("en", "ko")):
        for start, end, kind, how, guess in sides[side]:
            partner = draw(st.integers(-1, len(sides[other]) - 1)) if sides[other] else -1
            out.append((side, start, end, kind, partner, how, guess))
    return out


@settings(max_examples=60, deadline=None)
@given(article_mentions())
def test_packed_mentions_come_back_exactly(mentions: list[tuple]) -> None:
    assert unpack_mentions(pack_mentions(mentions)) == mentions


def test_a_mention_takes_a_few_bytes_and_damage_is_refused() -> None:
    ko = [("ko", i * 12, i * 12 + 4, "PLACE", i, "glossary", False) for i in range(80)]
    en = [("en", i * 20, i * 20 + 9, "PLACE", i, "glossary", False) for i in range(80)]
    packed = pack_mentions(ko + en)
    assert len(packed) <= 4 * 80 + 3 * 80 + 4  # a linked English mention needs no partner byte
    for damaged in (packed[:-1], b"\x05\x00", b"\x01\x00\x00\x07\x09"):
        with pytest.raises(ValueError, match="damaged"):
            unpack_mentions(damaged)
    with pytest.raises(ValueError):
        pack_mentions([("ko", 5, 9, "ORG", -1, None, False), ("ko", 1, 2, "ORG", -1, None, False)])


# --- older libraries ---------------------------------------------------------------------------------------


def _old_library(path: Path, version: int) -> dict[str, object]:
    """A library at schema `version` (7 or 8) with mentions as rows (partner by id) and a note on a name."""
    import sqlite_utils

    from reader.store.connection import APPLICATION_ID
    from reader.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        migration(sqlite_utils.Database(conn))
    article, analysis = one_to_one(KO, EN)
    conn.execute("INSERT INTO articles (id, title_ko, title_en, source, url, added, content_hash, ko_text, en_text) "
                 "VALUES (1, ?, ?, 'Yonhap', '', 'then', ?, ?, ?)",
                 (article.title_ko, article.title_en, article.content_hash, article.ko, article.en))  # fmt: skip
    if version >= 8:
        from reader.store.articles import insert_rows
        from reader.store.search import index_columns

        insert_rows(conn, 1, analysis.sentences, [])  # the sentences packed; the rows as schema 8 kept them
        _old_rows(conn, analysis.segments)
        conn.execute(  # the full-text index of schema 8 (no index of the titles alone yet)
            "INSERT INTO search_index (rowid, body, title) VALUES (1, ?, ?)",
            index_columns(article.title_ko, article.title_en, article.ko, article.en),
        )
    else:
        conn.executemany('INSERT INTO sentences (article_id, lang, idx, start, "end", paragraph) VALUES (1, ?, ?, ?, ?, ?)',
                         [(s.lang, s.idx, s.start, s.end, s.paragraph) for s in analysis.sentences])  # fmt: skip
        _old_rows(conn, analysis.segments)
    ids = {}
    for m in _mentions(article.ko, article.en):  # newest rows first: ids are not in text order
        ids[(m.side, m.start, m.end)] = conn.execute(
            "INSERT INTO mentions (article_id, position, side, start, end, type, glossary_id, how, guess) "
            "VALUES (1, ?, ?, ?, ?, ?, 1, ?, ?)",
            (m.position, m.side, m.start, m.end, m.type, m.how, int(m.guess)),
        ).lastrowid
    for m in _mentions(article.ko, article.en):
        if m.partner_start is not None:
            partner = ids[("en" if m.side == "ko" else "ko", m.partner_start, m.partner_end)]
            conn.execute(
                "UPDATE mentions SET partner = ? WHERE id = ?", (partner, ids[(m.side, m.start, m.end)])
            )
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()
    return {"ko": article.ko, "en": article.en}


def _old_rows(conn: sqlite3.Connection, segments) -> None:
    """Article 1's aligned rows a row each, as schemas before 15 kept them."""
    conn.executemany(
        "INSERT INTO segments (article_id, position, paragraph, ko_from, ko_to, en_from, en_to, ko_start, ko_end, "
        "en_start, en_end, link, confidence) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(g.position, g.paragraph, g.ko_from, g.ko_to, g.en_from, g.en_to, g.ko_start, g.ko_end, g.en_start,
          g.en_end, g.link, g.confidence) for g in segments])  # fmt: skip


@pytest.mark.parametrize("version", [7, 8])
def test_an_older_library_upgrades_keeping_every_name_link_and_note(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.db"
    made = _old_library(path, version)
    anchor = make_anchor(made["ko"], *_span(made["ko"], "쿠르스크"))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO notes (article_id, target, side, start, end, exact, prefix, suffix, body, created, "
                 "updated) VALUES (1, 'mention', 'ko', ?, ?, ?, ?, ?, 'where they went', 'then', 'then')",
                 (anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix))  # fmt: skip
    conn.close()
    with Store.open(path) as store:
        assert store.upgraded_from == version
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _shown(store.get_article(1)) == EXPECTED
        assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'mentions' "
                                              "AND type = 'index'")}  # fmt: skip
        assert not indexes  # the article id is the key; the glossary id index is gone
        kept = get_note(conn, 1)
        assert kept is not None and not kept.detached and kept.target == "mention"
        assert made["ko"][kept.start : kept.end] == "쿠르스크"
        assert remove_entry(conn, 1)  # a glossary entry goes without touching mentions
        assert check(conn).ok, check(conn).problems
