"""Notes in the TUI: write, select, see, list, edit, delete, undo — and find them again after a restart."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, TextArea

from reader.store import Store
from reader.store.notes import add_note, list_notes
from reader.tui.annotations import NOTE_GLYPH, Selection, rows_overlapping
from reader.tui.app import ReaderApp
from reader.tui.dialogs.confirm import ConfirmScreen
from reader.tui.dialogs.note_editor import NoteEditor
from reader.tui.dialogs.notes_panel import NotesPanel
from reader.tui.screens.notes import NotesScreen, parse_filter
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.parallel_view import ParallelView
from reader.tui.widgets.span_selector import SpanSelector

# The test library's first article (tests/tui/conftest.py): rows as stored, texts as written there.
ROW0_KO = "우크라이나 국방정보총국은 쿠르스크 지역에서 북한군의 무선 교신을 감청했다고 밝혔다."
ROW1_KO = "정보총국에 따르면 약 11,000명의 북한군이 러시아 쿠르스크주에 배치됐다."
ROW1_START = len(ROW0_KO) + 1  # the next sentence of the same paragraph, after a space
LAST_EN = "A line the Korean side does not have."


def view_of(app: ReaderApp) -> ParallelView:
    return app.screen.query_one(ParallelView)


def noted(view: ParallelView, line: int, korean_only: bool = False) -> str:
    """The text drawn as noted (underlined on the note's tint) on screen line `line` (1 is the first line
    under the heading); a place is underlined too, but not tinted."""
    tint = view.get_component_rich_style("parallel-view--note", partial=True).bgcolor
    segments = list(view.render_line(line))
    if korean_only:  # side by side: everything left of the rule between the columns
        segments = segments[: next(i for i, s in enumerate(segments) if "│" in s.text)]
    return "".join(s.text for s in segments if s.style and s.style.underline and s.style.bgcolor == tint)


def selected(view: ParallelView, line: int) -> str:
    """The text drawn as the word selection (`v`) on screen line `line`: on the selection's background
    (bold alone would not do: a person's name is bold too)."""
    shade = view.get_component_rich_style("parallel-view--selection", partial=True).bgcolor
    return "".join(s.text for s in view.render_line(line) if s.style and s.style.bgcolor == shade)


async def write_note(pilot: Pilot, text: str, *keys: str) -> None:
    """Press `keys` (which open the editor), type `text`, save."""
    await pilot.press(*keys)
    assert isinstance(pilot.app.screen, NoteEditor)
    await pilot.press(*text)
    await pilot.press("ctrl+s")
    await pilot.pause()


def test_a_saves_a_note_on_the_current_row_with_korean_typed_in_the_editor(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j", "a")
        editor = app.screen
        assert isinstance(editor, NoteEditor) and isinstance(app.focused, TextArea)
        quote = str(editor.query_one("#note-quote").render())
        assert ROW1_KO in quote and "11,000 North Korean troops" in quote  # both languages
        # Hangul goes into the text, not through the Korean-layout key translation (ㅁ would be `a`).
        await pilot.press(*"사상자 ㅁ 확인 #Kursk", "enter", *"second line")
        await pilot.press("tab", *"casualties, ru")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert any("Note saved" in str(n.message) for n in app._notifications)
        (note,) = list_notes(library.conn)
        assert note.body == "사상자 ㅁ 확인 #Kursk\nsecond line"
        assert note.tags == ("kursk", "casualties", "ru")
        assert (note.target, note.side, note.start, note.exact) == ("segment", "ko", ROW1_START, ROW1_KO)
        # The row now has a gutter mark beside its Korean; a segment note underlines nothing.
        view = view_of(app)
        top, _ = view.row_span(1)
        line = view.visible_text()[top + 1]
        assert line.index(NOTE_GLYPH) < line.index(ROW1_KO[:5])
        assert noted(view, top + 1) == ""

    drive(library, scenario)


def test_a_on_a_row_without_korean_annotates_the_english(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await write_note(pilot, "missing in Korean", "enter", "G", "a")
        (note,) = list_notes(library.conn)
        assert (note.side, note.exact) == ("en", LAST_EN)

    drive(library, scenario)


def test_escape_asks_before_dropping_typed_text(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "a", "escape")  # nothing typed: closes at once
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("a", *"draft", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep writing: the text is still there
        assert isinstance(app.screen, NoteEditor) and app.screen.body == "draft"
        await pilot.press("escape", "y")
        assert isinstance(app.screen, ReadingScreen)
        assert list_notes(library.conn) == []
        await pilot.press("a", "ctrl+s")  # an empty note is refused, the editor stays
        assert isinstance(app.screen, NoteEditor)
        assert "Write something" in str(app.screen.query_one("#note-error").render())

    drive(library, scenario)


def test_v_selects_words_and_a_annotates_exactly_them(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j", "v")
        assert isinstance(app.focused, SpanSelector)
        await pilot.press("w", "l", "right", "b")  # three words on, one back
        view = view_of(app)
        top, _ = view.row_span(1)
        assert selected(view, top + 1) == "정보총국에 따르면 약"
        await write_note(pilot, "approximate", "a")
        (note,) = list_notes(library.conn)
        assert (note.target, note.side, note.exact) == ("span", "ko", "정보총국에 따르면 약")
        assert noted(view, top + 1) == "정보총국에 따르면 약"
        assert not app.screen.query(SpanSelector) and isinstance(app.focused, ParallelView)

    drive(library, scenario)


def test_o_selects_in_the_other_language_and_escape_cancels_without_leaving(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "v", "o", "w")
        selector = app.screen.query_one(SpanSelector)
        assert selector.selection.side == "en"
        assert selector.selection.text(view_of(app).segments[0]) == "Ukraine's defence"
        await pilot.press("b", "b", "h")  # never shorter than one word
        assert selector.selection.text(view_of(app).segments[0]) == "Ukraine's"
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen) and not app.screen.query(SpanSelector)
        assert selected(view_of(app), 1) == ""
        await pilot.press("a", "escape")  # and `a` is a row note again
        assert list_notes(library.conn) == []

    drive(library, scenario)


def test_selection_skips_punctuation_and_starts_on_the_side_with_words() -> None:
    from reader.store import Segment

    segment = Segment(0, 0, "", "“Hello,” she said.", 0, 0, 0, 18, "0-1", 1.0, False)
    selection = Selection.start([segment], 0, "ko")
    assert selection is not None and selection.side == "en"
    assert selection.text(segment) == "Hello"
    assert selection.extend().extend().extend().text(segment) == "Hello,” she said"


def test_rows_overlapping_finds_each_row_a_span_touches(library) -> None:
    article = library.get_article(1)
    end = ROW1_START + len(ROW1_KO) + 5
    assert rows_overlapping(article.segments, "ko", ROW1_START + 3, end) == [1, 2]
    assert rows_overlapping(article.segments, "ko", 0, 1) == [0]


def test_panel_lists_jumps_edits_deletes_and_undoes_by_keys_and_the_note_survives_a_restart(
    library, drive
) -> None:
    article = library.get_article(1)
    seg3 = article.segments[3]
    add_note(library.conn, 1, "ko", seg3.ko_start, seg3.ko_start + 2, "later row", target="span")
    add_note(library.conn, 1, "ko", ROW1_START, ROW1_START + len(ROW1_KO), "earlier row", target="segment")
    detached = add_note(library.conn, 1, "en", 0, 7, "gone words", target="span")
    library.conn.execute("UPDATE notes SET detached = 1 WHERE id = ?", (detached.id,))

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        first_line = view_of(app).visible_text()[1]
        assert noted(view_of(app), 1) == "" and NOTE_GLYPH not in first_line  # detached: no mark
        await pilot.press("m")
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        listing = panel.query_one(OptionList)
        entries = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert "earlier row" in entries[0] and "later row" in entries[1] and "detached" in entries[2]
        assert "«Ukraine»" in entries[2]
        await pilot.press("down", "enter")  # go to the second note's row
        assert isinstance(app.screen, ReadingScreen) and view_of(app).cursor == 3
        await pilot.press("m", "e")  # edit the first
        assert isinstance(app.screen, NoteEditor) and app.screen.body == "earlier row"
        await pilot.press(*" (edited)", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NotesPanel)
        listing = app.screen.query_one(OptionList)  # the panel opened afresh
        assert "earlier row (edited)" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("d")
        assert [n.body for n in list_notes(library.conn, article_id=1)] == ["gone words", "later row"]
        await pilot.press("escape", "m")  # undo still works after closing and reopening the panel
        await pilot.press("u")
        bodies = sorted(n.body for n in list_notes(library.conn, article_id=1))
        assert bodies == ["earlier row (edited)", "gone words", "later row"]
        await pilot.press("escape", "q")

    drive(library, scenario)
    # A new app on the same file: the edited note is there, with its tags and place.
    reopened = Store.open(library.path)
    try:

        async def again(app: ReaderApp, pilot: Pilot) -> None:
            await pilot.press("enter", "m")
            listing = app.screen.query_one(OptionList)
            assert "earlier row (edited)" in str(listing.get_option_at_index(0).prompt)

        drive(reopened, again)
    finally:
        reopened.close()


def test_notes_written_by_another_process_show_when_the_panel_reopens(library, drive) -> None:
    other = Store.open(library.path)  # a second connection, as another `reader` would have

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "m")
        assert app.screen.query_one("#notes-empty").display
        add_note(other.conn, 1, "ko", 0, 5, "from elsewhere", target="span")
        await pilot.press("escape")
        view = view_of(app)
        assert noted(view, 1) == ROW0_KO[:5]  # the text marks refresh when the panel closes
        await pilot.press("m")
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 1 and "from elsewhere" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("escape", "ctrl+n")
        assert isinstance(app.screen, NotesScreen) and len(app.screen.shown) == 1
        add_note(other.conn, 2, "ko", 0, 4, "second elsewhere")
        await pilot.press("escape", "ctrl+n")
        assert len(app.screen.shown) == 2

    try:
        drive(library, scenario)
    finally:
        other.close()


def test_notes_screen_lists_newest_first_filters_and_opens_the_article_at_the_note(library, drive) -> None:
    briefing = library.get_article(2)
    row1 = briefing.segments[1]
    add_note(library.conn, 1, "ko", 0, 5, "old note #kursk", target="span")
    add_note(library.conn, 2, "ko", row1.ko_start, row1.ko_end, "casualties rising #NIS #kursk")
    add_note(library.conn, 3, "en", 0, 3, "exchange rate")
    library.conn.execute("UPDATE notes SET updated = '2000-01-01' WHERE body LIKE 'old%'")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+n")
        screen = app.screen
        assert isinstance(screen, NotesScreen) and isinstance(app.focused, Input)
        assert [n.body.split()[0] for n in screen.shown] == ["exchange", "casualties", "old"]
        table = screen.query_one(DataTable)
        first = " ".join(str(c) for c in table.get_row_at(1))
        assert "국정원, 파병 현황 보고" in first and "casualties rising" in first and "#nis" in first
        await pilot.press("slash", *"#kursk")  # the footer's `/ Filter`: / is not typed into the box
        assert screen.query_one(Input).value == "#kursk"
        assert [n.body.split()[0] for n in screen.shown] == ["casualties", "old"]
        await pilot.press(*" 파병")  # a word of the article title narrows further
        assert [n.body.split()[0] for n in screen.shown] == ["casualties"]
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.id == 2 and view_of(app).cursor == 1
        await pilot.press("escape")  # back to the library, its cursor on the article read
        await pilot.press("ctrl+p")

    drive(library, scenario)


def test_on_a_narrow_terminal_the_notes_list_still_shows_what_each_note_says(library, drive) -> None:
    body = "The agency revised its estimate of troops sent to Kursk after the briefing"
    add_note(library.conn, 1, "ko", 0, 5, body, target="span")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+n")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        table = screen.query_one(DataTable)
        note = str(table.get_row_at(0)[4])
        assert len(note.splitlines()) == 2  # two lines of the note
        assert len([w for w in body.split() if w in note.split()]) >= 8  # not two words of it
        assert table.virtual_size.width <= 90  # and every column still fits beside it

    drive(library, scenario, size=(90, 40))


def test_notes_is_in_the_command_palette(library, drive, palette) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await palette(app, pilot, "All notes")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)

    drive(library, scenario)


def test_parse_filter_splits_tags_from_words() -> None:
    assert parse_filter("#Kursk casualties #") == (["kursk"], ["casualties"])


@pytest.mark.parametrize("owner", [NoteEditor, NotesPanel, NotesScreen, SpanSelector, ConfirmScreen])
def test_note_bindings_name_themselves(owner) -> None:
    for binding in owner.BINDINGS:
        assert binding.id and binding.description and binding.tooltip, binding


def test_a_selection_waits_under_the_help_and_ends_when_focus_or_article_changes(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "v", "w", "question_mark")
        await pilot.press("escape")  # the help closes; the selection is still there, with the keys
        assert isinstance(app.focused, SpanSelector) and app.focused.selection.last == 1
        await pilot.click(ParallelView, offset=(10, 5))  # a click in the text ends it
        assert not app.screen.query(SpanSelector) and isinstance(app.focused, ParallelView)
        assert selected(view_of(app), 1) == ""
        await pilot.press("v", "right_square_bracket")  # the next article: the old selection goes
        await pilot.pause()
        assert app.screen.article.id == 2 and not app.screen.query(SpanSelector)

    drive(library, scenario)


def test_a_with_a_name_selected_annotates_that_name(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "tab")  # the first name of the row: 우크라이나, linked to Ukraine
        await pilot.press("a")
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.title_text == "Note on this name"
        quote = str(editor.query_one("#note-quote").render())
        assert "KO 우크라이나" in quote and "EN Ukraine" in quote and "국방정보총국" not in quote
        await pilot.press("ctrl+n")  # no notes screen over a note being written
        assert app.screen is editor
        await pilot.press(*"the country", "ctrl+s")
        await pilot.pause()
        (note,) = list_notes(library.conn)
        assert (note.target, note.side, note.start, note.exact) == ("mention", "ko", 0, "우크라이나")
        assert noted(view_of(app), 1, korean_only=True) == "우크라이나"

    drive(library, scenario)


def test_korean_layout_keys_select_and_annotate(library, drive) -> None:
    """ㅍ ㅈ ㅁ are v w a on a Korean keyboard: the selection works without switching the input method."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j", "ㅍ", "ㅈ", "ㅁ")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"ㅁ", "ctrl+s")  # inside the editor ㅁ stays ㅁ
        await pilot.pause()
        (note,) = list_notes(library.conn)
        assert (note.target, note.exact, note.body) == ("span", "정보총국에 따르면", "ㅁ")

    drive(library, scenario)


def test_stacked_rows_mark_the_language_that_has_the_note(library, drive) -> None:
    article = library.get_article(1)
    row1 = article.segments[1]
    at = row1.en_start + row1.en.index("about")
    add_note(library.conn, 1, "en", at, at + 5, "about", target="span")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        assert view.shown_layout == "stacked"
        top, height = view.row_span(1)
        lines = view.visible_text()[top + 1 : top + 1 + height]
        marked = [line for line in lines if NOTE_GLYPH in line]
        assert len(marked) == 1 and marked[0].lstrip(" ▌" + NOTE_GLYPH).startswith("According")
        assert [noted(view, top + 1 + i) for i in range(height)].count("about") == 1

    drive(library, scenario, size=(90, 40))


def test_a_note_that_cannot_be_saved_keeps_its_text_on_screen(library, drive) -> None:
    """Another process removed the article meanwhile: the editor says so and keeps what was typed."""
    other = Store.open(library.path)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "a", *"precious words")
        assert other.delete_article(1)
        await pilot.press("ctrl+s")
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.body == "precious words"
        assert "Not saved" in str(editor.query_one("#note-error").render())

    try:
        drive(library, scenario)
    finally:
        other.close()
    assert list_notes(library.conn) == []


def test_notes_screen_edits_deletes_and_undoes_by_keys(library, drive) -> None:
    add_note(library.conn, 1, "ko", 0, 5, "first #kursk", target="span")
    add_note(library.conn, 2, "ko", 0, 4, "second")
    library.conn.execute("UPDATE notes SET updated = '2000-01-01' WHERE body LIKE 'first%'")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+n", *"e")  # in the filter, e is a letter typed
        screen = app.screen
        assert isinstance(screen, NotesScreen) and screen.query_one(Input).value == "e"
        await pilot.press("backspace", "down", "down")  # to the list, second line: the older note
        assert screen.current is not None and screen.current.body == "first #kursk"
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor) and app.screen.body == "first #kursk"
        await pilot.press(*" more", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.current.body == "first #kursk more"
        assert screen.shown[0].body == "first #kursk more"  # edited now, so newest
        await pilot.press("d")
        assert [n.body for n in list_notes(library.conn)] == ["second"]
        assert [n.body for n in screen.shown] == ["second"]
        await pilot.press("u")
        assert screen.current.body == "first #kursk more" and len(list_notes(library.conn)) == 2

    drive(library, scenario)


def test_the_notes_screen_shows_the_note_itself_on_a_90_column_terminal(library, drive) -> None:
    from textual.widgets import DataTable

    add_note(library.conn, 1, "ko", ROW1_START, ROW1_START + len(ROW1_KO), "casualty figure to check #kursk",
             target="segment")  # fmt: skip

    async def scenario(app, pilot) -> None:
        await pilot.press("ctrl+n")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert used <= table.size.width  # every column, the note and its tags among them, in view

    drive(library, scenario, size=(90, 40))


def test_a_note_written_elsewhere_appears_on_the_open_article_with_its_author(library, drive) -> None:
    """Another process (on a shared library, another machine) writes a note on the article being read:
    it is drawn and said without the article being opened again, and R reads the notes at once."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        article_id = screen.article.id
        with Store.open(library.path) as elsewhere:
            add_note(
                elsewhere.conn, article_id, "ko", ROW1_START, ROW1_START + 5, "seen this?", author="Park"
            )
        screen._poll_notes()  # what the screen does every few seconds by itself
        await pilot.pause()
        assert any(
            "A new note on this article, by" in str(n.message) and "Park" in str(n.message)
            for n in app._notifications
        )
        assert NOTE_GLYPH in "\n".join(view_of(app).visible_text())  # the row's mark, drawn
        await pilot.press("m")
        assert isinstance(app.screen, NotesPanel)
        assert "Park" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)

    drive(library, scenario)
