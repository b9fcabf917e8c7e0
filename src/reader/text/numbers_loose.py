"""Figures the translation check compares that are not plain quantities: decades of age or of a century
(60대, in her 60s, 40대 후반, late 40s, 10대, teenagers, the 1980s), regnal and papal numbers (니콜라이 2세,
Nicholas II), vague counts (수십 명, dozens of), and names or terms that hold a number (8강, quarterfinals;
선진 8개국, Group of Eight; 12번 시드, 12th-seeded), listed in `reader/data/number_terms.tsv`.

Its own module because these are read only to compare a pair of sentences: the entity layer's dates and
quantities (`numbers.find_quantities`) stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.text.quantity import _HANGUL, Quantity


@dataclass(frozen=True, slots=True)
class Term:
    """A name or term holding a number: its span, its family ("round", "group", "seed"…) and value."""

    start: int
    end: int
    family: str
    value: float


@cache
def _term_patterns() -> dict[str, list[tuple[str, str, re.Pattern[str]]]]:
    ref = resources.files("reader").joinpath("data", "number_terms.tsv")
    out: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {"ko": [], "en": []}
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        family, value, lang, pattern = line.split("\t")
        flags = re.IGNORECASE if lang == "en" else 0
        bound = r"(?<![\w])" if lang == "en" else rf"(?<![\d{_HANGUL}])"
        out[lang].append((family, value, re.compile(rf"{bound}(?:{pattern})(?![\w])" if lang == "en"
                                                      else rf"{bound}(?:{pattern})", flags)))  # fmt: skip
    return out


def find_terms(text: str, lang: str) -> list[Term]:
    """The number-holding names and terms of the table in `text`, longest first where they overlap."""
    found: list[Term] = []
    for family, value, pattern in _term_patterns()[lang]:
        for m in pattern.finditer(text):
            v = float(m.group("n")) if value == "n" else float(value)
            if all(m.end() <= t.start or m.start() >= t.end for t in found):
                found.append(Term(m.start(), m.end(), family, v))
    return sorted(found, key=lambda t: t.start)


_DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_PHASE_EN = {"early": "early", "mid": "mid", "middle": "mid", "late": "late"}
_PHASE_KO = {"초반": "early", "초": "early", "중반": "mid", "후반": "late", "말": "late"}
_EN_DECADE = re.compile(
    r"(?<![\w'’])(?:(?P<phase>early|mid|middle|late)[\s-]+)?"
    r"(?:(?P<num>(?:1[5-9]|20)?\d0|['’]\d0)['’]?s\b|(?P<word>" + "|".join(_DECADE_WORDS) + r")\b)",
    re.IGNORECASE,
)
_EN_TEENS = re.compile(r"\b(?:teen(?:ager)?s?|teenage)\b", re.IGNORECASE)
_KO_DECADE = re.compile(
    rf"(?<![\d.,])(?P<num>\d{{0,2}}\d0)(?:년)?대(?:\s?(?P<phase>초반|중반|후반|초|말))?(?![{_HANGUL}]{{2}})"
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_EN_REGNAL = re.compile(r"\b[A-Z][a-z]+ (?P<r>X{0,3}(?:IX|IV|V?I{0,3}))\b(?![-'’]\w)")
_KO_REGNAL = re.compile(rf"(?<=[{_HANGUL}]) (?P<n>\d{{1,2}})세(?![{_HANGUL}]{{2}})")
_VAGUE_KO = re.compile(rf"(?<![{_HANGUL}])수\s?(?P<m>(?:십|백|천)?(?:만|억|조)?)")
_MAGNITUDE_KO = {"십": 10, "백": 100, "천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12}
_VAGUE_EN = re.compile(
    r"\b(?:(?P<outer>tens|hundreds)\s+of\s+)?(?P<m>dozens|scores|tens|hundreds|thousands|millions|billions)"
    r"\s+(?:of|more|upon)\b",
    re.IGNORECASE,
)
_MAGNITUDE_EN = {"dozens": 10, "scores": 10, "tens": 10, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                 "billions": 1e9}  # fmt: skip


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def find_loose_figures(text: str, lang: str) -> list[Quantity]:
    """Decades ("decade", unit the phase early/mid/late or None), regnal numbers ("regnal") and vague
    counts ("vague", value the order of magnitude: 수십 and "dozens of" are 10) in `text`."""
    out: list[Quantity] = []
    if lang == "en":
        for m in _EN_DECADE.finditer(text):
            num = m.group("num")
            value = float(num.strip("'’")) if num else float(_DECADE_WORDS[m.group("word").lower()])
            phase = _PHASE_EN[m.group("phase").lower()] if m.group("phase") else None
            kind = "decade" if num else "decade-word"
            out.append(Quantity(m.start(), m.end(), value, phase, kind))
        for m in _EN_TEENS.finditer(text):
            out.append(Quantity(m.start(), m.end(), 10.0, None, "decade-word"))
        for m in _EN_REGNAL.finditer(text):
            if m.group("r") not in ("", "I"):
                out.append(Quantity(m.start("r"), m.end("r"), float(_roman(m.group("r"))), None, "regnal"))
        for m in _VAGUE_EN.finditer(text):
            mag = _MAGNITUDE_EN[m.group("m").lower()]
            if m.group("outer"):
                mag *= _MAGNITUDE_EN[m.group("outer").lower()]
            out.append(Quantity(m.start(), m.end("m"), float(mag), None, "vague"))
    else:
        for m in _KO_DECADE.finditer(text):
            phase = _PHASE_KO[m.group("phase")] if m.group("phase") else None
            out.append(Quantity(m.start(), m.end(), float(m.group("num")), phase, "decade"))
        for m in _KO_REGNAL.finditer(text):
            out.append(Quantity(m.start("n"), m.end(), float(m.group("n")), None, "regnal"))
        for m in _VAGUE_KO.finditer(text):
            word = m.group("m")
            if word:  # 수십 10, 수천억 10^11
                mag = _MAGNITUDE_KO[word[0]] * (_MAGNITUDE_KO[word[1]] if len(word) > 1 else 1)
                if len(word) == 1 and word in "만억조":
                    mag = _MAGNITUDE_KO[word]
                out.append(Quantity(m.start(), m.end(), float(mag), None, "vague"))
    return sorted(out, key=lambda q: q.start)
