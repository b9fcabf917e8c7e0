"""`reader rm` and `reader edit`: removing articles (and bringing one back) and correcting their details."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Store
from reader.store.details import article_details
from reader.store.health import check as check_library
from reader.store.library import search_library
from reader.store.notes import add_note, list_notes
from reader.store.removal import remove_articles, restore_article

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    copy = tmp_path / "samples.db"
    shutil.copyfile(ROOT / "articles.db", copy)
    return copy


def run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def everything(db: Path) -> dict[str, list]:
    """Every row of the library's own tables, for 'nothing changed' checks."""
    with Store.open(db) as store:
        tables = ("articles", "sentences", "segments", "mentions", "notes")
        return {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_rm_removes_the_articles_with_their_notes_and_search_entries(samples, capsys) -> None:
    with Store.open(samples) as store:
        first, second = (a.id for a in store.list_articles()[:2])
        add_note(store.conn, first, "ko", 0, 5, "to check")
        assert search_library(store.conn, "조약") and len(store.list_articles()) == 7
    code, out, err = run(samples, capsys, "rm", str(first), str(second))
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"removed {first}: North Korea–Russia partnership treaty")
    with Store.open(samples) as store:
        assert len(store.list_articles()) == 5 and store.get_article(first) is None
        assert list_notes(store.conn) == []
        assert all(h.article_id not in (first, second) for h in search_library(store.conn, "조약"))
        assert check_library(store.conn).ok


@pytest.mark.parametrize(
    "args, message",
    [
        (["rm", "2", "999"], "no article with id 999 (see: reader list); nothing was removed"),
        (["rm", "two"], "'two' is not an article id (a number; see: reader list)"),
        (["edit", "999", "--source", "x"], "no article with id 999 (see: reader list)"),
        (["edit", "-1", "--source", "x"], "'-1' is not an article id"),
        (["edit", "2", "--date", "2024-02-30"], "date '2024-02-30' is no day of the calendar"),
        (["edit", "2"], "nothing to change: give --title-ko, --title-en, --source or --date"),
    ],
)
def test_a_bad_id_or_date_is_one_line_and_changes_nothing(samples, capsys, args, message) -> None:
    before = everything(samples)
    if (
        "is not an article id" in message
    ):  # a mistake in the command's arguments: status 2, as the README says
        with pytest.raises(SystemExit) as stopped:
            run(samples, capsys, *args)
        code = stopped.value.code
        out, err = capsys.readouterr()
        assert code == 2
    else:
        code, out, err = run(samples, capsys, *args)
        assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and message in err
    assert everything(samples) == before


def test_edit_changes_only_the_details_given_and_search_finds_the_new_title(samples, capsys) -> None:
    with Store.open(samples) as store:
        article = store.list_articles()[0]
        before = store.get_article(article.id)
    code, out, err = run(
        samples,
        capsys,
        "edit",
        str(article.id),
        "--title-en",
        "Treaty  in force, quokka\n",
        "--date",
        "2024-12-04",
    )
    assert code == 0, err
    assert "2024-12-04" in out and "Treaty in force, quokka" in out
    with Store.open(samples) as store:
        details = article_details(store.conn, article.id)
        assert details is not None
        assert (details.title_en, details.published) == ("Treaty in force, quokka", "2024-12-04")
        assert (details.title_ko, details.source) == (article.title_ko, article.source)
        assert store.get_article(article.id).segments == before.segments  # the text is not re-analysed
        assert {h.article_id for h in search_library(store.conn, "quokka")} == {article.id}
    run(samples, capsys, "edit", str(article.id), "--date", "")
    with Store.open(samples) as store:
        assert article_details(store.conn, article.id).published is None


def test_a_removed_article_comes_back_exactly_as_it_was(samples) -> None:
    before = everything(samples)
    with Store.open(samples) as store:
        article_id = store.list_articles()[3].id
        add_note(store.conn, article_id, "en", 0, 4, "kept through undo")
        before = everything(samples)
        (removed,) = remove_articles(store.conn, [article_id])
        assert store.get_article(article_id) is None
        restore_article(store.conn, removed)
        assert [n.body for n in list_notes(store.conn)] == ["kept through undo"]
        assert [h.article_id for h in search_library(store.conn, "kept")] == []  # notes are not indexed
        assert check_library(store.conn).ok
    assert everything(samples) == before


def test_the_id_of_a_removed_article_is_never_given_to_another(samples, tmp_path, capsys) -> None:
    with Store.open(samples) as store:
        newest = max(a.id for a in store.list_articles())
    assert run(samples, capsys, "rm", str(newest))[0] == 0
    (tmp_path / "ko.txt").write_text(
        "국방부는 26일 북한군 약 1만1000명이 러시아 쿠르스크 지역에 배치됐다고 밝혔다."
    )
    code, out, _ = run(samples, capsys, "add", "--ko", str(tmp_path / "ko.txt"))
    assert code == 0 and int(out) == newest + 1


@pytest.mark.parametrize(
    "typed, stored",
    [("2024.09.03", "2024-09-03"), ("2024. 9. 3.", "2024-09-03"), ("2024년 9월 3일", "2024-09-03"),
     ("2024/9/3", "2024-09-03"), ("2024-09-03", "2024-09-03"),
     ("2024-09-03T09:00:00+09:00", "2024-09-03"), ("2024-09-03 23:30", "2024-09-03")],
)  # fmt: skip
def test_a_date_is_taken_year_first_as_korean_papers_write_it(typed: str, stored: str) -> None:
    from reader.text.iso_date import iso_date

    assert iso_date(typed) == stored
    with pytest.raises(ValueError, match="not of the form"):
        iso_date("03/09/2024")  # day or month first: refused, not guessed
