"""Kill `reader` with SIGKILL at random moments of its writes and check that nothing is lost or half-written.

    python bench/crash.py [--points 200] [--seed 1] [--parallel 0]

Each kill point starts a writer process on a copy of a library, lets it run for a random time, kills it
with SIGKILL, and then checks the library: `PRAGMA integrity_check` and the full-text index's own check
pass (`reader db check`), every article is wholly in or wholly out (all its sentences, rows and index
entries, or none), and every note the writer reported saved is there. Writers cover imports, batch
imports, re-analysis, note saves and schema migrations; `--parallel N` also kills N batch imports
that analyse in worker processes (`reader add FOLDER --workers 2`) and checks that no worker outlives
its writer. The test suite runs the same harness with fewer
points (tests/test_crash_safety.py).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from processes import descendants  # bench/, beside this script

ROOT = Path(__file__).resolve().parents[1]

# A writer: imports articles without the language model (fast, so kills land inside the writes), saves
# notes, re-analyses (replaces an article's rows and re-anchors its notes) and deletes, in a loop. It prints
# "note N" after each note is committed, so the checker knows which notes must have survived.
WRITER = textwrap.dedent("""
    import random, sys
    from reader.store import NewArticle, SegmentRow, SentenceRow, Store
    from reader.store.notes import add_note

    def build(n, k):
        ko = [f"기사 {n}의 {i}번째 문장이다. 북한군 {i}만{n}명이 배치됐다." for i in range(k)]
        en = [f"Sentence {i} of article {n}. About {i * 10000 + n} troops were deployed." for i in range(k)]
        sents, segs, kp, ep = [], [], 0, 0
        for i in range(k):
            sents += [SentenceRow("ko", i, kp, kp + len(ko[i]), 0), SentenceRow("en", i, ep, ep + len(en[i]), 0)]
            segs.append(SegmentRow(i, 0, i, i + 1, i, i + 1, kp, kp + len(ko[i]), ep, ep + len(en[i]), "1-1", 0.9))
            kp += len(ko[i]) + 1; ep += len(en[i]) + 1
        return NewArticle(ko=" ".join(ko), en=" ".join(en), title_ko=f"기사 {n}", title_en=f"Story {n}"), sents, segs

    store = Store.open(sys.argv[1])
    rng = random.Random(int(sys.argv[2]))
    n = 1000 * int(sys.argv[2])
    while True:
        n += 1
        action = rng.random()
        ids = [a.id for a in store.list_articles()]
        if action < 0.5 or not ids:
            article, sents, segs = build(n, rng.randint(20, 120))
            store.insert_article(article, sents, segs)
        elif action < 0.75:
            target = rng.choice(ids)
            note = add_note(store.conn, target, "ko", 0, 3, f"note {n} #crash")
            print(f"note {note.id}", flush=True)
        elif action < 0.95:
            target = rng.choice(ids)
            old = store.get_article(target)
            article, sents, segs = build(n, rng.randint(20, 120))
            store.replace_article(target, article, sents, segs)
        else:
            target = rng.choice(ids)
            gone = [r[0] for r in store.conn.execute("SELECT id FROM notes WHERE article_id = ?", (target,))]
            print("gone " + " ".join(map(str, gone)), flush=True)  # said before the delete commits
            store.delete_article(target)
""")


def make_library(path: Path) -> None:
    """A library with a few articles, at the current schema."""
    subprocess.run(
        [sys.executable, "-c", WRITER.replace("while True:", "for _ in range(6):"), str(path), "0"],
        check=True,
        capture_output=True,
    )


def make_old_library(path: Path, articles: int = 300) -> None:
    """A library at schema 1 (before glossary, notes and search), so opening it runs every migration."""
    import sqlite_utils

    from reader.store.connection import APPLICATION_ID
    from reader.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](sqlite_utils.Database(conn))
    conn.execute("BEGIN")
    for n in range(articles):
        ko = f"옛 기사 {n}. 북한군 {n}명이 배치됐다."
        en = f"Old story {n}. {n} troops were deployed."
        conn.execute(
            "INSERT INTO articles (id, title_ko, title_en, added, content_hash, ko_text, en_text) "
            "VALUES (?, ?, ?, 'then', ?, ?, ?)",
            (n + 1, ko[:8], en[:9], f"h{n}", ko, en),
        )
        conn.execute(
            "INSERT INTO segments (article_id, position, paragraph, ko_from, ko_to, en_from, en_to, "
            "ko_start, ko_end, en_start, en_end, link, confidence) VALUES (?, 0, 0, 0, 1, 0, 1, 0, ?, 0, ?, "
            "'1-1', 0.9)",
            (n + 1, len(ko), len(en)),
        )
        conn.executemany(
            "INSERT INTO sentences (article_id, lang, idx, start, end, paragraph) VALUES (?, ?, 0, 0, ?, 0)",
            [(n + 1, "ko", len(ko)), (n + 1, "en", len(en))],
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.close()


def verify(path: Path, saved_notes: set[int]) -> list[str]:
    """Everything that is wrong with the library after a kill; empty when it is flawless."""
    from reader.store import Store, StoreError
    from reader.store.articles import sentence_spans
    from reader.store.health import check

    try:
        store = Store.open(path)
    except StoreError as exc:
        return [f"cannot open: {exc}"]
    with store:
        problems = list(check(store.conn).problems)
        for article in store.list_articles():
            full = store.get_article(article.id)
            spans = {"ko": full.ko_text, "en": full.en_text}
            count = len(sentence_spans(store.conn, article.id, "ko"))
            if not full.segments or len(full.segments) != count:
                problems.append(
                    f"article {article.id} is partly there ({len(full.segments)} rows, {count} sentences)"
                )
            joined = " ".join(s.ko for s in full.segments)
            if joined != spans["ko"]:
                problems.append(f"article {article.id}: its rows do not cover its text")
        present = {r[0] for r in store.conn.execute("SELECT id FROM notes")}
        lost = saved_notes - present
        if lost:
            problems.append(f"notes reported saved but missing: {sorted(lost)}")
    return problems


def kill_writer(library: Path, seed: int, delay: float) -> tuple[set[int], set[int]]:
    """Run a writer, kill it; returns the notes it reported saved and those it was deleting with an article."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(library), str(seed)], stdout=subprocess.PIPE, text=True
    )
    os.set_blocking(proc.stdout.fileno(), False)
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    out = proc.stdout.read() or ""
    saved = {int(line.split()[1]) for line in out.splitlines() if line.startswith("note ")}
    gone = {int(n) for line in out.splitlines() if line.startswith("gone") for n in line.split()[1:]}
    return saved, gone


def kill_migration(library: Path, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--db", str(library), "list"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def make_import_folder(folder: Path, count: int = 60, seed: int = 0) -> None:
    """Short bilingual JSON articles, all different (and different for each seed), for a batch import
    the kill lands in."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        article = {
            "ko": f"국방부는 북한군 {n + 1}00명이 쿠르스크에 배치됐다고 밝혔다. 추가 파병도 배제할 수 없다. ({seed})",
            "en": f"The Defence Ministry said {n + 1}00 North Korean troops were in Kursk. More may follow. ({seed})",
        }
        (folder / f"{n:03d}.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kill_parallel_import(tmp: Path, seed: int) -> list[str]:
    """`reader add FOLDER --workers 2`, killed with SIGKILL a random moment after its first article is
    stored: what is wrong with the library then, or with the worker processes left running."""
    rng = random.Random(seed)
    library, folder = tmp / "parallel.db", tmp / f"parallel-in-{seed}"
    if not folder.exists():
        make_import_folder(folder, seed=seed)
    if not library.exists():
        make_library(library)

    def count() -> int:
        conn = sqlite3.connect(library)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:  # busy
            return -1
        finally:
            conn.close()

    before = count()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--db", str(library), "add", str(folder), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while count() <= before and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.4))
    workers = descendants(proc.pid)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    problems = verify(library, set())
    if proc.returncode != -signal.SIGKILL:
        problems.append(f"the import ended (status {proc.returncode}) before the kill")
    time.sleep(1.0)
    left = [pid for pid in workers if _running(pid)]
    if left:
        problems.append(f"worker processes still running after the writer died: {left}")
    return problems


def run(points: int, seed: int, log=print) -> tuple[int, int]:
    """Returns (kill points tried, flawless libraries after them)."""
    rng = random.Random(seed)
    flawless = 0
    with tempfile.TemporaryDirectory() as tmp:
        library = Path(tmp) / "library.db"
        make_library(library)
        saved: set[int] = set()
        for point in range(points):
            if point % 5 == 4:
                old = Path(tmp) / f"old{point}.db"
                make_old_library(old)
                kill_migration(old, rng.uniform(0.2, 1.5))
                problems = verify(old, set())
            else:
                new, gone = kill_writer(library, rng.randint(1, 10**6), rng.uniform(0.3, 1.2))
                saved = (saved | new) - gone  # notes of a deleted article go with it
                problems = verify(library, saved)
            if problems:
                log(f"kill point {point}: " + "; ".join(problems[:5]) + (" …" if len(problems) > 5 else ""))
            else:
                flawless += 1
    return points, flawless


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--parallel", type=int, default=0, help="also kill this many `reader add FOLDER --workers 2` imports"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    tried, flawless = run(args.points, args.seed)
    print(
        f"kill points tried: {tried}; flawless libraries after them: {flawless} "
        f"({time.perf_counter() - started:.0f} s)"
    )
    if args.parallel:
        started = time.perf_counter()
        clean = 0
        with tempfile.TemporaryDirectory() as tmp:
            for point in range(args.parallel):
                problems = kill_parallel_import(Path(tmp), args.seed * 1000 + point)
                if problems:
                    print(f"parallel import kill {point}: " + "; ".join(problems[:5]))
                else:
                    clean += 1
        print(
            f"parallel imports killed: {args.parallel}; flawless libraries, no worker left running: {clean} "
            f"({time.perf_counter() - started:.0f} s)"
        )


if __name__ == "__main__":
    main()
