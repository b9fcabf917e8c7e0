"""`reader add FOLDER` pairs a Korean and an English file of one article, by name or by language."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Store

KO = "북한군 파병\n\n국방부는 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다. 추가 파병도 배제할 수 없다."
EN = "Troops sent\n\nThe ministry said 11,000 North Korean troops were in Kursk. More may follow."
KO2 = "환율 급등\n\n원·달러 환율이 장중 1,400원을 넘었다. 지정학 위험이 커졌다."
EN2 = "Won slides\n\nThe won briefly weakened past 1,400 to the dollar. Geopolitical risks grew."


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def body(text: str) -> str:
    """What is stored of a text: its headline is the title, not also the first row."""
    return text.split("\n\n", 1)[1]


def as_b(name: str) -> str:
    """The same name for a second article: a → b in the file name, the folders kept."""
    path = Path(name)
    return str(path.parent / path.name.replace("a", "b", 1))


def library(db: Path) -> list[tuple[str, str]]:
    with Store.open(db) as store:
        return sorted(
            (a.ko_text, a.en_text) for a in (store.get_article(x.id) for x in store.list_articles()) if a
        )


@pytest.mark.parametrize(
    "ko_name, en_name",
    [
        ("a_ko.txt", "a_en.txt"),
        ("a.ko.txt", "a.en.txt"),
        ("ko/a.txt", "en/a.txt"),
        ("a-kor.md", "a-eng.md"),
        ("a_KO.md", "a_EN.txt"),
        ("Korean/a.md", "English/a.md"),
    ],
)
def test_a_folder_of_named_pairs_becomes_bilingual_articles(
    location, tmp_path, capsys, ko_name, en_name
) -> None:
    folder = tmp_path / "in"
    write(
        folder,
        {ko_name: KO, en_name: EN, as_b(ko_name): KO2, as_b(en_name): EN2},
    )
    assert main(["--db", str(location), "add", str(folder)]) == 0
    err = capsys.readouterr().err
    assert library(location) == sorted([(body(KO), body(EN)), (body(KO2), body(EN2))])
    assert "added 2 (2 in both languages)" in err
    assert f"paired by name: {folder / ko_name} + {folder / en_name}" in err


def test_names_that_do_not_say_are_paired_by_language_and_the_rest_stay_one_language(
    location, tmp_path, capsys
) -> None:
    folder = tmp_path / "in"
    write(
        folder,
        {
            "story/original.txt": KO,  # the only two files of their folder, one of each language
            "story/translation.txt": EN,
            "won.txt": KO2,  # the same name but for the suffix
            "won.md": EN2,
            "lone_ko.txt": "김정은 위원장이 국방발전 전람회에서 연설했다.",
            "notes.txt": "An English note on its own, with nothing to pair it with.",
        },
    )
    assert main(["--db", str(location), "add", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "added 4 (2 in both languages, 1 Korean only, 1 English only)" in err
    assert f"paired by language: {folder / 'story/original.txt'} + {folder / 'story/translation.txt'}" in err
    assert f"paired by language, same name: {folder / 'won.txt'} + {folder / 'won.md'}" in err
    assert f"Korean only: {folder / 'lone_ko.txt'}" in err
    assert f"English only: {folder / 'notes.txt'}" in err
    assert (body(KO), body(EN)) in library(location) and (body(KO2), body(EN2)) in library(location)


def test_two_korean_files_or_unlikely_lengths_are_not_taken_for_a_pair(location, tmp_path, capsys) -> None:
    write(tmp_path / "same", {"one.txt": KO, "two.txt": KO2})
    write(tmp_path / "lengths", {"long.txt": KO * 20, "short.txt": "A headline only."})
    assert main(["--db", str(location), "add", str(tmp_path / "same"), str(tmp_path / "lengths")]) == 0
    assert "added 4 (3 Korean only, 1 English only)" in capsys.readouterr().err


def test_a_file_whose_name_says_the_wrong_language_fails_alone_with_its_reason(
    location, tmp_path, capsys
) -> None:
    folder = tmp_path / "in"
    write(folder, {"a_ko.txt": EN, "a_en.txt": EN2, "b_ko.txt": KO2, "b_en.txt": EN2})
    assert main(["--db", str(location), "add", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "added 1 (1 in both languages)" in err and "failed 1" in err
    assert f"failed: {folder / 'a_ko.txt'}: its name says Korean, but the text reads as English" in err


def test_two_files_given_side_by_side_pair_like_a_folders(location, tmp_path, capsys) -> None:
    write(tmp_path, {"x_en.txt": EN, "x_ko.txt": KO})
    assert main(["--db", str(location), "add", str(tmp_path / "x_ko.txt"), str(tmp_path / "x_en.txt")]) == 0
    assert capsys.readouterr().out.strip() == "1"
    assert library(location) == [(body(KO), body(EN))]
