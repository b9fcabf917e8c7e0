"""What every command shares: opening the library, printing, the one error a user causes, `--db`.

The command modules import from here and never from each other or the package, so `reader.cli` can
import them all without a cycle.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from ..store import Store

    #: The subcommands of `reader` (or of `reader glossary`, `db`, `notes`) a module's `register` adds to.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_FAILED = 1

#: Runs the app on an open library, with a notice to show first (or None); `reader.__main__` has Textual's.
OpenApp = Callable[["Store", str | None], None]


class CommandError(Exception):
    """A user-facing failure: printed as `reader: <message>` with exit status 1."""


@contextmanager
def progress_line() -> Iterator[Callable[[str], None] | None]:
    """One line on stderr that each report replaces, wiped at the end; None (nothing said) when stderr is
    not a terminal, so a log holds only the result."""
    stream = sys.stderr
    if not stream.isatty():
        yield None
        return
    import shutil

    width = shutil.get_terminal_size().columns

    def say(text: str) -> None:
        stream.write("\r" + text[: width - 1] + "\x1b[K")
        stream.flush()

    try:
        yield say
    finally:
        stream.write("\r\x1b[K")
        stream.flush()


def out(text: str, end: str = "\n") -> None:
    """Print to stdout; to a terminal, control characters from articles are shown, not obeyed (to a file
    or a pipe the text goes byte for byte, as exported)."""
    if sys.stdout.isatty():
        from ..inert import inert

        text = inert(text)
    sys.stdout.write(text + end)


def open_store(args: argparse.Namespace) -> Store:
    """The library the run names (see `paths.choose_library`), saying why it is that one."""
    store, notice = open_library(args)
    if notice is not None:
        print(f"reader: {notice}", file=sys.stderr)
    return store


def open_library(args: argparse.Namespace) -> tuple[Store, str | None]:
    """The library the run names and why it is that one (None when it is simply the one asked for): the
    app shows the reason as a notice, a command prints it."""
    from ..paths import choose_library
    from ..store import Store

    choice = choose_library(args.db)
    store = Store.open(choice.path)
    if store.backup_path is not None:
        print(
            f"reader: upgraded the library from schema {store.upgraded_from}; the old one is kept as "
            f"{store.backup_path}",
            file=sys.stderr,
        )
    return store, choice.notice


def _positive(text: str) -> int | None:
    """`text` as a whole number of 1 or more written in ASCII digits, else None."""
    return int(text) if text.strip().isascii() and text.strip().isdigit() and int(text) > 0 else None


def positive_count(text: str) -> int:
    """A count as typed (an argument type): a whole number of 1 or more, else a usage error (status 2)."""
    if (count := _positive(text)) is not None:
        return count
    from ..inert import inert

    raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more; got {inert(repr(text))}")


def article_id(text: str) -> int:
    """An article id as typed (an argument type): a positive whole number, else a usage error, one line
    and status 2 as every mistake in a command's arguments."""
    if (number := _positive(text)) is not None:
        return number
    from ..inert import inert

    raise argparse.ArgumentTypeError(f"{inert(repr(text))} is not an article id (a number; see: reader list)")


def stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def write_atomically(path: Path, text: str) -> None:
    """Write next to the target and rename, so an interrupted export never leaves half a file."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CommandError(f"cannot write {path}: {exc.strerror}") from None


def read_input(name: str, lang: str | None = None) -> str:
    """The text of file `name`; with `lang`, refused in one line when it reads as the other language (a
    Korean file given as the English one finds nothing, or nonsense, without a word)."""
    from ..importers import ImportProblem, read_text
    from ..importers.text_file import other_language

    try:
        text = read_text(Path(name))
    except ImportProblem as exc:
        raise CommandError(str(exc)) from None
    if lang is not None and (wrong := other_language(name, text, lang)) is not None:
        raise CommandError(wrong)
    return text


def db_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="library file or postgresql:// URL (default: $READER_DB, else library.db in your user data "
        "directory)",
    )


def add_command(
    commands: Commands, name: str, func: Callable[[argparse.Namespace], int], help: str
) -> argparse.ArgumentParser:
    """A subcommand running `func`, whose help is also its description; `--db` works after it too."""
    sub = commands.add_parser(name, help=help, description=help)
    db_option(sub, argparse.SUPPRESS)  # --db works before or after the command name
    sub.set_defaults(func=func)
    return sub
