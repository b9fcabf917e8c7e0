"""Notes: what a reader wrote about a sentence pair, an entity or a phrase. Saved at once, never dropped.

Every change is its own committed transaction on a connection with `synchronous = FULL`, so a note that
the screen says is saved is on disk even if the app is killed the next instant. Deleting only stamps
`deleted_at` (undo clears it); a note whose words disappeared from the article is marked detached and
keeps its quote.
"""

from __future__ import annotations

import getpass
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ..config import ConfigError, configured_author
from ..text.anchors import Anchor, make_anchor, reanchor
from .connection import transaction
from .dialect import POSTGRESQL, dialect

_TAG = re.compile(r"(?<![\w#])#([^\s#]+)")


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    article_id: int
    target: str
    side: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    body: str
    tags: tuple[str, ...]
    created: str
    updated: str
    detached: bool
    deleted: bool = False
    author: str = ""  # who wrote it ("" for notes older than schema 13)


def tags_in(body: str, extra: str = "") -> tuple[str, ...]:
    """`#tag` words in the body plus a space- or comma-separated tag field, lower-cased, in first-seen order."""
    found = [m.group(1).rstrip(".,;:!?)]}").lower() for m in _TAG.finditer(body)]
    found += [t.lstrip("#").lower() for t in re.split(r"[\s,]+", extra) if t.strip("# ")]
    return tuple(dict.fromkeys(t for t in found if t))


def _now() -> str:
    """The time of a note's change, to the millisecond: notes listed newest first must keep in order the
    changes a reader makes within one second (a stamp to the second sorts before any of its own second)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _note(row: sqlite3.Row) -> Note:
    return Note(
        id=row["id"],
        article_id=row["article_id"],
        target=row["target"],
        side=row["side"],
        start=row["start"],
        end=row["end"],
        exact=row["exact"],
        prefix=row["prefix"] or "",
        suffix=row["suffix"] or "",
        body=row["body"],
        tags=tuple(t for t in (row["tags"] or "").split() if t),
        created=row["created"],
        updated=row["updated"],
        detached=bool(row["detached"]),
        deleted=row["deleted_at"] is not None,
        author=row["author"] or "",
    )


def note_author(conn: sqlite3.Connection) -> str:
    """Who is writing notes here: READER_AUTHOR if set, else `author` under [notes] in the config file,
    else on a PostgreSQL library the database role (each member of a team logs in as their own), else the
    user logged in to this machine.

    A config file broken after the library was opened (where it is checked) signs with the default
    rather than lose the note."""
    named = " ".join(os.environ.get("READER_AUTHOR", "").split())
    if named:
        return named
    try:
        named = configured_author()
    except ConfigError:
        named = ""
    if named:
        return named
    if dialect(conn) == POSTGRESQL:
        return str(conn.execute("SELECT current_user").fetchone()[0])
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        return ""


def _article_text(conn: sqlite3.Connection, article_id: int, side: str) -> str:
    column = "ko_text" if side == "ko" else "en_text"
    row = conn.execute(f"SELECT {column} FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise LookupError(f"no article with id {article_id}")
    return row[0]


def add_note(
    conn: sqlite3.Connection,
    article_id: int,
    side: str,
    start: int,
    end: int,
    body: str,
    *,
    target: str = "span",
    tags: str = "",
    author: str | None = None,
) -> Note:
    """Save a new note on [start, end) of one side's text, by `author` (default: `note_author`);
    committed before this returns."""
    if side not in ("ko", "en"):
        raise ValueError("side must be 'ko' or 'en'")
    text = _article_text(conn, article_id, side)
    anchor = make_anchor(text, start, end)
    stamp = _now()
    writer = note_author(conn) if author is None else author
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO notes (article_id, target, side, start, end, exact, prefix, suffix, body, tags, created, "
            "updated, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                target,
                side,
                anchor.start,
                anchor.end,
                anchor.exact,
                anchor.prefix,
                anchor.suffix,
                body,
                " ".join(tags_in(body, tags)),
                stamp,
                stamp,
                writer,
            ),
        )
        note_id = cursor.lastrowid
    return _stored(conn, note_id)


def get_note(conn: sqlite3.Connection, note_id: int) -> Note | None:
    row = conn.execute("SELECT * FROM notes WHERE id = ?", (note_id,)).fetchone()
    return _note(row) if row else None


def _stored(conn: sqlite3.Connection, note_id: int | None) -> Note:
    """The note the caller has just written."""
    note = None if note_id is None else get_note(conn, note_id)
    if note is None:
        raise LookupError(f"no note with id {note_id}")
    return note


def update_note(conn: sqlite3.Connection, note_id: int, body: str, tags: str = "") -> Note:
    with transaction(conn):
        changed = conn.execute(
            "UPDATE notes SET body = ?, tags = ?, updated = ? WHERE id = ?",
            (body, " ".join(tags_in(body, tags)), _now(), note_id),
        ).rowcount
    if not changed:
        raise LookupError(f"no note with id {note_id}")
    return _stored(conn, note_id)


def delete_note(conn: sqlite3.Connection, note_id: int) -> None:
    """Hide the note; `restore_note` brings it back (the screen's undo)."""
    with transaction(conn):
        conn.execute("UPDATE notes SET deleted_at = ? WHERE id = ?", (_now(), note_id))


def restore_note(conn: sqlite3.Connection, note_id: int) -> None:
    with transaction(conn):
        conn.execute("UPDATE notes SET deleted_at = NULL WHERE id = ?", (note_id,))


def list_notes(
    conn: sqlite3.Connection,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    text: str | None = None,
    reading_order: bool = False,
) -> list[Note]:
    """Live notes; newest first across the library, or in reading order (Korean side first) for one article."""
    where = ["deleted_at IS NULL"]
    params: list[int | str] = []
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    if tag:
        where.append("(' ' || tags || ' ') LIKE ?")
        params.append(f"% {tag.lstrip('#').lower()} %")
    if text:
        where.append("(body LIKE ? OR exact LIKE ?)")
        params += [f"%{text}%", f"%{text}%"]
    order = "article_id, side DESC, start, id" if reading_order else "updated DESC, id DESC"
    rows = conn.execute(f"SELECT * FROM notes WHERE {' AND '.join(where)} ORDER BY {order}", params)
    return [_note(r) for r in rows]


def count_notes(conn: sqlite3.Connection, article_id: int) -> int:
    return conn.execute("SELECT count(*) FROM notes WHERE article_id = ?", (article_id,)).fetchone()[0]


def annotated_titles(conn: sqlite3.Connection) -> dict[int, str]:
    """The title of each article that holds notes (a library of 100,000 may hold notes on a few dozen)."""
    return {
        row[0]: row[1] or row[2] or "(untitled)"
        for row in conn.execute(
            "SELECT id, title_ko, title_en FROM articles WHERE id IN (SELECT article_id FROM notes)"
        )
    }


def reanchor_notes(conn: sqlite3.Connection, article_id: int) -> dict[str, int]:
    """Re-find every note of an article in its current text; call inside the transaction that changed it.

    Returns how many notes landed by each rule ("exact", "quote", "fuzzy", "detached").
    """
    texts = {side: _article_text(conn, article_id, side) for side in ("ko", "en")}
    counts: dict[str, int] = {}
    for row in conn.execute("SELECT * FROM notes WHERE article_id = ?", (article_id,)).fetchall():
        anchor = Anchor(row["start"], row["end"], row["exact"], row["prefix"] or "", row["suffix"] or "")
        placed = reanchor(anchor, texts[row["side"]])
        if placed is None:
            conn.execute("UPDATE notes SET detached = 1 WHERE id = ?", (row["id"],))
            counts["detached"] = counts.get("detached", 0) + 1
            continue
        fresh = make_anchor(texts[row["side"]], placed.start, placed.end)
        # The stored quote stays the one the reader annotated unless the fuzzy match found new words.
        conn.execute(
            "UPDATE notes SET start = ?, end = ?, prefix = ?, suffix = ?, detached = 0 WHERE id = ?",
            (fresh.start, fresh.end, fresh.prefix, fresh.suffix, row["id"]),
        )
        counts[placed.how] = counts.get(placed.how, 0) + 1
    return counts
