"""The translation check: does the English side of a segment pair say the same numbers, dates and names
as the Korean side?

An analyst quoting a casualty figure needs to know when "500명" became "50 soldiers" or "26일" became
"Nov. 25".  The check is deliberately conservative, because a false alarm on every correct row would teach
people to ignore it: a quantity is flagged only when no quantity of equal value stands on the other side
(11,000 = 1만1000; "about 11,000" = 약 1만1000명; "five" = 5), and a date part only when the other side
gives the same part (day, month, year) with a different value — a translator who adds the year or writes
"on Tuesday" for "26일" has not made an error.
"""

from __future__ import annotations

import re

from reader.text.entities import Mention, find_mentions
from reader.text.glossary import Entry, Glossary
from reader.text.linking import COUNTRY_SYLLABLE, link_mentions, values_equal
from reader.text.numbers import Quantity, find_quantities

_DATE_UNITS = ("year", "month", "day")


def check_pair(
    ko_text: str,
    en_text: str,
    *,
    glossary: Glossary | None = None,
    ko_mentions: list[Mention] | None = None,
    en_mentions: list[Mention] | None = None,
) -> list[str]:
    """Reasons (one short sentence each) why the two sides disagree; empty when nothing is wrong."""
    reasons: list[str] = []
    ko_q = find_quantities(ko_text, "ko")
    en_q = find_quantities(en_text, "en")
    reasons += _quantity_reasons(ko_text, en_text, ko_q, en_q)
    reasons += _date_reasons(ko_text, en_text, ko_q, en_q)
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
    """"235 square kilometers (91 square miles)", "1조원(약 7억 달러)": a figure restated in other units
    for the reader, which the other side need not have."""
    return bool(re.search(r"\d[^()]*\(\s*(?:약|about|around|some|roughly)?\s*$", text[max(0, q.start - 40) : q.start]))


def _countable(text: str, q: Quantity) -> bool:
    """Figures worth flagging: counts and measures, and bare numbers written in digits.  Not dates (see
    `_date_reasons`), not ordinals, and not numbers spelled as words ("five days" may render 닷새)."""
    if q.kind == "date" or q.value == 1 or _conversion(text, q):
        return False  # 1주일 is "a week" in English; a conversion in brackets is extra
    # "five days" for 닷새, "a dozen" for 12: a figure in words is reworded too freely to accuse
    return bool(re.search(r"\d", text[q.start : q.end]))


def _quantity_reasons(ko_text: str, en_text: str, ko_q: list[Quantity], en_q: list[Quantity]) -> list[str]:
    reasons: list[str] = []
    ko_bare = any(_bare(q) for q in ko_q)
    en_bare = any(_bare(q) for q in en_q)
    ko_vals = [q.value for q in ko_q if q.kind != "date"] + _date_values(ko_q)
    en_vals = [q.value for q in en_q if q.kind != "date"] + _date_values(en_q)
    for q in ko_q:
        if _bare(q) and not en_bare:
            continue  # 5공장 beside "fifth plant": a bare number may be an ordinal the other side spells
        if _countable(ko_text, q) and not any(values_equal(q.value, v) or _scaled_equal(q, v) for v in en_vals):
            reasons.append(f"{ko_text[q.start:q.end]} ({_fmt(q.value)}) has no counterpart in the English")
    for q in en_q:
        if _bare(q) and not ko_bare:
            continue
        if _countable(en_text, q) and not any(values_equal(q.value, v) or _scaled_equal(q, v) for v in ko_vals):
            reasons.append(f"{en_text[q.start:q.end]} ({_fmt(q.value)}) has no counterpart in the Korean")
    return reasons


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
        ko_odd = [(v, m, t) for v, m, t in ko_vals if not any(_same_part(v, m, w, n) for w, n, _ in en_vals)]
        en_odd = [(v, m, t) for v, m, t in en_vals if not any(_same_part(v, m, w, n) for w, n, _ in ko_vals)]
        # a date one side adds or rewords ("22일" → "the following day") is no error; a day that became
        # another day is
        if not ko_odd or not en_odd:
            continue
        ko_list = ", ".join(t for _, _, t in ko_odd)
        en_list = ", ".join(t for _, _, t in en_odd)
        reasons.append(f"the {unit} differs: {ko_list} in the Korean, {en_list} in the English")
    return reasons


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
        out.setdefault(q.unit, []).append((q.value, q.month if q.unit == "day" else None, text[q.start : q.end]))
    return out


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
            e for e in en_m
            if e.type == k.type and e not in linked_en and (ee := glossary.lookup_en(e.text)) is not None
            and ee is not ke and not any(f in ko_text for f in ee.ko) and not _abbreviated(ee, ko_text)
            and "capital of" not in ee.note  # Pyongyang for 북한: the capital stands for the state
        ]
        if rivals:
            reasons.append(f"{k.text} ({ke.en[0]}) appears in the English as {rivals[0].text}")
    return reasons
