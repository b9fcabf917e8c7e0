"""Keeping stored analysis in step with the glossary: find the articles a change touches, redo their entity layer.

`refresh_entities` is used by the CLI after `reader glossary add|remove|import` and by the TUI in a
background worker, so a changed glossary never requires re-importing anything and reading is never
blocked. `reanalyse` redoes an article's whole analysis (`reader reanalyse`), keeping the rows fixed by
hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from .analysis import analyse, entity_layer
from .store.articles import NewArticle, get_article, get_texts, replace_article, set_entity_layer
from .store.glossary import load_glossary
from .store.search import articles_containing
from .store.segments import load_rows
from .text.glossary import Entry, Glossary


def affected_articles(conn: sqlite3.Connection, entries: Iterable[Entry]) -> list[int]:
    """Articles whose text holds any form of the changed entries (cheap substring test in SQLite)."""
    ids: set[int] = set()
    for entry in entries:
        for side, forms in (("ko", entry.ko), ("en", entry.en)):
            for form in forms:
                ids.update(articles_containing(conn, form, side))
    return sorted(ids)


def refresh_entities(
    conn: sqlite3.Connection,
    article_ids: Iterable[int],
    glossary: Glossary,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Recompute mentions, links and the translation check of each article; one transaction per article."""
    ids = list(article_ids)
    for done, article_id in enumerate(ids, start=1):
        texts = get_texts(conn, article_id)
        if texts is not None:
            layer = entity_layer(
                texts.ko, texts.en, load_rows(conn, article_id), glossary, published=texts.published
            )
            set_entity_layer(
                conn, article_id, [(s.position, s.issues) for s in layer.segments], layer.mentions
            )
        if progress is not None:
            progress(done, len(ids))
    return len(ids)


def reanalyse(conn: sqlite3.Connection, article_id: int, glossary=None) -> dict[str, int]:
    """Analyse an article again (new aligner, new glossary), keeping locked rows and re-anchoring notes."""
    article = get_article(conn, article_id)
    if article is None:
        raise LookupError(f"no article with id {article_id}")
    locked = [r for r in load_rows(conn, article_id) if r.locked]
    result = analyse(
        article.ko_text,
        article.en_text,
        glossary or load_glossary(conn),
        locked=locked,
        published=article.published,
    )
    same = NewArticle(
        ko=article.ko_text, en=article.en_text, title_ko=article.title_ko, title_en=article.title_en
    )
    return replace_article(conn, article_id, same, result.sentences, result.segments, result.mentions)
