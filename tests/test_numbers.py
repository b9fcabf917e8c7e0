"""Korean and English quantities must meet on the same normalised value, unit and date parts."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.numbers import (
    Quantity,
    find_quantities,
    find_weekdays,
    parse_english_number,
    parse_korean_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1만1000", 11000),
        ("12조3천억", 12.3e12),
        ("3억5000만", 3.5e8),
        ("1억1천만", 1.1e8),
        ("1,000", 1000),
        ("2.5", 2.5),
        ("3천", 3000),
        ("5000억", 5e11),
        ("1만 1000", 11000),
        ("1억 2천500만", 125_000_000),
        ("2천607", 2607),
    ],
)
def test_parse_korean_number(text: str, value: float) -> None:
    assert parse_korean_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["세", "", "천안", "만세", "억지", "1만명", "abc"])
def test_parse_korean_number_rejects_words(text: str) -> None:
    assert parse_korean_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11,000", 11000),
        ("11 thousand", 11000),
        ("1.5 million", 1.5e6),
        ("twenty-five", 25),
        ("a thousand", 1000),
        ("3.5bn", 3.5e9),
        ("Seventeen", 17),
    ],
)
def test_parse_english_number(text: str, value: float) -> None:
    assert parse_english_number(text) == pytest.approx(value)


def _korean_numeral(n: int) -> str:
    """Write n the way Korean news does: 조/억/만 groups with plain digits inside (12조3000억5만12)."""
    parts = []
    for unit, size in (("조", 10**12), ("억", 10**8), ("만", 10**4)):
        group, n = divmod(n, size)
        if group:
            parts.append(f"{group}{unit}")
    if n or not parts:
        parts.append(str(n))
    return "".join(parts)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**15))
def test_korean_numeral_round_trip(n: int) -> None:
    assert parse_korean_number(_korean_numeral(n)) == n


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**12))
def test_english_grouped_digits_round_trip(n: int) -> None:
    assert parse_english_number(f"{n:,}") == n


def _key(q: Quantity) -> tuple[float, str | None, int | None]:
    return (q.value, q.unit, q.month)


def _only(text: str, lang: str) -> Quantity:
    found = find_quantities(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("병력 1만1000명이", "some 11,000 troops"),
        ("면적은 235㎢이다", "an area of 235 square kilometers"),
        ("면적은 235㎢이다", "an area of 235 km²"),
        ("500명의 병사", "500 soldiers"),
        ("35억 달러", "$3.5 billion"),
        ("3.5% 증가", "up 3.5 percent"),
        ("1억1천만 달러", "the $110 million wonder"),
        ("10배 강력한", "10 times as powerful"),
        ("15m 간격", "15 meters apart"),
    ],
)
def test_same_fact_same_quantity(ko: str, en: str) -> None:
    k, e = _only(ko, "ko"), _only(en, "en")
    assert _key(k) == _key(e)
    assert k.kind == e.kind


def test_quantity_span_covers_number_and_unit() -> None:
    text = "미군 1만1000명이 도착했다"
    q = _only(text, "ko")
    assert text[q.start : q.end] == "1만1000명"
    assert (q.value, q.unit, q.kind) == (11000, "person", "count")


def test_korean_date_parts_and_day_carries_month_and_year() -> None:
    found = find_quantities("2024년 11월 26일 오전", "ko")
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (2024, "year", "date"),
        (11, "month", "date"),
        (26, "day", "date"),
    ]
    assert (found[2].month, found[2].year) == (11, 2024)


@pytest.mark.parametrize("text", ["on Nov. 26", "on November 26", "on the 26th of November"])
def test_english_day_matches_korean_day(text: str) -> None:
    days = [q for q in find_quantities(text, "en") if q.unit == "day"]
    assert len(days) == 1
    assert (days[0].value, days[0].month) == (26, 11)
    ko_day = next(q for q in find_quantities("11월 26일", "ko") if q.unit == "day")
    assert (ko_day.value, ko_day.month) == (days[0].value, days[0].month)


def test_the_26th_is_a_day() -> None:
    q = _only("It happened on the 26th.", "en")
    assert (q.value, q.unit, q.kind) == (26, "day", "date")


def test_year_alone_is_a_date_in_both_languages() -> None:
    assert _key(_only("1992년에", "ko")) == _key(_only("in 1992", "en")) == (1992, "year", None)


def test_durations_are_not_dates() -> None:
    q = _only("3년 동안", "ko")
    assert (q.unit, q.kind) == ("year", "duration")
    q = _only("45일간", "ko")
    assert (q.unit, q.kind) == ("day", "duration")


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_quantities("It may rain and we march on.", "en") == []
    assert [q.value for q in find_quantities("on May 5", "en")] == [5, 5]


def test_words_that_begin_with_unit_characters_are_not_numbers() -> None:
    assert find_quantities("천안함 사건과 백두산", "ko") == []


def test_latin_unit_does_not_swallow_a_word() -> None:
    q = _only("전체 5 times 중", "ko")
    assert q.unit != "ton"


@settings(max_examples=100)
@given(st.text(alphabet=st.sampled_from("0123456789,.만억조천백십명일월년% $abcM가나 "), max_size=40))
def test_find_quantities_never_crashes_and_spans_are_ordered(text: str) -> None:
    for lang in ("ko", "en"):
        found = find_quantities(text, lang)
        for q in found:
            assert 0 <= q.start < q.end <= len(text)
        for a, b in itertools.pairwise(found):
            assert a.end <= b.start


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("500억 달러", "$50bn"),
        ("영내 70km까지", "70km inside"),
        ("300mm의 비", "300mm of rain"),
        ("34세 남성", "a 34-year-old man"),
    ],
)
def test_units_written_onto_numbers(ko: str, en: str) -> None:
    k, e = _only(ko, "ko"), _only(en, "en")
    assert (k.value, k.unit) == (e.value, e.unit)


def test_letters_on_a_number_that_are_no_unit_make_no_quantity() -> None:
    assert find_quantities("the G20 summit and 3D printing", "en") == []


def test_grouped_thousands_are_not_a_year() -> None:
    q = _only("per 1,000 cubic feet", "en")
    assert (q.value, q.kind) == (1000, "number")


def _found(text: str, lang: str) -> list[tuple[str, float, str | None, str]]:
    return [(text[q.start : q.end], q.value, q.unit, q.kind) for q in find_quantities(text, lang)]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Prices fell in June.", 6),
        ("Since March, troops have waited.", 3),
        ("It may rain in May.", 5),
        ("Talks resumed in early March.", 3),
    ],
)
def test_bare_english_month_after_a_word_of_time(text: str, month: int) -> None:
    months = [q for q in find_quantities(text, "en") if q.unit == "month"]
    assert [q.value for q in months] == [month]


@pytest.mark.parametrize(
    "text",
    ["They will march to the capital.", "March on, he said.", "May I ask a question?", "In Jun they left."],
)
def test_march_the_verb_and_may_the_modal_are_no_months(text: str) -> None:
    assert not [q for q in find_quantities(text, "en") if q.unit == "month"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The 15th package arrived.", 15),
        ("It was the seventh round.", 7),
        ("On the eighth day they left.", 8),
        ("its twenty-first test", 21),
        ("the 7th Fleet", 7),
    ],
)
def test_english_ordinals_outside_dates(text: str, value: int) -> None:
    found = find_quantities(text, "en")
    assert [(q.value, q.kind) for q in found] == [(value, "ordinal")]


def test_the_26th_on_its_own_is_still_a_day() -> None:
    (q,) = find_quantities("Troops moved on the 26th, officials said.", "en")
    assert (q.value, q.unit, q.kind) == (26, "day", "date")


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("나흘 만에 돌아왔다", "나흘", 4, "day"),
        ("열흘 동안 이어졌다", "열흘", 10, "day"),
        ("이틀째 수색 중", "이틀", 2, "day"),
        ("두 차례 회담", "두 차례", 2, None),
        ("두차례 회담", "두차례", 2, None),
        ("세 명이 다쳤다", "세 명", 3, "person"),
        ("다섯 곳에서", "다섯 곳", 5, None),
        ("함정 네 척이", "네 척", 4, None),
    ],
)
def test_korean_native_counts(text: str, span: str, value: int, unit: str | None) -> None:
    assert [(s, v, u) for s, v, u, _ in _found(text, "ko")] == [(span, value, unit)]


@pytest.mark.parametrize("text", ["하루빨리 돌아와야", "세대 간 갈등", "한번 해보자", "네 생각은"])
def test_native_numeral_words_that_are_no_counts(text: str) -> None:
    assert find_quantities(text, "ko") == []


def test_fractions_and_quarters_are_not_minutes() -> None:
    (frac,) = find_quantities("병력의 3분의 2가 남았다.", "ko")
    assert (frac.kind, frac.value) == ("fraction", pytest.approx(2 / 3))
    (en,) = find_quantities("Two-thirds of the troops remained.", "en")
    assert (en.kind, en.value) == ("fraction", pytest.approx(2 / 3))
    (quarter,) = find_quantities("3분기 영업이익이 늘었다.", "ko")
    assert (quarter.value, quarter.unit, quarter.kind) == (3, "quarter", "ordinal")


def test_article_number_is_an_ordinal_not_trillions() -> None:
    assert _found("헌법 제4조에 따라", "ko") == [("제4조", 4, None, "ordinal")]
    assert _found("제2차 회의", "ko") == [("제2차", 2, None, "ordinal")]


def test_nth_day_is_a_count_of_days_not_a_date() -> None:
    assert _found("농성 8일째인 오늘", "ko") == [("8일째", 8, "day", "duration")]


@pytest.mark.parametrize(
    "text", ["3일 간 구금됐다", "3일 간의 일정", "3일 동안 머물렀다", "3일 만에 돌아왔다"]
)
def test_days_written_apart_from_a_word_of_span_are_a_duration(text: str) -> None:
    assert _found(text, "ko") == [("3일", 3, "day", "duration")]


def test_a_day_before_a_word_that_only_begins_like_a_span_is_a_date() -> None:
    assert _found("28일 간담회를 열었다", "ko") == [("28일", 28, "day", "date")]


@pytest.mark.parametrize(
    ("text", "lang", "named"),
    [
        ("국정원은 지난 목요일 보고했다", "ko", [("목요일", 3)]),
        ("28일(목) 국회에서", "ko", [("(목)", 3)]),
        ("월요일날 밝혔다", "ko", [("월요일", 0)]),
        ("매주 금요일 회의", "ko", []),
        ("일요일마다 열린다", "ko", []),
        ("told lawmakers on Thursday", "en", [("Thursday", 3)]),
        ("On Sunday, the ministry said", "en", [("Sunday", 6)]),
        ("Friday, Nov. 29", "en", [("Friday", 4)]),
        ("Good Friday prayers", "en", []),
        ("a report in the Sunday Times", "en", []),
        ("talks held on Thursdays", "en", []),
        ("every Monday", "en", []),
    ],
)
def test_weekdays_named_as_days(text: str, lang: str, named: list[tuple[str, int]]) -> None:
    assert [(text[w.start : w.end], w.value) for w in find_weekdays(text, lang)] == named


@pytest.mark.parametrize(
    ("ko", "en", "unit"),
    [
        ("강수량 170㎜", "170 mm of rain", "mm"),
        ("86GWh 생산", "86 GWh produced", "gwh"),
        ("영화 3편", None, None),
        ("찬성 150표", None, None),
    ],
)
def test_more_units(ko: str, en: str | None, unit: str | None) -> None:
    (k,) = find_quantities(ko, "ko")
    assert k.unit == unit and k.kind != "number"
    if en is not None:
        (e,) = find_quantities(en, "en")
        assert (e.value, e.unit) == (k.value, k.unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fifty", 50),
        ("two hundred and fifty", 250),
        ("two hundred and fifty thousand", 250_000),
        ("one hundred fifty", 150),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("half a million", 500_000),
        ("a hundred and twenty", 120),
        ("ninety-nine", 99),
        ("three million", 3_000_000),
    ],
)
def test_compound_number_words(text: str, value: float) -> None:
    assert parse_english_number(text) == pytest.approx(value)


def test_number_words_stop_where_english_stops_combining_them() -> None:
    assert [q.value for q in find_quantities("one or two drones, then five six", "en")] == [1, 2, 5, 6]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Fifty soldiers were killed.", "Fifty soldiers", 50, "person"),
        ("half a million refugees fled", "half a million refugees", 500_000, "person"),
        ("some 2.5 million people", "2.5 million people", 2_500_000, "person"),
        ("after six days of talks", "six days", 6, "day"),
    ],
)
def test_number_words_take_their_unit(text: str, span: str, value: float, unit: str) -> None:
    q = _only(text, "en")
    assert (text[q.start : q.end], q.value, q.unit) == (span, value, unit)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("북한군 오백 명이 숨졌다", "오백 명", 500),
        ("천 명의 병력", "천 명", 1000),
        ("백만 달러를 냈다", "백만 달러", 1_000_000),
        ("이십오 명이 다쳤다", "이십오 명", 25),
    ],
)
def test_sino_korean_number_words(text: str, span: str, value: float) -> None:
    q = _only(text, "ko")
    assert (text[q.start : q.end], q.value) == (span, value)


@pytest.mark.parametrize(
    "text", ["입장을 천명했다", "버스가 만원이었다", "수천 명이 모였다", "사천성 지진", "백인 남성"]
)
def test_words_like_sino_numbers_are_not_numbers(text: str) -> None:
    assert find_quantities(text, "ko") == []


def test_a_seventh_test_is_an_ordinal_and_a_seventh_of_a_share_is_a_fraction() -> None:
    q = _only("a seventh nuclear test", "en")
    assert (q.value, q.kind) == (7, "ordinal")
    q = _only("a seventh of the budget", "en")
    assert q.kind == "fraction"


_ONES = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words_below_thousand(n: int, with_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, ones = divmod(rest, 10)
        words = _ONES[rest] if rest < 20 else _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
        parts.append(("and " if hundreds and with_and else "") + words)
    return " ".join(parts)


def _english_words(n: int, with_and: bool) -> str:
    """n in words as English news may spell it, with or without the British 'and'."""
    thousands, rest = divmod(n, 1000)
    parts = [f"{_words_below_thousand(thousands, with_and)} thousand"] if thousands else []
    if rest:
        parts.append(_words_below_thousand(rest, with_and))
    return " ".join(parts)


@settings(max_examples=150)
@given(st.integers(min_value=1, max_value=999_999), st.booleans())
def test_english_number_words_round_trip(n: int, with_and: bool) -> None:
    words = _english_words(n, with_and)
    assert parse_english_number(words) == n, words
    q = _only(f"some {words} people", "en")
    assert (q.value, q.unit) == (n, "person")
