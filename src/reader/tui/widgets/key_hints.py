"""The key hints at the bottom of every screen: one widget, drawn in one pass, from the bindings in force.

Textual's `Footer` builds a widget per key (each styled, laid out and composed on its own) and fills them
in only after the first frame; on start-up that cost most of the time between the table being ready and
the screen showing. This line shows the same thing — the screen's `show=True` bindings, then the command
palette key on the right — as one line of segments, read from `screen.active_bindings` each time it is
drawn, so the keys shown and the keys that work cannot drift apart. It looks exactly like the Footer (same
theme colours, same spacing). Clicking a key presses it, as in the Footer.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

#: The left border of the command palette key (Textual's `vkey` border, left side).
PALETTE_EDGE = "▏"
DIM = Style(dim=True)
#: The binding kept on the narrowest line: it lists all the others.
HELP_ID = "app.help"


class KeyHints(Widget, can_focus=False):
    """One line: ` key description ` for each shown binding; the palette key at the right edge."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-hints--key",
        "key-hints--description",
        "key-hints--edge",
    }
    # The colours are the theme's footer colours, so every theme shows the line as it shows a Footer.
    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-hints--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-hints--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-hints--edge { color: $foreground 20%; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: Where each key sits on the line as last drawn: (first cell, end cell, key, tooltip).
        self._spots: list[tuple[int, int, str, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def hints(self) -> list[tuple[Binding, bool]]:
        """The bindings shown, in order, one per action (the first key bound to it), with whether enabled."""
        shown: dict[str, tuple[Binding, bool]] = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, active.enabled)
        return list(shown.values())

    def _palette(self) -> tuple[Binding, bool] | None:
        app = self.app
        if not app.ENABLE_COMMAND_PALETTE:
            return None
        active = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        return (active.binding, active.enabled) if active is not None else None

    def render_line(self, y: int) -> Strip:
        """The line as segments: keys from the left, blank to the palette key, which sits at the right."""
        width = self.size.width
        base = self.rich_style
        if y:
            return Strip.blank(width, base)
        blank = Style(bgcolor=base.bgcolor)  # the stretch between keys carries only the background
        key_style = self.get_component_rich_style("key-hints--key")
        description_style = self.get_component_rich_style("key-hints--description")
        display = self.app.get_key_display
        items: list[tuple[list[Segment], Binding]] = []
        for binding, enabled in self.hints():
            extra = Style() if enabled else DIM  # a key that does nothing here just now is shown dimmed
            parts = [Segment(f" {display(binding)} ", key_style + extra)]
            if binding.description:
                parts.append(Segment(f"{binding.description} ", description_style + extra))
            items.append((parts, binding))
        palette = self._palette()

        def right_part(label: bool) -> list[Segment]:
            if palette is None:
                return []
            key, enabled = palette
            extra = Style() if enabled else DIM
            return [Segment(PALETTE_EDGE, self.get_component_rich_style("key-hints--edge")),
                    Segment(display(key), key_style + extra)] + (
                    [Segment(f" {key.description}", description_style + extra)] if label else []) + [
                    Segment(" ", blank)]  # fmt: skip

        def length(parts: list[Segment]) -> int:
            return sum(cell_len(part.text) for part in parts)

        # Too narrow for every key: the palette key loses its label, then keys go from the right, but
        # the help key stays (it lists every key).
        right = right_part(label=True)
        if length([p for parts, _ in items for p in parts]) > width - length(right):
            right = right_part(label=False)
        room = max(0, width - length(right))
        while length([p for parts, _ in items for p in parts]) > room:
            droppable = [i for i, (_, binding) in enumerate(items) if binding.id != HELP_ID]
            if not droppable:
                break
            del items[droppable[-1]]
        left: list[Segment] = []
        spots: list[tuple[int, int, str, str]] = []
        at = 0
        for parts, binding in items:
            left += parts
            spots.append((at, at + length(parts), binding.key, binding.tooltip or binding.description))
            at += length(parts)
        self._spots = [spot for spot in spots if spot[1] <= room]  # keys under the palette key are hidden
        if palette is not None:
            self._spots.append((room, width, palette[0].key, palette[0].tooltip))
        line = Strip(left).adjust_cell_length(room, blank)
        return Strip.join([line, Strip(right)]).crop(0, width)

    def key_at(self, x: int) -> tuple[str, str] | None:
        """The key (and what it does) drawn at cell `x`, or None between keys."""
        for start, end, key, tooltip in self._spots:
            if start <= x < end:
                return key, tooltip
        return None

    def on_click(self, event: events.Click) -> None:
        spot = self.key_at(event.x)
        if spot is not None:
            event.stop()
            self.app.simulate_key(spot[0])

    def on_mouse_move(self, event: events.MouseMove) -> None:
        spot = self.key_at(event.x)
        tooltip = spot[1] if spot is not None else None
        if tooltip != self.tooltip:
            self.tooltip = tooltip


__all__ = ["KeyHints"]
