"""An article from a file whose lines are wrapped at 72 columns reads as whole, re-flowed sentences."""

from __future__ import annotations

import asyncio
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style

from reader.cli import main
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.widgets.parallel_view import ParallelView

KO = """국가정보원은 26일 국회 정보위원회에 북한군 1만1000명이 러시아
    쿠르스크 지역에 배치됐다고 보고했다. 이 가운데 일부는 이미 전투에
    투입된 것으로 알려졌다.

국정원은 북한이 병력 외에도 170㎜ 자주포와 240㎜ 방사포를 러시아에
넘긴 것으로 보고 있다."""

EN = """South Korea's National Intelligence Service told the National Assembly's
intelligence committee on the 26th that 11,000 North Korean troops had
been deployed to Russia's Kursk region. Some of them are said to have
already gone into combat.

The NIS believes the North has also handed Russia 170mm self-propelled
guns and 240mm multiple rocket launchers besides the troops."""


def test_a_wrapped_file_reads_as_flowing_sentences(tmp_path) -> None:
    db = tmp_path / "library.db"
    doc = tmp_path / "wrapped.json"
    doc.write_text(json.dumps({"ko": KO, "en": EN, "title_ko": "파병", "title_en": "Deployment"}))
    assert main(["--db", str(db), "add", str(doc)]) == 0
    with Store.open(db) as store:
        article = store.get_article(store.list_articles()[0].id)
        assert article.en_text == EN  # stored as given, line breaks and all
        # One row a sentence: the wrapping made no sentence of "been deployed to Russia's Kursk region."
        assert [s.link for s in article.segments] == ["1-1", "1-1", "1-1"]
        asyncio.run(read(ReaderApp(store)))


async def read(app: ReaderApp) -> None:
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(app.screen.query_one(ParallelView).visible_text())
        # Wrapped anew to the column: the file's line ends no longer break the lines on screen.
        assert "북한군 1만1000명이 러시아 쿠르스크" in shown  # the next line's indent is gone too
        assert "North Korean troops had been" in shown
        assert "170mm self-propelled guns" in shown


BLANKS = st.text(alphabet=" \t\n\u3000", max_size=6)
WORDS = st.lists(st.sampled_from(["북한군", "troops", "1만1000명", "\x1b[2J", "Kursk."]), max_size=12)


@settings(max_examples=150, deadline=None)
@given(before=WORDS, gaps=st.lists(BLANKS, min_size=13, max_size=13), after=WORDS, width=st.integers(4, 60))
def test_a_highlight_lands_on_its_word_however_the_lines_around_it_are_broken(
    before: list[str], gaps: list[str], after: list[str], width: int
) -> None:
    """Entity marks, notes and find hits are spans of the stored text; once line breaks are re-flowed
    and control characters made visible, each must still cover exactly its word on screen."""
    words = [*before, "쿠르스크", *after]
    text = "x" + "".join(w + gaps[i % len(gaps)] + " " for i, w in enumerate(words)) + "y"
    start = text.index("쿠르스크")
    bold = Style(bold=True)
    lines = ParallelView._wrap(
        text, width, Console(width=200, file=io.StringIO()), [(start, start + 4, bold)]
    )
    marked = "".join(
        line.plain[span.start : span.end] for line in lines for span in line.spans if span.style == bold
    )
    assert marked == "쿠르스크"
