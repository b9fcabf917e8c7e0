"""`reader notes list|export`: the notes written while reading, listed or written as Markdown or W3C
Web Annotation JSON-LD."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..text.excerpt import excerpt
from .common import CommandError, db_option, open_store, out, write_atomically

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
    notes = commands.add_parser(
        "notes", help="the notes you wrote while reading", description="the notes you wrote while reading"
    )
    ncommands = notes.add_subparsers(title="notes commands", metavar="ACTION", required=True)
    for name, func, help in (
        ("list", cmd_notes_list, "list notes, newest first"),
        ("export", cmd_notes_export, "write notes as Markdown or W3C Web Annotation JSON-LD"),
    ):
        sub = ncommands.add_parser(name, help=help, description=help)
        db_option(sub, argparse.SUPPRESS)
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
        "author": note.author,
    }


def cmd_notes_list(args: argparse.Namespace) -> int:
    from ..store.notes import list_notes, tags_in

    with open_store(args) as store:
        _check_article(store, args.article)
        notes = list_notes(store.conn, article_id=args.article, tag=args.tag, text=args.text)
    if args.json:
        out(json.dumps([_note_dict(n) for n in notes], ensure_ascii=False, indent=2))
        return 0
    if not notes:
        out("No notes." if args.article is None and not args.tag else "No notes match.")
    for n in notes:
        shown = excerpt(n.body, 100)
        body_tags = set(tags_in(shown))
        tags = " ".join(f"#{t}" for t in n.tags if t not in body_tags)  # a tag the line already shows: once
        flag = "  (detached)" if n.detached else ""
        by = f"  {n.author}" if n.author else ""
        out(
            f"{n.id:>5}  article {n.article_id}  {n.updated[:16].replace('T', ' ')}{by}  “{excerpt(n.exact, 60)}”{flag}"
        )
        out(f"{'':>5}  {shown}" + (f"  {tags}" if tags else ""))
    return 0


def cmd_notes_export(args: argparse.Namespace) -> int:
    from ..export.notes import to_markdown, to_w3c_json
    from ..store.notes import list_notes

    with open_store(args) as store:
        _check_article(store, args.article)
        notes = list_notes(store.conn, article_id=args.article, tag=args.tag)
        stored = {i: store.get_article(i) for i in {n.article_id for n in notes}}
        articles = {
            i: a for i, a in stored.items() if a is not None
        }  # a note's article is never removed alone
    if args.output not in (None, "-") and not Path(args.output).parent.is_dir():
        raise CommandError(f"folder {Path(args.output).parent} does not exist")  # said with notes or without
    if not notes:
        which = [
            f"of article {args.article}" if args.article is not None else "",
            f"tagged {args.tag}" if args.tag else "",
        ]
        said = " ".join(w for w in which if w)
        print(f"reader: no notes {said + ' ' if said else ''}to export; nothing written", file=sys.stderr)
        return 0
    text = (to_markdown if args.format == "md" else to_w3c_json)(notes, articles)
    if args.output in (None, "-"):
        out(text, end="")
    else:
        write_atomically(Path(args.output), text)
    return 0


def _check_article(store, article_id: int | None) -> None:
    """`--article ID` names an article in the library (a typo is said, not taken for "no notes")."""
    if article_id is not None and store.get_article(article_id) is None:
        raise CommandError(f"no article with id {article_id} (see: reader list)")
