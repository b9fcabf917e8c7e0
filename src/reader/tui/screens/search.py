"""Searching the whole library (`/` in the library): ranked hits with both languages' snippets; Enter reads.

The query runs as you type, a moment after the last key, in a thread with its own connection to the
library, so a slow query never freezes typing; a newer query interrupts an older one still running.
Korean words match inside inflected forms (북한군 finds 북한군이), by way of the bigram index.
"""

from __future__ import annotations

import sqlite3
import time
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...store import OperationalError, Store, StoreError
from ...store.search import BadQuery, Hit, snippet
from ..app_api import reader_app
from ..format import literal
from ..widgets.key_hints import KeyHints

#: Pause after the last key before searching, so a word typed quickly is searched once.
DEBOUNCE = 0.15
LIMIT = 100
SNIPPET_WIDTH = 200
#: A hit's words linked to the query's in the other language: (Korean words, English words).
Marks = tuple[list[str], list[str]]


def hit_text(hit: Hit, query: str, width: int = 0, counterparts: tuple[list[str], list[str]] = ([], []),
             match_style: str = "reverse") -> Text:  # fmt: skip
    """Three lines of at most `width` cells (0: no limit): the date, where the hit is and the article's
    title; the Korean snippet; the English snippet. The query's words are marked, and in the other
    language the words linked to them (`counterparts`: Korean words, English words)."""
    if hit.position is None:  # the titles matched: they are the two lines below
        heading = Text(f"{hit.published or '—'}  in the title", style="dim")
    else:
        heading = Text()
        heading.append(f"{hit.published or '—'}  row {hit.position + 1}  ", style="dim")
        heading.append_text(literal(hit.title_ko or hit.title_en, "bold"))
    lines = [heading]
    for side, others, cells in ((hit.ko, counterparts[0], 2), (hit.en, counterparts[1], 1)):
        # the window around the match as wide as the line shows (a Hangul syllable takes two cells), so
        # the match is in what is seen and not cut off at the edge
        chars = min(SNIPPET_WIDTH, (width - 4) // cells) if width else SNIPPET_WIDTH
        shown, spans = snippet(side, query, max(20, chars))
        line = literal(shown)
        for start, end in spans:
            line.stylize(match_style, start, end)
        for word in others:  # the other language's words for what was found: marked the same way
            at = shown.find(word)
            while at >= 0:
                if not any(a < at + len(word) and at < b for a, b in spans):
                    line.stylize(match_style, at, at + len(word))
                at = shown.find(word, at + len(word))
        lines.append(Text("  ") + line)
    if width:
        for line in lines:
            line.truncate(width, overflow="ellipsis")
    text = Text("\n").join(lines)
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class SearchScreen(Screen[None]):
    """A search box above a list of hits; Enter in the box goes to the hits, Enter on a hit opens it."""

    BINDING_GROUP_TITLE = "Search"
    #: Korean keys stay Korean here (see ReaderApp._typing_text): this screen has no letter keys.
    TEXT_ENTRY: ClassVar[bool] = True

    #: What an article opened from here names as the way back (`ReadingScreen` q).
    WAY_BACK: ClassVar[str] = "search"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Library", id="search.back", tooltip="Back to the library"),
        Binding("down", "to_results", "Hits", id="search.to_results", show=False,
                tooltip="From the search box down to the hits"),
        # A priority binding: from the hits, `/` goes back to the box with the query selected, so typing
        # starts a new one (it is not appended to the old one); in the box it is text (원/달러).
        Binding("slash", "to_input", "New search", id="search.to_input", show=False, priority=True,
                tooltip="Back to the search box, the query selected (type to replace it)"),
    ]  # fmt: skip

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial = query
        self.hits: list[Hit] = []
        self.query_text = ""
        self.marks: list[Marks] = []  # each hit's words linked to the query's, in the other language
        self.elapsed: float | None = None
        self._timer: Timer | None = None
        self._conn: sqlite3.Connection | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("Search", "bold"), "  ", ("both languages · Korean finds inflected forms",
                                                                "dim")), id="search-header")  # fmt: skip
        yield Input(self.initial, placeholder='Words to find ("quotes" for a phrase)', id="search-input")
        yield Static("", id="search-status")
        yield OptionList(id="search-results")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @property
    def results(self) -> OptionList:
        return self.query_one(OptionList)

    # --- searching --------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        if event.value.strip() != self.query_text or not self.hits:
            self.run_search(event.value, then_focus=True)
        elif self.hits:
            self.results.focus()

    def run_search(self, query: str, *, then_focus: bool = False) -> None:
        query = query.strip()
        if not query:
            self._show(query, [], None, None, [])
            return
        if self.store.location is None:  # an in-memory library has one connection: search it here
            self._show(query, *self._search(self.store.conn, query), then_focus=then_focus)
            return
        if self._conn is not None:
            self._conn.interrupt()  # a newer query wins; the older one stops where it is
        self._search_in_thread(query, then_focus)

    @work(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, query: str, then_focus: bool) -> None:
        if self._conn is None:
            from ...store import open_connection

            try:
                # Why the ignore: location is not None here (run_search searches an in-memory library)
                self._conn = open_connection(self.store.location, create=False)  # type: ignore[arg-type]
            except StoreError as exc:  # the library's server is down
                self.app.call_from_thread(self._show, query, [], None, f"Cannot search: {exc}", [])
                return
        hits, elapsed, error, marks = self._search(self._conn, query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, hits, elapsed, error, marks, then_focus=then_focus)

    @staticmethod
    def _search(
        conn: sqlite3.Connection, query: str
    ) -> tuple[list[Hit], float | None, str | None, list[Marks]]:
        """The hits, how long finding them took, what went wrong, and each hit's linked words to mark."""
        from ...store.library import search_library

        start = time.perf_counter()
        try:
            hits = search_library(conn, query, limit=LIMIT)
        except BadQuery:
            return [], None, "Nothing to search for in that: type a word.", []
        except OperationalError:  # interrupted by a newer query
            return [], None, None, []
        except StoreError as exc:  # the library's server is down (the next search connects again)
            return [], None, f"Cannot search: {exc}", []
        elapsed = time.perf_counter() - start
        from ...store.counterparts import counterpart_words

        try:
            marks = [counterpart_words(conn, hit, query) for hit in hits]
        except OperationalError:  # interrupted by a newer query
            return [], None, None, []
        except StoreError as exc:
            return [], None, f"Cannot search: {exc}", []
        return hits, elapsed, None, marks

    def _show(self, query: str, hits: list[Hit], elapsed: float | None, error: str | None,
              marks: list[Marks] | None = None, then_focus: bool = False) -> None:  # fmt: skip
        self.query_text, self.hits, self.elapsed = query, hits, elapsed
        results = self.results
        results.clear_options()
        width = max(20, results.scrollable_content_region.width - 2)  # an option's padding
        marks = marks if marks is not None and len(marks) == len(hits) else [([], [])] * len(hits)
        self.marks = marks
        results.add_options(
            [Option(hit_text(hit, query, width, marks[i]), id=str(i)) for i, hit in enumerate(hits)]
        )
        status = self.query_one("#search-status", Static)
        if error:
            status.update(Text(error, style="italic"))
        elif not query:
            status.update("")
        elif not hits:
            status.update(Text.assemble("No matches for ", literal(query, "bold"), "."))
        else:
            more = "+" if len(hits) >= LIMIT else ""
            noun = "hit" if len(hits) == 1 else "hits"
            # a hit is a title or a row; an article shows its first few, and the article opened from one
            # marks every row that holds the words: say how many articles the hits come from
            articles = len({hit.article_id for hit in hits})
            where = f" in {articles}{more} article{'s' * (articles != 1)}"
            status.update(Text.assemble(f"{len(hits)}{more} {noun}{where} for ", literal(query, "bold"),
                                        ("   Enter or ↓ to go through them, Enter to read", "dim")))  # fmt: skip
        if hits:
            results.highlighted = 0
            if then_focus:
                results.focus()

    def on_key(self, event: events.Key) -> None:
        """A character typed before the box has the focus (just after `/`) still lands in the box.

        The box keeps every printable key it gets, so one that reaches the screen was sent elsewhere: to
        the hits, or to the screen itself while the box was still being focused (whatever the focus is
        by the time the screen reads it).
        """
        box = self.query_one(Input)
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            box.focus()
            box.insert_text_at_cursor(event.character)

    # --- moving and opening -----------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        hit, (ko_words, en_words) = self.hits[event.option_index], self.marks[event.option_index]
        # the article opens with the query's words marked, and the words linked to them
        found = (self.query_text, [*ko_words, *en_words])
        reader_app(self.app).open_article(hit.article_id, at=hit.position, found=found)

    def action_to_results(self) -> None:
        if self.hits and isinstance(self.focused, Input):
            self.results.focus()

    def action_to_input(self) -> None:
        box = self.query_one(Input)
        if self.focused is box:  # typed in the box, it is text: 원/달러, 1/4분기
            if box.selection.is_empty:
                box.insert_text_at_cursor("/")
            else:
                box.replace("/", *box.selection)
            return
        box.focus()
        box.select_all()

    def action_back(self) -> None:
        if self._conn is not None:
            self._conn.interrupt()
        self.dismiss()

    def on_unmount(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
