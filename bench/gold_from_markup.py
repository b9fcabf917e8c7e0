"""Turn the hand-labelled pairs in bench/data/pairs.txt into the gold files the benchmarks read.

    python bench/gold_from_markup.py

writes, for bench/data/pairs.txt (our own pairs) and bench/data/pairs-samples.txt (the sample library),
ner-en[-samples].jsonl and ner-ko[-samples].jsonl (each side, in the ner-ko gold format: id, text,
entities with character offsets) and links-gold[-samples].jsonl (per pair: ko, en, and the gold links, each a list of Korean spans
and a list of English spans that may stand for the thing).  Markup: [surface|TYPE] or [surface|TYPE#key];
equal keys on the two sides of a pair are a gold link; keys 1, 1b, 1c are one thing written several ways.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_TAG = re.compile(r"\[([^\[\]|]+)\|([A-Z]+)(?:#(\w+))?\]")


def parse(line: str) -> tuple[str, list[dict]]:
    """Plain text and its labelled spans."""
    out, spans, pos = [], [], 0
    length = 0
    for m in _TAG.finditer(line):
        out.append(line[pos : m.start()])
        length += m.start() - pos
        surface, typ, key = m.group(1), m.group(2), m.group(3)
        spans.append(
            {"start": length, "end": length + len(surface), "type": typ, "text": surface, "key": key}
        )
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]
    return text, spans


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs, ko = [], None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("ko: "):
            ko = raw[4:]
        elif raw.startswith("en: "):
            if ko is None:
                raise ValueError(f"English line without Korean: {raw}")
            pairs.append((ko, raw[4:]))
            ko = None
    return pairs


SOURCES = (
    ("pairs.txt", "", "pair"),
    ("pairs-samples.txt", "-samples", "sample"),
    ("pairs-heldout.txt", "-heldout", "heldout"),
)


def _base_key(key: str | None) -> str | None:
    """Keys 1, 1b, 1c name one thing written several ways (북대서양조약기구, NATO, 나토)."""
    return key.rstrip("abcdefgh") if key else None


def build(markup: Path, prefix: str) -> tuple[list[dict], list[dict], list[dict]]:
    ner, ner_ko, links = [], [], []
    for i, (ko_raw, en_raw) in enumerate(read_pairs(markup)):
        ko, ko_spans = parse(ko_raw)
        en, en_spans = parse(en_raw)
        pid = f"{prefix}-{i:03d}"
        ner.append(
            {
                "id": pid,
                "text": en,
                "entities": [{k: s[k] for k in ("start", "end", "type", "text")} for s in en_spans],
            }
        )
        ner_ko.append(
            {
                "id": pid,
                "text": ko,
                "entities": [{k: s[k] for k in ("start", "end", "type", "text")} for s in ko_spans],
            }
        )
        gold = []
        # an alias key written on both sides (MSMT beside MSMT) is a link of its own; on one side only, it is
        # another form of its base key's thing
        both = {s["key"] for s in ko_spans if s["key"]} & {s["key"] for s in en_spans if s["key"]}

        def group(key: str | None, both: set[str] = both) -> str | None:
            return key if key in both else _base_key(key)

        keys = sorted({group(s["key"]) for s in ko_spans + en_spans if s["key"]}, key=str)
        for key in keys:
            ks = [[s["start"], s["end"]] for s in ko_spans if s["key"] and group(s["key"]) == key]
            es = [[s["start"], s["end"]] for s in en_spans if s["key"] and group(s["key"]) == key]
            if ks and es:
                gold.append({"ko": ks, "en": es})
        links.append(
            {
                "id": pid,
                "ko": ko,
                "en": en,
                "links": gold,
                "ko_entities": [{k: s[k] for k in ("start", "end", "type", "text")} for s in ko_spans],
            }
        )
    return ner, ner_ko, links


def main() -> None:
    for fname, suffix, prefix in SOURCES:
        ner, ner_ko, links = build(DATA / fname, prefix)
        for name, rows in (
            (f"ner-en{suffix}.jsonl", ner),
            (f"ner-ko{suffix}.jsonl", ner_ko),
            (f"links-gold{suffix}.jsonl", links),
        ):
            with open(DATA / name, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        n_ent = sum(len(r["entities"]) for r in ner)
        n_names = sum(e["type"] in ("PS", "OG", "LC") for r in ner for e in r["entities"])
        print(
            f"{fname}: {len(ner)} pairs; {n_ent} English spans ({n_names} PS/OG/LC); "
            f"{sum(len(r['links']) for r in links)} gold links"
        )


if __name__ == "__main__":
    main()
