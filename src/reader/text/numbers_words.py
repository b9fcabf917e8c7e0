"""Counts written in Korean number words that the quantity parser leaves alone: a Sino-Korean digit on its
own before a counter (오 주, five weeks; 팔 년, eight years; 이 피트, two feet) and native numbers of two
words (열 다섯 마리, fifteen; 스물두 명, twenty-two); and English words for a number of minutes or years
(a quarter-hour, half an hour, a decade, a century).

Its own module because these are read only as evidence for the translation check: they may excuse a
figure on the other side, in the same unit, but never raise an alarm, since one syllable such as 이 is
also "this" (이 주, this week) and the entity layer's quantities must not take them for figures.
"""

from __future__ import annotations

import re

from reader.text.numbers_korean import _KO_COUNTER_OF
from reader.text.quantity import _HANGUL, Quantity

_SINO_DIGIT = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# counters a lone Sino-Korean digit stands before, apart from it (오 주, 삼 개월), and their units
_SINO_COUNTERS = {
    "년": "year",
    "개월": "month",
    "주": "week",
    "주일": "week",
    "일": "day",
    "시간": "hour",
    "분": "minute",
    "초": "second",
    "피트": "ft",
    "인치": "inch",
    "미터": "m",
    "마일": "mile",
    "킬로미터": "km",
    "배": "times",
    "세": "age",
}
_SINO_ALONE = re.compile(
    rf"(?<![{_HANGUL}])(?P<d>[{''.join(_SINO_DIGIT)}])\s(?P<c>{'|'.join(sorted(_SINO_COUNTERS, key=len, reverse=True))})"
    rf"(?=(?:[은는이가을를도의에째씩만]|동안|간|전|후|뒤|에서|으로|이나|나)?(?![{_HANGUL}]))"
)
_NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70,
                "여든": 80, "아흔": 90}  # fmt: skip
_NATIVE_UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "넉": 4,
                 "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}  # fmt: skip


def _alts(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# 열 다섯 마리, 스물두 명, 서른 살: tens, then a unit word (apart or not), then a counter or a particle
_NATIVE = re.compile(
    rf"(?<![{_HANGUL}])(?P<t>{_alts(_NATIVE_TENS)})(?:\s?(?P<u>{_alts(_NATIVE_UNITS)}))?"
    rf"(?=\s[{_HANGUL}]|(?:살|명|개|마리|번|가지|곳|척|대|권|채)(?![{_HANGUL}]))"
)
_NATIVE_COUNTERS = ("살", "명", "개월", "마리", "번", "곳", "척", "대", "권", "채", "개")
_EN_WORDS = [
    (re.compile(r"\bquarter[- ]hour\b|\bquarter of an hour\b", re.IGNORECASE), 15.0, "minute"),
    (re.compile(r"\bhalf[- ]hour\b|\bhalf an hour\b", re.IGNORECASE), 30.0, "minute"),
    (re.compile(r"\bdecade\b", re.IGNORECASE), 10.0, "year"),
    (re.compile(r"\bcentury\b", re.IGNORECASE), 100.0, "year"),
]


def find_word_counts(text: str, lang: str) -> list[Quantity]:
    """Counts in number words the quantity parser does not read (kind "words"), with their units."""
    out: list[Quantity] = []
    if lang == "ko":
        for m in _SINO_ALONE.finditer(text):
            digit = float(_SINO_DIGIT[m.group("d")])
            out.append(Quantity(m.start(), m.end(), digit, _SINO_COUNTERS[m.group("c")], "words"))
        for m in _NATIVE.finditer(text):
            if m.group("t") == "열" and not m.group("u"):
                continue  # 열 alone is also "to open" (회의를 열 예정)
            value = _NATIVE_TENS[m.group("t")] + (_NATIVE_UNITS[m.group("u")] if m.group("u") else 0)
            after = re.match(rf"\s?([{_HANGUL}]+)", text[m.end() :])
            word = after.group(1) if after else ""
            unit: str | None = next(
                (_KO_COUNTER_OF[c][0] for c in _NATIVE_COUNTERS if word.startswith(c)), None
            )
            out.append(Quantity(m.start(), m.end(), float(value), unit, "words"))
    else:
        for pattern, amount, measure in _EN_WORDS:
            out += [Quantity(m.start(), m.end(), amount, measure, "words") for m in pattern.finditer(text)]
    return sorted(out, key=lambda q: q.start)
