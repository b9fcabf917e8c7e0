"""What the reading view draws around the article text: the sticky heading, the blank line between rows
with the rule running through it, and the gutter beside each line (cursor bar, row mark, note glyph).

Plain functions of the layout and the styles in force (`style_of` a component class), kept out of
`ParallelView` so the widget holds the bookkeeping of rows and the cursor, not how each cell looks.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment as RichSegment
from rich.style import Style
from textual.strip import Strip

from ...store import Segment
from ...text.findings import alarms
from .text_layout import GUTTER, RULE_WIDTH, Columns, Languages
from .view_marks import ISSUE_MARK, LOCK_MARK

#: Segments aligned with less confidence than this get a quiet mark, so doubtful pairs can be checked.
UNSURE_BELOW = 0.5
HEADINGS = {"ko": "한국어", "en": "English"}

StyleOf = Callable[[str], Style]


def heading(
    columns: Columns, languages: Languages, where: str | None, width: int, style_of: StyleOf
) -> Strip:
    """The languages over their columns, and `where` the cursor is (e.g. "3/40 ") at the right if it fits."""
    style = style_of("parallel-view--heading")
    rule = style_of("parallel-view--rule")
    pad = RichSegment(" " * GUTTER)
    if languages != "both":
        parts = [pad, RichSegment(HEADINGS[languages], style)]
    elif columns.arrangement == "stacked":
        parts = [pad, RichSegment(HEADINGS["ko"], style), RichSegment(" / ", rule),
                 RichSegment(HEADINGS["en"], style)]  # fmt: skip
    else:
        ko = Strip([pad, RichSegment(HEADINGS["ko"], style)]).adjust_cell_length(GUTTER + columns.ko_width)
        parts = [*ko, RichSegment(" │", rule), pad, RichSegment(HEADINGS["en"], style)]
    strip = Strip(parts)
    if where is not None:
        room = width - len(where)
        if strip.cell_length < room - 1:
            return Strip.join([strip.adjust_cell_length(room), Strip([RichSegment(where, rule)])])
    return strip.adjust_cell_length(width)


def gap_line(columns: Columns, width: int, style_of: StyleOf) -> Strip:
    """A blank line; side by side, the rule between the columns runs through it."""
    if columns.arrangement != "side":
        return Strip.blank(width)
    rule = RichSegment(" │", style_of("parallel-view--rule"))
    left = Strip.blank(GUTTER + columns.ko_width)
    return Strip.join([left, Strip([rule], RULE_WIDTH)]).adjust_cell_length(width)


def gutter(segment: Segment, offset: int, current: bool, glyph: str | None, style_of: StyleOf) -> Strip:
    """The cells left of line `offset` of a row: the cursor bar, a row mark, a note's `glyph` (if any)."""
    bar = RichSegment("▌", style_of("parallel-view--bar")) if current else None
    mark = None
    if offset == 0:  # one cell: a translation-check flag, else a hand-fixed row, else doubt
        if alarms(segment.issues):  # a remark (a figure found in the next row) is no flag
            mark = RichSegment(ISSUE_MARK, style_of("parallel-view--issue"))
        elif segment.locked:
            mark = RichSegment(LOCK_MARK, style_of("parallel-view--locked"))
        elif segment.confidence < UNSURE_BELOW:
            mark = RichSegment("?", style_of("parallel-view--unsure"))
    note = RichSegment(glyph, style_of("parallel-view--note-mark")) if glyph else None
    if mark is None:  # the note glyph takes the mark's cell when it is free, so it never touches the text
        mark, note = note, None
    return Strip([bar or RichSegment(" "), mark or RichSegment(" "), note or RichSegment(" ")], GUTTER)
