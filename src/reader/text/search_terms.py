"""Text as the full-text index sees it: Korean runs as overlapping syllable bigrams, everything else as words.

Korean glues particles and endings onto words (북한군이, 북한군은, 파병됐다), so a word index misses them and
a morphological analyser at query time costs seconds and hundreds of megabytes. Overlapping bigrams — the
way Lucene's CJK analyzer indexes Korean — find 북한군 inside 북한군이 with no model at all: the query
becomes the phrase of its bigrams (북한 한군), which matches wherever those syllables stand together.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .escapes import ESCAPE_SEQUENCE
from .figure_forms import figure_forms

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i : i + 2] for i in range(len(run) - 1))


@lru_cache(maxsize=32768)
def _spelled(run: str) -> str:
    """A Hangul run as the index sees it; remembered, because words and particles recur (3x faster)."""
    return f" {_bigrams(run)} "


def index_text(text: str) -> str:
    """What goes into the index for `text`: Hangul runs spelled out as bigrams, escape sequences as spaces,
    the rest left as it is."""
    if "\x1b" in text:
        text = ESCAPE_SEQUENCE.sub(" ", text)  # not glued to the word it colours (31mRED)
    return _HANGUL_RUN.sub(lambda m: _spelled(m.group()), text)


def _phrase(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def _term_tokens(term: str) -> list[str]:
    """The index tokens of one query word, in order (a Korean word becomes its bigrams)."""
    tokens: list[str] = []
    for word in _WORD.findall(term):
        for part in re.split(r"([\uac00-\ud7a3]+)", word):
            if not part:
                continue
            if _HANGUL_RUN.fullmatch(part):
                tokens += _bigrams(part).split()
            else:
                tokens.append(part)
    return tokens


#: Endings a Korean query word may carry that its other forms in the text do not: particles (이재민이,
#: 투자를, 한국은) and the verb-making 하다/되다/시키다 of a dictionary form (배치하다 → 배치). Longest
#: first. Only stripped when two syllables or more are left, so 국가 stays 국가 and not 국.
_ENDINGS = ("시키다", "에게서", "에서", "에게", "께서", "으로", "하다", "되다", "이", "가", "을", "를",
            "은", "는", "의", "에", "로", "와", "과", "도", "만")  # fmt: skip


def _stem(word: str) -> str | None:
    """The word without a particle or a verb-making ending, if it is Korean and keeps two syllables."""
    if not _HANGUL_RUN.fullmatch(word):
        return None
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return None


def loose_word(word: str) -> str:
    """`word` as a search that found nothing for it as typed looks for it (이재민은 → 이재민)."""
    return _stem(word) or word


def _is_lone_syllable(token: str) -> bool:
    return len(token) == 1 and _HANGUL_RUN.fullmatch(token) is not None


#: A figure written with an English scale word as two words of a query ($3.5 billion, 11 million).
_SCALED = re.compile(r"(?<![\w.,])[$€£¥₩]?(\d+(?:\.\d+)?)\s+(million|billion|trillion)\b", re.IGNORECASE)
_SCALE_WORDS = {"million": 10**6, "billion": 10**9, "trillion": 10**12}


def scaled_figures(query: str) -> str:
    """`query` with a figure and its scale word as one figure (3.5 billion → 3500000000), so that it is
    searched as the figure it is, in all its written forms (35억, 3.5 billion), and not as a 3, a 5 and
    the word billion anywhere in a row. A decimal that makes no whole number is left as typed."""

    def whole(match: re.Match[str]) -> str:
        number, scale = match.groups()
        integer, _, decimals = number.partition(".")
        value = int(integer + decimals) * _SCALE_WORDS[scale.lower()]
        if value % 10 ** len(decimals):
            return match.group()
        return str(value // 10 ** len(decimals))

    if "illion" not in query.lower():
        return query
    # only outside "quoted words", which are searched exactly as written
    pieces = re.split(r'("[^"]*")', query)
    return "".join(piece if piece.startswith('"') else _SCALED.sub(whole, piece) for piece in pieces)


#: Where a counter or a particle meets the Korean unit of a figure (35억|달러, 1만|명), not another unit.
_UNIT_THEN_COUNTER = re.compile(r"(?<=\d[만억조])(?=[가-힣])(?![만억조천])")


def query_parts(query: str, *, search: bool = False, loose: bool = False) -> list[tuple[str, list[str]]]:
    """What a person typed as FTS5 phrases, one per word or "quoted words", each with its index tokens.

    A lone Hangul syllable becomes a prefix (군 finds 군인, 군사). The tokens let a caller tell cheaply
    which passages could hold a part before asking FTS5 (see `reader.store.search`); they are the ones
    every match holds.

    `search` (a search of texts, not the palette's titles as typed): a word ending in one syllable after
    a figure finds it with a particle after it (37명 finds 37명이), and a figure finds its other written
    forms (11000 finds 11,000 and 1만1000; such a part holds no token every match holds). `loose`, for a search whose words as
    typed found nothing: an unquoted Korean word with a particle or a dictionary ending finds its other
    forms (이재민이 finds 이재민은, 배치하다 finds 배치).
    """
    parts: list[tuple[str, list[str]]] = []
    for quoted, bare in _QUERY_PART.findall(scaled_figures(query) if search else query):
        tokens = _term_tokens(quoted if quoted else bare)
        if not tokens:
            continue
        lone_syllable = _is_lone_syllable(tokens[-1])
        if len(tokens) == 1 and lone_syllable:
            parts.append((f'"{tokens[0]}"*', tokens))
            continue
        figures = figure_forms(bare) if search and bare else []
        stem = _stem(bare) if loose and bare and _WORD.fullmatch(bare) else None
        if figures:  # 11000 finds 11,000 and 1만1000 (see `figure_forms`): any one form matches
            # and a counter written apart from a Korean unit or glued to it: 35억달러 and 35억 달러
            spaced = [_UNIT_THEN_COUNTER.sub(" ", form) for form in (bare, *figures)]
            forms = [tokens, *(_term_tokens(form) for form in (*figures, *spaced))]
            phrases = [_phrase(t) + ("*" if _is_lone_syllable(t[-1]) else "") for t in forms]
            parts.append(("(" + " OR ".join(dict.fromkeys(phrases)) + ")", []))
        elif stem is not None:
            stem_tokens = _term_tokens(stem)
            parts.append((f"({_phrase(tokens)} OR {_phrase(stem_tokens)})", stem_tokens))
        elif (search or loose) and lone_syllable:
            parts.append((_phrase(tokens) + "*", tokens))
        else:
            parts.append((_phrase(tokens), tokens))
    return parts


def find_pieces(query: str, *, each_word: bool = False) -> list[tuple[str, str | None]]:
    """What a find in an article's text looks for, as regular expressions: the query literally, in any
    case, a space standing for any run of whitespace (a wrapped line shows as a space), its quotation
    marks not part of it. `each_word`: each of its words and "quoted phrases" apart, as a library search
    finds them (what opening a hit of that search marks).

    Each piece comes with its looser form, or None when it has none: a Korean word with a particle or a
    dictionary ending finds its other forms (이재민은 finds 이재민이, 배치하다 finds 배치했다), for a find
    whose piece as typed is nowhere, as a search falls back. A figure is found in any of its written
    forms (`figure_forms`).
    """
    if each_word:
        pieces = [(quoted or bare).split() for quoted, bare in _QUERY_PART.findall(scaled_figures(query))]
    else:
        # a figure and its scale word alone (3.5 billion) is that figure, found as 35억 too
        scaled = scaled_figures(query).split()
        pieces = [scaled if len(scaled) == 1 else query.replace('"', " ").split()]
    found: list[tuple[str, str | None]] = []
    for words in filter(None, pieces):
        if len(words) == 1 and (figures := figure_forms(words[0], counter=False)):  # 11000: 11,000, 1만1000
            found.append(("|".join(text_pattern(form) for form in [words[0], *figures]), None))
            continue
        if len(words) == 1 and words[0][:1].isdigit():
            found.append((text_pattern(words[0]), None))  # a figure: not inside a longer number
            continue
        typed = r"\s+".join(map(re.escape, words))
        loose = r"\s+".join(re.escape(loose_word(word)) for word in words)
        found.append((typed, loose if loose != typed else None))
    return found


def any_of(pieces: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for all `pieces`, a longer one first so that it is marked whole."""
    if not pieces:
        return None
    return re.compile("|".join(sorted(set(pieces), key=len, reverse=True)), re.IGNORECASE)


def is_hangul(token: str) -> bool:
    """Whether an index token is Korean (a syllable bigram or a lone syllable)."""
    return bool(_HANGUL_RUN.fullmatch(token))


def query_words(query: str) -> list[str]:
    """The words to highlight in a snippet: the query's words as typed (quotes removed); a figure whole
    (3.5, 12,500명), not cut at its full stop or comma into numbers that would mark the 3 of 320."""
    words: list[str] = []
    for quoted, bare in _QUERY_PART.findall(scaled_figures(query)):
        figure = bare.strip(_EDGES)
        if figure and figure[0].isdigit():
            words.append(figure)
            continue
        words += [w for w in _WORD.findall(quoted or bare)]
    return words


#: What a typed figure may be wrapped in that the text does not hold with it ($3.5, (12,500), 30%).
_EDGES = "$€£¥₩()[]\"'“”‘’,.;:!?%"


def text_pattern(form: str) -> str:
    """`form` as a regular expression for marking it in a text: literally, and when it starts or ends
    with a digit, not inside a longer number (320 holds no 3, 1,400.5 no 1,400)."""
    pattern = re.escape(form).replace(r"\ ", r"\s+")
    if form[:1].isdigit():
        pattern = r"(?<![\d.,])" + pattern
    if form[-1:].isdigit():
        pattern += r"(?![\d]|[.,]\d)"
    return pattern


#: Latin letters with diacritics (Latin-1 to Latin Extended-B, Latin Extended Additional): only text
#: holding one needs decomposing to compare as unicode61 does; Hangul must not be decomposed.
_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


def fold(text: str) -> str:
    """Lower case without diacritics on Latin letters, as unicode61 compares words (remove_diacritics)."""
    text = text.casefold()
    if not _ACCENTED.search(text):
        return text
    return _ACCENTED.sub(lambda m: "".join(c for c in unicodedata.normalize("NFKD", m.group())
                                           if not unicodedata.combining(c)), text)  # fmt: skip
