"""The aligner's output: the best path as `Link`s, each with its posterior probability as confidence.

Its own module because it combines the results of the two passes (forward over the text and over its
mirror) rather than running either.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from reader.text.align_costs import _bead_costs
from reader.text.align_problem import _BEADS, _Problem
from reader.text.align_search import _Result, _reverse_band


@dataclass(frozen=True, slots=True)
class Link:
    """Korean sentence indices `ko` paired with English sentence indices `en` (either may be empty)."""

    ko: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float

    @property
    def kind(self) -> str:
        return f"{len(self.ko)}-{len(self.en)}"


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
