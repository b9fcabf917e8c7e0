"""`reader translate`: machine-translate the missing side of an article (the engines are in `translate/`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .common import CommandError, add_command, open_store, stderr_console

if TYPE_CHECKING:
    from .common import Commands


CONFIG_HELP = """\
The engine is chosen in config.toml in your user config directory (~/.config/reader/config.toml on
Linux), or with --engine/--base-url/--model. Keys are read from the environment only:

  [translate]
  engine = "openai"                          # openai | deepl | argos
  [translate.openai]
  base_url = "http://localhost:11434/v1"     # any OpenAI-compatible server (Ollama, llama.cpp, hosted)
  model = "qwen2.5:7b"
  api_key_env = "OPENAI_API_KEY"             # the NAME of the variable that holds the key
  [translate.deepl]
  api_key_env = "DEEPL_AUTH_KEY"
"""


def register(commands: Commands) -> None:
    trn = add_command(
        commands,
        "translate",
        cmd_translate,
        "machine-translate an article that has one language only (or re-translate a machine translation)",
    )
    trn.formatter_class = argparse.RawDescriptionHelpFormatter
    trn.epilog = CONFIG_HELP
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


def cmd_translate(args: argparse.Namespace) -> int:
    """Machine-translate the missing side of an article, resuming an interrupted run."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..store.article_record import article_record
    from ..translate import TranslationError, load_config, translate_article
    from ..translate.article import choose_source

    with open_store(args) as store:
        row = article_record(store.conn, args.id)
        if row is None:
            raise CommandError(f"no article with id {args.id} (see: reader list)")
        try:
            choose_source(row, args.force)  # nothing to translate is said before any engine is looked for
            config = load_config(engine=args.engine, base_url=args.base_url, model=args.model)
        except TranslationError as exc:
            raise CommandError(str(exc)) from None
        console = stderr_console()
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
