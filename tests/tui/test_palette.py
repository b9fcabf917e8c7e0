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
