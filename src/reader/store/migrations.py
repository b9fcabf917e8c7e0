"""The library schema as an ordered list of migrations, tracked by `PRAGMA user_version`.

Each migration runs inside one transaction together with the version bump, so a file is always at a
version that really exists. sqlite-utils is imported only when a migration has to run, which keeps the
start-up path of an up-to-date library free of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .connection import APPLICATION_ID, PAGE_SIZE, StoreError, transaction

Migration = Callable[["object"], None]  # takes a sqlite_utils.Database


def _v1_articles_and_segments(db) -> None:
    db["articles"].create(
        {
            "id": int,
            "title_ko": str,
            "title_en": str,
            "source": str,
            "url": str,
            "author": str,
            "published": str,
            "added": str,
            "original_lang": str,
            "translation_by": str,
            "content_hash": str,
            "ko_text": str,
            "en_text": str,
            "read_at": str,
            "starred": int,
        },
        pk="id",
        not_null={"content_hash", "ko_text", "en_text", "title_ko", "title_en", "source", "url", "added"},
        defaults={
            "starred": 0,
            "ko_text": "",
            "en_text": "",
            "title_ko": "",
            "title_en": "",
            "source": "",
            "url": "",
            "translation_by": "human",
        },
    )
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["published"])
    # Sentences are spans of the article text, not copies of it: the text is stored once.
    db["sentences"].create(
        {"article_id": int, "lang": str, "idx": int, "start": int, "end": int, "paragraph": int},
        pk=("article_id", "lang", "idx"),
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"start", "end", "paragraph"},
    )
    db["segments"].create(
        {
            "id": int,
            "article_id": int,
            "position": int,
            "paragraph": int,
            "ko_from": int,  # sentence indices [from, to)
            "ko_to": int,
            "en_from": int,
            "en_to": int,
            "ko_start": int,  # character span in articles.ko_text
            "ko_end": int,
            "en_start": int,
            "en_end": int,
            "link": str,
            "confidence": float,
            "locked": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={
            "position",
            "paragraph",
            "ko_from",
            "ko_to",
            "en_from",
            "en_to",
            "ko_start",
            "ko_end",
            "en_start",
            "en_end",
            "link",
            "confidence",
        },
        defaults={"locked": 0, "confidence": 1.0},
    )
    db["segments"].create_index(["article_id", "position"], unique=True)


def _v2_glossary_and_mentions(db) -> None:
    db["glossary"].create(
        {"id": int, "ko": str, "en": str, "type": str, "note": str, "origin": str},
        pk="id",
        not_null={"ko", "en", "type", "origin"},
        defaults={"note": "", "origin": "user"},
    )
    db["glossary"].create_index(["ko", "en", "type"], unique=True)
    # A mention is a span of one side of one segment; `partner` is the mention it translates.
    db["mentions"].create(
        {
            "id": int,
            "article_id": int,
            "position": int,  # the segment's position
            "side": str,  # ko | en
            "start": int,  # character span in that side's article text
            "end": int,
            "type": str,
            "glossary_id": int,
            "partner": int,
            "how": str,  # glossary | number | date | transliteration | elimination
            "guess": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("glossary_id", "glossary", "id")],
        not_null={"position", "side", "start", "end", "type"},
        defaults={"guess": 0},
    )
    db["mentions"].create_index(["article_id", "position"])
    db["mentions"].create_index(["glossary_id"])
    from .glossary import seed_bundled

    seed_bundled(db.conn)


def _v3_notes(db) -> None:
    # A note anchors to a span of one side's article text (W3C TextPositionSelector + TextQuoteSelector);
    # its segment is derived from the span, so re-alignment moves the note with its words.
    db["notes"].create(
        {
            "id": int,
            "article_id": int,
            "target": str,  # segment | mention | span
            "side": str,  # ko | en
            "start": int,
            "end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "body": str,
            "tags": str,  # space-separated, without '#'
            "created": str,
            "updated": str,
            "deleted_at": str,
            "detached": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"target", "side", "start", "end", "exact", "body", "created", "updated"},
        defaults={"tags": "", "detached": 0, "prefix": "", "suffix": ""},
    )
    db["notes"].create_index(["article_id"])
    db["notes"].create_index(["updated"])


def _v4_search_index(db) -> None:
    # The first index, one row per aligned row; migration 8 replaced it (and fills its successor).
    db.conn.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "ko, en, content='', tokenize='porter unicode61 remove_diacritics 2')"
    )


def _v5_segment_issues(db) -> None:
    # What the translation check found in a segment pair (a number or date that differs), one per line.
    db["segments"].add_column("issues", str, not_null_default="")


def _v6_translation_runs(db) -> None:
    # Which engine translated an article and when, and the batches of an unfinished run (to resume it).
    # As `reader translate` created them on first use before this migration (hence IF NOT EXISTS).
    db.conn.execute(
        """CREATE TABLE IF NOT EXISTS translation_runs (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        engine TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        source_lang TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT
    )"""
    )
    db.conn.execute(
        """CREATE TABLE IF NOT EXISTS translation_parts (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    )"""
    )


def _v7_listing_index(db) -> None:
    # Everything the library list sorts and filters on, in one covering index: at 100,000 articles a sort
    # by source or title, or the unread filter, then reads this small index instead of every article's
    # pages of text (sort by source 2.9 s → 0.12 s, unread 0.27 s → 0.03 s).
    db.conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_listing "
        "ON articles(published, id, source, title_ko, title_en, starred, read_at)"
    )


def _v8_compact_rows_and_article_index(db) -> None:
    """About a third off a large library (2.6× → under 2× its text at 100,000 articles).

    - `segments` becomes one b-tree keyed by (article, position) — no rowid, no second index;
    - `sentences` become one packed blob per article side (`spans.py`) instead of a row per sentence;
    - the full-text index holds one row per article (rowid = article id) instead of one per aligned row:
      a word repeated in an article is stored once with its positions, not once per row, and
      `search.py` finds the matching rows of the few articles it shows;
    - the index on `published` goes: the listing index starts with the same column.
    """
    from itertools import groupby

    from .search import CREATE, rebuild
    from .spans import pack

    conn = db.conn
    conn.execute(
        "CREATE TABLE segments_v8 (article_id INTEGER NOT NULL REFERENCES articles(id), position INTEGER NOT NULL, "
        "paragraph INTEGER NOT NULL, ko_from INTEGER NOT NULL, ko_to INTEGER NOT NULL, en_from INTEGER NOT NULL, "
        "en_to INTEGER NOT NULL, ko_start INTEGER NOT NULL, ko_end INTEGER NOT NULL, en_start INTEGER NOT NULL, "
        "en_end INTEGER NOT NULL, link TEXT NOT NULL, confidence FLOAT NOT NULL DEFAULT 1.0, "
        "locked INTEGER NOT NULL DEFAULT 0, issues TEXT NOT NULL DEFAULT '', "
        "PRIMARY KEY (article_id, position)) WITHOUT ROWID"
    )
    conn.execute(
        "INSERT INTO segments_v8 SELECT article_id, position, paragraph, ko_from, ko_to, en_from, en_to, ko_start, "
        "ko_end, en_start, en_end, link, confidence, coalesce(locked, 0), coalesce(issues, '') FROM segments"
    )
    conn.execute("DROP TABLE segments")
    conn.execute("ALTER TABLE segments_v8 RENAME TO segments")
    conn.execute(
        "CREATE TABLE sentences_v8 (article_id INTEGER NOT NULL REFERENCES articles(id), lang TEXT NOT NULL, "
        "spans BLOB NOT NULL, PRIMARY KEY (article_id, lang)) WITHOUT ROWID"
    )
    rows = conn.execute(
        'SELECT article_id, lang, start, "end", paragraph FROM sentences ORDER BY article_id, lang, idx'
    )
    by_side = groupby(rows, key=lambda r: (r[0], r[1]))
    conn.executemany(
        "INSERT INTO sentences_v8 (article_id, lang, spans) VALUES (?, ?, ?)",
        (
            (article_id, lang, pack((r[2], r[3], r[4]) for r in group))
            for (article_id, lang), group in by_side
        ),
    )
    rows.close()
    conn.execute("DROP TABLE sentences")
    conn.execute("ALTER TABLE sentences_v8 RENAME TO sentences")
    conn.execute("DROP TABLE search_index")
    conn.execute(CREATE)
    rebuild(conn, titles=False)
    conn.execute("DROP INDEX IF EXISTS idx_articles_published")


def _v9_packed_mentions(db) -> None:
    """An article's mentions in one packed row (`mention_pack.py`) instead of a row each.

    At about ninety mentions an article, rows with their ids, offsets, type names and two indexes (one on
    a glossary id that was never filled) cost a library more than its text; packed, they take a few
    bytes each and an article's mentions are read in one lookup. A partner's id becomes its index on the
    other side; a link to a mention of the same side or of another article (which nothing writes) is
    dropped.
    """
    from itertools import groupby

    from .mention_pack import pack_mentions

    conn = db.conn
    conn.execute(
        "CREATE TABLE mentions_v9 (article_id INTEGER PRIMARY KEY REFERENCES articles(id), spans BLOB NOT NULL)"
    )
    rows = conn.execute(
        'SELECT article_id, id, side, start, "end", type, partner, how, guess FROM mentions '
        "WHERE side IN ('ko', 'en') ORDER BY article_id, side DESC, start, \"end\", id"
    )

    def packed(group) -> bytes:
        found = list(group)
        where: dict[int, tuple[str, int]] = {}
        counts = {"ko": 0, "en": 0}
        for m in found:
            where[m[1]] = (m[2], counts[m[2]])
            counts[m[2]] += 1
        out = []
        for _, _, side, start, end, kind, partner, how, guess in found:
            other = where.get(partner) if partner is not None else None
            index = other[1] if other is not None and other[0] != side else -1
            out.append((side, start, max(start, end), kind, index, how, bool(guess)))
        return pack_mentions(out)

    conn.executemany(
        "INSERT INTO mentions_v9 (article_id, spans) VALUES (?, ?)",
        ((article_id, packed(group)) for article_id, group in groupby(rows, key=lambda r: r[0])),
    )
    rows.close()
    conn.execute("DROP TABLE mentions")  # its indexes go with it
    conn.execute("ALTER TABLE mentions_v9 RENAME TO mentions")


def _v10_feeds_and_pairs(db) -> None:
    """Feeds the reader follows, the items already seen in them, and where each side of an article came
    from: a story fetched in two languages becomes one article that keeps both addresses."""
    conn = db.conn
    conn.execute(
        "CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE, "
        "etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '', last_fetched TEXT, "
        "last_error TEXT NOT NULL DEFAULT '', added TEXT NOT NULL)"
    )
    # An item is remembered once stored (or once refused as a duplicate), by its guid within its feed, its
    # address and its text, so moving or repeated items are never stored twice.
    conn.execute(
        "CREATE TABLE feed_items (id INTEGER PRIMARY KEY, feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL, "
        "guid TEXT NOT NULL, url TEXT NOT NULL DEFAULT '', text_hash TEXT NOT NULL DEFAULT '', "
        "article_id INTEGER, lang TEXT NOT NULL DEFAULT '', seen TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX idx_feed_items_guid ON feed_items(feed_id, guid)")
    conn.execute("CREATE INDEX idx_feed_items_url ON feed_items(url)")
    conn.execute("CREATE INDEX idx_feed_items_hash ON feed_items(text_hash)")
    for column in ("feed", "ko_url", "en_url", "paired"):
        conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    # Two one-language articles a person unpaired: never paired again automatically.
    conn.execute(
        "CREATE TABLE unpaired (ko_article INTEGER NOT NULL, en_article INTEGER NOT NULL, "
        "PRIMARY KEY (ko_article, en_article)) WITHOUT ROWID"
    )


def _v11_article_ids_never_reused(db) -> None:
    """The last article id given out, so that removing the newest article does not hand its id to the
    next one (SQLite's rowid would): an id in a note export or a script means one article for good."""
    db.conn.execute("CREATE TABLE id_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID")
    db.conn.execute(
        "INSERT INTO id_counters (name, value) VALUES ('articles', (SELECT coalesce(max(id), 0) FROM articles))"
    )


def _v12_sort_indexes(db) -> None:
    """The library listed by source or by title off an index, as by date: at a million articles a sort
    of the whole table for the first screenful would take seconds. Each holds what the filters test
    (starred, read, source), so a filtered window reads no article. And the number of articles kept."""
    db.conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_by_source "
        "ON articles(source = '', source COLLATE NOCASE, published DESC, id DESC, starred, read_at)"
    )
    db.conn.execute(
        "CREATE INDEX IF NOT EXISTS idx_articles_by_title ON articles("
        "coalesce(nullif(title_ko, ''), title_en) COLLATE NOCASE, id DESC, starred, read_at, source)"
    )
    # The number of articles, kept by triggers in the transaction that adds or removes one: counting a
    # million index entries takes 80 ms, and the library counts them at every start.
    db.conn.execute("CREATE TABLE counts (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID")
    db.conn.execute("INSERT INTO counts (name, value) VALUES ('articles', (SELECT count(*) FROM articles))")
    for event, change in (("INSERT", "+ 1"), ("DELETE", "- 1")):
        db.conn.execute(
            f"CREATE TRIGGER articles_counted_{event.lower()} AFTER {event} ON articles "
            f"BEGIN UPDATE counts SET value = value {change} WHERE name = 'articles'; END"
        )


def _v13_note_authors(db) -> None:
    """Who wrote each note, for a library a team shares (see `notes.note_author`); older notes have none."""
    db.conn.execute(NOTE_AUTHOR_COLUMN)


def _v14_title_index_and_korean_terms(db) -> None:
    """The command palette's title lookup off an index of the titles alone, with prefix indexes
    (`search.CREATE_TITLES`): at a million articles a two-letter prefix looked up in the full-text index
    merged the lists of every word it starts, in texts as well as titles (95–334 ms a key). And the
    Korean terms the index holds (`hangul_terms`), so one syllable searched for is asked as the terms it
    starts rather than as a prefix (0.2–0.4 s). And the listing index without the titles."""
    from . import hangul_terms
    from .search import CREATE_TITLES, index_titles

    db.conn.execute("DROP INDEX IF EXISTS idx_articles_listing")  # first: the new tables take its pages
    db.conn.execute(LISTING_INDEX)
    db.conn.execute(CREATE_TITLES)
    index_titles(db.conn)
    db.conn.execute(hangul_terms.CREATE)
    hangul_terms.fill_from_index(db.conn)


def _v15_packed_rows(db) -> None:
    """An article's aligned rows in one packed row (`segment_pack.py`) instead of a row each: at about
    thirty rows an article, 43 bytes a row were a tenth of a library; packed, a row takes about eleven.
    Rows keep their order, locks, issues, links and confidences; positions become 0, 1, 2 … in order."""
    conn = db.conn
    if "packed" in {r[1] for r in conn.execute("PRAGMA table_info(segments)")}:
        return  # packed already (a library whose version was set back by hand)
    conn.execute(
        "CREATE TABLE segments_v15 (article_id INTEGER PRIMARY KEY REFERENCES articles(id), packed BLOB NOT NULL)"
    )
    copy_packed_rows(conn, "segments_v15")
    conn.execute("DROP TABLE segments")
    conn.execute("ALTER TABLE segments_v15 RENAME TO segments")


def copy_packed_rows(conn, table: str, batch: int = 2000) -> None:
    """Schema 14's `segments` (a row per aligned row) packed into `table`, an article a row (both backends),
    `batch` article ids at a time: a server's driver holds a whole result, and a million articles have
    27 million rows."""
    from itertools import groupby

    from .segment_pack import SegmentRow, pack_rows

    def row(r) -> SegmentRow:
        issues = tuple(i for i in (r[14] or "").split("\n") if i)
        return SegmentRow(
            r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], bool(r[13]), issues
        )

    first, last = conn.execute("SELECT min(article_id), max(article_id) FROM segments").fetchone()
    for start in range(first or 0, (last or -1) + 1, batch):
        rows = conn.execute(
            "SELECT article_id, position, paragraph, ko_from, ko_to, en_from, en_to, ko_start, ko_end, en_start, "
            "en_end, link, confidence, locked, issues FROM segments WHERE article_id >= ? AND article_id < ? "
            "ORDER BY article_id, position",
            (start, start + batch),
        )
        packed = [
            (article_id, pack_rows(list(map(row, group))))
            for article_id, group in groupby(rows, key=lambda r: r[0])
        ]
        rows.close()
        if packed:
            conn.executemany(f"INSERT INTO {table} (article_id, packed) VALUES (?, ?)", packed)


#: Schema 16's index of the title order: articles with a Korean title first, then those in English only
#: (shown as "English only" in the Korean column), each by the title shown, as `library._KEYS` reads them.
TITLE_SORT_INDEX = (
    "CREATE INDEX idx_articles_by_title ON articles("
    "title_ko = '', coalesce(nullif(title_ko, ''), title_en) COLLATE NOCASE, id DESC, starred, read_at, source)"
)


def _v16_english_only_titles_last(db) -> None:
    """By title, the articles without a Korean title came first (Latin sorts before Hangul): last now."""
    db.conn.execute("DROP INDEX IF EXISTS idx_articles_by_title")
    db.conn.execute(TITLE_SORT_INDEX)


#: Schema 14's listing index: what the date order reads and the filters test, not the titles schema 7
#: put in it too (about 85 bytes an article; a window's rows are read from the articles by id).
LISTING_INDEX = "CREATE INDEX idx_articles_listing ON articles(published, id, source, starred, read_at)"


#: The statement of migration 13, the same on both backends (pg_schema.py runs it too).
NOTE_AUTHOR_COLUMN = "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''"

MIGRATIONS: list[Migration] = [
    _v1_articles_and_segments,
    _v2_glossary_and_mentions,
    _v3_notes,
    _v4_search_index,
    _v5_segment_issues,
    _v6_translation_runs,
    _v7_listing_index,
    _v8_compact_rows_and_article_index,
    _v9_packed_mentions,
    _v10_feeds_and_pairs,
    _v11_article_ids_never_reused,
    _v12_sort_indexes,
    _v13_note_authors,
    _v14_title_index_and_korean_terms,
    _v15_packed_rows,
    _v16_english_only_titles_last,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def refuse_newer(version: int) -> None:
    """A library a newer reader wrote (on either backend) is refused whole, before anything is read."""
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this library was written by a newer version of reader (schema {version}, "
            f"this reader knows up to {SCHEMA_VERSION}); upgrade reader to open it"
        )


def migrate(conn: sqlite3.Connection, backup_to: Callable[[int], Path] | None = None) -> int:
    """Bring the file up to SCHEMA_VERSION; returns the version it was at. A newer file is refused.

    Before an existing library is changed, `backup_to(old_version)` names a file that receives a copy.
    """
    start = schema_version(conn)
    refuse_newer(start)
    if start == SCHEMA_VERSION:
        return start
    if start > 0 and backup_to is not None:
        from .health import backup

        backup(conn, backup_to(start), replace=True)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    for version in range(start, SCHEMA_VERSION):
        with transaction(conn):
            if schema_version(conn) != version:  # another process migrated meanwhile
                continue
            MIGRATIONS[version](db)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version + 1 in _COMPACTED and 0 < start:  # before later migrations fill the free pages
            _give_back_free_pages(conn)
    return start


#: The schemas after which an older library's file may be largely free pages (migrations 8 and 9, 15).
_COMPACTED = (9, 15)


def _give_back_free_pages(conn: sqlite3.Connection) -> None:
    """After schema 8 (and 9) an older library's file is largely free pages, which SQLite keeps unless
    vacuumed; the copy VACUUM writes also takes the new page size (which a WAL file cannot change, so the
    journal leaves WAL for the copy when no other process has the library open)."""
    free, pages = (
        conn.execute("PRAGMA freelist_count").fetchone()[0],
        conn.execute("PRAGMA page_count").fetchone()[0],
    )
    if free * 10 < pages:
        return
    resize = conn.execute("PRAGMA page_size").fetchone()[0] != PAGE_SIZE
    wal = conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    try:
        if resize and (not wal or conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"):
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("VACUUM")
    except sqlite3.OperationalError:
        pass  # no room for the copy VACUUM writes (or busy): the library is upgraded, only not smaller
    finally:
        if wal and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # the library works in its rollback journal too; the next open sets WAL again
