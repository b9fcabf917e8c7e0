"""Every note in the library (ctrl+n, or "Notes" in the command palette), newest first, with a filter.

The filter takes words and `#tags` together: `#kursk casualties` keeps notes tagged kursk whose note,
quote or article title contains "casualties". Enter opens the article with the cursor on the note's row.
The list is read from the database each time the screen is shown, and again while it is open when
someone else writes to the library (a colleague on a shared library, another `reader` process). In the list, `e` edits a note and `d` deletes it (`u` brings it back
while the screen is open).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from ...inert import inert
from ...store import Store
from ...store.notes import Note, annotated_titles, delete_note, list_notes, restore_note
from ..annotations import note_row
from ..app_api import reader_app
from ..change_watch import CHANGES_POLL, ChangeWatch
from ..dialogs.note_editor import edit_note, shorten
from ..refused_writes import refused_write, unanswered_read
from ..widgets.key_hints import KeyHints

_MEASURE = Console(width=200)  # wraps cells' text (Rich needs a console for it; it never writes)


#: A narrower terminal shows each note on two lines (so that it still shows what the note says).
TWO_LINES_BELOW = 120
AUTHOR_CELLS = 12
TAG_CELLS = 16


def _cell(text: str, width: int, lines: int, style: str = "") -> Text:
    """`text` shown literally on `lines` lines of `width` cells, cut in the middle when it is longer."""
    flat = inert(shorten(text, width * lines - (lines - 1) * 2))  # a wrapped line may end short of the edge
    wrapped = list(Text(flat, style=style).wrap(_MEASURE, width))
    if len(wrapped) > lines:  # the words did not fall well: the last line that shows says there is more
        wrapped = wrapped[:lines]
        wrapped[-1].truncate(width - 1)
        wrapped[-1].append("…")
    return Text("\n").join(wrapped)


def _widths(room: int, narrow: bool, authors: list[str], tags: list[str]) -> tuple[int, int, int]:
    """Cells for the article's title, the quote and the note: what `room` (the terminal beside the date)
    leaves beside the author and the tags, half of it or more to the note itself."""
    beside = max(map(cell_len, authors), default=2) + max(4, max(map(cell_len, tags), default=0))
    room = max(30, room - beside - 2 * 6 - 2)  # each column's padding, the scroll bar
    title = quote = min(30, room // (5 if narrow else 4))
    return title, quote, room - title - quote


def parse_filter(query: str) -> tuple[list[str], list[str]]:
    """`#tag` words and plain words of the filter, lower-cased."""
    tags, words = [], []
    for word in query.lower().split():
        if word.startswith("#") and len(word) > 1:
            tags.append(word[1:])
        elif word != "#":
            words.append(word)
    return tags, words


def matches(note: Note, title: str, tags: list[str], words: list[str]) -> bool:
    """Every tag among the note's tags, every word somewhere in its note, quote, tags or article title."""
    if any(tag not in note.tags for tag in tags):
        return False
    haystack = " ".join((note.body, note.exact, title, " ".join(note.tags))).lower()
    return all(word in haystack for word in words)


class NotesScreen(Screen[None]):
    """A filter line over a table of notes; Escape returns to the screen it was opened from."""

    BINDING_GROUP_TITLE = "All notes"

    DEFAULT_CSS = """
    #notes-header { dock: top; height: auto; padding: 0 1; background: $panel; }
    #notes-table { height: 1fr; background: $surface; }
    #notes-none { padding: 2 4; color: $text-muted; }
    """

    #: What an article opened from here names as the way back (`ReadingScreen` q).
    WAY_BACK: ClassVar[str] = "notes"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="notes.back", tooltip="Close the notes and go back"),
        # A priority binding: `/` goes to the filter and is never typed into it (the footer says `/ Filter`).
        Binding("slash", "filter", "Filter", id="notes.filter", priority=True,
                tooltip="Filter notes: words match note, quote and title; #tag keeps that tag"),
        Binding("e", "edit", "Edit", id="notes.edit", tooltip="Edit the highlighted note"),
        Binding("d", "delete", "Delete", id="notes.delete", tooltip="Delete the highlighted note (u brings it back)"),
        Binding("u", "undo", "Undo delete", id="notes.undo", show=False,
                tooltip="Bring back the note deleted last (while this screen is open)"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.shown: list[Note] = []
        self._titles: dict[int, str] = {}
        self._notes: list[Note] = []
        self._deleted: list[int] = []  # undo list, last deleted last
        self.changes = ChangeWatch(store.conn)  # whether others wrote since the list was read

    def compose(self) -> ComposeResult:
        yield Static(id="notes-header")
        yield Input(placeholder="Filter: words, #tag  (Enter or ↓ to the list)", id="notes-filter")
        table: DataTable[Text] = DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Updated", "By", "Article", "Quote", "Note", "Tags")
        yield table
        yield Static("No notes match.", id="notes-none")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(Input).focus()  # typing filters at once; Enter or ↓ goes to the list
        self.set_interval(CHANGES_POLL, self._poll_changes)

    def on_screen_resume(self) -> None:
        self.changes.take()
        with unanswered_read(self, "read the notes"):
            self.reload()

    def _poll_changes(self) -> None:
        """Notes written, edited or deleted elsewhere meanwhile: the list read again, the cursor kept."""
        if self.app.screen is self and self.changes.moved():
            with unanswered_read(self, "read the notes"):
                self.reload()

    def reload(self) -> None:
        """Read all notes and titles afresh (another process may have added some) and re-apply the filter."""
        current = self.current if self.shown else None
        self._reload_keeping(current.id if current else None)

    def apply_filter(self, query: str, keep: int | None = None) -> None:
        """Show the notes matching `query`; the cursor stays on note `keep`, else on the same line."""
        tags, words = parse_filter(query)
        self.shown = [n for n in self._notes if matches(n, self._titles.get(n.article_id, ""), tags, words)]
        table = self.query_one(DataTable)
        line = table.cursor_row
        table.clear()
        width = self.size.width or 160
        narrow = width < TWO_LINES_BELOW
        # on a narrow terminal two lines a note, the day alone and shorter tags; else one line, day and time
        lines, when, tag_cells = (2, 10, 12) if narrow else (1, 16, TAG_CELLS)
        authors = [shorten(note.author, AUTHOR_CELLS) for note in self.shown]
        tags = [shorten(" ".join(f"#{t}" for t in note.tags), tag_cells) for note in self.shown]
        title_width, quote_width, body_width = _widths(width - when, narrow, authors, tags)
        for note, author, tag_text in zip(self.shown, authors, tags, strict=True):
            quote = _cell(f"«{note.exact}»", quote_width, lines, style="italic")
            if note.detached:
                quote = Text.assemble(("detached ", "bold yellow"), quote)
            table.add_row(
                Text(note.updated[:when].replace("T", " ")),
                Text(inert(author), style="dim"),
                _cell(self._titles.get(note.article_id, "(removed)"), title_width, lines),
                quote,
                _cell(" ".join(note.body.split()), body_width, lines),  # all of it, its lines run on
                Text(tag_text, style="dim"),
                key=str(note.id),
                height=lines,
            )
        total, count = len(self._notes), len(self.shown)
        header = Text.assemble(
            ("Notes", "bold"),
            "  ",
            f"{count} of {total}" if query.strip() else f"{total}",
            ("  ·  Enter opens the article at the note · e edit · d delete · / filter · Esc back", "dim"),
        )
        self.query_one("#notes-header", Static).update(header)
        self.query_one("#notes-none").display = not count
        table.display = bool(count)
        ids = [n.id for n in self.shown]
        if count:
            table.move_cursor(row=ids.index(keep) if keep in ids else min(line, count - 1))

    def on_resize(self) -> None:
        if self.is_mounted and self._notes:
            self.apply_filter(self.query_one(Input).value, keep=self.current.id if self.current else None)

    @property
    def current(self) -> Note | None:
        """The note under the list's cursor (None when the list is empty)."""
        table = self.query_one(DataTable)
        return (
            self.shown[table.cursor_row] if self.shown and 0 <= table.cursor_row < len(self.shown) else None
        )

    def _reload_keeping(self, note_id: int | None) -> None:
        self._titles = annotated_titles(self.store.conn)
        self._notes = list_notes(self.store.conn)
        self.apply_filter(self.query_one(Input).value, keep=note_id)

    def action_edit(self) -> None:
        note = self.current
        if note is None:
            return
        edit_note(self, self.store.conn, note, self._reload_keeping)

    def action_delete(self) -> None:
        note = self.current
        if note is None:
            return
        with refused_write(self, "delete the note") as attempt:
            delete_note(self.store.conn, note.id)
        if attempt.refused:
            return
        self._deleted.append(note.id)
        self.notify("Note deleted. u brings it back.", timeout=3)
        self._reload_keeping(None)

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("Nothing to undo.", timeout=2)
            return
        note_id = self._deleted.pop()
        with refused_write(self, "restore the note") as attempt:
            restore_note(self.store.conn, note_id)
        if attempt.refused:
            self._deleted.append(note_id)  # still there to bring back when the library takes writes again
            return
        self.notify("Note restored.", timeout=2)
        self._reload_keeping(note_id)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and isinstance(self.focused, Input):
            event.stop()
            self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        note = next((n for n in self.shown if str(n.id) == event.row_key.value), None)
        if note is not None:
            self.open_note(note)

    def open_note(self, note: Note) -> None:
        """Open the note's article with the cursor on its row; a detached note opens at the top."""
        article = self.store.get_article(note.article_id)
        if article is None:
            self.notify("That article is no longer in the library.", severity="error")
            return
        row = None if note.detached else note_row(article, note)
        # over the list, so q comes back to it (and to the filter typed)
        reader_app(self.app).open_article(note.article_id, at=row)

    def action_back(self) -> None:
        self.dismiss()

    def action_filter(self) -> None:
        box = self.query_one(Input)
        box.focus()
        box.select_all()
