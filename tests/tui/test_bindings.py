"""Keys are data: every binding names itself and says what it does, and the Korean layout maps onto them."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from reader.tui.app import ReaderApp
from reader.tui.dialogs.glossary_entry import GlossaryEntryDialog
from reader.tui.dialogs.help import HelpScreen
from reader.tui.keys import LATIN_BY_JAMO, latin_keys
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.entity_panel import EntityList
from reader.tui.widgets.find_bar import FindBar
from reader.tui.widgets.parallel_view import ParallelView

OWNERS = [ReaderApp, LibraryScreen, ArticleTable, ReadingScreen, ParallelView, HelpScreen, FindBar, EntityList,
          GlossaryEntryDialog]  # fmt: skip


@pytest.mark.parametrize("owner", OWNERS, ids=lambda c: c.__name__)
def test_every_binding_has_an_id_a_description_and_a_tooltip(owner) -> None:
    for binding in owner.BINDINGS:
        assert isinstance(binding, Binding)
        assert binding.id and binding.description and binding.tooltip, binding


def test_binding_ids_are_unique() -> None:
    ids = [b.id for owner in OWNERS for b in owner.BINDINGS]
    assert len(ids) == len(set(ids))


def test_every_latin_letter_key_we_bind_has_its_jamo() -> None:
    """A new single-letter binding is reachable from the Korean layout unless its jamo is ambiguous."""
    bound = {key for owner in OWNERS for b in owner.BINDINGS for key in b.key.split(",")}
    letters = {k for k in bound if len(k) == 1 and k.isalpha()}
    reachable = set(LATIN_BY_JAMO.values())
    # Shift+ㅎ/ㅓ/ㄴ/ㅜ/ㄹ type the same jamo again, which already mean g/j/s/n/f: the capitals need the Latin
    # layout.
    assert letters - reachable == {"G", "J", "S", "N", "F"}


def test_composed_hangul_comes_apart_into_the_keys_that_typed_it() -> None:
    assert latin_keys("허") == ("g", "j")
    assert latin_keys("ㅘ") == ("h", "k")  # a compound vowel is two keystrokes
    assert latin_keys("빠") == ("Q", "k")  # a tense initial is a shifted key
    assert latin_keys("닭") == ("e", "k", "f", "r")  # a double final consonant too
    assert latin_keys("a") is None and latin_keys("ab") is None and latin_keys("") is None
