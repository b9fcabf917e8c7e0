"""`reader fetch` against `reader add URL…` for the same 50 pages, and a second fetch with nothing new.

A local server on 127.0.0.1 serves 25 real Korean–English news pairs (the alignment development set,
`--root`) as 50 pages, each answered after `--delay` seconds (a news site's latency), and two feeds
listing them (a Korean RSS 2.0 feed and an English Atom feed, the edition a few hours after its
original). Each command runs in a fresh process on a fresh library, so model loading is counted.

    python bench/fetch.py [--root EVAL/align] [--delay 0.3] [--stories 25]
"""

from __future__ import annotations

import argparse
import html
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval-dev" / "align"
READER = [sys.executable, "-m", "reader"]


def page(lang: str, text: str) -> bytes:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title = html.escape(paragraphs[0].split(". ")[0][:80])
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article>{body}</article></body></html>"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--delay", type=float, default=0.3, help="seconds before each page is answered")
    parser.add_argument("--stories", type=int, default=25)
    args = parser.parse_args()
    arts = sorted(p for p in args.root.iterdir() if p.is_dir())[: args.stories]
    pages = {}
    for n, art in enumerate(arts):
        pages[f"/ko/{n}"] = page("ko", (art / "ko.txt").read_text("utf-8"))
        pages[f"/en/{n}"] = page("en", (art / "en.txt").read_text("utf-8"))
    hits: Counter = Counter()
    lock = threading.Lock()

    class Site(BaseHTTPRequestHandler):
        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            with lock:
                hits[self.path.split("/")[1]] += 1
            base = f"http://{self.headers['Host']}"
            if self.path in pages:
                time.sleep(args.delay)
                body, kind = pages[self.path], "text/html; charset=utf-8"
            elif self.path == "/ko.rss":
                items = "".join(
                    f"<item><title>{n}</title><link>{base}/ko/{n}</link><guid>ko-{n}</guid>"
                    f"<pubDate>Mon, {1 + n % 28:02d} Nov 2024 03:00:00 GMT</pubDate></item>"
                    for n in range(len(arts))
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>ko</title>{items}</channel></rss>'.encode()
                kind = "application/rss+xml"
            elif self.path == "/en.atom":
                entries = "".join(
                    f"<entry><title>{n}</title><link href='{base}/en/{n}'/><id>en-{n}</id>"
                    f"<updated>2024-11-{1 + n % 28:02d}T09:00:00Z</updated></entry>"
                    for n in range(len(arts))
                )
                body = f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>en</title>{entries}</feed>".encode()
                kind = "application/atom+xml"
            else:
                self.send_response(404)
                self.end_headers()
                return
            if self.path.endswith((".rss", ".atom")) and self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if self.path.endswith((".rss", ".atom")):
                self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = {**os.environ, "NO_COLOR": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        fetched, added = Path(tmp) / "fetched.db", Path(tmp) / "added.db"
        for url, name in ((f"{base}/ko.rss", "ko"), (f"{base}/en.atom", "en")):
            subprocess.run(
                [*READER, "--db", str(fetched), "feeds", "add", url, "--name", name],
                check=True,
                env=env,
                capture_output=True,
            )
        started = time.perf_counter()
        run = subprocess.run(
            [*READER, "--db", str(fetched), "fetch"], env=env, capture_output=True, text=True, check=True
        )
        fetch_seconds = time.perf_counter() - started
        urls = [f"{base}{p}" for p in pages]
        started = time.perf_counter()
        subprocess.run([*READER, "--db", str(added), "add", *urls], env=env, capture_output=True, check=True)
        add_seconds = time.perf_counter() - started
        with sqlite3.connect(fetched) as conn:
            pairs = conn.execute(
                "SELECT ko_url, en_url FROM articles WHERE ko_text != '' AND en_text != ''"
            ).fetchall()
            total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        right = sum(1 for ko, en in pairs if ko.rsplit("/", 1)[1] == en.rsplit("/", 1)[1])
        before = dict(hits)
        again = subprocess.run(
            [*READER, "--db", str(fetched), "fetch"], env=env, capture_output=True, text=True, check=True
        )
        with sqlite3.connect(fetched) as conn:
            total_after = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        page_requests = sum(hits[k] - before.get(k, 0) for k in ("ko", "en"))
    server.shutdown()
    print(f"{len(pages)} pages ({len(arts)} stories), each answered after {args.delay:g} s")
    print(f"  reader fetch: {fetch_seconds:.1f} s  ({run.stdout.strip().splitlines()[0]})")
    print(f"  reader add of the same {len(pages)} addresses: {add_seconds:.1f} s")
    print(f"  pairs made: {len(pairs)}, right {right} of {len(arts)}; articles {total}")
    print(
        f"  second fetch: {page_requests} page requests, articles {total_after - total:+d} "
        f"({again.stdout.strip().splitlines()[0]})"
    )


if __name__ == "__main__":
    main()
