"""Which content line of the reading view shows which row: each row's top line and height for one width,
layout and languages, laid out in order only as far as asked.

Kept apart from `ParallelView` because it is bookkeeping over line counts alone (no styles, no drawing):
the view lays out the rows on screen at once and the rest in the background, and maps lines to rows for
drawing, scrolling and clicks through this.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ...store import Segment
from .text_layout import Columns, Languages, line_count

GAP = -1  # a blank line between paragraphs (or between segments when stacked)

#: Rows wrapped per step of the background layout (a step is a few milliseconds of Rich's wrapping).
LAYOUT_STEP = 20
#: Seconds of wrapping in one slice of the background layout before the event loop runs again: the
#: longest a key waits while a long article is still being laid out.
LAYOUT_SLICE = 0.01
#: Seconds between updates of the scrollable height while the background layout runs (each one relays
#: out the scrollbars: not after every slice).
SIZE_EVERY = 0.2


class RowLayout:
    """The rows of `segments` laid out in `columns`, showing `languages`; empty until `extend` is called."""

    def __init__(self, segments: Sequence[Segment], columns: Columns, languages: Languages) -> None:
        self.segments, self.columns, self.languages = segments, columns, languages
        self.top: list[int] = []  # per laid-out row: its first content line
        self.height: list[int] = []  # per laid-out row: how many lines it takes
        self.ko_lines: list[int] = []  # per laid-out row: how many lines its Korean side takes
        self.line_row: list[int] = []  # content line -> segment index, or GAP

    def extend(self, *, until_row: int = -1, until_line: int = -1) -> None:
        """Lay rows out in order until row `until_row` and content line `until_line` are both laid out.

        Laying out counts each row's lines (`line_count`); the styled lines are made when the row is drawn.
        """
        columns, languages = self.columns, self.languages
        gap_between_rows = 1 if columns.arrangement == "stacked" else 0
        tops, heights, lines = self.top, self.height, self.line_row
        segments = self.segments
        while len(tops) < len(segments) and (len(tops) <= until_row or len(lines) <= until_line):
            index = len(tops)
            segment = segments[index]
            if index:
                # Stacked rows need a gap to tell one pair from the next; a new paragraph adds one more.
                gaps = gap_between_rows + (segment.paragraph != segments[index - 1].paragraph)
                lines.extend([GAP] * gaps)
            ko = line_count(segment.ko, columns.ko_width) if languages != "en" else 0
            en = line_count(segment.en, columns.en_width) if languages != "ko" else 0
            self.ko_lines.append(ko)
            height = max(1, max(ko, en) if columns.arrangement == "side" else ko + en)
            tops.append(len(lines))
            heights.append(height)
            lines.extend([index] * height)

    def first_row_from(self, line: int) -> int:
        """The first segment whose top is at or below content line `line`."""
        index = bisect_right(self.top, line - 1)
        return min(index, len(self.top) - 1)
