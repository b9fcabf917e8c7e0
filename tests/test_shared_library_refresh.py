"""An open window on a shared library (a PostgreSQL server, or one file open in two `reader` processes)
shows what a colleague adds without being reopened: the library's articles, the notes list."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, Static

from builders import one_to_one
from reader.store import Store
from reader.store.notes import add_note
from reader.tui.screens import library as library_screen
from reader.tui.screens import notes as notes_screen


def _article(store: Store, n: int) -> int:
    article, analysis = one_to_one([f"{n}번째 기사다."], [f"Story number {n}."])
    return store.insert_article(article, analysis.sentences, analysis.segments)


def test_a_colleagues_articles_and_notes_appear_in_an_open_window(location, monkeypatch) -> None:
    from reader.tui.app import ReaderApp
    from reader.tui.screens.notes import NotesScreen

    monkeypatch.setattr(library_screen, "CHANGES_POLL", 0.2)
    monkeypatch.setattr(notes_screen, "CHANGES_POLL", 0.2)
    with Store.open(location) as store:
        first = _article(store, 1)
    seen: dict[str, object] = {}

    async def scenario() -> None:
        with Store.open(location) as mine, Store.open(location) as theirs:
            app = ReaderApp(mine)
            async with app.run_test(size=(160, 48)) as pilot:
                await pilot.pause()
                header = app.screen.query_one("#library-header", Static)
                assert "1 article" in str(header.render())
                _article(theirs, 2)
                _article(theirs, 3)
                await pilot.pause(0.8)
                seen["header"] = str(header.render())
                seen["said"] = [str(n.message) for n in app._notifications]
                await pilot.press("ctrl+n")
                await pilot.pause()
                assert isinstance(app.screen, NotesScreen)
                table = app.screen.query_one(DataTable)
                assert table.row_count == 0
                add_note(theirs.conn, first, "en", 0, 5, "a colleague's note", author="Minho")
                await pilot.pause(0.8)
                seen["notes"] = table.row_count

    asyncio.run(scenario())
    assert "3 articles" in str(seen["header"]), seen
    assert "2 new articles in the library." in seen["said"], seen  # type: ignore[operator]
    assert seen["notes"] == 1
