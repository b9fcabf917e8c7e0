"""Entity queries across the library, for "articles that mention this name" (plain sqlite3, no analysis)."""

from __future__ import annotations

import sqlite3


def articles_mentioning(conn: sqlite3.Connection, text: str, side: str) -> list[int]:
    """Ids of the articles holding a stored mention whose text on `side` ('ko'|'en') is exactly `text`.

    The mention's text is read from the article through its offsets, so it is the whole mention that
    must match (쿠르스크 does not match 쿠르스크주); English ignores case. Library order: newest first.
    """
    if side not in ("ko", "en"):
        raise ValueError(f"side must be 'ko' or 'en', not {side!r}")
    column = "a.ko_text" if side == "ko" else "a.en_text"
    compare = "= ?" if side == "ko" else "= ? COLLATE NOCASE"
    rows = conn.execute(
        f"SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id "
        f"AND m.side = ? AND substr({column}, m.start + 1, m.end - m.start) {compare}) "
        "ORDER BY a.published IS NULL, a.published DESC, a.id DESC",
        (side, text.strip()),
    ).fetchall()
    return [r[0] for r in rows]
