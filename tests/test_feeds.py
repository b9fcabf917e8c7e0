"""Feeds: `reader feeds …`, `reader fetch`, and the pairing of a Korean story with its English edition,
against real feed and page servers on 127.0.0.1 started by the tests."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from reader.analysis import analyse
from reader.cli import main
from reader.store import NewArticle, Store
from reader.store.articles import rewrite_article
from reader.store.connection import transaction
from reader.store.glossary import load_glossary
from servers import serving, url_of

STORIES = {
    "troops-ko": (
        "ko",
        "북한군 1만1000명 쿠르스크 배치",
        [
            "국방부는 26일 북한군 약 1만1000명이 러시아 쿠르스크 지역에 배치된 것으로 파악된다고 밝혔다.",
            "국방부 대변인은 정례 브리핑에서 추가 파병 가능성도 배제할 수 없다며 동향을 면밀히 주시하고 있다고 말했다.",
            "정부는 이날 국가안보회의를 열고 대응 방안을 논의했다.",
        ],
    ),
    "troops-en": (
        "en",
        "11,000 North Korean troops in Kursk",
        [
            (
                "About 11,000 North Korean troops are believed to have been deployed to Russia's Kursk region, "
                "the Defence Ministry said on the 26th."
            ),
            "A ministry spokesperson told a regular briefing that further deployments could not be ruled out.",
            "The government held a National Security Council meeting the same day to discuss its response.",
        ],
    ),
    "rates-ko": (
        "ko",
        "한국은행 기준금리 동결",
        [
            "한국은행 금융통화위원회는 28일 기준금리를 연 3.25%로 동결했다. 2009년 이후 처음 있는 일이다.",
            "이창용 총재는 기자간담회에서 물가 상승률이 안정되고 있지만 가계부채 증가세를 더 지켜봐야 한다고 말했다.",
            "시장에서는 내년 상반기 중 추가 인하가 있을 것으로 내다봤다.",
        ],
    ),
    "football-en": (
        "en",
        "Ulsan win the K League title",
        [
            "Ulsan HD clinched their third straight K League 1 title with a 2-1 win over Gangwon on Friday.",
            "The champions came from behind in front of a crowd of more than 30,000 at Munsu Football Stadium.",
            "Their coach praised the players for their resilience over a long and difficult season.",
        ],
    ),
}


def page(lang: str, title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}"></head><body><article><h1>{title}</h1>{body}'
        "</article></body></html>"
    ).encode()


def rss(base: str, slugs: list[str], encoding: str = "utf-8") -> bytes:
    items = "".join(
        f"<item><title>{STORIES[s][1]}</title><link>{base}/news/{s}</link><guid>{base}/news/{s}</guid>"
        f"<pubDate>Tue, 26 Nov 2024 0{i}:00:00 GMT</pubDate></item>"
        for i, s in enumerate(slugs)
    )
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>국방 소식</title>'
        f"<link>{base}</link><description>test</description>{items}</channel></rss>"
    ).encode(encoding)


def atom(base: str, slugs: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>{STORIES[s][1]}</title><link href='{base}/news/{s}'/><id>tag:test,2024:{s}</id>"
        f"<updated>2024-11-26T1{i}:00:00Z</updated></entry>"
        for i, s in enumerate(slugs)
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Defence news</title>"
        f"<id>tag:test,2024:feed</id><updated>2024-11-26T12:00:00Z</updated>{entries}</feed>"
    ).encode()


class Site(BaseHTTPRequestHandler):
    hits: ClassVar[Counter] = Counter()
    feeds: ClassVar[dict[str, list[str]]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        path = self.path
        Site.hits[path] += 1
        if path.startswith("/news/") and path[6:] in STORIES:
            lang, title, paragraphs = STORIES[path[6:]]
            self.send(200, page(lang, title, paragraphs), "text/html; charset=utf-8")
        elif path in ("/ko.rss", "/en.atom", "/late.atom"):
            slugs = Site.feeds[path]
            body = atom(base, slugs) if path.endswith(".atom") else rss(base, slugs)
            tag = f'"{hash(tuple(slugs)) & 0xFFFF:x}"'
            if self.headers.get("If-None-Match") == tag:
                self.send(304, b"", "application/rss+xml", {"ETag": tag})
            else:
                kind = "application/atom+xml" if path.endswith(".atom") else "application/rss+xml"
                self.send(200, body, kind, {"ETag": tag})
        elif path == "/rdf":  # RSS 1.0
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f'<channel rdf:about="{base}/rdf"><title>Wire</title><link>{base}</link><description>x</description>'
                f'<items><rdf:Seq><rdf:li rdf:resource="{base}/news/troops-en"/></rdf:Seq></items></channel>'
                f'<item rdf:about="{base}/news/troops-en"><title>{STORIES["troops-en"][1]}</title>'
                f"<link>{base}/news/troops-en</link><dc:date>2024-11-26T12:00:00Z</dc:date></item></rdf:RDF>"
            ).encode()
            self.send(200, body, "application/rdf+xml")
        elif path == "/euc-kr.rss":
            self.send(200, rss(base, ["rates-ko"], "euc-kr"), "application/rss+xml; charset=EUC-KR")
        elif path == "/slow-pages.rss":  # a feed whose page answers only after a long while
            items = f"<item><title>slow</title><link>{base}/slow-page</link><guid>slow</guid></item>"
            self.send(
                200,
                f'<rss version="2.0"><channel><title>s</title>{items}</channel></rss>'.encode(),
                "application/rss+xml",
            )
        elif path == "/slow-page":
            time.sleep(8)
            self.send(200, page("ko", *STORIES["rates-ko"][1:]), "text/html; charset=utf-8")
        elif path == "/front":  # a site's front page, naming its feed as browsers and feed readers find it
            body = (
                '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
                'title="국방 소식" href="/ko.rss"></head><body>News</body></html>'
            )
            self.send(200, body.encode(), "text/html; charset=utf-8")
        elif path == "/not-xml":
            self.send(200, b"<html><body>This is a web page, not a feed</body></html>", "text/html")
        elif path == "/slow.rss":
            time.sleep(3)
            self.send(200, rss(base, ["rates-ko"]), "application/rss+xml")
        elif path == "/repeats.rss":  # the same item twice, and once more under a new guid
            body = rss(base, ["rates-ko", "rates-ko"]).replace(
                b"</channel>",
                f"<item><title>x</title><link>{base}/news/rates-ko</link><guid>moved-1</guid></item></channel>".encode(),
            )
            self.send(200, body, "application/rss+xml")
        else:
            self.send(404, b"not found", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    Site.hits = Counter()
    Site.feeds = {
        "/ko.rss": ["troops-ko", "rates-ko"],
        "/en.atom": ["troops-en", "football-en"],
        "/late.atom": [],
    }
    with serving(QuietServer(("127.0.0.1", 0), Site)) as server:
        yield url_of(server)


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def articles(db: Path) -> list[dict]:
    with Store.open(db) as store:
        return [
            dict(r)
            for r in store.conn.execute(
                "SELECT id, title_ko, title_en, ko_text != '' AS has_ko, en_text != '' AS has_en, ko_url, en_url, "
                "feed, paired FROM articles ORDER BY id"
            )
        ]


def test_feeds_are_added_listed_exported_imported_and_removed(location, tmp_path, capsys) -> None:
    # example.kr answers nothing: these feeds are followed without being tried
    assert run(location, "feeds", "add", "https://news.example.kr/rss", "--no-check", capsys=capsys)[0] == 0
    assert (
        run(
            location,
            "feeds",
            "add",
            "https://edition.example.com/atom.xml",
            "--name",
            "edition",
            "--no-check",
            capsys=capsys,
        )[0]
        == 0
    )
    code, _, err = run(location, "feeds", "add", "https://news.example.kr/rss", "--no-check", capsys=capsys)
    assert code == 1 and "already followed" in err and "Traceback" not in err
    code, _, err = run(location, "feeds", "add", "news.example.kr/rss", capsys=capsys)
    assert code == 1 and "not a feed address" in err
    # The same address in capitals is the same feed; a name must be text one can list.
    code, _, err = run(location, "feeds", "add", "HTTPS://NEWS.example.kr/rss", "--no-check", capsys=capsys)
    assert code == 1 and "already followed" in err
    code, _, err = run(
        location, "feeds", "add", "https://other.example.kr/rss", "--name", "a\tb", capsys=capsys
    )
    assert code == 1 and "without tabs" in err
    for bad in ("0", "nan", "inf", "-5"):
        code, _, err = run(location, "fetch", "--timeout", bad, capsys=capsys)
        assert code == 1 and "--timeout must be" in err and "unexpected" not in err
    code, out, _ = run(location, "feeds", "list", "--json", capsys=capsys)
    listed = json.loads(out)
    assert [f["name"] for f in listed] == ["edition", "news.example.kr"]
    opml = tmp_path / "feeds.opml"
    code, out, _ = run(location, "feeds", "export", str(opml), capsys=capsys)
    assert code == 0 and out.strip() == f"wrote 2 feeds to {opml}"
    code, out, _ = run(location, "feeds", "export", "-", capsys=capsys)
    assert out.startswith("<?xml") and 'xmlUrl="https://edition.example.com/atom.xml"' in out
    other = tmp_path / "other.db"
    code, out, _ = run(other, "feeds", "import", str(opml), capsys=capsys)
    assert code == 0 and "following 2 new feeds" in out
    assert {f["url"] for f in json.loads(run(other, "feeds", "list", "--json", capsys=capsys)[1])} == {
        f["url"] for f in listed
    }
    assert run(other, "feeds", "import", str(opml), capsys=capsys)[1].startswith("following 0 new feeds")
    bad = tmp_path / "bad.opml"
    bad.write_text("<html><body>no</body></html>")
    code, _, err = run(other, "feeds", "import", str(bad), capsys=capsys)
    assert code == 1 and "not an OPML file" in err
    assert run(location, "feeds", "rm", "edition", capsys=capsys)[0] == 0
    code, _, err = run(location, "feeds", "rm", "edition", capsys=capsys)
    assert code == 1 and "no feed" in err


def test_fetch_pairs_a_story_with_its_edition_and_keeps_the_rest_one_language(location, site, capsys) -> None:
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "yonhap-ko", capsys=capsys)
    run(location, "feeds", "add", f"{site}/en.atom", "--name", "yonhap-en", capsys=capsys)
    code, out, err = run(location, "fetch", capsys=capsys)
    assert code == 0, err
    assert "new 3, paired 1, skipped 0, failed 0" in out
    found = articles(location)
    pair = [a for a in found if a["has_ko"] and a["has_en"]]
    assert len(pair) == 1 and pair[0]["paired"] == "auto"
    assert pair[0]["title_ko"] == "북한군 1만1000명 쿠르스크 배치"
    assert pair[0]["title_en"] == "11,000 North Korean troops in Kursk"
    assert pair[0]["ko_url"].endswith("/news/troops-ko") and pair[0]["en_url"].endswith("/news/troops-en")
    assert pair[0]["feed"] in ("yonhap-ko", "yonhap-en")
    singles = sorted((a["has_ko"], a["title_ko"] or a["title_en"]) for a in found if a is not pair[0])
    assert singles == [(0, "Ulsan win the K League title"), (1, "한국은행 기준금리 동결")]
    # The pair is aligned like any other article: sentence beside sentence.
    with Store.open(location) as store:
        article = store.get_article(pair[0]["id"])
    assert article is not None and all(s.link == "1-1" for s in article.segments)
    assert any("약 1만1000명이" in s.ko and "About 11,000" in s.en for s in article.segments)

    # A second fetch with nothing new asks only the feeds (answered 304), and stores nothing.
    pages_before = sum(n for p, n in Site.hits.items() if p.startswith("/news/"))
    code, out, _ = run(location, "fetch", capsys=capsys)
    assert code == 0 and "new 0, paired 0" in out and "2 feeds unchanged" in out
    assert sum(n for p, n in Site.hits.items() if p.startswith("/news/")) == pages_before
    assert len(articles(location)) == 3


def test_a_late_edition_pairs_with_the_stored_original_and_its_notes_stay(location, site, capsys) -> None:
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "ko", capsys=capsys)
    Site.feeds["/ko.rss"] = ["troops-ko"]
    assert run(location, "fetch", capsys=capsys)[0] == 0
    [original] = articles(location)
    with Store.open(location) as store:
        from reader.store.notes import add_note

        add_note(store.conn, original["id"], "ko", 0, 3, "a note on the Korean side")
    run(location, "feeds", "add", f"{site}/late.atom", "--name", "en", capsys=capsys)
    Site.feeds["/late.atom"] = ["troops-en"]
    code, out, _ = run(location, "fetch", capsys=capsys)
    assert code == 0 and "paired 1" in out
    [joined] = articles(location)
    assert (
        joined["id"] == original["id"] and joined["has_en"] and joined["en_url"].endswith("/news/troops-en")
    )
    with Store.open(location) as store:
        notes = store.conn.execute(
            "SELECT body, detached FROM notes WHERE article_id = ?", (joined["id"],)
        ).fetchall()
    assert [tuple(n) for n in notes] == [("a note on the Korean side", 0)]


def test_pair_and_unpair_by_hand_and_a_later_fetch_keeps_them_apart(location, site, capsys) -> None:
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "ko", capsys=capsys)
    run(location, "feeds", "add", f"{site}/en.atom", "--name", "en", capsys=capsys)
    run(location, "fetch", capsys=capsys)
    [pair] = [a for a in articles(location) if a["has_ko"] and a["has_en"]]
    code, out, err = run(location, "unpair", str(pair["id"]), capsys=capsys)
    assert "unpaired" in out
    assert code == 0, err
    after = articles(location)
    assert len(after) == 4 and not any(a["has_ko"] and a["has_en"] for a in after)
    english = next(a for a in after if a["title_en"] == "11,000 North Korean troops in Kursk")
    assert english["en_url"].endswith("/news/troops-en")
    # A later fetch that brings something new does not join what a person split.
    Site.feeds["/en.atom"] = ["troops-en", "football-en", "rates-ko"]  # a new item (in Korean, in fact)
    run(location, "fetch", capsys=capsys)
    assert not any(a["has_ko"] and a["has_en"] for a in articles(location))
    # By hand they join again; the wrong pairs are refused with one line.
    korean = next(a for a in articles(location) if a["title_ko"] == "북한군 1만1000명 쿠르스크 배치")
    code, _, err = run(location, "pair", str(korean["id"]), str(korean["id"]), capsys=capsys)
    assert code == 1 and "two different" in err
    rates = next(a for a in articles(location) if a["title_ko"] == "한국은행 기준금리 동결")
    code, _, err = run(location, "pair", str(korean["id"]), str(rates["id"]), capsys=capsys)
    assert code == 1 and "same language" in err
    code, _, err = run(location, "pair", str(korean["id"]), "999", capsys=capsys)
    assert code == 1 and "no article with id 999" in err
    code, _, err = run(location, "pair", str(english["id"]), str(korean["id"]), capsys=capsys)
    assert code == 0, err
    [joined] = [a for a in articles(location) if a["has_ko"] and a["has_en"]]
    assert joined["id"] == korean["id"] and joined["paired"] == "hand"


def test_broken_slow_and_missing_feeds_are_one_line_each_and_the_rest_is_fetched(
    location, site, capsys
) -> None:
    for name, path in (
        ("good", "/ko.rss"),
        ("html", "/not-xml"),
        ("gone", "/missing.rss"),
        ("slow", "/slow.rss"),
    ):
        run(location, "feeds", "add", f"{site}{path}", "--name", name, "--no-check", capsys=capsys)
    code, out, err = run(location, "fetch", "--timeout", "1", capsys=capsys)
    assert code == 0 and "Traceback" not in err
    assert "new 2," in out and "failed 3" in out
    assert "failed: html: a web page, not an RSS or Atom feed" in out
    assert "failed: gone: the server answered HTTP 404" in out
    assert "failed: slow: no answer within 1 seconds" in out
    code, out, _ = run(location, "feeds", "list", capsys=capsys)
    assert "which failed: the server answered HTTP 404" in out


def test_a_euc_kr_feed_and_items_that_repeat_or_move_are_stored_once(location, site, capsys) -> None:
    run(location, "feeds", "add", f"{site}/euc-kr.rss", "--name", "old", capsys=capsys)
    run(location, "feeds", "add", f"{site}/repeats.rss", "--name", "repeats", capsys=capsys)
    code, _, err = run(location, "fetch", capsys=capsys)
    assert code == 0, err
    assert [a["title_ko"] for a in articles(location)] == ["한국은행 기준금리 동결"]
    assert Site.hits["/news/rates-ko"] == 1


def test_pages_are_fetched_a_few_at_a_time_per_host(location, site, capsys, monkeypatch) -> None:
    from reader.feeds import run as fetch_run

    active, peak = 0, 0
    lock = threading.Lock()
    real = fetch_run.page_from_url

    def counted(url, **kwargs):
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.2)
        try:
            return real(url, **kwargs)
        finally:
            with lock:
                active -= 1

    monkeypatch.setattr(fetch_run, "page_from_url", counted)
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "ko", capsys=capsys)
    run(location, "feeds", "add", f"{site}/en.atom", "--name", "en", capsys=capsys)
    Site.feeds["/ko.rss"] = ["troops-ko", "rates-ko", "football-en"]
    assert run(location, "fetch", capsys=capsys)[0] == 0
    assert peak == fetch_run.PER_HOST


def test_an_rss_1_0_edition_replaces_the_machine_translation_of_its_original(location, site, capsys) -> None:
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "ko", capsys=capsys)
    Site.feeds["/ko.rss"] = ["troops-ko"]
    run(location, "fetch", capsys=capsys)
    [original] = articles(location)
    # T (or reader translate) filled the English side meanwhile, as a translation is stored.
    with Store.open(location) as store:
        text = store.conn.execute("SELECT ko_text FROM articles WHERE id = ?", (original["id"],)).fetchone()[
            0
        ]
        translated = NewArticle(
            ko=text, en="Machine words.", title_ko="북한군 1만1000명 쿠르스크 배치", title_en="Machine"
        )
        result = analyse(translated.ko, translated.en, load_glossary(store.conn))
        with transaction(store.conn) as conn:
            rewrite_article(conn, original["id"], translated, result.sentences, result.segments, result.mentions,
                            translation_by="argos", original_lang="ko")  # fmt: skip
    run(location, "feeds", "add", f"{site}/rdf", "--name", "wire", capsys=capsys)
    code, out, err = run(location, "fetch", "--feed", "wire", capsys=capsys)
    assert code == 0 and "paired 1" in out, err
    [joined] = articles(location)
    assert joined["id"] == original["id"] and joined["title_en"] == "11,000 North Korean troops in Kursk"
    with Store.open(location) as store:
        article = store.get_article(joined["id"])
    assert (
        article is not None and article.translation_by == "human" and "Machine words" not in article.en_text
    )


def test_an_item_is_dated_by_its_feed_on_the_publisher_s_own_day() -> None:
    import feedparser

    from reader.feeds.download import _local_date

    rss = feedparser.parse(
        b'<rss version="2.0"><channel><title>t</title><item><title>a</title><link>http://x/a</link>'
        b"<pubDate>Mon, 25 Nov 2024 07:10:00 +0900</pubDate></item></channel></rss>"
    )
    assert _local_date(rss.entries[0]) == "2024-11-25"  # still the 24th in UTC
    atom = feedparser.parse(
        b"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><entry><title>a</title>"
        b"<link href='http://x/a'/><id>a</id><updated>2024-11-26T23:30:00-05:00</updated></entry></feed>"
    )
    assert _local_date(atom.entries[0]) == "2024-11-26"


def test_the_feed_s_date_wins_over_a_year_mentioned_in_the_text(location, site, capsys) -> None:
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "ko", capsys=capsys)
    Site.feeds["/ko.rss"] = ["rates-ko"]
    assert run(location, "fetch", capsys=capsys)[0] == 0
    with Store.open(location) as store:
        published, source = store.conn.execute("SELECT published, source FROM articles").fetchone()
    assert published == "2024-11-26"
    assert source == "ko"  # the page names no site: its feed's name, not 127.0.0.1:port


def test_ctrl_c_stops_a_fetch_at_once(location, site, capsys) -> None:
    import os
    import signal
    import subprocess
    import sys

    run(location, "feeds", "add", f"{site}/slow-pages.rss", "--name", "slow", capsys=capsys)
    fetch = subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(location), "fetch"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    for _ in range(100):  # until the page is being waited for
        if Site.hits["/slow-page"]:
            break
        time.sleep(0.05)
    started = time.monotonic()
    fetch.send_signal(signal.SIGINT)
    _, err = fetch.communicate(timeout=6)
    assert fetch.returncode == 130 and "reader: interrupted" in err and "Traceback" not in err
    assert time.monotonic() - started < 3  # not the page's 8 seconds


def test_a_feed_is_tried_before_it_is_followed_and_named_by_its_title(location, site, capsys) -> None:
    code, out, err = run(location, "feeds", "add", f"{site}/missing.rss", capsys=capsys)
    assert code == 1 and "cannot follow it: the server answered HTTP 404" in err
    code, out, err = run(location, "feeds", "add", f"{site}/not-xml", capsys=capsys)
    assert code == 1 and "a web page, not an RSS or Atom feed" in err and "Traceback" not in err
    code, out, err = run(location, "feeds", "add", "http://127.0.0.1:9/rss.xml", capsys=capsys)
    assert code == 1 and "cannot fetch" in err and "--no-check follows it anyway" in err
    assert run(location, "feeds", "list", "--json", capsys=capsys)[1].strip() == "[]"  # nothing half-added
    code, out, err = run(location, "feeds", "add", f"{site}/ko.rss", capsys=capsys)
    assert code == 0, err
    assert "(2 items listed now)" in out
    listed = json.loads(run(location, "feeds", "list", "--json", capsys=capsys)[1])
    assert [f["name"] for f in listed] == ["국방 소식"]  # the channel's own title


def test_a_fetch_that_reads_no_feed_at_all_exits_non_zero(location, site, capsys) -> None:
    for name, path in (("gone", "/missing.rss"), ("html", "/not-xml")):
        run(location, "feeds", "add", f"{site}{path}", "--name", name, "--no-check", capsys=capsys)
    code, out, err = run(location, "fetch", capsys=capsys)
    assert code == 1 and "failed 2" in out and "no feed could be read (2 tried)" in err
    run(location, "feeds", "add", f"{site}/ko.rss", "--name", "ko", capsys=capsys)
    code, out, err = run(location, "fetch", capsys=capsys)
    assert code == 0 and "failed 2" in out  # one feed read: the fetch did its work


def test_a_sites_page_is_followed_by_the_feed_it_names(location, site, capsys) -> None:
    code, out, err = run(location, "feeds", "add", f"{site}/front", capsys=capsys)
    assert code == 0, err
    assert (
        f"following 국방 소식: {site}/ko.rss" in out and "is a web page; following the feed it names" in err
    )
