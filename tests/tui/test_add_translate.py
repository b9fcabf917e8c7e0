"""Adding an article from the library (`a`) and machine-translating a missing side from the reading screen
(`T`): real analysis in the dialog's worker, and a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from reader.store import Store
from reader.tui.app import ReaderApp
from reader.tui.dialogs.add_article import AddArticleDialog
from reader.tui.dialogs.confirm import ConfirmScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.status_line import StatusLine

# The web and translation tests' own servers (and config writer): real pages, the real request format.
from servers import serving, url_of
from test_import_web import KO_PARAGRAPHS, Pages, QuietServer
from test_translate import EN_FOR, KEY, KO, EngineServer, configure

PASTED_KO = (
    "서울시, 겨울철 한파 대책 발표\n\n"
    "서울시는 3일 겨울철 한파에 대비한 종합 대책을 발표했다. 시는 쉼터 500곳을 운영한다."
)
PASTED_EN = ("Seoul announces cold-wave measures\n\n"
             "The Seoul city government announced comprehensive measures against winter cold waves on the 3rd. "
             "The city will run 500 shelters.")  # fmt: skip


def article_count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def notifications(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def open_dialog(app: ReaderApp, pilot: Pilot) -> AddArticleDialog:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(app.screen, AddArticleDialog)
    return app.screen


async def paste(pilot: Pilot, area: TextArea, text: str) -> None:
    """What a terminal sends on paste: one Paste event to the app, which hands it to the focused area."""
    area.focus()
    await pilot.pause()
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def submit(app: ReaderApp, pilot: Pilot) -> None:
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def add_from_source(app: ReaderApp, pilot: Pilot, library, source: str):
    """Type `source` (a file or an address) into the add dialog's source field, add it, and return the
    article now under the library's cursor."""
    dialog = await open_dialog(app, pilot)
    dialog.query_one("#add-source", Input).focus()
    await pilot.press(*source)
    await submit(app, pilot)
    assert isinstance(app.screen, LibraryScreen), getattr(app.screen, "message", "")
    return library.get_article(app.screen.table.article_id_at_cursor())


def test_pasted_korean_and_english_become_an_aligned_article(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_KO)
        await paste(pilot, dialog.query_one("#add-en", TextArea), PASTED_EN)
        await submit(app, pilot)
        assert isinstance(app.screen, LibraryScreen), getattr(app.screen, "message", "")
        new_id = app.screen.table.article_id_at_cursor()
        assert new_id is not None and new_id > 3
        assert "4 articles" in str(app.screen.query_one("#library-header", Static).render())
        article = library.get_article(new_id)
        assert article.title_ko == "서울시, 겨울철 한파 대책 발표"
        assert article.title_en == "Seoul announces cold-wave measures"
        assert article.translation_by == "human"
        # Analysed as `reader add` would: two sentences a side, each beside its own translation.
        pairs = [(s.ko, s.en) for s in article.segments]
        assert ("시는 쉼터 500곳을 운영한다.", "The city will run 500 shelters.") in pairs
        assert any(m.side == "ko" and m.partner is not None for m in article.mentions)
        await pilot.press("enter")
        assert isinstance(app.screen, ReadingScreen) and app.screen.article.id == new_id

    drive(library, scenario)


def test_the_source_and_date_typed_in_the_dialog_are_the_articles_and_a_bad_date_is_one_line(
    library, drive
) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        order = []
        for _ in range(7):  # from the Korean text Tab goes to the English text, what is pasted next
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == [
            "add-ko",
            "add-en",
            "add-outlet",
            "add-date",
            "add-source",
            "add-title-ko",
            "add-title-en",
        ]
        assert app.focused.id == "add-ko"
        await pilot.press("shift+tab")
        assert app.focused.id == "add-title-en"
        title = dialog.query_one("#add-title-ko", Input)
        await paste(pilot, title, PASTED_KO)  # a whole article pasted into the title box
        # its first line is the title, the rest its text
        assert title.value == "서울시, 겨울철 한파 대책 발표"
        assert dialog.query_one("#add-ko", TextArea).text.startswith("서울시는 3일 겨울철 한파에")
        await paste(pilot, dialog.query_one("#add-en", TextArea), PASTED_EN)
        dialog.query_one("#add-outlet", Input).value = "Seoul Daily"
        dialog.query_one("#add-date", Input).value = "2024-12-32"
        await submit(app, pilot)
        assert app.screen is dialog and "2024-12-32" in dialog.message  # the dialog stays, nothing added
        assert "3 articles" in str(app.screen_stack[-2].query_one("#library-header", Static).render())
        dialog.query_one("#add-date", Input).value = "2024-12-03"
        await submit(app, pilot)
        assert isinstance(app.screen, LibraryScreen), getattr(app.screen, "message", "")
        article = library.get_article(app.screen.table.article_id_at_cursor())
        assert (article.source, article.published) == ("Seoul Daily", "2024-12-03")
        assert article.title_ko == "서울시, 겨울철 한파 대책 발표" and "쉼터 500곳" in article.ko_text

    drive(library, scenario)


def test_pasting_the_english_of_a_stored_korean_article_gives_it_that_side(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_KO)
        await submit(app, pilot)
        korean_only = app.screen.table.article_id_at_cursor()
        assert korean_only is not None and library.get_article(korean_only).en_text == ""
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_KO)
        await paste(pilot, dialog.query_one("#add-en", TextArea), PASTED_EN)
        await submit(app, pilot)
        assert isinstance(app.screen, LibraryScreen), getattr(app.screen, "message", "")
        assert app.screen.table.article_id_at_cursor() == korean_only
        assert "4 articles" in str(app.screen.query_one("#library-header", Static).render())
        assert "The city will run 500 shelters." in library.get_article(korean_only).en_text
        assert any("now has the English side too" in n.message for n in app._notifications)

    drive(library, scenario)


def test_the_first_article_of_an_empty_library(empty_library, drive, monkeypatch) -> None:
    """The status line says what the worker is doing; the empty-library message gives way to the table."""
    shown: list[str] = []
    original = AddArticleDialog.show_status

    def spy(self: AddArticleDialog, message: str, *, error: bool = False) -> None:
        shown.append(message)
        original(self, message, error=error)

    monkeypatch.setattr(AddArticleDialog, "show_status", spy)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        assert app.screen.query_one("#library-empty").display
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_KO)
        await submit(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert not app.screen.query_one("#library-empty").display and app.screen.table.display
        assert app.screen.table.article_id_at_cursor() == 1 and app.focused is app.screen.table
        assert shown[0] == "Checking the text…" and shown[1].startswith("Analysing")

    drive(empty_library, scenario)


def test_a_duplicate_is_one_line_in_the_dialog_and_nothing_is_added(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        # The third fixture article, pasted again (titles differ: the texts are what makes a duplicate).
        await paste(pilot, dialog.query_one("#add-ko", TextArea), "원·달러 환율이 1,400원을 넘었다.")
        await paste(
            pilot, dialog.query_one("#add-en", TextArea), "The won weakened past 1,400 to the dollar."
        )
        await submit(app, pilot)
        assert app.screen is dialog
        assert dialog.message == "This article is already in the library (id 3)"
        assert dialog.query_one("#add-status").has_class("error")
        assert article_count(library) == 3
        await pilot.press("escape", "y")  # the pasted text is dropped only when the reader says so
        assert isinstance(app.screen, LibraryScreen)
        assert "3 articles" in str(app.screen.query_one("#library-header", Static).render())

    drive(library, scenario)


def test_nothing_pasted_and_a_bad_address_are_one_line_each(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        await submit(app, pilot)
        assert dialog.message.startswith("Nothing to add: paste Korean and/or English text")
        source = dialog.query_one("#add-source", Input)
        source.focus()
        await pilot.press(*"http://127.0.0.1:9/")  # a closed port: the connection is refused at once
        await submit(app, pilot)
        assert app.screen is dialog
        assert "http://127.0.0.1:9/" in dialog.message and "\n" not in dialog.message
        assert dialog.query_one("#add-status").has_class("error")
        assert article_count(library) == 3

    drive(library, scenario)


def test_a_file_path_adds_the_file_as_reader_add_would(library, drive, tmp_path) -> None:
    path = tmp_path / "cold.txt"
    path.write_text(PASTED_EN, encoding="utf-16")  # decoded like any file `reader add` reads

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        article = await add_from_source(app, pilot, library, str(path))
        assert article.title_en == "Seoul announces cold-wave measures" and article.ko_text == ""
        assert article.en_text == PASTED_EN.split("\n\n", 1)[1]  # the headline is the title, not also row 1
        await pilot.press("enter")
        header = str(app.screen.query_one("#article-header", Static).render())
        assert "no Korean text: T translates" in header

    drive(library, scenario)


def test_lone_surrogates_replaced_on_import_are_reported_after_the_dialog_closes(
    library, drive, tmp_path
) -> None:
    path = tmp_path / "broken.json"  # JSON may escape half of a UTF-16 pair: it cannot be stored as such
    path.write_text(
        json.dumps({"ko": PASTED_KO, "en": PASTED_EN.replace("500 shelters", "500 \ud800shelters")})
    )

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        article = await add_from_source(app, pilot, library, str(path))
        assert "500 \ufffdshelters" in article.en_text
        said = [n for n in app._notifications if "lone surrogate" in str(n.message)]
        assert len(said) == 1 and said[0].severity == "warning"
        assert str(said[0].message).startswith("Added, but 1 lone surrogate")
        assert "English text line 1 column 120" in str(said[0].message)  # where, as `reader add` says

    drive(library, scenario)


def test_a_clean_import_from_the_dialog_warns_of_nothing(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_KO)
        await paste(pilot, dialog.query_one("#add-en", TextArea), PASTED_EN)
        await submit(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert not [n for n in app._notifications if n.severity == "warning"]

    drive(library, scenario)


@pytest.fixture
def site() -> Iterator[str]:
    """The web import tests' page server (a news page in Korean at /ko, with its date and source)."""
    with serving(QuietServer(("127.0.0.1", 0), Pages)) as server:
        yield url_of(server)


def test_a_web_address_is_fetched_and_extracted_in_the_worker(library, drive, site) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        article = await add_from_source(app, pilot, library, f"{site}/ko")
        assert article.title_ko == "북한군 1만1000명 쿠르스크 배치" and article.url == f"{site}/ko"
        assert article.source == "Daily Test" and article.published == "2024-11-26"
        assert all(paragraph in article.ko_text for paragraph in KO_PARAGRAPHS) and article.en_text == ""

    drive(library, scenario)


def test_english_pasted_into_the_korean_box_is_refused(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_EN)
        await submit(app, pilot)
        assert dialog.message == "The Korean text looks English: is it in the wrong box?"
        assert article_count(library) == 3

    drive(library, scenario)


def test_escape_asks_before_dropping_pasted_text_and_a_file_with_wrong_language_is_refused(
    library, drive, tmp_path
) -> None:

    wrong = tmp_path / "story_ko.txt"  # its name says Korean, its text is English
    wrong.write_text(PASTED_EN, encoding="utf-8")

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        dialog = await open_dialog(app, pilot)
        await pilot.press("escape")  # nothing typed: closes at once
        assert isinstance(app.screen, LibraryScreen)
        dialog = await open_dialog(app, pilot)
        await paste(pilot, dialog.query_one("#add-ko", TextArea), PASTED_KO)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it: the text is still there
        assert app.screen is dialog and dialog.query_one("#add-ko", TextArea).text == PASTED_KO
        await pilot.press("escape", "y")
        assert isinstance(app.screen, LibraryScreen)
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#add-source", Input).value = str(wrong)
        await submit(app, pilot)
        assert "its name says Korean, but the text reads as English" in dialog.message
        assert article_count(library) == 3

    drive(library, scenario)


def test_korean_layout_keys_type_hangul_inside_the_text_areas(library, drive) -> None:
    """ㅁ is `a` in the library (it opens this dialog) but stays ㅁ when typed into a text area."""

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("ㅁ")
        await pilot.pause()
        assert isinstance(app.screen, AddArticleDialog)
        await pilot.press("ㅁ", "한", "ㅣ")
        assert app.screen.query_one("#add-ko", TextArea).text == "ㅁ한ㅣ"

    drive(library, scenario)


# --- machine translation from the reading screen ------------------------------------------------------


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[EngineServer]:
    monkeypatch.setenv("TEST_LLM_KEY", KEY)
    with serving(EngineServer()) as server:
        yield server


async def add_korean_only(app: ReaderApp, pilot: Pilot) -> int:
    dialog = await open_dialog(app, pilot)
    await paste(pilot, dialog.query_one("#add-ko", TextArea), KO)
    await submit(app, pilot)
    assert isinstance(app.screen, LibraryScreen), getattr(app.screen, "message", "")
    article_id = app.screen.table.article_id_at_cursor()
    assert article_id is not None
    await pilot.press("enter")
    assert isinstance(app.screen, ReadingScreen) and app.screen.article.id == article_id
    return article_id


def test_translate_without_an_engine_says_how_to_configure_one(library, drive) -> None:
    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await add_korean_only(app, pilot)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)  # no question asked, nothing started
        message = notifications(app)[-1]
        assert message.startswith("No translation engine configured")
        assert str(Path("reader") / "config.toml") in message and "reader translate --help" in message
        # shown as written: [translate] would be eaten as a markup tag
        toast = list(app._notifications)[-1]
        assert "under [translate] in " in toast.message and toast.markup is False
        assert not app.screen.article.en_text

    drive(library, scenario)


def test_a_persons_translation_is_never_replaced(library, drive, tmp_path, engine) -> None:
    configure(tmp_path, engine)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.press("enter", "T")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert "translated by a person" in notifications(app)[-1]
        assert engine.requests == []

    drive(library, scenario)


def test_translate_fills_the_missing_side_after_a_yes(library, drive, tmp_path, engine, monkeypatch) -> None:
    configure(tmp_path, engine)
    shown: list[str | None] = []
    original = ReadingScreen.translation_status

    def spy(self: ReadingScreen, message: str | None) -> None:
        shown.append(message)
        original(self, message)

    monkeypatch.setattr(ReadingScreen, "translation_status", spy)

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        article_id = await add_korean_only(app, pilot)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert engine.requests == []  # nothing is sent before the reader says yes
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        assert screen.article.translation_by == "openai"
        # the headline is the title (translated with the sentences), not also row 1
        assert [(s.ko, s.en) for s in screen.article.segments] == list(EN_FOR.items())[1:]
        header = str(screen.query_one("#article-header", Static).render())
        assert "machine translation (openai)" in header
        assert "North Korean troops deployed to Kursk" in header
        assert notifications(app)[-1] == "Translated 5 sentences with openai."
        assert library.get_article(article_id).translation_by == "openai"
        # Progress in the status line, batch by batch (two sentences a request), then the line is cleared.
        assert "Translating with openai: 6/6 sentences" in shown and shown[-1] is None
        assert screen.query_one(StatusLine).part("job") == ""

    drive(library, scenario)


def test_a_failed_translation_is_one_line_and_changes_nothing(library, drive, tmp_path, engine) -> None:
    configure(tmp_path, engine, max_attempts=1)
    engine.script = ["nonsense"] * 10

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        article_id = await add_korean_only(app, pilot)
        await pilot.press("T", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notifications(app)[-1].startswith("Translation failed: ")
        assert library.get_article(article_id).en_text == ""
        assert app.screen.article.translation_by == "human"

    drive(library, scenario)


def test_leaving_the_article_while_it_is_translated(library, drive, tmp_path, engine) -> None:
    """The translation goes on in the library; it lands in the article and is announced there."""
    configure(tmp_path, engine)
    engine.script = ["429"]
    engine.retry_after = "0.5"  # the engine asks to wait: time to go back to the library

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        article_id = await add_korean_only(app, pilot)
        await pilot.press("T", "y", "q")
        assert isinstance(app.screen, LibraryScreen)
        for _ in range(100):  # bounded: the thread outlives the screen that started it
            if "Translated 5 sentences with openai." in notifications(app):
                break
            await pilot.pause(0.05)
        assert notifications(app)[-1] == "Translated 5 sentences with openai."
        assert isinstance(app.screen, LibraryScreen)
        assert library.get_article(article_id).translation_by == "openai"
        await pilot.press("enter")
        assert "machine translation (openai)" in str(app.screen.query_one("#article-header", Static).render())

    drive(library, scenario)


def test_add_article_dialog(library, snap_compare) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("a")
        await pilot.pause()
        await paste(pilot, pilot.app.screen.query_one("#add-ko", TextArea), PASTED_KO)
        pilot.app.screen.query_one("#add-title-en", Input).focus()
        await pilot.press(*"Seoul prepares for the cold")

    assert snap_compare(ReaderApp(library), run_before=run_before, terminal_size=(120, 36))
