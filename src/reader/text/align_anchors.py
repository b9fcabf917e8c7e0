"""Anchors of the sentence aligner: what a bilingual reader looks for when lining up a translation.

Figures, Latin-script tokens, names transcribed into Hangul, quotations and glossary pairs, each as a
weighted key of a sentence. Its own module because it reads text (regular expressions, the number parser,
transliteration, the glossary) and knows nothing of the dynamic programme that weighs the keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.text.glossary import Entry, Glossary
from reader.text.numbers import Quantity, find_quantities
from reader.text.translit import hangul_prefix_skeletons, latin_skeletons

_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*[A-Za-z0-9]|[A-Z]")
# English function words inside an English phrase quoted in Korean say nothing about where it went.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "it",
        "its",
        "this",
        "that",
    ]
)
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]{2,}")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b")
_QUOTE_CHARS = re.compile(r"[\"“”「」『』]")
_MIN_SKELETON = 3


def _figures(text: str, lang: str) -> list[Quantity]:
    """Quantities written with digits. Numbers in words (두 차례, 이틀, "seventh", "two-thirds") are read by
    numbers.py for the translation check, but translators render them too freely ("twice", "a couple
    of days") for the aligner to expect them on the other side."""
    if not any(ch.isdigit() for ch in text):
        return []  # most sentences: no figure to find, and the number parser is the costly part
    return [q for q in find_quantities(text, lang) if any(ch.isdigit() for ch in text[q.start : q.end])]


def _quantity_keys(quantities: list[Quantity], english: bool = False) -> dict[str, float]:
    """Comparable keys of the quantities of one sentence, each with a base weight.

    Why values and not units: translators change units of count freely (명 ↔ soldiers, troops,
    people), but the number survives. Small numbers are everywhere and weigh little; dates weigh a
    little less than figures because a news article repeats its dates. An English ordinal up to 31 that
    is not read as a date ("said on the 26th it would") may still be the day Korean writes as 26일, so
    it is a day as well, and a figure not expected in the original.
    """
    keys: dict[str, float] = {}
    for q in quantities:
        if english and q.kind == "ordinal" and float(q.value).is_integer() and 1 <= q.value <= 31:
            keys[f"d{q.value:g}"] = max(keys.get(f"d{q.value:g}", 0.0), 0.6)
            keys[f"n{q.value:.6g}"] = max(keys.get(f"n{q.value:.6g}", 0.0), 0.6)
            continue
        if q.kind == "date" and q.unit == "day":
            key, weight = f"d{q.value:g}", 0.6
        elif q.kind == "date" and q.unit == "month":
            key, weight = f"m{q.value:g}", 0.4
        else:
            key = f"n{q.value:.6g}"
            weight = 0.3 if q.value < 10 and float(q.value).is_integer() else 1.0
        keys[key] = max(keys.get(key, 0.0), weight)
    return keys


_Keys = list[dict[str, float]]


def _expected(keys: dict[str, float]) -> dict[str, float]:
    """The anchors a translation keeps as they are: figures of two digits or more and quotation.

    Acronyms written into the Korean are added by the caller. Names are left out: their transcription is
    matched too loosely to count its absence against a link.
    """
    return {k: (0.5 if k == "q" else 1.0) for k, w in keys.items() if (k[0] == "n" and w >= 1.0) or k == "q"}


def _one_sided(key: str) -> bool:
    """Latin-script tokens are expected of the English when the Korean writes them (an acronym), but
    English words, all Latin, are expected of no Korean sentence; figures and quotation go both ways."""
    return key[0] == "w"


def _korean_anchors(s: str) -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """Anchor keys of one Korean sentence, the anchors its translation should carry over, and the
    consonant skeletons of its Hangul word beginnings (transcribed names are matched against English
    ones later, once the English side's are known)."""
    keys = _quantity_keys(_figures(s, "ko"))
    # Latin-script tokens kept in the Korean text (DIU, NATO, ASCI White) and the same word in English.
    tokens = _LATIN_TOKEN.findall(s)
    for tok in tokens:
        if (len(tok) >= 2 or tok.isupper()) and tok.lower() not in _FUNCTION_WORDS:
            keys["w" + tok.lower()] = 1.0
    expect = _expected(keys)
    for tok in tokens:
        if sum(ch.isupper() for ch in tok) >= 2:
            expect["w" + tok.lower()] = 1.0  # an acronym: kept as it is by any translation
    # Prefixes, because particles follow the name (쿠르스크에서, 하드리아누스는).
    skeletons = {
        sk
        for word in _HANGUL_WORD.findall(s)
        for sk in hangul_prefix_skeletons(word)[1:]
        if len(sk) >= _MIN_SKELETON
    }
    if _QUOTE_CHARS.search(s):
        keys["q"] = 0.3
        expect["q"] = 0.5
    return keys, expect, frozenset(skeletons)


def _english_anchors(s: str) -> tuple[dict[str, float], dict[str, float]]:
    """Anchor keys of one English sentence and the anchors its original should hold (figures only:
    English words are all Latin, so a Latin token says nothing about what the Korean must contain)."""
    keys = _quantity_keys(_figures(s, "en"), english=True)
    expect = _expected(keys)
    for tok in _LATIN_TOKEN.findall(s):
        keys.setdefault("w" + tok.lower(), 1.0)
    # Transcribed names: a Hangul word whose leading syllables share the consonant skeleton of an English
    # capitalised word.
    for word in _CAPITALISED.findall(s):
        for sk in latin_skeletons(word):
            if len(sk) >= _MIN_SKELETON:
                keys["t" + sk] = 0.7
    if _QUOTE_CHARS.search(s):
        keys["q"] = 0.3
        expect["q"] = 0.5
    return keys, expect


def _sentence_anchors(
    ko: Sequence[str], en: Sequence[str], glossary: Glossary | None
) -> tuple[_Keys, _Keys, _Keys, _Keys]:
    """Anchor keys with base weights per sentence, for keys that occur on both sides only; then the
    anchors each sentence is expected to carry over into its translation, whether or not they do.

    Each distinct sentence is analysed once: long imports repeat boilerplate (bylines, standard
    disclaimers), and that repetition must not multiply the work.
    """
    ko_seen: dict[str, tuple[dict[str, float], dict[str, float], frozenset[str]]] = {}
    en_seen: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    ko_found = [ko_seen.get(s) or ko_seen.setdefault(s, _korean_anchors(s)) for s in ko]
    en_found = [en_seen.get(s) or en_seen.setdefault(s, _english_anchors(s)) for s in en]
    english_skeletons = {k[1:] for keys, _ in en_seen.values() for k in keys if k[0] == "t"}
    ko_keys: _Keys = []
    expect_ko: _Keys = []
    for keys, expect, skeletons in ko_found:
        keys = dict(keys)
        for sk in skeletons & english_skeletons:
            keys["t" + sk] = 0.7
        ko_keys.append(keys)
        expect_ko.append(dict(expect))
    en_keys: _Keys = [dict(keys) for keys, _ in en_found]
    expect_en: _Keys = [dict(expect) for _, expect in en_found]

    if glossary is not None:
        _glossary_anchors(ko, en, glossary, ko_keys, en_keys)

    shared = {k for keys in ko_keys for k in keys} & {k for keys in en_keys for k in keys}
    ko_keys = [{k: w for k, w in keys.items() if k in shared} for keys in ko_keys]
    en_keys = [{k: w for k, w in keys.items() if k in shared} for keys in en_keys]
    return ko_keys, en_keys, expect_ko, expect_en


def _as_glossary(glossary: Glossary | Iterable[tuple[str, str]] | None) -> Glossary | None:
    """A `Glossary` as it is; (Korean form, English form) pairs as one entry per group of forms that
    pairs connect, so that every form of one term, in either language, finds the same entry."""
    if glossary is None or isinstance(glossary, Glossary):
        return glossary
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for ko_form, en_form in glossary:
        if ko_form.strip() and en_form.strip():
            parent[root(("ko", ko_form.strip()))] = root(("en", en_form.strip()))
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for node in list(parent):
        ko_forms, en_forms = groups.setdefault(root(node), ([], []))
        (ko_forms if node[0] == "ko" else en_forms).append(node[1])
    return Glossary(Entry(tuple(k), tuple(e), "OTHER") for k, e in groups.values() if k and e)


def _glossary_anchors(
    ko: Sequence[str], en: Sequence[str], glossary: Glossary, ko_keys: _Keys, en_keys: _Keys
) -> None:
    """Glossary terms as anchors, one key per entry, found the way the glossary finds them in running
    text: Korean forms at the start of a word, whole or before a particle (미 in 미 국무부, not in 미사일);
    English forms as whole words, case-aware ("US" is not "us").

    A term shared by two sentences argues for their link, but a term that a link leaves unmatched is not
    charged for, unlike a figure: translators render names as adjectives (이스라엘 정부, the Israeli
    government), by pronouns, or in a neighbouring sentence, and no glossary lists every such form.
    """
    number = {id(entry): i for i, entry in enumerate(glossary.entries)}
    ko_seen: dict[str, frozenset[int]] = {}
    en_seen: dict[str, frozenset[int]] = {}
    ko_forms: dict[str, frozenset[int]] = {}
    en_forms: dict[str, frozenset[int]] = {}

    def ko_terms(s: str) -> frozenset[int]:
        found: set[int] = set()
        for match in glossary.match_ko(s):
            form = s[match.start : match.end]
            if form not in ko_forms:
                # Every entry with the form: homographs (조지아 the country and the state) all count.
                ko_forms[form] = frozenset(number[id(entry)] for entry in glossary.entries_ko(form))
            found.update(ko_forms[form])
        return frozenset(found)

    def en_terms(s: str) -> frozenset[int]:
        found: set[int] = set()
        for match in glossary.match_en(s):
            form = s[match.start : match.end]
            if form not in en_forms:
                en_forms[form] = frozenset(number[id(entry)] for entry in glossary.entries_en(form))
            found.add(number[id(match.entry)])
            found.update(en_forms[form])
        return frozenset(found)

    for sentences, seen, find, keys_of in (
        (ko, ko_seen, ko_terms, ko_keys),
        (en, en_seen, en_terms, en_keys),
    ):
        for s, keys in zip(sentences, keys_of, strict=True):
            terms = seen.get(s)
            if terms is None:
                terms = seen[s] = find(s)
            for i in terms:
                keys[f"g{i}"] = 1.0
