"""Sentence vectors: a translation lies closer to its original than another sentence of the same story."""

from __future__ import annotations

import numpy as np

from reader.text import meaning
from reader.text.meaning import sentence_vectors


def test_a_translation_is_closest_to_its_original() -> None:
    ko = [
        "북한군 병력 1만1000명이 러시아 쿠르스크 지역에 배치됐다.",
        "우크라이나 정부는 한국에 방공무기를 요청했다.",
        "서울의 아침 기온은 영하 5도까지 떨어졌다.",
    ]
    en = [
        "Ukraine's government asked South Korea for air defence weapons.",
        "Morning temperatures in Seoul fell to minus 5 degrees.",
        "Some 11,000 North Korean troops were deployed to Russia's Kursk region.",
    ]
    vectors = sentence_vectors(ko, en)
    assert vectors is not None
    k, e = vectors
    assert k.shape == (3, e.shape[1]) and e.shape[0] == 3
    assert np.allclose(np.linalg.norm(k, axis=1), 1.0, atol=1e-3)
    assert list((k @ e.T).argmax(axis=1)) == [2, 0, 1]


def test_no_vectors_for_an_empty_side_or_a_very_long_article(monkeypatch) -> None:
    assert sentence_vectors([], ["A sentence."]) is None
    assert sentence_vectors(["한 문장."], []) is None
    monkeypatch.setattr(meaning, "MAX_SENTENCES", 3)
    assert sentence_vectors(["가.", "나."], ["A.", "B."]) is None


def test_repeated_and_hostile_sentences_get_the_same_vector_each_time() -> None:
    ko = ["[bold]굵게[/bold] \x1b[31m빨강", "같은 문장.", "같은 문장.", "가" * 50_000]
    en = ["Same sentence.", "", "Same sentence."]
    vectors = sentence_vectors(ko, en)
    assert vectors is not None
    k, e = vectors
    assert np.array_equal(k[1], k[2]) and np.array_equal(e[0], e[2])
    assert np.isfinite(k).all() and np.isfinite(e).all()


def test_an_article_that_fills_the_cache_keeps_the_sentences_it_shares_with_the_last(monkeypatch) -> None:
    # a story's opening is encoded to pair it, then its whole text to align it; when the new sentences
    # fill the cache and it is cleared, the ones encoded before are still given (no KeyError)
    monkeypatch.setattr(meaning, "_CACHE", {})
    monkeypatch.setattr(meaning, "_CACHE_SIZE", 4)
    opening = ["서울의 아침 기온은 영하 5도까지 떨어졌다."]
    first = sentence_vectors(opening, ["Morning temperatures in Seoul fell to minus 5 degrees."])
    assert first is not None
    ko = [*opening, "우크라이나 정부는 한국에 방공무기를 요청했다.", "북한군 병력이 배치됐다."]
    en = ["Morning temperatures in Seoul fell.", "Ukraine asked for weapons.", "Troops were deployed."]
    vectors = sentence_vectors(ko, en)
    assert vectors is not None
    assert np.allclose(vectors[0][0], first[0][0])
