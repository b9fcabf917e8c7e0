"""The bundled `articles.db` is exactly what `scripts/build_sample_library.py` makes of `samples/`."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.importers import article_from_json, read_text
from reader.store import Store

ROOT = Path(__file__).resolve().parents[1]


def test_articles_db_matches_samples(tmp_path: Path) -> None:
    copy = tmp_path / "articles.db"
    shutil.copyfile(ROOT / "articles.db", copy)  # never touch the original
    samples = sorted((ROOT / "samples").glob("*.json"))
    assert len(samples) >= 6
    with Store.open(copy) as store:
        assert store.count_articles() == len(samples), "rebuild: python scripts/build_sample_library.py"
        for path in samples:
            expected = article_from_json(read_text(path), path.name)
            row = store.conn.execute(
                "SELECT id, title_ko, title_en, source, url, published FROM articles WHERE content_hash = ?",
                (expected.content_hash,),
            ).fetchone()
            assert row is not None, (
                f"{path.name} changed: rebuild with python scripts/build_sample_library.py"
            )
            assert tuple(row)[1:] == (
                expected.title_ko,
                expected.title_en,
                expected.source,
                expected.url,
                expected.published,
            )
            article = store.get_article(row[0])
            # every sentence of both sides is on screen, in order, exactly once
            assert "".join(s.ko for s in article.segments).replace(" ", "") == expected.ko.replace(
                " ", ""
            ).replace("\n", "")
            assert "".join(s.en for s in article.segments).replace(" ", "") == expected.en.replace(
                " ", ""
            ).replace("\n", "")


def test_listing_and_searching_the_bundled_library_leave_it_unchanged(tmp_path: Path, capsys) -> None:
    """Commands that only read must not write to the bundled file (it is shipped in the journal mode
    `reader` opens libraries in), so a clone stays clean after trying them."""
    from reader.cli import main

    copy = tmp_path / "articles.db"
    shutil.copyfile(ROOT / "articles.db", copy)
    before = copy.read_bytes()
    assert main(["--db", str(copy), "list"]) == 0
    assert main(["--db", str(copy), "search", "평양"]) == 0
    assert "Pyongyang" in capsys.readouterr().out
    assert copy.read_bytes() == before


def test_samples_are_rich_enough() -> None:
    from reader.text.sentences import split_sentences

    for path in sorted((ROOT / "samples").glob("*.json")):
        article = article_from_json(read_text(path), path.name)
        for lang, text in (("ko", article.ko), ("en", article.en)):
            count = len(split_sentences(text, lang))
            assert 8 <= count <= 25, f"{path.name} {lang}: {count} sentences"
