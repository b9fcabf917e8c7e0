"""Reading one article: its titles above, the aligned Korean and English below, scrolling together."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...store import Article, Store
from ..format import literal
from ..widgets.parallel_view import ParallelView
from .reading_notes import ReadingNotes


def article_heading(article: Article) -> Text:
    """Both titles, then source, date and who translated: shown literally, whatever the titles contain."""
    lines = [literal(article.title_ko, "bold"), literal(article.title_en, "bold")]
    details = [literal(part) for part in (article.source, article.published) if part]
    if article.translation_by and article.translation_by != "human":
        details.append(literal(f"machine translation ({article.translation_by})", "italic"))
    if details:
        lines.append(Text(" · ", style="dim").join(details))
        lines[-1].stylize("dim")
    return Text("\n").join(line for line in lines if line.plain)


class ReadingScreen(ReadingNotes, Screen[int]):
    """Dismissed with the id of the article last shown, so the library can put its cursor there."""

    HELP_SECTION: ClassVar[str] = "Reading"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "back", "Library", id="reading.back", tooltip="Back to the library"),
        Binding("left_square_bracket", "previous_article", "Prev article", id="reading.previous_article",
                tooltip="Open the previous article in the library"),
        Binding("right_square_bracket", "next_article", "Next article", id="reading.next_article",
                tooltip="Open the next article in the library"),
        Binding("l", "toggle_layout", "Layout", id="reading.toggle_layout",
                tooltip="Side by side or stacked (Korean above English)"),
        Binding("t", "cycle_languages", "Languages", id="reading.languages",
                tooltip="Both languages, Korean only, English only"),
        Binding("a", "add_note", "Note", id="reading.add_note",
                tooltip="Write a note on the selected words, the selected name, or else the current row"),
        Binding("v", "select_text", "Select", id="reading.select_text", show=False,
                tooltip="Select words in the current row (w/b longer/shorter, o other language, a annotate)"),
        Binding("m", "notes_panel", "Notes", id="reading.notes_panel",
                tooltip="This article's notes: go to one, edit, delete, undo"),
    ]  # fmt: skip

    def __init__(self, store: Store, article: Article, at: int | None = None) -> None:
        super().__init__()
        self.store = store
        self.article = article
        self.start_row = at  # open with the cursor on this row (a note's), not the first

    def on_mount(self) -> None:
        if self.start_row:
            self.view.move_to(self.start_row)

    def compose(self) -> ComposeResult:
        yield Static(article_heading(self.article), id="article-header")
        yield ParallelView(self.article.segments, id="parallel")
        yield Footer()

    @property
    def view(self) -> ParallelView:
        return self.query_one(ParallelView)

    def show_article(self, article_id: int) -> None:
        article = self.store.get_article(article_id)
        if article is None:  # removed by another `reader` process since the library was listed
            self.notify("That article is no longer in the library.", severity="error")
            return
        self.article = article
        self.query_one("#article-header", Static).update(article_heading(self.article))
        self.view.show(self.article.segments)
        self.refresh_notes()

    def action_back(self) -> None:
        self.dismiss(self.article.id)

    def action_previous_article(self) -> None:
        previous, _ = self.store.neighbour_ids(self.article.id)
        if previous is None:
            self.notify("This is the first article.", timeout=2)
        else:
            self.show_article(previous)

    def action_next_article(self) -> None:
        _, following = self.store.neighbour_ids(self.article.id)
        if following is None:
            self.notify("This is the last article.", timeout=2)
        else:
            self.show_article(following)

    def action_toggle_layout(self) -> None:
        self.view.toggle_layout()

    def action_cycle_languages(self) -> None:
        self.view.cycle_languages()
