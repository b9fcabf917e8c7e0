"""Fixtures shared by every test: no test ever touches a real library or the user's own settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import Store


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user directory at the test's own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("READER_DB", raising=False)
    monkeypatch.delenv("READER_AUTHOR", raising=False)
    # every server a test talks to is on 127.0.0.1: a proxy from the environment must not sit between
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test of a library (`store` or `location`, without a file path of its own) runs on both
    backends: an SQLite file and a database on a real PostgreSQL server (see pg_server.py)."""
    names = metafunc.fixturenames
    if "location" in names and "db_path" not in names:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server per test process (per xdist worker), started on first use."""
    from pg_server import PgServer, ServerMissing

    try:
        server = PgServer()
    except ServerMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def location(request: pytest.FixtureRequest, backend: str, tmp_path: Path):
    """Where the test's library is: an SQLite file, or the URL of a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield tmp_path / "library.db"
        return
    server = request.getfixturevalue("pg_server")
    url = server.new_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def store(location):
    with Store.open(location) as opened:
        yield opened
