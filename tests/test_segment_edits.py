"""Fixing the alignment by hand: join, split, undo, and locked rows that survive re-analysis."""

from __future__ import annotations

import pytest

from reader.analysis import analyse
from reader.reanalysis import reanalyse
from reader.store import NewArticle, Store
from reader.store.search import search
from reader.store.segments import join_rows, split_row, write_rows

KO = "북한군이 쿠르스크에 배치됐다. 국방부는 이를 확인했다. 우크라이나군은 교전을 벌였다."
EN = "North Korean troops were deployed to Kursk. The ministry confirmed it. Ukrainian forces fought them."


@pytest.fixture
def article_id(store: Store) -> int:
    article = NewArticle(ko=KO, en=EN, title_ko="제목", title_en="Title")
    result = analyse(KO, EN, entities=False)
    return store.insert_article(article, result.sentences, result.segments)


def texts(store: Store, article_id: int) -> list[tuple[str, str]]:
    return [(s.ko, s.en) for s in store.get_article(article_id).segments]


def test_join_then_split_then_undo(store: Store, article_id: int) -> None:
    assert [s.link for s in store.get_article(article_id).segments] == ["1-1", "1-1", "1-1"]
    before = join_rows(store.conn, article_id, 0)
    rows = texts(store, article_id)
    assert rows[0] == (
        "북한군이 쿠르스크에 배치됐다. 국방부는 이를 확인했다.",
        "North Korean troops were deployed to Kursk. The ministry confirmed it.",
    )
    assert len(rows) == 2
    joined = store.get_article(article_id).segments[0]
    assert joined.link == "2-2" and joined.locked and joined.confidence == 1.0
    split_row(store.conn, article_id, 0, "en")  # last English sentence to a row of its own
    assert texts(store, article_id)[:2] == [
        (
            "북한군이 쿠르스크에 배치됐다. 국방부는 이를 확인했다.",
            "North Korean troops were deployed to Kursk.",
        ),
        ("", "The ministry confirmed it."),
    ]
    write_rows(store.conn, article_id, before)  # undo all the way back
    assert [s.link for s in store.get_article(article_id).segments] == ["1-1", "1-1", "1-1"]


def test_edges_do_nothing(store: Store, article_id: int) -> None:
    assert join_rows(store.conn, article_id, 2) is None  # last row has no next
    assert split_row(store.conn, article_id, 0, "ko") is None  # one sentence cannot be split
    assert [s.link for s in store.get_article(article_id).segments] == ["1-1", "1-1", "1-1"]


def test_search_follows_the_new_rows(store: Store, article_id: int) -> None:
    join_rows(store.conn, article_id, 1)
    hits = [h for h in search(store.conn, "교전") if h.position is not None]
    assert [(h.position, h.ko) for h in hits] == [
        (1, "국방부는 이를 확인했다. 우크라이나군은 교전을 벌였다.")
    ]


def test_locked_rows_survive_reanalysis(store: Store, article_id: int) -> None:
    join_rows(store.conn, article_id, 1)  # a person decides rows 1 and 2 belong together
    reanalyse(store.conn, article_id)
    segments = store.get_article(article_id).segments
    assert [s.link for s in segments] == ["1-1", "2-2"]
    assert segments[1].locked and not segments[0].locked
