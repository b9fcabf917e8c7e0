"""`reader notes list|export`: notes leave the library in forms people and other tools can read."""

from __future__ import annotations

import json

import pytest

from builders import one_to_one
from reader.cli import main
from reader.store import Store
from reader.store.notes import add_note


@pytest.fixture
def noted(location):
    article, analysis = one_to_one(
        ["북한군 1만1000명이 쿠르스크에 배치됐다.", "미 국방부는 확인하지 못했다."],
        ["About 11,000 North Korean troops are in Kursk.", "The Pentagon could not confirm it."],
    )
    with Store.open(location) as store:
        article_id = store.insert_article(article, analysis.sentences, analysis.segments)
        got = store.get_article(article_id)
        k = got.ko_text.index("쿠르스크")
        span = add_note(store.conn, article_id, "ko", k, k + 4, "Kursk oblast, not the city #geo")
        seg = got.segments[1]
        whole = add_note(
            store.conn,
            article_id,
            "en",
            seg.en_start,
            seg.en_end,
            "Who at the Pentagon? #sources",
            target="segment",
        )
    return article_id, span, whole


def test_w3c_export_structure(location, noted, capsys) -> None:
    _, span, _ = noted
    assert main(["--db", str(location), "notes", "export", "--format", "w3c"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    items = doc["first"]["items"]
    assert doc["first"]["type"] == "AnnotationPage" and len(items) == 2
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:reader:note:")
        kinds = {s["type"]: s for s in item["target"]["selector"]}
        assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
        assert {"exact", "prefix", "suffix"} <= set(kinds["TextQuoteSelector"])
        assert kinds["TextPositionSelector"]["end"] > kinds["TextPositionSelector"]["start"]
        assert any(b["purpose"] == "commenting" for b in item["body"])
    by_id = {i["id"]: i for i in items}
    geo = by_id[f"urn:reader:note:{span.id}"]
    assert geo["target"]["selector"][0]["exact"] == "쿠르스크"
    assert {"type": "TextualBody", "value": "geo", "purpose": "tagging"} in geo["body"]
    assert geo["target"]["source"].endswith("#lang=ko")


def test_markdown_has_both_languages_under_each_note(location, noted, tmp_path, capsys) -> None:
    out = tmp_path / "notes.md"
    assert main(["--db", str(location), "notes", "export", "--format", "md", "-o", str(out)]) == 0
    md = out.read_text(encoding="utf-8")
    kursk = md.index("Kursk oblast, not the city")
    block = md[md.rindex("### Note", 0, kursk) : kursk]
    assert "> 북한군 1만1000명이 쿠르스크에 배치됐다." in block
    assert "> About 11,000 North Korean troops are in Kursk." in block
    assert "On “쿠르스크”" in block
    assert "Tags: #sources" in md and "> 미 국방부는 확인하지 못했다." in md


def test_list_filters_by_tag_and_article(location, noted, capsys) -> None:
    article_id, _, whole = noted
    assert main(["--db", str(location), "notes", "list", "--tag", "sources", "--json"]) == 0
    assert [n["id"] for n in json.loads(capsys.readouterr().out)] == [whole.id]
    # an article that is not in the library is a mistake to be told, not an empty list
    assert main(["--db", str(location), "notes", "list", "--article", str(article_id + 1), "--json"]) == 1
    assert "no article with id" in capsys.readouterr().err
    assert main(["--db", str(location), "notes", "list"]) == 0
    listing = capsys.readouterr().out
    assert "“쿠르스크”" in listing and "#geo" in listing


def test_export_with_no_notes_says_so_and_writes_nothing(location, tmp_path, capsys) -> None:
    target = tmp_path / "notes.md"
    assert main(["--db", str(location), "notes", "export", "--format", "md", "-o", str(target)]) == 0
    assert capsys.readouterr().err == "reader: no notes to export; nothing written\n" and not target.exists()
    assert main(["--db", str(location), "notes", "export", "--format", "w3c", "--tag", "legal"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == "reader: no notes tagged legal to export; nothing written\n"


def test_export_into_a_missing_folder_is_refused_even_with_no_notes(location, tmp_path, capsys) -> None:
    target = tmp_path / "no" / "notes.md"
    assert main(["--db", str(location), "notes", "export", "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"reader: folder {target.parent} does not exist\n"


def test_an_unknown_article_is_said_not_taken_for_no_notes(tmp_path, capsys) -> None:
    from reader.cli import main

    db = tmp_path / "library.db"
    assert main(["--db", str(db), "notes", "export", "--format", "md", "--article", "999"]) == 1
    assert "no article with id 999" in capsys.readouterr().err
    assert main(["--db", str(db), "notes", "list", "--article", "999"]) == 1


def test_notes_list_cuts_a_long_quote_and_note_with_an_ellipsis(location, noted, capsys) -> None:
    article_id, _, _ = noted
    with Store.open(location) as store:
        text = store.get_article(article_id).en_text
        add_note(store.conn, article_id, "en", 0, len(text), "word " * 40 + "end of the note")
    assert main(["--db", str(location), "notes", "list", "--article", str(article_id)]) == 0
    listing = capsys.readouterr().out
    assert "“About 11,000 North Korean … could not confirm it.”" in listing  # cut between words
    assert "#sources  #sources" not in listing  # a tag the note's text shows is not repeated beside it
    assert " … " in listing and "end of the note" in listing


def test_notes_list_shows_a_tag_the_cut_note_no_longer_shows(location, noted, capsys) -> None:
    """A #tag at the end of a long note is cut off with it: the listing gives it after the note."""
    article_id, _, _ = noted
    with Store.open(location) as store:
        add_note(store.conn, article_id, "en", 0, 5, "word " * 40 + "#treatyputin")
        add_note(store.conn, article_id, "en", 0, 5, "short #seen here")
    assert main(["--db", str(location), "notes", "list", "--article", str(article_id)]) == 0
    lines = capsys.readouterr().out.splitlines()
    cut = next(line for line in lines if line.strip().startswith("word word"))
    assert cut.endswith("#treatyputin") and "…" in cut
    short = next(line for line in lines if "short #seen here" in line)
    assert short.count("#seen") == 1  # shown in the note itself: not again
