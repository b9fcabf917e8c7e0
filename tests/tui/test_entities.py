"""Entities on the reading screen: colours by type, Tab between mentions, the panel, the glossary, the check."""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.filter import NoColor
from textual.pilot import Pilot
from textual.widgets import Input, Select

from reader.store.glossary import list_entries
from reader.tui.app import ReaderApp
from reader.tui.dialogs.glossary_entry import GlossaryEntryDialog
from reader.tui.dialogs.help import HelpScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.entity_marks import MENTION_CLASSES, PARTNER_CLASS, SELECTED_CLASS
from reader.tui.widgets.entity_panel import EntityList, EntityPanel
from reader.tui.widgets.parallel_view import ISSUE_MARK, ParallelView
from reader.tui.widgets.status_line import StatusLine


def view_of(app: ReaderApp) -> ParallelView:
    return app.screen.query_one(ParallelView)


def styles_of(view: ParallelView, word: str, row: int = 0) -> list[Style]:
    """The styles the screen draws `word` in (each character of its first appearance in row `row`)."""
    top, height = view.row_span(row)
    for y in range(top + 1 - int(view.scroll_y), top + 1 + height - int(view.scroll_y)):
        line = view.render_line(y)
        chars = [(ch, seg.style) for seg in line for ch in seg.text]
        text = "".join(ch for ch, _ in chars)
        if word in text:
            at = text.index(word)
            return [style for _, style in chars[at : at + len(word)]]
    raise AssertionError(f"{word!r} is not on screen in row {row}")


def status_of(app: ReaderApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


def test_mentions_are_coloured_by_type_in_both_columns(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        place = view.get_component_rich_style(MENTION_CLASSES["PLACE"], partial=True).color
        org = view.get_component_rich_style(MENTION_CLASSES["ORG"], partial=True).color
        assert place is not None and org is not None and place != org
        assert {s.color for s in styles_of(view, "쿠르스크")} == {place}
        assert {s.color for s in styles_of(view, "Kursk")} == {place}
        assert {s.color for s in styles_of(view, "우크라이나")} == {place}
        assert {s.color for s in styles_of(view, "국방정보총국")} == {org}
        # words that are no mention keep the text colour
        assert place not in {s.color for s in styles_of(view, "지역에서")}
        assert org not in {s.color for s in styles_of(view, "intercepted")}

    drive(library, scenario)


def test_tab_selects_mentions_in_reading_order_and_lights_the_partner(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "tab")
        view = view_of(app)
        assert view.selected_mention is not None
        assert all(s.reverse for s in styles_of(view, "우크라이나"))
        assert all(s.bgcolor is not None and s.bold for s in styles_of(view, "Ukraine"))
        assert "우크라이나 ↔ Ukraine · PLACE · glossary" in status_of(app)
        await pilot.press("tab", "tab")  # 국방정보총국 (not linked), then 쿠르스크
        assert "쿠르스크 ↔ Kursk · PLACE · transliteration" in status_of(app)
        assert not any(s.reverse for s in styles_of(view, "우크라이나"))
        assert all(s.reverse for s in styles_of(view, "쿠르스크"))
        partner = view.get_component_rich_style(PARTNER_CLASS, partial=True).bgcolor
        assert {s.bgcolor for s in styles_of(view, "Kursk")} == {partner}
        await pilot.press("shift+tab")
        assert "국방정보총국 · ORG · not linked" in status_of(app)
        await pilot.press("shift+tab", "shift+tab")  # back past the first: wraps to the row's last mention
        assert view.selected_mention == view.mention_stops(view.cursor)[-1]
        # Escape clears the selection first, and only then leaves the screen
        await pilot.press("escape")
        assert view.selected_mention is None and app.screen is view.screen
        assert "↔" not in status_of(app)
        await pilot.press("j", "tab")
        assert "정보총국 ↔ the agency · ORG · elimination · a guess" in status_of(app)
        await pilot.press("j")  # moving on clears the selection
        assert view.selected_mention is None
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)

    drive(library, scenario)


def test_tab_stops_once_at_each_linked_pair(library, drive) -> None:
    """Both sides of a pair light up together, so Tab goes round the row's pairs once, not once a side."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        shown: list[str] = []
        await pilot.press("tab")
        first = view.selected_mention
        for _ in range(12):
            shown.append(status_of(app).split(" · ")[0])
            await pilot.press("tab")
            if view.selected_mention == first:
                break
        assert "우크라이나 ↔ Ukraine" in shown and "쿠르스크 ↔ Kursk" in shown
        assert not any(line.startswith(("Ukraine", "Kursk")) for line in shown)
        assert len(shown) == len(set(shown))
        linked_english = [m for m in view.row_mentions(view.cursor) if m.side == "en" and m.partner]
        assert len(shown) < len(view.row_mentions(view.cursor)) and linked_english
        # from the English side of a pair (chosen from a note, say), Tab goes on from the pair's stop
        stops = view.mention_stops(view.cursor)
        kursk = stops[shown.index("쿠르스크 ↔ Kursk")]
        view.select(view.mention(kursk.partner))
        await pilot.press("tab")
        assert view.selected_mention == stops[(stops.index(kursk) + 1) % len(stops)]

    drive(library, scenario)


def test_selected_class_is_reverse_bold(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        style = view_of(app).get_component_rich_style(SELECTED_CLASS, partial=True)
        assert style.reverse and style.bold

    drive(library, scenario)


def test_entities_panel_lists_each_entity_once_and_enter_walks_its_rows(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "e")
        panel = app.screen.query_one(EntityPanel)
        assert panel.is_open and isinstance(app.focused, EntityList)
        labels = [str(app.focused.get_option_at_index(i).prompt) for i in range(app.focused.option_count)]
        assert labels[0] == "북한군 ↔ North Korean  ORG ×2"  # the only entity met twice comes first
        assert "쿠르스크 ↔ Kursk  PLACE ×1" in labels and "국방정보총국  ORG ×1  not linked" in labels
        assert len(labels) == len(set(labels)) == 14
        view = view_of(app)
        await pilot.press("enter")  # 북한군: rows 0 and 1; the cursor is on 0, so the next is 1
        assert view.cursor == 1
        assert "북한군 ↔ North Korean · ORG · glossary" in status_of(app)  # selected there, partner lit
        assert all(s.reverse for s in styles_of(view, "북한군", row=1))
        await pilot.press("enter")  # and round again
        assert view.cursor == 0
        index = labels.index("스톰 섀도 ↔ Storm Shadow  EQUIPMENT ×1")
        app.focused.highlighted = index
        await pilot.press("enter")
        assert view.cursor == 3
        await pilot.press("escape")
        assert not panel.is_open and app.focused is view

    drive(library, scenario)


def test_a_flagged_row_shows_its_mark_and_reasons(store_at, drive) -> None:
    reason = "500명 (500) has no counterpart in the English"
    store = store_at(([("정상적인 문장이다.", "A sound sentence."), ("500명이 숨졌다.", "Fifty soldiers died.", 0, 1.0, (reason,))],
                      {"title_en": "check"}))  # fmt: skip

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        lines = view.visible_text()
        assert lines[1][1] == " " and lines[2][1] == ISSUE_MARK
        assert reason not in status_of(app)
        await pilot.press("j")
        assert f"{ISSUE_MARK} {reason}" in status_of(app)
        await pilot.press("k")
        assert reason not in status_of(app)

    drive(store, scenario)


def test_a_finding_shows_both_figures_and_a_remark_no_flag(store_at, drive) -> None:
    """A converted figure's finding names both figures; a figure found in the next row is a remark: said
    in the status line, without the row's flag."""
    alarm = "1,485 miles ≈ 2,390 km, the Korean says 1907km"
    remark = "note: 2주 is not in this row's English but in the next row's"
    store = store_at(([("열차는 1907km를 달렸다.", "The train ran 1,485 miles.", 0, 1.0, (alarm,)),
                       ("협상단은 2주 만에 돌아왔다.", "The negotiators came back.", 0, 1.0, (remark,)),
                       ("결과는 없었다.", "It took nearly two weeks. There was no result.")],
                      {"title_en": "figures"}))  # fmt: skip

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        lines = view.visible_text()
        assert lines[1][1] == ISSUE_MARK and lines[2][1] != ISSUE_MARK
        assert f"{ISSUE_MARK} {alarm}" in status_of(app)
        await pilot.press("j")
        assert remark in status_of(app) and ISSUE_MARK not in status_of(app)

    drive(store, scenario)


def test_help_has_a_legend_of_the_entity_colours(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        legend = app.screen.query_one("#help-legend")
        text = "\n".join(strip.text for strip in legend.render_lines(legend.region.reset_offset))
        for word in ("Person", "Organisation", "Place", "Equipment", "Date", "Quantity", "Other",
                     "selected", "its counterpart", "noted", "find hit", "aligned by hand"):  # fmt: skip
            assert word in text

    drive(library, scenario)


def attributes(style: Style) -> tuple[bool, bool, bool, bool, bool]:
    """What sets a style apart on a terminal without colour."""
    return (bool(style.bold), bool(style.italic), bool(style.underline), bool(style.reverse), bool(style.dim))


TYPE_WORDS = {"PERSON": ("블라디미르 푸틴", "Vladimir Putin", 0), "PLACE": ("평양", "Pyongyang", 0),
              "ORG": ("노동당", "Workers' Party", 1), "DATE": ("6월 19일", "June 19", 0),
              "QUANTITY": ("24년", "24 years", 0), "EQUIPMENT": ("이스칸데르", "Iskander", 1),
              "OTHER": ("국무위원장", "leader", 0)}  # fmt: skip


def test_entity_types_differ_by_more_than_colour(library, drive) -> None:
    """Each type's style has a text style (bold, italic, underline) no other type has in that combination,
    and none is the dim, reverse or background of a guessed link, the selected name or a find hit."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            styles = {
                kind: view.get_component_rich_style(c, partial=True) for kind, c in MENTION_CLASSES.items()
            }
            assert len({attributes(style) for style in styles.values()}) == len(MENTION_CLASSES), styles
            assert len({style.color for style in styles.values()}) == len(MENTION_CLASSES), styles
            for kind, style in styles.items():
                assert not style.dim and not style.reverse and style.bgcolor is None, (kind, style)
            assert not any(attributes(view.get_component_rich_style(c, partial=True)) == (False,) * 5
                           for kind, c in MENTION_CLASSES.items() if kind != "OTHER")  # fmt: skip

    drive(library, scenario)


def test_with_no_color_each_type_is_still_drawn_its_own_way(treaty_library, drive, monkeypatch) -> None:
    """NO_COLOR (or a monochrome terminal): with the colours taken out of the drawn line, 블라디미르 푸틴 and
    6월 19일 — and every other pair of types — still look different, in both languages."""
    monkeypatch.setenv("NO_COLOR", "1")

    def drawn(view: ParallelView, word: str, row: int) -> set[tuple[bool, ...]]:
        top, height = view.row_span(row)
        for y in range(top + 1 - int(view.scroll_y), top + 1 + height - int(view.scroll_y)):
            line = NoColor().apply(list(view.render_line(y)), Color(0, 0, 0))
            chars = [(ch, seg.style) for seg in line for ch in seg.text]
            text = "".join(ch for ch, _ in chars)
            if word in text:
                at = text.index(word)
                found = [style or Style() for _, style in chars[at : at + len(word)]]
                colours = {c for s in found for c in (s.color, s.bgcolor) if c is not None}
                assert all(c.is_default for c in colours)  # no colour left to tell them apart by
                return {attributes(s) for s in found}
        raise AssertionError(f"{word!r} is not on screen in row {row}")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert app.no_color
        await pilot.press("enter")
        view = view_of(app)
        for side in (0, 1):
            looks = {kind: drawn(view, words[side], words[2]) for kind, words in TYPE_WORDS.items()}
            for kind, seen in looks.items():
                assert len(seen) == 1, (kind, seen)  # the whole mention one way (spaces inside included)
            assert len({next(iter(seen)) for seen in looks.values()}) == len(TYPE_WORDS), looks
            assert looks["PERSON"] != looks["DATE"]

    drive(treaty_library, scenario)


def test_the_help_legend_draws_each_type_in_its_style_above_the_keys(library, drive) -> None:
    """At 90x40 the legend is on screen as the help opens (no scrolling past the keys), each type's name
    drawn in that type's style; at 60x20 it still fits."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        styles = {kind: view_of(app).get_component_rich_style(c, partial=True)
                  for kind, c in MENTION_CLASSES.items()}  # fmt: skip
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        body = help_screen.query_one("#help-body")
        legend = help_screen.query_one("#help-legend")
        assert body.content_region.contains_region(legend.region)
        assert legend.region.y < help_screen.query_one("#help-table").region.y
        chars = [(ch, seg.style) for strip in legend.render_lines(legend.region.reset_offset)
                 for seg in strip for ch in seg.text]  # fmt: skip
        text = "".join(ch for ch, _ in chars)
        for kind, label in (("PERSON", "Person"), ("PLACE", "Place"), ("ORG", "Organisation"),
                            ("DATE", "Date"), ("QUANTITY", "Quantity")):  # fmt: skip
            at = text.index(label)
            drawn = {(s.color, attributes(s)) for _, s in chars[at : at + len(label)]}
            assert drawn == {(styles[kind].color, attributes(styles[kind]))}, (label, drawn)

    drive(library, scenario, size=(90, 40))
    drive(library, scenario, size=(60, 20))


def test_plus_adds_the_selected_name_to_the_glossary_and_reanalyses(library, drive) -> None:
    """The real path: the dialog, `add_entry`, and `reader.reanalysis` in a thread worker (loads Kiwi once)."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "plus")
        assert not isinstance(app.screen, GlossaryEntryDialog)  # nothing selected yet
        await pilot.press("j", "j", "j", "tab")  # row 3: 스톰 섀도 ↔ Storm Shadow
        await pilot.press("plus")
        dialog = app.screen
        assert isinstance(dialog, GlossaryEntryDialog)
        assert dialog.query_one("#glossary-ko", Input).value == "스톰 섀도"
        assert dialog.query_one("#glossary-en", Input).value == "Storm Shadow"
        assert dialog.query_one("#glossary-type", Select).value == "EQUIPMENT"
        dialog.query_one("#glossary-ko", Input).value = "스톰 섀도|스톰섀도"
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, GlossaryEntryDialog)
        added = [e.entry for e in list_entries(library.conn, query="Storm Shadow") if e.origin == "user"]
        assert [(e.ko, e.en, e.type) for e in added] == [
            (("스톰 섀도", "스톰섀도"), ("Storm Shadow",), "EQUIPMENT")
        ]
        view = view_of(app)
        await pilot.press("j")  # reading goes on while the worker runs
        assert view.cursor == 4
        await app.workers.wait_for_complete()
        await pilot.pause()
        # the article was re-analysed from its text: the new mentions are the entity layer's, the cursor stayed
        assert view.cursor == 4
        assert "Re-analysing" not in str(app.screen.query_one(StatusLine).render())
        article = app.screen.article
        stored = {(m.side, article.ko_text[m.start:m.end] if m.side == "ko" else article.en_text[m.start:m.end])
                  for m in article.mentions}  # fmt: skip
        assert ("ko", "스톰 섀도") in stored and ("en", "Storm Shadow") in stored

    drive(library, scenario)


def test_glossary_dialog_needs_both_forms_and_escape_adds_nothing(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "tab", "tab", "plus")  # 국방정보총국: no English partner
        dialog = app.screen
        assert isinstance(dialog, GlossaryEntryDialog)
        assert dialog.query_one("#glossary-en", Input).value == ""
        assert app.focused is dialog.query_one("#glossary-en", Input)
        before = len(list_entries(library.conn))
        await pilot.press("ctrl+s")
        assert app.screen is dialog and "both" in str(dialog.query_one("#glossary-error").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, GlossaryEntryDialog)
        assert len(list_entries(library.conn)) == before

    drive(library, scenario)


def test_entity_colours_follow_the_theme(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        dark = {s.color for s in styles_of(view, "쿠르스크")}
        app.theme = "textual-light"
        await pilot.pause()
        light = view.get_component_rich_style(MENTION_CLASSES["PLACE"], partial=True).color
        assert light not in dark
        assert {s.color for s in styles_of(view, "쿠르스크")} == {light}

    drive(library, scenario)


def test_plus_on_a_name_the_glossary_links_already_says_so(library, drive) -> None:
    """A pair the glossary made is offered no second entry: the status says it is there."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter")
        view = view_of(app)
        for _ in range(40):  # Tab through the names to the first the glossary linked
            await pilot.press("tab")
            selected = view.selected_mention
            if selected is not None and selected.how == "glossary" and selected.partner is not None:
                break
        else:
            raise AssertionError("no glossary link in the first article")
        await pilot.press("plus")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryEntryDialog)
        assert any("is in the glossary already" in str(n.message) for n in app._notifications)

    drive(library, scenario)
