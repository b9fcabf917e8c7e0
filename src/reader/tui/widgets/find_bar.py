"""The reading screen's find bar (`/`): type to highlight a word in both columns, Enter for the next row."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FindBar(Input):
    """A one-line input under the article. Korean can be typed here: the app leaves focused inputs alone."""

    BINDING_GROUP_TITLE = "Find in this article"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="find.close",
                tooltip="Close the find bar (the highlights stay; n/N go on, Escape again clears them)"),
        Binding("down", "step(1)", "Next match", id="find.next", show=False,
                tooltip="Go to the next row with a match (Enter too)"),
        Binding("up", "step(-1)", "Previous match", id="find.previous", show=False,
                tooltip="Go to the previous row with a match"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    FindBar {
        display: none;
        height: 1;
        border: none;
        padding: 0 1;
        background: $panel;
        &:focus { border: none; background: $panel; }
        &.-open { display: block; }
    }
    """

    class Changed(Input.Changed):
        """What is typed changed: its own message, so the screen's handler (`on_find_bar_changed`) hears
        the find bar alone and not every input."""

    class Step(Message):
        """Go to the next (1) or previous (-1) matching row."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Closed(Message):
        """The bar was closed: focus goes back to the article."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Find in both languages…  (Enter: next, ↑: previous, Esc: close)", id=id)
        # Opened, focus not here yet: Textual moves it only after the keys already queued are handled.
        self._focus_coming = False

    def open(self) -> None:
        self.add_class("-open")
        self._focus_coming = True
        self.focus()
        self.select_all()

    def on_focus(self, event: events.Focus) -> None:
        self._focus_coming = False

    @property
    def focus_coming(self) -> bool:
        """Opened, and the focus is on its way: keys typed now (right after `/`) are meant for the bar."""
        return self._focus_coming and self.is_open

    def type_character(self, character: str) -> None:
        """`character` as if typed in the bar: it replaces the selection (the previous query) or is inserted."""
        if self.selection.is_empty:
            self.insert_text_at_cursor(character)
        else:
            self.replace(character, *self.selection)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def action_close(self) -> None:
        self._focus_coming = False
        self.remove_class("-open")
        self.post_message(self.Closed())

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    async def action_submit(self) -> None:
        self.post_message(self.Step(1))
