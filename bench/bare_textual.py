"""The yardstick for start-up: a bare Textual app that shows a 50-row DataTable and nothing else.

    python bench/bare_textual.py

bench/scale.py and bench/startup.py start it under tmux exactly as they start `reader`, and wait for its
first row.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable

#: What the benchmarks wait for: the first row's text.
FIRST_ROW = "bare row 0 title"


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        table: DataTable[str] = DataTable()
        table.add_columns("Date", "Source", "Title")
        for i in range(50):
            table.add_row(f"2024-11-{i % 28 + 1:02d}", "Source", f"bare row {i} title")
        yield table


if __name__ == "__main__":
    Bare().run()
