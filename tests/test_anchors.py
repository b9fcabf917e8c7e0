"""Re-anchoring a note's quote: edits elsewhere keep it on its words; removing the words detaches it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.anchors import make_anchor, reanchor

TEXT = (
    "북한군 1만1000명이 러시아 쿠르스크 지역에 배치됐다고 미 당국이 밝혔다. "
    "The Pentagon said it could not confirm the report. 우크라이나 정보총국은 26일 교신을 공개했다."
)
QUOTE = "쿠르스크 지역에"
words = st.text(
    alphabet=st.sampled_from(list("가나다라마바사 아자차카타파하 abcxyz .,1234")), min_size=0, max_size=40
)


@settings(max_examples=200, deadline=None)
@given(before=words, after=words, cut=st.integers(0, 20))
def test_edits_away_from_the_quote_keep_the_note(before: str, after: str, cut: int) -> None:
    start = TEXT.index(QUOTE)
    anchor = make_anchor(TEXT, start, start + len(QUOTE))
    # insert text before, drop some characters far after, append text: the quoted words themselves stay
    tail_from = start + len(QUOTE) + 10
    edited = before + TEXT[:tail_from] + TEXT[tail_from + cut :] + after
    placed = reanchor(anchor, edited)
    assert placed is not None
    assert edited[placed.start : placed.end] == QUOTE


@settings(max_examples=200, deadline=None)
@given(before=words, after=words)
def test_removing_the_quote_detaches(before: str, after: str) -> None:
    start = TEXT.index(QUOTE)
    anchor = make_anchor(TEXT, start, start + len(QUOTE))
    edited = before + TEXT.replace("러시아 쿠르스크 지역에 ", "") + after
    if QUOTE in edited:  # the random text happened to rebuild the quote
        return
    assert reanchor(anchor, edited) is None or reanchor(anchor, edited).how == "fuzzy"


def test_quote_removed_entirely_detaches() -> None:
    start = TEXT.index(QUOTE)
    anchor = make_anchor(TEXT, start, start + len(QUOTE))
    assert reanchor(anchor, "전혀 다른 기사 내용이다. Nothing in common here.") is None


def test_repeated_quote_picks_the_occurrence_with_matching_context() -> None:
    text = "쿠르스크에서 교전. 러시아 쿠르스크 지역에 배치. 쿠르스크에서 철수."
    start = text.index("러시아 쿠르스크") + 4
    anchor = make_anchor(text, start, start + 4)
    edited = "쿠르스크 쿠르스크 " + text
    placed = reanchor(anchor, edited)
    assert placed.how == "quote"
    assert edited[placed.start - 4 : placed.start] == "러시아 "


def test_small_edit_inside_quote_is_found_fuzzily() -> None:
    text = "The Pentagon said it could not confirm the report on Tuesday."
    anchor = make_anchor(text, 4, 38)  # "Pentagon said it could not confirm"
    edited = "Officials added that the Pentagon said it could not yet confirm the report on Tuesday."
    placed = reanchor(anchor, edited)
    assert placed is not None and placed.how == "fuzzy"
    found = edited[placed.start : placed.end]
    assert found.startswith("Pentagon said it could not") and "confirm" in found
