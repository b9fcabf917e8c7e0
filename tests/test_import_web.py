"""`reader add URL` and saved pages, against a real web server on 127.0.0.1 started by the test.

Every failure a user can meet on the web (404, a page that never finishes, a page too big to be an
article, a refused connection, a redirect loop, a picture instead of a page) is one line, and the
library is left as it was.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from reader.importers.errors import ImportProblem
from reader.importers.web import fetch, page_from_url
from reader.store import Store
from servers import serving, url_of

KO_PARAGRAPHS = [
    "국방부는 26일 북한군 약 1만1000명이 러시아 쿠르스크 지역에 배치된 것으로 파악된다고 밝혔다.",
    "국방부 대변인은 정례 브리핑에서 추가 파병 가능성도 배제할 수 없다며 동향을 면밀히 주시하고 있다고 말했다.",
    "정부는 이날 국가안보회의를 열고 대응 방안을 논의했다. 회의에는 외교부 장관과 통일부 장관이 참석했다.",
]
EN_PARAGRAPHS = [
    (
        "About 11,000 North Korean troops are believed to have been deployed to Russia's Kursk region, the "
        "Defence Ministry said on the 26th."
    ),
    (
        "A ministry spokesperson told a regular briefing that further deployments could not be ruled out and that "
        "the situation was being watched closely."
    ),
    (
        "The government held a National Security Council meeting the same day to discuss its response. The foreign "
        "and unification ministers attended."
    ),
]


def page(title: str, paragraphs: list[str], lang: str, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}"><title>{title} | Daily Test</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Daily Test">
<meta property="article:published_time" content="2024-11-26T09:30:00+09:00">
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/world">World</a></nav></header>
<main><article><h1>{title}</h1>
{body}</article></main>
<footer><p>Copyright Daily Test. All rights reserved.</p></footer>
</body></html>"""


KO_PAGE = page("북한군 1만1000명 쿠르스크 배치", KO_PARAGRAPHS, "ko")
EN_PAGE = page("11,000 North Korean troops in Kursk", EN_PARAGRAPHS, "en")
HUGE = 11 * 1024 * 1024


class Pages(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        route = self.path
        if route == "/ko":
            self.send(200, KO_PAGE.encode())
        elif route == "/en":
            self.send(200, EN_PAGE.encode())
        elif route == "/euc-kr":  # declared only in the HTTP header
            self.send(
                200,
                page("북한군 쿠르스크 배치", KO_PARAGRAPHS, "ko", "euc-kr").encode("euc-kr"),
                "text/html; charset=EUC-KR",
            )
        elif route == "/euc-kr-meta":  # declared only inside the page
            self.send(
                200,
                page("북한군 쿠르스크 배치", KO_PARAGRAPHS[:2], "ko", "euc-kr").encode("euc-kr"),
                "text/html",
            )
        elif route == "/moved":
            self.send_response(302)
            self.send_header("Location", "/ko")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif route == "/slow":
            time.sleep(3)
            self.send(200, KO_PAGE.encode())
        elif route == "/trickle":  # answers at once, then never finishes
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<p>" + "가".encode() * 10 + b"</p>\n")
                self.wfile.flush()
                time.sleep(0.1)
        elif route == "/huge":  # no Content-Length: the size is only known by reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>\n"
            sent = 0
            try:
                while sent <= HUGE:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the client hung up once it had enough: what we want
        elif route == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE))
            self.end_headers()
        elif route == "/picture":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        elif route == "/empty":
            self.send(200, b"<html><body><nav>Home</nav></body></html>")
        else:
            self.send(404, b"<h1>Not Found</h1>")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # a client hanging up early is expected here
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(QuietServer(("127.0.0.1", 0), Pages)) as server:
        yield url_of(server)


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(db: Path) -> list[tuple]:
    if not db.exists():
        return []
    with Store.open(db) as store:
        return [tuple(r) for t in ("articles", "segments") for r in store.conn.execute(f"SELECT * FROM {t}")]


def test_korean_page_by_url(db_path, site, capsys) -> None:
    code, out, err = run(db_path, "add", f"{site}/moved", capsys=capsys)
    assert code == 0, err
    with Store.open(db_path) as store:
        article = store.get_article(int(out))
    assert article.title_ko == "북한군 1만1000명 쿠르스크 배치"
    assert article.en_text == "" and article.title_en == ""
    assert article.url == f"{site}/ko"  # where the redirect led
    assert article.source == "Daily Test" and article.published == "2024-11-26"
    for paragraph in KO_PARAGRAPHS:
        assert paragraph in article.ko_text
    assert "Copyright" not in article.ko_text and "Politics" not in article.ko_text
    assert len({s.paragraph for s in article.segments}) >= 3


def test_english_page_goes_to_the_english_side(db_path, site, capsys) -> None:
    code, out, err = run(db_path, "add", f"{site}/en", capsys=capsys)
    assert code == 0, err
    with Store.open(db_path) as store:
        article = store.get_article(int(out))
    assert article.ko_text == "" and article.title_en == "11,000 North Korean troops in Kursk"
    assert EN_PARAGRAPHS[1] in article.en_text


def test_two_urls_make_one_bilingual_article(db_path, site, capsys) -> None:
    code, out, err = run(db_path, "add", "--ko", f"{site}/ko", "--en", f"{site}/en", capsys=capsys)
    assert code == 0, err
    with Store.open(db_path) as store:
        article = store.get_article(int(out))
        assert store.count_articles() == 1
    assert article.title_ko.startswith("북한군") and article.title_en.startswith("11,000")
    pairs = [(s.ko, s.en) for s in article.segments]
    assert any("1만1000명" in ko and "11,000" in en for ko, en in pairs)


def test_url_and_text_file_sides_mix(db_path, site, tmp_path, capsys) -> None:
    en = tmp_path / "en.txt"
    en.write_text("\n\n".join(EN_PARAGRAPHS))
    code, out, err = run(
        db_path, "add", "--ko", f"{site}/ko", "--en", str(en), "--date", "2024-11-27", capsys=capsys
    )
    assert code == 0, err
    with Store.open(db_path) as store:
        article = store.get_article(int(out))
    assert article.published == "2024-11-27"  # the command line wins over the page
    assert article.en_text.startswith("About 11,000") and "1만1000명" in article.ko_text


@pytest.mark.parametrize("route", ["/euc-kr", "/euc-kr-meta"])
def test_euc_kr_pages_are_decoded(site, route) -> None:
    got = page_from_url(f"{site}{route}")
    assert got.lang == "ko"
    assert KO_PARAGRAPHS[0] in got.text and got.title == "북한군 쿠르스크 배치"


def test_saved_page_file(db_path, tmp_path, capsys) -> None:
    saved = tmp_path / "article.html"
    saved.write_bytes(page("북한군 쿠르스크 배치", KO_PARAGRAPHS, "ko", "euc-kr").encode("cp949"))
    code, out, err = run(db_path, "add", str(saved), capsys=capsys)
    assert code == 0, err
    with Store.open(db_path) as store:
        article = store.get_article(int(out))
    assert KO_PARAGRAPHS[2] in article.ko_text and article.published == "2024-11-26"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    "args, message",
    [
        (lambda site: [f"{site}/missing"], "HTTP 404"),
        (lambda site: [f"{site}/slow", "--timeout", "0.5"], "no complete answer within 0.5 seconds"),
        (lambda site: [f"{site}/trickle", "--timeout", "1"], "no complete answer within 1 seconds"),
        (lambda site: [f"{site}/huge"], "larger than the 10 MB limit"),
        (lambda site: [f"{site}/declared-huge"], "larger than the 10 MB limit"),
        (lambda site: [f"{site}/loop"], "redirects"),
        (lambda site: [f"{site}/picture"], "image/png, not a web page"),
        (lambda site: [f"{site}/empty"], "no article text"),
        (lambda site: [f"http://127.0.0.1:{closed_port()}/a"], "cannot connect"),
        (lambda site: ["--ko", f"{site}/en"], "looks English, not Korean"),
        (lambda site: ["--ko", f"{site}/ko", "--en", f"{site}/missing"], "HTTP 404"),
    ],
)
def test_every_web_failure_is_one_line_and_changes_nothing(
    db_path, site, tmp_path, capsys, args, message
) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text("Already here. Two sentences.")
    assert run(db_path, "add", str(seed), capsys=capsys)[0] == 0
    before = snapshot(db_path)
    started = time.monotonic()
    code, out, err = run(db_path, "add", *args(site), capsys=capsys)
    assert code == 1 and out == ""
    assert message in err and err.startswith("reader: ") and err.count("\n") == 1, err
    assert snapshot(db_path) == before
    assert time.monotonic() - started < 2.5  # timeouts are honoured, not waited out


def test_fetch_stops_reading_at_the_limit(site) -> None:
    with pytest.raises(ImportProblem, match="larger than the 64 KB limit"):
        fetch(f"{site}/huge", max_bytes=64 * 1024)


def test_only_web_addresses_are_fetched() -> None:
    with pytest.raises(ImportProblem, match="not a web address"):
        fetch("file:///etc/passwd")


def test_several_urls_are_a_batch(db_path, site, capsys) -> None:
    code, out, err = run(
        db_path, "add", f"{site}/ko", f"{site}/missing", f"{site}/en", f"{site}/moved", capsys=capsys
    )
    assert code == 1
    assert len(out.split()) == 2
    assert "added 2 (1 Korean only, 1 English only), skipped 1 already in the library, failed 1" in err
    assert f"failed: {site}/missing: the server answered HTTP 404" in err
    assert f"already in the library (id {out.split()[0]}): {site}/moved" in err
