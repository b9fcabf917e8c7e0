"""The command palette's "Open article" commands on a library too large to list: bounded, asked as typed."""

from __future__ import annotations

from dataclasses import replace

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from builders import one_to_one
from reader.tui.app import ReaderApp
from reader.tui.commands import SHOWN_AT_FIRST


def _offered(app: ReaderApp) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt).splitlines()[0] for i in range(options.option_count)]


def test_the_palette_offers_the_newest_articles_then_asks_the_index_as_you_type(
    library, drive, palette
) -> None:
    for n in range(SHOWN_AT_FIRST + 15):
        article, analysis = one_to_one([f"기사 {n}번 본문."], [f"Body of story {n}."])
        article = replace(article, title_ko=f"기사 {n}번", title_en=f"Story number {n}", source="Wire",
                          published=f"2023-01-{n % 28 + 1:02d}")  # fmt: skip
        library.insert_article(article, analysis.sentences, analysis.segments)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("ctrl+p")
        for _ in range(50):
            if isinstance(app.screen, CommandPalette):
                break
            await pilot.pause()
        await pilot.press("down")  # the palette lists what it offers before anything is typed
        await app.workers.wait_for_complete()
        await pilot.pause()
        offered = [o for o in _offered(app) if o.startswith("Open article")]
        assert 0 < len(offered) <= SHOWN_AT_FIRST
        assert (
            "Open article: 북한군 무선 교신 감청 — North Korean radio traffic intercepted" in offered
        )  # the newest
        await pilot.press("escape")
        await palette(app, pilot, "Story number 3")  # the last word may be unfinished: 3, 30, 31 …
        offered = [o for o in _offered(app) if o.startswith("Open article")]
        assert offered and all("Story number 3" in o for o in offered)
        await pilot.press("ctrl+a", "ctrl+k", *"기사 27번")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article.title_en == "Story number 27"  # type: ignore[attr-defined]

    drive(library, scenario)


def test_a_slow_title_lookup_neither_holds_up_the_typing_nor_outlives_the_next_key(
    library, drive, palette, monkeypatch
) -> None:
    """A lookup that would take seconds (a short prefix in a huge library) stops at the next key, and the
    palette answers what is typed by then."""
    import sqlite3
    import time

    from reader.store import library as library_module

    real = library_module.search_titles
    slow: list[str] = []

    def search_titles(conn: sqlite3.Connection, query: str, *, limit: int = 50):
        if query.strip() == "North":  # a lookup that would run for a minute unless interrupted
            slow.append(query)
            count = (
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
                "SELECT count(*) FROM c"
            )
            try:
                conn.execute(count).fetchone()
            except sqlite3.OperationalError:  # interrupted
                return []
        return real(conn, query, limit=limit)

    monkeypatch.setattr(library_module, "search_titles", search_titles)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        start = time.monotonic()
        await palette(app, pilot, "North Korean radio")
        assert slow  # it was asked, and stopped by the keys after it
        assert time.monotonic() - start < 15
        offered = [o for o in _offered(app) if o.startswith("Open article")]
        assert offered == ["Open article: 북한군 무선 교신 감청 — North Korean radio traffic intercepted"]

    drive(library, scenario)
