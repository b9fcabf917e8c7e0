"""Build the bundled sample library `articles.db` from the source texts in `samples/`.

    python scripts/build_sample_library.py [--out articles.db]

The result depends only on `samples/*.json` and the analysis code: `added` is the publication date, and
articles go in in file-name order, so the same inputs give the same library.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(samples: Path, out: Path) -> int:
    from reader.importers import article_from_json, read_text
    from reader.importers.single import add_article
    from reader.store import Store
    from reader.store.glossary import load_glossary

    tmp = out.with_name(out.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    files = sorted(samples.glob("*.json"))
    if not files:
        raise SystemExit(f"no sample articles in {samples}")
    with Store.open(tmp) as store:
        glossary = load_glossary(store.conn)
        for path in files:
            article = article_from_json(read_text(path), path.name)
            add_article(store, article, glossary=glossary, added=f"{article.published}T00:00:00+00:00")
        store.conn.execute("PRAGMA journal_mode = DELETE")  # VACUUM rewrites the whole file, not a -wal
        store.conn.execute("VACUUM")
        # Shipped in WAL mode, as `reader` would switch it on opening: reading the bundled library then
        # writes nothing to it. Closing the last connection folds the -wal back in: one file is shipped.
        store.conn.execute("PRAGMA journal_mode = WAL")
    # A -wal/-shm left beside the old library must not be replayed into the new one.
    for stale in (Path(f"{out}-wal"), Path(f"{out}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(tmp, out)
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--out", type=Path, default=ROOT / "articles.db")
    args = parser.parse_args()
    count = build(args.samples, args.out)
    print(f"wrote {count} articles to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
