"""A row with text on one side only: a sentence the translation left out (or added), unless it is the
furniture news carries on one side alone — a byline, a photo credit, a copyright line, a dateline, an
e-mail address, a headline or a caption of a few words.

Its own module because it judges one text, not a pair: what is worth a translator's attention when the
other language says nothing at all.
"""

from __future__ import annotations

import re

from reader.text.language import LANGUAGE_NAMES, other_side

_BOILERPLATE = re.compile(
    r"기자\s*$|기자\s*=|특파원|사진\s*=|사진제공|자료사진|\[사진\]|\(사진\)|무단\s?(?:전재|복제)|재배포\s?금지|저작권|"
    r"ⓒ|©|\(c\)|copyright|all rights reserved|photo(?:graph)?:|photo by|\bcredit:|getty|\(ap\)|\(afp\)|\(reuters\)|"
    r"associated press|reporting by|writing by|editing by|^\s*by\s+[A-Z]|@[\w-]+\.\w|https?://|www\.|"
    r"^\s*\(?[A-Z][A-Z .'-]{2,}(?:,\s*[A-Za-z. ]+)?\s*\((?:CNN|AP|AFP|Reuters|Yonhap)\)\s*[-—–]*\s*$|"
    r"연합뉴스|뉴시스|뉴스1|\bCNN\b\s*$",
    re.IGNORECASE,
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
#: A short sentence still says something when it ends as a sentence does, with its full stop (잠겼다.,
#: "The dam held."): a heading or a caption does not.
_STOPPED_KO = re.compile(r"[다요][.!?][\"”’'」』)]*\s*$")
_STOPPED_EN = re.compile(r"[a-z][.!?][\"”’')]*\s*$")
_SENTENCE_END = re.compile(r"[.!?。…\"”’'」』)\]]\s*$|다\s*$|요\s*$")


def substantive(text: str, lang: str) -> bool:
    """Whether `text` is a sentence of the story (not a byline, credit, copyright line or short heading)."""
    text = text.strip()
    if not text or _BOILERPLATE.search(text):
        return False
    if lang == "ko":
        size = len(_HANGUL.findall(text))
        return size >= 15 and bool(_SENTENCE_END.search(text)) or size >= 8 and bool(_STOPPED_KO.search(text))
    words = len(_WORD.findall(text))
    return words >= 8 and bool(_SENTENCE_END.search(text)) or words >= 4 and bool(_STOPPED_EN.search(text))


def left_out(ko_text: str, en_text: str) -> list[str]:
    """The finding for a row with nothing on one side, when the other holds a sentence of the story."""
    for text, lang, other in ((ko_text, "ko", en_text), (en_text, "en", ko_text)):
        if not other.strip() and substantive(text, lang):
            missing = LANGUAGE_NAMES[other_side(lang)]
            return [f"this {LANGUAGE_NAMES[lang]} sentence has nothing beside it in the {missing}: left out?"]
    return []
