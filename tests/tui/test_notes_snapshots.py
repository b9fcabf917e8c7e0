"""Snapshots of notes on screen: the marked text, the article's panel, the library-wide list, the editor."""

from __future__ import annotations

import pytest

from reader.store import Store
from reader.store.notes import add_note
from reader.tui.app import ReaderApp

WIDE = (160, 48)


@pytest.fixture
def annotated(library: Store) -> Store:
    """The test library with a phrase note, a row note, a detached note and a note in another article."""
    kursk = library.get_article(1)
    row1, row3 = kursk.segments[1], kursk.segments[3]
    add_note(library.conn, 1, "ko", row1.ko_start, row1.ko_start + 11, "About 11,000, says the agency. #kursk",
             target="span")  # fmt: skip
    add_note(library.conn, 1, "en", row3.en_start + 13, row3.en_start + 33, "Claim unverified.\nSecond line.",
             target="span", tags="storm-shadow")  # fmt: skip
    add_note(library.conn, 1, "ko", row3.ko_start, row3.ko_end, "Whole sentence note", target="segment")
    gone = add_note(library.conn, 1, "en", 0, 9, "Words later removed", target="span")
    add_note(library.conn, 2, "ko", 0, 4, "NIS briefing #nis")
    library.conn.execute("UPDATE notes SET detached = 1 WHERE id = ?", (gone.id,))
    library.conn.execute("UPDATE notes SET created = '2024-11-2' || id || 'T10:00:00+00:00', "
                         "updated = '2024-11-2' || id || 'T10:00:00+00:00'")  # fmt: skip
    return library


def test_reading_with_notes(annotated, snap_compare) -> None:
    assert snap_compare(ReaderApp(annotated), press=["enter"], terminal_size=WIDE)


def test_notes_panel(annotated, snap_compare) -> None:
    assert snap_compare(ReaderApp(annotated), press=["enter", "m"], terminal_size=WIDE)


def test_notes_screen(annotated, snap_compare) -> None:
    assert snap_compare(ReaderApp(annotated), press=["ctrl+n"], terminal_size=WIDE)


def test_note_editor(annotated, snap_compare) -> None:
    assert snap_compare(ReaderApp(annotated), press=["enter", "j", "a", *"메모 #tag"], terminal_size=WIDE)


def test_selecting_words(annotated, snap_compare) -> None:
    assert snap_compare(ReaderApp(annotated), press=["enter", "j", "j", "v", "w", "w"], terminal_size=WIDE)
