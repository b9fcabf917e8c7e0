"""Checks on the bundled gazetteer of Korean names (reader/data/names_ko.tsv).

Every name in it becomes a proper noun for Kiwi and carries its type into every article a user opens, so
a common word slipped in (태양, 유리) would be highlighted as a name wherever it appears.
"""

from __future__ import annotations

import re
from importlib import resources

from reader.text.korean import known_names

TYPES = {"PERSON", "ORG", "PLACE", "OTHER"}


def _rows() -> list[list[str]]:
    text = resources.files("reader.data").joinpath("names_ko.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_every_row_is_a_name_a_type_and_a_source() -> None:
    for row in _rows():
        assert len(row) == 3, row
        name, typ, source = row
        assert name == name.strip() and "  " not in name, row
        assert typ in TYPES, row
        assert source.strip(), row


def test_each_name_is_listed_once_and_is_longer_than_a_syllable() -> None:
    names = [row[0] for row in _rows()]
    assert len(names) == len(set(names))
    assert all(len(n) >= 2 for n in names)
    assert len(names) >= 1000


def test_names_are_korean_news_spellings_or_acronyms() -> None:
    for name in (row[0] for row in _rows()):
        assert re.search(r"[\uac00-\ud7a3]", name) or re.fullmatch(
            r"[A-Za-z0-9&().\-]+(?: [A-Za-z0-9]+)*", name
        ), name


def test_common_words_that_are_also_names_are_left_out() -> None:
    # a stage name, a city or a brand that is an everyday word would colour that word in every text
    assert not {
        "태양",
        "유리",
        "승리",
        "신화",
        "가자",
        "크림",
        "멜론",
        "윈도",
        "분당",
        "목동",
        "선전",
        "시안",
        "도하",
        "나사",
    } & set(known_names())
