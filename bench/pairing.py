"""Pairing a Korean story with its English edition among one-language distractors of the same days.

Real Korean–English news pairs (the alignment development set, `--root`, and optionally a held-back set
of pseudo-articles made from the rest of the corpus's development portion, `--held-back DIR` holding the
corpus's `korean-english-park.dev.ko`/`.en`): in each round two thirds of the stories appear in both
feeds, the rest in one language only; publication times fall within one week, an English edition 1–36
hours after its original. Prints pairing precision and recall over all rounds, and the scores of true
pairs against the best wrong candidate (how THRESHOLD in `reader.text.story_match` was chosen, on the
development set only).

    python bench/pairing.py [--root EVAL/align] [--held-back CORPUS_DIR] [--rounds 20]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from reader.text.meaning import passage_vector
from reader.text.story_match import OPENING_SENTENCES, THRESHOLD, Story, match_stories, opening, story_score

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval-dev" / "align"


def dev_articles(root: Path) -> tuple[list[tuple[str, str]], set[int]]:
    """The development articles, and the corpus lines (1-based) they use."""
    found, used = [], set()
    for art in sorted(p for p in root.iterdir() if p.is_dir()):
        found.append(((art / "ko.txt").read_text("utf-8"), (art / "en.txt").read_text("utf-8")))
        meta = json.loads((art / "meta.json").read_text("utf-8"))
        first, last = meta["source_lines_1based"]
        used.update(range(first, last + 1))
    return found, used


def held_back_articles(corpus: Path, used: set[int], size: int = 12) -> list[tuple[str, str]]:
    """Pseudo-articles of `size` consecutive line pairs from the corpus's development portion, skipping
    every line the development articles use."""
    ko = (corpus / "korean-english-park.dev.ko").read_text("utf-8").splitlines()
    en = (corpus / "korean-english-park.dev.en").read_text("utf-8").splitlines()
    out, block = [], []
    for n, (k, e) in enumerate(zip(ko, en, strict=False), start=1):
        if n in used or not k.strip() or not e.strip():
            block = []
            continue
        block.append((k.strip(), e.strip()))
        if len(block) == size:
            out.append((" ".join(k for k, _ in block), " ".join(e for _, e in block)))
            block = []
    return out


def stories(articles: list[tuple[str, str]]) -> list[tuple[tuple[str, str], tuple]]:
    out = []
    for ko, en in articles:
        out.append(((ko, en), (passage_vector(opening(ko, "ko")), passage_vector(opening(en, "en")))))
    return out


def run(name: str, articles: list[tuple[str, str]], rounds: int) -> None:
    prepared = stories(articles)
    rng = random.Random(7)
    start = datetime(2024, 11, 1)
    true_scores, wrong_best = [], []
    tp = fp = fn = 0
    for _ in range(rounds):
        order = list(range(len(prepared)))
        rng.shuffle(order)
        both = order[: len(order) * 2 // 3]
        rest = order[len(both) :]
        ko_only, en_only = rest[: len(rest) // 2], rest[len(rest) // 2 :]
        kos, ens, truth = [], [], set()
        for i in both + ko_only:
            (ko, _), (kv, _) = prepared[i]
            when = start + timedelta(hours=rng.uniform(0, 7 * 24))
            kos.append((i, Story.of("ko", ko, kv, when)))
        for i in both + en_only:
            (_, en), (_, ev) = prepared[i]
            ko_time = next((s.published for j, s in kos if j == i), None)
            when = (
                ko_time + timedelta(hours=rng.uniform(1, 36))
                if ko_time
                else start + timedelta(hours=rng.uniform(0, 7 * 24))
            )
            ens.append((i, Story.of("en", en, ev, when)))
        rng.shuffle(ens)
        truth = {(a, b) for a, (i, _) in enumerate(kos) for b, (j, _) in enumerate(ens) if i == j}
        for a, (i, k) in enumerate(kos):
            for b, (j, e) in enumerate(ens):
                (true_scores if i == j else wrong_best).append(story_score(k, e))
        found = {(a, b) for a, b, _ in match_stories([s for _, s in kos], [s for _, s in ens])}
        tp += len(found & truth)
        fp += len(found - truth)
        fn += len(truth - found)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    true_scores.sort()
    wrong_best.sort()
    print(
        f"{name}: {len(articles)} stories, {rounds} rounds of {len(articles) * 2 // 3} pairs among distractors"
    )
    print(f"  pairing precision {precision:.3f}  recall {recall:.3f}  ({tp} right, {fp} wrong, {fn} missed)")
    print(
        f"  score of true pairs: min {true_scores[0]:.2f}, 5th pct {true_scores[len(true_scores) // 20]:.2f}; "
        f"other stories: max {wrong_best[-1]:.2f}, 99.9th pct {wrong_best[int(len(wrong_best) * 0.999)]:.2f} "
        f"(threshold {THRESHOLD}; opening of {OPENING_SENTENCES} sentences)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--held-back", type=Path, help="folder with korean-english-park.dev.ko/.en")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    dev, used = dev_articles(args.root)
    run("development set", dev, args.rounds)
    if args.held_back:
        run("held-back set", held_back_articles(args.held_back, used), args.rounds)


if __name__ == "__main__":
    main()
