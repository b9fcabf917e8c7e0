"""Whether a Korean story and an English one are the same story: the evidence that pairs feed items.

An outlet's English edition follows its Korean story within a day or two, under another headline and
address, often shortened. What survives translation: the meaning of the opening (multilingual sentence
vectors), the figures and dates (`numbers`: 1만1000명 and 11,000 are one fact), and the time. Each is
weak alone — two stories on the same war share words and meaning — so the score adds them, and pairs
are made best first, each story in at most one pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .numbers import find_quantities
from .sentences import CACHED_UP_TO, split_sentences

__all__ = [
    "MAX_DAYS_APART",
    "OPENING_CHARS",
    "OPENING_SENTENCES",
    "THRESHOLD",
    "TWO_STORIES",
    "UNRELATED_BELOW",
    "Story",
    "match_stories",
    "opening",
    "story_score",
    "two_stories",
]

#: Sentences of an article's opening that stand for it (with its headline): a news story says what it
#: is about first, and an edition may shorten the rest. They are found in its first OPENING_CHARS.
OPENING_SENTENCES = 6
OPENING_CHARS = 2500
#: An edition published further apart than this from its original is not taken for it.
MAX_DAYS_APART = 3.0
#: The score a pair needs; chosen on the development pairs (`bench/pairing.py`), where the same story
#: scores 0.55–0.95 and the nearest other story of the same days 0.1–0.45.
THRESHOLD = 0.5
#: Two texts given as the two sides of one article that score less than this (`story_score`: their
#: openings' meaning, and the figures they share or do not) are most likely two stories (files mixed up).
#: On the development articles (eval-dev's 30) a text and its translation score 0.48 and more, and a text
#: beside another article's translation at most 0.36, all but one below 0.3; measured without the
#: figures, short local news of the same kind (a fire, a snowstorm) met at 0.34-0.46.
UNRELATED_BELOW = 0.3
# Kinds of figure that identify a story: a bare number is too common ("two", "2") to tell stories apart.
_TELLING = frozenset({"count", "money", "percent", "area", "length", "weight", "duration", "age", "date"})
_FIGURE_WEIGHT = 0.25


@dataclass(frozen=True, slots=True)
class Story:
    """What pairing knows of one article: its language, the vector of its headline and opening, the
    figures it states, and when it was published (None when the feed did not say)."""

    lang: str
    vector: np.ndarray
    figures: frozenset[tuple[str, str, float]]
    published: datetime | None

    @classmethod
    def of(cls, lang: str, text: str, vector: np.ndarray, published: datetime | None) -> Story:
        return cls(lang, vector, figures_of(text, lang), published)


def opening(text: str, lang: str) -> list[str]:
    """The first sentences of `text`. A text the sentence splitter keeps (`CACHED_UP_TO`) is split
    whole, as its analysis splits it (so the split is done once); a longer one only in its opening."""
    head = text if len(text) <= CACHED_UP_TO else text[:OPENING_CHARS]
    return [s.text(head) for s in split_sentences(head, lang)[:OPENING_SENTENCES]]


def figures_of(text: str, lang: str) -> frozenset[tuple[str, str, float]]:
    """The telling figures of a text as (kind, unit, value); a date part keeps its unit (day, month, year)."""
    found = set()
    for q in find_quantities(text, lang):
        if q.kind not in _TELLING:
            continue
        if q.kind == "date" and q.unit == "day" and q.month is None:
            continue  # "26일" alone is any month's 26th
        found.add((q.kind, q.unit or "", round(q.value, 6)))
    return frozenset(found)


def story_score(a: Story, b: Story) -> float:
    """How surely two stories in two languages are one story: about 0 for unrelated stories, above
    THRESHOLD for an original and its edition. Stories too far apart in time score -1."""
    if a.published is not None and b.published is not None:
        days = abs((a.published - b.published).total_seconds()) / 86400
        if days > MAX_DAYS_APART:
            return -1.0
    score = float(a.vector @ b.vector)
    if a.figures and b.figures:
        shared = len(a.figures & b.figures) / min(len(a.figures), len(b.figures))
        score += _FIGURE_WEIGHT * (2 * shared - 1) * min(1.0, min(len(a.figures), len(b.figures)) / 2)
    return score


def match_stories(
    kos: Sequence[Story], ens: Sequence[Story], *, threshold: float = THRESHOLD, refused=frozenset()
) -> list[tuple[int, int, float]]:
    """Pairs (Korean index, English index, score) of the stories that are one story, best first; each
    story in at most one pair. `refused` holds index pairs a person split apart."""
    scored = [
        (story_score(k, e), i, j)
        for i, k in enumerate(kos)
        for j, e in enumerate(ens)
        if (i, j) not in refused
    ]
    scored.sort(reverse=True)
    taken_ko: set[int] = set()
    taken_en: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in taken_ko or j in taken_en:
            continue
        taken_ko.add(i)
        taken_en.add(j)
        pairs.append((i, j, score))
    return pairs


#: What is said of an article whose two sides look like two stories (`two_stories`), wherever it is made.
TWO_STORIES = "its Korean and English do not look like one story (their openings mean little alike, their figures differ)"


def two_stories(title_ko: str, ko_text: str, title_en: str, en_text: str) -> bool:
    """Whether a Korean text and an English one given as one article look like two different stories:
    their headlines and openings mean little alike, and what figures they state do not agree. The
    headline goes with the text, as pairing reads a story: it says most plainly what the story is about."""
    from .meaning import passage_vector

    ko, en = (Story.of(lang, text, passage_vector(opening(text, lang)), None)
              for text, lang in ((f"{title_ko}\n{ko_text}", "ko"), (f"{title_en}\n{en_text}", "en")))  # fmt: skip
    return story_score(ko, en) < UNRELATED_BELOW
