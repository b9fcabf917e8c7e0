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

The dynamic programme runs inside a band around the diagonal implied by the running length ratio (or,
in a long text with enough of them, by landmarks: sentence pairs that alone on their sides share a figure,
an acronym or a name, in order on both sides), so time and memory grow linearly with the input. While the best path touches the band's edge and the next band
finds a better path, the band is centred on that path and widens, up to a budget of cells a row: a long
article drifts from its length diagonal further than any fixed band reaches, and a band that only
widened around the diagonal would grow with the text (repeated sentences make many equally good paths,
which touch any edge; the next band then finds nothing better and the search stops).
Anchor pairs are listed only for the sentence pairs the band can link, so a key every sentence holds
costs the band's size, not n·m. A second, sum-product pass in both directions gives every link its
posterior probability under the same model, which is the confidence (`with_split_doubt` lowers it for
links joining sentences that were split from raw text, where a missed boundary is the likelier error).

The modules: `align_anchors` (the keys a sentence holds), `align_problem` (the model's parameters and the
arrays it reads), `align_costs` (what a link costs), `align_search` (the banded programme),
`align_posteriors` (links and their confidences); this one holds the entry point and the band's budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from reader.text.align_anchors import _as_glossary
from reader.text.align_posteriors import Link, _links
from reader.text.align_problem import _Problem
from reader.text.align_search import (
    _backtrace,
    _band,
    _diagonal,
    _path_span,
    _Result,
    _reverse_band,
    _run,
    _touches_edge,
)
from reader.text.glossary import Glossary

__all__ = ["Link", "align", "with_split_doubt"]


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


# End to end from raw text, a link that joins several sentences on a side is wrong far more often than
# its posterior says: on the development articles 8 of 25 such links were, 4 of the 9 with a posterior of
# 0.9 or more, against 3 of 298 one-to-one links. Most hide a sentence boundary the text does not mark (a
# headline without a full stop, "U.S." ending a sentence, a line cut short), so the splitter made one
# sentence of two and the model, which takes the sentences as given, could not see it. Such a link's
# confidence is its posterior times this; below 0.5 the reading screen marks it.
_JOINED_RELIABILITY = 0.7


def with_split_doubt(links: Sequence[Link]) -> list[Link]:
    """`links` of sentences split from raw text, each link of two sentences or more on a side made
    less confident (see _JOINED_RELIABILITY); one-to-one links and omissions as they are."""
    return [
        Link(link.ko, link.en, round(link.confidence * _JOINED_RELIABILITY, 4))
        if len(link.ko) > 1 or len(link.en) > 1
        else link
        for link in links
    ]
