"""`reader add` and `reader list`: every bad input is one clear line, a non-zero exit, an unchanged library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import NewArticle, Store

KO = "북한군 파병\n\n북한군 1만1000명이 쿠르스크에 배치됐다. 국방부는 확인할 수 없다고 밝혔다.\n\n둘째 문단이다."
EN = "North Korean troops\n\nAbout 11,000 North Korean troops are in Kursk. The ministry could not confirm it.\n\nA second paragraph."


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def texts(tmp_path: Path) -> tuple[Path, Path]:
    ko, en = tmp_path / "ko.txt", tmp_path / "en.txt"
    ko.write_text(KO, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return ko, en


def snapshot(db: Path | str) -> list[tuple]:
    """Everything the library holds, to prove a failed command changed nothing."""
    if isinstance(db, Path) and not db.exists():
        return []
    with Store.open(db) as store:
        return [
            tuple(r)
            for t in ("articles", "sentences", "segments")
            for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")
        ]


def test_add_text_files_prints_id_and_lists(location, texts, capsys) -> None:
    ko, en = texts
    code, out, err = run(
        location,
        "add",
        "--ko",
        str(ko),
        "--en",
        str(en),
        "--source",
        "Desk",
        "--url",
        "https://example.org/a",
        "--date",
        "2024-11-26",
        capsys=capsys,
    )
    assert (code, err) == (0, "")
    article_id = int(out.strip())
    code, out, _ = run(location, "list", "--json", capsys=capsys)
    listed = json.loads(out)
    assert listed == [
        {
            "id": article_id,
            "title_ko": "북한군 파병",
            "title_en": "North Korean troops",
            "source": "Desk",
            "url": "https://example.org/a",
            "published": "2024-11-26",
        }
    ]
    with Store.open(location) as store:
        article = store.get_article(article_id)
    assert any("1만1000명" in s.ko for s in article.segments)
    assert any("11,000" in s.en for s in article.segments)
    # paragraphs survive: three on each side, the headline (the title) not repeated as the first
    assert {s.paragraph for s in article.segments} == {0, 1}
    assert article.segments[0].ko != "북한군 파병" and not article.ko_text.startswith("북한군 파병")


def test_titles_can_be_given(location, texts, capsys) -> None:
    ko, en = texts
    code, out, _ = run(
        location,
        "add",
        "--ko",
        str(ko),
        "--en",
        str(en),
        "--title-ko",
        "제목",
        "--title-en",
        "Title",
        capsys=capsys,
    )
    assert code == 0
    code, out, _ = run(location, "list", capsys=capsys)
    assert "제목" in out and "Title" in out


def test_add_json_file_and_stdin(location, tmp_path, capsys, monkeypatch) -> None:
    doc = {
        "ko": KO,
        "en": EN,
        "title_ko": "제목",
        "title_en": "Title",
        "source": "S",
        "url": "https://example.org/x",
        "published": "2024-11-20",
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(location, "add", str(path), capsys=capsys)
    assert code == 0, err
    doc["ko"] += "\n\n셋째 문단."
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(doc).encode())))
    code, out2, err = run(location, "add", "-", capsys=capsys)
    assert code == 0, err
    assert int(out2) != int(out)
    _, out, _ = run(location, "list", "--json", capsys=capsys)
    assert [a["published"] for a in json.loads(out)] == ["2024-11-20", "2024-11-20"]


@pytest.mark.parametrize("joined", ["array", "lines"])
def test_add_many_from_stdin_as_from_a_file(location, capsys, monkeypatch, joined) -> None:
    """A JSON array or JSON Lines piped in is read as the same file would be: every article added."""
    import io

    docs = [{"ko": KO, "en": EN}, {"ko": KO + "\n\n둘째 기사.", "en": EN + "\n\nThe second one."}]
    raw = json.dumps(docs) if joined == "array" else "\n".join(json.dumps(d) for d in docs)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode())))
    code, _, err = run(location, "add", "-", "--workers", "1", capsys=capsys)
    assert code == 0, err
    _, listed, _ = run(location, "list", "--json", capsys=capsys)
    assert len(json.loads(listed)) == 2


def test_duplicate_is_refused(location, texts, capsys) -> None:
    ko, en = texts
    assert run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)[0] == 0
    before = snapshot(location)
    code, _, err = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    assert code == 1 and "already in the library" in err
    assert snapshot(location) == before


def test_a_stored_pair_added_again_is_a_duplicate_even_beside_one_side_stored_alone(
    location, texts, capsys
) -> None:
    """The pair is stored, and its Korean side alone (as an older reader let it be): the pair added again
    is the duplicate it is, said in one line, not joined onto the Korean-only article (which the database
    would refuse)."""
    from reader.analysis import analyse

    ko, en = texts
    code, out, _ = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    pair = int(out)
    with Store.open(location) as store:
        korean = store.get_article(pair).ko_text
        alone = analyse(korean, "", entities=False)
        store.insert_article(NewArticle(ko=korean, en=""), alone.sentences, alone.segments)
    before = snapshot(location)
    code, _, err = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    assert code == 1 and f"already in the library (id {pair})" in err and "database" not in err
    assert snapshot(location) == before


def test_one_side_of_a_stored_pair_added_alone_is_a_duplicate(location, texts, capsys) -> None:
    """The Korean of a stored bilingual article, added again alone, is not stored twice: one line says
    which article holds it (the library found through its index, not by reading every text)."""
    ko, en = texts
    code, out, _ = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    pair = int(out)
    before = snapshot(location)
    for flag, path, language in (("--ko", ko, "Korean"), ("--en", en, "English")):
        code, _, err = run(location, "add", flag, str(path), capsys=capsys)
        assert (
            code == 1
            and f"this {language} text is already in the library: it is the {language} of article {pair}"
            in err
        )
    assert snapshot(location) == before
    # the same texts with their lines run together (a file flattened to one line) are the same article
    flat_ko, flat_en = ko.with_name("flat_ko.txt"), en.with_name("flat_en.txt")
    flat_ko.write_text(" ".join(ko.read_text().split()))
    flat_en.write_text(" ".join(en.read_text().split()))
    code, _, err = run(location, "add", "--ko", str(flat_ko), "--en", str(flat_en), capsys=capsys)
    assert code == 1 and f"this article is already in the library (id {pair})" in err
    code, _, err = run(location, "add", "--ko", str(flat_ko), capsys=capsys)
    assert code == 1 and f"it is the Korean of article {pair}" in err
    assert snapshot(location) == before
    # a text that only begins alike is another article
    longer = ko.with_name("longer.txt")
    longer.write_text(ko.read_text() + "\n\n덧붙인 문단이다.")
    assert run(location, "add", "--ko", str(longer), capsys=capsys)[0] == 0


def test_a_translation_added_for_a_stored_korean_article_joins_it(location, texts, capsys) -> None:
    """The Korean text is stored once: the article that held it alone takes the English side, keeping
    its id and its notes, as a fetch joins an edition that arrives later."""
    ko, en = texts
    code, out, _ = run(location, "add", "--ko", str(ko), capsys=capsys)
    korean_only = int(out)
    with Store.open(location) as store:
        from reader.store.notes import add_note

        text = store.get_article(korean_only).ko_text
        at = text.index("쿠르스크")
        add_note(store.conn, korean_only, "ko", at, at + 4, "where they are")
    code, out, err = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    assert code == 0, err
    assert int(out) == korean_only and "now has the English side too" in err
    with Store.open(location) as store:
        assert [a.id for a in store.list_articles()] == [korean_only]
        article = store.get_article(korean_only)
        assert "11,000 North Korean troops" in article.en_text and "1만1000명" in article.ko_text
        assert any("Kursk" in s.en and "쿠르스크" in s.ko for s in article.segments)
        from reader.store.notes import list_notes

        (note,) = list_notes(store.conn, article_id=korean_only)
        assert note.exact == "쿠르스크" and not note.detached
    # the pair again is a duplicate, as any article added twice
    code, _, err = run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)
    assert code == 1 and "already in the library" in err


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: ["--ko", str(d / "missing.txt"), "--en", str(d / "en.txt")], "no such file"),
        (lambda d: ["--ko", str(d / "empty.txt")], "empty"),
        (lambda d: ["--ko", str(d / "blob.bin"), "--en", str(d / "en.txt")], "binary"),
        (lambda d: [str(d / "bad.json")], "malformed JSON"),
        (lambda d: [str(d / "list.json")], "expected a JSON object"),
        (lambda d: [str(d / "nobody.json")], "neither 'ko' nor 'en'"),
        (lambda d: ["--ko", str(d / "en.txt"), "--date", "2024-13-45"], "no day of the calendar"),
        (lambda d: ["--ko", str(d / "en.txt"), "--date", "yesterday"], "YYYY-MM-DD"),
        (lambda d: [str(d / "none")], "folder"),
        (lambda d: [], "nothing to add"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(location, texts, tmp_path, capsys, make, message) -> None:
    (tmp_path / "none").mkdir()
    (tmp_path / "empty.txt").write_text("  \n\n ")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "bad.json").write_text('{"ko": "가", ')
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "nobody.json").write_text('{"title_ko": "제목"}')
    ko, en = texts
    assert run(location, "add", "--ko", str(ko), "--en", str(en), capsys=capsys)[0] == 0
    before = snapshot(location)
    code, _, err = run(location, "add", *make(tmp_path), capsys=capsys)
    assert code != 0
    assert message in err
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert snapshot(location) == before


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_decoded(location, tmp_path, capsys, encoding) -> None:
    ko = tmp_path / "ko.txt"
    ko.write_bytes(
        "국방부는 26일 북한군 1만1000명이 배치됐다고 밝혔다. 쿠르스크에서 교전이 있었다.".encode(encoding)
    )
    code, out, err = run(location, "add", "--ko", str(ko), capsys=capsys)
    assert code == 0, err
    with Store.open(location) as store:
        article = store.get_article(int(out))
    assert article.ko_text.startswith("국방부는 26일 북한군 1만1000명이")
    assert article.en_text == ""
    assert all(s.en == "" for s in article.segments) and len(article.segments) == 2


def test_one_side_empty_is_allowed(location, tmp_path, capsys) -> None:
    en = tmp_path / "en.txt"
    en.write_text("Only English here. Two sentences.")
    code, out, err = run(location, "add", "--en", str(en), capsys=capsys)
    assert code == 0, err
    with Store.open(location) as store:
        article = store.get_article(int(out))
    assert [s.link for s in article.segments] == ["0-1", "0-1"]
    assert [s.en for s in article.segments] == ["Only English here.", "Two sentences."]


def test_markup_and_escapes_are_stored_literally(location, tmp_path, capsys) -> None:
    hostile = "[bold red]굵게[/] \x1b[31m빨강\x1b[0m 이다."
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"ko": hostile, "en": "[b]x[/b] plain."}))
    code, out, err = run(location, "add", str(path), capsys=capsys)
    assert code == 0, err
    with Store.open(location) as store:
        assert store.get_article(int(out)).ko_text == hostile


def test_real_command_never_shows_a_traceback(tmp_path) -> None:
    """The installed `reader` entry point, as a user runs it."""
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    for args in (["add", str(bad)], ["add", "--ko", str(tmp_path / "none.txt")], ["list"]):
        proc = subprocess.run(
            [sys.executable, "-m", "reader.cli", "--db", str(tmp_path / "x" / "l.db"), *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 1
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("reader ")


def test_db_from_environment(tmp_path, texts, capsys, monkeypatch) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("READER_DB", str(target))
    ko, en = texts
    assert main(["add", "--ko", str(ko), "--en", str(en)]) == 0
    assert target.exists()


def test_default_db_lives_in_user_data_dir(tmp_path, texts, capsys) -> None:
    ko, en = texts
    assert main(["add", "--ko", str(ko), "--en", str(en)]) == 0
    assert (tmp_path / "home" / ".local" / "share" / "reader" / "library.db").exists()


@pytest.mark.parametrize("side", ["ko", "en"])
def test_an_empty_file_on_one_side_is_refused(
    tmp_path: Path, texts: tuple[Path, Path], side: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    ko, en = texts
    args = ["add", "--ko", str(empty if side == "ko" else ko), "--en", str(empty if side == "en" else en)]
    before = snapshot(db)
    code, _, err = run(db, *args, capsys=capsys)
    assert code == 1
    assert err.strip().endswith(
        "empty.txt: no text to import (empty) (to add the other side alone, add --one-language)"
    )
    assert err.count("\n") == 1
    assert snapshot(db) == before
    # when one side is really meant: the empty file is left out
    code, out, err = run(db, *args, "--one-language", capsys=capsys)
    assert code == 0, err
    with Store.open(db) as store:
        article = store.get_article(int(out))
    assert (article.ko_text == "") == (side == "ko") and (article.en_text == "") == (side == "en")


def test_a_file_in_the_other_language_is_refused_with_the_flag_to_use(
    tmp_path: Path, texts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    ko, en = texts
    code, _, err = run(db, "add", "--ko", str(en), "--en", str(ko), capsys=capsys)
    assert code == 1
    assert "reads as English, not Korean (give it with --en)" in err and err.count("\n") == 1
    assert snapshot(db) == []


def test_two_sides_that_tell_two_stories_are_added_with_a_warning(location, tmp_path, capsys) -> None:
    drunk_ko = "경찰은 어젯밤 서울 강남구에서 음주운전 단속을 벌여 운전자 12명을 적발했다고 밝혔다.\n\n적발된 운전자 가운데 3명은 면허 취소 수준이었다.\n"
    drunk_en = "Police said they caught 12 drivers in a drunk-driving crackdown in Gangnam, Seoul, last night.\n\nThree of them were over the limit for licence revocation.\n"
    rates_en = "The Bank of Korea cut its benchmark interest rate by a quarter point to 3 percent on Thursday.\n\nGovernor Rhee Chang-yong said inflation had stabilised.\n"
    for name, text in (("ko.txt", drunk_ko), ("en.txt", drunk_en), ("other.txt", rates_en)):
        (tmp_path / name).write_text(text)
    ko = str(tmp_path / "ko.txt")
    assert main(["--db", str(location), "add", "--ko", ko, "--en", str(tmp_path / "en.txt")]) == 0
    assert "one story" not in capsys.readouterr().err
    assert main(["--db", str(location), "add", "--ko", ko, "--en", str(tmp_path / "other.txt")]) == 0
    assert "do not look like one story" in capsys.readouterr().err


SNOW_KO = '인천공항 폭설로 항공편 230편 결항\n\n인천국제공항공사는 12일 밤부터 내린 폭설로 13일 항공편 230편이 결항했다고 밝혔다.\n공사 관계자는 "승객 1만5000명의 불편을 줄이기 위해 제설 장비 90대를 투입했다"고 말했다.\n'
SNOW_EN = 'Snow cancels 230 flights at Incheon airport\n\nHeavy snow that began on the night of the 12th forced the cancellation of 230 flights at Incheon International Airport on the 13th, the airport operator said.\n"We have deployed 90 snow-clearing vehicles to reduce the inconvenience to 15,000 passengers," an official said.\n'
FIRE_EN = 'Fire forces evacuation of 400 residents in Ulsan\n\nA fire at a chemical plant in Ulsan forced 400 nearby residents to leave their homes on the 3rd, city officials said.\n"We opened two shelters and sent 120 firefighters to the scene," a city official said.\n'


def test_two_local_stories_of_a_kind_are_told_apart_by_their_figures(location, tmp_path, capsys) -> None:
    """A snowstorm at an airport and a fire in a factory town: short local news whose openings mean
    something alike (people, officials, vehicles sent), but whose figures share nothing. Added as one
    article, or paired by hand, they get the warning; the snowstorm's own translation does not."""
    for name, text in (("ko.txt", SNOW_KO), ("en.txt", SNOW_EN), ("fire.txt", FIRE_EN)):
        (tmp_path / name).write_text(text)
    ko, en, fire = (str(tmp_path / n) for n in ("ko.txt", "en.txt", "fire.txt"))
    assert main(["--db", str(location), "add", "--ko", ko, "--en", en]) == 0
    assert "one story" not in capsys.readouterr().err
    fresh = tmp_path / "other.db"
    assert main(["--db", str(fresh), "add", "--ko", ko, "--en", fire]) == 0
    assert "do not look like one story" in capsys.readouterr().err
    paired = tmp_path / "paired.db"
    assert main(["--db", str(paired), "add", "--ko", ko]) == 0
    assert main(["--db", str(paired), "add", "--en", fire]) == 0
    capsys.readouterr()
    assert main(["--db", str(paired), "pair", "1", "2"]) == 0
    out, err = capsys.readouterr()
    assert "paired 1 and 2" in out and "do not look like one story" in err and "reader unpair 1" in err
    # the English stored alone, then given with another story's Korean: joined, and said to be two stories
    joined = tmp_path / "joined.db"
    assert main(["--db", str(joined), "add", "--en", fire]) == 0
    capsys.readouterr()
    assert main(["--db", str(joined), "add", "--ko", ko, "--en", fire]) == 0
    err = capsys.readouterr().err
    assert "now has the Korean side too" in err and "do not look like one story" in err


@pytest.mark.parametrize(
    ("piped", "said"),
    [("", "standard input: no text to import (empty)"),
     ('[{"ko": "oops', "standard input: malformed JSON (line 1, column 14: Invalid control character)")],
)  # fmt: skip
def test_bad_json_piped_in_is_one_plain_line(location, capsys, monkeypatch, piped, said) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((piped + "\n").encode())))
    code, _, err = run(location, "add", "-", capsys=capsys)
    assert code == 1 and err.strip().splitlines() == [f"reader: {said}"]
