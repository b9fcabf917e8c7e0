"""A very long article: keys are answered while the rest of it is still being laid out in the background.

Pilot waits for the app to be idle, which hid a freeze: the background layout ran as a chain of queued
callbacks that never returned to the event loop, so a key pressed after opening a 10 MB article waited
for the whole article (12 s). Here the key is posted while layout is under way and must be handled
before layout ends.
"""

from __future__ import annotations

import asyncio
import io
import time

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual import events
from textual.app import App, ComposeResult

from reader.store import Segment
from reader.tui.widgets.parallel_view import ParallelView, _line_count

ROWS = 6_000


def long_article(rows: int = ROWS) -> list[Segment]:
    """`rows` aligned pairs of news-like length, three to a paragraph, with their offsets in the whole text."""
    segments, ko_at, en_at = [], 0, 0
    for i in range(rows):
        ko = f"북한군 {i}명이 쿠르스크 지역에 배치됐다고 국가정보원이 밝혔다. 추가 파병 가능성도 제기됐다."
        en = (f"{i} North Korean troops have been deployed to the Kursk region, the National Intelligence "
              f"Service said. The possibility of further deployments was also raised.")  # fmt: skip
        segments.append(Segment(i, i // 3, ko, en, ko_at, ko_at + len(ko), en_at, en_at + len(en), "1-1", 1.0,
                                False))  # fmt: skip
        ko_at, en_at = ko_at + len(ko) + 1, en_at + len(en) + 1
    return segments


class ViewApp(App[None]):
    def __init__(self, segments: list[Segment]) -> None:
        super().__init__()
        self.segments = segments

    def compose(self) -> ComposeResult:
        yield ParallelView(self.segments)


def test_a_key_is_answered_while_a_long_article_is_still_being_laid_out() -> None:
    async def scenario() -> None:
        app = ViewApp(long_article())
        async with app.run_test(size=(160, 48)):
            view = app.query_one(ParallelView)
            for _ in range(50):  # mounted and the first screenful drawn; the rest is not laid out yet
                await asyncio.sleep(0)
                if view._built_for is not None:
                    break
            assert not view.laid_out, "the whole article was laid out before the first key could come"
            start = time.monotonic()
            app.post_message(events.Key("j", "j"))  # as the terminal driver delivers a key
            while view.cursor == 0 and time.monotonic() - start < 30:
                await asyncio.sleep(0.001)
            waited = time.monotonic() - start
            assert view.cursor == 1
            assert not view.laid_out, "the key waited for the whole layout"
            assert waited < 1.0, f"the key waited {waited:.2f} s"
            while not view.laid_out and time.monotonic() - start < 60:  # the layout still completes
                await asyncio.sleep(0.01)
            view.action_last()
            assert view.cursor == ROWS - 1
            top, height = view.row_span(ROWS - 1)
            assert view.virtual_size.height == top + height + 1  # every line counted, heading included

    asyncio.run(scenario())


def test_end_and_page_keys_before_the_layout_is_done_reach_the_right_rows() -> None:
    async def scenario() -> None:
        app = ViewApp(long_article())
        async with app.run_test(size=(160, 48)) as pilot:
            view = app.query_one(ParallelView)
            await pilot.press("G")  # may come before the background layout is done: it is finished at once
            assert view.cursor == ROWS - 1
            assert any(f"{ROWS - 1} North Korean troops" in line for line in view.visible_text())
            assert f"{ROWS}/{ROWS}" in view.visible_text()[0]
            await pilot.press("g", "space")
            top, _ = view.row_span(view.cursor)
            assert top >= int(view.scroll_y) and view.cursor > 0

    asyncio.run(scenario())


TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("북한군 쿠르스크 배치 North Korean troops\t\n\x1b\u200b\u0301é漢字🙂 ,.-"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, width=st.integers(min_value=1, max_value=90))
def test_the_layout_counts_as_many_lines_as_the_row_shows(text: str, width: int) -> None:
    """Rows are laid out by counting lines, and wrapped only when drawn: the two must always agree."""
    console = Console(width=200, file=io.StringIO())
    assert _line_count(text, width) == len(ParallelView._wrap(text, width, console))


@settings(max_examples=40, deadline=None)
@given(text=TEXT, width=st.integers(min_value=1, max_value=90))
def test_the_count_holds_without_rich_private_divider(text: str, width: int) -> None:
    """`divide_line` is private to Rich: should a later Rich drop it, rows are still laid out right."""
    from unittest import mock

    from reader.tui.widgets import text_layout

    console = Console(width=200, file=io.StringIO())
    with mock.patch.object(text_layout, "divide_line", None):
        assert _line_count(text, width) == len(ParallelView._wrap(text, width, console))
