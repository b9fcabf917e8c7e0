"""bench/wmt24pp_lines.py: WMT24++'s JSON lines become line-parallel files for the check and the alignment
benchmarks, sentence pairs only where both sides of a paragraph split alike."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import wmt24pp_lines as w


def test_english_sentences_end_at_punctuation_not_at_a_title_month_or_initial() -> None:
    text = 'Mr. Smith arrived on Jan. 13 in the U.S. with J. Doe. He left. "Why?" she asked. 3 stayed.'
    assert w.split_en(text) == [
        "Mr. Smith arrived on Jan. 13 in the U.S. with J. Doe.",
        "He left.",
        '"Why?" she asked.',
        "3 stayed.",
    ]


def test_korean_sentences_end_after_a_syllable_or_a_closing_quote() -> None:
    text = '물가가 3.5% 올랐다. "그렇다." 그는 말했다. 왜 그런가? 끝'
    assert w.split_ko(text) == ["물가가 3.5% 올랐다.", '"그렇다."', "그는 말했다.", "왜 그런가?", "끝"]


def test_a_paragraph_whose_sides_split_differently_is_left_out_with_a_gap() -> None:
    paras = [
        ("첫째다. 둘째다.", "First. Second.", "d1"),
        ("하나로 합쳤다.", "One. Two.", "d1"),
        ("셋째다.", "Third.", "d1"),
    ]
    pairs, dropped = w.sentences(paras)
    assert dropped == 1
    assert pairs == [
        ("첫째다.", "First.", "d1"),
        ("둘째다.", "Second.", "d1"),
        ("", "", "d1"),
        ("셋째다.", "Third.", "d1"),
    ]


def _row(domain: str, doc: str, en: str, ko: str, bad: bool = False) -> str:
    row = {"domain": domain, "document_id": doc, "is_bad_source": bad, "source": en, "target": ko,
           "original_target": ko + " 원문"}  # fmt: skip
    return json.dumps(row, ensure_ascii=False)


def test_files_hold_the_domain_s_good_segments_line_parallel(tmp_path: Path) -> None:
    jsonl = tmp_path / "en-ko.jsonl"
    jsonl.write_text(
        "\n".join(
            [
                _row("news", "a", "Rain fell.\nIt stopped.", "비가 왔다. 그쳤다."),
                _row("news", "a", "<b>x</b>", "엑스", bad=True),
                _row("social", "s", "Hello there.", "안녕하세요."),
                _row("news", "b", "Snow fell.", "눈이 왔다."),
            ]
        ),
        encoding="utf-8",
    )
    assert w.main([str(jsonl), "--out", str(tmp_path / "out")]) == 0
    read = lambda name: (tmp_path / "out" / name).read_text(encoding="utf-8").splitlines()
    assert read("para.en") == ["Rain fell. It stopped.", "Snow fell."]
    assert read("para.ko") == ["비가 왔다. 그쳤다.", "눈이 왔다."]
    assert read("para.docs") == ["a", "b"]
    assert read("sent.en") == ["Rain fell.", "It stopped.", "Snow fell."]
    assert read("sent.docs") == ["a", "a", "b"]


def test_a_file_that_is_not_json_lines_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        w.main([str(bad), "--out", str(tmp_path / "out")])
    assert exit_.value.code == 2
    assert "cannot read" in capsys.readouterr().err
