"""What only a library on a PostgreSQL server has: a role that may only read, a server that is not there,
another database, copying a whole library to and from a file — and SQLite libraries never loading it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builders import one_to_one
from reader.cli import main
from reader.store import Store
from reader.store.feeds import add_feed, remember_item
from reader.store.glossary import add_entry
from reader.store.library import search_titles
from reader.store.notes import add_note, list_notes
from reader.store.segment_pack import unpack_rows
from reader.store.segments import join_rows
from reader.store.transfer import copy_library
from reader.text.glossary import Entry


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server(pg_server):
    return pg_server


def _fill(store: Store) -> list[int]:
    """Two articles, a hand fix, a note, a glossary entry and a feed with an item seen."""
    ids = []
    for ko, en in (
        (
            ["북한군이 쿠르스크에 배치됐다.", "추가로 파병됐다."],
            ["North Korean troops were deployed to Kursk.", "More were sent."],
        ),
        (["한국은행이 기준금리를 동결했다."], ["The Bank of Korea held its base rate."]),
    ):
        article, analysis = one_to_one(ko, en)
        ids.append(store.insert_article(article, analysis.sentences, analysis.segments))
    from reader.store import transaction

    join_rows(store.conn, ids[0], 0)  # a hand fix: two rows made one
    add_note(store.conn, ids[0], "en", 0, 12, "who sent them? #question")
    add_entry(store.conn, Entry(("쿠르스크",), ("Kursk",), "LOC"))
    feed = add_feed(store.conn, "https://news.example/rss", "example")
    with transaction(store.conn):
        remember_item(store.conn, feed.id, "guid-1", "https://news.example/1", "hash", "ko", ids[1])
    return ids


def _summary(location) -> dict:
    with Store.open(location) as store:
        conn = store.conn
        return {
            "articles": sorted(
                (r[0], r[1], r[2])
                for r in conn.execute("SELECT content_hash, title_en, starred FROM articles")
            ),
            "rows": sorted(
                (hash_, row.position, row.locked)
                for hash_, packed in conn.execute(
                    "SELECT a.content_hash, s.packed FROM segments s JOIN articles a ON a.id = s.article_id"
                )
                for row in unpack_rows(packed)
            ),
            "notes": sorted((n.body, n.exact) for n in list_notes(conn)),
            "glossary": conn.execute("SELECT count(*) FROM glossary").fetchone()[0],
            "feeds": [tuple(r) for r in conn.execute("SELECT url, name FROM feeds")],
            "items": conn.execute("SELECT count(*) FROM feed_items").fetchone()[0],
        }


def test_push_then_pull_moves_the_whole_library_and_a_second_push_adds_nothing(
    tmp_path: Path, server, capsys
) -> None:
    local = tmp_path / "local.db"
    with Store.open(local) as store:
        _fill(store)
    url = server.new_database()
    code, _, err = cli(capsys, "db", "push", str(local), url)
    assert code == 0, err
    assert "copied 2 articles, 1 notes, 1 glossary entries, 1 feeds, 1 feed items" in err
    assert _summary(url) == _summary(local)
    code, _, err = cli(capsys, "db", "push", str(local), url)  # again: nothing new
    assert code == 0 and "copied 0 articles, 0 notes, 0 glossary entries, 0 feeds, 0 feed items" in err
    assert _summary(url) == _summary(local)
    # the server's library searches, and its notes list, as the file's did
    code, out, err = cli(capsys, "--db", url, "search", "북한군", "--json")
    assert code == 0 and json.loads(out)[0]["title_en"].startswith("North Korean troops"), err
    pulled = tmp_path / "pulled.db"
    code, _, err = cli(capsys, "db", "pull", url, str(pulled))
    assert code == 0, err
    assert _summary(pulled) == _summary(local)
    # the command palette finds the copied titles by a prefix, on the server and in the pulled file
    for where in (url, pulled):
        with Store.open(where) as copy:
            assert [r.title_en[:19] for r in search_titles(copy.conn, "No")] == ["North Korean troops"]


def test_a_copy_into_a_library_with_articles_of_its_own_keeps_them_and_gives_new_ids(
    tmp_path, server
) -> None:
    url = server.new_database()
    with Store.open(url) as team:
        article, analysis = one_to_one(["다른 기사다."], ["Another story."])
        own = team.insert_article(article, analysis.sentences, analysis.segments)
        local = tmp_path / "local.db"
        with Store.open(local) as mine:
            _fill(mine)
            copied = copy_library(mine.conn, team.conn)
        assert copied.counts["articles"] == 2
        ids = [a.id for a in team.list_articles()]
        assert own in ids and len(set(ids)) == 3
        assert {n.article_id for n in list_notes(team.conn)} <= set(ids) - {own}


def test_a_read_only_role_reads_and_gets_one_line_when_it_writes(tmp_path, server, capsys) -> None:
    url = server.new_database()
    with Store.open(url) as store:
        _fill(store)
    database = url.rsplit("/", 1)[1]
    server.admin(
        "DO $$ BEGIN CREATE ROLE reader_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    server.admin(f"GRANT CONNECT ON DATABASE {database} TO reader_reader")
    server.admin("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_reader", database)
    reader_url = server.url(database, user="reader_reader")
    code, out, err = cli(capsys, "--db", reader_url, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2, err
    code, out, err = cli(capsys, "--db", reader_url, "notes", "list")
    assert code == 0 and "who sent them?" in out, err
    text = tmp_path / "a.json"
    text.write_text(json.dumps({"ko": "새 기사다.", "en": "A new story."}), encoding="utf-8")
    code, out, err = cli(capsys, "--db", reader_url, "add", str(text))
    assert code == 1
    assert err.count("\n") == 1 and "read-only for this database role" in err, err
    assert "permission denied" not in err  # said before the analysis, not when the insert failed
    assert "Traceback" not in err


def test_a_read_only_role_reads_in_the_app_and_a_key_that_writes_says_why_it_cannot(server) -> None:
    """Opening an article (which remembers it was read) and starring one must not take the app down."""
    import asyncio

    from textual.widgets import Static

    from reader.tui.screens.reading import ReadingScreen

    url = server.new_database()
    with Store.open(url) as store:
        joined, _ = _fill(store)
    database = url.rsplit("/", 1)[1]
    server.admin(
        "DO $$ BEGIN CREATE ROLE reader_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    server.admin(f"GRANT CONNECT ON DATABASE {database} TO reader_reader")
    server.admin("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_reader", database)
    shown: list[str] = []

    async def scenario() -> None:
        with Store.open(server.url(database, user="reader_reader")) as store:
            app = recording_app(store, shown)
            async with app.run_test(size=(160, 48)) as pilot:
                await pilot.pause()
                assert "read-only" in str(app.screen.query_one("#library-header", Static).render())
                await pilot.press("s")  # star
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)
                await pilot.press("a")  # a note: refused before anything is typed
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)
                await pilot.press("right_square_bracket")  # the next article (marks it read): no crash
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)
                app.open_article(joined)  # the article whose two rows were joined by hand
                await pilot.pause()
                await pilot.press("s")  # split the row (two Korean sentences, joined by hand): refused
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)

    asyncio.run(scenario())
    refusals = [m for m in dict.fromkeys(shown) if m.startswith("Cannot")]
    assert any(m.startswith("Cannot star this article: ") for m in refusals), shown
    assert any(m.startswith("Cannot split rows: ") for m in refusals), shown
    assert any(m.startswith("Cannot write a note: ") for m in refusals), shown
    assert all("read-only for this database role" in m and "\n" not in m for m in refusals), refusals


def test_a_server_that_is_not_there_is_one_line(capsys) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    code, _, err = cli(capsys, "--db", f"postgresql://someone:secret@127.0.0.1:{port}/library", "list")
    assert code == 1 and err.count("\n") == 1 and "cannot open the library at" in err
    assert "secret" not in err  # a password in the URL is never shown


def test_a_password_comes_through_libpq_and_a_wrong_one_is_one_line(
    tmp_path, server, capsys, monkeypatch
) -> None:
    """A role that must give a password: none, or a wrong one, is one line that never shows it; libpq's
    own means (PGPASSWORD, a password file, the URL) let it in, and reader writes the password nowhere."""
    url = server.new_database()
    with Store.open(url) as store:
        _fill(store)
    database = url.rsplit("/", 1)[1]
    server.password_role("reader_pw", "right-horse-7")
    server.admin(f"GRANT CONNECT ON DATABASE {database} TO reader_pw")
    server.admin("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_pw", database)
    role_url = server.url(database, user="reader_pw")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))
    code, _, err = cli(capsys, "--db", role_url, "list")
    assert code == 1 and err.count("\n") == 1 and "cannot open the library at" in err, err
    assert "password" in err and "Traceback" not in err
    monkeypatch.setenv("PGPASSWORD", "wrong-horse-3")
    code, _, err = cli(capsys, "--db", role_url, "list")
    assert code == 1 and err.count("\n") == 1 and "password authentication failed" in err, err
    assert "wrong-horse-3" not in err
    wrong_in_url = role_url.replace("reader_pw@", "reader_pw:wrong-horse-3@")
    code, _, err = cli(capsys, "--db", wrong_in_url, "list")
    assert code == 1 and "wrong-horse-3" not in err and err.count("\n") == 1, err
    code, out, err = cli(capsys, "--db", role_url.replace("reader_pw@", "reader_pw:right-horse-7@"), "list")
    assert code == 0 and "right-horse-7" not in out + err
    monkeypatch.setenv("PGPASSWORD", "right-horse-7")
    code, out, err = cli(capsys, "--db", role_url, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2, err
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{server.port}:{database}:reader_pw:right-horse-7\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    code, out, err = cli(capsys, "--db", role_url, "notes", "list")
    assert code == 0 and "who sent them?" in out, err
    written = [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
    assert not any(b"right-horse-7" in p.read_bytes() for p in written), written


@pytest.fixture
def own_server():
    """A server of this test's own, which it may stop and start again."""
    from pg_server import PgServer

    server = PgServer()
    server.start()
    yield server
    server.stop()


def test_an_open_library_carries_on_after_its_server_restarts(own_server) -> None:
    """While the server is down a read or a write is one line (StoreError) and nothing is half-written;
    once it is back the same open library reads and writes again, without being opened anew."""
    from reader.store import StoreError

    url = own_server.new_database()
    with Store.open(url) as store:
        ids = _fill(store)
        own_server.halt()
        with pytest.raises(StoreError, match="lost the connection"):
            store.get_article(ids[0])
        with pytest.raises(StoreError, match="lost the connection"):
            add_note(store.conn, ids[0], "en", 0, 5, "written while it was down")
        store.conn.interrupt()  # leaving a search: nothing running to cancel, and no error
        own_server.launch()
        assert store.get_article(ids[0]) is not None
        add_note(store.conn, ids[0], "en", 0, 5, "written after it came back")
        own_server.halt()  # a restart the open library does not see until its next statement
        own_server.launch()
        add_note(store.conn, ids[0], "en", 6, 10, "written after a second restart")
        own_server.halt()
        own_server.launch()
        assert len(store.list_articles()) == 2
        bodies = [n.body for n in list_notes(store.conn)]
    assert "written after it came back" in bodies and "written after a second restart" in bodies
    assert "written while it was down" not in bodies


def recording_app(store: Store, shown: list[str]):  # type: ignore[no-untyped-def]
    """A `ReaderApp` that keeps every notice in `shown` as it is posted: opening an article clears the
    notices of the screen left behind, so reading them at the end would miss some."""
    from pathlib import Path

    from reader.tui import app as tui_app

    class RecordingApp(tui_app.ReaderApp):
        CSS_PATH = str(Path(tui_app.__file__).with_name("app.tcss"))

        def _on_notify(self, event) -> None:  # type: ignore[no-untyped-def]
            shown.append(str(event.notification.message))
            super()._on_notify(event)

    return RecordingApp(store)


def test_the_app_carries_on_while_its_server_is_down_and_after(own_server) -> None:
    """A key that needs the server while it is down says so in one line and the screen stays (the note
    being written stays in its editor); once the server is back the same app opens, saves and lists."""
    import asyncio

    from reader.tui.dialogs.note_editor import NoteEditor
    from reader.tui.screens.library import LibraryScreen
    from reader.tui.screens.reading import ReadingScreen
    from reader.tui.screens.search import SearchScreen

    url = own_server.new_database()
    with Store.open(url) as store:
        _fill(store)
    shown: list[str] = []

    async def scenario() -> None:
        with Store.open(url) as store:
            app = recording_app(store, shown)
            async with app.run_test(size=(160, 48)) as pilot:
                await pilot.pause()
                own_server.halt()
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, LibraryScreen)
                own_server.launch()
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)
                await pilot.press("a")
                await pilot.pause()
                assert isinstance(app.screen, NoteEditor)
                await pilot.press(*"kept through the outage")
                own_server.halt()
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert isinstance(app.screen, NoteEditor)  # not saved, and not lost
                own_server.launch()
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)
                own_server.halt()
                await pilot.press("escape")  # back to the library, which reads its rows again
                await pilot.pause()
                assert isinstance(app.screen, LibraryScreen)
                await pilot.press("slash")
                await pilot.pause()
                await pilot.press(*"Kursk", "enter")
                await pilot.pause(0.5)
                assert isinstance(app.screen, SearchScreen)
                await pilot.press("escape")
                await pilot.pause()
                own_server.launch()
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, ReadingScreen)

    asyncio.run(scenario())
    with Store.open(url) as store:
        assert "kept through the outage" in {n.body for n in list_notes(store.conn)}
    said = [m for m in dict.fromkeys(shown) if m.startswith("Cannot")]
    assert said and all("lost the connection" in m and "\n" not in m for m in said), said


def test_a_database_of_something_else_is_refused(server, capsys) -> None:
    url = server.new_database(empty=True)
    server.admin("CREATE TABLE invoices (id int)", url.rsplit("/", 1)[1])
    code, _, err = cli(capsys, "--db", url, "list")
    assert code == 1 and "not a reader library" in err and err.count("\n") == 1


def test_a_library_of_a_newer_reader_is_refused(server, capsys) -> None:
    url = server.new_database()
    with Store.open(url) as store:
        store.conn.execute("UPDATE reader_meta SET value = '99' WHERE name = 'schema_version'")
    code, _, err = cli(capsys, "--db", url, "list")
    assert code == 1 and "newer version of reader" in err
    with _raw(url) as conn:
        conn.execute("UPDATE reader_meta SET value = 'twelve' WHERE name = 'schema_version'")
    code, _, err = cli(capsys, "--db", url, "list")
    assert code == 1 and "not a number" in err and err.count("\n") == 1, err


def _raw(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def test_a_server_library_without_the_driver_installed_is_one_line() -> None:
    """psycopg is an extra: without it, a postgresql:// library says what to install."""
    code = (
        "import sys; sys.modules['psycopg'] = None\n"  # as if it were not installed
        "from reader.cli import main\n"
        "sys.exit(main(['--db', 'postgresql://someone@127.0.0.1:1/library', 'list']))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "pip install -e '.[postgres]'" in done.stderr and done.stderr.count("\n") == 1, done.stderr


def test_an_sqlite_library_never_loads_the_postgresql_driver(tmp_path: Path) -> None:
    script = (
        "import sys; from reader.store import Store; from reader.store.library import search_library\n"
        f"s = Store.open({str(tmp_path / 'x.db')!r}); s.list_articles()\n"
        "assert not [m for m in sys.modules if m.startswith('psycopg')], 'psycopg loaded'"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_an_article_too_large_for_one_tsvector_is_still_found(server) -> None:
    """PostgreSQL keeps at most 1 MB in a tsvector; a text of megabytes is indexed by its distinct words."""
    from reader.store import transaction
    from reader.store.pg_search import index_article
    from reader.store.search import search

    url = server.new_database()
    with Store.open(url) as store:
        article, analysis = one_to_one(["짧은 기사다."], ["A short story."])
        article_id = store.insert_article(article, analysis.sentences, analysis.segments)
        huge = " ".join(f"word{i} common" for i in range(60_000)) * 3 + " needle"
        with transaction(store.conn):
            index_article(store.conn, article_id, ("짧은 기사", "Short", "짧은 기사다.", huge))
        assert [h.article_id for h in search(store.conn, "word59999")] == [article_id]
        assert [h.article_id for h in search(store.conn, "needle")] == [article_id]
        assert store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 1


def test_db_check_and_reindex_on_a_server_library(server, capsys) -> None:
    url = server.new_database()
    with Store.open(url) as store:
        ids = _fill(store)
        store.conn.execute("DELETE FROM search_index")  # an index that lost its rows
    code, out, _ = cli(capsys, "--db", url, "db", "check")
    assert code == 1 and "2 article(s) missing from it" in out
    code, _, err = cli(capsys, "--db", url, "db", "reindex")
    assert code == 0, err
    code, out, _ = cli(capsys, "--db", url, "db", "check")
    assert code == 0 and out.strip().endswith("ok")
    code, out, _ = cli(capsys, "--db", url, "search", "금리", "--json")
    assert code == 0 and {hit["article"] for hit in json.loads(out)} == {ids[1]}
