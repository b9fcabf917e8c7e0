"""Command palette (ctrl+p): "Open article …" for every article in the library."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.style import Style
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from ..inert import inert

if TYPE_CHECKING:
    from .app import ReaderApp


def _title(title_ko: str, title_en: str) -> str:
    return inert(" — ".join(t for t in (title_ko, title_en) if t) or "(untitled)")


class ArticleCommands(Provider):
    """Articles by either title. Titles are shown literally: the palette's own highlighter parses markup."""

    async def startup(self) -> None:
        app: ReaderApp = self.app  # type: ignore[assignment]
        self._articles = [(a.id, f"Open article: {_title(a.title_ko, a.title_en)}", a.published or "")
                          for a in app.store.list_articles()]  # fmt: skip

    def _open(self, article_id: int) -> None:
        self.app.open_article(article_id)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for article_id, text, date in self._articles:
            yield DiscoveryHit(Content(text), partial(self._open, article_id), text=text, help=date or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article_id, text, date in self._articles:
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                yield Hit(score, _highlight(text, offsets, matcher.match_style), partial(self._open, article_id),
                          text=text, help=date or None)  # fmt: skip


def _highlight(text: str, offsets: tuple[int, ...] | list[int], style: Style) -> Content:
    content = Content(text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content
