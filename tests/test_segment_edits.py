"""Fixing the alignment by hand: join, split, undo, and locked rows that survive re-analysis."""

from __future__ import annotations

import pytest

from reader.analysis import analyse
from reader.reanalysis import reanalyse, rechecker
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


FIGURES_KO = "부산시는 26일 주민 1만2000명에게 대피를 권고했다. 기상청은 이날 오후 부산 전역에 호우 경보를 내리고 외출을 자제해 달라고 당부했다. 시장은 현장을 찾았다."
FIGURES_EN = (
    "Busan told 11,000 residents to leave on the 26th. The weather agency issued a heavy rain warning for "
    "all of Busan that afternoon and asked people to stay indoors. "
    "The mayor visited the site."
)


def checked_article(store: Store) -> int:
    result = analyse(FIGURES_KO, FIGURES_EN)
    article = NewArticle(ko=FIGURES_KO, en=FIGURES_EN, title_ko="대피", title_en="Evacuation")
    return store.insert_article(article, result.sentences, result.segments, mentions=result.mentions)


def findings(store: Store, article_id: int) -> list[tuple[str, ...]]:
    return [s.issues for s in store.get_article(article_id).segments]


def test_a_hand_fix_keeps_the_translation_check(store: Store) -> None:
    article_id = checked_article(store)
    assert any("1만2000명" in f for f in findings(store, article_id)[0])  # 1만2000명 against 11,000
    join_rows(store.conn, article_id, 0, rechecker(store.conn, article_id))
    joined = findings(store, article_id)
    assert len(joined) == 2 and any("1만2000명" in f for f in joined[0])
    # the Korean's last sentence to a row of its own: the figures still disagree in the row above, and
    # the sentence alone is a sentence left out of the translation
    split_row(store.conn, article_id, 0, "ko", rechecker(store.conn, article_id))
    rows = store.get_article(article_id).segments
    assert (rows[1].ko, rows[1].en) == (
        "기상청은 이날 오후 부산 전역에 호우 경보를 내리고 외출을 자제해 달라고 당부했다.",
        "",
    )
    after = findings(store, article_id)
    assert any("1만2000명" in f for f in after[0])
    assert after[1] == ("this Korean sentence has nothing beside it in the English: left out?",)


def test_a_fix_that_makes_the_sides_agree_clears_its_finding(store: Store) -> None:
    article_id = checked_article(store)
    split_row(
        store.conn, article_id, 0, "ko", rechecker(store.conn, article_id)
    )  # nothing to split: one sentence
    join_rows(store.conn, article_id, 1, rechecker(store.conn, article_id))
    assert findings(store, article_id)[1] == ()  # the two agreeing rows joined: still nothing to say
