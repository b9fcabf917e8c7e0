"""The library's table of articles, with vim-style keys beside the arrows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from ...store import ArticleSummary
from ..format import literal

#: Fixed columns; the two titles share what is left of the width.
DATE_WIDTH = 10
SOURCE_MAX = 18


class ArticleTable(DataTable[object], inherit_bindings=False):
    """One row per article, keyed by article id; Enter (or a click on the current row) opens it."""

    HELP_SECTION: ClassVar[str] = "Moving through the library"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="library.open", tooltip="Read the article under the cursor"),
        Binding("j,down", "cursor_down", "Down", id="library.down", show=False, tooltip="Next article"),
        Binding("k,up", "cursor_up", "Up", id="library.up", show=False, tooltip="Previous article"),
        Binding("pagedown,space", "page_down", "Page down", id="library.page_down", show=False,
                tooltip="One screenful down"),
        Binding("pageup,b", "page_up", "Page up", id="library.page_up", show=False, tooltip="One screenful up"),
        Binding("g,home", "scroll_top", "First", id="library.first", show=False, tooltip="First article"),
        Binding("G,end", "scroll_bottom", "Last", id="library.last", show=False, tooltip="Last article"),
    ]  # fmt: skip

    def __init__(self, articles: Sequence[ArticleSummary], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._articles = list(articles)
        self._laid_out_for = -1

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._laid_out_for:
            self._fill(width)

    def _fill(self, width: int) -> None:
        """(Re)build the columns to fit `width`, keeping the cursor on the same article."""
        self._laid_out_for = width
        row = self.cursor_row
        self.clear(columns=True)
        padding = 2 * self.cell_padding
        source = min(SOURCE_MAX, max([cell_len("Source")] + [cell_len(a.source) for a in self._articles]))
        titles = max(20, width - DATE_WIDTH - source - 4 * padding - 1)
        ko = titles // 2
        self.add_column("Date", width=DATE_WIDTH, key="date")
        self.add_column("Source", width=source, key="source")
        self.add_column("한국어 제목", width=ko, key="title_ko")
        self.add_column("English title", width=titles - ko, key="title_en")
        for article in self._articles:
            cells = [literal(article.published or "—"), literal(article.source), literal(article.title_ko),
                     literal(article.title_en)]  # fmt: skip
            for cell in cells:
                cell.no_wrap, cell.overflow = True, "ellipsis"
            self.add_row(*cells, key=str(article.id), height=1)
        if self._articles:
            self.move_cursor(row=min(row, len(self._articles) - 1), animate=False)

    def article_id_at_cursor(self) -> int | None:
        if not self._articles:
            return None
        return self._articles[self.cursor_row].id

    def select_article(self, article_id: int) -> None:
        for row, article in enumerate(self._articles):
            if article.id == article_id:
                self.move_cursor(row=row, animate=False)
                return
