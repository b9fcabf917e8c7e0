"""A quantity found in a text, the patterns both languages' parsers share, and the date parts a day takes on.

Its own module because the Korean and English parsers (`numbers_korean`, `numbers_english`) both build
`Quantity`s and both give a day the month and year written next to it, and neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found at [start, end) of a text.

    `kind` is one of "number", "date", "percent", "money", "area", "count", "duration", "length",
    "weight", "ratio", "age", "ordinal". `unit` is normalised across languages ("person", "km2", "usd",
    "krw", "day", "month", "year", "percent", ...) or None for a bare number. For a date part `value` is
    the day, month or year number (unit "day", "month" or "year"); a day also carries `month` and `year`
    when they stand beside it, so "11월 26일" and "Nov. 26" agree on every field.
    """

    start: int
    end: int
    value: float
    unit: str | None
    kind: str
    month: int | None = None
    year: int | None = None


_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_HANGUL = "\uac00-\ud7a3"


def _attach_date_parts(quantities: list[Quantity], text: str) -> list[Quantity]:
    """Give each day the month and year written just before it (2024년 11월 26일), so it can meet "Nov. 26"."""
    out = list(quantities)
    for idx, q in enumerate(out):
        if not (q.kind == "date" and q.unit == "day") or q.month is not None:
            continue
        month = year = None
        right = q
        for other in reversed(out[:idx]):
            gap = text[other.end : right.start]
            if other.kind != "date" or len(gap) > 2 or any(ch.isalnum() for ch in gap):
                break
            if other.unit == "month" and month is None and year is None:
                month = int(other.value)
            elif other.unit == "year" and year is None:
                year = int(other.value)
            else:
                break
            right = other
        if month is not None or year is not None:
            out[idx] = Quantity(q.start, q.end, q.value, q.unit, q.kind, month, year)
    return out
