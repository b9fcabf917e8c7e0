"""Small hand-built articles for tests that must not depend on the aligner's current behaviour."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import Analysis
from reader.store import NewArticle, SegmentRow, SentenceRow


def one_to_one(ko: list[str], en: list[str]) -> tuple[NewArticle, Analysis]:
    """An article whose sentences are given, paired in order: fast and independent of the aligner."""
    ko_text, en_text = " ".join(ko), " ".join(en)
    sentences, segments = [], []
    ko_pos = en_pos = 0
    for i in range(max(len(ko), len(en))):
        k = ko[i] if i < len(ko) else ""
        e = en[i] if i < len(en) else ""
        if i < len(ko):
            sentences.append(SentenceRow("ko", i, ko_pos, ko_pos + len(k), 0))
        if i < len(en):
            sentences.append(SentenceRow("en", i, en_pos, en_pos + len(e), 0))
        segments.append(
            SegmentRow(
                position=i,
                paragraph=0,
                ko_from=min(i, len(ko)),
                ko_to=min(i + 1, len(ko)),
                en_from=min(i, len(en)),
                en_to=min(i + 1, len(en)),
                ko_start=ko_pos,
                ko_end=ko_pos + len(k),
                en_start=en_pos,
                en_end=en_pos + len(e),
                link=f"{int(i < len(ko))}-{int(i < len(en))}",
                confidence=0.9,
            )
        )
        ko_pos += len(k) + (1 if i < len(ko) else 0)
        en_pos += len(e) + (1 if i < len(en) else 0)
    return NewArticle(
        ko=ko_text, en=en_text, title_ko=ko[0] if ko else "", title_en=en[0] if en else ""
    ), Analysis(sentences, segments)


def read_both_ways(
    kinds: dict[str, tuple[str, str, str]],
) -> tuple[Callable[[str], None], Callable[[str], None]]:
    """The two tests a table of the check's kinds gets, (Korean, a faithful English, the same English with
    one fact changed) by name: the faithful pair raises nothing, the changed one an alarm."""
    import pytest

    from reader.text.check import check_pair, is_alarm

    @pytest.mark.parametrize("kind", sorted(kinds))
    def faithful_rendering_is_silent(kind: str) -> None:
        ko, en, _ = kinds[kind]
        assert check_pair(ko, en) == []

    @pytest.mark.parametrize("kind", sorted(kinds))
    def changed_fact_is_flagged(kind: str) -> None:
        ko, _, changed = kinds[kind]
        assert any(is_alarm(r) for r in check_pair(ko, changed))

    return faithful_rendering_is_silent, changed_fact_is_flagged
