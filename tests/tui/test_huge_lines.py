"""A 100,000-character line with escape sequences in it imports, opens and stays inert on screen."""

from __future__ import annotations

import asyncio
import json

from reader.cli import main
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.widgets.parallel_view import ParallelView


def test_a_hundred_thousand_character_line_imports_and_reads(tmp_path) -> None:
    db = tmp_path / "library.db"
    ko = ("북한군 쿠르스크 배치 \x1b]52;c;SGVsbG8=\x07 " * 4000)[:100_000]  # one line, no sentence end
    en = ("North Korean troops in Kursk \x1b[2J " * 3000)[:100_000]
    doc = tmp_path / "huge.json"
    doc.write_text(json.dumps({"ko": ko, "en": en, "title_ko": "긴 줄", "title_en": "A long line"}))
    assert main(["--db", str(db), "add", str(doc)]) == 0
    with Store.open(db) as store:
        article = store.get_article(store.list_articles()[0].id)
        assert article.ko_text == ko.strip() and article.en_text == en.strip()  # stored as given
        asyncio.run(read(ReaderApp(store)))


async def read(app: ReaderApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ParallelView)
        first = view.visible_text()
        assert any("North Korean troops in Kursk ␛[2J" in line for line in first)
        korean_row = next(s.position for s in app.screen.article.segments if s.ko)
        await pilot.press(*["j"] * korean_row)  # the aligner may put an English piece first, on its own
        await pilot.pause()
        shown = view.visible_text()
        assert any("북한군 쿠르스크 배치" in line for line in shown)
        assert not any("\x1b" in line or "\x07" in line for line in first + shown)
        assert any("␛]52;c;SGVsbG8=␇" in line for line in shown)
        await pilot.press("G", "g", "space", "b")  # paging through ~2,000 wrapped lines keeps working
        await pilot.pause()
        assert all(len(line) <= 120 for line in view.visible_text())
