"""Notes in the reading screen: `a` writes one, `v` selects the words it is about, `m` lists them.

Kept apart from `reading.py` so the reading screen itself stays about reading; `ReadingScreen` mixes this
in. A note is saved by the editor's ctrl+s straight into the database (committed before the editor
closes), and the marks in the text are re-read from the database whenever the screen comes back to the
front, and every few seconds while it is open, so notes another `reader` process (on a shared library,
another machine) wrote appear without reopening it; `R` reads them at once.
"""

from __future__ import annotations

from typing import Any

from ...store.articles import side_span, side_text
from ...store.notes import Note, add_note, list_notes
from ..annotations import Selection, note_marks
from ..dialogs.note_editor import NoteEditor
from ..dialogs.notes_panel import NotesPanel
from ..refused_writes import unanswered_read
from ..widgets.span_selector import SpanSelector
from .reading_base import ReadingBase

#: How often, in seconds, an open article looks for notes written elsewhere (one small query).
NOTES_POLL = 5.0


def _seen(notes: list[Note]) -> frozenset[tuple[int, str]]:
    return frozenset((n.id, n.updated) for n in notes)


class ReadingNotes(ReadingBase):
    """Note actions for `ReadingScreen` (which supplies `store`, `article`, `view`, `app`, `notify`)."""

    @property
    def deleted_notes(self) -> list[int]:
        """Ids of notes deleted on this screen, last deleted last: what the panel's `u` brings back."""
        if not hasattr(self, "_deleted_notes"):
            self._deleted_notes: list[int] = []
        return self._deleted_notes

    def refresh_notes(self) -> list[Note]:
        """Read this article's notes and draw them: underlined, tinted words, a ✎ beside each annotated row."""
        for selector in self.query(SpanSelector):
            if selector.segments is not self.article.segments:  # another article, or rows re-read
                selector.close()
        notes = list_notes(self.store.conn, article_id=self.article.id)
        self._drawn_notes = (self.article.id, _seen(notes))
        marks, gutter = note_marks(self.article, notes)
        self.view.set_marks("notes", marks, gutter)
        return notes

    def on_screen_resume(self) -> None:
        with unanswered_read(self, "read this article's notes"):
            self.refresh_notes()
        if getattr(self, "_notes_timer", None) is None:
            self._notes_timer = self.set_interval(NOTES_POLL, self._poll_notes)

    def _poll_notes(self) -> None:
        """Notes written meanwhile by someone else (another machine on a shared library, another
        process): drawn, and said, without the screen being opened again."""
        if self.app.screen is not self:
            return  # redrawn when the screen comes back to the front
        try:
            notes = list_notes(self.store.conn, article_id=self.article.id)
        except Exception:  # noqa: BLE001 - a failed look (the server restarting) is tried again later
            return
        drawn = getattr(self, "_drawn_notes", None)
        if drawn is None or drawn[0] != self.article.id or drawn[1] == _seen(notes):
            return
        new = [n for n in notes if n.id not in {i for i, _ in drawn[1]}]
        self.refresh_notes()
        if new:
            who = new[-1].author or "someone"
            said = f"A new note on this article, by {who}." if len(new) == 1 else (
                f"{len(new)} new notes on this article, the last by {who}.")  # fmt: skip
            self.notify(said, timeout=4, markup=False)

    def action_refresh_notes(self) -> None:
        """R: read this article's notes again now (a shared library's new notes appear by themselves
        within NOTES_POLL seconds)."""
        count = len(self.refresh_notes())
        self.notify(f"Notes read again: {count} on this article.", timeout=2)

    # --- writing ------------------------------------------------------------------------------------

    def _selected_mention(self) -> Any | None:
        """The mention the reader picked with Tab, when the view offers one."""
        return getattr(self.view, "selected_mention", None)

    def action_add_note(self) -> None:
        """A note on the selected mention, else on the current row (its Korean side, or English if empty)."""
        segments = self.article.segments
        if not segments:
            self.notify("This article has no text to annotate.", timeout=3)
            return
        mention = self._selected_mention()
        if mention is not None:
            quotes = [(mention.side, self.article.text(mention.side)[mention.start : mention.end])]
            partner = next((m for m in self.article.mentions if m.id == mention.partner), None)
            if partner is not None:
                quotes.append((partner.side, self.article.text(partner.side)[partner.start : partner.end]))
            self._edit_new(mention.side, mention.start, mention.end, "mention", quotes)
            return
        segment = segments[self.view.cursor]
        side = "ko" if segment.ko.strip() else "en"
        start, end = side_span(segment, side)
        self._edit_new(side, start, end, "segment", [("ko", segment.ko), ("en", segment.en)])

    def _edit_new(self, side: str, start: int, end: int, target: str, quotes: list[tuple[str, str]]) -> None:
        article_id = self.article.id
        if self.store.write_refusal is not None:  # before anything is typed, not at the save
            self.notify(f"Cannot write a note: {self.store.write_refusal}", severity="error", markup=False)
            return

        def save(body: str, tags: str) -> Note:
            return add_note(self.store.conn, article_id, side, start, end, body, target=target, tags=tags)

        def saved(note: Note | None) -> None:
            if note is not None:
                self.notify("Note saved.", timeout=4)
                self.refresh_notes()

        title = {
            "segment": "Note on this row",
            "mention": "Note on this name",
            "span": "Note on the selection",
        }
        self.app.push_screen(NoteEditor(quotes, save, title=title[target]), saved)

    def action_select_text(self) -> None:
        """Start choosing words in the current row, Korean first; the bar below takes the keys."""
        segments = self.article.segments
        if not segments or self.query(SpanSelector):
            return
        selection = Selection.start(segments, self.view.cursor, "ko")
        if selection is None:
            self.notify("This row has no words to select.", timeout=3)
            return
        selector = SpanSelector(self.view, selection)
        self.mount(selector)
        selector.focus()

    def on_span_selector_annotate(self, message: SpanSelector.Annotate) -> None:
        selection: Selection = message.selection
        segment = self.article.segments[selection.row]
        start, end = selection.span
        base = side_span(segment, selection.side)[0]
        quote = side_text(segment, selection.side)[start - base : end - base]
        self._edit_new(selection.side, start, end, "span", [(selection.side, quote)])

    # --- the panel ----------------------------------------------------------------------------------

    def action_notes_panel(self) -> None:
        def closed(row: int | None) -> None:
            if row is not None:
                self.view.move_to(row)
                self.view.focus()

        self.app.push_screen(NotesPanel(self.store, self.article, self.deleted_notes), closed)
