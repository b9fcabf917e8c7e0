"""From two raw texts to stored rows: split both sides into sentences, align them, describe the segments.

This is the one place import and re-analysis go through, so a better aligner or splitter changes every
path at once. Pure computation: no database, no Textual.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from .store.articles import MentionRow, SegmentRow, SentenceRow, sentences_span
from .text.align import Link, align, with_split_doubt
from .text.align_resplit import split_where_translation_does
from .text.glossary import Glossary
from .text.meaning import sentence_vectors
from .text.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from .text.entities import Mention

#: Hears what a long analysis is doing, as a line for a status bar ("Analysing: names in row 1,200 of 40,000…").
Step = Callable[[str], None]
#: How often (seconds) a long entity layer says how far it is.
PROGRESS_EVERY = 1.0


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: list[SentenceRow]
    segments: list[SegmentRow]
    mentions: list[MentionRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Both texts' sentences and the links between them (indices into `ko` and `en`)."""

    ko: list[Sentence]
    en: list[Sentence]
    links: list[Link]
    locked: frozenset[int] = frozenset()  # indices of links kept from rows fixed by hand


def _encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of `texts` from the sentence encoder the aligner uses."""
    found = sentence_vectors(texts, texts[:1])
    assert found is not None  # never more than the sentences of an article already encoded
    return found[0]


def _range_of(sentences: Sequence[Sentence], start: int, end: int) -> tuple[int, int] | None:
    """The sentence range [from, to) whose characters are exactly [start, end) (an empty range where the
    next sentence starts, as `sentences_span` gives it), or None when no range is."""
    starts = [s.start for s in sentences]
    first = bisect.bisect_left(starts, start)
    if start == end:
        return (first, first) if first == len(sentences) or starts[first] >= start else None
    if first == len(sentences) or starts[first] != start:
        return None
    for last in range(first, len(sentences)):
        if sentences[last].end == end:
            return first, last + 1
        if sentences[last].end > end:
            return None
    return None


def align_texts(
    ko_text: str, en_text: str, glossary: Glossary | None = None, locked: Sequence[SegmentRow] = ()
) -> Alignment:
    """Split both texts and align their sentences: the path every import and `reader align` share.

    `locked` rows (fixed by hand) are kept as they are; only the stretches between them are aligned.
    Glossary terms found on both sides pull sentences together (쿠르스크 ↔ Kursk), and so do sentences
    that mean the same (`reader.text.meaning`).
    """
    ko = split_sentences(ko_text, "ko") if ko_text.strip() else []
    en = split_sentences(en_text, "en") if en_text.strip() else []
    ko_strings = [s.text(ko_text) for s in ko]
    en_strings = [s.text(en_text) for s in en]
    vectors = sentence_vectors(ko_strings, en_strings)
    if vectors is not None:
        ko, en, vectors = split_where_translation_does(ko_text, en_text, ko, en, vectors, _encode)
        ko_strings = [s.text(ko_text) for s in ko]
        en_strings = [s.text(en_text) for s in en]

    def stretch(k0: int, k1: int, e0: int, e1: int) -> list[Link]:
        if k0 == k1 and e0 == e1:
            return []
        found = align(
            ko_strings[k0:k1],
            en_strings[e0:e1],
            ko_paragraphs=[s.paragraph for s in ko[k0:k1]],
            en_paragraphs=[s.paragraph for s in en[e0:e1]],
            glossary=glossary,
            meaning=(vectors[0][k0:k1], vectors[1][e0:e1]) if vectors is not None else None,
        )
        found = with_split_doubt(found)  # our own sentence split may have joined two sentences
        return [Link(tuple(i + k0 for i in x.ko), tuple(j + e0 for j in x.en), x.confidence) for x in found]

    links: list[Link] = []
    kept: set[int] = set()
    k = e = 0
    for row in sorted(locked, key=lambda r: r.position):
        # A row fixed by hand holds its sentences by their characters: the sentences are found again by
        # span, so a change in how the text is split elsewhere does not move the row.
        ko_range = _range_of(ko, row.ko_start, row.ko_end)
        en_range = _range_of(en, row.en_start, row.en_end)
        if ko_range is None or en_range is None or ko_range[0] < k or en_range[0] < e:
            continue  # no longer fits the text (it changed): the aligner decides again
        links += stretch(k, ko_range[0], e, en_range[0])
        links.append(Link(tuple(range(*ko_range)), tuple(range(*en_range)), 1.0))
        kept.add(len(links) - 1)
        k, e = ko_range[1], en_range[1]
    links += stretch(k, len(ko), e, len(en))
    return Alignment(ko, en, links, frozenset(kept))


def analyse(
    ko_text: str,
    en_text: str,
    glossary: Glossary | None = None,
    *,
    entities: bool = True,
    locked: Sequence[SegmentRow] = (),
    on_step: Step | None = None,
    published: str | date | None = None,
) -> Analysis:
    """Sentences, alignment and (unless `entities` is False) the entity layer of one article.

    `on_step` hears what is being done, and on a long article how far the entity layer has got.
    `published` (the article's date) lets the translation check set a day of the month beside a weekday.
    """
    if on_step is not None:
        on_step("Analysing: sentences and alignment (the language model loads the first time)…")
    aligned = align_texts(ko_text, en_text, glossary, locked)
    ko, en, links = aligned.ko, aligned.en, aligned.links
    sentences = [SentenceRow("ko", i, s.start, s.end, s.paragraph) for i, s in enumerate(ko)] + [
        SentenceRow("en", j, s.start, s.end, s.paragraph) for j, s in enumerate(en)
    ]
    segments: list[SegmentRow] = []
    ko_bounds, en_bounds = [(s.start, s.end) for s in ko], [(s.start, s.end) for s in en]
    ko_next = en_next = 0  # where an empty side of a link sits, so spans stay in reading order
    for position, link in enumerate(links):
        ko_from, ko_to = _range(link.ko, ko_next)
        en_from, en_to = _range(link.en, en_next)
        ko_start, ko_end = sentences_span(ko_bounds, ko_from, ko_to, len(ko_text))
        en_start, en_end = sentences_span(en_bounds, en_from, en_to, len(en_text))
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
                locked=position in aligned.locked,
            )
        )
        ko_next, en_next = ko_to, en_to
    if not entities:
        return Analysis(sentences, segments)
    layer = entity_layer(ko_text, en_text, segments, glossary, on_step=on_step, published=published)
    return Analysis(sentences, layer.segments, layer.mentions)


def entity_layer(
    ko_text: str,
    en_text: str,
    segments: Iterable[SegmentRow],
    glossary: Glossary | None,
    *,
    on_step: Step | None = None,
    published: str | date | None = None,
) -> Analysis:
    """Mentions in both columns of every segment, their cross-language links, and the translation check.

    Runs per segment pair, because a name is linked to its translation within the aligned pair; offsets are
    turned into offsets of the whole article text for storage. The Korean model reads all the Korean
    columns in one batched call, ahead of the rest of the work, rather than one call per row.
    `published`, the article's publication date, goes to the translation check (28일 beside "on Friday").
    """
    from dataclasses import replace

    from .text.entities import find_mentions
    from .text.korean import korean_tokens
    from .text.linking import link_mentions

    glossary = glossary if glossary is not None else Glossary.load_bundled()
    segments = list(segments)
    checked: list[SegmentRow] = []
    mentions: list[MentionRow] = []
    korean = [ko_text[s.ko_start : s.ko_end] for s in segments]
    english = [en_text[s.en_start : s.en_end] for s in segments]
    tokens = korean_tokens(ko for ko in korean if ko.strip())
    bilingual = bool(ko_text.strip() and en_text.strip())
    said = time.monotonic()
    for done, (segment, ko) in enumerate(zip(segments, korean, strict=True)):
        if on_step is not None and time.monotonic() - said >= PROGRESS_EVERY:
            on_step(f"Analysing: names in row {done + 1:,} of {len(segments):,}…")
            said = time.monotonic()
        en = en_text[segment.en_start : segment.en_end]
        ko_found = find_mentions(ko, "ko", glossary, tokens=next(tokens)) if ko.strip() else []
        en_found = find_mentions(en, "en", glossary) if en.strip() else []
        links = link_mentions(ko, en, ko_found, en_found, glossary) if ko_found and en_found else []
        partner: dict[tuple[str, int, int], tuple[int, int, str, bool]] = {}
        for link in links:
            partner[("ko", link.ko.start, link.ko.end)] = (link.en.start, link.en.end, link.how, link.guess)
            partner[("en", link.en.start, link.en.end)] = (link.ko.start, link.ko.end, link.how, link.guess)
        # A link may name a word inside a longer Korean mention (페루 리마 → 리마); that word is the mention.
        # Two linked mentions name one thing: the pair's evidence (the glossary entry, the other side) types
        # both, so 한국 in 한국 외교부 and "South Korea" do not look like two kinds of thing.
        ko_spans = {(m.start, m.end): m.type for m in ko_found}
        en_spans = {(m.start, m.end): m.type for m in en_found}
        for link in links:
            if (link.ko.start, link.ko.end) not in ko_spans:
                ko_spans = {
                    span: t
                    for span, t in ko_spans.items()
                    if span[1] <= link.ko.start or span[0] >= link.ko.end
                }
            ko_spans[(link.ko.start, link.ko.end)] = link.type
            en_spans[(link.en.start, link.en.end)] = link.type
        for side, spans, base, other in (
            ("ko", sorted(ko_spans.items()), segment.ko_start, segment.en_start),
            ("en", sorted(en_spans.items()), segment.en_start, segment.ko_start),
        ):
            for (start, end), kind in spans:
                linked = partner.get((side, start, end))
                mentions.append(
                    MentionRow(
                        position=segment.position,
                        side=side,
                        start=base + start,
                        end=base + end,
                        type=kind,
                        partner_start=other + linked[0] if linked else None,
                        partner_end=other + linked[1] if linked else None,
                        how=linked[2] if linked else None,
                        guess=bool(linked and linked[3]),
                    )
                )
        issues = row_findings(
            korean, english, done, glossary, ko_found, en_found, published, bilingual=bilingual
        )
        checked.append(replace(segment, issues=tuple(issues)))
    return Analysis([], checked, mentions)


def row_findings(
    korean: Sequence[str],
    english: Sequence[str],
    at: int,
    glossary: Glossary,
    ko_found: list[Mention],
    en_found: list[Mention],
    published: str | date | None,
    *,
    bilingual: bool,
) -> list[str]:
    """The translation check of row `at` (of the rows' Korean and English texts), with the names found in
    it: what the two sides disagree on, or a sentence left out of the translation. The rows either side are
    where a figure missing here may have moved."""
    from .text.check import check_pair, left_out

    ko, en = korean[at], english[at]
    if not (ko.strip() and en.strip()):
        # an article in one language: nothing was left out of a translation it does not have
        return left_out(ko, en) if bilingual else []
    return check_pair(
        ko,
        en,
        glossary=glossary,
        ko_mentions=ko_found,
        en_mentions=en_found,
        published=published,
        before=(korean[at - 1], english[at - 1]) if at > 0 else None,
        after=(korean[at + 1], english[at + 1]) if at + 1 < len(korean) else None,
    )


def _range(indices: tuple[int, ...], at: int) -> tuple[int, int]:
    return (min(indices), max(indices) + 1) if indices else (at, at)
