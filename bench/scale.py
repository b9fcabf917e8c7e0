"""How `reader` holds up on a very large library (make one with bench/make_library.py).

    python bench/scale.py --db big.db [--runs 5]

Prints, for that library:
- start-up: time from launching `reader` under tmux (160x48) until the first article's title is on
  screen, median of `--runs`, next to a bare Textual app showing a 50-row DataTable (bench/bare_textual.py)
  measured the same way, runs interleaved so both see the same machine load;
- opening an article: Enter in the library until its first English words are on screen (tmux); the
  store's part alone (`get_article`, 50 random articles); and store + reading screen + layout of the
  first screenful in a headless app (20 random articles);
- search latency over a fixed set of Korean and English queries (one-, two-, three-syllable Korean
  words, longer words, English words and phrases), each run once, in a fresh process, from the first
  query on — the function the TUI's search screen calls;
- peak memory (VmHWM) of a `reader` process that starts, browses to the end of the library and back,
  and runs searches from the search screen, then opens a hit;
- the database's size on disk next to the UTF-8 size of the text it holds;
- the library listing in each order and through each filter: from asking for it to its first 50 rows,
  best of 3 in a fresh process (the store's part of pressing `o` or choosing a filter);
- the command palette's "open article": the title lookup at every key of a few titles typed.

The library is used in place (reading an article only sets its read time); remembered library state
goes to a temporary directory, so every run starts at the top in date order.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Self

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZE = ("160", "48")

QUERIES = [
    # one syllable (a prefix of every word it starts)
    "북", "금", "군", "세",
    # two syllables
    "금리", "환율", "파병", "제재", "선거", "관세", "원전", "난민", "국경",
    # three syllables and longer, names
    "북한군", "반도체", "미사일", "부동산", "대변인", "정상회담", "인공지능", "김민준", "국방부는",
    # English words and phrases
    "Seoul", "sanctions", "semiconductors", "typhoon", "\"interest rates\"", "\"trade balance\"",
    "budget trillion", "\"North Korean troops\"", "Pyongyang summit",
]  # fmt: skip


#: A tmux server of our own, kept up by one idle session, so no other tmux user disturbs the runs.
SOCKET = f"reader-scale-{os.getpid()}"

#: Figures, each also searched in its other written forms (11000: 11,000, 1만1000): not in QUERIES, whose
#: figures are kept comparable with earlier measurements.
FIGURE_QUERIES = ["11000", "1만1000명", "35억", "2,390", "300명"]


def tmux(*args: str, check: bool = False) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check).stdout


def screen(session: str) -> str:
    return tmux("capture-pane", "-t", session, "-p")


def wait_for(session: str, needle: str, timeout: float = 60.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in screen(session):
            return time.perf_counter()
        time.sleep(0.005)
    raise SystemExit(f"timed out waiting for {needle!r}:\n" + screen(session))


def vm_hwm_mb(session: str) -> float:
    pane_pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
    for line in Path(f"/proc/{pane_pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Session:
    """One program running in a detached tmux session of the benchmark's size."""

    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.name = f"scale{time.monotonic_ns()}"
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.started = time.perf_counter()
        tmux("new-session", "-d", "-s", self.name, "-x", SIZE[0], "-y", SIZE[1], f"exec env {exports} {command}",
             check=True)  # fmt: skip

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        tmux("kill-session", "-t", self.name)

    def keys(self, *keys: str, literal: bool = False) -> None:
        tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)


def first_article(db: Path) -> tuple[str, str]:
    """The title the library shows first and the first English words of that article."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    article_id, title = conn.execute(
        "SELECT id, title_en FROM articles ORDER BY published DESC, id DESC LIMIT 1").fetchone()  # fmt: skip
    from startup import english_rows

    words = next(text for text in english_rows(conn, article_id) if text)[:24]
    conn.close()
    return title[:24], words


def startup_and_open(db: Path, runs: int, reader: str) -> dict[str, list[float]]:
    title, words = first_article(db)
    times: dict[str, list[float]] = {"bare": [], "reader": [], "open": []}
    bare = f"{sys.executable} {HERE / 'bare_textual.py'}"
    from bare_textual import FIRST_ROW

    for _ in range(runs):
        with tempfile.TemporaryDirectory() as state:
            with Session(bare, {}) as s:
                times["bare"].append(wait_for(s.name, FIRST_ROW) - s.started)
            with Session(
                f"{reader} --db {db}", {"READER_STATE_DIR": state, "PYTHONPATH": source_path()}
            ) as s:
                times["reader"].append(wait_for(s.name, title) - s.started)
                time.sleep(1.0)  # a reader looks at the list before choosing
                before = time.perf_counter()
                s.keys("Enter")
                times["open"].append(wait_for(s.name, words) - before)
    return times


def browse_and_search_memory(db: Path, reader: str, queries: list[str]) -> tuple[float, int, bool]:
    """Peak memory of a reader that pages through the library and searches from its search screen.

    Returns the peak, how many searches showed their result, and whether the last hit opened.
    """
    title, _ = first_article(db)
    with (
        tempfile.TemporaryDirectory() as state,
        Session(f"{reader} --db {db}", {"READER_STATE_DIR": state, "PYTHONPATH": source_path()}) as s,
    ):
        wait_for(s.name, title)
        s.keys("G")
        time.sleep(0.5)
        for _ in range(20):
            s.keys("PageUp")
        s.keys("g", "o")  # and a different order (a full listing of ids)
        time.sleep(1.0)
        s.keys("o", "o", "o")
        time.sleep(1.0)
        s.keys("/")
        wait_for(s.name, "Words to find")
        answered = 0
        for query in queries:
            time.sleep(0.3)  # typed at a person's pace, not all in one burst
            s.keys("C-a", "C-k")
            time.sleep(0.1)  # the erase lands before the next keys (else it can swallow the new query)
            s.keys(query, literal=True)
            s.keys("Enter")
            deadline = time.perf_counter() + 30
            while time.perf_counter() < deadline:
                shown = screen(s.name)
                if f"for {query}" in shown:  # "N hits for QUERY" or "No matches for QUERY."
                    answered += 1
                    break
                time.sleep(0.02)
            s.keys("/")  # back to the box for the next query
        s.keys("Down", "Enter")
        time.sleep(1.0)
        opened = "Words to find" not in screen(s.name)
        return vm_hwm_mb(s.name), answered, opened


SEARCH_PROBE = """
import json, sys, time
t0 = time.perf_counter()
from reader.store import Store
from reader.store.library import search_library
store = Store.open(sys.argv[1], create=False)
opened = time.perf_counter() - t0
out = []
for query in json.loads(sys.argv[2]):
    start = time.perf_counter()
    hits = search_library(store.conn, query, limit=100)
    out.append((query, (time.perf_counter() - start) * 1000, len(hits)))
print(json.dumps({"opened_ms": opened * 1000, "queries": out}))
"""

OPEN_PROBE = """
import json, random, sys, time
from reader.store import Store
store = Store.open(sys.argv[1], create=False)
ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
random.seed(7)
times = []
for article_id in random.sample(ids, 50):
    start = time.perf_counter()
    store.get_article(article_id)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps(times))
"""


LAYOUT_PROBE = """
import asyncio, json, random, sys, time
from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.screens import reading  # imported first: this measures opening, not importing
from reader.tui.widgets.parallel_view import ParallelView
store = Store.open(sys.argv[1], create=False)
random.seed(11)
ids = random.sample([r[0] for r in store.conn.execute("SELECT id FROM articles")], 20)
app = ReaderApp(store)
times = []
async def go():
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for article_id in ids:
            start = time.perf_counter()
            app.open_article(article_id)
            await pilot.pause()
            app.screen.query_one(ParallelView).render_line(1)
            times.append((time.perf_counter() - start) * 1000)
            app.pop_screen()
            await pilot.pause()
asyncio.run(go())
print(json.dumps(times))
"""


LISTING_PROBE = """
import json, sys, time
from reader.store import Store
from reader.store.library import LibraryView, Listing, search_titles, sources
store = Store.open(sys.argv[1], create=False)
conn = store.conn
top_source = sources(conn)[0][0]
rare_source = sources(conn)[-1][0]
views = [("date (the default)", LibraryView()), ("by source", LibraryView(sort="source")),
         ("by title", LibraryView(sort="title")), ("by notes", LibraryView(sort="notes")),
         ("starred", LibraryView(starred=True)), ("unread", LibraryView(unread=True)),
         ("annotated", LibraryView(annotated=True)), (f"source {top_source}", LibraryView(sources=frozenset([top_source]))),
         (f"source {rare_source}", LibraryView(sources=frozenset([rare_source]))),
         ("tag #bench", LibraryView(tags=frozenset(["bench"]))),
         ("starred + unread, by title", LibraryView(sort="title", starred=True, unread=True))]
out = {"views": [], "palette": []}
for name, view in views:
    best = None
    for _ in range(3):
        start = time.perf_counter()
        listing = Listing(conn, view)
        listing.rows(0, 50)
        took = (time.perf_counter() - start) * 1000
        best = took if best is None else min(best, took)
    middle = listing.ids(listing.count // 2, 1)
    start = time.perf_counter()
    if middle:
        listing.neighbours(middle[0])  # where an article stands: [ and ] on the reading screen, a re-sort
    placed = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    listing.rows(max(0, listing.count - 50), 50)  # G: the last screenful
    last = (time.perf_counter() - start) * 1000
    out["views"].append((name, best, listing.count, placed, last))
for typed in json.loads(sys.argv[2]):
    for end in range(1, len(typed) + 1):  # each key of the typing, as the palette asks
        start = time.perf_counter()
        found = search_titles(conn, typed[:end], limit=50)
        out["palette"].append((typed[:end], (time.perf_counter() - start) * 1000, len(found)))
# The palette looks titles up in a thread and interrupts a lookup at the next key: how soon one stops
# (the slow ones, a key 10 ms into them).
import threading
out["palette_stop"] = []
for typed, took, _ in out["palette"]:
    if took > 20:
        lookup = threading.Thread(target=search_titles, args=(conn, typed), kwargs={"limit": 50})
        lookup.start()
        time.sleep(0.01)
        start = time.perf_counter()
        conn.interrupt()
        lookup.join()
        out["palette_stop"].append((time.perf_counter() - start) * 1000)
print(json.dumps(out))
"""

#: What is typed into the command palette's "open article", key by key.
PALETTE = ["Seoul", "서울", "Kim Min", "Controversy over tariffs", "금리 관련"]


def source_path() -> str:
    """This checkout's sources first on the path, for every process the benchmark starts."""
    return os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])


def probe(code: str, *args: str) -> object:
    with tempfile.TemporaryDirectory() as state:
        env = {**os.environ, "READER_STATE_DIR": state, "PYTHONPATH": source_path()}
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                              env=env)  # fmt: skip
    return json.loads(done.stdout)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def sizes(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    raw = conn.execute(
        "SELECT sum(length(CAST(ko_text AS BLOB)) + length(CAST(en_text AS BLOB)) + "
        "length(CAST(title_ko AS BLOB)) + length(CAST(title_en AS BLOB))), count(*) FROM articles").fetchone()  # fmt: skip
    conn.close()
    on_disk = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    return on_disk, raw[0], raw[1]


def timed_searches(db: Path, what: str, queries: list[str]) -> None:
    """Each query searched in a fresh process, the first one included: the summary, then each one."""
    found = probe(SEARCH_PROBE, str(db), json.dumps(queries))
    latencies = [t for _, t, _ in found["queries"]]  # type: ignore[index]
    print(f"{what} ({len(queries)} queries, fresh process, first query on): median {statistics.median(latencies):.1f} ms, "
          f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms "
          f"(store opened in {found['opened_ms']:.0f} ms)")  # type: ignore[index]  # fmt: skip
    for query, took, hits in found["queries"]:  # type: ignore[index]
        print(f"    {took:7.1f} ms  {hits:>4}{'+' if hits >= 100 else ' '} hits  {query}")


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms (runs: {', '.join(f'{v * 1000:.0f}' for v in values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--reader",
        default=f"{sys.executable} -m reader",
        help="the command to time (default: this checkout's reader, run by this Python)",
    )
    parser.add_argument(
        "--skip-tmux", action="store_true", help="only the measurements that need no terminal"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    db = args.db.resolve()
    # Compiled first, as an installed package is: run with PYTHONDONTWRITEBYTECODE (or from a read-only
    # tree), a checkout would otherwise compile every module it imports on every start.
    compileall.compile_dir(ROOT / "src", quiet=1)
    on_disk, raw, count = sizes(db)
    print(f"library: {count} articles, {raw / 1e6:.0f} MB of text (UTF-8), {on_disk / 1e6:.0f} MB on disk "
          f"= {on_disk / raw:.2f}x the text")  # fmt: skip
    timed_searches(db, "search", QUERIES)
    timed_searches(db, "search for figures in other written forms", FIGURE_QUERIES)
    opened = probe(OPEN_PROBE, str(db))
    print(f"open an article, store only (get_article, 50 random): median {statistics.median(opened):.1f} ms, "
          f"max {max(opened):.1f} ms")  # type: ignore[arg-type]  # fmt: skip
    laid_out = probe(LAYOUT_PROBE, str(db))
    print(f"open an article, store + screen + layout (headless, 20 random): median "
          f"{statistics.median(laid_out):.1f} ms, max {max(laid_out):.1f} ms")  # type: ignore[arg-type]  # fmt: skip
    listed = probe(LISTING_PROBE, str(db), json.dumps(PALETTE))
    for name, took, count, placed, last in listed["views"]:  # type: ignore[index]
        print(f"library listing, {name:<28}: {took:7.1f} ms to the first 50 rows, {last:7.1f} ms to the last, "
              f"{placed:7.1f} ms to place the middle article ({count} articles)")  # fmt: skip
    typed = [t for _, t, _ in listed["palette"]]  # type: ignore[index]
    print(f"command palette, open article, each key of {len(PALETTE)} titles typed ({len(typed)} keys): "
          f"median {statistics.median(typed):.1f} ms, p95 {percentile(typed, 0.95):.1f} ms, "
          f"max {max(typed):.1f} ms")  # fmt: skip
    slowest = max(listed["palette"], key=lambda p: p[1])  # type: ignore[index]
    print(f"    slowest: {slowest[0]!r} {slowest[1]:.1f} ms, {slowest[2]} titles")
    stops = listed["palette_stop"]  # type: ignore[index]
    if stops:
        print(f"    a lookup over 20 ms, interrupted 10 ms in (the next key): stopped after median "
              f"{statistics.median(stops):.1f} ms, max {max(stops):.1f} ms ({len(stops)} lookups)")  # fmt: skip
    if args.skip_tmux:
        return
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: apt-get install tmux")
    tmux("new-session", "-d", "-s", "keepalive", "sleep 86400", check=True)
    try:
        measure_in_terminal(db, args)
    finally:
        tmux("kill-server")


def measure_in_terminal(db: Path, args: argparse.Namespace) -> None:
    times = startup_and_open(db, args.runs, args.reader)
    bare, reader = statistics.median(times["bare"]), statistics.median(times["reader"])
    print(f"bare Textual app, 50-row DataTable on screen : {ms(times['bare'])}")
    print(
        f"reader start to library on screen            : {ms(times['reader'])}  = {reader / bare:.2f}x bare"
    )
    print(f"Enter to article on screen (store + layout)  : {ms(times['open'])}")
    queries = QUERIES[::3]
    peak, answered, opened = browse_and_search_memory(db, args.reader, queries)
    print(
        f"peak memory (VmHWM) browsing and searching   : {peak:.0f} MB "
        f"({answered}/{len(queries)} searches answered, a hit {'opened' if opened else 'NOT opened'})"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    random.seed(1)
    main()
