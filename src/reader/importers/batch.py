"""Many articles at once: folders, JSON arrays, JSON Lines, several files or addresses.

Each article is read, analysed and stored on its own, in its own transaction, so one bad file never
stops or undoes the good ones; the report says what was added, what was already there (same content
hash) and what failed, and why.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from ..store.articles import NewArticle
from ..text.language import LANGUAGE_NAMES, detect_language
from .batch_report import BatchReport, Item, record_added
from .errors import ImportProblem
from .html import HTML_SUFFIXES, Page, article_from_page, article_from_pages, read_html_file
from .json_article import article_from_json, malformed
from .pairing import Document, pair_files
from .text_file import read_text
from .titles import title_and_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES


def article_from_text_file(path: Path, expect: str | None = None) -> NewArticle:
    """A single text file or saved page in one language; the language is detected (and must be `expect`,
    the one its name says, if given), the title is its first line."""
    return article_from_page(_page(path, expect))


def _page(path: Path, expect: str | None = None) -> Page:
    """A text file or saved page, read and checked: not empty, Korean or English (`expect`, if given)."""
    if path.suffix.lower() in HTML_SUFFIXES:
        page = read_html_file(path)
    else:
        text = read_text(path)
        if not text:
            raise ImportProblem(f"{path}: no text to import (empty)")
        lang = detect_language(text)
        if lang is None:
            raise ImportProblem(f"{path}: the text is neither Korean nor English")
        title, text = title_and_text(text)
        page = Page(text, lang, title, None, "", "")
    if expect is not None and page.lang != expect:
        raise ImportProblem(
            f"{path}: its name says {LANGUAGE_NAMES[expect]}, but the text reads as {LANGUAGE_NAMES[page.lang]}"
        )
    return page


def _document_item(document: Document) -> Item:
    if document.single is not None:
        single = document.single
        return Item(document.name, partial(article_from_text_file, single, document.lang))
    assert document.ko is not None and document.en is not None
    return Item(
        document.name, partial(_article_from_two_files, document.ko, document.en), paired=document.how
    )


def _article_from_two_files(ko: Path, en: Path) -> NewArticle:
    return article_from_pages(_page(ko, "ko"), _page(en, "en"))


def _text_for_pairing(path: Path) -> str:
    return read_html_file(path).text if path.suffix.lower() in HTML_SUFFIXES else read_text(path)


# Loaders are partials of module-level functions, never closures, so that an Item can be sent to a worker
# process (`reader.importers.parallel`).
def _raise(problem: str) -> NewArticle:
    raise ImportProblem(problem)


def _fail(problem: str) -> Callable[[], NewArticle]:
    return partial(_raise, problem)


def _given(article: NewArticle) -> NewArticle:
    return article


def _ready(article: NewArticle) -> Callable[[], NewArticle]:
    return partial(_given, article)


def _from_web(url: str, timeout: float | None) -> NewArticle:
    from .web import TIMEOUT_SECONDS, page_from_url

    return article_from_page(page_from_url(url, timeout=timeout or TIMEOUT_SECONDS))


def items_from_json(raw: str, name: str) -> list[Item]:
    """A JSON object is one article; a JSON array holds many, each checked on its own."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return [Item(name, _fail(malformed(name, raw, exc)))]
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


def items_from_stdin(raw: str) -> list[Item]:
    """What `reader add -` reads: a JSON object, an array of them, or JSON Lines, as a file of each is read
    (a pipe has no name to tell them apart by: an object or array is whole JSON, JSON Lines is not)."""
    name = "standard input"
    lines = [line for line in raw.split("\n") if line.strip()]
    if len(lines) > 1:
        try:
            json.loads(raw)
        except json.JSONDecodeError:
            return items_from_json_lines(raw, name)
    return items_from_json(raw, name)


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
        return _items_from_files(files)
    suffix = path.suffix.lower()
    name = str(path)
    if suffix in JSON_SUFFIXES + JSONL_SUFFIXES:
        try:
            raw = read_text(path)
        except ImportProblem as exc:
            return [Item(name, _fail(str(exc)))]
        return items_from_json_lines(raw, name) if suffix in JSONL_SUFFIXES else items_from_json(raw, name)
    return _items_from_files([path])


def _items_from_files(files: Sequence[Path]) -> list[Item]:
    """JSON files each on their own; text and pages paired; in the order of each article's first file."""
    is_json = [f.suffix.lower() in JSON_SUFFIXES + JSONL_SUFFIXES for f in files]
    documents = [f for f, j in zip(files, is_json, strict=True) if not j]
    at: dict[Path, list[Item]] = {}
    order = {path: i for i, path in enumerate(files)}
    for document in pair_files(documents, _text_for_pairing):
        at[min(document.files, key=order.__getitem__)] = [_document_item(document)]
    for f, j in zip(files, is_json, strict=True):
        if j:
            at[f] = items_from_path(f)
    return [item for f in files for item in at.get(f, [])]


def items_from_sources(sources: Sequence[str], *, timeout: float | None = None) -> list[Item]:
    """Files, folders and web addresses, in the order given."""
    from .web import is_url

    items: list[Item] = []
    files: list[Path] = []  # files given one by one, side by side: paired as a folder's would be
    for source in [*sources, None]:
        if source is not None and not is_url(source) and Path(source).is_file():
            files.append(Path(source))
            continue
        if files:
            items.extend(_items_from_files(files))
            files = []
        if source is None:
            break
        if is_url(source):
            items.append(Item(source, partial(_from_web, source, timeout)))
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
    workers: int | None = 1,
) -> BatchReport:
    """Read, analyse and store each item in its own transaction; nothing one item does affects another.

    `on_progress` hears (articles done, articles in all); `on_step` what is happening inside the current
    one (a long article takes minutes to analyse), in this process only. `workers` analysing processes
    (None: one per core; `parallel.worker_count` gives fewer to a small batch) share the analysis when
    the library is a file; 1 analyses here.
    """
    from ..store.articles import DuplicateArticle
    from ..store.glossary import load_glossary
    from .parallel import run_parallel_batch, worker_count
    from .single import add_article

    items = list(items)
    workers = worker_count(workers, len(items))
    if workers > 1 and store.location is not None:
        return run_parallel_batch(store, items, workers, on_progress=on_progress)
    report = BatchReport()
    glossary = load_glossary(store.conn) if items else None  # once for the whole batch

    def warn(name: str, line: str) -> None:
        report.warnings.append((name, line))

    for done, item in enumerate(items, 1):
        try:
            article = item.load()
            article_id = add_article(
                store, article, glossary=glossary, on_step=on_step, on_warning=partial(warn, item.name)
            )
            record_added(report, item, article, article_id)
        except DuplicateArticle as exc:  # already in the library, or the same text twice in this batch
            report.duplicates.append((item.name, exc.existing_id))
        except ImportProblem as exc:
            report.failed.append((item.name, str(exc)))
        except Exception as exc:  # noqa: BLE001 - an analysis bug on one odd article must not cost the rest of the batch
            report.failed.append((item.name, f"{item.name}: unexpected error: {type(exc).__name__}: {exc}"))
        if on_progress is not None:
            on_progress(done, len(items))
    return report


def run_batch_with_progress(store, items: Sequence[Item], console, *, workers: int | None = 1) -> BatchReport:
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
            workers=workers,
        )
