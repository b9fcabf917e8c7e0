"""The entities panel (`e`): the article's names, dates and numbers, each once with both forms, type and count.

Enter on one moves the reading cursor to the next row that holds it (Enter again: the one after), so the
panel stays open beside the text while the reader walks through every place a name occurs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...inert import inert
from .entity_marks import EntityGroup


def entity_label(group: EntityGroup, style: str = "") -> Text:
    """`쿠르스크 ↔ Kursk  PLACE ×2`, literal text; an unlinked mention shows its one form."""
    forms = [f for f in (group.ko, group.en) if f]
    label = Text(" ↔ ".join(inert(f) for f in forms), style=style)
    label.append(f"  {group.type}", style="dim")
    label.append(f" ×{group.count}", style="bold")
    if not (group.ko and group.en):
        label.append("  not linked", style="dim italic")
    return label


class EntityList(OptionList):
    """The list itself; Escape or `e` give the article back its focus."""

    BINDING_GROUP_TITLE = "Entities panel"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,e", "close_panel", "Close", id="entities.close", tooltip="Close the entities panel"),
    ]  # fmt: skip

    def action_close_panel(self) -> None:
        self.post_message(EntityPanel.Closed())


class EntityPanel(Vertical):
    """Docked at the right of the reading screen; hidden until `e`."""

    DEFAULT_CSS = """
    EntityPanel {
        dock: right;
        width: 44;
        max-width: 50%;
        display: none;
        background: $panel;
        border-left: solid $primary 40%;
        &.-open { display: block; }
        & > #entities-title { padding: 0 1; color: $text-primary; text-style: bold; }
        & > EntityList { height: 1fr; border: none; background: $panel; }
    }
    """

    class Chosen(Message):
        """Enter on an entity: go to the next row that holds it."""

        def __init__(self, group: EntityGroup) -> None:
            super().__init__()
            self.group = group

    class Closed(Message):
        """The panel was closed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.groups: list[EntityGroup] = []

    def compose(self) -> ComposeResult:
        yield Static("Entities", id="entities-title")
        yield EntityList(id="entities-list")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def set_groups(self, groups: Sequence[EntityGroup]) -> None:
        self.groups = list(groups)
        listing = self.query_one(EntityList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(Option(entity_label(g), id=str(i)) for i, g in enumerate(self.groups))
        if self.groups:
            listing.highlighted = min(highlighted or 0, len(self.groups) - 1)
        title = f"Entities ({len(self.groups)})" if self.groups else "No entities marked in this article"
        self.query_one("#entities-title", Static).update(title)

    def open(self) -> None:
        self.add_class("-open")
        self.query_one(EntityList).focus()

    def close(self) -> None:
        self.remove_class("-open")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.groups[event.option_index]))
