"""The aligner's problem: the parameters of its model and everything the dynamic programme reads, as arrays.

`_Problem.build` turns two lists of sentences (with their paragraphs, glossary and sentence vectors) into
cumulative lengths, drop costs, paragraph breaks and the anchor weights of the sentence pairs a band can
link. Its own module because it is built once per text and then only read: the link costs
(`align_costs`) and the search (`align_search`) never change it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from reader.text.align_anchors import (
    _Keys,
    _one_sided,
    _sentence_anchors,
)
from reader.text.glossary import Glossary

# ------------------------------------------------------------------------------------------ parameters

# Link kinds (Korean count, English count) and their prior probabilities. Gale and Church (1993) took
# theirs from parliamentary proceedings; news translation drops and adds sentences more often and
# rarely redistributes two sentences over two (2-2), so those priors are shifted accordingly. One long
# Korean sentence may become three English ones (and, rarely, the reverse), hence 1-3 and 3-1.
# (0, 1) is not listed: it stays within a row of the programme and is handled there.
_BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1))
_PRIOR = {(1, 1): 0.87, (1, 0): 0.02, (0, 1): 0.02, (2, 1): 0.045, (1, 2): 0.045, (2, 2): 0.001,
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
# Cost (nats) of a path point where one side is at a paragraph break and the other is not, or of a link
# that spans a paragraph break; scaled down when the two sides have different numbers of paragraphs.
# A dropped or added sentence next to a break is forgiven the point it leaves out of step.
_PARAGRAPH_COST = 3.0


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
    # (k, 2) Korean and English sentences that alone on their side hold some strong key (a figure, an
    # acronym, a name), in text order and monotone: where a long text's path must pass.
    landmarks: np.ndarray | None = None

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
        landmarks = _landmarks(ko_keys, en_keys, df_ko, df_en)

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
            landmarks=landmarks,
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


# The least base weight of a key that can make a landmark: figures of two digits or more, Latin tokens,
# glossary terms (weight 1.0) and transcribed names (0.7); not small numbers, dates or quotation.
_LANDMARK_WEIGHT = 0.7


def _landmarks(
    ko_keys: list[dict[str, float]],
    en_keys: list[dict[str, float]],
    df_ko: dict[str, int],
    df_en: dict[str, int],
) -> np.ndarray:
    """Sentence pairs (s, t) that share a strong key found in no other sentence of either side, thinned
    to the longest chain that is increasing on both sides (a stray match, a figure the article repeats
    in another form, falls out of the chain)."""
    unique_en = {k: t for t, keys in enumerate(en_keys) for k, w in keys.items()
                 if w >= _LANDMARK_WEIGHT and df_en[k] == 1 and df_ko.get(k) == 1}  # fmt: skip
    found = sorted({(s, unique_en[k]) for s, keys in enumerate(ko_keys) for k in keys if k in unique_en})
    # Longest chain strictly increasing in both s and t (patience sorting; ties in s sorted by t
    # descending so that one Korean sentence gives at most one point).
    found.sort(key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # tails[L]: index into found of the smallest t ending a chain of length L + 1
    tail_t: list[int] = []
    before = [-1] * len(found)
    for x, (_, t) in enumerate(found):
        at = bisect.bisect_left(tail_t, t)
        before[x] = tails[at - 1] if at else -1
        if at == len(tails):
            tails.append(x)
            tail_t.append(t)
        else:
            tails[at] = x
            tail_t[at] = t
    chain = []
    x = tails[-1] if tails else -1
    while x >= 0:
        chain.append(found[x])
        x = before[x]
    chain.reverse()
    return np.array(chain, dtype=np.int64).reshape(-1, 2)


def _breaks(paragraphs: Sequence[int] | None, count: int) -> np.ndarray:
    out = np.zeros(count + 1, dtype=bool)
    out[0] = out[count] = True
    if paragraphs is not None:
        for i in range(1, count):
            out[i] = paragraphs[i] != paragraphs[i - 1]
    return out
