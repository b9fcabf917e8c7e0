"""List the links the end-to-end alignment gets wrong, with their text, to see why.

usage: python bench/align_errors.py [--root DIR] [--article artNN] [--width N] [--gold-sentences]

Runs the same path as bench/align.py (split the raw ko.txt / en.txt, align) on every article under ROOT
(default ../shared/eval-dev/align from the repository root), maps our sentences onto the gold ones with
ROOT/score_e2e.py's own functions, and prints, per article, each predicted link that is not a gold link
and each gold link that no predicted link matches, with the sentences involved. A closing line counts
them by kind, so a change can be judged by which errors it removes, not only by the F1 it moves, and
a table shows how many links of each band of confidence are wrong: whether the reading screen's quiet
mark (confidence below UNSURE_BELOW) falls where the errors are.
With --gold-sentences the aligner alone is run on the gold sentences of meta.json instead. Last, the
gold 1-1 links whose two sentences the multilingual sentence encoder finds unrelated are listed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import textwrap
from collections import Counter
from pathlib import Path
from types import ModuleType

from align import _paragraph_of  # bench/align.py, beside this script: one reading of the paragraphs
from reader.analysis import align_texts
from reader.text.align import align
from reader.text.meaning import sentence_vectors
from reader.tui.widgets.parallel_view import UNSURE_BELOW

REPO = Path(__file__).resolve().parent.parent


def _scorer(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_e2e", root / "score_e2e.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _show(label: str, texts: list[str], width: int) -> None:
    if not texts:
        print(f"    {label}: —")
    for t in texts:
        print(textwrap.shorten(f"    {label}: {t}", width=width, placeholder=" …"))


def article_errors(art: Path, scorer: ModuleType, width: int, gold_sentences: bool) -> Counter[str]:
    """Print the wrong and missed links of one article; return their counts by kind."""
    ko_text = (art / "ko.txt").read_text(encoding="utf-8")
    en_text = (art / "en.txt").read_text(encoding="utf-8")
    meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
    gold = [(tuple(k), tuple(e)) for k, e in json.loads((art / "gold.json").read_text(encoding="utf-8"))]
    if gold_sentences:
        ko, en = meta["ko_sentences"], meta["en_sentences"]
        links = align(
            ko,
            en,
            ko_paragraphs=_paragraph_of(meta.get("ko_paragraphs"), len(ko)),
            en_paragraphs=_paragraph_of(meta.get("en_paragraphs"), len(en)),
            meaning=sentence_vectors(ko, en),
        )
        kmap = [[i] for i in range(len(ko))]
        emap = [[j] for j in range(len(en))]
    else:
        aligned = align_texts(ko_text, en_text)
        ko = [s.text(ko_text) for s in aligned.ko]
        en = [s.text(en_text) for s in aligned.en]
        links = aligned.links
        kmap = scorer.to_gold(scorer.spans_of(ko, ko_text), scorer.gold_spans(meta, "ko", ko_text))
        emap = scorer.to_gold(scorer.spans_of(en, en_text), scorer.gold_spans(meta, "en", en_text))
    counts: Counter[str] = Counter()
    counts["gold links"] += len(gold)
    gold_set = set(gold)
    # The scorer's reading: links that share a gold sentence are one link at the gold's granularity (two
    # faithful links inside a gold unit that joins two sentences count as that unit's link), and that
    # merged link is right or wrong as a whole; every link of ours in it shares its verdict.
    projected = scorer.project([{"ko": list(link.ko), "en": list(link.en)} for link in links], kmap, emap)
    unit_of: dict[tuple[str, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for gk, ge in projected:
        for g in gk:
            unit_of["k", g] = (gk, ge)
        for g in ge:
            unit_of["e", g] = (gk, ge)
    mapped = []
    for link in links:
        nodes = [("k", g) for i in link.ko for g in kmap[i]] + [("e", g) for j in link.en for g in emap[j]]
        mapped.append(unit_of[nodes[0]] if nodes else ((), ()))
    wrong = [
        (link, key)
        for link, key in zip(links, mapped, strict=True)
        if key not in gold_set and key != ((), ())
    ]
    missed = [g for g in gold if g not in projected]
    wrong_links = {id(link) for link, _ in wrong}
    for link in links:
        band = _confidence_band(link.confidence)
        counts[f"links {band}"] += 1
        counts[f"wrong links {band}"] += id(link) in wrong_links
    if not wrong and not missed:
        return counts
    print(
        f"== {art.name}: {len(wrong)} wrong, {len(missed)} missed (ours {len(ko)}x{len(en)}, "
        f"gold {len(meta['ko_sentences'])}x{len(meta['en_sentences'])})"
    )
    for link, (gk, ge) in wrong:
        counts[f"wrong {link.kind}"] += 1
        print(
            f"  WRONG {link.kind} ours ko{list(link.ko)} en{list(link.en)} -> gold ko{list(gk)} en{list(ge)}"
            f"  conf {link.confidence:.2f}"
        )
        _show("ko", [ko[i] for i in link.ko], width)
        _show("en", [en[j] for j in link.en], width)
    for gk, ge in missed:
        counts[f"missed {len(gk)}-{len(ge)}"] += 1
        print(f"  MISSED gold ko{list(gk)} en{list(ge)}")
        _show("ko", [meta["ko_sentences"][i] for i in gk], width)
        _show("en", [meta["en_sentences"][j] for j in ge], width)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO.parent / "shared" / "eval-dev" / "align")
    parser.add_argument("--article", help="only this article (artNN)")
    parser.add_argument("--width", type=int, default=160, help="characters per printed line")
    parser.add_argument(
        "--gold-sentences", action="store_true", help="align the gold sentences instead of our own"
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    if not (root / "score_e2e.py").exists():
        parser.error(f"no score_e2e.py under {root}")
    scorer = _scorer(root)
    total: Counter[str] = Counter()
    for art in sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("art")):
        if args.article and art.name != args.article:
            continue
        total += article_errors(art, scorer, args.width, args.gold_sentences)
    print("totals:", ", ".join(f"{k} {v}" for k, v in sorted(total.items())) or "none")
    # Does the quiet mark of the reading screen (confidence below UNSURE_BELOW) fall where the errors are?
    print("confidence   links  wrong")
    for band in _BANDS:
        links, wrong = total[f"links {band}"], total[f"wrong links {band}"]
        print(f"  {band:9} {links:6} {wrong:6} ({wrong / links if links else 0:.0%})")
    all_links = sum(total[f"links {band}"] for band in _BANDS)
    sure_wrong = total[f"wrong links {_BANDS[2]}"]
    print(f"wrong links with confidence >= 0.9: {100 * sure_wrong / max(all_links, 1):.1f} in 100 links")
    unrelated = unrelated_gold_links(root, args.article)
    print(f"gold 1-1 links whose two sentences' vectors disagree (cosine < {_UNRELATED}): {len(unrelated)}")
    for cosine, name, ko, en in unrelated:
        print(f"  {name} {cosine:.2f}")
        _show("ko", [ko], args.width)
        _show("en", [en], args.width)
    return 0


_BANDS = (f"< {UNSURE_BELOW}", "< 0.9", ">= 0.9")


def _confidence_band(confidence: float) -> str:
    """The band of a link's confidence: marked on the reading screen, unmarked but doubtful, sure."""
    return _BANDS[0] if confidence < UNSURE_BELOW else _BANDS[1] if confidence < 0.9 else _BANDS[2]


# Below this cosine the multilingual encoder finds two sentences unrelated: translations score 0.4 and
# more in 95% of gold 1-1 links, other sentences of one story 0.1–0.35.
_UNRELATED = 0.2


def unrelated_gold_links(root: Path, only: str | None) -> list[tuple[float, str, str, str]]:
    """Gold 1-1 links that pair sentences the encoder finds unrelated: the gold's own errors (lines of
    the source corpus paired wrongly), which no faithful alignment can match."""
    out = []
    for art in sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("art")):
        if only and art.name != only:
            continue
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        vectors = sentence_vectors(meta["ko_sentences"], meta["en_sentences"])
        if vectors is None:
            continue
        for ko, en in json.loads((art / "gold.json").read_text(encoding="utf-8")):
            if len(ko) == 1 and len(en) == 1:
                cosine = float(vectors[0][ko[0]] @ vectors[1][en[0]])
                if cosine < _UNRELATED:
                    out.append((cosine, art.name, meta["ko_sentences"][ko[0]], meta["en_sentences"][en[0]]))
    return sorted(out)


if __name__ == "__main__":
    sys.exit(main())
