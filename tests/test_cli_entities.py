"""`reader entities`, `reader link`, `reader check`, and the entity layer stored at import."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.store import Store

KO = "북한군 1만1000명이 러시아 쿠르스크에 배치됐다.\n스톰섀도 미사일 공격으로 500명이 숨졌다."
EN = "About 11,000 North Korean troops were deployed to Kursk, Russia.\nA Storm Shadow strike killed 50 soldiers."


@pytest.fixture
def files(tmp_path):
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text(KO)
    en.write_text(EN)
    return ko, en


def test_entities_json_offsets_are_per_line(location, files, capsys) -> None:
    ko, _ = files
    assert main(["--db", str(location), "entities", str(ko), "--lang", "ko", "--one-per-line", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    lines = KO.split("\n")
    for m in found:
        assert lines[m["line"]][m["start"] : m["end"]] == m["text"]
    texts = {(m["text"], m["type"]) for m in found}
    assert ("1만1000명", "QUANTITY") in texts and ("스톰섀도", "EQUIPMENT") in texts
    assert any("쿠르스크" in t and kind == "PLACE" for t, kind in texts)


def test_entities_whole_text_offsets(location, files, capsys) -> None:
    _, en = files
    assert main(["--db", str(location), "entities", str(en), "--lang", "en", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert all(m["line"] == 0 and EN[m["start"] : m["end"]] == m["text"] for m in found)
    assert any(m["text"] == "Storm Shadow" for m in found)


def test_link_pairs_names_and_numbers(location, files, capsys) -> None:
    ko, en = files
    assert main(["--db", str(location), "link", str(ko), str(en), "--one-per-line", "--json"]) == 0
    links = json.loads(capsys.readouterr().out)
    pairs = {(link["ko"]["text"], link["en"]["text"], link["how"]) for link in links}
    assert ("1만1000명", "11,000", "number") in pairs
    assert ("쿠르스크", "Kursk", "glossary") in pairs
    assert ("스톰섀도", "Storm Shadow", "glossary") in pairs
    ko_lines, en_lines = KO.split("\n"), EN.split("\n")
    for link in links:
        assert ko_lines[link["line"]][link["ko"]["start"] : link["ko"]["end"]] == link["ko"]["text"]
        assert en_lines[link["line"]][link["en"]["start"] : link["en"]["end"]] == link["en"]["text"]


def test_import_stores_mentions_links_and_the_check(location, files, capsys) -> None:
    ko, en = files
    assert main(["--db", str(location), "add", "--ko", str(ko), "--en", str(en)]) == 0
    article_id = int(capsys.readouterr().out)
    with Store.open(location) as store:
        article = store.get_article(article_id)
    by_id = {m.id: m for m in article.mentions}
    text = {"ko": article.ko_text, "en": article.en_text}
    linked = {
        (
            text[m.side][m.start : m.end],
            text[by_id[m.partner].side][by_id[m.partner].start : by_id[m.partner].end],
        )
        for m in article.mentions
        if m.partner and m.side == "ko"
    }
    assert ("스톰섀도", "Storm Shadow") in linked and ("1만1000명", "11,000") in linked
    assert all(by_id[by_id[m.partner].partner] == m for m in article.mentions if m.partner)
    flagged = [s for s in article.segments if s.issues]
    assert len(flagged) == 1 and "500" in " ".join(flagged[0].issues)

    assert main(["--db", str(location), "check", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["position"] for r in rows} == {flagged[0].position}
    assert all(r["article"] == article_id and "500명" in r["ko"] and "50 soldiers" in r["en"] for r in rows)


def test_check_unknown_article(location, capsys) -> None:
    assert main(["--db", str(location), "check", "7"]) == 1
    assert "no article with id 7" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["entities", "{ko}", "--lang", "en"], ["link", "{en}", "{ko}"], ["align", "{en}", "{ko}"]],
)
def test_a_file_in_the_other_language_is_refused_in_one_line(location, files, capsys, command) -> None:
    ko, en = files
    args = [a.format(ko=ko, en=en) for a in command]
    assert main(["--db", str(location), *args]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "this reads as" in err and len(err.strip().splitlines()) == 1
