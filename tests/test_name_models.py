"""The trained name recognisers: the cases a reader reported, the shipped models and their sources, and the
training path (a small model trained here from a few sentences tags them back)."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

import pytest

from reader.text import ner
from reader.text.entities import default_glossary, find_mentions
from reader.text.linking import link_mentions

REPO = Path(__file__).resolve().parent.parent
NAME_TYPES = {"PERSON", "ORG", "PLACE"}


def names(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in find_mentions(text, lang) if m.type in NAME_TYPES]


def test_no_name_starts_at_a_word_only_because_a_quotation_mark_precedes_it() -> None:
    text = 'A second man urgently replies, "Come out quickly," the first answers, "Got it." "I\'m fine."'
    assert names(text, "en") == []


def test_names_that_open_a_sentence_or_stand_alone_are_found() -> None:
    text = "Kowalski confirmed the deal after talks with Lukashenko. Flights to Tbilisi resumed, Interfax reported."
    got = dict(names(text, "en"))
    assert got.get("Kowalski") == "PERSON"
    assert got.get("Lukashenko") == "PERSON"
    assert got.get("Tbilisi") == "PLACE"
    assert "Interfax" in got


def test_a_title_inside_a_name_parts_the_body_from_the_person() -> None:
    got = names("Bank of Korea Governor Rhee Chang-yong said rates would hold.", "en")
    assert ("Bank of Korea", "ORG") in got
    assert ("Rhee Chang-yong", "PERSON") in got


def test_numbers_in_words_are_quantities_and_link_to_figures() -> None:
    en = "Russian missiles hit eight sites in two days."
    ko = "러시아 미사일이 이틀 동안 8곳을 타격했다."
    en_m = find_mentions(en, "en")
    ko_m = find_mentions(ko, "ko")
    assert ("eight sites", "QUANTITY") in {(m.text, m.type) for m in en_m} or (
        "eight",
        "QUANTITY",
    ) in {(m.text, m.type) for m in en_m}
    links = {(link.ko.text, link.en.text) for link in link_mentions(ko, en, ko_m, en_m, default_glossary())}
    assert any(k == "8곳" and e.startswith("eight") for k, e in links)


def test_an_ordinal_alone_is_not_a_quantity() -> None:
    ms = find_mentions("Ukraine fired them for the first time, the first answers.", "en")
    assert not any(m.text == "first" for m in ms)


def test_sudan_is_no_place_in_by_all_means() -> None:
    assert [
        m for m in find_mentions("우리는 모든 수단으로 대응하겠다고 말했다.", "ko") if m.text == "수단"
    ] == []
    assert ("수단", "PLACE") in names("수단에서 내전이 격화됐다.", "ko")


def test_a_ministrys_full_name_is_one_organisation_and_links_whole() -> None:
    en = "The Ministry of Land, Infrastructure and Transport said flights would resume."
    ko = "국토교통부는 운항이 재개될 것이라고 밝혔다."
    en_m = find_mentions(en, "en")
    ko_m = find_mentions(ko, "ko")
    assert ("Ministry of Land, Infrastructure and Transport", "ORG") in {(m.text, m.type) for m in en_m}
    links = {(link.ko.text, link.en.text) for link in link_mentions(ko, en, ko_m, en_m, default_glossary())}
    assert ("국토교통부", "Ministry of Land, Infrastructure and Transport") in links


def test_korean_names_of_people_places_and_bodies() -> None:
    got = dict(
        names(
            "블라디미르 푸틴 러시아 대통령은 평양에서 김정은 국무위원장을 만났다고 국가정보원이 밝혔다.", "ko"
        )
    )
    assert got.get("블라디미르 푸틴") == "PERSON"
    assert got.get("김정은") == "PERSON"
    assert got.get("평양") == "PLACE"
    assert got.get("국가정보원") == "ORG"


def test_model_files_ship_with_their_sources_and_licences_and_stay_small() -> None:
    models = resources.files("reader").joinpath("data", "models")
    readme = models.joinpath("README.md").read_text(encoding="utf-8")
    for needle in (
        "KLUE",
        "CC BY-SA 4.0",
        "re3d",
        "wikigold",
        "GUM",
        "Broad Twitter Corpus",
        "CrossNER",
        "GeoNames",
        "US Census",
    ):
        assert needle in readme
    total = 0
    for lang in ("ko", "en"):
        with resources.as_file(ner.model_path(lang)) as path:
            total += path.stat().st_size
    assert total <= 40 * 1024 * 1024


def test_spans_and_labels_round_trip() -> None:
    offsets = [(0, 3), (4, 9), (10, 12), (13, 18)]
    spans = [(0, 9, "PER"), (13, 18, "LOC")]
    labels = ner.labels_from_spans(offsets, spans)
    assert labels == ["B-PER", "I-PER", "O", "B-LOC"]
    assert ner.spans_from_labels(labels, offsets) == spans
    # an I- after O starts a name of its own rather than being lost
    assert ner.spans_from_labels(["O", "I-ORG", "I-ORG", "O"], offsets) == [(4, 12, "ORG")]


def _load_trainer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_ner", REPO / "train" / "ner.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (REPO / "train" / "ner.py").exists(), reason="the training script is not installed")
def test_the_training_script_learns_names_it_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Train a tiny English model the way train/ner.py trains the shipped one, and tag with it."""
    sentences = []
    people = ["Alice Smith", "Bob Jones", "Carol White", "Dan Brown"]
    places = ["Paris", "Oslo", "Lima", "Cairo"]
    for i in range(40):
        person, place = people[i % 4], places[(i // 4) % 4]
        text = f"{person} flew to {place} on business."
        sentences.append(
            {
                "text": text,
                "entities": [
                    {"start": 0, "end": len(person), "type": "PER"},
                    {"start": text.index(place), "end": text.index(place) + len(place), "type": "LOC"},
                ],
            }
        )
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps(s) for s in sentences), encoding="utf-8")
    out = tmp_path / "tiny.crfsuite"
    trainer = _load_trainer()
    monkeypatch.setattr(trainer, "write_common_words", lambda docs, path: None)  # keep the word list
    monkeypatch.setattr(
        sys, "argv", ["ner.py", "en", "--train", str(data), "--out", str(out), "--iterations", "50"]
    )
    trainer.main()
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    text = "Bob Jones flew to Oslo on business."
    offsets = ner.english_tokens(text)
    spans = ner.spans_from_labels(tagger.tag(ner.english_features(text, offsets)), offsets)
    assert [(text[s:e], t) for s, e, t in spans] == [("Bob Jones", "PER"), ("Oslo", "LOC")]


def test_a_possessive_parts_the_country_from_its_agency() -> None:
    got = names("South Korea's National Intelligence Service said on Tuesday.", "en")
    assert ("South Korea", "PLACE") in got
    assert ("National Intelligence Service", "ORG") in got


def test_only_a_persons_title_cuts_a_name() -> None:
    got = names("Global Defense Corporation hired staff, said Supreme Court Justice Kim.", "en")
    assert ("Global Defense Corporation", "ORG") in got
    assert ("Kim", "PERSON") in got
    assert not any(text.endswith("Kim") and text != "Kim" for text, _ in got)


def test_the_glossary_types_exactly_its_own_words() -> None:
    got = {(m.text, m.type) for m in find_mentions("러시아는 순항미사일을 발사했다.", "ko")}
    assert ("순항미사일", "EQUIPMENT") in got


def test_a_linked_pair_shows_one_type_on_both_sides() -> None:
    from reader.analysis import analyse

    ko = "한국 외교부는 일본 정부에 항의했다."
    en = "South Korea's Foreign Ministry protested to the Japanese government."
    result = analyse(ko, en, default_glossary())
    texts = {"ko": ko, "en": en}
    by_span = {(m.side, m.start, m.end): m for m in result.mentions}
    linked = [m for m in result.mentions if m.partner_start is not None]
    assert linked
    other = {"ko": "en", "en": "ko"}
    for m in linked:
        partner = by_span[(other[m.side], m.partner_start, m.partner_end)]
        assert m.type == partner.type, (
            texts[m.side][m.start : m.end],
            texts[partner.side][partner.start : partner.end],
        )


def test_a_terminal_escape_sequence_in_an_article_holds_no_figure_or_name() -> None:
    got = [
        (m.text, m.type) for m in find_mentions("Red \x1b[31mwarning\x1b[0m: 5 km away, said Putin.", "en")
    ]
    assert ("5 km", "QUANTITY") in got
    assert not any("31" in text or text == "0m" for text, _ in got)


def test_a_country_as_a_party_is_an_organisation_but_not_in_other_words() -> None:
    assert ("우크라이나", "ORG") in names("우크라이나 측은 방공 체계 지원을 요청했다.", "ko")
    assert ("북한", "ORG") in names("북한 측에서 회담을 거부했다.", "ko")
    assert ("러시아", "PLACE") in names("러시아 측면에서 공격이 이어졌다.", "ko")


def test_relative_dates_are_dates_in_both_languages_and_link() -> None:
    ko = "북한은 이날 미사일을 발사했으며 올해 들어 10번째다."
    en = "North Korea fired a missile that day, its 10th launch this year."
    en_m = find_mentions(en, "en")
    assert {("that day", "DATE"), ("this year", "DATE")} <= {(m.text, m.type) for m in en_m}
    links = {
        (link.ko.text, link.en.text)
        for link in link_mentions(ko, en, find_mentions(ko, "ko"), en_m, default_glossary())
    }
    assert {("이날", "that day"), ("올해", "this year")} <= links


def test_a_known_person_inside_a_longer_span_keeps_the_glossarys_name_and_type() -> None:
    got = names("한편 일본 기시다 후미오 총리는 이날 성명을 냈다.", "ko")
    assert ("기시다 후미오", "PERSON") in got
    assert ("일본", "PLACE") in got


def test_a_day_named_by_its_ordinal_before_a_bracket_is_a_date_but_a_floor_is_not() -> None:
    en = "Shin met Austin in Washington on the 14th (local time) and went to the 5th floor."
    got = [(m.text, m.type) for m in find_mentions(en, "en")]
    assert ("14th", "DATE") in got
    assert not any(text == "5th" for text, _ in got)


def test_a_nationality_is_no_place() -> None:
    got = names("North Korean leader Kim Jong Un met Russian officials and North Koreans in Moscow.", "en")
    assert ("Kim Jong Un", "PERSON") in got and ("Moscow", "PLACE") in got
    assert not any(text in ("North Korean", "Russian", "North Koreans") for text, _ in got)


def test_a_weapon_the_glossary_knows_is_no_persons_name() -> None:
    text = "It said a Ukrainian strike with Storm Shadow cruise missiles in Kursk had killed 500 soldiers."
    got = {m.text: m.type for m in find_mentions(text, "en")}
    assert got.get("Storm Shadow") == "EQUIPMENT"
    assert "PERSON" not in got.values()
