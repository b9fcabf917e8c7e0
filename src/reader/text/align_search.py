"""The aligner's search: the banded dynamic programme over the link costs, and the band it runs in.

Min-sum (the best path) and sum-product (every path's weight, for the confidences) passes, a block of
rows at a time, inside a band around the length diagonal or around the last best path. Its own module
because it knows nothing of sentences: only costs of cells (`align_costs`) and the band's geometry.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reader.text.align_costs import _INF, _bead_costs, _grid, _point_costs
from reader.text.align_problem import _BEADS, _Problem


def _centres(cum_ko: np.ndarray, cum_en: np.ndarray, landmarks: np.ndarray | None = None) -> np.ndarray:
    """For each Korean point i, the English point where the same share of the text has been read; with
    `landmarks` (sentence pairs the path must link), the same share of the text between two landmarks."""
    n, m = cum_ko.size - 1, cum_en.size - 1
    if cum_ko[-1] <= 0 or cum_en[-1] <= 0:
        return np.round(np.arange(n + 1) * (m / max(n, 1))).astype(int)
    knots_ko, knots_en = np.array([0.0, cum_ko[-1]]), np.array([0.0, cum_en[-1]])
    if landmarks is not None and len(landmarks):
        # Both ends of each landmark's sentences lie on the path (as a 1-1 link's do).
        s, t = landmarks[:, 0], landmarks[:, 1]
        inner_ko = np.stack([cum_ko[s], cum_ko[s + 1]], axis=1).ravel()
        inner_en = np.stack([cum_en[t], cum_en[t + 1]], axis=1).ravel()
        knots_ko = np.concatenate([[0.0], inner_ko, [cum_ko[-1]]])
        knots_en = np.concatenate([[0.0], inner_en, [cum_en[-1]]])
        # Knots must increase for interpolation: a landmark sentence of no length adds none.
        keep = np.concatenate([[True], np.diff(knots_ko) > 0])
        knots_ko, knots_en = knots_ko[keep], knots_en[keep]
    share = np.interp(cum_ko, knots_ko, knots_en)
    # Interpolate between English points so that one long English sentence does not jump the centre.
    return np.round(np.interp(share, cum_en, np.arange(m + 1))).astype(int)


def _diagonal(problem: _Problem) -> tuple[np.ndarray, np.ndarray]:
    """For each Korean point, the English points around where the same share of both texts is read,
    between the landmarks when the text has enough of them to steer by."""
    landmarks = problem.landmarks
    if landmarks is not None and len(landmarks) < _MIN_LANDMARK_SHARE * min(problem.n, problem.m):
        landmarks = None
    centre = _centres(problem.cum_ko, problem.cum_en, landmarks)
    prev = np.concatenate([[centre[0]], centre[:-1]])
    nxt = np.concatenate([centre[1:], [centre[-1]]])
    return np.minimum(np.minimum(prev, centre), nxt), np.maximum(np.maximum(prev, centre), nxt)


# Landmarks steer the first band only when there are at least this many a sentence: a handful of
# matches in a long text are as likely chance as guidance, and the length diagonal serves then.
_MIN_LANDMARK_SHARE = 0.02


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
