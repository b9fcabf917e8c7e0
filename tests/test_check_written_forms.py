"""The ways professional translators write a figure that the translation check must read as the same fact
(a clock time as 7.55am against 오전 7시 55분, five weeks against 오 주, a duo against 2인조), each beside
the same pair with the fact changed, which it must flag; and the Korean sums, country forms and the
neighbouring-row rule those renderings taught."""

from __future__ import annotations

import pytest

from builders import read_both_ways
from reader.text.check import check_pair, is_alarm
from reader.text.glossary import Glossary
from reader.text.numbers import find_quantities, parse_korean_number

# (Korean, a faithful English, the same English with one fact changed)
KINDS = {
    "games after a figure": (
        "그 팀은 최근 7경기 중 3경기를 이겼다.",
        "The team won three of its last seven games.",
        "The team won two of its last seven games.",
    ),
    "games in a term": (
        "선수단은 6경기 원정길에 올랐다.",
        "The squad set off on a six-game road trip.",
        "The squad set off on an eight-game road trip.",
    ),
    "clock with a dot": (
        "가게는 오전 7시 55분에 문을 열었다.",
        "The shop opened at 7.55am.",
        "The shop opened at 8.55am.",
    ),
    "clock with a dot and a space": (
        "첫 열차는 오전 4시 40분에 떠났다.",
        "The first train left at 4.40 am.",
        "The first train left at 5.40 am.",
    ),
    "24-hour clock": (
        "공연은 오후 7시 30분에 시작했다.",
        "The concert began at 19:30 BST.",
        "The concert began at 17:30 BST.",
    ),
    "one o'clock": (
        "투표는 오후 1시에 마감됐다.",
        "Voting closed at 1 p.m.",
        "Voting closed at 5 p.m.",
    ),
    "clock with a colon": (
        "회의는 오전 11시 15분에 끝났다.",
        "The meeting ended at 11:15 GMT.",
        "The meeting ended at 10:15 GMT.",
    ),
    "Sino-Korean digit in words": (
        "선거까지 오 주 남았다.",
        "Five weeks remain until the election.",
        "Six weeks remain until the election.",
    ),
    "Sino-Korean years in words": (
        "그녀는 그 학교에서 팔 년 동안 가르쳤다.",
        "She taught at the school for eight years.",
        "She taught at the school for nine years.",
    ),
    "Sino-Korean feet in words": (
        "담장 사이에 이 피트 틈이 있다.",
        "There is a two-foot gap between the walls.",
        "There is a three-foot gap between the walls.",
    ),
    "native number of two words": (
        "농부는 염소 열 다섯 마리를 샀다.",
        "The farmer bought 15 goats.",
        "The farmer bought 25 goats.",
    ),
    "duo": (
        "그 2인조는 이번 공연을 끝으로 해체한다.",
        "The duo will split up after this tour.",
        "The trio will split up after this tour.",
    ),
    "trio": (
        "포크 3인조가 광장에서 연주했다.",
        "A folk trio played in the square.",
        "A folk quartet played in the square.",
    ),
    "school year": (
        "2학년 선수가 4-1 승리의 결승골을 넣었다.",
        "The sophomore scored the winner in the 4-1 win.",
        "The freshman scored the winner in the 4-1 win.",
    ),
    "every two years": (
        "2년마다 열리는 박람회가 개막했다.",
        "The biennial fair opened.",
        "The quadrennial fair opened.",
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
        "그 앱의 사용자는 1억 4천 2백만 명이다.",
        "The app has 142 million users.",
        "The app has 124 million users.",
    ),
    "million written onto the figure": (
        "구단은 1100만 파운드에 공격수를 영입했다.",
        "The club signed a £11million striker.",
        "The club signed a £15million striker.",
    ),
    "a quarter-hour": (
        "첫 골은 경기 시작 15분에 나왔다.",
        "The first goal came on the quarter-hour.",
        "The first goal came on the half-hour.",
    ),
    "halved matches": (
        "그녀는 12승 9패 5번의 무승부를 기록했다.",
        "She has 12 wins, 9 losses and five halves.",
        "She has 12 wins, 9 losses and eight halves.",
    ),
    "the last four days": (
        "지난 나흘 동안 비가 내렸다.",
        "It rained over the last four days.",
        "It rained over the last four weeks.",
    ),
    "miles an hour in the Korean": (
        "태풍은 70mph의 바람을 동반했다.",
        "The storm brought winds of 70 mph.",
        "The storm brought winds of 70 km/h.",
    ),
    "an age against months": (
        "박 씨는 당시 24세였다.",
        "Park was 24 years old at the time.",
        "Park was 24 months old at the time.",
    ),
}


test_a_professional_rendering_is_silent, test_the_same_rendering_with_a_fact_changed_is_flagged = (
    read_both_ways(KINDS)
)


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
        "김정은 위원장이 또 한 번의 정상회담을 원한다고 그는 말했다.",
        "Kim wants another summit, he said.",
        "Xi wants another summit, he said.",
    ),
    "a combining form": (
        "중국-일본 관계가 나빠졌다.",
        "Sino-Japanese relations worsened.",
        "Russo-Japanese relations worsened.",
    ),
    "a head of state called 주석": (
        "시진핑 중국 국가주석이 다음 달 서울을 방문한다.",
        "China's president, Xi Jinping, visits Seoul next month.",
        "Japan's president, Xi Jinping, visits Seoul next month.",
    ),
    "a people ending in -ino": (
        "흑인 요리사는 필리핀 사람을 조수로 뽑았다.",
        "The African-American chef picked a Filipino as his assistant.",
        "The African-American chef picked a Mexican as his assistant.",
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
            "회사는 두 공장을 2년 전에 샀다.",
            "The firm bought both mills two years ago.",
            "The firm bought both mills two months ago.",
        ),
        (
            "집 수십 채를 둘러싼 10m 높이의 담",
            "a 10-metre wall around dozens of houses",
            "a 10-foot wall around dozens of houses",
        ),
    ],
)
def test_a_number_of_nothing_in_particular_excuses_no_measure(ko: str, en: str, changed: str) -> None:
    """2위, 두 공장, 수십 채 say a number but not of days, months or feet: they excuse no measure."""
    assert check_pair(ko, en) == []
    assert any(is_alarm(r) for r in check_pair(ko, changed))


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("그 성당은 14세기에 지어졌다.", "The cathedral was built in the 14th century."),
        ("그 도시는 AD 79년에 화산재에 묻혔다.", "The town was buried in ash in 79AD."),
        ("그 골키퍼는 11년 동안 주전으로 뛰었다.", "The keeper, in his 11th season, still starts."),
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
    ko = "시진핑 중국 국가주석이 다음 달 서울을 방문한다."
    assert check_pair(ko, "China's president, Xi Jinping, visits Seoul next month.", before=before) == []
    changed = check_pair(ko, "Japan's president, Xi Jinping, visits Seoul next month.", before=before)
    assert any(is_alarm(r) for r in changed)
