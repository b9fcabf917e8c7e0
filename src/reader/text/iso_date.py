"""A date as a person types it for an article (YYYY-MM-DD): one reading for `reader add`, `reader edit`
and the dialogs, with a message that says which of the two things is wrong."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["iso_date"]

_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: str | None) -> str | None:
    """`value` as YYYY-MM-DD, or None for no date ('' or None); a ValueError names what is wrong."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not _SHAPE.fullmatch(text):
        raise ValueError(f"date {value!r} is not of the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"date {value!r} is no day of the calendar") from None
