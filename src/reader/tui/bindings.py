"""One list of the keys in force on a screen, for the help screen and the command palette alike.

Both are built from the `Binding` objects themselves, so a key changed in one place changes everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from .key_names import key_name


@dataclass(frozen=True, slots=True)
class BindingEntry:
    """One binding with all the keys that trigger it (`j, ↓`), and where its action runs."""

    node: DOMNode
    binding: Binding
    keys: str

    @property
    def id(self) -> str:
        return self.binding.id or self.binding.action

    async def run(self) -> None:
        await self.node.app.run_action(self.binding.action, self.node)


def screen_bindings(screen: Screen) -> list[BindingEntry]:
    """The bindings active on `screen`, innermost first (focused widget, screen, app), one entry each."""
    grouped: dict[tuple[int, str], tuple[DOMNode, Binding, list[str]]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system and not binding.description:
            continue
        if binding.key.startswith("super+"):
            continue  # the Command key of a Mac: the terminal keeps it (Cmd+C copies its own selection)
        group = (id(active.node), binding.id or binding.action)
        display = binding.key_display or key_name(binding.key)
        if group in grouped:
            grouped[group][2].append(display)
        else:
            grouped[group] = (active.node, binding, [display])
    return [BindingEntry(node, binding, ", ".join(keys)) for node, binding, keys in grouped.values()]


__all__ = ["BindingEntry", "screen_bindings"]
