"""A whole library copied into another: `reader db push LOCAL.db postgresql://…` and `reader db pull`.

Either side may be SQLite or PostgreSQL, and the target may already hold articles of its own (a team's
library), so nothing is copied by id. An article is the same article when its text is (its content
hash): one the target has is not copied again, one it lacks is copied whole — its sentences, rows with
their hand fixes, names, read and starred state, translation runs — under an id the target gives it.
Notes, glossary entries, feeds, the feed items seen and the pairs a person split follow, each matched
by what it is (a note by its article, place, text and time; an entry by its forms and type; a feed by
its address), so a second copy adds nothing. An article already in the target keeps the target's rows
and notes there stay; a note made in the source on it is added.

Everything lands in one transaction on the target: all of it, or nothing.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from .connection import transaction
from .dialect import POSTGRESQL, dialect
from .search import index_article

#: An article's rows in other tables, copied with it (keyed by its id).
_ARTICLE_ROWS = ("sentences", "segments", "mentions", "translation_runs", "translation_parts")


@dataclass
class Copied:
    """How many of each kind the target did not have and now has."""

    counts: Counter[str]

    def summary(self) -> str:
        kinds = ("articles", "notes", "glossary entries", "feeds", "feed items")
        return ", ".join(f"{self.counts.get(k, 0)} {k}" for k in kinds)


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[dict]:
    return [dict(zip(row.keys(), tuple(row), strict=True)) for row in conn.execute(sql, params)]


def _insert(conn: sqlite3.Connection, table: str, row: dict, verb: str = "INSERT") -> None:
    columns = ", ".join(f'"{c}"' for c in row)
    conn.execute(f"{verb} INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def copy_library(source: sqlite3.Connection, target: sqlite3.Connection) -> Copied:
    """Copy what `source` holds and `target` lacks into `target`, in one transaction; see the module."""
    counts: Counter[str] = Counter()
    with transaction(target):
        ids = _articles(source, target, counts)
        _notes(source, target, ids, counts)
        for entry in _rows(source, "SELECT ko, en, type, note, origin FROM glossary"):
            before = target.execute(
                "SELECT 1 FROM glossary WHERE ko = ? AND en = ? AND type = ?",
                (entry["ko"], entry["en"], entry["type"]),
            ).fetchone()
            if before is None:
                _insert(target, "glossary", entry)
                counts["glossary entries"] += 1
        _feeds(source, target, ids, counts)
        for pair in _rows(source, "SELECT ko_article, en_article FROM unpaired"):
            if pair["ko_article"] in ids and pair["en_article"] in ids:
                mapped = {"ko_article": ids[pair["ko_article"]], "en_article": ids[pair["en_article"]]}
                _insert(target, "unpaired", mapped, "INSERT OR IGNORE")
    if dialect(target) == POSTGRESQL and counts["articles"]:
        target.execute("ANALYZE")  # the planner's statistics for what just arrived (else it scans all)
    return Copied(counts)


def _articles(source: sqlite3.Connection, target: sqlite3.Connection, counts: Counter[str]) -> dict[int, int]:
    """Source article id → target article id, for every source article (copied or already there)."""
    ids: dict[int, int] = {}
    highest, given = target.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM articles), "
        "(SELECT coalesce(max(value), 0) FROM id_counters WHERE name = 'articles')"
    ).fetchone()
    next_id = max(highest, given) + 1
    for (old_id,) in source.execute("SELECT id FROM articles ORDER BY id").fetchall():
        article = _rows(source, "SELECT * FROM articles WHERE id = ?", (old_id,))[0]
        found = target.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (article["content_hash"],)
        ).fetchone()
        if found is not None:
            ids[old_id] = found[0]
            continue
        ids[old_id] = article["id"] = next_id
        next_id += 1
        _insert(target, "articles", article)
        for table in _ARTICLE_ROWS:
            for row in _rows(source, f"SELECT * FROM {table} WHERE article_id = ?", (old_id,)):
                row["article_id"] = ids[old_id]
                _insert(target, table, row)
        index_article(target, ids[old_id])
        counts["articles"] += 1
    if next_id - 1 > max(highest, given):
        target.execute(
            "INSERT OR REPLACE INTO id_counters (name, value) VALUES ('articles', ?)", (next_id - 1,)
        )
    return ids


def _notes(
    source: sqlite3.Connection, target: sqlite3.Connection, ids: dict[int, int], counts: Counter[str]
) -> None:
    for note in _rows(source, "SELECT * FROM notes ORDER BY id"):
        if note["article_id"] not in ids:
            continue
        note.pop("id")
        note["article_id"] = ids[note["article_id"]]
        same = target.execute(
            'SELECT 1 FROM notes WHERE article_id = ? AND side = ? AND start = ? AND "end" = ? AND body = ? '
            "AND created = ?",
            (note["article_id"], note["side"], note["start"], note["end"], note["body"], note["created"]),
        ).fetchone()
        if same is None:
            _insert(target, "notes", note)
            counts["notes"] += 1


def _feeds(
    source: sqlite3.Connection, target: sqlite3.Connection, ids: dict[int, int], counts: Counter[str]
) -> None:
    feed_ids: dict[int, int] = {}
    for feed in _rows(source, "SELECT * FROM feeds ORDER BY id"):
        old = feed.pop("id")
        found = target.execute("SELECT id FROM feeds WHERE url = ?", (feed["url"],)).fetchone()
        if found is None:
            if target.execute("SELECT 1 FROM feeds WHERE name = ?", (feed["name"],)).fetchone() is not None:
                feed["name"] = f"{feed['name']} ({feed['url']})"  # a name the target gave another feed
            _insert(target, "feeds", feed)
            found = target.execute("SELECT id FROM feeds WHERE url = ?", (feed["url"],)).fetchone()
            counts["feeds"] += 1
        feed_ids[old] = found[0]
    for item in _rows(source, "SELECT * FROM feed_items ORDER BY id"):
        item.pop("id")
        item["feed_id"] = feed_ids.get(item["feed_id"]) if item["feed_id"] is not None else None
        item["article_id"] = ids.get(item["article_id"]) if item["article_id"] is not None else None
        same = target.execute(
            "SELECT 1 FROM feed_items WHERE feed_id IS NOT DISTINCT FROM ? AND guid = ? AND url = ?",
            (item["feed_id"], item["guid"], item["url"]),
        ).fetchone()
        if same is None:
            _insert(target, "feed_items", item)
            counts["feed items"] += 1
