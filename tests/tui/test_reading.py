"""What the reading screen shows: literal text, cell-exact Hangul columns, blanks, marks, long articles."""

from __future__ import annotations

from rich.cells import cell_len
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.parallel_view import GUTTER, ParallelView

HOSTILE = "[bold red]x[/] \x1b[31mred\x1b[0m \u202eevil"


def view_of(app: ReaderApp) -> ParallelView:
    return app.screen.query_one(ParallelView)


def test_markup_and_escapes_in_an_article_appear_as_text(store_at, drive) -> None:
    store = store_at(([(f"한국어 {HOSTILE}", f"English {HOSTILE}")],
                      {"title_ko": "제목 [b]굵게[/b]", "title_en": "Title \x1b[2J", "source": "[link=x]s[/]"}))  # fmt: skip

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        table = app.screen.query_one(ArticleTable)
        row = "".join(table.render_line(1).text.split())
        assert "제목[b]굵게[/b]" in row and "Title␛[2J" in row
        # the one source of every article is named in the header (no Source column), as written
        assert "all from [link=x]s[/]" in str(app.screen.query_one("#library-header").render())
        await pilot.press("enter")
        view = view_of(app)
        line = view.visible_text()[1]
        assert "한국어 [bold red]x[/] ␛[31mred␛[0m <U+202E>evil" in line
        assert "English [bold red]x[/] ␛[31mred␛[0m <U+202E>evil" in line
        # No style from the article: every text segment carries only the view's own colours.
        plain = view.render_line(1)
        styles = {seg.style.color.name if seg.style and seg.style.color else None
                  for seg in plain if "red" in seg.text or "x" in seg.text}  # fmt: skip
        assert "red" not in styles
        assert not any(seg.style and seg.style.bold for seg in plain if "x[/]" in seg.text)
        header = app.screen.query_one("#article-header")
        rendered = "\n".join(strip.text for strip in header.render_lines(header.region.reset_offset))
        assert "제목 [b]굵게[/b]" in rendered and "Title ␛[2J" in rendered

    drive(store, scenario)


def test_hangul_columns_line_up_to_the_cell(store_at, drive) -> None:
    """Wide characters are wrapped by cell width: the column rule sits at one cell offset on every line."""
    long_ko = "북한군 병력 약 11,000명이 쿠르스크주에 배치됐다는 정보총국의 발표가 나왔다. " * 3
    long_en = "About 11,000 North Korean troops were deployed to the Kursk oblast, the agency said. " * 2
    store = store_at(([(long_ko, long_en), ("가나다라마바사아자차카타파하" * 9, "x")], {"title_en": "wide"}))

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        width = view.scrollable_content_region.width
        lines = [line for line in view.visible_text()[1:] if line.strip()]
        assert len(lines) >= 5
        rule_at = {cell_len(line[: line.index("│")]) for line in lines}
        assert len(rule_at) == 1
        assert all(cell_len(line) == width for line in view.visible_text())
        text = "".join(line[GUTTER : line.index("│")].strip() for line in lines)
        assert text.replace(" ", "").startswith(long_ko.strip().replace(" ", "")[:60])  # nothing clipped

    drive(store, scenario, size=(101, 30))


def test_an_article_in_one_language_opens_in_that_language_alone(store_at, drive) -> None:
    store = store_at(
        ([("", "Only English here."), ("", "And a second sentence.")], {"title_en": "English only"}),
        ([("한국어 문장이다.", "A Korean sentence.")], {"title_en": "Both languages"}),
    )

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")  # newest first: the article in both languages
        view = view_of(app)
        assert view.segments[0].ko and view.languages == "both"
        await pilot.press("right_square_bracket")  # the English one
        assert not view.segments[0].ko and view.languages == "en"
        lines = view.visible_text()
        assert "│" not in lines[1] and "Only English here." in lines[1]  # no empty Korean column beside it
        await pilot.press("j")
        assert view.cursor == 1
        await pilot.press("left_square_bracket")  # back to the one in both: both are shown again
        assert view.segments[0].ko and view.languages == "both"

    drive(store, scenario)


def test_low_confidence_rows_are_marked_quietly(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        lines = view.visible_text()
        marked = [i for i, segment in enumerate(view.segments) if segment.confidence < 0.5]
        assert marked == [2, 5]
        for index in range(len(view.segments)):
            top, _ = view.row_span(index)
            assert (lines[1 + top][1] == "?") == (index in marked)

    drive(library, scenario)


def test_paragraphs_are_separated_by_a_blank_line(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        lines = view.visible_text()
        top2, height2 = view.row_span(2)
        top3, _ = view.row_span(3)
        assert top3 == top2 + height2 + 1  # segment 3 starts paragraph 1
        assert lines[1 + top3 - 1].replace("│", "").strip() == ""
        top1, height1 = view.row_span(1)
        assert top2 == top1 + height1  # same paragraph: no gap

    drive(library, scenario)


def _long_article(count: int) -> list[tuple[str, str, int]]:
    return [(f"{i}번째 문장은 여기 있다.", f"Sentence number {i} is here.", i // 5) for i in range(count)]


def test_space_b_and_g_move_by_screens_through_a_long_article(store_at, drive) -> None:
    store = store_at((_long_article(2000), {"title_en": "long"}))

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        assert not view.children  # line-based: nothing mounted per segment
        await pilot.press("space")
        assert view.scroll_y > 0
        first_on_screen = view.visible_text()[1]
        assert view.cursor > 0 and f"{view.cursor}번째" in "\n".join(view.visible_text())
        await pilot.press("space", "b")
        assert view.visible_text()[1] == first_on_screen
        await pilot.press("G")
        assert view.cursor == 1999
        assert "1999번째 문장은" in "\n".join(view.visible_text())
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_y == 0
        for _ in range(40):
            await pilot.press("j")
        top, height = view.row_span(40)
        assert view.scroll_y <= top and top + height <= view.scroll_y + view.scrollable_content_region.height

    drive(store, scenario, size=(120, 30))


def test_clicking_a_line_selects_its_segment(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        top, _ = view.row_span(3)
        await pilot.click(ParallelView, offset=(10, 1 + top))
        assert view.cursor == 3

    drive(library, scenario)


def test_empty_library_says_how_to_add_an_article(empty_library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert isinstance(app.screen, LibraryScreen)
        message = app.screen.query_one("#library-empty")
        text = "\n".join(strip.text for strip in message.render_lines(message.region.reset_offset))
        assert "reader add --ko KO.txt --en EN.txt" in text
        await pilot.press("j", "enter", "question_mark")  # nothing to open; keys do no harm

    drive(empty_library, scenario)


def test_notice_is_shown_once_at_start_and_leaves_when_an_article_opens(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert [n.message for n in app._notifications] == ["Copied the sample library."]
        await pilot.press("enter")  # the notice must not cover the article's first lines
        await pilot.pause()
        assert "Copied the sample library." not in [n.message for n in app._notifications]
        await pilot.press("q", "enter")
        await pilot.pause()
        assert "Copied the sample library." not in [n.message for n in app._notifications]

    drive(library, scenario, notice="Copied the sample library.")


def test_command_palette_opens_an_article_by_title(library, drive, palette) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await palette(app, pilot, "Won passes")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article.title_en == "Won passes 1,400"  # type: ignore[attr-defined]

    drive(library, scenario)


def test_command_palette_offers_the_screen_bindings(library, drive, palette) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        await palette(app, pilot, "Layout")
        await pilot.press("enter")
        await pilot.pause()
        assert view_of(app).shown_layout == "stacked"

    drive(library, scenario)


def test_an_article_without_text_still_opens(store_at, drive) -> None:
    store = store_at(([], {"title_ko": "빈 기사", "title_en": "Empty"}))

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j", "G", "space", "l", "t")
        assert "This article has no text." in "\n".join(view_of(app).visible_text())

    drive(store, scenario)


def test_narrowing_the_terminal_stacks_the_languages(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j", "j")
        view = view_of(app)
        assert view.shown_layout == "side"
        await pilot.resize_terminal(90, 40)
        await pilot.pause()
        assert view.shown_layout == "stacked" and view.cursor == 2
        lines = view.visible_text()
        top, height = view.row_span(2)
        assert all(line.startswith("▌") for line in lines[1 + top : 1 + top + height])
        assert all(len(line) <= 90 for line in lines)

    drive(library, scenario)


def test_colours_follow_the_theme(library, drive) -> None:
    """Nothing is hard-coded: switching Textual's theme recolours the current-segment cursor."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        backgrounds = []
        for theme in ("textual-dark", "textual-light", "nord"):
            app.theme = theme
            await pilot.pause()
            cursor_line = view.render_line(1)
            backgrounds.append({seg.style.bgcolor for seg in cursor_line if seg.style and seg.style.bgcolor})
        assert backgrounds[0] != backgrounds[1] != backgrounds[2]

    drive(library, scenario)


def test_a_tiny_terminal_does_not_break_the_layout(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "j", "space", "l", "t", "G", "b")
        view = view_of(app)
        width = view.scrollable_content_region.width
        assert all(cell_len(line) == width for line in view.visible_text())

    drive(library, scenario, size=(12, 8))


def test_the_library_s_notices_do_not_follow_into_the_article_or_the_search(library, drive) -> None:
    """`o` a few times says "Sorted …" each time; at 90×40 those toasts sat over the article's rows."""

    def toasts(app: ReaderApp) -> list[str]:
        return [notice.message for notice in app._notifications]  # what the screen in front shows

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("o", "o", "o", "o")
        await pilot.pause()
        assert any("Sorted" in text for text in toasts(app))
        await pilot.press("enter")
        await pilot.pause()
        assert not toasts(app)
        await pilot.press("q", "o")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert not toasts(app)
        await pilot.press("escape", "o")
        await pilot.pause()
        assert toasts(app)
        await pilot.press("f")  # the filters: a dialog over the library, not under its notices
        await pilot.pause()
        assert not toasts(app)

    drive(library, scenario, size=(90, 40))
