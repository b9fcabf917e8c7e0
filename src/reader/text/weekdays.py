"""Days of the week named in Korean and English news (목요일, 28일(목), "on Thursday").

Its own module because a weekday is no quantity: it has no value to compare, only a day the translation
check matches against the dates around it, and telling it from a name (Super Tuesday) is its own work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text.numbers_english import _MONTHS
from reader.text.quantity import _HANGUL

# ------------------------------------------------------------------------------------------------ weekdays


@dataclass(frozen=True, slots=True)
class Weekday:
    """A day of the week named at [start, end) of a text; `value` counts from Monday = 0, as
    `datetime.date.weekday()` does, so a resolved date can be compared with it directly."""

    start: int
    end: int
    value: int


_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# 목요일, 지난 목요일, 목요일날; not 매주 목요일 or 목요일마다 (every Thursday names no one day)
_KO_WEEKDAY_RE = re.compile(rf"(?<![{_HANGUL}])(?<!매주 )(?<!매주)(?P<w>[{_KO_WEEKDAYS}])요일(?!마다)")
# 28일(목): the weekday in brackets after a day, as Korean papers print it
_KO_WEEKDAY_BRACKET_RE = re.compile(rf"\d\s?일\s?\((?P<w>[{_KO_WEEKDAYS}])\)")
_EN_WEEKDAY_RE = re.compile(rf"\b(?P<w>{'|'.join(_EN_WEEKDAYS)})\b")
# Words that may stand capitalised before a weekday at the start of a sentence without making it a name
_EN_WEEKDAY_LEAD = frozenset(
    [
        "on",
        "last",
        "next",
        "this",
        "since",
        "until",
        "till",
        "by",
        "from",
        "through",
        "early",
        "late",
        "before",
        "after",
        "and",
        "or",
        "that",
        "as",
        "but",
        "then",
    ]
)


def find_weekdays(text: str, lang: str) -> list[Weekday]:
    """The days of the week `text` names as days: "on Thursday", 목요일, 28일(목).

    Left out, because they name no one day: plurals and habits ("Thursdays", "every Friday", 매주 금요일),
    and a weekday inside a name — a capitalised word before it (Good Friday, Super Tuesday, Black Monday)
    or after it (the Sunday Times).  Missing one costs a check; reading a name as a date would raise a
    false alarm.
    """
    out: list[Weekday] = []
    if lang == "ko":
        for m in _KO_WEEKDAY_RE.finditer(text):
            out.append(Weekday(m.start("w"), m.end(), _KO_WEEKDAYS.index(m.group("w"))))
        for m in _KO_WEEKDAY_BRACKET_RE.finditer(text):
            out.append(Weekday(m.start("w") - 1, m.end("w") + 1, _KO_WEEKDAYS.index(m.group("w"))))  # "(목)"
        return sorted(out, key=lambda w: w.start)
    for m in _EN_WEEKDAY_RE.finditer(text):
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 40) : m.start()])
        word = before.group(1) if before else ""
        if word.lower() in ("every", "each"):
            continue
        if word[:1].isupper() and word.lower().rstrip(",") not in _EN_WEEKDAY_LEAD:
            continue
        after = re.match(r" ([A-Z][a-z]*)", text[m.end() :])
        if after and after.group(1).lower() not in _MONTHS:
            continue
        out.append(Weekday(m.start(), m.end(), _EN_WEEKDAYS.index(m.group("w"))))
    return out
