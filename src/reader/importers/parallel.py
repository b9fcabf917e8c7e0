"""A batch analysed on every core: worker processes read and analyse articles, this process alone writes.

Analysis (sentence splitting, the aligner's sentence encoder, Kiwi, the name models) is nearly all of an
import's time and needs no database, so it runs in worker processes. The models are loaded once, by a fork
server that imports `worker_models` and then forks each worker from itself: a worker starts with them
ready (no load of its own, its memory shared with the server's until written) and keeps them for every
article it is given. The writer is the one process that opened the library: it
takes the analysed articles in the order of the batch and stores each in its own transaction, exactly as
the one-process path does (same ids, same duplicate handling, same report lines). A worker checks the
library (read only) for a duplicate before analysing; the writer's insert checks again inside its
transaction, which also catches the same text twice in one batch. Killed at any moment, the library holds
whole articles only: the workers never write, and they die with the writer (the fork server ends when
the writer's end of its pipe closes, and takes its workers with it)."""

from __future__ import annotations

import os
import signal
import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import quote

from ..store import is_postgres_url, open_connection
from .batch_report import BatchReport, Item, record_added
from .errors import ImportProblem
from .single import Analysed, analyse_new_article, store_analysed

#: A worker pays for its model load (seconds) only over a few articles: fewer than this many articles
#: a worker and the batch runs with fewer workers, or in this process.
ARTICLES_PER_WORKER = 4
#: Articles handed out ahead of the writer, per worker.
AHEAD = 8


def worker_count(requested: int | None, articles: int) -> int:
    """How many analysing processes a batch of `articles` gets: `requested` (default: one per core), no
    more than keeps each busy with ARTICLES_PER_WORKER articles; 1 means the batch runs in this process."""
    wanted = requested if requested is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, articles // ARTICLES_PER_WORKER))


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker made of one item: an analysed article, a duplicate's id, or why it failed."""

    analysed: Analysed | None = None
    duplicate_of: int | None = None
    failed: str = ""


# The worker's state, set once by `_start_worker`: the glossary and a read-only connection to the library.
_state: dict[str, object] = {}


#: Numerical libraries start a thread per core in every process; with a worker per core that is a core's
#: work for several threads each. Set before numpy is first imported (in the fork server, or in a spawned
#: worker).
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
#: The module whose import loads the models, in the fork server before it forks the workers.
_MODELS = "reader.importers.worker_models"


def _start_worker(library: str, glossary) -> None:
    die_with_parent()
    for name in ONE_THREAD:
        os.environ.setdefault(name, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the writer's to handle
    if is_postgres_url(library):  # a library on a server: a connection of the worker's own
        _state["conn"] = open_connection(library)
    else:
        uri = f"file:{quote(str(Path(library).resolve()))}?mode=ro"
        _state["conn"] = sqlite3.connect(uri, uri=True, isolation_level=None)
    _state["glossary"] = glossary


def die_with_parent() -> None:
    """On Linux, have the kernel kill this process when the one that started it dies: a worker with its
    fork server, the fork server with the writer, so a kill -9 of the writer leaves no orphans busy
    analysing (nor a fork server that a worker's copy of its pipe keeps waiting); elsewhere a spawned
    worker ends when it finds its pipe to the writer closed."""
    parent = os.getppid()
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)


def _analyse_item(item: Item) -> Outcome:
    """Read and analyse one item in a worker; every failure comes back as one line, never raised."""
    from ..store.articles import DuplicateArticle, refuse_stored

    conn: sqlite3.Connection = _state["conn"]  # type: ignore[assignment]  # or a PostgreSQL one, alike
    try:
        analysed = analyse_new_article(
            item.load(), _state["glossary"], refuse_stored=partial(refuse_stored, conn)
        )
        return Outcome(analysed=analysed)
    except DuplicateArticle as exc:
        return Outcome(duplicate_of=exc.existing_id)
    except ImportProblem as exc:
        return Outcome(failed=str(exc))
    except Exception as exc:  # noqa: BLE001 - as in the one-process path: one odd article fails alone
        return Outcome(failed=f"{item.name}: unexpected error: {type(exc).__name__}: {exc}")


def _worker_context(multiprocessing):
    """Workers forked from a fork server that has loaded the models (it is a fresh process: no copy of
    this one's open library or threads); where there is none (Windows), spawned workers that each load
    them on their first article."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([_MODELS])
    return context


def _warn(report: BatchReport, name: str, line: str) -> None:
    report.warnings.append((name, line))


def run_parallel_batch(
    store,
    items: Sequence[Item],
    workers: int,
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> BatchReport:
    """`run_batch` with the analysis spread over `workers` processes; the library must be a file."""
    import multiprocessing

    from ..store.articles import DuplicateArticle
    from ..store.glossary import load_glossary

    if store.location is None:
        raise ValueError("a library in memory cannot be read by worker processes")
    report = BatchReport()
    glossary = load_glossary(store.conn)
    pool = ProcessPoolExecutor(
        workers,
        mp_context=_worker_context(multiprocessing),
        initializer=_start_worker,
        initargs=(str(store.location), glossary),
    )
    pending: deque[tuple[Item, Future[Outcome]]] = deque()
    queue = iter(items)
    try:

        def top_up() -> None:
            # Several articles ahead per worker: the writer takes them in order, so one slow article at
            # the head (a long text, a model's first load) must not leave the other workers idle.
            while len(pending) < AHEAD * workers:
                item = next(queue, None)
                if item is None:
                    return
                pending.append((item, pool.submit(_analyse_item, item)))

        top_up()
        done = 0
        while pending:
            item, future = pending.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:  # a worker was killed (out of memory …): the rest cannot be analysed
                outcome = Outcome(failed=f"{item.name}: the analysing process died (out of memory?)")
            top_up()
            if outcome.analysed is not None:
                try:
                    article_id = store_analysed(
                        store,
                        outcome.analysed,
                        on_warning=partial(_warn, report, item.name),
                    )
                    record_added(report, item, outcome.analysed.article, article_id)
                except DuplicateArticle as exc:  # the same text earlier in this batch
                    report.duplicates.append((item.name, exc.existing_id))
                except Exception as exc:  # noqa: BLE001 - as in the one-process path
                    report.failed.append(
                        (item.name, f"{item.name}: unexpected error: {type(exc).__name__}: {exc}")
                    )
            elif outcome.duplicate_of is not None:
                report.duplicates.append((item.name, outcome.duplicate_of))
            else:
                report.failed.append((item.name, outcome.failed))
            done += 1
            if on_progress is not None:
                on_progress(done, len(items))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return report
