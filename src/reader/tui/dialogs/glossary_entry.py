"""Adding a glossary entry from the reading screen: both forms and the type, prefilled from the mention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select


@dataclass(frozen=True, slots=True)
class GlossaryDraft:
    """What the reader confirmed: forms are split on `|` (several forms of one name), as in the CLI's CSV."""

    ko: tuple[str, ...]
    en: tuple[str, ...]
    type: str
    note: str = ""


def forms(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


class GlossaryEntryDialog(ModalScreen[GlossaryDraft | None]):
    """Dismissed with the draft (ctrl+s, or Enter in a field) or None (Escape)."""

    BINDING_GROUP_TITLE = "Glossary entry"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="glossary_entry.save", tooltip="Add the entry to the glossary"),
        Binding("escape", "cancel", "Cancel", id="glossary_entry.cancel", tooltip="Close without adding"),
    ]  # fmt: skip

    DEFAULT_CSS = """
    GlossaryEntryDialog {
        align: center middle;
        background: $background 60%;
    }
    #glossary-body {
        width: 70;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        background: $panel;
        border: round $primary;
        border-title-color: $text-primary;
    }
    #glossary-body Label { margin-top: 1; color: $text-muted; }
    #glossary-error { color: $text-error; height: auto; }
    #glossary-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    #glossary-buttons Button { margin-left: 2; }
    """

    def __init__(self, ko: str, en: str, kind: str, types: Sequence[str]) -> None:
        super().__init__()
        self.initial = (ko, en, kind if kind in types else "OTHER")
        self.types = list(types)

    def compose(self) -> ComposeResult:
        ko, en, kind = self.initial
        with Vertical(id="glossary-body") as body:
            body.border_title = "Add to the glossary"
            body.border_subtitle = "ctrl+s saves · Esc cancels"
            yield Label("Korean form(s), separated by |")
            yield Input(ko, id="glossary-ko")
            yield Label("English form(s), separated by |")
            yield Input(en, id="glossary-en", placeholder="e.g. Kursk")
            yield Label("Type")
            yield Select(
                [(t.title(), t) for t in self.types], value=kind, allow_blank=False, id="glossary-type"
            )
            yield Label("Note (optional)")
            yield Input(id="glossary-note")
            yield Label("", id="glossary-error")
            with Horizontal(id="glossary-buttons"):
                yield Button("Cancel", id="glossary-cancel")
                yield Button("Add", variant="primary", id="glossary-save")

    def on_mount(self) -> None:
        empty = next((i for i in self.query(Input) if not i.value and i.id != "glossary-note"), None)
        (empty or self.query_one("#glossary-ko", Input)).focus()

    def draft(self) -> GlossaryDraft:
        value = self.query_one("#glossary-type", Select).value
        return GlossaryDraft(
            forms(self.query_one("#glossary-ko", Input).value),
            forms(self.query_one("#glossary-en", Input).value),
            str(value),
            self.query_one("#glossary-note", Input).value.strip(),
        )

    def action_save(self) -> None:
        draft = self.draft()
        if not draft.ko or not draft.en:
            self.query_one("#glossary-error", Label).update(
                "An entry needs both a Korean and an English form."
            )
            return
        self.dismiss(draft)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "glossary-save":
            self.action_save()
        else:
            self.action_cancel()
