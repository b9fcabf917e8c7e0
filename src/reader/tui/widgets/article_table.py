"""The library's table of articles: a line-based view that reads only the rows on screen.

A DataTable builds every row up front; with 100,000 articles that alone takes seconds and hundreds of
megabytes. This table knows only how many rows there are; it asks its `Listing` for blocks of rows as
they scroll into view and keeps a few blocks, so start-up and memory do not grow with the library.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...inert import inert
from ...store import DatabaseError, StoreError
from ...store.library import LibraryRow, Listing
from ...text.language import other_side
from ..format import literal
from ..refused_writes import one_line

#: Fixed columns; the two titles share what is left of the width.
GUTTER = 2  # the star
DATE_WIDTH = 10
SOURCE_WIDTH = 14
#: Below WIDE_FROM columns the Source column is narrower, so the titles keep room to be read.
NARROW_SOURCE_WIDTH, WIDE_FROM = 10, 120
NOTES_WIDTH = 7  # "Notes ▼" whole when the library is sorted by notes
#: Below this many cells for each title, one title column is shown instead of two.
MIN_TITLE_WIDTH = 24
GAP = 2
#: Rows are read in blocks of this many, and at most KEEP_BLOCKS blocks are kept.
BLOCK = 64
KEEP_BLOCKS = 6
STAR = "★"
SORT_COLUMN = {"date": "date", "source": "source", "title": "title_ko", "notes": "notes"}
HEADINGS = {"date": "Date", "source": "Source", "title_ko": "한국어 제목", "notes": "Notes"}
BOLD = Style(bold=True)
NOTE = Style(dim=True, italic=True)
#: What stands in a missing title's place, and before a title that is not a person's.
MISSING = {"ko": "Korean only", "en": "English only"}  # by the one side the article has
MARKS = {"machine-en": ("en", "MT "), "machine-ko": ("ko", "MT "), "paired": ("en", "paired: ")}


class ArticleTable(ScrollView, can_focus=True, inherit_bindings=False):
    """One row per article; Enter (or a click on the current row) opens it."""

    BINDING_GROUP_TITLE = "Moving through the library"

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

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-table--header",
        "article-table--cursor",
        "article-table--odd",
        "article-table--star",
    }

    DEFAULT_CSS = """
    ArticleTable {
        background: $surface;
        overflow-x: hidden;
        & > .article-table--header { color: $text-primary; background: $panel; text-style: bold; }
        & > .article-table--cursor { background: $primary 30%; }
        & > .article-table--odd { background: $foreground 4%; }
        & > .article-table--star { color: $warning; }
        &:focus > .article-table--cursor { background: $primary 45%; }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)

    class Opened(Message):
        """The reader chose an article (Enter, or a click on the current row)."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Moved(Message):
        """The cursor is on another article (so the screen can remember it)."""

        def __init__(self, article_id: int | None) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, listing: Listing, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._listing = listing
        self._blocks: OrderedDict[int, list[LibraryRow]] = OrderedDict()
        self.virtual_size = Size(0, listing.count + 1)
        #: Whether the Source column is shown (the screen hides it when every article has one source).
        self.source_column = True

    # --- data -------------------------------------------------------------------------------------

    @property
    def listing(self) -> Listing:
        return self._listing

    @property
    def row_count(self) -> int:
        return self._listing.count

    @property
    def rows_held(self) -> int:
        """How many rows are in memory right now (bounded, whatever the size of the library)."""
        return sum(len(block) for block in self._blocks.values())

    def show(self, listing: Listing, article_id: int | None = None) -> None:
        """Show another listing (new order or filters), with the cursor on `article_id` if it is there."""
        self._listing = listing
        self._blocks.clear()
        self.virtual_size = Size(0, listing.count + 1)
        index = listing.index_of(article_id) if article_id is not None else None
        self.set_reactive(ArticleTable.cursor_row, 0)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._move(index or 0, centre=True)
        self.refresh()

    def forget_rows(self) -> None:
        """Read rows again when next drawn (a star or read state changed)."""
        self._blocks.clear()
        self.refresh()

    def row(self, index: int) -> LibraryRow | None:
        if not 0 <= index < self._listing.count:
            return None
        number = index // BLOCK
        block = self._blocks.get(number)
        if block is None:
            try:
                block = self._listing.rows(number * BLOCK, BLOCK)
            except (StoreError, DatabaseError) as exc:  # the library's server is down: blank rows for now
                self._unanswered(exc)
                return None
            self._blocks[number] = block
            while len(self._blocks) > KEEP_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        offset = index - number * BLOCK
        return block[offset] if offset < len(block) else None

    def _unanswered(self, exc: Exception) -> None:
        """Say once in a while (not at every line drawn) that the rows cannot be read."""
        now = time.monotonic()
        if now - getattr(self, "_said_at", -60.0) > 10.0:
            self._said_at = now
            self.notify(
                f"Cannot list the library: {one_line(exc)}", severity="error", markup=False, timeout=6
            )

    def get_row_at(self, index: int) -> list[Text]:
        """The cells of one row as shown: date, source, Korean title, English title, notes."""
        row = self.row(index)
        if row is None:
            raise IndexError(index)
        return [literal(row.published or "—"), literal(row.source), literal(row.title_ko),
                literal(row.title_en), Text(str(row.notes) if row.notes else "")]  # fmt: skip

    def article_id_at_cursor(self) -> int | None:
        row = self.row(self.cursor_row)
        return row.id if row else None

    def select_article(self, article_id: int) -> None:
        index = self._listing.index_of(article_id)
        if index is not None:
            self._move(index, centre=True)

    # --- moving -----------------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        """The cursor on row `index` (kept inside the listing), scrolled into view."""
        self._move(index, centre=True)

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _move(self, index: int, *, centre: bool = False) -> None:
        count = self._listing.count
        index = max(0, min(index, count - 1)) if count else 0
        self.cursor_row = index
        top, page = int(self.scroll_y), self._page
        if centre and not top <= index < top + page:
            self.scroll_to(y=max(0, index - page // 2), animate=False, immediate=True)
        elif index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + page:
            self.scroll_to(y=index - page + 1, animate=False, immediate=True)

    def watch_cursor_row(self) -> None:
        self.refresh()
        self.post_message(self.Moved(self.article_id_at_cursor()))

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.scroll_to(y=int(self.scroll_y) + self._page, animate=False, immediate=True)
        self._move(self.cursor_row + self._page)

    def action_page_up(self) -> None:
        self.scroll_to(y=max(0, int(self.scroll_y) - self._page), animate=False, immediate=True)
        self._move(self.cursor_row - self._page)

    def action_scroll_top(self) -> None:
        self._move(0)

    def action_scroll_bottom(self) -> None:
        self._move(self._listing.count - 1)

    def action_select_cursor(self) -> None:
        article_id = self.article_id_at_cursor()
        if article_id is not None:
            self.post_message(self.Opened(article_id))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = int(self.scroll_y) + event.y - 1
        if index >= self._listing.count:
            return
        if index == self.cursor_row:
            self.action_select_cursor()
        else:
            self._move(index)

    def on_resize(self) -> None:
        self._move(self.cursor_row)

    # --- drawing ----------------------------------------------------------------------------------

    def _widths(self, width: int) -> tuple[int, int, int]:
        """(source, Korean title, English title) widths: no source column when every article has the
        same source (`source_column` False), a narrower one on a narrow terminal, and one title column
        (English width 0) when two would each be too narrow to read."""
        source_width = (
            (SOURCE_WIDTH if width >= WIDE_FROM else NARROW_SOURCE_WIDTH) if self.source_column else 0
        )
        source = source_width + GAP if source_width else 0
        titles = max(10, width - GUTTER - DATE_WIDTH - source - NOTES_WIDTH - 3 * GAP)
        if titles < 2 * MIN_TITLE_WIDTH + GAP:
            return source_width, titles, 0
        ko = (titles - GAP) // 2
        return source_width, ko, titles - GAP - ko

    @staticmethod
    def _cell(text: str, width: int, style: Style | None = None, *, right: bool = False) -> RichSegment:
        """`text` cut (with an ellipsis) or padded to exactly `width` cells; wide Hangul counts two."""
        length = cell_len(text)
        if length > width:
            # a wide syllable that does not fit leaves a blank cell: the ellipsis goes before it, not after
            text = set_cell_size(text, max(0, width - 1)).rstrip(" …") + "…" if width else ""
            text += " " * (width - cell_len(text))
        elif length < width:
            pad = " " * (width - length)
            text = pad + text if right else text + pad
        return RichSegment(text, style)

    def _title(self, row: LibraryRow, side: str, width: int, style: Style | None) -> list[RichSegment]:
        """One title cell: the title, or what stands for a side the article lacks (dim), with a dim mark
        before a machine translation's title and a paired edition's."""
        if row.kind == other_side(side) and not getattr(row, f"title_{side}"):
            return [self._cell(MISSING[row.kind], width, NOTE)]
        marked_side, mark = MARKS.get(row.kind, ("", ""))
        if side != marked_side or cell_len(mark) >= width:
            return [self._cell(inert(getattr(row, f"title_{side}")), width, style)]
        return [
            RichSegment(mark, NOTE),
            self._cell(inert(getattr(row, f"title_{side}")), width - cell_len(mark), style),
        ]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        source_width, ko_width, en_width = self._widths(width)
        gap = RichSegment(" " * GAP)
        cell = self._cell
        if y == 0:
            style = self.get_component_rich_style("article-table--header")
            sort = SORT_COLUMN[self._listing.view.sort]
            label = {key: name + (" ▼" if sort == key else "") for key, name in HEADINGS.items()}
            if not en_width:
                label["title_ko"] = label["title_ko"].replace("한국어 제목", "Title")
            segments = [cell("", GUTTER), cell(label["date"], DATE_WIDTH), gap]
            if source_width:
                segments += [cell(label["source"], source_width), gap]
            segments += [cell(label["title_ko"], ko_width), gap]
            if en_width:
                segments += [cell("English title", en_width), gap]
            segments.append(cell(label["notes"], NOTES_WIDTH, right=True))
            return Strip(segments).adjust_cell_length(width).apply_style(base + style)
        index = int(self.scroll_y) + y - 1
        row = self.row(index)
        if row is None:
            return Strip.blank(width, base)
        title = None if row.read else BOLD
        star = self.get_component_rich_style("article-table--star") if row.starred else None
        segments = [
            cell(STAR if row.starred else "", GUTTER, star),
            cell(inert(row.published or "—"), DATE_WIDTH),
            gap,
        ]
        if source_width:
            segments += [cell(inert(row.source), source_width), gap]
        if en_width:
            segments += [
                *self._title(row, "ko", ko_width, title),
                gap,
                *self._title(row, "en", en_width, title),
                gap,
            ]
        else:  # one column: the original's title, else the other
            segments += [*self._title(row, "ko" if row.title_ko else "en", ko_width, title), gap]
        segments.append(cell(str(row.notes) if row.notes else "", NOTES_WIDTH, right=True))
        if index == self.cursor_row:
            line_style = self.get_component_rich_style("article-table--cursor")
        elif index % 2:
            line_style = self.get_component_rich_style("article-table--odd")
        else:
            line_style = Style()
        return Strip(segments).adjust_cell_length(width).apply_style(base + line_style)
