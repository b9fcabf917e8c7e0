"""Entity queries across the library, for "articles that mention this name" (plain sqlite3, no analysis)."""

from __future__ import annotations

import sqlite3

from .mention_pack import unpack_mentions
from .search import BadQuery, expression, parse


def articles_mentioning(conn: sqlite3.Connection, text: str, side: str) -> list[int]:
    """Ids of the articles holding a stored mention whose text on `side` ('ko'|'en') is exactly `text`.

    The mention's text is read from the article through its offsets, so it is the whole mention that
    must match (쿠르스크 does not match 쿠르스크주); English ignores case. Library order: newest first.
    Mentions are packed per article, so the full-text index first narrows the articles to those whose
    text holds the words at all; only theirs are unpacked and compared.
    """
    if side not in ("ko", "en"):
        raise ValueError(f"side must be 'ko' or 'en', not {side!r}")
    text = text.strip()
    if not text:
        return []
    try:
        phrase = None if '"' in text else expression(parse(f'"{text}"'))
    except BadQuery:
        phrase = None  # no word the index holds (punctuation only): look at every article
    column = "ko_text" if side == "ko" else "en_text"
    order = "ORDER BY a.published IS NULL, a.published DESC, a.id DESC"
    if phrase is None:
        rows = conn.execute(f"SELECT a.id, a.{column}, m.spans FROM articles a JOIN mentions m ON m.article_id = a.id "
                            f"{order}")  # fmt: skip
    else:
        rows = conn.execute(
            f"SELECT a.id, a.{column}, m.spans FROM articles a JOIN mentions m ON m.article_id = a.id "
            f"WHERE a.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?) {order}",
            (phrase,),
        )
    wanted = text.casefold() if side == "en" else text
    found = []
    for article_id, body, spans in rows:
        for m_side, start, end, *_ in unpack_mentions(spans):
            if m_side == side and end - start == len(text):
                own = body[start:end]
                if (own.casefold() if side == "en" else own) == wanted:
                    found.append(article_id)
                    break
    return found
