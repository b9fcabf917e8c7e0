"""Titles made from the text: a headline line, else the first sentence cut short; never shown twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.importers.single import article_from_pasted
from reader.importers.titles import MAX_TITLE, title_and_text
from reader.store import Store

PARAGRAPH = (
    "North Korean troops have been deployed to the Kursk region in large numbers, according to Ukraine's "
    "defence intelligence agency, which said on Friday that it had intercepted their radio traffic and "
    "released recordings. Officials in Seoul said they were checking the claim. More details are expected."
)


def test_one_pasted_paragraph_gives_its_first_sentence_cut_to_one_line() -> None:
    article = article_from_pasted("", PARAGRAPH)
    assert len(article.title_en) <= MAX_TITLE and article.title_en.endswith("…")
    assert article.title_en.startswith("North Korean troops have been deployed to the Kursk region")
    assert " " not in article.title_en[-2:]  # cut at a word, not inside one
    assert article.en == PARAGRAPH  # nothing of the text is dropped
    short = "정부는 국가안보회의를 열었다. 외교부 장관이 참석했다. 회의는 두 시간 동안 이어졌다."
    assert article_from_pasted(short, "").title_ko == "정부는 국가안보회의를 열었다."


@pytest.mark.parametrize(
    "text, title, rest",
    [
        ("북한군 파병\n\n국방부는 밝혔다.", "북한군 파병", "국방부는 밝혔다."),
        ('국정원 "북한군 일부 전투 투입"\n국가정보원은 국회 정보위원회에 현황을 보고했다고 밝혔다.',
         '국정원 "북한군 일부 전투 투입"', "국가정보원은 국회 정보위원회에 현황을 보고했다고 밝혔다."),
        # a first sentence with its full stop is the article's first row, not a headline
        ("The talks ended.\n\nBoth sides spoke.", "The talks ended.", "The talks ended.\n\nBoth sides spoke."),
        # lines wrapped at a width: the first line is part of a sentence, not a headline
        ("The ministry said on Friday that troops\nhad been deployed to the region in large\nnumbers.",
         "The ministry said on Friday that troops had been deployed to the region in large numbers.",
         "The ministry said on Friday that troops\nhad been deployed to the region in large\nnumbers."),
    ],
)  # fmt: skip
def test_a_headline_is_the_title_and_the_text_goes_on_after_it(text: str, title: str, rest: str) -> None:
    assert title_and_text(text) == (title, rest)


def test_a_given_title_drops_the_first_line_only_when_it_is_that_title() -> None:
    assert title_and_text("Seoul talks\n\nThe talks ended.", "Seoul talks") == (
        "Seoul talks",
        "The talks ended.",
    )
    assert title_and_text("Seoul talks\n\nThe talks ended.", "Other") == (
        "Other",
        "Seoul talks\n\nThe talks ended.",
    )


def test_reader_add_shows_the_headline_once(tmp_path: Path, capsys) -> None:
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text(
        "북한군 파병\n\n국방부는 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다.", encoding="utf-8"
    )
    en.write_text(
        "Troops sent\n\nThe ministry said 11,000 North Korean troops were in Kursk.", encoding="utf-8"
    )
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "add", "--ko", str(ko), "--en", str(en)]) == 0
    with Store.open(db) as store:
        article = store.get_article(int(capsys.readouterr().out))
    assert (article.title_ko, article.title_en) == ("북한군 파병", "Troops sent")
    assert [s.en for s in article.segments] == ["The ministry said 11,000 North Korean troops were in Kursk."]
