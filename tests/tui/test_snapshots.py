"""One snapshot per screen state at fixed sizes, on the hand-built library (no aligner involved)."""

from __future__ import annotations

import pytest

from reader.tui.app import ReaderApp

WIDE = (160, 48)
NARROW = (90, 40)
SMALL = (60, 20)


@pytest.mark.parametrize("size", [WIDE, NARROW, SMALL], ids=["160x48", "90x40", "60x20"])
def test_library(library, snap_compare, size) -> None:
    assert snap_compare(ReaderApp(library), terminal_size=size)


@pytest.mark.parametrize("size", [WIDE, NARROW, SMALL], ids=["160x48", "90x40-stacked", "60x20-stacked"])
def test_reading(library, snap_compare, size) -> None:
    assert snap_compare(ReaderApp(library), press=["enter", "j"], terminal_size=size)


def test_reading_korean_only(library, snap_compare) -> None:
    assert snap_compare(ReaderApp(library), press=["enter", "t"], terminal_size=WIDE)


@pytest.mark.parametrize("size", [WIDE, NARROW, SMALL], ids=["160x48", "90x40", "60x20"])
def test_help(library, snap_compare, size) -> None:
    assert snap_compare(ReaderApp(library), press=["enter", "question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", [NARROW, SMALL], ids=["90x40", "60x20"])
def test_search(library, snap_compare, size) -> None:
    assert snap_compare(ReaderApp(library), press=["slash", *"북한군", "enter"], terminal_size=size)


def test_empty_library(empty_library, snap_compare) -> None:
    assert snap_compare(ReaderApp(empty_library), terminal_size=NARROW)


def test_reading_with_a_name_selected(library, snap_compare) -> None:
    """Entity colours in both columns, 쿠르스크 selected and Kursk lit, the status line saying what it is."""
    assert snap_compare(ReaderApp(library), press=["enter", "tab", "tab", "tab"], terminal_size=WIDE)


def test_reading_with_the_find_bar(library, snap_compare) -> None:
    assert snap_compare(ReaderApp(library), press=["enter", "slash", *"kursk", "enter"], terminal_size=WIDE)


def test_details_dialog(library, snap_compare) -> None:
    """`e` in the library: the titles, source and date, all on a small terminal."""
    assert snap_compare(ReaderApp(library), press=["e"], terminal_size=SMALL)
