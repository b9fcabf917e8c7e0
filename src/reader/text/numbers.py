"""Numbers, quantities and dates in Korean and English news, normalised so the two sides can be compared.

A translator renders "1만1000명" as "11,000 people", "35억 달러" as "$3.5 billion" and "26일" as "Nov. 26";
the aligner and the entity recogniser both need to see that these are the same fact. Every quantity is
reduced to a value, a normalised unit and a kind; dates are split into their parts (year, month, day), and
a day also carries its month and year when the text gives them next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Quantity",
    "Weekday",
    "find_quantities",
    "find_weekdays",
    "is_sino_korean_count",
    "parse_english_number",
    "parse_korean_number",
]


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


# ---------------------------------------------------------------------------------------------- Korean

_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A Korean numeral: digits, optionally a small unit (3천) and more digits (2천500), then any run of big
# units each optionally followed by another digit group: 1만1000, 12조3천억, 3억5000만, 1억 2천500만.
_KO_NUMBER = rf"{_DIGITS}(?:\s?[십백천](?:{_DIGITS})?)?(?:\s?[만억조경]+(?:\s?{_DIGITS}(?:\s?[십백천](?:{_DIGITS})?)?)?)*"
_KO_NUMBER_FULL = re.compile(rf"^{_KO_NUMBER}$")
_KO_TOKEN = re.compile(rf"({_DIGITS})|([십백천])|([만억조경])")


def parse_korean_number(s: str) -> float | None:
    """The value of a Korean numeral written with digits and unit characters, or None.

    Why digits are required: words like 천안 or 백두산 begin with unit characters, and a bare 세 or 한 is a
    native numeral that news never uses for a fact worth anchoring.
    """
    s = s.strip()
    if not s or not _KO_NUMBER_FULL.match(s):
        return None
    total = 0.0
    section = 0.0  # the part below the current big unit, e.g. "3천" in 12조3천억
    pending: float | None = None  # digits not yet multiplied by a small unit
    for digits, small, big in _KO_TOKEN.findall(s):
        if digits:
            if pending is not None:
                section += pending
            pending = float(digits.replace(",", ""))
        elif small:
            section += (pending if pending is not None else 1.0) * _KO_SMALL[small]
            pending = None
        else:
            if pending is not None:
                section += pending
                pending = None
            if section == 0.0:
                # 천만, 백만: a run of units after one group multiplies the running total.
                total = (total or 1.0) * _KO_BIG[big]
            else:
                total += section * _KO_BIG[big]
            section = 0.0
    if pending is not None:
        section += pending
    return total + section


# Counters after a Korean number: (suffix, unit, kind). Longest first, so 개월 wins over 개.
_KO_COUNTERS: list[tuple[str, str | None, str]] = sorted(
    [
        ("명", "person", "count"),
        ("인", "person", "count"),
        ("달러", "usd", "money"),
        ("불", "usd", "money"),
        ("원", "krw", "money"),
        ("엔", "jpy", "money"),
        ("위안", "cny", "money"),
        ("유로", "eur", "money"),
        ("파운드", "gbp", "money"),
        ("㎢", "km2", "area"),
        ("km²", "km2", "area"),
        ("km2", "km2", "area"),
        ("제곱킬로미터", "km2", "area"),
        ("평방킬로미터", "km2", "area"),
        ("㎡", "m2", "area"),
        ("제곱미터", "m2", "area"),
        ("평방미터", "m2", "area"),
        ("헥타르", "ha", "area"),
        ("에이커", "acre", "area"),
        ("평", "pyeong", "area"),
        ("%포인트", "pp", "percent"),
        ("%p", "pp", "percent"),
        ("퍼센트포인트", "pp", "percent"),
        ("%", "percent", "percent"),
        ("％", "percent", "percent"),
        ("퍼센트", "percent", "percent"),
        ("km", "km", "length"),
        ("㎞", "km", "length"),
        ("킬로미터", "km", "length"),
        ("마일", "mile", "length"),
        ("cm", "cm", "length"),
        ("센티미터", "cm", "length"),
        ("mm", "mm", "length"),
        ("㎜", "mm", "length"),
        ("㎝", "cm", "length"),
        ("밀리미터", "mm", "length"),
        ("GWh", "gwh", "energy"),
        ("MWh", "mwh", "energy"),
        ("TWh", "twh", "energy"),
        ("kWh", "kwh", "energy"),
        ("GW", "gw", "power"),
        ("MW", "mw", "power"),
        ("편", None, "count"),
        ("m", "m", "length"),
        ("미터", "m", "length"),
        ("피트", "ft", "length"),
        ("kg", "kg", "weight"),
        ("㎏", "kg", "weight"),
        ("킬로그램", "kg", "weight"),
        ("t", "ton", "weight"),
        ("톤", "ton", "weight"),
        ("배럴", "barrel", "count"),
        ("년간", "year", "duration"),
        ("년", "year", "date"),
        ("개월", "month", "duration"),
        ("달", "month", "duration"),
        ("월", "month", "date"),
        ("주일", "week", "duration"),
        ("주간", "week", "duration"),
        ("주", "week", "duration"),
        ("일간", "day", "duration"),
        ("일", "day", "date"),
        ("시간", "hour", "duration"),
        ("시", "hour", "time"),
        ("분", "minute", "duration"),
        ("초", "second", "duration"),
        ("세", "age", "age"),
        ("살", "age", "age"),
        ("배", "times", "ratio"),
        ("개국", "country", "count"),
        ("개", None, "count"),
        ("대", None, "count"),
        ("척", None, "count"),
        ("건", None, "count"),
        ("곳", None, "count"),
        ("채", None, "count"),
        ("발", None, "count"),
        ("마리", None, "count"),
        ("권", None, "count"),
        ("번째", None, "ordinal"),
        ("위", None, "ordinal"),
        ("차", None, "ordinal"),
        ("번", None, "count"),
        ("회", None, "count"),
        ("표", None, "count"),
        ("석", None, "count"),
    ],
    key=lambda c: -len(c[0]),
)
_KO_COUNTER_RE = "|".join(re.escape(c) for c, _, _ in _KO_COUNTERS)
_KO_COUNTER_OF = {c: (u, k) for c, u, k in _KO_COUNTERS}
# 여 / 여만 / 가량 / 남짓 / 이상 mark an approximate figure between the number and its counter ("500여명").
_KO_QUANTITY = re.compile(
    rf"(?<![\d.,])(?P<num>{_KO_NUMBER})(?P<approx>\s?여)?\s?(?P<counter>{_KO_COUNTER_RE})?"
)
# Latin-letter counters (m, t, km, cm) must not run into a following word ("5 times" is not "5 t").
_LATIN_COUNTER = re.compile(r"[A-Za-z²]+$")


# Native Korean numbers of days, written as words: 이틀 is "two days", 열흘 "ten days".
_KO_NATIVE_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
    "보름": 15,
}
# Native numerals before a counter: 두 차례, 세 명, 다섯 곳, 스무 척.
_KO_NATIVE = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "열한": 11,
    "열두": 12,
    "열세": 13,
    "열네": 14,
    "스무": 20,
}
_KO_NATIVE_COUNTERS = {
    "차례": None,
    "번": None,
    "명": "person",
    "개": None,
    "곳": None,
    "척": None,
    "대": None,
    "개국": "country",
    "가지": None,
    "건": None,
    "마리": None,
    "발": None,
}
_HANGUL = "\uac00-\ud7a3"
# A native day count is a word of its own: followed by a particle, 째 or 간, never by more of a word
# (하루빨리, 이레네).
_KO_NATIVE_DAY_RE = re.compile(
    rf"(?<![{_HANGUL}])(?P<w>{'|'.join(sorted(_KO_NATIVE_DAYS, key=len, reverse=True))})"
    rf"(?=(?:째|간|만|이|가|은|는|을|를|도|의|에|나|동안|내내|새|뒤|후|전|씩)?(?![{_HANGUL}]))"
)
# The numeral and its counter stand apart ("세 명"); only 차례 is often written on (두차례), since 세대 or
# 한번 written together are other words.
_KO_NATIVE_COUNT_RE = re.compile(
    rf"(?<![{_HANGUL}])(?P<w>{'|'.join(sorted(_KO_NATIVE, key=len, reverse=True))})"
    rf"(?:\s(?P<c>{'|'.join(sorted(_KO_NATIVE_COUNTERS, key=len, reverse=True))})|(?P<c2>차례))"
    rf"(?=(?:[은는이가을를도의에째씩만]|에서|으로|나|이나)?(?![{_HANGUL}]))"
)


def _korean_words_for_numbers(text: str) -> list[Quantity]:
    """Counts written with native numerals: 이틀 (2 days), 열흘 (10 days), 두 차례 (twice), 세 명 (3)."""
    out: list[Quantity] = []
    for m in _KO_NATIVE_DAY_RE.finditer(text):
        out.append(Quantity(m.start(), m.end("w"), float(_KO_NATIVE_DAYS[m.group("w")]), "day", "duration"))
    for m in _KO_NATIVE_COUNT_RE.finditer(text):
        counter = m.group("c") or m.group("c2")
        end = m.end("c") if m.group("c") else m.end("c2")
        out.append(
            Quantity(m.start(), end, float(_KO_NATIVE[m.group("w")]), _KO_NATIVE_COUNTERS[counter], "count")
        )
    return out


_SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# Counters a number in Sino-Korean words stands before (오백 명, 천 달러, 삼십 년); one-syllable words that
# also end ordinary nouns after such syllables (백인, 천주, 만원 as "full") are left out or need a space
_SINO_COUNTERS = (
    "명",
    "달러",
    "원",
    "엔",
    "위안",
    "유로",
    "년",
    "개월",
    "일",
    "시간",
    "분",
    "초",
    "세",
    "살",
    "배",
    "개국",
    "개",
    "척",
    "대",
    "발",
    "건",
    "곳",
    "번",
    "차례",
    "마리",
    "톤",
    "킬로미터",
    "미터",
    "퍼센트",
)
_SINO_NUMBER = re.compile(
    rf"(?<![{_HANGUL}\d.,])(?P<num>(?:[일이삼사오육칠팔구]?[십백천만억조])+[일이삼사오육칠팔구]?)(?P<approx>여)?(?P<sp>\s?)"
    rf"(?P<c>{'|'.join(sorted(_SINO_COUNTERS, key=len, reverse=True))})"
    rf"(?=(?:[은는이가을를도의에씩만과와]|에서|으로|이나|나|간|째)?(?![{_HANGUL}]))"
)


def _parse_sino(word: str) -> float:
    """오백 → 500, 삼천 → 3000, 백만 → 1,000,000, 이십오 → 25."""
    total = section = 0.0
    pending: float | None = None
    for ch in word:
        if ch in _SINO_DIGITS:
            pending = float(_SINO_DIGITS[ch])
        elif ch in _KO_SMALL:
            section += (pending if pending is not None else 1.0) * _KO_SMALL[ch]
            pending = None
        else:
            section += pending or 0.0
            pending = None
            total += (section or 1.0) * _KO_BIG[ch]
            section = 0.0
    return total + section + (pending or 0.0)


def is_sino_korean_count(span: str) -> bool:
    """Whether `span` is a number in Sino-Korean words with its counter (오백 명, 천 달러): an exact figure,
    unlike a native numeral (세 명, 닷새) that a translator may render loosely."""
    return bool(_SINO_NUMBER.fullmatch(span))


def _sino_korean_words(text: str) -> list[Quantity]:
    """Numbers written in Sino-Korean words before a counter: 오백 명 (500 people), 천 달러, 삼십 년.

    A word made only of unit syllables (천, 만, 백만) counts only when a space parts it from the counter:
    written together, 천명 is "declaration" and 만원 "full to capacity"."""
    out: list[Quantity] = []
    for m in _SINO_NUMBER.finditer(text):
        word = m.group("num")
        if not m.group("sp") and not m.group("approx") and not any(ch in _SINO_DIGITS for ch in word):
            continue
        unit, kind = _KO_COUNTER_OF.get(m.group("c"), (None, "count"))
        if m.group("c") == "차례":
            unit, kind = None, "count"
        value = _parse_sino(word)
        if kind == "date":
            kind = "duration"  # 삼십 년 is thirty years, not the year 30
        out.append(Quantity(m.start(), m.end("c"), value, unit, kind))
    return out


# What makes a number of days a span, written apart from it: 3일 간(의), 3일 동안, 3일 만에 ("28일 간담회" is a
# date: 간 must end the word)
_KO_SPAN_AFTER = re.compile(rf"\s?(?:간(?:의|에|을|이)?|동안(?:의|에)?|만에|만의)(?![{_HANGUL}])")

# 3분의 2: a fraction (two thirds), not three minutes; 3분기: a quarter of the year.
_KO_FRACTION = re.compile(rf"(?<![\d.,])(?P<den>{_DIGITS})\s?분의\s?(?P<num>{_DIGITS})")
_KO_QUARTER = re.compile(r"(?<![\d.,])(?P<q>[1-4])\s?분기")


def _korean_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    special: list[Quantity] = []
    for m in _KO_FRACTION.finditer(text):
        den, num = float(m.group("den").replace(",", "")), float(m.group("num").replace(",", ""))
        if den:
            special.append(Quantity(m.start(), m.end(), num / den, None, "fraction"))
    for m in _KO_QUARTER.finditer(text):
        special.append(Quantity(m.start(), m.end(), float(m.group("q")), "quarter", "ordinal"))
    taken = [(q.start, q.end) for q in special]
    out.extend(special)
    for m in _KO_QUANTITY.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        value = parse_korean_number(m.group("num"))
        if value is None:
            continue
        counter = m.group("counter")
        end = m.end()
        if m.start() > 0 and text[m.start() - 1] == "제":
            # 제4조, 제2차: 제 makes the number an ordinal (Article 4), whatever unit-like syllable follows
            lead = re.match(r"\d+", m.group("num"))
            if lead:
                stop = m.start() + lead.end()
                stop += 1 if text[stop : stop + 1] in tuple("조차항호장대회기절편권부관") else 0
                out.append(Quantity(m.start() - 1, stop, float(lead.group()), None, "ordinal"))
                continue
        if (
            counter
            and _LATIN_COUNTER.search(counter)
            and end < len(text)
            and text[end].isascii()
            and text[end].isalpha()
        ):
            counter, end = None, m.end("num")
        unit, kind = _KO_COUNTER_OF[counter] if counter else (None, "number")
        limits = {"day": (1, 31), "month": (1, 12), "year": (1000, 2200)}
        if kind == "date" and unit in limits:
            low, high = limits[unit]
            if not (low <= value <= high and value.is_integer()):
                kind = "duration"  # 45일간, 3년: a span of time, not a date
        elif unit == "hour" and kind == "time" and value > 24:
            kind = "duration"
        if not counter:
            end = m.end("num")
        if counter and text[end : end + 1] == "째" and unit in ("day", "week", "month", "year"):
            kind, end = "duration", end + 1  # 8일째: the eighth day of something, a count, not a date
        elif kind == "date" and unit == "day" and _KO_SPAN_AFTER.match(text, end):
            kind = "duration"  # 3일 간, 3일 동안, 3일 만에: three days, not the 3rd
        out.append(Quantity(m.start(), end, value, unit, kind))
    taken = [(q.start, q.end) for q in out]
    for q in _korean_words_for_numbers(text) + _sino_korean_words(text):
        if all(q.end <= a or q.start >= b for a, b in taken):
            out.append(q)
    out.sort(key=lambda q: (q.start, q.end))
    return _attach_date_parts(out, text)


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


# --------------------------------------------------------------------------------------------- English

_EN_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_SCALE = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "mn": 10**6,
    "bn": 10**9,
    "tn": 10**12,
}
_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WORD_NUM = "|".join(sorted([*_EN_SMALL, *_EN_TENS], key=len, reverse=True))
_SCALE = "|".join(sorted(_EN_SCALE, key=len, reverse=True))
_EN_NUMBER = (
    rf"(?:{_DIGITS}|(?:{_WORD_NUM})(?:-(?:{_WORD_NUM}))?|a|an)"
    rf"(?:\s+(?:{_SCALE}))*"
)
_EN_NUMBER_FULL = re.compile(rf"^{_EN_NUMBER}$", re.IGNORECASE)

# Units after an English number: (pattern, unit, kind). People-nouns all count as "person", as 명 does.
_EN_UNITS: list[tuple[str, str | None, str]] = [
    (r"percentage points?", "pp", "percent"),
    (r"%", "percent", "percent"),
    (r"per ?cent", "percent", "percent"),
    (r"(?:square|sq\.?) ?(?:kilometers?|kilometres?|km)|km²|km2", "km2", "area"),
    (r"(?:square|sq\.?) ?(?:meters?|metres?|m)|m²", "m2", "area"),
    (r"(?:square|sq\.?) ?miles?", "mi2", "area"),
    (r"hectares?", "ha", "area"),
    (r"acres?", "acre", "area"),
    (r"(?:kilometers?|kilometres?|km)", "km", "length"),
    (r"miles?", "mile", "length"),
    (r"(?:centimeters?|centimetres?|cm)", "cm", "length"),
    (r"(?:millimeters?|millimetres?|mm)", "mm", "length"),
    (r"(?:meters?|metres?|m)", "m", "length"),
    (r"(?:feet|foot|ft)", "ft", "length"),
    (r"(?:kilograms?|kg)", "kg", "weight"),
    (r"(?:tons?|tonnes?)", "ton", "weight"),
    (r"barrels?", "barrel", "count"),
    (r"(?:gigawatt[- ]hours?|GWh)", "gwh", "energy"),
    (r"(?:megawatt[- ]hours?|MWh)", "mwh", "energy"),
    (r"(?:terawatt[- ]hours?|TWh)", "twh", "energy"),
    (r"(?:kilowatt[- ]hours?|kWh)", "kwh", "energy"),
    (r"(?:gigawatts?|GW)", "gw", "power"),
    (r"(?:megawatts?|MW)", "mw", "power"),
    (r"(?:dollars?|usd)", "usd", "money"),
    (r"won", "krw", "money"),
    (r"yen", "jpy", "money"),
    (r"(?:yuan|renminbi)", "cny", "money"),
    (r"euros?", "eur", "money"),
    (r"(?:pounds? sterling|pounds?)", "gbp", "money"),
    (r"years?[- ]old", "age", "age"),
    (r"years?", "year", "duration"),
    (r"months?", "month", "duration"),
    (r"weeks?", "week", "duration"),
    (r"days?", "day", "duration"),
    (r"hours?", "hour", "duration"),
    (r"minutes?", "minute", "duration"),
    (r"seconds?", "second", "duration"),
    (r"times|-fold|fold", "times", "ratio"),
    (r"countries|nations", "country", "count"),
    (
        (
            r"(?:people|persons?|soldiers?|troops?|residents?|civilians?|workers?|students?|children|men|"
            r"women|members?|personnel|citizens?|victims?|passengers?|refugees?|protesters?|demonstrators?|"
            r"fighters?|employees?|officials?|tourists?|patients?|casualties|inmates?|prisoners?|"
            r"migrants?|staff|crew|lawmakers?|voters?|deaths?|dead|killed|injured|wounded|survivors?)"
        ),
        "person",
        "count",
    ),
]
_EN_UNIT_RE = re.compile(
    r"\s?-?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(_EN_UNITS)) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_CURRENCY = {"$": "usd", "us$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₩": "krw", "w": "krw"}
_EN_QUANTITY = re.compile(
    rf"(?<![\w.,])(?P<cur>US\$|\$|€|£|¥|₩|W(?=\d))?\s?(?P<num>{_EN_NUMBER})(?P<glued>[A-Za-z²]*)",
    re.IGNORECASE,
)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\b\.?(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.IGNORECASE,
)
_EN_DAY_OF = re.compile(
    rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b\.?",
    re.IGNORECASE,
)
_FULL_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_TIME_WORD_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|through|to|before|after|during|of|last|next|this|early|mid|late|"
    r"end of|since early|since late)[\s-]+$",
    re.IGNORECASE,
)
# "on the 26th" is a day; "the 15th package" or "the 7th Fleet" is an ordinal of something else.
_EN_ORDINAL = re.compile(
    r"\b(?:the\s+)(?P<num>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?!(?:of|in|at|on|to|and|when|after|before|as|for|"
    r"but|while|from|amid|that|with|local|this|last|next)\b)[A-Za-z])",
    re.IGNORECASE,
)
_WORD_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}
_EN_WORD_ORDINAL = re.compile(
    r"\b(?:(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?P<w>"
    + "|".join(sorted(_WORD_ORDINALS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# "two-thirds", "a quarter", "one half": fractions, read before "third" or "quarter" can pass for ordinals
_DENOMINATORS = {"half": 2, "halves": 2} | {
    word + plural: den
    for word, den in (
        ("third", 3),
        ("quarter", 4),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
    )
    for plural in ("", "s")
}
_EN_FRACTION = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|[1-9])[- ](?P<d>halves|half|thirds?|quarters?|"
    r"fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b(?!\s+(?:time|round|day|week|year|place|"
    r"term|test|consecutive|largest|biggest)\b)",
    re.IGNORECASE,
)
# what follows a fraction ("a fifth of …", "a third, …"); any other word makes "a fifth" an ordinal
_FRACTION_AFTER = re.compile(r"\s+of\b|\s*(?:[.,;:)]|$)")
_EN_DIGIT_ORDINAL = re.compile(r"(?<![\w.,])(?P<num>\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
# "a second time" is an ordinal, "for a second" or "the second half" too; only "a split second" and
# "seconds" as units of time are not, and those carry no number to compare
_SECOND_AS_TIME = re.compile(r"s\b|\s+(?:or two|later)\b", re.IGNORECASE)
_EN_PERCENT_SIGN = re.compile(rf"(?<![\w.,])(?P<num>{_DIGITS})\s?%")


def parse_english_number(s: str) -> float | None:
    """The value of "11,000", "1.5 million", "twenty-five", "a thousand", "3.5bn", "two hundred and fifty",
    "a dozen", "half a million"; None if not a number."""
    s = s.strip().lower()
    if not s:
        return None
    m = re.match(rf"^({_DIGITS})\s?(bn|mn|tn)$", s)
    if m:
        return float(m.group(1).replace(",", "")) * _EN_SCALE[m.group(2)]
    spelled = _spelled_numbers(s)
    if len(spelled) == 1 and spelled[0][:2] == (0, len(s)):
        return spelled[0][2]
    if not _EN_NUMBER_FULL.match(s):
        return None
    parts = s.split()
    head, scales = parts[0], parts[1:]
    if head in ("a", "an"):
        if not scales:
            return None
        value = 1.0
    elif re.match(r"^\d", head):
        value = float(head.replace(",", ""))
    else:
        value = 0.0
        for word in head.split("-"):
            value += _EN_SMALL.get(word, _EN_TENS.get(word, 0))
    for scale in scales:
        value *= _EN_SCALE[scale]
    return value


_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_NUMBER_WORDS = {**_EN_SMALL, **_EN_TENS}
_BIG_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def _spelled_numbers(text: str) -> list[tuple[int, int, float]]:
    """Numbers written in words, as (start, end, value): "fifty", "twenty-five", "two hundred and fifty
    thousand", "a dozen", "a hundred", "half a million".

    Why a scanner and not a pattern: the words combine by rules (a tens word takes one unit word after it,
    "and" only follows hundred or a scale), and a run must stop where the rules stop, so that "one or two"
    stays two numbers and "five six" is not fifty-six.
    """
    toks = [(m.start(), m.end(), m.group().lower()) for m in _WORD_TOKEN.finditer(text)]
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(toks):
        found = _spelled_at(text, toks, i)
        if found is None:
            i += 1
            continue
        j, value = found
        out.append((toks[i][0], toks[j - 1][1], value))
        i = j
    return out


def _joined(text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether token k follows token k-1 as part of one written number (one space or a hyphen between)."""
    return text[toks[k - 1][1] : toks[k][0]] in (" ", "-")


def _spelled_at(text: str, toks: list[tuple[int, int, str]], i: int) -> tuple[int, float] | None:
    """The number spelled from token i on: (index after its last token, value), or None."""
    n = len(toks)
    factor = 1.0
    k = i
    w = toks[k][2]
    after = toks[k + 1][2] if k + 1 < n else ""
    if (
        w == "half"
        and after in ("a", "an")
        and k + 2 < n
        and _joined(text, toks, k + 1)
        and _joined(text, toks, k + 2)
    ):
        factor, k = 0.5, k + 1  # half a million, half a dozen
        w, after = toks[k][2], toks[k + 1][2] if k + 1 < n else ""
        if after not in ("hundred", "dozen", *_BIG_WORDS):
            return None
    total, current, last = 0.0, 0.0, ""
    if w in ("a", "an"):
        if not (after in ("hundred", "dozen", *_BIG_WORDS) and k + 1 < n and _joined(text, toks, k + 1)):
            return None
        current, last, k = 1.0, "unit", k + 1
    elif w not in _NUMBER_WORDS:
        return None
    start_k = k
    while k < n:
        w = toks[k][2]
        if k > start_k and not _joined(text, toks, k):
            break
        if w in _NUMBER_WORDS:
            v = _NUMBER_WORDS[w]
            if last in ("", "hundred", "big", "and") or (last == "tens" and 0 < v < 10):
                current += v
            else:
                break
            last = "tens" if w in _EN_TENS else "unit"
        elif w == "hundred" and last in ("unit", "tens") and current < 100:
            current *= 100
            last = "hundred"
        elif w in _BIG_WORDS and last in ("unit", "tens", "hundred") and current:
            total += current * _BIG_WORDS[w]
            current, last = 0.0, "big"
        elif w == "dozen" and last == "unit" and current < 13:
            current *= 12
            last = "dozen"
        elif (
            w == "and"
            and last in ("hundred", "big")
            and k + 1 < n
            and toks[k + 1][2] in _NUMBER_WORDS
            and _joined(text, toks, k + 1)
        ):
            last = "and"
        else:
            break
        k += 1
    if last == "and":
        k -= 1
    if k == start_k or (k == start_k + 1 and toks[start_k][2] in ("a", "an")):
        return None
    return k, (total + current) * factor


def _english_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(q: Quantity) -> None:
        found.append(q)
        taken.append((q.start, q.end))

    for m in _EN_DATE.finditer(text):
        word = m.group("month")
        # "May", "March" and short forms are ordinary words too; count them as months only beside a
        # day or year, or when written with a capital and a full stop ("Nov.").
        month = _MONTHS[word.lower()]
        has_day, has_year = m.group("day") is not None, m.group("year") is not None
        if not word[0].isupper():
            continue
        full = word.lower() in _FULL_MONTHS
        # "May" is a modal and "March" a verb even with a capital at a sentence start: as bare months they
        # need a word of time before them ("in May", "since March", "early March")
        verb_like = word.lower() in ("may", "march")
        abbreviated = not full and text[m.end("month") : m.end("month") + 1] == "."
        if not (has_day or has_year):
            if verb_like and not _TIME_WORD_BEFORE.search(text, 0, m.start("month")):
                continue
            if not full and not abbreviated:
                continue
        year = int(m.group("year")) if has_year else None
        add(Quantity(m.start("month"), m.end("month"), float(month), "month", "date"))
        if has_day:
            day = int(m.group("day"))
            if 1 <= day <= 31:
                add(Quantity(m.start("day"), m.end("day"), float(day), "day", "date", month, year))
        if year is not None:
            add(Quantity(m.start("year"), m.end("year"), float(year), "year", "date"))
    for m in _EN_DAY_OF.finditer(text):
        day, month = int(m.group("day")), _MONTHS[m.group("month").lower()]
        if 1 <= day <= 31 and free(m.start("day"), m.end("day")) and m.group("month")[0].isupper():
            add(Quantity(m.start("day"), m.end("day"), float(day), "day", "date", month))
            if free(m.start("month"), m.end("month")):
                add(Quantity(m.start("month"), m.end("month"), float(month), "month", "date"))
    for m in _EN_ORDINAL.finditer(text):
        day = int(m.group("num"))
        if 1 <= day <= 31 and free(m.start("num"), m.end()):
            add(Quantity(m.start("num"), m.end(), float(day), "day", "date"))
    for m in _EN_FRACTION.finditer(text):
        num = m.group("n").lower()
        den_word = m.group("d").lower()
        if (
            num in ("a", "an", "one")
            and den_word not in ("half", "quarter")
            and not _FRACTION_AFTER.match(text, m.end())
        ):
            continue  # "a seventh nuclear test" counts tests; "a third of the troops" is a share
        n = 1 if num in ("a", "an", "one") else _EN_SMALL.get(num) or int(num)
        den = _DENOMINATORS[m.group("d").lower()]
        add(Quantity(m.start(), m.end(), n / den, None, "fraction"))
    for m in _EN_DIGIT_ORDINAL.finditer(text):
        # "the 15th package", "its 4th test": an ordinal, not a day (days were taken above)
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), float(m.group("num")), None, "ordinal"))
    for m in _EN_WORD_ORDINAL.finditer(text):
        if (
            m.group("w").lower() == "second"
            and re.match(r"s?\b", text[m.end() :])
            and _SECOND_AS_TIME.match(text, m.end())
        ):
            continue
        ordinal = _WORD_ORDINALS[m.group("w").lower()]
        if m.group("tens"):
            ordinal += _EN_TENS[m.group("tens").lower()]
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), float(ordinal), None, "ordinal"))
    unit: str | None
    for a, b, value in _spelled_numbers(text):
        if not free(a, b) or (a > 0 and text[a - 1] in "$€£¥₩"):
            continue
        unit, kind, end = None, "number", b
        tail = _EN_UNIT_RE.match(text, b)
        if tail:
            i = next(int(k[1:]) for k, v in tail.groupdict().items() if v is not None)
            unit, kind, end = _EN_UNITS[i][1], _EN_UNITS[i][2], tail.end()
        if free(a, end):
            add(Quantity(a, end, value, unit, kind))
    for m in _EN_PERCENT_SIGN.finditer(text):
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), float(m.group("num").replace(",", "")), "percent", "percent"))
    for m in _EN_QUANTITY.finditer(text):
        if not free(m.start("num"), m.end("num")):
            continue
        num, glued = m.group("num"), m.group("glued")
        parsed = parse_english_number(num)
        if parsed is None:
            continue
        value = parsed
        start, end = m.start("num"), m.end("num")
        unit = None
        kind = "number"
        cur = m.group("cur")
        if cur:
            unit, kind, start = _CURRENCY[cur.lower()], "money", m.start("cur")
        if glued:
            # Letters written onto the number: a scale (50bn), a unit (70km, 300mm), an ordinal (4th);
            # anything else (G20, 3D) is not a quantity.
            if glued.lower() in ("bn", "mn", "tn") and num[0].isdigit():
                value *= _EN_SCALE[glued.lower()]
                end = m.end("glued")
            elif glued.lower() in ("st", "nd", "rd", "th") and num.isdigit():
                add(Quantity(start, m.end("glued"), value, None, "ordinal"))
                continue
            else:
                attached = _EN_UNIT_RE.fullmatch(glued)
                if attached is None or cur:
                    continue
                i = next(int(k[1:]) for k, v in attached.groupdict().items() if v is not None)
                unit, kind = _EN_UNITS[i][1], _EN_UNITS[i][2]
                end = m.end("glued")
        tail = None if glued and kind != "money" else _EN_UNIT_RE.match(text, end)
        if tail and not cur:
            i = next(int(k[1:]) for k, v in tail.groupdict().items() if v is not None)
            unit, kind = _EN_UNITS[i][1], _EN_UNITS[i][2]
            end = tail.end()
        if kind == "number":
            if re.fullmatch(r"\d{4}", num) and 1000 <= value <= 2200:
                unit, kind = "year", "date"
            elif not num[0].isdigit() and num.lower() in ("a", "an"):
                continue
        if not free(start, end):
            continue
        add(Quantity(start, end, value, unit, kind))
    found.sort(key=lambda q: (q.start, q.end))
    return _attach_date_parts(found, text)


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """All quantities in `text` ("ko" or "en"), in order of position, not overlapping."""
    if lang == "ko":
        found = _korean_quantities(text)
        # Korean texts quote foreign figures too ("$3.5 billion", "Nov. 26"); pick those up where no Korean
        # quantity claims the place already.
        taken = [(q.start, q.end) for q in found]
        for q in _english_quantities(text):
            if q.kind != "number" and all(q.end <= a or q.start >= b for a, b in taken):
                found.append(q)
        found.sort(key=lambda q: (q.start, q.end))
    else:
        found = _english_quantities(text)
    if "\x1b" in text:
        codes = escape_sequences(text)
        found = [q for q in found if not any(s < q.end and q.start < e for s, e in codes)]
    return found


_ESCAPE = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)")


def escape_sequences(text: str) -> list[tuple[int, int]]:
    """Where `text` holds terminal escape sequences (ESC[31m, shown as ␛[31m): no figure and no name is
    in one, though 31m reads as 31 metres."""
    return [m.span() for m in _ESCAPE.finditer(text)]


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
