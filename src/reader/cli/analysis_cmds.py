"""`reader align`, `entities`, `link` (on text files), `check` and `reanalyse` (on the library): the
analysis, run from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from .common import CommandError, add_command, open_store, out, read_input, stderr_console

if TYPE_CHECKING:
    from .common import Commands


def register(commands: Commands) -> None:
    aln = add_command(commands, "align", cmd_align, "align the sentences of a Korean and an English text")
    aln.add_argument("ko_file", metavar="KO_FILE")
    aln.add_argument("en_file", metavar="EN_FILE")
    aln.add_argument(
        "--json",
        action="store_true",
        help='print {"ko": [...], "en": [...], "links": [{"ko": [i], "en": [j], "confidence": c}]}',
    )
    aln.add_argument(
        "--one-per-line", action="store_true", help="take each line as one sentence, as given (no splitting)"
    )

    ent = add_command(
        commands, "entities", cmd_entities, "list the names, dates and quantities found in a text"
    )
    ent.add_argument("file", metavar="FILE")
    ent.add_argument("--lang", choices=["ko", "en"], required=True, help="the text's language")
    ent.add_argument(
        "--json",
        action="store_true",
        help='print [{"line", "start", "end", "text", "type"}]; offsets count characters',
    )
    ent.add_argument("--one-per-line", action="store_true", help="analyse each line on its own")

    lnk = add_command(
        commands, "link", cmd_link, "link the names in a Korean text to those in its English translation"
    )
    lnk.add_argument("ko_file", metavar="KO_FILE")
    lnk.add_argument("en_file", metavar="EN_FILE")
    lnk.add_argument("--json", action="store_true", help="print a JSON list of links")
    lnk.add_argument("--one-per-line", action="store_true", help="line n of each file is a translation pair")

    rean = add_command(
        commands,
        "reanalyse",
        cmd_reanalyse,
        "analyse articles again (alignment, entities); rows fixed by hand and notes are kept",
    )
    rean.add_argument("id", type=int, nargs="?", metavar="ID", help="only this article (default: all)")

    chk = add_command(
        commands, "check", cmd_check, "list rows whose Korean and English disagree on a number, date or name"
    )
    chk.add_argument("id", type=int, nargs="?", metavar="ID", help="only this article")
    chk.add_argument("--json", action="store_true", help="print a JSON list (of the alarms)")
    chk.add_argument(
        "--fail",
        action="store_true",
        help=f"exit with status {FOUND_STATUS} when a row disagrees or a sentence is left out (for scripts)",
    )


def cmd_align(args: argparse.Namespace) -> int:
    ko_text, en_text = read_input(args.ko_file, "ko"), read_input(args.en_file, "en")
    if args.one_per_line:
        from ..text.align import align

        ko = ko_text.split("\n") if ko_text else []
        en = en_text.split("\n") if en_text else []
        links = align(ko, en)
    else:
        from ..analysis import align_texts

        aligned = align_texts(ko_text, en_text)
        ko = [s.text(ko_text) for s in aligned.ko]
        en = [s.text(en_text) for s in aligned.en]
        links = aligned.links
    if args.json:
        out(
            json.dumps(
                {
                    "ko": ko,
                    "en": en,
                    "links": [
                        {"ko": list(link.ko), "en": list(link.en), "confidence": round(link.confidence, 4)}
                        for link in links
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    for link in links:
        out(f"[{link.kind} {link.confidence:.2f}]  ko {_indices(link.ko)}  en {_indices(link.en)}")
        for i in link.ko:
            out(f"    한  {ko[i]}")
        for j in link.en:
            out(f"    EN  {en[j]}")
    return 0


def _indices(indices: tuple[int, ...]) -> str:
    return ",".join(map(str, indices)) or "-"


def _library_glossary(args: argparse.Namespace):
    from ..store.glossary import load_glossary

    with open_store(args) as store:
        return load_glossary(store.conn)


def cmd_entities(args: argparse.Namespace) -> int:
    from ..text.entities import find_mentions

    text = read_input(args.file, args.lang)
    glossary = _library_glossary(args)
    lines = text.split("\n") if args.one_per_line else [text]
    found = [
        {"line": n, "start": m.start, "end": m.end, "text": m.text, "type": m.type}
        for n, line in enumerate(lines)
        for m in find_mentions(line, args.lang, glossary)
    ]
    if args.json:
        out(json.dumps(found, ensure_ascii=False))
        return 0
    for m in found:
        where = f"{m['line']}:" if args.one_per_line else ""
        out(f"{where}{m['start']}-{m['end']}  {m['type']:<9}  {m['text']}")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from ..text.entities import find_mentions
    from ..text.linking import link_mentions

    ko_text, en_text = read_input(args.ko_file, "ko"), read_input(args.en_file, "en")
    glossary = _library_glossary(args)
    if args.one_per_line:
        ko_lines, en_lines = ko_text.split("\n"), en_text.split("\n")
        if len(ko_lines) != len(en_lines):
            raise CommandError(
                f"--one-per-line needs as many lines on each side ({len(ko_lines)} Korean, "
                f"{len(en_lines)} English)"
            )
        pairs = list(zip(ko_lines, en_lines))
    else:
        from ..analysis import analyse

        result = analyse(ko_text, en_text, glossary, entities=False)
        pairs = [(ko_text[g.ko_start : g.ko_end], en_text[g.en_start : g.en_end]) for g in result.segments]
    links: list[dict[str, Any]] = []
    for n, (ko, en) in enumerate(pairs):
        ko_m = find_mentions(ko, "ko", glossary) if ko.strip() else []
        en_m = find_mentions(en, "en", glossary) if en.strip() else []
        for link in link_mentions(ko, en, ko_m, en_m, glossary) if ko_m and en_m else []:
            links.append(
                {
                    "line": n,
                    "ko": {"start": link.ko.start, "end": link.ko.end, "text": link.ko.text},
                    "en": {"start": link.en.start, "end": link.en.end, "text": link.en.text},
                    "type": link.type,
                    "how": link.how,
                    **({"guess": True} if link.guess else {}),
                }
            )
    if args.json:
        out(json.dumps(links, ensure_ascii=False))
        return 0
    for shown in links:
        mark = " (guess)" if shown.get("guess") else ""
        out(
            f"{shown['line']:>4}  {shown['type']:<9}  {shown['ko']['text']}  ↔  {shown['en']['text']}   [{shown['how']}]{mark}"
        )
    return 0


def cmd_reanalyse(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from ..reanalysis import reanalyse

    with open_store(args) as store:
        ids = [args.id] if args.id is not None else [a.id for a in store.list_articles()]
        if args.id is not None and store.get_article(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see: reader list)")
        from ..store.glossary import load_glossary

        glossary = load_glossary(store.conn)
        detached = 0
        with Progress(transient=True, console=stderr_console()) as progress:
            task = progress.add_task("Re-analysing", total=len(ids))
            for article_id in ids:
                detached += reanalyse(store.conn, article_id, glossary).get("detached", 0)
                progress.advance(task)
    print(
        f"re-analysed {len(ids)} article(s)"
        + (f"; {detached} note(s) lost their text and are kept as detached" if detached else ""),
        file=sys.stderr,
    )
    return 0


#: `reader check --fail`'s exit status when it finds something (1 is a bad input, 2 a bad command line).
FOUND_STATUS = 3


def cmd_check(args: argparse.Namespace) -> int:
    """Alarms (and, in the text listing, remarks) of the translation check stored with each row."""
    from ..text.findings import is_alarm

    with open_store(args) as store:
        if args.id is not None and store.get_article(args.id) is None:
            raise CommandError(f"no article with id {args.id} (see: reader list)")
        ids = [args.id] if args.id is not None else [a.id for a in store.list_articles()]
        found: list[dict[str, Any]] = []
        all_one_language = True
        for article_id in ids:
            article = store.get_article(article_id)
            if article is None:
                continue  # removed by another process since the list was read
            all_one_language &= not (article.ko_text.strip() and article.en_text.strip())
            for segment in article.segments:
                for reason in segment.issues:
                    found.append(
                        {
                            "article": article_id,
                            "position": segment.position,
                            "ko": segment.ko,
                            "en": segment.en,
                            "reason": reason,
                        }
                    )
    flagged = [f for f in found if is_alarm(f["reason"])]
    status = FOUND_STATUS if args.fail and flagged else 0
    if args.json:
        out(json.dumps(flagged, ensure_ascii=False, indent=2))
        return status
    if not flagged:
        out(
            (
                f"Nothing to compare: article {args.id} has one language only."
                if args.id is not None
                else "Nothing to compare: no article here has both languages."
            )
            if all_one_language
            else "No disagreements found between the Korean and the English."
        )
    for f in found:
        out(f"article {f['article']}, row {f['position'] + 1}: {f['reason']}")
        out(f"    한  {' '.join(f['ko'].split())}")
        out(f"    EN  {' '.join(f['en'].split())}")
    return status
