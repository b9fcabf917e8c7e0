"""Finding a note's place again after the text under it changed.

A note remembers its span the way the W3C Web Annotation model does: a TextPositionSelector (start, end)
and a TextQuoteSelector (the exact text, with some context before and after). When the text changes, the
note is re-anchored by the cheapest rule that still finds the same words: the old offsets if the quote is
still there, else the occurrence of the quote whose context and place fit best, else a fuzzy match of
the quote. When none is good enough the note is detached — kept, with its quote, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32
FUZZY_MIN_SCORE = 85.0


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the anchor landed in the new text, and by which rule."""

    start: int
    end: int
    how: str  # "exact" | "quote" | "fuzzy"


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return Anchor(
        start, end, text[start:end], text[max(0, start - context) : start], text[end : end + context]
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def reanchor(anchor: Anchor, text: str) -> Placement | None:
    """The anchor's place in `text`, or None when its quote is gone (the note is then detached)."""
    exact = anchor.exact
    if not exact:
        return None
    if text[anchor.start : anchor.end] == exact:
        return Placement(anchor.start, anchor.end, "exact")
    best: tuple[float, int] | None = None
    at = text.find(exact)
    while at != -1:
        context = _common_suffix(text[max(0, at - len(anchor.prefix)) : at], anchor.prefix) + _common_prefix(
            text[at + len(exact) : at + len(exact) + len(anchor.suffix)], anchor.suffix
        )
        # context decides; among equals, the occurrence nearest the old place
        score = context * 1000.0 - abs(at - anchor.start) / (len(text) + 1)
        if best is None or score > best[0]:
            best = (score, at)
        at = text.find(exact, at + 1)
    if best is not None:
        return Placement(best[1], best[1] + len(exact), "quote")
    return _fuzzy(anchor, text)


def _refine(exact: str, text: str, start: int, end: int) -> tuple[int, int]:
    """partial_ratio finds a window as long as the quote; let its ends move to where the words really end."""
    from rapidfuzz import fuzz

    slack = min(40, max(2, len(exact) // 4))
    end = max(
        range(max(start + 1, end - slack), min(len(text), end + slack) + 1),
        key=lambda e: (fuzz.ratio(exact, text[start:e]), -abs(e - end)),
    )
    start = max(
        range(max(0, start - slack), min(end - 1, start + slack) + 1),
        key=lambda b: (fuzz.ratio(exact, text[b:end]), -abs(b - start)),
    )
    return start, end


def _fuzzy(anchor: Anchor, text: str) -> Placement | None:
    """A quote that was edited a little (a typo fixed, a word changed) is still found."""
    if len(anchor.exact) < 4:
        return None
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(anchor.exact, text, score_cutoff=FUZZY_MIN_SCORE)
    if found is None:
        return None
    start, end = _refine(anchor.exact, text, found.dest_start, found.dest_end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 0.5 * len(anchor.exact):
        return None
    return Placement(start, end, "fuzzy")
