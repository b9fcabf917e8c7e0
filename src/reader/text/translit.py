"""Consonant skeletons that let a Hangul transcription meet the foreign name it transcribes.

Korean writes foreign names by sound (쿠르스크 for Kursk, 카스파로프 for Kasparov), so spelling never
matches but the consonants do, once both sides are folded into the same few classes: voiced and voiceless
stops together (g/k, d/t, b/p), l with r, f and v with p, z/j/ch together, vowels and glides dropped,
doubled consonants collapsed. Korean also drops an English r before a consonant or at the end (Gordon →
고든, Livermore → 리버모아), so English words get a second skeleton without those r's.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["hangul_prefix_skeletons", "hangul_skeleton", "is_hangul", "latin_skeletons"]

_S_BASE, _S_LAST = 0xAC00, 0xD7A3
# Initial consonants, in Unicode order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_INITIAL = ["k", "k", "n", "t", "t", "r", "m", "p", "p", "s", "s", "", "j", "j", "j", "k", "t", "p", ""]
# Final consonants, in Unicode order (index 0 = none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ
# ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ. A final ㅅ is how Korean writes a foreign final t (로켓, rocket).
_FINAL = [
    "", "k", "k", "k", "n", "n", "n", "t", "r", "r", "r", "r", "r", "r", "r", "r", "m", "p", "p", "t",
    "t", "n", "t", "t", "k", "t", "p", "",
]  # fmt: skip


def is_hangul(ch: str) -> bool:
    return _S_BASE <= ord(ch) <= _S_LAST


@lru_cache(maxsize=65536)
def hangul_skeleton(word: str) -> str:
    """The consonant skeleton of the Hangul syllables in `word` (other characters are skipped)."""
    out: list[str] = []
    for ch in word:
        code = ord(ch) - _S_BASE
        if not 0 <= code <= _S_LAST - _S_BASE:
            continue
        initial, final = code // 588, code % 28
        out.append(_INITIAL[initial])
        out.append(_FINAL[final])
    return _collapse("".join(out))


@lru_cache(maxsize=65536)
def hangul_prefix_skeletons(word: str, longest: int = 8) -> tuple[str, ...]:
    """The skeletons of `word`'s first 1, 2, ... `longest` characters, in one pass: a transcribed name is
    the head of a word whose tail is a particle (쿠르스크에서), so every head is a candidate."""
    out: list[str] = []
    heads: list[str] = []
    for ch in word[:longest]:
        code = ord(ch) - _S_BASE
        if 0 <= code <= _S_LAST - _S_BASE:
            for consonant in (_INITIAL[code // 588], _FINAL[code % 28]):
                if consonant and (not out or out[-1] != consonant):
                    out.append(consonant)
        heads.append("".join(out))
    return tuple(heads)


_LATIN_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(pattern), repl)
    for pattern, repl in [
        (r"ph", "p"),
        (r"th", "t"),
        (r"sh", "s"),
        (r"ch", "j"),
        (r"ck", "k"),
        (r"ng", "n"),
        (r"gh", ""),
        (r"x", "ks"),
        (r"c(?=[eiy])", "s"),
        (r"[cqg]", "k"),
        (r"d", "t"),
        (r"[bfv]", "p"),
        (r"[zj]", "j"),
        (r"l", "r"),
        (r"[aeiouyhw]", ""),
    ]
]
_NOT_LATIN = re.compile(r"[^a-z]")
_SILENT_E = re.compile(r"e$")
_DROPPED_R = re.compile(r"r(?![aeiouy])")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def latin_skeletons(word: str) -> frozenset[str]:
    """Skeletons of a Latin-script word: as spelt, and without the r's Korean usually leaves out.

    Cached, like `hangul_skeleton`: a long article repeats its words, and names most of all.
    """
    w = _NOT_LATIN.sub("", word.lower())
    if not w:
        return frozenset()
    variants = {w}
    # Silent final e, then an r before a consonant or at the end of the word (Livermore → Livermor → Livmo).
    no_e = _SILENT_E.sub("", w)
    variants.add(_DROPPED_R.sub("", no_e))
    out = set()
    for v in variants:
        for pattern, repl in _LATIN_RULES:
            v = pattern.sub(repl, v)
        out.add(_collapse(v))
    out.discard("")
    return frozenset(out)


def _collapse(s: str) -> str:
    return _DOUBLED.sub(r"\1", s)
