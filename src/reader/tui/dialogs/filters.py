"""The library's filters (`f`): starred, unread, annotated, and any of its sources or note tags.

Each choice applies at once, so the table behind shows what the filters leave; Escape closes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from ...inert import inert
from ...store import Store
from ...store import library as lib
from ...store.library import LibraryView

FLAGS = (("starred", "Starred"), ("unread", "Unread"), ("annotated", "Annotated (has notes)"))


class TickedList(SelectionList[str]):
    """A selection list whose chosen options hold an X and the others a blank: told apart without colour
    (a monochrome or 16-colour terminal, a colour-blind reader), not by the button's colour alone.
    j and k move the highlight, as everywhere else in reader (↑ ↓ still do)."""

    BINDING_GROUP_TITLE = "Filters"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", id="filters.down", show=False, tooltip="The next filter"),
        Binding("k", "cursor_up", "Up", id="filters.up", show=False, tooltip="The filter before"),
    ]

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != Checkbox.BUTTON_INNER:  # the button's middle, as drawn
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        ticked = isinstance(option, Selection) and option.value in self.selected
        segments[1] = Segment("X" if ticked else " ", segments[1].style)
        return Strip(segments, strip.cell_length)


def choices(view: LibraryView) -> set[str]:
    """The selection values that stand for `view`'s filters."""
    chosen = {f"flag:{name}" for name, _ in FLAGS if getattr(view, name)}
    chosen |= {f"source:{s}" for s in view.sources} | {f"tag:{t}" for t in view.tags}
    return chosen


def view_from(base: LibraryView, chosen: set[str]) -> LibraryView:
    def values(kind: str) -> frozenset[str]:
        return frozenset(v.split(":", 1)[1] for v in chosen if v.startswith(kind + ":"))

    flags = values("flag")
    return replace(base, starred="starred" in flags, unread="unread" in flags, annotated="annotated" in flags,
                   sources=values("source"), tags=values("tag"))  # fmt: skip


class FilterDialog(ModalScreen[LibraryView]):
    """A checklist of filters; kinds combine (starred AND unread), sources or tags are any-of."""

    BINDING_GROUP_TITLE = "Filters"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f", "close", "Done", id="filters.close", tooltip="Close the filters (they stay applied)"),
        Binding("c", "clear", "Clear", id="filters.clear", tooltip="Drop every filter"),
    ]  # fmt: skip

    def __init__(
        self,
        store: Store,
        view: LibraryView,
        apply: Callable[[LibraryView], None],
        sources: list[tuple[str, int]] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.view = view
        self._apply = apply
        self._sources = sources

    def compose(self) -> ComposeResult:
        chosen = choices(self.view)
        options: list[Selection[str]] = [
            Selection(label, f"flag:{name}", f"flag:{name}" in chosen) for name, label in FLAGS
        ]
        sources = self._sources if self._sources is not None else lib.sources(self.store.conn)
        for source, count in sources:
            value = f"source:{source}"
            options.append(Selection(Text.assemble("Source: ", inert(source), (f"  {count}", "dim")), value,
                                     value in chosen))  # fmt: skip
        for tag, count in lib.tags(self.store.conn):
            value = f"tag:{tag}"
            options.append(Selection(Text.assemble("Tag: #", inert(tag), (f"  {count}", "dim")), value,
                                     value in chosen))  # fmt: skip
        with Vertical(id="filter-body") as body:
            body.border_title = "Filters"
            body.border_subtitle = "j/k move · space toggles · c clears · Esc closes"
            yield TickedList(*options, id="filter-list")

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        self.view = view_from(self.view, set(event.selection_list.selected))
        self._apply(self.view)

    def action_clear(self) -> None:
        self.query_one(SelectionList).deselect_all()

    def action_close(self) -> None:
        self.dismiss(self.view)
