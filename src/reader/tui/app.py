"""The Textual application: screens, global keys, the Korean-layout key translation, the command palette."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ..store import Store
from ..store.library import mark_read
from .bindings import screen_bindings
from .commands import ArticleCommands
from .dialogs.help import HelpScreen
from .keys import latin_keys
from .refused_writes import optional_write, unanswered_read
from .screens.library import LibraryScreen


def _load_reading_screen() -> None:
    """Import the reading screen while the library is already on screen, so the first Enter is quick."""
    from .screens import reading  # noqa: F401


if TYPE_CHECKING:
    from .app_api import ReaderAppAPI


class ReaderApp(App[None]):
    """`reader` in the terminal. The CLI and the tests build it the same way: `ReaderApp(store)`."""

    BINDING_GROUP_TITLE = "Everywhere"

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="List every key binding"),
        Binding(
            "ctrl+n",
            "notes",
            "All notes",
            id="app.notes",
            show=False,
            tooltip="Every note in the library, newest first, with a filter",
        ),
    ]

    def __init__(self, store: Store, notice: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.notice = notice

    def get_default_screen(self) -> Screen:
        """The library is the bottom screen itself: pushing it over Textual's blank default screen drew
        the screen twice (and mounted a screen nobody sees) before the library showed."""
        return LibraryScreen(self.store)

    def on_mount(self) -> None:
        if self.notice:
            self.notify(self.notice, timeout=8)
        # A moment after the library is drawn (a thread importing at once would delay the first frame).
        self.set_timer(0.4, lambda: self.run_worker(self._settle, thread=True, name="preload"))
        self.set_timer(0.2, self._check_config)

    def _check_config(self) -> None:
        """A mistake in the config file is said once, after the library is on screen: the app still opens,
        and notes are signed with the default name until the file is fixed."""
        from ..config import ConfigError, configured_author

        try:
            configured_author()
        except ConfigError as exc:
            self.notify(f"{exc}; notes are signed with the default name until it is fixed",
                        severity="warning", markup=False, timeout=12)  # fmt: skip

    def _settle(self) -> None:
        """Preload the reading screen; then, in a terminal, freeze what start-up built.

        Start-up leaves tens of thousands of objects (modules, classes, styles) that live as long as the
        app; the garbage collector's first full pass over them takes 20-40 ms and otherwise falls on the
        first thing the reader does, typically Enter. `gc.freeze()` takes them out of its passes. Not in
        headless runs: tests start many apps in one process, and frozen garbage is never freed.
        """
        _load_reading_screen()
        if not self.is_headless:
            gc.freeze()

    def open_article(
        self, article_id: int, at: int | None = None, found: tuple[str, list[str]] | None = None
    ) -> None:
        """Show one article (from row `at`); the library under it moves its cursor to whatever was read last.
        `found`: the library search it was found by, and the words linked to its words, marked in it."""
        with unanswered_read(self, "open the article") as attempt:
            article = self.store.get_article(article_id)
        if attempt.refused:
            return
        if article is None:  # removed by another `reader` process since the library was listed
            self.notify("That article is no longer in the library.", severity="error")
            return
        with optional_write():  # a read-only library is read all the same
            mark_read(self.store.conn, article_id)
        # what the screen left behind said ("Sorted newest first.", which library this is) was about that
        # screen: it must not sit over the first lines of the article
        self.notice = None
        self.clear_notifications()
        from .screens.reading import ReadingScreen  # not at start-up: the library shows sooner without it

        library = next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)
        while isinstance(self.screen, ReadingScreen):
            self.pop_screen()
        back_to = getattr(self.screen, "WAY_BACK", None)  # the screen q returns to: library, search, notes
        self.push_screen(
            ReadingScreen(self.store, article, at=at, found=found, back_to=back_to),
            callback=library.select_article if library is not None else None,
        )

    def neighbour_ids(self, article_id: int) -> tuple[int | None, int | None]:
        """The articles before and after this one as the library lists them (its order and filters)."""
        library = next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)
        with unanswered_read(self, "find the next article"):
            if library is None:
                return self.store.neighbour_ids(article_id)
            return library.neighbours(article_id)
        return None, None

    def action_notes(self) -> None:
        """The notes screen, unless it is already up or a dialog (a note being written) is open."""
        from textual.screen import ModalScreen

        from .screens.notes import NotesScreen

        if isinstance(self.screen, (NotesScreen, ModalScreen)):
            return
        if any(isinstance(screen, NotesScreen) for screen in self.screen_stack):
            # an article opened from the notes list: back to that list, not a second one over it
            while not isinstance(self.screen, NotesScreen):
                self.pop_screen()
        else:
            self.clear_notifications()  # the screen left behind's notices, not the notes' (see open_article)
            self.push_screen(NotesScreen(self.store))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(screen_bindings(self.screen)))

    async def on_event(self, event: events.Event) -> None:
        """Let a key typed in the Korean layout (ㅓ) act as the Latin key it sits on (j).

        Done once here, before any binding is looked up, instead of binding every key twice; a syllable
        the input method composed from several keystrokes (허 from g, j) becomes those keys in order. A
        focused text input keeps what was typed, so Korean can still be entered there.
        """
        if isinstance(event, events.Key) and not event.is_forwarded:
            # A text box just opened (the reading screen's /) takes what is typed before it has the focus.
            take = getattr(self.screen, "take_typed_ahead", None)
            if take is not None and event.is_printable and event.character and take(event.character):
                return
            keys = latin_keys(event.character)
            if keys is not None and not self._typing_text():
                for key in keys:
                    translated = events.Key(key, key)
                    translated.set_sender(self)
                    await super().on_event(translated)
                return
        await super().on_event(event)

    def _typing_text(self) -> bool:
        from textual.widgets import Input, TextArea

        # A screen made for typing (library search) takes Korean as Korean even while its box is
        # still being focused: keys typed right after opening it must not turn into Latin commands.
        return isinstance(self.focused, (Input, TextArea)) or getattr(self.screen, "TEXT_ENTRY", False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, then every binding of the current screen, named as in the help."""
        yield from super().get_system_commands(screen)
        for entry in screen_bindings(screen):
            if entry.node is self or not entry.binding.description:
                continue
            yield SystemCommand(
                entry.binding.description,
                f"{entry.binding.tooltip} ({entry.keys})" if entry.binding.tooltip else entry.keys,
                entry.run,
            )
        # The library-wide notes screen opens from anywhere, so it is offered on every screen.
        notes = next(b for b in self.BINDINGS if isinstance(b, Binding) and b.id == "app.notes")
        yield SystemCommand(
            notes.description, f"{notes.tooltip} ({self.get_key_display(notes)})", self.action_notes
        )


if TYPE_CHECKING:

    def _is_reader_app_api(app: ReaderApp) -> ReaderAppAPI:  # mypy: ReaderApp has what screens ask of it
        return app
