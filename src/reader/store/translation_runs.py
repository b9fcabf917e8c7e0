"""Resumable translation: finished batches are kept in the library file until the article is updated.

Two tables, created like every other table by the migrations (schema 6): `translation_runs` records which
engine translated an article and when it finished; `translation_parts` holds the sentences already
translated by an unfinished run. A run is only resumed with the same source text, engine, base URL and
model (its fingerprint, made by the caller); anything else starts afresh.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from .connection import transaction


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_or_resume(
    conn: sqlite3.Connection, article_id: int, engine: str, model: str, source_lang: str, print_: str
) -> dict[int, str]:
    """The sentences an unfinished run with this fingerprint already has; otherwise a fresh run."""
    with transaction(conn):
        row = conn.execute(
            "SELECT fingerprint, finished FROM translation_runs WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is not None and row["fingerprint"] == print_ and row["finished"] is None:
            return {
                r["idx"]: r["text"]
                for r in conn.execute(
                    "SELECT idx, text FROM translation_parts WHERE article_id = ?", (article_id,)
                )
            }
        conn.execute("DELETE FROM translation_parts WHERE article_id = ?", (article_id,))
        conn.execute(
            "INSERT OR REPLACE INTO translation_runs (article_id, engine, model, source_lang, fingerprint, "
            "started, finished) VALUES (?, ?, ?, ?, ?, ?, NULL)",
            (article_id, engine, model, source_lang, print_, _now()),
        )
        return {}


def save_parts(conn: sqlite3.Connection, article_id: int, parts: dict[int, str]) -> None:
    with transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO translation_parts (article_id, idx, text) VALUES (?, ?, ?)",
            ((article_id, i, t) for i, t in parts.items()),
        )


def parts_kept(conn: sqlite3.Connection, article_id: int) -> int:
    """How many translated sentences an unfinished run has kept (to say so when it stops)."""
    return conn.execute(
        "SELECT count(*) FROM translation_parts WHERE article_id = ?", (article_id,)
    ).fetchone()[0]


def finish(conn: sqlite3.Connection, article_id: int) -> None:
    """Mark the run done and drop its parts; call inside the transaction that stores the translation."""
    conn.execute("UPDATE translation_runs SET finished = ? WHERE article_id = ?", (_now(), article_id))
    conn.execute("DELETE FROM translation_parts WHERE article_id = ?", (article_id,))
