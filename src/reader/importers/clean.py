"""Normalising article text as it comes in, so the same article always looks and hashes the same."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from typing import TypeVar

from ..text.iso_date import iso_date

_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: The replacement character, which stands in for a lone surrogate in the stored text.
REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """Unix newlines, NFC (Hangul from some systems arrives decomposed into jamo), no BOM, trimmed.

    A surrogate pair written as two code points (JSON's "\\ud83d\\ude00") becomes the one character it
    encodes; a lone surrogate is left for `storable`, which replaces it and says where.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return text.strip()


@dataclass(frozen=True, slots=True)
class Replaced:
    """One lone surrogate stored as U+FFFD: in which field, where (1-based line and column), which one."""

    field: str
    line: int
    column: int
    code: int

    def __str__(self) -> str:
        where = _FIELD_NAMES.get(self.field, self.field.replace("_", " "))
        return f"{where} line {self.line} column {self.column} (U+{self.code:04X})"


_FIELD_NAMES = {
    "ko": "Korean text",
    "en": "English text",
    "title_ko": "Korean title",
    "title_en": "English title",
}


Record = TypeVar("Record")


def storable(record: Record) -> tuple[Record, list[Replaced]]:
    """`record` (a dataclass of strings, such as a NewArticle) with every lone surrogate made U+FFFD.

    A lone surrogate is half of a broken UTF-16 pair, not a character: no font draws it, and SQLite text
    must be valid UTF-8, so it cannot be stored as it is. It is replaced one for one, so every other
    character keeps its offset, and each replacement is returned so the user can be told exactly where.
    """
    changes: dict[str, str] = {}
    found: list[Replaced] = []
    # Why the ignores: a TypeVar cannot say "a dataclass instance" to fields() and replace().
    for item in fields(record):  # type: ignore[arg-type]
        value = getattr(record, item.name)
        if not isinstance(value, str) or not _SURROGATE.search(value):
            continue
        for match in _SURROGATE.finditer(value):
            line = value.count("\n", 0, match.start()) + 1
            column = match.start() - (value.rfind("\n", 0, match.start()) + 1) + 1
            found.append(Replaced(item.name, line, column, ord(match.group())))
        changes[item.name] = _SURROGATE.sub(REPLACEMENT, value)
    return (replace(record, **changes) if changes else record), found  # type: ignore[type-var]


def describe_replaced(found: list[Replaced], most: int = 5) -> str:
    """One line for the user: how many lone surrogates were stored as U+FFFD, and where."""
    places = ", ".join(str(r) for r in found[:most])
    more = f" and {len(found) - most} more" if len(found) > most else ""
    noun = "lone surrogate" if len(found) == 1 else "lone surrogates"
    return (
        f"{len(found)} {noun} (half of a broken UTF-16 pair or a byte that was not text; not a character) stored as U+FFFD: "
        f"{places}{more}"
    )


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def check_date(value: str | None) -> str | None:
    """Accept YYYY-MM-DD (a real calendar date) or nothing."""
    return iso_date(value)
