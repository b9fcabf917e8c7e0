"""Reading one article: its titles above, the aligned Korean and English below, scrolling together."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ...store import Article, Store
from ...store.library import mark_read
from ...text.language import LANGUAGE_NAMES
from ..app_api import reader_app
from ..format import literal
from ..refused_writes import optional_write, unanswered_read
from ..widgets.entity_panel import EntityPanel
from ..widgets.find_bar import FindBar
from ..widgets.key_hints import KeyHints
from ..widgets.parallel_view import ParallelView
from ..widgets.status_line import StatusLine
from .reading_alignment import ReadingAlignment
from .reading_entities import ReadingEntities
from .reading_notes import ReadingNotes
from .reading_translate import ReadingTranslation, missing_side

#: Where q goes back to, by the screen the article was opened from: the key line's label, the tooltip.
WAY_BACK = {
    "library": ("Library", "Back to the library"),
    "search": ("Search", "Back to the search hits"),
    "notes": ("All notes", "Back to the notes list"),
}


def article_heading(article: Article) -> Text:
    """Both titles, then source, date and who translated: shown literally, whatever the titles contain."""
    lines = [literal(article.title_ko, "bold"), literal(article.title_en, "bold")]
    details = [literal(part) for part in (article.source, article.published) if part]
    if article.feed:
        details.append(literal(f"feed {article.feed}"))
    if article.paired:
        how = "by a fetch" if article.paired == "auto" else "by hand"
        details.append(
            Text(f"Korean and English editions paired {how} (reader unpair splits them)", style="italic")
        )
    if article.translation_by and article.translation_by != "human":
        details.append(literal(f"machine translation ({article.translation_by})", "italic"))
    missing = missing_side(article)
    if missing is not None:  # said here because T is not in the footer
        details.append(Text(f"no {LANGUAGE_NAMES[missing]} text: T translates", style="italic"))
    if details:
        lines.append(Text(" · ", style="dim").join(details))
        lines[-1].stylize("dim")
    return Text("\n").join(line for line in lines if line.plain)


class ReadingScreen(ReadingNotes, ReadingEntities, ReadingAlignment, ReadingTranslation, Screen[int]):
    """Dismissed with the id of the article last shown, so the library can put its cursor there."""

    BINDING_GROUP_TITLE = "Reading"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Named after the screen the article was opened from, once it is known (see `_name_way_back`).
        Binding("q,escape", "back", "Back", id="reading.back",
                tooltip="Back to where the article was opened from: the library, the search hits or the notes"),
        Binding("left_square_bracket", "previous_article", "Prev article", id="reading.previous_article",
                tooltip="Open the previous article in the library"),
        Binding("right_square_bracket", "next_article", "Next article", id="reading.next_article",
                tooltip="Open the next article in the library"),
        Binding("l", "toggle_layout", "Layout", id="reading.toggle_layout",
                tooltip="Side by side or stacked (Korean above English)"),
        Binding("t", "cycle_languages", "Languages", id="reading.languages",
                tooltip="Both languages, Korean only, English only (an article in one language opens in it alone)"),
        Binding("a", "add_note", "Note", id="reading.add_note",
                tooltip="Write a note on the selected words, the selected name, or else the current row"),
        Binding("v", "select_text", "Select", id="reading.select_text", show=False,
                tooltip="Select words in the current row (w/b longer/shorter, o other language, a annotate)"),
        Binding("m", "notes_panel", "Notes", id="reading.notes_panel",
                tooltip="This article's notes: go to one, edit, delete, undo"),
        Binding("e", "entities", "Entities", id="reading.entities",
                tooltip="The article's names, dates and numbers; Enter goes to the next row holding one"),
        Binding("plus", "add_to_glossary", "Glossary", id="reading.add_to_glossary",
                tooltip="Add the selected name (Tab) and its counterpart to the glossary"),
        # Priority: the bar opens as / arrives, so what is typed right after it is not taken for commands.
        Binding("slash", "find", "Find", id="reading.find", priority=True,
                tooltip="Find words in both languages of this article, Korean in any form (then n / N)"),
        Binding("f", "next_flag", "Next flag", id="reading.next_flag", show=False,
                tooltip="Go to the next row the translation check flagged (!)"),
        Binding("F", "previous_flag", "Previous flag", id="reading.previous_flag", show=False,
                tooltip="Go to the previous flagged row (!)"),
        Binding("J", "join_rows", "Join", id="reading.join_rows", show=False,
                tooltip="Join the current row with the next one (a fix by hand, kept by re-analysis)"),
        Binding("s", "split_korean", "Split Korean", id="reading.split_korean", show=False,
                tooltip="Split the last Korean sentence of the current row into a row of its own"),
        Binding("S", "split_english", "Split English", id="reading.split_english", show=False,
                tooltip="Split the last English sentence of the current row into a row of its own"),
        Binding("u,ctrl+z", "undo_alignment", "Undo", id="reading.undo_alignment", show=False,
                tooltip="Undo the last join or split in this article"),
        Binding("T", "machine_translate", "Translate", id="reading.machine_translate", show=False,
                tooltip="Machine-translate the missing language with the engine in the config file"),
        Binding("R", "refresh_notes", "Refresh notes", id="reading.refresh_notes", show=False,
                tooltip="Read this article's notes again (others' new notes also appear by themselves)"),
    ]  # fmt: skip

    def __init__(
        self,
        store: Store,
        article: Article,
        at: int | None = None,
        found: tuple[str, list[str]] | None = None,
        back_to: str | None = None,
    ) -> None:
        super().__init__()
        if back_to in WAY_BACK:
            self._name_way_back(back_to)
        self.store = store
        self.article = article
        self.start_row = at  # open with the cursor on this row (a note's), not the first
        self.found = found  # the library search that found it (query, linked words): its words marked
        self._one_language = False  # the view shows one language because the article has no other

    def on_mount(self) -> None:
        self._fit_languages()
        if self.found is not None:  # n and N go through the rows that hold them, Escape clears them
            query, linked = self.found
            self.view.set_search(query, each_word=True, also=linked)
        if self.start_row:
            self.view.move_to(self.start_row)

    def _fit_languages(self) -> None:
        """An article in one language is shown in that language alone, not beside an empty column; the
        next article in both (or this one, once translated) is shown in both again."""
        has = {side for side in ("ko", "en") if self.article.text(side).strip()}
        if len(has) == 1:
            self.view.languages = "ko" if "ko" in has else "en"
            self._one_language = True
        elif self._one_language:
            self.view.languages = "both"
            self._one_language = False

    def compose(self) -> ComposeResult:
        yield Static(article_heading(self.article), id="article-header")
        yield ParallelView(self.article.segments, id="parallel")  # first: it has the focus
        yield EntityPanel(id="entities")
        yield FindBar(id="find-bar")
        yield StatusLine(id="reading-status")
        yield KeyHints()

    # The mixins' `view` (see reading_base): looked up, never stored.
    @property
    def view(self) -> ParallelView:
        return self.query_one(ParallelView)

    def show_article(self, article_id: int) -> None:
        with unanswered_read(self, "open the article") as attempt:
            article = self.store.get_article(article_id)
        if attempt.refused:
            return
        if article is None:  # removed by another `reader` process since the library was listed
            self.notify("That article is no longer in the library.", severity="error")
            return
        self.article = article
        with optional_write():  # [ and ] open articles too; a read-only library is read all the same
            mark_read(self.store.conn, article_id)
        self.query_one("#article-header", Static).update(article_heading(self.article))
        self.view.show(self.article.segments, self.article.mentions)
        self._fit_languages()
        self.entity_panel.close()
        self.refresh_notes()

    def reload_article(self) -> None:
        """Read the article again after its rows or mentions changed; the cursor stays on its row."""
        article = self.store.get_article(self.article.id)
        if article is None:
            self.notify("That article is no longer in the library.", severity="error")
            return
        self.article = article
        self.view.reload(article.segments, article.mentions)
        self._fit_languages()
        self.refresh_notes()
        self.show_row_status()
        self.refresh_entity_panel()

    def _name_way_back(self, back_to: str) -> None:
        """`q Search` in the key line (and its tooltip in ? help) when q goes back to the search hits:
        this screen's own copy of the binding, so the same key says where it goes."""
        label, tooltip = WAY_BACK[back_to]
        bindings = self._bindings.key_to_bindings
        for key in ("q", "escape"):
            bindings[key] = [replace(b, description=label, tooltip=tooltip) if b.id == "reading.back" else b
                             for b in bindings.get(key, [])]  # fmt: skip

    def action_back(self) -> None:
        self.dismiss(self.article.id)

    def action_previous_article(self) -> None:
        previous, _ = reader_app(self.app).neighbour_ids(self.article.id)
        if previous is None:
            self.notify("This is the first article.", timeout=2)
        else:
            self.show_article(previous)

    def action_next_article(self) -> None:
        _, following = reader_app(self.app).neighbour_ids(self.article.id)
        if following is None:
            self.notify("This is the last article.", timeout=2)
        else:
            self.show_article(following)

    def action_toggle_layout(self) -> None:
        self.view.toggle_layout()

    def action_cycle_languages(self) -> None:
        self.view.cycle_languages()
