"""Korean numbers and quantities: Arabic figures with 만/억/조 (1만1000, 3억5000만), counters and units
(명, 달러, ㎢), native Korean words for numbers (열흘, 세 명) and Sino-Korean ones (삼십 명).

Its own module because Korean numerals, counters and particles are a grammar of their own; English
figures quoted in a Korean text are `numbers_english`'s, and `numbers.find_quantities` joins the two.
"""

from __future__ import annotations

import re

from reader.text.quantity import _DIGITS, _HANGUL, Quantity, _attach_date_parts

# ---------------------------------------------------------------------------------------------- Korean

_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
# 경 (10^16) is a unit only where no word goes on from it but a particle: 6경기 is six games, 1경에 달하는
# ten quadrillion
_GYEONG = r"경(?=(?:[은는이가을를의에도와과]|에서|으로)?(?![\uac00-\ud7a3]))"
# A section below a big unit: digits, then any run of small units each with the digits of the next
# (3천5백, 4천 2백, 2천500): 3천5백만 is 35,000,000, not 3,005.
_KO_SECTION = rf"{_DIGITS}(?:\s?[십백천](?:\s?{_DIGITS}\s?[십백천])*(?:{_DIGITS})?)?"
# A Korean numeral: sections, each followed by a run of big units: 1만1000, 12조3천억, 3억5000만,
# 1억 2천500만, 1억 4천 2백만.
_KO_NUMBER = rf"{_KO_SECTION}(?:\s?(?:[만억조]|{_GYEONG})+(?:\s?{_KO_SECTION})?)*"
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
        ("m²", "m2", "area"),
        ("km/h", "kmh", "speed"),
        ("㎞/h", "kmh", "speed"),
        ("노트", "knot", "speed"),
        ("mph", "mph", "speed"),
        ("kph", "kmh", "speed"),
        ("인치", "inch", "length"),
        ("야드", "yard", "length"),
        ("해리", "nmi", "length"),
        ("리터", "liter", "volume"),
        ("ℓ", "liter", "volume"),
        ("㎖", "ml", "volume"),
        ("밀리리터", "ml", "volume"),
        ("갤런", "gallon", "volume"),
        ("㎥", "m3", "volume"),
        ("입방미터", "m3", "volume"),
        ("세제곱미터", "m3", "volume"),
        ("그램", "g", "weight"),
        ("g", "g", "weight"),
        ("온스", "oz", "weight"),
        ("℃", "celsius", "temperature"),
        ("°C", "celsius", "temperature"),
        ("℉", "fahrenheit", "temperature"),
        ("°F", "fahrenheit", "temperature"),
        ("센트", "cent", "money"),
        ("제곱미터", "m2", "area"),
        ("평방미터", "m2", "area"),
        ("헥타르", "ha", "area"),
        ("에이커", "acre", "area"),
        ("평", "pyeong", "area"),
        ("%포인트", "pp", "percent"),
        ("%p", "pp", "percent"),
        ("퍼센트포인트", "pp", "percent"),
        ("포인트", "point", "percent"),
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
        ("주년", None, "ordinal"),  # 5주년: the fifth anniversary, not five weeks
        ("주택", None, "count"),  # 2주택자: an owner of two homes, not two weeks
        ("세기", None, "ordinal"),  # 19세기: the 19th century, not an age of 19
        ("주기", None, "ordinal"),  # 10주기: the tenth anniversary of a death
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
        ("경기", None, "count"),
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
# A one-syllable counter written apart from its number is a counter only where the word ends or a particle
# follows (5 명의, 3 시에); with more of a word after it, it begins another word (2020 시즌, 10 대학).
_WORD_GOES_ON = re.compile(
    rf"[{_HANGUL}](?<![은는이가을를도의에와과만씩째짜간로으부까보께쯤나여인엔든랑며면서])"
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
# A native day count is a word of its own: followed by 째, 간 or 동안 and a particle (사흘간의, 이틀째인,
# 나흘 만에), never by more of a word (하루빨리, 이레네).
_KO_NATIVE_DAY_RE = re.compile(
    rf"(?<![{_HANGUL}])(?P<w>{'|'.join(sorted(_KO_NATIVE_DAYS, key=len, reverse=True))})"
    rf"(?=(?:째|간|만|동안|내내|새|뒤|후|전|씩)?"
    rf"(?:이|가|은|는|을|를|도|의|에|나|인|에는|에도|부터|까지|이나|이면|에서)?(?![{_HANGUL}]))"
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


# 시속 120km is a speed, 초속 40m too; 섭씨 30도, 화씨 86도, 영하 5도 are temperatures
_KO_SPEED_BEFORE = re.compile(r"(?P<w>시속|초속)\s?(?:약\s?|최고\s?|최대\s?)?$")
_KO_DEGREES = re.compile(rf"(?P<scale>섭씨|화씨|영하|영상)\s?(?P<num>{_DIGITS})\s?도")


def _speeds(text: str, found: list[Quantity]) -> list[Quantity]:
    """A length after 시속 or 초속 is a speed: 시속 120km (km/h), 초속 40m (m/s)."""
    out: list[Quantity] = []
    for q in found:
        m = _KO_SPEED_BEFORE.search(text, max(0, q.start - 8), q.start)
        prev = out[-1] if out else None
        if m and q.unit in ("km", "m"):
            q = Quantity(q.start, q.end, q.value, "kmh" if m.group("w") == "시속" else "mps", "speed")
            if m.group("w") == "초속" and q.unit == "mps" and text[q.start : q.end].rstrip().endswith("km"):
                q = Quantity(q.start, q.end, q.value * 1000, "mps", "speed")
        elif (
            prev is not None
            and prev.kind == "speed"
            and q.unit == "km"
            and _SPEED_RANGE.fullmatch(text[prev.end : q.start])
        ):
            q = Quantity(q.start, q.end, q.value, prev.unit, "speed")  # 시속 120km에서 약 150km: both speeds
        out.append(q)
    return out


_SPEED_RANGE = re.compile(r"\s?(?:에서|~|-|부터)\s?(?:약\s?|최고\s?|최대\s?)?")


def _korean_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    special: list[Quantity] = []
    for m in _KO_DEGREES.finditer(text):
        degrees = float(m.group("num").replace(",", ""))
        scale = m.group("scale")
        scale_unit = "fahrenheit" if scale == "화씨" else "celsius"
        special.append(
            Quantity(m.start(), m.end(), -degrees if scale == "영하" else degrees, scale_unit, "temperature")
        )
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
        if (
            counter
            and len(counter) == 1
            and text[m.end("num") : m.start("counter")].isspace()
            and _WORD_GOES_ON.match(text, m.end("counter"))
        ):
            counter, end = None, m.end("num")  # 2020 시즌, 320 시리즈: a word, not 시 (o'clock)
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
    return _attach_date_parts(_speeds(text, out), text)
