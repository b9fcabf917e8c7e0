"""Notes in the library: saved at once, tagged, soft-deleted with undo, re-anchored, never dropped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from builders import one_to_one
from reader.analysis import Analysis
from reader.store import NewArticle, Store
from reader.store.health import check
from reader.store.notes import (
    add_note,
    delete_note,
    list_notes,
    restore_note,
    tags_in,
    update_note,
)


@pytest.fixture
def article_id(store: Store) -> int:
    article, analysis = one_to_one(
        ["북한군 1만1000명이 쿠르스크에 배치됐다.", "미 국방부는 확인하지 못했다."],
        ["About 11,000 North Korean troops are in Kursk.", "The Pentagon could not confirm it."],
    )
    return store.insert_article(article, analysis.sentences, analysis.segments)


def test_tags_come_from_body_and_field() -> None:
    assert tags_in("Check #Kursk and #casualties. Not a#tag", "sources, #Later") == (
        "kursk",
        "casualties",
        "sources",
        "later",
    )


def test_add_edit_delete_restore(store: Store, article_id: int) -> None:
    text = store.get_article(article_id).ko_text
    start = text.index("쿠르스크")
    note = add_note(store.conn, article_id, "ko", start, start + 4, "Where exactly? #kursk")
    assert (note.exact, note.tags, note.detached) == ("쿠르스크", ("kursk",), False)
    assert note.prefix.endswith("1만1000명이 ") and note.suffix.startswith("에 배치")
    edited = update_note(store.conn, note.id, "Kursk oblast, not the city. #kursk #geo")
    assert edited.tags == ("kursk", "geo") and edited.created == note.created
    assert [n.id for n in list_notes(store.conn, tag="geo")] == [note.id]
    assert [n.id for n in list_notes(store.conn, text="oblast")] == [note.id]
    delete_note(store.conn, note.id)
    assert list_notes(store.conn) == []
    restore_note(store.conn, note.id)
    assert list_notes(store.conn)[0].body.startswith("Kursk oblast")


def test_reading_order_and_newest_first(store: Store, article_id: int) -> None:
    en = store.get_article(article_id).en_text
    late = add_note(store.conn, article_id, "en", en.index("Pentagon"), en.index("Pentagon") + 8, "second")
    early = add_note(store.conn, article_id, "ko", 0, 3, "first")
    assert [n.id for n in list_notes(store.conn, article_id=article_id, reading_order=True)] == [
        early.id,
        late.id,
    ]
    assert next(n.id for n in list_notes(store.conn)) == max(early.id, late.id)


def test_a_note_edited_a_moment_after_another_was_added_is_listed_first(
    store: Store, article_id: int
) -> None:
    older = add_note(store.conn, article_id, "ko", 0, 3, "older")
    newer = add_note(store.conn, article_id, "ko", 4, 8, "newer")
    time.sleep(0.01)  # a reader's next keystroke, well within the same second
    update_note(store.conn, older.id, "older, edited")
    assert [n.body for n in list_notes(store.conn)] == ["older, edited", "newer"]
    time.sleep(0.01)
    update_note(store.conn, newer.id, "newer, edited")
    assert [n.body for n in list_notes(store.conn)] == ["newer, edited", "older, edited"]


def test_note_survives_sigkill_right_after_saving(location, article_id: int, store: Store) -> None:
    """A separate process saves a note and is killed the instant it reports it: the note is on disk."""
    script = textwrap.dedent(f"""
        import sys, time
        from reader.store import Store
        from reader.store.notes import add_note
        store = Store.open({str(location)!r})
        note = add_note(store.conn, {article_id}, "ko", 0, 3, "saved before the crash #durable")
        print(note.id, flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    note_id = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store.open(location) as fresh:
        notes = list_notes(fresh.conn)
        assert [(n.id, n.body) for n in notes] == [(note_id, "saved before the crash #durable")]
        assert check(fresh.conn).ok


def test_replacing_text_reanchors_and_detaches(store: Store, article_id: int) -> None:
    from reader.analysis import analyse

    old = store.get_article(article_id)
    k = old.ko_text.index("쿠르스크")
    kept = add_note(store.conn, article_id, "ko", k, k + 4, "place")
    e = old.en_text.index("The Pentagon")
    gone = add_note(store.conn, article_id, "en", e, e + 12, "who said it")
    new = NewArticle(
        ko="속보: " + old.ko_text,
        en=old.en_text.replace("The Pentagon could not confirm it.", "No comment."),
        title_ko=old.title_ko,
        title_en=old.title_en,
    )
    result: Analysis = analyse(new.ko, new.en)
    counts = store.replace_article(article_id, new, result.sentences, result.segments)
    assert counts == {"quote": 1, "detached": 1}
    notes = {n.id: n for n in list_notes(store.conn)}
    assert new.ko[notes[kept.id].start : notes[kept.id].end] == "쿠르스크" and not notes[kept.id].detached
    assert notes[gone.id].detached and notes[gone.id].exact == "The Pentagon"  # kept, with its quote


def test_note_on_unknown_article_is_refused(store: Store) -> None:
    with pytest.raises(LookupError):
        add_note(store.conn, 999, "ko", 0, 1, "x")


def test_a_note_carries_its_author(store: Store, article_id: int, backend: str, monkeypatch) -> None:
    """On a server the database role wrote it (each member of a team logs in as their own); on a file
    the user logged in; READER_AUTHOR names someone else on either."""
    import getpass

    note = add_note(store.conn, article_id, "en", 0, 5, "mine")
    assert note.author == ("reader_admin" if backend == "postgresql" else getpass.getuser())
    monkeypatch.setenv("READER_AUTHOR", "Kim Min-jun")
    other = add_note(store.conn, article_id, "en", 6, 10, "theirs")
    assert other.author == "Kim Min-jun"
    assert {n.body: n.author for n in list_notes(store.conn)}["theirs"] == "Kim Min-jun"


def test_the_config_file_names_the_author(
    store: Store, article_id: int, backend: str, tmp_path, monkeypatch
) -> None:
    """`author` under [notes] in config.toml signs a person's notes on either backend, over the role or the
    login; READER_AUTHOR still wins (one session as someone else). A config broken after start signs with
    the default rather than lose the note."""
    config = tmp_path / "home" / ".config" / "reader" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[notes]\nauthor = "  Park   Seo-yeon "\n', encoding="utf-8")
    assert add_note(store.conn, article_id, "en", 0, 5, "from the file").author == "Park Seo-yeon"
    monkeypatch.setenv("READER_AUTHOR", "Kim Min-jun")
    assert add_note(store.conn, article_id, "en", 0, 5, "from the session").author == "Kim Min-jun"
    monkeypatch.delenv("READER_AUTHOR")
    config.write_text("[notes\nauthor = ", encoding="utf-8")
    kept = add_note(store.conn, article_id, "en", 0, 5, "still saved")
    assert kept.author and kept.author != "Park Seo-yeon"
    assert "still saved" in {n.body for n in list_notes(store.conn)}
