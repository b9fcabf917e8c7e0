"""Link each Korean mention to its English counterpart inside one aligned segment pair.

Evidence, strongest first: the glossary (both forms belong to one entry), equal normalised numbers and
dates (1만1000명 = 11,000 troops, 26일 = Nov. 26), similar sound (a romanisation of the Hangul compared with
the English form through consonant skeletons: 쿠르스크 ~ Kursk, 젤렌스키 ~ Zelensky), and elimination (one
unlinked name of a compatible type left on each side).  Each mention links at most once; a link resting on
fuzzy sound or elimination is marked as a guess so the reader can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from reader.text.entities import Mention
from reader.text.glossary import Entry, Glossary
from reader.text.numbers import Quantity, find_quantities

HOWS = ("glossary", "number", "date", "transliteration", "elimination")
NAME_TYPES = frozenset({"PERSON", "ORG", "PLACE", "EQUIPMENT", "OTHER"})


@dataclass(frozen=True)
class EntityLink:
    """`ko` and `en` name the same thing; `how` says by what evidence, `guess` that it may be wrong."""

    ko: Mention
    en: Mention
    type: str
    how: str
    guess: bool


def link_mentions(
    ko_text: str,
    en_text: str,
    ko_mentions: list[Mention],
    en_mentions: list[Mention],
    glossary: Glossary | None = None,
) -> list[EntityLink]:
    """Links between the mentions of a Korean segment and those of its English translation, in Korean
    text order."""
    glossary = glossary if glossary is not None else Glossary()
    links: list[EntityLink] = []
    free_ko = list(ko_mentions)
    free_en = list(en_mentions)

    def take(k: Mention, e: Mention, typ: str, how: str, guess: bool) -> None:
        links.append(EntityLink(k, e, typ, how, guess))
        free_ko.remove(k)
        free_en.remove(e)

    # 1. glossary: both mentions carry a form of one entry
    ko_entries = {m: _entries_ko(m, glossary) for m in ko_mentions if m.type in NAME_TYPES}
    en_entries = {m: _entries_en(m, glossary) for m in en_mentions if m.type in NAME_TYPES}
    for k, kes in ko_entries.items():
        if not kes:
            continue
        best: tuple[int, Mention, Entry] | None = None
        for e in free_en:
            ees = en_entries.get(e, [])
            for rank, entry in enumerate(kes):
                if any(entry is x for x in ees):
                    score = rank * 2 + (0 if ees[0] is entry else 1)
                    if best is None or score < best[0]:
                        best = (score, e, entry)
        if best is not None and k in free_ko:
            take(k, best[1], best[2].type if k.type == "OTHER" else k.type, "glossary", False)

    # 2. numbers and dates of equal value
    ko_vals = {m: _values(m, "ko") for m in free_ko if m.type in ("DATE", "QUANTITY")}
    en_vals = {m: _values(m, "en") for m in free_en if m.type in ("DATE", "QUANTITY")}
    for k, kv in ko_vals.items():
        if not kv:
            continue
        for e in list(free_en):
            ev = en_vals.get(e)
            if ev and k.type == e.type and _same_values(kv, ev, k.type):
                take(k, e, k.type, "date" if k.type == "DATE" else "number", False)
                break

    # 3. transliteration: romanised Hangul against the English form, best pairs first
    scored: list[tuple[float, int, int, Mention, Mention]] = []
    for i, k in enumerate(free_ko):
        if k.type not in NAME_TYPES:
            continue
        for j, e in enumerate(free_en):
            if e.type not in NAME_TYPES:
                continue
            s = sound_similarity(k.text, e.text)
            if s >= _SOUND_LINK:
                scored.append((s, -i, -j, k, e))
    for s, _, _, k, e in sorted(scored, key=lambda t: (t[0], t[1], t[2]), reverse=True):
        if k in free_ko and e in free_en:
            take(k, e, k.type if k.type != "OTHER" else e.type, "transliteration", s < _SOUND_SURE)

    # 4. elimination: one unlinked name of a type on each side
    for typ in ("PERSON", "ORG", "PLACE", "EQUIPMENT"):
        ks = [m for m in free_ko if m.type == typ]
        es = [m for m in free_en if m.type == typ]
        if len(ks) == 1 and len(es) == 1:
            take(ks[0], es[0], typ, "elimination", True)

    links.sort(key=lambda link: link.ko.start)
    return links


# --------------------------------------------------------------------------------------------------------
# glossary evidence


def _entries_ko(m: Mention, glossary: Glossary) -> list[Entry]:
    """Entries naming this mention: the whole mention first, then forms inside it (러시아 쿠르스크)."""
    out: list[Entry] = []
    whole = glossary.lookup_ko(m.text)
    if whole is not None:
        out.append(whole)
    for gm in glossary.match_ko(m.text, compounds=True):
        if not any(gm.entry is x for x in out):
            out.append(gm.entry)
    return out


def _entries_en(m: Mention, glossary: Glossary) -> list[Entry]:
    out: list[Entry] = []
    whole = glossary.lookup_en(m.text)
    if whole is not None:
        out.append(whole)
    for gm in glossary.match_en(m.text):
        if not any(gm.entry is x for x in out):
            out.append(gm.entry)
    return out


# --------------------------------------------------------------------------------------------------------
# numbers and dates


def _values(m: Mention, lang: str) -> list[Quantity]:
    return find_quantities(m.text, lang)


def _same_values(a: list[Quantity], b: list[Quantity], typ: str) -> bool:
    if typ == "DATE":
        da, db = _date_parts(a), _date_parts(b)
        shared = set(da) & set(db)
        return bool(shared) and all(da[u] == db[u] for u in shared)
    va = [q.value for q in a]
    vb = [q.value for q in b]
    return any(values_equal(x, y) for x in va for y in vb)


def _date_parts(qs: list[Quantity]) -> dict[str, float]:
    parts: dict[str, float] = {}
    for q in qs:
        if q.kind != "date" or q.unit not in ("day", "month", "year"):
            continue
        parts.setdefault(q.unit, q.value)
        if q.unit == "day":
            if q.month is not None:
                parts.setdefault("month", q.month)
            if q.year is not None:
                parts.setdefault("year", q.year)
    return parts


def values_equal(x: float, y: float) -> bool:
    """Equal up to float noise; 11,000 and 1만1000 are one value."""
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


# --------------------------------------------------------------------------------------------------------
# transliteration

_SOUND_LINK = 0.78  # below this, two names do not sound alike enough to link
_SOUND_SURE = 0.9  # at or above this, a sound link is not marked as a guess

_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
            "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
           "t", "ng", "t", "t", "k", "t", "p", "t"]


def romanize(text: str) -> str:
    """Revised Romanization of Korean, syllable by syllable (without the sound-change rules across
    syllables, which matter little for matching foreign names); other characters pass through."""
    out: list[str] = []
    prev_final = ""
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            ini, med, fin = code // 588, (code % 588) // 28, code % 28
            initial = _INITIALS[ini]
            if initial == "r" and prev_final in ("", "l") and out and prev_final == "l":
                initial = "l"  # ㄹㄹ is written ll
            if initial == "r" and not out:
                initial = "r"
            out.append(initial + _MEDIALS[med] + _FINALS[fin])
            prev_final = _FINALS[fin]
        else:
            out.append(ch)
            prev_final = ""
    return "".join(out)


def _skeleton(latin: str, drop_r: bool = False) -> str:
    """Consonant classes of a Latin string; letters that Korean renders alike fall together."""
    s = latin.lower()
    s = re.sub(r"[^a-z]", "", s)
    if drop_r:
        s = re.sub(r"(?<=[aeiou])r(?=[^aeiou]|$)", "", s)  # Storm → 스톰: a post-vocalic r is not written
    s = re.sub(r"iv$", "iu", s)  # Kyiv, Kharkiv: a final Ukrainian v is heard as a vowel (키이우, 하르키우)
    for a, b in (("sch", "s"), ("tch", "j"), ("ch", "j"), ("sh", "s"), ("ph", "p"), ("th", "t"), ("ck", "k"),
                 ("ng", "n"), ("dg", "j"), ("zh", "j"), ("kh", "h"), ("gh", "k"), ("ts", "j"), ("tz", "j")):
        s = s.replace(a, b)
    table = str.maketrans({"g": "k", "q": "k", "c": "k", "x": "k", "d": "t", "b": "p", "f": "p", "v": "p",
                           "l": "r", "z": "j"})
    s = s.translate(table)
    s = re.sub(r"[aeiouwyh]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _ko_skeleton(ko: str) -> str:
    return _skeleton(romanize(ko))


@lru_cache(maxsize=8192)
def sound_similarity(ko: str, en: str) -> float:
    """0..1: how well the Hangul `ko` could be a transcription of `en` (or of a run of its words).

    Latin text on the Korean side (NATO, IAEA) is compared letter for letter.
    """
    if re.search(r"[A-Za-z]", ko):
        a = re.sub(r"[^a-z0-9]", "", ko.lower())
        words = re.findall(r"[A-Za-z0-9]+", en)
        best = 0.0
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                b = "".join(words[i:j]).lower()
                if a == b:
                    best = 1.0
        return best
    if not re.search(r"[\uac00-\ud7a3]", ko):
        return 0.0
    ks = _ko_skeleton(ko)
    if len(ks) < 2:
        return 0.0
    kr = romanize(re.sub(r"\s", "", ko))
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", en)
    best = 0.0
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            cand = "".join(words[i:j])
            for drop in (False, True):
                es = _skeleton(cand, drop_r=drop)
                if not es or es[0] != ks[0]:
                    continue
                if min(len(es), len(ks)) < 3 and es != ks:
                    continue
                sk = fuzz.ratio(ks, es) / 100
                full = fuzz.ratio(kr, cand.lower()) / 100
                best = max(best, 0.75 * sk + 0.25 * full if sk < 1 else max(0.9, 0.6 + 0.4 * full + 0.1))
    return min(best, 1.0)
