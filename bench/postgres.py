"""A team's library on PostgreSQL: many writers at once, and the reader's figures on a large library.

    python bench/postgres.py --url postgresql://… [--seconds 60] [--writers 4]
    python bench/postgres.py --url postgresql://… --library big.db [--runs 5]
    python bench/postgres.py --url postgresql://… --measure [--runs 5] (a library pushed before)
    python bench/postgres.py --temp-server … (a throwaway server, as the tests start one)

Prints:
- writers: `--writers` processes adding notes on the same few articles as fast as they can, and one
  process importing articles, for `--seconds`; then whether every note each writer was told was saved
  is in the library, and the errors any of them met (the goal: all present, none);
- with `--library`: that library (an SQLite file, e.g. from bench/make_library.py) pushed into the
  server's database if the database has no articles yet (`reader db push`, timed), then on the server:
  search latency over bench/scale.py's queries (`search_library`, each once, a fresh connection),
  opening an article (`get_article`, 50 random ones), and start to library on screen beside a bare
  Textual app with a 50-row table, and Enter to article (tmux 160×48, median of `--runs`), as
  bench/scale.py measures an SQLite library; with `--measure`, the same figures on the library already
  at `--url`, without pushing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "src")]


def note_writer(url: str, article_ids: list[int], until: float, tag: str, seed: int, out) -> None:
    from reader.store import Store
    from reader.store.notes import add_note

    rng = random.Random(seed)
    saved, errors = [], []
    with Store.open(url) as store:
        while time.time() < until:
            article_id = rng.choice(article_ids)
            body = f"{tag} note {len(saved)} #{tag}"
            try:
                note = add_note(store.conn, article_id, "en", 0, 5, body)
                saved.append(note.id)
            except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
                errors.append(f"{type(exc).__name__}: {exc}")
    out.put((tag, saved, errors))


def importer(url: str, until: float, out) -> None:
    from reader.analysis import analyse
    from reader.store import DuplicateArticle, NewArticle, Store

    added, errors = 0, []
    with Store.open(url) as store:
        n = 0
        while time.time() < until:
            n += 1
            ko = f"서울에서 {n}번째 회의가 열렸다. 참석자들은 금리를 논의했다."
            en = f"The {n}th meeting was held in Seoul. Those attending discussed interest rates."
            article = NewArticle(ko=ko, en=en, title_ko=f"회의 {n}", title_en=f"Meeting {n} {time.time()}")
            result = analyse(ko, en)
            try:
                store.insert_article(article, result.sentences, result.segments)
                added += 1
            except DuplicateArticle:
                pass
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{type(exc).__name__}: {exc}")
    out.put(("import", added, errors))


def seed_articles(url: str, count: int) -> list[int]:
    """The few articles every writer puts its notes on."""
    from reader.analysis import analyse
    from reader.store import NewArticle, Store

    ids = []
    with Store.open(url) as store:
        for n in range(count):
            ko, en = (
                f"북한군이 {n}번 배치됐다. 추가로 파병됐다.",
                f"Troops were deployed, {n}. More were sent.",
            )
            result = analyse(ko, en)
            ids.append(store.insert_article(NewArticle(ko=ko, en=en), result.sentences, result.segments))
    return ids


def writers(url: str, seconds: float, count: int) -> None:
    from reader.store import Store

    ids = seed_articles(url, 5)
    until = time.time() + seconds
    spawn = multiprocessing.get_context("spawn")
    queue = spawn.Queue()
    procs = [
        spawn.Process(target=note_writer, args=(url, ids, until, f"w{i}", i, queue)) for i in range(count)
    ]
    procs.append(spawn.Process(target=importer, args=(url, until, queue)))
    for p in procs:
        p.start()
    results = [queue.get(timeout=seconds + 600) for _ in procs]
    for p in procs:
        p.join()
    errors = [e for r in results for e in r[2]]
    told = {r[0]: r[1] for r in results if r[0] != "import"}
    imported = next(r[1] for r in results if r[0] == "import")
    with Store.open(url) as store:
        present = {r[0] for r in store.conn.execute("SELECT id FROM notes WHERE deleted_at IS NULL")}
    saved = sum(len(v) for v in told.values())
    missing = sum(1 for v in told.values() for i in v if i not in present)
    print(f"writers: {count} note writers + 1 importer for {seconds:.0f} s: {saved} notes saved "
          f"({saved / seconds:.0f}/s), {missing} missing afterwards; {imported} articles imported; "
          f"{len(errors)} errors{': ' + errors[0] if errors else ''}")  # fmt: skip


def push(library: Path, url: str) -> None:
    from reader.store import Store

    with Store.open(url) as store:
        if store.count_articles():
            return
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", "db", "push", str(library), url],
                          capture_output=True, text=True, check=False)  # fmt: skip
    print(f"push {library.name}: {time.perf_counter() - start:.0f} s; {done.stderr.strip()}")
    if done.returncode:
        raise SystemExit(done.returncode)


def store_figures(url: str) -> None:
    from reader.store import Store
    from reader.store.library import search_library
    from scale import QUERIES

    with Store.open(url) as store:
        count = store.count_articles()
        times = []
        for query in QUERIES:
            start = time.perf_counter()
            search_library(store.conn, query, limit=50)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"search over {len(QUERIES)} queries, {count:,} articles: median {statistics.median(times):.1f} ms, "
              f"95th percentile {times[int(0.95 * (len(times) - 1))]:.1f} ms, slowest {times[-1]:.1f} ms")  # fmt: skip
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 50")]
        opened = []
        for article_id in ids:
            start = time.perf_counter()
            store.get_article(article_id)
            opened.append((time.perf_counter() - start) * 1000)
        print(f"opening an article (get_article, 50 random): median {statistics.median(opened):.1f} ms")


def on_screen(url: str, runs: int) -> None:
    import compileall

    from reader.store import Store
    from scale import tmux

    # As bench/scale.py and bench/startup.py: the sources compiled to bytecode first, as an installed
    # package is, or a checkout run with PYTHONDONTWRITEBYTECODE compiles every module at every start
    # (the bare app's Textual is installed, compiled).
    compileall.compile_dir(ROOT / "src", quiet=1)

    with Store.open(url) as store:
        row = store.conn.execute(
            "SELECT id, title_en FROM articles ORDER BY published DESC NULLS LAST, id DESC LIMIT 1").fetchone()  # fmt: skip
        article = store.get_article(row[0])
        assert article is not None
        title, words = row[1][:24], article.en_text.split("\n")[0][:24]
    times: dict[str, list[float]] = {"bare": [], "reader": [], "open": []}
    tmux("new-session", "-d", "-s", "keepalive", "sleep 86400", check=True)  # our own tmux server, kept up
    try:
        sittings(url, runs, title, words, times)
    finally:
        tmux("kill-server")
    bare, reader, opened = (statistics.median(times[k]) * 1000 for k in ("bare", "reader", "open"))
    print(f"start to library on screen: {reader:.0f} ms vs bare Textual {bare:.0f} ms = {reader / bare:.2f}x; "
          f"Enter to article on screen {opened:.0f} ms (median of {runs})")  # fmt: skip


def sittings(url: str, runs: int, title: str, words: str, times: dict[str, list[float]]) -> None:
    """Each run: a bare Textual app, then reader on the library, started in turn in the same terminal size."""
    from bare_textual import FIRST_ROW
    from scale import Session, source_path, wait_for

    for _ in range(runs):
        with tempfile.TemporaryDirectory() as state:
            with Session(f"{sys.executable} {HERE / 'bare_textual.py'}", {}) as s:
                times["bare"].append(wait_for(s.name, FIRST_ROW) - s.started)
            env = {"READER_STATE_DIR": state, "PYTHONPATH": source_path()}
            with Session(f"{sys.executable} -m reader --db {url}", env) as s:
                times["reader"].append(wait_for(s.name, title) - s.started)
                time.sleep(1.0)
                before = time.perf_counter()
                s.keys("Enter")
                times["open"].append(wait_for(s.name, words) - before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a database on a PostgreSQL server (empty, or a reader library)")
    parser.add_argument("--temp-server", action="store_true", help="start a throwaway server for the run")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--library", type=Path, help="an SQLite library to measure on the server")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--measure", action="store_true",
                        help="--url already holds a library (pushed before): measure it as it is")  # fmt: skip
    args = parser.parse_args()
    server = None
    if args.temp_server:
        sys.path.insert(0, str(ROOT / "tests"))
        from pg_server import PgServer

        server = PgServer()
        server.start()
    try:
        if args.measure:
            if not args.url:
                raise SystemExit("--measure needs --url")
            store_figures(args.url)
            on_screen(args.url, args.runs)
        elif args.library is None:
            url = args.url or server.new_database()  # type: ignore[union-attr]
            writers(url, args.seconds, args.writers)
        else:
            url = args.url or server.new_database(empty=True)  # type: ignore[union-attr]
            push(args.library, url)
            store_figures(url)
            on_screen(url, args.runs)
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
