"""The Korean terms the full-text index holds (syllable bigrams and lone syllables), kept beside it, so that
one syllable searched for (북) is asked as the terms it starts (북한 OR 북부 OR …), not as a prefix.

FTS5 answers a prefix that has no prefix index of its own by merging the whole list of articles of every
term it starts before the first match is taken: at a million articles, 0.2–0.4 s for 북 or 군, however few
matches are wanted. The same terms joined by OR are read side by side, newest first, and stop at the
matches wanted. Listing the terms from the index itself (fts5vocab) costs as much as the merge (it counts
each term's articles), hence this table: a term is added in the transaction that indexes an article
holding it and stays when the article goes (a term no article holds any longer matches nothing, so the
expansion finds what the prefix would); `reader db reindex` lists them afresh.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from ..text.search_terms import is_hangul

CREATE = "CREATE TABLE hangul_terms (term TEXT PRIMARY KEY) WITHOUT ROWID"
#: Beyond this many terms one syllable is asked as a prefix again (an OR of thousands costs more).
MOST = 2000

_TOKEN = re.compile(r"[\uac00-\ud7a3]+")


def remember(conn: sqlite3.Connection, indexed: Iterable[str]) -> None:
    """Keep the Korean terms of text as the index holds it (`index_text`'s; inside the caller's transaction)."""
    found: set[str] = set()
    for text in indexed:
        found.update(_TOKEN.findall(text))
    conn.executemany("INSERT OR IGNORE INTO hangul_terms (term) VALUES (?)", ((t,) for t in found))


def fill_from_index(conn: sqlite3.Connection) -> None:
    """Every Korean term the full-text index holds, read once from its vocabulary (a migration)."""
    conn.execute("CREATE VIRTUAL TABLE temp.reader_index_terms USING fts5vocab(main, search_index, 'row')")
    try:
        rows = conn.execute("SELECT term FROM temp.reader_index_terms WHERE term >= '가' AND term < ?",
                            (_AFTER_HANGUL,))  # fmt: skip
        conn.executemany(
            "INSERT OR IGNORE INTO hangul_terms (term) VALUES (?)", ((r[0],) for r in rows if is_hangul(r[0]))
        )
    finally:
        conn.execute("DROP TABLE temp.reader_index_terms")


_AFTER_HANGUL = "\ud7a4"  # the code point after the last syllable, 힣


def starting(conn: sqlite3.Connection, syllable: str) -> list[str] | None:
    """The terms `syllable` starts (itself included), or None when there are too many to list."""
    found = [r[0] for r in conn.execute(
        "SELECT term FROM hangul_terms WHERE term >= ? AND term < ? LIMIT ?",
        (syllable, syllable + _AFTER_HANGUL, MOST + 1))]  # fmt: skip
    if len(found) > MOST:
        return None
    return sorted({syllable, *found})


def widened(conn: sqlite3.Connection, parts: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The query's parts (`query_parts`) with each lone syllable (`"북"*`) asked as the OR of the terms it
    starts: the same articles, found without merging their lists first."""
    out = []
    for expression, tokens in parts:
        if expression.endswith("*") and len(tokens) == 1 and len(tokens[0]) == 1 and is_hangul(tokens[0]):
            found = starting(conn, tokens[0])
            if found is not None:
                expression = "(" + " OR ".join(f'"{t}"' for t in found) + ")"
        out.append((expression, tokens))
    return out
