"""The translation check on real Korean–English news: how many flagged rows are false alarms, and how
many planted errors it finds.

    python bench/check_news.py --corpus DIR [--dev DIR] [--split tune|held|dev] [--show] [--planted]
    python bench/check_news.py --ko KO --en EN [--docs IDS] --name NAME [--show] [--planted]

DIR holds `korean-english-park.dev.ko` and `.en`, the development portion of the Korean–English news
corpus of Park et al. (github.com/jungyeul/korean-parallel-corpora, `korean-english-news-v1/`, CC BY-SA
3.0): one sentence pair a line, consecutive sentences of news articles.  Each line is checked as a row of
an article, with the lines either side as its neighbours, as the app checks an article's rows.

Splits: `tune` is lines 1–500, used to build the check; `held` is lines 501–1000 less those of the
alignment development articles (`--dev`, the folders of art*/meta.json, whose Korean sentences are left
out), looked at only to report; `dev` is the gold rows of those alignment development articles (a
2-1 link is one row, as in the app), also used to build the check.

False alarms: the corpus pairs some lines with lines that do not translate them, so a flagged row is
judged by reading it.  The judgements are kept in bench/data/check_news_judged.tsv (split, line or
article:row, a hash of the finding, verdict, a note in our own words: no corpus text): `false` — the two
sides say the same and the check is wrong; `error` — they really differ (a mistranslation, a figure left
out or added, a typo on either side: worth a translator's look); `unrelated` — the two lines are not
translations of each other.  The
false-alarm rate is false / (false + error): flags on rows that translate each other.  Findings not yet
judged are counted and, with --show, listed.

Planted errors (--planted): in every row the check leaves silent, one fact of the English is changed at
a time, as a careless translator might — a number, a unit (miles for km, the figure kept), a day or month
of a date, a decade, a regnal number, a country or its people (French for German) — and the row is
checked again, with its neighbours; a planted error is found when the check raises an alarm.

Another line-parallel corpus (--ko, --en: line i of one the translation of line i of the other) is read
the same way, every line a row, its neighbours the lines either side within the same document: --docs
names a file with one document id a line, line-parallel too (as NTREX-128's DOCUMENT_IDS.tsv, or the
`para.docs` that bench/wmt24pp_lines.py writes beside a paragraph a line), and without it the whole
file is one document.  Its rows are labelled by line number under the split NAME in the judgements
file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from reader.text.check import check_pair, is_alarm
from reader.text.check_names import places
from reader.text.entities import default_glossary
from reader.text.numbers import find_quantities
from reader.text.numbers_loose import find_loose_figures

JUDGED = REPO / "bench" / "data" / "check_news_judged.tsv"
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip
_UNIT_SWAP = [("miles", "kilometers"), ("mile", "kilometer"), ("kilometers", "miles"), ("km", "miles"),
              ("feet", "meters"), ("meters", "feet"), ("pounds", "kilograms"), ("kilograms", "pounds"),
              ("percent", "percentage points"), ("acres", "hectares"), ("hectares", "acres"), ("mph", "km/h"),
              ("million", "billion"), ("billion", "million"), ("days", "weeks"), ("weeks", "months"),
              ("months", "years"), ("years", "months"), ("won", "dollars"), ("dollars", "euros")]  # fmt: skip
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
          "XVII"]  # fmt: skip


def read_corpus(corpus: Path) -> tuple[list[str], list[str]]:
    ko = (corpus / "korean-english-park.dev.ko").read_text(encoding="utf-8").split("\n")
    en = (corpus / "korean-english-park.dev.en").read_text(encoding="utf-8").split("\n")
    n = min(len(ko), len(en), 1000)
    return ko[:n], en[:n]


def split_lines(split: str, ko: list[str], dev: Path | None) -> list[int]:
    if split == "tune":
        return list(range(500))
    used: set[str] = set()
    if dev is not None:
        for meta in dev.glob("art*/meta.json"):
            used |= {
                " ".join(s.split()) for s in json.loads(meta.read_text(encoding="utf-8"))["ko_sentences"]
            }
    return [i for i in range(500, len(ko)) if " ".join(ko[i].split()) not in used]


def _key(finding: str) -> str:
    return hashlib.sha1(finding.encode("utf-8")).hexdigest()[:10]


def read_judged() -> dict[tuple[str, str, str], str]:
    out: dict[tuple[str, str, str], str] = {}
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                split, at, key, verdict = line.split("\t")[:4]
                out[(split, at, key)] = verdict
    return out


Rows = tuple[list[str], list[str]]


def read_pairs(ko_file: Path, en_file: Path, docs_file: Path | None) -> list[tuple[str, Rows, int]]:
    """Every line of a line-parallel corpus as a row of its document: (line number, the document's
    rows, the row's index in them)."""
    ko = ko_file.read_text(encoding="utf-8").rstrip("\n").split("\n")
    en = en_file.read_text(encoding="utf-8").rstrip("\n").split("\n")
    docs = docs_file.read_text(encoding="utf-8").rstrip("\n").split("\n") if docs_file else [""] * len(ko)
    if not len(ko) == len(en) == len(docs):
        raise ValueError(
            f"not line-parallel: {len(ko)} Korean, {len(en)} English, {len(docs)} document lines"
        )
    out: list[tuple[str, Rows, int]] = []
    start = 0
    for end in range(1, len(ko) + 1):
        if end == len(ko) or docs[end] != docs[start]:
            rows = (ko[start:end], en[start:end])
            out += [(str(start + i + 1), rows, i) for i in range(end - start)]
            start = end
    return out


def dev_rows(dev: Path) -> list[tuple[str, Rows, int]]:
    """The gold rows of the alignment development articles, each with its article's rows around it: the
    app's own row structure (a 2-1 link is one row), on text used to build the check."""
    out = []
    for art in sorted(dev.glob("art*")):
        meta = json.loads((art / "meta.json").read_text(encoding="utf-8"))
        gold = json.loads((art / "gold.json").read_text(encoding="utf-8"))
        ko = [" ".join(meta["ko_sentences"][i] for i in k) for k, _ in gold]
        en = [" ".join(meta["en_sentences"][i] for i in e) for _, e in gold]
        out += [(f"{art.name}:{i + 1}", (ko, en), i) for i in range(len(gold))]
    return out


def check_row(rows: Rows, i: int, glossary, en_i: str | None = None) -> list[str]:
    ko, en = rows
    before = (ko[i - 1], en[i - 1]) if i > 0 else None
    after = (ko[i + 1], en[i + 1]) if i + 1 < len(ko) else None
    return check_pair(ko[i], en[i] if en_i is None else en_i, glossary=glossary, before=before, after=after)


def plant(ko: str, en: str) -> list[tuple[str, str]]:
    """The English with one fact changed, one version per kind of fact it holds: (kind, changed text)."""
    out: list[tuple[str, str]] = []
    qs = find_quantities(en, "en")
    num = next((q for q in qs if q.kind != "date" and re.search(r"\d", en[q.start : q.end])), None)
    if num is not None:
        span = en[num.start : num.end]
        m = re.search(r"\d[\d,]*(?:\.\d+)?", span)
        if m:
            core = m.group().replace(",", "")
            new = str(round(float(core) + 1.5, 2)) if "." in core else f"{int(core) * 3 + 2:,}"
            out.append(
                ("number", en[: num.start] + span[: m.start()] + new + span[m.end() :] + en[num.end :])
            )
    for q in qs:
        span = en[q.start : q.end]
        swap = next(((a, b) for a, b in _UNIT_SWAP if re.search(rf"\b{re.escape(a)}\b", span)), None)
        if swap and q.kind != "date":
            out.append(
                (
                    "unit",
                    en[: q.start]
                    + re.sub(rf"\b{re.escape(swap[0])}\b", swap[1], span, count=1)
                    + en[q.end :],
                )
            )
            break
    day = next((q for q in qs if q.kind == "date" and q.unit in ("day", "month")), None)
    if day is not None:
        span = en[day.start : day.end]
        if day.unit == "day":
            new = str(int(day.value) % 28 + 2)
            out.append(("date", en[: day.start] + re.sub(r"\d+", new, span, count=1) + en[day.end :]))
        else:
            month = _MONTHS[int(day.value) % 12]
            out.append(("date", en[: day.start] + month + en[day.end :]))
    for q in find_loose_figures(en, "en"):
        span = en[q.start : q.end]
        if q.kind == "decade" and re.search(r"\d0", span):
            new = re.sub(r"(\d)0(?!\d)", lambda m: f"{(int(m.group(1)) + 1) % 10}0", span, count=1)
            out.append(("decade", en[: q.start] + new + en[q.end :]))
            break
    for q in find_loose_figures(en, "en"):
        if q.kind == "regnal" and int(q.value) < len(_ROMAN) - 1:
            out.append(("regnal", en[: q.start] + _ROMAN[int(q.value)] + en[q.end :]))
            break
    out += _plant_place(ko, en)
    return out


_PEOPLE = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|i|ch|ic|k)s?")
_NAME_OR_PEOPLE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")


def _plant_place(ko: str, en: str) -> list[tuple[str, str]]:
    """A country the Korean names given as another throughout the English: France → Germany and French →
    German wherever they stand (a country left right in one place is still named)."""
    rows = places()
    for i, place in enumerate(rows):
        if not any(f in ko for f in place.ko):
            continue
        other = next(r for r in rows[i + 1 :] + rows[:i] if not any(k in ko for k in r.ko))
        changed = en
        for attr, pattern in (("en", _NAME_OR_PEOPLE), ("other", _PEOPLE)):
            theirs = [g for g in getattr(other, attr) if pattern.fullmatch(g)] or list(other.en)
            for f, form in enumerate(getattr(place, attr)):
                if pattern.fullmatch(form):
                    new = theirs[min(f, len(theirs) - 1)]
                    # not inside a longer name of another place ("Korea" in "North Korea")
                    longer = "|".join(
                        re.escape(g) for p in rows for g in p.english if form in g and g != form
                    )
                    guard = rf"(?<!\w)(?:{longer})(?!\w)" if longer else None
                    covered = [m.span() for m in re.finditer(guard, changed)] if guard else []
                    changed = re.sub(
                        rf"(?<![\w.]){re.escape(form)}(?![\w])",
                        lambda m, new=new, covered=covered: (
                            m.group() if any(a <= m.start() < b for a, b in covered) else new
                        ),
                        changed,
                    )
        if changed != en:
            return [("place", changed)]
    return []


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="folder with korean-english-park.dev.ko/.en")
    ap.add_argument("--ko", type=Path, help="another corpus: its Korean lines (with --en)")
    ap.add_argument("--en", type=Path, help="another corpus: its English lines, line-parallel")
    ap.add_argument("--docs", type=Path, help="another corpus: one document id a line, line-parallel")
    ap.add_argument("--name", default="pairs", help="another corpus: its split name in the judgements")
    ap.add_argument("--dev", type=Path, default=REPO.parent / "shared" / "eval-dev" / "align")
    ap.add_argument("--split", choices=("tune", "held", "dev"), default="tune")
    ap.add_argument("--show", action="store_true", help="print every flagged row and its verdict")
    ap.add_argument("--planted", action="store_true", help="also plant errors and count those found")
    args = ap.parse_args()
    if (args.ko is None) != (args.en is None):
        ap.error("--ko and --en go together")
    if args.ko is not None:
        if any(".test." in f.name or "devtest" in f.name for f in (args.ko, args.en)):
            ap.error("a benchmark's test portion is not for this")
        try:
            todo = read_pairs(args.ko, args.en, args.docs)
        except (OSError, UnicodeDecodeError, ValueError) as err:
            ap.error(f"cannot read the corpus: {err}")
        args.split = args.name
    elif args.split == "dev":
        if not args.dev.exists():
            ap.error(f"no alignment development set at {args.dev}")
        todo = dev_rows(args.dev)
    else:
        if args.corpus is None:
            ap.error("--corpus is needed for the tune and held splits")
        ko, en = read_corpus(args.corpus)
        lines = split_lines(args.split, ko, args.dev if args.dev.exists() else None)
        todo = [(str(i + 1), (ko, en), i) for i in lines]
    glossary = default_glossary()
    judged = read_judged()
    verdicts: Counter[str] = Counter()
    rows = flagged = 0
    silent: list[tuple[str, Rows, int]] = []
    for label, pairs, i in todo:
        ko_i, en_i = pairs[0][i], pairs[1][i]
        if not ko_i.strip() or not en_i.strip():
            continue
        rows += 1
        found = [r for r in check_row(pairs, i, glossary) if is_alarm(r)]
        if not found:
            silent.append((label, pairs, i))
            continue
        flagged += 1
        row_verdicts = [judged.get((args.split, label, _key(r)), "unjudged") for r in found]
        # a row is a false alarm when every alarm on it is false; an error when one of them is right
        verdict = (
            "error" if "error" in row_verdicts
            else "unrelated" if "unrelated" in row_verdicts
            else "unjudged" if "unjudged" in row_verdicts
            else "false"
        )  # fmt: skip
        verdicts[verdict] += 1
        if args.show:
            print(f"[{args.split} {label}] {verdict}")
            for r, v in zip(found, row_verdicts, strict=True):
                print(f"   {_key(r)}  {v:9} {r}")
            print(f"   K {ko_i}\n   E {en_i}")
    judged_rows = verdicts["false"] + verdicts["error"]
    print(f"split={args.split}: rows={rows} flagged={flagged} ({flagged / max(rows, 1):.1%})")
    print(
        f"  judged: false alarm={verdicts['false']}, real difference={verdicts['error']}, "
        f"lines not translations of each other={verdicts['unrelated']}, unjudged={verdicts['unjudged']}"
    )
    if judged_rows:
        print(f"  false alarms among flagged rows that translate each other: {verdicts['false']} of {judged_rows}"
              f" = {verdicts['false'] / judged_rows:.1%}")  # fmt: skip
    if args.planted:
        caught: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for label, pairs, i in silent:
            for kind, changed in plant(pairs[0][i], pairs[1][i]):
                total[kind] += 1
                if any(is_alarm(r) for r in check_row(pairs, i, glossary, en_i=changed)):
                    caught[kind] += 1
                elif args.show:
                    print(f"  MISSED {kind} [{args.split} {label}]: {changed}")
        print(
            f"  planted errors found: {sum(caught.values())} of {sum(total.values())} "
            f"({sum(caught.values()) / max(sum(total.values()), 1):.1%}); "
            + ", ".join(f"{k} {caught[k]}/{total[k]}" for k in sorted(total))
        )


if __name__ == "__main__":
    main()
