"""Hostile text is shown, never obeyed; random Unicode never breaks an importer or the splitters."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.importers import ImportProblem, article_from_json
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
        assert not any(0x80 <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
                       for c in shown)
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
    article, analysis = one_to_one(["본문이다."], ["Body."])
    article = replace(article, title_ko="제목\x1b]52;c;SGVsbG8=\x07", title_en="\x1b[31mRed title")
    with Store.open(db) as store:
        store.insert_article(article, analysis.sentences, analysis.segments)
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.executable, [sys.executable, "-m", "reader.cli", "--db", str(db), "list"])
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
    shown = b"".join(chunks).decode("utf-8")
    assert "\x1b" not in shown and "\x07" not in shown
    assert "제목␛]52;c;SGVsbG8=␇" in shown and "␛[31mRed title" in shown
    # piped output (for scripts) keeps the text exactly as stored
    piped = subprocess.run([sys.executable, "-m", "reader.cli", "--db", str(db), "list", "--json"],
                           capture_output=True, text=True).stdout
    assert json.loads(piped)[0]["title_en"] == "\x1b[31mRed title"


unicode_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # Hanja
        st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F),  # emoji
        st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
        st.sampled_from(list(" .?!\n\n\"'“”「」()1234567890,만명억조일월년%㎢$abcXYZ\t\x1b\x00\u200b\u202e")),
    ),
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
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | unicode_text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                              st.sampled_from(["ko", "en", "title_ko", "source", "published", "x"]), inner,
                              max_size=4), max_leaves=8))
def test_json_article_importer_never_raises_anything_else(value) -> None:
    try:
        article = article_from_json(json.dumps(value), "doc.json")
    except ImportProblem:
        return
    assert article.ko or article.en
    article.ko.encode("utf-8")  # storable: no lone surrogates survive
    article.en.encode("utf-8")
