"""Sentence splitting on news-like Korean and English: what a reader sees as one sentence stays one."""

from __future__ import annotations

import itertools
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text.sentences import paragraph_spans, split_sentences


def _texts(text: str, lang: str) -> list[str]:
    return [s.text(text) for s in split_sentences(text, lang)]


def test_hanja_abbreviation_starts_the_next_korean_sentence() -> None:
    text = "미군 500명이 추가로 배치됐다. 美 국방부는 26일 이를 발표했다. 北은 즉각 반발했다."
    assert _texts(text, "ko") == [
        "미군 500명이 추가로 배치됐다.",
        "美 국방부는 26일 이를 발표했다.",
        "北은 즉각 반발했다.",
    ]


def test_opening_quotation_goes_with_the_next_korean_sentence() -> None:
    text = '정부의 능력은 줄어들 것입니다. "클리퍼"는 그 능력을 지키려는 시도다.'
    assert _texts(text, "ko") == ["정부의 능력은 줄어들 것입니다.", '"클리퍼"는 그 능력을 지키려는 시도다.']


def test_korean_quoted_speech_numbers_and_brackets_stay_whole() -> None:
    text = (
        "그는 “우리는 준비됐다”고 말했다. 「평화」라는 제목의 책이 나왔다. "
        "병력 1만1000명이 움직였고 성장률은 2.5%를 기록했다."
    )
    assert _texts(text, "ko") == [
        "그는 “우리는 준비됐다”고 말했다.",
        "「평화」라는 제목의 책이 나왔다.",
        "병력 1만1000명이 움직였고 성장률은 2.5%를 기록했다.",
    ]


def test_korean_full_stop_after_mixed_quotation_marks_ends_the_sentence() -> None:
    text = '당국은 "고추가 원인이다”고 밝혔다. 관계자는“아직 밝혀진 것이 없다"고 말했다.'
    assert _texts(text, "ko") == [
        '당국은 "고추가 원인이다”고 밝혔다.',
        '관계자는“아직 밝혀진 것이 없다"고 말했다.',
    ]


def test_quotation_then_go_continues_the_korean_sentence() -> None:
    text = "그는 “제안을 받은 적이 없다.” 고 부인했다. 회담은 계속됐다."
    assert _texts(text, "ko") == ["그는 “제안을 받은 적이 없다.” 고 부인했다.", "회담은 계속됐다."]


def test_english_abbreviations_dates_and_decimals_stay_whole() -> None:
    text = "U.S. forces arrived on Nov. 26. Dr. Kim said growth of 2.5 percent was enough. Mr. Lee agreed."
    assert _texts(text, "en") == [
        "U.S. forces arrived on Nov. 26.",
        "Dr. Kim said growth of 2.5 percent was enough.",
        "Mr. Lee agreed.",
    ]


def test_english_quoted_speech_keeps_its_closing_mark() -> None:
    text = '"We are ready," he said. "It is fine." Officials declined to comment.'
    assert _texts(text, "en") == [
        '"We are ready," he said.',
        '"It is fine."',
        "Officials declined to comment.",
    ]


def test_a_quotation_of_several_sentences_is_split_like_any_other_text() -> None:
    # A Korean translation often renders a long quotation as two reported-speech sentences; sentences
    # inside the quotation let the aligner pair each with its part. Attribution stays on the quote.
    text = (
        "“The bridge is safe. We checked every cable last week. Nobody should worry,” the mayor told "
        'reporters. "Will it reopen?" he asked. "Yes!" she said.'
    )
    assert _texts(text, "en") == [
        "“The bridge is safe.",
        "We checked every cable last week.",
        "Nobody should worry,” the mayor told reporters.",
        '"Will it reopen?" he asked.',
        '"Yes!" she said.',
    ]


def test_quotation_left_open_across_paragraphs_does_not_swallow_sentences() -> None:
    # News convention: a quotation that runs on into the next paragraph is not closed.
    text = (
        '"We will bring another plane to fly people back. I will take a bus to Melbourne. '
        "The incident comes three days after another landing. Thousands attended the funeral."
    )
    assert _texts(text, "en") == [
        '"We will bring another plane to fly people back.',
        "I will take a bus to Melbourne.",
        "The incident comes three days after another landing.",
        "Thousands attended the funeral.",
    ]


def test_dateline_fragment_joins_the_sentence_after_it() -> None:
    text = "(CNN) A weakened typhoon hit the coast. Thousands fled."
    assert _texts(text, "en") == ["(CNN) A weakened typhoon hit the coast.", "Thousands fled."]


def test_paragraph_numbers_follow_blank_lines() -> None:
    text = "첫 문단이다. 둘째 문장이다.\n\n둘째 문단이다.\n \n셋째 문단이다."
    sentences = split_sentences(text, "ko")
    assert [s.paragraph for s in sentences] == [0, 0, 1, 2]
    assert len(paragraph_spans(text)) == 3


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_empty_and_blank_texts_have_no_sentences(lang: str) -> None:
    assert split_sentences("", lang) == []
    assert split_sentences(" \n\n\t ", lang) == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_one_long_paragraph_without_punctuation_is_kept(lang: str) -> None:
    text = " ".join(["단어" if lang == "ko" else "word"] * 3000)
    sentences = split_sentences(text, lang)
    covered = "".join(s.text(text) for s in sentences).replace(" ", "")
    assert covered == text.replace(" ", "")


_NEWS_ALPHABET = st.sampled_from(
    list("가나다라마바사는이다했고美北中日韓")
    + list("abcXYZ .,?!\"“”'「」()\n0123456789%")
    + ["\u0301", "😀"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_NEWS_ALPHABET, max_size=200), st.sampled_from(["ko", "en"]))
def test_sentences_cover_every_visible_character_once_in_order(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert not s.text(text)[0].isspace() and not s.text(text)[-1].isspace()
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start and a.paragraph <= b.paragraph
    covered = "".join(s.text(text) for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


def test_layout_gaps_from_web_pages_separate_headlines() -> None:
    text = "군 지휘관들, 국방개혁안 우려\u00a0 \u00a0 \u00a0뉴욕서 추도식 열려\u00a0 \u00a0 \u00a0정부는 26일 발표했다."
    assert _texts(text, "ko") == [
        "군 지휘관들, 국방개혁안 우려",
        "뉴욕서 추도식 열려",
        "정부는 26일 발표했다.",
    ]


def test_a_date_stamp_closes_the_headline_before_it() -> None:
    # Web pages print a date under each headline of a list; taken as text, the stamp follows the headline
    # across a layout gap, or glued to it, and the article's first sentence follows the stamp.
    gap = "\u00a0 \u00a0 \u00a0"
    text = f"물가 상승 우려{gap}2011.03 시장 개장 연기{gap}2011.03 정부는 3일 새 대책을 발표했다."
    assert _texts(text, "ko") == [
        f"물가 상승 우려{gap}2011.03",
        f"시장 개장 연기{gap}2011.03",
        "정부는 3일 새 대책을 발표했다.",
    ]
    assert _texts("장관, 사임 의사 밝혀2011.03.02 장관은 2일 사의를 표명했다.", "ko") == [
        "장관, 사임 의사 밝혀2011.03.02",
        "장관은 2일 사의를 표명했다.",
    ]
    assert _texts("Minister to resign 2011.03 The minister said on Wednesday he would step down.", "en") == [
        "Minister to resign 2011.03",
        "The minister said on Wednesday he would step down.",
    ]


def test_a_figure_that_looks_like_a_date_stays_in_its_sentence() -> None:
    assert _texts("코스피는 2011.10 포인트로 장을 마쳤다. 거래량은 줄었다.", "ko") == [
        "코스피는 2011.10 포인트로 장을 마쳤다.",
        "거래량은 줄었다.",
    ]
    for text in ("The index closed at 2011.10 points on Friday.", "Release 2019.10 of the tool is out."):
        assert _texts(text, "en") == [text]


def test_english_sentences_glued_without_a_space_are_cut() -> None:
    text = "The storm weakened over the Yellow Sea.The weather agency lifted its warnings on Monday."
    assert _texts(text, "en") == [
        "The storm weakened over the Yellow Sea.",
        "The weather agency lifted its warnings on Monday.",
    ]
    # Web addresses, e-mail and titles are no such place.
    assert _texts("Details are at www.Seoul.go.kr and from kim.Jiwoo@mail.net today.", "en") == [
        "Details are at www.Seoul.go.kr and from kim.Jiwoo@mail.net today."
    ]
    assert _texts("He met Gen.Park in Seoul.", "en") == ["He met Gen.Park in Seoul."]


def test_a_headline_run_into_the_story_without_its_full_stop_is_cut() -> None:
    text = (
        "Both parties have agreed to hold formal talks The agreement signed on Monday ends months of delay."
    )
    assert _texts(text, "en") == [
        "Both parties have agreed to hold formal talks",
        "The agreement signed on Monday ends months of delay.",
    ]
    # A full stop lost before "The" and a name, or before a subject pronoun.
    assert _texts(
        "A woman was taken away on a stretcher The Israeli government called it an attack.", "en"
    ) == [
        "A woman was taken away on a stretcher",
        "The Israeli government called it an attack.",
    ]
    assert _texts("Officials met on Monday to discuss the budget He said talks would go on.", "en") == [
        "Officials met on Monday to discuss the budget",
        "He said talks would go on.",
    ]
    # Titles and a capital "A" are no such place.
    for text in (
        "The minister told The Times the plan was final.",
        "He moved to The Hague in 2010 with his family.",
        "Doctors confirmed the type A flu in three patients.",
        "The story first ran in the conservative daily The Chosun Ilbo last week.",
        "Critics praised the new film The Host for its monster and its politics.",
        "The lawmaker gave an interview to Britain's The Sun on Friday.",
    ):
        assert _texts(text, "en") == [text]


def test_english_headline_glued_to_korean_text_is_cut() -> None:
    text = "Officials express disappointment with the comments.한국 정부 관계자들은 실망을 표명했다."
    assert _texts(text, "ko") == [
        "Officials express disappointment with the comments.",
        "한국 정부 관계자들은 실망을 표명했다.",
    ]


def test_korean_sentences_glued_without_a_space_are_cut() -> None:
    assert _texts("그는 “좋다”고 했다.中 외교부는 반발했다.", "ko") == [
        "그는 “좋다”고 했다.",
        "中 외교부는 반발했다.",
    ]
    assert _texts("그는 말했다.그는 떠났다.", "ko") == ["그는 말했다.", "그는 떠났다."]


def test_time_of_day_before_a_weekday_ends_no_sentence() -> None:
    text = "It began at 3 p.m. Monday in Seoul. The talks ended at 5 p.m. Officials left."
    assert _texts(text, "en") == [
        "It began at 3 p.m. Monday in Seoul.",
        "The talks ended at 5 p.m.",
        "Officials left.",
    ]


def test_long_english_paragraph_is_split_in_reasonable_time() -> None:
    text = "The government announced a new policy on Nov. 26 and citizens protested. " * 400
    start = time.perf_counter()
    sentences = split_sentences(text, "en")
    assert time.perf_counter() - start < 20  # pysbd alone would take far longer on one huge paragraph
    assert len(sentences) == 400
    assert all(s.text(text).endswith("protested.") for s in sentences)


def test_company_forms_end_no_sentence_while_the_name_goes_on() -> None:
    text = (
        "Korean Broadcasting Corp. Radio reported the strike on Tuesday. Samsung Electronics Co. Ltd. said "
        "profits rose. Apple Inc. Chief Executive Tim Cook visited Seoul. The deal went to Korea Aerospace "
        "Industries Ltd. The company will deliver in 2026. He once worked for Hyundai Motor Co. In 2020 he left."
    )
    assert _texts(text, "en") == [
        "Korean Broadcasting Corp. Radio reported the strike on Tuesday.",
        "Samsung Electronics Co. Ltd. said profits rose.",
        "Apple Inc. Chief Executive Tim Cook visited Seoul.",
        "The deal went to Korea Aerospace Industries Ltd.",
        "The company will deliver in 2026.",
        "He once worked for Hyundai Motor Co.",
        "In 2020 he left.",
    ]


def test_a_closing_mark_pysbd_leaves_at_the_next_sentence_goes_back() -> None:
    # Some pages quote with look-alike marks (˝, a double acute accent); pysbd cuts before the mark, which
    # then belongs to the sentence it closes.
    text = "He warned of floods along the coast.˝ The court rejected the petition on Monday."
    assert _texts(text, "en") == [
        "He warned of floods along the coast.˝",
        "The court rejected the petition on Monday.",
    ]


def _wrap_in_place(text: str, width: int, wide: int) -> str:
    """`text` with its lines broken at a space once they would pass `width` columns, as an old file or
    an e-mail holds it; a Hangul syllable takes `wide` columns (1 or 2, as wrappers differ)."""
    out, column = list(text), 0
    for match in re.finditer(r"\n|[^ \n]+| ", text):
        piece = match.group()
        cells = sum(wide if "\uac00" <= ch <= "\ud7a3" else 1 for ch in piece)
        if piece == "\n":
            column = 0
        elif piece != " " and column and column + cells > width and text[match.start() - 1] == " ":
            out[match.start() - 1] = "\n"
            column = cells
        else:
            column += cells
    return "".join(out)


_SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.json"))


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_SAMPLES),
    st.sampled_from(["ko", "en"]),
    st.integers(min_value=16, max_value=110),
    st.sampled_from([1, 2]),
)
def test_lines_wrapped_like_an_old_file_split_as_the_text_unwrapped(
    sample: Path, lang: str, width: int, wide: int
) -> None:
    text = json.loads(sample.read_text(encoding="utf-8"))[lang]
    wrapped = _wrap_in_place(text, width, wide)
    assert wrapped.count("\n") > text.count("\n")
    assert [(s.start, s.end, s.paragraph) for s in split_sentences(wrapped, lang)] == [
        (s.start, s.end, s.paragraph) for s in split_sentences(text, lang)
    ]


def test_a_short_line_of_its_own_is_a_sentence() -> None:
    ko = "북한군 러시아 파병 확인\n국정원은 26일 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다.\n정부는 대응책을 논의했다."
    assert _texts(ko, "ko") == [
        "북한군 러시아 파병 확인",
        "국정원은 26일 북한군 1만1000명이 쿠르스크에 배치됐다고 밝혔다.",
        "정부는 대응책을 논의했다.",
    ]
    en = (
        "North Korean troops in Kursk\n"
        "Seoul's spy agency said on the 26th that 11,000 North Korean troops were in Kursk.\n"
        "- Ukraine's HUR released the recording\n"
        "- NATO met in Brussels"
    )
    assert _texts(en, "en") == [
        "North Korean troops in Kursk",
        "Seoul's spy agency said on the 26th that 11,000 North Korean troops were in Kursk.",
        "- Ukraine's HUR released the recording",
        "- NATO met in Brussels",
    ]


def test_windows_line_ends_break_paragraphs_and_wrap_lines_alike() -> None:
    unix = "첫 문단이다. 둘째 문장은\n여기서 끝난다.\n\n둘째 문단이다."
    windows = unix.replace("\n", "\r\n")
    assert (
        [(s.paragraph, " ".join(s.text(windows).split())) for s in split_sentences(windows, "ko")]
        == [(s.paragraph, " ".join(s.text(unix).split())) for s in split_sentences(unix, "ko")]
        == [(0, "첫 문단이다."), (0, "둘째 문장은 여기서 끝난다."), (1, "둘째 문단이다.")]
    )


def test_lines_of_one_token_each_are_items() -> None:
    text = "The spy agency said 11,000 troops were deployed.\n\nkim@yna.co.kr\n(END)"
    assert _texts(text, "en")[-2:] == ["kim@yna.co.kr", "(END)"]


def test_a_wrapped_line_ending_in_a_name_goes_on_into_the_next() -> None:
    text = (
        "The supercomputer holds the equivalent of 300 million books, or six Libraries of\n"
        "Congress. It was delivered to Livermore last year in 28 tractor-trailers by\n"
        "IBM Corp.\n"
    )
    assert _texts(text, "en") == [
        "The supercomputer holds the equivalent of 300 million books, or six Libraries of\nCongress.",
        "It was delivered to Livermore last year in 28 tractor-trailers by\nIBM Corp.",
    ]


def test_indented_lines_are_no_layout_gap() -> None:
    text = "    국정원은 26일 북한군 1만1000명이 러시아 쿠르스크\n    지역에 배치됐다고 밝혔다. 정부는 대응책을\n    논의했다."
    assert _texts(text, "ko") == [
        "국정원은 26일 북한군 1만1000명이 러시아 쿠르스크\n    지역에 배치됐다고 밝혔다.",
        "정부는 대응책을\n    논의했다.",
    ]


def test_a_korean_quotation_of_several_sentences_is_split_as_the_english_one_is() -> None:
    # The English side splits "We are ready. We leave soon," he said. into two; the Korean must too, or
    # the aligner is left one long Korean sentence against two English ones.
    ko = "그는 “우리는 준비됐다. 곧 떠난다”고 말했다. 시장은 “다리는 안전하다. 모든 케이블을 점검했다.”"
    assert _texts(ko, "ko") == [
        "그는 “우리는 준비됐다.",
        "곧 떠난다”고 말했다.",
        "시장은 “다리는 안전하다.",
        "모든 케이블을 점검했다.”",
    ]
    en = '"We are ready. We leave soon," he said.'
    assert len(_texts(en, "en")) == 2
    # A quoted word or a full stop that is not after a final ending is no sentence end.
    assert _texts("그는 “오전 9시. 정각”이라고 적었다.", "ko") == ["그는 “오전 9시. 정각”이라고 적었다."]


def test_a_korean_clause_ending_in_a_colon_is_a_sentence_of_its_own() -> None:
    text = "주요 사실은 다음과 같다: 항구는 섬의 서쪽 끝에 있다. 비율은 3:1 이었다."
    assert _texts(text, "ko") == [
        "주요 사실은 다음과 같다:",
        "항구는 섬의 서쪽 끝에 있다.",
        "비율은 3:1 이었다.",
    ]
    # A colon after a noun (a label, a time) stays inside its sentence.
    assert _texts("일정: 회의는 오후에 열린다.", "ko") == ["일정: 회의는 오후에 열린다."]


def test_an_ellipsis_character_ends_a_sentence_in_both_languages() -> None:
    assert _texts("그는 아무 말도 하지 않았다… 방 안은 조용했다.", "ko") == [
        "그는 아무 말도 하지 않았다…",
        "방 안은 조용했다.",
    ]
    assert _texts("He waited… Then he left the room.", "en") == ["He waited…", "Then he left the room."]


def test_a_sentence_ending_in_a_single_capital_letter_ends_before_a_sentence_opener() -> None:
    text = 'The team moved to Plan B. The new plan worked. Friends call her "K." They never use her name.'
    assert _texts(text, "en") == [
        "The team moved to Plan B.",
        "The new plan worked.",
        'Friends call her "K."',
        "They never use her name.",
    ]
    # A name's initial before the surname stays inside the sentence.
    assert _texts("The speech of John F. Kennedy was short.", "en") == [
        "The speech of John F. Kennedy was short."
    ]
