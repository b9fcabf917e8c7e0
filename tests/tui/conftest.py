"""A small library built by hand (no Kiwi, no aligner), so TUI tests are fast and snapshots stay put."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.store import MentionRow, NewArticle, SegmentRow, SentenceRow, Store
from reader.tui.app import ReaderApp

Scenario = Callable[[ReaderApp, Pilot], Awaitable[None]]


@dataclass(frozen=True)
class Pair:
    ko: str
    en: str
    paragraph: int = 0
    confidence: float = 1.0
    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Name:
    """A mention to store in row `row`: its Korean and/or English form (first occurrence in that row)."""

    row: int
    ko: str | None
    en: str | None
    type: str
    how: str | None = None
    guess: bool = False


def _mention_rows(names: Sequence[Name], pairs: Sequence[Pair], spans: list[dict[str, tuple[int, int]]],
                  texts: dict[str, str]) -> list[MentionRow]:  # fmt: skip
    rows: list[MentionRow] = []
    for name in names:
        found: dict[str, tuple[int, int]] = {}
        for lang in ("ko", "en"):
            form = getattr(name, lang)
            if form:
                start, end = spans[name.row][lang]
                at = texts[lang].index(form, start, end)
                found[lang] = (at, at + len(form))
        linked = len(found) == 2
        for lang, (start, end) in found.items():
            other = found.get("en" if lang == "ko" else "ko", (None, None))
            rows.append(MentionRow(name.row, lang, start, end, name.type, *other, name.how if linked else None,
                                   name.guess))  # fmt: skip
    return rows


def add_article(store: Store, pairs: Sequence[Pair], names: Sequence[Name] = (), **meta: str | None) -> int:
    """Store an article whose segments are exactly `pairs` (paragraphs separated by blank lines)."""
    texts = {"ko": "", "en": ""}
    spans: list[dict[str, tuple[int, int]]] = []
    previous = None
    for pair in pairs:
        span = {}
        for lang in ("ko", "en"):
            text = getattr(pair, lang)
            if texts[lang] and text:
                texts[lang] += "\n\n" if pair.paragraph != previous else " "
            start = len(texts[lang])
            texts[lang] += text
            span[lang] = (start, len(texts[lang]))
        spans.append(span)
        previous = pair.paragraph
    sentences: list[SentenceRow] = []
    segments: list[SegmentRow] = []
    counts = {"ko": 0, "en": 0}
    for position, (pair, span) in enumerate(zip(pairs, spans, strict=True)):
        ranges = {}
        for lang in ("ko", "en"):
            start = counts[lang]
            if getattr(pair, lang):
                sentences.append(SentenceRow(lang, start, *span[lang], pair.paragraph))
                counts[lang] += 1
            ranges[lang] = (start, counts[lang])
        link = f"{ranges['ko'][1] - ranges['ko'][0]}-{ranges['en'][1] - ranges['en'][0]}"
        segments.append(SegmentRow(position, pair.paragraph, *ranges["ko"], *ranges["en"], *span["ko"],
                                   *span["en"], link, pair.confidence, issues=pair.issues))  # fmt: skip
    article = NewArticle(ko=texts["ko"], en=texts["en"], **meta)  # type: ignore[arg-type]
    return store.insert_article(article, sentences, segments, added="2024-11-20T00:00:00+00:00",
                                mentions=_mention_rows(names, pairs, spans, texts))  # fmt: skip


KURSK = [
    Pair(
        "우크라이나 국방정보총국은 쿠르스크 지역에서 북한군의 무선 교신을 감청했다고 밝혔다.",
        "Ukraine's defence intelligence says it intercepted North Korean radio traffic in the Kursk region.",
        0,
    ),
    Pair(
        "정보총국에 따르면 약 11,000명의 북한군이 러시아 쿠르스크주에 배치됐다.",
        "According to the agency, about 11,000 North Korean troops have been deployed to Russia's Kursk "
        "oblast.",
        0,
    ),
    Pair(
        "공개된 녹음에는 한국어로 된 짧은 명령과 좌표가 담겼다.",
        "The released recording contains short orders and coordinates spoken in Korean.",
        0,
        0.42,
    ),
    Pair(
        "한편 스톰 섀도 미사일 공격으로 500명이 숨졌다는 주장은 확인되지 않았다.",
        "Meanwhile, a claim that a Storm Shadow strike killed 500 soldiers remains unconfirmed.",
        1,
    ),
    Pair(
        "분석 기관 아겐스트보는 러시아군이 한 주에 235㎢, 한 달에 600㎢를 점령했다고 집계했다.",
        "The analysis outlet Agenstvo counted 235 km² taken by Russian forces in a week and 600 km² in a "
        "month.",
        1,
    ),
    Pair("", "A line the Korean side does not have.", 2, 0.3),
]

#: What the entity layer would store for KURSK: linked pairs, a guess, an unlinked Korean name.
KURSK_NAMES = [
    Name(0, "우크라이나", "Ukraine", "PLACE", "glossary"),
    Name(0, "국방정보총국", None, "ORG"),
    Name(0, "쿠르스크", "Kursk", "PLACE", "transliteration"),
    Name(0, "북한군", "North Korean", "ORG", "glossary"),
    Name(1, "정보총국", "the agency", "ORG", "elimination", guess=True),
    Name(1, "11,000명", "11,000", "QUANTITY", "number"),
    Name(1, "북한군", "North Korean", "ORG", "glossary"),
    Name(1, "러시아", "Russia", "PLACE", "glossary"),
    Name(1, "쿠르스크주", "Kursk oblast", "PLACE", "transliteration"),
    Name(3, "스톰 섀도", "Storm Shadow", "EQUIPMENT", "transliteration"),
    Name(3, "500명", "500", "QUANTITY", "number"),
    Name(4, "아겐스트보", "Agenstvo", "ORG", "transliteration"),
    Name(4, "러시아군", "Russian forces", "ORG", "glossary"),
    Name(4, "235㎢", "235 km²", "QUANTITY", "number"),
    Name(4, "600㎢", "600 km²", "QUANTITY", "number"),
]

BRIEFING = [
    Pair(
        "국가정보원은 국회 정보위원회에 북한군 파병 현황을 보고했다.",
        "The National Intelligence Service briefed the parliamentary intelligence committee on the "
        "deployment.",
        0,
    ),
    Pair("국정원은 사상자가 늘고 있다고 밝혔다.", "The agency said casualties were rising.", 0),
]

MARKETS = [
    Pair("원·달러 환율이 1,400원을 넘었다.", "The won weakened past 1,400 to the dollar.", 0),
]


#: One row holding every entity type, the issue's example among them (블라디미르 푸틴 beside 6월 19일).
TREATY = [
    Pair(
        "이 조약은 블라디미르 푸틴 러시아 대통령이 24년 만에 평양을 방문한 6월 19일 김정은 국무위원장과 "
        "서명한 것이다.",
        "Russian President Vladimir Putin signed the treaty with North Korean leader Kim Jong Un on June 19, "
        "during his first visit to Pyongyang in 24 years.",
        0,
    ),
    Pair("노동당은 이스칸데르 미사일을 공개했다.", "The Workers' Party showed an Iskander missile.", 0),
]
TREATY_NAMES = [
    Name(0, "블라디미르 푸틴", "Vladimir Putin", "PERSON", "transliteration"),
    Name(0, "24년", "24 years", "QUANTITY", "number"),
    Name(0, "평양", "Pyongyang", "PLACE", "glossary"),
    Name(0, "6월 19일", "June 19", "DATE", "number"),
    Name(0, "국무위원장", "leader", "OTHER", "glossary"),
    Name(1, "노동당", "Workers' Party", "ORG", "glossary"),
    Name(1, "이스칸데르", "Iskander", "EQUIPMENT", "transliteration"),
]


@pytest.fixture
def treaty_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """One article whose rows hold a mention of every entity type (see `TREATY_NAMES`)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("READER_AUTHOR", "Jisoo")  # notes' author, the same on every machine (snapshots)
    store = Store.open(tmp_path / "library.db")
    add_article(store, TREATY, TREATY_NAMES, title_ko="북러 조약 발효", title_en="Treaty takes effect",
                source="Test Wire", published="2024-12-05")  # fmt: skip
    yield store
    store.close()


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """Three articles in a file named `library.db` in the current directory (so the header is stable)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("READER_AUTHOR", "Jisoo")  # notes' author, the same on every machine (snapshots)
    store = Store.open(tmp_path / "library.db")
    add_article(store, KURSK, KURSK_NAMES, title_ko="북한군 무선 교신 감청",
                title_en="North Korean radio traffic intercepted",
                source="Test Wire", published="2024-11-20")  # fmt: skip
    add_article(store, BRIEFING, title_ko="국정원, 파병 현황 보고", title_en="NIS briefs lawmakers",
                source="Test Wire", published="2024-11-18", translation_by="deepl")  # fmt: skip
    add_article(store, MARKETS, title_ko="환율 1,400원 돌파", title_en="Won passes 1,400",
                source="Markets Desk", published="2024-11-15")  # fmt: skip
    yield store
    store.close()


@pytest.fixture
def empty_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("READER_AUTHOR", "Jisoo")  # notes' author, the same on every machine (snapshots)
    store = Store.open(tmp_path / "library.db")
    yield store
    store.close()


@pytest.fixture
def store_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Store]]:
    """Open a fresh library holding the given articles: `store_at((pairs, meta), ...)`.

    Each pair is a `Pair` or a tuple of its fields: (ko, en[, paragraph[, confidence]]).
    """
    monkeypatch.chdir(tmp_path)
    opened: list[Store] = []

    def make(*articles: tuple[Sequence[Pair | tuple], dict[str, str | None]]) -> Store:
        store = Store.open(tmp_path / f"library{len(opened) or ''}.db")
        opened.append(store)
        for pairs, meta in articles:
            add_article(store, [p if isinstance(p, Pair) else Pair(*p) for p in pairs], **meta)
        return store

    yield make
    for store in opened:
        store.close()


def run_app(store: Store, scenario: Scenario, size: tuple[int, int] = (160, 48),
            notice: str | None = None) -> ReaderApp:  # fmt: skip
    """Start `ReaderApp(store)` headless at `size` and drive it with `scenario` (no async plugin needed)."""
    app = ReaderApp(store, notice=notice)

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())
    return app


@pytest.fixture
def drive() -> Callable[..., ReaderApp]:
    return run_app


async def search_palette(app: ReaderApp, pilot: Pilot, query: str) -> None:
    """Open the command palette, type `query`, and wait until its search workers have answered."""
    from textual.command import CommandPalette
    from textual.widgets import Input

    await pilot.press("ctrl+p")
    for _ in range(50):  # a bounded wait for the palette to mount and focus its input, not a sleep
        if isinstance(app.screen, CommandPalette) and isinstance(app.focused, Input):
            break
        await pilot.pause()
    assert isinstance(app.focused, Input)
    await pilot.press(*query)
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def palette() -> Callable[[ReaderApp, Pilot, str], Awaitable[None]]:
    return search_palette
