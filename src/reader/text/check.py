"""The translation check: does the English side of a segment pair say the same numbers, dates and names
as the Korean side?

An analyst quoting a casualty figure needs to know when "500명" became "50 soldiers" or "26일" became
"Nov. 25".  The check is deliberately conservative, because a false alarm on every correct row would teach
people to ignore it: a quantity is flagged only when no quantity of equal value stands on the other side
(11,000 = 1만1000; "about 11,000" = 약 1만1000명; "five" = 5; "two hundred and fifty thousand" = 25만;
오백 명 = 500), and a date part only when the other side gives the same part (day, month, year) with a
different value — a translator who adds the year or writes "on Tuesday" for "26일" has not made an error.
Words that only approximate a number (두 차례, 양국, "twice", "a dozen") may excuse a figure on the other
side but never raise an alarm; "the following day" and 이튿날 count from the day named before them.
A weekday is compared with a weekday (목요일 beside "Friday"), and, when the article's publication date is
known, with a day of the month on the other side (28일 beside "on Friday"): see `_weekday_reasons`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from reader.text.entities import Mention, find_mentions
from reader.text.glossary import Entry, Glossary
from reader.text.language import LANGUAGE_NAMES
from reader.text.linking import COUNTRY_SYLLABLE, link_mentions, values_equal
from reader.text.numbers import Quantity, Weekday, find_quantities, find_weekdays, is_sino_korean_count

_DATE_UNITS = ("year", "month", "day")


def check_pair(
    ko_text: str,
    en_text: str,
    *,
    glossary: Glossary | None = None,
    ko_mentions: list[Mention] | None = None,
    en_mentions: list[Mention] | None = None,
    published: str | date | None = None,
) -> list[str]:
    """Reasons (one short sentence each) why the two sides disagree; empty when nothing is wrong.

    `published` is the article's publication date (a date or an ISO string such as "2024-11-28"); only
    with it can a day of the month be set beside a weekday, since "28일" alone names no weekday.
    """
    reasons: list[str] = []
    ko_q = find_quantities(ko_text, "ko")
    en_q = find_quantities(en_text, "en")
    reasons += _quantity_reasons(ko_text, en_text, ko_q, en_q)
    reasons += _date_reasons(ko_text, en_text, ko_q, en_q)
    reasons += _weekday_reasons(ko_text, en_text, ko_q, en_q, _as_date(published))
    if glossary is not None and len(glossary):
        if ko_mentions is None:
            ko_mentions = find_mentions(ko_text, "ko", glossary)
        if en_mentions is None:
            en_mentions = find_mentions(en_text, "en", glossary)
        reasons += _name_reasons(ko_text, en_text, ko_mentions, en_mentions, glossary)
    return reasons


# --------------------------------------------------------------------------------------------------------
# quantities


def _conversion(text: str, q: Quantity) -> bool:
    """ "235 square kilometers (91 square miles)", "1조원(약 7억 달러)": a figure restated in other units
    for the reader, which the other side need not have."""
    return bool(
        re.search(r"\d[^()]*\(\s*(?:약|about|around|some|roughly)?\s*$", text[max(0, q.start - 40) : q.start])
    )


def _countable(text: str, q: Quantity) -> bool:
    """Figures worth flagging: counts and measures, and bare numbers written in digits.  Not dates (see
    `_date_reasons`), not ordinals.  A figure in words counts when it is an exact count of something
    ("fifty soldiers", "two hundred tanks", 오백 명); not when bare ("the two sides"), approximate ("a dozen")
    or a native Korean numeral (세 자녀, 닷새), which a translator may render in many ways."""
    if q.kind == "date" or q.value == 1 or _conversion(text, q):
        return False  # 1주일 is "a week" in English; a conversion in brackets is extra
    span = text[q.start : q.end]
    if re.search(r"\d", span):
        return True
    if q.unit is None or q.kind in ("ordinal", "fraction") or q.value < 2:
        return False
    if re.search(r"[\uac00-\ud7a3]", span):
        return is_sino_korean_count(span)  # 오백 명, not 세 명 or 닷새
    return "dozen" not in span.lower() and "half" not in span.lower()


def _quantity_reasons(ko_text: str, en_text: str, ko_q: list[Quantity], en_q: list[Quantity]) -> list[str]:
    reasons: list[str] = []
    ko_bare = any(_bare(q) for q in ko_q)
    en_bare = any(_bare(q) for q in en_q)
    ko_vals = [q.value for q in ko_q if q.kind != "date"] + _date_values(ko_q) + _loose_values(ko_text, "ko")
    en_vals = [q.value for q in en_q if q.kind != "date"] + _date_values(en_q) + _loose_values(en_text, "en")
    for q in ko_q:
        if _bare(q) and not en_bare:
            continue  # 5공장 beside "fifth plant": a bare number may be an ordinal the other side spells
        if _countable(ko_text, q) and not any(
            values_equal(q.value, v) or _scaled_equal(q, v) for v in en_vals
        ):
            reasons.append(f"{ko_text[q.start : q.end]} ({_fmt(q.value)}) has no counterpart in the English")
    for q in en_q:
        if _bare(q) and not ko_bare:
            continue
        if _countable(en_text, q) and not any(
            values_equal(q.value, v) or _scaled_equal(q, v) for v in ko_vals
        ):
            reasons.append(f"{en_text[q.start : q.end]} ({_fmt(q.value)}) has no counterpart in the Korean")
    return reasons


# Words that say a number without being one, as the other side may have rendered a figure: a native Korean
# numeral before any noun (세 자녀 = "three children"), "both" sides (양국), twice, half a month (보름)
_KO_LOOSE = [
    (
        re.compile(
            r"(?<![\uac00-\ud7a3])(한|두|세|네|석|넉|서|너|다섯|여섯|일곱|여덟|아홉|열|스무)\s[\uac00-\ud7a3]"
        ),
        None,
    ),
    (re.compile(r"(?<![\uac00-\ud7a3])(?:하루|종일)"), (24.0,)),
    (re.compile(r"(?<![\uac00-\ud7a3])양(?:국|측|사|자|당|\s)"), (2.0,)),
    (re.compile(r"(?<![\uac00-\ud7a3])보름"), (15.0, 2.0)),
    (re.compile(r"(?<![\uac00-\ud7a3])반년"), (6.0, 0.5)),
    (re.compile(r"(?<![\uac00-\ud7a3])일주일"), (7.0,)),
]
_KO_NATIVE_VALUE = {
    "한": 1.0,
    "두": 2.0,
    "세": 3.0,
    "네": 4.0,
    "석": 3.0,
    "넉": 4.0,
    "서": 3.0,
    "너": 4.0,
    "다섯": 5.0,
    "여섯": 6.0,
    "일곱": 7.0,
    "여덟": 8.0,
    "아홉": 9.0,
    "열": 10.0,
    "스무": 20.0,
}
_EN_LOOSE = [
    (
        re.compile(r"\btwice\b|\bboth\b|\b(?:a\s+)?(?:pair|couple)\s+of\b|\bdouble[ds]?\b", re.IGNORECASE),
        (2.0,),
    ),
    (re.compile(r"\bthrice\b|\btriple[ds]?\b", re.IGNORECASE), (3.0,)),
    (re.compile(r"\bdozens?\b", re.IGNORECASE), (12.0,)),
    (re.compile(r"\bfortnight\b", re.IGNORECASE), (14.0, 2.0)),
    (re.compile(r"\ba\s+week\b", re.IGNORECASE), (7.0, 1.0)),
]


def _loose_values(text: str, lang: str) -> list[float]:
    """Values the text may express without a number the parser counts: they excuse a figure on the other
    side (두 차례 beside "twice", 양국 beside "the two countries"), never raise an alarm themselves."""
    out: list[float] = []
    for pattern, values in _KO_LOOSE if lang == "ko" else _EN_LOOSE:
        for m in pattern.finditer(text):
            out.extend(values if values is not None else (_KO_NATIVE_VALUE[m.group(1)],))
    return out


def _bare(q: Quantity) -> bool:
    """A number without a unit, or an ordinal: what the other side may spell out or leave implicit."""
    return (q.kind == "number" and q.unit is None) or q.kind == "ordinal"


def _date_values(qs: list[Quantity]) -> list[float]:
    """Date numbers can stand for counts in loose translation ("3년" → "three years" is a duration)."""
    return [q.value for q in qs if q.kind == "date"]


def _scaled_equal(q: Quantity, v: float) -> bool:
    """Percent written as a fraction or the other way round (0.5 = 50%)."""
    if q.kind == "percent":
        return values_equal(q.value / 100, v)
    return q.kind == "ratio" and values_equal(q.value * 100, v)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.4g}"


# --------------------------------------------------------------------------------------------------------
# dates


def _date_reasons(ko_text: str, en_text: str, ko_q: list[Quantity], en_q: list[Quantity]) -> list[str]:
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
    for m in _RELATIVE_DAY.finditer(text):
        # "reported the following day", 이튿날, 전날: a day counted from the last day named before it
        before = [d for d in days if d.end <= m.start()]
        if not before:
            continue
        shift = -1 if m.group("back") else 1
        value = before[-1].value + shift
        if 1 <= value <= 28:
            out.setdefault("day", []).append((value, before[-1].month, m.group()))
    return out


_RELATIVE_DAY = re.compile(
    r"(?P<fwd>\b(?:the\s+(?:following|next)\s+day|a\s+day\s+later)\b|(?<![\uac00-\ud7a3])(?:다음\s?날|이튿날|익일)(?!짜))"
    r"|(?P<back>\b(?:the\s+(?:previous|preceding)\s+day|a\s+day\s+earlier)\b|(?<![\uac00-\ud7a3])전날(?!짜))",
    re.IGNORECASE,
)


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
# Other days named beside the one compared, which make the pairing of day and weekday a guess: yesterday,
# the day before, last month's 28th
_OTHER_DAY = re.compile(
    r"(?<![\uac00-\ud7a3])(?:어제|그제|그저께|내일|모레|오늘|지난\s?달|다음\s?달|내달|전월|지난해|작년|내년|이듬해)"
    r"|\b(?:yesterday|today|tonight|tomorrow|(?:last|next|the\s+previous|the\s+following)\s+(?:month|year))\b",
    re.IGNORECASE,
)


def _as_date(published: str | date | None) -> date | None:
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


def _weekday_reasons(
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
    if not days[day_side] or _RELATIVE_DAY.search(ko_text) or _RELATIVE_DAY.search(en_text):
        return []
    if _OTHER_DAY.search(ko_text) or _OTHER_DAY.search(en_text):
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


# --------------------------------------------------------------------------------------------------------
# names


# One-syllable names of countries inside Korean compounds: 한미 연합, 북미 협상, 대러 지원, 방미
_ABBREV_COMPOUND = "(?:[한미중일북러영독프우인호]{{1,2}}{0}|{0}[한미중일북러영독프우인호]{{1,2}}|[대방친반]{0})(?![\uac00-\ud7a3]{{2}})"


def _abbreviated(entry: Entry, ko_text: str) -> bool:
    """Whether the Korean names this country only by its syllable inside a compound (한미 → the US)."""
    for form in entry.ko:
        syl = COUNTRY_SYLLABLE.get(form)
        if syl and re.search(r"(?<![\uac00-\ud7a3])" + _ABBREV_COMPOUND.format(syl), ko_text):
            return True
    return False


def _name_reasons(
    ko_text: str, en_text: str, ko_m: list[Mention], en_m: list[Mention], glossary: Glossary
) -> list[str]:
    """A glossary name on one side, a different glossary name of the same type on the other, and neither
    linked: the translation probably swapped one name for another (쿠르스크 rendered as Kharkiv)."""
    links = link_mentions(ko_text, en_text, ko_m, en_m, glossary)
    linked_ko = {link.ko for link in links if not link.guess or link.how == "glossary"}
    linked_en = {link.en for link in links if not link.guess or link.how == "glossary"}
    reasons: list[str] = []
    for k in ko_m:
        # organisations are too often named by description ("the agency") or added as context ("the
        # National Assembly's committee") to accuse a translation over them
        if k.type not in ("PERSON", "PLACE") or k in linked_ko:
            continue
        ke = glossary.lookup_ko(k.text)
        if ke is None or not ke.en or "capital of" in ke.note:
            continue
        if any(f.lower() in en_text.lower() for f in ke.en):
            continue
        rivals = [
            e
            for e in en_m
            if e.type == k.type
            and e not in linked_en
            and (ee := glossary.lookup_en(e.text)) is not None
            and ee is not ke
            and not any(f in ko_text for f in ee.ko)
            and not _abbreviated(ee, ko_text)
            and "capital of" not in ee.note  # Pyongyang for 북한: the capital stands for the state
        ]
        if rivals:
            reasons.append(f"{k.text} ({ke.en[0]}) appears in the English as {rivals[0].text}")
    return reasons
