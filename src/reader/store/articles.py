"""Articles and their aligned segments: what the library screen lists and the reading screen shows."""

from __future__ import annotations

import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from itertools import chain, pairwise, repeat
from operator import add, itemgetter
from typing import NamedTuple

from ..text.language import LANGUAGE_NAMES, other_side
from .connection import transaction
from .mention_pack import Columns, Packed, pack_mentions, unpack_columns
from .search import articles_with_side, index_article, same_text, unindex_article
from .segment_pack import SegmentRow, pack_rows, unpack_rows
from .segment_pack import unpack_columns as unpack_row_columns
from .spans import pack, unpack


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library: enough to list an article without reading its text."""

    id: int
    title_ko: str
    title_en: str
    source: str
    url: str
    published: str | None


class Segment(NamedTuple):
    """One aligned row: a Korean span and the English span that translates it (either may be empty).

    A named tuple, not a dataclass: a long article has tens of thousands, and a tuple is built several
    times faster.
    """

    position: int
    paragraph: int
    ko: str
    en: str
    ko_start: int
    ko_end: int
    en_start: int
    en_end: int
    link: str
    confidence: float
    locked: bool
    issues: tuple[str, ...] = ()


def side_span(segment: Segment, side: str) -> tuple[int, int]:
    """The segment's character span in the `side` ('ko'|'en') text."""
    return (segment.ko_start, segment.ko_end) if side == "ko" else (segment.en_start, segment.en_end)


def side_text(segment: Segment, side: str) -> str:
    """The segment's text on `side` ('ko'|'en')."""
    return segment.ko if side == "ko" else segment.en


class StoredMention(NamedTuple):
    """A highlighted name, date or quantity: a span of one side's article text, and its counterpart.

    `id` numbers the article's mentions as loaded (from 1); `partner` is the counterpart's id. A named
    tuple, as a long article has a hundred thousand of them.
    """

    id: int
    position: int
    side: str
    start: int
    end: int
    type: str
    partner: int | None
    how: str | None
    guess: bool


@dataclass(frozen=True, slots=True)
class Article:
    """An article as the reading screen needs it: metadata, both texts, and the aligned segments."""

    id: int
    title_ko: str
    title_en: str
    source: str
    url: str
    published: str | None
    ko_text: str
    en_text: str
    translation_by: str
    segments: tuple[Segment, ...] = field(default=())
    mentions: tuple[StoredMention, ...] = field(default=())
    paired: str = ""  # "auto" (joined by a fetch) or "hand" (`reader pair`): two stories made one
    feed: str = ""  # the feed it came from, if any

    def text(self, side: str) -> str:
        """The article's text on `side` ('ko'|'en')."""
        return self.ko_text if side == "ko" else self.en_text


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article on its way in, before analysis: what an importer produces."""

    ko: str
    en: str
    title_ko: str = ""
    title_en: str = ""
    source: str = ""
    url: str = ""
    published: str | None = None
    author: str | None = None
    translation_by: str = "human"

    @property
    def content_hash(self) -> str:
        """Same texts, same hash: the library never holds one article twice."""
        import hashlib  # here, not at the top: 7 ms of start-up for what only an import needs

        digest = hashlib.sha256()
        digest.update(self.ko.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
        digest.update(self.en.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class SentenceRow:
    lang: str
    idx: int
    start: int
    end: int
    paragraph: int


def sentences_span(
    sentences: Sequence[tuple[int, int]], first: int, stop: int, text_length: int
) -> tuple[int, int]:
    """Character span covering sentences [first, stop), given as (start, end); an empty range sits where the
    next sentence would start (at the end of the text, `text_length`, when there is none)."""
    if stop > first:
        return sentences[first][0], sentences[stop - 1][1]
    if first < len(sentences):
        return sentences[first][0], sentences[first][0]
    return text_length, text_length


@dataclass(frozen=True, slots=True)
class MentionRow:
    """A mention to store; the partner is given by its span on the other side (ids come from the database)."""

    position: int
    side: str
    start: int
    end: int
    type: str
    partner_start: int | None = None
    partner_end: int | None = None
    how: str | None = None
    guess: bool = False


class DuplicateArticle(Exception):
    """The same Korean and English texts are already in the library, as article `existing_id`; or, with
    `side`, the one text of a one-language article is, as that side of article `existing_id`."""

    def __init__(self, existing_id: int, side: str | None = None) -> None:
        if side is None:
            said = f"this article is already in the library (id {existing_id})"
        else:
            language = LANGUAGE_NAMES[side]
            said = f"this {language} text is already in the library: it is the {language} of article {existing_id}"
        super().__init__(said)
        self.existing_id = existing_id


_SUMMARY_COLUMNS = "id, title_ko, title_en, source, url, published"


def list_articles(conn: sqlite3.Connection) -> list[ArticleSummary]:
    """Newest first, then by id, so the order is stable."""
    rows = conn.execute(
        f"SELECT {_SUMMARY_COLUMNS} FROM articles ORDER BY published IS NULL, published DESC, id DESC"
    ).fetchall()
    return [ArticleSummary(*row) for row in rows]


def count_articles(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def get_article(conn: sqlite3.Connection, article_id: int) -> Article | None:
    row = conn.execute(
        f"SELECT {_SUMMARY_COLUMNS}, ko_text, en_text, translation_by, paired, feed FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    import gc

    collecting = gc.isenabled()
    gc.disable()  # a long article builds a few hundred thousand tuples: no collection passes meanwhile
    try:
        return _article(conn, row, article_id)
    finally:
        if collecting:
            gc.enable()


def _article(conn: sqlite3.Connection, row: sqlite3.Row, article_id: int) -> Article:
    ko_text, en_text = row["ko_text"], row["en_text"]
    segments = _segments(ko_text, en_text, load_segment_blob(conn, article_id))
    return Article(
        id=row["id"],
        title_ko=row["title_ko"],
        title_en=row["title_en"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        ko_text=ko_text,
        en_text=en_text,
        translation_by=row["translation_by"] or "human",
        segments=segments,
        mentions=mentions_of(segments, load_mentions(conn, article_id)),
        paired=row["paired"] or "",
        feed=row["feed"] or "",
    )


def load_segment_blob(conn: sqlite3.Connection, article_id: int) -> bytes | None:
    """An article's aligned rows as stored: one packed blob (`segment_pack.py`), None when it has none."""
    row = conn.execute("SELECT packed FROM segments WHERE article_id = ?", (article_id,)).fetchone()
    return bytes(row[0]) if row else None


def load_segment_rows(conn: sqlite3.Connection, article_id: int) -> list[SegmentRow]:
    """An article's aligned rows, in order (position = index)."""
    return unpack_rows(load_segment_blob(conn, article_id))


def _segments(ko_text: str, en_text: str, blob: bytes | None) -> tuple[Segment, ...]:
    """The reading screen's rows, built column at a time in C: an article may hold tens of thousands."""
    c = unpack_row_columns(blob)
    ko = map(ko_text.__getitem__, map(slice, c.ko_start, c.ko_end))
    en = map(en_text.__getitem__, map(slice, c.en_start, c.en_end))
    fields = zip(range(len(c)), c.paragraph, ko, en, c.ko_start, c.ko_end, c.en_start, c.en_end, c.link,
                 c.confidence, c.locked, c.issues)  # fmt: skip
    return tuple(map(_new_segment, fields))


#: Builds a Segment from a tuple of its fields in C, as `_new_mention` does a mention.
_new_segment = partial(tuple.__new__, Segment)


def load_mentions(conn: sqlite3.Connection, article_id: int) -> Columns:
    """An article's stored mentions as columns, Korean side first, each side in text order."""
    row = conn.execute("SELECT spans FROM mentions WHERE article_id = ?", (article_id,)).fetchone()
    return unpack_columns(row[0] if row else None)


def mentions_of(segments: Sequence[Segment], columns: Columns) -> tuple[StoredMention, ...]:
    """Mentions as the reading screen takes them: each in the row whose span holds its start (-1 before
    the first), in reading order (row, Korean side first, text order), numbered from 1, a partner given by
    its number. Column at a time, in C where it can be: an article may hold a hundred thousand."""
    ko_count, starts, ends, kinds, partners, hows, guesses = columns
    total = len(starts)
    if not total:
        return ()
    # Per side, where each row's mentions begin in that side's (sorted) list: a bisect a row, not a mention.
    ranges: dict[str, dict[int, range]] = {}
    before: list[int] = []
    for side, first, stop in (("ko", 0, ko_count), ("en", ko_count, total)):
        rows = [(s.ko_start, s.position) if side == "ko" else (s.en_start, s.position) for s in segments
                if (s.ko_end > s.ko_start if side == "ko" else s.en_end > s.en_start)]  # fmt: skip
        bounds = [bisect_left(starts, start, first, stop) for start, _ in rows] + [stop]
        if any(a > b for a, b in pairwise(bounds)):  # rows out of text order (never written so)
            return _mentions_one_by_one(segments, columns)
        before += range(first, bounds[0])  # before the first row: shown nowhere
        ranges[side] = {position: range(bounds[k], bounds[k + 1]) for k, (_, position) in enumerate(rows)}
    order = before
    positions = [-1] * len(before)
    empty = range(0)
    for segment in segments:
        here = (ranges["ko"].get(segment.position, empty), ranges["en"].get(segment.position, empty))
        count = len(here[0]) + len(here[1])
        if count:
            order += chain(*here)
            positions += repeat(segment.position, count)
    # each mention's number (its place in reading order, from 1): the inverse of the order
    number = list(map(add, sorted(range(total), key=order.__getitem__), repeat(1)))
    en_numbers, ko_numbers = [*number[ko_count:], None], [*number[:ko_count], None]  # index -1: no partner
    partner_numbers = [*map(en_numbers.__getitem__, partners[:ko_count]),
                       *map(ko_numbers.__getitem__, partners[ko_count:])]  # fmt: skip
    sides = ["ko"] * ko_count + ["en"] * (total - ko_count)
    pick = itemgetter(*order) if total > 1 else (lambda column: (column[order[0]],))
    fields = zip(range(1, total + 1), positions, pick(sides), pick(starts), pick(ends), pick(kinds),
                 pick(partner_numbers), pick(hows), pick(guesses))  # fmt: skip
    return tuple(map(_new_mention, fields))


#: Builds a StoredMention from a tuple of its fields in C, without the named tuple's Python-level __new__.
_new_mention = partial(tuple.__new__, StoredMention)


def _mentions_one_by_one(segments: Sequence[Segment], columns: Columns) -> tuple[StoredMention, ...]:
    """`mentions_of` for segments whose spans are not in text order: a bisect per mention, then a sort."""
    ko_count, starts, ends, kinds, partners, hows, guesses = columns
    total = len(starts)
    positions: list[int] = []
    for side, part in (("ko", slice(0, ko_count)), ("en", slice(ko_count, None))):
        rows = sorted((s.ko_start, s.position) if side == "ko" else (s.en_start, s.position) for s in segments
                      if (s.ko_end > s.ko_start if side == "ko" else s.en_end > s.en_start))  # fmt: skip
        row_start = [start for start, _ in rows]
        at_row = [-1, *(position for _, position in rows)]
        positions += (at_row[bisect_right(row_start, start)] for start in starts[part])
    order = sorted(range(total), key=lambda i: (positions[i], i >= ko_count, starts[i]))
    number = {i: n for n, i in enumerate(order, 1)}
    sides = ["ko"] * ko_count + ["en"] * (total - ko_count)
    return tuple(
        StoredMention(number[i], positions[i], sides[i], starts[i], ends[i], kinds[i],
                None if partners[i] < 0 else number[partners[i] + ko_count if i < ko_count else partners[i]],
                hows[i], guesses[i])
        for i in order
    )  # fmt: skip


def find_by_hash(conn: sqlite3.Connection, content_hash: str) -> int | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    return row[0] if row else None


def refuse_stored(conn: sqlite3.Connection, article: NewArticle) -> None:
    """`DuplicateArticle` when the library holds `article` already: the same texts (however their lines
    and spaces run: a file flattened to one line is the same text), or, for an article in one language,
    that text as one side of an article in two (added again alone, it would be stored twice)."""
    existing = find_by_hash(conn, article.content_hash)
    if existing is not None:
        raise DuplicateArticle(existing)
    sides = [side for side in ("ko", "en") if getattr(article, side).strip()]
    if not sides:
        return
    first, other = sides[0], other_side(sides[0])
    for article_id, title_ko, ko, title_en, en in articles_with_side(
        conn, first, getattr(article, f"title_{first}"), getattr(article, first)
    ):
        stored = (title_en, en) if first == "ko" else (title_ko, ko)
        if same_text(getattr(article, f"title_{other}"), getattr(article, other), *stored):
            raise DuplicateArticle(article_id)  # the same article, its lines run otherwise
        if len(sides) == 1:
            raise DuplicateArticle(article_id, first)  # one side of an article in two


def insert_article(
    conn: sqlite3.Connection,
    article: NewArticle,
    sentences: Sequence[SentenceRow],
    segments: Sequence[SegmentRow],
    *,
    added: str | None = None,
    mentions: Sequence[MentionRow] = (),
    then: Callable[[sqlite3.Connection, int], None] | None = None,
) -> int:
    """Store an analysed article in one transaction and return its id; a duplicate raises DuplicateArticle.

    `then(conn, article_id)` runs in the same transaction (a fetch records where the article came from)."""
    with transaction(conn):
        article_id = write_new_article(conn, article, sentences, segments, added=added, mentions=mentions)
        if then is not None:
            then(conn, article_id)
        return article_id


def write_new_article(
    conn: sqlite3.Connection,
    article: NewArticle,
    sentences: Sequence[SentenceRow],
    segments: Sequence[SegmentRow],
    *,
    added: str | None = None,
    mentions: Sequence[MentionRow] = (),
) -> int:
    """What `insert_article` does, inside the caller's transaction (a split that also moves notes)."""
    content_hash = article.content_hash
    existing = find_by_hash(conn, content_hash)
    if existing is not None:
        raise DuplicateArticle(existing)
    # Never an id given out before, though its article was removed (see migration 11).
    highest, given = conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM articles), "
        "(SELECT coalesce(max(value), 0) FROM id_counters WHERE name = 'articles')"
    ).fetchone()
    article_id = max(highest, given) + 1
    conn.execute("INSERT OR REPLACE INTO id_counters (name, value) VALUES ('articles', ?)", (article_id,))
    row = {
        "id": article_id,
        "title_ko": article.title_ko,
        "title_en": article.title_en,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "added": added or datetime.now(UTC).isoformat(timespec="seconds"),
        "original_lang": "ko" if article.ko.strip() else "en",
        "translation_by": article.translation_by,
        "content_hash": content_hash,
        "ko_text": article.ko,
        "en_text": article.en,
    }
    conn.execute(
        f"INSERT INTO articles ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    insert_rows(conn, article_id, sentences, segments)
    insert_mentions(conn, article_id, mentions)
    index_article(conn, article_id)
    return int(article_id)


def replace_article(
    conn: sqlite3.Connection,
    article_id: int,
    article: NewArticle,
    sentences: Sequence[SentenceRow],
    segments: Sequence[SegmentRow],
    mentions: Sequence[MentionRow] = (),
) -> dict[str, int]:
    """Give an article new text and alignment in one transaction, re-anchoring its notes to the new text.

    Used when an article is re-imported or re-analysed; returns how the notes were re-anchored.
    """
    with transaction(conn):
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise LookupError(f"no article with id {article_id}")
        return rewrite_article(conn, article_id, article, sentences, segments, mentions)


def rewrite_article(
    conn: sqlite3.Connection,
    article_id: int,
    article: NewArticle,
    sentences: Sequence[SentenceRow],
    segments: Sequence[SegmentRow],
    mentions: Sequence[MentionRow] = (),
    *,
    translation_by: str | None = None,
    original_lang: str | None = None,
) -> dict[str, int]:
    """What `replace_article` does, inside the caller's transaction on an article that exists: for a
    caller that checks more first, in the same transaction (a machine translation, which also records
    its engine as `translation_by` and the side it translated from as `original_lang`)."""
    from .notes import reanchor_notes

    unindex_article(conn, article_id)
    columns: dict[str, object] = {
        "ko_text": article.ko,
        "en_text": article.en,
        "title_ko": article.title_ko,
        "title_en": article.title_en,
        "content_hash": article.content_hash,
    }
    if translation_by is not None:
        columns["translation_by"] = translation_by
    if original_lang is not None:
        columns["original_lang"] = original_lang
    assignments = ", ".join(f"{column} = ?" for column in columns)
    conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*columns.values(), article_id))
    for table in ("mentions", "segments", "sentences"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    insert_rows(conn, article_id, sentences, segments)
    insert_mentions(conn, article_id, mentions)
    index_article(conn, article_id)
    return reanchor_notes(conn, article_id)


def insert_rows(
    db, article_id: int, sentences: Sequence[SentenceRow], segments: Sequence[SegmentRow]
) -> None:
    """Store an article's sentences (one packed blob per side) and segments; `db` is a connection or a
    sqlite_utils Database over one (inside the caller's transaction)."""
    conn: sqlite3.Connection = getattr(db, "conn", db)
    sides: dict[str, list[SentenceRow]] = {}
    for s in sorted(sentences, key=lambda s: (s.lang, s.idx)):
        sides.setdefault(s.lang, []).append(s)
    for lang, rows in sides.items():
        if [s.idx for s in rows] != list(range(len(rows))):
            raise ValueError(f"{lang} sentences must be numbered 0, 1, 2 … without gaps")
    conn.executemany(
        "INSERT INTO sentences (article_id, lang, spans) VALUES (?, ?, ?)",
        (
            (article_id, lang, pack((s.start, s.end, s.paragraph) for s in rows))
            for lang, rows in sides.items()
        ),
    )
    insert_segments(conn, article_id, segments)


def insert_segments(conn: sqlite3.Connection, article_id: int, segments: Sequence[SegmentRow]) -> None:
    """Store (or replace) an article's segment rows, numbered 0, 1, 2 …, as one packed blob (inside the
    caller's transaction)."""
    if not segments:  # an article without rows has no blob (what `reader db check` looks for)
        conn.execute("DELETE FROM segments WHERE article_id = ?", (article_id,))
        return
    rows = sorted(segments, key=lambda g: g.position)
    if [g.position for g in rows] != list(range(len(rows))):
        raise ValueError("aligned rows must be numbered 0, 1, 2 … without gaps")
    conn.execute(
        "INSERT OR REPLACE INTO segments (article_id, packed) VALUES (?, ?)", (article_id, pack_rows(rows))
    )


def sentence_spans(conn: sqlite3.Connection, article_id: int, lang: str) -> list[tuple[int, int, int]]:
    """One side's sentences as (start, end, paragraph), in order (index = sentence number)."""
    row = conn.execute(
        "SELECT spans FROM sentences WHERE article_id = ? AND lang = ?", (article_id, lang)
    ).fetchone()
    return unpack(row[0]) if row else []


class Texts(NamedTuple):
    """What re-analysing an article's names needs: its two texts and its publication date (by which the
    translation check sets a day of the month beside a weekday)."""

    ko: str
    en: str
    published: str | None


def get_texts(conn: sqlite3.Connection, article_id: int) -> Texts | None:
    """An article's texts and date, without its rows and mentions (for re-analysing many)."""
    row = conn.execute(
        "SELECT ko_text, en_text, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else Texts(*row)


def insert_mentions(conn: sqlite3.Connection, article_id: int, mentions: Sequence[MentionRow]) -> None:
    """Store an article's mentions as one packed row, each linked pair connected by the partner's span
    (inside the caller's transaction; the article has no stored mentions yet)."""
    if not mentions:
        return
    sides = {side: sorted((m for m in mentions if m.side == side), key=lambda m: (m.start, m.end))
             for side in ("ko", "en")}  # fmt: skip
    index: dict[tuple[str, int, int], int] = {}
    for side, found in sides.items():
        for i, m in enumerate(found):
            index.setdefault((side, m.start, m.end), i)
    packed: list[Packed] = []
    for side, found in sides.items():
        other = other_side(side)
        for m in found:
            partner = (
                -1
                if m.partner_start is None or m.partner_end is None
                else index.get((other, m.partner_start, m.partner_end), -1)
            )
            packed.append((side, m.start, m.end, m.type, partner, m.how, m.guess))
    if len(packed) != len(mentions):
        raise ValueError("a mention's side must be 'ko' or 'en'")
    conn.execute(
        "INSERT OR REPLACE INTO mentions (article_id, spans) VALUES (?, ?)",
        (article_id, pack_mentions(packed)),
    )


def set_entity_layer(
    conn: sqlite3.Connection,
    article_id: int,
    issues: Sequence[tuple[int, tuple[str, ...]]],
    mentions: Sequence[MentionRow],
) -> None:
    """Replace an article's mentions and translation-check issues (after the glossary changed)."""
    with transaction(conn):
        conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        changed = dict(issues)
        rows = load_segment_rows(conn, article_id)
        if any(r.position in changed for r in rows):
            rows = [
                replace(r, issues=tuple(changed[r.position])) if r.position in changed else r for r in rows
            ]
            insert_segments(conn, article_id, rows)
        insert_mentions(conn, article_id, mentions)


def delete_article(conn: sqlite3.Connection, article_id: int) -> bool:
    """Remove an article and everything derived from it, in one transaction."""
    with transaction(conn):
        unindex_article(conn, article_id)
        for table in ("notes", "mentions", "segments", "sentences"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        return conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0


def segment_at(article: Article, side: str, offset: int) -> Segment | None:
    """The segment whose `side` span holds `offset` (a note's start): where the note shows."""
    best = None
    for segment in article.segments:
        start, end = side_span(segment, side)
        if start <= offset < end or (start == end == offset):
            return segment
        if start <= offset:
            best = segment
    return best
