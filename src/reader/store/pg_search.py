"""Full-text search on a PostgreSQL library: the same terms, the same questions, a tsvector per article.

Why a tsvector over the terms `index_text` makes, not pg_trgm: the semantics to keep are FTS5's —
Korean words found inside inflected forms (the query is the phrase of its syllable bigrams, 북한 <-> 한군),
English words by their stem (porter there, Snowball's English here, no stop words on either side),
quoted phrases, a lone syllable as a prefix, the title weighted above the text. A tsvector of the same
bigram text gives exactly those operators: `<->` is FTS5's phrase, `:*` its prefix, weights A/D its
column weights; a GIN index answers them in one lookup. Trigrams would find substrings instead (no
stems, no phrases across a word boundary, no ranking by weight) and cost an index several times the
size of the text.

How the text becomes terms: Python splits the text into words as FTS5's unicode61 does (letters and
digits; case and Latin diacritics folded, see `search_terms.fold`) after `index_text` spelt Korean as bigrams,
so the server's parser meets only plain words and cannot read "3.5" or an e-mail address as one token
where FTS5 reads two. The `reader_search` configuration (pg_schema.py) then stems each word.

Ranking is ts_rank over the weighted vector (title 3 : text 1, as FTS5's bm25 weights), negated so
that lower is better as BM25 is; it has no inverse document frequency, so ties among equally matching
articles fall to the newest. A tsvector keeps word positions up to 16,383: a phrase past that point of
a very long article matches less precisely (its words are still found), and an article too large for
one tsvector (1 MB) keeps its distinct words without positions (see `index_article`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from ..text.search_terms import fold, index_text

_SEPARATORS = re.compile(r"[\W_]+")
#: Text shorter than this always fits one tsvector (1 MB): no savepoint needed for it.
_SURELY_FITS = 200_000
#: ts_rank's weights for D (the text) … A (the title).
_WEIGHTS = "'{0.1, 0, 0, 0.3}'"
VECTOR = "setweight(to_tsvector('reader_search', ?), 'A') || setweight(to_tsvector('reader_search', ?), 'D')"


def words(text: str) -> str:
    """`text` as the index's plain words: Korean as bigrams, case and accents folded, separators gone."""
    return _SEPARATORS.sub(" ", fold(index_text(text))).strip()


def index_row(title_ko: str, title_en: str, ko: str, en: str) -> tuple[str, str]:
    """(title words, text words) for `VECTOR`."""
    return f"{words(title_ko)} {words(title_en)}", f"{words(ko)} {words(en)}"


def index_article(conn, article_id: int, row: tuple[str, str, str, str]) -> None:
    """Index one article (inside the caller's transaction). A tsvector holds at most 1 MB: an article
    too large for one (megabytes of text) is indexed by its distinct words without their positions, so
    its words are still found, though a phrase in it matches as its words anywhere in the article."""
    index_titles(conn, [(article_id, row[0], row[1])])
    title, body = index_row(*row)
    upsert = (
        f"INSERT INTO search_index (article_id, terms) VALUES (?, {VECTOR}) "
        "ON CONFLICT (article_id) DO UPDATE SET terms = EXCLUDED.terms"
    )
    if len(title) + len(body) < _SURELY_FITS:
        conn.execute(upsert, (article_id, title, body))
        return
    conn.execute("SAVEPOINT reader_index")
    try:
        conn.execute(upsert, (article_id, title, body))
    except sqlite3.OperationalError as exc:
        if "too long for tsvector" not in str(exc):
            raise
        conn.execute("ROLLBACK TO SAVEPOINT reader_index")
        distinct, size = [], 0
        for word in dict.fromkeys(body.split()):  # as many distinct words as one tsvector holds
            size += len(word.encode()) + 8
            if size > 900_000:
                break
            distinct.append(word)
        conn.execute(upsert.replace(VECTOR, f"strip({VECTOR})"), (article_id, title, " ".join(distinct)))
    conn.execute("RELEASE SAVEPOINT reader_index")


def unindex_article(conn, article_id: int) -> None:
    conn.execute("DELETE FROM search_index WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM title_index WHERE article_id = ?", (article_id,))


def rebuild(conn, ticker) -> None:
    with ticker.step("emptying the index"):
        conn.execute("DELETE FROM search_index")
        conn.execute("DELETE FROM title_index")
    with ticker.step("indexing articles"):
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        done = 0
        last = 0
        while batch := conn.execute(
            "SELECT id, title_ko, title_en, ko_text, en_text FROM articles WHERE id > ? ORDER BY id LIMIT 500",
            (last,),
        ).fetchall():
            conn.executemany(
                f"INSERT INTO search_index (article_id, terms) VALUES (?, {VECTOR})",
                [(r[0], *index_row(r[1] or "", r[2] or "", r[3] or "", r[4] or "")) for r in batch],
            )
            index_titles(conn, [(r[0], r[1] or "", r[2] or "") for r in batch])
            last = batch[-1][0]
            done += len(batch)
            ticker.count(done, total)
    with ticker.step("merging the index"):
        pass  # a GIN index needs no merge


_PHRASE = re.compile(r'"([^"]*)"(\*?)')


def tsquery(parts: Sequence[tuple[str, list[str]]]) -> str:
    """The query's parts (`query_parts`) as a to_tsquery text: each a phrase of its words, all of them
    required; a phrase written as a prefix (`…*`) matches its last word as a prefix, and a part that is
    one of several phrases (`("…" OR "…")`: a figure's written forms, a word and its stem) any of them."""
    required = []
    for expression, _ in parts:
        either = []
        for phrase, star in _PHRASE.findall(expression):
            folded = words(phrase).split()
            if not folded:
                continue
            operands = [f"'{w}'" for w in folded]
            if star:
                operands[-1] += ":*"
            either.append("(" + " <-> ".join(operands) + ")")
        if either:
            required.append(either[0] if len(either) == 1 else "(" + " | ".join(dict.fromkeys(either)) + ")")
    return " & ".join(required)


def ranked_sql(*, newest: bool, one_article: bool = False) -> str:
    """(article id, score) of the articles matching a tsquery (the first parameter): best first, or
    newest first; `one_article` asks about one article (the second parameter), else a LIMIT is the last.

    Newest first, the matches are limited before they are ranked: ts_rank reads an article's whole vector,
    so only the few hundred kept are ranked, not every article holding a common word."""
    score = f"-ts_rank({_WEIGHTS}, terms, q, 1)"
    query = "to_tsquery('reader_search', ?) q"
    if one_article:
        return f"SELECT article_id, {score} AS score FROM search_index, {query} WHERE terms @@ q AND article_id = ?"
    if newest:
        return (
            f"SELECT article_id, {score} AS score FROM (SELECT article_id, terms, q FROM search_index, {query} "
            "WHERE terms @@ q ORDER BY article_id DESC LIMIT ?) newest ORDER BY article_id DESC"
        )
    return (
        f"SELECT article_id, {score} AS score FROM search_index, {query} WHERE terms @@ q "
        "ORDER BY score, article_id DESC LIMIT ?"
    )


def titles_sql() -> str:
    """The command palette's lookup (a tsquery, a limit): the index of titles alone, as SQLite's
    `title_index`, so a prefix is looked up among title words only, not every word of every text."""
    return (
        "SELECT article_id FROM title_index WHERE terms @@ to_tsquery('reader_search', ?) "
        "ORDER BY article_id DESC LIMIT ?"
    )


#: Schema 14's table (pg_schema.py): each article's title words, as `search_index` weights A.
CREATE_TITLES = (
    "CREATE TABLE title_index (article_id BIGINT PRIMARY KEY, terms TSVECTOR NOT NULL)",
    "CREATE INDEX idx_title_terms ON title_index USING gin (terms)",
)
_TITLE_VECTOR = "to_tsvector('reader_search', ?)"


def index_titles(conn, rows: Sequence[tuple[int, str, str]]) -> None:
    """Put these articles' (id, title_ko, title_en) into the title index (inside the caller's transaction)."""
    conn.executemany(
        f"INSERT INTO title_index (article_id, terms) VALUES (?, {_TITLE_VECTOR}) "
        "ON CONFLICT (article_id) DO UPDATE SET terms = EXCLUDED.terms",
        [(article_id, f"{words(ko)} {words(en)}") for article_id, ko, en in rows],
    )


def fill_titles(conn) -> None:
    """Every article's titles into an empty title index (schema 14's migration, `reader db reindex`)."""
    last = 0
    while batch := conn.execute(
        "SELECT id, title_ko, title_en FROM articles WHERE id > ? ORDER BY id LIMIT 2000", (last,)
    ).fetchall():
        index_titles(conn, [(r[0], r[1] or "", r[2] or "") for r in batch])
        last = batch[-1][0]
