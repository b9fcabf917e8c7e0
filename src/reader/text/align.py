"""Sentence alignment between a Korean text and its English translation.

`align` is the one entry point the importer calls; it returns monotone links that cover every sentence
of both sides exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """Korean sentence indices `ko` paired with English sentence indices `en` (either may be empty)."""

    ko: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float

    @property
    def kind(self) -> str:
        return f"{len(self.ko)}-{len(self.en)}"


def align(ko: Sequence[str], en: Sequence[str]) -> list[Link]:
    """Pair sentences in order, one to one; the leftover tail of the longer side stands alone."""
    links = [Link((i,), (i,), 0.5) for i in range(min(len(ko), len(en)))]
    links += [Link((i,), (), 0.5) for i in range(len(en), len(ko))]
    links += [Link((), (j,), 0.5) for j in range(len(ko), len(en))]
    return links
