"""The `reader` commands, which script the library; `reader` alone opens it in the app (see `__main__`).

Every command opens the library, calls the same functions the TUI uses, and turns the errors a user can
cause into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .store import Store

EXIT_USAGE = 2
EXIT_FAILED = 1

#: Runs the app on an open library, with a notice to show first (or None); `reader.__main__` has Textual's.
OpenApp = Callable[["Store", str | None], None]


class CommandError(Exception):
    """A user-facing failure: printed as `reader: <message>` with exit status 1."""


def _out(text: str) -> None:
    """Print to stdout; to a terminal, control characters from articles are shown, not obeyed."""
    if sys.stdout.isatty():
        from .inert import inert

        text = inert(text)
    sys.stdout.write(text + "\n")


def _open_store(args: argparse.Namespace, *, for_tui: bool = False):
    from .paths import ensure_default_library, resolve_db_path
    from .store import Store

    path, is_default = resolve_db_path(args.db)
    copied = False
    if is_default and for_tui:
        copied = ensure_default_library(path)
    elif is_default:
        path.parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(path)
    store.sample_copied = copied  # type: ignore[attr-defined]
    if store.backup_path is not None:
        print(
            f"reader: upgraded the library from schema {store.upgraded_from}; the old one is kept as "
            f"{store.backup_path}",
            file=sys.stderr,
        )
    return store


# --- commands -------------------------------------------------------------------------------------------


def cmd_tui(args: argparse.Namespace) -> int:
    """`reader` alone: the library, handed to the app `main` was given (`reader.__main__` gives Textual's)."""
    if args.open_app is None:
        raise CommandError("no command given; the app opens with: reader (or python -m reader)")
    store = _open_store(args, for_tui=True)
    args.open_app(store, "Copied the sample library to start with." if store.sample_copied else None)
    store.close()
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from .importers.errors import ImportProblem

    sources: list[str] = args.sources
    try:
        if sources and (args.ko or args.en):
            raise CommandError("give either files, folders or addresses to add, or --ko/--en, not both")
        if not sources:
            if not args.ko and not args.en:
                raise CommandError("nothing to add: give a file, folder, URL or -, or --ko and/or --en")
            article = _article_from_sides(args)
        elif sources == ["-"]:
            from .importers import article_from_json
            from .importers.text_file import decode

            raw = decode(sys.stdin.buffer.read(), "standard input")
            article = _override(article_from_json(raw, "standard input"), args)
        else:
            from .importers.batch import items_from_sources

            items = items_from_sources(sources, timeout=args.timeout)
            if len(items) > 1 or (Path(sources[0]).is_dir() and items[0].name != str(Path(sources[0]))):
                return _add_batch(args, items)
            article = _override(items[0].load(), args)
    except ImportProblem as exc:
        raise CommandError(str(exc)) from None
    from .importers.single import add_article
    from .store.articles import DuplicateArticle

    store = _open_store(args)
    console = _stderr_console()
    with store:
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
    _out(str(article_id))
    for warning in warnings:
        print(f"reader: added, but {warning}", file=sys.stderr)
    return 0


def _article_from_sides(args: argparse.Namespace):
    """`--ko` and `--en`: text files as before; a web address or saved page on either side is extracted."""
    from .importers import article_from_text_files
    from .importers.html import HTML_SUFFIXES, article_from_pages, read_html_file
    from .importers.web import is_url, page_from_url

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
        )
    from .importers.clean import first_line
    from .importers.html import Page
    from .importers.text_file import read_text

    def side(spec: str | None, lang: str):
        if not spec:
            return None
        if is_url(spec):
            return page_from_url(spec, timeout=args.timeout)
        if Path(spec).suffix.lower() in HTML_SUFFIXES:
            return read_html_file(Path(spec))
        text = read_text(Path(spec))
        if not text:
            from .importers import ImportProblem

            raise ImportProblem(f"{spec}: no text to import (empty)")
        return Page(text, lang, first_line(text), None, "", "")

    return _override(article_from_pages(side(args.ko, "ko"), side(args.en, "en")), args)


def _add_batch(args: argparse.Namespace, items) -> int:
    """Many articles: a progress bar on stderr, ids of the added ones on stdout, then what happened to each."""
    from .importers.batch import run_batch_with_progress

    store = _open_store(args)
    with store:
        report = run_batch_with_progress(store, items, _stderr_console())
    for _, article_id in report.added:
        _out(str(article_id))
    lines = [f"reader: {report.summary()}"]
    lines += [f"  already in the library (id {existing}): {name}" for name, existing in report.duplicates]
    lines += [f"  failed: {reason}" for _, reason in report.failed]
    lines += [f"  added, but {name}: {warning}" for name, warning in report.warnings]
    from .inert import inert

    print("\n".join(inert(line) for line in lines), file=sys.stderr)
    return EXIT_FAILED if report.failed else 0


def _override(article, args: argparse.Namespace):
    """Command-line fields win over the JSON's."""
    from dataclasses import replace

    from .importers.clean import check_date

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


def cmd_translate(args: argparse.Namespace) -> int:
    """Machine-translate the missing side of an article, resuming an interrupted run."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .translate import TranslationError, load_config, translate_article

    with _open_store(args) as store:
        if store.get_article(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see: reader list)")
        try:
            config = load_config(engine=args.engine, base_url=args.base_url, model=args.model)
        except TranslationError as exc:
            raise CommandError(str(exc)) from None
        console = _stderr_console()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, transient=True, console=console, disable=not console.is_terminal) as progress:
            task = progress.add_task(f"Translating with {config.engine}", total=None)
            try:
                outcome = translate_article(
                    store.conn,
                    args.id,
                    config,
                    force=args.force,
                    on_progress=lambda done, total: progress.update(task, completed=done, total=total),
                )
            except TranslationError as exc:
                raise CommandError(str(exc)) from None
    resumed = f" ({outcome.resumed} from the interrupted run)" if outcome.resumed else ""
    print(
        f"translated article {outcome.article_id} from {'Korean' if outcome.source == 'ko' else 'English'} "
        f"with {outcome.engine}: {outcome.sentences} sentence(s){resumed}",
        file=sys.stderr,
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    with store:
        articles = store.list_articles()
    if args.json:
        _out(
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
        _out("The library is empty. Add an article with: reader add --ko KO.txt --en EN.txt")
        return 0
    for a in articles:
        _out(f"{a.id:>5}  {a.published or '----------'}  {a.title_ko or a.title_en}")
        if a.title_ko and a.title_en:
            _out(f"{'':>5}  {'':10}  {a.title_en}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export.alignment import FORMATS

    store = _open_store(args)
    with store:
        article = store.get_article(args.id)
    if article is None:
        raise CommandError(f"no article with id {args.id} (see: reader list)")
    text = FORMATS[args.format](article)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        _write_atomically(Path(args.output), text)
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write next to the target and rename, so an interrupted export never leaves half a file."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CommandError(f"cannot write {path}: {exc.strerror}") from None


def cmd_glossary_list(args: argparse.Namespace) -> int:
    from .store.glossary import list_entries

    with _open_store(args) as store:
        rows = list_entries(store.conn, type=args.type, query=args.query)
    if args.json:
        _out(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "ko": list(r.entry.ko),
                        "en": list(r.entry.en),
                        "type": r.entry.type,
                        "note": r.entry.note,
                        "origin": r.origin,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for r in rows:
        _out(
            f"{r.id:>5}  {r.entry.type:<9}  {' | '.join(r.entry.ko)}  =  {' | '.join(r.entry.en)}"
            + (f"   ({r.entry.note})" if r.entry.note else "")
        )
    return 0


def cmd_glossary_add(args: argparse.Namespace) -> int:
    from .store.glossary import add_entry
    from .text.glossary import TYPES, Entry

    kind = args.type.upper()
    if kind not in TYPES:
        raise CommandError(f"type must be one of {', '.join(TYPES)}")
    entry = Entry(tuple(args.ko.split("|")), tuple(args.en.split("|")), kind, args.note or "")
    if not entry.ko or not entry.en:
        raise CommandError("both --ko and --en need at least one form")
    with _open_store(args) as store:
        new_id = add_entry(store.conn, entry)
        if new_id is None:
            raise CommandError("that entry is already in the glossary")
        _refresh_after_glossary_change(store, [entry])
    _out(str(new_id))
    return 0


def _refresh_after_glossary_change(store, entries) -> None:
    """Re-analyse the entity layer of the articles the changed entries appear in, with a progress bar."""
    from .reanalysis import affected_articles, refresh_entities
    from .store.glossary import load_glossary

    ids = affected_articles(store.conn, entries)
    if not ids:
        return
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as progress:
        task = progress.add_task("Updating entities", total=len(ids))
        refresh_entities(
            store.conn,
            ids,
            load_glossary(store.conn),
            lambda done, total: progress.update(task, completed=done),
        )
    print(f"updated entities in {len(ids)} article(s)", file=sys.stderr)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def cmd_glossary_remove(args: argparse.Namespace) -> int:
    from .store.glossary import list_entries, remove_entry

    with _open_store(args) as store:
        gone = [r.entry for r in list_entries(store.conn) if r.id == args.id]
        if not remove_entry(store.conn, args.id):
            raise CommandError(f"no glossary entry with id {args.id}")
        _refresh_after_glossary_change(store, gone)
    return 0


def cmd_glossary_import(args: argparse.Namespace) -> int:
    import csv
    import io

    from .store.glossary import add_entries
    from .text.glossary import read_entries

    try:
        entries = read_entries(io.StringIO(_read_input(args.file)))
    except (ValueError, csv.Error) as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    incomplete = [e for e in entries if not e.ko or not e.en]
    if incomplete:
        raise CommandError(
            f"{args.file}: {len(incomplete)} row(s) lack a Korean or an English form; nothing imported"
        )
    with _open_store(args) as store:
        added, skipped = add_entries(store.conn, entries)
        print(f"added {added}, already present {skipped}", file=sys.stderr)
        if added:
            _refresh_after_glossary_change(store, entries)
    return 0


def cmd_glossary_export(args: argparse.Namespace) -> int:
    import io

    with _open_store(args) as store:
        from .store.glossary import load_glossary

        buffer = io.StringIO()
        load_glossary(store.conn).to_csv(buffer)
    if args.output in (None, "-"):
        sys.stdout.write(buffer.getvalue())
    else:
        _write_atomically(Path(args.output), buffer.getvalue())
    return 0


def cmd_align(args: argparse.Namespace) -> int:
    ko_text, en_text = _read_input(args.ko_file), _read_input(args.en_file)
    if args.one_per_line:
        from .text.align import align

        ko = ko_text.split("\n") if ko_text else []
        en = en_text.split("\n") if en_text else []
        links = align(ko, en)
    else:
        from .analysis import align_texts

        aligned = align_texts(ko_text, en_text)
        ko = [s.text(ko_text) for s in aligned.ko]
        en = [s.text(en_text) for s in aligned.en]
        links = aligned.links
    if args.json:
        _out(
            json.dumps(
                {
                    "ko": ko,
                    "en": en,
                    "links": [
                        {"ko": list(link.ko), "en": list(link.en), "confidence": round(link.confidence, 4)}
                        for link in links
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for link in links:
        _out(f"[{link.kind} {link.confidence:.2f}]  ko {_indices(link.ko)}  en {_indices(link.en)}")
        for i in link.ko:
            _out(f"    한  {ko[i]}")
        for j in link.en:
            _out(f"    EN  {en[j]}")
    return 0


def _indices(indices: tuple[int, ...]) -> str:
    return ",".join(map(str, indices)) or "-"


def _note_dict(note) -> dict:
    return {
        "id": note.id,
        "article": note.article_id,
        "target": note.target,
        "side": note.side,
        "start": note.start,
        "end": note.end,
        "quote": note.exact,
        "body": note.body,
        "tags": list(note.tags),
        "created": note.created,
        "updated": note.updated,
        "detached": note.detached,
    }


def cmd_notes_list(args: argparse.Namespace) -> int:
    from .store.notes import list_notes

    with _open_store(args) as store:
        notes = list_notes(store.conn, article_id=args.article, tag=args.tag, text=args.text)
    if args.json:
        _out(json.dumps([_note_dict(n) for n in notes], ensure_ascii=False, indent=2))
        return 0
    if not notes:
        _out("No notes." if args.article is None and not args.tag else "No notes match.")
    for n in notes:
        tags = " ".join(f"#{t}" for t in n.tags)
        flag = "  (detached)" if n.detached else ""
        _out(
            f"{n.id:>5}  article {n.article_id}  {n.updated[:16].replace('T', ' ')}  “{' '.join(n.exact.split())[:60]}”{flag}"
        )
        _out(f"{'':>5}  {' '.join(n.body.split())[:100]}" + (f"  {tags}" if tags else ""))
    return 0


def cmd_notes_export(args: argparse.Namespace) -> int:
    from .export.notes import to_markdown, to_w3c_json
    from .store.notes import list_notes

    with _open_store(args) as store:
        notes = list_notes(store.conn, article_id=args.article, tag=args.tag)
        articles = {i: store.get_article(i) for i in {n.article_id for n in notes}}
    text = (to_markdown if args.format == "md" else to_w3c_json)(notes, articles)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        _write_atomically(Path(args.output), text)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    # The library screen's search: bounded time however large the library (see search_library).
    from .store.library import search_library
    from .store.search import BadQuery, snippet

    if args.limit < 1:
        raise CommandError("--limit must be at least 1")
    with _open_store(args) as store:
        try:
            hits = search_library(store.conn, args.query, limit=args.limit)
        except BadQuery as exc:
            raise CommandError(str(exc)) from None
    if args.json:
        _out(
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
        _out(f"No matches for {args.query!r}.")
    for h in hits:
        where = "title" if h.position is None else f"row {h.position + 1}"
        _out(f"{h.article_id:>5}  {h.published or '----------'}  {h.title_ko or h.title_en}  ({where})")
        for side in (h.ko, h.en):
            text, _ = snippet(side, args.query, 110)
            if text:
                _out(f"       {text}")
    return 0


def _library_glossary(args: argparse.Namespace):
    from .store.glossary import load_glossary

    with _open_store(args) as store:
        return load_glossary(store.conn)


def _read_input(name: str) -> str:
    from .importers import ImportProblem, read_text

    try:
        return read_text(Path(name))
    except ImportProblem as exc:
        raise CommandError(str(exc)) from None


def cmd_entities(args: argparse.Namespace) -> int:
    from .text.entities import find_mentions

    text = _read_input(args.file)
    glossary = _library_glossary(args)
    lines = text.split("\n") if args.one_per_line else [text]
    found = [
        {"line": n, "start": m.start, "end": m.end, "text": m.text, "type": m.type}
        for n, line in enumerate(lines)
        for m in find_mentions(line, args.lang, glossary)
    ]
    if args.json:
        _out(json.dumps(found, ensure_ascii=False))
        return 0
    for m in found:
        where = f"{m['line']}:" if args.one_per_line else ""
        _out(f"{where}{m['start']}-{m['end']}  {m['type']:<9}  {m['text']}")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from .text.entities import find_mentions
    from .text.linking import link_mentions

    ko_text, en_text = _read_input(args.ko_file), _read_input(args.en_file)
    glossary = _library_glossary(args)
    if args.one_per_line:
        ko_lines, en_lines = ko_text.split("\n"), en_text.split("\n")
        if len(ko_lines) != len(en_lines):
            raise CommandError(
                f"--one-per-line needs as many lines on each side ({len(ko_lines)} Korean, "
                f"{len(en_lines)} English)"
            )
        pairs = list(zip(ko_lines, en_lines))
    else:
        from .analysis import analyse

        result = analyse(ko_text, en_text, glossary, entities=False)
        pairs = [(ko_text[g.ko_start : g.ko_end], en_text[g.en_start : g.en_end]) for g in result.segments]
    links: list[dict[str, Any]] = []
    for n, (ko, en) in enumerate(pairs):
        ko_m = find_mentions(ko, "ko", glossary) if ko.strip() else []
        en_m = find_mentions(en, "en", glossary) if en.strip() else []
        for link in link_mentions(ko, en, ko_m, en_m, glossary) if ko_m and en_m else []:
            links.append(
                {
                    "line": n,
                    "ko": {"start": link.ko.start, "end": link.ko.end, "text": link.ko.text},
                    "en": {"start": link.en.start, "end": link.en.end, "text": link.en.text},
                    "type": link.type,
                    "how": link.how,
                    **({"guess": True} if link.guess else {}),
                }
            )
    if args.json:
        _out(json.dumps(links, ensure_ascii=False))
        return 0
    for shown in links:
        mark = " (guess)" if shown.get("guess") else ""
        _out(
            f"{shown['line']:>4}  {shown['type']:<9}  {shown['ko']['text']}  ↔  {shown['en']['text']}   [{shown['how']}]{mark}"
        )
    return 0


def cmd_reanalyse(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from .reanalysis import reanalyse

    with _open_store(args) as store:
        ids = [args.id] if args.id is not None else [a.id for a in store.list_articles()]
        if args.id is not None and store.get_article(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see: reader list)")
        from .store.glossary import load_glossary

        glossary = load_glossary(store.conn)
        detached = 0
        with Progress(transient=True, console=_stderr_console()) as progress:
            task = progress.add_task("Re-analysing", total=len(ids))
            for article_id in ids:
                detached += reanalyse(store.conn, article_id, glossary).get("detached", 0)
                progress.advance(task)
    print(
        f"re-analysed {len(ids)} article(s)"
        + (f"; {detached} note(s) lost their text and are kept as detached" if detached else ""),
        file=sys.stderr,
    )
    return 0


def cmd_db_check(args: argparse.Namespace) -> int:
    from .store.health import check

    with _open_store(args) as store:
        report = check(store.conn)
    if args.json:
        _out(
            json.dumps(
                {"ok": report.ok, "problems": report.problems, "facts": report.facts},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for line in report.problems:
            _out(f"problem: {line}")
        for line in report.facts:
            _out(line)
        _out("ok" if report.ok else f"{len(report.problems)} problem(s) found")
    return 0 if report.ok else EXIT_FAILED


def cmd_db_backup(args: argparse.Namespace) -> int:
    from .store.health import backup

    with _open_store(args) as store:
        target = backup(store.conn, Path(args.file))
    print(f"backed up to {target}", file=sys.stderr)
    return 0


def cmd_db_reindex(args: argparse.Namespace) -> int:
    from .store import transaction
    from .store.search import rebuild

    with _open_store(args) as store, transaction(store.conn):
        rebuild(store.conn)
    print("rebuilt the full-text index", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        if args.id is not None and store.get_article(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see: reader list)")
        ids = [args.id] if args.id is not None else [a.id for a in store.list_articles()]
        found = []
        for article_id in ids:
            article = store.get_article(article_id)
            for segment in article.segments:
                for reason in segment.issues:
                    found.append(
                        {
                            "article": article_id,
                            "position": segment.position,
                            "ko": segment.ko,
                            "en": segment.en,
                            "reason": reason,
                        }
                    )
    if args.json:
        _out(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    if not found:
        _out("No disagreements found between the Korean and the English.")
    for f in found:
        _out(f"article {f['article']}, row {f['position'] + 1}: {f['reason']}")
        _out(f"    한  {' '.join(f['ko'].split())}")
        _out(f"    EN  {' '.join(f['en'].split())}")
    return 0


# --- argument parsing -----------------------------------------------------------------------------------


def _db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="library file (default: $READER_DB, else library.db in your user data directory)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader", description="Read Korean news beside its English translation, sentence by sentence."
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _db_option(parser, None)
    parser.set_defaults(func=cmd_tui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        _db_option(sub, argparse.SUPPRESS)  # --db works before or after the command name
        sub.set_defaults(func=func)
        return sub

    add = command(
        "add", cmd_add, "add articles from files, folders, JSON (Lines) or web pages; prints their ids"
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
    add.add_argument("--title-ko", metavar="T", help="Korean title (default: the Korean file's first line)")
    add.add_argument("--title-en", metavar="T", help="English title (default: the English file's first line)")
    add.add_argument("--source", metavar="S", help="where the article comes from")
    add.add_argument("--url", metavar="U", help="the article's address")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="publication date")
    add.add_argument(
        "--timeout",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="give up on a web page after this long (default 20)",
    )

    trn = command(
        "translate",
        cmd_translate,
        "machine-translate an article that has one language only (or re-translate a machine translation)",
    )
    trn.add_argument("id", type=int, metavar="ID", help="article id (see: reader list)")
    trn.add_argument(
        "--engine",
        choices=["openai", "deepl", "argos"],
        help="translation engine (default: the one in config.toml)",
    )
    trn.add_argument(
        "--base-url", metavar="URL", help="the engine's address (an OpenAI-compatible API's /v1 URL)"
    )
    trn.add_argument("--model", metavar="NAME", help="model name, for the openai engine")
    trn.add_argument("--force", action="store_true", help="replace a translation made by a person")

    lst = command("list", cmd_list, "list the articles in the library")
    lst.add_argument("--json", action="store_true", help="print a JSON list")

    export = command("export", cmd_export, "write an article's aligned pairs as TMX 1.4 or TSV")
    export.add_argument("id", type=int, metavar="ID", help="article id (see: reader list)")
    export.add_argument("--format", choices=["tmx", "tsv"], default="tmx", help="output format (default tmx)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    srch = command("search", cmd_search, "find articles by words in either language")
    srch.add_argument("query", metavar="QUERY", help='words to find; "quoted words" as a phrase')
    srch.add_argument("--json", action="store_true", help="print a JSON list of hits, best first")
    srch.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")

    aln = command("align", cmd_align, "align the sentences of a Korean and an English text")
    aln.add_argument("ko_file", metavar="KO_FILE")
    aln.add_argument("en_file", metavar="EN_FILE")
    aln.add_argument(
        "--json",
        action="store_true",
        help='print {"ko": [...], "en": [...], "links": [{"ko": [i], "en": [j], "confidence": c}]}',
    )
    aln.add_argument(
        "--one-per-line", action="store_true", help="take each line as one sentence, as given (no splitting)"
    )

    ent = command("entities", cmd_entities, "list the names, dates and quantities found in a text")
    ent.add_argument("file", metavar="FILE")
    ent.add_argument("--lang", choices=["ko", "en"], required=True, help="the text's language")
    ent.add_argument(
        "--json",
        action="store_true",
        help='print [{"line", "start", "end", "text", "type"}]; offsets count characters',
    )
    ent.add_argument("--one-per-line", action="store_true", help="analyse each line on its own")

    lnk = command("link", cmd_link, "link the names in a Korean text to those in its English translation")
    lnk.add_argument("ko_file", metavar="KO_FILE")
    lnk.add_argument("en_file", metavar="EN_FILE")
    lnk.add_argument("--json", action="store_true", help="print a JSON list of links")
    lnk.add_argument("--one-per-line", action="store_true", help="line n of each file is a translation pair")

    rean = command(
        "reanalyse",
        cmd_reanalyse,
        "analyse articles again (alignment, entities); rows fixed by hand and notes are kept",
    )
    rean.add_argument("id", type=int, nargs="?", metavar="ID", help="only this article (default: all)")

    chk = command("check", cmd_check, "list rows whose Korean and English disagree on a number, date or name")
    chk.add_argument("id", type=int, nargs="?", metavar="ID", help="only this article")
    chk.add_argument("--json", action="store_true", help="print a JSON list")

    glossary = commands.add_parser(
        "glossary",
        help="the bilingual glossary that drives entity linking",
        description="the bilingual glossary that drives entity linking",
    )
    gcommands = glossary.add_subparsers(title="glossary commands", metavar="ACTION", required=True)

    def gcommand(name: str, func: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        sub = gcommands.add_parser(name, help=help, description=help)
        _db_option(sub, argparse.SUPPRESS)
        sub.set_defaults(func=func)
        return sub

    glist = gcommand("list", cmd_glossary_list, "list glossary entries")
    glist.add_argument("query", nargs="?", help="only entries whose forms contain this text")
    glist.add_argument("--type", help="only entries of this type (PERSON, ORG, PLACE, EQUIPMENT, OTHER)")
    glist.add_argument("--json", action="store_true", help="print a JSON list")
    gadd = gcommand("add", cmd_glossary_add, "add an entry; prints its id")
    gadd.add_argument("--ko", required=True, help="Korean form(s), several separated by |")
    gadd.add_argument("--en", required=True, help="English form(s), several separated by |")
    gadd.add_argument("--type", required=True, help="PERSON, ORG, PLACE, EQUIPMENT or OTHER")
    gadd.add_argument("--note", help="a short note")
    gremove = gcommand("remove", cmd_glossary_remove, "remove an entry by id")
    gremove.add_argument("id", type=int)
    gimport = gcommand("import", cmd_glossary_import, "add entries from a CSV file (ko,en,type,note)")
    gimport.add_argument("file", metavar="FILE.csv")
    gexport = gcommand("export", cmd_glossary_export, "write the glossary as CSV (ko,en,type,note)")
    gexport.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    db = commands.add_parser(
        "db", help="look after the library file", description="look after the library file"
    )
    dcommands = db.add_subparsers(title="db commands", metavar="ACTION", required=True)
    for name, func, help in (
        ("check", cmd_db_check, "check integrity, the full-text index, orphaned rows and note anchors"),
        ("backup", cmd_db_backup, "copy the library safely, even while reader is running"),
        ("reindex", cmd_db_reindex, "rebuild the full-text index"),
    ):
        sub = dcommands.add_parser(name, help=help, description=help)
        _db_option(sub, argparse.SUPPRESS)
        sub.set_defaults(func=func)
        if name == "check":
            sub.add_argument("--json", action="store_true", help="print the report as JSON")
        if name == "backup":
            sub.add_argument("file", metavar="FILE", help="where to write the copy")

    notes = commands.add_parser(
        "notes", help="the notes you wrote while reading", description="the notes you wrote while reading"
    )
    ncommands = notes.add_subparsers(title="notes commands", metavar="ACTION", required=True)
    for name, func, help in (
        ("list", cmd_notes_list, "list notes, newest first"),
        ("export", cmd_notes_export, "write notes as Markdown or W3C Web Annotation JSON-LD"),
    ):
        sub = ncommands.add_parser(name, help=help, description=help)
        _db_option(sub, argparse.SUPPRESS)
        sub.set_defaults(func=func)
        sub.add_argument("--article", type=int, metavar="ID", help="only this article's notes")
        sub.add_argument("--tag", metavar="T", help="only notes with this tag")
        if name == "list":
            sub.add_argument("--text", metavar="WORDS", help="only notes whose text or quote contains WORDS")
            sub.add_argument("--json", action="store_true", help="print a JSON list")
        else:
            sub.add_argument(
                "--format", choices=["md", "w3c"], default="md", help="output format (default md)"
            )
            sub.add_argument(
                "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
            )
    return parser


def _database_error(exc: Exception, args: argparse.Namespace) -> str:
    """SQLite's messages, said in terms of what the user can do; nothing was written (one transaction)."""
    message = str(exc)
    if "readonly" in message or "read-only" in message:
        return "the library is read-only (check the file's and its folder's permissions); nothing was changed"
    if "disk is full" in message or "disk I/O" in message:
        return f"could not write the library ({message}); nothing was changed"
    if "malformed" in message or "not a database" in message:
        return f"the library file is damaged ({message}); restore a backup or run: reader db check"
    if "locked" in message or "busy" in message:
        return "the library is busy in another program and stayed locked; try again"
    return f"database error: {message}"


def _undecodable_argument(argv: list[str]) -> str | None:
    """The first argument holding bytes that are not UTF-8 (Python keeps them as lone surrogates), shown
    with those bytes as escapes; such text cannot be stored, though a file name like it can be opened."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            from .inert import inert

            return f"'{inert(arg.encode('utf-8', 'surrogateescape').decode('utf-8', 'backslashreplace'))}'"
    return None


def _opens_the_app(argv: list[str]) -> bool:
    """Whether the arguments are only `--db PATH` (or none): `reader` starting its app, the common case."""
    i = 0
    while i < len(argv):
        if argv[i] == "--db" and i + 1 < len(argv):
            i += 2
        elif argv[i].startswith("--db="):
            i += 1
        else:
            return False
    return True


def _app_parser() -> argparse.ArgumentParser:
    """`reader [--db PATH]` alone: without the two dozen command parsers (10-20 ms of start-up)."""
    parser = argparse.ArgumentParser(
        prog="reader", description="Read Korean news beside its English translation, sentence by sentence."
    )
    _db_option(parser, None)
    parser.set_defaults(func=cmd_tui)
    return parser


def main(argv: list[str] | None = None, *, open_app: OpenApp | None = None) -> int:
    """Run the command in `argv` (default: the process's arguments); with none, `open_app` on the library."""
    arguments = sys.argv[1:] if argv is None else argv
    parser = _app_parser() if _opens_the_app(arguments) else build_parser()
    args = parser.parse_args(arguments)
    args.open_app = open_app
    from .store import DuplicateArticle, StoreError

    try:
        return args.func(args)
    except (CommandError, StoreError, DuplicateArticle) as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.Error as exc:
        print(f"reader: {_database_error(exc, args)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(
            f"reader: {exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""), file=sys.stderr
        )
        return EXIT_FAILED
    except Exception as exc:  # a bug: still one line for the user, the details on request
        bad = _undecodable_argument(arguments)
        if isinstance(exc, UnicodeEncodeError) and bad is not None:
            print(
                f"reader: the argument {bad} is not UTF-8 text; is the terminal set to UTF-8?",
                file=sys.stderr,
            )
            return EXIT_FAILED
        if os.environ.get("READER_DEBUG"):
            raise
        print(
            f"reader: unexpected error: {type(exc).__name__}: {exc} (READER_DEBUG=1 shows details)",
            file=sys.stderr,
        )
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
