"""The note editor: the quoted text on top, a multi-line body, a tags field; ctrl+s saves, Escape cancels.

Saving calls the store from inside the dialog, so the dialog closes only once the note is committed: if
the write fails (the disk is full, the article was removed by another process) the reader keeps what they
typed and sees why. Escape asks before dropping typed text. The body is a `TextArea`, which the app's
Korean-layout key translation leaves alone, so Korean can be typed into it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static, TextArea

from ...inert import inert
from ...store.notes import Note, tags_in, update_note
from ...text.excerpt import excerpt
from .confirm import ConfirmScreen

T = TypeVar("T")

#: Longest quote shown above the body; a note on a long paragraph shows its beginning and end.
QUOTE_CHARS = 240


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` on one line, cut in the middle when longer than `limit`, so both ends stay readable."""
    return excerpt(text, limit)


def quote_text(quotes: list[tuple[str, str]]) -> Text:
    """The annotated text, one line per language (`("ko", "…")`), shown literally."""
    lines = []
    for lang, quote in quotes:
        if quote.strip():
            lines.append(Text.assemble((f"{lang.upper()} ", "bold dim"), (inert(shorten(quote)), "italic")))
    return Text("\n").join(lines) if lines else Text("(no text)", style="dim italic")


class NoteEditor(ModalScreen[T | None], Generic[T]):
    """Edit one note. `save(body, tags)` stores it and returns what the dialog is dismissed with."""

    BINDING_GROUP_TITLE = "Note editor"

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
    }
    #note-editor {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        padding: 0 1;
        background: $panel;
        border: round $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
    }
    #note-quote {
        height: auto;
        max-height: 6;
        margin-bottom: 1;
        color: $text-muted;
    }
    #note-body {
        height: 10;
    }
    #note-tags {
        margin-top: 1;
    }
    #note-error {
        color: $error;
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note_editor.save", priority=True,
                tooltip="Save the note (it is on disk when the dialog closes)"),
        Binding("escape", "cancel", "Cancel", id="note_editor.cancel",
                tooltip="Close without saving (asks first if you typed something)"),
    ]  # fmt: skip

    def __init__(
        self,
        quotes: list[tuple[str, str]],
        save: Callable[[str, str], T],
        *,
        title: str = "New note",
        body: str = "",
        tags: str = "",
    ) -> None:
        super().__init__()
        self.quotes = quotes
        self._save = save
        self.title_text = title
        self._initial = (body, tags)

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor") as box:
            box.border_title = self.title_text
            box.border_subtitle = "ctrl+s save · Esc cancel"
            yield Static(quote_text(self.quotes), id="note-quote")
            area = TextArea(self._initial[0], id="note-body", soft_wrap=True, show_line_numbers=False)
            area.border_title = "Note"
            yield area
            yield Input(self._initial[1], placeholder="Tags, e.g. casualties kursk (#tag words in the note count too)",
                        id="note-tags")  # fmt: skip
            yield Static("", id="note-error")

    def on_mount(self) -> None:
        area = self.query_one("#note-body", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def body(self) -> str:
        return self.query_one("#note-body", TextArea).text

    @property
    def tags(self) -> str:
        return self.query_one("#note-tags", Input).value

    @property
    def changed(self) -> bool:
        return (self.body, self.tags) != self._initial

    def action_save(self) -> None:
        body, tags = self.body.strip(), self.tags.strip()
        error = self.query_one("#note-error", Static)
        if not body and not tags_in(body, tags):
            error.update(Text("Write something (or a tag) first."))
            return
        try:
            result = self._save(body, tags)
        except Exception as exc:  # noqa: BLE001 - any failure must keep the typed text on screen
            error.update(Text(f"Not saved: {inert(str(exc))}"))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard what you typed?"), answered)


def edit_note(host: Screen, conn: sqlite3.Connection, note: Note, on_saved: Callable[[int], None]) -> None:
    """Open the editor on a saved note from `host`; `on_saved(note id)` runs once the edit is committed.

    The tags field shows only the tags that are not already `#words` in the body, so they are not doubled.
    """

    def save(body: str, tags: str) -> Note:
        return update_note(conn, note.id, body, tags)

    def saved(result: Note | None) -> None:
        if result is not None:
            host.notify("Note saved.", timeout=3)
            on_saved(note.id)

    field_tags = " ".join(t for t in note.tags if t not in tags_in(note.body))
    editor = NoteEditor([(note.side, note.exact)], save, title="Edit note", body=note.body, tags=field_tags)
    host.app.push_screen(editor, saved)
