"""Benchmark sentence splitting and alignment on the Korean–English development articles.

usage: python bench/align.py [--root DIR] [--size N]

For every artNN under ROOT (default ../shared/eval-dev/align from the repository root): split the raw
ko.txt / en.txt, align, and score the whole path with ROOT/score_e2e.py beside its plain baseline
(regex splitting + length-only Gale–Church); align the gold sentences of meta.json alone and score with
ROOT/score.py; then time align() on N x N synthetic sentences and report its peak memory.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from reader.text.align import Link, align
from reader.text.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent


def _articles(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("art"))


def _links_json(links: list[Link]) -> list[dict[str, object]]:
    return [{"ko": list(link.ko), "en": list(link.en), "confidence": link.confidence} for link in links]


def predict_end_to_end(root: Path, out: Path) -> None:
    for art in _articles(root):
        ko_text = (art / "ko.txt").read_text(encoding="utf-8")
        en_text = (art / "en.txt").read_text(encoding="utf-8")
        ko = split_sentences(ko_text, "ko")
        en = split_sentences(en_text, "en")
        links = align(
            [s.text(ko_text) for s in ko],
            [s.text(en_text) for s in en],
            ko_paragraphs=[s.paragraph for s in ko],
            en_paragraphs=[s.paragraph for s in en],
        )
        pred = {
            "ko": [s.text(ko_text) for s in ko],
            "en": [s.text(en_text) for s in en],
            "links": _links_json(links),
        }
        (out / f"{art.name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")


def predict_gold_sentences(root: Path, out: Path) -> None:
    for art in _articles(root):
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        ko_par = _paragraph_of(meta.get("ko_paragraphs"), len(meta["ko_sentences"]))
        en_par = _paragraph_of(meta.get("en_paragraphs"), len(meta["en_sentences"]))
        links = align(meta["ko_sentences"], meta["en_sentences"], ko_paragraphs=ko_par, en_paragraphs=en_par)
        pred = [[list(link.ko), list(link.en)] for link in links]
        (out / f"{art.name}.json").write_text(json.dumps(pred), encoding="utf-8")


def _paragraph_of(groups: list[list[int]] | None, count: int) -> list[int] | None:
    if not groups:
        return None
    number = [0] * count
    for p, members in enumerate(groups):
        for i in members:
            number[i] = p
    return number


def _run(args: list[str]) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return done.stdout


def _e2e_scores(output: str) -> dict[str, float]:
    return json.loads(output.strip().splitlines()[-1])


def _gold_scores(output: str) -> dict[str, float]:
    strict = re.search(r"strict.*F1=([0-9.]+)", output)
    lenient = re.search(r"lenient.*F1=([0-9.]+)", output)
    return {
        "strict_f1": float(strict.group(1)) if strict else 0.0,
        "lenient_f1": float(lenient.group(1)) if lenient else 0.0,
    }


def synthetic(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """n Korean-like and n English-like sentences with roughly translated lengths and some numbers."""
    rng = random.Random(seed)
    syllables = "가나다라마바사아자차카타파하국정부대통령회담발표미군병력"
    words = [
        "the",
        "of",
        "and",
        "to",
        "in",
        "government",
        "said",
        "officials",
        "troops",
        "talks",
        "minister",
        "on",
        "for",
        "with",
    ]
    ko, en = [], []
    for i in range(n):
        length = rng.randint(15, 80)
        number = rng.randint(10, 99999)
        ko.append("".join(rng.choice(syllables) for _ in range(length)) + f" {number}명이 발표했다.")
        en.append(" ".join(rng.choice(words) for _ in range(length * 2 // 5)) + f" {number:,} people said.")
    return ko, en


def time_align(n: int) -> tuple[float, float]:
    ko, en = synthetic(n)
    align(ko[:50], en[:50])  # warm up imports and caches
    start = time.perf_counter()
    align(ko, en)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    align(ko, en)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO.parent / "shared" / "eval-dev" / "align")
    parser.add_argument("--size", type=int, default=2000, help="sentences per side for the speed test")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    if not (root / "score_e2e.py").exists():
        parser.error(f"no score_e2e.py under {root}")

    with tempfile.TemporaryDirectory() as tmp:
        e2e_dir, gold_dir = Path(tmp, "e2e"), Path(tmp, "gold")
        e2e_dir.mkdir()
        gold_dir.mkdir()
        predict_end_to_end(root, e2e_dir)
        predict_gold_sentences(root, gold_dir)
        ours = _e2e_scores(_run([str(root / "score_e2e.py"), str(root), str(e2e_dir)]))
        base = _e2e_scores(_run([str(root / "score_e2e.py"), str(root), "--baseline"]))
        gold = _gold_scores(
            _run([str(root / "score.py"), "--pred-dir", str(gold_dir), "--gold-dir", str(root)])
        )
        with tempfile.TemporaryDirectory() as gc_dir:
            _run([str(root / "gale_church.py"), gc_dir])
            gold_base = _gold_scores(
                _run([str(root / "score.py"), "--pred-dir", gc_dir, "--gold-dir", str(root)])
            )
    seconds, peak_mb = time_align(args.size)

    rows = [
        ("end-to-end strict F1", base["strict_f1"], ours["strict_f1"], 0.95),
        ("end-to-end lenient F1", base["lenient_f1"], ours["lenient_f1"], 0.97),
        ("gold sentences strict F1", gold_base["strict_f1"], gold["strict_f1"], 0.97),
        ("gold sentences lenient F1", gold_base["lenient_f1"], gold["lenient_f1"], None),
    ]
    print(f"{'measure':28} {'baseline':>9} {'ours':>9} {'goal':>7}")
    for name, b, o, goal in rows:
        print(f"{name:28} {b:9.4f} {o:9.4f} {'' if goal is None else f'>={goal}':>7}")
    print(f"{f'align() {args.size}x{args.size}':28} {'':>9} {seconds:8.2f}s {'<2s':>7}")
    print(f"{'peak memory (tracemalloc)':28} {'':>9} {peak_mb:7.1f}MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
