"""`reader list`, `search` and `export`: what is in the library, found, or written out as TMX or TSV."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CommandError, add_command, article_id, open_store, out, positive_count, write_atomically

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
    lst = add_command(commands, "list", cmd_list, "list the articles in the library")
    lst.add_argument("--json", action="store_true", help="print a JSON list")

    export = add_command(commands, "export", cmd_export, "write an article's aligned pairs as TMX 1.4 or TSV")
    export.add_argument("id", type=int, metavar="ID", help="article id (see: reader list)")
    export.add_argument("--format", choices=["tmx", "tsv"], default="tmx", help="output format (default tmx)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    rm = add_command(commands, "rm", cmd_rm, "remove articles, with their notes, from the library")
    rm.add_argument("ids", nargs="+", type=article_id, metavar="ID", help="article ids (see: reader list)")

    edit = add_command(commands, "edit", cmd_edit, "correct an article's titles, source or date")
    edit.add_argument("id", type=article_id, metavar="ID", help="article id (see: reader list)")
    edit.add_argument("--title-ko", metavar="T", help="the Korean title")
    edit.add_argument("--title-en", metavar="T", help="the English title")
    edit.add_argument("--source", metavar="S", help="where the article comes from")
    edit.add_argument("--date", metavar="YYYY-MM-DD", help="publication date ('' removes it)")

    srch = add_command(commands, "search", cmd_search, "find articles by words in either language")
    srch.add_argument("query", metavar="QUERY", help='words to find; "quoted words" as a phrase')
    srch.add_argument("--json", action="store_true", help="print a JSON list of hits, best first")
    srch.add_argument(
        "--limit", type=positive_count, default=20, metavar="N", help="at most N hits (default 20)"
    )


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    with store:
        articles = store.list_articles()
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "title_ko": a.title_ko,
                        "title_en": a.title_en,
                        "source": a.source,
                        "url": a.url,
                        "published": a.published,
                    }
                    for a in articles
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not articles:
        out("The library is empty. Add an article with: reader add --ko KO.txt --en EN.txt")
        return 0
    for a in articles:
        out(f"{a.id:>5}  {a.published or '----------'}  {a.title_ko or a.title_en}")
        if a.title_ko and a.title_en:
            out(f"{'':>5}  {'':10}  {a.title_en}")
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    from ..store.removal import remove_articles

    with open_store(args) as store:
        removed = remove_articles(store.conn, args.ids)
    for article in removed:
        out(f"removed {article.article_id}: {article.title}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from ..store.details import edit_details

    fields = {
        "title_ko": args.title_ko,
        "title_en": args.title_en,
        "source": args.source,
        "published": args.date,
    }
    if all(value is None for value in fields.values()):
        raise CommandError("nothing to change: give --title-ko, --title-en, --source or --date")
    with open_store(args) as store:
        details = edit_details(store.conn, args.id, **fields)
    out(f"{args.id:>5}  {details.published or '----------'}  {details.source or '(no source)'}")
    for title in (details.title_ko, details.title_en):
        if title:
            out(f"{'':>5}  {title}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..export.alignment import FORMATS

    store = open_store(args)
    with store:
        article = store.get_article(args.id)
    if article is None:
        raise CommandError(f"no article with id {args.id} (see: reader list)")
    text = FORMATS[args.format](article)
    if args.output in (None, "-"):
        out(text, end="")
    else:
        write_atomically(Path(args.output), text)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    # The library screen's search: bounded time however large the library (see search_library).
    from ..store.library import search_library
    from ..store.search import BadQuery, snippet

    with open_store(args) as store:
        try:
            hits = search_library(store.conn, args.query, limit=args.limit)
        except BadQuery as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "article": h.article_id,
                        "position": h.position,
                        "title_ko": h.title_ko,
                        "title_en": h.title_en,
                        "published": h.published,
                        "ko": h.ko,
                        "en": h.en,
                        "score": float(f"{-h.score:.4g}"),
                    }
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not hits:
        out(f"No matches for {args.query!r}.")
    for h in hits:
        where = "title" if h.position is None else f"row {h.position + 1}"
        out(f"{h.article_id:>5}  {h.published or '----------'}  {h.title_ko or h.title_en}  ({where})")
        for side in (h.ko, h.en):
            text, _ = snippet(side, args.query, 110)
            if text:
                out(f"       {text}")
    return 0
