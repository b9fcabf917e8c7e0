"""`reader add`: articles from files, folders, JSON (Lines), web pages, or a `--ko`/`--en` pair."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import EXIT_FAILED, CommandError, add_command, open_store, out, stderr_console

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
    add = add_command(
        commands,
        "add",
        cmd_add,
        "add articles from files, folders, JSON (Lines) or web pages; prints their ids",
    )
    add.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="a text, Markdown, JSON, JSON Lines or HTML file, a folder of them, a URL, or - (JSON "
        "on stdin); the language of a one-language article is detected",
    )
    add.add_argument("--ko", metavar="KO", help="the Korean text: a text file, a saved page or a URL")
    add.add_argument("--en", metavar="EN", help="the English text: a text file, a saved page or a URL")
    add.add_argument(
        "--one-language",
        action="store_true",
        help="with --ko and --en: a side whose file is empty is left out (a one-language article) "
        "instead of refused",
    )
    add.add_argument(
        "--title-ko",
        metavar="T",
        help="Korean title (default: the Korean text's headline, else its first sentence)",
    )
    add.add_argument(
        "--title-en",
        metavar="T",
        help="English title (default: the English text's headline, else its first sentence)",
    )
    add.add_argument("--source", metavar="S", help="where the article comes from")
    add.add_argument("--url", metavar="U", help="the article's address")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="publication date")
    add.add_argument(
        "--workers",
        type=_workers,
        default=None,
        metavar="N",
        help="many articles: analyse them in N processes at once, one per core by default (a small batch "
        "gets fewer: a process loads the language models, seconds, before it pays); 1 analyses them all "
        "in this one",
    )
    add.add_argument(
        "--timeout",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="give up on a web page after this long (default 20)",
    )


def _workers(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more; got {text!r}")
    return count


def cmd_add(args: argparse.Namespace) -> int:
    from ..importers.errors import ImportProblem

    sources: list[str] = args.sources
    try:
        if sources and (args.ko or args.en):
            raise CommandError("give either files, folders or addresses to add, or --ko/--en, not both")
        if not sources:
            if not args.ko and not args.en:
                raise CommandError("nothing to add: give a file, folder, URL or -, or --ko and/or --en")
            article = _article_from_sides(args)
        elif sources == ["-"]:
            from ..importers.batch import items_from_stdin
            from ..importers.text_file import decode

            items = items_from_stdin(decode(sys.stdin.buffer.read(), "standard input"))
            if len(items) > 1:  # a JSON array or JSON Lines, as a file of them is read
                return _add_batch(args, items)
            article = _override(items[0].load(), args)
        else:
            from ..importers.batch import items_from_sources

            items = items_from_sources(sources, timeout=args.timeout)
            if len(items) > 1 or (Path(sources[0]).is_dir() and items[0].name != str(Path(sources[0]))):
                return _add_batch(args, items)
            article = _override(items[0].load(), args)
    except ImportProblem as exc:
        raise CommandError(str(exc)) from None
    from ..importers.clean import storable
    from ..importers.single import add_article
    from ..pairing import join_with_stored
    from ..store.articles import DuplicateArticle

    store = open_store(args)
    _refuse_if_read_only(store)
    console = stderr_console()
    with store:
        joined = join_with_stored(store, article) if not storable(article)[1] else None
        if joined is not None:
            article_id, said = joined
            out(str(article_id))
            print(f"reader: {said}", file=sys.stderr)
            return 0
        try:
            warnings: list[str] = []
            if console.is_terminal:  # a long article takes minutes: say how far it has got
                with console.status("Analysing…") as status:
                    article_id = add_article(
                        store, article, on_step=lambda step: status.update(step), on_warning=warnings.append
                    )
            else:
                article_id = add_article(store, article, on_warning=warnings.append)
        except DuplicateArticle as exc:
            raise CommandError(str(exc)) from None
    out(str(article_id))
    for warning in warnings:
        print(f"reader: added, but {warning}", file=sys.stderr)
    return 0


def _refuse_if_read_only(store) -> None:
    """Before minutes of analysis, not after: a library this user may not write is said at once."""
    if store.write_refusal is not None:
        store.close()
        raise CommandError(f"{store.write_refusal}; nothing was changed")


def _article_from_sides(args: argparse.Namespace):
    """`--ko` and `--en`: text files as before; a web address or saved page on either side is extracted."""
    from ..importers import article_from_text_files
    from ..importers.html import HTML_SUFFIXES, article_from_pages, read_html_file
    from ..importers.web import is_url, page_from_url

    def is_page(spec: str | None) -> bool:
        if not spec:
            return False
        return is_url(spec) or Path(spec).suffix.lower() in HTML_SUFFIXES

    if not (is_page(args.ko) or is_page(args.en)):
        return article_from_text_files(
            Path(args.ko) if args.ko else None,
            Path(args.en) if args.en else None,
            title_ko=args.title_ko,
            title_en=args.title_en,
            source=args.source or "",
            url=args.url or "",
            published=args.date,
            one_language=args.one_language,
        )
    from ..importers.html import Page
    from ..importers.text_file import read_text
    from ..importers.titles import title_and_text

    def side(spec: str | None, lang: str):
        if not spec:
            return None
        if is_url(spec):
            return page_from_url(spec, timeout=args.timeout)
        if Path(spec).suffix.lower() in HTML_SUFFIXES:
            return read_html_file(Path(spec))
        text = read_text(Path(spec))
        if not text:
            if args.one_language:
                return None
            from ..importers import ImportProblem

            raise ImportProblem(f"{spec}: no text to import (empty)")
        title, text = title_and_text(text, getattr(args, f"title_{lang}"))
        return Page(text, lang, title, None, "", "")

    ko, en = side(args.ko, "ko"), side(args.en, "en")
    if ko is None and en is None:
        from ..importers import ImportProblem

        raise ImportProblem("nothing to add: both sides are empty")
    return _override(article_from_pages(ko, en), args)


def _add_batch(args: argparse.Namespace, items) -> int:
    """Many articles: a progress bar on stderr, ids of the added ones on stdout, then what happened to each."""
    from ..importers.batch import run_batch_with_progress

    store = open_store(args)
    _refuse_if_read_only(store)
    with store:
        report = run_batch_with_progress(store, items, stderr_console(), workers=args.workers)
    for _, article_id in report.added:
        out(str(article_id))
    lines = [f"reader: {report.summary()}"]
    lines += [f"  paired {how}: {name}" for name, how in report.paired]
    lines += [f"  {lang} only: {name}" for name, lang in report.one_language]
    lines += [f"  already in the library (id {existing}): {name}" for name, existing in report.duplicates]
    lines += [f"  failed: {reason}" for _, reason in report.failed]
    lines += [f"  added, but {name}: {warning}" for name, warning in report.warnings]
    from ..inert import inert

    print("\n".join(inert(line) for line in lines), file=sys.stderr)
    return EXIT_FAILED if report.failed else 0


def _override(article, args: argparse.Namespace):
    """Command-line fields win over the JSON's."""
    from dataclasses import replace

    from ..importers.clean import check_date

    changes = {
        k: v
        for k, v in (
            ("title_ko", args.title_ko),
            ("title_en", args.title_en),
            ("source", args.source),
            ("url", args.url),
        )
        if v is not None
    }
    if args.date is not None:
        try:
            changes["published"] = check_date(args.date)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
    return replace(article, **changes) if changes else article
