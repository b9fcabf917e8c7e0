"""Train the name recognisers shipped in reader/data/models/ (see train/README.md for the data).

    python train/ner.py ko --train ../shared/train/ner-ko/klue-dev-rest.jsonl [--dev FILE]
    python train/ner.py en --train DIR/train.jsonl [--train MORE.jsonl] [--dev DIR/dev.jsonl]

Each training file holds one JSON object a line: {"text", "entities": [{"start", "end", "type"}]} with
character offsets (end exclusive). Korean types follow KLUE (PS, LC, OG; dates, times and quantities are
left to the number parser); English ones are PER, LOC, ORG. The model is written over the shipped one;
`--dev` prints exact-span F1 on a development file (choose settings with it, never with a test split).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text import ner

MODELS = REPO / "src" / "reader" / "data" / "models"
TYPE = {"PS": "PER", "LC": "LOC", "OG": "ORG", "PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def read(paths: list[Path]) -> list[dict]:
    docs = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    return docs


def gold(doc: dict) -> list[tuple[int, int, str]]:
    out = []
    for e in doc["entities"]:
        if e["type"] not in TYPE:
            continue
        start, end, typ = e["start"], e["end"], TYPE[e["type"]]
        if typ == "PER" and not any("\uac00" <= ch <= "\ud7a3" for ch in doc["text"][start:end]):
            words = [(start + s, start + t) for s, t in ner.english_tokens(doc["text"][start:end])]
            k = 0
            while k < len(words) - 1 and doc["text"][words[k][0] : words[k][1]].rstrip(
                "."
            ) in ner.TITLES_EN | {""}:
                k += 1
            start = words[k][0] if words else start
        out.append((start, end, typ))
    return out


def tokens_and_features(docs: list[dict], lang: str) -> list[tuple[list, list]]:
    """(offsets, features) per document, as the reader builds them when it tags."""
    if lang == "ko":
        from reader.text.korean import korean_tokens

        toks = korean_tokens(d["text"] for d in docs)  # one batched Kiwi call
        return [ner.tokens_and_features(d["text"], "ko", next(toks)) for d in docs]
    return [ner.tokens_and_features(d["text"], "en") for d in docs]


def write_common_words(docs: list[dict], path: Path) -> None:
    """The lower-case vocabulary of the English training text, a feature of the English model: written to
    `path` and used by the features of this run."""
    counts: Counter[str] = Counter()
    for doc in docs:
        for s, e in ner.english_tokens(doc["text"]):
            word = doc["text"][s:e]
            if word.isalpha() and word.islower():
                counts[word] += 1
    words = sorted(w for w, c in counts.items() if c >= 2)
    header = "# words written in lower case at least twice in the English training text (train/ner.py)\n"
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    vocabulary = frozenset(words)
    ner.common_words = lambda: vocabulary  # type: ignore[method-assign]
    print(f"{len(words):,} lower-case words -> {path}")


def score(docs: list[dict], predicted: list[list[tuple[int, int, str]]]) -> dict[str, float]:
    tp = tpu = n_gold = n_pred = 0
    for doc, pred in zip(docs, predicted, strict=True):
        g = set(gold(doc))
        p = set(pred)
        n_gold += len(g)
        n_pred += len(p)
        tp += len(g & p)
        tpu += len({(s, e) for s, e, _ in g} & {(s, e) for s, e, _ in p})

    def f1(hit: int) -> float:
        return 2 * hit / (n_gold + n_pred) if n_gold + n_pred else 0.0

    return {"untyped": f1(tpu), "typed": f1(tp), "gold": n_gold, "predicted": n_pred}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=("ko", "en"))
    ap.add_argument("--train", type=Path, action="append", required=True)
    ap.add_argument("--dev", type=Path, default=None)
    ap.add_argument(
        "--c1", type=float, default=0.05, help="L1 penalty (chosen on the dev files, for both languages)"
    )
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--min-freq", type=int, default=1, help="drop features seen fewer times")
    ap.add_argument("--out", type=Path, default=None, help="default: the shipped model")
    args = ap.parse_args()
    import pycrfsuite

    docs = read(args.train)
    random.Random(0).shuffle(docs)
    out = args.out or MODELS / f"ner-{args.lang}.crfsuite"
    if args.lang == "en":
        # beside a model written elsewhere, so trying settings never touches the shipped word list
        words = MODELS / "en-lowercase-words.txt" if args.out is None else out.with_suffix(".words.txt")
        write_common_words(docs, words)
    t0 = time.monotonic()
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, (offsets, feats) in zip(docs, tokens_and_features(docs, args.lang), strict=True):
        trainer.append(feats, ner.labels_from_spans(offsets, gold(doc)))
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(out))
    print(
        f"{len(docs):,} sentences, {sum(len(gold(d)) for d in docs):,} names -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB, {time.monotonic() - t0:.0f} s)"
    )
    if args.dev:
        dev = read([args.dev])
        tagger = pycrfsuite.Tagger()
        tagger.open(str(out))
        predicted = []
        for offsets, feats in tokens_and_features(dev, args.lang):
            labels = tagger.tag(feats) if feats else []
            predicted.append(ner.spans_from_labels(labels, offsets))
        s = score(dev, predicted)
        print(f"dev {args.dev.name}: exact F1 untyped {s['untyped']:.3f}, typed {s['typed']:.3f}")


if __name__ == "__main__":
    main()
