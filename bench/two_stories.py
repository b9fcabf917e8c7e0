"""The warning that an article's two sides tell two stories: how often it falls on a real article and its
translation, and how often it catches a text given beside another article's translation.

    python bench/two_stories.py [ROOT …]

Each ROOT holds artNN/ko.txt and en.txt (the alignment development articles by default; the folders
bench/build_heldback.py writes, of NTREX-128 or the held-back corpus lines, the same way). A real pair is
an article's two texts; a mixed-up pair is article i's Korean beside article i+7's English. Prints, per
ROOT, the real pairs warned about and the mixed-up pairs caught, and the scores nearest the line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text.meaning import passage_vector
from reader.text.story_match import UNRELATED_BELOW, Story, opening, story_score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "roots", nargs="*", type=Path, default=[REPO.parent / "shared" / "eval-dev" / "align"]
    )
    args = parser.parse_args()
    for root in args.roots:
        stories = []
        for folder in sorted(root.glob("art*")):
            sides = [(lang, (folder / f"{lang}.txt").read_text(encoding="utf-8")) for lang in ("ko", "en")]
            stories.append(
                [Story.of(lang, text, passage_vector(opening(text, lang)), None) for lang, text in sides]
            )
        n = len(stories)
        real = [story_score(ko, en) for ko, en in stories]
        mixed = [story_score(stories[i][0], stories[(i + 7) % n][1]) for i in range(n)]
        print(f"{root.name}: {n} articles; real pairs warned about {sum(s < UNRELATED_BELOW for s in real)} "
              f"of {n} (lowest score {min(real):.2f}); mixed-up pairs caught "
              f"{sum(s < UNRELATED_BELOW for s in mixed)} of {n} (highest score {max(mixed):.2f})")  # fmt: skip


if __name__ == "__main__":
    main()
