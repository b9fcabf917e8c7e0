"""Full-text search over titles and texts in both languages, ranked, with snippets and the matching rows.

The index (`search_index`, FTS5) is contentless: it holds only the index, not another copy of the text,
which stays in `articles`. It has one row per article (rowid = article id) and two columns, `body` (both
texts) and `title` (both titles): a word repeated through an article is stored once with its positions,
not once per aligned row, which keeps the index at about half the size of the text it covers.

Which rows of an article match is worked out only for the few articles a search shows: the rows that can
hold the words at all (a substring test) go into a small in-memory FTS5 table with the same tokenizer and
are asked the same question, so the rows shown agree with the index's own matching (stemming, phrases,
prefixes) and a hit opens the article at its row.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text.figure_forms import figure_forms
from ..text.search_terms import fold as _fold
from ..text.search_terms import index_text, is_hangul, loose_word, query_parts, query_words, text_pattern
from . import hangul_terms
from .dialect import POSTGRESQL, dialect
from .progress import Progress, Ticker
from .segment_pack import unpack_columns

TOKENIZE = "porter unicode61 remove_diacritics 2"
CREATE = f"CREATE VIRTUAL TABLE search_index USING fts5(body, title, content='', tokenize='{TOKENIZE}')"
#: The command palette's title lookup (`library.search_titles`): the titles alone, as `search_index` holds
#: them, with indexes of every 2- and 3-character prefix, so a prefix typed ("Se", "Nor") reads one list
#: of articles newest first and stops at the few shown, instead of merging every word it starts. Never
#: ranked, so it keeps no token counts (columnsize=0, 10 bytes an article).
CREATE_TITLES = (
    "CREATE VIRTUAL TABLE title_index USING fts5("
    f"title, content='', tokenize='{TOKENIZE}', prefix='2 3', columnsize=0)"
)
#: BM25 with the columns (body, title) weighted: a word in the title says more about an article.
RANK = "bm25(search_index, 1.0, 3.0)"
#: At most this many hits (title or rows) from one article in a library-wide search, so that the list
#: shows many articles rather than every row of a few; the reading screen finds the rest.
ROWS_PER_ARTICLE = 3


@dataclass(frozen=True, slots=True)
class Hit:
    article_id: int
    position: int | None  # segment position; None when the titles matched
    title_ko: str
    title_en: str
    published: str | None
    ko: str
    en: str
    score: float  # the article's BM25 (lower is better), the same for each of its hits


def index_columns(title_ko: str, title_en: str, ko: str, en: str) -> tuple[str, str]:
    """What the index holds for an article: (body, title)."""
    return f"{index_text(ko)}\n{index_text(en)}", f"{index_text(title_ko)}\n{index_text(title_en)}"


def _columns(conn: sqlite3.Connection, article_id: int) -> tuple[str, str] | None:
    row = _row(conn, article_id)
    return None if row is None else index_columns(*row)


def _row(conn: sqlite3.Connection, article_id: int) -> tuple[str, str, str, str] | None:
    row = conn.execute(
        "SELECT title_ko, title_en, ko_text, en_text FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else (row[0] or "", row[1] or "", row[2] or "", row[3] or "")


def index_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Add an article's titles and texts to the index (inside the caller's transaction)."""
    if dialect(conn) == POSTGRESQL:
        from . import pg_search

        row = _row(conn, article_id)
        if row is not None:
            pg_search.index_article(conn, article_id, row)
        return
    columns = _columns(conn, article_id)
    if columns is not None:
        conn.execute("INSERT INTO search_index (rowid, body, title) VALUES (?, ?, ?)", (article_id, *columns))
        conn.execute("INSERT INTO title_index (rowid, title) VALUES (?, ?)", (article_id, columns[1]))
        hangul_terms.remember(conn, columns)


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove an article from the index (before its text changes): a contentless table needs the same tokens."""
    if dialect(conn) == POSTGRESQL:
        from . import pg_search

        pg_search.unindex_article(conn, article_id)
        return
    columns = _columns(conn, article_id)
    if columns is not None:
        conn.execute(
            "INSERT INTO search_index (search_index, rowid, body, title) VALUES ('delete', ?, ?, ?)",
            (article_id, *columns),
        )
        conn.execute(
            "INSERT INTO title_index (title_index, rowid, title) VALUES ('delete', ?, ?)",
            (article_id, columns[1]),
        )


def rebuild(conn: sqlite3.Connection, on_progress: Progress | None = None, *, titles: bool = True) -> None:
    """Index every article afresh (inside the caller's transaction), then merge the index into one b-tree;
    the titles' index and the Korean terms too (`titles`: a library older than schema 14 has neither).
    `on_progress` hears how far it is."""
    ticker = Ticker(conn, on_progress, steps=3)
    if dialect(conn) == POSTGRESQL:
        from . import pg_search

        pg_search.rebuild(conn, ticker)
        return
    with ticker.step("emptying the index"):
        conn.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        if titles:
            conn.execute("INSERT INTO title_index (title_index) VALUES ('delete-all')")
            conn.execute("DELETE FROM hangul_terms")
    with ticker.step("indexing articles"):
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        articles = conn.execute("SELECT id, title_ko, title_en, ko_text, en_text FROM articles")
        done = 0
        while batch := articles.fetchmany(1000):
            rows = [(r[0], *index_columns(r[1] or "", r[2] or "", r[3] or "", r[4] or "")) for r in batch]
            conn.executemany("INSERT INTO search_index (rowid, body, title) VALUES (?, ?, ?)", rows)
            if titles:
                conn.executemany(
                    "INSERT INTO title_index (rowid, title) VALUES (?, ?)", ((r[0], r[2]) for r in rows)
                )
                hangul_terms.remember(conn, (text for r in rows for text in r[1:]))
            done += len(batch)
            ticker.count(done, total)
        articles.close()
    with ticker.step("merging the index"):
        conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
        if titles:
            conn.execute("INSERT INTO title_index (title_index) VALUES ('optimize')")


def index_titles(conn: sqlite3.Connection) -> None:
    """Fill an empty title index from every article's titles (schema 14's migration), merged into one b-tree."""
    articles = conn.execute("SELECT id, title_ko, title_en FROM articles")
    while batch := articles.fetchmany(5000):
        conn.executemany("INSERT INTO title_index (rowid, title) VALUES (?, ?)",
                         ((r[0], index_columns(r[1] or "", r[2] or "", "", "")[1]) for r in batch))  # fmt: skip
    articles.close()
    conn.execute("INSERT INTO title_index (title_index) VALUES ('optimize')")


class BadQuery(ValueError):
    pass


Parts = list[tuple[str, list[str]]]


def parse(query: str, *, search: bool = False, loose: bool = False) -> Parts:
    """The query's parts (see `query_parts`: `search` for a search of texts, not titles as typed, `loose`
    its second try); BadQuery when nothing in it can be searched for."""
    parts = query_parts(query, search=search, loose=loose)
    if not parts:
        raise BadQuery(f"nothing to search for in {query!r}")
    return parts


def expression(parts: Parts) -> str:
    return " AND ".join(e for e, _ in parts)


def index_query(
    conn: sqlite3.Connection,
    parts: Parts,
    *,
    newest: bool = False,
    article_id: int | None = None,
    limit: int = 0,
) -> tuple[str, list[object]]:
    """The SQL and parameters asking the index for (article id, score) of the articles matching `parts`:
    best first, newest first (`newest`), or only `article_id` — on either backend."""
    if dialect(conn) == POSTGRESQL:
        from . import pg_search

        query = pg_search.tsquery(parts)
        sql = pg_search.ranked_sql(newest=newest, one_article=article_id is not None)
        return sql, [query, article_id if article_id is not None else limit]
    if article_id is not None:
        return (f"SELECT rowid, {RANK} FROM search_index WHERE search_index MATCH ? AND rowid = ?",
                [expression(parts), article_id])  # fmt: skip
    order = "rowid DESC" if newest else "score"
    return (f"SELECT rowid, {RANK} AS score FROM search_index WHERE search_index MATCH ? ORDER BY {order} LIMIT ?",
            [expression(parts), limit])  # fmt: skip


def ranked_articles(
    conn: sqlite3.Connection, query: str, sql: str, params: Sequence[object]
) -> list[tuple[int, float]]:
    """(article id, score) rows of an index query; an interrupted query raises sqlite3.OperationalError."""
    try:
        return [(r[0], r[1]) for r in conn.execute(sql, params)]
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise
        raise BadQuery(f"cannot search for {query!r}: {exc}") from None


def search(
    conn: sqlite3.Connection, query: str, *, limit: int = 50, article_id: int | None = None
) -> list[Hit]:
    """Best matches first (BM25 over every matching article); Korean words match inside inflected forms.

    With `article_id`, that article's matching title and rows, in reading order. Ranking every match of a
    common word in a very large library takes a while: the library screen and `reader search` use
    `reader.store.library.search_library`, which ranks a bounded number of them.
    """

    def finding(parts: Parts) -> list[Hit]:
        if article_id is not None:
            ranked = ranked_articles(conn, query, *index_query(conn, parts, article_id=article_id))
            return located(conn, parts, ranked, limit=limit, per_article=None)
        ranked = ranked_articles(conn, query, *index_query(conn, parts, limit=limit))
        return located(conn, parts, ranked, limit=limit)

    return as_typed_else_loosely(query, finding)


def as_typed_else_loosely(query: str, finding: Callable[[Parts], list[Hit]]) -> list[Hit]:
    """The hits `finding` gives for the query's words as typed, and only when those find nothing, for the
    looser reading of `query_parts` (이재민이 → 이재민, 배치하다 → 배치): a word found as typed never
    brings in its looser cousins. Every search of texts goes through here."""
    parts = parse(query, search=True)
    hits = finding(parts)
    if not hits:
        loose = parse(query, search=True, loose=True)
        if loose != parts:
            return finding(loose)
    return hits


def located(conn: sqlite3.Connection, parts: Parts, ranked: Sequence[tuple[int, float]], *, limit: int,
            per_article: int | None = ROWS_PER_ARTICLE) -> list[Hit]:  # fmt: skip
    """Hits for ranked articles, best first: each article's title and rows holding the most of the query.

    Reads only as many articles as it takes to fill `limit` hits.
    """
    finder = _RowFinder(parts)
    hits: list[Hit] = []
    done = 0
    while done < len(ranked) and len(hits) < limit:
        batch = ranked[done : done + max(1, min(limit - len(hits), 32))]
        done += len(batch)
        hits += finder.hits(conn, batch, per_article)
    return hits[:limit]


_scratch = threading.local()


def _passages() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table with the index's tokenizer, for matching a few rows at a time."""
    conn = getattr(_scratch, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE passages USING fts5(text, content='', tokenize='{TOKENIZE}')")
        _scratch.conn = conn
    return conn


Passage = tuple[int | None, str, str]  # (position, or None for the titles; ko; en)


class _RowFinder:
    """Which title and rows of a few articles match a query, as the index would match them.

    A cheap sieve first: a row can hold a part of the query only if each of its Korean tokens is a
    substring of the row and each other word shares its first three letters (case and accents folded)
    with the row — stemming changes the end of a word, not its start. What passes is confirmed by FTS5,
    in reading order, only until an article has the hits it will show.
    """

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.needles = [[(t, True) if is_hangul(t) else (_fold(t)[:3], False) for t in tokens]
                        for _, tokens in parts]  # fmt: skip
        self.folds = any(not hangul for needles in self.needles for _, hangul in needles)

    def _may_hold(self, ko: str, en: str) -> int:
        """How many of the query's parts the passage may hold (an upper bound)."""
        text = f"{ko}\n{en}"
        folded = _fold(text) if self.folds else ""
        return sum(
            all(n in (text if hangul else folded) for n, hangul in needles) for needles in self.needles
        )

    def _holds(self, passages: Sequence[Passage]) -> list[int]:
        """How many of the query's parts each passage holds, as FTS5 matches them."""
        counts = [0] * len(passages)
        scratch = _passages()
        try:
            scratch.executemany("INSERT INTO passages (rowid, text) VALUES (?, ?)",
                                ((i, f"{index_text(ko)}\n{index_text(en)}") for i, (_, ko, en) in enumerate(passages)))  # fmt: skip
            for part, _ in self.parts:
                for (i,) in scratch.execute("SELECT rowid FROM passages WHERE passages MATCH ?", (part,)):
                    counts[i] += 1
        finally:
            scratch.execute("INSERT INTO passages (passages) VALUES ('delete-all')")
        return counts

    def hits(
        self, conn: sqlite3.Connection, batch: Sequence[tuple[int, float]], per_article: int | None
    ) -> list[Hit]:
        ids = [article_id for article_id, _ in batch]
        marks = ", ".join("?" * len(ids))
        articles = {r[0]: tuple(r) for r in conn.execute(
            f"SELECT id, title_ko, title_en, published, ko_text, en_text FROM articles WHERE id IN ({marks})", ids)}  # fmt: skip
        # Each article's passages that may hold every part (`whole`) and that may hold some (`some`), in order.
        whole: dict[int, list[Passage]] = {i: [] for i in articles}
        some: dict[int, list[Passage]] = {i: [] for i in articles}
        everything = len(self.parts)

        def sift(article_id: int, passage: Passage) -> None:
            may = self._may_hold(passage[1], passage[2])
            if may == everything:
                whole[article_id].append(passage)
            if may:
                some[article_id].append(passage)

        for article_id, title_ko, title_en, _, _, _ in articles.values():
            sift(article_id, (None, title_ko or "", title_en or ""))
        for article_id, packed in conn.execute(
            f"SELECT article_id, packed FROM segments WHERE article_id IN ({marks}) ORDER BY article_id", ids):  # fmt: skip
            a = articles[article_id]
            ko_text, en_text = a[4] or "", a[5] or ""
            try:
                rows = unpack_columns(packed)
            except ValueError:  # damaged rows (`reader db check` names them): the article's title only
                continue
            for position, (ko_start, ko_end, en_start, en_end) in enumerate(
                zip(rows.ko_start, rows.ko_end, rows.en_start, rows.en_end)
            ):
                sift(article_id, (position, ko_text[ko_start:ko_end], en_text[en_start:en_end]))
        chosen = self._confirmed(whole, per_article)
        partly = {i: some[i] for i in articles if not chosen[i] and some[i]}
        if partly:  # no passage holds every part: show those holding the most
            flat = [(i, p) for i, passages in partly.items() for p in passages]
            held: dict[int, list[tuple[Passage, int]]] = {}
            for (i, passage), count in zip(flat, self._holds([p for _, p in flat]), strict=True):
                held.setdefault(i, []).append((passage, count))
            for i, counted in held.items():
                best = max(count for _, count in counted)
                chosen[i] = [p for p, count in counted if best and count == best][:per_article]
        hits: list[Hit] = []
        for article_id, score in batch:
            found = articles.get(article_id)
            if found is None:  # removed since the index was asked
                continue
            # nothing found in any one passage (a phrase across two rows): open the article at the top
            shown = chosen[article_id] or [(None, found[1] or "", found[2] or "")]
            hits += [
                Hit(article_id, position, found[1] or "", found[2] or "", found[3], ko, en, score)
                for position, ko, en in shown
            ]
        return hits

    def _confirmed(
        self, candidates: dict[int, list[Passage]], per_article: int | None
    ) -> dict[int, list[Passage]]:
        """Each article's passages that hold every part, in order, at most `per_article`: candidates are
        confirmed a few at a time, so an article with many only costs the few it shows."""
        step = per_article or max((len(c) for c in candidates.values()), default=0)
        chosen: dict[int, list[Passage]] = {i: [] for i in candidates}
        offset = 0
        while True:
            wanted = [(i, p) for i, c in candidates.items() if per_article is None or len(chosen[i]) < per_article
                      for p in c[offset : offset + step]]  # fmt: skip
            if not wanted:
                return chosen
            counts = self._holds([p for _, p in wanted])
            for (i, p), count in zip(wanted, counts, strict=True):
                if count == len(self.parts) and (per_article is None or len(chosen[i]) < per_article):
                    chosen[i].append(p)
            offset += step


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in `text` (case-insensitive), for highlighting a snippet. A Korean
    word that is not there as typed is looked for as the search found it (이재민은 → 이재민), and a figure
    in each of its written forms (11000: 11,000, 1만1000)."""
    spans: list[tuple[int, int]] = []
    forms: set[str] = set()
    for word in query_words(query):
        candidates = (word, *figure_forms(word), *figure_forms(word, counter=False))
        present = [f for f in candidates if re.search(text_pattern(f), text, flags=re.IGNORECASE)]
        forms.update(present or [loose_word(word)])  # 11000 marks 1만1000 and 11,000 where they are written
    for word in sorted(forms, key=len, reverse=True):
        for m in re.finditer(text_pattern(word), text, flags=re.IGNORECASE):
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


def articles_containing(conn: sqlite3.Connection, form: str, side: str) -> list[int]:
    """Articles whose Korean text holds `form` as written, or whose English text holds it in any case: a
    plain substring test, for the articles a glossary change may touch."""
    if side == "ko":
        rows = conn.execute("SELECT id FROM articles WHERE instr(ko_text, ?) > 0", (form,))
    else:
        rows = conn.execute("SELECT id FROM articles WHERE instr(lower(en_text), lower(?)) > 0", (form,))
    return [r[0] for r in rows]


#: How many words of a text's end are asked of the index as a phrase to find the text stored again.
_CLOSING_WORDS = 8


def same_text(title: str, text: str, other_title: str, other_text: str) -> bool:
    """Whether two texts are one however their lines and spaces run, a headline kept apart in one and
    run into the text in the other (a file flattened to one line)."""
    ways = {" ".join(text.split()), " ".join(f"{title} {text}".split())}
    return bool(ways & {" ".join(other_text.split()), " ".join(f"{other_title} {other_text}".split())})


def articles_with_side(
    conn: sqlite3.Connection, side: str, title: str, text: str
) -> list[tuple[int, str, str, str, str]]:
    """The articles whose `side` ("ko" or "en") is `title` and `text` (`same_text`), whatever their other
    side holds, as (id, Korean title, Korean, English title, English): the text's closing words asked of
    the index as a phrase (a headline is stored apart, so the end is what both forms share), then the few
    articles that hold them compared, so a text stored already is found at any size of library without
    reading every text."""
    words = re.findall(r"\w+", text[-1000:])[-_CLOSING_WORDS:]
    if not words:
        return []
    parts = query_parts('"' + " ".join(words) + '"')
    if not parts:
        return []
    sql, params = index_query(conn, parts, newest=True, limit=50)
    found = []
    for article_id, _ in ranked_articles(conn, text[:40], sql, params):
        row = conn.execute(
            "SELECT id, title_ko, ko_text, title_en, en_text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is not None and same_text(title, text, *(row[1:3] if side == "ko" else row[3:5])):
            found.append((row[0], row[1], row[2], row[3], row[4]))
    return found
