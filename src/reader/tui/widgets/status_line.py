"""One quiet line under the article: what the selected name links to, why a row is flagged, background work."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    """Shows a few parts side by side; each part is set by its owner and the line is redrawn."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;  /* a finding cut at a narrow width says it goes on */
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._parts: dict[str, Text] = {}
        self._order = ("flag", "mention", "row", "search", "job")

    def set_part(self, name: str, text: Text | str | None) -> None:
        """Set (or, with None/empty, clear) one part of the line."""
        if isinstance(text, str):
            text = Text(text)
        if text is None or not text.plain:
            self._parts.pop(name, None)
        else:
            self._parts[name] = text
        shown = [self._parts[n] for n in self._order if n in self._parts]
        self.update(Text("   ").join(shown))

    def part(self, name: str) -> str:
        """The plain text of one part (empty when unset)."""
        return self._parts[name].plain if name in self._parts else ""
