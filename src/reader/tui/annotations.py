"""Where notes and a keyboard selection sit among an article's rows: plain data, no widgets.

A note stores offsets into one side's whole article text; the reading view draws rows (segment pairs).
These helpers turn one into the other, and hold the word-by-word selection that `v` starts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..store import Article, Segment
from ..store.articles import side_span, side_text
from ..store.notes import Note
from ..text.language import other_side

#: Punctuation trimmed from the ends of a selected word, so "밝혔다." selects 밝혔다.
_EDGE = "\"'“”‘’«»「」『』()[]{}<>.,;:!?…·"
_WORD = re.compile(r"\S+")

NOTE_GLYPH = "✎"


def rows_overlapping(
    segments: Sequence[Segment], side: str, start: int, end: int, starts: Sequence[int] | None = None
) -> list[int]:
    """Indexes of the rows whose `side` text overlaps [start, end) (the row holding `start` if it is empty).

    `starts` (each row's start on `side`) may be passed in when many spans are placed in one article.
    """
    if starts is None:
        starts = [side_span(s, side)[0] for s in segments]
    first = max(0, bisect_right(starts, start) - 1)
    rows = []
    for index in range(first, len(segments)):
        row_start, row_end = side_span(segments[index], side)
        if row_start >= max(end, start + 1):
            break
        if row_start < max(end, start + 1) and start < row_end:
            rows.append(index)
    if not rows and segments and starts[first] <= start:
        rows.append(first)
    return rows


def note_row(article: Article, note: Note) -> int | None:
    """The row a note belongs to (where its text starts), or None when the article has no rows."""
    rows = rows_overlapping(article.segments, note.side, note.start, note.end)
    return rows[0] if rows else None


def note_marks(
    article: Article, notes: Iterable[Note]
) -> tuple[list[tuple[int, str, int, int, str]], dict[tuple[int, str], str]]:
    """Underlines for span and mention notes, and a gutter glyph on each row side that has a note.

    A segment note marks its row only: underlining a whole sentence would drown the text. A detached note
    marks nothing, since its words are no longer in the text.
    """
    marks: list[tuple[int, str, int, int, str]] = []
    gutter: dict[tuple[int, str], str] = {}
    starts = {side: [side_span(s, side)[0] for s in article.segments] for side in ("ko", "en")}
    for note in notes:
        if note.detached or note.deleted:
            continue
        rows = rows_overlapping(article.segments, note.side, note.start, note.end, starts[note.side])
        if not rows:
            continue
        gutter[(rows[0], note.side)] = NOTE_GLYPH
        if note.target != "segment":
            for row in rows:
                row_start, row_end = side_span(article.segments[row], note.side)
                start, end = max(note.start, row_start), min(note.end, row_end)
                if start < end:
                    marks.append((row, note.side, start, end, "parallel-view--note"))
    return marks, gutter


def words(segment: Segment, side: str) -> list[tuple[int, int]]:
    """The words of one side of a row as article offsets, with surrounding punctuation left out."""
    base = side_span(segment, side)[0]
    found = []
    for match in _WORD.finditer(side_text(segment, side)):
        word = match.group()
        core = word.strip(_EDGE)
        if not core:
            continue
        start = match.start() + word.index(core)
        found.append((base + start, base + start + len(core)))
    return found


@dataclass(frozen=True, slots=True)
class Selection:
    """Words `first`..`last` of one side of one row, chosen with the keyboard."""

    row: int
    side: str
    words: tuple[tuple[int, int], ...]
    first: int = 0
    last: int = 0

    @classmethod
    def start(cls, segments: Sequence[Segment], row: int, side: str) -> Selection | None:
        """The first word of `side` of `row`, or of the other side when this one has no words."""
        for candidate in (side, other_side(side)):
            found = words(segments[row], candidate)
            if found:
                return cls(row, candidate, tuple(found))
        return None

    @property
    def span(self) -> tuple[int, int]:
        return self.words[self.first][0], self.words[self.last][1]

    def extend(self) -> Selection:
        return replace(self, last=min(len(self.words) - 1, self.last + 1))

    def shrink(self) -> Selection:
        return replace(self, last=max(self.first, self.last - 1))

    def text(self, segment: Segment) -> str:
        start, end = self.span
        base = side_span(segment, self.side)[0]
        return side_text(segment, self.side)[start - base : end - base]
