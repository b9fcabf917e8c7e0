"""Hostile text is shown, never obeyed; random Unicode never breaks an importer or the splitters."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.importers import ImportProblem, article_from_json
from reader.importers.clean import storable
from reader.importers.text_file import decode
from reader.inert import inert
from reader.text.sentences import split_sentences

HOSTILE = [
    "\x1b[31mred\x1b[0m",  # colour
    "\x1b[2J\x1b[H",  # clear screen, cursor home
    "\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b]52;c;SGVsbG8=\x07",  # OSC 52: write the clipboard
    "\u202eevil\u202c",  # right-to-left override
    "\x9b31m",  # C1 control sequence introducer
    "nul\x00byte",
]


def test_inert_leaves_no_control_or_override_characters() -> None:
    for text in HOSTILE:
        shown = inert(text)
        assert not any(ord(c) < 32 and c not in "\n\t" for c in shown)
        assert not any(
            0x80 <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in shown
        )
    assert inert("\x1b[31mred") == "␛[31mred"
    assert inert("plain 한국어 [bold]text[/bold]") == "plain 한국어 [bold]text[/bold]"


def test_cli_output_to_a_terminal_is_neutralised(tmp_path) -> None:
    """Run `reader list` on a pseudo-terminal: the title's escape codes arrive as visible characters."""
    import os
    import pty
    from dataclasses import replace

    from builders import one_to_one
    from reader.store import Store

    db = tmp_path / "l.db"
    article, analysis = one_to_one(["본문이다."], ["Body \x1b[31mred."])
    article = replace(article, title_ko="제목\x1b]52;c;SGVsbG8=\x07", title_en="\x1b[31mRed title")
    with Store.open(db) as store:
        store.insert_article(article, analysis.sentences, analysis.segments)
    with Store.open(db) as store:
        from reader.store.notes import add_note

        add_note(store.conn, 1, "en", 0, 4, "a \x1b[31mred\x1b[0m note")

    def on_a_terminal(*command: str) -> str:
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.executable, [sys.executable, "-m", "reader.cli", "--db", str(db), *command])
        chunks = []
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.waitpid(pid, 0)
        return b"".join(chunks).decode("utf-8")

    shown = on_a_terminal("list")
    assert "\x1b" not in shown and "\x07" not in shown
    assert "제목␛]52;c;SGVsbG8=␇" in shown and "␛[31mRed title" in shown
    # an export printed to the terminal shows them too (to a file it keeps the text as stored)
    for command in (("export", "1", "--format", "tsv"), ("notes", "export", "--format", "md")):
        shown = on_a_terminal(*command)
        assert "\x1b" not in shown and "␛[31m" in shown, command
    # piped output (for scripts) keeps the text exactly as stored
    piped = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--db", str(db), "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(piped)[0]["title_en"] == "\x1b[31mRed title"


characters = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # Hanja
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),  # emoji
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.sampled_from(list(" .?!\n\n\"'“”「」()1234567890,만명억조일월년%㎢$abcXYZ\t\x1b\x00\u200b\u202e")),
)
unicode_text = st.text(alphabet=characters, max_size=300)
# The same with lone surrogates, as JSON escapes ("\\ud800") and undecodable bytes produce them.
unicode_with_surrogates = st.text(
    alphabet=st.one_of(characters, st.sampled_from(["\ud800", "\udbff", "\udc80", "\udfff", "\ud83d"])),
    max_size=300,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=unicode_text, lang=st.sampled_from(["ko", "en"]))
def test_sentences_account_for_every_character(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    previous_end = 0
    for s in sentences:
        assert previous_end <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        previous_end = s.end
    covered = [False] * len(text)
    for s in sentences:
        for i in range(s.start, s.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))  # nothing but spaces left out


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_decoding_any_bytes_is_text_or_one_problem(data: bytes) -> None:
    try:
        text = decode(data, "input")
    except ImportProblem as exc:
        assert str(exc).startswith("input: ")
    else:
        assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | unicode_with_surrogates,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["ko", "en", "title_ko", "source", "published", "x"]), inner, max_size=4
            )
        ),
        max_leaves=8,
    )
)
def test_json_article_importer_never_raises_anything_else(value) -> None:
    try:
        article = article_from_json(json.dumps(value), "doc.json")
    except ImportProblem:
        return
    assert article.ko or article.en
    stored, replaced = storable(article)
    for name in ("ko", "en", "title_ko", "title_en", "source", "url"):
        before, after = getattr(article, name), getattr(stored, name)
        after.encode("utf-8")  # storable: no lone surrogate survives
        assert len(after) == len(before)  # replaced one for one: every other character keeps its offset
        changed = [i for i, c in enumerate(before) if c != after[i]]
        assert changed == [
            _offset(before, r.line, r.column) for r in replaced if r.field == name
        ]  # said where
        assert all(after[i] == "\ufffd" and 0xD800 <= ord(before[i]) <= 0xDFFF for i in changed)


def _offset(text: str, line: int, column: int) -> int:
    """The index of the character at 1-based `line` and `column` of `text`."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column - 1


def test_lone_surrogates_are_stored_as_u_fffd_one_for_one_and_reported(tmp_path, capsys) -> None:
    """JSON can carry halves of UTF-16 pairs, which SQLite cannot store: each becomes U+FFFD where it
    stood, the user is told how many and where, and a whole pair written as two escapes is one emoji."""
    from reader.cli import main
    from reader.store import Store

    raw = (
        '{"ko": "북한군\\ud800이 배치됐다.\\n\\n둘째\\udfff 문단이다.", '
        '"en": "Troops were deployed. A smile: \\ud83d\\ude00.", "title_en": "Title\\udc80"}'
    )
    doc = tmp_path / "a.json"
    doc.write_text(raw, encoding="utf-8")
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "add", str(doc)]) == 0
    out, err = capsys.readouterr()
    assert err.strip().splitlines() == [
        (
            "reader: added, but 3 lone surrogates (half of a broken UTF-16 pair or a byte that was not text; not a "
            "character) stored as U+FFFD: Korean text line 1 column 4 (U+D800), Korean text line 3 column 3 "
            "(U+DFFF), English title line 1 column 6 (U+DC80)"
        )
    ]
    with Store.open(db) as store:
        article = store.get_article(int(out))
    assert article.ko_text == "북한군\ufffd이 배치됐다.\n\n둘째\ufffd 문단이다."
    assert article.en_text == "Troops were deployed. A smile: 😀." and article.title_en == "Title\ufffd"
    assert main(["--db", str(db), "add", str(doc)]) == 1  # the same article again: found by its hash
    assert "already in the library" in capsys.readouterr().err
    lines = tmp_path / "b.jsonl"
    lines.write_text('{"ko": "가\\ud800나다."}\n{"ko": "다른 기사다."}\n', encoding="utf-8")
    assert main(["--db", str(db), "add", str(lines)]) == 0
    assert f"  added, but {lines}:1: 1 lone surrogate (half" in capsys.readouterr().err


def test_arguments_that_are_not_utf8_are_one_clear_line(tmp_path) -> None:
    """Bytes in a title or glossary form that are not UTF-8 arrive as lone surrogates: never a traceback."""
    import os

    en = tmp_path / "en.txt"
    en.write_text("Troops were deployed.")  # English: no language model to load in the child
    db = tmp_path / "l.db"
    base = [sys.executable.encode(), b"-m", b"reader.cli", b"--db", os.fsencode(db)]
    added = subprocess.run(
        [*base, b"add", b"--en", os.fsencode(en), b"--title-en", b"\xff\xfe title"],
        capture_output=True,
        check=False,
    )
    assert added.returncode == 0 and b"English title line 1 column 1 (U+DCFF)" in added.stderr
    glossary = subprocess.run(
        [*base, b"glossary", b"add", b"--ko", b"\xff\xea\xb0\x80", b"--en", b"X", b"--type", b"PLACE"],
        capture_output=True,
        check=False,
    )
    assert glossary.returncode == 1
    assert glossary.stderr.decode().splitlines() == [
        "reader: the argument '\\xff가' is not UTF-8 text; is the terminal set to UTF-8?"
    ]
