"""A yes/no question in a small box: asked before anything the reader typed would be thrown away."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True for `y`, False for `n` or Escape (the safe answer is the default)."""

    BINDING_GROUP_TITLE = "Question"

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    #confirm-body {
        width: auto;
        max-width: 70;
        height: auto;
        padding: 1 2;
        background: $panel;
        border: round $warning;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes, go ahead"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No, go back"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body"):
            yield Static(Text(self.question))
            yield Static(Text("y yes · n / Esc no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
