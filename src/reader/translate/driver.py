"""Sentence batches through an engine, with retries and back-off, saving each finished batch.

Engines only translate a list of sentences; everything about waiting, retrying and resuming is here, the
same for all of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from ..text.language import LANGUAGE_NAMES, detect_language
from .errors import Retryable, TranslationError


class Engine(Protocol):
    name: str

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]: ...

    def close(self) -> None: ...


def with_retries(
    call: Callable[[], list[str]],
    *,
    attempts: int,
    backoff: float,
    max_wait: float,
    sleep: Callable[[float], None] = time.sleep,
) -> list[str]:
    """Run `call`, waiting and retrying on Retryable: Retry-After when the server sends one, else
    exponential back-off (backoff, 2×backoff, 4×backoff, …)."""
    for attempt in range(attempts):
        try:
            return call()
        except Retryable as exc:
            if attempt == attempts - 1:
                raise TranslationError(f"{exc}; gave up after {attempts} attempts") from None
            wait = exc.retry_after if exc.retry_after is not None else backoff * (2**attempt)
            if wait > max_wait:
                raise TranslationError(
                    f"{exc} and asks to wait {wait:.0f} seconds; try again later"
                ) from None
            sleep(wait)
    raise AssertionError("unreachable")


def translate_all(
    engine: Engine,
    sentences: Sequence[str],
    source: str,
    target: str,
    *,
    done: dict[int, str],
    save: Callable[[dict[int, str]], None],
    batch_size: int,
    attempts: int,
    backoff: float,
    max_wait: float,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Translate every sentence not yet in `done`, in batches; `save` is called after each batch.

    Because each finished batch is saved before the next request, an interruption (a dropped connection
    after all retries, Ctrl-C) loses at most the batch in flight.
    """
    total = len(sentences)
    pending = [i for i in range(total) if i not in done]
    if on_progress:
        on_progress(total - len(pending), total)
    for start in range(0, len(pending), batch_size):
        indices = pending[start : start + batch_size]
        texts = [sentences[i] for i in indices]
        found = with_retries(
            partial(engine.translate, texts, source, target),
            attempts=attempts,
            backoff=backoff,
            max_wait=max_wait,
        )
        check_answers(texts, found, source, target, engine.name)
        batch = {i: _one_line(t) for i, t in zip(indices, found, strict=True)}
        save(batch)
        done.update(batch)
        if on_progress:
            on_progress(total - len(pending) + start + len(indices), total)
    return [done[i] for i in range(total)]


def check_answers(sources: list[str], found: list[str], source: str, target: str, engine: str) -> None:
    """Refuse answers that cannot be translations: missing ones, or most of them still in the source language."""
    if len(found) != len(sources):
        raise TranslationError(f"{engine}: {len(found)} translations came back for {len(sources)} sentences")
    empty = [s for s, t in zip(sources, found, strict=True) if s.strip() and not t.strip()]
    if empty:
        raise TranslationError(f"{engine}: the answer left {len(empty)} sentence(s) untranslated")
    untranslated = sum(
        1
        for s, t in zip(sources, found, strict=True)
        if detect_language(s) == source and detect_language(t) == source
    )
    if untranslated * 2 > len(sources):
        raise TranslationError(
            f"{engine}: the answer is in {LANGUAGE_NAMES[source]}, not {LANGUAGE_NAMES[target]}"
        )


def _one_line(text: str) -> str:
    """A translated sentence stays within its paragraph: line breaks inside it become spaces."""
    return " ".join(text.split())
