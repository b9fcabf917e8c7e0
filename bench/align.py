"""Benchmark sentence splitting and alignment on the Korean–English development articles.

usage: python bench/align.py [--root DIR] [--heldback DIR] [--no-timing] [--size N] [--repeated N] [--edits N] [--glossary] [--long N,N,...]

For every artNN under ROOT (default ../shared/eval-dev/align from the repository root): split the raw
ko.txt / en.txt, align, and score the whole path with ROOT/score_e2e.py beside its plain baseline
(regex splitting + length-only Gale–Church); align the gold sentences of meta.json alone and score with
ROOT/score.py; score the whole path again with every paragraph's lines wrapped at 72 cells, as old
files and e-mails hold text (the development text has a line a paragraph); delete or join English gold
sentences as a translator does (--edits of each per article) and count the omissions and merges the
aligner finds; then time align() on N x N synthetic sentences and report its peak memory, and on N
identical sentences a side (--repeated: a long import full of boilerplate). With --glossary, both
alignments are run a second time with the bundled glossary as anchors, in a column of their own.
With --long, align() is also timed on long synthetic articles of those many sentences a side whose
length ratio drifts (as a long text's does), with its peak memory (tracemalloc, which slows it), to show
how both grow with the text. With --heldback, the accuracy figures are given for a second set of
articles too (bench/build_heldback.py builds one from corpus lines the development articles leave
unused), so what was fitted to the development texts shows.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from rich.cells import cell_len

from reader.analysis import align_texts
from reader.text.align import Link, align
from reader.text.glossary import Glossary
from reader.text.meaning import sentence_vectors

REPO = Path(__file__).resolve().parent.parent


def _articles(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("art"))


def _links_json(links: list[Link]) -> list[dict[str, object]]:
    return [{"ko": list(link.ko), "en": list(link.en), "confidence": link.confidence} for link in links]


def predict_end_to_end(root: Path, out: Path, glossary: Glossary | None = None) -> None:
    for art in _articles(root):
        ko_text = (art / "ko.txt").read_text(encoding="utf-8")
        en_text = (art / "en.txt").read_text(encoding="utf-8")
        aligned = align_texts(ko_text, en_text, glossary)
        ko, en, links = aligned.ko, aligned.en, aligned.links
        pred = {
            "ko": [s.text(ko_text) for s in ko],
            "en": [s.text(en_text) for s in en],
            "links": _links_json(links),
        }
        (out / f"{art.name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")


def wrap_in_place(text: str, width: int) -> str:
    """`text` as an old file or an e-mail holds it: each paragraph's lines broken at a space once they
    would pass `width` cells (a Hangul syllable is two). The break replaces the space, so every character
    keeps its offset and the gold offsets of meta.json still hold."""
    out = list(text)
    column = 0
    for match in re.finditer(r"\n|[^ \n]+| ", text):
        piece = match.group()
        if piece == "\n":
            column = 0
            continue
        cells = cell_len(piece)
        if piece == " ":
            column += 1
        elif column + cells > width and column > 0 and text[match.start() - 1] == " ":
            out[match.start() - 1] = "\n"
            column = cells
        else:
            column += cells
    return "".join(out)


def wrapped_root(root: Path, into: Path, width: int) -> Path:
    """A copy of the development articles with both sides' lines wrapped at `width` cells."""
    for art in _articles(root):
        copy = into / art.name
        copy.mkdir(parents=True)
        for name in ("ko.txt", "en.txt"):
            text = (art / name).read_text(encoding="utf-8")
            (copy / name).write_text(wrap_in_place(text, width), encoding="utf-8")
        for name in ("meta.json", "gold.json"):
            (copy / name).write_bytes((art / name).read_bytes())
    return into


def predict_gold_sentences(root: Path, out: Path, glossary: Glossary | None = None) -> None:
    for art in _articles(root):
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        ko_par = _paragraph_of(meta.get("ko_paragraphs"), len(meta["ko_sentences"]))
        en_par = _paragraph_of(meta.get("en_paragraphs"), len(meta["en_sentences"]))
        links = align(
            meta["ko_sentences"],
            meta["en_sentences"],
            ko_paragraphs=ko_par,
            en_paragraphs=en_par,
            glossary=glossary,
            meaning=sentence_vectors(meta["ko_sentences"], meta["en_sentences"]),
        )
        pred = [[list(link.ko), list(link.en)] for link in links]
        (out / f"{art.name}.json").write_text(json.dumps(pred), encoding="utf-8")


def _one_to_one_runs(gold: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> list[tuple[int, int]]:
    """(Korean, English) index of each gold 1-1 link followed by another 1-1 link right after it."""
    ones = [(k[0], e[0]) for k, e in gold if len(k) == 1 and len(e) == 1]
    return [(k, e) for (k, e), (k2, e2) in itertools.pairwise(ones) if (k2, e2) == (k + 1, e + 1)]


def edited_translations(root: Path, per_article: int, seed: int = 0) -> tuple[int, int, int, int]:
    """Make the translation's edits a translator makes, on the gold sentences, and see if the aligner
    finds them: (omissions found as a 1-0 link, omissions, merges found as a 2-1 link, merges).

    An omission deletes the English sentence of a 1-1 gold link; a merge joins the English sentences of
    two consecutive 1-1 links into one. Up to `per_article` of each per article, chosen at random.
    """
    rng = random.Random(seed)
    found_drops = drops = found_merges = merges = 0
    for art in _articles(root):
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        gold = [(tuple(k), tuple(e)) for k, e in json.loads((art / "gold.json").read_text(encoding="utf-8"))]
        ko, en = meta["ko_sentences"], meta["en_sentences"]
        vectors = sentence_vectors(ko, en)
        assert vectors is not None
        runs = _one_to_one_runs(gold)
        for k, e in rng.sample(runs, min(per_article, len(runs))):
            kept = [j for j in range(len(en)) if j != e]
            links = align(ko, [en[j] for j in kept], meaning=(vectors[0], vectors[1][kept]))
            drops += 1
            found_drops += any(link.ko == (k,) and not link.en for link in links)
        for k, e in rng.sample(runs, min(per_article, len(runs))):
            joined = [*en[:e], f"{en[e]} {en[e + 1]}", *en[e + 2 :]]
            links = align(ko, joined, meaning=sentence_vectors(ko, joined))
            merges += 1
            found_merges += any(link.ko == (k, k + 1) and link.en == (e,) for link in links)
    return found_drops, drops, found_merges, merges


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


def time_align(n: int, with_vectors: bool = False) -> tuple[float, float]:
    """Seconds and peak MB of align() on n x n synthetic sentences; `with_vectors` adds 512-dimensional
    sentence vectors as the import gives articles of up to 2,000 sentences (translations near their
    originals: cosine about 0.8), so the figure covers the meaning terms too."""
    ko, en = synthetic(n)
    meaning = None
    if with_vectors:
        rng = np.random.default_rng(0)
        ko_vectors = rng.normal(size=(n, 512)).astype(np.float32)
        ko_vectors /= np.linalg.norm(ko_vectors, axis=1, keepdims=True)
        en_vectors = ko_vectors + 0.8 * rng.normal(size=ko_vectors.shape).astype(np.float32) / math.sqrt(512)
        en_vectors /= np.linalg.norm(en_vectors, axis=1, keepdims=True)
        meaning = (ko_vectors, en_vectors)
    warm = None if meaning is None else (meaning[0][:50], meaning[1][:50])
    align(ko[:50], en[:50], meaning=warm)  # warm up imports and caches
    start = time.perf_counter()
    align(ko, en, meaning=meaning)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    align(ko, en, meaning=meaning)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def drifting(n: int, seed: int = 0) -> tuple[list[str], list[str]]:
    """n sentence pairs whose English-to-Korean length ratio wanders slowly between 0.5x and 2x, so the
    true path strays from the length diagonal the more the longer the text, as in long articles."""
    rng = random.Random(seed)
    ko, en, stretch = [], [], 1.0
    for i in range(n):
        words = rng.randint(3, 12)
        stretch = min(2.0, max(0.5, stretch * math.exp(rng.gauss(0.0, 0.08))))
        ko.append("가나다 " * words + f"{i + 100}명이 왔다.")
        en.append("Some" + " word" * round(words * 2 * stretch) + f" {i + 100} people came.")
    return ko, en


def time_long(n: int) -> tuple[float, float, int]:
    """Seconds, peak MiB under tracemalloc, and links off the true diagonal, for a drifting text of n."""
    ko, en = drifting(n)
    start = time.perf_counter()
    links = align(ko, en)
    seconds = time.perf_counter() - start
    wrong = sum(1 for link in links if link.kind != "1-1" or link.ko != link.en)
    tracemalloc.start()
    align(ko, en)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, wrong


def time_vectors(root: Path) -> float:
    """Milliseconds a sentence takes to encode (what meaning adds to an import), over every raw sentence
    of the development articles, once the model is loaded."""
    ko: list[str] = []
    en: list[str] = []
    for art in _articles(root):
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        ko += meta["ko_sentences"]
        en += meta["en_sentences"]
    sentence_vectors(ko[:2], en[:2])
    start = time.perf_counter()
    for a in range(0, len(ko), 50):  # article-sized calls, as an import makes them
        sentence_vectors(ko[a : a + 50], en[a : a + 50])
    return (time.perf_counter() - start) * 1000 / (len(ko) + len(en))


def time_repetitive(n: int) -> float:
    """Seconds align() takes on n identical sentences a side in paragraphs of eight, as a long import
    full of boilerplate gives it: every sentence shares every anchor, and many paths tie."""
    ko = ["북한군 1만1000명이 러시아 쿠르스크 지역에 배치됐다고 정보총국이 26일 밝혔다."] * n
    en = ["About 11,000 North Korean troops were deployed to Kursk, the agency said on the 26th."] * n
    paragraphs = [i // 8 for i in range(n)]
    start = time.perf_counter()
    align(ko, en, ko_paragraphs=paragraphs, en_paragraphs=paragraphs)
    return time.perf_counter() - start


def report_accuracy(root: Path, runs: list[tuple[str, Glossary | None]], edits: int) -> None:
    """Print the accuracy figures on the articles under `root`: one column a run, beside the baseline."""
    columns: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, glossary in runs:
            e2e_dir, gold_dir = Path(tmp, name, "e2e"), Path(tmp, name, "gold")
            e2e_dir.mkdir(parents=True)
            gold_dir.mkdir()
            predict_end_to_end(root, e2e_dir, glossary)
            predict_gold_sentences(root, gold_dir, glossary)
            e2e = _e2e_scores(_run([str(root / "score_e2e.py"), str(root), str(e2e_dir)]))
            gold = _gold_scores(
                _run([str(root / "score.py"), "--pred-dir", str(gold_dir), "--gold-dir", str(root)])
            )
            wrapped = wrapped_root(root, Path(tmp, name, "wrapped"), _WRAP_WIDTH)
            wrapped_dir = Path(tmp, name, "e2e-wrapped")
            wrapped_dir.mkdir()
            predict_end_to_end(wrapped, wrapped_dir, glossary)
            e2e_wrapped = _e2e_scores(_run([str(root / "score_e2e.py"), str(wrapped), str(wrapped_dir)]))
            columns[name] = [e2e["strict_f1"], e2e["lenient_f1"], gold["strict_f1"], gold["lenient_f1"],
                             e2e_wrapped["strict_f1"], e2e_wrapped["lenient_f1"]]  # fmt: skip
        base = _e2e_scores(_run([str(root / "score_e2e.py"), str(root), "--baseline"]))
        base_wrapped = _e2e_scores(_run([str(root / "score_e2e.py"), str(wrapped), "--baseline"]))
        with tempfile.TemporaryDirectory() as gc_dir:
            _run([str(root / "gale_church.py"), gc_dir])
            gold_base = _gold_scores(
                _run([str(root / "score.py"), "--pred-dir", gc_dir, "--gold-dir", str(root)])
            )
    found_drops, drops, found_merges, merges = edited_translations(root, edits)

    baseline = [base["strict_f1"], base["lenient_f1"], gold_base["strict_f1"], gold_base["lenient_f1"],
                base_wrapped["strict_f1"], base_wrapped["lenient_f1"]]  # fmt: skip
    measures = [
        ("end-to-end strict F1", 0.96),
        ("end-to-end lenient F1", 0.98),
        ("gold sentences strict F1", 0.97),
        ("gold sentences lenient F1", None),
        (f"wrapped at {_WRAP_WIDTH}: strict F1", None),
        (f"wrapped at {_WRAP_WIDTH}: lenient F1", None),
    ]
    header = "".join(f" {name:>9}" for name in columns)
    print(f"{'measure':28} {'baseline':>9}{header} {'goal':>7}")
    for row, (name, goal) in enumerate(measures):
        cells = "".join(f" {values[row]:9.4f}" for values in columns.values())
        print(f"{name:28} {baseline[row]:9.4f}{cells} {'' if goal is None else f'>={goal}':>7}")
    print(f"{'omissions found (1-0)':28} {'':>9} {found_drops:4} of {drops}")
    print(f"{'merges found (2-1)':28} {'':>9} {found_merges:4} of {merges}")


# The width old plain-text files and e-mails wrap their lines at (cells), for the end-to-end run on text
# whose paragraphs are broken into lines (the development text has one line a paragraph).
_WRAP_WIDTH = 72


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO.parent / "shared" / "eval-dev" / "align")
    parser.add_argument("--size", type=int, default=2000, help="sentences per side for the speed test")
    parser.add_argument(
        "--repeated", type=int, default=11200, help="identical sentences per side for the second speed test"
    )
    parser.add_argument(
        "--glossary", action="store_true", help="also align with the bundled glossary as anchors"
    )
    parser.add_argument(
        "--edits", type=int, default=3, help="omissions and merges made per article in the gold sentences"
    )
    parser.add_argument(
        "--long",
        default="",
        help="comma-separated sentence counts of long drifting texts to time, e.g. 5000,20000",
    )
    parser.add_argument(
        "--heldback",
        type=Path,
        help="a second set of articles to report on beside ROOT (bench/build_heldback.py builds one)",
    )
    parser.add_argument("--no-timing", action="store_true", help="accuracy only")
    args = parser.parse_args(argv)
    roots: list[tuple[str, Path]] = [("development", args.root.resolve())]
    if args.heldback:
        roots.append(("held back", args.heldback.resolve()))
    for _, root in roots:
        if not (root / "score_e2e.py").exists():
            parser.error(f"no score_e2e.py under {root}")
    runs: list[tuple[str, Glossary | None]] = [("ours", None)]
    if args.glossary:
        runs.append(("+glossary", Glossary.load_bundled()))
    for label, root in roots:
        print(f"== {label} articles: {root}")
        report_accuracy(root, runs, args.edits)
    if args.no_timing:
        return 0
    print("== speed")
    seconds, peak_mb = time_align(args.size)
    seconds_vectors, peak_mb_vectors = time_align(args.size, with_vectors=True)
    repeated = time_repetitive(args.repeated)
    vector_ms = time_vectors(roots[0][1])
    print(f"{f'align() {args.size}x{args.size}':28} {'':>9} {seconds:8.2f}s {'<1s':>7}")
    print(f"{'peak memory (tracemalloc)':28} {'':>9} {peak_mb:7.1f}MB")
    print(f"{'  the same with vectors':28} {'':>9} {seconds_vectors:8.2f}s {peak_mb_vectors:7.1f}MB")
    print(f"{f'align() {args.repeated} repeated':28} {'':>9} {repeated:8.2f}s {'<5s':>7}")
    print(f"{'sentence vectors, each':28} {'':>9} {vector_ms:7.2f}ms")
    for size in (int(x) for x in args.long.split(",") if x.strip()):
        seconds, peak_mb, wrong = time_long(size)
        print(
            f"{f'align() {size} drifting':28} {'':>9} {seconds:8.2f}s {peak_mb:7.1f}MB peak, {wrong} links wrong"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
