"""Many articles at once: folders, JSON arrays, JSON Lines, several files or addresses.

Each article is read, analysed and stored on its own, in its own transaction, so one bad file never
stops or undoes the good ones; the report says what was added, what was already there (same content
hash) and what failed, and why.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..store.articles import NewArticle
from ..text.language import detect_language
from .clean import first_line
from .errors import ImportProblem
from .html import HTML_SUFFIXES, article_from_page, read_html_file
from .json_article import article_from_json
from .text_file import read_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES


@dataclass(frozen=True, slots=True)
class Item:
    """One article to import, not yet read: `load` reads it, or raises ImportProblem saying why not."""

    name: str
    load: Callable[[], NewArticle]


@dataclass(slots=True)
class BatchReport:
    added: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # added, with what had to change

    def summary(self) -> str:
        return (
            f"added {len(self.added)}, skipped {len(self.duplicates)} already in the library, "
            f"failed {len(self.failed)}"
        )


def article_from_text_file(path: Path) -> NewArticle:
    """A single text file in one language; the language is detected, the title is its first line."""
    text = read_text(path)
    if not text:
        raise ImportProblem(f"{path}: no text to import (empty)")
    lang = detect_language(text)
    if lang is None:
        raise ImportProblem(f"{path}: the text is neither Korean nor English")
    if lang == "ko":
        return NewArticle(ko=text, en="", title_ko=first_line(text))
    return NewArticle(ko="", en=text, title_en=first_line(text))


def _fail(problem: str) -> Callable[[], NewArticle]:
    def load() -> NewArticle:
        raise ImportProblem(problem)

    return load


def _ready(article: NewArticle) -> Callable[[], NewArticle]:
    return lambda: article


def items_from_json(raw: str, name: str) -> list[Item]:
    """A JSON object is one article; a JSON array holds many, each checked on its own."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return [
            Item(name, _fail(f"{name}: malformed JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"))
        ]
    if isinstance(data, list):
        if not data:
            return [Item(name, _fail(f"{name}: an empty list, no articles"))]
        if not all(isinstance(obj, dict) for obj in data):
            return [
                Item(
                    name,
                    _fail(
                        f"{name}: expected a JSON object with 'ko' and 'en', or a list of such "
                        "objects; got a list of other things"
                    ),
                )
            ]
        return [_json_item(json.dumps(obj, ensure_ascii=False), f"{name}[{i}]") for i, obj in enumerate(data)]
    return [_json_item(raw, name)]


def items_from_json_lines(raw: str, name: str) -> list[Item]:
    """One JSON object per line (blank lines ignored); a bad line fails alone, named by its number."""
    items = [_json_item(line, f"{name}:{n}") for n, line in enumerate(raw.split("\n"), 1) if line.strip()]
    return items or [Item(name, _fail(f"{name}: no articles (empty)"))]


def _json_item(raw: str, name: str) -> Item:
    try:
        return Item(name, _ready(article_from_json(raw, name)))
    except ImportProblem as exc:
        return Item(name, _fail(str(exc)))


def items_from_path(path: Path) -> list[Item]:
    """What a file or folder holds, by kind; a folder is walked in name order, hidden files skipped."""
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in KNOWN_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            return [
                Item(
                    str(path), _fail(f"{path}: a folder with no article files ({', '.join(KNOWN_SUFFIXES)})")
                )
            ]
        return [item for f in files for item in items_from_path(f)]
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in JSON_SUFFIXES + JSONL_SUFFIXES:
        try:
            raw = read_text(path)
        except ImportProblem as exc:
            return [Item(name, _fail(str(exc)))]
        return items_from_json_lines(raw, name) if suffix in JSONL_SUFFIXES else items_from_json(raw, name)
    if suffix in HTML_SUFFIXES:
        return [Item(name, lambda: article_from_page(read_html_file(path)))]
    return [Item(name, lambda: article_from_text_file(path))]


def items_from_sources(sources: Sequence[str], *, timeout: float | None = None) -> list[Item]:
    """Files, folders and web addresses, in the order given."""
    from .web import TIMEOUT_SECONDS, is_url, page_from_url

    def from_web(url: str) -> NewArticle:
        return article_from_page(page_from_url(url, timeout=timeout or TIMEOUT_SECONDS))

    items: list[Item] = []
    for source in sources:
        if is_url(source):
            items.append(Item(source, partial(from_web, source)))
        else:
            items.extend(items_from_path(Path(source)))
    return items


def article_from_source(source: str, *, timeout: float | None = None) -> NewArticle:
    """One web address or one file (text, saved page or JSON article), read as `reader add SOURCE` would."""
    source = source.strip()
    if not source:
        raise ImportProblem("nothing to add: give a web address or a file")
    items = items_from_sources([source], timeout=timeout)
    if len(items) != 1:
        raise ImportProblem(f"{source}: holds {len(items)} articles; add them all with: reader add {source}")
    return items[0].load()


def run_batch(
    store,
    items: Iterable[Item],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    on_step: Callable[[str], None] | None = None,
) -> BatchReport:
    """Read, analyse and store each item in its own transaction; nothing one item does affects another.

    `on_progress` hears (articles done, articles in all); `on_step` what is happening inside the current
    one (a long article takes minutes to analyse).
    """
    from ..store.articles import DuplicateArticle
    from ..store.glossary import load_glossary
    from .single import add_article

    items = list(items)
    report = BatchReport()
    glossary = load_glossary(store.conn) if items else None  # once for the whole batch

    def warn(name: str, line: str) -> None:
        report.warnings.append((name, line))

    for done, item in enumerate(items, 1):
        try:
            article_id = add_article(
                store,
                item.load(),
                glossary=glossary,
                on_step=on_step,
                on_warning=partial(warn, item.name),
            )
            report.added.append((item.name, article_id))
        except DuplicateArticle as exc:  # already in the library, or the same text twice in this batch
            report.duplicates.append((item.name, exc.existing_id))
        except ImportProblem as exc:
            report.failed.append((item.name, str(exc)))
        except Exception as exc:  # noqa: BLE001 - an analysis bug on one odd article must not cost the rest of the batch
            report.failed.append((item.name, f"{item.name}: unexpected error: {type(exc).__name__}: {exc}"))
        if on_progress is not None:
            on_progress(done, len(items))
    return report


def run_batch_with_progress(store, items: Sequence[Item], console) -> BatchReport:
    """`run_batch` under a Rich progress bar drawn on `console` (the CLI passes stderr); none in a log file."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("Importing", total=len(items))
        return run_batch(
            store,
            items,
            on_progress=lambda done, total: progress.update(task, completed=done, description="Importing"),
            on_step=lambda step: progress.update(
                task, description=f"Importing: {step.removeprefix('Analysing: ')}"
            ),
        )
