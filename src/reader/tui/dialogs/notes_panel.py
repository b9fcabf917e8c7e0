"""The notes of one article (`m` in the reading screen), in reading order, over the right of the text.

Each entry shows the row, the quoted words and the first line of the note; a note whose words are gone
from the article is listed at the end with its quote and a "detached" label. Enter closes the panel with
the reading cursor on the note's row; `e` edits, `d` deletes and `u` undoes deletions, for as long as the
reader stays on the reading screen (the screen keeps the undo list, not this panel). The list is read from
the database every time the panel opens, so notes written by another `reader` process show up too.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...inert import inert
from ...store import Article, Store
from ...store.notes import Note, delete_note, list_notes, restore_note
from ..annotations import note_row
from ..refused_writes import refused_write
from .note_editor import edit_note, shorten


def note_entry(note: Note, row: int | None, width: int = 60) -> Text:
    """Where and what it quotes, then the note (up to four lines of it, its own lines run on, wrapped by
    the list) and its tags."""
    where = "detached" if note.detached or row is None else f"row {row + 1}"
    head = Text.assemble(
        (f"{where:>8} ", "bold yellow" if note.detached else "bold"),
        (f"{note.side.upper()} ", "dim"),
        (f"«{inert(shorten(note.exact, width))}»", "italic"),
    )
    if note.author:
        head.append(f"  {inert(shorten(note.author, 20))}", style="dim")
    tail = Text.assemble("         ", inert(shorten(" ".join(note.body.split()), 4 * width)))
    if note.tags:
        tail.append("  " + " ".join(f"#{t}" for t in note.tags), style="dim")
    return Text("\n").join([head, tail])


def reading_order(article: Article, notes: list[Note]) -> list[tuple[Note, int | None]]:
    """Notes by row (Korean before English within a row, then by offset); detached ones last."""
    placed = [(note, None if note.detached else note_row(article, note)) for note in notes]
    return sorted(
        placed,
        key=lambda pair: (pair[1] is None, pair[1] or 0, pair[0].side != "ko", pair[0].start, pair[0].id),
    )


class NotesPanel(ModalScreen[int | None]):
    """Dismissed with the row to jump to, or None."""

    BINDING_GROUP_TITLE = "Notes of this article"

    DEFAULT_CSS = """
    NotesPanel {
        align: right top;
    }
    #notes-panel {
        width: 45%;
        min-width: 40;
        height: 100%;
        background: $panel;
        border-left: wide $primary;
        padding: 0 1;
    }
    #notes-panel-title { text-style: bold; }
    #notes-panel-hint { color: $text-muted; }
    #notes-list { height: 1fr; background: $panel; border: none; }
    #notes-empty { color: $text-muted; padding: 1 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="notes_panel.edit", tooltip="Edit the highlighted note"),
        Binding("d", "delete", "Delete", id="notes_panel.delete",
                tooltip="Delete the highlighted note (u brings it back)"),
        Binding("u", "undo", "Undo delete", id="notes_panel.undo",
                tooltip="Bring back the note deleted last (until you leave the article)"),
        Binding("escape,m,q", "close", "Close", id="notes_panel.close", tooltip="Close the notes panel"),
    ]  # fmt: skip

    def __init__(self, store: Store, article: Article, deleted: list[int]) -> None:
        super().__init__()
        self.store = store
        self.article = article
        self.deleted = deleted  # the reading screen's undo list: note ids, last deleted last
        self.notes: list[tuple[Note, int | None]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-panel"):
            yield Static("Notes", id="notes-panel-title")
            yield Static("Enter go to · e edit · d delete · u undo · Esc close", id="notes-panel-hint")
            yield OptionList(id="notes-list")
            yield Static("No notes yet. Press a on a row to write one.", id="notes-empty")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self, keep: int | None = None) -> None:
        """Read the article's notes afresh; keep the highlight on note `keep` (or the same place)."""
        listing = self.query_one(OptionList)
        before = listing.highlighted
        self.notes = reading_order(self.article, list_notes(self.store.conn, article_id=self.article.id))
        listing.clear_options()
        listing.add_options([Option(note_entry(n, row), id=str(n.id)) for n, row in self.notes])
        count = len(self.notes)
        self.query_one("#notes-panel-title", Static).update(f"Notes · {count}")
        self.query_one("#notes-empty").display = not count
        listing.display = bool(count)
        if not count:
            return
        ids = [n.id for n, _ in self.notes]
        if keep in ids:
            listing.highlighted = ids.index(keep)
        else:
            listing.highlighted = min(before or 0, count - 1)

    @property
    def current(self) -> tuple[Note, int | None] | None:
        index = self.query_one(OptionList).highlighted
        return self.notes[index] if index is not None and index < len(self.notes) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        current = self.current
        if current is None:
            return
        if current[1] is None:
            self.notify("This note's words are no longer in the article.", timeout=3)
            return
        self.dismiss(current[1])

    def action_edit(self) -> None:
        current = self.current
        if current is None:
            return
        edit_note(self, self.store.conn, current[0], lambda note_id: self.reload(keep=note_id))

    def action_delete(self) -> None:
        current = self.current
        if current is None:
            return
        with refused_write(self, "delete the note") as attempt:
            delete_note(self.store.conn, current[0].id)
        if attempt.refused:
            return
        self.deleted.append(current[0].id)
        self.notify("Note deleted. u brings it back.", timeout=3)
        self.reload()

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.", timeout=2)
            return
        note_id = self.deleted.pop()
        with refused_write(self, "restore the note") as attempt:
            restore_note(self.store.conn, note_id)
        if attempt.refused:
            self.deleted.append(note_id)  # still there to bring back when the library takes writes again
            return
        self.notify("Note restored.", timeout=2)
        self.reload(keep=note_id)

    def action_close(self) -> None:
        self.dismiss(None)
