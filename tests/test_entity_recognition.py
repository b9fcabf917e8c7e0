"""Entity recognition as a reader sees it: the right words highlighted, with the right colour."""

from __future__ import annotations

import io
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.entities import Mention, find_mentions
from reader.text.glossary import Entry, Glossary

GLOSSARY = Glossary(
    [
        Entry(("쿠르스크",), ("Kursk",), "PLACE"),
        Entry(("우크라이나",), ("Ukraine",), "PLACE"),
        Entry(("러시아",), ("Russia",), "PLACE"),
        Entry(("미국 국방부", "국방부"), ("U.S. Department of Defense", "Pentagon"), "ORG"),
        Entry(("정보총국",), ("Defense Intelligence", "HUR"), "ORG"),
        Entry(("스톰섀도",), ("Storm Shadow",), "EQUIPMENT"),
    ]
)


def spans(ms: list[Mention]) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in ms}


def test_particle_is_not_part_of_a_korean_place() -> None:
    text = "북한군이 쿠르스크에서 교전했다."
    ms = find_mentions(text, "ko", GLOSSARY)
    kursk = [m for m in ms if m.text.startswith("쿠르스크")]
    assert kursk == [Mention(5, 9, "쿠르스크", "PLACE")]


def test_korean_army_of_a_country_is_an_organisation() -> None:
    ms = find_mentions("우크라이나군은 쿠르스크주에서 철수했다.", "ko", GLOSSARY)
    assert ("우크라이나군", "ORG") in spans(ms)
    assert ("쿠르스크주", "PLACE") in spans(ms)


def test_korean_person_by_title_and_institution_by_suffix() -> None:
    ms = find_mentions("윤병세 외교부 장관은 기상청과 국가정보원을 방문했다.", "ko", Glossary())
    got = spans(ms)
    assert ("윤병세", "PERSON") in got
    assert ("외교부", "ORG") in got
    assert ("기상청", "ORG") in got
    assert ("국가정보원", "ORG") in got


def test_korean_surname_only_reference() -> None:
    ms = find_mentions("경찰은 김모(33)씨를 입건했다.", "ko", Glossary())
    assert Mention(4, 5, "김", "PERSON") in ms


def test_korean_dates_and_quantities() -> None:
    text = "북한군 1만1000명이 11월 26일 235㎢ 지역에 배치됐다."
    got = spans(find_mentions(text, "ko", GLOSSARY))
    assert ("1만1000명", "QUANTITY") in got
    assert ("11월 26일", "DATE") in got
    assert ("235㎢", "QUANTITY") in got


def test_english_department_is_one_organisation() -> None:
    text = "The U.S. Department of Defense said on Nov. 26 that 11,000 troops had arrived."
    ms = find_mentions(text, "en", Glossary())
    assert ("U.S. Department of Defense", "ORG") in spans(ms)
    assert ("Nov. 26", "DATE") in spans(ms)
    assert ("11,000 troops", "QUANTITY") in spans(ms)


def test_sentence_initial_common_word_is_not_a_name() -> None:
    ms = find_mentions("However, the talks failed. Officials in Seoul said so.", "en", Glossary())
    assert [m.text for m in ms] == ["Seoul"]


def test_glossary_types_english_mentions() -> None:
    ms = find_mentions("Ukraine fired Storm Shadow missiles at targets in Kursk.", "en", GLOSSARY)
    got = spans(ms)
    assert ("Ukraine", "PLACE") in got
    assert ("Kursk", "PLACE") in got
    assert ("Storm Shadow", "EQUIPMENT") in got


def test_glossary_csv_round_trip_keeps_every_form() -> None:
    buf = io.StringIO()
    GLOSSARY.to_csv(buf)
    again = Glossary.from_csv(io.StringIO(buf.getvalue()))
    assert [(e.ko, e.en, e.type) for e in again] == [(e.ko, e.en, e.type) for e in GLOSSARY]
    assert again.lookup_ko("쿠르스크에서") is not None
    assert again.lookup_en("the U.S. Department of Defense") is not None


def test_glossary_english_match_is_case_aware_and_longest() -> None:
    g = Glossary(
        [
            Entry(("미국",), ("US", "U.S."), "PLACE"),
            Entry(("미국 국방부",), ("U.S. Department of Defense",), "ORG"),
        ]
    )
    text = "Let us ask the U.S. Department of Defense and the US."
    found = [(text[m.start : m.end], m.type) for m in g.match_en(text)]
    assert found == [("U.S. Department of Defense", "ORG"), ("US", "PLACE")]


def test_bundled_glossary_loads() -> None:
    g = Glossary.load_bundled()
    assert len(g) >= 100
    assert g.lookup_ko("러시아") is not None


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["ko", "en"]))
def test_mentions_are_sorted_disjoint_spans_of_the_text(text: str, lang: str) -> None:
    ms = find_mentions(text, lang, GLOSSARY)
    prev_end = 0
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= prev_end
        prev_end = m.end


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "북한군",
                "1만1000명이",
                "쿠르스크에서",
                "김모씨",
                "11월",
                "26일",
                "Kim",
                "U.S.",
                "국방부는",
                "(",
                ")",
                "·",
                " ",
                "\n",
                "'",
                "235㎢",
                "Nov.",
                "26,",
            ]
        ),
        max_size=12,
    )
)
def test_mentions_hold_on_news_like_fragments(words: list[str]) -> None:
    text = " ".join(words)
    for lang in ("ko", "en"):
        ms = find_mentions(text, lang, GLOSSARY)
        assert ms == sorted(ms, key=lambda m: m.start)
        assert all(m.text == text[m.start : m.end] for m in ms)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ms))


def test_korean_name_inside_brackets_is_found() -> None:
    ms = find_mentions(
        "서울중앙지법 형사1부(정호건 부장판사)는 A(27)씨에게 징역형을 선고했다.", "ko", Glossary()
    )
    got = spans(ms)
    assert ("정호건", "PERSON") in got
    assert ("A", "PERSON") in got


def test_english_title_splits_body_from_person() -> None:
    got = spans(
        find_mentions("Bank of Korea Governor Rhee Chang-yong said rates would fall.", "en", Glossary())
    )
    assert ("Bank of Korea", "ORG") in got
    assert ("Rhee Chang-yong", "PERSON") in got


def test_glossary_finds_plurals_dotted_forms_and_homographs() -> None:
    g = Glossary(
        [
            Entry(("단거리탄도미사일", "SRBM"), ("short-range ballistic missile", "SRBM"), "EQUIPMENT"),
            Entry(("미 국방부",), ("US Department of Defense",), "ORG"),
            Entry(("조지아",), ("Georgia",), "PLACE", "country"),
            Entry(("조지아주",), ("Georgia",), "PLACE", "US state"),
        ]
    )
    text = "It fired short-range ballistic missiles (SRBMs)."
    assert [text[m.start : m.end] for m in g.match_en(text)] == ["short-range ballistic missiles", "SRBMs"]
    assert g.lookup_en("the U.S. Department of Defense") is not None
    assert [e.note for e in g.entries_en("Georgia")] == ["country", "US state"]


def test_model_numbers_are_equipment_not_quantities() -> None:
    en = spans(find_mentions("Russia flew Su-35 fighters while Kyiv asked for F-16 jets.", "en", Glossary()))
    assert ("Su-35", "EQUIPMENT") in en
    assert ("F-16", "EQUIPMENT") in en
    assert not any(t == "QUANTITY" for _, t in en)
    ko = spans(find_mentions("북한은 화성-19형을 동해상으로 발사했다.", "ko", Glossary()))
    assert ("화성-19형", "EQUIPMENT") in ko


def test_glossary_add_and_remove_change_what_is_found() -> None:
    g = Glossary()
    kursk = g.add(Entry(("쿠르스크",), ("Kursk",), "PLACE"))
    assert g.add(Entry(("쿠르스크",), ("Kursk",), "PLACE")) is kursk  # no duplicate row
    assert len(g) == 1 and g.lookup_ko("쿠르스크에서") is kursk
    assert g.remove(Entry(("쿠르스크",), ("Kursk",), "PLACE"))
    assert g.lookup_ko("쿠르스크") is None and g.match_en("in Kursk") == []
    assert not g.remove(kursk)


# Korean typing from the words around a name (none of these sentences is in the development data)


def test_korean_county_without_its_ending_is_a_place() -> None:
    got = spans(find_mentions("태백 주민 300여명이 대피했다.", "ko", Glossary()))
    assert ("태백", "PLACE") in got


def test_korean_person_whose_given_name_ends_like_a_county() -> None:
    got = spans(find_mentions("가수 윤서현 씨가 공연했다.", "ko", Glossary()))
    assert ("윤서현", "PERSON") in got


def test_city_that_acts_is_its_government_and_a_city_as_location_is_a_place() -> None:
    acting = spans(find_mentions("인천시는 다음 달부터 청년 월세를 지원한다고 밝혔다.", "ko", Glossary()))
    assert ("인천시", "ORG") in acting
    located = spans(find_mentions("인천시 남동구에서 불이 났다.", "ko", Glossary()))
    assert ("인천시 남동구", "PLACE") in located


def test_source_of_a_report_is_an_organisation() -> None:
    got = spans(find_mentions("쿠팡이츠에 따르면 주문이 늘었다.", "ko", Glossary()))
    assert ("쿠팡이츠", "ORG") in got


def test_age_in_brackets_marks_a_person() -> None:
    got = spans(find_mentions("박지원(71) 의원이 출석했다.", "ko", Glossary()))
    assert ("박지원", "PERSON") in got


def test_korean_name_kiwi_cuts_one_syllable_short_is_whole() -> None:
    got = spans(find_mentions("이철규 의원과 진종오는 함께 출석했다.", "ko", Glossary()))
    assert {("이철규", "PERSON"), ("진종오", "PERSON")} <= got


def test_suffixes_do_not_turn_a_place_into_a_person() -> None:
    got = spans(find_mentions("전주역에서 한국인 관광객이 내렸다.", "ko", Glossary()))
    assert ("전주역", "PLACE") in got
    assert not any(t == "PERSON" for _, t in got)


def test_western_given_name_and_surname_are_one_person() -> None:
    got = spans(
        find_mentions("제임스 코든이 진행했고 구스타보 알베르토 바스케스가 말했다.", "ko", Glossary())
    )
    assert {("제임스 코든", "PERSON"), ("구스타보 알베르토 바스케스", "PERSON")} <= got


def test_mayor_of_a_city_names_a_person_and_a_place() -> None:
    got = spans(find_mentions("공재광 평택시장은 이날 현장을 찾았다.", "ko", Glossary()))
    assert {("공재광", "PERSON"), ("평택", "PLACE")} <= got


def test_place_at_the_head_of_an_institution_is_not_marked_alone() -> None:
    g = Glossary([Entry(("서울",), ("Seoul",), "PLACE", "capital of South Korea")])
    got = spans(find_mentions("서울서부지법은 이날 판결했다.", "ko", g))
    assert ("서울서부지법", "ORG") in got
    assert ("서울", "PLACE") not in got


def test_word_of_location_after_a_name_makes_it_a_place() -> None:
    got = spans(find_mentions("마드리드 교외 알코콘 인근에서 불이 났다.", "ko", Glossary()))
    assert ("알코콘", "PLACE") in got


def test_korean_full_name_is_not_joined_to_the_noun_after_it() -> None:
    got = spans(find_mentions("앞서 공개된 공민지 티저 사진과 서장훈 방송 영상이 화제다.", "ko", Glossary()))
    assert {("공민지", "PERSON"), ("서장훈", "PERSON")} <= got


def test_broadcasters_and_cities_abroad_named_bare() -> None:
    got = spans(find_mentions("JTBC는 밴쿠버 현지에서 생중계했다.", "ko", Glossary()))
    assert {("JTBC", "ORG"), ("밴쿠버", "PLACE")} <= got


def test_names_kiwi_would_split_are_found_and_typed_from_the_gazetteer() -> None:
    got = spans(
        find_mentions("스타뉴스는 미래창조과학부가 올리브영과 협약을 맺었다고 보도했다.", "ko", Glossary())
    )
    assert {("스타뉴스", "ORG"), ("미래창조과학부", "ORG"), ("올리브영", "ORG")} <= got


def test_a_known_name_does_not_eat_the_front_of_a_longer_one() -> None:
    got = spans(find_mentions("쿠팡이츠에 따르면 주문이 늘었다.", "ko", Glossary()))
    assert ("쿠팡이츠", "ORG") in got


@pytest.mark.parametrize(
    "text",
    [
        "인기 드라마 '스카이캐슬'을 원작으로 한다.",
        "tvN '스카이캐슬'에 출연했다.",
        "'스카이캐슬' 뮤직비디오가 공개됐다.",
    ],
)
def test_a_quoted_title_of_a_work_is_no_person(text: str) -> None:
    got = {m.text: m.type for m in find_mentions(text, "ko", Glossary())}
    assert got.get("스카이캐슬") in (None, "OTHER")


def test_a_quoted_name_with_evidence_keeps_its_type() -> None:
    got = {
        m.text: m.type
        for m in find_mentions("소속사는 가수 '김지수' 씨가 출연한다고 밝혔다.", "ko", Glossary())
    }
    assert got.get("김지수") == "PERSON"


def test_a_relative_day_word_inside_a_name_is_no_date() -> None:
    got = spans(find_mentions("클로이 모레츠는 오늘 입국했다.", "ko", Glossary()))
    assert ("모레", "DATE") not in got and ("오늘", "DATE") in got


def test_a_model_of_a_known_product_is_no_organisation() -> None:
    got = {m.text: m.type for m in find_mentions("아이폰7 모델은 내년에 나온다.", "ko", Glossary())}
    assert got.get("아이폰7") in (None, "OTHER")


def test_names_written_across_scripts_are_found_whole() -> None:
    got = spans(find_mentions("채널A와 SK텔레콤은 LA 다저스 경기를 중계한다.", "ko", Glossary()))
    assert {("채널A", "ORG"), ("SK텔레콤", "ORG"), ("LA 다저스", "ORG")} <= got


def test_a_counteroffensive_makes_no_team_of_a_country() -> None:
    g = Glossary([Entry(("우크라이나",), ("Ukraine",), "PLACE", "country")])
    assert ("우크라이나", "PLACE") in spans(find_mentions("우크라이나의 반격이 시작됐다.", "ko", g))


def test_a_known_club_wins_over_the_city_it_is_named_after() -> None:
    g = Glossary([Entry(("샌디에이고",), ("San Diego",), "PLACE", "city")])
    got = spans(find_mentions("류현진은 샌디에이고 파드리스와의 경기에서 던졌다.", "ko", g))
    assert ("샌디에이고 파드리스", "ORG") in got


def test_a_city_the_glossary_knows_is_no_person_inside_a_longer_name() -> None:
    g = Glossary([Entry(("부산",), ("Busan",), "PLACE", "city")])
    for text in ("부산시는 오늘 새 계획을 발표했다.", "부산시가 새 계획을 내놓았다."):
        assert ("부산시", "PLACE") in spans(find_mentions(text, "ko", g))


def test_defence_stocks_are_no_place() -> None:
    for text in ("이날 방산주 주가가 올랐다.", "코스피에서 방산주는 강세를 보였다."):
        got = {m.text: m.type for m in find_mentions(text, "ko")}
        assert got.get("방산주") not in ("PLACE", "PERSON", "ORG")


def test_a_sectors_shares_are_no_name_but_a_state_is_a_place() -> None:
    got = {
        m.text: m.type
        for m in find_mentions("반도체주와 건설주가 올랐고 텍사스주에서는 총격이 있었다.", "ko")
    }
    assert got.get("반도체주") is None and got.get("건설주") is None
    assert got.get("텍사스주") == "PLACE"
