"""Keys typed faster than screens open: what follows `/` in the library lands in the search box, in order,
and what follows `/` in an article lands in its find bar.

A terminal delivers keys typed quickly (or a syllable an input method commits at once) back to back; the
app must not handle the second before the first has opened the search screen.
"""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.search import SearchScreen
from reader.tui.widgets.find_bar import FindBar
from reader.tui.widgets.parallel_view import ParallelView


async def type_at_once(app: ReaderApp, pilot: Pilot, *keys: tuple[str, str]) -> None:
    """Post keys the way the terminal driver does when they arrive together: no waiting in between."""
    for key, character in keys:
        app.post_message(events.Key(key, character))
    for _ in range(20):  # a bounded wait for the screen to settle, not a sleep
        await pilot.pause()


def test_a_syllable_typed_right_after_slash_goes_into_the_search_box(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await type_at_once(app, pilot, ("slash", "/"), ("북", "북"), ("한", "한"))
        assert isinstance(app.screen, SearchScreen)
        box = app.screen.query_one(Input)
        assert app.focused is box
        assert box.value == "북한"

    drive(library, scenario)


def test_latin_letters_typed_right_after_slash_are_kept_too(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await type_at_once(app, pilot, ("slash", "/"), ("k", "k"), ("u", "u"), ("r", "r"))
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "kur"

    drive(library, scenario)


def test_q_typed_right_after_slash_is_a_letter_not_quit(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await type_at_once(app, pilot, ("slash", "/"), ("q", "q"))
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "q"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)

    drive(library, scenario)


async def open_first_article(app: ReaderApp, pilot: Pilot) -> ReadingScreen:
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ReadingScreen)
    return app.screen


def test_a_syllable_typed_right_after_slash_in_an_article_goes_into_the_find_bar(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        screen = await open_first_article(app, pilot)
        # 북 would otherwise be q (back to the library) and 한 g, k, s: the reader would land elsewhere.
        await type_at_once(app, pilot, ("slash", "/"), ("북", "북"), ("한", "한"))
        assert app.screen is screen
        bar = screen.query_one(FindBar)
        assert app.focused is bar
        assert bar.value == "북한"
        assert screen.query_one(ParallelView).search_rows  # the article's rows with 북한 are highlighted

    drive(library, scenario)


def test_letters_and_a_slash_typed_right_after_slash_in_an_article_are_text(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        screen = await open_first_article(app, pilot)
        await type_at_once(app, pilot, ("slash", "/"), ("q", "q"), ("j", "j"), ("slash", "/"), ("k", "k"))
        assert app.screen is screen
        assert screen.query_one(FindBar).value == "qj/k"
        assert screen.query_one(ParallelView).cursor == 0  # j did not move the cursor
        await pilot.press("escape", "j")  # the bar closed: letters are commands again
        assert screen.query_one(ParallelView).cursor == 1

    drive(library, scenario)
