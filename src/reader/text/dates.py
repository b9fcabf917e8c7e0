"""Where a Korean or English text names a day, a month or a year: the one reading of dates that the
highlighting, the entity links and the translation check share.

The figures of a date (2024년 6월 19일, Nov. 26, the 26th) are read by the number parsers (`numbers`) and
the days of the week by `weekdays`; this module joins them into the spans a reader sees highlighted, so a
date is highlighted exactly when the check can compare it. It also reads the words that name a day by
where it stands from another (오늘, 전날, "the following day", 지난해), which the links pair across the
languages and the check must see before it pairs a day with a weekday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text.numbers import Quantity, find_quantities, find_weekdays
from reader.text.quantity import _HANGUL


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A day, week, month or year named at [start, end) by where it stands from another day.

    `offset` counts `unit`s from that day (-1 yesterday, 0 today, +1 the following day); `from_story` is
    True when it counts from the story's own day (어제, "this year") and False when from a day the text
    names (전날, 이튿날, "the following day").
    """

    start: int
    end: int
    unit: str
    offset: int
    from_story: bool


# (words, unit, offset, counted from the story's day). Korean words stand alone or before a particle:
# 모레 is no date inside 모레츠, nor 오늘 inside 오늘날 ("nowadays").
_KO_RELATIVE: tuple[tuple[str, str, int, bool], ...] = (
    ("오늘", "day", 0, True),
    ("어제", "day", -1, True),
    ("그제|그저께", "day", -2, True),
    ("내일", "day", 1, True),
    ("모레", "day", 2, True),
    ("이날|당일|같은\\s?날", "day", 0, False),
    ("전날", "day", -1, False),
    ("다음\\s?날|이튿날|익일", "day", 1, False),
    ("올해|금년", "year", 0, True),
    ("지난해|작년", "year", -1, True),
    ("내년", "year", 1, True),
    ("이듬해", "year", 1, False),
    ("이달", "month", 0, True),
    ("지난\\s?달|전월", "month", -1, True),
    ("다음\\s?달|내달", "month", 1, True),
)
_EN_RELATIVE: tuple[tuple[str, str, int, bool], ...] = (
    ("today|tonight", "day", 0, True),
    ("yesterday", "day", -1, True),
    ("tomorrow", "day", 1, True),
    ("that day|the same day", "day", 0, False),
    ("the (?:previous|preceding) day|a day earlier", "day", -1, False),
    ("the (?:following|next) day|a day later", "day", 1, False),
    ("(?:earlier )?this year", "year", 0, True),
    ("last year", "year", -1, True),
    ("next year", "year", 1, True),
    ("the (?:following|next) year", "year", 1, False),
    ("the (?:previous|preceding) year", "year", -1, False),
    ("(?:earlier )?this month", "month", 0, True),
    ("last month", "month", -1, True),
    ("next month", "month", 1, True),
    ("the (?:following|next) month", "month", 1, False),
    ("the (?:previous|preceding) month", "month", -1, False),
    ("(?:earlier )?this week", "week", 0, True),
    ("last week", "week", -1, True),
    ("next week", "week", 1, True),
)
_KO_AFTER = rf"(?=(?:[은는이가의을를도에와과만초말중께쯤인]|부터|까지|에는|에도|에서|보다|처럼|으로|로|이나)?(?![{_HANGUL}]))"
_KO_RELATIVE_RE = re.compile(
    rf"(?<![{_HANGUL}])(?:"
    + "|".join(f"(?P<k{i}>{w})" for i, (w, *_) in enumerate(_KO_RELATIVE))
    + ")"
    + _KO_AFTER
)
_EN_RELATIVE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{w})" for i, (w, *_) in enumerate(_EN_RELATIVE)) + r")\b", re.IGNORECASE
)

# Words that belong to a date written beside it: 지난 26일, 오는 3월, 올해 6월; 6월 초, 6월 중순; early June
_KO_BEFORE = re.compile(r"(?:지난|오는|올해|작년|지난해|내년|(?:지난|다음|이)\s?달|내달)\s*$")
_KO_PART_OF_MONTH = re.compile(r"\s*(?:초|중순|말|하순|상순)(?![" + _HANGUL + "])")
_EN_BEFORE = re.compile(r"\b(?:early|mid|late)-?\s?$", re.IGNORECASE)


def relative_dates(text: str, lang: str) -> list[RelativeDate]:
    """The words of `text` that name a day, week, month or year by where it stands from another day."""
    table, pattern = (_KO_RELATIVE, _KO_RELATIVE_RE) if lang == "ko" else (_EN_RELATIVE, _EN_RELATIVE_RE)
    out = []
    for m in pattern.finditer(text):
        i = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        _, unit, offset, from_story = table[i]
        out.append(RelativeDate(m.start(), m.end(), unit, offset, from_story))
    return out


def relative_date_of(text: str, lang: str) -> tuple[str, int] | None:
    """(unit, offset) when the whole of `text` is one relative date: 어제 and "the previous day" both give
    ("day", -1), so the links can pair them across the languages."""
    found = relative_dates(text, lang)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        return found[0].unit, found[0].offset
    return None


def date_spans(text: str, lang: str, quantities: list[Quantity] | None = None) -> list[tuple[int, int]]:
    """The dates `text` writes out — figures of a day, month or year and a weekday beside them, as one
    span each ("지난 26일(현지시간)" gives "지난 26일"; "Monday, Nov. 26, 2024" one span) — in order.

    Each span holds a date part of `numbers.find_quantities` or a weekday of `weekdays.find_weekdays`, and
    nothing else is a date: what is highlighted as a date is what the translation check compares.
    `quantities` is `find_quantities(text, lang)` when the caller has it already.
    """
    found = quantities if quantities is not None else find_quantities(text, lang)
    parts = [(q.start, q.end) for q in found if q.kind == "date"]
    parts += [(w.start, w.end) for w in find_weekdays(text, lang)]
    parts.sort()
    runs: list[list[int]] = []
    for start, end in parts:
        gap = text[runs[-1][1] : start] if runs else ""
        if runs and start <= runs[-1][1] or runs and len(gap) <= 2 and not any(c.isalnum() for c in gap):
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    out = []
    for start, end in runs:
        if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
            continue  # Development-2024, 국방발전-2024: a year inside a name, dating nothing
        if lang == "ko":
            before = _KO_BEFORE.search(text, max(0, start - 6), start)
            after = _KO_PART_OF_MONTH.match(text, end) if text[end - 1 : end] == "월" else None
        else:
            before = _EN_BEFORE.search(text, max(0, start - 6), start)
            after = None
        out.append((before.start() if before else start, after.end() if after else end))
    return out
