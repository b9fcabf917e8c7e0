"""Link each Korean mention to its English counterpart inside one aligned segment pair.

Evidence, strongest first: the glossary (both forms belong to one entry), equal normalised numbers and
dates (1만1000명 = 11,000 troops, 26일 = Nov. 26), similar sound (the Hangul's romanisation and consonant
skeleton, from text/translit.py, against the English form: 쿠르스크 ~ Kursk, 젤렌스키 ~ Zelensky), and
elimination (one unlinked name of a compatible type left on each side).  Each mention links at most once; a link resting on
fuzzy sound or elimination is marked as a guess so the reader can tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from reader.text.clock_times import ClockTime, clock_times, same_time
from reader.text.dates import relative_date_of
from reader.text.entities import Mention
from reader.text.entity_types import NAME_TYPES
from reader.text.glossary import Entry, Glossary
from reader.text.numbers import Quantity, find_quantities
from reader.text.translit import hangul_skeleton, latin_skeletons

HOWS = ("glossary", "number", "date", "transliteration", "elimination")


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
    text order.

    Korean news writes a place inside a place as one name (페루 리마) where English writes two (Lima,
    Peru); such a mention may link by its words, and the link's `ko` is then that word's span.
    """
    glossary = glossary if glossary is not None else Glossary()
    state = _State(ko_mentions, en_mentions)

    # 1. glossary: both mentions carry a form of one entry; where a name occurs twice, the pairing that
    # keeps the two sides in the same order wins
    en_entries = {m: _entries_en(m, glossary, en_text) for m in en_mentions if m.type in NAME_TYPES}
    pairs: list[tuple[float, float, int, Mention, Mention, Mention, Entry]] = []
    for i, (k, whole) in enumerate(state.candidates(parts=True)):
        kes = _entries_ko(k, glossary)
        for e in en_mentions:
            ees = en_entries.get(e, [])
            for rank, entry in enumerate(kes):
                if any(entry is x for x in ees):
                    score: float = rank * 2 + (0 if ees[0] is entry else 1)
                    if k.text.lower() == e.text.lower().removesuffix("s"):
                        score -= 0.5  # SRBM ↔ SRBMs before 단거리탄도미사일 ↔ SRBMs
                    drift = abs(k.start / max(1, len(ko_text)) - e.start / max(1, len(en_text)))
                    pairs.append((score, drift, i, k, whole, e, entry))
                    break
    for _, _, _, k, whole, e, entry in sorted(pairs, key=lambda t: (t[0], t[1], t[2])):
        if state.is_free(k, whole) and e in state.free_en:
            state.take(k, whole, e, entry.type if k.type == "OTHER" else k.type, "glossary", False)

    # 1b. a capital standing for its country (북한 ↔ Pyongyang, 미국 ↔ Washington): a glossary link, but a guess
    for k, whole in state.candidates(parts=False):
        if k.type != "PLACE":
            continue
        countries = {f.lower() for entry in _entries_ko(k, glossary) for f in entry.en}
        for e in list(state.free_en):
            capitals = {_capital_of(x) for x in en_entries.get(e, [])} - {None}
            if capitals & countries and state.is_free(k, whole):
                state.take(k, whole, e, "PLACE", "glossary", True)
                break

    # times of the day, by the hour and minute they name (오후 2시께 ↔ "2 p.m.", 14:30 ↔ 2시 30분), each
    # mention read once
    ko_times = {m: t for m in ko_mentions if (t := _clock(m, "ko")) is not None}
    en_times = {m: t for m in en_mentions if (t := _clock(m, "en")) is not None}
    for k, whole in state.candidates(parts=False):
        if (ko_time := ko_times.get(k)) is None:
            continue
        for e in list(state.free_en):
            en_time = en_times.get(e)
            if en_time is not None and same_time(ko_time, en_time) and state.is_free(k, whole):
                state.take(k, whole, e, "DATE", "date", False)
                break

    # 2. numbers and dates of equal value
    ko_q, en_q = find_quantities(ko_text, "ko"), find_quantities(en_text, "en")
    # a time of the day has only its hour to compare, which is no count (2시 is not "two hours")
    en_vals = {
        m: _values(m, en_q) for m in en_mentions if m.type in ("DATE", "QUANTITY") and m not in en_times
    }
    for k, whole in state.candidates(parts=False):
        if k.type not in ("DATE", "QUANTITY") or k in ko_times or not (kv := _values(k, ko_q)):
            continue
        for e in list(state.free_en):
            ev = en_vals.get(e)
            if ev and _same_values(kv, ev, k.type, e.type):
                how = "date" if k.type == e.type == "DATE" else "number"
                state.take(k, whole, e, k.type if how == "date" else "QUANTITY", how, False)
                break

    # relative dates, by what they say (이날 ↔ "that day", 올해 ↔ "this year"): they have no value to compare
    for k, whole in state.candidates(parts=False):
        said = relative_date_of(k.text, "ko") if k.type == "DATE" else None
        if said is None:
            continue
        for e in list(state.free_en):
            if e.type == "DATE" and relative_date_of(e.text, "en") == said and state.is_free(k, whole):
                state.take(k, whole, e, "DATE", "date", False)
                break

    # 3. transliteration: romanised Hangul against the English form, best pairs first.  A name the glossary
    # knows has its translation there; sound is only consulted for names it does not know.
    scored: list[tuple[float, int, int, Mention, Mention, Mention]] = []
    for i, (k, whole) in enumerate(state.candidates(parts=True)):
        if k.type not in NAME_TYPES or _known(glossary.entries_ko(k.text), k.type):
            continue
        for j, e in enumerate(state.free_en):
            if e.type not in NAME_TYPES or _known(glossary.entries_en(e.text), e.type):
                continue
            sim = sound_similarity(k.text, e.text)
            if sim >= _SOUND_LINK:
                scored.append((sim, -i, -j, k, whole, e))
    for sim, _, _, k, whole, e in sorted(scored, key=lambda t: (t[0], t[1], t[2]), reverse=True):
        if state.is_free(k, whole) and e in state.free_en:
            state.take(
                k, whole, e, k.type if k.type != "OTHER" else e.type, "transliteration", sim < _SOUND_SURE
            )

    # 4. elimination: a single unlinked name left on each side, of one type, that no glossary entry claims
    ks = [k for k, w in state.candidates(parts=False) if k.type in NAME_TYPES and k.type != "OTHER"]
    es = [e for e in state.free_en if e.type in NAME_TYPES and e.type != "OTHER"]
    if (
        len(ks) == 1
        and len(es) == 1
        and ks[0].type == es[0].type
        and glossary.lookup_ko(ks[0].text) is None
        and glossary.lookup_en(es[0].text) is None
    ):
        state.take(ks[0], ks[0], es[0], ks[0].type, "elimination", True)

    state.links.sort(key=lambda link: (link.ko.start, link.ko.end))
    return state.links


def _known(entries: list[Entry], typ: str) -> bool:
    """The glossary has this very thing (same type), so its translation is known and sound is not asked;
    an entry of another type is a homograph (한강 the river beside 한강 the novelist)."""
    return any(e.type == typ for e in entries)


class _State:
    """Which mentions are still free.  A Korean candidate is a whole mention or one word of it."""

    def __init__(self, ko_mentions: list[Mention], en_mentions: list[Mention]) -> None:
        self.ko = list(ko_mentions)
        self.free_en = list(en_mentions)
        self.links: list[EntityLink] = []
        self.used_whole: set[Mention] = set()  # linked as a whole, or a person linked by one word
        self.touched: set[Mention] = set()  # some word of it is linked
        self.used_parts: set[Mention] = set()
        self.parts = {m: _words(m) for m in ko_mentions if m.type in ("PLACE", "ORG", "PERSON")}

    def candidates(self, parts: bool) -> list[tuple[Mention, Mention]]:
        out = [(m, m) for m in self.ko if m not in self.used_whole and m not in self.touched]
        if parts:
            for m in self.ko:
                if m not in self.used_whole:
                    out.extend((p, m) for p in self.parts.get(m, ()) if p not in self.used_parts)
        return out

    def is_free(self, k: Mention, whole: Mention) -> bool:
        if whole in self.used_whole:
            return False
        return (k is whole and whole not in self.touched) or (k is not whole and k not in self.used_parts)

    def take(self, k: Mention, whole: Mention, e: Mention, typ: str, how: str, guess: bool) -> None:
        if k is not whole and whole.type == "PERSON":
            k = whole  # 미셸 바르니에 is one name even when only 바르니에 was recognised
        if k is whole:
            self.used_whole.add(whole)
        else:
            self.used_parts.add(k)
            self.touched.add(whole)
        self.free_en.remove(e)
        self.links.append(EntityLink(k, e, typ, how, guess))


def _words(m: Mention) -> list[Mention]:
    """The space-separated words of a several-word mention, as mentions of the same type."""
    if " " not in m.text:
        return []
    return [
        Mention(m.start + w.start(), m.start + w.end(), w.group(), m.type)
        for w in re.finditer(r"\S+", m.text)
    ]


# --------------------------------------------------------------------------------------------------------
# glossary evidence


# One-syllable names of countries in Korean compounds (한미, 북러, 대러): the country each stands for
COUNTRY_SYLLABLE = {
    "한국": "한",
    "미국": "미",
    "중국": "중",
    "일본": "일",
    "북한": "북",
    "러시아": "러",
    "영국": "영",
    "독일": "독",
    "프랑스": "프",
    "우크라이나": "우",
    "인도": "인",
    "호주": "호",
}
_SYLLABLE_COUNTRY = {syl: country for country, syl in COUNTRY_SYLLABLE.items()}


def _entries_ko(m: Mention, glossary: Glossary) -> list[Entry]:
    """Entries naming this mention: the whole mention first, then forms inside one word (우크라이나군).
    The words of a several-word name are linked on their own (see `_words`); a country's syllable (북 in
    북러) stands for the country."""
    out = glossary.entries_ko(m.text)
    if not out and m.type == "PLACE" and m.text in _SYLLABLE_COUNTRY:
        out = glossary.entries_ko(_SYLLABLE_COUNTRY[m.text])
    if " " not in m.text:
        for gm in glossary.match_ko(m.text, compounds=True):
            if not any(gm.entry is x for x in out):
                out.append(gm.entry)
    return out


def _entries_en(m: Mention, glossary: Glossary, en_text: str = "") -> list[Entry]:
    """Entries for the English mention as a whole: "NATO-Ukraine Council" is not NATO.  "The North" and
    "the South" are how English news names the two Koreas once it has named them."""
    found = glossary.entries_en(m.text)
    if (
        not found
        and m.text in ("North", "South")
        and en_text[max(0, m.start - 4) : m.start].lower() == "the "
    ):
        found = glossary.entries_en(f"{m.text} Korea")
    army = _ARMY_WORD.search(m.text)
    if not found and army:  # "North Korean soldiers" / "… units" is the army the glossary calls "… troops"
        for word in ("troops", "forces", "military", "army"):
            found = glossary.entries_en(m.text[: army.start()] + word)
            if found:
                break
    return found


_ARMY_WORD = re.compile(r"(?<= )(?:troops|soldiers|forces|army|military|units|troop)$")


def _capital_of(entry: Entry) -> str | None:
    """The country a capital stands for, from the glossary's note ("capital of North Korea")."""
    m = re.match(r"capital of (?:the )?([^,;(]+)", entry.note.strip())
    return m.group(1).strip().lower() if m else None


# --------------------------------------------------------------------------------------------------------
# numbers and dates


def _clock(m: Mention, lang: str) -> ClockTime | None:
    """The time of the day a date mention is, when it is one and nothing more."""
    if m.type != "DATE":
        return None
    found = clock_times(m.text, lang)
    return found[0] if len(found) == 1 and found[0].end - found[0].start == len(m.text) else None


def _values(m: Mention, found: list[Quantity]) -> list[Quantity]:
    """The quantities inside a mention, read in the context of the whole text ("on the 4th" is a day)."""
    return [q for q in found if m.start <= q.start and q.end <= m.end]


def _same_values(a: list[Quantity], b: list[Quantity], type_a: str, type_b: str) -> bool:
    if type_a == type_b == "DATE":
        da, db = _date_parts(a), _date_parts(b)
        shared = set(da) & set(db)
        return bool(shared) and all(da[u] == db[u] for u in shared)
    # a duration or count written as a date word on one side (60일 / 60 days) still links by value
    va = [q.value for q in a if q.kind != "date" or type_a != "DATE" or q.unit == "day"]
    vb = [q.value for q in b if q.kind != "date" or type_b != "DATE" or q.unit == "day"]
    if type_a != type_b and not (_is_duration(a) or _is_duration(b)):
        return False
    if type_a != type_b and any(q.unit in ("month", "year") for q in a + b if q.kind == "date"):
        return False  # 11월 5일 is a date, never "five days"
    return (
        len(va) == len(vb) == 1
        and values_equal(va[0], vb[0])
        or (type_a == type_b == "QUANTITY" and any(values_equal(x, y) for x in va for y in vb))
    )


def _is_duration(qs: list[Quantity]) -> bool:
    return any(q.kind in ("duration", "count", "number") for q in qs)


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

_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]


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


_SURNAME_ROMAN = {
    "김": ("kim",),
    "이": ("lee", "yi", "rhee"),
    "박": ("park", "pak"),
    "최": ("choi", "choe"),
    "정": ("jung", "chung", "jeong"),
    "강": ("kang",),
    "조": ("cho", "jo"),
    "윤": ("yoon", "yun"),
    "장": ("jang", "chang"),
    "임": ("lim", "im"),
    "한": ("han",),
    "오": ("oh",),
    "서": ("seo", "suh"),
    "신": ("shin", "sin"),
    "권": ("kwon",),
    "황": ("hwang",),
    "안": ("ahn", "an"),
    "송": ("song",),
    "류": ("ryu", "yoo"),
    "유": ("yoo", "yu"),
    "전": ("jeon", "chun", "jun"),
    "홍": ("hong",),
    "고": ("ko", "koh"),
    "문": ("moon", "mun"),
    "양": ("yang",),
    "손": ("son", "sohn"),
    "배": ("bae",),
    "백": ("baek", "paik"),
    "허": ("heo", "huh"),
    "노": ("roh", "noh"),
    "남": ("nam",),
    "하": ("ha",),
    "곽": ("kwak",),
    "성": ("sung",),
    "차": ("cha",),
    "주": ("joo", "ju"),
    "우": ("woo",),
    "구": ("koo", "ku"),
    "민": ("min",),
    "진": ("jin",),
    "나": ("na", "ra"),
    "지": ("ji",),
    "엄": ("eom", "um"),
    "채": ("chae",),
    "원": ("won",),
    "천": ("chun",),
    "방": ("bang",),
    "현": ("hyun",),
    "함": ("ham",),
    "여": ("yeo",),
    "추": ("choo", "chu"),
    "도": ("do",),
    "석": ("seok", "suk"),
    "선": ("sun",),
    "설": ("sul",),
    "마": ("ma",),
}


def _roman_variants(ko: str) -> list[str]:
    """Ways the Hangul may be spelt in English: Revised Romanization, and for a Korean personal name the
    customary spellings of the surname (조 → Cho, 이 → Lee)."""
    word = re.sub(r"\s", "", ko)
    out = [romanize(word)]
    if re.fullmatch(r"[\uac00-\ud7a3]{2,4}", word) and word[0] in _SURNAME_ROMAN:
        rest = romanize(word[1:])
        out += [sur + rest for sur in _SURNAME_ROMAN[word[0]]]
    return out


@lru_cache(maxsize=8192)
def sound_similarity(ko: str, en: str) -> float:
    """0..1: how well the Hangul `ko` could be a transcription of `en` (or of a run of its words).

    Latin text on the Korean side (NATO, IAEA) is compared letter for letter.
    """
    if re.search(r"[A-Za-z]", ko):
        a = re.sub(r"[^a-z0-9]", "", ko.lower())
        words = re.findall(r"[A-Za-z0-9]+", en)
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                b = "".join(words[i:j]).lower()
                if a in (b, b.removesuffix("s")):  # SRBM ~ SRBMs
                    return 1.0
        return 0.0
    if not re.search(r"[\uac00-\ud7a3]", ko):
        return 0.0
    ko_words = ko.split()
    en_words = re.findall(r"[A-Za-z][A-Za-z'’-]*", en)
    if len(ko_words) > 1 and len(ko_words) == len(en_words):
        # 글로벌 디펜스 코퍼레이션 ~ Global Defense Corporation: word for word
        per_word = [sound_similarity(k, w) for k, w in zip(ko_words, en_words, strict=True)]
        if min(per_word) > 0:
            return sum(per_word) / len(per_word)
    ks = hangul_skeleton(ko)
    romans = _roman_variants(ko)
    words = re.findall(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*", en)
    best = 0.0
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            cand = "".join(words[i:j]).replace("-", "").lower()
            full = max(fuzz.ratio(r, cand) for r in romans) / 100
            if len(ks) < 2:
                # too few consonants to compare skeletons (카카오, 한강): the spelling itself must agree
                best = max(best, full if full >= 0.85 else 0.0)
                continue
            for es in sorted(latin_skeletons(cand)):
                if not es or es[0] != ks[0]:
                    continue
                if min(len(es), len(ks)) < 3 and es != ks:
                    continue
                sk = fuzz.ratio(ks, es) / 100
                score = 0.75 * sk + 0.25 * full if sk < 1 else max(0.9, 0.6 + 0.4 * full + 0.1)
                best = max(best, score, full if full >= 0.9 else 0.0)
    return min(best, 1.0)
