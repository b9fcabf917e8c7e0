"""The library and feeds: r fetches what is new, and each row shows whether its article is one language
only, has a machine-translated side, or is a Korean story paired with its English edition."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from reader.store import NewArticle, SegmentRow, SentenceRow, Store
from reader.store.connection import transaction
from reader.store.feeds import add_feed
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable
from servers import serving, url_of

KO_PAGE = (
    '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>한국은행 기준금리 동결</title></head>'
    "<body><article><h1>한국은행 기준금리 동결</h1>"
    "<p>한국은행 금융통화위원회는 28일 기준금리를 연 3.25%로 동결했다.</p>"
    "<p>이창용 총재는 가계부채 증가세를 더 지켜봐야 한다고 말했다.</p></article></body></html>"
).encode()


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        if self.path == "/rss":
            body = (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>경제</title>'
                f"<item><title>금리</title><link>{base}/rates</link><guid>rates-1</guid>"
                "<pubDate>Thu, 28 Nov 2024 01:00:00 GMT</pubDate></item></channel></rss>"
            ).encode()
            kind = "application/rss+xml"
        elif self.path == "/rates":
            body, kind = KO_PAGE, "text/html; charset=utf-8"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), Site)) as server:
        yield url_of(server)


def add_article(store: Store, ko: str, en: str, **meta: str) -> int:
    """An article of one row (either side may be empty)."""
    sentences = [SentenceRow(lang, 0, 0, len(text), 0) for lang, text in (("ko", ko), ("en", en)) if text]
    segment = SegmentRow(0, 0, 0, int(bool(ko)), 0, int(bool(en)), 0, len(ko), 0, len(en),
                         f"{int(bool(ko))}-{int(bool(en))}", 1.0)  # fmt: skip
    return store.insert_article(NewArticle(ko=ko, en=en, **meta), sentences, [segment])  # type: ignore[arg-type]


@pytest.fixture
def kinds_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.chdir(tmp_path)
    store = Store.open(tmp_path / "library.db")
    add_article(store, "북한군 교신이 감청됐다.", "North Korean radio traffic was intercepted.",
                title_ko="북한군 무선 교신 감청", title_en="North Korean radio traffic intercepted",
                source="Test Wire", published="2024-11-20")  # fmt: skip
    add_article(store, "국정원은 사상자가 늘고 있다고 밝혔다.", "", title_ko="국정원 보고",
                source="Test Wire", published="2024-11-21")  # fmt: skip
    translated = add_article(store, "원·달러 환율이 1,400원을 넘었다.", "The won passed 1,400 to the dollar.",
                             title_ko="환율 1400원 돌파", title_en="Won passes 1,400", source="Test Wire",
                             published="2024-11-22", translation_by="openai")  # fmt: skip
    paired = add_article(store, "조약이 발효됐다.", "The treaty took effect.", title_ko="북러 조약 발효",
                         title_en="Treaty takes effect", source="Test Wire", published="2024-11-23")  # fmt: skip
    with transaction(store.conn) as conn:
        conn.execute("UPDATE articles SET original_lang = 'ko' WHERE id = ?", (translated,))
        conn.execute("UPDATE articles SET paired = 'auto', feed = 'wire-ko' WHERE id = ?", (paired,))
    yield store
    store.close()


def lines(app: ReaderApp) -> list[str]:
    table = app.screen.query_one(ArticleTable)
    return [table.render_line(y).text for y in range(1, table.row_count + 1)]


def test_rows_say_one_language_machine_translation_and_paired(kinds_library: Store, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        shown = lines(app)
        by_title = {title: next(line for line in shown if title in line) for title in
                    ("북러 조약 발효", "환율 1400원 돌파", "국정원 보고", "북한군 무선 교신 감청")}  # fmt: skip
        assert "paired: Treaty takes effect" in by_title["북러 조약 발효"]
        assert "MT Won passes 1,400" in by_title["환율 1400원 돌파"]
        assert "Korean only" in by_title["국정원 보고"]
        plain = by_title["북한군 무선 교신 감청"]
        assert (
            "North Korean radio traffic intercepted" in plain and "paired" not in plain and "MT " not in plain
        )
        # The reading screen says where a paired article came from.
        table = app.screen.query_one(ArticleTable)
        table.cursor_row = next(i for i, line in enumerate(shown) if "북러 조약 발효" in line)
        await pilot.press("enter")
        await pilot.pause()
        heading = str(app.screen.query_one("#article-header").render())
        assert "feed wire-ko" in heading and "paired by a fetch" in heading

    drive(kinds_library, scenario)


def test_r_without_feeds_says_how_to_follow_one(kinds_library: Store, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        assert "reader feeds add URL" in list(app._notifications)[-1].message

    drive(kinds_library, scenario)


def test_r_fetches_the_feeds_and_the_new_article_is_listed(
    kinds_library: Store, site: str, drive, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_feed(kinds_library.conn, f"{site}/rss", "economy")
    shown: list[str] = []
    real = LibraryScreen.show_fetch_progress

    def progress(screen: LibraryScreen, message: str) -> None:
        shown.append(str(screen.query_one("#library-header", Static).render()))
        real(screen, message)
        shown.append(str(screen.query_one("#library-header", Static).render()))

    monkeypatch.setattr(LibraryScreen, "show_fetch_progress", progress)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The header said what was going on while it went on, and no longer does.
        assert any("Fetching the feeds…" in h for h in shown) and any("Fetching: 1 of 1" in h for h in shown)
        assert "Fetching" not in str(app.screen.query_one("#library-header").render())
        assert "new 1, paired 0, skipped 0, failed 0" in list(app._notifications)[-1].message
        assert any("한국은행 기준금리 동결" in line and "Korean only" in line for line in lines(app))

    drive(kinds_library, scenario)
