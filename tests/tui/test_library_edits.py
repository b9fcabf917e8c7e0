"""The library's own corrections: d removes an article (after asking; Ctrl+z brings it back), e edits its
titles, source and date in a dialog."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from reader.store import Store
from reader.store.details import article_details
from reader.store.notes import add_note, list_notes
from reader.tui.app import ReaderApp
from reader.tui.dialogs.article_details import ArticleDetailsDialog
from reader.tui.dialogs.confirm import ConfirmScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable


def titles(app: ReaderApp) -> list[str]:
    table = app.screen.query_one(ArticleTable)
    return [table.row(i).title_en for i in range(table.row_count)]  # type: ignore[union-attr]


def test_d_asks_then_removes_and_ctrl_z_brings_the_article_and_its_notes_back(library: Store, drive) -> None:
    first = library.list_articles()[0]
    add_note(library.conn, first.id, "ko", 0, 5, "keep me")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        before = titles(app)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        dated = f" ({first.published})" if first.published else ""
        expected = f"Remove “{first.title_ko}” / “{first.title_en}”{dated} and its 1 note from the library?"
        assert app.screen.question == expected
        # The question is on screen, not in a box shrunk to nothing.
        question, hint = app.screen.query(Static)
        assert question.region.width >= 40 and "Remove “" in str(question.render())
        assert hint.region.width >= len("y yes · n / Esc no")
        await pilot.press("n")  # no: nothing happens
        assert titles(app) == before
        await pilot.press("d", "y")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert titles(app) == before[1:] and library.get_article(first.id) is None
        assert list_notes(library.conn) == []
        assert "Ctrl+z brings it back" in list(app._notifications)[-1].message
        assert "2 articles" in str(app.screen.query_one("#library-header").render())
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert titles(app) == before
        assert app.screen.query_one(ArticleTable).article_id_at_cursor() == first.id
        assert [n.body for n in list_notes(library.conn)] == ["keep me"]
        await pilot.press("ctrl+z")  # nothing more to bring back
        assert titles(app) == before

    drive(library, scenario)


def test_e_edits_the_details_and_a_bad_date_keeps_the_dialog_open(library: Store, drive) -> None:
    first = library.list_articles()[0]

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ArticleDetailsDialog)
        assert dialog.query_one("#details-title_en", Input).value == first.title_en
        dialog.query_one("#details-source", Input).value = "Yonhap"
        dialog.query_one("#details-published", Input).value = "2024-13-01"
        await pilot.press("ctrl+s")
        assert app.screen is dialog and "date '2024-13-01' is no day of the calendar" in dialog.message
        assert article_details(library.conn, first.id).source == "Test Wire"  # type: ignore[union-attr]
        dialog.query_one("#details-published", Input).value = "2024-11-21"
        await pilot.press("escape")  # changed: asks before dropping it
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        details = article_details(library.conn, first.id)
        assert details is not None and (details.source, details.published) == ("Yonhap", "2024-11-21")
        table = app.screen.query_one(ArticleTable)
        assert table.row(table.cursor_row).source == "Yonhap"  # type: ignore[union-attr]

    drive(library, scenario)


def test_one_source_for_all_is_named_once_and_narrow_screens_show_one_title(library: Store, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        assert "Source" in table.render_line(0).text  # two sources: a column
        first = table.article_id_at_cursor()
        await pilot.press("j", "j", "e")  # the Markets Desk article takes the others' source
        app.screen.query_one("#details-source", Input).value = "Test Wire"
        await pilot.press("ctrl+s")
        await pilot.pause()
        heading = table.render_line(0).text
        assert "Source" not in heading and "한국어 제목" in heading and "English title" in heading
        assert "all from Test Wire" in str(app.screen.query_one("#library-header").render())
        assert (
            "North Korean radio traffic intercepted"
            in table.render_line(1 + table.listing.index_of(first)).text
        )
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        heading = table.render_line(0).text
        assert "Title" in heading and "English title" not in heading
        assert "북한군 무선 교신 감청" in table.render_line(1 + table.listing.index_of(first)).text

    drive(library, scenario)


def test_control_characters_in_titles_show_as_symbols_in_every_box_and_notice(store_at, drive) -> None:
    """The details dialog, the add dialog and the removal notice show an article's ESC as ␛, as the
    reading screen and the table do (a box drew it raw: the terminal acted on it, or showed ^[)."""
    store = store_at(([("한국어 문장.", "An English sentence.")],
                      {"title_ko": "제목 \x1b[31mRED\x1b[0m", "title_en": "Title \x1b[2J", "source": "S\x07"}))  # fmt: skip
    article_id = store.list_articles()[0].id

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        assert "제목 ␛[31mRED␛[0m" in table.render_line(1).text
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ArticleDetailsDialog)
        assert dialog.query_one("#details-title_ko", Input).value == "제목 ␛[31mRED␛[0m"
        assert dialog.query_one("#details-source", Input).value == "S␇"
        dialog.query_one("#details-source", Input).value = "Wire"
        await pilot.press("ctrl+s")  # the boxes left alone keep what is stored, ESC and all
        await pilot.pause()
        details = article_details(store.conn, article_id)
        assert details is not None
        assert (details.title_ko, details.title_en, details.source) == (
            "제목 \x1b[31mRED\x1b[0m",
            "Title \x1b[2J",
            "Wire",
        )
        await pilot.press("a")
        await pilot.pause()
        area = app.screen.query_one("#add-ko", TextArea)
        area.focus()
        await pilot.pause()
        app.post_message(events.Paste("붙여넣은 \x1b[31m글\x1b[0m"))
        await pilot.pause()
        await pilot.pause()
        assert area.text == "붙여넣은 ␛[31m글␛[0m"
        await pilot.press("escape", "y")
        await pilot.pause()
        app.screen.query_one(ArticleTable).focus()
        await pilot.press("d", "y")
        await pilot.pause()
        assert (
            "␛" in list(app._notifications)[-1].message and "\x1b" not in list(app._notifications)[-1].message
        )

    drive(store, scenario)
