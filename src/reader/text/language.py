"""Which language a text is in, for the two this library reads: Korean or English.

A letter count is enough and never surprises: Korean news is written in Hangul with some Latin (names,
model numbers, acronyms), English news in Latin with, at most, a quoted Korean word. No model is loaded.
"""

from __future__ import annotations

#: Share of Hangul among the letters above which a text is Korean. Hangul syllables carry two or three
#: Latin letters' worth each, so a Korean article with many English names still stays far above this.
KOREAN_SHARE = 0.2


def other_side(side: str) -> str:
    """The other side of a pair: 'en' for 'ko', 'ko' for anything else."""
    return "en" if side == "ko" else "ko"


def _is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") or (0xC0 <= ord(ch) <= 0x24F and ch.isalpha())


def detect_language(text: str) -> str | None:
    """'ko', 'en', or None when the text has too few letters of either script to tell."""
    hangul = latin = other = 0
    for ch in text[:20000]:
        if _is_hangul(ch):
            hangul += 1
        elif _is_latin(ch):
            latin += 1
        elif ch.isalpha():
            other += 1
    letters = hangul + latin
    if letters < 2 or other > letters:
        return None
    return "ko" if hangul / letters >= KOREAN_SHARE else "en"


LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}
