"""The translation check an analyst runs before quoting a figure."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.check import check_pair, resolve_day
from reader.text.glossary import Entry, Glossary


def test_wrong_count_is_flagged() -> None:
    reasons = check_pair("북한군 500명이 사망했다.", "About 50 soldiers were killed.")
    assert any("500명" in r for r in reasons)


def test_wrong_day_is_flagged() -> None:
    reasons = check_pair(
        "정보총국은 26일 음성 파일을 공개했다.", "The directorate released the audio on Nov. 25."
    )
    assert any("26일" in r for r in reasons)


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        (
            "북한군 약 1만1000명이 러시아에 파병됐다.",
            "About 11,000 North Korean troops have been sent to Russia.",
        ),
        ("11월 26일 발표했다.", "It was announced on Nov. 26, 2024."),
        ("정보총국은 26일 파일을 공개했다.", "The directorate released the file on Tuesday."),
        ("5명이 숨졌다.", "Five people died."),
        ("35억 달러 규모의 계약", "a $3.5 billion contract"),
        ("병력의 3분의 2가 남았다.", "Two-thirds of the troops remained."),
        ("2024년 3월 두 번째 회의", "the second meeting in March 2024"),
        ("성장률은 2.5%였다.", "Growth was 2.5 percent."),
        ("3분기 영업이익은 5조원이었다.", "Operating profit was 5 trillion won in the third quarter."),
        ("헌법 제4조에 따르면", "Under Article 4 of the Constitution"),
        ("협상단은 나흘 만에 귀국했다.", "The negotiators returned home after 4 days."),
        ("농성 8일째인 노조원 12명", "12 union members on the eighth day of their sit-in"),
        ("전력 86GWh를 생산했다.", "It produced 86 GWh of electricity."),
    ],
)
def test_correct_translation_raises_no_alarm(ko: str, en: str) -> None:
    assert check_pair(ko, en) == []


def test_swapped_name_is_flagged_with_a_glossary() -> None:
    g = Glossary([Entry(("쿠르스크",), ("Kursk",), "PLACE"), Entry(("하르키우",), ("Kharkiv",), "PLACE")])
    assert check_pair("북한군이 쿠르스크에서 교전했다.", "North Korean troops fought in Kharkiv.", glossary=g)
    assert (
        check_pair("북한군이 쿠르스크에서 교전했다.", "North Korean troops fought in Kursk.", glossary=g)
        == []
    )


def test_date_reworded_by_the_translator_is_no_alarm() -> None:
    ko = "김정은 위원장이 21일 평양에서 연설했다고 조선중앙통신이 22일 보도했다."
    en = "Kim Jong Un spoke in Pyongyang on Nov. 21, state media reported the following day."
    assert check_pair(ko, en) == []


def test_country_named_by_its_syllable_is_no_swapped_name() -> None:
    g = Glossary([Entry(("북한",), ("North Korea",), "PLACE"), Entry(("미국",), ("United States",), "PLACE")])
    ko = "군은 한미 연합 감시태세를 강화하고 북한의 도발에 대비하고 있다."
    en = "The military has reinforced combined surveillance with the United States."
    assert check_pair(ko, en, glossary=g) == []


def test_unit_conversion_and_a_week_are_no_alarm() -> None:
    ko = "러시아군은 최근 1주일 새 우크라이나 영토 약 235㎢를 장악했다."
    en = "Russian troops seized about 235 square kilometers (91 square miles) in the past week."
    assert check_pair(ko, en) == []
    assert check_pair(ko, en.replace("235 square", "253 square"))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_check_never_fails_on_any_text(ko: str, en: str) -> None:
    reasons = check_pair(ko, en)
    assert all(isinstance(r, str) and r for r in reasons)


@pytest.mark.parametrize(
    ("ko", "en", "figure"),
    [
        ("협상단은 나흘 만에 귀국했다.", "The negotiators returned home after 5 days.", "5 days"),
        ("북한은 두 차례 미사일을 발사했다.", "North Korea fired missiles 3 times.", "3 times"),
        ("병력의 3분의 2가 남았다.", "3/4 of the troops remained.", "3"),
    ],
)
def test_figures_in_words_and_fractions_are_compared(ko: str, en: str, figure: str) -> None:
    reasons = check_pair(ko, en)
    assert any(figure in r for r in reasons)


@pytest.mark.parametrize(
    ("ko", "en", "figure"),
    [
        ("북한군 500명이 사망했다.", "Fifty soldiers were killed.", "500명"),
        ("북한군 오백 명이 사망했다.", "50 soldiers were killed.", "오백 명"),
        ("피란민 50만 명이 발생했다.", "Half a million refugees fled and a dozen towns burned.", ""),
        ("그는 8차 핵실험을 경고했다.", "He warned of a seventh nuclear test.", "8차"),
        ("회담은 닷새 만에 열렸다.", "The talks opened six days later.", "six days"),
    ],
)
def test_figures_in_words_are_checked(ko: str, en: str, figure: str) -> None:
    reasons = check_pair(ko, en)
    if figure:
        assert any(figure in r for r in reasons), reasons
    else:
        assert reasons == []


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        ("북한군 500명이 사망했다.", "Five hundred soldiers were killed."),
        ("25만 명이 피란했다.", "Two hundred and fifty thousand people fled."),
        ("250만 명이 투표했다.", "Some 2.5 million people voted."),
        ("그는 7차 핵실험을 경고했다.", "He warned of a seventh nuclear test."),
        ("그는 세 자녀를 두었다.", "He has three children."),
        ("양국 정상이 만났다.", "The two countries' leaders met."),
        ("북한은 두 차례 발사했다.", "The North launched twice."),
        ("회담은 보름 동안 이어졌다.", "The talks went on for two weeks."),
        ("십여 명이 다쳤다.", "More than ten people were hurt."),
        ("협상은 석 달 만에 재개됐다.", "Talks resumed after three months."),
        ("정전은 하루 동안 이어졌다.", "The blackout lasted twenty-four hours."),
        ("회의는 이틀간 열렸다.", "It was a two-day meeting."),
        ("사망자는 백 명을 넘었다.", "More than a hundred people died."),
    ],
)
def test_figures_in_words_raise_no_alarm_when_they_agree(ko: str, en: str) -> None:
    assert check_pair(ko, en) == []


def test_the_following_day_counts_from_the_day_before_it() -> None:
    ko = "김정은 위원장이 21일 평양에서 연설했다고 조선중앙통신이 22일 보도했다."
    en = "Kim Jong Un spoke in Pyongyang on Nov. 22, state media reported the following day."
    assert any("the day differs" in r for r in check_pair(ko, en))


def test_as_many_months_on_each_side_must_pair_one_to_one() -> None:
    ko = "러시아가 지난 4월 거부권을 행사하면서 패널은 4월 말 활동을 종료했다."
    en = "The panel wound up at the end of April after Russia vetoed the renewal in March."
    assert any("the month differs" in r for r in check_pair(ko, en))
    assert check_pair(ko.replace("지난 4월", "지난 3월"), en) == []


# ------------------------------------------------------------------------------------------- weekdays
# 28 Nov 2024 was a Thursday; an article of that day reports what the NIS told lawmakers "28일".

NIS_KO = "국가정보원은 {day} 국회 정보위원회에서 북한군 일부가 전투에 투입됐다고 보고했다."
NIS_EN = "The NIS told lawmakers on Thursday that some North Korean troops are in combat."


def test_day_beside_the_wrong_weekday_is_flagged_given_the_publication_date() -> None:
    reasons = check_pair(NIS_KO.format(day="29일"), NIS_EN, published="2024-11-28")
    assert reasons == [
        "the weekday differs: 29일 in the Korean is a Friday (2024-11-29), the English says Thursday"
    ]


def test_day_beside_its_own_weekday_is_no_alarm() -> None:
    assert check_pair(NIS_KO.format(day="28일"), NIS_EN, published="2024-11-28") == []
    # the same day reported a week later is still that Thursday, not the 28th of another month
    assert check_pair(NIS_KO.format(day="28일"), NIS_EN, published=date(2024, 12, 5)) == []


def test_without_a_publication_date_a_day_is_not_set_beside_a_weekday() -> None:
    assert check_pair(NIS_KO.format(day="29일"), NIS_EN) == []
    assert check_pair(NIS_KO.format(day="29일"), NIS_EN, published="not a date") == []


def test_a_time_zone_excuses_one_day_and_no_more() -> None:
    ko = "미 국방부는 {day}(현지시간) 북한군이 전투에 투입됐다고 밝혔다."
    en = "The Pentagon said on Thursday that North Korean troops are in combat."
    assert check_pair(ko.format(day="27일"), en, published="2024-11-28") == []  # Wednesday in Washington
    assert check_pair(ko.format(day="29일"), en, published="2024-11-28") == []
    assert check_pair(ko.format(day="26일"), en, published="2024-11-28")  # a Tuesday is two days off
    en_local = "The Pentagon said Thursday local time that North Korean troops are in combat."
    assert (
        check_pair("미 국방부는 27일 북한군이 전투에 투입됐다고 밝혔다.", en_local, published="2024-11-28")
        == []
    )


def test_english_day_beside_a_korean_weekday() -> None:
    ko = "국정원은 목요일 국회에 보고했다."
    assert check_pair(ko, "The NIS briefed parliament on Nov. 28.", published="2024-11-29") == []
    reasons = check_pair(ko, "The NIS briefed parliament on Nov. 27.", published="2024-11-29")
    assert reasons and "Wednesday" in reasons[0] and "목요일" in reasons[0]


def test_weekday_beside_a_different_weekday_is_flagged_without_a_date() -> None:
    assert check_pair("국정원은 목요일 보고했다.", "The NIS reported on Friday.")
    assert check_pair("국정원은 28일(목) 보고했다.", "The NIS reported on Friday, Nov. 28.")
    assert check_pair("국정원은 목요일 보고했다.", "The NIS reported on Thursday.") == []


@pytest.mark.parametrize(
    ("ko", "en"),
    [
        # two days: which one the weekday goes with is a guess
        (
            "정보위원회는 28일 회의를 열고 29일 결과를 발표했다.",
            "The committee met and announced the results on Friday.",
        ),
        ("국정원은 27일 보고했고 이튿날 추가 자료를 냈다.", "The NIS reported on Friday."),
        # two weekdays
        ("회의는 28일 열린다.", "Talks run from Monday to Friday."),
        # a day of another month or a span of days, not a date near publication
        ("국정원은 지난달 29일 보고했다.", "The NIS reported on Thursday."),
        ("북한군은 3일 간 구금됐다.", "The troops were seized Friday and held for three days."),
        # a weekday in a name, or a habit
        ("29일 성금요일 예배가 열렸다.", "Good Friday services were held on the 29th."),
        ("국정원은 29일 보고했다.", "The NIS reports to lawmakers every Thursday."),
    ],
)
def test_ambiguous_pairing_of_day_and_weekday_raises_no_alarm(ko: str, en: str) -> None:
    assert [r for r in check_pair(ko, en, published="2024-11-28") if "weekday" in r] == []


@pytest.mark.parametrize(
    ("day", "month", "published", "expected"),
    [
        (28, None, date(2024, 12, 5), date(2024, 11, 28)),  # last month's, a week ago
        (3, None, date(2024, 11, 28), date(2024, 12, 3)),  # next month's, in five days
        (10, None, date(2024, 11, 28), date(2024, 11, 10)),  # 18 days back, not 12 ahead
        (28, None, date(2025, 1, 3), date(2024, 12, 28)),  # across the new year
        (31, None, date(2024, 12, 5), None),  # Oct. 31 and Dec. 31 are both too far
        (28, 11, date(2024, 11, 30), date(2024, 11, 28)),
        (28, 6, date(2024, 11, 30), None),  # a date in June is no recent event
    ],
)
def test_a_day_resolves_to_the_date_nearest_publication(
    day: int, month: int | None, published: date, expected: date | None
) -> None:
    assert resolve_day(day, month, None, published) == expected


def test_a_terminal_escape_sequence_is_no_figure_to_check() -> None:
    from reader.text.check import check_pair

    assert check_pair("경고가 발령됐다.", "A \x1b[31mwarning\x1b[0m was issued.") == []


def test_a_count_that_differs_is_one_finding_naming_both_figures() -> None:
    """11,000 residents against 1만2000명: one finding that says what it compared, not two saying each
    figure has no counterpart; a count of other things, or one nothing else answers, stays as it was."""
    ko = "부산시는 26일 해운대구 주민 1만2000명에게 대피를 권고했다."
    assert check_pair(ko, "Busan told 11,000 residents of Haeundae to leave on the 26th.") == [
        "11,000 residents (11,000), the Korean says 1만2000명"
    ]
    assert check_pair(ko, "Busan told 12,000 residents of Haeundae to leave on the 26th.") == []
    # the Korean's other count (300명) is answered in the English, so it is not what 11,000 renders
    assert check_pair("병력 1만2000명 중 300명이 다쳤다.", "Of 11,000 troops, 300 were hurt.") == [
        "11,000 troops (11,000), the Korean says 1만2000명"
    ]
