"""`reader add` with files of every kind, JSON (Lines) with many articles, and whole folders.

A batch imports what it can: each article is its own transaction, duplicates (same content hash) are
skipped, failures are listed with their reason, and a progress bar shows on stderr.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from reader.cli import main
from reader.importers.batch import items_from_path, run_batch_with_progress
from reader.store import Store
from reader.text.language import detect_language

KO = "북한군 파병\n\n국방부는 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다. 추가 파병도 배제할 수 없다."
EN = "Troops sent\n\nThe ministry said 11,000 North Korean troops were in Kursk. More may follow."
#: What is stored of each: the headline is the title, not also the first row.
KO_BODY, EN_BODY = KO.split("\n\n", 1)[1], EN.split("\n\n", 1)[1]


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def articles(db: Path) -> list:
    with Store.open(db) as store:
        return [store.get_article(a.id) for a in sorted(store.list_articles(), key=lambda a: a.id)]


@pytest.mark.parametrize(
    "name, data, side",
    [
        ("ko.txt", KO.encode("cp949"), "ko"),
        ("ko.md", KO.encode("euc-kr"), "ko"),
        ("ko16.txt", KO.encode("utf-16"), "ko"),
        ("en.md", EN.encode("utf-8-sig"), "en"),
        ("en16.txt", EN.encode("utf-16"), "en"),
    ],
)
def test_one_text_file_lands_on_its_language_side(location, tmp_path, capsys, name, data, side) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, _out, err = run(location, "add", str(path), capsys=capsys)
    assert code == 0, err
    (article,) = articles(location)
    text, other = (article.ko_text, article.en_text) if side == "ko" else (article.en_text, article.ko_text)
    assert text == (KO_BODY if side == "ko" else EN_BODY) and other == ""
    assert (article.title_ko or article.title_en) == (KO if side == "ko" else EN).split("\n")[0]


def test_language_detection_tolerates_the_other_script() -> None:
    assert (
        detect_language("미국 국무부(State Department)는 F-16 전투기와 AIM-120 미사일 판매를 승인했다.")
        == "ko"
    )
    assert (
        detect_language("The word 한류 (Korean wave) entered the Oxford English Dictionary in 2021.") == "en"
    )
    assert detect_language("東京都庁で記者会見が開かれた。") is None
    assert detect_language("2024-11-26 12:00") is None


def test_json_array_and_lines_add_many(location, tmp_path, capsys) -> None:
    many = tmp_path / "many.json"
    many.write_text(
        json.dumps(
            [
                {"ko": KO, "en": EN, "source": "A"},
                {"en": "Only English. Second sentence.", "published": "2024-01-02"},
            ],
            ensure_ascii=False,
        )
    )
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        "\n".join(
            [
                json.dumps({"ko": "첫째 기사다. 문장이 둘이다."}, ensure_ascii=False),
                "",
                '{"ko": "깨진 줄',
                json.dumps({"ko": KO, "en": EN}, ensure_ascii=False),  # the same as the array's first
                json.dumps({"ko": "날짜가 틀렸다.", "published": "2024-02-30"}, ensure_ascii=False),
                json.dumps({"en": "Last one here."}),
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run(location, "add", str(many), str(lines), capsys=capsys)
    assert code == 1  # something failed, and says so
    ids = [int(x) for x in out.split()]
    assert len(ids) == 4
    assert "added 4 (1 Korean only, 2 English only), skipped 1 already in the library, failed 2" in err
    assert f"already in the library (id {ids[0]}): {lines}:4" in err
    assert f"failed: {lines}:3: malformed JSON" in err
    assert f"failed: {lines}:5: date '2024-02-30'" in err
    stored = articles(location)
    assert [a.id for a in stored] == ids
    assert stored[0].source == "A" and stored[1].published == "2024-01-02"
    assert stored[3].en_text == "Last one here."


def make_folder(root: Path) -> Path:
    folder = root / "inbox"
    (folder / "2024" / "11").mkdir(parents=True)
    (folder / "a-ko.txt").write_bytes(KO.encode("cp949"))
    (folder / "b-en.md").write_text(EN)
    (folder / "2024" / "c.json").write_text(json.dumps({"ko": KO, "en": EN}, ensure_ascii=False))
    (folder / "2024" / "11" / "d.jsonl").write_text(json.dumps({"en": "From lines. Yes."}) + "\n")
    (folder / "2024" / "11" / "e.html").write_text(
        "<html><head><title>Seoul weather</title></head><body><article><p>Rain is expected across Seoul "
        "on Tuesday, with snow in the mountains.</p><p>Temperatures will fall below zero overnight.</p>"
        "</article></body></html>"
    )
    (folder / "broken.json").write_text("{nope")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.md").write_text("   \n")
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not an article file: ignored
    (folder / ".hidden.txt").write_text("Never imported. Hidden.")
    return folder


def test_folder_imports_what_it_can_and_reports_the_rest(location, tmp_path, capsys) -> None:
    folder = make_folder(tmp_path)
    seed = tmp_path / "seed.md"
    seed.write_text(EN)
    assert run(location, "add", str(seed), capsys=capsys)[0] == 0  # b-en.md will be a duplicate
    code, out, err = run(location, "add", str(folder), capsys=capsys)
    assert code == 1
    assert "added 4 (1 Korean only, 2 English only), skipped 1 already in the library, failed 3" in err
    for bad, reason in (
        ("broken.json", "malformed JSON"),
        ("blob.txt", "looks like a binary file"),
        ("empty.md", "no text to import (empty)"),
    ):
        assert f"failed: {folder / bad}: {reason}" in err
    assert f"already in the library (id 1): {folder / 'b-en.md'}" in err
    texts = [(a.ko_text, a.en_text) for a in articles(location)]
    assert (KO_BODY, "") in texts and (KO_BODY, EN_BODY) in texts and ("", "From lines. Yes.") in texts
    assert any(en.startswith("Rain is expected") for _, en in texts)
    assert not any("Hidden" in en for _, en in texts)
    # run again: everything already there, nothing added, nothing undone
    code, out, err = run(location, "add", str(folder), capsys=capsys)
    assert "added 0, skipped 5 already in the library, failed 3" in err and out == ""
    assert len(articles(location)) == 5


def test_one_article_that_breaks_the_analysis_does_not_stop_the_batch(
    location, tmp_path, capsys, monkeypatch
) -> None:
    import reader.analysis

    real = reader.analysis.analyse

    def fragile(ko: str, en: str, glossary=None, **kw):
        if "poison" in en:
            raise RuntimeError("analysis blew up")
        return real(ko, en, glossary, **kw)

    monkeypatch.setattr(reader.analysis, "analyse", fragile)
    folder = tmp_path / "f"
    folder.mkdir()
    for name, text in (
        ("1.txt", "First article. Fine."),
        ("2.txt", "A poison article."),
        ("3.txt", "Third. Fine."),
    ):
        (folder / name).write_text(text)
    code, _out, err = run(location, "add", str(folder), capsys=capsys)
    assert code == 1 and "added 2 (2 English only), skipped 0 already in the library, failed 1" in err
    assert "2.txt: unexpected error: RuntimeError: analysis blew up" in err
    assert [a.en_text for a in articles(location)] == ["First article. Fine.", "Third. Fine."]


def test_progress_bar_counts_the_articles(tmp_path, location) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Article number {n}. It has two sentences.")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100, color_system=None)
    with Store.open(location) as store:
        report = run_batch_with_progress(store, items_from_path(folder), console)
    assert report.summary() == "added 3 (3 English only), skipped 0 already in the library, failed 0"
    drawn = screen.getvalue()
    assert "Importing" in drawn and "3/3" in drawn and "━" in drawn


def test_empty_folder_is_one_line(location, tmp_path, capsys) -> None:
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "notes.pdf").write_bytes(b"%PDF")
    code, _out, err = run(location, "add", str(tmp_path / "nothing"), capsys=capsys)
    assert code == 1 and "a folder with no article files" in err and err.count("\n") == 1


def test_json_list_of_non_objects_is_one_line(location, tmp_path, capsys) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]")
    code, _out, err = run(location, "add", str(path), capsys=capsys)
    assert code == 1 and "expected a JSON object" in err and err.count("\n") == 1


PAGE = """<html><head><title>부산 폭우</title>{meta}</head><body><nav>홈 | 뉴스</nav><article>
<h1>부산 해운대 폭우로 1만2000명 대피</h1>
<p>부산시는 26일 해운대구 주민 1만2000명에게 대피를 권고했다고 밝혔다. 기상청은 이날 오후 부산 전역에 호우 경보를 내렸다.</p>
<p>시장은 현장을 찾아 주민들의 안전을 당부했다. 시는 임시 대피소 열두 곳을 열었다고 전했다.</p>
</article><footer>Copyright 2025 QA News</footer></body></html>"""


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ("", None),
        ('<meta property="article:published_time" content="2024-07-26T09:00:00+09:00">', "2024-07-26"),
    ],
)
def test_a_page_is_dated_only_by_the_date_it_declares(tmp_path, meta, published) -> None:
    """No date made up from a year in the text (the copyright line's 2025, the 2000 of 1만2000명)."""
    from reader.importers.html import page_from_html

    page = page_from_html(PAGE.format(meta=meta), "page.html")
    assert page.lang == "ko" and "1만2000명" in page.text
    assert page.published == published
