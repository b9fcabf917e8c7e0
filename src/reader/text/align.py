"""Sentence alignment between a Korean text and its English translation.

`align` is the one entry point the importer calls; it returns monotone links that cover every sentence
of both sides exactly once, of the kinds 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 and 0-1, each with a
confidence.

The model is Gale and Church's (1993): a link costs the negative log of its prior probability plus the
negative log probability of the two lengths under a normal model of the length ratio. On top of length we
use what a bilingual reader looks for when lining up a translation: the same numbers (1만1000 = 11,000),
the same Latin-script tokens (DIU, NATO), names transcribed into Hangul (쿠르스크 = Kursk), glossary pairs,
quotations, and the paragraph breaks both sides share; and, given sentence vectors from a cross-lingual
encoder, whether a link's two sides mean the same and whether each sentence of a link of several means
something of the other side (one left out of the translation does not). Each shared anchor lowers the
cost of a link that holds it on both sides; an anchor a translation would keep as it is (a figure, an
acronym) that a link leaves unmatched raises it, which also tells a dropped sentence from a merged one.
Glossary terms only ever lower costs: translations render names in too many ways for their absence to
mean much.

The dynamic programme runs inside a band around the diagonal implied by the running length ratio, so time
and memory grow linearly with the input. While the best path touches the band's edge and the next band
finds a better path, the band is centred on that path and widens, up to a budget of cells a row: a long
article drifts from its length diagonal further than any fixed band reaches, and a band that only
widened around the diagonal would grow with the text (repeated sentences make many equally good paths,
which touch any edge; the next band then finds nothing better and the search stops).
Anchor pairs are listed only for the sentence pairs the band can link, so a key every sentence holds
costs the band's size, not n·m. A second, sum-product pass in both directions gives every link its
posterior probability under the same model, which is the confidence.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from reader.text.glossary import Entry, Glossary
from reader.text.numbers import Quantity, find_quantities
from reader.text.translit import hangul_prefix_skeletons, latin_skeletons

__all__ = ["Link", "align"]


@dataclass(frozen=True, slots=True)
class Link:
    """Korean sentence indices `ko` paired with English sentence indices `en` (either may be empty)."""

    ko: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float

    @property
    def kind(self) -> str:
        return f"{len(self.ko)}-{len(self.en)}"


# ------------------------------------------------------------------------------------------ parameters

# Link kinds (Korean count, English count) and their prior probabilities. Gale and Church (1993) took
# theirs from parliamentary proceedings; news translation drops and adds sentences more often and
# rarely redistributes two sentences over two (2-2), so those priors are shifted accordingly. One long
# Korean sentence may become three English ones (and, rarely, the reverse), hence 1-3 and 3-1.
# (0, 1) is not listed: it stays within a row of the programme and is handled there.
_BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1))
_PRIOR = {(1, 1): 0.87, (1, 0): 0.01, (0, 1): 0.01, (2, 1): 0.045, (1, 2): 0.045, (2, 2): 0.001,
          (1, 3): 0.004, (3, 1): 0.004}  # fmt: skip
# A sentence that is a leftover of the web page rather than of the story (a copyright line, a byline, a
# photo credit) is left out of a translation far more often than a sentence of the story: its 1-0 or 0-1
# link has this prior instead, so it is not merged into a neighbour's link.
_LEFTOVER_PRIOR = 0.1
# English characters per Korean character (whitespace excluded) in news translation; the ratio of the
# document at hand is trusted more the more sentences it has.
_RATIO_PRIOR = 2.2
# Variance of the English length per Korean character, relative to the squared ratio: Gale and Church's
# 6.8 for a ratio near 1 corresponds to 6.8 / 1 ** 2; Korean–English translation varies a little less.
_RELATIVE_VARIANCE = 5.0
# Cost reduction (nats) per unit of shared anchor weight.
_ANCHOR_GAIN = 3.0
# Cost (nats) per unit of expected anchor weight (a figure, an acronym) that a link leaves unmatched:
# -log 0.2, as a translation keeps such an anchor about four times in five.
_MISSING_COST = 1.6
# Meaning: a link's cost falls by _MEANING_WEIGHT nats for each unit of cosine between the sums of its two
# sides' sentence vectors above _MEANING_EVEN, and rises as much below it. With the multilingual encoder,
# translations score about 0.5–0.8, sentences of one story that do not translate each other 0.1–0.35.
# (Measured on the development articles, weights 4–16 and thresholds 0.25–0.45 score within 0.01.)
_MEANING_WEIGHT = 8.0
_MEANING_EVEN = 0.25
# A link of two or more sentences on a side also needs each of them to mean something of the other
# side: a sentence the translator left out, merged into its neighbour's link, barely moves the cosine of
# the sums, but its own cosine with the other side is that of a sentence of the same story (0.1–0.35, not
# the 0.35–0.65 of a sentence that a merged translation renders). The least such cosine of the link, below
# _MEMBER_EVEN, costs _MEMBER_WEIGHT nats per unit; a short sentence's vector says less, so its shortfall
# counts in proportion to its (English) length up to _MEMBER_LENGTH characters.
_MEMBER_WEIGHT = 4.0
_MEMBER_EVEN = 0.5
_MEMBER_LENGTH = 80.0
# Cost (nats) of a path point where one side is at a paragraph break and the other is not, or of a link
# that spans a paragraph break; scaled down when the two sides have different numbers of paragraphs.
# A dropped or added sentence next to a break is forgiven the point it leaves out of step.
_PARAGRAPH_COST = 3.0
# The search band: the whole grid when it is small (exact, and still instant); otherwise a band around
# the length diagonal that starts narrow and doubles while the best path touches its edge and the wider
# band finds a better one, up to a cell budget, so that garbage input costs no more than a fixed multiple
# of a clean one.
_FULL_GRID_CELLS = 250_000
_INITIAL_BAND = 16
_CELL_BUDGET = 600_000
# Passes of the band along the best path: each moves it by up to its half-width where the path ran along
# its edge (the half-width doubling up to the budget's limit), so a bounded number of passes follows a
# path that strays hundreds of sentences from the length diagonal.
_MAX_PASSES = 16


def _band_limit(n: int, m: int) -> int:
    if (n + 1) * (m + 1) <= _FULL_GRID_CELLS:
        return n + m + 1
    return max(64, _CELL_BUDGET // (2 * (n + 1)))


_INF = math.inf


def align(
    ko: Sequence[str],
    en: Sequence[str],
    *,
    ko_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
    glossary: Glossary | Iterable[tuple[str, str]] | None = None,
    meaning: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[Link]:
    """Align Korean sentences `ko` with English sentences `en`.

    `ko_paragraphs` / `en_paragraphs` give the paragraph number of each sentence (one per sentence, or
    ValueError); shared paragraph breaks then act as soft anchors. `glossary` is a `Glossary` or known
    (Korean form, English form) pairs; its terms are found as the glossary finds them (Korean forms at
    word starts, before a particle or alone; English forms as whole words, case-aware). `meaning` gives
    each sentence of both sides a unit vector from one cross-lingual encoder (`reader.text.meaning`):
    a link whose two sides mean the same costs less, one whose sides mean different things more.
    """
    n, m = len(ko), len(en)
    if meaning is not None and (len(meaning[0]) != n or len(meaning[1]) != m):
        raise ValueError(
            f"meaning has {len(meaning[0])} and {len(meaning[1])} vectors for {n} and {m} sentences"
        )
    for name, numbers, count in (("ko_paragraphs", ko_paragraphs, n), ("en_paragraphs", en_paragraphs, m)):
        if numbers is not None and len(numbers) != count:
            raise ValueError(f"{name} has {len(numbers)} entries for {count} sentences")
    if n == 0 or m == 0:
        return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
    problem = _Problem.build(ko, en, ko_paragraphs, en_paragraphs, _as_glossary(glossary), meaning)
    if (n + 1) * (m + 1) <= _FULL_GRID_CELLS:
        low, high, band, passes = np.zeros(n + 1, np.int64), np.full(n + 1, m), 0, 1
    else:
        low, high = _diagonal(problem)
        band, passes = _INITIAL_BAND, _MAX_PASSES
    limit = _band_limit(n, m)
    widest = 4 * limit + 1
    found: tuple[float, np.ndarray, int, _Problem, _Result, list[tuple[int, int, int, int]]] | None = None
    for _ in range(passes):
        lo, width = _band(low, high, band, m)
        if found is not None and width > widest:
            break  # the path jumps far within a row: following it would cost more than the budget
        banded = problem.banded(lo, width)
        result = _run(banded, lo, width, viterbi=True)
        cost = result.cost
        if found is not None and not cost < found[0] - 1e-6:
            # The band moved and found nothing better: the path only touched the edge among equally
            # good ones (repeated sentences make many), so moving it further would cost time for nothing.
            break
        found = (cost, lo, width, banded, result, _backtrace(banded, lo, result))
        if not _touches_edge(found[5], lo, width, m):
            break
        # The best path ran along the band's edge: the band follows it, and widens up to the budget.
        low, high = _path_span(found[5], n)
        band = min(2 * band, limit)
    assert found is not None
    _, lo, width, problem, result, path = found
    reverse = _run(problem.reversed(), _reverse_band(lo, width, m), width, viterbi=False)
    return _links(problem, lo, result, reverse, path)


# ---------------------------------------------------------------------------------------------- anchors


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


# ---------------------------------------------------------------------------------------------- problem


@dataclass
class _Problem:
    """Everything the dynamic programme needs, as arrays; `reversed()` gives the mirror problem."""

    n: int
    m: int
    cum_ko: np.ndarray  # (n+1,) cumulative Korean lengths
    cum_en: np.ndarray  # (m+1,)
    drop_ko: np.ndarray  # (n+1,) cost of leaving Korean sentence i-1 untranslated (a 1-0 link ending at i)
    drop_en: np.ndarray  # (m+1,) cost of an English sentence j-1 with no original (a 0-1 link ending at j)
    ratio: float
    variance: float
    break_ko: np.ndarray  # (n+1,) bool: a paragraph break (or either end) at this point
    break_en: np.ndarray  # (m+1,)
    paragraph_cost: float
    mass_ko: np.ndarray  # (n+1,) cumulative anchor weight of Korean sentences
    mass_en: np.ndarray  # (m+1,)
    expected_ko: np.ndarray  # (n+1,) cumulative weight of anchors a translation should carry over
    expected_en: np.ndarray  # (m+1,)
    expected_one: np.ndarray  # (n+1,) cumulative weight of Korean acronyms, expected in the English only
    anchors: _Anchors | None  # every (sentence, key) occurrence; None in a mirrored problem
    pairs: _Pairs | None = None  # shared weights of the sentence pairs a band can link (see `banded`)
    meaning: _Meaning | None = None  # sentence vectors, when the caller gave them

    @classmethod
    def build(
        cls,
        ko: Sequence[str],
        en: Sequence[str],
        ko_paragraphs: Sequence[int] | None,
        en_paragraphs: Sequence[int] | None,
        glossary: Glossary | None,
        meaning: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> _Problem:
        n, m = len(ko), len(en)
        len_ko = np.array([len("".join(s.split())) for s in ko], dtype=float)
        len_en = np.array([len("".join(s.split())) for s in en], dtype=float)
        tot_ko, tot_en = len_ko.sum(), len_en.sum()
        weight = min(n, m) / (min(n, m) + 5.0)
        if tot_ko > 0 and tot_en > 0:
            observed = min(max(tot_en / tot_ko, _RATIO_PRIOR / 4), _RATIO_PRIOR * 4)
            ratio = math.exp(weight * math.log(observed) + (1 - weight) * math.log(_RATIO_PRIOR))
        else:
            ratio = _RATIO_PRIOR

        break_ko = _breaks(ko_paragraphs, n)
        break_en = _breaks(en_paragraphs, m)
        inner_ko, inner_en = int(break_ko[1:-1].sum()), int(break_en[1:-1].sum())
        if inner_ko and inner_en:
            paragraph_cost = _PARAGRAPH_COST * min(inner_ko, inner_en) / max(inner_ko, inner_en)
        else:
            paragraph_cost = 0.0

        ko_keys, en_keys, expect_ko, expect_en = _sentence_anchors(ko, en, glossary)
        # Rarer keys weigh more: a figure that appears in one sentence on each side is a strong anchor,
        # one repeated through the article is not.
        df_ko: dict[str, int] = defaultdict(int)
        df_en: dict[str, int] = defaultdict(int)
        for keys in ko_keys:
            for k in keys:
                df_ko[k] += 1
        for keys in en_keys:
            for k in keys:
                df_en[k] += 1
        idf = {k: 1.0 / math.sqrt(max(df_ko[k], df_en[k])) for k in df_ko if k in df_en}
        mass_ko = np.zeros(n + 1)
        mass_ko[1:] = np.cumsum([sum(w * idf[k] for k, w in keys.items()) for keys in ko_keys])
        mass_en = np.zeros(m + 1)
        mass_en[1:] = np.cumsum([sum(w * idf[k] for k, w in keys.items()) for keys in en_keys])
        anchors = _Anchors.build(ko_keys, en_keys, expect_ko, expect_en, idf, m)

        expected_ko = np.zeros(n + 1)
        expected_ko[1:] = np.cumsum([sum(v for k, v in e.items() if not _one_sided(k)) for e in expect_ko])
        expected_one = np.zeros(n + 1)
        expected_one[1:] = np.cumsum([sum(v for k, v in e.items() if _one_sided(k)) for e in expect_ko])
        expected_en = np.zeros(m + 1)
        expected_en[1:] = np.cumsum([sum(e.values()) for e in expect_en])
        return cls(
            n=n,
            m=m,
            cum_ko=np.concatenate([[0.0], np.cumsum(len_ko)]),
            cum_en=np.concatenate([[0.0], np.cumsum(len_en)]),
            drop_ko=_drop_costs(ko, (1, 0)),
            drop_en=_drop_costs(en, (0, 1)),
            ratio=ratio,
            variance=_RELATIVE_VARIANCE * ratio * ratio,
            break_ko=break_ko,
            break_en=break_en,
            paragraph_cost=paragraph_cost,
            mass_ko=mass_ko,
            mass_en=mass_en,
            expected_ko=expected_ko,
            expected_en=expected_en,
            expected_one=expected_one,
            anchors=anchors,
            meaning=_Meaning.of(*meaning) if meaning is not None else None,
        )

    def banded(self, lo: np.ndarray, width: int) -> _Problem:
        """This problem with the shared anchor weights of every sentence pair the band (lo, width) can
        put in one link, in this direction or mirrored; only those are ever looked at, so a key that
        every sentence holds (a repeated figure, a boilerplate sentence) costs the band's size, not n·m."""
        assert self.anchors is not None
        pairs = self.anchors.pairs(self.n, self.m, lo, width)
        if self.meaning is not None:
            pairs = replace(pairs, meaning=self.meaning.table(pairs.base, pairs.width))
        return replace(self, pairs=pairs)

    def reversed(self) -> _Problem:
        n, m = self.n, self.m
        return _Problem(
            n=n,
            m=m,
            cum_ko=self.cum_ko[-1] - self.cum_ko[::-1],
            cum_en=self.cum_en[-1] - self.cum_en[::-1],
            drop_ko=np.concatenate([[0.0], self.drop_ko[:0:-1]]),
            drop_en=np.concatenate([[0.0], self.drop_en[:0:-1]]),
            ratio=self.ratio,
            variance=self.variance,
            break_ko=self.break_ko[::-1].copy(),
            break_en=self.break_en[::-1].copy(),
            paragraph_cost=self.paragraph_cost,
            mass_ko=self.mass_ko[-1] - self.mass_ko[::-1],
            mass_en=self.mass_en[-1] - self.mass_en[::-1],
            expected_ko=self.expected_ko[-1] - self.expected_ko[::-1],
            expected_en=self.expected_en[-1] - self.expected_en[::-1],
            expected_one=self.expected_one[-1] - self.expected_one[::-1],
            anchors=None,
            pairs=self.pairs.reversed(m) if self.pairs is not None else None,
            meaning=self.meaning.reversed() if self.meaning is not None else None,
        )

    def shared(
        self, s: np.ndarray, t: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
        """Shared anchor weight, shared expected-anchor weight, the weight of the Korean sentence's
        acronyms that the English one holds (None when no acronym is shared), and the dot product of
        their sentence vectors (None without vectors), of Korean sentences `s` and English sentences `t`
        (elementwise); pairs outside the band's table share nothing and are taken as unrelated (0)."""
        table = self.pairs
        if table is None or table.width == 0:
            return np.zeros(s.shape), np.zeros(s.shape), None, None
        row = np.clip(s, 0, self.n - 1)
        col = t - table.base[row]
        ok = (s >= 0) & (s < self.n) & (t >= 0) & (t < self.m) & (col >= 0) & (col < table.width)
        col = np.clip(col, 0, table.width - 1)
        held = None if table.held is None else np.where(ok, table.held[row, col], 0.0)
        similar = None if table.meaning is None else np.where(ok, table.meaning[row, col], 0.0)
        return (
            np.where(ok, table.weight[row, col], 0.0),
            np.where(ok, table.kept[row, col], 0.0),
            held,
            similar,
        )


@dataclass
class _Anchors:
    """Every occurrence of a shared anchor key, one entry per (sentence, key), as flat arrays.

    Weights already carry the key's idf, so the weight two sentences share through a key is the smaller
    of their two entries, and the expected weight they keep is the smaller of their expected entries.
    English entries are sorted by key, then sentence, so a key's sentences in any window are one slice.
    """

    ko_sentence: np.ndarray
    ko_key: np.ndarray
    ko_weight: np.ndarray
    ko_expect: np.ndarray  # expected by both sides (figures, quotation)
    ko_one: np.ndarray  # expected of the English only (acronyms written into the Korean)
    en_code: np.ndarray  # key * (m + 1) + sentence, ascending
    en_sentence: np.ndarray
    en_weight: np.ndarray
    en_expect: np.ndarray

    # Entries expanded at once when listing pairs: bounds the temporary arrays, not the result.
    _CHUNK = 1 << 16

    @classmethod
    def build(
        cls, ko_keys: _Keys, en_keys: _Keys, expect_ko: _Keys, expect_en: _Keys, idf: dict[str, float], m: int
    ) -> _Anchors:
        ids = {k: i for i, k in enumerate(sorted(idf))}

        def flat(keys: _Keys, expect: _Keys) -> tuple[np.ndarray, ...]:
            rows = [
                (s, ids[k], w * idf[k], expect[s].get(k, 0.0))
                for s, kk in enumerate(keys)
                for k, w in kk.items()
            ]
            if not rows:
                return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
            sentence, key, weight, expected = zip(*rows, strict=True)
            return (
                np.array(sentence, np.int64),
                np.array(key, np.int64),
                np.array(weight),
                np.array(expected),
            )

        ko_sentence, ko_key, ko_weight, ko_expect = flat(ko_keys, expect_ko)
        en_sentence, en_key, en_weight, en_expect = flat(en_keys, expect_en)
        one_sided = np.array([_one_sided(k) for k in sorted(idf)], dtype=bool)
        ko_one = np.where(one_sided[ko_key], ko_expect, 0.0) if ko_key.size else ko_expect
        ko_expect = ko_expect - ko_one
        en_code = en_key * (m + 1) + en_sentence
        order = np.argsort(en_code, kind="stable")
        return cls(
            ko_sentence, ko_key, ko_weight, ko_expect, ko_one,
            en_code[order], en_sentence[order], en_weight[order], en_expect[order],
        )  # fmt: skip

    def pairs(self, n: int, m: int, lo: np.ndarray, width: int) -> _Pairs:
        """Shared weights of every pair (s, t) with t within reach of Korean sentence s in the band."""
        # A link ending at row i holds Korean sentences i-3 .. i-1 and English sentences up to three
        # before the band's columns; the mirrored pass reaches up to two rows the other way and two
        # columns further right. So sentence s needs the columns of rows s-2 .. s+3, widened by three.
        rows = np.clip(np.arange(n)[:, None] + np.arange(-2, 4)[None, :], 0, n)
        base = np.clip(lo[rows].min(axis=1) - 3, 0, max(m - 1, 0))
        top = np.clip(lo[rows].max(axis=1) + width + 1, 0, m - 1)
        span = int((top - base).max()) + 1 if n and m else 0
        weight = np.zeros(n * span)
        kept = np.zeros(n * span)
        any_one = bool(self.ko_one.any())
        held = np.zeros(n * span if any_one else 0)
        if span and self.ko_key.size and self.en_code.size:
            first = self.ko_key * (m + 1) + base[self.ko_sentence]
            left = np.searchsorted(self.en_code, first, side="left")
            last = self.ko_key * (m + 1) + np.minimum(base[self.ko_sentence] + span - 1, m - 1)
            right = np.searchsorted(self.en_code, last, side="right")
            counts = right - left
            ends = np.cumsum(counts)
            # Expand in chunks of Korean entries, each listing about _CHUNK pairs (one entry at least).
            a = 0
            while a < counts.size:
                done = int(ends[a - 1]) if a else 0
                b = max(int(np.searchsorted(ends, done + self._CHUNK, side="right")), a + 1)
                c = counts[a:b]
                total = int(ends[b - 1]) - done
                if not total:
                    a = b
                    continue
                which = np.repeat(np.arange(a, b), c)
                offset = np.arange(total) - np.repeat(np.cumsum(c) - c, c)
                other = left[which] + offset
                s = self.ko_sentence[which]
                # Korean entries come sentence by sentence, so a chunk fills one run of rows.
                low, high = int(s[0]) * span, (int(s[-1]) + 1) * span
                cell = s * span + (self.en_sentence[other] - base[s]) - low
                shared = np.minimum(self.ko_weight[which], self.en_weight[other])
                carried = np.minimum(self.ko_expect[which], self.en_expect[other])
                weight[low:high] += np.bincount(cell, weights=shared, minlength=high - low)
                kept[low:high] += np.bincount(cell, weights=carried, minlength=high - low)
                if any_one:
                    held[low:high] += np.bincount(cell, weights=self.ko_one[which], minlength=high - low)
                a = b
        return _Pairs(
            base.astype(np.int64),
            span,
            weight.reshape(n, span),
            kept.reshape(n, span),
            held.reshape(n, span) if any_one else None,
        )


@dataclass
class _Pairs:
    """Shared anchor weights of sentence pairs near the band: row s covers English sentences
    base[s] .. base[s] + width - 1."""

    base: np.ndarray
    width: int
    weight: np.ndarray  # (n, width)
    kept: np.ndarray  # (n, width): weight of expected anchors found on both sides
    held: np.ndarray | None  # (n, width): weight of Korean acronyms the English holds; None: no acronyms
    meaning: np.ndarray | None = None  # (n, width): dot products of the sentence vectors; None: no vectors

    def reversed(self, m: int) -> _Pairs:
        return _Pairs(
            (m - self.width - self.base)[::-1].copy(),
            self.width,
            self.weight[::-1, ::-1],
            self.kept[::-1, ::-1],
            None if self.held is None else self.held[::-1, ::-1],
            None if self.meaning is None else self.meaning[::-1, ::-1],
        )


@dataclass
class _Meaning:
    """Sentence vectors of both sides, and the dot products of each with the next two on its side, from
    which the length of the sum of a link's vectors follows (|a + b|² = 2 + 2 a·b for unit vectors)."""

    ko: np.ndarray  # (n, d) unit vectors
    en: np.ndarray  # (m, d)
    next_ko: np.ndarray  # (n+1,) cumulative dot product of sentence s and s+1
    skip_ko: np.ndarray  # (n+2,) dot product of sentence s and s+2, at s (zeros past the end)
    next_en: np.ndarray
    skip_en: np.ndarray

    # Korean rows whose dot-product row is computed at once: bounds the gathered English vectors.
    _ROWS = 64

    @classmethod
    def of(cls, ko: np.ndarray, en: np.ndarray) -> _Meaning:
        ko = np.ascontiguousarray(ko, dtype=np.float32)
        en = np.ascontiguousarray(en, dtype=np.float32)
        return cls(ko, en, *cls._neighbours(ko), *cls._neighbours(en))

    @staticmethod
    def _neighbours(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        count = len(vectors)
        following = np.einsum("ij,ij->i", vectors[:-1], vectors[1:]) if count > 1 else np.zeros(0)
        skipping = np.einsum("ij,ij->i", vectors[:-2], vectors[2:]) if count > 2 else np.zeros(0)
        nexts = np.concatenate([[0.0], np.cumsum(following, dtype=float), [0.0]])[: count + 1]
        skips = np.zeros(count + 2)
        skips[: skipping.size] = skipping
        return nexts, skips

    def reversed(self) -> _Meaning:
        return _Meaning.of(self.ko[::-1], self.en[::-1])

    def table(self, base: np.ndarray, width: int) -> np.ndarray:
        """Dot products of Korean sentence s with English sentences base[s] .. base[s] + width - 1."""
        n, m = len(self.ko), len(self.en)
        out = np.zeros((n, width))
        if not width or not m:
            return out
        for a in range(0, n, self._ROWS):
            b = min(n, a + self._ROWS)
            cols = np.clip(base[a:b, None] + np.arange(width)[None, :], 0, m - 1)
            out[a:b] = np.einsum("rd,rwd->rw", self.ko[a:b], self.en[cols])
        return out

    def square_ko(self, r: np.ndarray, di: int) -> np.ndarray:
        """|sum of the vectors of Korean sentences r-di .. r-1|², for link ends r."""
        return self._square(self.next_ko, self.skip_ko, r, di)

    def square_en(self, c: np.ndarray, dj: int) -> np.ndarray:
        return self._square(self.next_en, self.skip_en, c, dj)

    @staticmethod
    def _square(nexts: np.ndarray, skips: np.ndarray, end: np.ndarray, count: int) -> np.ndarray:
        if count == 1:
            return np.ones(np.shape(end))
        start = end - count
        square = count + 2.0 * (nexts[end - 1] - nexts[start])
        if count == 3:
            square = square + 2.0 * skips[start]
        return np.maximum(square, 1e-6)


# Lines a news page carries around the story that no translation renders: copyright notices, bylines with
# an e-mail address or on a line of their own, photo credits and captions' credit lines.
_BOILERPLATE = re.compile(
    r"copyright|all rights reserved|©|무단\s*전재|재배포\s*금지"
    r"|^[가-힣]{2,4}\s*(?:선임|수석|객원)?(?:기자|특파원)\s*$"  # 홍길동 기자
    r"|^by(?:\s+[A-Z][\w.'-]*){1,4}$|^(?:additional\s+)?(?:reporting|writing|editing)\s+by\b"
    r"|사진\s*=|\b(?:AP|AFP|Reuters|EPA|Yonhap)\s*photo\b|getty images|(?:^|[(/])\s*photo\s*(?:by|credit)\b",
    re.IGNORECASE,
)


_BOILERPLATE_WORDS = (
    "copyright",
    "reserved",
    "©",
    "무단",
    "재배포",
    "기자",
    "특파원",
    "by",
    "사진",
    "photo",
    "getty",
)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,}", re.IGNORECASE)  # bounded: linear on long tokens


def _leftover(sentence: str) -> bool:
    """True for a piece of the page rather than of the story: a copyright line, a byline, a photo credit.

    Headlines and date stamps are not counted: the translated page has its own headline, and a headline
    is as often rendered as left out."""
    text = sentence.strip()
    if "@" in text and _EMAIL.search(text):
        return True
    lower = text.lower()  # the pattern is only tried on a sentence holding one of its words
    return any(word in lower for word in _BOILERPLATE_WORDS) and bool(_BOILERPLATE.search(text))


def _drop_costs(sentences: Sequence[str], bead: tuple[int, int]) -> np.ndarray:
    """Cost of the 1-0 (or 0-1) link of each sentence, at the index just after it; each distinct sentence
    is judged once."""
    usual, leftover = -math.log(_PRIOR[bead]), -math.log(_LEFTOVER_PRIOR)
    seen: dict[str, float] = {}
    costs = []
    for s in sentences:
        if s not in seen:
            seen[s] = leftover if _leftover(s) else usual
        costs.append(seen[s])
    return np.concatenate([[0.0], np.array(costs, dtype=float)])


def _breaks(paragraphs: Sequence[int] | None, count: int) -> np.ndarray:
    out = np.zeros(count + 1, dtype=bool)
    out[0] = out[count] = True
    if paragraphs is not None:
        for i in range(1, count):
            out[i] = paragraphs[i] != paragraphs[i - 1]
    return out


def _centres(cum_ko: np.ndarray, cum_en: np.ndarray) -> np.ndarray:
    """For each Korean point i, the English point where the same share of the text has been read."""
    n, m = cum_ko.size - 1, cum_en.size - 1
    if cum_ko[-1] <= 0 or cum_en[-1] <= 0:
        return np.round(np.arange(n + 1) * (m / max(n, 1))).astype(int)
    share = cum_ko / cum_ko[-1] * cum_en[-1]
    # Interpolate between English points so that one long English sentence does not jump the centre.
    return np.round(np.interp(share, cum_en, np.arange(m + 1))).astype(int)


def _diagonal(problem: _Problem) -> tuple[np.ndarray, np.ndarray]:
    """For each Korean point, the English points around where the same share of both texts is read."""
    centre = _centres(problem.cum_ko, problem.cum_en)
    prev = np.concatenate([[centre[0]], centre[:-1]])
    nxt = np.concatenate([centre[1:], [centre[-1]]])
    return np.minimum(np.minimum(prev, centre), nxt), np.maximum(np.maximum(prev, centre), nxt)


def _path_span(path: list[tuple[int, int, int, int]], n: int) -> tuple[np.ndarray, np.ndarray]:
    """For each Korean point, the first and last English points of the path's links that start, end or
    cross there, widened by the rows next to it."""
    low = np.full(n + 1, np.iinfo(np.int64).max)
    high = np.zeros(n + 1, np.int64)
    for i0, j0, i1, j1 in path:
        low[i0 : i1 + 1] = np.minimum(low[i0 : i1 + 1], j0)
        high[i0 : i1 + 1] = np.maximum(high[i0 : i1 + 1], j1)
    prev_low, next_low = np.concatenate([low[:1], low[:-1]]), np.concatenate([low[1:], low[-1:]])
    prev_high, next_high = np.concatenate([high[:1], high[:-1]]), np.concatenate([high[1:], high[-1:]])
    return np.minimum(np.minimum(prev_low, low), next_low), np.maximum(np.maximum(prev_high, high), next_high)


def _band(low: np.ndarray, high: np.ndarray, half_width: int, m: int) -> tuple[np.ndarray, int]:
    """Row offsets `lo` (first English point of each row) and one width for all rows, covering
    `half_width` points either side of [low, high] in every row."""
    # The path must be able to reach (n, m) and leave (0, 0) whatever the band.
    lo = np.maximum(low - half_width, 0)
    hi = np.minimum(high + half_width, m)
    lo[0], hi[-1] = 0, m
    width = int((hi - lo).max()) + 1
    lo = np.minimum(lo, np.maximum(m - width + 1, 0))
    return lo.astype(np.int64), width


def _reverse_band(lo: np.ndarray, width: int, m: int) -> np.ndarray:
    return (m - (lo[::-1] + width - 1)).astype(np.int64)


# ------------------------------------------------------------------------------------------------ costs


def _log_erfc(x: np.ndarray) -> np.ndarray:
    """log erfc(x) for x >= 0, stable far into the tail (Numerical Recipes' erfcc, error < 1.2e-7)."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (
        0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))  # fmt: skip
    return np.log(t) - x * x + poly


def _grid(lo: np.ndarray, width: int, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of the band cells of rows [start, stop), as broadcastable arrays."""
    rows = np.arange(start, stop)[:, None]
    return rows, lo[start:stop, None] + np.arange(width)[None, :]


def _bead_costs(problem: _Problem, rows: np.ndarray, cols: np.ndarray, di: int, dj: int) -> np.ndarray:
    """Cost of the link covering Korean sentences [i-di, i) and English [j-dj, j), for every cell (i, j)
    of the broadcastable index arrays `rows` and `cols`: a block of band rows, or the ends of a path's
    links. Each cell's cost depends on that cell alone, so any block of cells gives the same values."""
    n, m = problem.n, problem.m
    valid = (rows >= di) & (cols >= dj) & (cols <= m)
    r = np.clip(rows, di, n)
    c = np.clip(cols, dj, m)
    len_ko = problem.cum_ko[r] - problem.cum_ko[r - di]
    len_en = problem.cum_en[c] - problem.cum_en[c - dj]
    mean = (len_ko + len_en / problem.ratio) / 2.0
    z = np.abs(len_en - problem.ratio * mean) / np.sqrt(problem.variance * np.maximum(mean, 1e-9))
    cost = -math.log(_PRIOR[(di, dj)]) - _log_erfc(z / math.sqrt(2.0))
    if not (di and dj):
        # A dropped or added sentence has no translation whose length could disagree with it; its
        # cost is the prior alone, so a long sentence is not forced into a neighbour's link.
        cost = np.broadcast_to(problem.drop_ko[r] if di else problem.drop_en[c], valid.shape).astype(float)

    if di and dj:
        matched = np.zeros(cost.shape)
        kept = np.zeros(cost.shape)
        held: np.ndarray | None = None
        dot = np.zeros(cost.shape)  # of the link's two sums of sentence vectors, when there are vectors
        # Each sentence's dot product with the other side's sum, on a side of two sentences or more.
        member_ko = [np.zeros(cost.shape) for _ in range(di)] if di > 1 else []
        member_en = [np.zeros(cost.shape) for _ in range(dj)] if dj > 1 else []
        if problem.pairs is not None and problem.pairs.width:
            for a in range(di):
                for b in range(dj):
                    weight, carried, acronyms, similar = problem.shared(r - 1 - a, c - 1 - b)
                    matched += weight
                    kept += carried
                    if acronyms is not None:
                        held = acronyms if held is None else held + acronyms
                    if similar is not None:
                        dot += similar
                        if member_ko:
                            member_ko[a] += similar
                        if member_en:
                            member_en[b] += similar
        expected_ko = problem.expected_ko[r] - problem.expected_ko[r - di]
        expected_en = problem.expected_en[c] - problem.expected_en[c - dj]
        if di > 1 or dj > 1:
            cap = np.minimum(
                problem.mass_ko[r] - problem.mass_ko[r - di], problem.mass_en[c] - problem.mass_en[c - dj]
            )
            matched = np.minimum(matched, cap)
        kept = np.minimum(kept, np.minimum(expected_ko, expected_en))
        expected_one = problem.expected_one[r] - problem.expected_one[r - di]
        # A linked sentence is expected to carry its figures and Latin tokens into the translation; a
        # dropped one is not, so what is missing here argues for a 1-0 or 0-1 link instead.
        missing = expected_ko + expected_en - 2.0 * kept + expected_one
        if held is not None:
            missing = missing - np.minimum(held, expected_one)
        cost = cost - _ANCHOR_GAIN * matched + _MISSING_COST * missing
        if problem.meaning is not None:
            # The cosine of the link's two sums of sentence vectors: the sum of the pairs' dot products
            # over the lengths of the sums, which the vectors of neighbouring sentences give.
            square_ko, square_en = problem.meaning.square_ko(r, di), problem.meaning.square_en(c, dj)
            cosine = dot / np.sqrt(square_ko * square_en)
            cost = cost + _MEANING_WEIGHT * (_MEANING_EVEN - cosine)
            doubt = np.zeros(cost.shape)  # the largest shortfall of one sentence's cosine, by its length
            for a, member in enumerate(member_ko):
                size = (problem.cum_ko[r - a] - problem.cum_ko[r - 1 - a]) * problem.ratio
                shortfall = np.maximum(0.0, _MEMBER_EVEN - member / np.sqrt(square_en))
                doubt = np.maximum(doubt, np.minimum(1.0, size / _MEMBER_LENGTH) * shortfall)
            for b, member in enumerate(member_en):
                size = problem.cum_en[c - b] - problem.cum_en[c - 1 - b]
                shortfall = np.maximum(0.0, _MEMBER_EVEN - member / np.sqrt(square_ko))
                doubt = np.maximum(doubt, np.minimum(1.0, size / _MEMBER_LENGTH) * shortfall)
            cost = cost + _MEMBER_WEIGHT * doubt

    if problem.paragraph_cost and not (di and dj):
        # A sentence dropped at the end of a paragraph leaves the path at a point where only one side
        # is at a break (and likewise one dropped at the start): forgive that point when the other end
        # of the drop is in step, so paragraph anchors do not argue against omissions.
        start_off = problem.break_ko[r - di] != problem.break_en[c - dj]
        end_off = problem.break_ko[r] != problem.break_en[c]
        cost = cost - problem.paragraph_cost * (start_off != end_off)
    if problem.paragraph_cost:
        for inner in range(1, di):
            cost = cost + problem.paragraph_cost * problem.break_ko[r - inner]
        for inner in range(1, dj):
            cost = cost + problem.paragraph_cost * problem.break_en[c - inner]
    return np.where(valid, cost, _INF)


def _point_costs(problem: _Problem, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Cost of the path passing through (i, j) when only one side is at a paragraph break there."""
    cols = np.clip(cols, 0, problem.m)
    shape = np.broadcast_shapes(np.shape(rows), np.shape(cols))
    if not problem.paragraph_cost:
        return np.zeros(shape)
    mismatch = problem.break_ko[rows] != problem.break_en[cols]
    return problem.paragraph_cost * np.broadcast_to(mismatch, shape)


# ------------------------------------------------------------------------------------------- programme

# Band cells whose link costs are computed at once: the programme keeps one block of costs at a time,
# so its memory is the band's energies (9 bytes a cell) and not the costs of every link kind (~100).
_BLOCK_CELLS = 1 << 15


@dataclass
class _Result:
    forward: np.ndarray  # (n+1, width) sum-product energies: -log of the total weight of paths to a cell
    cost: float  # min-sum cost of the best path to (n, m); inf when not asked for
    choice: np.ndarray | None  # (n+1, width) int8: index into _BEADS, or -1 for a (0, 1) link


def _run(problem: _Problem, lo: np.ndarray, width: int, *, viterbi: bool) -> _Result:
    """Fill the band row by row: sum-product energies always, min-sum costs and choices if `viterbi`.

    Links that take Korean sentences come from earlier rows and are done for a whole row at once; the
    (0, 1) links within a row form a chain D[j] = min(base[j], D[j-1] + c[j]), which a running minimum
    (or a running log-sum-exp) over base[k] - C[k], with C the cumulative sum of c, solves in one pass.
    Every band cell lies inside the grid (see `_band`), so no cell needs masking. Link costs are made
    a block of rows at a time and dropped once the block is done; min-sum costs live in a ring of rows.
    """
    n = problem.n
    # Where each bead's source row starts within the padded ring, for every row; -1 where it cannot.
    rows = np.arange(n + 1)[:, None]
    di = np.array([bead[0] for bead in _BEADS])[None, :]
    dj = np.array([bead[1] for bead in _BEADS])[None, :]
    offsets = width + lo[:, None] - dj - lo[np.maximum(rows - di, 0)]
    offsets[(rows - di < 0) | (offsets < 0) | (offsets > 2 * width)] = -1
    offset_rows = offsets.tolist()
    del rows, offsets

    forward = np.full((n + 1, width), _INF)
    choice = np.full((n + 1, width), -1, dtype=np.int8) if viterbi else None
    best = np.full(width, _INF)
    # Rows padded with infinity on both sides, so that a shifted row is a plain slice.
    padded_f = np.full((n + 1, 3 * width), _INF) if n < 4 else np.full((4, 3 * width), _INF)
    padded_b = np.full(padded_f.shape, _INF)
    ring = padded_f.shape[0]
    stack_f = np.empty((len(_BEADS), width))
    stack_b = np.empty((len(_BEADS), width))
    beads = list(enumerate(_BEADS))
    block = max(1, _BLOCK_CELLS // width)
    with np.errstate(divide="ignore", invalid="ignore"):
        for start in range(0, n + 1, block):
            stop = min(start + block, n + 1)
            cells = _grid(lo, width, start, stop)
            stacked = np.stack(
                [_bead_costs(problem, *cells, *bead) for bead in _BEADS]
            )  # (beads, rows, width)
            point = _point_costs(problem, *cells)
            steps = _bead_costs(problem, *cells, 0, 1) + point
            steps[:, 0] = 0.0  # the first cell of a row has no left neighbour in the band; its step is unused
            runs = np.cumsum(steps, axis=1)
            for i in range(start, stop):
                if i == 0:
                    base_f = np.full(width, _INF)
                    base_f[0] = 0.0  # lo[0] == 0
                    base_b = base_f.copy()
                    arg = np.zeros(width, dtype=np.int8)
                else:
                    row_offsets = offset_rows[i]
                    row_costs = stacked[:, i - start]
                    for k, (di_k, _) in beads:
                        offset = row_offsets[k]
                        if offset < 0:
                            stack_f[k] = _INF
                            stack_b[k] = _INF
                            continue
                        source = (i - di_k) % ring
                        np.add(padded_f[source, offset : offset + width], row_costs[k], out=stack_f[k])
                        if viterbi:
                            np.add(padded_b[source, offset : offset + width], row_costs[k], out=stack_b[k])
                    low = stack_f.min(axis=0)
                    finite = np.isfinite(low)
                    safe = np.where(finite, low, 0.0)
                    spread = np.log(np.exp(safe - stack_f).sum(axis=0))
                    base_f = np.where(finite, safe - spread, _INF) + point[i - start]
                    if viterbi:
                        arg = stack_b.argmin(axis=0).astype(np.int8)
                        base_b = stack_b.min(axis=0) + point[i - start]
                run = runs[i - start]
                forward[i] = run - np.logaddexp.accumulate(run - base_f)
                padded_f[i % ring, width : 2 * width] = forward[i]
                if viterbi:
                    assert choice is not None
                    through = np.minimum.accumulate(base_b - run) + run
                    from01 = through < base_b - 1e-9
                    best = np.where(from01, through, base_b)
                    choice[i] = np.where(from01, -1, arg)
                    padded_b[i % ring, width : 2 * width] = best
    return _Result(forward, float(best[problem.m - lo[n]]) if viterbi else _INF, choice)


def _backtrace(problem: _Problem, lo: np.ndarray, result: _Result) -> list[tuple[int, int, int, int]]:
    """The best path as links (i0, j0, i1, j1), in text order."""
    assert result.choice is not None
    i, j = problem.n, problem.m
    path: list[tuple[int, int, int, int]] = []
    while i > 0 or j > 0:
        k = result.choice[i, j - lo[i]]
        di, dj = (0, 1) if k < 0 else _BEADS[k]
        path.append((i - di, j - dj, i, j))
        i, j = i - di, j - dj
    path.reverse()
    return path


def _touches_edge(path: list[tuple[int, int, int, int]], lo: np.ndarray, width: int, m: int) -> bool:
    for _, _, i, j in path:
        k = j - lo[i]
        if (k <= 1 and lo[i] > 0) or (k >= width - 2 and lo[i] + width - 1 < m):
            return True
    return False


def _path_costs(problem: _Problem, path: list[tuple[int, int, int, int]]) -> np.ndarray:
    """The cost of each link of `path` (without the point cost at its end), computed at its end cell."""
    ends = np.array([(i1, j1) for _, _, i1, j1 in path], dtype=np.int64).reshape(-1, 2)
    kinds = np.array([(i1 - i0, j1 - j0) for i0, j0, i1, j1 in path], dtype=np.int64).reshape(-1, 2)
    costs = np.zeros(len(path))
    for bead in (*_BEADS, (0, 1)):
        which = np.flatnonzero((kinds[:, 0] == bead[0]) & (kinds[:, 1] == bead[1]))
        if which.size:
            costs[which] = _bead_costs(problem, ends[which, 0], ends[which, 1], *bead)
    return costs


def _links(
    problem: _Problem,
    lo: np.ndarray,
    result: _Result,
    reverse: _Result,
    path: list[tuple[int, int, int, int]],
) -> list[Link]:
    """The best path as links, each with its posterior probability under the model.

    The probability of a link from (i0, j0) to (i1, j1) is the weight of all paths through it over the
    weight of all paths: exp(Z - F(i0, j0) - cost - B(i1, j1)), F from the forward pass and B from the
    forward pass of the mirrored problem; the point cost at (i1, j1) is in both F(i1, j1) and B, and the
    link's own cost leaves it out, so each point is counted once.
    """
    n, m = problem.n, problem.m
    rlo = _reverse_band(lo, result.forward.shape[1], m)
    total = result.forward[n, m - lo[n]]
    links: list[Link] = []
    for (i0, j0, i1, j1), energy in zip(path, _path_costs(problem, path).tolist(), strict=True):
        before = result.forward[i0, j0 - lo[i0]]
        after = reverse.forward[n - i1, (m - j1) - rlo[n - i1]]
        log_p = total - before - energy - after
        confidence = float(min(1.0, max(0.0, math.exp(min(0.0, log_p))))) if math.isfinite(log_p) else 0.0
        links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), round(confidence, 4)))
    return links
