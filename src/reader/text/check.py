"""The translation check: does the English side of a segment pair say the same numbers, dates and names
as the Korean side?

An analyst quoting a casualty figure needs to know when "500명" became "50 soldiers" or "26일" became
"Nov. 25".  The check is deliberately conservative, because a false alarm on every correct row would teach
people to ignore it: a quantity is flagged only when nothing on the other side can say the same (11,000 =
1만1000; "five" = 5; 오백 명 = 500; 1907km = 1,185 miles and 시속 33km = 21 mph within the units table's
tolerance; 1년 = 12 months; 60대 = "in her 60s"; 니콜라이 2세 = Nicholas II), and a date part only when the
other side gives the same part with a different value — a translator who adds the year or writes "on
Tuesday" for "26일" has not made an error.  Words that only approximate a number (두 차례, 양국, 수십 명,
"dozens of") may excuse a count on the other side, never a measure, and never raise an alarm on their
own; numbers inside names and terms (8강, 12번 시드, G8) are compared as those terms.  A figure missing
from a row but present in the row before or after, in the same measure, is not an alarm but a remark
(`REMARK`): the fact moved to the neighbouring sentence.  Each finding says what it compared: "1,485 miles ≈ 2,390 km, the Korean says 1907km".

Dates and weekdays are compared in `check_dates`, names in `check_names`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reader.text.check_dates import (
    DAYS_AFTER,
    DAYS_BEFORE,
    as_date,
    date_reasons,
    resolve_day,
    weekday_reasons,
)
from reader.text.check_names import name_reasons, place_reasons, title_reasons
from reader.text.clock_times import CLOCK_EN as _CLOCK
from reader.text.entities import Mention, find_mentions
from reader.text.findings import REMARK, is_alarm
from reader.text.glossary import Glossary
from reader.text.language import LANGUAGE_NAMES
from reader.text.linking import values_equal
from reader.text.numbers import Quantity, find_quantities, is_sino_korean_count, parse_english_number
from reader.text.numbers_loose import Term, find_loose_figures, find_terms
from reader.text.numbers_words import find_loose_words, find_word_counts, time_unit_after
from reader.text.omissions import left_out
from reader.text.quantity import _attach_date_parts
from reader.text.units import agree, convert, dimension, readings

__all__ = ["DAYS_AFTER", "DAYS_BEFORE", "REMARK", "check_pair", "is_alarm", "left_out", "resolve_day"]

Row = tuple[str, str]


def check_pair(
    ko_text: str,
    en_text: str,
    *,
    glossary: Glossary | None = None,
    ko_mentions: list[Mention] | None = None,
    en_mentions: list[Mention] | None = None,
    published: str | date | None = None,
    before: Row | None = None,
    after: Row | None = None,
) -> list[str]:
    """Findings (one short sentence each) where the two sides disagree; empty when nothing is wrong.

    `published` is the article's publication date (a date or an ISO string such as "2024-11-28"); only
    with it can a day of the month be set beside a weekday, since "28일" alone names no weekday, and "two
    years ago" beside 2006년.  `before` and `after` are the (Korean, English) rows either side: a figure
    found there in the same measure is a remark ("note: …"), not an alarm.
    """
    day = as_date(published)
    ko, en = _Side.read(ko_text, "ko", day), _Side.read(en_text, "en", day)
    neighbours = {
        "ko": [(where, _Side.read(row[0], "ko", day)) for where, row in (("previous", before), ("next", after)) if row],
        "en": [(where, _Side.read(row[1], "en", day)) for where, row in (("previous", before), ("next", after)) if row],
    }  # fmt: skip
    # the translation's figure first, converted to the original's unit; a figure it was set beside is
    # not reported again from the other side
    compared: set[tuple[str, int]] = set()
    reasons = _quantity_reasons(en, ko, neighbours["ko"], compared)
    reasons += _quantity_reasons(ko, en, neighbours["en"], compared)
    reasons += _vague_reasons(ko, en) + _decade_reasons(ko, en) + _term_reasons(ko, en)
    reasons += date_reasons(ko_text, en_text, ko.qs, en.qs)
    reasons += weekday_reasons(ko_text, en_text, ko.qs, en.qs, day)
    reasons += title_reasons(ko_text, en_text)
    if not any(r.endswith("in the English") and " is " in r for r in reasons):
        nearby = [row for row in (before, after) if row]
        reasons += place_reasons(
            ko_text, en_text, " ".join(r[0] for r in nearby), " ".join(r[1] for r in nearby)
        )
    if glossary is not None and len(glossary):
        if ko_mentions is None:
            ko_mentions = find_mentions(ko_text, "ko", glossary)
        if en_mentions is None:
            en_mentions = find_mentions(en_text, "en", glossary)
        named = name_reasons(ko_text, en_text, ko_mentions, en_mentions, glossary)
        reasons += [r for r in named if r.split(" (")[0] not in " ".join(reasons)]
    return reasons


# --------------------------------------------------------------------------------------------------------
# one side of a pair


@dataclass
class _Side:
    text: str
    lang: str
    qs: list[Quantity]  # quantities and dates, without those inside terms, ranges spread
    loose: list[Quantity]  # decades, regnal numbers, vague counts
    terms: list[Term]
    evidence: list[Quantity]  # everything a figure of the other side may be matched with
    dated: bool = False  # the article's date is known, so "two years ago" is a year to compare

    @classmethod
    def read(cls, text: str, lang: str, published: date | None) -> _Side:
        """One side read once: a row is read again as the neighbour of the rows either side."""
        return _read_side(text, lang, published)

    @classmethod
    def parse(cls, text: str, lang: str, published: date | None) -> _Side:
        terms = find_terms(text, lang)
        masked = terms + [Term(m.start(), m.end(), "mask", 0.0) for m in _MASK[lang].finditer(text)]
        masked += [Term(m.start(), m.end(), "clock", 0.0) for m in _CLOCK.finditer(text)]
        dotted = _dotted_dates(text, lang)
        masked += [Term(q.start, q.end, "date", 0.0) for q in dotted]
        qs = [
            q
            for q in find_quantities(text, lang)
            if not any(q.start < t.end and t.start < q.end for t in masked)
        ]
        qs = _spread_ranges(text, sorted(qs + dotted, key=lambda q: q.start))
        loose = find_loose_figures(text, lang)
        evidence = list(qs) + loose + [Quantity(t.start, t.end, t.value, None, "term") for t in terms]
        evidence += find_loose_words(text, lang) + find_word_counts(text, lang)
        for q in qs:  # "the eighth day" counts days, as 8일째 does
            unit = time_unit_after(text, q.end) if q.kind == "ordinal" and lang == "en" else None
            if unit:
                evidence.append(Quantity(q.start, q.end, q.value, unit, "ordinal"))
        evidence += [Quantity(m.start(), m.end(), float(m.group(1).replace(",", "")), None, "number")
                     for m in _GLUED.finditer(text)]  # fmt: skip
        for m in _SCALED_MONEY.finditer(text):  # $5m, £2bn: the scale written onto the figure
            scale = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}[m.group(3).lower()]
            value = float(m.group(2).replace(",", "")) * scale
            evidence.append(Quantity(m.start(), m.end(), value, _CURRENCY_SIGN[m.group(1)], "money"))
        for m in _MILITARY_TIME.finditer(text):  # 0715 (1215 GMT): the hour
            evidence.append(Quantity(m.start(), m.end(), float(m.group(1)), "hour", "time"))
        for m in _CLOCK.finditer(text):
            evidence += [Quantity(m.start(), m.end(), h, "hour", "time") for h in _clock_hours(m)]
            if m.group("m2"):  # 3:35 is also a match clock: three minutes and 35 seconds
                evidence.append(Quantity(m.start(), m.end(), float(m.group("h")), "minute", "duration"))
                evidence.append(Quantity(m.start(), m.end(), float(m.group("m2")), "second", "duration"))
        if published is not None:
            evidence += _years_from(text, lang, qs, published)
        return cls(text, lang, qs, loose, terms, evidence, published is not None)


# Dates written with full stops or middle dots: a web page's stamp (2005.10, 2008.10.3), and the
# events Korean names by their date (6·15 남북공동선언, 5.18 민주화운동; a decimal before 배 or % is not one)
_STAMP = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.(0?[1-9]|1[0-2])(?:\.(\d{1,2}))?(?![\d])")
_EVENT_DATE = re.compile(
    r"(?<![\d.·])(1[0-2]|[1-9])(?:·|\.(?=\d{1,2}\s?(?:남북|공동|선언|테러|사태|운동|항쟁|참사|합의|정상|민주|선거|혁명|조치|대책)))"
    r"(\d{1,2})(?![\d.])"
)
_ARTICLE = re.compile(r"(?:헌법|법|협약|조약|규약|헌장)\s?(?:제\s?)?(\d{1,3})조")


def _dotted_dates(text: str, lang: str) -> list[Quantity]:
    """Dates and articles written in ways the quantity parser reads as decimals or sums: 2005.10 (a year
    and a month), 6·15 (June 15), 헌법 9조 (Article 9, not nine trillion)."""
    out: list[Quantity] = []
    for m in _STAMP.finditer(text):
        out.append(Quantity(m.start(1), m.end(1), float(m.group(1)), "year", "date"))
        out.append(Quantity(m.start(2), m.end(2), float(m.group(2)), "month", "date"))
        if m.group(3) and 1 <= int(m.group(3)) <= 31:
            out.append(
                Quantity(
                    m.start(3), m.end(3), float(m.group(3)), "day", "date", int(m.group(2)), int(m.group(1))
                )
            )
    if lang == "ko":
        for m in _EVENT_DATE.finditer(text):
            if 1 <= int(m.group(2)) <= 31 and all(m.end() <= q.start or m.start() >= q.end for q in out):
                out.append(Quantity(m.start(1), m.end(1), float(m.group(1)), "month", "date"))
                out.append(Quantity(m.start(2), m.end(2), float(m.group(2)), "day", "date", int(m.group(1))))
        for m in _ARTICLE.finditer(text):
            out.append(Quantity(m.start(1), m.end(), float(m.group(1)), None, "ordinal"))
    return sorted(out, key=lambda q: q.start)


def _clock_hours(m: re.Match[str]) -> set[float]:
    """The hours a clock time may be written as on the other side: 9 p.m. is 9 (오후 9시) or 21; 19:30 is
    19 or 7 (오후 7시), and 7:30 without a.m. or p.m. may be 7 or 19."""
    hour = int(m.group("h"))
    if m.group("ap"):
        return {float(hour), float(hour % 12 + 12 * m.group("ap").lower().startswith("p"))}
    return {float(hour), float(hour % 12), float(hour % 12 + 12)}


@lru_cache(maxsize=16)
def _read_side(text: str, lang: str, published: date | None) -> _Side:
    return _Side.parse(text, lang, published)


def _years_from(text: str, lang: str, qs: list[Quantity], published: date) -> list[Quantity]:
    """A year said as a distance from the article's date: "two years ago" is 2006 in a 2008 article, and
    2006년부터 may be rendered "for two years"."""
    out = [Quantity(q.start, q.end, float(published.year - q.value), "year", "duration")
           for q in qs if q.kind == "date" and q.unit == "year" and 0 < published.year - q.value < 100]  # fmt: skip
    if lang == "en":
        for m in _YEARS_AGO.finditer(text):
            n = parse_english_number(m.group("n"))
            if n is not None:
                out.append(Quantity(m.start(), m.end(), float(published.year - n), "year", "date"))
    return out


# Figures written so the parser leaves them: "747s", "117AD"; a batting average (2할6푼8리, ".268")
_GLUED = re.compile(r"(?<![\w.,])(\d[\d,]*)(?:s|AD|BC|A\.D\.|B\.C\.)(?![\w])")
_SCALED_MONEY = re.compile(r"([$€£])\s?(\d[\d,]*(?:\.\d+)?)\s?(mn|bn|m|b|k)\b", re.IGNORECASE)
_CURRENCY_SIGN = {"$": "usd", "€": "eur", "£": "gbp"}
_MILITARY_TIME = re.compile(
    r"(?<![\d,.])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:\(|GMT|UTC|ET\b|EDT|EST|KST|local|hours?\b))"
)
# Codes that hold digits and name a thing (I-35W, F-16, B-52, A380, A319neo): no figure to compare; in
# Korean a particle is written onto one (A350이, A310는)
_CODE = r"(?<![\w-])[A-Z]{1,4}-?\d+[A-Z]*\b"
_KO_CODE = r"(?<![A-Za-z0-9-])[A-Z]{1,4}-?\d+[A-Za-z]*(?![A-Za-z0-9])"
_MASK = {
    "ko": re.compile(r"\d할\s?(?:\d푼)?\s?(?:\d리)?|(?<=\d시)\s?\d{1,2}분(?!\s?(?:간|동안))|" + _KO_CODE),
    "en": re.compile(
        r"&#\d+;|(?<![\w.])\.\d{3}\b|\b9 to 5\b|\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)|"
        + _MILITARY_TIME.pattern
        + "|(?-i:"
        + _CODE
        + ")",
        re.IGNORECASE,
    ),
}
_RELATIVE = re.compile(r"\s+(?:ago|after|before|later|earlier|since)\b", re.IGNORECASE)
_YEARS_AGO = re.compile(r"\b(?P<n>\d+|[a-z]+(?:-[a-z]+)?) years? ago\b", re.IGNORECASE)


def _spread_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A bare number that opens a range or a list takes the unit of the figure that closes it: 24~26일
    is two days, "June 26-29" two days of June, "2, 3년" two spans of years."""
    out = _years_cut_short(text, qs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end : b.start]
        if a.unit is None and a.kind == "number" and b.unit is not None and _RANGE_GAP.fullmatch(gap):
            out[i] = Quantity(a.start, a.end, a.value, b.unit, b.kind, None, b.year)
        elif (
            a.kind == "date"
            and a.unit == "day"
            and b.unit is None
            and b.kind == "number"
            and re.fullmatch(r"\s?[-–~]\s?", gap)
        ) and 1 <= b.value <= 31:
            out[i + 1] = Quantity(b.start, b.end, b.value, "day", "date", a.month, a.year)
    out = _attach_date_parts(out, text)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if (
            a.unit == b.unit == "day"
            and a.kind == b.kind == "date"
            and (a.month is None) != (b.month is None)
        ):
            month = a.month or b.month
            out[i] = Quantity(a.start, a.end, a.value, "day", "date", month, a.year)
            out[i + 1] = Quantity(b.start, b.end, b.value, "day", "date", month, b.year)
    return out


_RANGE_GAP = re.compile(r"\s?(?:[~∼〜\-–]|,|to|or|and)\s?", re.IGNORECASE)
_YEAR_GAP = re.compile(r"\s?[~∼〜\-–/]\s?")


def _years_cut_short(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A span of years whose second year keeps only its last two digits: 1981-87 and 1981~87년 are
    1981 to 1987, the 2019/20 season runs into 2020 (a third part, 2008-09-15, makes a date instead)."""
    out = list(qs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        cut = re.fullmatch(r"(\d\d)년?", text[b.start : b.end])
        if not (
            cut
            and re.fullmatch(r"\d{4}년?", text[a.start : a.end])
            and 1000 <= a.value <= 2200
            and a.unit in (None, "year")
            and b.unit in (None, "year")
            and _YEAR_GAP.fullmatch(text[a.end : b.start])
            and not re.match(r"[-/.]\d", text[b.end : b.end + 2])
        ):
            continue
        last, n = int(a.value) % 100, int(cut.group(1))
        if n > last or (last == 99 and n == 0):
            year = a.value - last + n + (100 if n <= last else 0)
            out[i] = Quantity(a.start, a.end, a.value, "year", "date")
            out[i + 1] = Quantity(b.start, b.end, year, "year", "date")
    return out


# --------------------------------------------------------------------------------------------------------
# figures


def _conversion(text: str, q: Quantity) -> bool:
    """ "235 square kilometers (91 square miles)", "1조원(약 7억 달러)": a figure restated in other units
    for the reader, which the other side need not have (the figure and its unit right before the
    bracket: in "cases sent to DOJ (88)" the bracket gives the count itself)."""
    return bool(
        re.search(
            r"\d[^()\d,;]{0,24}\(\s*(?:약|about|around|some|roughly)?\s*$",
            text[max(0, q.start - 40) : q.start],
        )
    )


def _countable(side: _Side, other: _Side, q: Quantity) -> bool:
    """Figures worth flagging: counts and measures, and bare numbers written in digits.  Not dates (see
    `check_dates`), not ordinals.  A figure in words counts when it is an exact count of something
    ("fifty soldiers", "two hundred tanks", 오백 명); not when bare ("the two sides"), approximate ("a dozen")
    or a native Korean numeral (세 자녀, 닷새), which a translator may render in many ways."""
    text = side.text
    # 1주일 is "a week" in English (but 1시 is one o'clock); a conversion in brackets is extra
    if (
        q.kind == "date"
        or (q.value == 1 and q.kind != "time" and q.unit not in ("percent", "pp"))
        or _conversion(text, q)
    ):
        return False
    span = text[q.start : q.end]
    if q.kind == "regnal":
        return any(o.kind == "regnal" for o in other.loose)
    if (
        _RELATIVE.match(text, q.end)
        and _unrendered_date(side, other, q)
        and not (side.dated and q.unit == "year")
    ):
        return False  # "three days after" may be the other side's date (지난 25일), told as a distance
    if q.kind == "decade":
        return True
    if re.search(r"\d", span):
        return True
    if q.unit in (None, "person", "country") and re.search(
        r"\bthe\s+$", text[max(0, q.start - 4) : q.start], re.IGNORECASE
    ):
        return False  # "the two women": the two already named, which the other side may not count again
    if q.unit in (None, "point") or q.kind in ("ordinal", "fraction") or q.value < 2:
        return False  # "five points" in a game or a poll is as often 다섯 점 or 오 점
    if re.search(r"[\uac00-\ud7a3]", span):
        return is_sino_korean_count(span)  # 오백 명, not 세 명 or 닷새
    return "dozen" not in span.lower() and "half" not in span.lower()


def _unrendered_date(side: _Side, other: _Side, q: Quantity) -> bool:
    """Whether the other side holds a date of the span's grain (a day for "three days after") that this
    side does not give as a date: the span may be that date, told as a distance."""
    grain = {"day": "day", "week": "day", "month": "month", "year": "year"}.get(q.unit or "")
    own = {o.value for o in side.qs if o.kind == "date" and o.unit == grain}
    return any(o.kind == "date" and o.unit == grain and o.value not in own for o in other.qs)


def _matches(q: Quantity, ev: Quantity) -> bool:
    """Whether a figure of one side and one of the other can say the same thing."""
    if ev.unit is None and ev.kind in _UNITLESS and dimension(q.unit) is not None:
        return False  # 2위, 수십 개, 두 체인, "twice" say nothing of months or feet
    if (
        _share(q.unit) != _share(ev.unit)
        and None not in (q.unit, ev.unit)
        and "times" not in (q.unit, ev.unit)
    ):
        return False  # 1% is not one year or one person (but 3배 may be 300%)
    if values_equal(q.value, ev.value) or (_scaled_equal(q, ev.value) and ev.kind != "rise"):
        # the same number in two measures of one kind (3일 beside "3 weeks") says two different things
        return not _other_measure(q, ev)
    if "decade" in (q.kind, ev.kind) or "decade-word" in (q.kind, ev.kind):
        return values_equal(q.value % 100, ev.value % 100) and max(q.value, ev.value) >= 1000
    if ev.kind == "vague":
        return ev.value <= q.value < ev.value * 10
    if q.kind == "date" or ev.kind == "date":
        return False
    return any(u != w and agree(q.value, u, ev.value, w) for u in readings(q.unit) for w in readings(ev.unit))


def _share(unit: str | None) -> bool:
    """A percent or a point of one (a point, %p, a basis point): figures no other measure can give."""
    return unit in ("percent", "point") or dimension(unit) == "share"


def _same_figure(q: Quantity, ev: Quantity) -> bool:
    """Whether a figure of a neighbouring row can be this one moved there: the same value in the same
    measure (7 km beside 7 km or 4.3 miles), not a figure that merely shares the number (seven days, a
    bare 7, "seven times")."""
    if not _matches(q, ev) or ev.kind in ("loose", "rise", "vague", "decade", "decade-word", "term"):
        return False
    if q.unit is None and ev.unit is None:
        return True
    if "age" in (q.unit, ev.unit) and None in (q.unit, ev.unit) and "number" in (q.kind, ev.kind):
        return True  # an age is written bare after a name: 조앤(가명, 26), "Ronaldo, 33,"
    units, others = readings(q.unit), readings(ev.unit)
    if q.unit == ev.unit or set(units) & set(others):
        return True
    return any(dimension(u) == dimension(w) for u in units for w in others)


# evidence that says a number of nothing in particular: it may excuse a count, never a measure
_UNITLESS = frozenset({"loose", "vague", "ordinal", "words", "term"})


def _other_measure(q: Quantity, ev: Quantity) -> bool:
    """Whether two figures are measures of one dimension in units that make them differ."""
    if (
        "percent" in (q.unit, ev.unit)
        and {q.unit, ev.unit} != {"percent"}
        and _share(q.unit)
        and _share(ev.unit)
    ):
        return True  # 3%포인트 and "3 points" are not 3 percent
    if q.kind == "date" or ev.kind == "date":
        # 15일 is the 15th or fifteen days, never fifteen weeks; 3월 is March, not three weeks
        date, span = (q, ev) if q.kind == "date" else (ev, q)
        unit = "year" if span.unit == "age" else span.unit  # 1600년 전 is a 1,600-year-old book
        return span.kind != "date" and dimension(unit) == "time" and unit != date.unit
    units = readings(q.unit)
    others = readings(ev.unit)
    if not units or not others or set(units) & set(others):
        return False
    same = [(u, w) for u in units for w in others if dimension(u) == dimension(w)]
    return bool(same) and not any(agree(q.value, u, ev.value, w) for u, w in same)


def _quantity_reasons(
    side: _Side, other: _Side, neighbours: list[tuple[str, _Side]], compared: set[tuple[str, int]]
) -> list[str]:
    reasons: list[str] = []
    other_bare = any(_bare(q) for q in other.qs) or bool(other.terms)
    figures = side.qs + [q for q in side.loose if q.kind in ("decade", "regnal") and side.lang == "en"]
    lang = LANGUAGE_NAMES[other.lang]
    for q in figures:
        if _bare(q) and not other_bare and (q.value <= 12 or side.lang == "ko"):
            # 5공장 beside "fifth plant": a bare number may be an ordinal the other side spells; in Korean
            # a bare figure is as often a date whose 일 was dropped (22에는)
            continue
        if (side.lang, q.start) in compared:
            continue
        if not _countable(side, other, q) or any(_matches(q, v) for v in other.evidence):
            continue
        span = side.text[q.start : q.end]
        moved = next((where for where, n in neighbours if any(_same_figure(q, v) for v in n.evidence)), None)
        if moved is not None:
            reasons.append(f"{REMARK}{span} is not in this row's {lang} but in the {moved} row's")
            continue
        reasons.append(_missing(side, other, q, span, lang, compared))
    return reasons


_LABEL = {"mile": "miles", "kmh": "km/h", "mps": "m/s", "mi2": "sq miles", "km2": "km²", "m2": "m²", "ft2": "sq ft",
          "ft": "feet", "inch": "inches", "liter": "litres", "gallon": "gallons", "celsius": "°C",
          "fahrenheit": "°F", "usd": "dollars", "krw": "won", "eur": "euros", "jpy": "yen", "cny": "yuan",
          "gbp": "pounds", "lb": "pounds", "year": "years", "month": "months", "week": "weeks", "day": "days",
          "hour": "hours", "ton": "tons", "knot": "knots", "yard": "yards", "nmi": "nautical miles"}  # fmt: skip


def _missing(
    side: _Side, other: _Side, q: Quantity, span: str, lang: str, compared: set[tuple[str, int]]
) -> str:
    """What a figure with no counterpart was compared with: the other side's figure of the same kind of
    measure, converted ("1,485 miles ≈ 2,390 km, the Korean says 1907km"), or nothing."""
    candidates = []  # (how far apart, the other figure, its unit, q's unit)
    for u in readings(q.unit):
        for o in other.qs:
            w = next((w for w in readings(o.unit) if dimension(w) == dimension(u)), None)
            if w is None or o.kind == "date" or q.kind == "date" or o.value <= 0 or q.value <= 0:
                continue
            if _conversion(other.text, o):
                continue  # "0.5 달러(약 500원)": the figure is the dollars, the won only restate it
            candidates.append((abs(math.log(convert(q.value, u, w) / o.value)), o, w, u))
    if not candidates and q.kind == "count" and q.unit:
        # a count of people, ships or vehicles has no unit to convert: the other side's count of the same
        # things that nothing here matches is the figure it renders (11,000 residents, the Korean 1만2000명)
        candidates = [(abs(math.log(q.value / o.value)), o, q.unit, q.unit) for o in other.qs
                      if o.kind == "count" and o.unit == q.unit and o.value > 0 < q.value
                      and not any(_matches(o, v) for v in side.evidence)]  # fmt: skip
    if candidates:
        _, o, w, u = min(candidates, key=lambda c: c[0])  # the nearest figure is the one it renders
        said = other.text[o.start : o.end]
        compared.add((other.lang, o.start))
        if w == u:
            return f"{span} ({_fmt(q.value)}), the {lang} says {said}"
        return f"{span} ≈ {_fmt(convert(q.value, u, w))} {_LABEL.get(w, w)}, the {lang} says {said}"
    return f"{span} ({_fmt(q.value)}) has no counterpart in the {lang}"


def _vague_reasons(ko: _Side, en: _Side) -> list[str]:
    """수십 명 beside "hundreds of": both sides give an order of magnitude, and they differ."""
    reasons = []
    for side, other in ((ko, en), (en, ko)):
        vague = [q for q in side.loose if q.kind == "vague"]
        others = [q for q in other.loose if q.kind == "vague"]
        if not others:
            continue
        for q in vague:
            if any(values_equal(q.value, o.value) for o in others):
                continue
            if any(q.value <= o.value < q.value * 10 for o in other.qs):
                continue
            said = ", ".join(other.text[o.start : o.end] for o in others)
            reasons.append(
                f"{side.text[q.start : q.end]} (in the {_fmt(q.value)}s) is {said} in the {LANGUAGE_NAMES[other.lang]}"
            )
        break  # one report a pair: the other direction says the same
    return reasons


def _decade_reasons(ko: _Side, en: _Side) -> list[str]:
    """40대 후반 beside "early 40s": the same decade, another part of it."""
    reasons = []
    for k in ko.loose:
        if k.kind != "decade" or k.unit is None:
            continue
        for e in en.loose:
            if e.kind.startswith("decade") and e.unit and values_equal(k.value, e.value) and e.unit != k.unit:
                reasons.append(
                    f"{ko.text[k.start : k.end]} ({k.unit} {_fmt(k.value)}s) is {en.text[e.start : e.end]} in the English"
                )
    return reasons


_FAMILY = {"round": "the round of {}", "group": "the group of {}", "talks": "{}-party talks",
           "seed": "seeded {}", "rank": "ranked {}", "attacks": "{}", "band": "a group of {}",
           "school": "school year {}", "every": "every {} years"}  # fmt: skip


def _term_reasons(ko: _Side, en: _Side) -> list[str]:
    """A number inside a name or term that changed: 8강 (the round of 8) beside "semifinals"."""
    reasons = []
    for k in ko.terms:
        same = [e for e in en.terms if e.family == k.family]
        if not same or any(values_equal(k.value, e.value) for e in same):
            continue
        e = same[0]
        reasons.append(
            f"{ko.text[k.start : k.end]} ({_FAMILY[k.family].format(_fmt(k.value))}) is "
            f"{en.text[e.start : e.end]} ({_FAMILY[e.family].format(_fmt(e.value))}) in the English"
        )
    return reasons


def _bare(q: Quantity) -> bool:
    """A number without a unit, or an ordinal: what the other side may spell out or leave implicit."""
    return (q.kind == "number" and q.unit is None) or q.kind == "ordinal"


def _scaled_equal(q: Quantity, v: float) -> bool:
    """Percent written as a fraction or the other way round (0.5 = 50%)."""
    if q.kind == "percent":  # 30% beside "a third": a fraction gives a share loosely
        return 0 < v < 1 and (values_equal(q.value / 100, v) or abs(q.value / 100 - v) <= 0.05)
    return q.kind == "ratio" and values_equal(q.value * 100, v)


def _fmt(v: float) -> str:
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:,.0f}" if v == int(v) else f"{v:,.4g}"
