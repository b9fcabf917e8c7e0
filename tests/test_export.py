"""`reader export`: TMX 1.4 and TSV that translation tools can read, from any article text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from builders import one_to_one
from reader.cli import main
from reader.store import Store

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def make(location, ko, en) -> int:
    article, analysis = one_to_one(ko, en)
    with Store.open(location) as store:
        return store.insert_article(article, analysis.sentences, analysis.segments)


def test_tmx_has_one_unit_per_link_with_both_languages(location, tmp_path, capsys) -> None:
    article_id = make(
        location,
        ["북한군 1만1000명.", "쿠르스크에 배치.", "추가 문장."],
        ["About 11,000 troops.", "Deployed to Kursk."],
    )
    out = tmp_path / "a.tmx"
    assert main(["--db", str(location), "export", str(article_id), "--format", "tmx", "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header.get("srclang") == "ko" and header.get("segtype") == "sentence"
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-title-ko"] == "북한군 1만1000명."
    units = root.findall("body/tu")
    assert len(units) == 3
    first = {tuv.get(XML_LANG): tuv.find("seg").text for tuv in units[0].findall("tuv")}
    assert first == {"ko": "북한군 1만1000명.", "en": "About 11,000 troops."}
    last = {tuv.get(XML_LANG) for tuv in units[2].findall("tuv")}
    assert last == {"ko"}  # the 1-0 link has no English side
    assert {p.get("type"): p.text for p in units[2].findall("prop")}["x-link"] == "1-0"


def test_tmx_stays_well_formed_with_hostile_text(location, capsys) -> None:
    article_id = make(location, ["<b>&amp;</b> \x1b[31m빨강\x00."], ["]]> [bold]x[/bold] \x07."])
    assert main(["--db", str(location), "export", str(article_id)]) == 0
    root = ET.fromstring(capsys.readouterr().out)
    segs = [s.text for s in root.iter("seg")]
    assert segs[0].startswith("<b>&amp;</b> \ufffd[31m빨강")
    assert segs[1].startswith("]]> [bold]x[/bold]")


def test_tsv_has_header_and_one_line_per_segment(location, capsys) -> None:
    article_id = make(location, ["가\t나.", "다."], ["A.", "B\nC."])
    assert main(["--db", str(location), "export", str(article_id), "--format", "tsv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["position", "paragraph", "link", "confidence", "ko", "en"]
    assert [line.split("\t")[4:] for line in lines[1:]] == [["가 나.", "A."], ["다.", "B C."]]


def test_unknown_article_is_an_error(location, capsys) -> None:
    make(location, ["가."], ["A."])
    assert main(["--db", str(location), "export", "42"]) == 1
    assert "no article with id 42" in capsys.readouterr().err
