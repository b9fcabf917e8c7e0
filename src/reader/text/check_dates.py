"""The translation check's dates and weekdays: a day, month or year that differs between the two sides
(26일 beside "Nov. 25"), and a weekday that cannot be right (목요일 beside "Friday", or 29일 beside "on
Thursday" in an article whose date makes the 29th a Friday).

Its own module because dates are compared by their parts and a weekday against the calendar, unlike
figures, which `check` compares by value.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from reader.text.dates import RelativeDate, relative_dates
from reader.text.language import LANGUAGE_NAMES
from reader.text.linking import values_equal
from reader.text.numbers import Quantity, Weekday, find_weekdays

_DATE_UNITS = ("year", "month", "day")

# --------------------------------------------------------------------------------------------------------
# dates


def date_reasons(ko_text: str, en_text: str, ko_q: list[Quantity], en_q: list[Quantity]) -> list[str]:
    """A date part differs when each side has one the other lacks (26일 beside "Nov. 25").  A day is
    compared with its month when both sides give one ("11월 26일" beside "Oct. 26"), and a month that
    only dates a day is not compared as a month of its own ("4일" beside "Dec. 4")."""
    reasons: list[str] = []
    ko_parts = _parts(ko_text, ko_q)
    en_parts = _parts(en_text, en_q)
    for unit in _DATE_UNITS:
        ko_vals = ko_parts.get(unit, [])
        en_vals = en_parts.get(unit, [])
        if len(ko_vals) == len(en_vals) > 1:
            # as many dates of this kind on each side: each must have its own counterpart (4월 … 4월 beside
            # "March … April" is a month that changed, though April appears on both sides)
            ko_odd, en_odd = _unpaired(ko_vals, en_vals)
        else:
            ko_odd = [
                (v, m, t) for v, m, t in ko_vals if not any(_same_part(v, m, w, n) for w, n, _ in en_vals)
            ]
            en_odd = [
                (v, m, t) for v, m, t in en_vals if not any(_same_part(v, m, w, n) for w, n, _ in ko_vals)
            ]
        # a date one side adds or rewords ("22일" → "the following day") is no error; a day that became
        # another day is
        if not ko_odd or not en_odd:
            continue
        ko_list = ", ".join(t for _, _, t in ko_odd)
        en_list = ", ".join(t for _, _, t in en_odd)
        reasons.append(f"the {unit} differs: {ko_list} in the Korean, {en_list} in the English")
    return reasons


_Part = tuple[float, "int | None", str]


def _unpaired(a: list[_Part], b: list[_Part]) -> tuple[list[_Part], list[_Part]]:
    """The parts of each side left over after pairing equal ones one to one."""
    rest = list(b)
    odd_a: list[_Part] = []
    for v, m, t in a:
        k = next((i for i, (w, n, _) in enumerate(rest) if _same_part(v, m, w, n)), None)
        if k is None:
            odd_a.append((v, m, t))
        else:
            rest.pop(k)
    return odd_a, rest


def _same_part(v: float, month: int | None, w: float, other_month: int | None) -> bool:
    return values_equal(v, w) and (month is None or other_month is None or month == other_month)


def _parts(text: str, qs: list[Quantity]) -> dict[str, list[tuple[float, int | None, str]]]:
    """Date parts by unit: (value, the month of a day when given, the words that gave it)."""
    days = [q for q in qs if q.kind == "date" and q.unit == "day"]
    out: dict[str, list[tuple[float, int | None, str]]] = {}
    for q in qs:
        if q.kind != "date" or q.unit not in _DATE_UNITS:
            continue
        if q.unit == "month" and any(d.month == q.value and 0 <= d.start - q.end <= 3 for d in days):
            continue  # the month of "Dec. 4" / "11월 26일" travels with its day
        out.setdefault(q.unit, []).append(
            (q.value, q.month if q.unit == "day" else None, text[q.start : q.end])
        )
    for r in filter(_from_named_day, _relative(text)):
        # "reported the following day", 이튿날, 전날: a day counted from the last day named before it
        before = [d for d in days if d.end <= r.start]
        if not before:
            continue
        value = before[-1].value + r.offset
        if 1 <= value <= 28:
            out.setdefault("day", []).append((value, before[-1].month, text[r.start : r.end]))
    return out


def _from_named_day(r: RelativeDate) -> bool:
    """A day counted from a day the text names: 전날, 이튿날, "the following day"."""
    return r.unit == "day" and not r.from_story and r.offset != 0


def _another_day(r: RelativeDate) -> bool:
    """A day other than the one compared, which makes the pairing of day and weekday a guess: the
    following day, yesterday, today, tomorrow, last month, next year."""
    return _from_named_day(r) or (r.unit == "day" and r.from_story) or (r.unit != "day" and r.offset != 0)


def _relative(text: str) -> list[RelativeDate]:
    return relative_dates(text, "ko") + relative_dates(text, "en")  # either language may quote the other


# --------------------------------------------------------------------------------------------------------
# weekdays

#: Where a day of the month named in a news article may lie, counted from its publication date: news
#: reports what happened in the last days or weeks ("지난 8일") and announces what is due in the coming days,
#: so the window reaches further back than forward.  At 31 days it holds each day of the month at most
#: once, or twice 28 days apart around February, when the nearer is taken; a day outside it (an
#: anniversary, a court date next year) is left alone rather than guessed at.
DAYS_BEFORE = 20
DAYS_AFTER = 10
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# A time zone named: "26일(현지시간)" or "Tuesday local time" may be a day earlier or later than the same
# moment in Seoul, so one side may give the local day and the other the Korean one
_TIME_ZONE = re.compile(
    r"현지\s?시[간각]|(?:한국|서울|미국|미|워싱턴|뉴욕|동부|서부|중부|태평양|모스크바|키이우|유럽|영국|런던|베이징|도쿄)\s?(?:동부\s?)?시[간각]"
    r"|\b(?:local|U\.S\.|US|American|Korean?|Seoul|Washington|New\s+York|Moscow|Kyiv|Kiev|Beijing|Tokyo|London|Brussels|"
    r"Paris|Berlin|European|Eastern|Pacific|Central|Mountain|Greenwich|Universal)\s+time\b"
    r"|\b(?:KST|UTC|GMT|E[SD]T|P[SD]T|C[SD]T|ET|PT|CES?T|MSK)\b",
    re.IGNORECASE,
)


def as_date(published: str | date | None) -> date | None:
    """The publication date as a date; None when absent or unreadable (then no weekday is checked)."""
    if published is None or isinstance(published, date):
        return published.date() if isinstance(published, datetime) else published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def resolve_day(day: int, month: int | None, year: int | None, published: date) -> date | None:
    """The date a day of the month (with its month and year when given) names in an article published on
    `published`: the nearest such date within DAYS_BEFORE … DAYS_AFTER of it, or None."""
    first, last = published - timedelta(days=DAYS_BEFORE), published + timedelta(days=DAYS_AFTER)
    found: list[date] = []
    years = (year,) if year is not None else sorted({first.year, last.year})
    for y in years:
        for m in (month,) if month is not None else range(1, 13):
            try:
                d = date(y, m, day)
            except ValueError:
                continue  # the 31st of a 30-day month
            if first <= d <= last:
                found.append(d)
    return min(found, key=lambda d: abs((d - published).days)) if found else None


def _days(qs: list[Quantity]) -> list[Quantity]:
    return [q for q in qs if q.kind == "date" and q.unit == "day"]


def weekday_reasons(
    ko_text: str, en_text: str, ko_q: list[Quantity], en_q: list[Quantity], published: date | None
) -> list[str]:
    """A weekday that cannot be right: 목요일 beside "Friday", or 29일 beside "on Thursday" in an article of
    28 Nov 2024 (the 29th nearest it is a Friday).

    Only one day and one weekday are ever compared: with two of either in the pair (월요일부터 금요일까지,
    "28일 … the following day", a day last month), which goes with which is a guess, and nothing is said.
    When either side names a time zone (현지시간, "local time", "ET"), a weekday one off is let pass: an
    event late on Tuesday in Washington is Wednesday in Seoul, and each side may give its own.
    """
    ko_w, en_w = find_weekdays(ko_text, "ko"), find_weekdays(en_text, "en")
    if not ko_w and not en_w:
        return []
    weekdays = {w.value for w in ko_w + en_w}
    if len(weekdays) > 2 or (len(weekdays) == 2 and not (ko_w and en_w)):
        return []  # several weekdays on one side: a span of days or several events
    zone = bool(_TIME_ZONE.search(ko_text) or _TIME_ZONE.search(en_text))
    if ko_w and en_w:
        # a weekday on each side: they must agree, no calendar needed
        ko_v, en_v = {w.value for w in ko_w}, {w.value for w in en_w}
        if len(ko_v) == 1 == len(en_v) and ko_v != en_v and not (zone and _adjacent(ko_v.pop(), en_v.pop())):
            return [
                (
                    f"the weekday differs: {_listed(ko_text, ko_w)} in the Korean, "
                    f"{_listed(en_text, en_w)} in the English"
                )
            ]
        return []
    if published is None:
        return []
    # a weekday on one side, and a day of the month on the other
    week_side, day_side = ("ko", "en") if ko_w else ("en", "ko")
    texts = {"ko": ko_text, "en": en_text}
    days = {"ko": _days(ko_q), "en": _days(en_q)}
    if not days[day_side] or any(_another_day(r) for t in (ko_text, en_text) for r in _relative(t)):
        return []
    all_days = days["ko"] + days["en"]
    if len({q.value for q in all_days}) != 1:
        return []  # several days, or days the date check already found differing
    months = {q.month for q in all_days if q.month is not None}
    years = {q.year for q in all_days if q.year is not None}
    if len(months) > 1 or len(years) > 1:
        return []
    day = resolve_day(int(all_days[0].value), next(iter(months), None), next(iter(years), None), published)
    if day is None:
        return []
    weekday = next(iter(weekdays))
    if day.weekday() == weekday or (zone and _adjacent(day.weekday(), weekday)):
        return []
    q = days[day_side][0]
    named = _listed(texts[week_side], ko_w or en_w)
    return [
        (
            f"the weekday differs: {texts[day_side][q.start : q.end]} in the {LANGUAGE_NAMES[day_side]} is a "
            f"{_WEEKDAY_NAMES[day.weekday()]} ({day.isoformat()}), the {LANGUAGE_NAMES[week_side]} says {named}"
        )
    ]


def _adjacent(a: int, b: int) -> bool:
    return (a - b) % 7 in (1, 6)


def _listed(text: str, weekdays: list[Weekday]) -> str:
    return ", ".join(dict.fromkeys(text[w.start : w.end] for w in weekdays))
