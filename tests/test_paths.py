"""Where the library lives, and a new user's first run."""

from __future__ import annotations

from pathlib import Path

from reader.paths import bundled_library, ensure_default_library, resolve_db_path
from reader.store import Store


def test_cli_value_beats_environment_beats_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("READER_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(str(tmp_path / "cli.db")) == (tmp_path / "cli.db", False)
    assert resolve_db_path(None) == (tmp_path / "env.db", False)
    monkeypatch.delenv("READER_DB")
    path, is_default = resolve_db_path(None)
    assert is_default and path == tmp_path / "home" / ".local" / "share" / "reader" / "library.db"


def test_first_run_gets_the_sample_library(tmp_path: Path) -> None:
    path, _ = resolve_db_path(None)
    assert bundled_library() is not None
    assert ensure_default_library(path) is True
    with Store.open(path) as store:
        assert store.count_articles() >= 6
    # a second run leaves the user's library alone, even after they emptied it
    with Store.open(path) as store:
        for article in store.list_articles():
            store.delete_article(article.id)
    assert ensure_default_library(path) is False
    with Store.open(path) as store:
        assert store.count_articles() == 0


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_command_on_a_fresh_machine_lists_the_samples_and_says_where_they_are(capsys) -> None:
    from reader import cli

    assert cli.main(["list"]) == 0
    captured = capsys.readouterr()
    assert "The library is empty" not in captured.out
    assert len(captured.out.splitlines()) >= 6
    path, _ = resolve_db_path(None)
    assert f"started your library {path} with the sample articles" in captured.err
    assert cli.main(["list"]) == 0  # only the first run says so
    assert capsys.readouterr().err == ""


def test_naming_the_bundled_samples_opens_the_users_library_and_leaves_the_file_unchanged(capsys) -> None:
    """`reader --db articles.db`, as the README's quick start says: reading an article and writing a note
    change the user's library, never the tracked sample file."""
    import asyncio

    from reader import cli
    from reader.store.notes import list_notes
    from reader.tui.app import ReaderApp
    from reader.tui.dialogs.note_editor import NoteEditor

    sample = bundled_library()
    assert sample is not None
    before = _digest(sample)
    seen: list[str | None] = []

    def open_app(store: Store, notice: str | None) -> None:
        async def session() -> None:
            app = ReaderApp(store, notice=notice)
            async with app.run_test(size=(160, 48)) as pilot:
                await pilot.pause()
                seen.extend(n.message for n in app._notifications)  # shown at start, gone once reading
                await pilot.press("enter", "a")
                assert isinstance(app.screen, NoteEditor)
                await pilot.press(*"checked", "ctrl+s")
                await pilot.pause()
                await pilot.press("q", "q")

        asyncio.run(session())

    assert cli.main(["--db", str(sample)], open_app=open_app) == 0
    assert _digest(sample) == before
    mine, _ = resolve_db_path(None)
    assert seen and "is the bundled sample library and stays unchanged" in str(seen[0])
    assert str(mine) in str(seen[0]) and "started from the samples" in str(seen[0])
    with Store.open(mine) as store:
        assert [n.body for n in list_notes(store.conn)] == ["checked"]
    assert cli.main(["--db", str(sample), "list"]) == 0
    assert "stays unchanged" in capsys.readouterr().err
    assert _digest(sample) == before


def test_naming_the_samples_with_reader_db_set_opens_that_library(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from reader import cli

    sample = bundled_library()
    assert sample is not None
    before = _digest(sample)
    mine = tmp_path / "mine.db"
    monkeypatch.setenv("READER_DB", str(mine))
    assert cli.main(["--db", str(sample), "list"]) == 0
    assert f"opened your library {mine}" in capsys.readouterr().err
    assert mine.exists() and _digest(sample) == before


def test_naming_the_samples_fills_a_library_that_holds_nothing_yet_but_never_one_with_something(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """A library made empty (or created by a command that found nothing to add) gets the samples when the
    samples are asked for; a library with anything of the reader's own — here only a feed — is left as is."""
    from reader import cli

    sample = bundled_library()
    assert sample is not None
    empty, with_feed = tmp_path / "empty.db", tmp_path / "feed.db"
    for db in (empty, with_feed):
        Store.open(db).close()
    assert (
        cli.main(["--db", str(with_feed), "feeds", "add", "https://news.example.kr/rss", "--no-check"]) == 0
    )
    capsys.readouterr()

    monkeypatch.setenv("READER_DB", str(empty))
    assert cli.main(["--db", str(sample), "list"]) == 0
    captured = capsys.readouterr()
    assert "started from the samples" in captured.err and "Kursk" in captured.out
    with Store.open(empty) as store:
        assert len(store.list_articles()) == 7

    monkeypatch.setenv("READER_DB", str(with_feed))
    assert cli.main(["--db", str(sample), "list"]) == 0
    captured = capsys.readouterr()
    assert "started from the samples" not in captured.err
    with Store.open(with_feed) as store:
        assert store.list_articles() == []


def test_an_empty_library_is_told_apart_whatever_its_folder_is_called(tmp_path: Path) -> None:
    from reader.store.health import holds_nothing

    db = tmp_path / "news #1?" / "library.db"
    db.parent.mkdir()
    Store.open(db).close()
    assert holds_nothing(db)


def test_an_address_that_is_not_postgresql_is_one_line_and_makes_no_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """postgresql:news (the // forgotten) used to become an SQLite file of that name, silently empty."""
    from reader.cli import main

    monkeypatch.chdir(tmp_path)
    for value, said in (
        ("postgresql:news", "postgresql://HOST/DATABASE"),
        ("pg://me@db.example/news", "not a library"),
        ("mysql://me:secret@db.example/news", "not a library"),
    ):
        assert main(["--db", value, "list"]) == 1
        err = capsys.readouterr().err
        assert said in err and err.count("\n") == 1 and "secret" not in err, err
        monkeypatch.setenv("READER_DB", value)
        assert main(["list"]) == 1
        monkeypatch.delenv("READER_DB")
        capsys.readouterr()
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]
    (tmp_path / "c:notes.db").touch()  # a file that exists is a file, whatever its name
    assert main(["--db", "c:notes.db", "list"]) in (0, 1)
    assert "not a library: give" not in capsys.readouterr().err


def test_pulling_into_the_bundled_sample_library_is_refused(capsys) -> None:
    from reader.cli import main

    sample = bundled_library()
    assert sample is not None
    before = sample.read_bytes()
    assert main(["db", "pull", "postgresql://nobody@127.0.0.1:1/x", str(sample)]) == 1
    err = capsys.readouterr().err
    assert "bundled sample library" in err and err.count("\n") == 1
    assert sample.read_bytes() == before
