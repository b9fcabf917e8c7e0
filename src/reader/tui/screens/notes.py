"""Every note in the library (ctrl+n, or "Notes" in the command palette), newest first, with a filter.

The filter takes words and `#tags` together: `#kursk casualties` keeps notes tagged kursk whose note,
quote or article title contains "casualties". Enter opens the article with the cursor on the note's row.
The list is read from the database each time the screen is shown, so notes written by another `reader`
process appear when it is reopened.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from ...inert import inert
from ...store import Store
from ...store.notes import Note, list_notes
from ..annotations import note_row
from ..dialogs.note_editor import shorten
from ..dialogs.notes_panel import first_line


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

    HELP_SECTION: ClassVar[str] = "All notes"

    DEFAULT_CSS = """
    #notes-header { dock: top; height: auto; padding: 0 1; background: $panel; }
    #notes-table { height: 1fr; background: $surface; }
    #notes-none { padding: 2 4; color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="notes.back", tooltip="Close the notes and go back"),
        Binding("slash", "filter", "Filter", id="notes.filter",
                tooltip="Filter notes: words match note, quote and title; #tag keeps that tag"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.shown: list[Note] = []
        self._titles: dict[int, str] = {}
        self._notes: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Static(id="notes-header")
        yield Input(placeholder="Filter: words, #tag  (Enter or ↓ to the list)", id="notes-filter")
        table: DataTable[Text] = DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Updated", "Article", "Quote", "Note", "Tags")
        yield table
        yield Static("No notes match.", id="notes-none")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()  # typing filters at once; Enter or ↓ goes to the list

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read all notes and titles afresh (another process may have added some) and re-apply the filter."""
        self._titles = {a.id: a.title_ko or a.title_en or "(untitled)" for a in self.store.list_articles()}
        self._notes = list_notes(self.store.conn)
        self.apply_filter(self.query_one(Input).value)

    def apply_filter(self, query: str) -> None:
        tags, words = parse_filter(query)
        self.shown = [n for n in self._notes if matches(n, self._titles.get(n.article_id, ""), tags, words)]
        table = self.query_one(DataTable)
        table.clear()
        for note in self.shown:
            body = first_line(note.body)
            quote = Text(f"«{inert(shorten(note.exact, 30))}»", style="italic")
            if note.detached:
                quote = Text.assemble(("detached ", "bold yellow"), quote)
            table.add_row(
                Text(note.updated[:16].replace("T", " ")),
                Text(inert(shorten(self._titles.get(note.article_id, "(removed)"), 30))),
                quote,
                Text(inert(shorten(body, 44))),
                Text(" ".join(f"#{t}" for t in note.tags), style="dim"),
                key=str(note.id),
            )
        total, count = len(self._notes), len(self.shown)
        header = Text.assemble(
            ("Notes", "bold"),
            "  ",
            f"{count} of {total}" if query.strip() else f"{total}",
            ("  ·  Enter opens the article at the note · / filter · Esc back", "dim"),
        )
        self.query_one("#notes-header", Static).update(header)
        self.query_one("#notes-none").display = not count
        table.display = bool(count)

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
        app = self.app
        self.dismiss()
        app.open_article(note.article_id, at=row)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.dismiss()

    def action_filter(self) -> None:
        self.query_one(Input).focus()
