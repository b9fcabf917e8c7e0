"""More ways news writes a fact on the two sides that the translation check must read as the same: a model
code with a Korean particle written onto it (A350이), a multiple said by a verb (quadrupled for 4배), a span
of years cut short (1981-87), a day count in native Korean words (사흘간), "per million" against 1백만;
each beside the same pair with one fact changed, which it must flag.  And the two facts it must tell
apart: a continent and another (유럽 beside "Asian"), a percent and a point (3% beside "3 points")."""

from __future__ import annotations

import pytest

from builders import read_both_ways
from reader.text.check import check_pair, is_alarm
from reader.text.numbers import find_quantities

# (Korean, a faithful English, the same English with one fact changed)
KINDS = {
    "model codes with a particle": (
        "보잉 787과 에어버스 A350이 사고가 가장 적은 기종이며, 에어버스 A310는 사고율이 2.53으로 가장 높다.",
        "The Boeing 787 and Airbus A350 have the fewest accidents; the Airbus A310 has the highest rate, 2.53.",
        "The Boeing 787 and Airbus A350 have the fewest accidents; the Airbus A310 has the highest rate, 3.53.",
    ),
    "a code with a lower-case suffix": (
        "A321 및 A319neo가 포함된 시리즈의 사고율은 0.11이다.",
        "The family, which includes the A321 and A319neo, has a rate of 0.11.",
        "The family, which includes the A321 and A319neo, has a rate of 0.21.",
    ),
    "a code before an object particle": (
        "공군은 F-35A를 20대 더 들여온다.",
        "The air force will bring in 20 more F-35As.",
        "The air force will bring in 30 more F-35As.",
    ),
    "quadrupled": (
        "1970~2022년에 여성 식자율은 4배가 됐다.",
        "From 1970 to 2022, the country quadrupled female literacy.",
        "From 1970 to 2022, the country tripled female literacy.",
    ),
    "tripled": (
        "국내총생산은 3배로 늘었다.",
        "Its gross domestic product tripled.",
        "Its gross domestic product doubled.",
    ),
    "doubling": (
        "수출이 2배로 늘어날 전망이다.",
        "Exports are expected to see a doubling.",
        "Exports are expected to see a tripling.",
    ),
    "doubled as a rise in percent": (
        "올해 매출이 100% 늘었다.",
        "Sales doubled this year.",
        "Sales tripled this year.",
    ),
    "halved": (
        "실업률은 50% 줄었다.",
        "The jobless rate halved.",
        "The jobless rate fell by a third.",
    ),
    "fivefold": (
        "사망자가 5배 증가했다.",
        "Deaths rose fivefold.",
        "Deaths rose sixfold.",
    ),
    "a span of years cut short in the English": (
        "워싱턴주에는 1981~1987년에 교도소 감독 기관이 있었다.",
        "Washington state had a jail oversight office from 1981-87.",
        "Washington state had a jail oversight office from 1981-89.",
    ),
    "a span of years cut short in the Korean": (
        "그는 1995~98년 재무장관을 지냈다.",
        "He was finance minister from 1995 to 1998.",
        "He was finance minister from 1995 to 1999.",
    ),
    "a season across two years": (
        "그는 2019~2020 시즌에 12골을 넣었다.",
        "He scored 12 goals in the 2019/20 season.",
        "He scored 12 goals in the 2019/21 season.",
    ),
    "a native day count beside a figure of days": (
        "농민들의 8일간의 시위와 사흘간의 철도 파업이 겹쳤다.",
        "An eight-day farmers' protest met a three-day rail strike.",
        "An eight-day farmers' protest met a four-day rail strike.",
    ),
    "days in native words before a particle": (
        "파업은 이틀째인 오늘도 이어졌다.",
        "The strike has now gone on for two days.",
        "The strike has now gone on for three days.",
    ),
    "ten days after": (
        "그는 열흘 만에 석방됐다.",
        "He was released after ten days.",
        "He was released after nine days.",
    ),
    "per million against a digit and a unit word": (
        "사고율은 운항 1백만 회당 2.53건이다.",
        "The rate is 2.53 per million departures.",
        "The rate is 2.53 per billion departures.",
    ),
    "per million against ten-thousands": (
        "인구 100만 명당 사망자는 12명이다.",
        "Deaths run at 12 per million people.",
        "Deaths run at 12 per thousand people.",
    ),
    "a continent beside its union": (
        "유럽 연합이 규정을 논의하는 가운데 유럽의 맥주 업체들이 항의했다.",
        "As the EU debates the rules, European brewers have protested.",
        "As the EU debates the rules, Asian brewers have protested.",
    ),
    "a continent by its name": (
        "유럽 와인 협회의 회장은 반대했다.",
        "One of Europe's wine association chiefs objected.",
        "One of Asia's wine association chiefs objected.",
    ),
    "a continent's people": (
        "아프리카 국가들이 공동 성명을 냈다.",
        "African countries issued a joint statement.",
        "Asian countries issued a joint statement.",
    ),
    "one percent": (
        "12개 법안이 통과되지 않으면 1%의 예산 삭감이 적용된다.",
        "If the 12 bills fail, a 1 percent budget cut applies.",
        "If the 12 bills fail, a 1 percentage point budget cut applies.",
    ),
    "percentage points in Korean as %p": (
        "실업률은 0.3%p 올랐다.",
        "The jobless rate rose 0.3 percentage point.",
        "The jobless rate rose 0.3 percent.",
    ),
    "points in the English": (
        "지지율은 3%포인트 올랐다.",
        "His approval rating rose 3 points.",
        "His approval rating rose 3 percent.",
    ),
    "points in the Korean": (
        "코스피는 30포인트 떨어졌다.",
        "The Kospi fell 30 points.",
        "The Kospi fell 30 percent.",
    ),
    "a percent against points": (
        "물가는 3% 올랐다.",
        "Prices rose 3 percent.",
        "Prices rose 3 points.",
    ),
    "basis points": (
        "한국은행은 기준금리를 0.25%포인트 인하했다.",
        "The Bank of Korea cut its base rate by 25 basis points.",
        "The Bank of Korea cut its base rate by 25 percent.",
    ),
    "a half-point cut": (
        "연준은 기준금리를 0.5%포인트 인하했다.",
        "The Fed made a half-point cut in its key rate.",
        "The Fed made a quarter-point cut in its key rate.",
    ),
    "a hyphenated percentage point": (
        "금리는 0.5%포인트 올랐다.",
        "Rates saw a 0.5-percentage-point rise.",
        "Rates saw a 0.5-percent rise.",
    ),
}


test_a_faithful_rendering_is_silent, test_the_same_rendering_with_a_fact_changed_is_flagged = read_both_ways(
    KINDS
)


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("유럽연합은 새 규정에 합의했다.", "Europe agreed on new rules."),
        ("유럽 의회는 법안을 통과시켰다.", "The European Parliament passed the bill."),
    ],
)
def test_the_union_said_as_its_continent_is_no_swap(ko: str, en: str) -> None:
    """The EU said as Europe: loose, not a swap."""
    assert check_pair(ko, en) == []


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("2008년 9월 15일 리먼이 파산했다.", "Lehman failed on 2008-09-15."),
        ("그 해 1981년에 12명이 다쳤다.", "In 1981, 12 people were hurt."),
    ],
)
def test_a_date_with_a_dash_is_no_span_of_years(ko: str, en: str) -> None:
    assert check_pair(ko, en) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("그는 2020 시즌에 뛰었다.", [(2020.0, None)]),
        ("에어버스 320 시리즈가 가장 낮다.", [(320.0, None)]),
        ("학생 5 명의 이름", [(5.0, "person")]),
        ("오후 3 시에 만났다.", [(3.0, "hour")]),
        ("5 개국을 돌았다.", [(5.0, "country")]),
    ],
)
def test_a_counter_written_apart_is_one_only_where_its_word_ends(text: str, read: list) -> None:
    """시즌 and 시리즈 begin with 시 (o'clock) but are other words: 2020 시즌 is no 2,020 hours."""
    assert [(q.value, q.unit) for q in find_quantities(text, "ko")] == read


def test_north_korea_for_south_korea_is_still_a_swap() -> None:
    """A place's name inside another's (Korea in North Korea) makes them no region and part."""
    ko = "중국, 일본, 한국, 러시아 등 6자회담 참여국"
    assert check_pair(ko, "China, Japan, South Korea and Russia.") == []
    assert any(is_alarm(r) for r in check_pair(ko, "China, Japan, North Korea and Russia."))


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("그 팀은 한 점 차로 이겼다.", "The team won by 1 point."),
        ("그 팀은 두 점 차로 이겼다.", "The team won by 2 points."),
        ("그는 오 점을 더 냈다.", "He added five points."),
    ],
)
def test_points_of_a_game_in_native_words_are_no_alarm(ko: str, en: str) -> None:
    """A point is a measure only against a percent: a game's points in words meet the English figure."""
    assert check_pair(ko, en) == []


@pytest.mark.parametrize(
    ("ko", "en", "changed"),
    [
        (
            "동유럽 국가들이 반대했다.",
            "Eastern European countries objected.",
            "Central Asian countries objected.",
        ),
        ("동남아 관광객이 늘었다.", "Tourists from Southeast Asia rose.", "Tourists from West Africa rose."),
    ],
)
def test_a_continent_named_by_its_part(ko: str, en: str, changed: str) -> None:
    """동유럽 and 동남아 name Europe and Asia: the English may say which part, not another continent."""
    assert check_pair(ko, en) == []
    assert any(is_alarm(r) for r in check_pair(ko, changed))
