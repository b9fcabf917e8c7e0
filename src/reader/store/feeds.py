"""Feeds the reader follows and the items already seen in them: the store side of `reader fetch`.

Nothing here touches the network; `feeds/` fetches and hands the results to these functions. A feed's
ETag and Last-Modified are kept so the next fetch can ask "anything new?" and get a bodiless 304.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from .connection import StoreError, transaction


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    name: str
    etag: str
    last_modified: str
    last_fetched: str | None
    last_error: str
    articles: int  # articles stored from it (either side)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    counts = dict(
        conn.execute(
            "SELECT feed_id, count(DISTINCT article_id) FROM feed_items "
            "WHERE article_id IS NOT NULL AND feed_id IS NOT NULL GROUP BY feed_id"
        ).fetchall()
    )
    return [
        Feed(r[0], r[1], r[2], r[3], r[4], r[5], r[6], counts.get(r[0], 0))
        for r in conn.execute(
            "SELECT id, url, name, etag, last_modified, last_fetched, last_error FROM feeds ORDER BY name"
        )
    ]


def find_feed(conn: sqlite3.Connection, name_or_url: str) -> Feed | None:
    """A feed by its name or its address."""
    for feed in list_feeds(conn):
        if name_or_url in (feed.name, feed.url):
            return feed
    return None


def add_feed(conn: sqlite3.Connection, url: str, name: str) -> Feed:
    """Follow a feed; a name or address already followed is refused with a StoreError."""
    with transaction(conn):
        clash = conn.execute("SELECT name, url FROM feeds WHERE url = ? OR name = ?", (url, name)).fetchone()
        if clash is not None:
            what = f"the address {url}" if clash[1] == url else f"the name {name!r}"
            raise StoreError(f"a feed with {what} is already followed (as {clash[0]!r})")
        _insert(conn, url, name)
    feed = find_feed(conn, url)
    assert feed is not None
    return feed


def add_feeds(conn: sqlite3.Connection, feeds: list[tuple[str, str]]) -> None:
    """Follow several feeds (address, name) in one transaction: all of them or none (an OPML import);
    the caller has chosen addresses and names not followed yet."""
    with transaction(conn):
        for url, name in feeds:
            _insert(conn, url, name)


def _insert(conn: sqlite3.Connection, url: str, name: str) -> None:
    conn.execute("INSERT INTO feeds (url, name, added) VALUES (?, ?, ?)", (url, name, _now()))


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Stop following a feed. Its articles stay; the items it gave stay remembered, so re-adding it later
    does not bring back what was already read."""
    with transaction(conn):
        conn.execute("UPDATE feed_items SET feed_id = NULL WHERE feed_id = ?", (feed_id,))
        conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def record_fetch(
    conn: sqlite3.Connection, feed_id: int, *, etag: str | None, last_modified: str | None, error: str = ""
) -> None:
    """What the last fetch of a feed learned: the validators for the next conditional request (kept when
    the server sent none, as after a 304) and the error, if any."""
    with transaction(conn):
        conn.execute(
            "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), "
            "last_fetched = ?, last_error = ? WHERE id = ?",
            (etag, last_modified, _now(), error, feed_id),
        )


def seen_item(conn: sqlite3.Connection, feed_id: int, guid: str, url: str) -> bool:
    """Whether an item was met before: the same guid in the same feed, or the same address in any feed
    or among the articles (added by hand with `reader add URL`, say)."""
    if conn.execute("SELECT 1 FROM feed_items WHERE feed_id = ? AND guid = ?", (feed_id, guid)).fetchone():
        return True
    if not url:
        return False
    return bool(
        conn.execute("SELECT 1 FROM feed_items WHERE url = ?", (url,)).fetchone()
        or conn.execute(
            "SELECT 1 FROM articles WHERE url = ? OR ko_url = ? OR en_url = ?", (url, url, url)
        ).fetchone()
    )


def seen_text(conn: sqlite3.Connection, text_hash: str) -> int | None:
    """The article already made from the same text (an item republished under a new address), if any."""
    row = conn.execute(
        "SELECT article_id FROM feed_items WHERE text_hash = ? AND article_id IS NOT NULL", (text_hash,)
    ).fetchone()
    return row[0] if row else None


def remember_item(
    conn: sqlite3.Connection,
    feed_id: int | None,
    guid: str,
    url: str,
    text_hash: str,
    lang: str,
    article_id: int | None,
) -> None:
    """Record an item as seen; call inside the transaction that stored its article (if any)."""
    conn.execute(
        "INSERT INTO feed_items (feed_id, guid, url, text_hash, article_id, lang, seen) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (feed_id, guid, url, text_hash, article_id, lang, _now()),
    )


def set_origin(conn: sqlite3.Connection, article_id: int, *, feed: str, lang: str, url: str) -> None:
    """Where one side of an article came from; inside the caller's transaction."""
    column = "ko_url" if lang == "ko" else "en_url"
    conn.execute(
        f"UPDATE articles SET {column} = ?, feed = CASE WHEN feed = '' THEN ? ELSE feed END WHERE id = ?",
        (url, feed, article_id),
    )


__all__ = [
    "Feed",
    "add_feed",
    "add_feeds",
    "find_feed",
    "list_feeds",
    "record_fetch",
    "remember_item",
    "remove_feed",
    "seen_item",
    "seen_text",
    "set_origin",
]
