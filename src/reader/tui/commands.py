"""Command palette (ctrl+p): "Open article …" for the articles whose title holds what was typed.

A library may hold 100,000 articles, so nothing here lists them all: the palette opens on the newest
few, and each key asks the search index for titles holding the words typed so far (the last one may be
unfinished), a bounded number of them, newest first, which the palette's own matcher then scores.
The lookup runs in a thread on a connection of its own, so the typing never waits for it (a short prefix
at a million articles takes a fifth of a second), and the next key interrupts it: only the lookup for
what is typed when the typing pauses runs to its end.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from ..inert import inert

if TYPE_CHECKING:
    from ..store import Store
    from ..store.library import LibraryRow

#: Articles offered before anything is typed (the newest), and at most per query.
SHOWN_AT_FIRST = 20
CANDIDATES = 50
#: The score of an article whose title holds the words in another order than typed: still offered, last.
UNORDERED_SCORE = 0.01


class _LibraryApp(Protocol):
    """What the palette needs of its app (`ReaderApp`, which imports this module): the library, and a way
    to open an article."""

    store: Store

    def open_article(self, article_id: int) -> None: ...


def _title(title_ko: str, title_en: str) -> str:
    return inert(" — ".join(t for t in (title_ko, title_en) if t) or "(untitled)")


class ArticleCommands(Provider):
    """Articles by either title. Titles are shown literally: the palette's own highlighter parses markup."""

    def __init__(self, screen, match_style=None) -> None:
        super().__init__(screen, match_style)
        self._lookup: sqlite3.Connection | None = None
        self._one_lookup = asyncio.Lock()

    def _library_app(self) -> _LibraryApp:
        return cast(_LibraryApp, self.app)

    def _open(self, article_id: int) -> None:
        self._library_app().open_article(article_id)

    def _conn(self):
        return self._library_app().store.conn

    def _lookup_conn(self) -> sqlite3.Connection | None:
        """The palette's own connection for title lookups in a thread; None for a library in memory (one
        connection: it is looked up in place)."""
        if self._lookup is None:
            path = self._library_app().store.path
            if path is None:
                return None
            from ..store.connection import connect

            self._lookup = connect(path, create=False)
        return self._lookup

    async def shutdown(self) -> None:
        if self._lookup is not None:
            self._lookup.interrupt()  # a lookup still running stops, and ends before the connection closes
        async with self._one_lookup:
            if self._lookup is not None:
                self._lookup.close()
                self._lookup = None

    async def _titles(self, query: str) -> list[LibraryRow]:
        from ..store.library import search_titles

        async with self._one_lookup:  # one at a time: an interrupt stops only the lookup it is meant for
            conn = self._lookup_conn()
            if conn is None:
                return search_titles(self._conn(), query, limit=CANDIDATES)
            lookup = asyncio.ensure_future(asyncio.to_thread(search_titles, conn, query, limit=CANDIDATES))
            try:
                return await asyncio.shield(lookup)
            except asyncio.CancelledError:  # the next key: this lookup stops where it is
                conn.interrupt()
                await asyncio.wait([lookup])  # the connection is free again before the next one starts
                raise

    async def discover(self) -> Hits:
        from ..store.library import LibraryView, Listing

        for row in Listing(self._conn(), LibraryView()).rows(0, SHOWN_AT_FIRST):
            text = f"Open article: {_title(row.title_ko, row.title_en)}"
            yield DiscoveryHit(
                Content(text), partial(self._open, row.id), text=text, help=row.published or None
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row in await self._titles(query):
            text = f"Open article: {_title(row.title_ko, row.title_en)}"
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score <= 0:
                score, offsets = UNORDERED_SCORE, ()
            yield Hit(score, _highlight(text, offsets, matcher.match_style), partial(self._open, row.id),
                      text=text, help=row.published or None)  # fmt: skip


def _highlight(text: str, offsets: Sequence[int], style: Style) -> Content:
    content = Content(text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content
