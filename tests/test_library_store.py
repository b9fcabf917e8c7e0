"""The library listing: orders, filters, windows, positions, read and starred state, bounded search."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from builders import one_to_one
from reader.store import NewArticle, Store
from reader.store import library as lib
from reader.store.library import LibraryView, Listing
from reader.store.notes import add_note, delete_note
from reader.store.search import BadQuery, search

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from make_library import make_library

ARTICLES = [
    # name, source, published, ko sentences, en sentences
    ("troops", "Yonhap", "2024-11-20", ["북한군이 쿠르스크에 배치됐다.", "우크라이나는 북한군은 전투에 투입됐다고 밝혔다."],
     ["North Korean troops were deployed to Kursk.", "Ukraine said the troops had entered combat."]),
    ("rates", "KBS", "2024-11-22", ["한국은행이 기준금리를 동결했다.", "환율은 1400원을 넘었다."],
     ["The Bank of Korea held its base rate.", "The won passed 1,400 per dollar."]),
    ("chips", "Yonhap", "2024-11-22", ["반도체 수출이 늘었다."], ["Chip exports rose."]),
    ("undated", "Arirang", None, ["가나다 기사."], ["An undated article."]),
    ("summit", "KBS", "2024-10-01", ["정상회담이 열렸다."], ["A summit was held."]),
]  # fmt: skip


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    made = {}
    for name, source, published, ko, en in ARTICLES:
        article, analysis = one_to_one(ko, en)
        article = replace(article, source=source, published=published, title_en=name.title())
        made[name] = store.insert_article(article, analysis.sentences, analysis.segments)
    return made


def names(ids: dict[str, int], listed: list[int]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[i] for i in listed]


def listed(store: Store, ids: dict[str, int], view: LibraryView) -> list[str]:
    listing = Listing(store.conn, view)
    return names(ids, [row.id for row in listing.rows(0, 100)])


def test_date_order_is_newest_first_with_undated_last_and_ties_by_newest_id(store, ids) -> None:
    assert listed(store, ids, LibraryView()) == ["chips", "rates", "troops", "summit", "undated"]
    assert [a.id for a in store.list_articles()] == Listing(store.conn, LibraryView()).ids(0, 10)


def test_windows_and_positions_agree_with_the_full_order(store, ids) -> None:
    for view in (LibraryView(), LibraryView(sort="title"), LibraryView(sort="source")):
        listing = Listing(store.conn, view)
        everything = listing.ids(0, 100)
        assert listing.count == len(everything) == 5
        assert listing.ids(1, 2) == everything[1:3]
        assert listing.ids(4, 10) == everything[4:]
        for index, article_id in enumerate(everything):
            assert listing.index_of(article_id) == index
        first, middle, last = everything[0], everything[2], everything[-1]
        assert listing.neighbours(first) == (None, everything[1])
        assert listing.neighbours(middle) == (everything[1], everything[3])
        assert listing.neighbours(last) == (everything[-2], None)


def test_other_orders(store, ids) -> None:
    assert listed(store, ids, LibraryView(sort="source")) == ["undated", "rates", "summit", "chips", "troops"]
    titles = listed(store, ids, LibraryView(sort="title"))
    assert titles == ["undated", "chips", "troops", "summit", "rates"]  # 가, 반, 북, 정, 한: the Korean title
    add_note(store.conn, ids["summit"], "ko", 0, 2, "one")
    add_note(store.conn, ids["summit"], "ko", 0, 2, "two")
    add_note(store.conn, ids["troops"], "ko", 0, 2, "three")
    gone = add_note(store.conn, ids["undated"], "ko", 0, 2, "deleted")
    delete_note(store.conn, gone.id)
    assert listed(store, ids, LibraryView(sort="notes"))[:3] == ["summit", "troops", "chips"]


def test_filters_combine(store, ids) -> None:
    lib.set_starred(store.conn, ids["rates"], True)
    lib.set_starred(store.conn, ids["troops"], True)
    lib.mark_read(store.conn, ids["troops"])
    add_note(store.conn, ids["chips"], "ko", 0, 2, "note #exports #Chips")
    add_note(store.conn, ids["summit"], "en", 0, 1, "see #diplomacy")
    assert listed(store, ids, LibraryView(starred=True)) == ["rates", "troops"]
    assert listed(store, ids, LibraryView(unread=True)) == ["chips", "rates", "summit", "undated"]
    assert listed(store, ids, LibraryView(starred=True, unread=True)) == ["rates"]
    assert listed(store, ids, LibraryView(annotated=True)) == ["chips", "summit"]
    assert listed(store, ids, LibraryView(sources=frozenset({"KBS", "Arirang"}))) == [
        "rates",
        "summit",
        "undated",
    ]
    assert listed(store, ids, LibraryView(tags=frozenset({"chips"}))) == ["chips"]
    assert listed(store, ids, LibraryView(tags=frozenset({"chips", "diplomacy"}))) == ["chips", "summit"]
    assert listed(store, ids, LibraryView(tags=frozenset({"chip"}))) == []  # whole tags only
    assert Listing(store.conn, LibraryView(starred=True)).index_of(ids["chips"]) is None
    assert lib.tags(store.conn) == [("chips", 1), ("diplomacy", 1), ("exports", 1)]
    assert lib.sources(store.conn) == [("KBS", 2), ("Yonhap", 2), ("Arirang", 1)]


def test_rows_carry_read_starred_and_live_note_counts(store, ids) -> None:
    add_note(store.conn, ids["rates"], "ko", 0, 2, "a")
    gone = add_note(store.conn, ids["rates"], "ko", 0, 2, "b")
    delete_note(store.conn, gone.id)
    lib.set_starred(store.conn, ids["rates"], True)
    lib.mark_read(store.conn, ids["rates"], when="2024-12-01T00:00:00+00:00")
    lib.mark_read(store.conn, ids["rates"], when="2025-01-01T00:00:00+00:00")  # the first reading stays
    (row,) = lib.rows_for(store.conn, [ids["rates"]])
    assert (row.read, row.starred, row.notes, row.source) == (True, True, 1, "KBS")
    assert store.conn.execute("SELECT read_at FROM articles WHERE id = ?", (ids["rates"],)).fetchone()[0] == (
        "2024-12-01T00:00:00+00:00"
    )
    lib.mark_unread(store.conn, ids["rates"])
    lib.set_starred(store.conn, ids["rates"], False)
    (row,) = lib.rows_for(store.conn, [ids["rates"]])
    assert (row.read, row.starred) == (False, False)
    assert lib.rows_for(store.conn, [ids["chips"], 99999, ids["troops"]])[1].id == ids["troops"]


def test_view_survives_a_round_trip_and_rejects_junk() -> None:
    view = LibraryView(sort="notes", sources=frozenset({"KBS"}), tags=frozenset({"x"}), unread=True)
    assert LibraryView.from_json(view.to_json()) == view
    assert LibraryView.from_json({"sort": "nonsense"}) == LibraryView()
    assert LibraryView.from_json(["not", "a", "dict"]) == LibraryView()
    assert view.next_sort().sort == "date" and LibraryView().next_sort().sort == "source"
    assert view.describe() == ["unread", "source: KBS", "#x"]


def test_library_search_finds_inflected_korean_titles_and_phrases(store, ids) -> None:
    hits = lib.search_library(store.conn, "북한군")
    # Both rows (북한군이, 북한군은) and the title (the first sentence here).
    assert {(h.article_id, h.position) for h in hits} == {
        (ids["troops"], None),
        (ids["troops"], 0),
        (ids["troops"], 1),
    }
    assert lib.search_library(store.conn, "Chips")[0].position is None  # the title
    assert [h.position for h in lib.search_library(store.conn, '"passed 1,400"')] == [1]
    with pytest.raises(BadQuery):
        lib.search_library(store.conn, "!!")
    # Same hits as the unbounded search when there are fewer matches than candidates.
    for query in ("금리", "troops", "kursk 북한군"):
        assert {(h.article_id, h.position) for h in lib.search_library(store.conn, query)} == {
            (h.article_id, h.position) for h in search(store.conn, query)
        }


def test_library_search_ranks_a_bounded_number_of_matches(store) -> None:
    for i in range(30):
        article, analysis = one_to_one([f"금리 기사 {i}번."], [f"Rates story {i}."])
        store.insert_article(replace(article, title_ko=f"기사 {i}"), analysis.sentences, analysis.segments)
    assert len(lib.search_library(store.conn, "금리", limit=50)) == 30
    bounded = lib.search_library(store.conn, "금리", limit=50, candidates=5)
    assert len(bounded) == 5
    newest = max(a.id for a in store.list_articles())
    assert newest in {h.article_id for h in bounded}  # the most recent matches are the ones ranked


def test_generated_library_reads_and_searches_like_an_imported_one(tmp_path) -> None:
    db = tmp_path / "big.db"
    assert make_library(db, 40, workers=0, length=300, starred=0.5, read=0.5) == 40
    with Store.open(db) as store:
        listing = Listing(store.conn, LibraryView())
        assert listing.count == 40
        article = store.get_article(listing.ids(0, 1)[0])
        assert article is not None and len(article.segments) >= 3
        for segment in article.segments:
            assert segment.ko.strip() and segment.en.strip()
        # The index holds what `index_article` would have written: a word of row 2 finds row 2.
        word = article.segments[2].en.split()[2].strip(".,\"'")
        assert any(h.position == 2 for h in search(store.conn, f'"{word}"', article_id=article.id))
        person = next(w for w in article.segments[1].ko.split() if len(w) >= 3)
        assert any(h.article_id == article.id for h in lib.search_library(store.conn, person[:3], limit=500))
        assert 0 < Listing(store.conn, LibraryView(starred=True)).count < 40
        # Adding to a library gives new articles, not duplicates.
    assert make_library(db, 10, workers=0, length=300) == 10


def test_an_untitled_article_still_lists(store) -> None:
    article_id = store.insert_article(NewArticle(ko="본문.", en="Body."), [], [])
    (row,) = Listing(store.conn, LibraryView()).rows(0, 5)
    assert (row.id, row.title_ko, row.title_en, row.published) == (article_id, "", "", None)


def test_every_view_windows_and_positions_as_a_full_sort_would(tmp_path) -> None:
    """Windows read off the indexes and positions counted from sort keys agree with sorting everything in
    Python, in every order, through filters, with undated articles, equal titles and notes."""
    import random

    from reader.store.library import SORTS

    rng = random.Random(5)
    with Store.open(tmp_path / "lib.db") as store:
        made = []
        for n in range(60):
            article, analysis = one_to_one([f"기사 {n}."], [f"Story {n}."])
            article = replace(
                article,
                source=rng.choice(["", "KBS", "kbs", "Yonhap", "MBC"]),
                published=rng.choice([None, "2024-01-01", "2024-02-02", f"2024-03-{n % 28 + 1:02d}"]),
                title_ko=rng.choice(["", "가", "나", "Ga"]),
                title_en=rng.choice(["a", "B", "b", ""]),
            )
            made.append(store.insert_article(article, analysis.sentences, analysis.segments))
        for article_id in rng.sample(made, 20):
            lib.set_starred(store.conn, article_id, True)
        for article_id in rng.sample(made, 30):
            lib.mark_read(store.conn, article_id)
        for article_id in rng.sample(made, 8):
            for _ in range(rng.randint(1, 3)):
                add_note(store.conn, article_id, "ko", 0, 2, "note #tagged")
        rows = {
            r[0]: r
            for r in store.conn.execute(
                "SELECT id, source, published, coalesce(nullif(title_ko, ''), title_en), starred, "
                "read_at IS NULL, (SELECT count(*) FROM notes n WHERE n.article_id = a.id), title_ko = '' "
                "FROM articles a"
            )
        }

        def expected(view: LibraryView) -> list[int]:
            def date_key(r):  # newest first, undated last, then the newest id
                return (r[2] is None, tuple(-ord(c) for c in r[2] or ""), -r[0])

            keys = {
                "date": date_key,
                "source": lambda r: (r[1] == "", r[1].lower(), date_key(r)),
                "title": lambda r: (r[7], r[3].lower(), -r[0]),  # English-only titles after the Korean
                "notes": lambda r: (-r[6], date_key(r)),
            }
            kept = [r for r in rows.values() if (not view.starred or r[4]) and (not view.unread or r[5])
                    and (not view.annotated or r[6]) and (not view.tags or r[6])
                    and (not view.sources or r[1] in view.sources)]  # fmt: skip
            return [r[0] for r in sorted(kept, key=keys[view.sort])]

        filters = [{}, {"starred": True}, {"unread": True}, {"annotated": True}, {"sources": frozenset(["KBS", ""])},
                   {"tags": frozenset(["tagged"])}, {"starred": True, "unread": True}]  # fmt: skip
        for sort in SORTS:
            for chosen in filters:
                view = LibraryView(sort=sort, **chosen)
                listing = Listing(store.conn, view)
                want = expected(view)
                assert listing.count == len(want), view
                assert listing.ids(0, 100) == want, view
                assert listing.ids(5, 7) == want[5:12], view
                for index, article_id in enumerate(want):
                    assert listing.index_of(article_id) == index, (view, article_id)
                left_out = set(made) - set(want)
                assert all(listing.index_of(i) is None for i in left_out), view


def test_the_kept_number_of_articles_follows_adds_removals_and_undo(store, ids) -> None:
    from reader.store.removal import remove_articles, restore_article

    def counted() -> tuple[int, int]:
        return Listing(store.conn, LibraryView()).count, store.conn.execute(
            "SELECT count(*) FROM articles"
        ).fetchone()[0]

    assert counted() == (5, 5)
    (removed,) = remove_articles(store.conn, [ids["rates"]])
    assert counted() == (4, 4)
    restore_article(store.conn, removed)
    assert counted() == (5, 5)
    store.delete_article(ids["chips"])
    assert counted() == (4, 4)


def test_palette_titles_wait_for_a_second_korean_syllable(store) -> None:
    for title in ("금리 관세 인상", "금리 동결", "관광 회복"):
        article, analysis = one_to_one([f"{title} 기사."], [f"A story {title}."])
        store.insert_article(replace(article, title_ko=title), analysis.sentences, analysis.segments)

    def titles(typed: str) -> list[str]:
        return sorted(row.title_ko for row in lib.search_titles(store.conn, typed))

    assert titles("관") == []  # one syllable alone: nothing yet
    assert titles("금리 관") == titles("금리") == ["금리 관세 인상", "금리 동결"]  # the words before it
    assert titles("금리 관세") == ["금리 관세 인상"]
    assert titles("관광") == ["관광 회복"]


def _story(store: Store, title_en: str, ko: list[str], en: list[str]) -> int:
    article, analysis = one_to_one(ko, en)
    return store.insert_article(replace(article, title_en=title_en), analysis.sentences, analysis.segments)


def _shown(hits) -> list[tuple[int, int | None, str, str]]:
    return [(h.article_id, h.position, h.ko, h.en) for h in hits]


def test_a_rare_word_finds_the_same_hits_as_the_full_search(store) -> None:
    for i in range(8):  # a common word, in more articles than are ranked
        _story(store, f"Rates {i}", [f"금리가 {i}% 올랐다."], [f"Rates rose {i} percent."])
    _story(
        store,
        "Typhoon",
        ["태풍이 북상했다.", "태풍 피해가 컸다. 태풍이다."],
        ["A typhoon moved north.", "A typhoon did damage."],
    )
    _story(store, "Storm", ["폭우가 왔다.", "태풍은 없었다."], ["Rain fell.", "No typhoon came."])
    _story(store, "Typhoon warning", ["태풍 경보."], ["A typhoon warning."])
    for query in ("typhoon", "태풍", "태", '"typhoon warning"'):
        full = search(store.conn, query)
        assert full and _shown(lib.search_library(store.conn, query, candidates=5)) == _shown(full), query


def test_a_common_word_shows_its_newest_articles_titles_holding_it_first(store) -> None:
    from reader.store.dialect import POSTGRESQL, dialect

    made = [_story(store, "Rates" if i % 3 == 0 else f"Story {i}", [f"금리 기사 {i}."], [f"Rates story {i}."])
            for i in range(9)]  # fmt: skip
    hits = lib.search_library(store.conn, "rates", limit=50, candidates=4)
    newest = made[:-5:-1]  # the four newest, newest first
    assert sorted({h.article_id for h in hits}) == sorted(newest)
    if dialect(store.conn) != POSTGRESQL:  # ranked without BM25: titles holding it first, then by date
        titled = [i for i in newest if (made.index(i)) % 3 == 0]
        assert list(dict.fromkeys(h.article_id for h in hits)) == titled + [
            i for i in newest if i not in titled
        ]


def test_one_syllable_finds_the_words_it_starts_in_articles_added_or_reindexed(store) -> None:
    from reader.store.search import rebuild

    first = _story(store, "Arctic", ["북극 항로가 열렸다."], ["The Arctic route opened."])
    assert {h.article_id for h in lib.search_library(store.conn, "북")} == {first}
    second = _story(
        store, "North", ["북한이 발표했다.", "북쪽이다."], ["The North announced it.", "It is north."]
    )
    assert {h.article_id for h in lib.search_library(store.conn, "북")} == {first, second}
    assert _shown(lib.search_library(store.conn, "북")) == _shown(search(store.conn, "북"))
    rebuild(store.conn)
    assert _shown(lib.search_library(store.conn, "북")) == _shown(search(store.conn, "북"))
    assert lib.search_library(store.conn, "힣") == []


def test_the_title_order_is_read_off_its_index_english_only_titles_last(tmp_path) -> None:
    """Schema 16: the articles with no Korean title after the others, still without sorting the library."""
    from reader.store import Store
    from reader.store.library import LibraryView, Listing

    with Store.open(tmp_path / "plan.db") as store:
        order = Listing(store.conn, LibraryView(sort="title"))._order
        plan = store.conn.execute(f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a ORDER BY {order} LIMIT 50")
        details = " ".join(row[3] for row in plan.fetchall())
        assert "USING INDEX idx_articles_by_title" in details and "TEMP B-TREE" not in details
