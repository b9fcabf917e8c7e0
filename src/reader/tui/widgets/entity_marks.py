"""What the reading view highlights besides notes: entity mentions by type, the selected mention and its
counterpart, and in-article search hits — all as marks (article-text spans with a component class).

Kept apart from the view so the rules (which row a mention belongs to, reading order, what a search
matches) are plain functions over the stored article, testable without a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...store import Segment, StoredMention
from ...store.articles import side_span
from ...text.entity_types import TYPES
from ...text.search_terms import any_of, find_pieces

#: Entity types and the component class of the reading view that styles each (a colour and a text style, so
#: types differ without colour too). Defined once; themes
#: restyle them through CSS (see `ParallelView.DEFAULT_CSS`), and the help screen's legend reads them.
MENTION_CLASSES: dict[str, str] = {kind: f"parallel-view--{kind.lower()}" for kind in TYPES}
GUESS_CLASS = "parallel-view--guess"
SELECTED_CLASS = "parallel-view--mention-selected"
PARTNER_CLASS = "parallel-view--mention-partner"
MATCH_CLASS = "parallel-view--match"

#: (row index, side, start, end, component class): the view's `Mark`.
Mark = tuple[int, str, int, int, str]


def mentions_by_row(
    segments: Sequence[Segment], mentions: Iterable[StoredMention]
) -> dict[int, tuple[StoredMention, ...]]:
    """Each row's mentions in reading order: the Korean side first, then the English, each in text order.

    A mention whose span lies outside its row's span on that side (stale analysis) is left out rather
    than drawn on the wrong words.
    """
    index_of = {s.position: i for i, s in enumerate(segments)}
    rows: dict[int, list[StoredMention]] = {}
    for m in mentions:
        index = index_of.get(m.position)
        if index is None:
            continue
        segment = segments[index]
        start, end = side_span(segment, m.side)
        if start <= m.start < m.end <= end:
            rows.setdefault(index, []).append(m)
    return {
        i: tuple(sorted(found, key=lambda m: (m.side != "ko", m.start, m.end))) for i, found in rows.items()
    }


def entity_marks(by_row: dict[int, tuple[StoredMention, ...]]) -> list[Mark]:
    """Every mention coloured by its type; a guessed link is also marked as such."""
    marks: list[Mark] = []
    for row, found in by_row.items():
        for m in found:
            marks.append((row, m.side, m.start, m.end, MENTION_CLASSES.get(m.type, MENTION_CLASSES["OTHER"])))
            if m.guess:
                marks.append((row, m.side, m.start, m.end, GUESS_CLASS))
    return marks


def focus_marks(row: int, selected: StoredMention | None, partner: StoredMention | None) -> list[Mark]:
    marks: list[Mark] = []
    if partner is not None:
        marks.append((row, partner.side, partner.start, partner.end, PARTNER_CLASS))
    if selected is not None:
        marks.append((row, selected.side, selected.start, selected.end, SELECTED_CLASS))
    return marks


def search_pattern(query: str) -> re.Pattern[str] | None:
    """The find bar's query as typed: a case-insensitive substring, 북한군 finds 북한군이 and 북한군은, "kursk"
    finds "Kursk"; a space finds any run of whitespace, as the screen shows a line break of a wrapped file
    as a space (the rest: `text.search_terms.find_pieces`; `search_article` also tries looser forms)."""
    return any_of([typed for typed, _ in find_pieces(query)])


def search_article(
    segments: Sequence[Segment], query: str, *, each_word: bool = False, also: Sequence[str] = ()
) -> tuple[re.Pattern[str] | None, list[Mark], list[int], bool]:
    """The query's hits in an article (pattern, marks, rows), and whether some were found loosely: each
    piece as typed, else — when it matches nowhere as typed — a Korean word's other forms (이재민은 finds
    이재민이), as the library's search falls back. With `each_word`, the phrases `also` are marked too."""
    chosen: list[str] = []
    loosely = False
    for typed, looser in find_pieces(query, each_word=each_word):
        if looser is not None and not _anywhere(segments, typed) and _anywhere(segments, looser):
            typed, loosely = looser, True
        chosen.append(typed)
    if each_word and chosen:
        chosen += [typed for words in also for typed, _ in find_pieces(words)]
    pattern = any_of(chosen)
    marks, rows = search_marks(segments, pattern)
    return pattern, marks, rows, loosely


def _anywhere(segments: Sequence[Segment], piece: str) -> bool:
    pattern = re.compile(piece, re.IGNORECASE)
    return any(pattern.search(segment.ko) or pattern.search(segment.en) for segment in segments)


def search_marks(
    segments: Sequence[Segment], pattern: re.Pattern[str] | None
) -> tuple[list[Mark], list[int]]:
    """Every hit of `pattern` in both columns, and the rows that hold one (in order)."""
    marks: list[Mark] = []
    rows: list[int] = []
    if pattern is None:
        return marks, rows
    for index, segment in enumerate(segments):
        before = len(marks)
        for side, text, start in (("ko", segment.ko, segment.ko_start), ("en", segment.en, segment.en_start)):
            marks += [(index, side, start + hit.start(), start + hit.end(), MATCH_CLASS)
                      for hit in pattern.finditer(text) if hit.end() > hit.start()]  # fmt: skip
        if len(marks) > before:
            rows.append(index)
    return marks, rows


@dataclass(frozen=True, slots=True)
class EntityGroup:
    """One entity of an article as the entities panel lists it: both forms, type, and where it occurs."""

    ko: str
    en: str
    type: str
    count: int
    rows: tuple[int, ...]


def article_entities(
    segments: Sequence[Segment], mentions: Sequence[StoredMention], ko_text: str, en_text: str
) -> list[EntityGroup]:
    """Each linked entity once (Korean form ↔ English form), then unlinked mentions, most frequent first.

    A linked pair is counted from its Korean mention, so 쿠르스크 ↔ Kursk twice is one entity of count 2,
    not two; an English mention whose partner is Korean is already counted there.
    """
    by_row = mentions_by_row(segments, mentions)
    row_of = {m.id: row for row, found in by_row.items() for m in found}
    by_id = {m.id: m for m in mentions}
    text = {"ko": ko_text, "en": en_text}
    groups: dict[tuple[str, str, str], list[int]] = {}
    for row, found in sorted(by_row.items()):
        for m in found:
            partner = by_id.get(m.partner) if m.partner is not None else None
            if m.side == "en" and partner is not None and partner.id in row_of:
                continue
            own = text[m.side][m.start : m.end]
            other = text[partner.side][partner.start : partner.end] if partner is not None else ""
            ko, en = (own, other) if m.side == "ko" else (other, own)
            groups.setdefault((ko, en, m.type), []).append(row_of[m.id])
    found_groups = [EntityGroup(ko, en, kind, len(rows), tuple(sorted(set(rows))))
                    for (ko, en, kind), rows in groups.items()]  # fmt: skip
    order = {key: i for i, key in enumerate(groups)}
    return sorted(found_groups, key=lambda g: (-g.count, order[(g.ko, g.en, g.type)]))


def next_row(rows: Sequence[int], after: int) -> int | None:
    """The first of `rows` after row `after`, wrapping round to the first (None when there are none)."""
    return next((r for r in rows if r > after), rows[0] if rows else None)
