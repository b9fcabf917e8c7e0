"""Very large articles: a 10 MiB article is kept byte for byte and reads without freezing; a long import
goes through the real analysis, batched, and says how far it has got."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from reader.analysis import analyse
from reader.cli import main
from reader.store import NewArticle, SegmentRow, SentenceRow, Store
from reader.text.entities import find_mentions
from reader.text.glossary import Glossary
from reader.text.korean import korean_tokens

MIB = 1024 * 1024

# Sentence pairs with numbers and names that change from row to row, so no two rows are the same text.
KO = (
    "{n}번째 보고서에서 국방부는 북한군 {n}명이 러시아 쿠르스크 지역에 배치됐다고 밝혔다.",
    '김민준 대변인은 {n}일 서울에서 열린 기자회견에서 "상황을 면밀히 지켜보고 있다"고 말했다.',
    "한국은행은 올해 {n}분기 성장률이 {n}.5%에 그칠 것으로 내다봤다.",
)
EN = (
    "In report number {n}, the Defence Ministry said {n} North Korean troops were deployed to Kursk.",
    'Spokesperson Kim Min-jun told a briefing in Seoul on the {n}th that "we are watching closely".',
    "The Bank of Korea expects growth of {n}.5 percent in quarter {n}.",
)


def article_text(pairs: int) -> tuple[str, str]:
    """`pairs` translated sentence pairs, three to a paragraph."""
    ko, en = [], []
    for i in range(pairs):
        sep = "\n\n" if i and i % 3 == 0 else " "
        ko += [sep, KO[i % 3].format(n=i + 1)]
        en += [sep, EN[i % 3].format(n=i + 1)]
    return "".join(ko[1:]), "".join(en[1:])


def test_batched_korean_tokens_are_what_one_call_per_text_gives() -> None:
    """The entity layer reads every row's Korean in one batched call: it must change no result."""
    texts = [KO[i % 3].format(n=i) for i in range(12)] + ["평양", "쿠르스크에서 교전이 있었다", "美 국무부"]
    from reader.text.korean import korean_model

    batched = list(korean_tokens(texts))
    assert len(batched) == len(texts)
    for text, tokens in zip(texts, batched, strict=True):
        alone = korean_model().tokenize(text)
        assert [(t.form, t.tag, t.start, t.len) for t in tokens] == [
            (t.form, t.tag, t.start, t.len) for t in alone
        ]
        assert find_mentions(text, "ko", tokens=tokens) == find_mentions(text, "ko")
    assert list(korean_tokens([])) == []


def test_the_entity_layer_says_how_far_it_has_got(monkeypatch) -> None:
    import reader.analysis

    monkeypatch.setattr(reader.analysis, "PROGRESS_EVERY", 0.0)
    ko, en = article_text(9)
    heard: list[str] = []
    result = analyse(ko, en, Glossary(), on_step=heard.append)
    assert heard[0].startswith("Analysing: sentences and alignment")
    rows = [line for line in heard if line.startswith("Analysing: names in row")]
    assert rows[0] == "Analysing: names in row 1 of 9…" and rows[-1] == "Analysing: names in row 9 of 9…"
    assert len(result.segments) == 9 and result.mentions


def test_a_long_article_imports_whole_through_the_real_command(tmp_path: Path, capsys) -> None:
    """~150 KB through `reader add` (sentences, alignment, names, storage): every row, every byte.

    The size keeps the suite's time budget; bench/big_article.py measures 10 MiB the same way.
    """
    ko, en = article_text(600)
    (tmp_path / "ko.txt").write_text(ko, encoding="utf-8")
    (tmp_path / "en.txt").write_text(en, encoding="utf-8")
    db = tmp_path / "library.db"
    assert (
        main(["--db", str(db), "add", "--ko", str(tmp_path / "ko.txt"), "--en", str(tmp_path / "en.txt")])
        == 0
    )
    with Store.open(db) as store:
        article = store.get_article(int(capsys.readouterr().out))
    assert article.ko_text == ko and article.en_text == en
    assert len(article.segments) == 600
    assert [s.ko for s in article.segments[:2]] == [KO[0].format(n=1), KO[1].format(n=2)]
    assert article.segments[-1].en == EN[599 % 3].format(n=600)
    places = {
        article.ko_text[m.start : m.end] for m in article.mentions if m.side == "ko" and m.type == "PLACE"
    }
    assert {"쿠르스크", "서울"} <= places  # the entity layer ran on every row, the last ones too
    assert any(m.position == 599 for m in article.mentions)


def stored_article(
    ko: str, en: str, pairs: list[tuple[int, int, int, int, int]]
) -> tuple[NewArticle, list, list]:
    """Rows for sentence pairs known in advance (no model): what the store and the screen must cope with."""
    sentences, segments = [], []
    for i, (paragraph, ks, ke, es, ee) in enumerate(pairs):
        sentences += [SentenceRow("ko", i, ks, ke, paragraph), SentenceRow("en", i, es, ee, paragraph)]
        segments.append(SegmentRow(i, paragraph, i, i + 1, i, i + 1, ks, ke, es, ee, "1-1", 0.9))
    return (
        NewArticle(ko=ko, en=en, title_ko="아주 긴 기사", title_en="A very long article"),
        sentences,
        segments,
    )


def ten_mebibytes() -> tuple[str, str, list[tuple[int, int, int, int, int]]]:
    """10 MiB of UTF-8 across both sides, with escape sequences and a bidi override among the sentences."""
    ko_parts: list[str] = []
    en_parts: list[str] = []
    pairs = []
    ko_len = en_len = size = i = 0
    while size < 10 * MIB:
        k, e = KO[i % 3].format(n=i + 1), EN[i % 3].format(n=i + 1)
        if i % 997 == 0:
            k, e = k + " \x1b]52;c;SGVsbG8=\x07", e + " \x1b[2J\u202e"
        if i:
            sep = "\n\n" if i % 3 == 0 else " "
            ko_parts.append(sep)
            en_parts.append(sep)
            ko_len += len(sep)
            en_len += len(sep)
        pairs.append((i // 3, ko_len, ko_len + len(k), en_len, en_len + len(e)))
        ko_parts.append(k)
        en_parts.append(e)
        ko_len += len(k)
        en_len += len(e)
        size += len(k.encode()) + len(e.encode()) + 2
        i += 1
    return "".join(ko_parts), "".join(en_parts), pairs


def test_a_ten_mebibyte_article_is_kept_byte_for_byte_and_pages_without_freezing(tmp_path: Path) -> None:
    """Rows made without the model (the import is timed by bench/big_article.py): the store and the
    reading screen with ~52,000 rows. Pilot waits for the screen's background layout after each key, so
    this bounds the whole; how long a key waits during that layout is `bench/big_article.py --screen`."""
    ko, en, pairs = ten_mebibytes()
    assert len(ko.encode()) + len(en.encode()) >= 10 * MIB
    article, sentences, segments = stored_article(ko, en, pairs)
    db = tmp_path / "library.db"
    with Store.open(db) as store:
        article_id = store.insert_article(article, sentences, segments)
    with Store.open(db) as store:
        stored = store.get_article(article_id)
        assert stored.ko_text.encode() == ko.encode() and stored.en_text.encode() == en.encode()
        assert len(stored.segments) == len(pairs)
        assert stored.segments[-1].ko == ko[pairs[-1][1] : pairs[-1][2]]
        from reader.tui.app import ReaderApp

        asyncio.run(page_through(ReaderApp(store), len(pairs)))


async def page_through(app, rows: int) -> None:
    from reader.tui.widgets.parallel_view import ParallelView

    async with app.run_test(size=(120, 40)) as pilot:
        start = time.monotonic()
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ParallelView)
        assert any("1번째 보고서에서" in line for line in view.visible_text())
        assert any("␛]52;c;SGVsbG8=␇" in line for line in view.visible_text())
        await pilot.press("space", "space", "b", "j", "j")
        await pilot.pause()
        assert view.cursor > 0
        await pilot.press("G")  # the last of ~40,000 rows, laid out on the way
        await pilot.pause()
        assert view.cursor == rows - 1
        assert any(
            f"{rows}번째" in line or f"{rows}분기" in line or f"{rows}일" in line
            for line in view.visible_text()
        )
        await pilot.press("b", "g")
        await pilot.pause()
        assert view.cursor == 0
        shown = view.visible_text()
        assert not any("\x1b" in line or "\x07" in line or "\u202e" in line for line in shown)
        assert all(len(line) <= 120 for line in shown)
        # Opening and paging the whole article takes seconds, not the minutes of a quadratic layout.
        assert time.monotonic() - start < 60
