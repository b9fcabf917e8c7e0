"""`reader glossary list|add|remove|import|export`: the bilingual glossary; a change re-links the
articles it touches."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CommandError, add_command, open_store, out, read_input, stderr_console, write_atomically

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
    glossary = commands.add_parser(
        "glossary",
        help="the bilingual glossary that drives entity linking",
        description="the bilingual glossary that drives entity linking",
    )
    gcommands = glossary.add_subparsers(title="glossary commands", metavar="ACTION", required=True)
    glist = add_command(gcommands, "list", cmd_glossary_list, "list glossary entries")
    glist.add_argument("query", nargs="?", help="only entries whose forms contain this text")
    glist.add_argument("--type", help="only entries of this type (PERSON, ORG, PLACE, EQUIPMENT, OTHER)")
    glist.add_argument("--json", action="store_true", help="print a JSON list")
    gadd = add_command(gcommands, "add", cmd_glossary_add, "add an entry; prints its id")
    gadd.add_argument("--ko", required=True, help="Korean form(s), several separated by |")
    gadd.add_argument("--en", required=True, help="English form(s), several separated by |")
    gadd.add_argument("--type", required=True, help="PERSON, ORG, PLACE, EQUIPMENT or OTHER")
    gadd.add_argument("--note", help="a short note")
    gremove = add_command(gcommands, "remove", cmd_glossary_remove, "remove an entry by id")
    gremove.add_argument("id", type=int)
    gimport = add_command(
        gcommands, "import", cmd_glossary_import, "add entries from a CSV file (ko,en,type,note)"
    )
    gimport.add_argument("file", metavar="FILE.csv")
    gexport = add_command(
        gcommands, "export", cmd_glossary_export, "write the glossary as CSV (ko,en,type,note)"
    )
    gexport.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def cmd_glossary_list(args: argparse.Namespace) -> int:
    from ..store.glossary import list_entries

    with open_store(args) as store:
        rows = list_entries(store.conn, type=args.type, query=args.query)
    if args.json:
        out(
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
        out(
            f"{r.id:>5}  {r.entry.type:<9}  {' | '.join(r.entry.ko)}  =  {' | '.join(r.entry.en)}"
            + (f"   ({r.entry.note})" if r.entry.note else "")
        )
    return 0


def cmd_glossary_add(args: argparse.Namespace) -> int:
    from ..store.glossary import add_entry
    from ..text.entity_types import NAME_TYPES
    from ..text.glossary import Entry

    kind = args.type.upper()
    if kind not in NAME_TYPES:
        raise CommandError(f"type must be one of {', '.join(NAME_TYPES)}")
    entry = Entry(tuple(args.ko.split("|")), tuple(args.en.split("|")), kind, args.note or "")
    if not entry.ko or not entry.en:
        raise CommandError("both --ko and --en need at least one form")
    with open_store(args) as store:
        new_id = add_entry(store.conn, entry)
        if new_id is None:
            raise CommandError("that entry is already in the glossary")
        _refresh_after_glossary_change(store, [entry])
    out(str(new_id))
    return 0


def _refresh_after_glossary_change(store, entries) -> None:
    """Re-analyse the entity layer of the articles the changed entries appear in, with a progress bar."""
    from ..reanalysis import affected_articles, refresh_entities
    from ..store.glossary import load_glossary

    ids = affected_articles(store.conn, entries)
    if not ids:
        return
    from rich.progress import Progress

    with Progress(transient=True, console=stderr_console()) as progress:
        task = progress.add_task("Updating entities", total=len(ids))
        refresh_entities(
            store.conn,
            ids,
            load_glossary(store.conn),
            lambda done, total: progress.update(task, completed=done),
        )
    print(f"updated entities in {len(ids)} article(s)", file=sys.stderr)


def cmd_glossary_remove(args: argparse.Namespace) -> int:
    from ..store.glossary import list_entries, remove_entry

    with open_store(args) as store:
        gone = [r.entry for r in list_entries(store.conn) if r.id == args.id]
        if not remove_entry(store.conn, args.id):
            raise CommandError(f"no glossary entry with id {args.id}")
        _refresh_after_glossary_change(store, gone)
    return 0


def cmd_glossary_import(args: argparse.Namespace) -> int:
    import csv
    import io

    from ..store.glossary import add_entries
    from ..text.glossary import read_entries

    try:
        entries = read_entries(io.StringIO(read_input(args.file)))
    except (ValueError, csv.Error) as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    incomplete = [e for e in entries if not e.ko or not e.en]
    if incomplete:
        raise CommandError(
            f"{args.file}: {len(incomplete)} row(s) lack a Korean or an English form; nothing imported"
        )
    with open_store(args) as store:
        added, skipped = add_entries(store.conn, entries)
        print(f"added {added}, already present {skipped}", file=sys.stderr)
        if added:
            _refresh_after_glossary_change(store, entries)
    return 0


def cmd_glossary_export(args: argparse.Namespace) -> int:
    import io

    with open_store(args) as store:
        from ..store.glossary import load_glossary

        buffer = io.StringIO()
        load_glossary(store.conn).to_csv(buffer)
    if args.output in (None, "-"):
        out(buffer.getvalue(), end="")
    else:
        write_atomically(Path(args.output), buffer.getvalue())
    return 0
