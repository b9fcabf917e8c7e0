"""Driving the TUI with the keys a reader uses: open, move, page, switch article, change layout, get help."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from reader.tui.app import ReaderApp
from reader.tui.bindings import screen_bindings
from reader.tui.dialogs.help import HelpScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.parallel_view import GUTTER, ParallelView
from reader.tui.widgets.status_line import StatusLine


def view_of(app: ReaderApp) -> ParallelView:
    return app.screen.query_one(ParallelView)


def screen_text(view: ParallelView) -> str:
    return "\n".join(view.visible_text())


def test_library_lists_articles_newest_first(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(ArticleTable)
        rows = [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        assert rows[0].startswith("2024-11-20 Test Wire 북한군 무선 교신 감청")
        assert rows[2].startswith("2024-11-15 Markets Desk 환율 1,400원 돌파")
        header = str(app.screen.query_one("#library-header").render())
        assert "library.db" in header and "3 articles" in header

    drive(library, scenario)


def test_enter_opens_the_article_and_q_goes_back(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("j", "enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title_en == "NIS briefs lawmakers"
        assert "정보위원회" in screen_text(view_of(app))
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one(ArticleTable).cursor_row == 1
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, LibraryScreen)

    drive(library, scenario)


def test_click_on_a_row_then_enter_opens_it(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        await pilot.click(ArticleTable, offset=(20, 3))  # header row, then rows 0, 1, 2
        assert table.cursor_row == 2
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title_en == "Won passes 1,400"

    drive(library, scenario)


def test_j_and_k_move_the_current_segment_on_both_sides(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        assert view.cursor == 0
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        await pilot.press("k", "up")
        assert view.cursor == 1
        lines = view.visible_text()
        assert lines[0].rstrip().endswith("2/6")
        # The cursor bar marks the current segment in both columns, on every line of the row.
        top, height = view.row_span(1)
        for line in lines[1 + top : 1 + top + height]:
            assert line.startswith("▌") and "│▌" in line
        assert not any(line.startswith("▌") for line in lines[1 + top + height :])

    drive(library, scenario)


def test_korean_layout_keys_act_like_their_latin_keys(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        await pilot.press("ㅓ", "ㅓ")  # j, j
        assert view.cursor == 2
        await pilot.press("ㅏ")  # k
        assert view.cursor == 1
        await pilot.press("ㅣ")  # l: toggle layout
        assert view.shown_layout == "stacked"
        await pilot.press("ㅎ")  # g
        assert view.cursor == 0
        await pilot.press("ㅂ")  # q
        assert isinstance(app.screen, LibraryScreen)

    drive(library, scenario)


def test_a_syllable_composed_by_the_input_method_acts_as_its_keys(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "ㅓ", "ㅓ", "ㅓ")
        view = view_of(app)
        assert view.cursor == 3
        await pilot.press("허")  # g then j: to the first segment, then one down
        assert view.cursor == 1
        await pilot.press("ㅝ")  # n (unbound) then j
        assert view.cursor == 2

    drive(library, scenario)


def test_korean_can_still_be_typed_into_an_input(library, drive, palette) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await palette(app, pilot, "ㅓㅂ")
        assert app.screen.query_one(Input).value == "ㅓㅂ"

    drive(library, scenario)


def test_brackets_open_the_next_and_previous_article(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j")
        await pilot.press("right_square_bracket")
        assert app.screen.article.title_en == "NIS briefs lawmakers"
        assert view_of(app).cursor == 0  # a new article starts at its top
        assert "machine translation (deepl)" in str(app.screen.query_one("#article-header").render())
        await pilot.press("right_square_bracket", "right_square_bracket")  # the last one stays
        assert app.screen.article.title_en == "Won passes 1,400"
        await pilot.press("left_square_bracket")
        assert app.screen.article.title_en == "NIS briefs lawmakers"
        await pilot.press("q")
        assert app.screen.query_one(ArticleTable).cursor_row == 1  # the library follows what was read

    drive(library, scenario)


def test_l_toggles_stacked_layout(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        assert view.shown_layout == "side"
        first = view.visible_text()[1]
        assert "우크라이나" in first and "Ukraine" in first
        await pilot.press("l")
        assert view.shown_layout == "stacked"
        lines = view.visible_text()
        assert lines[0].strip().startswith("한국어 / English")
        assert "우크라이나" in lines[1] and "Ukraine" not in lines[1]
        assert lines[2][GUTTER:].startswith("Ukraine")
        await pilot.press("l")
        assert view.shown_layout == "side"

    drive(library, scenario)


def test_narrow_terminal_stacks_by_itself(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        assert view_of(app).shown_layout == "stacked"
        await pilot.press("l")
        assert view_of(app).shown_layout == "side"

    drive(library, scenario, size=(90, 40))


def test_t_shows_one_language_alone(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        await pilot.press("t")
        korean = screen_text(view)
        assert "우크라이나" in korean and "Ukraine" not in korean and "English" not in korean
        await pilot.press("t")
        english = screen_text(view)
        assert "Ukraine" in english and "우크라이나" not in english and "한국어" not in english
        await pilot.press("t")
        both = screen_text(view)
        assert "Ukraine" in both and "우크라이나" in both

    drive(library, scenario)


def test_question_mark_lists_every_binding(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = {entry.id: entry for entry in app.screen.entries}
        for binding in [*ReadingScreen.BINDINGS, *ParallelView.BINDINGS, *ReaderApp.BINDINGS]:
            assert binding.id in listed, binding.id
            assert binding.tooltip
        assert listed["reading.toggle_layout"].keys == "l"
        assert listed["reading.next_segment"].keys.startswith("j")
        shown = "\n".join(
            strip.text
            for strip in app.screen.query_one("#help-table").render_lines(
                app.screen.query_one("#help-table").region.reset_offset
            )
        )
        assert "Side by side or stacked" in shown and "reading.toggle_layout" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)

    drive(library, scenario)


def test_the_help_leaves_out_ids_on_a_narrow_terminal_and_each_key_takes_a_line_or_two(
    library, drive
) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-table")
        lines = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        shown = "\n".join(lines)
        assert "Side by side or stacked" in shown and "reading.toggle_layout" not in shown
        assert table.region.width >= 54  # nearly the whole width of the terminal is the help's
        # the legend and the first keys are on screen without scrolling
        assert app.screen.query_one("#help-body").region.height == 20
        rows = sum(1 for entry in app.screen.entries if entry.binding.id)
        assert len([line for line in lines if line.strip()]) <= 2 * rows

    drive(library, scenario, size=(60, 20))


def test_an_article_deleted_meanwhile_gives_a_message_not_a_crash(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        library.delete_article(library.list_articles()[0].id)  # as another process would
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)
        assert any("no longer in the library" in n.message for n in app._notifications)

    drive(library, scenario)


def test_the_help_lists_a_screens_own_keys_first_and_textuals_focus_keys_apart(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        shown = [strip.text.strip() for strip in table.render_lines(table.region.reset_offset)]
        library_at, every_window_at = shown.index("Library"), shown.index("In every window")
        assert shown[library_at + 1].startswith("/")  # the library's first key is its own, not Tab
        assert every_window_at > shown.index("Everywhere")
        assert any(line.startswith("Tab") for line in shown[every_window_at:])
        assert not any(line.startswith("Tab") for line in shown[library_at:every_window_at])

    drive(library, scenario)


def test_the_help_spells_keys_as_the_readme_does(library, drive) -> None:
    """A reader checking a key in the README finds it written the same way in the help (Esc, Ctrl+z)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "question_mark")
        table = app.screen.query_one("#help-table")
        shown = [strip.text.strip() for strip in table.render_lines(table.region.reset_offset)]
        for keys in ("u, Ctrl+z", "Esc", "Shift+Tab", "Space, PgDn"):
            assert any(line.startswith(keys + " ") for line in shown), keys
            assert f"| `{keys}` |" in readme, keys
        assert not any(line.startswith(("esc", "^z", "super+")) for line in shown)

    drive(library, scenario, size=(160, 60))


def test_a_title_cut_right_after_its_own_ellipsis_shows_one() -> None:
    from reader.tui.widgets.article_table import ArticleTable

    cell = ArticleTable._cell('국정원 "북한군 일부 전투 투입…추가 파병 가능성"', 31)
    assert cell.text.rstrip().endswith("투입…") and "……" not in cell.text


def test_f_and_shift_f_go_to_the_rows_the_translation_check_flagged(store_at, drive) -> None:
    """An analyst checking a translation goes from one `!` row to the next without scrolling for them;
    a remark (a figure found in the next row) is no flag, and the end is said, not wrapped round."""
    pairs = [(f"{n}번째 문장이다.", f"Sentence {n}.") for n in range(12)]
    flags = {3: ("11,000 ≠ 1,100",), 7: ("note: 500 is in the next row",), 9: ("Russia ≠ 러시아 missing",)}
    rows = [(ko, en, 0, 1.0, flags.get(n, ())) for n, (ko, en) in enumerate(pairs)]
    store = store_at((rows, {"title_en": "Flags"}))

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        status = app.screen.query_one(StatusLine)
        await pilot.press("f")
        assert view.cursor == 3 and "11,000 ≠ 1,100" in status.part("row")
        await pilot.press("f")
        assert view.cursor == 9  # row 7 holds only a remark
        await pilot.press("f")
        assert view.cursor == 9 and "No flagged row below this one" in status.part("flag")
        await pilot.press("F")
        assert view.cursor == 3 and not status.part("flag")
        await pilot.press("F")
        assert view.cursor == 3 and "No flagged row above this one" in status.part("flag")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = {entry.id: entry.keys for entry in app.screen.entries}
        assert listed["reading.next_flag"] == "f" and listed["reading.previous_flag"] == "F"

    drive(store, scenario, size=(160, 48))


def test_f_says_when_no_row_of_the_article_is_flagged(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "f")
        assert view_of(app).cursor == 0
        assert "flagged no row" in app.screen.query_one(StatusLine).part("flag")

    drive(library, scenario)


def test_q_goes_back_to_where_the_article_was_opened_from_and_the_key_line_says_where(library, drive) -> None:
    """From the library q says `q Library`; from the search hits `q Search` and returns to them; from the
    notes list (Ctrl+n) `q All notes` and returns to the list (it went to the library before)."""
    from reader.store.notes import add_note
    from reader.tui.screens.notes import NotesScreen
    from reader.tui.screens.search import SearchScreen
    from reader.tui.widgets.key_hints import KeyHints

    add_note(library.conn, 2, "ko", 0, 5, "casualties rising")

    def hints(app: ReaderApp) -> str:
        return app.screen.query_one(KeyHints).render_line(0).text

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen) and " q Library " in hints(app)
        await pilot.press("q", "slash", *"Kursk", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and " q Search " in hints(app)
        assert {e.id: e.binding.tooltip for e in screen_bindings(app.screen)}["reading.back"] == (
            "Back to the search hits"
        )
        await pilot.press("q")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "ctrl+n", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and app.screen.article.id == 2
        assert " q All notes " in hints(app)
        await pilot.press("ctrl+n")  # the notes list again: the one it was opened from, not a second
        assert isinstance(app.screen, NotesScreen)
        assert [type(s) for s in app.screen_stack] == [LibraryScreen, NotesScreen]
        await pilot.press("down", "enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)

    drive(library, scenario)
