"""The help screen (`?`): every key in force where it was opened, built from the bindings themselves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..bindings import BindingEntry
from ..keys import LATIN_BY_JAMO


def bindings_table(entries: Sequence[BindingEntry]) -> Table:
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
    table.add_column("Key", style="bold", no_wrap=True)
    table.add_column("Does", ratio=1)
    table.add_column("Id", style="dim", no_wrap=True)
    for entry in entries:
        binding = entry.binding
        what = binding.tooltip or binding.description or binding.action
        table.add_row(Text(entry.keys), Text(what), Text(entry.id))
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of bindings; any of its own keys closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close this help"),
    ]

    def __init__(self, entries: Sequence[BindingEntry]) -> None:
        super().__init__()
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes"
            yield Static(bindings_table(self.entries), id="help-table")
            jamo = ", ".join(f"{j}={k}" for j, k in list(LATIN_BY_JAMO.items())[:4])
            yield Static(
                Text(f"Keys also work with the Korean keyboard layout on ({jamo}, …).", style="dim"),
                id="help-note",
            )

    def action_close(self) -> None:
        self.dismiss()
