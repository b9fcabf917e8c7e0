"""Importing a folder of real-sized bilingual articles in one process against N analysing processes.

    python bench/import_workers.py [--articles 40] [--workers 1,2] [--runs 1]

The folder holds `--articles` JSON articles made from the bundled samples (800-1,000 Korean and
1,300-2,200 English characters each): sample k with the last paragraph of another sample and a numbered
line added, so that no two have the same text. Each setting imports the folder into an empty library with
`reader add FOLDER --workers N`, a fresh process, timed from start to exit (model loading included) and
from its first article stored to its last (the rate once the models are loaded, what a long import runs
at), while the process tree is watched for each process's peak memory: resident (VmHWM, which counts the
model pages a worker shares with the process that loaded them) and its own (private pages, what the
worker alone adds). The libraries the settings make are compared: the same articles, ids, rows and
mentions.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from processes import children, descendants  # bench/, beside this script

ROOT = Path(__file__).resolve().parents[1]


def make_folder(folder: Path, count: int) -> None:
    samples = [json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "samples").glob("*.json"))]
    for k in range(count):
        base = samples[k % len(samples)]
        extra = samples[(k % len(samples) + 1 + k // len(samples)) % len(samples)]
        article = dict(base)
        for side, numbered in (("ko", f"(기사 번호 {k + 1})"), ("en", f"(Story number {k + 1})")):
            article[side] = base[side] + "\n\n" + extra[side].split("\n\n")[-1] + "\n\n" + numbered
        article["url"] = f"{base['url']}?{k}"
        (folder / f"{k:03d}.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")


def _peak_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _private_kb(pid: int) -> int | None:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return None
    return sum(
        int(line.split()[1]) for line in lines if line.startswith(("Private_Clean:", "Private_Dirty:"))
    )


#: A process holding the models is bigger than this (kB); the writer and the resource tracker are not.
_MODELS_KB = 100_000


@dataclass
class Run:
    seconds: float  # start to exit
    first: float  # start to the first article stored
    last: float  # start to the last one stored
    writer_kb: int
    workers_kb: list[tuple[int, int]]  # (resident, private) each
    loader_kb: int  # the fork server that loads the models


def _stored(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # busy, or not made yet
        return 0


def import_folder(folder: Path, library: Path, workers: int) -> Run:
    """One `reader add`, timed, with the peak memory of each of its processes (kB)."""
    from reader.store import Store

    Store.open(library).close()  # empty, so the samples are not copied in
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(library), "add", str(folder), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peaks: dict[int, int] = {}
    private: dict[int, int] = {}
    loaders: set[int] = set()
    rounds = 0
    watch = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    first = last = None
    stored = 0
    while proc.poll() is None:
        now = _stored(watch)
        if now > stored:
            stored, last = now, time.perf_counter() - start
            first = first if first is not None else last
        for pid in [proc.pid, *descendants(proc.pid)]:
            kb = _peak_kb(pid)
            if kb is not None:
                peaks[pid] = max(peaks.get(pid, 0), kb)
            if rounds % 10 == 0 and pid != proc.pid:  # smaps is slow to read: every half second
                own = _private_kb(pid)
                if own is not None:
                    private[pid] = max(private.get(pid, 0), own)
                if children(pid):  # the fork server: the workers are its children
                    loaders.add(pid)
        rounds += 1
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if _stored(watch) > stored:
        last = seconds
    watch.close()
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"reader add failed ({proc.returncode}): {err}")
    writer = peaks.pop(proc.pid, 0)
    loader = max((peaks.pop(pid, 0) for pid in loaders), default=0)
    # the resource tracker is small; workers hold the models
    workers_kb = sorted(
        ((kb, private.get(pid, 0)) for pid, kb in peaks.items() if kb > _MODELS_KB), reverse=True
    )
    return Run(seconds, first or seconds, last or seconds, writer, workers_kb, loader)


def content(library: Path) -> list[tuple]:
    conn = sqlite3.connect(library)
    rows = conn.execute(
        "SELECT a.id, a.title_ko, a.title_en, a.content_hash, m.spans, s.packed "
        "FROM articles a LEFT JOIN mentions m ON m.article_id = a.id "
        "LEFT JOIN segments s ON s.article_id = a.id ORDER BY a.id"
    ).fetchall()
    conn.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--workers", default="1,2", help="settings to compare, comma-separated")
    parser.add_argument("--runs", type=int, default=1, help="rounds, the settings alternating")
    args = parser.parse_args()
    settings = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        make_folder(folder, args.articles)
        times: dict[int, list[float]] = {w: [] for w in settings}
        rates: dict[int, list[float]] = {w: [] for w in settings}
        made: dict[int, list[tuple]] = {}
        for run in range(args.runs):
            for workers in settings:
                library = Path(tmp, f"lib-{workers}-{run}.db")
                run_ = import_folder(folder, library, workers)
                times[workers].append(run_.seconds)
                rate = (args.articles - 1) / max(run_.last - run_.first, 1e-9) * 60
                rates[workers].append(rate)
                made[workers] = content(library)
                each = ", ".join(f"{kb / 1024:.0f} ({own / 1024:.0f} its own)" for kb, own in run_.workers_kb)
                loader = f", model loader {run_.loader_kb / 1024:.0f} MB" if run_.loader_kb else ""
                print(
                    f"--workers {workers}: {args.articles} articles in {run_.seconds:.1f} s "
                    f"({args.articles / run_.seconds * 60:.1f} a minute), the first stored after "
                    f"{run_.first:.1f} s, from then on {rate:.1f} a minute; peak memory: writer "
                    f"{run_.writer_kb / 1024:.0f} MB, workers {each or 'none'} MB{loader}; "
                    f"load average {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                library.unlink()
                for extra in ("-wal", "-shm"):
                    Path(f"{library}{extra}").unlink(missing_ok=True)
    best = {w: min(t) for w, t in times.items()}
    base = best[settings[0]]
    steady = {w: max(r) for w, r in rates.items()}
    for workers in settings[1:]:
        print(
            f"--workers {workers} against --workers {settings[0]}: {base / best[workers]:.2f}× the throughput, "
            f"{steady[workers] / steady[settings[0]]:.2f}× once the first article is stored"
        )
    first = made[settings[0]]
    same = all(made[w] == first for w in settings)
    print(f"libraries alike: {'yes' if same else 'NO'} ({len(first)} articles)")
    print(f"cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
