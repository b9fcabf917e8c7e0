"""`reader db check|backup|reindex|push|pull`: looking after the library (the work is in `store.health`
and `store.transfer`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import EXIT_FAILED, db_option, open_store, out, progress_line

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
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
        db_option(sub, argparse.SUPPRESS)
        sub.set_defaults(func=func)
        if name == "check":
            sub.add_argument("--json", action="store_true", help="print the report as JSON")
        if name == "backup":
            sub.add_argument("file", metavar="FILE", help="where to write the copy")
            sub.add_argument(
                "--replace",
                action="store_true",
                help="write over a library already at FILE (an older backup)",
            )
    for name, help, source, target in (
        ("push", "copy a library file into a shared library on PostgreSQL (what it lacks; again adds nothing)",
         "LOCAL", "URL"),
        ("pull", "copy a shared library on PostgreSQL into a library file (what it lacks; again adds nothing)",
         "URL", "LOCAL"),
    ):  # fmt: skip
        sub = dcommands.add_parser(name, help=help, description=help)
        sub.add_argument("source", metavar=source, help="the library copied from")
        sub.add_argument(
            "target", metavar=target, help="the library copied into (created if it is a new file)"
        )
        sub.set_defaults(func=cmd_db_copy)


def cmd_db_check(args: argparse.Namespace) -> int:
    from ..store.health import check

    with open_store(args) as store, progress_line() as say:
        report = check(store.conn, say)
    if args.json:
        out(
            json.dumps(
                {"ok": report.ok, "problems": report.problems, "facts": report.facts},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for line in report.problems:
            out(f"problem: {line}")
        for line in report.facts:
            out(line)
        out("ok" if report.ok else f"{len(report.problems)} problem(s) found")
    return 0 if report.ok else EXIT_FAILED


def cmd_db_backup(args: argparse.Namespace) -> int:
    from ..store.health import backup

    replacing = Path(args.file).is_file()
    with open_store(args) as store:
        target = backup(store.conn, Path(args.file), replace=args.replace)
    print(
        f"backed up to {target}" + (" (the library that was there replaced)" if replacing else ""),
        file=sys.stderr,
    )
    return 0


def cmd_db_reindex(args: argparse.Namespace) -> int:
    from ..store import transaction
    from ..store.search import rebuild

    with open_store(args) as store, progress_line() as say, transaction(store.conn):
        rebuild(store.conn, say)
    print("rebuilt the full-text index", file=sys.stderr)
    return 0


def cmd_db_copy(args: argparse.Namespace) -> int:
    """`reader db push LOCAL URL` and `reader db pull URL LOCAL`: one transaction on the target."""
    from ..paths import check_location, is_bundled_library
    from ..store import Store, StoreError
    from ..store.transfer import copy_library

    check_location(args.source)
    check_location(args.target)
    if str(args.source) == str(args.target):
        raise StoreError("the source and the target are the same library")
    if is_bundled_library(Path(args.target)):
        raise StoreError(
            f"{args.target} is the bundled sample library and stays unchanged: pull into another file"
        )
    with Store.open(args.source, create=False) as source, Store.open(args.target) as target:
        copied = copy_library(source.conn, target.conn)
    print(f"copied {copied.summary()} the target did not have", file=sys.stderr)
    return 0
