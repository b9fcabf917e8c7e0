"""Choosing a phrase with the keyboard (`v`): a bar under the text that owns the keys while it is open.

While it has focus its keys come before the reading screen's, so `b` shrinks the selection instead of
paging up and Escape ends the selection instead of leaving the article. The chosen words are drawn as a
"selection" layer of the reading view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from ...inert import inert
from ...text.language import other_side
from ..annotations import Selection
from ..dialogs.note_editor import shorten

if TYPE_CHECKING:
    from .parallel_view import ParallelView

HINT = "w/→ longer · b/← shorter · o other language · a annotate · Esc cancel"


class SpanSelector(Static, can_focus=True):
    """Holds a `Selection` of one row and redraws it in the view at every key."""

    BINDING_GROUP_TITLE = "Selecting text"

    DEFAULT_CSS = """
    SpanSelector {
        dock: bottom;
        height: auto;
        padding: 0 1;
        background: $panel;
        border-top: solid $accent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w,l,right", "extend", "Longer", id="selection.extend",
                tooltip="Add the next word to the selection"),
        Binding("b,h,left", "shrink", "Shorter", id="selection.shrink",
                tooltip="Drop the last word of the selection"),
        Binding("o", "swap_side", "Other language", id="selection.swap_side",
                tooltip="Select in the other language of this row instead"),
        Binding("a", "annotate", "Annotate", id="selection.annotate",
                tooltip="Write a note on exactly the selected words"),
        Binding("escape", "cancel", "Cancel", id="selection.cancel", tooltip="Stop selecting"),
    ]  # fmt: skip

    class Annotate(Message):
        """The reader asked to annotate the selection."""

        def __init__(self, selection: Selection) -> None:
            super().__init__()
            self.selection = selection

    def __init__(self, view: ParallelView, selection: Selection) -> None:
        super().__init__(id="span-selector")
        self.view = view
        self.selection = selection
        self.segments = view.segments  # the rows it was started on; another article ends the selection
        self.closed = False

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        selection = self.selection
        quote = shorten(selection.text(self.view.segments[selection.row]), 120)
        self.update(
            Text.assemble(
                ("Selecting ", "bold"),
                (f"{selection.side.upper()} ", "bold dim"),
                (f"«{inert(quote)}»", "italic"),
                "\n",
                (HINT, "dim"),
            )
        )
        start, end = selection.span
        self.view.set_marks(
            "selection", [(selection.row, selection.side, start, end, "parallel-view--selection")]
        )

    def action_extend(self) -> None:
        self.selection = self.selection.extend()
        self._show()

    def action_shrink(self) -> None:
        self.selection = self.selection.shrink()
        self._show()

    def action_swap_side(self) -> None:
        other = other_side(self.selection.side)
        swapped = Selection.start(self.view.segments, self.selection.row, other)
        if swapped is None or swapped.side != other:
            self.notify("The other language has no text in this row.", timeout=2)
            return
        self.selection = swapped
        self._show()

    def action_annotate(self) -> None:
        screen = self.screen
        self.close()
        screen.post_message(self.Annotate(self.selection))  # to the screen: this bar is gone by then

    def action_cancel(self) -> None:
        self.close()

    def on_blur(self) -> None:
        """Focus moved elsewhere on this screen (a click, Tab): the selection ends rather than linger.

        A dialog opening over the screen (help) takes the focus too; the selection waits for it.
        """
        if not self.closed and self.app.screen is self.screen:
            self.close()

    def close(self) -> None:
        """Remove the highlight and the bar; the view takes the keys back."""
        if self.closed:
            return
        self.closed = True
        self.view.set_marks("selection", [])
        self.view.focus()
        self.remove()
