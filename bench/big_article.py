"""Import one very large bilingual article through the real command; print its time and peak memory.

    python bench/big_article.py [--mb 10] [--seed 1] [--phases] [--keep FILE] [--screen]
    python bench/big_article.py --screen --library FILE
    python bench/big_article.py --stored-only [--runs 7]

The article is news-like text from the same templates as `bench/make_library.py` (Korean sentences and
their English translations, in paragraphs of two to four sentences) until the two UTF-8 files together
hold `--mb` mebibytes. `reader add --ko ko.txt --en en.txt` imports them in a fresh process; the figures
are its wall time and peak resident memory, then how long a fresh process takes to load the stored
article with all its rows (what the reading screen does on Enter), and whether the stored text is the
files' text byte for byte. `--phases` also runs the analysis in this process and times each step
(sentences and alignment, the entity layer, the database write) to show where the time goes.
`--screen` opens the article in `reader` inside tmux (160x48, as bench/startup.py does) and times what
a reader waits for: Enter to the article on screen, the first key after it (space) to the next page,
and G to the last row; `--library` does only that, on a library kept earlier with `--keep`.
`--stored-only` skips the import: the article is stored with a row per sentence pair, as
bench/make_library.py aligns, and only loading it is timed (median of `--runs` fresh processes), which
runs against an older checkout too (`PYTHONPATH=OLD/src`) to compare how the rows are stored.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_library import Fill, generate

MIB = 1024 * 1024


def make_article(mib: float, seed: int) -> tuple[str, str, list[tuple[int, int, int, int, int]]]:
    """Korean and English text of about `mib` MiB together (UTF-8), one paragraph per 2-4 sentences, and
    its sentence pairs as bench/make_library.py makes them: (paragraph, ko start, ko end, en start, en end)."""
    rng = random.Random(seed)
    fill = Fill(seed, rng)
    ko_parts, en_parts, size, story = [], [], 0, 0
    pairs: list[tuple[int, int, int, int, int]] = []
    ko_at = en_at = paragraph = 0
    while size < mib * MIB:
        made = generate(rng, fill, date(2024, 1, 1), "bench", 20_000, f"big-{story}")
        pairs += [
            (p + paragraph, ks + ko_at, ke + ko_at, es + en_at, ee + en_at)
            for p, ks, ke, es, ee in made.pairs
        ]
        paragraph = pairs[-1][0] + 1
        ko_at += len(made.article.ko) + 2
        en_at += len(made.article.en) + 2
        ko_parts.append(made.article.ko)
        en_parts.append(made.article.en)
        size += len(made.article.ko.encode()) + len(made.article.en.encode()) + 4
        story += 1
    return "\n\n".join(ko_parts), "\n\n".join(en_parts), pairs


def store_only(ko: str, en: str, pairs: list[tuple[int, int, int, int, int]], db: Path) -> int:
    """The article stored without analysis, a row per sentence pair (what loading it costs, on its own)."""
    from reader.store import NewArticle, SegmentRow, SentenceRow, Store

    sentences = [SentenceRow(lang, i, start, end, p) for i, (p, ks, ke, es, ee) in enumerate(pairs)
                 for lang, start, end in (("ko", ks, ke), ("en", es, ee))]  # fmt: skip
    rows = [SegmentRow(i, p, i, i + 1, i, i + 1, ks, ke, es, ee, "1-1", 0.9987)
            for i, (p, ks, ke, es, ee) in enumerate(pairs)]  # fmt: skip
    with Store.open(db) as store:
        return store.insert_article(NewArticle(ko, en, title_en="A long article"), sentences, rows)


def run_command(ko: Path, en: Path, db: Path) -> tuple[float, float, float, int]:
    """`reader add` in a fresh process: (seconds, CPU seconds, peak MiB of that process, article id)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--db", str(db), "add", "--ko", str(ko), "--en", str(en)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"reader add failed ({proc.returncode}): {proc.stderr.strip()}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if usage.ru_maxrss <= before:
        print("(peak memory of the import is not known: an earlier child used more)", file=sys.stderr)
    return seconds, usage.ru_utime + usage.ru_stime - cpu, usage.ru_maxrss / 1024, int(proc.stdout.strip())


OPEN = """
import sys, time
from reader.store import Store
start = time.perf_counter()
with Store.open(sys.argv[1]) as store:
    article = store.get_article(int(sys.argv[2]))
print(time.perf_counter() - start, len(article.segments))
"""


def open_article(db: Path, article_id: int) -> tuple[float, int]:
    """Seconds for a fresh process to load the article with every row, as the reading screen does."""
    out = subprocess.run(
        [sys.executable, "-c", OPEN, str(db), str(article_id)], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1])


def screen(db: Path) -> None:
    """Key-to-screen times on the library's first article, in a real terminal."""
    import os
    import shlex
    import sqlite3

    from startup import english_rows, tmux, wait_for

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    article_id, title_ko, title_en = conn.execute("SELECT id, title_ko, title_en FROM articles").fetchone()
    rows = [(text[:24],) for text in english_rows(conn, article_id) if len(text) >= 24]
    conn.close()
    first = next(text for (text,) in rows[1:] if text not in title_en and text not in title_ko)
    last = rows[-1][0]
    env = f"env PYTHONPATH={shlex.quote(os.environ['PYTHONPATH'])} " if os.environ.get("PYTHONPATH") else ""
    session = f"big{time.monotonic_ns()}"
    # On bench/startup.py's own tmux server (its `tmux` helper), where the panes are read.
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "160",
        "-y",
        "48",
        f"exec {env}{shlex.quote(sys.executable)} -m reader --db {shlex.quote(str(db))}",
        check=True,
    )
    try:
        wait_for(session, (title_en or title_ko)[:20], 60)
        start = time.perf_counter()
        tmux("send-keys", "-t", session, "Enter")
        print(f"Enter to the article on screen: {wait_for(session, first, 120) - start:.2f} s")
        before = tmux("capture-pane", "-t", session, "-p")
        start = time.perf_counter()
        tmux("send-keys", "-t", session, "space")
        while tmux("capture-pane", "-t", session, "-p") == before and time.perf_counter() - start < 120:
            time.sleep(0.005)
        print(f"the first key after it (space) to the next page: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        tmux("send-keys", "-t", session, "G")
        print(f"G to the last row on screen: {wait_for(session, last, 120) - start:.2f} s")
    finally:
        tmux("kill-server")  # the server is this run's own


def phases(ko: str, en: str, db: Path) -> None:
    """The analysis in this process, step by step."""
    from reader.analysis import analyse, entity_layer
    from reader.store import NewArticle, Store
    from reader.text.glossary import Glossary

    glossary = Glossary.load_bundled()
    start = time.perf_counter()
    aligned = analyse(ko, en, glossary, entities=False)
    print(
        f"  sentences and alignment : {time.perf_counter() - start:7.1f} s "
        f"({len(aligned.segments):,} rows; includes loading the Korean model)"
    )
    start = time.perf_counter()
    layer = entity_layer(ko, en, aligned.segments, glossary)
    print(
        f"  entity layer            : {time.perf_counter() - start:7.1f} s ({len(layer.mentions):,} mentions)"
    )
    start = time.perf_counter()
    with Store.open(db) as store:
        store.insert_article(
            NewArticle(ko=ko, en=en, title_ko="긴 기사", title_en="A long article"),
            aligned.sentences,
            layer.segments,
            mentions=layer.mentions,
        )
    print(f"  database write          : {time.perf_counter() - start:7.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of both files together, in MiB")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phases", action="store_true", help="also time each analysis step in this process")
    parser.add_argument("--keep", type=Path, help="keep the library with the imported article in this file")
    parser.add_argument("--screen", action="store_true", help="time keys on the article in reader, in tmux")
    parser.add_argument(
        "--library", type=Path, help="with --screen: a library kept earlier; nothing is imported"
    )
    parser.add_argument(
        "--stored-only",
        action="store_true",
        help="store the article without analysis, a row per sentence pair, and only time loading it",
    )
    parser.add_argument("--runs", type=int, default=1, help="with --stored-only: loads to time")
    args = parser.parse_args()
    if args.library:
        screen(args.library)
        return
    ko, en, pairs = make_article(args.mb, args.seed)
    if args.stored_only:
        with tempfile.TemporaryDirectory() as tmp:
            article_id = store_only(ko, en, pairs, Path(tmp) / "library.db")
            times = [open_article(Path(tmp) / "library.db", article_id) for _ in range(args.runs)]
        took = sorted(t for t, _ in times)
        print(f"loading the stored article with its {times[0][1]:,} rows in a fresh process, {args.runs} runs: "
              f"median {took[len(took) // 2]:.3f} s (fastest {took[0]:.3f}, slowest {took[-1]:.3f})")  # fmt: skip
        return
    with tempfile.TemporaryDirectory() as tmp:
        ko_file, en_file = Path(tmp) / "ko.txt", Path(tmp) / "en.txt"
        ko_file.write_text(ko, encoding="utf-8")
        en_file.write_text(en, encoding="utf-8")
        size = (ko_file.stat().st_size + en_file.stat().st_size) / MIB
        print(f"article: {size:.2f} MiB ({len(ko):,} Korean and {len(en):,} English characters)")
        seconds, cpu, peak, article_id = run_command(ko_file, en_file, Path(tmp) / "library.db")
        db_size = (Path(tmp) / "library.db").stat().st_size / MIB
        print(
            f"reader add: {seconds:.1f} s ({cpu:.1f} s of CPU), peak memory {peak:.0f} MiB, "
            f"library file {db_size:.0f} MiB"
        )
        opened, rows = open_article(Path(tmp) / "library.db", article_id)
        print(f"loading the stored article with its {rows:,} rows in a fresh process: {opened:.2f} s")
        from reader.store import Store

        with Store.open(Path(tmp) / "library.db") as store:
            article = store.get_article(article_id)
        same = article.ko_text == ko and article.en_text == en
        print(f"stored text equals the files' text: {'yes' if same else 'NO'}")
        if args.keep:
            shutil.copyfile(Path(tmp) / "library.db", args.keep)
            print(f"library kept as {args.keep} (open it with: reader --db {args.keep})")
        if args.screen:
            screen(Path(tmp) / "library.db")
        if args.phases:
            print("phases, in this process:")
            phases(ko, en, Path(tmp) / "phases.db")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
