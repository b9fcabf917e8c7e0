"""Time from `reader` start to the library on screen, and from Enter to the article, in a real terminal.

    python bench/startup.py [--db articles.db] [--runs 5] [--library-text TEXT] [--article-text TEXT]

Runs `reader` inside tmux (160x48), polls the screen until the expected text shows, and prints the median
of each figure and the peak memory (VmHWM) of the reader process. Works on a copy of the library.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


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


def one_run(reader: str, db: Path, library_text: str, article_text: str) -> tuple[float, float, float]:
    session = f"bench{time.monotonic_ns()}"
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48",
                    f"exec {reader} --db {db}"], check=True)
    try:
        t1 = wait_for(session, library_text)
        t2 = time.perf_counter()
        tmux("send-keys", "-t", session, "Enter")
        t3 = wait_for(session, article_text)
        memory = peak_rss_mb(session)
    finally:
        tmux("kill-session", "-t", session)
    return t1 - t0, t3 - t2, memory


def expected_texts(db: Path) -> tuple[str, str]:
    """The first article's English title and the start of its first English sentence, as they will show."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    article_id, title = conn.execute(
        "SELECT id, title_en FROM articles ORDER BY published IS NULL, published DESC, id DESC LIMIT 1").fetchone()
    first = conn.execute(
        "SELECT substr(a.en_text, s.en_start + 1, 24) FROM segments s JOIN articles a ON a.id = s.article_id "
        "WHERE s.article_id = ? AND s.en_end > s.en_start ORDER BY s.position LIMIT 1", (article_id,)).fetchone()[0]
    conn.close()
    return title[:24], first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "articles.db")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reader", default=str(Path(sys.executable).with_name("reader")))
    parser.add_argument("--library-text", help="text that shows the library is up (default: first title)")
    parser.add_argument("--article-text", help="text that shows the article is up (default: its first words)")
    args = parser.parse_args()
    if args.library_text is None or args.article_text is None:
        library_text, article_text = expected_texts(args.db)
        args.library_text = args.library_text or library_text
        args.article_text = args.article_text or article_text
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: apt-get install tmux")
    library, article, memory = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            db = Path(tmp) / "library.db"
            shutil.copyfile(args.db, db)
            a, b, m = one_run(args.reader, db, args.library_text, args.article_text)
            library.append(a)
            article.append(b)
            memory.append(m)
    print(f"start to library on screen : median {statistics.median(library) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{x * 1000:.0f}' for x in library)})")
    print(f"Enter to article on screen : median {statistics.median(article) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{x * 1000:.0f}' for x in article)})")
    print(f"peak memory (VmHWM)        : {max(memory):.0f} MB")


if __name__ == "__main__":
    main()
