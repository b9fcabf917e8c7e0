"""Times of the day as news writes them (오후 2시께, 2시 30분, 2 p.m., 14:30, noon): marked as a time and
linked across the two texts by the hour and minute they name.

Its own module because the entity layer marks them and links them, and the translation check compares
them, each in its own way: this is where a time of the day is read, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A clock time in the ways English writes one: 8AM, 9 p.m., 7.55am, 12:26 a.m., 19:30, 09:30 BST, 19.30
#: GMT (hour and minutes with a colon are a time; with a dot, only before am/pm or a time zone).
ZONE = r"(?:BST|GMT|UTC|CET|CEST|E[SD]T|ET|P[SD]T|PT|KST|JST|local time|hrs)\b"
CLOCK_EN = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])(?:"
    r"(?:[:.](?P<m1>[0-5]\d))?\s?(?P<ap>[ap]\.m\.|[ap]m\b)"  # 8AM, 7.55am, 12:26 a.m.
    r"|:(?P<m2>[0-5]\d)(?![\d:]|[.,]\d)"  # 19:30, 09:30
    r"|\.(?P<m3>[0-5]\d)(?=\s?" + ZONE + r"))",  # 19.30 GMT
    re.IGNORECASE,
)
_NOON_EN = re.compile(r"\b(?:noon|midday|midnight)\b", re.IGNORECASE)
#: 오후 2시께, 새벽 3시 30분, 14시: the part of the day, the hour, its minutes, "about". Not 2시간 (two
#: hours), 4시즌 (a season), 5시리즈; 시 after a number is otherwise the hour.
CLOCK_KO = re.compile(
    r"(?:(?P<part>오전|오후|새벽|아침|낮|저녁|밤)\s?)?(?<![\d.,])(?P<h>[01]?\d|2[0-4])시(?![간즌리])"
    r"(?:\s?(?P<m>[0-5]?\d)분)?(?:\s?(?:께|경|쯤))?"
)
_NOON_KO = re.compile(r"정오|자정")
#: The parts of the day after noon (낮 12시 is noon itself); 오전, 새벽 and 아침 are before it.
_AFTERNOON = ("오후", "저녁", "밤", "낮")


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of the day at [start, end) of a text: the hours (0–23) it may be, when the text does not
    say whether it is morning or afternoon (7:30, 7시), and its minutes."""

    start: int
    end: int
    hours: frozenset[int]
    minute: int


def _hours(hour: int, afternoon: bool | None) -> frozenset[int]:
    if afternoon is None:
        return frozenset({hour % 24} if hour > 12 else {hour % 12, hour % 12 + 12})
    return frozenset({hour % 12 + (12 if afternoon else 0)})


def clock_times(text: str, lang: str) -> list[ClockTime]:
    """The times of the day in `text` (lang "ko" or "en"), in order."""
    out: list[ClockTime] = []
    if lang == "ko":
        for m in CLOCK_KO.finditer(text):
            part, hour = m.group("part"), int(m.group("h"))
            # 밤 12시 is midnight, the hour 0
            afternoon = None if part is None else part in _AFTERNOON and not (part == "밤" and hour == 12)
            out.append(ClockTime(m.start(), m.end(), _hours(hour, afternoon), int(m.group("m") or 0)))
        out += [ClockTime(m.start(), m.end(), frozenset({12 if m.group() == "정오" else 0}), 0)
                for m in _NOON_KO.finditer(text)]  # fmt: skip
    else:
        for m in CLOCK_EN.finditer(text):
            ap = m.group("ap")
            afternoon = None if ap is None else ap.lower().startswith("p")
            minute = m.group("m1") or m.group("m2") or m.group("m3")
            out.append(ClockTime(m.start(), m.end(), _hours(int(m.group("h")), afternoon), int(minute or 0)))
        out += [ClockTime(m.start(), m.end(), frozenset({0 if m.group().lower() == "midnight" else 12}), 0)
                for m in _NOON_EN.finditer(text)]  # fmt: skip
    return sorted(out, key=lambda t: t.start)


def same_time(a: ClockTime, b: ClockTime) -> bool:
    """Whether two times of the day can be the same one: 오후 2시 and 2 p.m., 14:30 and 2시 30분."""
    return bool(a.hours & b.hours) and a.minute == b.minute
