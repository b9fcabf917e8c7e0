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
