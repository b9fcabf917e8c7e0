"""Build held-back alignment articles from the corpus lines the development articles leave unused.

usage: python bench/build_heldback.py --ko KO_LINES --en EN_LINES --out DIR [--dev DIR] [--articles N]
                                      [--seed N] [--docs IDS]

KO_LINES / EN_LINES are the development portion of the Korean–English news corpus of Park et al.
(`korean-english-news-v1/korean-english-park.dev.{ko,en}`, one sentence a line, line i of one the
translation of line i of the other; CC BY-SA 3.0). Never give it the corpus's test portion.

The development articles under --dev (default ../shared/eval-dev/align) are built from some of these
lines; every line whose Korean or English text appears in one of them is left out here (matched by text,
whitespace ignored), so the two sets share no sentence. The rest is built the way the development
articles are: pairs that are web-page furniture, a Korean line mostly in Latin script (an English
headline), a fragment (English starting in lower case), far too long or short a translation, or a line
repeated nearby are dropped, since the corpus pairs such lines with unrelated ones; runs of consecutive
kept pairs give pseudo-articles of 8–20 pairs in 2–4 paragraphs (the same breaks on both sides); and
some articles get a translator's merge (two Korean or two English sentences joined into one gold unit)
or an omission (an English sentence deleted). Each `artNN/` gets `ko.txt`, `en.txt`, `gold.json` and
`meta.json` as the development articles have them, and the development set's scorers are copied beside
them, so `bench/align.py --root DIR` and `bench/align_errors.py --root DIR` run on it unchanged.

Another line-parallel corpus of consecutive news sentences may be given the same way; --docs names a
file with one document id a line, line-parallel too (as NTREX-128's DOCUMENT_IDS.tsv, or the files
bench/wmt24pp_lines.py writes), and then no pseudo-article runs across two documents, and one that
starts at a document's first line (its headline) gives that line a paragraph of its own, as a page
shows a headline (--headline-in-text: not). A line may also be a paragraph: the gold is then at the
paragraph's granularity, which bench/align.py's end-to-end scorer allows (links inside one gold unit
are merged before they are scored).

This is the split to report on, never to tune on: its articles are written outside the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
# Page furniture: a headline with its month stamp ("… 2005.10"), a link, a vocabulary note of a
# learning site ("big time 일류의, …"), a byline or credit.
_FURNITURE = (
    re.compile(r"\s{2,}\d{4}\.\d{1,2}\s*$"),
    re.compile(r"\d{4}\.\d{1,2}\s*$"),
    re.compile(r"^[A-Za-z][A-Za-z' -]+\s+[가-힣]"),
    re.compile(r"(?i)copyright|all rights reserved|무단\s*전재|e-?mail to a friend|기자\s*=|사진\s*="),
)
_URL = re.compile(r"(?i)https?://|www\.|##")
_REPEAT_WINDOW = 30
_MIN_PAIRS, _MAX_PAIRS = 8, 20


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def drop_reason(ko: str, en: str) -> str | None:
    """Why the corpus pair (ko, en) makes no sentence of an article, or None to keep it."""
    ko, en = ko.strip(), en.strip()
    if not ko or not en:
        return "empty"
    if _URL.search(ko) or _URL.search(en):
        return "url"
    if any(p.search(ko) for p in _FURNITURE):
        return "page-furniture"
    hangul, latin = len(_HANGUL.findall(ko)), len(_LATIN.findall(ko))
    if hangul < 4 or hangul < 0.3 * len(_squeeze(ko)):
        return "too-little-hangul"
    if latin > hangul:
        return "latin-heavy-ko"
    if en[0].islower():
        return "en-starts-lowercase(fragment)"
    if len(en.split()) < 3:
        return "en-too-short"
    ratio = len(_squeeze(en)) / len(_squeeze(ko))
    if not 0.8 <= ratio <= 6.0:
        return "length-ratio"
    return None


def kept_lines(ko: list[str], en: list[str]) -> list[bool]:
    """For each corpus line: may it be a sentence of a held-back article?"""
    keep = []
    for i, (k, e) in enumerate(zip(ko, en, strict=True)):
        if drop_reason(k, e):
            keep.append(False)
            continue
        near = range(max(0, i - _REPEAT_WINDOW), min(len(ko), i + _REPEAT_WINDOW + 1))
        repeated = any(j != i and (ko[j].strip() == k.strip() or en[j].strip() == e.strip()) for j in near)
        keep.append(not repeated)
    return keep


def used_texts(dev: Path) -> set[str]:
    """Every sentence of the development articles, whitespace removed (a joined gold unit counts too,
    and each of its corpus lines is found inside it)."""
    out: set[str] = set()
    for meta_file in sorted(dev.glob("art*/meta.json")):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        out.update(_squeeze(s) for s in meta["ko_sentences"] + meta["en_sentences"])
    return out


def _in_dev(line: str, used: set[str], joined: str) -> bool:
    squeezed = _squeeze(line)
    return squeezed in used or (len(squeezed) > 10 and squeezed in joined)


def windows(keep: list[bool], rng: random.Random, docs: list[str] | None = None) -> list[tuple[int, int]]:
    """[start, end) runs of 8–20 consecutive kept lines, cut at random from each run of kept lines (of
    one document, when `docs` gives each line's)."""
    out = []
    i = 0
    while i < len(keep):
        if not keep[i]:
            i += 1
            continue
        j = i
        while j < len(keep) and keep[j] and (docs is None or docs[j] == docs[i]):
            j += 1
        start = i
        while j - start >= _MIN_PAIRS:
            size = min(rng.randint(_MIN_PAIRS, _MAX_PAIRS), j - start)
            if j - start - size < _MIN_PAIRS and j - start <= _MAX_PAIRS:
                size = j - start
            out.append((start, start + size))
            start += size
        i = j
    return out


def build_article(
    ko: list[str], en: list[str], rng: random.Random, headline: bool = False
) -> dict[str, object]:
    """One pseudo-article from consecutive pairs: paragraphs, merges and an omission drawn at random.
    With `headline`, the first pair is a story's headline and a paragraph of its own, as a page shows
    it (unless a merge joined it to the next)."""
    n = len(ko)
    # Units: each a list of pair indices per side; merges join two neighbouring pairs on one side.
    ko_units: list[list[int]] = [[i] for i in range(n)]
    en_units: list[list[int]] = [[i] for i in range(n)]
    joins: list[tuple[int, str]] = []  # (pair index, side): that pair and the next are one unit there
    merged_at: set[int] = set()
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3))):
        pos = rng.randrange(n - 1)
        if merged_at & {pos - 1, pos, pos + 1}:
            continue
        merged_at.add(pos)
        joins.append((pos, "en" if rng.random() < 0.7 else "ko"))
    omitted = None
    if rng.random() < 0.17:
        free = [i for i in range(1, n - 1) if i not in merged_at and i - 1 not in merged_at]
        if free:
            omitted = rng.choice(free)
    merges: list[dict[str, object]] = [{"window_pos": pos, "side_merged": side} for pos, side in joins]
    if omitted is not None:
        merges.append({"window_pos": -1, "side_merged": "omit-en"})
    for pos, side_merged in sorted(joins, reverse=True):
        units = en_units if side_merged == "en" else ko_units
        k = next(x for x, u in enumerate(units) if u[0] == pos)
        units[k : k + 2] = [units[k] + units[k + 1]]
    if omitted is not None:
        en_units = [u for u in en_units if u != [omitted]]
    # Paragraph breaks before pair indices, shared by both sides, never inside a merged unit.
    starts = {u[0] for u in ko_units} & ({u[0] for u in en_units} | {omitted})
    candidates = sorted(s for s in starts if 2 <= s <= n - 2)
    count = min(rng.randint(2, 4), len(candidates) + 1)
    breaks = sorted(rng.sample(candidates, count - 1)) if count > 1 else []
    if headline and 1 in starts:
        breaks = [1, *breaks]

    def side(
        lines: list[str], units: list[list[int]]
    ) -> tuple[str, list[str], list[list[int]], list[list[int]]]:
        text, sentences, offsets, paragraphs = "", [], [], []
        for u, unit in enumerate(units):
            sentence = " ".join(lines[i].strip() for i in unit)
            new_paragraph = u == 0 or any(unit[0] >= b > units[u - 1][-1] for b in breaks)
            if u:
                text += "\n\n" if new_paragraph else " "
            if new_paragraph:
                paragraphs.append([])
            paragraphs[-1].append(u)
            offsets.append([len(text), len(text) + len(sentence)])
            sentences.append(sentence)
            text += sentence
        return text + "\n", sentences, offsets, paragraphs

    ko_text, ko_sentences, ko_offsets, ko_paragraphs = side(ko, ko_units)
    en_text, en_sentences, en_offsets, en_paragraphs = side(en, en_units)
    gold = _gold(ko_units, en_units, omitted)
    return {
        "ko.txt": ko_text,
        "en.txt": en_text,
        "gold": gold,
        "meta": {
            "merges": merges,
            "ko_sentences": ko_sentences,
            "en_sentences": en_sentences,
            "ko_offsets": ko_offsets,
            "en_offsets": en_offsets,
            "ko_paragraphs": ko_paragraphs,
            "en_paragraphs": en_paragraphs,
        },
    }


def _gold(ko_units: list[list[int]], en_units: list[list[int]], omitted: int | None) -> list[list[list[int]]]:
    """The gold links: the smallest groups of Korean and English units covering the same pairs."""
    gold: list[list[list[int]]] = []
    k = e = 0
    while k < len(ko_units):
        if omitted is not None and ko_units[k] == [omitted]:
            gold.append([[k], []])
            k += 1
            continue
        ks, es = [k], [e]
        ko_end, en_end = ko_units[k][-1], en_units[e][-1]
        while ko_end != en_end:
            if ko_end < en_end:
                k += 1
                ks.append(k)
                ko_end = ko_units[k][-1]
            else:
                e += 1
                es.append(e)
                en_end = en_units[e][-1]
        gold.append([ks, es])
        k += 1
        e += 1
    return gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ko", type=Path, required=True, help="korean-english-park.dev.ko")
    parser.add_argument("--en", type=Path, required=True, help="korean-english-park.dev.en")
    parser.add_argument("--out", type=Path, required=True, help="directory to write artNN/ into")
    parser.add_argument("--dev", type=Path, default=REPO.parent / "shared" / "eval-dev" / "align")
    parser.add_argument("--articles", type=int, default=30, help="at most this many articles")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--docs", type=Path, help="one document id a line, line-parallel with KO and EN")
    parser.add_argument(
        "--headline-in-text",
        action="store_true",
        help="with --docs, let a story's first line run into its first paragraph like any other line",
    )
    args = parser.parse_args(argv)
    if any(".test." in f.name or "devtest" in f.name for f in (args.ko, args.en)):
        parser.error("the corpus's test portion is not for this")
    try:
        ko = args.ko.read_text(encoding="utf-8").split("\n")
        en = args.en.read_text(encoding="utf-8").split("\n")
        docs = args.docs.read_text(encoding="utf-8").split("\n") if args.docs else None
    except (OSError, UnicodeDecodeError) as err:
        parser.error(f"cannot read the corpus: {err}")
    if len(ko) != len(en):
        parser.error(f"{args.ko} has {len(ko)} lines and {args.en} {len(en)}: not a line-parallel corpus")
    if docs is not None and len(docs) != len(ko):
        parser.error(f"{args.docs} has {len(docs)} lines and {args.ko} {len(ko)}: not line-parallel")
    if not (args.dev / "score_e2e.py").exists():
        parser.error(f"no development articles with score_e2e.py under {args.dev}")
    if (REPO / ".git").exists() and args.out.resolve().is_relative_to(REPO):
        parser.error("the held-back articles go outside the repository")
    used = used_texts(args.dev)
    joined = "\n".join(used)
    keep = [
        k and not (_in_dev(a, used, joined) or _in_dev(b, used, joined))
        for k, a, b in zip(kept_lines(ko, en), ko, en, strict=True)
    ]
    rng = random.Random(args.seed)
    spans = windows(keep, rng, docs)
    rng.shuffle(spans)
    spans = sorted(spans[: args.articles])
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    for number, (start, end) in enumerate(spans):
        at_headline = (
            docs is not None and not args.headline_in_text and (start == 0 or docs[start - 1] != docs[start])
        )
        article = build_article(ko[start:end], en[start:end], rng, headline=at_headline)
        art = args.out / f"art{number:02d}"
        art.mkdir()
        (art / "ko.txt").write_text(str(article["ko.txt"]), encoding="utf-8")
        (art / "en.txt").write_text(str(article["en.txt"]), encoding="utf-8")
        (art / "gold.json").write_text(json.dumps(article["gold"]), encoding="utf-8")
        meta = {"source_lines_1based": [start + 1, end], **article["meta"]}  # type: ignore[dict-item]
        (art / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    for script in ("score_e2e.py", "score.py", "gale_church.py"):
        shutil.copy(args.dev / script, args.out / script)
    links = sum(
        len(json.loads((args.out / f"art{i:02d}" / "gold.json").read_text())) for i in range(len(spans))
    )
    print(f"{len(spans)} articles, {links} gold links, from {sum(keep)} unused kept lines, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
