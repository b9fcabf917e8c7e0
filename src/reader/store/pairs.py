"""Two one-language articles that tell one story, joined into one bilingual article, and split again.

Joining keeps the Korean article's id (its notes, read state and star stay where they were) and moves the
English article's notes onto it; splitting gives the English side a new article and takes its notes with
it. Each is one transaction. A pair split by hand is remembered, so no later fetch joins it again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text.language import other_side
from .articles import MentionRow, NewArticle, SegmentRow, SentenceRow, rewrite_article, write_new_article
from .connection import transaction
from .notes import reanchor_notes


def mark_paired(
    conn: sqlite3.Connection,
    article_id: int,
    ko_url: str,
    en_url: str,
    *,
    by_hand: bool,
    published: str | None = None,
) -> None:
    """Record that the article was made of two editions, how, and each side's address, with `published`
    as its date if it had none (inside the caller's transaction)."""
    conn.execute(
        "UPDATE articles SET ko_url = ?, en_url = ?, paired = ?, published = coalesce(published, ?) "
        "WHERE id = ?",
        (ko_url, en_url, "hand" if by_hand else "auto", published, article_id),
    )


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article that could take a partner: one language only, or the other side machine-translated."""

    id: int
    lang: str  # the side it was written in
    title: str
    text: str
    published: str | None
    added: str
    feed: str


def candidates(
    conn: sqlite3.Connection, lang: str, since: str | None = None, until: str | None = None
) -> list[Candidate]:
    """Articles written in `lang` whose other side is missing or machine-translated, published (or, with
    no date, added) between `since` and `until` (ISO strings; None for no bound)."""
    other = other_side(lang)
    rows = conn.execute(
        f"SELECT id, title_{lang}, {lang}_text, published, added, feed FROM articles "
        f"WHERE {lang}_text != '' AND ({other}_text = '' OR coalesce(translation_by, 'human') != 'human') "
        "AND original_lang = ? AND paired != 'hand' "
        "AND coalesce(published, added) >= coalesce(?, '') AND coalesce(published, added) <= coalesce(?, '~')",
        (lang, since, until),
    )
    return [Candidate(r[0], lang, r[1] or "", r[2], r[3], r[4], r[5] or "") for r in rows]


def languages(conn: sqlite3.Connection, article_id: int) -> tuple[bool, bool, bool] | None:
    """Whether an article has Korean text, English text, and both written by people (no machine
    translation); None when there is no such article."""
    row = conn.execute(
        "SELECT ko_text != '', en_text != '', coalesce(translation_by, 'human') = 'human' FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    return None if row is None else (bool(row[0]), bool(row[1]), bool(row[2]))


def refused(conn: sqlite3.Connection, ko_id: int, en_id: int) -> bool:
    """Whether a person split these two articles apart (so they must not be joined automatically)."""
    return (
        conn.execute(
            "SELECT 1 FROM unpaired WHERE ko_article = ? AND en_article = ?", (ko_id, en_id)
        ).fetchone()
        is not None
    )


def join_articles(
    conn: sqlite3.Connection,
    keep_id: int,
    drop_id: int | None,
    article: NewArticle,
    sentences: Sequence[SentenceRow],
    segments: Sequence[SegmentRow],
    mentions: Sequence[MentionRow],
    *,
    ko_url: str,
    en_url: str,
    by_hand: bool,
    then: Callable[[sqlite3.Connection, int], None] | None = None,
) -> dict[str, int]:
    """Make article `keep_id` the bilingual `article` (analysed by the caller) and fold `drop_id` (the
    other side's article, if it was stored already) into it: its notes and feed items move over.

    A machine translation on either side is replaced by the real edition. Returns how the notes were
    re-anchored.
    """
    with transaction(conn):
        for article_id in (keep_id, drop_id):
            if (
                article_id is not None
                and not conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            ):
                raise LookupError(f"no article with id {article_id}")
        if drop_id is not None:
            conn.execute("UPDATE notes SET article_id = ? WHERE article_id = ?", (keep_id, drop_id))
            conn.execute("UPDATE feed_items SET article_id = ? WHERE article_id = ?", (keep_id, drop_id))
            _delete_rows(conn, drop_id)
        for table in ("translation_parts", "translation_runs"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (keep_id,))
        counts = rewrite_article(
            conn, keep_id, article, sentences, segments, mentions, translation_by="human", original_lang="ko"
        )
        mark_paired(conn, keep_id, ko_url, en_url, by_hand=by_hand, published=article.published)
        if then is not None:
            then(conn, keep_id)
        return counts


def split_article(
    conn: sqlite3.Connection,
    article_id: int,
    ko: tuple[NewArticle, Sequence[SentenceRow], Sequence[SegmentRow], Sequence[MentionRow]],
    en: tuple[NewArticle, Sequence[SentenceRow], Sequence[SegmentRow], Sequence[MentionRow]],
) -> int:
    """Split a bilingual article into its Korean side (keeping the id) and a new English article (its id is
    returned); English notes go with the English side. Remembered, so it is not paired again."""
    with transaction(conn):
        row = conn.execute(
            "SELECT feed, ko_url, en_url, url, source, published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise LookupError(f"no article with id {article_id}")
        feed, ko_url, en_url = row[0], row[1] or row[3], row[2]
        en_id = write_new_article(conn, en[0], en[1], en[2], mentions=en[3])
        conn.execute(
            "UPDATE articles SET en_url = ?, url = ?, feed = ?, original_lang = 'en' WHERE id = ?",
            (en_url, en_url or row[3], feed, en_id),
        )
        conn.execute(
            "UPDATE notes SET article_id = ? WHERE article_id = ? AND side = 'en'", (en_id, article_id)
        )
        conn.execute(
            "UPDATE feed_items SET article_id = ? WHERE article_id = ? AND lang = 'en'", (en_id, article_id)
        )
        rewrite_article(conn, article_id, ko[0], ko[1], ko[2], ko[3])
        conn.execute(
            "UPDATE articles SET paired = '', en_url = '', ko_url = ? WHERE id = ?", (ko_url, article_id)
        )
        conn.execute(
            "INSERT OR IGNORE INTO unpaired (ko_article, en_article) VALUES (?, ?)", (article_id, en_id)
        )
        reanchor_notes(conn, en_id)
        return en_id


def _delete_rows(conn: sqlite3.Connection, article_id: int) -> None:
    from .search import unindex_article

    unindex_article(conn, article_id)
    for table in ("mentions", "segments", "sentences", "translation_parts", "translation_runs"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


__all__ = ["Candidate", "candidates", "join_articles", "languages", "refused", "split_article"]
