"""The library: every stored article, newest first; Enter reads one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...store import Store
from ..format import display_path
from ..widgets.article_table import ArticleTable

EMPTY_MESSAGE = (
    "The library is empty.\n\n"
    "Add an article from the command line, then start reader again:\n\n"
    "    reader add --ko KO.txt --en EN.txt\n\n"
    "(or reader add ARTICLE.json; see reader add --help)"
)


class LibraryScreen(Screen[None]):
    """The first screen: a header naming the library, the table of articles, the footer."""

    HELP_SECTION: ClassVar[str] = "Library"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="library.quit", tooltip="Leave reader"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.articles = store.list_articles()

    def compose(self) -> ComposeResult:
        count = len(self.articles)
        header = Text.assemble(
            ("Library", "bold"),
            "  ",
            (display_path(self.store.path), "dim"),
            "  ·  ",
            f"{count} article" + ("" if count == 1 else "s"),
        )
        yield Static(header, id="library-header")
        if self.articles:
            yield ArticleTable(self.articles, id="articles")
        else:
            yield Static(Text(EMPTY_MESSAGE), id="library-empty")
        yield Footer()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.app.open_article(int(event.row_key.value))  # type: ignore[attr-defined]

    def select_article(self, article_id: int | None) -> None:
        """Put the cursor on the article the reader was last reading."""
        if article_id is None:
            return
        for table in self.query(ArticleTable):
            table.select_article(article_id)
