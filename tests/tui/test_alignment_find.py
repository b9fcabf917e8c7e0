"""Fixing the alignment by hand (J, s, S, u) and finding words in the article (/, n, N)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from reader.store.segments import load_rows
from reader.tui.app import ReaderApp
from reader.tui.widgets.find_bar import FindBar
from reader.tui.widgets.parallel_view import LOCK_MARK, ParallelView
from reader.tui.widgets.status_line import StatusLine


def view_of(app: ReaderApp) -> ParallelView:
    return app.screen.query_one(ParallelView)


def rows_text(view: ParallelView) -> list[tuple[str, str]]:
    return [(s.ko, s.en) for s in view.segments]


def test_join_split_and_undo_change_the_rows_and_mark_them_locked(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        original = rows_text(view)
        assert len(original) == 6 and not any(s.locked for s in view.segments)
        await pilot.press("j", "J")  # join rows 1 and 2
        assert view.cursor == 1 and len(view.segments) == 5
        joined = view.segments[1]
        assert joined.locked and joined.ko.startswith("정보총국에") and joined.ko.endswith("담겼다.")
        assert joined.en.endswith("spoken in Korean.")
        assert load_rows(library.conn, 1)[1].locked  # stored at once
        top, _ = view.row_span(1)
        assert view.visible_text()[top + 1][1] == LOCK_MARK  # the gutter shows the hand-made row
        await pilot.press("s")  # the Korean side's last sentence goes to a row of its own
        assert len(view.segments) == 6
        assert view.segments[1].ko.endswith("배치됐다.") and view.segments[2].ko.startswith("공개된")
        assert view.segments[2].en == "" and view.segments[1].en.endswith("spoken in Korean.")
        await pilot.press("S")  # and the English side's, next to nothing on the Korean side
        assert (
            len(view.segments) == 7
            and view.segments[2].en
            == "The released recording contains short orders and coordinates spoken in Korean."
        )
        await pilot.press("u", "ctrl+z")
        assert len(view.segments) == 5 and view.segments[1].locked
        await pilot.press("u")
        assert rows_text(view) == original and view.cursor == 1
        assert not any(s.locked for s in view.segments)
        assert not any(r.locked for r in load_rows(library.conn, 1))
        await pilot.press("u")  # nothing left to undo: nothing changes
        assert rows_text(view) == original

    drive(library, scenario)


def test_a_split_of_a_one_sentence_side_or_a_join_at_the_end_is_refused(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        before = rows_text(view)
        await pilot.press("s", "S", "G", "J")
        assert rows_text(view) == before and view.cursor == len(before) - 1
        assert not any(r.locked for r in load_rows(library.conn, 1))

    drive(library, scenario)


def test_join_keeps_mentions_on_their_words(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "J", "tab")
        view = view_of(app)
        texts = [app.screen.mention_text(m) for m in view.row_mentions(0)]
        assert texts[:4] == ["우크라이나", "국방정보총국", "쿠르스크", "북한군"]
        assert "쿠르스크주" in texts and "Kursk oblast" in texts  # the joined row's mentions, both rows
        assert view.selected_mention is not None

    drive(library, scenario)


def test_slash_finds_in_both_columns_and_n_N_move_between_rows(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "slash")
        bar = app.screen.query_one(FindBar)
        assert bar.is_open and app.focused is bar
        await pilot.press(*"north korean")  # English, any case: rows 0 and 1
        view = view_of(app)
        assert view.search_rows == [0, 1]
        assert "2 rows" in str(app.screen.query_one(StatusLine).render())
        match = view.get_component_rich_style("parallel-view--match", partial=True).bgcolor
        hit = [seg for seg in view.render_line(1) if seg.style and seg.style.bgcolor == match]
        assert "".join(seg.text for seg in hit) == "North Korean"
        await pilot.press("enter")
        assert view.cursor == 1 and app.focused is bar  # Enter: next row, the bar stays open
        await pilot.press("enter")
        assert view.cursor == 0  # round again
        await pilot.press("escape")
        assert not bar.is_open and app.focused is view
        await pilot.press("n")
        assert view.cursor == 1
        await pilot.press("N")
        assert view.cursor == 0
        await pilot.press("escape")  # clears the highlights, the reader stays
        assert view.search is None and view.search_rows == []
        assert "rows" not in str(app.screen.query_one(StatusLine).render())

    drive(library, scenario)


def test_korean_typed_into_the_find_bar_is_text_and_matches_inflected_forms(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "G", "slash")
        await pilot.press("북", "한", "군")  # Hangul keys are not translated to Latin bindings in an input
        bar = app.screen.query_one(FindBar)
        assert bar.value == "북한군" and isinstance(app.focused, Input)
        view = view_of(app)
        assert view.search_rows == [0, 1]  # 북한군의, 북한군이
        assert view.cursor == 0  # typing went to the first match, from the top
        await pilot.press("backspace", "backspace", "backspace", *"zzz")
        assert view.search_rows == [] and "not in this article" in str(
            app.screen.query_one(StatusLine).render()
        )

    drive(library, scenario)


def test_the_search_survives_a_join_and_follows_to_the_next_article(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "slash", *"Korean.", "escape")  # a dot is a dot, not "any character"
        view = view_of(app)
        assert view.search_rows == [2] and view.cursor == 2
        await pilot.press("k", "J")
        assert view.search_query == "Korean." and view.search_rows == [1]
        # Escape clears the highlights; / reopens the bar with its text selected, so typing replaces it
        await pilot.press("escape", "slash", *"the agency", "escape", "right_square_bracket")
        assert app.screen.article.title_en == "NIS briefs lawmakers"
        assert view_of(app).search_rows == [1]  # "The agency said casualties were rising."

    drive(library, scenario)


def test_a_korean_word_not_there_as_typed_is_found_in_its_other_forms(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "G", "slash", *"북한군은")  # the article has 북한군의 and 북한군이
        view = view_of(app)
        status = str(app.screen.query_one(StatusLine).render())
        assert view.search_rows == [0, 1] and "in other forms: 2 rows" in status
        await pilot.press("ctrl+a", "ctrl+k", *'"쿠르스크 지역에서"')  # quotation marks are not looked for
        assert view.search_rows == [0]
        await pilot.press("ctrl+a", "ctrl+k", *"1만1000")  # a figure in any of its forms: 11,000명, 11,000
        assert view.search_rows == [1]

    drive(library, scenario)
