"""The library: every stored article in the chosen order and through the chosen filters; Enter reads one.

The table reads only the rows on screen (see `ArticleTable`), so a library of 100,000 articles opens as
fast as one of ten. Where the reader was — the article under the cursor, the order, the filters — is
remembered per library file across runs (`reader.tui.settings`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from ...inert import inert
from ...store import DatabaseError, Store, StoreError
from ...store import library as lib
from ...store.library import LibraryView, Listing
from ...store.removal import RemovedArticle
from ..app_api import reader_app
from ..change_watch import CHANGES_POLL, ChangeWatch
from ..format import display_path
from ..refused_writes import refused_write, unanswered_read
from ..settings import load_library_state, save_library_state
from ..widgets.article_table import ArticleTable
from ..widgets.key_hints import KeyHints
from .library_fetch import LibraryFetch

EMPTY_MESSAGE = (
    "The library is empty.\n\n"
    "Press a to add an article: paste its Korean and/or English text, or give a web address or a file.\n\n"
    "Or add articles from the command line (they show here within seconds):\n\n"
    "    reader add --ko KO.txt --en EN.txt\n\n"
    "(or reader add ARTICLE.json; see reader add --help)"
)
NOTHING_MATCHES = "No article matches the filters. Press f to change them, or c to show every article."
SORT_NAMES = {"date": "newest first", "source": "by source", "title": "by title", "notes": "most notes first"}


class LibraryScreen(LibraryFetch, Screen[None]):
    """The first screen: a header naming the library, the order and the filters; the table; the footer."""

    BINDING_GROUP_TITLE = "Library"

    #: What an article opened from here names as the way back (`ReadingScreen` q).
    WAY_BACK: ClassVar[str] = "library"

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding runs as the key arrives, so the search screen is up before the next key is
        # looked at: a syllable typed right after / goes into the search box instead of being lost.
        Binding("slash", "search", "Search", id="library.search", priority=True,
                tooltip="Search every article, both languages (Korean finds inflected forms)"),
        Binding("o", "cycle_sort", "Sort", id="library.sort",
                tooltip="Order by date, source, title or number of notes, in turn"),
        Binding("f", "filter", "Filter", id="library.filter",
                tooltip="Show only starred, unread or annotated articles, or some sources or tags"),
        Binding("c", "clear_filters", "All", id="library.clear_filters", show=False,
                tooltip="Drop every filter and show all articles"),
        Binding("s", "toggle_star", "Star", id="library.star", tooltip="Star or unstar the article under the cursor"),
        Binding("u", "toggle_read", "Read/unread", id="library.toggle_read", show=False,
                tooltip="Mark the article under the cursor unread (or read)"),
        Binding("a", "add_article", "Add", id="library.add_article",
                tooltip="Add an article: paste Korean and/or English, or give a web address or a file"),
        Binding("R", "reload", "Reload", id="library.reload", show=False,
                tooltip="Read the library again now (a shared library's changes show within seconds anyway)"),
        Binding("r", "fetch", "Fetch", id="library.fetch", show=False,
                tooltip="Fetch what is new in your feeds, each Korean story paired with its English edition"),
        Binding("e", "edit_details", "Edit", id="library.edit", show=False,
                tooltip="Correct the titles, source or date of the article under the cursor"),
        Binding("d", "remove", "Delete", id="library.delete", show=False,
                tooltip="Remove the article under the cursor, with its notes (asks first; Ctrl+z undoes)"),
        Binding("ctrl+z", "undo_remove", "Undo", id="library.undo", show=False,
                tooltip="Bring back the article removed last (while reader is open)"),
        Binding("q", "app.quit", "Quit", id="library.quit", tooltip="Leave reader"),
    ]  # fmt: skip

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        state = load_library_state(store.location)
        self.view = LibraryView.from_json(state.get("view"))
        remembered = state.get("article")
        self._remembered: int | None = remembered if isinstance(remembered, int) else None
        self.listing = Listing(store.conn, self.view)
        self._save_timer: Timer | None = None
        self._sources: list[tuple[str, int]] | None = None
        self._single_source: str | None = None  # the one source of every article, if they share one
        self._removed: list[RemovedArticle] = []  # for undo, last removed last; gone when reader closes
        self.changes = ChangeWatch(store.conn)  # whether others wrote since the rows were read

    # --- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="library-header")
        yield ArticleTable(self.listing, id="articles")
        yield Static(Text(self._empty_message()), id="library-empty")
        yield KeyHints()

    def on_mount(self) -> None:
        self._show_sources()
        self._show_empty()
        if self._remembered is not None:
            self.table.select_article(self._remembered)
        self.changes.take()
        self.set_interval(CHANGES_POLL, self._poll_changes)

    # --- someone else's changes -------------------------------------------------------------------

    def _poll_changes(self) -> None:
        """Articles added, edited or removed by someone else (a colleague on a shared library, another
        `reader` process): listed again, the cursor kept, new ones said in one line."""
        if self.app.screen is not self:
            return  # the rows are read again when the screen comes back to the front
        if not self.changes.moved():
            return
        before = self.listing.count
        with unanswered_read(self, "list the library"):
            self.refresh_listing()
            added = self.listing.count - before
            if added > 0 and not self.view.filtered:
                self.notify(f"{added} new article{'' if added == 1 else 's'} in the library.", timeout=4)

    def action_reload(self) -> None:
        """R: read the library again now."""
        with unanswered_read(self, "list the library") as attempt:
            self.changes.take()
            self.refresh_listing()
        if not attempt.refused:
            count = self.listing.count
            self.notify(f"Library read again: {count} article{'' if count == 1 else 's'}.", timeout=2)

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def _empty_message(self) -> str:
        return NOTHING_MATCHES if self.view.filtered else EMPTY_MESSAGE

    def _show_empty(self) -> None:
        empty = self.listing.count == 0
        self.table.display = not empty
        message = self.query_one("#library-empty", Static)
        message.display = empty
        message.update(Text(self._empty_message()))
        if not empty:
            self.table.focus()

    def _show_sources(self) -> None:
        """No Source column when every article has the same source: the header names it once instead."""
        self._single_source = lib.single_source(self.store.conn)
        self.table.source_column = self._single_source is None
        self.table.refresh()
        self.query_one("#library-header", Static).update(self._header())

    def _header(self) -> Text:
        count = self.listing.count
        parts: list[str | tuple[str, str]] = [("Library", "bold"), "  ", (display_path(self.store.location), "dim"), "  ·  ",
                 f"{count} article" + ("" if count == 1 else "s"), "  ·  ", (SORT_NAMES[self.view.sort], "italic")]  # fmt: skip
        if self._single_source:
            parts += ["  ·  ", ("all from " + inert(self._single_source or ""), "dim")]
        if self.store.write_refusal is not None:
            parts += ["  ·  ", ("read-only", "bold")]
        filters = self.view.describe()
        if filters:
            parts += ["  ·  ", ("only " + ", ".join(filters), "bold")]
        if self.fetching:
            parts += ["  ·  ", (self.fetching, "italic")]
        return Text.assemble(*parts)

    def refresh_header(self) -> None:
        self.query_one("#library-header", Static).update(self._header())

    def refresh_listing(self) -> None:
        """After a fetch: the listing read again (new and joined articles), the cursor where it was."""
        self._sources = None
        self.set_view(self.view)

    # --- changing what is listed ------------------------------------------------------------------

    def set_view(self, view: LibraryView) -> None:
        """List the library in another order or through other filters, keeping the cursor's article."""
        current = self.table.article_id_at_cursor() if self.listing.count else self._remembered
        self.view = view
        self.listing = Listing(self.store.conn, view)
        self.table.show(self.listing, current)
        self._show_sources()
        self._show_empty()
        self.save_state()

    def action_cycle_sort(self) -> None:
        self.set_view(self.view.next_sort())
        self.notify(f"Sorted {SORT_NAMES[self.view.sort]}.", timeout=2)

    def action_filter(self) -> None:
        from ..dialogs.filters import FilterDialog

        if self._sources is None:  # a full pass over the articles: once per session is enough
            self._sources = lib.sources(self.store.conn)
        self.app.clear_notifications()  # "Sorted newest first." would sit over the filters
        self.app.push_screen(FilterDialog(self.store, self.view, self._filters_chosen, self._sources))

    def _filters_chosen(self, view: LibraryView) -> None:
        if view != self.view:
            self.set_view(view)

    def action_clear_filters(self) -> None:
        if self.view.filtered:
            self.set_view(self.view.unfiltered())

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.clear_notifications()  # "Sorted newest first." is about the library, not the search
        self.app.push_screen(SearchScreen(self.store))

    def action_add_article(self) -> None:
        from ..dialogs.add_article import AddArticleDialog

        if self.store.write_refusal is not None:  # before a text is pasted and analysed, not after
            self.notify(f"Cannot add an article: {self.store.write_refusal}", severity="error", markup=False)
            return

        self.app.push_screen(AddArticleDialog(self.store), self._article_added)

    def _article_added(self, article_id: int | None) -> None:
        """List the library again, with the cursor on the new article (unless the filters hide it)."""
        if article_id is None:
            return
        self.set_view(self.view)
        if self.listing.index_of(article_id) is None:
            self.notify(
                f"Added article {article_id}; the filters hide it (c shows every article).", timeout=5
            )
            return
        self._remembered = article_id
        self.table.select_article(article_id)
        self.save_state()
        self.notify(f"Added article {article_id}.", timeout=3)

    # --- per-article state ------------------------------------------------------------------------

    def action_toggle_star(self) -> None:
        article_id = self.table.article_id_at_cursor()
        if article_id is None:
            return
        starred = not lib.is_starred(self.store.conn, article_id)
        with refused_write(self, "star this article") as attempt:
            lib.set_starred(self.store.conn, article_id, starred)
        if attempt.refused:
            return
        self.table.forget_rows()
        self.notify("Starred." if starred else "Star removed.", timeout=2)

    def action_toggle_read(self) -> None:
        row = self.table.row(self.table.cursor_row)
        if row is None:
            return
        with refused_write(self, "mark this article") as attempt:
            if row.read:
                lib.mark_unread(self.store.conn, row.id)
            else:
                lib.mark_read(self.store.conn, row.id)
        if not attempt.refused:
            self.table.forget_rows()

    # --- correcting and removing ----------------------------------------------------------------------

    def action_edit_details(self) -> None:
        from ..dialogs.article_details import ArticleDetailsDialog

        article_id = self.table.article_id_at_cursor() if self.listing.count else None
        if article_id is None:
            return

        def saved(details: object) -> None:
            if details is not None:
                self._sources = None  # the source may be new
                self.set_view(self.view)
                self.notify("Saved the details.", timeout=2)

        self.app.push_screen(ArticleDetailsDialog(self.store.conn, article_id), saved)

    def action_remove(self) -> None:
        from ...store.details import article_details
        from ...store.notes import count_notes
        from ..dialogs.confirm import ConfirmScreen

        article_id = self.table.article_id_at_cursor() if self.listing.count else None
        details = article_details(self.store.conn, article_id) if article_id is not None else None
        if article_id is None or details is None:
            return
        # Both titles and the date: two articles may share an English title (a new user removed the
        # wrong one's twin otherwise)
        titles = " / ".join(f"“{inert(t)}”" for t in (details.title_ko, details.title_en) if t)
        title = titles or f"article {article_id}"
        dated = f" ({details.published})" if details.published else ""
        count = count_notes(self.store.conn, article_id)
        with_notes = f" and its {count} note{'s' if count != 1 else ''}" if count else ""

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(article_id)

        self.app.push_screen(ConfirmScreen(f"Remove {title}{dated}{with_notes} from the library?"), answered)

    def _remove(self, article_id: int) -> None:
        from ...store.removal import remove_articles

        at = self.table.cursor_row
        try:
            (removed,) = remove_articles(self.store.conn, [article_id])
        except StoreError as exc:  # removed meanwhile by another reader process, or a read-only library
            self.notify(str(exc), severity="error", markup=False)
            self.set_view(self.view)
            return
        except DatabaseError as exc:
            self.notify(f"Cannot remove this article: {exc}", severity="error", markup=False)
            return
        self._removed.append(removed)
        self._sources = None
        self.set_view(self.view)
        if self.listing.count:
            self.table.move_to(min(at, self.listing.count - 1))
        self.notify(f"Removed “{inert(removed.title)}”. Ctrl+z brings it back.", timeout=6, markup=False)

    def action_undo_remove(self) -> None:
        from ...store.removal import restore_article

        if not self._removed:
            self.notify("Nothing to bring back.", timeout=2)
            return
        removed = self._removed.pop()
        try:
            restore_article(self.store.conn, removed)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self._sources = None
        self.set_view(self.view)
        self.table.select_article(removed.article_id)
        self.notify(f"Brought back “{inert(removed.title)}”.", timeout=3, markup=False)

    # --- opening and coming back -------------------------------------------------------------------

    def on_article_table_opened(self, event: ArticleTable.Opened) -> None:
        event.stop()
        self._remembered = event.article_id
        self.save_state()
        reader_app(self.app).open_article(event.article_id)

    def on_article_table_moved(self, event: ArticleTable.Moved) -> None:
        event.stop()
        if event.article_id is None:
            return
        self._remembered = event.article_id
        # Written a moment after the cursor stops, not on every key: a held-down j writes once.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(0.5, self.save_state)

    def neighbours(self, article_id: int) -> tuple[int | None, int | None]:
        """Before and after `article_id` in this listing; in date order if the filters leave it out."""
        if self.listing.index_of(article_id) is not None:
            return self.listing.neighbours(article_id)
        return Listing(self.store.conn, LibraryView()).neighbours(article_id)

    def select_article(self, article_id: int | None) -> None:
        """Back from reading: rows are read again (read state, notes), the cursor on what was read last."""
        self.table.forget_rows()
        if article_id is not None:
            with unanswered_read(self, "list the library"):
                self.table.select_article(article_id)

    def on_screen_resume(self) -> None:
        self.table.forget_rows()
        if self.changes.mark is not None:
            self._poll_changes()  # what others changed while an article was open

    def on_unmount(self) -> None:
        self.save_state()

    def save_state(self) -> None:
        save_library_state(self.store.location, {"view": self.view.to_json(), "article": self._remembered})


__all__ = ["LibraryScreen"]
