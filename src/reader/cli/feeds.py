"""`reader feeds …`, `reader fetch`, `reader pair`, `reader unpair`: following news feeds, and the
stories in two languages joined into one article."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import urlsplit

from .common import EXIT_FAILED, CommandError, add_command, open_store, out, stderr_console, write_atomically

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
    feeds = commands.add_parser(
        "feeds",
        help="the news feeds (RSS, Atom) that reader fetch reads",
        description="the news feeds that reader fetch reads",
    )
    fcommands = feeds.add_subparsers(title="feeds commands", metavar="ACTION", required=True)
    fadd = add_command(fcommands, "add", cmd_feeds_add, "follow a feed (RSS or Atom address)")
    fadd.add_argument("url", metavar="URL")
    fadd.add_argument("--name", help="a short name (default: the feed's title, else the address's host)")
    fadd.add_argument(
        "--no-check", action="store_true", help="follow it without trying it first (when offline, say)"
    )
    flist = add_command(fcommands, "list", cmd_feeds_list, "list the feeds followed")
    flist.add_argument("--json", action="store_true", help="print a JSON list")
    frm = add_command(fcommands, "rm", cmd_feeds_rm, "stop following a feed (its articles stay)")
    frm.add_argument("feed", metavar="NAME|URL")
    fimport = add_command(fcommands, "import", cmd_feeds_import, "follow every feed of an OPML file")
    fimport.add_argument("file", metavar="FILE.opml")
    fexport = add_command(fcommands, "export", cmd_feeds_export, "write the feeds followed as OPML")
    fexport.add_argument("file", metavar="FILE.opml", nargs="?", help="default (or -): standard output")

    fetch = add_command(
        commands,
        "fetch",
        cmd_fetch,
        "fetch what is new in the feeds; a Korean story and its English edition become one article",
    )
    fetch.add_argument("--feed", metavar="NAME|URL", help="only this feed")
    fetch.add_argument("--timeout", type=float, default=20.0, help="seconds for each request (default 20)")
    pair = add_command(commands, "pair", cmd_pair, "join a Korean and an English article into one (by hand)")
    pair.add_argument("ids", type=int, nargs=2, metavar="ID")
    unpair = add_command(commands, "unpair", cmd_unpair, "split a paired article into its two languages")
    unpair.add_argument("id", type=int, metavar="ID")


def _name_for(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _check_url(url: str) -> str:
    """The address as followed: scheme and host in lower case (HTTP://Example.com/rss is example.com's)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise CommandError(f"{url}: not a feed address (http:// or https:// and a host name)")
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def _free_name(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3`… when it is taken already."""
    free, n = name, 2
    while free in taken:
        free, n = f"{name}-{n}", n + 1
    return free


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or any(ch < " " or ch == "\x7f" for ch in name):
        raise CommandError(f"{name!r}: a feed's name must be some text, without tabs or control characters")
    return name


def cmd_feeds_add(args: argparse.Namespace) -> int:
    from ..store.feeds import add_feed, list_feeds

    url = _check_url(args.url)
    name = _check_name(args.name) if args.name is not None else None
    title, items = "", None
    if not args.no_check:
        from ..feeds.download import download_feed

        answer = download_feed(url, timeout=20.0)
        if answer.feeds_named:  # a site's page: follow the feed it names as its own, as a feed reader does
            page, url = url, _check_url(answer.feeds_named[0])
            answer = download_feed(url, timeout=20.0)
            if not answer.error:
                print(f"reader: {page} is a web page; following the feed it names: {url}", file=sys.stderr)
        if answer.error:
            hint = " (--no-check follows it anyway)" if answer.unreachable else ""
            raise CommandError(f"{url}: cannot follow it: {answer.error}{hint}")
        title, items = answer.title, len(answer.items)
    with open_store(args) as store:
        if name is None:
            taken = {f.name for f in list_feeds(store.conn)}
            name = _free_name(_short(title) or _name_for(url), taken)
        feed = add_feed(store.conn, url, name)
    listed = "" if items is None else f" ({items} item{'s' if items != 1 else ''} listed now)"
    out(f"following {feed.name}: {feed.url}{listed}")
    return 0


def _short(title: str) -> str:
    """A feed's title as its name: printable, at most 40 characters, cut at a word."""
    title = "".join(ch for ch in title if ch >= " " and ch != "\x7f").strip()
    if len(title) <= 40:
        return title
    cut = title[:40].rsplit(" ", 1)[0]
    return (cut if len(cut) >= 20 else title[:40]).rstrip(" -–—:|·")


def cmd_feeds_list(args: argparse.Namespace) -> int:
    from ..store.feeds import list_feeds

    with open_store(args) as store:
        feeds = list_feeds(store.conn)
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "name": f.name,
                        "url": f.url,
                        "articles": f.articles,
                        "last_fetched": f.last_fetched,
                        "last_error": f.last_error or None,
                    }
                    for f in feeds
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not feeds:
        out("No feeds followed. Add one with: reader feeds add URL")
        return 0
    for f in feeds:
        state = (
            f"last fetched {f.last_fetched[:16].replace('T', ' ')} UTC" if f.last_fetched else "never fetched"
        )
        if f.last_error:
            state += f", which failed: {f.last_error}"
        count = f"{f.articles} article{'' if f.articles == 1 else 's'}"
        out(f"{f.name}\t{f.url}\t{count}\t{state}")
    return 0


def cmd_feeds_rm(args: argparse.Namespace) -> int:
    from ..store.feeds import find_feed, remove_feed

    with open_store(args) as store:
        feed = find_feed(store.conn, args.feed)
        if feed is None:
            raise CommandError(f"no feed named or at {args.feed!r} (see: reader feeds list)")
        remove_feed(store.conn, feed.id)
    out(f"stopped following {feed.name}")
    return 0


def cmd_feeds_import(args: argparse.Namespace) -> int:
    from ..feeds.opml import read_opml
    from ..importers import ImportProblem
    from ..store.feeds import add_feeds, list_feeds

    if "://" in args.file:
        raise CommandError(f"{args.file}: give an OPML file on this computer (download it first)")
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from None
    try:
        found = read_opml(data, str(path))
    except ImportProblem as exc:
        raise CommandError(str(exc)) from None
    if not found:
        raise CommandError(f"{path}: no feeds in it (no outline with an xmlUrl)")
    skipped = 0
    chosen: list[tuple[str, str]] = []
    with open_store(args) as store:
        known = list_feeds(store.conn)
        urls, names = {f.url for f in known}, {f.name for f in known}
        for raw, label in found:
            try:
                url = _check_url(raw)
            except CommandError:
                url = ""
            if not url or url in urls:
                skipped += 1
                continue
            name = _free_name(label or _name_for(url), names)
            chosen.append((url, name))
            urls.add(url)
            names.add(name)
        add_feeds(store.conn, chosen)  # the whole list or nothing
    added = len(chosen)
    out(
        f"following {added} new feed{'s' if added != 1 else ''}"
        + (f"; {skipped} already followed or not web addresses" if skipped else "")
    )
    return 0


def cmd_feeds_export(args: argparse.Namespace) -> int:
    from ..feeds.opml import write_opml
    from ..store.feeds import list_feeds

    with open_store(args) as store:
        feeds = list_feeds(store.conn)
    text = write_opml([(f.url, f.name) for f in feeds])
    if args.file and args.file != "-":
        write_atomically(Path(args.file), text)
        out(f"wrote {len(feeds)} feed{'' if len(feeds) == 1 else 's'} to {args.file}")
    else:
        out(text.rstrip("\n"))
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..feeds.run import fetch_feeds
    from ..store.feeds import find_feed, list_feeds

    if not math.isfinite(args.timeout) or not 0 < args.timeout <= 600:
        raise CommandError("--timeout must be a number of seconds above 0 and at most 600")
    if args.feed is not None and not args.feed.strip():
        raise CommandError("--feed needs a feed's name or address (see: reader feeds list)")
    with open_store(args) as store:
        if args.feed:
            feed = find_feed(store.conn, args.feed)
            if feed is None:
                raise CommandError(f"no feed named or at {args.feed!r} (see: reader feeds list)")
            feeds = [feed]
        else:
            feeds = list_feeds(store.conn)
        if not feeds:
            raise CommandError("no feeds followed; add one with: reader feeds add URL")
        console = stderr_console()
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("Fetching feeds…", total=None)

            def progress(done: int, total: int, what: str) -> None:
                bar.update(task, completed=done, total=total, description=what[:40])

            try:
                summary = fetch_feeds(store, feeds, timeout=args.timeout, on_progress=progress)
            except KeyboardInterrupt:
                _stop_now()
    for line in summary.lines():
        out(line)
    unread = {what for what, _ in summary.failed} >= {f.name for f in feeds}
    if unread:  # nothing could be read at all (offline, say): a script must hear it
        print(f"reader: no feed could be read ({len(feeds)} tried)", file=sys.stderr)
        return EXIT_FAILED
    return 0


def cmd_pair(args: argparse.Namespace) -> int:
    from ..pairing import join, stored_side
    from ..store.pairs import languages

    first, second = args.ids
    if first == second:
        raise CommandError("give two different articles: a Korean one and an English one")
    with open_store(args) as store:
        langs = {}
        for article_id in (first, second):
            found = languages(store.conn, article_id)
            if found is None:
                raise CommandError(f"no article with id {article_id}")
            has_ko, has_en, human = found
            if has_ko and has_en and human:
                raise CommandError(
                    f"article {article_id} has both languages already (reader unpair {article_id} splits it)"
                )
            langs[article_id] = "ko" if has_ko and (not has_en or not human) else "en"
        if langs[first] == langs[second]:
            raise CommandError(
                f"articles {first} and {second} are both in the same language; pair a Korean one with an English one"
            )
        ko_id, en_id = (first, second) if langs[first] == "ko" else (second, first)
        ko, ko_url = stored_side(store, ko_id, "ko")
        en, en_url = stored_side(store, en_id, "en")
        article_id = join(store, ko, en, ko_id=ko_id, en_id=en_id, ko_url=ko_url, en_url=en_url, by_hand=True)
    out(f"paired {ko_id} and {en_id} as article {article_id}")
    from ..text.story_match import TWO_STORIES, two_stories

    if two_stories(ko.title_ko, ko.ko, en.title_en, en.en):
        print(f"reader: warning: article {article_id}: {TWO_STORIES}; reader unpair {article_id} splits them",
              file=sys.stderr)  # fmt: skip
    return 0


def cmd_unpair(args: argparse.Namespace) -> int:
    from ..pairing import split
    from ..store.pairs import languages

    with open_store(args) as store:
        found = languages(store.conn, args.id)
        if found is None:
            raise CommandError(f"no article with id {args.id}")
        if not all(found):
            raise CommandError(f"article {args.id} is not a pair of a Korean and an English text")
        en_id = split(store, args.id)
    out(f"unpaired: {args.id} (Korean), {en_id} (English)")
    return 0


def _stop_now() -> NoReturn:
    """Ctrl+C during a fetch: stop at once. Pages still downloading would otherwise hold the process
    until their timeout (Python waits for its worker threads on the way out); what was stored is whole,
    each article in its own transaction, and an unfinished one is rolled back by SQLite."""
    import os
    import sys

    print("reader: interrupted", file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(130)
