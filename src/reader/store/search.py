"""Full-text search over titles and sentences in both languages, ranked, with snippets.

The index (`search_index`, FTS5) is contentless: it holds only the index, not another copy of the text,
which stays in `articles`. Each segment is one row (rowid = segment id) so a hit opens the article at the
matching row; each article's titles are one row more (rowid = -article id).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from ..text.search_terms import index_text, match_query, query_words

CREATE = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "ko, en, content='', tokenize='porter unicode61 remove_diacritics 2')"
)


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: int
    position: int | None  # segment position; None when the titles matched
    title_ko: str
    title_en: str
    published: str | None
    ko: str
    en: str
    score: float


def _segment_rows(conn: sqlite3.Connection, article_id: int) -> Iterable[tuple[int, str, str]]:
    article = conn.execute(
        "SELECT title_ko, title_en, ko_text, en_text FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if article is None:
        return
    yield -article_id, article[0], article[1]
    for row in conn.execute(
        "SELECT id, ko_start, ko_end, en_start, en_end FROM segments WHERE article_id = ?", (article_id,)
    ):
        yield row[0], article[2][row[1] : row[2]], article[3][row[3] : row[4]]


def index_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Add an article's titles and segments to the index (inside the caller's transaction)."""
    conn.executemany(
        "INSERT INTO search_index (rowid, ko, en) VALUES (?, ?, ?)",
        ((rowid, index_text(ko), index_text(en)) for rowid, ko, en in _segment_rows(conn, article_id)),
    )


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article from the index; a contentless table needs the same tokens it was given."""
    conn.executemany(
        "INSERT INTO search_index (search_index, rowid, ko, en) VALUES ('delete', ?, ?, ?)",
        ((rowid, index_text(ko), index_text(en)) for rowid, ko, en in _segment_rows(conn, article_id)),
    )


def rebuild(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM search_index")
    for (article_id,) in conn.execute("SELECT id FROM articles").fetchall():
        index_article(conn, article_id)


class BadQuery(ValueError):
    pass


def search(conn: sqlite3.Connection, query: str, *, limit: int = 50, article_id: int | None = None) -> list[Hit]:
    """Best matches first (BM25). Korean words match inside inflected forms (북한군 → 북한군이)."""
    expression = match_query(query)
    if expression is None:
        raise BadQuery(f"nothing to search for in {query!r}")
    where, params = "search_index MATCH ?", [expression]
    if article_id is not None:  # one article's titles and rows, not a ranking of the whole library
        where += " AND (s.rowid = ? OR s.rowid IN (SELECT id FROM segments WHERE article_id = ?))"
        params += [-article_id, article_id]
    sql = f"SELECT s.rowid AS rowid, bm25(search_index) AS score FROM search_index s WHERE {where} ORDER BY score"
    if article_id is None:
        sql += " LIMIT ?"
        params.append(limit)
    try:
        ranked = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        raise BadQuery(f"cannot search for {query!r}: {exc}") from None
    hits = [hit for rowid, score in ranked if (hit := _hit(conn, rowid, score)) is not None]
    if article_id is not None:
        hits.sort(key=lambda h: -1 if h.position is None else h.position)
    return hits[:limit]


def _hit(conn: sqlite3.Connection, rowid: int, score: float) -> Hit | None:
    if rowid < 0:
        a = conn.execute(
            "SELECT id, title_ko, title_en, published FROM articles WHERE id = ?", (-rowid,)
        ).fetchone()
        return Hit(a[0], None, a[1], a[2], a[3], a[1], a[2], score) if a else None
    row = conn.execute(
        "SELECT a.id, s.position, a.title_ko, a.title_en, a.published, "
        "substr(a.ko_text, s.ko_start + 1, s.ko_end - s.ko_start), "
        "substr(a.en_text, s.en_start + 1, s.en_end - s.en_start) "
        "FROM segments s JOIN articles a ON a.id = s.article_id WHERE s.id = ?",
        (rowid,),
    ).fetchone()
    return Hit(*row, score) if row else None


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in `text` (case-insensitive), for highlighting a snippet."""
    spans = []
    for word in sorted(set(query_words(query)), key=len, reverse=True):
        for m in re.finditer(re.escape(word), text, flags=re.IGNORECASE):
            if not any(a <= m.start() < b for a, b in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def snippet(text: str, query: str, width: int = 120) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first match, and the match spans within that window."""
    text = " ".join(text.split())
    spans = highlight_spans(text, query)
    if len(text) <= width or not spans:
        start = 0
    else:
        start = max(0, min(spans[0][0] - width // 3, len(text) - width))
    window = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    shift = len(prefix) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= start + width]
    return prefix + window + suffix, inside
