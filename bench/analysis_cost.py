"""What analysing articles costs, model loading counted: the bundled sample articles imported into a new
library in a fresh process, and the time spent finding names alone.

    python bench/analysis_cost.py [--runs N] [--src DIR]

`--src DIR` measures another checkout's `src/` (an older commit, say) with the same samples, so the two
can be compared in one sitting. Each run is a new process: Kiwi's model, the sentence encoder and the name
models load inside it, as they do the first time `reader add` analyses something.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = r"""
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
import reader.text.entities as entities
from reader.importers import article_from_json, read_text
from reader.importers.single import add_article
from reader.store import Store
from reader.store.glossary import load_glossary

spent = [0.0]
original = entities.find_mentions
def timed(*a, **k):
    t = time.perf_counter()
    try:
        return original(*a, **k)
    finally:
        spent[0] += time.perf_counter() - t
entities.find_mentions = timed
samples, out = Path(sys.argv[1]), Path(sys.argv[2])
with Store.open(out) as store:
    glossary = load_glossary(store.conn)
    for path in sorted(samples.glob("*.json")):
        add_article(store, article_from_json(read_text(path), path.name), glossary=glossary)
    articles = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
print(json.dumps({
    "seconds": time.perf_counter() - t0,
    "names_seconds": spent[0],
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "articles": articles,
}))
"""


def one_run(src: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(REPO / "samples"), str(Path(tmp) / "lib.db")],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--src", type=Path, default=REPO / "src", help="the src/ directory to measure")
    args = ap.parse_args()
    runs = [one_run(args.src) for _ in range(args.runs)]
    print(f"{runs[0]['articles']} sample articles imported, {args.runs} fresh processes ({args.src}):")
    for key, label in (
        ("seconds", "import, all analysis and model loading"),
        ("names_seconds", "of which finding names (find_mentions)"),
        ("peak_mb", "peak memory, MB"),
    ):
        values = [r[key] for r in runs]
        print(
            f"  {label}: median {statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"
        )


if __name__ == "__main__":
    main()
