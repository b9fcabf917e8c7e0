"""One `reader fetch`: every feed asked what is new, new pages fetched concurrently (a few per host),
then analysed and stored one by one, each Korean story joined with its English edition when both are in.

The network part runs in threads; analysis and every write stay in the calling thread, one transaction an
article (with the items it came from). One broken feed or page is one line of the summary, and the rest
goes on. An item is never stored twice: its guid, its address, and its text are remembered.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlsplit

from ..importers.errors import ImportProblem
from ..importers.html import Page, article_from_page
from ..importers.web import TIMEOUT_SECONDS, page_from_url
from ..pairing import Side, choose_pairs, join, story_of
from ..store import DuplicateArticle, NewArticle, Store
from ..store.connection import transaction
from ..store.feeds import Feed, record_fetch, remember_item, seen_item, seen_text, set_origin
from .download import FeedAnswer, FeedItem, download_feed

__all__ = ["FetchSummary", "fetch_feeds"]

#: Pages fetched at once in all, and from any one host.
WORKERS = 8
PER_HOST = 2

Progress = Callable[[int, int, str], None]


@dataclass(slots=True)
class FetchSummary:
    new: int = 0  # articles stored (a pair counts once)
    paired: int = 0  # pairs made
    skipped: int = 0  # items seen before, or the same text as a stored article
    failed: list[tuple[str, str]] = field(default_factory=list)  # (feed or address, reason)
    feeds_unchanged: int = 0  # answered 304 Not Modified
    pages_requested: int = 0

    def lines(self) -> list[str]:
        head = f"new {self.new}, paired {self.paired}, skipped {self.skipped}, failed {len(self.failed)}"
        if self.feeds_unchanged:
            head += f" ({self.feeds_unchanged} feed{'s' if self.feeds_unchanged != 1 else ''} unchanged)"
        return [head] + [f"  failed: {what}: {why}" for what, why in self.failed]


@dataclass(slots=True)
class _Fresh:
    feed: Feed
    item: FeedItem
    page: Page | None = None
    problem: str = ""
    digest: str = ""  # text_hash of the page's text, once it is read


def text_hash(text: str) -> str:
    """The same story text under a new address is the same item."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).hexdigest()


def fetch_feeds(
    store: Store,
    feeds: Sequence[Feed],
    *,
    timeout: float = TIMEOUT_SECONDS,
    on_progress: Progress | None = None,
    on_step: Callable[[str], None] | None = None,
    glossary=None,
) -> FetchSummary:
    """Fetch `feeds`, store what is new, pair across languages; the summary of what happened."""
    summary = FetchSummary()
    progress = on_progress or (lambda done, total, what: None)
    pool = ThreadPoolExecutor(max_workers=WORKERS)
    try:
        answers = list(
            pool.map(
                lambda f: download_feed(f.url, etag=f.etag, last_modified=f.last_modified, timeout=timeout),
                feeds,
            )
        )
        fresh: list[_Fresh] = []
        seen_now: set[str] = set()
        for feed, answer in zip(feeds, answers, strict=True):
            record_fetch(
                store.conn,
                feed.id,
                etag=answer.etag,
                last_modified=answer.last_modified,
                error=answer.error,
            )
            if answer.error:
                summary.failed.append((feed.name, answer.error))
                continue
            if answer.not_modified:
                summary.feeds_unchanged += 1
            fresh.extend(_new_items(store, feed, answer, summary, seen_now))
        pages = _fetch_pages(pool, fresh, timeout, progress)
    except BaseException:
        # Ctrl+C (or a failure): leave the downloads still running to their timeout, without waiting.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    summary.pages_requested = len(fresh)
    _store(store, pages, summary, glossary, on_step, progress)
    return summary


def _new_items(
    store: Store, feed: Feed, answer: FeedAnswer, summary: FetchSummary, seen_now: set[str]
) -> list[_Fresh]:
    """The items of one feed not met before; `seen_now` holds the addresses met in this fetch so far."""
    out = []
    for item in answer.items:
        key = item.url or item.guid
        if key in seen_now or seen_item(store.conn, feed.id, item.guid, item.url):
            summary.skipped += 1
            continue
        seen_now.add(key)
        if not item.url:
            summary.failed.append((feed.name, f"item {item.title or item.guid!r} has no link"))
            continue
        out.append(_Fresh(feed, item))
    return out


def _fetch_pages(
    pool: ThreadPoolExecutor, fresh: list[_Fresh], timeout: float, progress: Progress
) -> list[_Fresh]:
    hosts: dict[str, threading.Semaphore] = {}
    for f in fresh:
        hosts.setdefault(urlsplit(f.item.url).netloc, threading.Semaphore(PER_HOST))
    done = 0
    lock = threading.Lock()

    def get(f: _Fresh) -> _Fresh:
        nonlocal done
        with hosts[urlsplit(f.item.url).netloc]:
            try:
                f.page = page_from_url(f.item.url, timeout=timeout)
            except ImportProblem as exc:
                f.problem = str(exc)
        with lock:
            done += 1
            progress(done, len(fresh), f.item.title or f.item.url)
        return f

    return list(pool.map(get, fresh))


def _store(
    store: Store,
    fetched: list[_Fresh],
    summary: FetchSummary,
    glossary,
    on_step: Callable[[str], None] | None,
    progress: Progress,
) -> None:
    from ..importers.single import add_article
    from ..store.glossary import load_glossary

    terms = glossary if glossary is not None else load_glossary(store.conn)
    sides: list[Side] = []
    origin: dict[int, _Fresh] = {}
    for f in fetched:
        if f.page is None:
            summary.failed.append((f.feed.name, f.problem))
            continue
        page = f.page
        # The feed's date is the publisher's own; a date found in the page may be any date it mentions.
        published = f.item.published or page.published
        # A page that names no site is known by its feed's name, not its host's address.
        source = page.source if page.source and page.source != urlsplit(page.url).netloc else f.feed.name
        page = Page(page.text, page.lang, page.title or f.item.title, published, source, page.url)
        f.digest = text_hash(page.text)
        if seen_text(store.conn, f.digest) is not None:
            summary.skipped += 1
            _remember(store, f, f.digest, page.lang, None)
            continue
        article = article_from_page(page)
        side = Side(
            page.lang, story_of(page.lang, page.title, page.text, page.published), article, url=f.item.url
        )
        origin[id(side)] = f
        sides.append(side)
    pairs = choose_pairs(store, sides)
    in_pair = {id(s) for pair in pairs for s in pair[:2]}
    total = len(pairs) + sum(1 for s in sides if id(s) not in in_pair)
    done = 0
    for ko, en, _score in pairs:
        ko_article = ko.article or _stored(store, ko)
        en_article = en.article or _stored(store, en)
        news = [s for s in (ko, en) if s.article is not None]

        def then(conn, article_id: int, news=news) -> None:
            for s in news:
                _record(origin[id(s)], s.lang, conn, article_id)

        try:
            join(
                store,
                ko_article,
                en_article,
                ko_id=ko.article_id,
                en_id=en.article_id,
                ko_url=ko.url or ko_article.url,
                en_url=en.url or en_article.url,
                by_hand=False,
                glossary=terms,
                on_step=on_step,
                then=then,
            )
        except DuplicateArticle:
            summary.skipped += len(news)
            continue
        summary.paired += 1
        summary.new += 1 if ko.article is not None and en.article is not None else 0
        done += 1
        progress(done, total, "pairing")
    for side in sides:
        if id(side) in in_pair:
            continue
        f = origin[id(side)]
        assert side.article is not None
        try:
            add_article(
                store,
                side.article,
                glossary=terms,
                on_step=on_step,
                then=partial(_record, f, side.lang),
            )
        except DuplicateArticle as dup:  # the same text, stored before or meanwhile by another process
            summary.skipped += 1
            _remember(store, f, f.digest, side.lang, dup.existing_id)
            continue
        summary.new += 1
        done += 1
        progress(done, total, side.article.title_ko or side.article.title_en)


def _stored(store: Store, side: Side) -> NewArticle:
    from ..pairing import stored_side

    assert side.article_id is not None
    article, url = stored_side(store, side.article_id, side.lang)
    side.url = side.url or url
    return article


def _record(f: _Fresh, lang: str, conn: sqlite3.Connection, article_id: int) -> None:
    """In the transaction that stored the article: where its `lang` side came from, and the item seen."""
    set_origin(conn, article_id, feed=f.feed.name, lang=lang, url=f.item.url)
    remember_item(conn, f.feed.id, f.item.guid, f.item.url, f.digest, lang, article_id)


def _remember(store: Store, f: _Fresh, digest: str, lang: str, article_id: int | None) -> None:
    with transaction(store.conn) as conn:
        remember_item(conn, f.feed.id, f.item.guid, f.item.url, digest, lang, article_id)
