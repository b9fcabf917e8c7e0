"""The key hints line at the bottom: the keys in force, drawn from the bindings, clickable."""

from __future__ import annotations

from textual.binding import Binding
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.key_hints import KeyHints


def hints_line(app: ReaderApp) -> str:
    return app.screen.query_one(KeyHints).render_line(0).text


def shown_bindings(app: ReaderApp) -> list[Binding]:
    return [active.binding for active in app.screen.active_bindings.values() if active.binding.show]


def test_the_library_shows_its_keys_and_the_palette_key_at_the_right(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        line = hints_line(app)
        assert len(line) == 160
        assert line.startswith(" ⏎ Open  / Search  o Sort  f Filter  s Star  a Add  q Quit  ? Help ")
        assert line.endswith("▏^p palette ")
        for binding in shown_bindings(app):  # every key the bindings mark as shown, named as they name it
            assert f" {app.get_key_display(binding)} {binding.description} " in line
        assert "Read/unread" not in line and " c " not in line  # show=False keys stay in the help only

    drive(library, scenario)


def test_the_hints_follow_the_screen_and_the_focus(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        line = hints_line(app)
        assert " Open " not in line and " Search " not in line
        for binding in shown_bindings(app):
            assert f" {app.get_key_display(binding)} {binding.description} " in line
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert hints_line(app).startswith(" ⏎ Open  / Search ")

    drive(library, scenario)


def test_clicking_a_key_presses_it(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        line = hints_line(app)
        screen = app.screen
        assert isinstance(screen, LibraryScreen) and screen.view.sort == "date"
        hints = screen.query_one(KeyHints)
        await pilot.hover(KeyHints, offset=(line.index("Sort"), 0))
        assert hints.tooltip == "Order by date, source, title or number of notes, in turn"  # as in the help
        await pilot.click(KeyHints, offset=(line.index("Sort"), 0))
        await pilot.pause()
        assert screen.view.sort == "source"
        await pilot.click(KeyHints, offset=(line.index(" f Filter") + 1, 0))
        await pilot.pause()
        assert app.screen is not screen  # the filter dialog is up
        await pilot.press("escape")
        await pilot.pause()
        before = screen.view.sort
        await pilot.click(KeyHints, offset=(120, 0))  # the blank stretch between the keys and the palette key
        await pilot.pause()
        assert app.screen is screen and screen.view.sort == before

    drive(library, scenario)


def test_a_narrow_screen_keeps_help_and_the_palette_key_and_drops_keys_from_the_right(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        line = hints_line(app)
        assert len(line) == 40
        assert line.endswith("▏^p ")  # the palette key without its label
        assert line.startswith(" ⏎ Open  / Search ") and " ? Help " in line  # help lists the dropped keys
        hints = app.screen.query_one(KeyHints)
        assert hints.key_at(line.index("▏") + 1) == ("ctrl+p", "Open the command palette")
        assert hints.key_at(line.index("? Help") + 1) == ("question_mark", "List every key binding")
        assert all(end <= line.index("▏") for start, end, *_ in hints._spots[:-1])

    drive(library, scenario, size=(40, 20))


def test_at_90_columns_every_screen_shows_help(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert " ? Help " in hints_line(app) and hints_line(app).endswith("▏^p palette ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert " ? Help " in hints_line(app), hints_line(app)
        await pilot.press("q", "ctrl+n", "down")  # the notes screen, its list focused (? types in the filter)
        await pilot.pause()
        assert " ? Help " in hints_line(app), hints_line(app)

    drive(library, scenario, size=(90, 40))


def test_the_library_is_the_only_screen_under_the_first_frame(library, drive) -> None:
    """No blank default screen under the library: start-up builds and draws one screen."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert len(app.screen_stack) == 1 and isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [LibraryScreen, ReadingScreen]

    drive(library, scenario)
