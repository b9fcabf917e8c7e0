"""English numbers and quantities: figures and spelled-out numbers (11,000; three million; a half), units
and currencies ($3.5 billion, 12 km), dates (Nov. 26, 2024), ordinals, fractions and percentages.

Its own module because English number words, units and date forms are a grammar of their own, read in
English texts and, for foreign figures, in Korean ones too (`numbers.find_quantities`).
"""

from __future__ import annotations

import re

from reader.text.quantity import _DIGITS, Quantity, _attach_date_parts

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
    (r"percentage[ -]points?", "pp", "percent"),
    (r"basis[ -]points?", "bp", "percent"),
    (r"%", "percent", "percent"),
    (r"per ?cent", "percent", "percent"),
    (r"points?", "point", "percent"),
    (r"(?:miles?|mi) (?:per|an|a) hour|mph|m\.p\.h\.", "mph", "speed"),
    (r"(?:kilometers?|kilometres?|km) (?:per|an|a) hour|km/h|kph|kmh", "kmh", "speed"),
    (r"(?:meters?|metres?|m) (?:per|a) second|m/s", "mps", "speed"),
    (r"knots?", "knot", "speed"),
    (r"(?:square|sq\.?)[ -]?(?:feet|foot|ft)", "ft2", "area"),
    (r"nautical miles?", "nmi", "length"),
    (r"(?:square|sq\.?)[ -]?(?:kilometers?|kilometres?|km)|km²|km2", "km2", "area"),
    (r"(?:square|sq\.?)[ -]?(?:meters?|metres?|m)|m²", "m2", "area"),
    (r"(?:square|sq\.?)[ -]?miles?", "mi2", "area"),
    (r"hectares?", "ha", "area"),
    (r"acres?", "acre", "area"),
    (r"(?:kilometers?|kilometres?|km)", "km", "length"),
    (r"miles?", "mile", "length"),
    (r"(?:centimeters?|centimetres?|cm)", "cm", "length"),
    (r"(?:millimeters?|millimetres?|mm)", "mm", "length"),
    (r"(?:meters?|metres?|m)", "m", "length"),
    (r"(?:feet|foot|ft)", "ft", "length"),
    (r"inch(?:es)?", "inch", "length"),
    (r"yards?", "yard", "length"),
    (r"(?:cubic (?:meters?|metres?)|m³)", "m3", "volume"),
    (r"(?:milliliters?|millilitres?|ml)", "ml", "volume"),
    (r"(?:liters?|litres?)", "liter", "volume"),
    (r"(?:U\.S\. )?gallons?", "gallon", "volume"),
    (r"(?:grams?)", "g", "weight"),
    (r"(?:lbs?\.?)", "lb", "weight"),
    (r"(?:ounces?|oz\.?)", "oz", "weight"),
    (r"(?:degrees? )?(?:Fahrenheit)|°\s?F\b|℉", "fahrenheit", "temperature"),
    (r"(?:degrees? )?(?:Celsius|centigrade)|°\s?C\b|℃", "celsius", "temperature"),
    (r"cents?", "cent", "money"),
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
    (r"decades?", "decade", "duration"),
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
            r"migrants?|staff|crew|lawmakers?|voters?|deaths?|dead|killed|injured|wounded|survivors?|fans|"
            r"spectators|supporters|visitors|participants|athletes|players|journalists|reporters|officers|"
            r"policemen|teachers|doctors|nurses|farmers|miners|families)"
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


# 1215 GMT, 0715 hours: a clock time written as four digits, no year
_MILITARY_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|KST|E[SD]T|ET|local time|hours)\b")


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
        if den_word == "halves":
            continue  # "seven halves" counts halved matches, "two halves" a game's; a share is "one and a half"
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
            if (
                glued.lower() in _EN_SCALE and glued.lower() != "hundred" and num[0].isdigit()
            ):  # 50bn, £11million
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
            if (
                re.fullmatch(r"\d{4}", num)
                and 1000 <= value <= 2200
                and not _MILITARY_TIME.match(text, m.start("num"))
            ):
                unit, kind = "year", "date"
            elif not num[0].isdigit() and num.lower() in ("a", "an"):
                continue
        if not free(start, end):
            continue
        add(Quantity(start, end, value, unit, kind))
    found.sort(key=lambda q: (q.start, q.end))
    return _attach_date_parts(found, text)
