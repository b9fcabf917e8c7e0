"""A yes/no question in a small box: asked before anything the reader typed would be thrown away."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

HINT = "y yes · n / Esc no"


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True for `y`, False for `n` or Escape (the safe answer is the default)."""

    BINDING_GROUP_TITLE = "Question"

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    #confirm-body {
        width: 40;  /* set to fit the question in `_fit` */
        height: auto;
        padding: 1 2;
        background: $panel;
        border: round $warning;
    }
    #confirm-body > Static {
        width: 100%;
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
            yield Static(Text(HINT, style="dim"))

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """As wide as the question (with the box's border and padding), at most 70 cells and never wider
        than the screen; the question wraps inside. (A box of `width: auto` around lines that take its
        width would shrink to nothing.)"""
        body = self.query_one("#confirm-body")
        widest = max(cell_len(self.question), cell_len(HINT))
        body.styles.width = max(10, min(widest + 6, 70, self.size.width - 2))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
