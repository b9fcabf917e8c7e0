"""One reading of dates: what is highlighted as a date is what the translation check compares, and the
words that name a day from another day are read the same way by the highlighting, links and check."""

from __future__ import annotations

import pytest

from reader.text.dates import date_spans, relative_date_of, relative_dates
from reader.text.entities import find_mentions
from reader.text.glossary import Glossary
from reader.text.numbers import find_quantities


def _dates(text: str, lang: str) -> list[str]:
    return [m.text for m in find_mentions(text, lang, Glossary()) if m.type == "DATE"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("북한은 지난 26일(현지시간) 발표했다.", "ko", ["지난 26일"]),
        ("2024년 6월 19일(수) 서명했다.", "ko", ["2024년 6월 19일(수)"]),
        ("회담은 6월 중순 열린다.", "ko", ["6월 중순"]),
        ("그는 월요일 평양에 도착했다.", "ko", ["월요일"]),
        ("They met on Monday, Nov. 26, 2024, in Seoul.", "en", ["Monday, Nov. 26, 2024"]),
        ("The talks open in early June.", "en", ["early June"]),
    ],
)
def test_a_written_date_is_one_highlight(text: str, lang: str, expected: list[str]) -> None:
    assert _dates(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("북한군 1만1000명이 지난 26일 쿠르스크에 도착했고 8일째 머물렀다.", "ko"),
        ("Some 11,000 troops arrived on Nov. 26 and stayed 45 days; on the 28th they moved.", "en"),
        ("The treaty of 2024 took effect on Dec. 4, a Wednesday.", "en"),
    ],
)
def test_every_highlighted_date_is_a_date_the_check_compares(text: str, lang: str) -> None:
    parts = [(q.start, q.end) for q in find_quantities(text, lang) if q.kind == "date"]
    spans = date_spans(text, lang)
    assert spans
    for start, end in spans:
        # a written date holds a date part the check reads, or is a weekday the check pairs with a day
        assert any(start <= a and b <= end for a, b in parts) or text[start:end].endswith(("day", "요일"))
    for m in find_mentions(text, lang, Glossary()):
        if m.type == "DATE":
            assert any(a <= m.start and m.end <= b for a, b in spans) or relative_date_of(m.text, lang)


def test_a_clock_time_is_no_year() -> None:
    text = "Police received a call at 0715 (1215 GMT), he said in 2008."
    assert _dates(text, "en") == ["2008"]


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("어제", "the previous day"),
        ("이날", "that day"),
        ("지난달", "last month"),
        ("다음 날", "the following day"),
    ],
)
def test_relative_dates_mean_the_same_in_both_languages(ko: str, en: str) -> None:
    assert relative_date_of(ko, "ko") == relative_date_of(en, "en") is not None


@pytest.mark.parametrize("text", ["오늘날 북한은", "모레츠 감독", "내일모레츠"])
def test_a_relative_date_word_inside_another_word_is_none(text: str) -> None:
    assert relative_dates(text, "ko") == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("이튿날인 20일에는 미사일이 날아왔다.", ["이튿날", "20일"]),
        ("같은 날 오후 발표했다.", ["같은 날"]),
        ("푸틴 대통령이 지난달 9일 서명했다.", ["지난달 9일"]),
        ("'국방발전-2024' 전시회가 열렸다.", []),
    ],
)
def test_korean_dates_as_news_writes_them(text: str, dates: list[str]) -> None:
    assert _dates(text, "ko") == dates


def test_a_year_inside_a_name_is_no_date() -> None:
    assert _dates('the "Defence Development-2024" weapons exhibition opened in 2024', "en") == ["2024"]


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("The attack came at 10 p.m. local time, killing 12 people.", ["12 people"]),
        ("Article 4 of the treaty says 300 troops will go.", ["300 troops"]),
    ],
)
def test_a_clock_time_or_a_numbered_article_counts_nothing(text: str, quantities: list[str]) -> None:
    assert [m.text for m in find_mentions(text, "en", Glossary()) if m.type == "QUANTITY"] == quantities
