"""Full-text search: Korean words inside inflected forms, English words and phrases, ranked hits."""

from __future__ import annotations

import json

import pytest

from builders import one_to_one
from reader.cli import main
from reader.store import NewArticle, Store
from reader.store.search import BadQuery, search, snippet


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
            ["한국은행이 기준금리를 동결했다.", "환율은 1400원을 넘었다."],
            ["The Bank of Korea held its base rate.", "The won passed 1,400 per dollar."],
        ),
    ):
        article, analysis = one_to_one(ko, en)
        ids[name] = store.insert_article(article, analysis.sentences, analysis.segments)
    return ids


@pytest.mark.parametrize(
    "query, name, position",
    [
        ("북한군", "troops", 0),  # finds 북한군이 and 북한군은
        ("파병", "troops", 2),  # finds 파병됐다
        ("금리", "rates", 0),  # a two-syllable word inside 기준금리를
        ("환율", "rates", 1),
        ("deployed", "troops", 0),
        ("deploy", "troops", 0),  # stemmed
        ('"passed 1,400"', "rates", 1),
    ],
)
def test_finds_words_in_either_language(store, library, query, name, position) -> None:
    hits = search(store.conn, query)
    assert hits, query
    assert (hits[0].article_id, hits[0].position) == (library[name], position) or any(
        (h.article_id, h.position) == (library[name], position) for h in hits
    )
    assert all(h.article_id == library[name] for h in hits)


@pytest.mark.parametrize(
    "query, name, position",
    [
        ("한국은행은", "rates", 0),  # a particle the text does not have: 한국은행이
        ("북한군을", "troops", 0),
        ("동결하다", "rates", 0),  # a dictionary form: 동결했다
        ("1400원", "rates", 1),  # a figure and its unit with a particle after them: 1400원을
    ],
)
def test_a_word_typed_with_another_ending_still_finds_its_forms(
    store, library, query, name, position
) -> None:
    """Typed with a particle or a dictionary ending the text does not have, a Korean word is looked for
    without it, once the words as typed find nothing; in the library's search too."""
    from reader.store.library import search_library

    for found in (search(store.conn, query), search_library(store.conn, query)):
        assert any((h.article_id, h.position) == (library[name], position) for h in found), (query, found)
        assert all(h.article_id == library[name] for h in found)


def test_a_word_found_as_typed_brings_in_no_looser_forms(store, library) -> None:
    """북한군이 is in the text as typed: the articles holding only 북한군 (not here) or other endings are
    not added, and a quoted word is exact."""
    article, analysis = one_to_one(["북한군은 물러났다."], ["The North Korean troops withdrew."])
    other = store.insert_article(article, analysis.sentences, analysis.segments)
    assert {h.article_id for h in search(store.conn, "북한군이")} == {library["troops"]}
    assert {h.article_id for h in search(store.conn, "북한군")} == {library["troops"], other}
    assert search(store.conn, '"한국은행은"') == []


def test_a_figure_and_its_counter_find_it_with_a_particle_after_it(store, library) -> None:
    """1400원 finds 1400원을 even where the title holds 1400원 as typed (a new user's 37명 found the title
    and not the row with 37명이)."""
    from reader.store.library import search_library

    article, analysis = one_to_one(
        ["환율 1400원 돌파.", "환율은 1400원을 넘었다."], ["Won past 1,400.", "It passed."]
    )
    both = store.insert_article(article, analysis.sentences, analysis.segments)
    for found in (search(store.conn, "1400원"), search_library(store.conn, "1400원")):
        assert {(h.article_id, h.position) for h in found} >= {(both, 0), (both, 1), (library["rates"], 1)}


def test_every_word_must_match(store, library) -> None:
    assert search(store.conn, "북한군 금리") == []
    assert {h.position for h in search(store.conn, "북한군 전투")} == {1}


def test_titles_match_too_and_rank_by_relevance(store, library) -> None:
    hits = search(store.conn, "북한군")
    assert hits[0].position in (None, 0, 1)
    scores = [h.score for h in hits]
    assert scores == sorted(scores)  # bm25: lower is better


def test_removed_and_replaced_articles_leave_the_index(store, library) -> None:
    from reader.analysis import analyse

    store.delete_article(library["rates"])
    assert search(store.conn, "금리") == []
    new = NewArticle(
        ko="북한군이 철수했다.", en="The troops withdrew.", title_ko="철수", title_en="Withdrawal"
    )
    result = analyse(new.ko, new.en)
    store.replace_article(library["troops"], new, result.sentences, result.segments)
    assert search(store.conn, "쿠르스크") == []
    assert [h.position for h in search(store.conn, "철수") if h.position is not None] == [0]
    from reader.store.health import check

    assert check(store.conn).ok  # the index agrees with the articles


def test_nothing_searchable_is_an_error(store) -> None:
    with pytest.raises(BadQuery):
        search(store.conn, '!! ""')


def test_snippet_marks_the_words() -> None:
    text, spans = snippet("우크라이나는 북한군은 전투에 투입됐다고 밝혔다.", "북한군")
    assert [text[a:b] for a, b in spans] == ["북한군"]
    long = "앞 " * 200 + "북한군이 있다" + " 뒤" * 200
    text, spans = snippet(long, "북한군", width=60)
    assert text.startswith("…") and text.endswith("…") and [text[a:b] for a, b in spans] == ["북한군"]


def test_cli_search_json(location, capsys) -> None:
    article, analysis = one_to_one(["북한군이 쿠르스크에 배치됐다."], ["Troops were deployed to Kursk."])
    with Store.open(location) as store:
        article_id = store.insert_article(article, analysis.sentences, analysis.segments)
    assert main(["--db", str(location), "search", "쿠르스크", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["article"] == article_id and "쿠르스크" in hits[0]["ko"]
    assert main(["--db", str(location), "search", "!!"]) == 1
    assert "nothing to search for" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:  # a mistake in the command's own arguments: status 2
        main(["--db", str(location), "search", "쿠르스크", "--limit", "0"])
    assert exited.value.code == 2 and "1 or more" in capsys.readouterr().err


def test_a_word_right_after_a_terminal_escape_is_found(db_path, capsys) -> None:
    """An article that holds colour codes (shown inert) is still found by the word they colour."""
    article, analysis = one_to_one(
        ["경보는 \x1b[31m적색\x1b[0m으로 올랐다."], ["The alert went to \x1b[31mRED\x1b[0m at noon."]
    )
    with Store.open(db_path) as store:
        article_id = store.insert_article(article, analysis.sentences, analysis.segments)
        assert 0 in [h.position for h in search(store.conn, "RED") if h.article_id == article_id]
        assert 0 in [h.position for h in search(store.conn, "적색") if h.article_id == article_id]
        assert search(store.conn, "31mRED") == []
    assert main(["--db", str(db_path), "search", "red", "--json"]) == 0
    assert {hit["article"] for hit in json.loads(capsys.readouterr().out)} == {article_id}


def test_a_snippet_found_loosely_marks_the_word_in_its_form_there() -> None:
    long = "가" * 100 + " 러시아에 파병된 북한군이 쿠르스크에 배치됐다."
    text, spans = snippet(long, "북한군은 쿠르스크", width=60)  # 북한군은 is not there; 북한군이 is
    assert [text[a:b] for a, b in spans] == ["북한군", "쿠르스크"]  # and the window shows them
    text, spans = snippet("북한군은 북한군이", "북한군은")  # there as typed: only that form
    assert [text[a:b] for a, b in spans] == ["북한군은"]


def test_find_pieces_are_the_query_literally_or_each_word_with_a_looser_form() -> None:
    from reader.text.search_terms import any_of, find_pieces

    assert find_pieces('"쿠르스크 지역"') == [(r"쿠르스크\s+지역", None)]  # quotes are not looked for
    assert find_pieces("북한군은 감청", each_word=True) == [("북한군은", "북한군"), ("감청", None)]
    assert find_pieces('"north korean" troops', each_word=True) == [
        (r"north\s+korean", None),
        ("troops", None),
    ]
    assert find_pieces("배치하다") == [("배치하다", "배치")] and find_pieces("  ") == []

    def marked(query: str, each_word: bool) -> list[str]:
        pattern = any_of([piece for piece, _ in find_pieces(query, each_word=each_word)])
        assert pattern is not None
        return [
            m.group() for m in pattern.finditer("정부는 35억 달러를 약속했다. It pledged $3.5 billion won.")
        ]

    # a figure with its scale word is that figure on both sides; more words, or quotes, are found as typed
    assert marked("3.5 billion", False) == marked("$3.5 billion", True) == ["35억", "3.5 billion"]
    assert marked("3.5 billion won", False) == ["3.5 billion won"]
    assert marked('"3.5 billion"', True) == ["3.5 billion"]


def test_a_figure_is_found_however_it_is_written(location) -> None:
    from reader.store.library import search_library

    articles = [
        one_to_one(["북한군 약 1만1000명이 배치됐다."], ["About 11,000 troops were deployed."]),
        one_to_one(["정부는 지원을 약속했다."], ["The government pledged $3.5 billion in aid."]),
        one_to_one(["2,024명이 참가했다."], ["2,024 people took part."]),
        one_to_one(["정부는 42억 달러를 지원한다."], ["The government gives $4.2 billion."]),
        one_to_one(["주민 2만명이 대피했다."], ["Twenty thousand residents left."]),
    ]
    with Store.open(location) as store:
        ids = [store.insert_article(a, analysis.sentences, analysis.segments) for a, analysis in articles]

        def found(query: str) -> set[int]:
            return {h.article_id for h in search_library(store.conn, query)}

        assert found("11000") == {ids[0]} and found("11,000") == {ids[0]} and found("1만1000") == {ids[0]}
        assert found("11000명") == {ids[0]} and found("1만1000 troops") == {ids[0]}
        # Korean copy writes 42억 달러 and 42억달러, 2만 명 and 2만명: typed either way, both are found
        assert found("42억달러") == found("42억 달러") == {ids[3]}
        assert found("2만 명") == found("2만명") == {ids[4]}
        assert found("35억") == {ids[1]}  # 35억 달러 is $3.5 billion
        # a figure with its scale word is one figure: "3.5 billion" is neither a 3 nor a 5 beside any billion
        assert found("$3.5 billion") == found("3.5 billion") == found("3500000000") == {ids[1]}
        assert found("3.2 billion") == set()
        assert (
            found('"3.5 billion in aid"') == found('"$3.5 billion"') == {ids[1]}
        )  # a phrase: exactly as typed
        assert found("12000") == set() and found("2024") == set()  # a year is not 2,024 of something
        hits = search(store.conn, "11000")
        assert {(h.ko, h.en) for h in hits} == {
            ("북한군 약 1만1000명이 배치됐다.", "About 11,000 troops were deployed.")
        }
    text, spans = snippet("북한군 약 1만1000명이 배치됐다.", "11000")
    assert [text[a:b] for a, b in spans] == ["1만1000"]
    text, spans = snippet("The government pledged $3.5 billion in aid.", "3.5 billion")
    assert [text[a:b] for a, b in spans] == ["3.5 billion"]


def test_figure_forms_are_the_ways_news_writes_a_figure() -> None:
    from reader.text.figure_forms import figure_forms

    assert figure_forms("11000") == ["11,000", "1만1000", "1만1천", "1.1만"]
    assert figure_forms("1만1000명") == ["11000명", "11,000명", "1만1천명", "1.1만명"]  # the counter kept
    assert figure_forms("35억") == ["3500000000", "3,500,000,000", "3.5 billion"]
    assert figure_forms("1200000") == ["1,200,000", "120만", "1.2 million"]
    assert figure_forms("26일") == figure_forms("1.5") == figure_forms("2024") == figure_forms("서울") == []
