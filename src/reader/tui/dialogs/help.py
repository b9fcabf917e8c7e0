"""The help screen (`?`): every key in force where it was opened, built from the bindings themselves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..bindings import BindingEntry
from ..keys import LATIN_BY_JAMO


class _EveryWindow:
    """Where Textual's own keys of every screen go (Tab, Shift+Tab, copying): after the screen's own,
    not among them, so a screen's list starts with what it is for."""

    BINDING_GROUP_TITLE = "In every window"


_EVERY_WINDOW = _EveryWindow()


def _textual_own(binding: Binding) -> bool:
    return any(binding.action == own.action for own in Screen.BINDINGS if isinstance(own, Binding))


def section_title(node: object) -> str:
    """What a group of keys is for: a widget or screen may say so in `BINDING_GROUP_TITLE` (as Textual's own key panel reads it)."""
    return getattr(node, "BINDING_GROUP_TITLE", None) or type(node).__name__


#: Below this many cells the help leaves out the binding ids (`reading.next_segment`): on a narrow
#: terminal the descriptions need the room, and the ids are for configuring keys, not for reading.
IDS_FROM_WIDTH = 90


class BindingsTable:
    """Keys grouped by where they act (the focused widget, the screen, everywhere), each with its id
    where there is room for it (`IDS_FROM_WIDTH`); drawn for the width it is given.

    One table per group, with the key and id columns the same width in all of them, so they line up.
    """

    def __init__(self, entries: Sequence[BindingEntry]) -> None:
        self.entries = list(entries)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.group(with_ids=options.max_width >= IDS_FROM_WIDTH)

    def group(self, *, with_ids: bool) -> Group:
        entries = self.entries
        key_width = max((cell_len(e.keys) for e in entries), default=1)
        id_width = max((cell_len(e.id) for e in entries), default=1)
        sections: dict[int, tuple[object, list[BindingEntry]]] = {}
        for entry in entries:
            node: object = _EVERY_WINDOW if _textual_own(entry.binding) else entry.node
            sections.setdefault(id(node), (node, []))[1].append(entry)
        if id(_EVERY_WINDOW) in sections:  # last
            sections[id(_EVERY_WINDOW)] = sections.pop(id(_EVERY_WINDOW))
        parts: list[RenderableType] = []
        for owner, group in sections.values():
            table = Table(box=None, expand=True, show_edge=False, pad_edge=False, show_header=False)
            table.add_column("Key", style="bold", no_wrap=True, width=key_width)
            table.add_column("Does", ratio=1)
            if with_ids:
                table.add_column("Id", style="dim", no_wrap=True, width=id_width)
            for entry in group:
                binding = entry.binding
                what = binding.tooltip or binding.description or binding.action
                table.add_row(Text(entry.keys), Text(what), *([Text(entry.id)] if with_ids else []))
            if parts:
                parts.append(Text(""))
            parts += [Text(section_title(owner), style="bold underline"), table]
        return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """A modal list of bindings; any of its own keys closes it."""

    BINDING_GROUP_TITLE = "Help"

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
            legend = next((n.help_legend() for n in self._binding_nodes() if hasattr(n, "help_legend")), None)
            if legend is not None:  # what the styles of the widget in use mean: first, seen without scrolling
                yield Static(legend, id="help-legend")
            yield Static(BindingsTable(self.entries), id="help-table")
            jamo = ", ".join(f"{j}={k}" for j, k in list(LATIN_BY_JAMO.items())[:4])
            yield Static(
                Text(f"Keys also work with the Korean keyboard layout on ({jamo}, …).", style="dim"),
                id="help-note",
            )

    def _binding_nodes(self) -> list[object]:
        return list({id(e.node): e.node for e in self.entries}.values())

    def action_close(self) -> None:
        self.dismiss()
