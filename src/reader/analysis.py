"""From two raw texts to stored rows: split both sides into sentences, align them, describe the segments.

This is the one place import and re-analysis go through, so a better aligner or splitter changes every
path at once. Pure computation: no database, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from .store.articles import SegmentRow, SentenceRow
from .text.align import Link, align
from .text.sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: list[SentenceRow]
    segments: list[SegmentRow]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Both texts' sentences and the links between them (indices into `ko` and `en`)."""

    ko: list[Sentence]
    en: list[Sentence]
    links: list[Link]


def align_texts(ko_text: str, en_text: str) -> Alignment:
    """Split both texts and align their sentences: the path every import and `reader align` share."""
    ko = split_sentences(ko_text, "ko") if ko_text.strip() else []
    en = split_sentences(en_text, "en") if en_text.strip() else []
    links = align([s.text(ko_text) for s in ko], [s.text(en_text) for s in en])
    return Alignment(ko, en, links)


def analyse(ko_text: str, en_text: str) -> Analysis:
    aligned = align_texts(ko_text, en_text)
    ko, en, links = aligned.ko, aligned.en, aligned.links
    sentences = [SentenceRow("ko", i, s.start, s.end, s.paragraph) for i, s in enumerate(ko)] + [
        SentenceRow("en", j, s.start, s.end, s.paragraph) for j, s in enumerate(en)
    ]
    segments: list[SegmentRow] = []
    ko_next = en_next = 0  # where an empty side of a link sits, so spans stay in reading order
    for position, link in enumerate(links):
        ko_from, ko_to = _range(link.ko, ko_next)
        en_from, en_to = _range(link.en, en_next)
        ko_start, ko_end = _span(ko, ko_from, ko_to, ko_text)
        en_start, en_end = _span(en, en_from, en_to, en_text)
        first = ko[ko_from] if ko_to > ko_from else (en[en_from] if en_to > en_from else None)
        segments.append(
            SegmentRow(
                position=position,
                paragraph=first.paragraph if first else 0,
                ko_from=ko_from,
                ko_to=ko_to,
                en_from=en_from,
                en_to=en_to,
                ko_start=ko_start,
                ko_end=ko_end,
                en_start=en_start,
                en_end=en_end,
                link=link.kind,
                confidence=float(link.confidence),
            )
        )
        ko_next, en_next = ko_to, en_to
    return Analysis(sentences, segments)


def _range(indices: tuple[int, ...], at: int) -> tuple[int, int]:
    return (min(indices), max(indices) + 1) if indices else (at, at)


def _span(sentences: list[Sentence], start: int, stop: int, text: str) -> tuple[int, int]:
    """Character span covering sentences [start, stop); an empty range sits where the next one would."""
    if stop > start:
        return sentences[start].start, sentences[stop - 1].end
    if start < len(sentences):
        return sentences[start].start, sentences[start].start
    return len(text), len(text)
