"""Small hand-built articles for tests that must not depend on the aligner's current behaviour."""

from __future__ import annotations

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
