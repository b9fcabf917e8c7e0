"""Counts written in Korean number words that the quantity parser leaves alone: a Sino-Korean digit on its
own before a counter (오 주, five weeks; 팔 년, eight years; 이 피트, two feet) and native numbers of two
words (열 다섯 마리, fifteen; 스물두 명, twenty-two); and English words for a number of minutes or years
(a quarter-hour, half an hour, a decade, a century); and words that say a number loosely (두 차례, 양국,
보름, twice, a fortnight, a few weeks), with the unit of time they count where they count one.

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
# "per million", "one in a thousand": a scale word alone that names a number (100만 명당, 1백만 회당)
_EN_SCALE_ALONE = re.compile(
    r"\b(?:per|every|in\s+a|in\s+every)\s+(?P<s>hundred|thousand|million|billion)\b", re.IGNORECASE
)
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


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
        for m in _EN_SCALE_ALONE.finditer(text):
            out.append(Quantity(m.start("s"), m.end(), _SCALES[m.group("s").lower()], None, "words"))
    return sorted(out, key=lambda q: q.start)


# Words that say a number without being one, as the other side may have rendered a figure: a native
# Korean numeral before any noun (세 자녀 = "three children"), "both" sides (양국), twice, half a month
# (보름); (pattern, values, unit), the unit None for a count of anything
_KO_LOOSE: list[tuple[re.Pattern[str], tuple[float, ...], str | None]] = [
    (re.compile(rf"(?<![{_HANGUL}])(?:하루|종일)"), (24.0,), "hour"),
    (re.compile(rf"(?<![{_HANGUL}])양(?:국|측|사|자|당|\s)"), (2.0,), None),
    (re.compile(rf"(?<![{_HANGUL}])보름"), (15.0,), "day"),
    (re.compile(rf"(?<![{_HANGUL}])보름"), (2.0,), "week"),
    (re.compile(rf"(?<![{_HANGUL}])반년"), (6.0,), "month"),
    (re.compile(rf"(?<![{_HANGUL}])반년"), (0.5,), "year"),
    (re.compile(rf"(?<![{_HANGUL}])일주일"), (7.0,), "day"),
]
_KO_NATIVE_LOOSE = re.compile(
    rf"(?<![{_HANGUL}])(?P<n>한|두|세|네|석|넉|서|너|다섯|여섯|일곱|여덟|아홉|열|스무)\s(?P<noun>[{_HANGUL}]+)"
)
_KO_NATIVE_VALUE = {"한": 1.0, "두": 2.0, "세": 3.0, "네": 4.0, "석": 3.0, "넉": 4.0, "서": 3.0, "너": 4.0,
                    "다섯": 5.0, "여섯": 6.0, "일곱": 7.0, "여덟": 8.0, "아홉": 9.0, "열": 10.0, "스무": 20.0}  # fmt: skip
# the nouns of time a native numeral counts: 두 달 is two months, 세 해 three years
_KO_TIME_NOUNS = (
    ("달", "month"),
    ("해", "year"),
    ("주", "week"),
    ("시간", "hour"),
    ("날", "day"),
    ("살", "age"),
)
_EN_LOOSE: list[tuple[re.Pattern[str], tuple[float, ...], str | None]] = [
    (
        re.compile(r"\btwice\b|\bboth\b|\b(?:a\s+)?pair\s+of\b|\bdoubl(?:e[ds]?|ing)\b", re.IGNORECASE),
        (2.0,),
        None,
    ),
    (re.compile(r"\b(?:a\s+)?couple\b", re.IGNORECASE), (2.0, 3.0), None),
    (re.compile(r"\bthrice\b|\btripl(?:e[ds]?|ing)\b|\btrebled?\b", re.IGNORECASE), (3.0,), None),
    (re.compile(r"\bquadrupl(?:e[ds]?|ing)\b", re.IGNORECASE), (4.0,), None),
    (re.compile(r"\bquintupl(?:e[ds]?|ing)\b", re.IGNORECASE), (5.0,), None),
    (re.compile(r"\bhalv(?:e[ds]|ing)\b", re.IGNORECASE), (0.5,), None),
    (re.compile(r"\bdozens?\b", re.IGNORECASE), (12.0,), None),
    (re.compile(r"\bfortnight\b", re.IGNORECASE), (14.0,), "day"),
    (re.compile(r"\bfortnight\b", re.IGNORECASE), (2.0,), "week"),
    (re.compile(r"\ba\s+week\b", re.IGNORECASE), (7.0,), "day"),
    (re.compile(r"\b(?:a\s+)?few\b", re.IGNORECASE), (2.0, 3.0, 4.0), None),
    (re.compile(r"\bseveral\b", re.IGNORECASE), (3.0, 4.0, 5.0, 6.0, 7.0), None),
    (re.compile(r"\b(?:a|one)[\s-]third\b", re.IGNORECASE), (1 / 3,), None),
    (re.compile(r"\b(?:a|one)[\s-]quarter\b", re.IGNORECASE), (0.25,), None),
    (re.compile(r"\b(?:a|one)[\s-]half\b|\bhalf\b", re.IGNORECASE), (0.5,), None),
    (re.compile(r"\btwo[\s-]thirds\b", re.IGNORECASE), (2 / 3,), None),
    (re.compile(r"\bthree[\s-]quarters\b", re.IGNORECASE), (0.75,), None),
]
# A multiple said by a verb is also a rise in percent: sales doubled is 매출이 100% 늘었다 (kind "rise",
# which no multiple written with 배 may be scaled to: 3배 is no rise of 300%)
_EN_RISES = [
    (re.compile(r"\bdoubl(?:ed|ing)\b", re.IGNORECASE), 100.0),
    (re.compile(r"\btripl(?:ed|ing)\b|\btrebled\b", re.IGNORECASE), 200.0),
    (re.compile(r"\bquadrupl(?:ed|ing)\b", re.IGNORECASE), 300.0),
]
_EN_TIME_AFTER = re.compile(
    r"[\s-]+(?:of\s+)?(?:more\s+)?(day|week|month|year|hour|minute|season)s?\b", re.IGNORECASE
)


_POINT_AFTER = re.compile(r"[\s-]+(?:a\s+)?(?:percentage[\s-]+)?points?\b", re.IGNORECASE)


def time_unit_after(text: str, end: int) -> str | None:
    """The unit of time a word at `end` counts ("a few weeks", "the eighth day", "his 14th season"), or None."""
    after = _EN_TIME_AFTER.match(text, end)
    if after is None:
        return None
    unit = after.group(1).lower()
    return "year" if unit == "season" else unit  # a sports season is a year of it


def find_loose_words(text: str, lang: str) -> list[Quantity]:
    """Values the text may express without a number the parser counts (kind "loose"): they excuse a figure
    on the other side (두 차례 beside "twice", 양국 beside "the two countries", 두 달 beside "two months"),
    never raise an alarm themselves.  A word before a noun of time takes its unit ("a few weeks")."""
    out: list[Quantity] = []
    if lang == "ko":
        for pattern, values, unit in _KO_LOOSE:
            out += [
                Quantity(m.start(), m.end(), v, unit, "loose") for m in pattern.finditer(text) for v in values
            ]
        for m in _KO_NATIVE_LOOSE.finditer(text):
            noun = m.group("noun")
            unit = next((u for n, u in _KO_TIME_NOUNS if noun.startswith(n)), None)
            out.append(Quantity(m.start(), m.end(), _KO_NATIVE_VALUE[m.group("n")], unit, "loose"))
        return out
    for pattern, values, unit in _EN_LOOSE:
        for m in pattern.finditer(text):
            measure = unit or time_unit_after(text, m.end())
            if measure is None and _POINT_AFTER.match(text, m.end()):
                measure = "point"  # a half-point cut: 0.5%포인트
            out += [Quantity(m.start(), m.end(), v, measure, "loose") for v in values]
    for pattern, rise in _EN_RISES:
        out += [Quantity(m.start(), m.end(), rise, "percent", "rise") for m in pattern.finditer(text)]
    return out
