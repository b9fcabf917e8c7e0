"""How the reading view lays a row's text out, apart from the widget: the columns a width allows, the
reflow of a file's line breaks, wrapping in terminal cells, line counts, and where each character lands.

Plain functions of text and width (Rich measures, nothing is drawn), so `ParallelView` keeps only the
bookkeeping of which row is on which line, and these can be tested without a terminal.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.console import Console
from rich.style import Style
from rich.text import Text

from ...inert import inert


def _rich_divider() -> Callable[..., list[int]] | None:
    """Rich's line divider, the one `Text.wrap` uses: private to Rich, so without it `wrap` is used."""
    try:
        from rich._wrap import divide_line
    except ImportError:  # pragma: no cover - only with a future Rich
        return None
    return divide_line


divide_line = _rich_divider()

Layout = Literal["side", "stacked"]
#: How lines are laid out: two columns, two languages one above the other, or one language alone.
Arrangement = Literal["side", "stacked", "single"]
Languages = Literal["both", "ko", "en"]

#: Terminals narrower than this stack the two languages instead of squeezing them into thin columns.
STACK_BELOW = 100
#: Cells left of each text column: the cursor bar, the low-confidence mark, a space.
GUTTER = 3
#: Cells of the rule between the columns (" │").
RULE_WIDTH = 2


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each language goes on a line of the given width."""

    arrangement: Arrangement
    ko_width: int
    en_width: int


def columns_for(width: int, layout: Layout, languages: Languages) -> Columns:
    """Split `width` cells between the languages; each text column keeps at least one cell."""
    if languages != "both" or layout == "stacked":
        text = max(1, width - GUTTER)
        return Columns("stacked" if languages == "both" else "single", text, text)
    text = max(2, width - 2 * GUTTER - RULE_WIDTH)
    ko = max(1, text // 2)
    return Columns("side", ko, max(1, text - ko))


def wrap(text: str, width: int, console: Console, spans: Sequence[tuple[int, int, Style]] = ()) -> list[Text]:
    """`text` wrapped to `width` cells, shown literally (no markup, control characters made visible).

    `spans` (offsets into `text`) are styled where those characters land after stripping and `inert`.
    """
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return []
    shown = Text(inert(reflowed(text)), end="", tab_size=4)
    if spans:
        where = display_offsets(text) if shown.plain != text else None
        for start, end, style in spans:
            start, end = max(0, start - lead), min(len(text), end - lead)
            if start < end:
                shown.stylize(style, *((start, end) if where is None else (where[start], where[end])))
    return list(shown.wrap(console, width, overflow="fold"))


# A line break with the spaces around it: one break is the wrapping of the file the sentence came from
# (and the indent of its next line); two or more make a blank line, between two paragraphs of one row.
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*")


def _reflow(run: re.Match[str]) -> str:
    return run.group() if run.group().count("\n") > 1 else " "


def reflowed(text: str) -> str:
    """`text` with each single line break and the spaces around it made one space: a sentence from a
    file wrapped (and indented) at 72 columns is wrapped again to the column it is shown in, not at
    both. A blank line, between two paragraphs of one row, stays."""
    return _LINE_BREAK.sub(_reflow, text) if "\n" in text else text


def line_count(text: str, width: int) -> int:
    """How many lines `wrap` makes of `text` at `width`, without making them (3x quicker).

    The same steps as Rich's `Text.wrap` with overflow "fold": the text split at newlines, each part cut
    by `divide_line`; a part with a tab (expanded first) is measured by wrapping it for real, and every
    part is when the installed Rich no longer has `divide_line` (it is private to Rich).
    """
    text = reflowed(text.strip())
    if not text:
        return 0
    count = 0
    for line in inert(text).split("\n"):
        if "\t" in line or divide_line is None:
            count += len(Text(line, end="", tab_size=4).wrap(_MEASURE, width, overflow="fold"))
        else:
            count += len(divide_line(line, width, fold=True)) + 1
    return count


#: A console for measuring only (wrapping needs one; nothing is printed).
_MEASURE = Console(width=80, file=io.StringIO(), color_system=None)


def display_offsets(text: str) -> list[int]:
    """Where each character of `text` starts once shown (plus the end): `reflowed` makes a wrapped line's
    break and the spaces around it one space, and `inert` makes control characters visible."""
    where, at, pos = [], 0, 0
    for run in itertools.chain(_LINE_BREAK.finditer(text), [None]):
        for character in text[pos : len(text) if run is None else run.start()]:
            where.append(at)
            at += len(inert(character))
        if run is None:
            break
        shown = _reflow(run)  # the run itself (a blank line), or the one space it is shown as
        if shown == run.group():
            where.extend(range(at, at + len(shown)))
        else:
            where.extend([at] * len(run.group()))
        at += len(shown)
        pos = run.end()
    where.append(at)
    return where
