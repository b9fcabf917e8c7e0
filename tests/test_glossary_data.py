"""Checks on the bundled starter glossary (termbase) shipped as package data.

The glossary drives entity highlighting and ko↔en linking for every article a user opens, so a malformed
row, a stray space or a Korean form listed under two meanings without a hint would show up directly as a
wrong highlight or a wrong link.  These tests read the file exactly as the installed package sees it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from importlib import resources

import pytest

HEADER = ["ko", "en", "type", "note"]
TYPES = {"PERSON", "ORG", "PLACE", "EQUIPMENT", "OTHER"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# A Korean-side form without Hangul must look like what Korean news prints in Latin letters: an acronym or a
# designation such as NATO, KN-23, S-400, F-35A, OPEC+, New START — never a lowercase English word.
LATIN_FORM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+\- ]*$")


def _read_text() -> str:
    return resources.files("reader.data").joinpath("glossary.csv").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.reader(io.StringIO(_read_text(), newline=""))
    header = next(reader)
    rows = [dict(zip(HEADER, r, strict=True)) for r in reader]
    return header, rows


@pytest.fixture(scope="module")
def rows(table: tuple[list[str], list[dict[str, str]]]) -> list[dict[str, str]]:
    return table[1]


def forms(cell: str) -> list[str]:
    return cell.split("|")


def find(rows: list[dict[str, str]], ko_form: str, type_: str) -> list[dict[str, str]]:
    return [r for r in rows if r["type"] == type_ and ko_form in forms(r["ko"])]


def test_header_and_size(table: tuple[list[str], list[dict[str, str]]]) -> None:
    header, rows = table
    assert header == HEADER
    assert len(rows) >= 400


def test_every_row_has_four_fields_and_a_valid_type() -> None:
    for n, raw in enumerate(csv.reader(io.StringIO(_read_text(), newline="")), 1):
        assert len(raw) == 4, f"line {n}: {raw}"
        if n > 1:
            assert raw[2] in TYPES, f"line {n}: bad type {raw[2]!r}"


def test_forms_are_clean(rows: list[dict[str, str]]) -> None:
    for r in rows:
        for col in ("ko", "en"):
            assert r[col], r
            fs = forms(r[col])
            assert len(fs) == len(set(fs)), f"repeated form in {r}"
            for f in fs:
                assert f, f"empty form in {r}"
                assert f == f.strip(), f"stray space around {f!r} in {r}"
                assert "  " not in f, f"double space in {f!r}"
        assert r["note"] == r["note"].strip(), r


def test_korean_forms_are_hangul_or_latin_acronyms(rows: list[dict[str, str]]) -> None:
    for r in rows:
        for f in forms(r["ko"]):
            if HANGUL.search(f):
                continue
            assert LATIN_FORM.match(f) and any(c.isupper() for c in f), f"{f!r} in {r} is not Korean"


def test_english_forms_have_no_hangul(rows: list[dict[str, str]]) -> None:
    for r in rows:
        assert not HANGUL.search(r["en"]), r
        assert not HANGUL.search(r["note"]), r


def test_no_duplicate_korean_form_per_type_unless_a_marked_homograph(rows: list[dict[str, str]]) -> None:
    """A Korean form may mean two things (국방부 is many countries' defence ministry); then every reading must
    carry its own English forms and a note, so the linker can choose by context and the user can tell them
    apart.  Anything else is a plain duplicate."""
    by_key: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        for f in forms(r["ko"]):
            by_key[(f, r["type"])].append(r)
    for key, group in by_key.items():
        if len(group) == 1:
            continue
        assert all(r["note"] for r in group), f"{key} is listed {len(group)} times without notes"
        en_sets = [set(forms(r["en"])) for r in group]
        for i in range(len(en_sets)):
            for j in range(i + 1, len(en_sets)):
                assert not en_sets[i] & en_sets[j], (
                    f"{key}: rows share English forms {en_sets[i] & en_sets[j]}"
                )
    assert len({(r["ko"], r["type"]) for r in rows}) == len(rows)


def test_sorted_by_type_then_english(rows: list[dict[str, str]]) -> None:
    keys = [(r["type"], forms(r["en"])[0].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_every_type_is_represented_and_countries_are_broad(rows: list[dict[str, str]]) -> None:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["type"]] += 1
    assert all(counts[t] >= 40 for t in TYPES), counts
    countries = [r for r in rows if r["type"] == "PLACE" and r["note"].startswith(("country", "city-state"))]
    assert len(countries) >= 150


@pytest.mark.parametrize(
    ("ko", "type_", "en"),
    [
        ("쿠르스크", "PLACE", "Kursk"),
        ("스톰섀도", "EQUIPMENT", "Storm Shadow"),
        ("김정은", "PERSON", "Kim Jong Un"),
        ("젤렌스키", "PERSON", "Volodymyr Zelensky"),
        ("푸틴", "PERSON", "Vladimir Putin"),
        ("에이태큼스", "EQUIPMENT", "ATACMS"),
        ("화성-18형", "EQUIPMENT", "Hwasong-18"),
        ("주한미군", "ORG", "United States Forces Korea"),
        ("조선중앙통신", "ORG", "Korean Central News Agency"),
        ("합참", "ORG", "Joint Chiefs of Staff"),
        ("안보리", "ORG", "UN Security Council"),
        ("키이우", "PLACE", "Kyiv"),
    ],
)
def test_spot_check_primary_english(rows: list[dict[str, str]], ko: str, type_: str, en: str) -> None:
    found = find(rows, ko, type_)
    assert len(found) == 1, found
    assert forms(found[0]["en"])[0] == en


def test_spot_check_alternate_forms_users_search_for(rows: list[dict[str, str]]) -> None:
    (nis,) = find(rows, "국정원", "ORG")
    assert forms(nis["ko"])[:2] == ["국가정보원", "국정원"]
    assert "NIS" in forms(nis["en"])

    (nato,) = find(rows, "나토", "ORG")
    assert forms(nato["ko"])[:2] == ["북대서양조약기구", "나토"]
    assert forms(nato["en"])[0] == "NATO"

    (hur,) = find(rows, "정보총국", "ORG")
    assert {"Defense Intelligence of Ukraine", "HUR", "DIU"} <= set(forms(hur["en"]))

    (kyiv,) = find(rows, "키이우", "PLACE")
    assert "키예프" in forms(kyiv["ko"]) and "Kiev" in forms(kyiv["en"])

    (east_sea,) = find(rows, "동해", "PLACE")
    assert forms(east_sea["en"])[:2] == ["East Sea", "Sea of Japan"]


def test_defence_ministry_homograph_offers_each_reading(rows: list[dict[str, str]]) -> None:
    readings = {forms(r["en"])[0] for r in find(rows, "국방부", "ORG")}
    assert {"Ministry of National Defense", "Department of Defense"} <= readings
    (pentagon,) = find(rows, "펜타곤", "ORG")
    assert forms(pentagon["en"])[0] == "Department of Defense"
