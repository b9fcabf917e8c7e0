"""Sentence boundaries the punctuation leaves in doubt, settled by the translation.

The splitter keeps "U.S. Japan does" together (an abbreviation before a capital ends a sentence only
sometimes), and a colon before a quotation, a headline without a full stop before the lede, or a Korean
sentence whose full stop was lost or typed as a comma ("말했다 그는", "착수했다, 오랜") joins what a
translation may render as two sentences. Where one such sentence holds two halves that each mean what
one of two neighbouring sentences of the other side means, far more than the whole does, it is two
sentences, and the aligner is given them as two; otherwise it stays whole. Only the boundaries the
punctuation marks weakly are tried, never any space. The split depends on the two texts alone (not on
the alignment), so analysing an article again gives the same sentences and rows fixed by hand keep
pointing at them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from reader.text.sentences import Sentence

__all__ = ["split_where_translation_does"]

# Where a sentence may end though the splitter did not end it there: after a full stop (an abbreviation),
# a colon or a semicolon before a capital or an opening quotation (English); before an opening quotation
# mark after a word (Korean: a headline without a full stop runs into the quoted lede), and after a
# past-tense final ending, with or without a comma, before the next word (Korean: a lost full stop).
_WEAK_EN = re.compile(r"(?<=[.:;])\s+(?=[\"“‘'(]?[A-Z])")
_WEAK_KO = re.compile(
    r"(?<=[가-힣])\s+(?=[\"“‘˝「『])|(?<=[.?!])\s+(?=[가-힣\"“‘˝「『])"
    # a past-tense final ending whose full stop was lost, or typed as a comma ("말했다 그는", "착수했다, 오랜")
    r"|(?<=[았었였했됐켰갔왔렸졌웠]다),?\s+(?=[가-힣])"
)
# Each half must mean what its counterpart means (cosine at least _SPLIT_EVEN: a translation scores
# 0.5–0.8, two sentences of one story 0.1–0.35), and more, by _MARGIN, than it means the other half's
# counterpart; the counterparts are two neighbours among the _NEAR sentences the whole means most.
_SPLIT_EVEN = 0.45
_MARGIN = 0.15
_NEAR = 3
# The shortest half (non-space characters) worth a sentence of its own.
_MIN_HALF = {"ko": 8, "en": 20}
# Candidates tried per article, at most: each costs two encodings.
_MAX_TRIED = 200

Encode = Callable[[Sequence[str]], np.ndarray]


def _candidates(text: str, sentence: Sentence, lang: str) -> list[tuple[int, int]]:
    """(end of the first half, start of the second) for each weak boundary inside `sentence`."""
    body = text[sentence.start : sentence.end]
    pattern = _WEAK_EN if lang == "en" else _WEAK_KO
    out = []
    for match in pattern.finditer(body):
        first, second = body[: match.start()], body[match.end() :]
        if min(len("".join(first.split())), len("".join(second.split()))) >= _MIN_HALF[lang]:
            out.append((sentence.start + match.start(), sentence.start + match.end()))
    return out


def _side(
    text: str,
    sentences: list[Sentence],
    vectors: np.ndarray,
    other: np.ndarray,
    lang: str,
    encode: Encode,
    budget: list[int],
) -> tuple[list[Sentence], np.ndarray]:
    tried: list[tuple[int, tuple[int, int]]] = []
    for index, sentence in enumerate(sentences):
        for cut in _candidates(text, sentence, lang):
            if budget[0] <= 0:
                break
            budget[0] -= 1
            tried.append((index, cut))
    if not tried or len(other) < 2:
        return sentences, vectors
    halves = []
    for index, (end, start) in tried:
        halves += [text[sentences[index].start : end], text[start : sentences[index].end]]
    encoded = encode(halves)
    chosen: dict[int, tuple[float, tuple[int, int], np.ndarray, np.ndarray]] = {}
    for x, (index, cut) in enumerate(tried):
        first, second = encoded[2 * x], encoded[2 * x + 1]
        # The two neighbouring sentences of the other side that the halves, in order, mean most; one of
        # them among those the whole sentence means most, so a far echo of the story does not count.
        with_first, with_second = other @ first, other @ second
        pair = np.minimum(with_first[:-1], with_second[1:])
        near = np.argsort(-(other @ vectors[index]))[:_NEAR]
        pair[~(np.isin(np.arange(len(pair)), near) | np.isin(np.arange(len(pair)) + 1, near))] = -1.0
        t = int(np.argmax(pair))
        a, b = float(with_first[t]), float(with_second[t + 1])
        if min(a, b) < _SPLIT_EVEN or a - with_first[t + 1] < _MARGIN or b - with_second[t] < _MARGIN:
            continue
        if index not in chosen or min(a, b) > chosen[index][0]:
            chosen[index] = (min(a, b), cut, first, second)
    if not chosen:
        return sentences, vectors
    out: list[Sentence] = []
    rows: list[np.ndarray] = []
    for index, sentence in enumerate(sentences):
        if index in chosen:
            _, (end, start), first, second = chosen[index]
            out += [
                Sentence(sentence.start, end, sentence.paragraph),
                Sentence(start, sentence.end, sentence.paragraph),
            ]
            rows += [first, second]
        else:
            out.append(sentence)
            rows.append(vectors[index])
    return out, np.stack(rows).astype(vectors.dtype)


def split_where_translation_does(
    ko_text: str,
    en_text: str,
    ko: list[Sentence],
    en: list[Sentence],
    vectors: tuple[np.ndarray, np.ndarray],
    encode: Encode,
) -> tuple[list[Sentence], list[Sentence], tuple[np.ndarray, np.ndarray]]:
    """Both sides' sentences with each sentence split at a weak boundary where its halves are the
    translations of two neighbouring sentences of the other side, and the vectors to match (`encode`
    gives unit vectors of texts). The Korean side is settled against the English as split, then the
    English against the Korean as it was, so neither decision waits on the other."""
    budget = [_MAX_TRIED]
    new_ko, ko_vectors = _side(ko_text, ko, vectors[0], vectors[1], "ko", encode, budget)
    new_en, en_vectors = _side(en_text, en, vectors[1], vectors[0], "en", encode, budget)
    return new_ko, new_en, (ko_vectors, en_vectors)
