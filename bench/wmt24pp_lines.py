"""Line-parallel Korean and English files, with a document id a line, from WMT24++'s English–Korean file,
for bench/check_news.py and bench/build_heldback.py.

usage: python bench/wmt24pp_lines.py JSONL --out DIR [--domain news] [--korean target|original_target]

JSONL is WMT24++'s `en-ko_KR.jsonl` (Deutsch et al. 2025, Apache 2.0; one JSON object a segment with
`domain`, `document_id`, `is_bad_source`, the English `source`, the professional Korean translation
`original_target` and its post-edit `target`, the reference to use). Its segments are paragraphs of
English news stories (WMT24's news test documents) and their Korean translations, so DIR gets:

- `para.ko`, `para.en`, `para.docs`: a paragraph a line, the document's id beside it, for the check (a row
  of the check is then a paragraph, not a sentence);
- `sent.ko`, `sent.en`, `sent.docs`: a sentence a line, for the alignment articles, from the paragraphs
  whose two sides split into as many sentences (split here by punctuation alone, not by the reader's own
  splitter, so the gold does not lean on what it measures), paired in order; a paragraph whose two
  sides split into different numbers of sentences (a translator's merge or split, or a splitting this
  rule gets wrong) is left out, and an empty line stands in its place so that no article runs across
  the gap.

Segments marked `is_bad_source` are left out, as the WMT24++ authors advise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

# English: a full stop, question or exclamation mark (and any closing quotes or brackets) before a space
# and a capital, a digit or an opening quote, unless the word before is a title, a month or an initial.
_EN_END = re.compile(r"""(?<=[.!?])["'”’)\]]*\s+(?=["'“‘(]?[A-Z0-9])""")
_EN_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Prof|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Rev|Mt|No|Vol|vs|etc|Inc|Ltd|Co|Corp"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|a\.m|p\.m|U\.S|U\.K|U\.N|E\.U)|\b[A-Z])\.$"
)
# Korean: a full stop, question or exclamation mark after a Hangul syllable or a closing quote or bracket
# (and any closing quotes or brackets after it), before a space.
_KO_END = re.compile(r"""(?<=[가-힣"'”’)\]][.!?])["'”’)\]]*\s+""")


def split_en(text: str) -> list[str]:
    """The English paragraph's sentences, by punctuation."""
    out: list[str] = []
    start = 0
    for m in _EN_END.finditer(text):
        if _EN_ABBREV.search(text[start : m.start()]):
            continue
        out.append(text[start : m.start()].strip() + m.group().strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def split_ko(text: str) -> list[str]:
    """The Korean paragraph's sentences, by punctuation."""
    out: list[str] = []
    start = 0
    for m in _KO_END.finditer(text):
        out.append(text[start : m.start()].strip() + m.group().strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def one_line(text: str) -> str:
    return " ".join(text.split())


def paragraphs(rows: list[dict[str, object]], domain: str, korean: str) -> list[tuple[str, str, str]]:
    """(Korean, English, document id) of each usable segment of the domain, in the file's order."""
    out = []
    for row in rows:
        if row.get("domain") != domain or row.get("is_bad_source"):
            continue
        ko, en = one_line(str(row.get(korean, ""))), one_line(str(row.get("source", "")))
        if ko and en:
            out.append((ko, en, str(row["document_id"])))
    return out


def sentences(paras: list[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], int]:
    """Sentence pairs of the paragraphs whose sides split alike, an empty pair where one is left out;
    and how many paragraphs were left out."""
    out: list[tuple[str, str, str]] = []
    dropped = 0
    for ko, en, doc in paras:
        ko_s, en_s = split_ko(ko), split_en(en)
        if len(ko_s) == len(en_s):
            out += [(k, e, doc) for k, e in zip(ko_s, en_s, strict=True)]
        else:
            dropped += 1
            if out and out[-1][0]:
                out.append(("", "", doc))
    return out, dropped


def write(out: Path, stem: str, triples: list[tuple[str, str, str]]) -> None:
    for i, suffix in enumerate(("ko", "en", "docs")):
        (out / f"{stem}.{suffix}").write_text("".join(t[i] + "\n" for t in triples), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, help="WMT24++'s en-ko_KR.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the files into")
    parser.add_argument("--domain", default="news", help="news, literary, social or speech")
    parser.add_argument("--korean", choices=("target", "original_target"), default="target")
    args = parser.parse_args(argv)
    try:
        rows = [
            json.loads(line) for line in args.jsonl.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        parser.error(f"cannot read {args.jsonl}: {err}")
    if not all(isinstance(r, dict) for r in rows):
        parser.error(f"{args.jsonl} is not one JSON object a line")
    paras = paragraphs(rows, args.domain, args.korean)
    if not paras:
        parser.error(f"no usable {args.domain} segments in {args.jsonl}")
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out, "para", paras)
    sents, dropped = sentences(paras)
    write(args.out, "sent", sents)
    docs = len({d for _, _, d in paras})
    pairs = sum(1 for k, _, _ in sents if k)
    print(
        f"{len(paras)} paragraphs of {docs} documents; {pairs} sentence pairs from the "
        f"{len(paras) - dropped} whose sides split alike ({dropped} left out), in {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
