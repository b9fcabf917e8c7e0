"""Paragraph and sentence splitting for Korean and English news.

Sentences are returned as character spans of the original text, so that every later layer (alignment,
entities, notes) can point back into the exact text the reader sees.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\u3000\r]*\n\s*")  # Windows line ends too


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as a span [start, end) of the whole text, in paragraph `paragraph` (0-based)."""

    start: int
    end: int
    paragraph: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank paragraphs; a blank line separates paragraphs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, brk.start()))
        pos = brk.end()
    spans.append((pos, len(text)))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _kiwi():
    """The process's one Kiwi, taught the gazetteer's names (a second model would cost ~400 MB)."""
    from reader.text.korean import korean_model  # heavy: loads a model, so only when analysis is needed

    return korean_model()


@lru_cache(maxsize=1)
def _english_segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


# Sentence-final punctuation, then any closing quotes or brackets.
_CLOSERS = "\"”’'」』)]˝»"
_PROPER_END = re.compile(rf"[.?!…。？！][{re.escape(_CLOSERS)}]*$")
# A Korean sentence that simply lacks its full stop still ends in a final ending (했다, 합니다, 까).
_KOREAN_FINAL = re.compile(rf"[다요까죠음함임][{re.escape(_CLOSERS)}]*$")
_HAS_WORD = re.compile(r"\w")


_DOUBLE_QUOTES = '"“”'
# A Korean sentence end inside a kiwi sentence: a syllable (or a closing mark) then a full stop.
# A quotation followed by 고/며/라고 ("...없다.” 고 부인했다") continues the sentence that reports it.
_KOREAN_BOUNDARY = re.compile(
    rf"(?:(?<=[가-힣])|(?<=[{re.escape(_CLOSERS)}]))(?:[.?!]+|…+)[{re.escape(_CLOSERS)}]*\s+"
    r"(?!(?:고|며|라고|라며|라는|란|하고|하며|이라고|이라며)[\s,])"
)


# Sentences glued together without a space: an English one before Korean, as web pages with bilingual
# headlines leave it ("...the ambassador's comments.한국 정부"), or two Korean ones where the space was
# lost in editing ("반발했다.中 외교부는", "말했다.그는"). Korean orthography never puts a letter right
# after a full stop inside a sentence.
_GLUED_BOUNDARY = re.compile(r"(?<=[a-z]{3}[.?!])(?=[가-힣]{2})|(?<=[가-힣][.?!])(?=[가-힣\u4e00-\u9fff])")


def _split_korean(paragraph: str) -> list[tuple[int, int]]:
    """Kiwi's sentences, re-cut where Korean news punctuation leads it astray.

    Kiwi keeps what follows a full stop with the sentence before when that piece does not look like a
    clause of its own: a hanja abbreviation (`...배치됐다. 美`) or an opening quotation (`...했다.
    "클리퍼"`); such a piece belongs to the sentence that follows. Mixed quotation marks ("...” ) also
    make it miss a full stop after a closed quotation, so sentences are cut again at every full stop
    that stands outside quotation marks.
    """
    spans = [(s.start, s.end) for s in _kiwi().split_into_sents(paragraph)]
    return _merge_fragments(paragraph, _recut_korean(paragraph, spans))


def _recut_korean(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    carry: int | None = None  # start of a fragment waiting for the next sentence
    for a, b in spans:
        if carry is not None:
            a, carry = carry, None
        a, b = _strip(paragraph, a, b)
        if a >= b:
            continue
        piece = paragraph[a:b]
        cuts = [m.end() for m in _KOREAN_BOUNDARY.finditer(piece) if m.end() < len(piece)]
        cuts += [m.end() for m in _KOREAN_COLON_END.finditer(piece) if m.end() < len(piece)]
        cuts = sorted({*cuts, *(m.end() for m in _GLUED_BOUNDARY.finditer(piece))})
        cuts = [c for c in cuts if _count_quotes(piece[:c]) % 2 == 0 or _QUOTED_END.search(piece, 0, c)]
        start = 0
        for c in cuts:
            out.append((a + start, a + c))
            start = c
        tail = piece[start:]
        if start and not _PROPER_END.search(tail) and not _KOREAN_FINAL.search(tail):
            carry = a + start
            continue
        out.append((a + start, b))
    if carry is not None:
        out.append(_strip(paragraph, carry, len(paragraph)))
    return [(a, b) for a, b in (_strip(paragraph, a, b) for a, b in out) if a < b]


# A full stop after a final ending inside a quotation of several sentences ("그는 “준비됐다. 곧 간다”고
# 말했다"): a sentence end, as pysbd takes it in the English ("We are ready. We go soon," he said), so the
# two sides break a long quotation alike and the aligner can pair its parts.
_QUOTED_END = re.compile(r"[다요까죠][.?!]\s+$")
# A clause that ends in its final ending and a colon ("주요 사실은 다음과 같다: 팔루는 ...", "그는 이렇게
# 말했다: “...”) is a sentence, what follows (a list item, a quotation) another: translations set them apart.
_KOREAN_COLON_END = re.compile(r"(?<=[가-힣]다):\s+(?=\S)")


def _count_quotes(text: str) -> int:
    """Double quotation marks of any shape: news mixes "..." and “...” even within one quotation."""
    return sum(text.count(q) for q in _DOUBLE_QUOTES)


def _quotes_confused(text: str) -> bool:
    """True when the double quotation marks in `text` do not pair up as opening then closing marks.

    A straight mark is read as opening after a space or at the start and as closing otherwise; news
    leaves a quotation open when it runs on into the next paragraph, which is what confuses splitters.
    """
    inside = False
    for i, ch in enumerate(text):
        if ch not in _DOUBLE_QUOTES:
            continue
        before = text[i - 1] if i else " "
        opening = ch == "“" or (ch == '"' and (before.isspace() or before in "([{—-"))
        if opening == inside:
            return True
        inside = opening
    return inside


def _merge_fragments(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Attach pieces that cannot stand alone: bare punctuation goes to the sentence before, a short
    unpunctuated lead-in such as "(CNN)" to the sentence after."""
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in spans:
        if pending is not None:
            a, pending = pending, None
        piece = paragraph[a:b]
        if not _HAS_WORD.search(piece) and out:
            out[-1] = (out[-1][0], b)
            continue
        if not _PROPER_END.search(piece) and len(piece.split()) <= 2 and len(piece) <= 12:
            pending = a
            continue
        out.append((a, b))
    if pending is not None:
        if out and not _HAS_WORD.search(paragraph[pending:]):
            out[-1] = (out[-1][0], len(paragraph.rstrip()))
        else:
            out.append(_strip(paragraph, pending, len(paragraph)))
    return [(a, b) for a, b in out if a < b]


# "3 p.m. Monday", "10 a.m. Tuesday": a time of day is followed by a capitalised day or month name.
_CLOCK_END = re.compile(r"\b[ap]\.m\.$")
_CALENDAR_START = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|local time\b|[A-Z]{2,3}T\b|ET\b|GMT\b|UTC\b"
)
_TITLE_END = re.compile(
    r"(?:^|\s|[\"“(])(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Prof|Rev|Gov|Pres|St|Mt|Ft|No)\.$"
)
# A company's legal form ("Korean Broadcasting Corp.", "Samsung Electronics Co. Ltd.") ends in a full stop
# that ends no sentence when the name goes on ("Corp. Radio", "Co. Ltd.", "Inc. Chief Executive"). A new
# sentence after one mostly opens with a word of a closed class (The, It, But, In...), which keeps the cut.
_COMPANY_END = re.compile(r"(?:^|\s)[A-Z&][\w&'’-]*\.? (?:Corp|Inc|Co|Cos|Ltd|Bros|Plc)\.$")
_NEXT_WORD = re.compile(r"[A-Z][\w'’&-]*")
_SENTENCE_OPENER = re.compile(
    r"a|an|the|this|that|these|those|it|its|he|she|they|we|i|you|his|her|their|our|my|your|there|here"
    r"|in|on|at|by|for|from|with|without|after|before|during|since|until|as|if|when|while|where|because"
    r"|although|though|but|and|or|so|yet|also|still|however|meanwhile|moreover|nevertheless|instead|then"
    r"|thus|now|today|yesterday|tomorrow|earlier|later|last|next|such|some|many|most|all|both|each|every"
    r"|no|not|other|another|one|two|three|according|asked|what|who|why|how",
    re.IGNORECASE,
)
_LEADING_CLOSER = re.compile(rf"[{re.escape(_CLOSERS)}`]+(?=\s|$)")
_QUOTE_MARK = re.compile(r"[\"“”]")
_LOWER_START = re.compile(r"\s*[a-z]")
_TRAILING_OPENER = re.compile(r"\s[\"“‘`]+$")


def _split_english(paragraph: str) -> list[tuple[int, int]]:
    """pysbd's sentences, repaired where news punctuation confuses it.

    News leaves a quotation open when it runs on into the next paragraph, and pysbd then refuses to
    split anywhere up to the next quotation mark; where the quotation marks of a sentence do not pair
    up, pysbd splits it again with the marks masked. Quotation marks left on the wrong side of a
    boundary go back to their sentence, and a boundary after a title such as "Mr.", or after a company's
    "Corp." where the name goes on ("Korean Broadcasting Corp. Radio"), is undone.
    """
    spans: list[tuple[int, int]] = []
    for a, b in _pysbd_spans(paragraph):
        a, b = _strip(paragraph, a, b)
        if a >= b:
            continue
        piece = paragraph[a:b]
        if _quotes_confused(piece) or _QUOTE_MARK.search(piece):
            masked = re.sub(r"[\"“”]", " ", piece)
            spans.extend((a + x, a + y) for x, y in _pysbd_spans(masked))
        else:
            spans.append((a, b))
    # Work on the boundaries between consecutive sentences.
    cuts = sorted(
        ({_strip(paragraph, x, y)[0] for x, y in spans if paragraph[x:y].strip()} | _glued_english(paragraph))
        - {0}
    )
    fixed: list[int] = []
    for c in cuts:
        lead = _LEADING_CLOSER.match(paragraph, c)
        if lead:
            c = lead.end()
        start = fixed[-1] if fixed else 0
        before = paragraph[start:c].rstrip()
        opener = None if lead else _TRAILING_OPENER.search(before)
        if opener:
            c = start + opener.start() + 1
        before = paragraph[start:c].strip()
        if not before or _TITLE_END.search(before) or c >= len(paragraph.rstrip()):
            continue
        if _LOWER_START.match(paragraph, c):
            continue  # '"We will win!" he said.': the attribution goes on the quoted sentence
        if _CLOCK_END.search(before) and _CALENDAR_START.match(paragraph, c):
            continue
        if _COMPANY_END.search(before):
            word = _NEXT_WORD.match(paragraph, c)
            if word and not _SENTENCE_OPENER.fullmatch(word.group()):
                continue
        fixed.append(c)
    bounds = [0, *fixed, len(paragraph)]
    out = [_strip(paragraph, x, y) for x, y in itertools.pairwise(bounds)]
    return _merge_fragments(paragraph, [(x, y) for x, y in out if x < y])


# Two sentences whose space was lost in editing or copying ("...off the East Sea.The Korea..."): a word in
# lower case, its full stop, then a capitalised word. Web addresses and e-mail ("Yahoo.Com") are no such
# place, and neither is an abbreviation with one lower-case letter ("e.g.The").
_GLUED_ENGLISH = re.compile(r"(?<=[a-z]{2}[.?!])(?=[A-Z][a-z])(?!(?:Com|Net|Org|Edu|Gov)\b)")


# A headline or caption without its full stop run into the story ("...signed an agreement for formal talks
# The deal signed Monday provides..."), or a full stop lost in editing ("...taken away on a stretcher The
# Israeli government..."): a capitalised "The", or a capitalised subject pronoun, after a lower-case word
# does not occur inside an English sentence, except in a title, and a title follows a word that introduces
# it ("told The Times", "in The Hague") or names what it is ("the newspaper The Guardian", "the film The
# Host"); a possessive ("Britain's The Sun") never ends in two lower-case letters, so it is no such place
# either. ("A" is left alone: "type A flu", "Plan A is".)
_LOST_STOP = re.compile(r"(?<=[a-z]{2}) (?=The [A-Za-z]|(?:He|She|They|We) [a-z])")
_TITLE_INTRO = re.compile(
    r"of|in|on|at|to|for|from|by|with|and|or|but|nor|than|as|like|into|about|told|tells?|said|says|reads?"
    r"|see|saw|seen|called|named|titled|entitled|dubbed|is|was|are|were|be|been"
    r"|newspaper|paper|daily|weekly|magazine|tabloid|journal|outlet|broadcaster|network|channel|website"
    r"|film|movie|book|novel|series|show|drama|documentary|album|song|single|band|group|play|musical"
    r"|program|programme|game|rival|hit|bestseller",
    re.IGNORECASE,
)


# A sentence that ends in a single capital letter ("moved to Plan B.", "known as \"K.\"") reads to pysbd as
# a name's initial ("John F. Kennedy"), and one that trails off in an ellipsis character ("He waited…")
# as unfinished; where a word that opens sentences follows, it is a sentence end.
_LETTER_END = re.compile(r"(?<![\w.])[A-Z]\.[\"”’')]*\s+(?=[A-Z])|(?<=\w)…[\"”’')]*\s+(?=[A-Z])")


def _glued_english(paragraph: str) -> set[int]:
    """Sentence starts that pysbd misses: after a full stop lost or the space after it, or after a
    sentence ending in a single capital letter or an ellipsis character."""
    cuts = set()
    for m in _LETTER_END.finditer(paragraph):
        word = _NEXT_WORD.match(paragraph, m.end())
        if word and _SENTENCE_OPENER.fullmatch(word.group()):
            cuts.add(m.end())
    for m in _LOST_STOP.finditer(paragraph):
        words = paragraph[max(0, m.start() - 200) : m.start()].split()
        if len(words) >= 4 and not _TITLE_INTRO.fullmatch(words[-1]):
            cuts.add(m.end())
    for m in _GLUED_ENGLISH.finditer(paragraph):
        # The word around the full stop (within a window, so a text without spaces stays linear).
        lo, hi = max(0, m.start() - 100), min(len(paragraph), m.start() + 100)
        token = re.split(r"\s", paragraph[lo : m.start()])[-1] + re.split(r"\s", paragraph[m.start() : hi])[0]
        if not any(mark in token for mark in ("@", "://", "www.")):
            cuts.add(m.start())
    return cuts


# pysbd's time grows faster than the length of its input: a paragraph of some hundred thousand
# characters without a full stop takes minutes. Long paragraphs are handed to it in pieces cut at a
# plain sentence end (a full stop after a long lowercase word, then a capital), or at a space.
_PYSBD_CHUNK = 4000
_SAFE_END = re.compile(r"(?<=[a-z]{4}[.?!])[\"”’')\]]?\s+(?=[\"“‘(]?[A-Z])")


def _pysbd_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a, b in _chunks(text, _PYSBD_CHUNK):
        spans.extend(
            (a + x, a + y) for x, y in ((s.start, s.end) for s in _english_segmenter().segment(text[a:b]))
        )
    return spans


def _chunks(text: str, limit: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        ends = [m.end() for m in _SAFE_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > limit // 4 else window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        out.append((pos, pos + cut))
        pos += cut
    out.append((pos, len(text)))
    return out


# A run of three or more spaces (often no-break spaces) inside a line is a layout gap in text taken from
# web pages, between a headline and its date or one list item and the next: never inside a sentence.
# (Spaces that indent a line or trail it are not: old files indent every line of a paragraph.)
_LAYOUT_GAP = re.compile(r"(?<=[^\s])[ \t\u00a0\u3000]{3,}(?=[^\s])")


# A date stamp as web pages print it under a headline or a list item ("...실망 표명2006.01", "우려   2005.10"):
# year, month and maybe day joined by full stops. It closes the text before it, even across a layout gap,
# and whatever follows starts anew. A figure such as an index level ("2012.10 포인트") is no stamp.
_DATE_STAMP = re.compile(
    r"(?<![\d.,])(?:19|20)\d\d\.(?:0[1-9]|1[0-2])(?:\.(?:0[1-9]|[12]\d|3[01]))?"
    r"(?=\s*$|\s+[^\sa-z])"  # what follows starts anew: not a lower-case word ("version 2019.10 of")
    r"(?!\s*(?:포인트|퍼센트|%|달러|유로|엔화))"
)


_LINE = re.compile(r"[^\n]*(?:\n|$)")
# A line's first word, up to a space or a tab: where wrappers break lines.
_FIRST_WORD = re.compile(r"[ \t]*([^ \t\n]+)")
# Cells a word must have to spare before a line break counts as the end of a line of its own.
_WRAP_SLACK = 2
# The narrowest width a file is wrapped at, for a paragraph whose lines have no space to tell it by.
_NARROWEST_WRAP = 40


def _line_breaks(paragraph: str) -> dict[int, int]:
    """The line breaks of a paragraph that end a line of their own (a headline, a list item, a line of
    a page pasted one paragraph to a line), as {start of the next line: end of the line before}.

    The other breaks are the wrapping of an old file or an e-mail, and sit anywhere in a sentence. A
    wrapper breaks a line only where the next word would not fit, so a break is kept where the next
    line's first word would have fitted within the paragraph's longest line (no wider than the width it
    was wrapped to); a line that is one unbreakable token (an address) does not count as the width.
    Wrappers count a Hangul syllable as one character or as two cells, and differ on signs such as ㎜:
    a break is kept only where the word would have fitted by both counts, with a wide character to spare.
    """
    lines = [(m.start(), m.end()) for m in _LINE.finditer(paragraph) if m.end() > m.start()]
    if len(lines) < 2:
        return {}

    def ends_of_lines(measure: Callable[[str], int]) -> dict[int, int]:
        widths = [measure(paragraph[a:b].rstrip()) for a, b in lines]
        width = max((w for w, (a, b) in zip(widths, lines) if " " in paragraph[a:b].strip()), default=None)
        if width is None:  # lines of one token each (an address, "(END)"): items, unless wrapped very narrow
            width = max(max(widths), _NARROWEST_WRAP)
        ends = {}
        for (a, b), used, (c, d) in zip(lines, widths, lines[1:]):
            word = _FIRST_WORD.match(paragraph, c, d)
            if word and paragraph[a:b].strip() and used + 1 + measure(word.group(1)) + _WRAP_SLACK <= width:
                ends[c] = a + len(paragraph[a:b].rstrip())
        return ends

    by_cells = ends_of_lines(cell_len)
    return {c: end for c, end in ends_of_lines(len).items() if c in by_cells}


def _blocks(paragraph: str) -> list[tuple[int, int]]:
    """Pieces of a paragraph that no sentence crosses: layout gaps, date stamps and line breaks that end
    a line of its own (not a wrapped one) separate them."""
    cuts = {gap.end(): gap.start() for gap in _LAYOUT_GAP.finditer(paragraph)}  # next start -> end before
    cuts.update(_line_breaks(paragraph))
    for stamp in _DATE_STAMP.finditer(paragraph):
        if stamp.start() in cuts and paragraph[: cuts[stamp.start()]].strip():
            del cuts[stamp.start()]  # the stamp belongs to the headline before the gap
        cuts[stamp.end()] = stamp.end()
    spans, pos = [], 0
    for start in sorted(cuts):
        spans.append((pos, cuts[start]))
        pos = start
    spans.append((pos, len(paragraph)))
    return [_strip(paragraph, a, b) for a, b in spans if paragraph[a:b].strip()]


_WRAP_AS_SPACE = str.maketrans("\r\n", "  ")


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split `text` ("ko" or "en") into sentences within paragraphs; whitespace-only spans are dropped.

    The last few texts' sentences are kept (texts up to CACHED_UP_TO characters, as news articles are):
    pairing a fetched story reads its opening, and the analysis of the article it ends in splits the same
    text again."""
    split = _split_sentences if len(text) > CACHED_UP_TO else _kept_split
    return list(split(text, lang))


#: The longest text whose sentences are kept for the next call: a very long import is not held in memory.
CACHED_UP_TO = 50_000


def _split_sentences(text: str, lang: str) -> tuple[Sentence, ...]:
    splitter = _split_korean if lang == "ko" else _split_english
    out: list[Sentence] = []
    for number, (pstart, pend) in enumerate(paragraph_spans(text)):
        paragraph = text[pstart:pend]
        for bstart, bend in _blocks(paragraph):
            block = paragraph[bstart:bend]
            pieces: list[tuple[int, int]] = []
            # The line breaks left inside a block are wrapping: the splitters see a space there (which
            # keeps every offset), as pysbd otherwise ends a sentence at each.
            for a, b in splitter(block.translate(_WRAP_AS_SPACE)):
                a, b = _strip(block, a, b)
                if a >= b:
                    continue
                if pieces and _DATE_STAMP.fullmatch(block, a, b):
                    pieces[-1] = (pieces[-1][0], b)  # a headline's date stays with it
                else:
                    pieces.append((a, b))
            out.extend(Sentence(pstart + bstart + a, pstart + bstart + b, number) for a, b in pieces)
    return tuple(out)


_kept_split = lru_cache(maxsize=8)(_split_sentences)
