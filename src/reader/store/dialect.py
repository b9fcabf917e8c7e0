"""The store's SQL as PostgreSQL reads it: the few SQLite idioms the store's statements use, rewritten.

The store writes one SQL for both backends (SQLite's, with `?` parameters); a PostgreSQL library passes
each statement through `to_postgres` once (the result is remembered). What differs and how:

- `?` parameters become `%s` (and a literal `%` becomes `%%`), outside quoted strings and names;
- `INSERT OR IGNORE` becomes `ON CONFLICT DO NOTHING`, `INSERT OR REPLACE` an upsert on the table's key;
- `LIKE` becomes `ILIKE` (SQLite's LIKE ignores case), and a `COLLATE NOCASE` after it goes;
- `last_insert_rowid()` becomes `lastval()`, and the column `end` (lower case) is quoted.

`COLLATE NOCASE` elsewhere names a collation the PostgreSQL schema defines, and `instr` a function it
defines (`pg_schema.py`), so those stay as written. Statements that cannot be rewritten this way (the
schema, PRAGMAs, the full-text index) branch on `dialect(conn)` where they are written.
"""

from __future__ import annotations

import re
from functools import lru_cache

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

#: The key of each table `INSERT OR REPLACE` writes to: what a PostgreSQL upsert conflicts on.
KEYS: dict[str, tuple[str, ...]] = {
    "id_counters": ("name",),
    "counts": ("name",),
    "mentions": ("article_id",),
    "translation_runs": ("article_id",),
    "translation_parts": ("article_id", "idx"),
    "sentences": ("article_id", "lang"),
    "segments": ("article_id",),
}

_TOKENS = re.compile(r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(\?)|(%)""")
_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+)\s*\(([^)]*)\)", re.IGNORECASE)
_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_LIKE_NOCASE = re.compile(r"\bLIKE (\?|'[^']*') COLLATE NOCASE", re.IGNORECASE)
_LIKE = re.compile(r"(?<!I)\bLIKE\b")
#: `end`, a column of notes and mentions, which SQLite reads unquoted and PostgreSQL only quoted.
_END = re.compile(r'(?<!["\w])end(?!["\w])')


def dialect(conn: object) -> str:
    """Which SQL `conn` speaks: a PostgreSQL connection says so, anything else is SQLite."""
    return getattr(conn, "dialect", SQLITE)


@lru_cache(maxsize=2048)
def to_postgres(sql: str, with_params: bool = True) -> str:
    """`sql` (SQLite's, with `?` parameters) as PostgreSQL runs it through psycopg."""
    upsert = ""
    match = _REPLACE.match(sql)
    if match is not None:
        table, columns = match.group(1), [c.strip().strip('"') for c in match.group(2).split(",")]
        key = KEYS[table]
        rest = [c for c in columns if c not in key]
        action = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in rest) if rest else ""
        upsert = f" ON CONFLICT ({', '.join(key)}) " + (f"DO UPDATE SET {action}" if action else "DO NOTHING")
        sql = re.sub("INSERT OR REPLACE INTO", "INSERT INTO", sql, count=1, flags=re.IGNORECASE)
    elif _IGNORE.match(sql):
        sql = _IGNORE.sub("INSERT INTO", sql, count=1)
        upsert = " ON CONFLICT DO NOTHING"
    sql = _LIKE_NOCASE.sub(r"LIKE \1", sql)
    sql = sql.replace("last_insert_rowid()", "lastval()")

    def token(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1).replace("%", "%%") if with_params else m.group(1)
        if m.group(2) is not None:
            return m.group(2)
        if m.group(3) is not None:
            return "%s"
        return "%%" if with_params else "%"

    pieces = []
    last = 0

    def bare(text: str) -> str:
        return _END.sub('"end"', _LIKE.sub("ILIKE", text))

    for m in _TOKENS.finditer(sql):  # only outside quoted strings and names
        pieces.append(bare(sql[last : m.start()]))
        pieces.append(token(m))
        last = m.end()
    pieces.append(bare(sql[last:]))
    return "".join(pieces).rstrip().rstrip(";") + upsert
