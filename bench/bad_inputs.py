"""Feed `reader` every kind of bad input a user can give it; count clean refusals and tracebacks.

    python bench/bad_inputs.py

Each case runs the real command in a fresh process on a scratch library and passes when the command
either succeeds or exits non-zero with exactly one line on stderr — never a traceback — and the library
file is unchanged after a refusal. A batch (JSON Lines, a folder) keeps its good articles and prints a
summary line with one line per failure under it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path


def cases(d: Path, lib: Path) -> list[tuple[str, list[str]]]:
    (d / "empty.txt").write_text("")
    (d / "blank.txt").write_text(" \n\n \t")
    (d / "binary.bin").write_bytes(bytes(range(256)) * 64)
    (d / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    (d / "bad.json").write_text('{"ko": "가", ')
    (d / "list.json").write_text("[1, 2, 3]")
    (d / "types.json").write_text('{"ko": 5, "en": ["x"]}')
    (d / "nokeys.json").write_text('{"title_ko": "제목"}')
    (d / "date.json").write_text('{"ko": "가나다.", "published": "2024-02-30"}')
    (d / "unknown.json").write_text('{"ko": "가나다.", "body": "x"}')
    (d / "bad.jsonl").write_text('{"ko": "가."}\n{broken\n')
    (d / "glossary.csv").write_text("a,b\n1,2\n")
    (d / "glossary2.csv").write_text("ko,en,type\n,Nobody,PLACE\n")
    (d / "page.html").write_text("<html><body><script>x</script></body></html>")
    (d / "emptydir").mkdir()
    (d / "notopml.opml").write_text("<html><body>not a list of feeds</body></html>")
    (d / "broken.opml").write_text("<opml><body><outline xmlUrl=")
    (d / "nofeeds.opml").write_text('<opml version="2.0"><body><outline text="folder"/></body></opml>')
    (d / "ko.txt").write_text("북한군이 배치됐다.")
    (d / "en.txt").write_text("North Korean troops were deployed.")
    (d / "misnamed").mkdir()
    (d / "misnamed" / "story_ko.txt").write_text("This is English, though the name says Korean.")
    (d / "notdb.db").write_text("just text " * 100)
    (d / "garbage.db").write_bytes(os.urandom(8192))
    # Halves of UTF-16 pairs, as JSON escapes can carry them; SQLite cannot store them as text.
    (d / "surrogates.json").write_text(
        '{"ko": "북한군\\ud800이 배치됐다.", "title_ko": "제목\\udfff", "source": "\\udc80통신"}'
    )
    foreign = d / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    newer = d / "newer.db"
    subprocess.run(
        [sys.executable, "-m", "reader.cli", "--db", str(newer), "list"], capture_output=True, check=True
    )
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    truncated = d / "truncated.db"
    truncated.write_bytes(lib.read_bytes()[: lib.stat().st_size // 3])
    L = ["--db", str(lib)]
    return [
        ("missing file", L + ["add", "--ko", str(d / "missing.txt")]),
        ("empty file", L + ["add", "--ko", str(d / "empty.txt")]),
        ("blank file", L + ["add", "--en", str(d / "blank.txt")]),
        ("binary file", L + ["add", "--ko", str(d / "binary.bin")]),
        ("PNG named .txt", L + ["add", "--ko", str(d / "png.txt")]),
        ("malformed JSON", L + ["add", str(d / "bad.json")]),
        ("JSON list of numbers", L + ["add", str(d / "list.json")]),
        ("JSON wrong types", L + ["add", str(d / "types.json")]),
        ("JSON without text", L + ["add", str(d / "nokeys.json")]),
        ("JSON impossible date", L + ["add", str(d / "date.json")]),
        ("JSON unknown field", L + ["add", str(d / "unknown.json")]),
        ("JSON Lines with a broken line", L + ["add", str(d / "bad.jsonl")]),
        ("bad --date", L + ["add", "--ko", str(d / "ko.txt"), "--date", "yesterday"]),
        ("JSON with lone surrogates in text, title and source", L + ["add", str(d / "surrogates.json")]),
        # Arguments holding bytes that are not UTF-8 reach Python as lone surrogates (\udcff is byte 0xFF).
        ("title that is not UTF-8", L + ["add", "--ko", str(d / "ko.txt"), "--title-ko", "\udcff\udcfe제목"]),
        (
            "glossary form that is not UTF-8",
            L + ["glossary", "add", "--ko", "\udcff가", "--en", "A", "--type", "PLACE"],
        ),
        ("search that is not UTF-8", L + ["search", "\udcff가나"]),
        ("HTML without an article", L + ["add", str(d / "page.html")]),
        ("empty folder", L + ["add", str(d / "emptydir")]),
        ("unreachable URL", L + ["add", "http://127.0.0.1:9/article"]),
        ("malformed URL", L + ["add", "http://"]),
        ("stdin not JSON", L + ["add", "-"]),
        ("nothing to add", L + ["add"]),
        ("English file given as --ko", L + ["add", "--ko", str(d / "en.txt")]),
        (
            "empty file on one side of a pair",
            L + ["add", "--ko", str(d / "ko.txt"), "--en", str(d / "empty.txt")],
        ),
        ("folder file whose name says the wrong language", L + ["add", str(d / "misnamed")]),
        ("rm unknown id among known", L + ["rm", "1", "999"]),
        ("rm a word for an id", L + ["rm", "first"]),
        ("edit impossible date", L + ["edit", "1", "--date", "2024-02-30"]),
        ("edit unknown id", L + ["edit", "999", "--source", "x"]),
        ("edit with nothing to change", L + ["edit", "1"]),
        ("export unknown id", L + ["export", "999"]),
        ("check unknown id", L + ["check", "999"]),
        ("reanalyse unknown id", L + ["reanalyse", "999"]),
        ("translate without engine", L + ["translate", "1"]),
        ("search with nothing searchable", L + ["search", "!!!"]),
        ("glossary CSV without columns", L + ["glossary", "import", str(d / "glossary.csv")]),
        ("glossary CSV missing a form", L + ["glossary", "import", str(d / "glossary2.csv")]),
        ("glossary bad type", L + ["glossary", "add", "--ko", "가", "--en", "A", "--type", "FRUIT"]),
        ("glossary remove unknown", L + ["glossary", "remove", "99999"]),
        ("backup into a missing folder", L + ["db", "backup", str(d / "no" / "b.db")]),
        ("notes export to a missing folder", L + ["notes", "export", "-o", str(d / "no" / "n.md")]),
        ("align missing files", ["align", str(d / "x.txt"), str(d / "y.txt")]),
        ("entities of a binary file", ["entities", str(d / "binary.bin"), "--lang", "ko"]),
        ("feed address without a scheme", L + ["feeds", "add", "news.example.kr/rss"]),
        ("feed where nothing answers", L + ["feeds", "add", "http://127.0.0.1:9/rss.xml"]),
        ("feed that is a local file's path", L + ["feeds", "add", "file:///etc/hostname"]),
        ("feed removed that is not followed", L + ["feeds", "rm", "nobody"]),
        ("OPML that is an HTML page", L + ["feeds", "import", str(d / "notopml.opml")]),
        ("OPML cut short", L + ["feeds", "import", str(d / "broken.opml")]),
        ("OPML without feeds", L + ["feeds", "import", str(d / "nofeeds.opml")]),
        ("OPML file missing", L + ["feeds", "import", str(d / "missing.opml")]),
        ("fetch with no feeds", L + ["fetch"]),
        ("fetch an unknown feed", L + ["fetch", "--feed", "nobody"]),
        ("fetch with a zero timeout", L + ["fetch", "--timeout", "0"]),
        ("pair an article with itself", L + ["pair", "1", "1"]),
        ("pair an article that has both languages", L + ["pair", "1", "999"]),
        ("pair unknown articles", L + ["pair", "998", "999"]),
        ("unpair an unknown article", L + ["unpair", "999"]),
        ("library is a text file", ["--db", str(d / "notdb.db"), "list"]),
        ("library is random bytes", ["--db", str(d / "garbage.db"), "list"]),
        ("library is another program's SQLite", ["--db", str(foreign), "list"]),
        ("library from a newer reader", ["--db", str(newer), "list"]),
        ("library truncated", ["--db", str(truncated), "list"]),
        ("library in a missing folder", ["--db", str(d / "no" / "lib.db"), "list"]),
        ("library is a folder", ["--db", str(d / "emptydir"), "list"]),
    ]


def main() -> None:
    tried = clean = tracebacks = 0
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        lib = d / "library.db"
        doc = d / "seed.json"
        doc.write_text(
            json.dumps(
                {"ko": "북한군 1만1000명이 쿠르스크에 배치됐다.", "en": "About 11,000 troops are in Kursk."}
            )
        )
        subprocess.run(
            [sys.executable, "-m", "reader.cli", "--db", str(lib), "add", str(doc)],
            check=True,
            capture_output=True,
        )
        for name, args in cases(d, lib):
            before = lib.read_bytes()
            proc = subprocess.run(
                [sys.executable, "-m", "reader.cli", *args],
                capture_output=True,
                text=True,
                input="not json at all",
                check=False,  # the exit status is what is measured
                env={**os.environ, "READER_STATE_DIR": tmp},
            )
            lines = proc.stderr.strip().splitlines()
            traceback = "Traceback" in proc.stderr
            # a batch adds what it can and lists each failure under its summary line
            batch = bool(lines) and lines[0].startswith("reader: added ")
            refused = len(lines) == 1 and lib.read_bytes() == before
            ok = not traceback and (proc.returncode == 0 or refused or batch)
            tried += 1
            clean += ok
            tracebacks += traceback
            mark = "ok " if ok else "BAD"
            print(f"{mark} exit {proc.returncode}  {name}: {lines[-1] if lines else '(no message)'}")
    print(f"bad inputs tried: {tried}; handled cleanly: {clean}; tracebacks: {tracebacks}")


if __name__ == "__main__":
    main()
