"""Normalising article text as it comes in, so the same article always looks and hashes the same."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def clean_text(text: str) -> str:
    """Unix newlines, NFC (Hangul from some systems arrives decomposed into jamo), no BOM, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    # A lone surrogate (possible in JSON escapes) cannot be stored as UTF-8; it becomes U+FFFD.
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    return text.strip()


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def check_date(value: str | None) -> str | None:
    """Accept YYYY-MM-DD (a real calendar date) or nothing."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"date {value!r} is not a date of the form YYYY-MM-DD") from None
