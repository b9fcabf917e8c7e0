"""Two `reader` processes on one library: one importing, one saving notes — no "locked" errors, no lost writes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from builders import one_to_one
from reader.store import Store
from reader.store.health import check
from reader.store.notes import list_notes

IMPORTER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from builders import one_to_one
    from reader.store import Store
    store = Store.open(sys.argv[1])
    for n in range(40):
        article, analysis = one_to_one([f"기사 {n} 문장 {i}." for i in range(60)], [f"Story {n} line {i}." for i in range(60)])
        store.insert_article(article, analysis.sentences, analysis.segments)
    print("imported 40")
""")

ANNOTATOR = textwrap.dedent("""
    import sys
    from reader.store import Store
    from reader.store.notes import add_note
    store = Store.open(sys.argv[1])
    for n in range(60):
        ids = [a.id for a in store.list_articles()]  # the reader sees new articles as they land
        add_note(store.conn, ids[-1], "ko", 0, 2, f"note {n}")
    print("noted 60")
""")


def test_importing_and_annotating_at_once(location: Path) -> None:
    article, analysis = one_to_one(["첫 기사."], ["First story."])
    with Store.open(location) as store:
        store.insert_article(article, analysis.sentences, analysis.segments)
    tests_dir = str(Path(__file__).parent)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(location), tests_dir],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for code in (IMPORTER, ANNOTATOR)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err
        assert "locked" not in err
    assert [out.strip() for out, _ in results] == ["imported 40", "noted 60"]
    with Store.open(location) as store:
        assert store.count_articles() == 41
        assert len(list_notes(store.conn)) == 60
        assert check(store.conn).ok


def test_reader_add_folder_while_another_reader_saves_notes(location: Path, tmp_path: Path) -> None:
    """The real command importing a folder, and a second process writing notes, on one library."""
    article, analysis = one_to_one(["첫 기사."], ["First story."])
    with Store.open(location) as store:
        store.insert_article(article, analysis.sentences, analysis.segments)
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.json").write_text(
            f'{{"ko": "북한군 {n}000명이 쿠르스크에 배치됐다. 국방부가 {n}일 밝혔다.", '
            f'"en": "{n},000 North Korean troops were deployed to Kursk. The ministry said so on the {n}th."}}',
            encoding="utf-8",
        )
    importer = subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--db", str(location), "add", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    annotator = subprocess.Popen(
        [sys.executable, "-c", ANNOTATOR, str(location), ""],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err = importer.communicate(timeout=300)
    assert importer.returncode == 0, err
    assert "locked" not in err and "added 6" in err
    _, note_err = annotator.communicate(timeout=300)
    assert annotator.returncode == 0 and "locked" not in note_err, note_err
    with Store.open(location) as reading:  # the reading side sees the new articles after a refresh
        assert reading.count_articles() == 7
        assert len(list_notes(reading.conn)) == 60
