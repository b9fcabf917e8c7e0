"""`reader align`: the alignment as a person reads it, and as JSON for scripts and measurement."""

from __future__ import annotations

import json

from reader.cli import main


def covered_once(links: list[dict], n_ko: int, n_en: int) -> bool:
    ko = [i for link in links for i in link["ko"]]
    en = [j for link in links for j in link["en"]]
    return (
        sorted(ko) == list(range(n_ko))
        and sorted(en) == list(range(n_en))
        and ko == sorted(ko)
        and en == sorted(en)
    )


def test_json_alignment_of_raw_texts(tmp_path, capsys) -> None:
    ko = tmp_path / "ko.txt"
    en = tmp_path / "en.txt"
    ko.write_text(
        "북한군 1만1000명이 쿠르스크에 배치됐다. 미 국방부는 확인할 수 없다고 밝혔다.\n\n우크라이나군은 26일 교전했다."
    )
    en.write_text(
        "About 11,000 North Korean troops are in Kursk. The Pentagon said it could not confirm it.\n\n"
        "Ukrainian forces fought them on Nov. 26."
    )
    assert main(["align", str(ko), str(en), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["ko"]) == 3 and len(result["en"]) == 3
    assert result["en"][1] == "The Pentagon said it could not confirm it."
    assert covered_once(result["links"], 3, 3)
    assert [(link["ko"], link["en"]) for link in result["links"]] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert all(0.0 <= link["confidence"] <= 1.0 for link in result["links"])


def test_one_per_line_takes_lines_as_given(tmp_path, capsys) -> None:
    ko = tmp_path / "ko.txt"
    en = tmp_path / "en.txt"
    ko.write_text("첫 문장. 같은 줄의 둘째 문장.\n셋째 줄.\n")
    en.write_text("First. Second on the same line.\nThird line.\n")
    assert main(["align", str(ko), str(en), "--json", "--one-per-line"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ko"] == ["첫 문장. 같은 줄의 둘째 문장.", "셋째 줄."]
    assert result["en"] == ["First. Second on the same line.", "Third line."]
    assert covered_once(result["links"], 2, 2)


def test_one_side_empty_gives_complete_alignment(tmp_path, capsys) -> None:
    ko = tmp_path / "ko.txt"
    en = tmp_path / "en.txt"
    ko.write_text("하나. 둘. 셋.")
    en.write_text("")
    assert main(["align", str(ko), str(en), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["en"] == [] and covered_once(result["links"], 3, 0)
    assert all(link["en"] == [] for link in result["links"])


def test_readable_output_shows_both_sides(tmp_path, capsys) -> None:
    ko = tmp_path / "ko.txt"
    en = tmp_path / "en.txt"
    ko.write_text("북한군이 배치됐다.")
    en.write_text("Troops were deployed.")
    assert main(["align", str(ko), str(en)]) == 0
    out = capsys.readouterr().out
    assert "한  북한군이 배치됐다." in out and "EN  Troops were deployed." in out and "[1-1" in out


def test_missing_file_is_one_line(tmp_path, capsys) -> None:
    assert main(["align", str(tmp_path / "no.txt"), str(tmp_path / "no2.txt")]) == 1
    assert capsys.readouterr().err.strip().endswith("no such file")


def test_page_leftovers_get_rows_of_their_own(tmp_path, capsys) -> None:
    # Text copied from a Korean news page: a list headline with its date stamp, the story, a byline. The
    # English has the story only; the headline and the byline are rows without English.
    ko = tmp_path / "ko.txt"
    en = tmp_path / "en.txt"
    gap = "\u00a0 \u00a0 \u00a0"
    ko.write_text(
        f"환율 1400원 돌파{gap}2024.11 정부는 13일 외환시장 안정 대책을 발표했다. "
        "대책에는 외화 유동성 공급 확대가 포함됐다.\n\n이수진 기자 sujin@example.co.kr"
    )
    en.write_text(
        "The government announced measures on the 13th to calm the currency market. "
        "The measures include expanding the supply of foreign currency liquidity."
    )
    assert main(["align", str(ko), str(en), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ko"][0] == f"환율 1400원 돌파{gap}2024.11"
    assert result["ko"][1] == "정부는 13일 외환시장 안정 대책을 발표했다."
    assert covered_once(result["links"], len(result["ko"]), len(result["en"]))
    pairs = [(link["ko"], link["en"]) for link in result["links"]]
    assert pairs == [([0], []), ([1], [0]), ([2], [1]), ([3], [])]
