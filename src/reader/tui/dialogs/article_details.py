"""Correcting an article's details from the library: its two titles, its source and its date.

What `reader edit` does, in a dialog: the store checks the date and writes in one transaction; a bad date
is one line in the dialog, which stays open.
"""

from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...inert import inert
from ...store import StoreError
from ...store.details import Details, article_details, edit_details

FIELDS = (
    ("title_ko", "한국어 제목 Korean title"),
    ("title_en", "English title"),
    ("source", "Source"),
    ("published", "Date (YYYY-MM-DD, or empty)"),
)


class ArticleDetailsDialog(ModalScreen[Details | None]):
    """Dismissed with the details as stored (ctrl+s, or Enter in a field), or None (Escape)."""

    BINDING_GROUP_TITLE = "Article details"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="article_details.save", tooltip="Save the titles, source and date"),
        Binding("escape", "cancel", "Cancel", id="article_details.cancel",
                tooltip="Close without saving (asks first if you changed something)"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    ArticleDetailsDialog {
        align: center middle;
        background: $background 60%;
    }
    #details-body {
        width: 80;
        max-width: 95%;
        height: auto;
        max-height: 95%;
        padding: 0 2;
        background: $panel;
        border: round $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
        overflow-y: auto;
    }
    #details-body Label { color: $text-muted; }
    #details-status { height: auto; color: $text-error; }
    """

    def __init__(self, conn: sqlite3.Connection, article_id: int) -> None:
        super().__init__()
        self.conn = conn
        self.article_id = article_id
        details = article_details(conn, article_id)
        self.original = details or Details("", "", "", None)
        self.message = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="details-body") as body:
            body.border_title = f"Article {self.article_id}"
            body.border_subtitle = "ctrl+s saves · Esc cancels"
            for name, label in FIELDS:
                yield Label(label)
                # shown as everywhere else (␛ for ESC): a raw ESC in a box acted on the terminal
                yield Input(
                    inert(getattr(self.original, name) or ""), id=f"details-{name}", select_on_focus=False
                )
            yield Static("", id="details-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def values(self) -> dict[str, str]:
        """What the boxes hold; a box left as it was shown keeps the stored value, control characters and all
        (the box shows them as symbols, which saving must not write in their place)."""
        values = {}
        for name, _ in FIELDS:
            stored = getattr(self.original, name) or ""
            value = self.query_one(f"#details-{name}", Input).value
            values[name] = stored if value == inert(stored) else value
        return values

    @property
    def changed(self) -> bool:
        return any(value != (getattr(self.original, name) or "") for name, value in self.values().items())

    def action_save(self) -> None:
        try:
            details = edit_details(self.conn, self.article_id, **self.values())
        except StoreError as exc:
            self.message = str(exc)
            self.query_one("#details-status", Static).update(Text(inert(self.message)))
            return
        self.dismiss(details)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        from .confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard your changes?"), answered)


__all__ = ["ArticleDetailsDialog"]
