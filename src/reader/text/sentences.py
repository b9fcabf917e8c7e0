"""Paragraph and sentence splitting for Korean and English news.

Sentences are returned as character spans of the original text, so that every later layer (alignment,
entities, notes) can point back into the exact text the reader sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000]*\n\s*")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as a span [start, end) of the whole text, in paragraph `paragraph` (0-based)."""

    start: int
    end: int
    paragraph: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank paragraphs; a blank line separates paragraphs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(text)))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _kiwi():
    from kiwipiepy import Kiwi  # heavy: loads a model, so only when analysis is needed

    return Kiwi()


@lru_cache(maxsize=1)
def _english_segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _split_korean(paragraph: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in _kiwi().split_into_sents(paragraph)]


def _split_english(paragraph: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in _english_segmenter().segment(paragraph)]


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split `text` ("ko" or "en") into sentences within paragraphs; whitespace-only spans are dropped."""
    splitter = _split_korean if lang == "ko" else _split_english
    out: list[Sentence] = []
    for number, (pstart, pend) in enumerate(paragraph_spans(text)):
        paragraph = text[pstart:pend]
        for a, b in splitter(paragraph):
            a, b = _strip(paragraph, a, b)
            if a < b:
                out.append(Sentence(pstart + a, pstart + b, number))
    return out
