"""Keeping stored analysis in step with the glossary: find the articles a change touches, redo their entity layer.

`refresh_entities` is used by the CLI after `reader glossary add|remove|import` and by the TUI in a
background worker, so a changed glossary never requires re-importing anything and reading is never
blocked. `reanalyse` redoes an article's whole analysis (`reader reanalyse`), keeping the rows fixed by
hand, and `rechecker` works out the translation check again for rows a person has just joined or split.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace

from .analysis import analyse, entity_layer, row_findings
from .store.articles import (
    NewArticle,
    SegmentRow,
    get_article,
    get_texts,
    load_mentions,
    replace_article,
    set_entity_layer,
)
from .store.glossary import load_glossary
from .store.mention_pack import Columns
from .store.search import articles_containing
from .store.segments import load_rows
from .text.entities import Mention
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


def rechecker(
    conn: sqlite3.Connection, article_id: int
) -> Callable[[list[SegmentRow], Collection[int]], list[SegmentRow]]:
    """The translation check for an article's rows after a hand fix (`store.segments.join_rows` and
    `split_row` call it before they write): the rows at the changed positions and either side of them get
    their findings worked out again, as analysis would, so joining or splitting rows never silences a
    figure that disagrees, and a sentence a split leaves alone is flagged as left out. The names already
    found are used (a hand fix moves rows, not names), so no language model is loaded. Nothing is read
    until a fix is written (a join on the last row writes nothing)."""

    def recheck(rows: list[SegmentRow], changed: Collection[int]) -> list[SegmentRow]:
        texts = get_texts(conn, article_id)
        if texts is None:
            return rows
        glossary = load_glossary(conn)
        columns = load_mentions(conn, article_id)
        ko_text, en_text, published = texts
        korean = [ko_text[r.ko_start : r.ko_end] for r in rows]
        english = [en_text[r.en_start : r.en_end] for r in rows]
        bilingual = bool(ko_text.strip() and en_text.strip())
        around = sorted({p + d for p in changed for d in (-1, 0, 1)} & set(range(len(rows))))
        out = list(rows)
        for at in around:
            r = rows[at]
            ko_found = _mentions_within(columns, "ko", ko_text, r.ko_start, r.ko_end)
            en_found = _mentions_within(columns, "en", en_text, r.en_start, r.en_end)
            found = row_findings(
                korean, english, at, glossary, ko_found, en_found, published, bilingual=bilingual
            )
            out[at] = replace(r, issues=tuple(found))
        return out

    return recheck


def _mentions_within(columns: Columns, side: str, text: str, first: int, last: int) -> list[Mention]:
    """The stored mentions of one side inside [first, last) of its text, as the check takes them (offsets
    from `first`). Each side's mentions are in text order: a row's are a run found by bisection."""
    ko_count, starts, ends, kinds, *_ = columns
    lo, hi = (0, ko_count) if side == "ko" else (ko_count, len(starts))
    at = bisect_left(starts, first, lo, hi)
    found = []
    while at < hi and starts[at] < last:
        if ends[at] <= last:
            found.append(
                Mention(starts[at] - first, ends[at] - first, text[starts[at] : ends[at]], kinds[at])
            )
        at += 1
    return found
