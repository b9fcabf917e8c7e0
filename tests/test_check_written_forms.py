"""The ways professional translators write a figure that the translation check must read as the same fact
(a clock time as 7.55am against 오전 7시 55분, five weeks against 오 주, a duo against 2인조), each beside
the same pair with the fact changed, which it must flag; and the Korean sums, country forms and the
neighbouring-row rule those renderings taught."""

from __future__ import annotations

import pytest

from reader.text.check import check_pair, is_alarm
from reader.text.glossary import Glossary
from reader.text.numbers import find_quantities, parse_korean_number

# (Korean, a faithful English, the same English with one fact changed)
KINDS = {
    "games after a figure": (
        "그 팀은 지난 5경기 중 4경기를 졌다.",
        "The team lost four of its last five games.",
        "The team lost three of its last five games.",
    ),
    "games in a term": (
        "감독은 프리시즌 6경기 일정에 대해 말했다.",
        "The coach spoke about the six-game preseason schedule.",
        "The coach spoke about the eight-game preseason schedule.",
    ),
    "clock with a dot": (
        "그는 오전 7시 55분에 발견됐다.",
        "He was found at 7.55am.",
        "He was found at 8.55am.",
    ),
    "clock with a dot and a space": (
        "상인은 오전 4시 40분에 시장에 들어갔다.",
        "The trader entered the market at 4.40 am.",
        "The trader entered the market at 5.40 am.",
    ),
    "24-hour clock": (
        "사건은 오후 7시 30분쯤 일어났다.",
        "It happened at about 19:30 BST.",
        "It happened at about 17:30 BST.",
    ),
    "one o'clock": (
        "위원회는 오후 1시까지 보고가 없었다고 밝혔다.",
        "The commission said there were no reports by 1 p.m.",
        "The commission said there were no reports by 5 p.m.",
    ),
    "clock with a colon": (
        "방송은 오전 11시 15분에 시작한다.",
        "The programme starts at 11:15 BST.",
        "The programme starts at 10:15 BST.",
    ),
    "Sino-Korean digit in words": (
        "선거까지 오 주 남았다.",
        "Five weeks remain until the election.",
        "Six weeks remain until the election.",
    ),
    "Sino-Korean years in words": (
        "그는 팔 년 동안 의원을 지냈다.",
        "He served eight years as an MP.",
        "He served nine years as an MP.",
    ),
    "Sino-Korean feet in words": (
        "이 피트 넓이의 챙이 달린 모자다.",
        "It is a hat with a two-foot brim.",
        "It is a hat with a three-foot brim.",
    ),
    "native number of two words": (
        "농부는 돼지 열 다섯 마리를 팔았다.",
        "The farmer sold 15 pigs.",
        "The farmer sold 25 pigs.",
    ),
    "duo": (
        "그 2인조는 마지막 시리즈를 발표했다.",
        "The duo announced the final series.",
        "The trio announced the final series.",
    ),
    "trio": (
        "한 힙합 3인조가 편견에 도전한다.",
        "A hip hop trio challenges a prejudice.",
        "A hip hop quartet challenges a prejudice.",
    ),
    "school year": (
        "2학년인 그는 첫 시즌을 맞았다.",
        "A sophomore, he is in his first season.",
        "A freshman, he is in his first season.",
    ),
    "every two years": (
        "그는 2년마다 열리는 대회에 나갔다.",
        "He played in the biennial event.",
        "He played in the quadrennial event.",
    ),
    "a decade": (
        "그녀는 지난 10년 동안 쌓은 경험이 있다.",
        "She has experience built over the past decade.",
        "She has experience built over the past century.",
    ),
    "thousands inside the ten-thousands": (
        "재단은 3천5백만 달러를 약속했다.",
        "The foundation pledged $35 million.",
        "The foundation pledged $53 million.",
    ),
    "spaced units": (
        "그는 1억 4천 2백만 명의 팔로워가 있다.",
        "He has 142 million followers.",
        "He has 124 million followers.",
    ),
    "million written onto the figure": (
        "그는 1100만 파운드 규모의 거래에서 빠졌다.",
        "He pulled out of a £11million deal.",
        "He pulled out of a £15million deal.",
    ),
    "a quarter-hour": (
        "경기 시작 15분에 페널티 논란이 있었다.",
        "There was a penalty row on the quarter-hour mark.",
        "There was a penalty row on the half-hour mark.",
    ),
    "halved matches": (
        "그는 18승 20패 7번의 무승부를 기록했다.",
        "He has 18 wins, 20 losses and seven halves.",
        "He has 18 wins, 20 losses and nine halves.",
    ),
    "the last four days": (
        "그는 지난 나흘 동안 그것을 보았다.",
        "He saw it over the last four days.",
        "He saw it over the last four weeks.",
    ),
    "miles an hour in the Korean": (
        "태풍은 85mph의 바람을 동반했다.",
        "The storm brought winds of 85 mph.",
        "The storm brought winds of 85 km/h.",
    ),
    "an age against months": (
        "심스는 20세였다.",
        "Sims was 20 years old.",
        "Sims was 20 months old.",
    ),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_professional_rendering_is_silent(kind: str) -> None:
    ko, en, _ = KINDS[kind]
    assert check_pair(ko, en) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_same_rendering_with_a_fact_changed_is_flagged(kind: str) -> None:
    ko, _, changed = KINDS[kind]
    assert any(is_alarm(r) for r in check_pair(ko, changed))


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3천5백만", 35_000_000),
        ("1억 4천 2백만", 142_000_000),
        ("2천500", 2_500),
        ("12조3천억", 12_300_000_000_000),
    ],
)
def test_korean_sums_with_units_inside_the_ten_thousands(written: str, value: int) -> None:
    assert parse_korean_number(written) == value


def test_gyeong_is_a_unit_only_where_no_word_goes_on_from_it() -> None:
    games = find_quantities("그는 29경기 중 19경기에서 졌다.", "ko")
    assert [q.value for q in games] == [29, 19]
    assert find_quantities("1경 원", "ko")[0].value == 1e16
    assert find_quantities("부채가 2경에 달한다.", "ko")[0].value == 2e16


def test_a_year_old_thing_is_not_an_age_against_a_year() -> None:
    assert check_pair("1600년 전에 만들어진 책을 보관한다.", "It keeps the 1,600-year-old book.") == []


GLOSSED = {
    "a leader named by surname alone": (
        "김정은 위원장은 두 번째 회담에 관심이 있다고 그는 말했다.",
        "Kim is interested in a second summit, Trump said.",
        "Xi is interested in a second summit, Trump said.",
    ),
    "a combining form": (
        "중국-일본 관계가 나빠졌다.",
        "Sino-Japanese relations worsened.",
        "Russo-Japanese relations worsened.",
    ),
    "a head of state called 주석": (
        "이번 결정은 시진핑 중국 국가주석에게 부담이 될 것이다.",
        "The decision will weigh on Xi Jinping, China's president.",
        "The decision will weigh on Xi Jinping, Japan's president.",
    ),
    "a people ending in -ino": (
        "그녀는 흑인 보모를 해고하고 필리핀 사람을 원했다.",
        "She fired the African-American nanny and wanted a Filipino instead.",
        "She fired the African-American nanny and wanted a Mexican instead.",
    ),
    "a verb is no short form of Japan": (
        "그는 미국에서 오래 일한 뒤 돌아왔다.",
        "He came back after working long in the United States.",
        "He came back after working long in Japan.",
    ),
    "Central America is no short form of China": (
        "이민자들은 중미에서 미국으로 향한다.",
        "Migrants head from Central America to the United States.",
        "Migrants head from Central America to China.",
    ),
}


@pytest.mark.parametrize("kind", sorted(GLOSSED))
def test_names_in_the_forms_news_uses(kind: str) -> None:
    g = Glossary.load_bundled()
    ko, en, changed = GLOSSED[kind]
    assert check_pair(ko, en, glossary=g) == []
    assert any(is_alarm(r) for r in check_pair(ko, changed, glossary=g))


def test_a_figure_of_another_measure_in_the_next_row_excuses_nothing() -> None:
    ko = "공장은 3개월 동안 멈췄다."
    after = ("직원 3명이 다쳤다.", "Three workers were hurt.")
    assert check_pair(ko, "The plant stood still for three months.", after=after) == []
    assert any(is_alarm(r) for r in check_pair(ko, "The plant stood still for three weeks.", after=after))
    # the same figure in the same measure there is a remark: the fact moved
    moved = ("직원들은 3주 뒤 돌아왔다.", "They came back three weeks later.")
    reasons = check_pair("공장은 멈췄다.", "The plant stood still for three weeks.", after=moved)
    assert reasons and not any(is_alarm(r) for r in reasons)


def test_an_age_written_bare_in_the_row_before_is_a_remark() -> None:
    before = ("조앤(가명, 31)이 묻는 것이 이것이다.", "That is what Joan asks.")
    reasons = check_pair("그는 간호사다.", "She is a 31-year-old nurse.", before=before)
    assert reasons and not any(is_alarm(r) for r in reasons)


@pytest.mark.parametrize(
    ("ko", "en", "changed"),
    [
        (
            "그는 이틀 동안 2위를 지켰다.",
            "He held second place for two days.",
            "He held second place for two weeks.",
        ),
        (
            "회사는 두 체인을 2년 전에 샀다.",
            "It bought both chains two years ago.",
            "It bought both chains two months ago.",
        ),
        (
            "마을 수십 곳을 덮친 10m 높이의 파도",
            "a 10-metre wave that hit dozens of villages",
            "a 10-foot wave that hit dozens of villages",
        ),
    ],
)
def test_a_number_of_nothing_in_particular_excuses_no_measure(ko: str, en: str, changed: str) -> None:
    """2위, 두 체인, 수십 곳 say a number but not of days, months or feet: they excuse no measure."""
    assert check_pair(ko, en) == []
    assert any(is_alarm(r) for r in check_pair(ko, changed))


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("그 성당은 14세기에 지어졌다.", "The cathedral was built in the 14th century."),
        ("그 도시는 AD 79년에 화산재에 묻혔다.", "The town was buried in ash in 79AD."),
        ("그는 11년 동안 주전으로 뛰었다.", "In his 11th season, he is still a starter."),
        ("그는 전반 27분에 골을 넣었다.", "He scored a 27th-minute goal."),
        ("정부는 2주택자에게 세금을 더 물린다.", "The government taxes owners of second homes more."),
        ("창립 10주년 기념식이 열렸다.", "The tenth anniversary of the founding was marked."),
    ],
)
def test_ordinals_of_time_are_read_as_the_same_figure(ko: str, en: str) -> None:
    """19세기 is a century and 5주년 an anniversary, not an age or weeks; "the 27th minute" counts minutes."""
    assert check_pair(ko, en) == []


def test_a_title_swap_is_flagged_though_both_countries_are_named_in_the_row_before() -> None:
    before = ("중국과 일본은 협상 중이다.", "China and Japan are in talks.")
    ko = "이번 결정은 시진핑 중국 국가주석에게 부담이 될 것이다."
    assert check_pair(ko, "The decision will weigh on Xi Jinping, China's president.", before=before) == []
    changed = check_pair(ko, "The decision will weigh on Xi Jinping, Japan's president.", before=before)
    assert any(is_alarm(r) for r in changed)
