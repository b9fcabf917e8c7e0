"""The rules behind the reading view's highlights, without a terminal: rows, reading order, counting, search."""

from __future__ import annotations

from reader.store import Segment, StoredMention
from reader.tui.widgets.entity_marks import (
    article_entities,
    mentions_by_row,
    next_row,
    search_marks,
    search_pattern,
)

KO = "쿠르스크에 북한군. 북한군이 쿠르스크를"
EN = "North Korean troops in Kursk. Kursk saw North Korean troops"


def segment(position: int, ko: tuple[int, int], en: tuple[int, int]) -> Segment:
    return Segment(position, 0, KO[slice(*ko)], EN[slice(*en)], *ko, *en, "1-1", 1.0, False)


SEGMENTS = (segment(0, (0, 10), (0, 29)), segment(1, (11, 22), (30, 60)))


def at(text: str, form: str, start: int = 0) -> tuple[int, int]:
    i = text.index(form, start)
    return i, i + len(form)


def mention(id: int, position: int, side: str, span: tuple[int, int], type: str, partner: int | None = None):
    return StoredMention(id, position, side, *span, type, partner, "glossary" if partner else None, False)


MENTIONS = (
    mention(1, 0, "ko", at(KO, "쿠르스크"), "PLACE", 4),
    mention(2, 0, "ko", at(KO, "북한군"), "ORG", 3),
    mention(3, 0, "en", at(EN, "North Korean"), "ORG", 2),
    mention(4, 0, "en", at(EN, "Kursk"), "PLACE", 1),
    mention(5, 1, "en", at(EN, "Kursk", 30), "PLACE"),  # unlinked
    mention(6, 1, "ko", at(KO, "북한군", 11), "ORG", 7),
    mention(7, 1, "en", at(EN, "North Korean", 30), "ORG", 6),
    mention(8, 1, "ko", (0, 4), "PLACE"),  # stale: outside its row's span
)


def test_each_row_lists_korean_mentions_first_then_english_in_text_order() -> None:
    rows = mentions_by_row(SEGMENTS, MENTIONS)
    assert [m.id for m in rows[0]] == [1, 2, 3, 4]
    assert [m.id for m in rows[1]] == [6, 5, 7]  # id 8 lies outside row 1's Korean span: left out


def test_entities_count_a_linked_pair_once_and_keep_unlinked_names() -> None:
    groups = article_entities(SEGMENTS, MENTIONS, KO, EN)
    listed = [(g.ko, g.en, g.type, g.count, g.rows) for g in groups]
    assert listed == [
        ("북한군", "North Korean", "ORG", 2, (0, 1)),
        ("쿠르스크", "Kursk", "PLACE", 1, (0,)),
        ("", "Kursk", "PLACE", 1, (1,)),
    ]
    assert next_row((0, 1), 0) == 1 and next_row((0, 1), 1) == 0 and next_row((), 0) is None


def test_search_is_a_literal_case_insensitive_substring_in_both_columns() -> None:
    marks, rows = search_marks(SEGMENTS, search_pattern("kursk"))
    assert rows == [0, 1] and {m[1] for m in marks} == {"en"}
    assert [EN[m[2] : m[3]] for m in marks] == ["Kursk", "Kursk"]
    marks, rows = search_marks(SEGMENTS, search_pattern("북한군"))  # inside 북한군이 too
    assert rows == [0, 1] and [KO[m[2] : m[3]] for m in marks] == ["북한군", "북한군"]
    assert search_marks(SEGMENTS, search_pattern("Kursk.")) == (
        [(0, "en", 23, 29, "parallel-view--match")],
        [0],
    )
    assert search_pattern("  ") is None and search_marks(SEGMENTS, None) == ([], [])


def test_a_space_in_the_search_finds_a_wrapped_files_line_break() -> None:
    """The screen shows a line break inside a sentence as a space; searching what it shows finds it."""
    ko = "북한군 1만1000명이 러시아\n    쿠르스크 지역에 배치됐다."
    rows = (Segment(0, 0, ko, "", 0, len(ko), 0, 0, "1-0", 1.0, False),)
    marks, found = search_marks(rows, search_pattern("러시아 쿠르스크"))
    assert found == [0] and [ko[m[2] : m[3]] for m in marks] == ["러시아\n    쿠르스크"]
    assert search_pattern(" 러시아  쿠르스크 ").pattern == search_pattern("러시아 쿠르스크").pattern
    assert search_marks(rows, search_pattern("러시아쿠르스크")) == ([], [])
