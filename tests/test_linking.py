"""Cross-language links inside one segment pair: what lights up on the other side."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.entities import Mention, find_mentions
from reader.text.glossary import Entry, Glossary
from reader.text.linking import link_mentions, romanize, sound_similarity

GLOSSARY = Glossary(
    [
        Entry(("정보총국",), ("Defense Intelligence", "HUR", "Main Intelligence Directorate"), "ORG"),
        Entry(("북한군",), ("North Korean troops", "North Korean soldiers"), "ORG"),
    ]
)


def links_of(ko: str, en: str, glossary: Glossary = GLOSSARY) -> dict[str, tuple[str, str, bool]]:
    km = find_mentions(ko, "ko", glossary)
    em = find_mentions(en, "en", glossary)
    return {lk.ko.text: (lk.en.text, lk.how, lk.guess) for lk in link_mentions(ko, en, km, em, glossary)}


def test_quantity_links_by_value() -> None:
    got = links_of("북한군 1만1000명이 파병됐다.", "Some 11,000 troops were deployed.")
    assert got["1만1000명"] == ("11,000 troops", "number", False)


def test_place_links_by_transliteration() -> None:
    got = links_of("북한군이 쿠르스크에서 교전했다.", "North Korean troops fought in Kursk.", Glossary())
    assert got["쿠르스크"][:2] == ("Kursk", "transliteration")


def test_glossary_link_for_a_translated_name() -> None:
    got = links_of(
        "정보총국은 26일 음성 파일을 공개했다.", "Defense Intelligence released the audio on Nov. 26."
    )
    assert got["정보총국"] == ("Defense Intelligence", "glossary", False)
    assert got["26일"][1] == "date"


def test_wrong_date_does_not_link() -> None:
    got = links_of(
        "정보총국은 26일 음성 파일을 공개했다.", "Defense Intelligence released the audio on Nov. 25."
    )
    assert "26일" not in got


def test_elimination_is_marked_as_a_guess() -> None:
    ko, en = "합참은 성명을 냈다.", "The Joint Chiefs of Staff issued a statement."
    km = [Mention(0, 2, "합참", "ORG")]
    em = find_mentions(en, "en", Glossary())
    links = link_mentions(ko, en, km, em, Glossary())
    assert [(lk.ko.text, lk.en.text, lk.how, lk.guess) for lk in links] == [
        ("합참", "Joint Chiefs of Staff", "elimination", True)
    ]


def test_each_mention_links_at_most_once() -> None:
    ko = "젤렌스키 대통령과 푸틴 대통령"
    en = "Zelensky and Putin, and Putin again"
    km = find_mentions(ko, "ko", Glossary())
    em = find_mentions(en, "en", Glossary())
    links = link_mentions(ko, en, km, em, Glossary())
    assert len({lk.ko for lk in links}) == len(links) == len({lk.en for lk in links})
    assert {(lk.ko.text, lk.en.text) for lk in links} >= {("젤렌스키", "Zelensky"), ("푸틴", "Putin")}


def test_sound_similarity_separates_names() -> None:
    assert romanize("쿠르스크") == "kureuseukeu"
    assert sound_similarity("스톰섀도", "Storm Shadow") >= 0.9
    assert sound_similarity("젤렌스키", "Volodymyr Zelensky") >= 0.9
    assert sound_similarity("쿠르스크", "Kharkiv") < 0.78
    assert sound_similarity("푸틴", "Pyongyang") < 0.78


def test_words_of_a_korean_place_chain_link_separately() -> None:
    g = Glossary([Entry(("페루",), ("Peru",), "PLACE"), Entry(("리마",), ("Lima",), "PLACE")])
    ko, en = "정상들은 페루 리마에서 만났다.", "The leaders met in Lima, Peru."
    got = links_of(ko, en, g)
    assert got["페루"][:2] == ("Peru", "glossary")
    assert got["리마"][:2] == ("Lima", "glossary")


def test_homograph_links_to_the_entry_that_fits() -> None:
    g = Glossary(
        [
            Entry(("조지아",), ("Georgia",), "PLACE", "country"),
            Entry(("조지아주",), ("Georgia",), "PLACE", "US state"),
        ]
    )
    got = links_of("현대차는 조지아주 공장을 열었다.", "Hyundai opened its plant in Georgia.", g)
    assert got["조지아주"][:2] == ("Georgia", "glossary")


def test_repeated_name_pairs_in_sentence_order() -> None:
    g = Glossary([Entry(("러시아",), ("Russia",), "PLACE")])
    ko = "러시아는 반발했고 러시아 외무부도 성명을 냈다."
    en = "Russia protested, and Russia's foreign ministry issued a statement."
    km = find_mentions(ko, "ko", g)
    em = find_mentions(en, "en", g)
    pairs = [(lk.ko.start, lk.en.start) for lk in link_mentions(ko, en, km, em, g) if lk.ko.text == "러시아"]
    assert pairs[0] == (0, 0)


def test_capital_standing_for_its_country_links_as_a_guess() -> None:
    g = Glossary(
        [
            Entry(("북한",), ("North Korea",), "PLACE"),
            Entry(("평양",), ("Pyongyang",), "PLACE", "capital of North Korea"),
        ]
    )
    ko, en = "그 대가로 북한은 방공 장비를 받았다.", "In return, Pyongyang received air defense equipment."
    links = link_mentions(ko, en, find_mentions(ko, "ko", g), find_mentions(en, "en", g), g)
    assert [(lk.ko.text, lk.en.text, lk.how, lk.guess) for lk in links] == [
        ("북한", "Pyongyang", "glossary", True)
    ]


def test_army_phrasing_links_to_the_glossary_army() -> None:
    g = Glossary([Entry(("북한군",), ("North Korean troops",), "ORG")])
    got = links_of("북한군 500명이 숨졌다.", "It said 500 North Korean soldiers died.", g)
    assert got["북한군"][:2] == ("North Korean soldiers", "glossary")
    assert got["500명"][:2] == ("500", "number")


_FRAGMENTS_KO = [
    "북한군",
    "1만1000명이",
    "쿠르스크에서",
    "26일",
    "정보총국은",
    "페루 리마",
    "젤렌스키",
    "·",
    "(",
    ")",
    " ",
]
_FRAGMENTS_EN = [
    "North Korean troops",
    "11,000",
    "Kursk",
    "on Nov. 26",
    "Defense Intelligence",
    "Lima, Peru",
    "Zelensky",
    "the North",
    ",",
    " ",
    ".",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENTS_KO), max_size=10),
    st.lists(st.sampled_from(_FRAGMENTS_EN), max_size=10),
)
def test_links_are_one_to_one_and_inside_the_mentions(ko_parts: list[str], en_parts: list[str]) -> None:
    ko, en = " ".join(ko_parts), " ".join(en_parts)
    km, em = find_mentions(ko, "ko", GLOSSARY), find_mentions(en, "en", GLOSSARY)
    links = link_mentions(ko, en, km, em, GLOSSARY)
    assert len({(lk.ko.start, lk.ko.end) for lk in links}) == len(links)
    assert len({lk.en for lk in links}) == len(links)
    for lk in links:
        assert lk.en in em
        assert any(m.start <= lk.ko.start and lk.ko.end <= m.end for m in km)  # a mention or a word of one
        assert lk.ko.text == ko[lk.ko.start : lk.ko.end]
        assert lk.how in ("glossary", "number", "date", "transliteration", "elimination")


def test_a_time_of_the_day_is_a_date_linked_by_its_hour_and_minute() -> None:
    """오후 2시께 and "2 p.m." name one time, and 2시간 is two hours, not a time; 14:30 is 2시 30분 in the
    afternoon, never 오전 2시 30분."""
    from reader.text.clock_times import clock_times, same_time
    from reader.text.entities import find_mentions
    from reader.text.linking import link_mentions

    ko = "울산의 한 공장에서 3일 오후 2시께 불이 나 2시간 만에 꺼졌다."
    en = "A fire broke out at a factory in Ulsan at around 2 p.m. on the 3rd and was put out in two hours."
    ko_found, en_found = find_mentions(ko, "ko"), find_mentions(en, "en")
    assert ("오후 2시께", "DATE") in {(m.text, m.type) for m in ko_found}
    assert ("2 p.m.", "DATE") in {(m.text, m.type) for m in en_found}
    assert not any(m.text.startswith("2시간") and m.type == "DATE" for m in ko_found)
    links = {(link.ko.text, link.en.text, link.how) for link in link_mentions(ko, en, ko_found, en_found)}
    assert ("오후 2시께", "2 p.m.", "date") in links
    (afternoon,), (morning,), (both,) = (
        clock_times(t, "ko") for t in ("오후 2시 30분", "오전 2시 30분", "2시 30분")
    )
    (clock,) = clock_times("at 14:30", "en")
    assert same_time(afternoon, clock) and same_time(both, clock) and not same_time(morning, clock)
    (twelve,) = clock_times("정오", "ko")
    assert same_time(twelve, clock_times("at noon", "en")[0]) and not same_time(twelve, clock)
