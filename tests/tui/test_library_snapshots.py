"""Snapshots of the library with its notes column, stars and read state, and of the search screen."""

from __future__ import annotations

from reader.store import library as lib
from reader.store.notes import add_note
from reader.tui.app import ReaderApp
from reader.tui.screens.search import SearchScreen

WIDE = (160, 48)


def test_library_with_notes_stars_and_read_state(library, snap_compare) -> None:
    articles = library.list_articles()
    add_note(library.conn, articles[0].id, "ko", 0, 5, "first #kursk")
    add_note(library.conn, articles[0].id, "en", 0, 7, "second")
    add_note(library.conn, articles[2].id, "en", 0, 3, "markets")
    lib.set_starred(library.conn, articles[1].id, True)
    lib.mark_read(library.conn, articles[2].id, when="2024-12-01T00:00:00+00:00")
    assert snap_compare(ReaderApp(library), terminal_size=WIDE)


def test_search_results(library, snap_compare) -> None:
    async def search(pilot) -> None:
        await pilot.press("slash", *"북한군", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen) and pilot.app.screen.hits

    assert snap_compare(ReaderApp(library), run_before=search, terminal_size=WIDE)
