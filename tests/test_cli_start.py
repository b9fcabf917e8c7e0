"""`reader` with no command opens the app without building every command's parser; commands still parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import cli


def test_reader_alone_opens_the_app_on_the_library_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(cli, "cmd_tui", lambda args: opened.append(args.db) or 0)

    def no_full_parser() -> None:
        raise AssertionError("the command parsers were built")

    real = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", no_full_parser)
    library = tmp_path / "mine.db"
    assert cli.main(["--db", str(library)]) == 0
    assert cli.main([f"--db={library}"]) == 0
    assert [str(p) for p in opened] == [str(library)] * 2
    monkeypatch.setattr(cli, "build_parser", real)
    assert cli.main(["--db", str(library), "list", "--json"]) == 0  # a command: the full parser


def test_help_and_version_still_list_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "search" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.startswith("reader ")


def test_a_mistake_on_the_command_line_is_one_line(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["export", "abc"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert err.splitlines() == [
        "reader export: argument ID: invalid int value: 'abc' (see: reader export --help)"
    ]


def test_each_command_is_registered_by_the_module_the_table_names() -> None:
    import argparse
    from importlib import import_module

    for name, commands in cli.COMMAND_MODULES.items():
        registered = argparse.ArgumentParser().add_subparsers()
        import_module(f"reader.cli.{name}").register(registered)
        assert tuple(registered.choices) == commands, name


def test_a_command_imports_its_own_module_alone(tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nfrom reader.cli import main\n"
        f"main(['--db', {str(tmp_path / 'l.db')!r}, 'list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('reader.cli.')), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "['reader.cli.common', 'reader.cli.library']"


def test_a_mistake_in_the_config_is_said_in_the_app_which_still_opens(tmp_path: Path) -> None:
    """The app writes notes signed with [notes] author: a mistake there is one line on screen once the
    library shows, naming the file, and the app works on (notes signed with the default)."""
    import asyncio

    from reader.store import Store
    from reader.tui.app import ReaderApp

    config = tmp_path / "home" / ".config" / "reader" / "config.toml"
    config.parent.mkdir(parents=True)
    said: list[list[str]] = []
    cases = (
        ("[notes]\nauthor = 7\n", "author under [notes] must be a string"),
        ("[notes]\nauther = 'Kim'\n", "unknown setting(s) auther under [notes]"),
        ("notes = 'Kim'\n", "[notes] must be a table"),
        ("[notes\n", "not valid TOML"),
        ("[note]\nauthor = 'Kim'\n", "unknown table(s) [note]; reader reads [translate] and [notes]"),
        ("author = 'Kim'\n", "author must be under a table: [notes] for author"),
        ("[notes]\nauthor = 'Kim Jisu'\n", None),
    )

    async def opened(text: str) -> list[str]:
        config.write_text(text, encoding="utf-8")
        with Store.open(tmp_path / "mine.db") as store:
            app = ReaderApp(store)
            async with app.run_test(size=(120, 40)) as pilot:
                # the check runs on a 0.2 s timer once the library shows: wait for what it says (a busy
                # machine fires it late), or a second for a config with nothing to say
                for tick in range(50):
                    await pilot.pause(0.1)
                    if any(str(config) in str(n.message) for n in app._notifications):
                        break
                    if text.endswith("'Kim Jisu'\n") and tick >= 9:
                        break
                return [str(n.message) for n in app._notifications]

    for text, _ in cases:
        said.append(asyncio.run(opened(text)))
    for (_, expected), shown in zip(cases, said, strict=True):
        lines = [m for m in shown if str(config) in m]
        if expected is None:
            assert lines == [], shown
        else:
            assert len(lines) == 1 and expected in lines[0] and "\n" not in lines[0], shown


def test_a_config_file_named_by_reader_config_must_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.config import ConfigError, configured_author

    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "team.toml"))
    with pytest.raises(ConfigError, match="READER_CONFIG names"):
        configured_author()
    (tmp_path / "team.toml").write_text("[notes]\nauthor = 'Desk'\n", encoding="utf-8")
    assert configured_author() == "Desk"


def test_the_app_says_when_it_started_a_new_library(tmp_path: Path) -> None:
    """`reader --db mien.db` (a typo) used to open an empty library without a word; commands stay quiet."""
    shown: list[object] = []
    library = tmp_path / "mien.db"
    assert cli.main(["--db", str(library)], open_app=lambda store, notice: shown.append(notice)) == 0
    assert shown == [f"started a new, empty library at {library}"]
    assert cli.main(["--db", str(library)], open_app=lambda store, notice: shown.append(notice)) == 0
    assert shown[-1] is None  # the second time it is simply the library asked for
