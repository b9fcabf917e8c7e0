"""Score entity recognition against hand-labelled gold spans, beside a proper-noun-only baseline.

Korean: the ner-ko development set (600 news sentences; its own score.py does the scoring).
English and more Korean: bench/data/ner-{en,ko}[-samples].jsonl, the two sides of the sentence pairs
labelled for this project (bench/data/pairs*.txt, built by bench/gold_from_markup.py): regression figures,
not accuracy. English accuracy: --en-news DIR, the held-out test documents that train/english_data.py
writes (GUM news and re3d government releases; the whole test split too), never trained or tuned on.

    python bench/entities.py [--root DIR] [--en FILE] [--en-news DIR] [--keep DIR] [--split N]

DIR defaults to ../shared/eval-dev relative to the repository root; the Korean set is DIR/ner-ko.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text.entities import find_mentions
from reader.text.glossary import Glossary

KLUE_TYPE = {
    "PERSON": "PS",
    "ORG": "OG",
    "PLACE": "LC",
    "DATE": "DT",
    "QUANTITY": "QT",
    "EQUIPMENT": "EQ",
    "OTHER": "OT",
}


GLOSSARY: Glossary | None = None  # None: the bundled glossary


def predict(docs: list[dict], lang: str) -> list[dict]:
    out = []
    for d in docs:
        ms = find_mentions(d["text"], lang, GLOSSARY)
        out.append(
            {
                "id": d["id"],
                "text": d["text"],
                "entities": [
                    {"start": m.start, "end": m.end, "type": KLUE_TYPE[m.type], "text": m.text} for m in ms
                ],
            }
        )
    return out


def baseline_ko(docs: list[dict]) -> list[dict]:
    """Kiwi's proper nouns (runs of NNP, joined across one space) plus foreign words; a run with a
    foreign word is typed ORG, any other PERSON (the commonest type)."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    out = []
    for d in docs:
        text = d["text"]
        spans: list[list] = []
        for t in kiwi.tokenize(text):
            if t.tag not in ("NNP", "SL"):
                continue
            s, e = t.start, t.start + t.len
            if spans and text[spans[-1][1] : s] in ("", " "):
                spans[-1][1] = e
                spans[-1][2] = spans[-1][2] or t.tag == "SL"
            else:
                spans.append([s, e, t.tag == "SL"])
        out.append(
            {
                "id": d["id"],
                "text": text,
                "entities": [
                    {"start": s, "end": e, "type": "OG" if sl else "PS", "text": text[s:e]}
                    for s, e, sl in spans
                ],
            }
        )
    return out


def baseline_en(docs: list[dict]) -> list[dict]:
    """Runs of capitalised words, sentence-initial ones included, typed PERSON."""
    import re

    out = []
    for d in docs:
        text = d["text"]
        ents = [
            {"start": m.start(), "end": m.end(), "type": "PS", "text": m.group()}
            for m in re.finditer(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*", text)
        ]
        out.append({"id": d["id"], "text": text, "entities": ents})
    return out


def write_jsonl(path: Path, docs: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def score(scorer: Path, gold: Path, pred: Path, types: str | None) -> str:
    cmd = [sys.executable, str(scorer), str(gold), str(pred)] + (["--types", types] if types else [])
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


CONLL_TYPE = {"PER": "PS", "LOC": "LC", "ORG": "OG"}


def run(name: str, lang: str, gold: Path, scorer: Path, keep: Path, base, split: int = 0) -> None:
    with open(gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    if any(e["type"] in CONLL_TYPE for d in docs for e in d["entities"]):
        # English corpora type names PER/LOC/ORG: the scorer speaks KLUE's codes
        for i, d in enumerate(docs):
            d.setdefault("id", f"{gold.stem}-{i}")
            for e in d["entities"]:
                e["type"] = CONLL_TYPE.get(e["type"], e["type"])
        keep.mkdir(parents=True, exist_ok=True)
        write_jsonl(keep / f"{name}-gold.jsonl", docs)
        gold = keep / f"{name}-gold.jsonl"
    t0 = time.perf_counter()
    ours = predict(docs, lang)
    dt = time.perf_counter() - t0
    base_docs = base(docs)
    keep.mkdir(parents=True, exist_ok=True)
    write_jsonl(keep / f"{name}-ours.jsonl", ours)
    write_jsonl(keep / f"{name}-baseline.jsonl", base_docs)
    print(f"=== {name}: {len(docs)} sentences, {gold.name}  (ours: {dt:.1f}s)")
    for label, fname in (("baseline", f"{name}-baseline.jsonl"), ("ours", f"{name}-ours.jsonl")):
        print(f"--- {label}, PERSON/ORG/PLACE (--types PS,LC,OG)")
        print(score(scorer, gold, keep / fname, "PS,LC,OG"), end="")
    if 0 < split < len(docs):
        # the part looked at while developing against the part left alone: a rule that only fits the
        # sentences it was drawn from shows up as a gap between the two
        for part, sl in (("first", slice(0, split)), ("rest", slice(split, None))):
            write_jsonl(keep / f"{name}-gold-{part}.jsonl", docs[sl])
            write_jsonl(keep / f"{name}-ours-{part}.jsonl", ours[sl])
            print(f"--- ours, {part} {len(docs[sl])} sentences (--split {split})")
            print(
                score(
                    scorer, keep / f"{name}-gold-{part}.jsonl", keep / f"{name}-ours-{part}.jsonl", "PS,LC,OG"
                ),
                end="",
            )
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=REPO.parent / "shared" / "eval-dev")
    ap.add_argument(
        "--en",
        type=Path,
        nargs="*",
        default=[
            REPO / "bench" / "data" / "ner-en.jsonl",
            REPO / "bench" / "data" / "ner-en-samples.jsonl",
            REPO / "bench" / "data" / "ner-en-heldout.jsonl",
        ],
    )
    ap.add_argument(
        "--ko",
        type=Path,
        nargs="*",
        default=[
            REPO / "bench" / "data" / "ner-ko.jsonl",
            REPO / "bench" / "data" / "ner-ko-samples.jsonl",
            REPO / "bench" / "data" / "ner-ko-heldout.jsonl",
        ],
        help="more Korean gold in the same format (the Korean sides of our labelled pairs)",
    )
    ap.add_argument(
        "--en-news",
        type=Path,
        default=None,
        metavar="DIR",
        help="English newswire never used for training or tuning: DIR/test-news.jsonl and DIR/test.jsonl as "
        "made by train/english_data.py (scored once, to report)",
    )
    ap.add_argument("--keep", type=Path, default=None, help="keep prediction files in this directory")
    ap.add_argument("--lang", choices=("ko", "en", "both"), default="both")
    ap.add_argument("--no-glossary", action="store_true", help="recognise without any glossary")
    ap.add_argument(
        "--split",
        type=int,
        default=0,
        metavar="N",
        help="also score the dev set's first N sentences and the rest apart",
    )
    args = ap.parse_args()
    if args.no_glossary:
        global GLOSSARY
        GLOSSARY = Glossary()
    scorer = args.root / "ner-ko" / "score.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}; pass --root")
    with tempfile.TemporaryDirectory() as tmp:
        keep = args.keep or Path(tmp)
        if args.lang in ("ko", "both"):
            run(
                "ner-ko-dev", "ko", args.root / "ner-ko" / "gold.jsonl", scorer, keep, baseline_ko, args.split
            )
            for path in args.ko:
                run(f"{path.stem}-pairs", "ko", path, scorer, keep, baseline_ko)
        if args.lang in ("en", "both"):
            for path in args.en:
                run(f"{path.stem}-pairs", "en", path, scorer, keep, baseline_en)
            if args.en_news:
                for stem in ("test-news", "test"):
                    run(f"en-{stem}", "en", args.en_news / f"{stem}.jsonl", scorer, keep, baseline_en)


if __name__ == "__main__":
    main()
