"""Keeping stored analysis in step with the glossary: find the articles a change touches, redo their entity layer.

Used by the CLI after `reader glossary add|remove|import` and by the TUI in a background worker, so a
changed glossary never requires re-importing anything and reading is never blocked.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from .analysis import entity_layer
from .store.articles import get_texts, set_entity_layer
from .store.segments import load_rows
from .text.glossary import Entry, Glossary


def affected_articles(conn: sqlite3.Connection, entries: Iterable[Entry]) -> list[int]:
    """Articles whose text holds any form of the changed entries (cheap substring test in SQLite)."""
    ids: set[int] = set()
    for entry in entries:
        for form in entry.ko:
            ids.update(
                r[0] for r in conn.execute("SELECT id FROM articles WHERE instr(ko_text, ?) > 0", (form,))
            )
        for form in entry.en:
            ids.update(
                r[0]
                for r in conn.execute(
                    "SELECT id FROM articles WHERE instr(lower(en_text), lower(?)) > 0", (form,)
                )
            )
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
