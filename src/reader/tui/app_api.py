"""What screens ask of `ReaderApp` beyond Textual's `App`, as a Protocol.

A screen cannot import `tui.app`, which imports the screens (an import cycle), so it reaches these
methods through `reader_app(self.app)`, which mypy checks against this Protocol; `app.py` checks that
`ReaderApp` satisfies it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App


class ReaderAppAPI(Protocol):
    def open_article(
        self, article_id: int, at: int | None = None, found: tuple[str, list[str]] | None = None
    ) -> None: ...

    def neighbour_ids(self, article_id: int) -> tuple[int | None, int | None]: ...


def reader_app(app: App[Any]) -> ReaderAppAPI:
    """The running app as the reader's: screens are only ever shown by a `ReaderApp`."""
    return cast("ReaderAppAPI", app)
