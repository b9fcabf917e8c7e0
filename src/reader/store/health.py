"""Checking a library and copying it safely: what `reader db check` and `reader db backup` do."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .connection import APPLICATION_ID, StoreError
from .dialect import POSTGRESQL, dialect
from .progress import Progress, Ticker


@dataclass
class Report:
    """What `check` found: problems make the library unhealthy; notes are facts worth knowing."""

    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


_CHILD_TABLES = ("sentences", "segments", "mentions", "notes")


def check(conn: sqlite3.Connection, on_progress: Progress | None = None) -> Report:
    """Everything wrong with the library; `on_progress` hears how far the check is (minutes on a million
    articles)."""
    report = Report()
    ticker = Ticker(conn, on_progress, steps=6)
    if dialect(conn) == POSTGRESQL:  # the server keeps its files whole; the index must cover every article
        with ticker.step("the full-text index"):
            missing = conn.execute(
                "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                "(SELECT 1 FROM search_index s WHERE s.article_id = a.id) "
                "OR NOT EXISTS (SELECT 1 FROM title_index t WHERE t.article_id = a.id)"
            ).fetchone()[0]
        if missing:
            report.problems.append(
                f"full-text index: {missing} article(s) missing from it (rebuild it with: reader db reindex)"
            )
    else:
        with ticker.step("the file's integrity"):
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            report.problems += [f"integrity: {line}" for line in result[:20]]
        with ticker.step("the full-text index"):
            try:
                conn.execute("INSERT INTO search_index(search_index) VALUES('integrity-check')")
                conn.execute("INSERT INTO title_index(title_index) VALUES('integrity-check')")
            except sqlite3.DatabaseError as exc:
                report.problems.append(f"full-text index: {exc} (rebuild it with: reader db reindex)")
    with ticker.step("rows that belong to no article"):
        _orphans(conn, report)
    with ticker.step("highlighted names"):
        damaged = _damaged_mentions(conn, ticker)
    if damaged:
        report.problems.append(
            f"mentions: {damaged} article(s) whose highlighted names cannot be read or lie "
            "outside the text (run: reader reanalyse)"
        )
    with ticker.step("aligned rows"):
        rows, damaged = _aligned_rows(conn, ticker)
    if damaged:
        report.problems.append(
            f"segments: {damaged} article(s) whose aligned rows cannot be read or lie outside the text "
            "(run: reader reanalyse)"
        )
    with ticker.step("notes"):
        _notes(conn, report, rows)
    return report


def _orphans(conn: sqlite3.Connection, report: Report) -> None:
    for table in _CHILD_TABLES:
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        if orphans:
            report.problems.append(f"{table}: {orphans} row(s) belong to no article")
    bare = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.article_id = a.id) "
        "AND (a.ko_text != '' OR a.en_text != '')"
    ).fetchone()[0]
    if bare:
        report.problems.append(
            f"articles: {bare} article(s) with text but no segments (run: reader reanalyse)"
        )


def _notes(conn: sqlite3.Connection, report: Report, rows: int) -> None:
    # a live note must still sit on its quote (compared in SQL: no article text is copied out per note)
    misplaced = conn.execute(
        "SELECT count(*) FROM notes n JOIN articles a ON a.id = n.article_id "
        "WHERE n.deleted_at IS NULL AND n.detached = 0 AND substr("
        "CASE n.side WHEN 'ko' THEN a.ko_text ELSE a.en_text END, n.start + 1, n.end - n.start) != n.exact"
    ).fetchone()[0]
    if misplaced:
        report.problems.append(
            f"notes: {misplaced} note(s) no longer sit on their quoted text (run: reader reanalyse)"
        )
    detached = conn.execute(
        "SELECT count(*) FROM notes WHERE detached = 1 AND deleted_at IS NULL"
    ).fetchone()[0]
    if detached:
        report.facts.append(
            f"notes: {detached} note(s) are detached (their text left the article); they are kept"
        )
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "notes")}
    report.facts.append(f"{counts['articles']} articles, {rows} aligned rows, {counts['notes']} notes")


def _blobs(
    conn: sqlite3.Connection, table: str, column: str, ticker: Ticker
) -> Iterator[tuple[bytes, int, int]]:
    """Each article's packed `column` of `table` with the lengths of its two texts, the count ticking."""
    total = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    rows = conn.execute(
        f"SELECT t.{column}, length(a.ko_text), length(a.en_text) FROM {table} t "
        "JOIN articles a ON a.id = t.article_id"
    )
    for done, row in enumerate(rows):
        if done % 1000 == 0:
            ticker.count(done, total)
        yield row[0], row[1], row[2]


def _aligned_rows(conn: sqlite3.Connection, ticker: Ticker) -> tuple[int, int]:
    """How many aligned rows the library holds, and in how many articles they do not unpack or reach past
    the end of the text."""
    from .segment_pack import unpack_columns

    rows = damaged = 0
    for packed, ko_length, en_length in _blobs(conn, "segments", "packed", ticker):
        try:
            found = unpack_columns(packed)
        except ValueError:
            damaged += 1
            continue
        rows += len(found)
        if max(found.ko_end, default=0) > ko_length or max(found.en_end, default=0) > en_length:
            damaged += 1
    return rows, damaged


def _damaged_mentions(conn: sqlite3.Connection, ticker: Ticker) -> int:
    """Articles whose packed mentions do not unpack, or point past the end of the text."""
    from .mention_pack import unpack_columns

    damaged = 0
    for spans, ko_length, en_length in _blobs(conn, "mentions", "spans", ticker):
        try:
            ko_count, _, ends, *_ = unpack_columns(spans)
        except ValueError:
            damaged += 1
            continue
        if max(ends[:ko_count], default=0) > ko_length or max(ends[ko_count:], default=0) > en_length:
            damaged += 1
    return damaged


def _is_library(path: Path) -> bool:
    """Whether `path` is a reader library (an earlier backup a new one may replace): an SQLite file
    stamped with reader's application id."""
    try:
        with path.open("rb") as f:
            header = f.read(72)
    except OSError:
        return False
    return header[:16] == b"SQLite format 3\x00" and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def backup(conn: sqlite3.Connection, target: Path, *, replace: bool = False) -> Path:
    """SQLite's online backup into `target`, safe while another process reads and writes the library.

    Written to a temporary file first and renamed, so `target` is never a half-copied library. An earlier
    backup there is replaced (with `replace`; without it, an existing file is refused); the library itself,
    or a file that is no library, never is.
    """
    if dialect(conn) == POSTGRESQL:
        raise StoreError(
            "a library on PostgreSQL is backed up by its server (pg_dump), or copied with: reader db pull"
        )
    target = Path(target)
    if target.is_dir():
        raise StoreError(f"{target} is a folder; give a file name for the backup")
    if not target.parent.exists():
        raise StoreError(f"folder {target.parent} does not exist")
    if target.exists():
        library = conn.execute("PRAGMA database_list").fetchone()[2]
        if library and target.resolve() == Path(library).resolve():
            raise StoreError(f"{target} is the library itself; give another file name for the backup")
        if not _is_library(target):
            raise StoreError(f"{target} exists and is not a reader library: not overwritten")
        if not replace:
            raise StoreError(f"{target} exists; give another name, or --replace to write over it")
    partial = target.with_name(f".{target.name}.partial")
    try:
        dest = sqlite3.connect(str(partial))
        try:
            conn.backup(dest)
        finally:
            dest.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write the backup {target}: {exc}") from None
    return target


#: What a reader puts into a library: a library with none of it has nothing to lose (the glossary's
#: bundled entries come with every library).
_KEPT = {
    "articles": "SELECT count(*) FROM articles",
    "notes": "SELECT count(*) FROM notes",
    "feeds": "SELECT count(*) FROM feeds",
    "glossary": "SELECT count(*) FROM glossary WHERE origin != 'bundled'",
}


def holds_nothing(path: Path) -> bool:
    """Whether the library at `path` holds no article, note, feed or glossary entry of its own (read only;
    False for anything that is not plainly such a library)."""
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            return False
        return all(conn.execute(query).fetchone()[0] == 0 for name, query in _KEPT.items() if name in tables)
    except sqlite3.Error:
        return False
    finally:
        conn.close()
