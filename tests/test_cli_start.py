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


def test_a_mistake_under_notes_in_the_config_stops_the_app_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app writes notes signed with [notes] author: a mistake there is said before anything opens,
    naming the file, and a command that writes no note is not held up by it."""
    config = tmp_path / "home" / ".config" / "reader" / "config.toml"
    config.parent.mkdir(parents=True)
    library = tmp_path / "mine.db"
    opened: list[object] = []
    for text, said in (
        ("[notes]\nauthor = 7\n", "author under [notes] must be a string"),
        ("[notes]\nauther = 'Kim'\n", "unknown setting(s) auther under [notes]"),
        ("notes = 'Kim'\n", "[notes] must be a table"),
        ("[notes\n", "not valid TOML"),
        ("[note]\nauthor = 'Kim'\n", "unknown table(s) [note]; reader reads [translate] and [notes]"),
        ("author = 'Kim'\n", "author must be under a table: [notes] for author"),
    ):
        config.write_text(text, encoding="utf-8")
        assert cli.main(["--db", str(library)], open_app=lambda store, notice: opened.append(store)) == 1
        err = capsys.readouterr().err
        assert said in err and str(config) in err and err.count("\n") == 1, err
    assert opened == [] and not library.exists()
    assert cli.main(["--db", str(library), "list"]) == 0
    config.write_text("[notes]\nauthor = 'Kim Jisu'\n", encoding="utf-8")
    assert cli.main(["--db", str(library)], open_app=lambda store, notice: opened.append(store)) == 0
    assert len(opened) == 1


def test_a_config_file_named_by_reader_config_must_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "team.toml"))
    assert cli.main(["--db", str(tmp_path / "mine.db")], open_app=lambda store, notice: None) == 1
    assert "READER_CONFIG names" in capsys.readouterr().err
    (tmp_path / "team.toml").write_text("[notes]\nauthor = 'Desk'\n", encoding="utf-8")
    assert cli.main(["--db", str(tmp_path / "mine.db")], open_app=lambda store, notice: None) == 0
