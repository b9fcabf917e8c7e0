"""The `reader` commands, which script the library; `reader` alone opens it in the app (see `__main__`).

Every command opens the library, calls the same functions the TUI uses, and turns the errors a user can
cause into one line on stderr and a non-zero exit. One module per group of commands registers its
arguments beside its `cmd_*` functions (`add`, `translate`, `library`, `analysis_cmds`, `glossary`, `db`,
`notes`); what they share is in `common`. Here: parsing, and the errors every command can meet.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from .. import __version__
from .common import EXIT_FAILED, CommandError, OpenApp, db_option, open_library

__all__ = ["CommandError", "OpenApp", "build_parser", "main"]


def cmd_tui(args: argparse.Namespace) -> int:
    """`reader` alone: the library, handed to the app `main` was given (`reader.__main__` gives Textual's)."""
    if args.open_app is None:
        raise CommandError("no command given; the app opens with: reader (or python -m reader)")
    from pathlib import Path

    from ..paths import ENV_VAR
    from ..store import is_postgres_url

    named = args.db or os.environ.get(ENV_VAR) or ""
    new = bool(named) and not is_postgres_url(named) and not Path(named).expanduser().exists()
    store, notice = open_library(args)
    if new and notice is None:  # a new name, or a mistyped one: an empty screen should not surprise
        notice = f"started a new, empty library at {store.path}"
    args.open_app(store, notice)
    store.close()
    return 0


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (and where to look) instead of the
    usage block; still exit status 2, as for any usage error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see: {self.prog} --help)\n")


#: Which module registers each command, in the order of --help: a command run imports its own module
#: alone (`tests/test_cli_start.py` holds this table to what the modules register).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "add": ("add",),
    "translate": ("translate",),
    "library": ("list", "export", "rm", "edit", "search"),
    "feeds": ("feeds", "fetch", "pair", "unpair"),
    "analysis_cmds": ("align", "entities", "link", "reanalyse", "check"),
    "glossary": ("glossary",),
    "db": ("db",),
    "notes": ("notes",),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser: each command module registers its own commands, imported only now (so `reader` alone
    starts without them); given the `command` being run, only the module that has it."""
    from importlib import import_module

    parser = Parser(
        prog="reader", description="Read Korean news beside its English translation, sentence by sentence."
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    db_option(parser, None)
    parser.set_defaults(func=cmd_tui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    chosen = [m for m, names in COMMAND_MODULES.items() if command in names] or list(COMMAND_MODULES)
    for name in chosen:
        import_module(f"{__name__}.{name}").register(commands)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The command word of `argv` (after `--db PATH`), if it comes before any other option."""
    i = 0
    while i < len(argv):
        if argv[i] == "--db":
            i += 2
        elif argv[i].startswith("--db="):
            i += 1
        else:
            return None if argv[i].startswith("-") else argv[i]
    return None


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
            from ..inert import inert

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
    parser = Parser(
        prog="reader", description="Read Korean news beside its English translation, sentence by sentence."
    )
    db_option(parser, None)
    parser.set_defaults(func=cmd_tui)
    return parser


def main(argv: list[str] | None = None, *, open_app: OpenApp | None = None) -> int:
    """Run the command in `argv` (default: the process's arguments); with none, `open_app` on the library."""
    arguments = sys.argv[1:] if argv is None else argv
    parser = _app_parser() if _opens_the_app(arguments) else build_parser(_command_in(arguments))
    args = parser.parse_args(arguments)
    args.open_app = open_app
    from ..store import DatabaseError, DuplicateArticle, StoreError

    try:
        return args.func(args)
    except (CommandError, StoreError, DuplicateArticle) as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except DatabaseError as exc:
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
