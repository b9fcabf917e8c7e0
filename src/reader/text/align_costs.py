"""The aligner's cost model: what a link of some Korean and some English sentences costs, in nats.

Length (Gale and Church's normal model of the length ratio) plus the link's prior, less what its two
sides share (anchors, meaning), plus what a translation should have kept and did not, and the paragraph
breaks it leaves out of step. Its own module because it is the model, separate from the search that
minimises it: every cost depends on one cell alone, so any block of cells gives the same values.
"""

from __future__ import annotations

import math

import numpy as np

from reader.text.align_problem import _PRIOR, _Problem

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
_MEMBER_WEIGHT = 10.0
_MEMBER_EVEN = 0.55
_MEMBER_LENGTH = 80.0
# Of two sentences on one side of a link, each must also mean something the other does not: its cosine
# with what is left of the other side once the part its partner explains is taken out (a partial
# correlation). Sentences of one story share their topic, so a left-out sentence has a fair plain cosine
# with its neighbour's translation (0.0–0.45 on the development articles, 10th to 90th percentile) but
# little partial cosine (−0.05–0.2); a sentence a merged translation renders keeps 0.25–0.55.
_PARTIAL_EVEN = 0.35

_INF = math.inf


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
            for members, square, neighbours, ends, cum, scale in (
                (member_ko, square_en, problem.meaning.next_ko, r, problem.cum_ko, problem.ratio),
                (member_en, square_ko, problem.meaning.next_en, c, problem.cum_en, 1.0),
            ):
                cosines = [member / np.sqrt(square) for member in members]
                if len(members) == 2:
                    cosines = _partial(cosines, neighbours[ends - 1] - neighbours[ends - 2])
                    even = _PARTIAL_EVEN
                else:
                    even = _MEMBER_EVEN
                for a, cosine in enumerate(cosines):
                    size = (cum[ends - a] - cum[ends - 1 - a]) * scale
                    shortfall = np.maximum(0.0, even - cosine)
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


def _partial(cosines: list[np.ndarray], between: np.ndarray) -> list[np.ndarray]:
    """For two sentences with cosines x, y to the other side's (unit) sum and dot product `between`,
    each one's cosine with the other side's residual once the other sentence's direction is removed:
    (x − y·between) / sqrt(1 − y²), and likewise for y."""
    x, y = cosines
    rest_x = np.sqrt(np.maximum(1.0 - y * y, 1e-6))
    rest_y = np.sqrt(np.maximum(1.0 - x * x, 1e-6))
    return [(x - y * between) / rest_x, (y - x * between) / rest_y]


def _point_costs(problem: _Problem, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Cost of the path passing through (i, j) when only one side is at a paragraph break there."""
    cols = np.clip(cols, 0, problem.m)
    shape = np.broadcast_shapes(np.shape(rows), np.shape(cols))
    if not problem.paragraph_cost:
        return np.zeros(shape)
    mismatch = problem.break_ko[rows] != problem.break_en[cols]
    return problem.paragraph_cost * np.broadcast_to(mismatch, shape)
