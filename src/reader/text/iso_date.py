"""A date as a person types it for an article (YYYY-MM-DD): one reading for `reader add`, `reader edit`
and the dialogs, with a message that says which of the two things is wrong.

The year first, as Korean papers and ISO write it, so that there is one reading: 2024-09-03, and also
2024.09.03, 2024. 9. 3., 2024/9/3 and 2024년 9월 3일, and a date and time (2024-08-10T09:00:00+09:00)
as the day it writes. A day-first or month-first date (03/09/2024) is
refused rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["iso_date"]

_SHAPE = re.compile(
    r"(\d{4})\s*(?:-|\.|/|년)\s*(\d{1,2})\s*(?:-|\.|/|월)\s*(\d{1,2})\s*[.일]?"
    # an ISO 8601 time after it, as feeds and JSON exports write one: the day is the one written
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def iso_date(value: str | None) -> str | None:
    """`value` as YYYY-MM-DD, or None for no date ('' or None); a ValueError names what is wrong."""
    if value is None or not value.strip():
        return None
    shape = _SHAPE.fullmatch(value.strip())
    if shape is None:
        raise ValueError(f"date {value!r} is not of the form YYYY-MM-DD")
    year, month, day = map(int, shape.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"date {value!r} is no day of the calendar") from None
