"""Adding an article from the library: paste Korean and/or English, or give a web address or a file.

The text goes through the same path as `reader add` (`reader.importers`: `single` and `batch`). Reading a page and
analysing the text take seconds (the Korean model loads the first time), so that runs in a thread with
its own connection to the library; the dialog says what is happening, and a failure — a duplicate, a
bad address, nothing pasted — is one line in the dialog, with nothing written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from ...inert import inert
from ...store import Store

WORKER = "add-article"


class PasteArea(TextArea):
    """A text box that shows pasted control characters as the reading screen does (␛ for ESC): a TextArea
    draws them raw, so an ESC pasted with an article coloured or moved things on the terminal (or showed
    as ^[). The article is stored as it is shown here."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.text = inert(event.text)  # before TextArea's own handler (Textual calls this class's first)


class TitleInput(Input):
    """A side's title. Several lines pasted here are an article pasted in the wrong box: the first line is
    its title and the rest its text, which goes to that side's empty text box instead of being dropped."""

    def __init__(self, side: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.side = side

    def _on_paste(self, event: events.Paste) -> None:
        event.text = inert(event.text)  # as in `PasteArea`: an Input draws control characters raw
        lines = event.text.strip().splitlines()
        rest = "\n".join(lines[1:]).strip()
        body = self.screen.query_one(f"#add-{self.side}", TextArea)
        if rest and not body.text.strip():
            event.stop()
            event.prevent_default()  # Input's own handler would paste the first line again
            self.value = lines[0].strip()
            body.load_text(rest)


class AddArticleDialog(ModalScreen[int | None]):
    """Dismissed with the new article's id, or None (Escape). While the article is being added it stays up."""

    BINDING_GROUP_TITLE = "Add article"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "add", "Add", id="add_article.add",
                tooltip="Add the pasted text (or the address or file) to the library"),
        Binding("escape", "cancel", "Cancel", id="add_article.cancel",
                tooltip="Close without adding (asks first if you pasted or typed something)"),
        Binding("tab", "next_box(1)", "Next box", id="add_article.next", show=False,
                tooltip="The next box: Korean text, English text, source, date, address, the titles"),
        Binding("shift+tab", "next_box(-1)", "Previous box", id="add_article.previous", show=False,
                tooltip="The box before"),
    ]  # fmt: skip

    #: Where Tab goes: from the Korean text to the English text (what is pasted next), the titles last.
    TAB_ORDER = ("add-ko", "add-en", "add-outlet", "add-date", "add-source", "add-title-ko", "add-title-en")

    DEFAULT_CSS = """
    AddArticleDialog {
        align: center middle;
        background: $background 60%;
    }
    #add-body {
        width: 100;
        max-width: 95%;
        height: 90%;
        padding: 0 2;
        background: $panel;
        border: round $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
    }
    #add-body Label { margin-top: 1; color: $text-muted; }
    #add-sides { height: 1fr; }
    #add-sides > Vertical { width: 1fr; height: 1fr; }
    #add-en-side { margin-left: 2; }
    #add-sides TextArea { height: 1fr; min-height: 3; }
    #add-details { height: auto; }
    #add-details > Vertical { width: 1fr; height: auto; }
    #add-date-side { margin-left: 2; }
    #add-status { height: 1; margin-top: 1; color: $text-muted; }
    #add-status.error { color: $text-error; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.busy = False
        self.message = ""  # what the status line says, as plain text
        self.added: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="add-body") as body:
            body.border_title = "Add an article"
            body.border_subtitle = "ctrl+s adds · Esc cancels"
            with Horizontal(id="add-sides"):
                with Vertical():
                    yield Label("한국어 Korean")
                    yield TitleInput("ko", id="add-title-ko", placeholder="Title (else taken from the text)")
                    yield PasteArea(
                        id="add-ko",
                        tab_behavior="focus",
                        highlight_cursor_line=False,
                        placeholder="Paste the Korean text here",
                    )
                with Vertical(id="add-en-side"):
                    yield Label("English")
                    yield TitleInput("en", id="add-title-en", placeholder="Title (else taken from the text)")
                    yield PasteArea(
                        id="add-en",
                        tab_behavior="focus",
                        highlight_cursor_line=False,
                        placeholder="Paste the English text here",
                    )
            with Horizontal(id="add-details"):
                with Vertical():
                    yield Label("Source (optional)")
                    yield Input(id="add-outlet", placeholder="Yonhap, The Korea Herald, …")
                with Vertical(id="add-date-side"):
                    yield Label("Date (optional)")
                    yield Input(id="add-date", placeholder="YYYY-MM-DD")
            yield Label("Or a web address or a file instead of pasted text")
            yield Input(id="add-source", placeholder="https://…  or  ~/news/article.txt, .html, .json")
            yield Static("Paste one side or both; they are aligned sentence by sentence.", id="add-status")

    def on_mount(self) -> None:
        self.query_one("#add-ko", TextArea).focus()

    def action_next_box(self, step: int) -> None:
        focused = self.focused.id if self.focused is not None else None
        at = self.TAB_ORDER.index(focused) if focused in self.TAB_ORDER else -step
        self.query_one(f"#{self.TAB_ORDER[(at + step) % len(self.TAB_ORDER)]}").focus()

    # --- what the status line says ------------------------------------------------------------------

    def show_status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#add-status", Static)
        status.set_class(error, "error")
        status.update(Text(inert(message)))
        self.message = message

    # --- adding -------------------------------------------------------------------------------------

    def action_add(self) -> None:
        if self.busy:
            return
        ko = self.query_one("#add-ko", TextArea).text
        en = self.query_one("#add-en", TextArea).text
        source = self.query_one("#add-source", Input).value.strip()
        if source and (ko.strip() or en.strip()):
            self.show_status("Give pasted text or an address/file, not both: clear one of them.", error=True)
            return
        if self.store.location is None:
            self.show_status("This library is in memory: add articles with reader add.", error=True)
            return
        from ...store import StoreError
        from ...store.details import valid_date

        outlet = " ".join(self.query_one("#add-outlet", Input).value.split())
        try:
            published = valid_date(self.query_one("#add-date", Input).value)
        except StoreError as exc:
            self.show_status(_one_line(str(exc)), error=True)
            self.query_one("#add-date", Input).focus()
            return
        self.busy = True
        self.show_status(f"Reading {source}…" if source else "Checking the text…")
        titles = (self.query_one("#add-title-ko", Input).value, self.query_one("#add-title-en", Input).value)
        self.add_in_thread(ko, en, titles, source, (outlet, published))

    @work(thread=True, exclusive=True, group=WORKER, name=WORKER)
    def add_in_thread(
        self,
        ko: str,
        en: str,
        titles: tuple[str, str],
        source: str,
        details: tuple[str, str | None] = ("", None),
    ) -> None:
        """Read, analyse and store on a connection of the thread's own; report back through the UI thread."""
        from ...importers.batch import article_from_source
        from ...importers.clean import storable
        from ...importers.errors import ImportProblem
        from ...importers.single import add_article, article_from_pasted
        from ...pairing import join_with_stored
        from ...store.articles import DuplicateArticle

        def step(message: str) -> None:
            self.app.call_from_thread(self.show_status, message)

        try:
            if source:
                article = article_from_source(str(_expand(source)))
                if titles[0].strip() or titles[1].strip():
                    article = replace(article, title_ko=titles[0].strip() or article.title_ko,
                                      title_en=titles[1].strip() or article.title_en)  # fmt: skip
            else:
                article = article_from_pasted(ko, en, title_ko=titles[0], title_en=titles[1])
            outlet, published = details  # typed in the dialog: they win over what a page or file says
            if outlet or published:
                article = replace(
                    article, source=outlet or article.source, published=published or article.published
                )
            assert self.store.location is not None
            # What had to change for the text to be storable (lone surrogates): said as `reader add` says it.
            warnings: list[str] = []
            said = ""  # what was done, when it was more than adding
            with Store.open(self.store.location) as store:
                # a side stored already on its own takes the other side, as `reader add` does
                joined = join_with_stored(store, article) if not storable(article)[1] else None
                if joined is not None:
                    article_id, said = joined
                else:
                    article_id = add_article(store, article, on_step=step, on_warning=warnings.append)
        except (ImportProblem, DuplicateArticle) as exc:
            self.app.call_from_thread(self._failed, str(exc))
        except Exception as exc:  # noqa: BLE001 - an analysis bug must leave the dialog usable, not crash the app
            self.app.call_from_thread(self._failed, f"unexpected error: {type(exc).__name__}: {exc}")
        else:
            self.app.call_from_thread(self._added, article_id, warnings, said)

    def _added(self, article_id: int, warnings: Sequence[str] = (), said: str = "") -> None:
        self.busy = False
        self.added = article_id
        if said:
            self.app.notify(f"{said[0].upper()}{said[1:]}.", timeout=10, markup=False)
        for warning in warnings:  # the dialog closes: the app's notification outlives it
            self.app.notify(f"Added, but {inert(warning)}.", severity="warning", timeout=15, markup=False)
        if self.is_current:  # else the help is open over the dialog: close when it is back on top
            self.dismiss(article_id)

    def on_screen_resume(self) -> None:
        if self.added is not None:
            self.dismiss(self.added)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.show_status(_one_line(message), error=True)

    def action_cancel(self) -> None:
        if self.busy:
            self.show_status("Still adding: wait a moment (the text is being analysed).")
            return
        if not self.typed:
            self.dismiss(None)
            return
        from .confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard what you pasted or typed?"), answered)

    @property
    def typed(self) -> bool:
        """Whether anything was pasted or typed (then Escape asks before throwing it away)."""
        areas = (self.query_one(f"#add-{side}", TextArea).text for side in ("ko", "en"))
        names = ("title-ko", "title-en", "outlet", "date", "source")
        inputs = (self.query_one(f"#add-{name}", Input).value for name in names)
        return any(text.strip() for text in (*areas, *inputs))


def _expand(source: str) -> str:
    """`~` in a typed path means the home folder, as in a shell; an address is left alone."""
    from pathlib import Path

    from ...importers.web import is_url

    return source if is_url(source) else str(Path(source).expanduser())


def _one_line(message: str) -> str:
    """One line, as a sentence: a first plain word is capitalised, a leading address or path is left alone."""
    line = " ".join(message.split())
    first = line.split(" ", 1)[0]
    return line[0].upper() + line[1:] if first.isalpha() else line


__all__ = ["AddArticleDialog"]
