"""The two-language reading view: one row per aligned segment, Korean and English side by side or stacked.

An article can have thousands of segments, so this is a line-based widget (Textual's Line API), in the
manner of toolong's log view: no widget per segment. Each segment is wrapped once per width (the rows on
screen first, the rest in slices of a few milliseconds, the event loop running between them), a table maps
every content line to its segment, and only the lines Textual asks for are composed. Wrapping goes through Rich, which measures text
in terminal cells, so Hangul (two cells a syllable) never splits or spills over a column. Apart from the
widget: text_layout (columns, reflow, wrapping), row_layout (which line shows which row), view_marks (the
styles and marks) and line_frame (heading, gutter).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.segment import Segment as RichSegment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...store import Segment, StoredMention
from . import entity_marks as em
from .line_frame import gap_line, gutter, heading
from .row_layout import GAP, LAYOUT_SLICE, LAYOUT_STEP, SIZE_EVERY, RowLayout
from .text_layout import GUTTER, RULE_WIDTH, STACK_BELOW, Languages, Layout, columns_for
from .text_layout import wrap as wrap_text
from .view_marks import COMPONENT_CLASSES, MARK_CLASSES, VIEW_CSS, Mark, MarkLayers
from .view_marks import help_legend as draw_legend

from .line_frame import UNSURE_BELOW  # noqa: F401  # isort: skip (for bench/align_errors.py)
from .text_layout import line_count as _line_count  # noqa: F401  # isort: skip (for the tests)
from .view_marks import ISSUE_MARK, LOCK_MARK  # noqa: F401  # isort: skip (for the tests)

LANGUAGE_CYCLE: dict[Languages, Languages] = {"both": "ko", "ko": "en", "en": "both"}

#: Rows kept wrapped into styled lines (a few screenfuls; the rest are wrapped again when drawn).
WRAPPED_ROWS = 1024


class ParallelView(ScrollView, can_focus=True, inherit_bindings=False):
    """Aligned segments of one article, with a current-segment cursor marked on both languages."""

    BINDING_GROUP_TITLE = "Moving through the article"
    #: The styles: the entity palette, the cursor, the gutter marks (`view_marks`).
    COMPONENT_CLASSES: ClassVar[set[str]] = COMPONENT_CLASSES
    DEFAULT_CSS = VIEW_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next", id="reading.next_segment", show=False,
                tooltip="Move to the next segment"),
        Binding("k,up", "cursor_up", "Previous", id="reading.previous_segment", show=False,
                tooltip="Move to the previous segment"),
        Binding("space,pagedown", "page_down", "Page down", id="reading.page_down", show=False,
                tooltip="Scroll one screenful down"),
        Binding("b,pageup", "page_up", "Page up", id="reading.page_up", show=False,
                tooltip="Scroll one screenful up"),
        Binding("g,home", "first", "First", id="reading.first", show=False,
                tooltip="Go to the first segment"),
        Binding("G,end", "last", "Last", id="reading.last", show=False,
                tooltip="Go to the last segment"),
        Binding("tab", "next_mention", "Next name", id="reading.next_mention", show=False,
                tooltip="Select the next name, date or number in this row; its counterpart lights up"),
        Binding("shift+tab", "previous_mention", "Previous name", id="reading.previous_mention", show=False,
                tooltip="Select the previous name, date or number in this row"),
        Binding("n", "find_next", "Next match", id="reading.find_next", show=False,
                tooltip="Go to the next row matching the search (/)"),
        Binding("N", "find_previous", "Previous match", id="reading.find_previous", show=False,
                tooltip="Go to the previous row matching the search (/)"),
        Binding("escape", "clear_selection", "Clear", id="reading.clear_selection", show=False,
                tooltip="Clear the selected name, then the search highlights (then Escape leaves)"),
    ]  # fmt: skip

    cursor: reactive[int] = reactive(0, init=False)
    languages: reactive[Languages] = reactive("both", init=False)
    #: None follows the width (stacked below STACK_BELOW columns); "side"/"stacked" is the reader's choice.
    layout_choice: reactive[Layout | None] = reactive(None, init=False)

    class CursorMoved(Message):
        """The current segment changed (so the screen can show where the reader is)."""

        def __init__(self, index: int, count: int) -> None:
            super().__init__()
            self.index = index
            self.count = count

    class SearchChanged(Message):
        """The in-article search changed (query None: cleared); `rows` hold a match, found `loosely` when
        the words as typed were nowhere (their other forms were)."""

        def __init__(self, query: str | None, rows: list[int], loosely: bool = False) -> None:
            super().__init__()
            self.query = query
            self.rows = rows
            self.loosely = loosely

    class MentionSelected(Message):
        """The selected mention changed (None: cleared), so the screen can say what it is."""

        def __init__(self, mention: StoredMention | None) -> None:
            super().__init__()
            self.mention = mention

    def __init__(
        self,
        segments: Sequence[Segment] = (),
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._segments: Sequence[Segment] = segments
        self._built_for: tuple[int, Layout, Languages] | None = None
        self._columns = columns_for(80, "side", "both")
        # Rows wrapped into styled lines (Korean, English), only those drawn lately: the layout itself needs
        # just each row's line counts, so a 40,000-row article is not held as Rich text.
        self._wrapped: LRUCache[int, tuple[list[Text], list[Text]]] = LRUCache(WRAPPED_ROWS)
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(4096)
        self._generation = 0  # bumped by every fresh layout, so a stale background pass stops
        self._rows = RowLayout(segments, self._columns, "both")  # which content line shows which row
        self._layers = MarkLayers()  # named layers of styled spans (notes, a selection, …), gutter glyphs
        self._mentions: dict[int, tuple[StoredMention, ...]] = {}  # row -> its mentions in reading order
        self._mention_ids: dict[int, StoredMention] = {}
        self.selected_mention: StoredMention | None = (
            None  # the mention picked with Tab, always in the cursor row
        )
        self.search: re.Pattern[str] | None = None
        self.search_query: str | None = None  # as typed (stripped), None when there is no search
        self._search_each_word = False  # any word of it (a library search's), not it as one phrase
        self._search_also: list[str] = []  # words marked with it: those linked to a library search's
        self._mark_styles: tuple[Style, ...] | None = None  # the mark styles rows were wrapped with
        self._search_rows: list[int] = []

    # --- public API ---------------------------------------------------------------------------------

    @property
    def segments(self) -> Sequence[Segment]:
        return self._segments

    def show(self, segments: Sequence[Segment], mentions: Iterable[StoredMention] = ()) -> None:
        """Display another article's segments, from the top."""
        self._segments = segments
        self._built_for = None
        self._wrapped.clear()  # the old article's rows: nothing to restyle
        self._layers.forget_rows()  # indexed against the old rows
        self.set_mentions(mentions)
        self.set_search(self.search_query)  # the find bar still shows it: search the new article too
        self.set_reactive(ParallelView.cursor, 0)
        self._rebuild(keep_cursor_place=False)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.post_message(self.CursorMoved(0, len(segments)))

    @property
    def shown_layout(self) -> Layout:
        """The layout in effect: the reader's choice, else by width."""
        if self.layout_choice is not None:
            return self.layout_choice
        return "stacked" if 0 < self.size.width < STACK_BELOW else "side"

    def toggle_layout(self) -> None:
        self.layout_choice = "stacked" if self.shown_layout == "side" else "side"

    def cycle_languages(self) -> None:
        self.languages = LANGUAGE_CYCLE[self.languages]

    def row_span(self, index: int) -> tuple[int, int]:
        """First content line and height of segment `index` in the current layout (for tests and scrolling)."""
        self._ensure_built()
        self._rows.extend(until_row=index)
        return self._rows.top[index], self._rows.height[index]

    def move_to(self, index: int) -> None:
        """Put the cursor on row `index` (clamped) and scroll it into view."""
        self._set_cursor(index)

    def set_marks(
        self, layer: str, marks: Sequence[Mark], gutter: dict[tuple[int, str], str] | None = None
    ) -> None:
        """Replace one layer of styled spans (and, for the "notes" layer, gutter glyphs); restyles those rows.

        Styles do not change how text wraps, so only the affected rows are wrapped again, when next drawn.
        Only this layer is indexed again: a 10 MB article's 185,000 names are not gone through for a
        selected name or a note.
        """
        for row in self._layers.replace(layer, marks, gutter):
            self._wrapped.discard(row)  # wrapped again, in the new styles, when next drawn
        self._strips.clear()
        self.refresh()

    def _styled(self, row: int, side: int) -> list[tuple[int, int, Style]]:
        """Row-local spans of one side, layer by layer, with their resolved styles (the theme may change)."""
        return [(start, end, self.get_component_rich_style(component, partial=True))
                for start, end, component in self._layers.spans(self._segments, row, side)]  # fmt: skip

    def visible_text(self) -> list[str]:
        """The lines on screen as plain text, heading first (what a reader sees, without styles)."""
        return [self.render_line(y).text for y in range(self.scrollable_content_region.height)]

    # --- layout -------------------------------------------------------------------------------------

    @property
    def _view_height(self) -> int:
        """Content lines visible below the sticky heading."""
        return max(1, self.scrollable_content_region.height - 1)

    def _ensure_built(self) -> None:
        width = self.scrollable_content_region.width
        if self._marks_restyled() or self._built_for != (width, self.shown_layout, self.languages):
            self._rebuild(keep_cursor_place=True)

    def _rebuild(self, *, keep_cursor_place: bool) -> None:
        """Start laying rows out afresh for the current width, layout and languages.

        Only the rows needed to fill the screen around the cursor are wrapped now; the rest follow in
        small steps on the event loop, so a 2,000-segment article opens at once and keys stay responsive.
        """
        width = self.scrollable_content_region.width or 80
        offset = None
        if keep_cursor_place and self.cursor < len(self._rows.top):
            offset = self._rows.top[self.cursor] - int(self.scroll_y)
        self._built_for = (width, self.shown_layout, self.languages)
        self._columns = columns_for(width, self.shown_layout, self.languages)
        self._wrapped.clear()
        self._rows = RowLayout(self._segments, self._columns, self.languages)
        self._strips.clear()
        self._generation += 1
        self._rows.extend(until_row=self.cursor, until_line=0)
        if offset is not None and self.cursor < len(self._rows.top):
            target = max(0, self._rows.top[self.cursor] - offset)
        else:
            target = int(self.scroll_y)
        self._rows.extend(until_line=target + 2 * self._view_height)
        self._update_virtual_size()
        self.scroll_to(y=target, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        if not self.laid_out:
            self.run_worker(
                self._layout_rest(self._generation),
                name="layout",
                group="parallel-view-layout",
                exclusive=True,
                exit_on_error=True,
            )

    @property
    def laid_out(self) -> bool:
        """Every row has been wrapped for the current width."""
        return len(self._rows.top) >= len(self._segments)

    async def _layout_rest(self, generation: int) -> None:
        """Wrap the remaining rows in slices of a few milliseconds, yielding to the event loop after each.

        A chain of `call_later` steps never yields: Textual takes the next queued message without
        returning to the event loop, so keys waited for the whole article (12 s for 10 MB). Here the loop
        runs between slices, so a key is answered after at most one slice; the scrollbar grows as it goes.
        """
        shown = time.monotonic()
        while generation == self._generation and not self.laid_out:
            deadline = time.monotonic() + LAYOUT_SLICE
            while not self.laid_out and time.monotonic() < deadline:
                self._rows.extend(until_row=len(self._rows.top) + LAYOUT_STEP - 1)
            if time.monotonic() - shown >= SIZE_EVERY or self.laid_out:
                self._update_virtual_size()
                shown = time.monotonic()
            await asyncio.sleep(0)
        if generation == self._generation:  # the last slice may have come after a rebuild: size it once more
            self._update_virtual_size()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._built_for[0] if self._built_for else 0, len(self._rows.line_row) + 1)

    _wrap = staticmethod(wrap_text)

    def _row_lines(self, index: int) -> tuple[list[Text], list[Text]]:
        """Row `index` wrapped into styled lines, Korean and English (made when first drawn, then cached)."""
        wrapped = self._wrapped.get(index)
        if wrapped is None:
            segment, columns, console = self._segments[index], self._columns, self.app.console
            ko, en = [], []
            if self.languages != "en":
                ko = self._wrap(segment.ko, columns.ko_width, console, self._styled(index, 0))
            if self.languages != "ko":
                en = self._wrap(segment.en, columns.en_width, console, self._styled(index, 1))
            wrapped = (ko, en)
            self._wrapped[index] = wrapped
        return wrapped

    def _strip(self, index: int, side: int, offset: int, width: int) -> Strip | None:
        """Line `offset` of one side of row `index` as a strip exactly `width` cells wide (cached)."""
        lines = self._row_lines(index)[side]
        if offset >= len(lines):
            return None
        key = (index, side, offset)
        strip = self._strips.get(key)
        if strip is None:
            line = lines[offset]
            strip = Strip(list(line.render(self.app.console)), line.cell_len).adjust_cell_length(width)
            self._strips[key] = strip
        return strip

    # --- rendering ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self._ensure_built()
        width = self.scrollable_content_region.width
        base, style_of = self.rich_style, self.get_component_rich_style
        if y == 0:
            where = f"{self.cursor + 1}/{len(self._segments)} " if self._segments else None
            return heading(self._columns, self.languages, where, width, style_of).apply_style(base)
        line = int(self.scroll_y) + y - 1
        if not self._segments:
            if line == 0:
                message = "This article has no text."
                style = style_of("parallel-view--empty")
                return (
                    Strip([RichSegment(" " * GUTTER), RichSegment(message, style)])
                    .adjust_cell_length(width)
                    .apply_style(base)
                )
            return Strip.blank(width, base)
        if line >= len(self._rows.line_row) and not self.laid_out:
            self._rows.extend(until_line=line)
        if line >= len(self._rows.line_row):
            return Strip.blank(width, base)
        if self._rows.line_row[line] == GAP:
            return gap_line(self._columns, width, style_of).apply_style(base)
        index = self._rows.line_row[line]
        return self._segment_line(index, line - self._rows.top[index], width).apply_style(base)

    def _gutter(self, index: int, offset: int, current: bool, side: int = 0, side_offset: int = -1) -> Strip:
        glyph = self._layers.gutter.get((index, side)) if side_offset == 0 else None
        return gutter(self._segments[index], offset, current, glyph, self.get_component_rich_style)

    def _segment_line(self, index: int, offset: int, width: int) -> Strip:
        columns = self._columns
        current = index == self.cursor
        if columns.arrangement != "side":
            ko_count = self._rows.ko_lines[index]
            if offset < ko_count:
                gutter = self._gutter(index, offset, current, 0, offset)
                text = self._strip(index, 0, offset, columns.ko_width)
            else:
                gutter = self._gutter(index, offset, current, 1, offset - ko_count)
                text = self._strip(index, 1, offset - ko_count, columns.en_width)
            strip = Strip.join([gutter, text or Strip.blank(columns.ko_width)])
        else:
            ko = self._strip(index, 0, offset, columns.ko_width) or Strip.blank(columns.ko_width)
            en = self._strip(index, 1, offset, columns.en_width) or Strip.blank(columns.en_width)
            rule = Strip(
                [RichSegment(" │", self.get_component_rich_style("parallel-view--rule"))], RULE_WIDTH
            )
            ko_gutter = self._gutter(index, offset, current, 0, offset)
            en_gutter = self._gutter(index, offset, current, 1, offset)
            strip = Strip.join([ko_gutter, ko, rule, en_gutter, en])
        strip = strip.adjust_cell_length(width)
        if current:
            strip = strip.apply_style(self._cursor_style())
        return strip

    def _marks_restyled(self) -> bool:
        """Wrapped rows carry the mark colours: has the theme changed them since (then wrap afresh)?"""
        styles = tuple(self.get_component_rich_style(n, partial=True) for n in MARK_CLASSES)
        changed = self._mark_styles is not None and styles != self._mark_styles
        self._mark_styles = styles
        return changed

    def _cursor_style(self) -> Style:
        """The cursor's background laid over the view's own, so a translucent theme colour stays subtle."""
        cursor = self.get_component_styles("parallel-view--cursor").background
        return Style(bgcolor=(self.background_colors[1] + cursor).rich_color)

    # --- cursor and scrolling ------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if self.selected_mention is not None:
            self._select(None)
        before = int(self.scroll_y)
        self._scroll_to_cursor()
        if int(self.scroll_y) == before:  # no scroll: repaint just the two rows and the heading
            for index in (old, new):
                if index < len(self._rows.top):
                    self.refresh_lines(self._rows.top[index] + 1, self._rows.height[index])
            self.refresh_line(before)
        self.post_message(self.CursorMoved(new, len(self._segments)))

    def watch_languages(self) -> None:
        self._rebuild(keep_cursor_place=True)

    def watch_layout_choice(self) -> None:
        self._rebuild(keep_cursor_place=True)

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_built()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        """Scroll as little as possible so the current segment is on screen (its top, if it is too tall)."""
        self._rows.extend(until_row=self.cursor)
        if not self._rows.top or self.cursor >= len(self._rows.top):
            return
        self._update_virtual_size()  # rows laid out ahead of the background pass: let the scroll reach them
        top, height = self._rows.top[self.cursor], self._rows.height[self.cursor]
        view = self._view_height
        y = int(self.scroll_y)
        if top < y or height > view:
            y = top
        elif top + height > y + view:
            y = top + height - view
        if y != int(self.scroll_y):
            self.scroll_to(y=y, animate=False, immediate=True)

    def _set_cursor(self, index: int) -> None:
        if self._segments:
            index = max(0, min(len(self._segments) - 1, index))
            self._rows.extend(until_row=index)
            self.cursor = index

    def action_cursor_down(self) -> None:
        self._set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._set_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self._segments) - 1)

    def action_page_down(self) -> None:
        """Like `less`: a screenful on; the cursor lands on the first segment that starts on the new page."""
        if not self._segments:
            return
        self._ensure_built()
        view = self._view_height
        self._rows.extend(until_line=int(self.scroll_y) + 2 * view)
        self._update_virtual_size()
        target = min(int(self.scroll_y) + max(1, view - 1), max(0, len(self._rows.line_row) - view))
        if target <= int(self.scroll_y):
            self._set_cursor(len(self._segments) - 1)
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        self._set_cursor(max(self.cursor, self._rows.first_row_from(target)))

    def action_page_up(self) -> None:
        """A screenful back; the cursor goes to the top of the page, where reading resumes."""
        if not self._segments:
            return
        self._ensure_built()
        view = self._view_height
        target = max(0, int(self.scroll_y) - max(1, view - 1))
        if target >= int(self.scroll_y):
            self._set_cursor(0)
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        self._set_cursor(self._rows.first_row_from(target))

    # --- mentions and in-article search ---------------------------------------------------------------

    def reload(self, segments: Sequence[Segment], mentions: Iterable[StoredMention] = ()) -> None:
        """The same article realigned or reanalysed: the cursor stays on its row (clamped), where it was."""
        self._segments = segments
        self.set_reactive(ParallelView.cursor, max(0, min(self.cursor, len(segments) - 1)))
        self._wrapped.clear()  # rows are about to be wrapped afresh: nothing to restyle
        self._layers.forget_rows()  # indexed against the old rows
        self._select(None)
        self.set_mentions(mentions)
        self.set_search(self.search_query)
        self._rebuild(keep_cursor_place=True)
        self.post_message(self.CursorMoved(self.cursor, len(segments)))

    def help_legend(self) -> Text:
        """What the styles and gutter marks mean, each drawn in the style in force (for the help screen)."""
        return draw_legend(lambda component: self.get_component_rich_style(component, partial=True))

    def set_mentions(self, mentions: Iterable[StoredMention]) -> None:
        """Colour these mentions by type; a mention selected at the same place stays selected."""
        previous = self.selected_mention
        self._mentions = em.mentions_by_row(self._segments, mentions)
        self._mention_ids = {m.id: m for found in self._mentions.values() for m in found}
        self.set_marks("entities", em.entity_marks(self._mentions))
        same = None
        if previous is not None:
            same = next((m for m in self.row_mentions(self.cursor)
                         if (m.side, m.start, m.end) == (previous.side, previous.start, previous.end)), None)  # fmt: skip
        self._select(same, force=True)

    def row_mentions(self, index: int) -> tuple[StoredMention, ...]:
        """The mentions of row `index` in reading order (Korean side first)."""
        return self._mentions.get(index, ())

    def mention(self, mention_id: int | None) -> StoredMention | None:
        return self._mention_ids.get(mention_id) if mention_id is not None else None

    def _select(self, mention: StoredMention | None, *, force: bool = False) -> None:
        if mention == self.selected_mention and not force:
            return
        changed = mention != self.selected_mention
        self.selected_mention = mention
        partner = self.mention(mention.partner) if mention is not None else None
        self.set_marks("mention", em.focus_marks(self.cursor, mention, partner))
        if changed:
            self.post_message(self.MentionSelected(mention))

    def select(self, mention: StoredMention | None) -> None:
        """Select `mention` (one of the current row's), or clear the selection."""
        if mention is None or mention in self.row_mentions(self.cursor):
            self._select(mention)

    def mention_stops(self, index: int) -> tuple[StoredMention, ...]:
        """The mentions Tab stops at in row `index`: a pair linked within the row is one stop, its first side.

        Selecting either side of a linked pair lights both, so stopping at the second would show the same
        pair again.
        """
        found = self.row_mentions(index)
        ids = {m.id for m in found}
        first_sides: set[int] = set()
        stops = []
        for mention in found:
            if mention.id in first_sides:
                continue
            stops.append(mention)
            if mention.partner in ids:
                first_sides.add(mention.partner)
        return tuple(stops)

    def select_mention(self, step: int) -> StoredMention | None:
        """Select the next (1) or previous (-1) name of the current row, wrapping round (see `mention_stops`)."""
        stops = self.mention_stops(self.cursor)
        if not stops:
            return None
        current = self.selected_mention
        if current is not None and current not in stops:
            # the second side of a linked pair (chosen by a click or from the notes): stand on its first side
            current = next((m for m in stops if m.id == current.partner or m.partner == current.id), None)
        if current in stops:
            choice = stops[(stops.index(current) + step) % len(stops)]
        else:
            choice = stops[0] if step > 0 else stops[-1]
        self._select(choice)
        return choice

    def set_search(
        self, query: str | None, *, each_word: bool | None = None, also: Sequence[str] | None = None
    ) -> list[int]:
        """Highlight `query` in both columns; returns the rows that hold it (empty query: no search).

        As typed, it is one phrase (the find bar); `each_word`, any of its words (a library search's, when
        an article is opened from one of its hits), and `also` these (the words linked to them in the
        other language). None keeps the way the search before was read.
        """
        if each_word is not None:
            self._search_each_word = each_word
            self._search_also = list(also or ())
        pattern, marks, self._search_rows, loosely = em.search_article(
            self._segments, query or "", each_word=self._search_each_word, also=self._search_also
        )
        query = (query or "").strip() or None
        changed = (pattern and pattern.pattern) != (
            self.search and self.search.pattern
        ) or query != self.search_query
        self.search = pattern
        self.search_query = query
        self.set_marks("search", marks)
        if changed:
            self.post_message(self.SearchChanged(self.search_query, self._search_rows, loosely))
        return self._search_rows

    @property
    def search_rows(self) -> list[int]:
        return self._search_rows

    def find(self, step: int, *, from_current: bool = False) -> int | None:
        """Move to the next (1) or previous (-1) row holding the search, wrapping round; None if none does."""
        rows = self._search_rows
        if not rows:
            return None
        if from_current and self.cursor in rows:
            return self.cursor
        if step > 0:
            target = next((r for r in rows if r > self.cursor), rows[0])
        else:
            target = next((r for r in reversed(rows) if r < self.cursor), rows[-1])
        self._set_cursor(target)
        return target

    def action_next_mention(self) -> None:
        if self.select_mention(1) is None:
            self.notify("No names, dates or numbers are marked in this row.", timeout=2)

    def action_previous_mention(self) -> None:
        if self.select_mention(-1) is None:
            self.notify("No names, dates or numbers are marked in this row.", timeout=2)

    def action_find_next(self) -> None:
        self._find(1)

    def action_find_previous(self) -> None:
        self._find(-1)

    def _find(self, step: int) -> None:
        if self.search is None:
            self.notify("Nothing to find yet: press / to search this article.", timeout=2)
        elif self.find(step) is None:
            self.notify("No row of this article matches the search.", timeout=2)

    def action_clear_selection(self) -> None:
        """Escape steps back one layer: the selected name, then the search; only then does it leave."""
        if self.selected_mention is not None:
            self._select(None)
        elif self.search is not None:
            self.set_search(None)
        else:
            raise SkipAction()

    def on_click(self, event: events.Click) -> None:
        """A click selects the segment under the pointer."""
        if event.y < 1 or not self._rows.line_row:
            return
        line = int(self.scroll_y) + event.y - 1
        if line >= len(self._rows.line_row):
            return
        index = self._rows.line_row[line]
        if index == GAP:
            index = self._rows.first_row_from(line)
        self._set_cursor(index)
