"""The library by keys: search, sort, filters, stars, read state, a remembered place, a bounded table."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, SelectionList

from reader.store import Store
from reader.store import library as lib
from reader.store.notes import add_note
from reader.tui.app import ReaderApp
from reader.tui.dialogs.filters import FilterDialog
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.search import SearchScreen
from reader.tui.widgets.article_table import BLOCK, KEEP_BLOCKS, ArticleTable

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from make_library import make_library


def table_of(app: ReaderApp) -> ArticleTable:
    return app.screen.query_one(ArticleTable)


def titles(app: ReaderApp) -> list[str]:
    table = table_of(app)
    return [table.row(i).title_en for i in range(table.row_count)]  # type: ignore[union-attr]


def header(app: ReaderApp) -> str:
    return str(app.screen.query_one("#library-header").render())


async def search_for(app: ReaderApp, pilot: Pilot, query: str) -> SearchScreen:
    await pilot.press("slash")
    assert isinstance(app.screen, SearchScreen)
    assert isinstance(app.focused, Input)
    await pilot.press(*query, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


def test_slash_searches_korean_and_enter_opens_the_article_at_the_row(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        screen = await search_for(app, pilot, "북한군")
        assert screen.query_one(Input).value == "북한군"  # Korean typed into the box stays Korean
        assert "4 hits in 2 articles for 북한군" in str(screen.query_one("#search-status").render())
        found = {(h.title_en, h.position) for h in screen.hits}
        # 북한군의, 북한군이 (Kursk rows 1 and 2), 북한군 파병 (the briefing), and the Kursk title.
        assert {("North Korean radio traffic intercepted", 0), ("North Korean radio traffic intercepted", 1),
                ("NIS briefs lawmakers", 0), ("North Korean radio traffic intercepted", None)} == found  # fmt: skip
        results = screen.query_one(OptionList)
        assert app.focused is results and results.highlighted == 0
        shown = str(results.get_option_at_index(0).prompt)
        assert "북한군" in shown
        target = next(i for i, h in enumerate(screen.hits) if h.position == 1)
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article.title_en == "North Korean radio traffic intercepted"
        assert app.screen.view.cursor == 1
        await pilot.press("q")
        assert isinstance(app.screen, SearchScreen)  # back to the hits, to try another
        await pilot.press("slash", *"쿠르스크")  # / starts a new query: it is not appended to the old one
        assert screen.query_one(Input).value == "쿠르스크"
        await pilot.press(*"/원")  # in the box, / is text (원/달러, 1/4분기)
        assert screen.query_one(Input).value == "쿠르스크/원"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)

    drive(library, scenario)


def test_search_says_when_nothing_matches_and_english_phrases_work(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        screen = await search_for(app, pilot, "zeppelin")
        assert screen.hits == [] and "No matches" in str(screen.query_one("#search-status").render())
        await pilot.press("ctrl+a", "ctrl+k", *'"storm shadow"', "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [(h.title_en, h.position) for h in screen.hits] == [
            ("North Korean radio traffic intercepted", 3)
        ]

    drive(library, scenario)


def test_o_cycles_the_order_and_the_header_says_which(library, drive) -> None:
    add_note(library.conn, library.list_articles()[2].id, "ko", 0, 2, "a note")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert titles(app)[0] == "North Korean radio traffic intercepted" and "newest first" in header(app)
        await pilot.press("o")
        assert "by source" in header(app)
        assert titles(app)[0] == "Won passes 1,400"  # Markets Desk before Test Wire
        assert table_of(app).render_line(0).text.split()[1:3] == ["Source", "▼"]
        await pilot.press("o")
        assert "by title" in header(app)
        assert titles(app) == [
            "NIS briefs lawmakers",
            "North Korean radio traffic intercepted",
            "Won passes 1,400",
        ]
        await pilot.press("o")
        assert "most notes first" in header(app)
        assert titles(app)[0] == "Won passes 1,400"
        assert table_of(app).get_row_at(0)[-1].plain == "1"  # the notes column
        await pilot.press("o")
        assert "newest first" in header(app)

    drive(library, scenario)


def test_s_stars_and_the_star_is_kept(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("j", "s")
        assert table_of(app).row(1).starred  # type: ignore[union-attr]
        assert "★" in table_of(app).render_line(2).text

    drive(library, scenario)
    second = library.list_articles()[1].id
    assert lib.is_starred(library.conn, second)

    async def again(app: ReaderApp, pilot: Pilot) -> None:
        assert table_of(app).row(1).starred  # type: ignore[union-attr]
        await pilot.press("s")
        assert not table_of(app).row(1).starred  # type: ignore[union-attr]

    drive(library, again)  # a new app on the same file: the cursor comes back to the starred article
    assert not lib.is_starred(library.conn, second)


def test_filters_starred_unread_annotated_and_clear(library, drive) -> None:
    articles = library.list_articles()
    lib.set_starred(library.conn, articles[1].id, True)
    add_note(library.conn, articles[2].id, "en", 0, 3, "#markets worth watching")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("f")
        assert isinstance(app.screen, FilterDialog)
        options = app.screen.query_one(SelectionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[:3] == ["Starred", "Unread", "Annotated (has notes)"]
        assert any(label.startswith("Source: Test Wire") for label in labels)
        assert any(label.startswith("Tag: #markets") for label in labels)
        await pilot.press("space")  # starred
        boxes = ["".join(seg.text for seg in options.render_line(y))[:3] for y in range(2)]
        assert boxes == ["▐X▌", "▐ ▌"]  # ticked or not, said by a mark, not by colour alone
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        assert titles(app) == ["NIS briefs lawmakers"] and "only starred" in header(app)
        await pilot.press("c")
        assert len(titles(app)) == 3
        await pilot.press("f", "down", "down", "space", "escape")  # annotated
        assert titles(app) == ["Won passes 1,400"]
        await pilot.press("c", "g", "enter", "q")  # read the first article
        await pilot.press("f", "down", "space", "escape")  # unread
        assert titles(app) == ["NIS briefs lawmakers", "Won passes 1,400"]
        await pilot.press("f", "space", "escape")  # and starred
        assert titles(app) == ["NIS briefs lawmakers"] and "only starred, unread" in header(app)

    drive(library, scenario)


def test_a_filter_that_leaves_nothing_says_so(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("f", "space", "escape")  # starred: none is
        empty = app.screen.query_one("#library-empty")
        assert empty.display and not table_of(app).display
        assert "No article matches the filters" in str(empty.render())
        await pilot.press("c")
        assert table_of(app).display and table_of(app).row_count == 3

    drive(library, scenario)


def test_opening_an_article_marks_it_read_and_unread_titles_are_bold(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = table_of(app)
        assert not table.row(0).read  # type: ignore[union-attr]
        assert any(seg.style and seg.style.bold for seg in table.render_line(1) if "북한군" in seg.text)
        await pilot.press("enter", "right_square_bracket", "q")  # [ and ] count as reading too
        assert table.row(0).read and table.row(1).read and not table.row(2).read  # type: ignore[union-attr]
        assert not any(seg.style and seg.style.bold for seg in table.render_line(1) if "북한군" in seg.text)
        await pilot.press("k", "u")  # u: back to unread
        assert not table.row(0).read  # type: ignore[union-attr]

    drive(library, scenario)


def test_the_library_remembers_article_order_and_filters_across_restarts(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("o", "o")  # by title
        await pilot.press("j", "j")
        assert table_of(app).row(2).title_en == "Won passes 1,400"  # type: ignore[union-attr]

    drive(library, scenario)

    async def after_restart(app: ReaderApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, LibraryScreen) and app.screen.view.sort == "title"
        table = table_of(app)
        assert table.cursor_row == 2 and table.row(2).title_en == "Won passes 1,400"  # type: ignore[union-attr]
        await pilot.press("f", "down", "space", "escape")  # unread

    drive(library, after_restart)

    async def third_run(app: ReaderApp, pilot: Pilot) -> None:
        assert app.screen.view.unread and app.screen.view.sort == "title"  # type: ignore[attr-defined]

    drive(library, third_run)


def test_a_large_library_is_read_a_window_at_a_time(tmp_path, monkeypatch, drive) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "library.db"
    make_library(db, 3000, workers=0, length=30)
    with Store.open(db) as store:
        oldest = store.conn.execute(
            "SELECT title_en FROM articles ORDER BY published, id LIMIT 1"
        ).fetchone()[0]

        async def scenario(app: ReaderApp, pilot: Pilot) -> None:
            table = table_of(app)
            assert table.row_count == 3000 and "3000 articles" in header(app)
            assert 0 < table.rows_held <= BLOCK
            await pilot.press("space", "space", "G")
            assert table.cursor_row == 2999
            assert table.row(2999).title_en == oldest  # type: ignore[union-attr]
            assert oldest[:20] in "\n".join(table.render_line(y).text for y in range(1, table.size.height))
            for _ in range(40):
                await pilot.press("b")
            assert table.rows_held <= BLOCK * KEEP_BLOCKS
            await pilot.press("g", "o")
            assert table.row_count == 3000 and table.rows_held <= BLOCK

        drive(store, scenario, size=(120, 30))


def test_brackets_follow_the_library_order(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("o", "o", "g", "enter")  # by title: NIS, North Korean, Won
        assert app.screen.article.title_en == "NIS briefs lawmakers"
        await pilot.press("right_square_bracket")
        assert app.screen.article.title_en == "North Korean radio traffic intercepted"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.screen.article.title_en == "Won passes 1,400"

    drive(library, scenario)


def test_a_hit_is_three_lines_that_fit_and_marks_the_english_for_a_korean_word(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        screen = await search_for(app, pilot, "북한군")
        results = screen.query_one(OptionList)
        at = next(i for i, h in enumerate(screen.hits) if h.position == 1)
        prompt = results.get_option_at_index(at).prompt
        assert isinstance(prompt, Text)
        heading, korean, english = prompt.plain.split("\n")
        # one line: the date first, where, then one title (not both languages' titles)
        assert heading == "2024-11-20  row 2  북한군 무선 교신 감청"
        width = results.scrollable_content_region.width
        assert all(cell_len(line) <= width for line in (heading, korean, english))
        marked = {prompt.plain[s.start : s.end] for s in prompt.spans if "reverse" in str(s.style)}
        assert marked == {"북한군", "North Korean"}  # the Korean word found and its linked English
        await pilot.resize_terminal(60, 20)
        await pilot.press("slash", *"북한군", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        narrow = screen.query_one(OptionList)
        lines = str(narrow.get_option_at_index(0).prompt).split("\n")
        assert len(lines) == 3 and all(
            cell_len(line) <= narrow.scrollable_content_region.width for line in lines
        )

    drive(library, scenario)


def test_an_article_opened_from_a_search_hit_shows_the_words_it_was_found_by(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        # 북한군은 is found loosely (북한군의, 북한군이), 감청 as typed (감청했다고)
        screen = await search_for(app, pilot, "북한군은 감청")
        first = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "북한군" in first
        target = next(i for i, h in enumerate(screen.hits) if h.position == 0)
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        view = app.screen.view
        assert view.cursor == 0 and view.search_rows == [0, 1]  # either word, in its other forms
        status = str(app.screen.query_one("#reading-status").render())
        assert "“북한군은 감청” in other forms: 2 rows" in status
        match = view.get_component_rich_style("parallel-view--match", partial=True).bgcolor
        marked = {
            seg.text
            for y in range(1, 4)
            for seg in view.render_line(y)
            if seg.style and seg.style.bgcolor == match
        }
        assert {"북한군", "감청"} <= marked
        await pilot.press("n")
        assert view.cursor == 1
        await pilot.press("escape")  # the marks go, the article stays
        assert view.search is None and isinstance(app.screen, ReadingScreen)

    drive(library, scenario)


def test_j_and_k_move_in_the_filters_list_as_everywhere_else(library, drive) -> None:
    """`j Space` ticked the first filter (starred) instead of the second (unread): j did not move."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterDialog)
        filters = app.screen.query_one(SelectionList)
        await pilot.press("j", "space")
        assert filters.highlighted == 1 and filters.selected == ["flag:unread"]
        await pilot.press("j", "j", "k")
        assert filters.highlighted == 2
        await pilot.press("escape")
        assert app.screen.view.unread and not app.screen.view.starred

    drive(library, scenario)


def test_at_90_columns_no_source_takes_no_room_and_the_notes_heading_fits(store_at, drive) -> None:
    """No article has a source: no Source column, so the titles get its cells; sorted by notes, the
    heading reads `Notes ▼` whole (it was cut to `Note…`)."""
    long = "A long English headline about the North Korean troops deployed in Kursk"
    store = store_at(
        (
            [("첫 문장이다.", "First sentence.")],
            {"title_ko": "북한군 쿠르스크 배치 관련 긴 제목입니다", "title_en": long},
        ),
        ([("둘째 문장.", "Second.")], {"title_en": "Other", "source": ""}),
    )

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = table_of(app)
        assert "Source" not in table.render_line(0).text
        assert "A long English headline about" in "".join(table.render_line(y).text for y in (1, 2))
        await pilot.press("o", "o", "o")  # date, source, title, notes
        assert "Notes ▼" in table.render_line(0).text

    drive(store, scenario, size=(90, 40))


def test_on_a_narrow_terminal_the_source_column_is_narrower(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = table_of(app)
        wide = table._widths(160)
        narrow = table._widths(90)
        assert wide[0] > narrow[0] > 0 and narrow[1] >= 25 and narrow[2] >= 25

    drive(library, scenario)


def test_sorted_by_title_articles_in_english_only_come_last_by_their_english_title(store_at, drive) -> None:
    """Latin sorts before Hangul, so the articles with no Korean title (shown as "English only") came
    first; they come after the Korean titles now, in the order of the English title they show."""
    store = store_at(
        ([("", "Zebra crossing.")], {"title_en": "Zebra"}),
        ([("나 문장.", "B sentence.")], {"title_ko": "나", "title_en": "B"}),
        ([("", "Apple pie.")], {"title_en": "apple"}),
        ([("가 문장.", "A sentence.")], {"title_ko": "가", "title_en": "A"}),
    )

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("o", "o")  # date, source, title
        table = table_of(app)
        assert app.screen.view.sort == "title"
        shown = [(row.title_ko, row.title_en) for row in map(table.row, range(table.row_count)) if row]
        assert shown == [("가", "A"), ("나", "B"), ("", "apple"), ("", "Zebra")]

    drive(store, scenario)
