"""Downloading a feed politely: a conditional request (ETag, Last-Modified), a timeout, and the items
parsed by feedparser (RSS 0.9x/1.0/2.0 and Atom, any declared charset)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from ..importers.web import MAX_PAGE_BYTES, TIMEOUT_SECONDS, USER_AGENT

__all__ = ["FeedAnswer", "FeedItem", "download_feed"]


@dataclass(frozen=True, slots=True)
class FeedItem:
    guid: str
    url: str
    title: str
    published: str | None  # YYYY-MM-DD, the day where the item was published (its own time zone)


@dataclass(slots=True)
class FeedAnswer:
    """What one request for a feed gave: items (none when the server said 304 Not Modified), the
    validators for next time, or the one-line reason it failed."""

    items: list[FeedItem] = field(default_factory=list)
    title: str = ""  # the feed's own title (the name it is followed by, unless one is given)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str = ""
    unreachable: bool = False  # the error is the network's (no answer, refused), not the address's
    feeds_named: list[str] = field(default_factory=list)  # a web page's own feeds (<link rel="alternate">)


def download_feed(
    url: str, *, etag: str = "", last_modified: str = "", timeout: float = TIMEOUT_SECONDS
) -> FeedAnswer:
    """GET a feed, asking only for what changed since `etag` / `last_modified`; never raises."""
    import feedparser
    import httpx

    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with httpx.Client(follow_redirects=True, timeout=httpx.Timeout(timeout), headers=headers) as client:
            response = client.get(url)
    except httpx.TimeoutException:
        return FeedAnswer(error=f"no answer within {timeout:g} seconds", unreachable=True)
    except httpx.HTTPError as exc:
        return FeedAnswer(
            error=f"cannot fetch ({str(exc).strip().splitlines()[-1][:160] if str(exc).strip() else type(exc).__name__})",
            unreachable=True,
        )
    if response.status_code == 304:
        return FeedAnswer(not_modified=True)
    if response.status_code >= 400:
        return FeedAnswer(
            error=f"the server answered HTTP {response.status_code} {response.reason_phrase}".rstrip()
        )
    if len(response.content) > MAX_PAGE_BYTES:
        return FeedAnswer(error="the feed is larger than the 10 MB limit")
    parsed = feedparser.parse(
        response.content,
        response_headers={k.lower(): v for k, v in response.headers.items()}
        | {"content-location": str(response.url)},
    )
    if not parsed.get("version") and not parsed.entries:
        if _is_html(response.headers.get("content-type", ""), response.content):
            return FeedAnswer(
                error="a web page, not an RSS or Atom feed",
                feeds_named=_feeds_named(response.text, str(response.url)),
            )
        reason = parsed.get("bozo_exception")
        return FeedAnswer(error=f"not an RSS or Atom feed{f' ({str(reason)[:120]})' if reason else ''}")
    items = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        guid = (entry.get("id") or link).strip()
        if not guid:
            continue
        published = _local_date(entry)
        items.append(FeedItem(guid, link, (entry.get("title") or "").strip(), published))
    return FeedAnswer(
        items=items,
        title=" ".join(str(parsed.feed.get("title") or "").split()),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _is_html(content_type: str, body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def _feeds_named(page: str, base: str) -> list[str]:
    """The feeds a web page names as its own (`<link rel="alternate" type="application/rss+xml">`), as
    absolute addresses in the page's order: how a browser or a feed reader finds a site's feed."""
    from html.parser import HTMLParser
    from urllib.parse import urljoin

    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k.lower(): (v or "") for k, v in attrs}
            rels = a.get("rel", "").lower().split()
            if (
                tag == "link"
                and "alternate" in rels
                and a.get("type", "").lower() in _FEED_TYPES
                and a.get("href")
            ):
                url = urljoin(base, a["href"].strip())
                if url not in found and url.startswith(("http://", "https://")):
                    found.append(url)

    Links().feed(page[:500_000])
    return found


def _local_date(entry) -> str | None:
    """The item's publication day as its publisher wrote it (a story of 07:10 KST on the 25th is of the
    25th, though it is still the 24th in UTC); UTC when the feed gives no offset."""
    from datetime import UTC, datetime
    from email.utils import parsedate_to_datetime

    for key in ("published", "updated", "dc_date"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw).date().isoformat()  # Atom: RFC 3339 (Python 3.11 reads Z)
        except ValueError:
            pass
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(when), UTC).date().isoformat() if when else None
