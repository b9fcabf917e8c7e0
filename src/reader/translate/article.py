"""Translating a stored article that has one language only (or re-translating a machine translation).

The source text is split with the same sentence splitter the aligner uses, each sentence is translated
on its own, and the translation is laid out paragraph by paragraph, so the stored segments pair each
source sentence with its translation one to one (confidence 1.0). The article is updated in a single
transaction at the end: until then the library shows exactly what it showed before.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..store.article_record import article_record
from ..store.articles import NewArticle, SegmentRow, SentenceRow
from ..store.translation_runs import parts_kept, save_parts, start_or_resume
from ..text.language import other_side
from .config import EngineConfig
from .errors import TranslationError


@dataclass(frozen=True, slots=True)
class Outcome:
    article_id: int
    engine: str
    source: str
    target: str
    sentences: int
    resumed: int  # sentences taken from an interrupted run instead of asked again


def make_engine(config: EngineConfig):
    if config.engine == "openai":
        from .openai import OpenAIEngine

        return OpenAIEngine(config)
    if config.engine == "deepl":
        from .deepl import DeepLEngine

        return DeepLEngine(config)
    if config.engine == "argos":
        from .argos import ArgosEngine

        return ArgosEngine(config)
    raise TranslationError(f"unknown engine {config.engine!r}")


def fingerprint(*parts: str) -> str:
    """What a resumed run must share with the one it resumes: source text, engine, address and model."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def choose_source(row: sqlite3.Row, force: bool) -> str:
    """Which side to translate from; a person's translation is only replaced with `force`."""
    ko, en = row["ko_text"].strip(), row["en_text"].strip()
    if not ko and not en:
        raise TranslationError(f"article {row['id']} has no text to translate")
    if not en:
        return "ko"
    if not ko:
        return "en"
    if (row["translation_by"] or "human") == "human" and not force:
        raise TranslationError(
            f"article {row['id']} has both Korean and English already (translated by a person): nothing "
            "to translate; --force replaces the translation with a machine translation"
        )
    return row["original_lang"] if row["original_lang"] in ("ko", "en") else "ko"


def translate_article(
    conn: sqlite3.Connection,
    article_id: int,
    config: EngineConfig,
    *,
    force: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    engine=None,
) -> Outcome:
    """Translate article `article_id` and store the result; any failure leaves the article untouched."""
    from ..text.sentences import split_sentences
    from .driver import translate_all

    row = article_record(conn, article_id)
    if row is None:
        raise TranslationError(f"no article with id {article_id} (see: reader list)")
    source = choose_source(row, force)
    target = other_side(source)
    text, title = row[f"{source}_text"], row[f"title_{source}"] or ""
    sentences = split_sentences(text, source)
    strings = [s.text(text) for s in sentences]
    title_index = _title_index(title, strings)
    asked = strings + ([title] if title_index == len(strings) else [])
    engine = engine or make_engine(config)  # a missing key or package is reported before anything is written
    try:
        done = start_or_resume(
            conn,
            article_id,
            engine.name,
            config.model,
            source,
            fingerprint(text, title, source, engine.name, config.base_url, config.model),
        )
        resumed = len(done)
        found = translate_all(
            engine,
            asked,
            source,
            target,
            done=done,
            save=lambda parts: save_parts(conn, article_id, parts),
            batch_size=config.batch_size,
            attempts=config.max_attempts,
            backoff=config.backoff,
            max_wait=config.max_wait,
            on_progress=on_progress,
        )
    except TranslationError as exc:
        kept = parts_kept(conn, article_id)
        if kept:
            raise TranslationError(
                f"{exc} ({kept} of {len(asked)} sentences are kept: run the same command again to continue)"
            ) from None
        raise
    finally:
        engine.close()
    translated_title = found[title_index] if title_index is not None else ""
    store_translation(
        conn, row, source, text, sentences, found[: len(strings)], translated_title, engine.name
    )
    return Outcome(article_id, engine.name, source, target, len(strings), resumed)


def _title_index(title: str, sentences: list[str]) -> int | None:
    """Where the title's translation will be: the first sentence when the text starts with the title (as
    files whose first line is the title do), else an extra item after the sentences; None without a title."""
    if not title.strip():
        return None
    if sentences and " ".join(sentences[0].split()) == " ".join(title.split()):
        return 0
    return len(sentences)


def assemble(sentences, translations: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The translated text, paragraph for paragraph, and each translation's span in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    previous = None
    for sentence, translated in zip(sentences, translations, strict=True):
        if previous is not None:
            gap = "\n\n" if sentence.paragraph != previous else " "
            pieces.append(gap)
            pos += len(gap)
        pieces.append(translated)
        spans.append((pos, pos + len(translated)))
        pos += len(translated)
        previous = sentence.paragraph
    return "".join(pieces), spans


def store_translation(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    source: str,
    text: str,
    sentences,
    translations: list[str],
    title: str,
    engine: str,
) -> None:
    """Replace the target side, its sentences, segments and entity layer, and record the engine: one transaction."""
    from ..analysis import entity_layer
    from ..store.articles import find_by_hash, rewrite_article
    from ..store.connection import transaction
    from ..store.glossary import load_glossary
    from ..store.translation_runs import finish

    target = other_side(source)
    article_id = row["id"]
    translated, spans = assemble(sentences, translations)
    texts = {source: text, target: translated}
    rows = [SentenceRow(source, i, s.start, s.end, s.paragraph) for i, s in enumerate(sentences)]
    rows += [
        SentenceRow(target, i, a, b, s.paragraph)
        for i, ((a, b), s) in enumerate(zip(spans, sentences, strict=True))
    ]
    segments = []
    for i, (s, (a, b)) in enumerate(zip(sentences, spans, strict=True)):
        src, dst = (s.start, s.end), (a, b)
        (ko_start, ko_end), (en_start, en_end) = (src, dst) if source == "ko" else (dst, src)
        segments.append(
            SegmentRow(
                position=i,
                paragraph=s.paragraph,
                ko_from=i,
                ko_to=i + 1,
                en_from=i,
                en_to=i + 1,
                ko_start=ko_start,
                ko_end=ko_end,
                en_start=en_start,
                en_end=en_end,
                link="1-1",
                confidence=1.0,
            )
        )
    layer = entity_layer(texts["ko"], texts["en"], segments, load_glossary(conn), published=row["published"])
    titles = {f"title_{source}": row[f"title_{source}"], f"title_{target}": title}
    new = NewArticle(ko=texts["ko"], en=texts["en"], title_ko=titles["title_ko"], title_en=titles["title_en"])

    with transaction(conn):
        now = article_record(conn, article_id)
        if now is None:
            raise TranslationError(f"article {article_id} was removed while it was being translated")
        if now[f"{source}_text"] != text:
            raise TranslationError(f"article {article_id} changed while it was being translated; run again")
        other = find_by_hash(conn, new.content_hash)
        if other is not None and other != article_id:
            raise TranslationError(f"the translated article would be the same as article {other}")
        rewrite_article(
            conn,
            article_id,
            new,
            rows,
            layer.segments,
            layer.mentions,
            translation_by=engine,
            original_lang=source,
        )
        finish(conn, article_id)
