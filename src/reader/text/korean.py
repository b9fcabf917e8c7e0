"""Kiwi, the Korean morphological analyser, taught the bundled gazetteer's names: one model per process.

Sentence splitting and name recognition both read Kiwi's tokens, so they share this one instance (each copy
holds ~400 MB and takes seconds to build). Nothing here is loaded until Korean text is analysed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

_USER_WORD_SCORE = 0.0
#: Kiwi's own analysing threads: -1, one per core (its batched calls work ahead of the caller); 0, none, for
#: a process that is forked after the model loads (a fork copies no thread) and has a core of its own.
_threads = -1


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """The bundled gazetteer (reader/data/names_ko.tsv): a Korean name → PERSON, ORG, PLACE or OTHER.

    It types the bare names news uses without saying what they are (스타뉴스, 미래창조과학부, 다저스), and
    it ships inside the package, so a missing file is a broken install and raises."""
    from importlib import resources

    names: dict[str, str] = {}
    ref = resources.files("reader").joinpath("data", "names_ko.tsv")
    with ref.open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, typ = line.rstrip("\n").split("\t")[:2]
            names.setdefault(name, typ)
    return names


@lru_cache(maxsize=1)
def korean_model() -> Any:
    """Kiwi taught the gazetteer's longer names.

    Names Kiwi would split into common nouns (올리브+영, 스타+뉴스, 미래+창조+과학부) become one proper
    noun; two-syllable names are left to Kiwi's own weights, so that a short name does not start to eat the
    front of longer ones (쿠팡 in 쿠팡이츠) — Kiwi knows most of them already.
    """
    import warnings

    from kiwipiepy import Kiwi  # heavy: loads a model, so only when Korean analysis is needed

    with warnings.catch_warnings():  # num_workers=0 warns that it once meant one thread per core
        warnings.simplefilter("ignore", DeprecationWarning)
        kiwi = Kiwi(num_workers=_threads)
    for name in known_names():
        if len(name.replace(" ", "")) >= 3:
            kiwi.add_user_word(name, "NNP", _USER_WORD_SCORE)
    return kiwi


def without_threads() -> None:
    """Have the model, when it loads, start no threads of its own: a process that loads it and then forks
    analysing processes (`reader.importers.worker_models`) must hold no thread when it forks."""
    global _threads
    if korean_model.cache_info().currsize:
        raise RuntimeError("the Korean model is loaded already, with its threads")
    _threads = 0


def korean_tokens(texts: Iterable[str]) -> Iterator[list[Any]]:
    """Kiwi's tokens for each of `texts`, in order.

    One batched call: Kiwi's worker threads analyse the next texts (a few dozen ahead) while the caller
    works on the current one, so on a machine with a free core the model's time hides behind the rest.
    Each result is what `tokenize(text)` alone gives. No text, no model loaded (an English-only article
    never needs it).
    """
    texts = iter(texts)
    first = next(texts, None)
    if first is None:
        return iter(())
    kiwi = korean_model()
    if _threads == 0:  # no threads to work ahead: one call a text, as they are asked for
        return (kiwi.tokenize(text) for text in itertools.chain([first], texts))
    return iter(kiwi.tokenize(itertools.chain([first], texts)))
