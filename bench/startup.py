"""Time from `reader` start to the library on screen, and from Enter to the article, in a real terminal.

    python bench/startup.py [--db articles.db] [--runs 5] [--in-place] [--reader CMD ...]
                            [--library-text T] [--article-text T]

Runs this checkout's `reader` (`python -m reader` with its `src/` first on the path) inside tmux
(160x48, on a tmux server of its own), polls the screen until the expected text shows, and prints the
median of each figure, the same start-up for a bare Textual app showing a 50-row table
(bench/bare_textual.py, runs interleaved so both see the same machine load) and the peak memory (VmHWM)
of the reader process. Works on a copy of the library (or, with --in-place, on the library itself), with
remembered library state in a temporary folder, so every run starts alike. `--reader CMD` (repeatable)
times other commands instead, in the same rounds: e.g. an older checkout's
`env PYTHONPATH=OLD/src python -m reader.cli` (before `reader/__main__.py`) beside this one's
`python -m reader`.

The sources are compiled to bytecode first, as an installed package is: without that, a checkout run
with PYTHONDONTWRITEBYTECODE set (or on a read-only tree) compiles every module it imports on every
start, which the bare app (Textual, installed and compiled) does not.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
SIZE = ("160", "48")
#: A tmux server of our own, so another tmux user (or their environment) does not disturb the runs.
SOCKET = f"reader-startup-{os.getpid()}"


def tmux(*args: str, check: bool = False) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=check).stdout


def wait_for(session: str, needle: str, timeout: float = 30.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in tmux("capture-pane", "-t", session, "-p"):
            return time.perf_counter()
        time.sleep(0.005)
    raise SystemExit(f"timed out waiting for {needle!r}:\n" + tmux("capture-pane", "-t", session, "-p"))


def peak_rss_mb(session: str) -> float:
    pane_pid = tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip()
    status = Path(f"/proc/{pane_pid}/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start(command: str, env: dict[str, str]) -> tuple[str, float]:
    """Start `command` in a new detached session; its name and the moment it was started."""
    session = f"bench{time.monotonic_ns()}"
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    started = time.perf_counter()
    tmux("new-session", "-d", "-s", session, "-x", SIZE[0], "-y", SIZE[1], f"exec env {exports} {command}",
         check=True)  # fmt: skip
    return session, started


def bare_run(needle: str) -> float:
    session, started = start(
        f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'bare_textual.py'))}", {}
    )
    try:
        return wait_for(session, needle) - started
    finally:
        tmux("kill-session", "-t", session)


def reader_run(
    reader: str, db: Path, state: str, library_text: str, article_text: str
) -> tuple[float, float, float]:
    path = [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {"READER_STATE_DIR": state, "PYTHONPATH": os.pathsep.join(path)}
    session, started = start(f"{reader} --db {shlex.quote(str(db))}", env)
    try:
        shown = wait_for(session, library_text)
        time.sleep(1.0)  # a reader looks at the list before choosing (as bench/scale.py does)
        pressed = time.perf_counter()
        tmux("send-keys", "-t", session, "Enter")
        opened = wait_for(session, article_text)
        memory = peak_rss_mb(session)
    finally:
        tmux("kill-session", "-t", session)
    return shown - started, opened - pressed, memory


def expected_texts(db: Path) -> tuple[str, str]:
    """The first article's English title and the start of its first English sentence, as they will show."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    article_id, title = conn.execute(
        "SELECT id, title_en FROM articles ORDER BY published IS NULL, published DESC, id DESC LIMIT 1"
    ).fetchone()
    first = next(text for text in english_rows(conn, article_id) if text)[:24]
    conn.close()
    return title[:24], first


def english_rows(conn: object, article_id: int) -> list[str]:
    """The English text of each of an article's aligned rows, in order (from its packed rows)."""
    from reader.store.articles import load_segment_rows

    (en_text,) = conn.execute("SELECT en_text FROM articles WHERE id = ?", (article_id,)).fetchone()  # type: ignore[attr-defined]
    return [en_text[r.en_start : r.en_end] for r in load_segment_rows(conn, article_id)]  # type: ignore[arg-type]


def ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:.0f} ms "
            f"(runs: {', '.join(f'{v * 1000:.0f}' for v in values)})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "articles.db")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--reader",
        action="append",
        help="a command to time (default: this checkout's reader, run by this Python); give it more than once "
        "to compare versions, timed in the same rounds",
    )
    parser.add_argument("--in-place", action="store_true",
                        help="use the library itself, not a fresh copy per run (for a big one; opening an "
                             "article sets its read time)")  # fmt: skip
    parser.add_argument("--library-text", help="text that shows the library is up (default: first title)")
    parser.add_argument("--article-text", help="text that shows the article is up (default: its first words)")
    args = parser.parse_args()
    if not args.db.is_file():
        raise SystemExit(f"no library at {args.db}")
    if args.library_text is None or args.article_text is None:
        library_text, article_text = expected_texts(args.db)
        args.library_text = args.library_text or library_text
        args.article_text = args.article_text or article_text
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: apt-get install tmux")
    readers: list[str] = args.reader or [f"{shlex.quote(sys.executable)} -m reader"]
    compileall.compile_dir(ROOT / "src", quiet=1)
    sys.path.insert(0, str(HERE))
    from bare_textual import FIRST_ROW

    bare: list[float] = []
    library: dict[str, list[float]] = {reader: [] for reader in readers}
    article: dict[str, list[float]] = {reader: [] for reader in readers}
    memory: dict[str, list[float]] = {reader: [] for reader in readers}
    tmux("new-session", "-d", "-s", "keepalive", "sleep 86400", check=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for number in range(args.runs):
                # Each round starts with a different program: whichever runs right after another is slowed
                # (or helped) by what that one left behind, so no program always holds the same place.
                programs: list[str | None] = [None, *readers]
                shift = number % len(programs)
                for reader in programs[shift:] + programs[:shift]:
                    if reader is None:
                        bare.append(bare_run(FIRST_ROW))
                        continue
                    db = args.db.resolve()
                    if not args.in_place:
                        db = Path(tmp) / "library.db"
                        shutil.copyfile(args.db, db)
                    with tempfile.TemporaryDirectory() as state:
                        a, b, m = reader_run(reader, db, state, args.library_text, args.article_text)
                    library[reader].append(a)
                    article[reader].append(b)
                    memory[reader].append(m)
    finally:
        tmux("kill-server")
    print(f"bare Textual app, 50-row table on screen : {ms(bare)}")
    for reader in readers:
        if len(readers) > 1:
            print(reader)
        ratio = statistics.median(library[reader]) / statistics.median(bare)
        print(f"start to library on screen               : {ms(library[reader])}  = {ratio:.2f}x bare")
        print(f"Enter to article on screen               : {ms(article[reader])}")
        print(f"peak memory (VmHWM)                      : {max(memory[reader]):.0f} MB")


if __name__ == "__main__":
    main()
