"""Sentence alignment: merges, splits and drops found; every sentence linked once, in order, always."""

from __future__ import annotations

import functools
import json
import math
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.text import align_problem, align_search
from reader.text.align import Link, align
from reader.text.glossary import Glossary
from reader.text.sentences import split_sentences
from reader.text.translit import hangul_skeleton, latin_skeletons

# A small news story and its translation: ko 1+2 are merged into en 1, ko 3 is split into en 2+3, ko 4
# (the weather) is left out of the translation.
KO = [
    "서울시는 26일 시내버스 요금을 1,500원으로 올린다고 발표했다.",
    "인상된 요금은 내년 1월부터 적용된다.",
    "시는 이번 인상으로 연간 3억5000만 달러의 추가 수입을 기대하고 있다.",
    (
        "시민단체들은 이번 결정이 저소득층에게 큰 부담이 될 것이라며 반발했고, 일부는 오는 30일 시청 앞에서 "
        "500명 규모의 집회를 열겠다고 밝혔다."
    ),
    (
        "한편 이날 서울의 아침 최저기온은 영하 5도까지 떨어져 올겨울 들어 가장 추운 날씨를 기록했으며, "
        "기상청은 이번 추위가 주말까지 이어질 것으로 내다봤다."
    ),
    "오세훈 시장은 기자회견에서 “대중교통의 질을 높이기 위한 불가피한 선택”이라고 말했다.",
    "서울시는 2015년 이후 버스 요금을 동결해 왔다.",
    "지하철 요금도 12% 인상될 예정이다.",
]
EN = [
    "Seoul City announced on Nov. 26 that it would raise city bus fares to 1,500 won.",
    "The new fares take effect in January, and the city expects $350 million in extra revenue a year.",
    "Civic groups protested that the decision would place a heavy burden on low-income residents.",
    "Some said they would hold a rally of 500 people in front of City Hall on the 30th.",
    (
        "Mayor Oh Se-hoon told a news conference it was “an unavoidable choice to improve the quality of "
        "public transit.”"
    ),
    "The city has frozen bus fares since 2015.",
    "Subway fares are also set to rise by 12 percent.",
]
KO_PARAGRAPHS = [0, 0, 0, 1, 1, 2, 2, 2]
EN_PARAGRAPHS = [0, 0, 1, 1, 2, 2, 2]
EXPECTED = [
    ((0,), (0,)),
    ((1, 2), (1,)),
    ((3,), (2, 3)),
    ((4,), ()),
    ((5,), (4,)),
    ((6,), (5,)),
    ((7,), (6,)),
]


def _pairs(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.ko, link.en) for link in links]


@functools.cache
def _bundled_glossary() -> Glossary:
    return Glossary.load_bundled()


def _assert_complete_and_monotone(links: list[Link], n: int, m: int) -> None:
    ko = [i for link in links for i in link.ko]
    en = [j for link in links for j in link.en]
    assert ko == list(range(n))
    assert en == list(range(m))
    assert all(link.ko or link.en for link in links)
    assert all(0.0 <= link.confidence <= 1.0 for link in links)


def test_merge_split_and_drop_are_found_with_paragraphs() -> None:
    links = align(KO, EN, ko_paragraphs=KO_PARAGRAPHS, en_paragraphs=EN_PARAGRAPHS)
    assert _pairs(links) == EXPECTED
    assert [link.kind for link in links] == ["1-1", "2-1", "1-2", "1-0", "1-1", "1-1", "1-1"]


def test_merge_and_split_are_found_from_the_sentences_alone() -> None:
    pairs = _pairs(align(KO, EN))
    assert ((1, 2), (1,)) in pairs
    assert ((3,), (2, 3)) in pairs
    assert pairs[-2:] == [((6,), (5,)), ((7,), (6,))]


def test_plain_call_is_complete_and_monotone() -> None:
    _assert_complete_and_monotone(align(KO, EN), len(KO), len(EN))


def test_confident_where_figures_agree_and_unsure_where_they_do_not() -> None:
    links = {
        (link.ko, link.en): link
        for link in align(KO, EN, ko_paragraphs=KO_PARAGRAPHS, en_paragraphs=EN_PARAGRAPHS)
    }
    assert links[((7,), (6,))].confidence > 0.9  # 12% = 12 percent, last sentences of both texts
    assert links[((4,), ())].confidence < links[((7,), (6,))].confidence


def test_numbers_pull_the_right_sentences_together() -> None:
    # Equal lengths everywhere: only the figures tell which English sentence renders which Korean one.
    ko = ["정부는 올해 1만1000명을 새로 채용한다고 밝혔다.", "예산은 3억5000만 달러로 책정됐다고 덧붙였다."]
    en = ["The budget was set at $350 million, it added.", "The government said it would hire 11,000 people."]
    links = align(ko, en)
    assert ((0,), ()) not in _pairs(links) or ((1,), (0,)) in _pairs(links)
    assert all(not (link.ko == (0,) and link.en == (0,)) for link in links)


def test_shared_latin_tokens_and_transcribed_names_anchor_links() -> None:
    ko = [
        "우크라이나 정보총국(HUR)은 쿠르스크 지역에서 작전을 벌였다고 밝혔다.",
        "이 작전은 사흘 동안 계속됐다.",
        "국방혁신단(DIU)은 새 드론 계약을 발표했다.",
    ]
    en = [
        "Ukraine's military intelligence agency HUR said it carried out an operation in the Kursk region.",
        "The Defense Innovation Unit (DIU) announced a new drone contract.",
    ]
    assert _pairs(align(ko, en)) in (
        [((0,), (0,)), ((1,), ()), ((2,), (1,))],
        [((0, 1), (0,)), ((2,), (1,))],
    )


def test_an_acronym_the_translation_keeps_is_not_charged_as_missing() -> None:
    # "NATO" written into the Korean is expected in the English; where the English holds it, the link
    # gains the anchor and pays nothing for a missing one, so it costs the gain plus the missing charge
    # less than the same link with the acronym left out (same lengths, same names otherwise).
    import numpy as np

    from reader.text import align_costs as costs
    from reader.text.align_problem import _Problem

    ko = ["NATO 정상회의가 브뤼셀에서 열렸다."]

    def cost(english: str) -> float:
        problem = _Problem.build(ko, [english], None, None, None)
        lo = np.zeros(2, dtype=np.int64)
        return float(costs._bead_costs(problem.banded(lo, 2), *costs._grid(lo, 2, 0, 2), 1, 1)[1, 1])

    kept, left_out = cost("The NATO summit opened in Brussels."), cost("The XQZV summit opened in Brussels.")
    assert left_out - kept == pytest.approx(costs._ANCHOR_GAIN + costs._MISSING_COST)


def test_a_byline_or_copyright_line_is_left_out_not_merged_into_the_last_row() -> None:
    # News pages end with a byline or a copyright notice that no translation renders: the last story
    # sentence keeps its own row and the leftover gets one with no English.
    ko = [
        "서울시는 26일 시내버스 요금을 1500원으로 올린다고 밝혔다.",
        "새 요금은 내년 1월부터 적용된다.",
        "시민단체들은 이번 결정이 서민에게 부담이 된다며 반발했다.",
        "김민준 기자 minjun@example.co.kr",
    ]
    en = [
        "Seoul City said on Tuesday it would raise city bus fares to 1,500 won.",
        "The new fares take effect in January.",
        "Civic groups protested that the decision would burden ordinary people.",
    ]
    assert _pairs(align(ko, en))[-2:] == [((2,), (2,)), ((3,), ())]
    ko = [
        "정부는 내년 예산안을 국회에 제출했다.",
        "예산 규모는 올해보다 3% 늘었다.",
        "Copyright © 한국일보. 무단 전재 및 재배포 금지.",
    ]
    en = [
        "The government submitted next year's budget to the National Assembly.",
        "The budget is 3 percent larger than this year's.",
    ]
    assert _pairs(align(ko, en)) == [((0,), (0,)), ((1,), (1,)), ((2,), ())]


def test_an_untranslated_headline_is_left_out_when_the_lede_repeats_it() -> None:
    # The Korean page keeps its headline, which repeats the lede's figures; the English has no headline.
    # "26일" is "the 26th" even where the English ordinal is not read as a date.
    ko = [
        "서울 시내버스 요금 1500원으로 인상… 내년 1월부터",
        "서울시는 26일 시내버스 요금을 1500원으로 올린다고 밝혔다.",
        "새 요금은 내년 1월부터 적용된다.",
        "시민단체들은 반발했다.",
    ]
    en = [
        "Seoul City said on the 26th it would raise city bus fares to 1,500 won.",
        "The new fares take effect in January next year.",
        "Civic groups protested.",
    ]
    assert _pairs(align(ko, en)) == [((0,), ()), ((1,), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_glossary_terms_pull_the_sentences_that_name_them_together() -> None:
    # Three Korean sentences, two English ones of like length: only the names tell that the English pair
    # renders the second and third Korean sentences.
    ko = [
        "국가정보원은 북한이 병력을 추가로 보낼 수도 있다고 밝혔다.",
        "합동참모본부는 동해상으로 발사체 여러 발이 발사됐다고 밝혔다.",
        "국방부는 대응 방안을 검토하고 있다고 말했다.",
    ]
    en = [
        "The Joint Chiefs of Staff said several projectiles were fired.",
        "The Defense Ministry said it was reviewing its response.",
    ]
    assert ((2,), (1,)) not in _pairs(align(ko, en))
    for glossary in (
        _bundled_glossary(),
        [("합동참모본부", "Joint Chiefs of Staff"), ("합참", "JCS"), ("국방부", "Defense Ministry")],
    ):
        pairs = _pairs(align(ko, en, glossary=glossary))
        assert ((2,), (1,)) in pairs
        assert any(1 in ko_side and en_side == (0,) for ko_side, en_side in pairs)


def test_glossary_forms_match_as_words_not_inside_them() -> None:
    from reader.text.align_anchors import _as_glossary, _sentence_anchors

    glossary = _as_glossary([("미", "US"), ("미", "U.S."), ("중", "China")])
    ko = ["미 국무부는 성명을 냈다.", "미사일이 발사됐다.", "중국은 침묵했다."]
    en = ["The US State Department issued a statement.", "Let us see.", "China said nothing."]
    ko_keys, en_keys, _, _ = _sentence_anchors(ko, en, glossary)
    terms = [[k for k in keys if k.startswith("g")] for keys in ko_keys + en_keys]
    # 미 as a word (미 국무부) and US with its capitals; not 미 in 미사일, 중 in 중국, nor "us".
    assert terms[0] and terms[3] and terms[0] == terms[3]
    assert terms[1] == terms[2] == terms[4] == []


@pytest.mark.parametrize("as_pairs", [False, True])
def test_the_whole_bundled_glossary_keeps_a_clean_alignment_clean(as_pairs: bool) -> None:
    # The sample article's documented phenomena: ko P2 S1+S2 merged into en P2 S1, ko P3 S3 split into en
    # P3 S3+S4; everything else one to one.
    sample = json.loads((Path(__file__).parent.parent / "samples" / "01-kursk-radio.json").read_text("utf-8"))
    ko = split_sentences(sample["ko"], "ko")
    en = split_sentences(sample["en"], "en")
    bundled = _bundled_glossary()
    glossary = (
        [(k, e) for entry in bundled.entries for k in entry.ko for e in entry.en] if as_pairs else bundled
    )
    links = align(
        [s.text(sample["ko"]) for s in ko],
        [s.text(sample["en"]) for s in en],
        ko_paragraphs=[s.paragraph for s in ko],
        en_paragraphs=[s.paragraph for s in en],
        glossary=glossary,
    )
    assert [link.kind for link in links].count("1-1") == len(links) - 2
    assert [link.kind for link in links if link.kind != "1-1"] == ["2-1", "1-2"]
    merged = next(link for link in links if link.kind == "2-1")
    assert {ko[i].paragraph for i in merged.ko} == {en[merged.en[0]].paragraph} == {1}


def test_paragraph_breaks_keep_links_inside_paragraphs() -> None:
    links = align(KO, EN, ko_paragraphs=KO_PARAGRAPHS, en_paragraphs=EN_PARAGRAPHS)
    for link in links:
        assert len({KO_PARAGRAPHS[i] for i in link.ko}) <= 1
        assert len({EN_PARAGRAPHS[j] for j in link.en}) <= 1


@pytest.mark.parametrize(
    ("ko", "en", "expected"),
    [
        ([], [], []),
        (["가."], [], [((0,), ())]),
        ([], ["A.", "B."], [((), (0,)), ((), (1,))]),
    ],
)
def test_one_side_empty(ko: list[str], en: list[str], expected: list[tuple]) -> None:
    links = align(ko, en)
    assert _pairs(links) == expected
    assert all(link.confidence == 1.0 for link in links)


def test_empty_strings_and_wrong_language_still_align_completely() -> None:
    ko = ["", "This side is in English by mistake.", "", "Another English sentence here."]
    en = ["", "", "Short.", "A much longer English sentence that goes on and on for a while."]
    _assert_complete_and_monotone(align(ko, en), len(ko), len(en))


def test_wildly_different_lengths() -> None:
    ko = [f"문장 {i}번이다." for i in range(300)]
    en = ["One English sentence.", "And another."]
    _assert_complete_and_monotone(align(ko, en), 300, 2)
    _assert_complete_and_monotone(align(en[:1], ko), 1, 300)


def test_one_huge_unpunctuated_sentence_against_many() -> None:
    ko = ["가나다 " * 5000]
    en = [f"Sentence number {i} of the translation." for i in range(400)]
    _assert_complete_and_monotone(align(ko, en), 1, 400)


def test_long_texts_are_aligned_quickly_and_on_the_diagonal() -> None:
    ko = [f"정부는 {i * 7 + 11}명을 {'새로 ' * (i % 5)}채용했다고 밝혔다." for i in range(600)]
    en = [f"The government said it hired {i * 7 + 11:,} {'new ' * (i % 5)}people." for i in range(600)]
    start = time.perf_counter()
    links = align(ko, en)
    assert time.perf_counter() - start < 10  # the goal is far lower; this only catches a quadratic blow-up
    assert _pairs(links) == [((i,), (i,)) for i in range(600)]


def test_transliteration_skeletons_meet() -> None:
    for hangul, latin in [
        ("쿠르스크", "Kursk"),
        ("카스파로프", "Kasparov"),
        ("고든", "Gordon"),
        ("짐바브웨", "Zimbabwe"),
    ]:
        assert hangul_skeleton(hangul) in latin_skeletons(latin)
    assert hangul_skeleton("서울시") not in latin_skeletons("Kursk")


_UNICODE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),  # Hangul syllables
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),  # Hanja
        st.sampled_from(
            list(' .,!?"“”0123456789%$만억명일') + ["\u0301", "\u0308", "😀", "\U0001f1f0", "\U0001f1f7"]
        ),
        st.characters(min_codepoint=0x41, max_codepoint=0x7A),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_UNICODE, max_size=12),
    st.lists(_UNICODE, max_size=12),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_every_sentence_once_in_order_and_deterministic(
    ko: list[str], en: list[str], paragraphs: bool, glossary: bool, meaning: bool
) -> None:
    kwargs: dict[str, object] = {}
    if paragraphs:
        kwargs = {
            "ko_paragraphs": [i // 3 for i in range(len(ko))],
            "en_paragraphs": [j // 4 for j in range(len(en))],
        }
    if glossary:
        kwargs["glossary"] = _bundled_glossary()
    if meaning:
        kwargs["meaning"] = (_unit_vectors(len(ko), len(en)), _unit_vectors(len(en), len(ko) + 1))
    links = align(ko, en, **kwargs)
    _assert_complete_and_monotone(links, len(ko), len(en))
    assert {link.kind for link in links} <= {"1-1", "1-0", "0-1", "2-1", "1-2", "2-2", "1-3", "3-1"}
    assert align(ko, en, **kwargs) == links


def _brute_force_posteriors(
    ko: list[str], en: list[str], kp: list[int], ep: list[int], meaning: tuple | None = None
) -> dict:
    """Posterior of every link by enumerating every monotone path: a check on the banded passes."""
    from reader.text.align_costs import _bead_costs, _grid, _point_costs
    from reader.text.align_problem import _BEADS, _Problem

    problem = _Problem.build(ko, en, kp, ep, None, meaning)
    n, m = len(ko), len(en)
    lo = np.zeros(n + 1, dtype=np.int64)
    problem = problem.banded(lo, m + 1)
    beads = [*_BEADS, (0, 1)]
    cells = _grid(lo, m + 1, 0, n + 1)
    costs = {b: _bead_costs(problem, *cells, *b) for b in beads}
    point = _point_costs(problem, *cells)

    def paths(i: int, j: int):
        if (i, j) == (n, m):
            yield []
            return
        for di, dj in beads:
            if i + di <= n and j + dj <= m:
                step = float(costs[(di, dj)][i + di, j + dj] + point[i + di, j + dj])
                for rest in paths(i + di, j + dj):
                    yield [((i, j, i + di, j + dj), step), *rest]

    weights: dict[tuple, float] = {}
    total = 0.0
    for path in paths(0, 0):
        w = math.exp(-sum(step for _, step in path))
        total += w
        for link, _ in path:
            weights[link] = weights.get(link, 0.0) + w
    return {link: w / total for link, w in weights.items()}


def _ends(links: list[Link]) -> list[tuple[int, int, int, int]]:
    """Where each link starts and ends on the path: a 0-1 link's place is not in its indices alone."""
    out, i, j = [], 0, 0
    for link in links:
        out.append((i, j, i + len(link.ko), j + len(link.en)))
        i, j = i + len(link.ko), j + len(link.en)
    return out


def test_confidences_are_the_posteriors_of_the_links() -> None:
    ko = ["서울시는 26일 요금을 올렸다.", "시민들은 반발했다.", "기온은 영하 5도였다."]
    en = ["Seoul raised fares on Nov. 26.", "Citizens protested the decision strongly.", "It was cold."]
    kp, ep = [0, 0, 1], [0, 1, 1]
    exact = _brute_force_posteriors(ko, en, kp, ep)
    links = align(ko, en, ko_paragraphs=kp, en_paragraphs=ep)
    for link, ends in zip(links, _ends(links), strict=True):
        assert link.confidence == pytest.approx(exact[ends], abs=1e-3)


def test_banded_search_finds_the_same_links_as_the_full_grid(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from reader.text import align as impl

    rng = random.Random(7)
    ko, en = [], []
    for i in range(560):
        words = rng.randint(3, 12)
        ko.append("가나다 " * words + f"{i + 100}명이 왔다.")
        if i % 37 == 5:
            continue  # the translator left this one out
        if i % 23 == 7:
            en[-1] += f" and {' word' * words} {i + 100} came."  # merged into the previous sentence
            continue
        en.append("Some" + " word" * (words * 2) + f" {i + 100} people came.")
    assert (len(ko) + 1) * (len(en) + 1) > impl._FULL_GRID_CELLS
    banded = align(ko, en)
    monkeypatch.setattr(impl, "_FULL_GRID_CELLS", 10**9)
    full = align(ko, en)
    assert _pairs(banded) == _pairs(full)
    assert [link.confidence for link in banded] == pytest.approx([link.confidence for link in full], abs=1e-3)


def test_paragraph_numbers_must_match_the_sentences() -> None:
    with pytest.raises(ValueError, match="ko_paragraphs"):
        align(["가.", "나."], ["A."], ko_paragraphs=[0])


def _count_band_cells(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record the cells each pass of the aligner holds (band rows × width, plus the anchor-pair table)."""
    from reader.text import align as impl

    cells: list[int] = []
    real_run = impl._run

    def counting_run(problem: impl._Problem, lo: object, width: int, *, viterbi: bool) -> impl._Result:
        table = 0 if problem.pairs is None else problem.pairs.weight.size
        cells.append((problem.n + 1) * width + table)
        return real_run(problem, lo, width, viterbi=viterbi)

    monkeypatch.setattr(impl, "_run", counting_run)
    return cells


def test_repeated_sentences_cost_work_in_proportion_to_their_number(monkeypatch: pytest.MonkeyPatch) -> None:
    # A long import repeats boilerplate; every sentence then shares every anchor with every other one, and
    # a surplus sentence may go anywhere, so many paths tie. Neither may make the work grow faster than
    # the text: four times the sentences, about four times the band cells, anchor pairs and time.
    cells = _count_band_cells(monkeypatch)
    ko_sentence = "북한군 1만1000명이 러시아 쿠르스크 지역에 배치됐다고 정보총국이 26일 밝혔다."
    en_sentence = "About 11,000 North Korean troops were deployed to Kursk, the agency said on the 26th."

    def work(n: int) -> tuple[int, int, float]:
        ko, en = [ko_sentence] * n, [en_sentence] * (n - n // 20)
        cells.clear()
        start = time.perf_counter()
        links = align(
            ko, en, ko_paragraphs=[i // 8 for i in range(n)], en_paragraphs=[j // 8 for j in range(len(en))]
        )
        elapsed = time.perf_counter() - start
        _assert_complete_and_monotone(links, len(ko), len(en))
        assert sum(link.kind == "1-1" for link in links) == len(en)
        return max(cells), len(cells), elapsed

    from reader.text import align as impl

    _, _, small_time = work(750)
    large_cells, passes, large_time = work(3000)
    # Each pass holds a bounded number of cells a sentence (band and anchor pairs), and the band moves a
    # bounded number of times (whether the first band already holds a best path among the tied ones is
    # luck, so the passes of two sizes need not be alike).
    assert large_cells <= 2 * 3001 * (4 * impl._band_limit(3000, 3000) + 16)
    assert passes <= 4
    # Linear time is four times; a quadratic listing of the anchor pairs would be sixteen and seconds.
    assert large_time <= 10 * small_time + 1.0


def test_band_memory_per_sentence_is_bounded_and_follows_a_drifting_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long article drifts from the length diagonal (the English runs longer for a stretch, then
    # shorter). The band must follow the path rather than widen for the whole text: the cells it holds
    # per sentence (band and anchor pairs) stay under a bound that does not grow with the text, and the
    # path is still found.
    import random

    from reader.text import align as impl

    cells = _count_band_cells(monkeypatch)
    # The budget that lets the band of a few thousand sentences grow to hundreds of cells a row keeps
    # shorter texts exact; here the text is held to the band a very long one gets.
    monkeypatch.setattr(impl, "_CELL_BUDGET", 0)
    # And without the landmarks its figures give, which would steer the band onto the path at once.
    monkeypatch.setattr(align_search, "_MIN_LANDMARK_SHARE", math.inf)
    n = 2400
    rng = random.Random(n)
    ko, en, stretch = [], [], 1.0
    for i in range(n):
        words = rng.randint(3, 12)
        stretch = min(2.0, max(0.5, stretch * math.exp(rng.gauss(0.0, 0.08))))
        ko.append("가나다 " * words + f"{i + 100}명이 왔다.")
        en.append("Some" + " word" * round(words * 2 * stretch) + f" {i + 100} people came.")
    links = align(ko, en)
    assert _pairs(links) == [((i,), (i,)) for i in range(n)]
    # Band and pair table each at most the widest band a row may have: a constant, whatever n.
    assert max(cells) <= 2 * (n + 1) * (4 * impl._band_limit(n, n) + 16)


def _drifting(n: int) -> tuple[list[str], list[str]]:
    """n sentence pairs whose length ratio wanders between 0.5 and 2, each pair with its own figure."""
    import random

    rng = random.Random(n)
    ko, en, stretch = [], [], 1.0
    for i in range(n):
        words = rng.randint(3, 12)
        stretch = min(2.0, max(0.5, stretch * math.exp(rng.gauss(0.0, 0.08))))
        ko.append("가나다 " * words + f"{i + 100}명이 왔다.")
        en.append("Some" + " word" * round(words * 2 * stretch) + f" {i + 100} people came.")
    return ko, en


def test_figures_found_once_on_each_side_steer_the_band_onto_the_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long text strays from its length diagonal; figures each pair alone holds mark where the path
    # runs, so the first band already holds it: one forward pass and one mirrored, not a search.
    from reader.text import align as impl

    runs: list[bool] = []
    real_run = impl._run

    def counted(*args: object, **kwargs: bool) -> object:
        runs.append(kwargs["viterbi"])
        return real_run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(impl, "_run", counted)
    n = 3000
    ko, en = _drifting(n)
    links = align(ko, en)
    assert _pairs(links) == [((i,), (i,)) for i in range(n)]
    assert runs == [True, False]
    # A figure that two sentences far apart share (an early Korean one, a late English one) is out of
    # order with the rest and does not pull the band off the path.
    runs.clear()
    ko[5] = ko[5].replace("명이", "명이 77777명")
    en[n - 10] = en[n - 10].replace(" people", " people, 77,777 more")
    assert _pairs(align(ko, en)) == [((i,), (i,)) for i in range(n)]
    assert runs == [True, False]


def _unit_vectors(rows: int, seed: int, like: np.ndarray | None = None, noise: float = 0.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(rows, 16)) if like is None else like + noise * rng.normal(size=like.shape)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_meaning_tells_a_dropped_sentence_that_nothing_else_marks() -> None:
    """Four Korean sentences, three English, no figure or name: the second Korean sentence was left out.
    Lengths alone put it with a neighbour; vectors that say which sentences mean the same find the gap."""
    ko = [
        "가나다라마바사아자차카타파하 " * 2,
        "가나다라마바사아자차카타파하 " * 2,
        "가나다라마바 " * 3,
        "가나다라 " * 4,
    ]
    en = [
        "Some words of the first sentence here, " * 2,
        "Some words of the third sentence. " * 2,
        "Fourth words. " * 3,
    ]
    base = _unit_vectors(4, 1)
    meaning = (base, np.stack([base[0], base[2], base[3]]))
    with_meaning = align(ko, en, meaning=meaning)
    assert _pairs(with_meaning) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    assert _pairs(align(ko, en)) != _pairs(with_meaning)


def test_each_sentence_of_a_merged_link_must_mean_something_of_the_other_side(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first English sentence is long enough for Korean 0 and 1 together, but it translates Korean 0
    alone: Korean 1 is of the same story (cosine 0.25 with it) and was left out. The sums of a merged link
    still agree (cosine 0.79), so only each sentence's own agreement with the other side finds the
    omission; where the English sentence does render both, the link stays 2-1."""
    from reader.text import align_costs

    ko = [
        "가나다라마바사아자차카타파하 " * 2,
        "가나다라마바사아자차카타파하 " * 2,
        "가나다라마바 " * 3,
        "가나다라 " * 4,
    ]
    en = [
        "Some words of the first sentence here, and more of them " * 2,
        "Some words of the third. " * 2,
        "Fourth. " * 3,
    ]
    first, second, third, fourth = _unit_vectors(4, 3)
    second = second - (second @ first) * first
    left_out = 0.25 * first + math.sqrt(1 - 0.25**2) * second / np.linalg.norm(second)
    korean = np.stack([first, left_out, third, fourth])
    translated_alone = (korean, np.stack([first, third, fourth]))
    assert _pairs(align(ko, en, meaning=translated_alone)) == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
    ]
    both = first + left_out
    translated_together = (korean, np.stack([both / np.linalg.norm(both), third, fourth]))
    assert _pairs(align(ko, en, meaning=translated_together))[0] == ((0, 1), (0,))
    monkeypatch.setattr(align_costs, "_MEMBER_WEIGHT", 0.0)
    monkeypatch.setitem(align_problem._PRIOR, (1, 0), 0.01)  # a rarer omission: then the sums decide
    assert _pairs(align(ko, en, meaning=translated_alone))[0] == ((0, 1), (0,))


def test_meaning_must_have_a_vector_for_each_sentence() -> None:
    with pytest.raises(ValueError, match="meaning"):
        align(["가."], ["A."], meaning=(_unit_vectors(2, 0), _unit_vectors(1, 1)))


def test_confidences_with_meaning_are_the_posteriors_of_the_links() -> None:
    """The sum-product passes in both directions read the sentence vectors the same way as brute force."""
    ko = ["서울시는 요금을 올렸다.", "시민들은 반발했다.", "기온은 영하였다."]
    en = ["Seoul raised fares.", "Citizens protested strongly.", "It was cold."]
    k = _unit_vectors(3, 5)
    e = _unit_vectors(3, 6, like=k[[0, 1, 2]], noise=0.6)
    kp, ep = [0, 0, 1], [0, 1, 1]
    exact = _brute_force_posteriors(ko, en, kp, ep, meaning=(k, e))
    links = align(ko, en, ko_paragraphs=kp, en_paragraphs=ep, meaning=(k, e))
    assert any(not link.ko or not link.en for link in links)  # a 0-1 link's posterior is checked too
    for link, ends in zip(links, _ends(links), strict=True):
        assert link.confidence == pytest.approx(exact[ends], abs=1e-3)


def test_banded_search_with_meaning_finds_the_same_links_as_the_full_grid(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.text import align as impl

    ko = [f"가나다 {'라마' * (i % 7 + 2)} 왔다." for i in range(520)]
    keep = [i for i in range(520) if i % 41 != 3]
    en = [f"Some {'word ' * (2 * (i % 7 + 2))}came." for i in keep]
    k = _unit_vectors(520, 3)
    e = _unit_vectors(len(keep), 4, like=k[keep], noise=0.2)
    assert (len(ko) + 1) * (len(en) + 1) > impl._FULL_GRID_CELLS
    banded = align(ko, en, meaning=(k, e))
    monkeypatch.setattr(impl, "_FULL_GRID_CELLS", 10**9)
    full = align(ko, en, meaning=(k, e))
    assert _pairs(banded) == _pairs(full)
    assert [link.confidence for link in banded] == pytest.approx([link.confidence for link in full], abs=1e-3)


def test_a_link_joining_sentences_split_from_raw_text_is_never_sure() -> None:
    # The splitter may have made one sentence of two (a headline without a full stop runs into the
    # lede); the model takes the sentences as given, so end to end a joining link is doubted.
    from reader.analysis import align_texts
    from reader.text.align import with_split_doubt
    from reader.text.meaning import sentence_vectors

    ko_text = "북한군 1만1000명이 쿠르스크에 배치됐다. 정보총국이 26일 밝혔다. 러시아는 부인했다."
    en_text = "About 11,000 North Korean troops were deployed to Kursk, the agency said on the 26th. Russia denied it."
    aligned = align_texts(ko_text, en_text)
    assert [(link.ko, link.en) for link in aligned.links] == [((0, 1), (0,)), ((2,), (1,))]
    joined, single = aligned.links
    ko, en = [s.text(ko_text) for s in aligned.ko], [s.text(en_text) for s in aligned.en]
    posterior = align(
        ko, en, ko_paragraphs=[0, 0, 0], en_paragraphs=[0, 0], meaning=sentence_vectors(ko, en)
    )[0]
    assert joined.confidence < 0.9 <= posterior.confidence
    assert single.confidence >= 0.9
    assert with_split_doubt([single]) == [single]


@pytest.mark.parametrize(
    ("ko_text", "en_text", "ko_count", "en_count"),
    [
        # "U.S." before a capital: here it ends a sentence, since each half renders one Korean sentence.
        (
            (
                "루비사는 또한 미국에서 도쿠다 영화 몇 편을 방영하기 위한 계약을 마무리했다고 밝혔다. "
                "일본은 65세 이상 노인 인구 비율이 세계에서 가장 높은 나라다."
            ),
            (
                "Ruby also says it has just completed a deal to release some of Tokuda's movies in the U.S. "
                "Japan has a higher share of people over 65 than any country in the world."
            ),
            2,
            2,
        ),
        # A headline without a full stop runs into the quoted lede.
        (
            "한일 외교 장관 파키스탄서 만날 듯 “미국 구조대는 미시시피 강 다리 붕괴 하루 뒤 시신을 찾고 있다.",
            (
                "Foreign ministers of Korea and Japan to meet in Pakistan. "
                "US rescue teams are searching for bodies a day after a bridge over the Mississippi collapsed."
            ),
            2,
            2,
        ),
        # A Korean sentence whose full stop was lost, or typed as a comma, before the next sentence.
        (
            (
                '김 교수는 “물고기가 말을 한다는 것이 아니라 그 신경망이 아주 오래되었다는 것을 뜻한다"고 말했다 '
                '이 교수는 "말하는 능력의 토대는 수억 년 전의 물고기에서 시작됐다” 고 전했다.'
            ),
            (
                '"It does not mean that fish talk, but that their nerve networks are very old," Professor Kim '
                "said. Professor Lee said the basis of the ability to speak began in fish hundreds of millions "
                "of years ago."
            ),
            2,
            2,
        ),
        (
            "경찰은 사고 현장 주변의 도로를 모두 통제했다, 운전자들은 우회로를 이용해야 한다.",
            "Police closed all the roads around the scene of the accident. Drivers must take a detour.",
            2,
            2,
        ),
        # A colon before a quotation that one Korean sentence renders whole stays one sentence.
        (
            "그는 “우리는 내일 떠난다”고 말했다. 정부는 이를 확인하지 않았다.",
            "He said: “We are leaving tomorrow.” The government did not confirm it.",
            2,
            2,
        ),
    ],
)
def test_a_boundary_the_punctuation_leaves_in_doubt_is_settled_by_the_translation(
    ko_text: str, en_text: str, ko_count: int, en_count: int
) -> None:
    from reader.analysis import align_texts

    aligned = align_texts(ko_text, en_text)
    assert (len(aligned.ko), len(aligned.en)) == (ko_count, en_count)
    assert [(link.ko, link.en) for link in aligned.links] == [((i,), (i,)) for i in range(ko_count)]
    assert all(link.confidence >= 0.9 for link in aligned.links)
    # The same texts give the same sentences again (rows fixed by hand point at them by number).
    again = align_texts(ko_text, en_text)
    assert (again.ko, again.en) == (aligned.ko, aligned.en)


def test_a_row_fixed_by_hand_keeps_its_sentences_when_the_split_around_it_changes() -> None:
    # A library analysed before a boundary in doubt was split holds the row's sentence numbers of that
    # split; the row is found again by its characters, not by numbers that now point one sentence off.
    from reader.analysis import align_texts
    from reader.store.articles import SegmentRow

    ko_text = (
        "한일 외교 장관 파키스탄서 만날 듯 “미국 구조대는 미시시피 강 다리 붕괴 하루 뒤 시신을 찾고 있다.\n\n"
        "부시 대통령은 토요일에 붕괴 현장을 방문할 예정이다. 정부는 테러와 관련이 없다고 밝혔다."
    )
    en_text = (
        "Foreign ministers of Korea and Japan to meet in Pakistan. "
        "US rescue teams are searching for bodies a day after a bridge over the Mississippi collapsed.\n\n"
        "Bush will travel to the scene of the collapse on Saturday. Officials said it was not terrorism."
    )
    aligned = align_texts(ko_text, en_text)
    assert len(aligned.ko) == 4  # the headline is a sentence of its own
    last_ko, last_en = aligned.ko[3], aligned.en[3]
    # Fixed by hand: the last pair, numbered as the old split had it (one Korean sentence fewer).
    row = SegmentRow(
        9, 1, 2, 3, 3, 4, last_ko.start, last_ko.end, last_en.start, last_en.end, "1-1", 1.0, True
    )
    again = align_texts(ko_text, en_text, locked=[row])
    assert again.locked == frozenset({len(again.links) - 1})
    assert (again.links[-1].ko, again.links[-1].en) == ((3,), (3,))
    assert [(link.ko, link.en) for link in again.links] == [((i,), (i,)) for i in range(4)]
