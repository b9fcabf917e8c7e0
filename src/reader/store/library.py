"""What the library screen lists: a window of articles at a time, in the chosen order, through the filters.

A library may hold 100,000 articles, so nothing here reads them all into rows. In date order with no
filter the window is read straight off the `published` index with LIMIT/OFFSET; any other order or
filter is worked out once as the ordered list of ids (a few bytes per article), and rows are read for
the ids on screen only. Plain sqlite3, so the TUI's start-up stays free of sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from .dialect import POSTGRESQL, dialect
from .hangul_terms import widened
from .search import (
    RANK,
    BadQuery,
    Hit,
    Parts,
    as_typed_else_loosely,
    expression,
    index_query,
    located,
    parse,
    ranked_articles,
)

#: The orders the library can be listed in, in the order a key cycles through them.
SORTS: tuple[str, ...] = ("date", "source", "title", "notes")

#: Each order as its sort keys, (SQL expression, descending), the article id last so that no two rows
#: tie. Indexes hold exactly these keys (schema 7 the date's, 12 the source's, 16 the title's), so a
#: window of any order is read off an index, never by sorting the whole library. "notes" lists the
#: annotated articles (few) first, by their number of notes, then the rest by date.
_KEYS: dict[str, tuple[tuple[str, bool], ...]] = {
    "date": (("a.published", True), ("a.id", True)),
    "source": (("(a.source = '')", False), ("a.source COLLATE NOCASE", False), ("a.published", True),
               ("a.id", True)),
    "title": (("(a.title_ko = '')", False), ("coalesce(nullif(a.title_ko, ''), a.title_en) COLLATE NOCASE", False),
              ("a.id", True)),
}  # fmt: skip

_LIVE_NOTES = "SELECT article_id FROM notes WHERE deleted_at IS NULL"


@dataclass(frozen=True, slots=True)
class LibraryView:
    """An order and a set of filters. Filters of different kinds all apply; sources (or tags) are any-of."""

    sort: str = "date"
    sources: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    starred: bool = False
    unread: bool = False
    annotated: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}; one of {', '.join(SORTS)}")

    @property
    def filtered(self) -> bool:
        return bool(self.sources or self.tags or self.starred or self.unread or self.annotated)

    def next_sort(self) -> LibraryView:
        return replace(self, sort=SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    def unfiltered(self) -> LibraryView:
        return LibraryView(sort=self.sort)

    def describe(self) -> list[str]:
        """The filters in words, for the header: ["starred", "source: Yonhap", "#sanctions"]."""
        parts = [name for name, on in (("starred", self.starred), ("unread", self.unread),
                                       ("annotated", self.annotated)) if on]  # fmt: skip
        if self.sources:
            parts.append("source: " + " or ".join(sorted(self.sources)))
        if self.tags:
            parts.append(" or ".join(f"#{t}" for t in sorted(self.tags)))
        return parts

    def to_json(self) -> dict:
        return {"sort": self.sort, "sources": sorted(self.sources), "tags": sorted(self.tags),
                "starred": self.starred, "unread": self.unread, "annotated": self.annotated}  # fmt: skip

    @classmethod
    def from_json(cls, data: object) -> LibraryView:
        """Whatever a settings file holds; anything unexpected falls back to the default view."""
        if not isinstance(data, dict):
            return cls()
        try:
            return cls(
                sort=str(data.get("sort", "date")),
                sources=frozenset(str(s) for s in data.get("sources", ()) or ()),
                tags=frozenset(str(t) for t in data.get("tags", ()) or ()),
                starred=bool(data.get("starred", False)),
                unread=bool(data.get("unread", False)),
                annotated=bool(data.get("annotated", False)),
            )
        except (ValueError, TypeError):
            return cls()


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """One line of the library table."""

    id: int
    title_ko: str
    title_en: str
    source: str
    published: str | None
    read: bool
    starred: bool
    notes: int
    #: "" for an article written in both languages, "paired" for one joined from two stories (a fetch or
    #: `reader pair`), "machine-en" / "machine-ko" for one whose English / Korean side is a machine
    #: translation, "ko" or "en" for one language only.
    kind: str = ""


def _where(view: LibraryView) -> tuple[list[str], list[object]]:
    conditions: list[str] = []
    params: list[object] = []
    if view.starred:
        conditions.append("a.starred = 1")
    if view.unread:
        conditions.append("a.read_at IS NULL")
    if view.annotated:
        conditions.append(f"a.id IN ({_LIVE_NOTES})")
    if view.sources:
        conditions.append(f"a.source IN ({', '.join('?' * len(view.sources))})")
        params += sorted(view.sources)
    if view.tags:
        tags = " OR ".join("instr(' ' || tags || ' ', ?) > 0" for _ in view.tags)
        conditions.append(f"a.id IN ({_LIVE_NOTES} AND ({tags}))")
        params += [f" {t} " for t in sorted(view.tags)]
    return conditions, params


def _clause(conditions: Sequence[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


class Listing:
    """The articles of one view, in order; `rows(offset, limit)` reads only the window asked for.

    Nothing is read for the whole library: a window is LIMIT/OFFSET along the index of its order, the
    count one count over the filters, and where an article stands a count of the rows its sort keys put
    before it. Only the "notes" order holds a list, of the annotated articles.
    """

    def __init__(self, conn: sqlite3.Connection, view: LibraryView) -> None:
        self.conn = conn
        self.view = view
        conditions, self._params = _where(view)
        filtered = bool(conditions)
        self._head: list[int] = []  # articles listed before the window (the annotated ones, by notes)
        if view.sort == "notes":
            self._head = [r[0] for r in conn.execute(
                "SELECT a.id FROM articles a JOIN (SELECT article_id, count(*) AS n FROM notes "
                "WHERE deleted_at IS NULL GROUP BY article_id) c ON c.article_id = a.id"
                f"{_clause(conditions)} ORDER BY c.n DESC, a.published DESC, a.id DESC", self._params)]  # fmt: skip
            conditions = [*conditions, f"a.id NOT IN ({_LIVE_NOTES})"]
        self._keys = _KEYS[view.sort if view.sort in _KEYS else "date"]
        self._conditions = conditions
        # SQLite sorts NULL first; PostgreSQL is told to (its indexes are declared in the same order)
        nulls = ("", "") if dialect(conn) != POSTGRESQL else (" NULLS FIRST", " NULLS LAST")
        self._order = ", ".join(f"{key}{' DESC' if down else ''}{nulls[down]}" for key, down in self._keys)
        if filtered:
            counted = conn.execute(f"SELECT count(*) FROM articles a{_clause(conditions)}", self._params)
            self.count = len(self._head) + counted.fetchone()[0]
        else:  # the whole library: the number kept beside it, not a count of a million index entries
            self.count = conn.execute("SELECT value FROM counts WHERE name = 'articles'").fetchone()[0]

    def ids(self, offset: int, limit: int) -> list[int]:
        offset = max(0, offset)
        head = self._head[offset : offset + limit]
        if len(head) == limit:
            return head
        return head + [r[0] for r in self.conn.execute(
            f"SELECT a.id FROM articles a{_clause(self._conditions)} ORDER BY {self._order} LIMIT ? OFFSET ?",
            [*self._params, limit - len(head), max(0, offset - len(self._head))])]  # fmt: skip

    def rows(self, offset: int, limit: int) -> list[LibraryRow]:
        return rows_for(self.conn, self.ids(offset, limit))

    def index_of(self, article_id: int) -> int | None:
        """Where an article stands in this listing, or None if the filters leave it out."""
        if article_id in self._head:
            return self._head.index(article_id)
        keys = self.conn.execute(
            f"SELECT {', '.join(key for key, _ in self._keys)} FROM articles a WHERE a.id = ?"
            + "".join(f" AND {c}" for c in self._conditions),
            [article_id, *self._params],
        ).fetchone()
        if keys is None:
            return None
        # lexicographic: before on the first key, or equal on it and before on the next, …
        before: list[str] = []
        params: list[object] = []
        equal: list[str] = []
        equal_params: list[object] = []
        for (key, down), value in zip(self._keys, keys, strict=True):
            if value is None:  # NULL sorts first, so last in a descending order
                before.append(" AND ".join([*equal, f"{key} IS NOT NULL" if down else "FALSE"]))
                params += equal_params
                equal.append(f"{key} IS NULL")
            else:
                before.append(
                    " AND ".join([*equal, f"{key} > ?" if down else f"({key} < ? OR {key} IS NULL)"])
                )
                params += [*equal_params, value]
                equal.append(f"{key} = ?")
                equal_params.append(value)
        conditions = [*self._conditions, "(" + " OR ".join(f"({b})" for b in before) + ")"]
        return (
            len(self._head)
            + self.conn.execute(
                f"SELECT count(*) FROM articles a{_clause(conditions)}", [*self._params, *params]
            ).fetchone()[0]
        )

    def neighbours(self, article_id: int) -> tuple[int | None, int | None]:
        """The ids before and after an article in this listing (None at either end or if it is not in it)."""
        index = self.index_of(article_id)
        if index is None:
            return None, None
        around = self.ids(max(0, index - 1), 3 if index else 2)
        previous = around[0] if index else None
        following = around[-1] if len(around) > (2 if index else 1) else None
        return previous, following


def rows_for(conn: sqlite3.Connection, ids: Sequence[int]) -> list[LibraryRow]:
    """Rows for these ids, in the same order; ids no longer in the library are skipped."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    found = {
        r[0]: r
        for r in conn.execute(
            "SELECT id, title_ko, title_en, source, published, "
            "read_at IS NOT NULL, starred, ko_text = '', en_text = '', coalesce(translation_by, 'human'), paired, "
            "original_lang "
            f"FROM articles WHERE id IN ({marks})", list(ids))
    }  # fmt: skip
    notes = dict(conn.execute(
        f"SELECT article_id, count(*) FROM notes WHERE deleted_at IS NULL AND article_id IN ({marks}) "
        "GROUP BY article_id", list(ids)).fetchall())  # fmt: skip
    return [LibraryRow(r[0], r[1] or "", r[2] or "", r[3] or "", r[4], bool(r[5]), bool(r[6]), notes.get(r[0], 0),
                       _kind(*r[7:]))
            for r in (found.get(i) for i in ids) if r is not None]  # fmt: skip


def _kind(no_ko: int, no_en: int, translation_by: str, paired: str, original: str | None) -> str:
    if no_ko or no_en:
        return "en" if no_ko else "ko"
    if translation_by != "human":
        return "machine-ko" if original == "en" else "machine-en"
    return "paired" if paired else ""


def mark_read(conn: sqlite3.Connection, article_id: int, when: str | None = None) -> None:
    """Remember that an article was opened (the first time only); committed at once."""
    when = when or datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute("UPDATE articles SET read_at = ? WHERE id = ? AND read_at IS NULL", (when, article_id))


def mark_unread(conn: sqlite3.Connection, article_id: int) -> None:
    conn.execute("UPDATE articles SET read_at = NULL WHERE id = ?", (article_id,))


def set_starred(conn: sqlite3.Connection, article_id: int, starred: bool) -> None:
    conn.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))


def is_starred(conn: sqlite3.Connection, article_id: int) -> bool:
    row = conn.execute("SELECT starred FROM articles WHERE id = ?", (article_id,)).fetchone()
    return bool(row and row[0])


def sources(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every source with its number of articles, largest first (for the source filter)."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT source, count(*) AS n FROM articles WHERE source != '' GROUP BY source "
        "ORDER BY n DESC, source COLLATE NOCASE")]  # fmt: skip


def tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag used by a live note, with the number of articles carrying it, most used first."""
    articles: dict[str, set[int]] = {}
    for article_id, tag_field in conn.execute("SELECT article_id, tags FROM notes WHERE deleted_at IS NULL"):
        for tag in (tag_field or "").split():
            articles.setdefault(tag, set()).add(article_id)
    return sorted(((t, len(a)) for t, a in articles.items()), key=lambda item: (-item[1], item[0]))


#: How many matching articles, at most, are ranked for one query: see `search_library`.
CANDIDATES = 500


def search_library(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, candidates: int = CANDIDATES
) -> list[Hit]:
    """Best matches first, like `reader.store.search.search`, in bounded time on a very large library.

    Ranking every match of a common word (금리 in a million articles) means computing BM25 for each, and
    BM25 first counts every article holding each word of the query (0.1–0.5 s at a million). So the
    newest `candidates` + 1 matching articles are asked for first (index rowids are article ids, which
    grow with imports), without a score: reading a list newest first stops there. When that is every
    match (a rare word), they are ranked by BM25, the same hits as the full search. When there are more
    (a common word), the newest `candidates` are shown without BM25: those whose title holds the query
    first (score -3, from the index of titles, read only over these articles), then the rest (score -1),
    newest first in each. A lone Hangul syllable is looked up as the terms it starts (`hangul_terms`).
    Raises BadQuery for a query with nothing searchable; an interrupted query raises
    sqlite3.OperationalError.
    """
    return as_typed_else_loosely(
        query, lambda parts: _search_parts(conn, query, parts, limit=limit, candidates=candidates)
    )


def _search_parts(
    conn: sqlite3.Connection, query: str, parts: Parts, *, limit: int, candidates: int
) -> list[Hit]:
    """`search_library` for one reading of the query."""
    if dialect(conn) == POSTGRESQL:
        ranked = ranked_articles(conn, query, *index_query(conn, parts, newest=True, limit=candidates))
        ranked.sort(key=lambda r: r[1])
        return located(conn, parts, ranked, limit=limit)
    match = expression(widened(conn, parts))
    newest = [r[0] for r in ranked_articles(
        conn, query, "SELECT rowid, 0 FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?",
        [match, candidates + 1])]  # fmt: skip
    if not newest:
        return []
    if len(newest) <= candidates:  # every match: ranked by BM25 as the full search ranks them (a rare
        # syllable's prefix costs little), read from the oldest match on, the same hits
        ranked = ranked_articles(conn, query, f"SELECT rowid, {RANK} FROM search_index WHERE search_index MATCH ? "
                                 "AND rowid >= ?", [expression(parts), newest[-1]])  # fmt: skip
        ranked.sort(key=lambda r: (r[1], -r[0]))
        return located(conn, parts, ranked, limit=limit)
    newest = newest[:candidates]
    titled = {r[0] for r in conn.execute(
        "SELECT rowid FROM title_index WHERE title_index MATCH ? AND rowid >= ?", (match, newest[-1]))}  # fmt: skip
    ranked = sorted(((i, TITLE_SCORE if i in titled else TEXT_SCORE) for i in newest), key=lambda r: r[1])
    return located(conn, parts, ranked, limit=limit)


#: The scores of a common query's hits, ranked without BM25 (see `search_library`): the title holds it,
#: or only the text; lower is better, as BM25's.
TITLE_SCORE, TEXT_SCORE = -3.0, -1.0


def single_source(conn: sqlite3.Connection) -> str | None:
    """The source every article shares ('' if none has one), or None when they differ or there are none.

    Stops at the first article with another source, so a varied library answers at once.
    """
    first = conn.execute("SELECT source FROM articles LIMIT 1").fetchone()
    if first is None:
        return None
    other = conn.execute(
        "SELECT 1 FROM articles WHERE source IS DISTINCT FROM ? LIMIT 1", (first[0],)
    ).fetchone()
    return None if other is not None else (first[0] or "")


def search_titles(conn: sqlite3.Connection, query: str, *, limit: int = 50) -> list[LibraryRow]:
    """Articles whose title holds every word typed so far, the last one possibly unfinished; newest first.

    For the command palette, which asks again at every key: one lookup in the index of titles alone,
    whose prefix indexes answer a prefix of two or three characters from one list, newest first, read
    only as far as `limit` (schema 14): bounded however large the library.
    """
    try:
        parts = parse(query)
    except BadQuery:
        return []
    *done, (last, tokens) = parts
    if last.endswith("*") and len(tokens[-1]) == 1:
        # One Hangul syllable would expand to every pair of syllables it starts (0.4 s at a million
        # articles): like one letter, it waits for the next; the words before it are looked up meanwhile.
        if not done:
            return []
        *done, (last, tokens) = done
    elif not last.endswith("*") and len(tokens[-1]) >= 2:
        # "Won pa" already finds "Won passes"; one letter would expand to every word it starts (1.4 s
        # at 100,000 articles), so it waits for the second
        last += "*"
    if dialect(conn) == POSTGRESQL:
        from . import pg_search

        sql, match = pg_search.titles_sql(), pg_search.tsquery([*done, (last, tokens)])
    else:
        sql = "SELECT rowid FROM title_index WHERE title_index MATCH ? ORDER BY rowid DESC LIMIT ?"
        match = expression([*done, (last, tokens)])
    try:
        ids = [r[0] for r in conn.execute(sql, (match, limit))]
    except sqlite3.OperationalError:  # nothing a title could match
        return []
    return rows_for(conn, ids)


__all__ = [
    "CANDIDATES",
    "SORTS",
    "LibraryRow",
    "LibraryView",
    "Listing",
    "is_starred",
    "mark_read",
    "mark_unread",
    "rows_for",
    "search_library",
    "search_titles",
    "set_starred",
    "single_source",
    "sources",
    "tags",
]
