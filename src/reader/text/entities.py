"""Named-entity mentions in Korean and English news: people, organisations, places, equipment, dates,
quantities.

People, places and organisations come from the statistical models of `ner.py` (trained in this repository);
what a model cannot know is added here: the glossary (the reader's own termbase, whose names and types win),
and dates and quantities, parsed by rule because their value matters (the translation check compares them).
Every mention is a span of the text exactly as given, so the reading screen can colour it and the store can
keep its offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.text.clock_times import clock_times
from reader.text.dates import date_spans, relative_dates
from reader.text.entity_types import TYPES  # noqa: F401  (entities.TYPES, as before)
from reader.text.escapes import escape_sequences
from reader.text.glossary import PARTICLES, Glossary, bundled_glossary
from reader.text.korean import known_names, korean_model
from reader.text.ner import PERSON_TITLES_EN, TITLES_EN, english_tokens, listed_place, recognise
from reader.text.numbers import Quantity, find_quantities


@dataclass(frozen=True)
class Mention:
    """A span [start, end) of the analysed text; `text == source[start:end]`."""

    start: int
    end: int
    text: str
    type: str


def find_mentions(
    text: str, lang: str, glossary: Glossary | None = None, *, tokens: list[Any] | None = None
) -> list[Mention]:
    """Mentions in `text` (lang "ko" or "en"), sorted and non-overlapping.

    `glossary=None` uses the bundled starter glossary; pass `Glossary()` for none at all. `tokens` is
    Kiwi's analysis of a Korean `text` when the caller already has it (from `korean_tokens`).
    """
    if glossary is None:
        glossary = default_glossary()
    if not text or not text.strip():
        return []
    if lang == "ko":
        cands = _korean_candidates(text, glossary, tokens)
    elif lang == "en":
        cands = _english_candidates(text, glossary)
    else:
        raise ValueError(f"unsupported language: {lang!r} (expected 'ko' or 'en')")
    if "\x1b" in text:
        # a terminal escape sequence in an article (shown as ␛[31m) holds no figure and no name
        codes = escape_sequences(text)
        cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in codes)]
    return _resolve(text, cands)


def default_glossary() -> Glossary:
    """The bundled glossary, loaded once per process."""
    return bundled_glossary()


# --------------------------------------------------------------------------------------------------------
# candidate resolution


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    prio: int  # higher wins an overlap


def _resolve(text: str, cands: Iterable[_Cand]) -> list[Mention]:
    return [Mention(c.start, c.end, text[c.start : c.end], c.type) for c in _select(text, cands)]


def _select(text: str, cands: Iterable[_Cand]) -> list[_Cand]:
    """Highest priority first, then longest: the non-overlapping winners, in text order."""
    chosen: list[_Cand] = []
    # the winners are disjoint, so sorted by start they are sorted by end too: a new span can only
    # overlap its neighbours in that order (bisect keeps a long text linear-logarithmic, not quadratic)
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        c.start, c.end = _trim(text, c.start, c.end)
        if c.end <= c.start:
            continue
        i = bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        chosen.append(c)
        starts.insert(i, c.start)
        ends.insert(i, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in "\"'“”‘’,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"'“”‘’,;:"):
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------------------
# numbers, dates, quantities (shared by both languages)


_KO_WORD_NUM = re.compile(
    r"(?<![\uac00-\ud7a3])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|수십|수백|수천|수만)\s?(?:명|차례|곳|개국|척|대)(?![\uac00-\ud7a3])"
)


_UNIT_AFTER = re.compile(
    r"\s?(?:mm|cm|km|kg|GWh|MWh|TWh|MW|GW|kW|kWh|㎜|㎝|㎞|㎏|㎡|㎢|℃|°C|mph|km/h)(?![A-Za-z])"
)


# a clock time (10 p.m., 9:30 a.m.) and a numbered part of a text (Article 4, Section 2)
_CLOCK_AFTER = re.compile(r"(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_NUMBERED_BEFORE = re.compile(r"\b(?:Article|Section|Chapter|Paragraph|Clause|Rule|No\.)\s$")


def _glued(text: str, i: int) -> bool:
    """A letter or hyphen right beside a number: the number is part of a name (형사1부, F-16, 5공장)."""
    return 0 <= i < len(text) and (text[i].isalpha() or text[i] == "-")


def _quantities(text: str, found: list[Quantity]) -> list[_Cand]:
    """Numbers worth a highlight, from numbers.py: dates, quantities with a unit, figures in digits, and
    numbers in words that count something."""

    out: list[_Cand] = []
    for q in found:
        if q.kind == "date":
            continue  # dates are read whole, with the words around them, by `_dates`
        if q.kind == "ordinal":
            continue  # "the first day": an ordinal alone counts nothing
        # a number in words counts what follows it ("eight sites"); "one" alone is usually just a word
        if (
            not q.unit
            and q.kind == "number"
            and not re.search(r"\d", text[q.start : q.end])
            and (q.value < 2 or not re.match(r"\s+(?:of\s+)?[A-Za-z]", text[q.end :]))
        ):
            continue
        if not q.unit and q.kind == "number" and (_glued(text, q.start - 1) or _glued(text, q.end)):
            continue  # 형사1부, 5공장: a digit inside a name, not a figure
        if q.start > 0 and (
            text[q.start - 1] == "-" or text[q.start - 1].isascii() and text[q.start - 1].isalpha()
        ):
            continue  # Su-35 fighters: a model name, not 35 of them
        if not q.unit and (_CLOCK_AFTER.match(text, q.end) or _NUMBERED_BEFORE.search(text, 0, q.start)):
            continue  # 10 p.m. is a time, Article 4 a name: neither counts anything
        end = q.end
        m = _UNIT_AFTER.match(text, end)
        if m and not q.unit:
            end = m.end()  # 170㎜, 86 GWh: a unit numbers.py leaves aside still belongs to the figure
        out.append(_Cand(q.start, end, "QUANTITY", 5))
    return out


def _dates(text: str, lang: str, found: list[Quantity]) -> list[_Cand]:
    """Dates written out (2024년 6월 19일(수), "Monday, Nov. 26") and named from another day (이날, "the
    following day"), as `dates` reads them for the check too."""
    out = [_Cand(start, end, "DATE", 6) for start, end in date_spans(text, lang, found)]
    out.extend(_Cand(r.start, r.end, "DATE", 5) for r in relative_dates(text, lang))
    # a time of the day (오후 2시께, 2 p.m.) is when, as a date is: not a count of hours
    out.extend(_Cand(t.start, t.end, "DATE", 6) for t in clock_times(text, lang))
    return out


def _korean_numeric(text: str) -> list[_Cand]:
    found = find_quantities(text, "ko")  # read once, for the dates and the figures
    out = _dates(text, "ko", found)
    out.extend(_quantities(text, found))
    for m in _KO_WORD_NUM.finditer(text):
        out.append(_Cand(m.start(), m.end(), "QUANTITY", 4))
    return out


def _named(text: str, lang: str, found: list[tuple[int, int, str]], known: list[_Cand]) -> list[_Cand]:
    """The model's names. A glossary name (`known`, priority 8) wins where it is the same span or
    crosses a name's edge; a name that holds glossary names whole wins over them (미국 연방 대법원 over
    미국 and 대법원, "Bank of Korea" over "Korea"); a common noun of the glossary (2) yields to any name."""
    if lang == "en":
        found = [
            part
            for span in found
            for cut in _cut_at_possessive(text, *span)
            for part in _cut_at_title(text, *cut)
        ]
    # one name, one type within a text: the type the model gave it most often (first met on a tie)
    votes: dict[str, Counter[str]] = {}
    for s, e, typ in found:
        votes.setdefault(text[s:e], Counter())[typ] += 1
    termbase = {(k.start, k.end) for k in known}
    out = []
    for s, e, typ in found:
        if (s, e) in termbase:
            continue  # the glossary's own entry for exactly these words types them (순항미사일 is equipment)
        typ = votes[text[s:e]].most_common(1)[0][0]
        if lang == "en" and typ == "PERSON":
            tail = _ROMANISED_GIVEN_NAME_TAIL.match(text, e)
            e = tail.end() if tail else e
        inside = [
            k for k in known if k.prio >= 8 and s <= k.start and k.end <= e and (k.start, k.end) != (s, e)
        ]
        # A name ends in its head: where the glossary gives the head another type (영국산 스톰섀도 is the
        # missile, not a place), or knows a person inside (일본 기시다 후미오 총리: country, name and title
        # glued), the model slipped and the glossary's names stand
        if any((k.end == e and k.type != typ) or k.type == "PERSON" for k in inside):
            inside = []
        out.append(_Cand(s, e, typ, 9 if inside else 3))
    return out


def _no_person_holds_a_place(
    found: list[tuple[int, int, str]], known: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """No one's name holds a place, a body or a thing the glossary knows: a PERSON span around a glossary
    PLACE or ORG (부산시 around 부산) takes that name's type, unless the glossary also knows a person inside
    it; one around a weapon or a term ("Storm Shadow cruise") is dropped, and the glossary's name stands."""
    out = []
    for s, e, typ in found:
        inside = [(ks, ke, kt) for ks, ke, kt in known if s <= ks and ke <= e]
        if typ == "PERSON" and inside and all(kt != "PERSON" for _, _, kt in inside):
            names = [k for k in inside if k[2] in ("PLACE", "ORG")]
            if not names:
                continue
            typ = max(names, key=lambda k: k[1] - k[0])[2]
        out.append((s, e, typ))
    return out


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The peoples and adjectives of the bundled places table ("North Korean", "Russians"): a nationality is
    no name of a place. The table's short forms that are places or bodies themselves (Seoul, the Kremlin,
    U.S.) are left out: they do not end like a demonym, or GeoNames lists them."""
    from importlib import resources

    ref = resources.files("reader").joinpath("data", "places.tsv")
    forms = set()
    for line in ref.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            forms.update(line.split("\t")[2].split("|"))
    return frozenset(f for f in forms if _DEMONYM_ENDING.search(f) and not listed_place(f))


_DEMONYM_ENDING = re.compile(
    r"[a-z](?:an|ans|ese|ish|is?|chs?|eks?|nes?|ons?|ers?|ards?|inos?|urks?|inns?|iss|es?)$"
)


def _cut_at_title(text: str, start: int, end: int, typ: str) -> list[tuple[int, int, str]]:
    """A title inside a name parts a body from a person: "Bank of Korea Governor Rhee Chang" is the bank
    (ORG) and Rhee Chang; a title in front of a person is not part of the name. Only a title that names a
    person ends the run ("Governor", "Minister"), so "Global Defense Corporation" stays whole."""
    words = [(start + s, start + e) for s, e in english_tokens(text[start:end])]
    tokens = [text[s:e].rstrip(".") for s, e in words]
    for last in range(len(words) - 1):
        rest = tokens[last + 1 :]
        if (
            tokens[last] in PERSON_TITLES_EN
            and rest[0] not in TITLES_EN
            and all(w[:1].isupper() or w in ("-", "") for w in rest)
        ):
            break
    else:
        return [(start, end, typ)]  # "Supreme Court", "Prime Minister", "Defense Corporation": no person
    first = last
    while first > 0 and tokens[first - 1] in TITLES_EN | {""}:
        first -= 1
    person = (words[last + 1][0], end, "PERSON")
    if first == 0:
        return [person] if typ == "PERSON" else [(start, end, typ)]
    body = (start, words[first - 1][1], "ORG" if typ == "PERSON" else typ)
    return [body, person]


def _cut_at_possessive(text: str, start: int, end: int, typ: str) -> list[tuple[int, int, str]]:
    """A possessive inside a name parts two names: "South Korea's National Intelligence Service" is the
    country and the agency."""
    cut = re.search(r"['’]s\s+(?=[A-Z])", text[start:end])
    if not cut:
        return [(start, end, typ)]
    return [(start, start + cut.start(), typ), (start + cut.end(), end, typ)]


# A romanised Korean given name's second syllable after a hyphen (Rhee Chang-yong, Kim Yo-jong): the
# English training text has few of them, and a hyphen is a word of its own to the model.
_ROMANISED_GIVEN_NAME_TAIL = re.compile(r"-[a-z]{1,5}\b(?!-)")

# A designation joined by a hyphen names a weapon or a vehicle (Su-35, F-16, KN-23, 화성-19형).
_DESIGNATION = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]{0,9}|[\uac00-\ud7a3]{1,4})-\d{1,3}[A-Z]?(?:형)?(?![A-Za-z0-9-])"
)


def _designations(text: str) -> list[_Cand]:
    return [_Cand(m.start(), m.end(), "EQUIPMENT", 4) for m in _DESIGNATION.finditer(text)]


# --------------------------------------------------------------------------------------------------------
# Korean


def _korean_candidates(text: str, glossary: Glossary, toks: list[Any] | None = None) -> list[_Cand]:
    toks = toks if toks is not None else korean_model().tokenize(text)
    out = _korean_numeric(text)
    ends = {t.start + t.len for t in toks}
    common_nouns = {
        (t.start, t.start + t.len) for t in toks if t.tag == "NNG" and not getattr(t, "oov", False)
    }
    matches = glossary.match_ko(text, compounds=True)
    named = [span for span in recognise(text, "ko", toks) if not _sector_stocks(toks, span)]
    found = _no_person_holds_a_place(named, [(m.start, m.end, m.type) for m in matches])
    for m in matches:
        rest = _word_rest(text, m.end)
        # a form inside a longer word names something only where Kiwi ends a morpheme with it (한국+시각)
        if rest and rest not in PARTICLES and m.end not in ends:
            continue
        # a common noun of the glossary (드론, 휴전) yields to a figure or a name that contains it
        common = bool(m.entry.en) and all(f == f.lower() for f in m.entry.en)
        # a name that is also an ordinary word (수단: Sudan, or means) counts only where the model reads a name
        if (
            not common
            and m.type in ("PERSON", "ORG", "PLACE")
            and (m.start, m.end) in common_nouns
            and not any(s < m.end and m.start < e for s, e, _ in found)
        ):
            continue
        # 우크라이나 측: the country as a party (its government, its delegation), not the land
        typ = "ORG" if m.type == "PLACE" and _SIDE.match(text, m.end) else m.type
        out.append(_Cand(m.start, m.end, typ, 2 if common else 8))
    for hit in _script_mixed_names().finditer(text):
        rest = _word_rest(text, hit.end())
        if not rest or rest in PARTICLES:
            typ = known_names()[hit.group()]
            out.append(
                _Cand(hit.start(), hit.end(), typ, 8 if typ != "OTHER" else 2)
            )  # 채널A, LG전자, 삼성SDI
    for hit in _COUNTRY_PAIR.finditer(text):
        out.append(_Cand(hit.start(), hit.end(), "PLACE", 4))
    for hit in _COUNTRY_COMPOUND.finditer(text):
        letters = hit.group(1)
        if len(set(letters)) == len(letters):
            out.extend(_Cand(hit.start(1) + i, hit.start(1) + i + 1, "PLACE", 4) for i in range(len(letters)))
    out.extend(_designations(text))
    out.extend(_named(text, "ko", found, out))
    return out


def _sector_stocks(toks: list[Any], span: tuple[int, int, str]) -> bool:
    """반도체주, 건설주: common nouns Kiwi knows and a last 주 are a sector's shares, not a name (a state, 텍사스주,
    is a proper noun before its 주; a city, 청주, is one proper noun)."""
    inside = [t for t in toks if span[0] <= t.start and t.start + t.len <= span[1]]
    if len(inside) < 2 or inside[-1].form != "주" or inside[-1].tag != "NNG":
        return False
    return all(t.tag in ("NNG", "SN") and not getattr(t, "oov", False) for t in inside[:-1])


@lru_cache(maxsize=1)
def _script_mixed_names() -> re.Pattern[str]:
    """The gazetteer's names written with Latin letters or digits beside Hangul (채널A, SK하이닉스, LA 다저스):
    Kiwi splits a word at a change of script, so the model sees pieces; they are matched as text."""
    mixed = [n for n in known_names() if re.search(r"[A-Za-z0-9]", n) and re.search(r"[\uac00-\ud7a3]", n)]
    alternatives = "|".join(re.escape(n) for n in sorted(mixed, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){alternatives}" if mixed else r"(?!)")


# 한·미, 북·러: a country by its first syllable beside a middle dot
_COUNTRY_PAIR = re.compile(
    r"(?<![\uac00-\ud7a3])[한미중일북러영독프호인](?=·)|(?<=·)[한미중일북러영독프호인](?![\uac00-\ud7a3·]{2})"
)
# 한미 동맹, 한중일 정상회의, 중일 갈등: two or three countries by their syllables, before a word of relations
_COUNTRY_COMPOUND = re.compile(
    r"(?<![\uac00-\ud7a3])(?!북한|남한)([한미중일북러]{2,3})(?=\s?(?:간|관계|양국|동맹|연합|정상|회담|공조|협력|외교|훈련|"
    r"\d국|[3삼]국|FTA|무역|갈등|대화|합의|공동|군사|밀착|조약|교역|경제|국경|국교|관계|밀월))"
)

_SIDE = re.compile(r"\s?측(?=(?:[은는이가의을를과와도에]|에서|에게|으로|과의|와의)?(?![\uac00-\ud7a3]))")

_WORD = re.compile(r"[^\s()\[\]{}<>·,'\"‘’“”「」『』《》〈〉…/]+")


def _word_rest(text: str, end: int) -> str:
    """What follows `end` inside the same word (a particle, or the rest of a compound)."""
    m = _WORD.match(text, end)
    return m.group() if m else ""


# --------------------------------------------------------------------------------------------------------
# English

_EN_QTY = re.compile(
    r"(?<![\w-])(?:(?:about|around|nearly|almost|some|roughly|approximately|over|more than|at least|up to|fewer than|"
    r"less than)\s+)?"
    r"(?:[$€£₩¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|hundred|bn|m|k)\b)?"
    r"(?:\s?(?:%|percent|per cent|km|kilometers|kilometres|miles|square kilometers|square kilometres|"
    r"sq km|km2|meters|metres|tons|tonnes|kg|troops|soldiers|people|civilians|casualties|won|dollars|"
    r"euros|yen|yuan|rubles|points|years|months|weeks|days|hours|missiles|drones|tanks|shells|rounds|"
    r"aircraft|jets|ships|vessels|units|times|deaths|victims|members|workers|students|villages|"
    r"square miles|barrels|degrees|hectares|percentage points)\b)?"
)
_EN_WORD_QTY = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|"
    r"tens of thousands|a dozen|several thousand|several hundred)\s+(?:of\s+)?(?:troops|soldiers|people|"
    r"civilians|missiles|drones|tanks|ships|times|members|countries|villages|children|workers)\b",
    re.IGNORECASE,
)


_THE_NORTH = re.compile(r"(?<=\b[Tt]he )(?:North|South)\b(?!\s+[A-Z])(?!-)")
_ARMY = re.compile(
    r"\b(?:(?:North|South) )?[A-Z][a-z]+(?:an|ese|ish|ian|i|ch) (?:troops|soldiers|forces|army|military|navy|marines)\b"
)


def _english_candidates(text: str, glossary: Glossary) -> list[_Cand]:
    found = find_quantities(text, "en")  # read once, for the dates and the figures
    out = _dates(text, "en", found)
    for m in _EN_QTY.finditer(text):
        grp = m.group()
        if not re.search(r"[a-z%$€£₩¥]", grp.split()[-1] if grp.split() else "") and not re.search(
            r"\d{1,3}(?:,\d{3})+|\d+\s?(?:million|billion|thousand)", grp
        ):
            continue  # a bare number (a year, a count without a unit) is not highlighted
        out.append(_Cand(m.start(), m.end(), "QUANTITY", 5))
    for m in _EN_WORD_QTY.finditer(text):
        out.append(_Cand(m.start(), m.end(), "QUANTITY", 4))
    out.extend(_quantities(text, found))
    matches = glossary.match_en(text)
    for gm in matches:
        # a common noun of the glossary ("drones", "ceasefire") yields to a figure that contains it
        common = text[gm.start : gm.end].islower()
        out.append(_Cand(gm.start, gm.end, gm.type, 4 if common else 8))
    for m in _THE_NORTH.finditer(text):
        out.append(_Cand(m.start(), m.end(), "PLACE", 3))  # "the North": a Korea the story has named before
    for m in _ARMY.finditer(text):
        out.append(_Cand(m.start(), m.end(), "ORG", 9))  # a country's army: 북한군 is "North Korean soldiers"
    out.extend(_designations(text))
    held = [(gm.start, gm.end, gm.type) for gm in matches]
    demonyms = _demonyms()
    names = [span for span in recognise(text, "en") if text[span[0] : span[1]] not in demonyms]
    out.extend(_named(text, "en", _no_person_holds_a_place(names, held), out))
    return out
