"""The translation check's names: a glossary name on one side and a different one of the same type on the
other (쿠르스크 rendered as Kharkiv), and a country swapped in a title (프랑스 대통령 as "German President").

Its own module because names are compared through the glossary and the table of places and their
demonyms (`reader/data/places.tsv`), not by value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.text.entities import Mention
from reader.text.glossary import Entry, Glossary
from reader.text.linking import COUNTRY_SYLLABLE, link_mentions

# --------------------------------------------------------------------------------------------------------
# names


# One-syllable names of countries inside Korean compounds: 한미 연합, 북미 협상, 대러 지원, 방미
_ABBREV_COMPOUND = "(?:[한미중일북러영독프우인호]{{1,2}}{0}|{0}[한미중일북러영독프우인호]{{1,2}}|[대방친반]{0})(?![\uac00-\ud7a3]{{2}})"


# Korean place names that are also common words, too often misread to accuse a translation over them
_ALSO_A_WORD = frozenset({"나선", "수단", "가나", "인도", "조선", "나라", "미주", "구미"})


# Ordinary words made of those syllables, which name no country: 일한 (worked), 중미 (Central America),
# 인한 (caused by), 에 대한 (about), 한인 (Koreans abroad), 미인 (a beauty), 일인 (one person), 독일 (Germany
# itself), 우한 (Wuhan), 호주 (Australia itself), 인도 (India itself)
_NOT_A_COMPOUND = frozenset(
    {"일한", "중미", "인한", "대한", "한인", "미인", "일인", "독일", "우한", "호주", "인도"}
)


def _abbreviated(entry: Entry, ko_text: str) -> bool:
    """Whether the Korean names this country only by its syllable inside a compound (한미 → the US)."""
    for form in entry.ko:
        syl = COUNTRY_SYLLABLE.get(form)
        if syl and any(
            m.group() not in _NOT_A_COMPOUND
            for m in re.finditer(r"(?<![\uac00-\ud7a3])" + _ABBREV_COMPOUND.format(syl), ko_text)
        ):
            return True
    return False


def _head_named(entry: Entry, en_text: str) -> bool:
    """Whether the English names the thing by the head noun of its name: "the peninsula" for 한반도 (the
    Korean Peninsula), "the strait" for the Taiwan Strait."""
    heads = {f.split()[-1].lower() for f in entry.en if " " in f}
    return any(re.search(rf"\bthe\s+{re.escape(h)}\b", en_text, re.IGNORECASE) for h in heads)


def _surname_named(entry: Entry, en_text: str) -> bool:
    """Whether the English names a person by the family name alone, as news does after the first mention:
    "Kim" for Kim Jong Un (Korean order, the family name first), "Trump" for Donald Trump (the last)."""
    parts = {w for f in entry.en if " " in f for w in (f.split()[0], f.split()[-1]) if len(w) > 1}
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", en_text) for w in parts)


def name_reasons(
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
        if k.text in _ALSO_A_WORD:
            continue  # 나선 is Rason or "who came forward"; 수단 Sudan or "means"
        ke = glossary.lookup_ko(k.text)
        if ke is None or not ke.en or "capital of" in ke.note:
            continue
        if (
            any(f.lower() in en_text.lower() for f in ke.en)
            or _place_named(ke, en_text)
            or _head_named(ke, en_text)
            or (k.type == "PERSON" and _surname_named(ke, en_text))
        ):
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
            and not _in_dateline(en_text, e.start)
            and not _place_named(ee, ko_text, korean=True)
        ]
        if rivals:
            reasons.append(f"{k.text} ({ke.en[0]}) appears in the English as {rivals[0].text}")
    return reasons


# --------------------------------------------------------------------------------------------------------
# places, their people and their short forms


@dataclass(frozen=True, slots=True)
class Place:
    """A row of the places table: Korean forms, English names, and the demonyms and short forms."""

    ko: tuple[str, ...]
    en: tuple[str, ...]
    other: tuple[str, ...]

    @property
    def english(self) -> tuple[str, ...]:
        return self.en + self.other


@cache
def places() -> tuple[Place, ...]:
    """The bundled places table (reader/data/places.tsv)."""
    ref = resources.files("reader").joinpath("data", "places.tsv")
    rows = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ko, en, other = line.split("\t")
            rows.append(Place(tuple(ko.split("|")), tuple(en.split("|")), tuple(other.split("|"))))
    return tuple(rows)


def _english_form(form: str) -> re.Pattern[str]:
    if form.endswith("-"):  # a combining form: Euro-Asian, Sino-Japanese
        return re.compile(rf"(?<![\w.]){re.escape(form)}(?=[A-Z])")
    return re.compile(rf"(?<![\w.]){re.escape(form)}(?:'s|’s)?(?![\w])")


@cache
def _form_patterns(place: Place) -> tuple[re.Pattern[str], ...]:
    return tuple(_english_form(f) for f in place.english)


def _place_of(entry: Entry) -> Place | None:
    names = {f.lower() for f in entry.en} | set(entry.ko)
    return next((p for p in places() if names & ({f.lower() for f in p.en} | set(p.ko))), None)


def _place_named(entry: Entry, text: str, *, korean: bool = False) -> bool:
    """Whether `text` names the glossary entry's place in any form the places table knows: 프랑스 is
    named by "French", 팔레스타인 by "Palestinians", 중동 by "Mideast"."""
    place = _place_of(entry)
    if place is None:
        return False
    if korean:
        return any(f in text for f in place.ko)
    return any(p.search(text) for p in _form_patterns(place))


_DATELINE = re.compile(r"^\s*\(?[A-Z][A-Z .'-]+(?:,\s*[A-Za-z. ]+)?\s*(?:\((?:CNN|AP|Reuters|AFP)\)|--|—|-)")


_CITY_DATELINE = re.compile(
    r"\b([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?)(?:,\s*[A-Za-z. ]+)?\s*\((?:CNN|AP|Reuters|AFP)\)"
)


def _dateline_places(text: str) -> set[int]:
    """The countries whose capitals open a dateline anywhere in the text ("JERUSALEM (CNN)"): the news
    is filed from there, so the country is named though only its capital is written."""
    found = set()
    for m in _CITY_DATELINE.finditer(text):
        city = m.group(1).title()
        found |= {i for i, p in enumerate(places()) if city in p.other}
    return found


def _in_dateline(text: str, at: int) -> bool:
    """Whether `at` lies in a dateline ("BERLIN, Germany (CNN) --"), where the place says where the news
    was filed, not what it is about."""
    m = _DATELINE.match(text)
    return bool(m and at < m.end())


# A title after the country it belongs to: 프랑스 대통령 is "the French President", "France's President"
# or "the President of France"
_ROLES = {
    "president": ("대통령|(?:국가)?주석", "President"),  # 국가주석: China's head of state
    "prime minister": ("총리", "Prime Minister|Premier|Chancellor"),
    "foreign minister": (
        "외무장관|외교장관|외무부 장관|외교부 장관|외교부장|외무상",
        "Foreign Minister|Foreign Secretary",
    ),
    "defense minister": ("국방장관|국방부 장관", "Defen[cs]e Minister|Defen[cs]e Secretary"),
    "ambassador": ("대사(?!관)", "Ambassador|envoy"),
    "king": ("국왕|왕(?![\uac00-\ud7a3])", "King"),
    "queen": ("여왕", "Queen"),
    "embassy": ("대사관", "Embassy"),
    "foreign ministry": ("외교부|외무부", "Foreign Ministry"),
}


@cache
def _title_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each title's words in a language."""
    return tuple(
        (role, re.compile(rf"(?:{ko})" if lang == "ko" else rf"\b(?i:{en})\b"))
        for role, (ko, en) in _ROLES.items()
    )


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")


def _roles_of(text: str, lang: str) -> dict[str, dict[int, str]]:
    """For each title, the places (index in the table → the words) that stand right before it, or in
    English right after it with "of": the title's words are found first, then the place beside them."""
    _, forms = _place_pattern(lang)
    places_at = _place_matches(text, lang)
    ends = {b: (a, form) for a, b, form in places_at}
    starts = {a: (b, form) for a, b, form in places_at}
    out: dict[str, dict[int, str]] = {}
    for role, pattern in _title_patterns(lang):
        for m in pattern.finditer(text):
            before = m.start()
            before -= 1 if text[before - 1 : before] == " " else 0
            if lang == "ko" and text[before - 1 : before] == "의":
                before -= 1  # 프랑스의 대통령
            if lang == "en" and text[before - 2 : before] in ("'s", "’s"):
                before -= 2
            hit = ends.get(before)
            if lang == "en" and (hit is None or m.start() == before):
                of = _OF_THE.match(text, m.end())
                after = starts.get(of.end()) if of else None
                hit = (m.start(), after[1]) if after else None
                end = after[0] if after else m.end()
            else:
                end = m.end()
            if hit is not None:
                start = min(hit[0], m.start())
                out.setdefault(role, {}).setdefault(forms[hit[1]], text[start:end])
    return out


def title_reasons(ko_text: str, en_text: str) -> list[str]:
    """A country swapped in a title: 프랑스 대통령 beside "German President" (each side names a president,
    of countries that differ, and the Korean's country is nowhere in the English)."""
    ko_roles, en_roles = _roles_of(ko_text, "ko"), _roles_of(en_text, "en")
    reasons = []
    for role, ko_places in ko_roles.items():
        en_places = en_roles.get(role, {})
        if not en_places or set(ko_places) & set(en_places):
            continue
        i, words = next(iter(ko_places.items()))
        if any(p.search(en_text) for p in _form_patterns(places()[i])):
            continue
        reasons.append(f'{words} ({places()[i].en[0]}) is "{next(iter(en_places.values()))}" in the English')
    return reasons


@cache
def _place_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern for every form of every place in a language (longest first), and form → place."""
    forms: dict[str, int] = {}
    for i, place in enumerate(places()):
        for f in place.ko if lang == "ko" else place.english:
            forms.setdefault(f, i)
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # a lookahead, so that every start is tried and the longest form anywhere wins ("the North Korean
    # troops" is North Korea, not "the North" and "Korean")
    if lang == "ko":
        return re.compile(rf"(?<![\uac00-\ud7a3])(?=(?P<f>{alts}))"), forms
    # a combining form (Euro-, Sino-) runs on into the next word; a name ends where a word does
    return re.compile(rf"(?<![\w.])(?=(?P<f>{alts})(?:(?<=-)(?=[A-Z])|(?:'s|’s)?(?![\w])))"), forms


def _place_matches(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, form) of the places' forms in `text`, longest first, not overlapping."""
    pattern, _ = _place_pattern(lang)
    spans = sorted(
        ((m.start(), m.end("f"), m.group("f")) for m in pattern.finditer(text)), key=lambda x: x[0] - x[1]
    )
    taken: list[tuple[int, int, str]] = []
    for a, b, form in spans:
        if all(b <= x or a >= y for x, y, _ in taken):
            taken.append((a, b, form))
    return taken


def _ko_places(text: str) -> dict[int, str]:
    """The places of the table the Korean names (index → the words)."""
    _, forms = _place_pattern("ko")
    found: dict[int, str] = {}
    for _, end, form in _place_matches(text, "ko"):
        if (
            form in _ALSO_A_WORD
            and re.match(r"[\uac00-\ud7a3]", text[end : end + 1])
            and not re.match(
                r"(?:은|는|이|가|을|를|의|에|와|과|도|로|인|군|정부)(?![\uac00-\ud7a3])", text[end:]
            )
        ):
            continue  # 인도적 is "humanitarian", not India's
        found.setdefault(forms[form], form)
    return found


def _en_places(text: str, *, datelines: bool = False) -> dict[int, str]:
    """The places the English names in any form (index → the words; a name, people or short form before
    a capital)."""
    _, forms = _place_pattern("en")
    found: dict[int, str] = {}
    for start, _, form in _place_matches(text, "en"):
        if not datelines and _in_dateline(text, start):
            continue
        i = forms[form]
        if i not in found or (not _swap_form(places()[i], found[i]) and _swap_form(places()[i], form)):
            found[i] = form
    return found


_PEOPLE_OR_SHORT = re.compile(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ic|k|ino)s?|[A-Z.]{2,5}")
_REGIONS = frozenset(
    {"Europe", "Asia", "Africa", "Middle East", "Latin America", "Central America", "European Union"}
)


def _within(inner: Place, outer: Place) -> bool:
    """Whether a place's name or people stand in the other's name: Europe in the European Union."""
    return any(
        re.search(rf"(?<![\w-]){re.escape(f.rstrip('-'))}(?![\w-])", name)
        for f in inner.english
        for name in outer.en
        if f != name
    )


def _swap_form(place: Place, form: str) -> bool:
    """Whether a form may stand for the country in a swap: its name, its people or a short form, not its
    capital (Beijing Games, a TSA office in Manila say where, not whose)."""
    return form in place.en or form.endswith("-") or bool(_PEOPLE_OR_SHORT.fullmatch(form))


def place_reasons(ko_text: str, en_text: str, nearby_ko: str = "", nearby_en: str = "") -> list[str]:
    """A country the Korean names that the English names as another (프랑스 beside "German"): the Korean's
    country is not named in the English (by name, people or short form; a capital only says where), and
    the English's is named nowhere in the Korean, here or in the rows either side (`nearby_ko`)."""
    ko_p = _ko_places(ko_text)
    if not ko_p:
        return []
    en_p = _en_places(en_text)
    named = {i for i, words in en_p.items() if _swap_form(places()[i], words.split("'")[0].split("’")[0])}
    missing = [i for i in ko_p if i not in named and i not in _dateline_places(en_text)]
    nearby_k = _ko_places(nearby_ko) if nearby_ko else {}
    nearby_e = _en_places(nearby_en) if nearby_en else {}
    extra = [i for i in named if i not in ko_p]
    for k in missing:
        for e in extra:
            if e in nearby_k and k in nearby_e:
                continue  # each country is named in the rows either side: the sentences were cut apart
            regions = (places()[k].en[0] in _REGIONS, places()[e].en[0] in _REGIONS)
            if regions[0] != regions[1]:
                continue  # a country beside a region ("Central Asian") is context, not a swap
            if regions[0] and (_within(places()[k], places()[e]) or _within(places()[e], places()[k])):
                continue  # the EU said as Europe: the one lies in the other
            if any(_abbreviated(Entry((f,), (), "PLACE"), ko_text) for f in places()[e].ko):
                continue  # 한미 names the United States by its syllable
            return [f"{ko_p[k]} ({places()[k].en[0]}) is {en_p[e]} in the English"]
    return []
