"""Score cross-language entity links and the translation check on hand-labelled sentence pairs.

    python bench/links.py [--gold FILE] [--samples DIR] [--show]

Links: each pair of bench/data/links-gold.jsonl is run through the whole path (find_mentions on both
sides with the bundled glossary, then link_mentions); a predicted link is right when its Korean span
overlaps the gold Korean span and its English span the gold English span of one gold link (each gold
link counts once).  Exact scores need both spans equal.

Check: check_pair must say nothing on every correct pair, and must flag every pair in which one number,
date or weekday of a gold link was corrupted on purpose (on the English side, then on the Korean side).
A pair taken from an article of the sample library is checked with that article's publication date, as
the app checks it (the date is what lets "28일" be set beside "on Thursday"); the hand-written pairs have
none.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text.check import check_pair
from reader.text.entities import default_glossary, find_mentions
from reader.text.linking import link_mentions

_EN_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_EN_ORD = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]
_EN_ORD_SHORT = {"1st": "2nd", "2nd": "3rd", "3rd": "4th"}
_EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_KO_WEEKDAYS = "월화수목금토일"


def _norm(text: str) -> str:
    return " ".join(text.split())


def publication_dates(rows: list[dict], samples: Path) -> dict[str, str]:
    """The publication date of each pair that comes from an article of the sample library: the one article
    whose Korean holds the pair's Korean and whose English holds its English."""
    articles = []
    for path in sorted(samples.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("published"):
            articles.append((_norm(data.get("ko", "")), _norm(data.get("en", "")), data["published"]))
    out: dict[str, str] = {}
    for r in rows:
        found = {p for ko, en, p in articles if _norm(r["ko"]) in ko and _norm(r["en"]) in en}
        if len(found) == 1:
            out[r["id"]] = found.pop()
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_links(rows: list[dict], show: bool) -> None:
    glossary = default_glossary()
    tp = tp_exact = npred = ngold = 0
    by_how: Counter[str] = Counter()
    right_how: Counter[str] = Counter()
    for r in rows:
        ko, en = r["ko"], r["en"]
        km, em = find_mentions(ko, "ko", glossary), find_mentions(en, "en", glossary)
        links = link_mentions(ko, en, km, em, glossary)
        gold = [([tuple(x) for x in g["ko"]], [tuple(x) for x in g["en"]]) for g in r["links"]]
        used: set[int] = set()
        npred += len(links)
        ngold += len(gold)
        for lk in links:
            by_how[lk.how] += 1
            hit = None
            for gi, (gk, ge) in enumerate(gold):
                if (
                    gi not in used
                    and any(overlaps((lk.ko.start, lk.ko.end), k) for k in gk)
                    and any(overlaps((lk.en.start, lk.en.end), e) for e in ge)
                ):
                    hit = gi
                    break
            if hit is not None:
                used.add(hit)
                tp += 1
                right_how[lk.how] += 1
                gk, ge = gold[hit]
                tp_exact += (lk.ko.start, lk.ko.end) in gk and (lk.en.start, lk.en.end) in ge
            elif show:
                print(f"  WRONG {lk.how:15} {lk.ko.text} ↔ {lk.en.text}   [{r['id']}]")
        if show:
            for gi, (gk, ge) in enumerate(gold):
                if gi not in used:
                    print(f"  MISSED {ko[gk[0][0] : gk[0][1]]} ↔ {en[ge[0][0] : ge[0][1]]}   [{r['id']}]")
    p = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    f = 2 * p * rec / (p + rec) if p + rec else 0.0
    pe, re_ = (tp_exact / npred if npred else 0.0), (tp_exact / ngold if ngold else 0.0)
    print(f"links: pairs={len(rows)} gold={ngold} predicted={npred}")
    print(f"  overlap  P={p:.4f} R={rec:.4f} F1={f:.4f}")
    print(f"  exact    P={pe:.4f} R={re_:.4f}")
    print(
        "  by method (right/predicted): "
        + ", ".join(f"{h}:{right_how[h]}/{by_how[h]}" for h in sorted(by_how))
    )


def _other_number(core: str, grouped: bool = True) -> str:
    """A different, plausible value: the next day or year, a tenfold count, a shifted decimal."""
    if "." in core:
        return str(round(float(core) + 1.5, 2))
    n = int(core)
    if n <= 28 and len(core) <= 2:
        return str(n + 1)  # a day or a small count: the next one
    if 1900 <= n <= 2100:
        return str(n + 1)  # a year
    return f"{n * 10:,}" if grouped else str(n * 10)


def corrupt_en(text: str, start: int, end: int) -> str | None:
    """Change the number inside text[start:end] to a different value, the way a slip would."""
    span = text[start:end]
    m = re.search(r"\d[\d,]*(?:\.\d+)?", span)
    if m:
        digits = m.group()
        core = digits.replace(",", "")
        new = _other_number(core)
        return text[:start] + span[: m.start()] + new + span[m.end() :] + text[end:]
    low = span.lower()
    for words in (_EN_ORD, _EN_WORDS):
        for i, w in enumerate(words):
            mm = re.search(rf"\b{w}\b", low)
            if mm and i + 1 < len(words):
                rep = words[i + 1] if i + 1 < len(words) else words[1]
                if span[mm.start()].isupper():
                    rep = rep.capitalize()
                return text[:start] + span[: mm.start()] + rep + span[mm.end() :] + text[end:]
    for a, b in _EN_ORD_SHORT.items():
        if a in span:
            return text[:start] + span.replace(a, b, 1) + text[end:]
    for i, w in enumerate(_EN_WEEKDAYS):
        if w in span:  # "on Thursday" → "on Friday": the day after
            return text[:start] + span.replace(w, _EN_WEEKDAYS[(i + 1) % 7], 1) + text[end:]
    return None


def corrupt_ko(text: str, start: int, end: int) -> str | None:
    span = text[start:end]
    m = re.search(r"\d[\d,]*(?:\.\d+)?", span)
    if not m:
        w = re.search(f"([{_KO_WEEKDAYS}])요일", span)
        if w is None:
            return None
        later = _KO_WEEKDAYS[(_KO_WEEKDAYS.index(w.group(1)) + 1) % 7]  # 목요일 → 금요일
        return text[:start] + span[: w.start(1)] + later + span[w.end(1) :] + text[end:]
    new = _other_number(m.group().replace(",", ""), grouped=False)
    return text[:start] + span[: m.start()] + new + span[m.end() :] + text[end:]


def score_check(rows: list[dict], show: bool, dates: dict[str, str]) -> None:
    glossary = default_glossary()
    false_alarms = 0
    caught = missed = 0
    for r in rows:
        ko, en = r["ko"], r["en"]
        published = dates.get(r["id"])
        reasons = check_pair(ko, en, glossary=glossary, published=published)
        if reasons:
            false_alarms += 1
            if show:
                print(f"  FALSE ALARM [{r['id']}] {reasons}")
        for g in r["links"]:
            (ks, ke), (es, ee) = g["ko"][0], g["en"][0]
            if not re.search(
                r"\d|[a-z]+(?:th|st|nd|rd)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
                r"|[A-Z][a-z]+day\b|요일",
                en[es:ee] + ko[ks:ke],
            ):
                continue  # a name link, not a number, a date or a weekday
            for side, bad in (("en", corrupt_en(en, es, ee)), ("ko", corrupt_ko(ko, ks, ke))):
                if bad is None:
                    continue
                k2, e2 = (ko, bad) if side == "en" else (bad, en)
                if check_pair(k2, e2, glossary=glossary, published=published):
                    caught += 1
                else:
                    missed += 1
                    if show:
                        print(f"  NOT FLAGGED ({side}) [{r['id']}] {k2} | {e2}")
    total = caught + missed
    print(
        f"check: correct pairs={len(rows)} (with a publication date: {len(dates)}) false alarms={false_alarms}; "
        f"corrupted pairs={total} flagged={caught} ({caught / total if total else 0:.1%})"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--gold",
        type=Path,
        nargs="*",
        default=[
            REPO / "bench" / "data" / "links-gold.jsonl",
            REPO / "bench" / "data" / "links-gold-samples.jsonl",
            REPO / "bench" / "data" / "links-gold-heldout.jsonl",
        ],
    )
    ap.add_argument(
        "--samples",
        type=Path,
        default=REPO / "samples",
        help="the sample library, whose publication dates the pairs taken from it are checked with",
    )
    ap.add_argument("--show", action="store_true", help="list wrong and missed links and check failures")
    args = ap.parse_args()
    for path in args.gold:
        with open(path, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        print(f"=== {path.name}")
        score_links(rows, args.show)
        score_check(rows, args.show, publication_dates(rows, args.samples))


if __name__ == "__main__":
    main()
