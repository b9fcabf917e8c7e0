"""Turn the hand-labelled pairs in bench/data/pairs.txt into the gold files the benchmarks read.

    python bench/gold_from_markup.py

writes bench/data/ner-en.jsonl (English side, in the ner-ko gold format: id, text, entities with
character offsets) and bench/data/links-gold.jsonl (per pair: ko, en, and the gold links as
[ko_start, ko_end, en_start, en_end]).  Markup: [surface|TYPE] or [surface|TYPE#key]; equal keys on the
two sides of a pair are a gold link.
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
        spans.append({"start": length, "end": length + len(surface), "type": typ, "text": surface, "key": key})
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


def main() -> None:
    pairs = read_pairs(DATA / "pairs.txt")
    ner, links = [], []
    for i, (ko_raw, en_raw) in enumerate(pairs):
        ko, ko_spans = parse(ko_raw)
        en, en_spans = parse(en_raw)
        pid = f"pair-{i:03d}"
        ner.append({"id": pid, "text": en, "entities": [
            {k: s[k] for k in ("start", "end", "type", "text")} for s in en_spans]})
        ko_by_key = {s["key"]: s for s in ko_spans if s["key"]}
        gold = []
        for s in en_spans:
            k = ko_by_key.get(s["key"]) if s["key"] else None
            if k is not None:
                gold.append([k["start"], k["end"], s["start"], s["end"]])
        links.append({"id": pid, "ko": ko, "en": en, "links": sorted(gold),
                      "ko_entities": [{k: s[k] for k in ("start", "end", "type", "text")} for s in ko_spans]})
    for name, rows in (("ner-en.jsonl", ner), ("links-gold.jsonl", links)):
        with open(DATA / name, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    n_ent = sum(len(r["entities"]) for r in ner)
    n_names = sum(e["type"] in ("PS", "OG", "LC") for r in ner for e in r["entities"])
    print(f"{len(pairs)} pairs; {n_ent} English spans ({n_names} PS/OG/LC); "
          f"{sum(len(r['links']) for r in links)} gold links")


if __name__ == "__main__":
    main()
