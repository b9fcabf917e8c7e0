"""Named-entity mentions in Korean and English news: people, organisations, places, equipment, dates,
quantities.

No trained NER model is required.  Korean starts from Kiwi's morphological analysis (proper nouns,
foreign words, hanja, numbers), English from capitalisation; both are completed by the glossary and by
the cue words news writing leans on (titles after a Korean name, "Ministry" inside an English one,
administrative suffixes such as 시/도/군/주).  Every mention is a span of the text exactly as given, so the
reading screen can colour it and the store can keep its offsets.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.text.glossary import PARTICLES, Glossary

TYPES = ("PERSON", "ORG", "PLACE", "EQUIPMENT", "DATE", "QUANTITY", "OTHER")


@dataclass(frozen=True)
class Mention:
    """A span [start, end) of the analysed text; `text == source[start:end]`."""

    start: int
    end: int
    text: str
    type: str


def find_mentions(
    text: str, lang: str, glossary: Glossary | None = None, *, tokens: list[Any] | None = None
) -> list[Mention]:
    """Mentions in `text` (lang "ko" or "en"), sorted and non-overlapping.

    `glossary=None` uses the bundled starter glossary; pass `Glossary()` for none at all. `tokens` is
    Kiwi's analysis of a Korean `text` when the caller already has it (from `korean_tokens`).
    """
    if glossary is None:
        glossary = default_glossary()
    if not text or not text.strip():
        return []
    if lang == "ko":
        cands = _korean_candidates(text, glossary, tokens)
    elif lang == "en":
        cands = _english_candidates(text, glossary)
    else:
        raise ValueError(f"unsupported language: {lang!r} (expected 'ko' or 'en')")
    return _resolve(text, cands)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The bundled glossary, loaded once per process (it ships inside the package, so a missing file is a
    broken install and raises)."""
    return Glossary.load_bundled()


# --------------------------------------------------------------------------------------------------------
# candidate resolution


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    prio: int  # higher wins an overlap
    sure: bool = True  # False: the type is a default guess


def _resolve(text: str, cands: Iterable[_Cand]) -> list[Mention]:
    return [Mention(c.start, c.end, text[c.start : c.end], c.type) for c in _select(text, cands)]


def _select(text: str, cands: Iterable[_Cand]) -> list[_Cand]:
    """Highest priority first, then longest: the non-overlapping winners, in text order."""
    chosen: list[_Cand] = []
    # the winners are disjoint, so sorted by start they are sorted by end too: a new span can only
    # overlap its neighbours in that order (bisect keeps a long text linear-logarithmic, not quadratic)
    starts: list[int] = []
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-c.prio, -(c.end - c.start), c.start)):
        c.start, c.end = _trim(text, c.start, c.end)
        if c.end <= c.start:
            continue
        i = bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        chosen.append(c)
        starts.insert(i, c.start)
        ends.insert(i, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in "\"'“”‘’,;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"'“”‘’,;:"):
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------------------
# numbers, dates, quantities (shared by both languages)


_KO_DATE = re.compile(
    r"(?:(?:지난|오는|올해|작년|내년)\s*)?"
    r"(?:(?:\d{4}|'\d{2})년\s*(?:\d{1,2}월\s*(?:\d{1,2}일)?)?"
    r"|\d{1,2}월\s*(?:\d{1,2}일|초|중순|말|하순|상순)?"
    r"|\d{1,2}일)"
    r"(?![\d째])"  # 8일째 counts days, it dates nothing
)
_KO_REL_DATE = re.compile(
    r"(?<![\uac00-\ud7a3])(?:오늘|어제|그제|내일|모레|이날|지난해|올해|작년|내년|전날|다음날)"
    r"(?=(?:[은는이가의을를도에]|부터|까지|에는|에도|만)?(?![\uac00-\ud7a3]))"  # 모레 is no date in 모레츠
)
_WEEKDAY_KO = re.compile(r"\(?[월화수목금토일]\)")
_KO_WORD_NUM = re.compile(
    r"(?<![\uac00-\ud7a3])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|수십|수백|수천|수만)\s?(?:명|차례|곳|개국|척|대)(?![\uac00-\ud7a3])"
)


_UNIT_AFTER = re.compile(
    r"\s?(?:mm|cm|km|kg|GWh|MWh|TWh|MW|GW|kW|kWh|㎜|㎝|㎞|㎏|㎡|㎢|℃|°C|mph|km/h)(?![A-Za-z])"
)


def _glued(text: str, i: int) -> bool:
    """A letter or hyphen right beside a number: the number is part of a name (형사1부, F-16, 5공장)."""
    return 0 <= i < len(text) and (text[i].isalpha() or text[i] == "-")


def _quantities(text: str, lang: str) -> list[_Cand]:
    """Numbers worth a highlight, from numbers.py: dates, and quantities with a unit or written in digits
    (a spelled-out "one" is usually just a word)."""
    from reader.text.numbers import find_quantities

    out: list[_Cand] = []
    for q in find_quantities(text, lang):
        if q.kind == "date":
            out.append(_Cand(q.start, q.end, "DATE", 5))
            continue
        if not q.unit and q.kind == "number" and not re.search(r"\d", text[q.start : q.end]):
            continue
        if not q.unit and q.kind == "number" and (_glued(text, q.start - 1) or _glued(text, q.end)):
            continue  # 형사1부, 5공장: a digit inside a name, not a figure
        if q.start > 0 and (
            text[q.start - 1] == "-" or text[q.start - 1].isascii() and text[q.start - 1].isalpha()
        ):
            continue  # Su-35 fighters: a model name, not 35 of them
        end = q.end
        m = _UNIT_AFTER.match(text, end)
        if m and not q.unit:
            end = m.end()  # 170㎜, 86 GWh: a unit numbers.py leaves aside still belongs to the figure
        out.append(_Cand(q.start, end, "QUANTITY", 5))
    return out


def _korean_numeric(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _KO_DATE.finditer(text):
        if m.group().strip():
            end = m.end()
            w = _WEEKDAY_KO.match(text, end)
            out.append(_Cand(m.start(), w.end() if w else end, "DATE", 6))
    for m in _KO_REL_DATE.finditer(text):
        out.append(_Cand(m.start(), m.end(), "DATE", 5))

    out.extend(_quantities(text, "ko"))
    for m in _KO_WORD_NUM.finditer(text):
        out.append(_Cand(m.start(), m.end(), "QUANTITY", 4))
    return out


# --------------------------------------------------------------------------------------------------------
# Korean


@lru_cache(maxsize=1)
def korean_model() -> Any:
    """Kiwi taught the gazetteer's longer names: one model per process, since each copy holds ~400 MB
    and takes seconds to build.

    Names Kiwi would split into common nouns (올리브+영, 스타+뉴스, 미래+창조+과학부) become one proper
    noun; two-syllable names are left to Kiwi's own weights, so that a short name does not start to eat the
    front of longer ones (쿠팡 in 쿠팡이츠) — Kiwi knows most of them already.  (Asking Kiwi which names it
    knows would build its model twice, doubling the start-up of every analysis.)
    """
    from kiwipiepy import Kiwi  # heavy: loads a model, so only when Korean analysis is needed

    kiwi = Kiwi()
    for name in known_names():
        if len(name.replace(" ", "")) >= 3:
            kiwi.add_user_word(name, "NNP", _USER_WORD_SCORE)
    return kiwi


def korean_tokens(texts: Iterable[str]) -> Iterator[list[Any]]:
    """Kiwi's tokens for each of `texts`, in order, for `find_mentions(..., tokens=)`.

    One batched call: Kiwi's worker threads analyse the next texts (a few dozen ahead) while the caller
    works on the current one, so on a machine with a free core the model's time hides behind the rest.
    Each result is what `tokenize(text)` alone gives. No text, no model loaded (an English-only article never needs it).
    """
    texts = iter(texts)
    first = next(texts, None)
    if first is None:
        return iter(())
    return iter(korean_model().tokenize(itertools.chain([first], texts)))


@lru_cache(maxsize=1)
def _script_mixed_names() -> re.Pattern[str]:
    """The gazetteer's names written with Latin letters or digits beside Hangul (채널A, SK텔레콤, LA 다저스):
    Kiwi splits a word at a change of script, so no user word can join them; they are matched as text."""
    mixed = [n for n in known_names() if re.search(r"[A-Za-z0-9]", n) and re.search(r"[\uac00-\ud7a3]", n)]
    alternatives = "|".join(re.escape(n) for n in sorted(mixed, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){alternatives}" if mixed else r"(?!)")


_USER_WORD_SCORE = 0.0


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """The bundled gazetteer (reader/data/names_ko.tsv): a Korean name → PERSON, ORG, PLACE or OTHER.

    It types the bare names news uses without saying what they are (스타뉴스, 미래창조과학부, 다저스), and
    it ships inside the package, so a missing file is a broken install and raises."""
    from importlib import resources

    names: dict[str, str] = {}
    ref = resources.files("reader").joinpath("data", "names_ko.tsv")
    with ref.open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, typ = line.rstrip("\n").split("\t")[:2]
            names.setdefault(name, typ)
    return names


SURNAMES = frozenset(
    [
        "김",
        "이",
        "박",
        "최",
        "정",
        "강",
        "조",
        "윤",
        "장",
        "임",
        "한",
        "오",
        "서",
        "신",
        "권",
        "황",
        "안",
        "송",
        "류",
        "유",
        "전",
        "홍",
        "고",
        "문",
        "양",
        "손",
        "배",
        "백",
        "허",
        "남",
        "심",
        "노",
        "하",
        "곽",
        "성",
        "차",
        "주",
        "우",
        "구",
        "민",
        "진",
        "지",
        "엄",
        "채",
        "원",
        "천",
        "방",
        "공",
        "현",
        "함",
        "변",
        "염",
        "여",
        "추",
        "도",
        "소",
        "석",
        "선",
        "설",
        "마",
        "길",
        "연",
        "위",
        "표",
        "명",
        "기",
        "반",
        "라",
        "왕",
        "금",
        "옥",
        "육",
        "인",
        "맹",
        "제",
        "모",
        "탁",
        "국",
        "어",
        "은",
        "편",
        "용",
        "예",
        "경",
        "봉",
        "사",
        "부",
        "황보",
        "남궁",
        "제갈",
        "선우",
        "독고",
        "사공",
        "서문",
    ]
)
TITLES_KO = (
    "국무위원장",
    "대통령",
    "부통령",
    "총리",
    "부총리",
    "장관",
    "차관",
    "위원장",
    "부위원장",
    "의원",
    "대표",
    "원내대표",
    "총장",
    "회장",
    "부회장",
    "사장",
    "대변인",
    "감독",
    "선수",
    "교수",
    "판사",
    "검사",
    "기자",
    "청장",
    "지사",
    "시장",
    "군수",
    "구청장",
    "국왕",
    "여왕",
    "왕세자",
    "주석",
    "총통",
    "사령관",
    "장군",
    "대사",
    "박사",
    "변호사",
    "원장",
    "실장",
    "단장",
    "의장",
    "당선인",
    "당선자",
    "후보",
    "전 대통령",
    "총재",
    "외무장관",
    "국방장관",
    "국무장관",
    "비서실장",
    "수석",
    "상원의원",
    "하원의원",
    "대장",
    "중장",
    "소장",
    "준장",
    "대령",
    "총비서",
    "위원",
    "씨",
    "군",
    "양",
    "옹",
    "여사",
    "작가",
    "배우",
    "가수",
    "대주교",
    "교황",
    "추기경",
    "목사",
    "스님",
    "코치",
    "이사장",
    "CEO",
    "최고경영자",
    "창업자",
    "특사",
    "특별대표",
    "사무총장",
    "총사령관",
)
_TITLE_RE = re.compile(
    r"\s?(?:전\s|前\s?|현\s)?(?:" + "|".join(sorted(map(re.escape, TITLES_KO), key=len, reverse=True)) + r")"
    r"(?=[은는이가의을를과와도에께]|[^\uac00-\ud7a3]|$)"  # 대사 the ambassador, not 대사급 (ambassador-level)
)
ORG_FINALS = (
    "위원회",
    "정보원",
    "정보국",
    "정보총국",
    "총국",
    "사령부",
    "본부",
    "정부",
    "당국",
    "기구",
    "국회",
    "의회",
    "법원",
    "지법",
    "지검",
    "고법",
    "고검",
    "대법원",
    "검찰청",
    "경찰청",
    "경찰서",
    "소방서",
    "대학교",
    "대학",
    "대학원",
    "은행",
    "증권",
    "그룹",
    "전자",
    "자동차",
    "공사",
    "공단",
    "협회",
    "연합",
    "연맹",
    "재단",
    "학교",
    "협의회",
    "노조",
    "조합",
    "연구소",
    "연구원",
    "사무소",
    "대사관",
    "영사관",
    "방송",
    "일보",
    "신문",
    "통신",
    "병원",
    "센터",
    "위원단",
    "군단",
    "사단",
    "여단",
    "연대",
    "대대",
    "함대",
    "부대",
    "특수부대",
    "항공",
    "재판소",
    "감사원",
    "국정원",
    "안보리",
    "이사회",
    "청",
    "처",
    "부",
    "당",
    "원",
    "단",
    "회",
    "사",
    "군",
    "대",
)
# Endings of company, media and team names: evidence only after a proper noun (삼성카드, 청해진해운), since
# common nouns end the same way (신용카드, 대형화재)
NAMED_ORG_FINALS = (
    "건설",
    "해운",
    "유업",
    "제과",
    "식품",
    "제약",
    "화학",
    "물산",
    "중공업",
    "생명",
    "화재",
    "카드",
    "캐피탈",
    "홀딩스",
    "엔터테인먼트",
    "엔터",
    "미디어",
    "뉴스",
    "데일리",
    "투데이",
    "닷컴",
    "테크",
    "소프트",
    "스튜디오",
    "컴퍼니",
    "코리아",
    "실업",
    "산업",
    "상사",
    "마트",
    "호텔",
    "에너지",
    "바이오",
    "모터스",
    "갤럽",
    "리서치",
    "베어스",
    "타이거즈",
    "자이언츠",
    "라이온즈",
    "트윈스",
    "이글스",
    "위즈",
    "다이노스",
    "히어로즈",
    "와이번스",
    "유나이티드",
    "FC",
    "구단",
    "클럽",
)
PLACE_FINALS = (
    "특별시",
    "광역시",
    "자치구",
    "반도",
    "공항",
    "항구",
    "광장",
    "대교",
    "지역",
    "지방",
    "해협",
    "시",
    "도",
    "구",
    "주",
    "성",
    "동",
    "읍",
    "면",
    "리",
    "역",
    "항",
    "섬",
    "강",
    "산",
    "만",
    "해",
    "호",
    "현",
    "州",
    "省",
    "市",
)
# Generic bodies that act as organisations in news ("경찰은 … 밝혔다"), independent of any proper noun.
GENERIC_ORGS = frozenset(
    [
        "경찰",
        "검찰",
        "정부",
        "국회",
        "법원",
        "청와대",
        "대통령실",
        "군당국",
        "소방당국",
        "보건당국",
        "방역당국",
        "검경",
        "여당",
        "야당",
        "정치권",
        "국정원",
        "국방부",
        "외교부",
        "통일부",
        "법무부",
        "대법원",
        "헌법재판소",
        "헌재",
        "합참",
        "합동참모본부",
        "경찰청",
        "검찰청",
        "소방청",
        "국세청",
        "금감원",
        "금융감독원",
        "공정위",
        "한은",
        "한국은행",
        "유엔",
        "안보리",
        "백악관",
        "크렘린",
        "크렘린궁",
        "국무부",
        "펜타곤",
        "의회",
        "내각",
        "해병대",
        "해군",
        "공군",
        "육군",
        "북한군",
        "한국군",
        "미군",
        "러시아군",
        "중국군",
        "일본군",
        "특전사",
        "정보당국",
        "주최측",
        "소방서",
        "교육청",
        "보건소",
        "방통위",
        "선관위",
        "중앙선관위",
        "노동당",
        "인민군",
        "조선인민군",
        "경찰서",
        "지구대",
        "파출소",
        "소방본부",
        "대검찰청",
        "대검",
        "지방법원",
        "지법",
        "지검",
        "고검",
        "고법",
        "군사법원",
        "대표단",
        "사절단",
        "특사단",
    ]
)
_ARMY_CUES = (
    "병력",
    "부대",
    "공격",
    "교전",
    "파병",
    "전투",
    "작전",
    "포격",
    "미사일",
    "훈련",
    "사상자",
    "전사",
    "장병",
    "배치",
    "진격",
    "철수",
    "군사",
    "전선",
    "점령",
    "탈환",
    "드론",
    "포로",
)
_NOUN_TAGS = {"NNP", "NNG", "SL", "SH", "SN", "NR", "XSN", "XPN", "NNB", "W_SERIAL"}
_NAME_TAGS = {"NNP", "SL", "SH"}


def _korean_candidates(text: str, glossary: Glossary, toks: list[Any] | None = None) -> list[_Cand]:
    toks = toks if toks is not None else korean_model().tokenize(text)
    out = _korean_numeric(text)
    bounds = {t.start for t in toks} | {t.start + t.len for t in toks}
    proper_ends = {t.start + t.len for t in toks if t.tag == "NNP"}
    # glossary forms: the strongest evidence for both span and type
    for m in glossary.match_ko(text, compounds=True):
        end, typ = m.end, m.type
        rest = _word_rest(text, end)
        if rest and rest not in PARTICLES:
            ext = _suffix_extension(text, end, rest)
            if ext is None:
                if end in proper_ends and end in bounds and not _names_a_body(rest):
                    out.append(_Cand(m.start, end, typ, 7))  # 한국+시각: Kiwi splits off the name itself
                continue  # the form is only part of an unrelated longer word
            end, typ = end + len(ext[0]), ext[1] or typ
            if ext[1] == "ORG" and m.type == "PLACE" and ext[0] == "군":
                typ = "ORG"
        if (
            typ == "PLACE"
            and end == m.end
            and _PERSONAL_TITLE.match(text, end)
            and not re.search(r"country|city|state|province|region|capital", m.entry.note)
        ):
            typ = "PERSON"  # 한강 작가 is the novelist, not the river; 한국 선수 is a Korean player
        if typ == "PLACE" and end == m.end and _country_acts(text, end, "country" in m.entry.note):
            typ = "ORG"  # 북한 측, a side in a match (한국은 페루에 0-4로, 바르셀로나는 4-3으로): the state or its team
        # a common noun of the glossary (드론, 휴전) yields to a figure or a name that contains it
        common = bool(m.entry.en) and all(f == f.lower() for f in m.entry.en)
        # below a proper noun (2 < 3): "러시아 파병" must not swallow 러시아
        out.append(_Cand(m.start, end, typ, 2 if common else 8))

    for m in _script_mixed_names().finditer(text):
        rest = _word_rest(text, m.end())
        if not rest or rest in PARTICLES:
            typ = known_names()[m.group()]
            out.append(_Cand(m.start(), m.end(), typ, 8 if typ != "OTHER" else 2))  # 채널A, LG전자, 삼성SDI

    words = _eojeols(text, toks)
    for wi, (ws, we, wtoks) in enumerate(words):
        stem = _noun_stem(wtoks)
        if not stem:
            continue
        next_word = words[wi + 1] if wi + 1 < len(words) else None
        names = [t for t in stem if t.tag in _NAME_TAGS]
        s0, e0 = stem[0].start, stem[-1].start + stem[-1].len
        if names:
            first = stem.index(names[0])
            span_s = stem[first].start
            # the proper-noun part plus the nouns that complete it (우크라이나 + 군, 서울 + 시립미술관)
            span_e = e0
            tail = text[names[-1].start + names[-1].len : e0]
            typ_hint = _final_type(text[span_s:span_e]) if tail else None
            if tail and typ_hint is None and not _MODEL_TAIL.fullmatch(tail):
                span_e = names[-1].start + names[-1].len
            after = text[span_e:we]
            name = text[span_s:span_e]
            if re.fullmatch(r"[A-Za-z]", name):
                if re.match(
                    r"(?:\([^)]{0,12}\))?\s?(?:모?씨|[군양](?:[은는이가의을를과와도]|에게|\W|$))",
                    text[span_e:],
                ):
                    out.append(_Cand(span_s, span_e, "PERSON", 3))  # A씨: an unnamed person
                continue
            if name.islower() or name in _NON_ENTITY_ACRONYMS:
                continue  # units (cm, ha) and common acronyms (TV, SNS) name no entity
            local = _LOCAL_TITLE.fullmatch(name)
            if local and local.group(1) in KOREAN_PLACES:
                out.append(_Cand(span_s, span_s + len(local.group(1)), "PLACE", 3, True))  # 평택(시장)
                continue
            whole = _name_cut_short(text, stem, names, first, we, glossary)
            if whole is not None:
                out.append(_Cand(span_s, whole, "PERSON", 3, True))  # 이철/NNP 규/NNG: one name, 이철규
                continue
            typ, sure = _type_korean_name(text, span_s, span_e, after, next_word, glossary, wtoks)
            # a whole name the gazetteer knows weighs as much as a glossary form, so that the longer one wins
            # (샌디에이고 파드리스, the club, over 샌디에이고, the city)
            known = text[span_s:span_e] in known_names()
            out.append(_Cand(span_s, span_e, typ, 8 if known else 3, sure))
        else:
            # common nouns naming a body or a place by their ending (국방부, 기상청, 국가정보원)
            word = text[s0:e0]
            if word in GENERIC_ORGS:
                out.append(_Cand(s0, e0, "ORG", 2))
                continue
            local = _LOCAL_TITLE.fullmatch(word)
            if local and local.group(1) in KOREAN_PLACES:
                out.append(_Cand(s0, s0 + len(local.group(1)), "PLACE", 3, True))  # 경기(도지사)
                continue
            typ = _final_type(word, strict=True)
            if typ and (len(stem) == 1 or not _short_final(word)):
                out.append(_Cand(s0, e0, typ, 2))
            elif _person_shaped(word) and _titled_or_introduced(text, words, wi, stem):
                out.append(
                    _Cand(s0, e0, "PERSON", 2)
                )  # a Korean name Kiwi did not know: 배우 김지수, 양희종 씨
    out.extend(_korean_persons(text, toks))
    out.extend(_syllable_split_names(text, words))
    for m in _COUNTRY_PAIR.finditer(text):
        out.append(_Cand(m.start(), m.end(), "PLACE", 4))
    for m in _COUNTRY_COMPOUND.finditer(text):
        letters = m.group(1)
        if len(set(letters)) == len(letters):
            out.extend(_Cand(m.start(1) + i, m.start(1) + i + 1, "PLACE", 4) for i in range(len(letters)))
    out.extend(_sub_places(text, words, out))
    out.extend(_authorities(text, words))
    _consistent_types(text, out)
    return _merge_korean(text, out)


def _consistent_types(text: str, cands: list[_Cand]) -> None:
    """A name typed on evidence once in a text keeps that type where it appears again without any (삼성 회장
    … 삼성은): a reader expects one name to keep one colour through an article."""
    named = ("PERSON", "ORG", "PLACE")
    sure: dict[str, str] = {}
    for c in cands:
        if c.sure and c.type in named:
            sure.setdefault(text[c.start : c.end], c.type)
    for c in cands:
        if not c.sure and c.type in named and text[c.start : c.end] in sure:
            c.type, c.sure = sure[text[c.start : c.end]], True


_ROLES_BEFORE_NAME = frozenset(
    [
        "배우",
        "가수",
        "감독",
        "선수",
        "작가",
        "개그맨",
        "개그우먼",
        "방송인",
        "코치",
        "의원",
        "기자",
        "교수",
        "변호사",
        "시인",
        "모델",
        "아나운서",
        "회장",
        "대표",
        "씨",
        "군",
        "양",
        "PD",
        "대변인",
        "장관",
        "후보",
        "前",
        "전",
    ]
)


# Syllables that commonly end a Korean given name; a proper noun Kiwi cut one syllable short is completed only
# by one of these (이철+규, 진종+오, 양현+석), never by a suffix like 시, 인 or 역 (서울시, 한국인, 전주역).
_GIVEN_NAME_LAST = frozenset(
    "규오석록훈호민수영현진희준우연경철성재환기범혁욱선미은정숙자순아화태용근섭택열광찬빈윤하주율린나란옥"
    "헌균승상완권명웅탁혜령빈신효결설솔"
)
_PARTICLE_AFTER_NAME = re.compile(r"(?:[은는이가의을를과와도]|에게|에게서|한테|께서|씨|와의|과의|)$")


def _name_cut_short(
    text: str, stem: list[Any], names: list[Any], first: int, we: int, glossary: Glossary
) -> int | None:
    """The end of a three-syllable personal name that Kiwi read as a two-syllable proper noun and a stray
    syllable (이철/NNP 규/NNG, 진종/NNP 오/NR), or None."""
    head = stem[first]
    if first != 0 or head.tag != "NNP" or head.len != 2 or len(stem) < 2:
        return None
    nxt = stem[1]
    if nxt.len != 1 or nxt.tag not in ("NNG", "NR", "NNB", "NNP") or nxt.start != head.start + 2:
        return None
    name = text[head.start : head.start + 3]
    if not _person_shaped(name) or name[-1] not in _GIVEN_NAME_LAST:
        return None
    base = text[head.start : head.start + 2]
    if base in KOREAN_PLACES or base in KNOWN_COMPANIES or glossary.lookup_ko(base) is not None:
        return None
    rest = text[head.start + 3 : we]
    if len(stem) > 2 and stem[2].start < we and stem[2].tag in ("NNG", "NNP"):
        return None  # more nouns follow: a compound, not a name with its particle
    return head.start + 3 if _PARTICLE_AFTER_NAME.match(rest) else None


# A local office written onto its place: 평택시장 (mayor of Pyeongtaek), 경기도지사, 강남구청장
_LOCAL_TITLE = re.compile(
    r"([\uac00-\ud7a3]{1,4}?)(?:시|도|군|구)?(시장|도지사|지사|군수|구청장|시의원|도의원|교육감|경찰서장)$"
)


def _short_final(word: str) -> bool:
    """True when only a one-syllable ending (부, 청, 처) makes the word an institution: then the word must
    be a single dictionary noun (외교부), not a compound like 반정부 or 위안부 that Kiwi splits."""
    if any(word.endswith(f) for f in ORG_FINALS if len(f) > 1):
        return False
    return any(word.endswith(f) for f in "부청처당원단회")


def _titled_or_introduced(
    text: str, words: list[tuple[int, int, list[Any]]], wi: int, stem: list[Any]
) -> bool:
    """A person-shaped word that Kiwi split or took for a common noun is a name when news marks it as one:
    a title or 씨 after it, an occupation before it."""
    if len(stem) == 1 and stem[0].tag == "NNG":
        return False  # a dictionary word (정치권, 이야기)
    _ws, we, _wtoks = words[wi]
    after = text[stem[-1].start + stem[-1].len : we]
    if after.startswith(("씨", "이", "가", "은", "는", "의", "을", "를", "과", "와", "도")) or not after:
        nxt = text[words[wi + 1][0] : words[wi + 1][1]] if wi + 1 < len(words) else ""
        if re.match(r"(?:씨|氏)", after) or (not after and _TITLE_RE.match(" " + nxt)):
            return True
    prev = text[words[wi - 1][0] : words[wi - 1][1]] if wi > 0 else ""
    return prev in _ROLES_BEFORE_NAME


_LONG_FINALS = tuple(
    f for f in ORG_FINALS + NAMED_ORG_FINALS if len(f) >= 2 and f not in ("연합", "지역", "지방")
)


_SCORE = re.compile(
    r"\d+\s?[-:대]\s?\d+(?:로|으로)|꺾고|꺾었|이겼|패했|패하|비겼|무승부|승리|역전승|역전패|결승|득점|실점|동점골|선제골|"
    r"결승골|슈팅|공격권|수비|쿼터|이닝|세트스코어|준결승|[48]강|16강|조별리그"
)


def _country_acts(text: str, end: int, country: bool = True) -> bool:
    """A country that is a party rather than a territory: "북한 측" (the North Korean side), or a national
    team in a match report (a score or a win or loss in the sentence, the country as subject or
    opponent); a city in a match report is its club (바르셀로나는 … 4-3 승리를 거뒀다)."""
    if country and re.match(r"\s측(?:[은는이가의을를과와도에]|$|\W)", text[end:]):
        return True
    # a country may be the opponent "에" (페루에 0-4로 졌다); a city with 에 is where the match was played
    rest = re.match(
        r"(?:은|는|이|가|의|와|과|을|를" + ("|에" if country else "") + r")(?![\uac00-\ud7a3])", text[end:]
    )
    return bool(rest) and bool(_SCORE.search(text))


def _names_a_body(rest: str) -> bool:
    """서울+서부지법, 한국+농어촌공사: the rest of the word ends like an institution, so the place is only
    the first part of that institution's name and must not be marked on its own."""
    core = rest
    for p in sorted(PARTICLES, key=len, reverse=True):
        if p and core.endswith(p) and len(core) > len(p):
            core = core[: -len(p)]
            break
    return len(core) >= 3 and core.endswith(_LONG_FINALS)


def _word_rest(text: str, end: int) -> str:
    j = end
    while j < len(text) and (text[j].isalnum()):
        j += 1
    return text[end:j]


def _suffix_extension(text: str, end: int, rest: str) -> tuple[str, str | None] | None:
    """A known ending right after a glossary form: 우크라이나+군 is the army, 쿠르스크+주 the region."""
    for suf, typ in (
        ("군", "ORG"),
        ("군은", "ORG"),
        ("당국", "ORG"),
        ("정부", "ORG"),
        ("주", "PLACE"),
        ("시", "PLACE"),
        ("성", "PLACE"),
        ("도", "PLACE"),
        ("항", "PLACE"),
        ("공항", "PLACE"),
        ("대사관", "ORG"),
        ("측", None),
        ("산", None),
        ("제", None),
        ("인", None),
        ("계", None),
    ):
        if rest.startswith(suf):
            after = rest[len(suf) :]
            if after == "" or after in _CASE_PARTICLES:
                if typ is None:
                    return ("", None)  # 러시아측, 미국산: keep the form alone
                return (suf if suf != "군은" else "군", typ)
    if rest in PARTICLES or any(rest.startswith(p) and rest[len(p) :] in PARTICLES for p in ("들",)):
        return ("", None)
    return None


# titles only a person bears (unlike 시장, which also follows a city: 서울 시장)
_PERSONAL_TITLE = re.compile(
    r"\s?(?:씨|작가|선수|배우|가수|교수|기자|변호사|박사|여사|감독|코치|시인|화백|명창)(?=[은는이가의을를과와도에]|[^\uac00-\ud7a3]|$)"
)
# nouns of weapons and their carriers: a name beside one is a weapon system
_WEAPON_NOUN = (
    r"(?:미사일|탄도탄|로켓|전차|탱크|드론|무인기|전투기|폭격기|구축함|잠수함|항공모함|방사포|자주포|"
    r"곡사포|장갑차|헬기|수송기|정찰기|위성|발사체|방공체계)"
)
_WEAPON = re.compile(r"[\uac00-\ud7a3]*" + _WEAPON_NOUN + r"(?:[은는이가을를의과와도]|$)")
_WEAPON_BEFORE = re.compile(_WEAPON_NOUN + r"(?:\([A-Z]+\))?\s?['‘\"“]?$")
_CASE_PARTICLES = frozenset(
    [
        "이",
        "가",
        "은",
        "는",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "에게",
        "로",
        "으로",
        "와",
        "과",
        "도",
        "만",
        "까지",
        "부터",
        "보다",
        "처럼",
        "이나",
        "나",
        "이다",
        "에는",
        "에서는",
        "에도",
        "으로는",
        "로는",
        "과의",
        "와의",
        "에서의",
        "이라는",
        "라는",
        "이며",
        "며",
        "이고",
        "고",
        "의해",
        "에선",
    ]
)


_WORD = re.compile(r"[^\s()\[\]{}<>·,'\"‘’“”「」『』《》〈〉…/]+")


def _eojeols(text: str, toks: list[Any]) -> list[tuple[int, int, list[Any]]]:
    """Words with their morphemes; brackets, quotes and the middle dot also end a word, so that the name in
    "형사1부(정호건 부장판사)" or "장하나·양승조" starts a word of its own."""
    out: list[tuple[int, int, list[Any]]] = []
    for m in _WORD.finditer(text):
        out.append((m.start(), m.end(), []))
    i = 0
    for t in toks:
        while i < len(out) and out[i][1] <= t.start:
            i += 1
        if i < len(out) and out[i][0] <= t.start:
            out[i][2].append(t)
    return out


_MODEL_TAIL = re.compile(r"-?\d+[A-Za-z]?(?:형|호|식|기|급)?")


def _noun_stem(wtoks: list[Any]) -> list[Any]:
    """The leading run of nominal morphemes of a word, before its particle or ending."""
    stem: list[Any] = []
    for i, t in enumerate(wtoks):
        nxt = wtoks[i + 1] if i + 1 < len(wtoks) else None
        if (
            t.tag in _NOUN_TAGS
            or (t.tag == "SP" and t.form in ".·" and stem and stem[-1].tag == "SL")
            or (
                # 화성-19형, F-35A: a model number joined by a hyphen
                t.tag == "SO" and t.form == "-" and stem and nxt is not None and nxt.tag == "SN"
            )
        ):
            if stem and stem[-1].start + stem[-1].len != t.start:
                break
            stem.append(t)
        elif not stem and t.tag in ("SSO", "SS", "SO", "SW"):
            continue  # opening quote or bracket
        else:
            break
    while stem and (stem[-1].tag in ("NNB", "SP", "SO")):
        stem.pop()
    return stem


def _final_type(word: str, strict: bool = False) -> str | None:
    """ORG or PLACE from the ending of a noun (외교부, 경기도); `strict` keeps to long, unambiguous ones."""
    if strict and len(word) > 2 and word[0] in "반친비탈범" and _final_type(word[1:], strict=True):
        return None  # 반정부, 친정부: a stance, not a body
    for suf in ORG_FINALS:
        if word.endswith(suf) and len(word) > len(suf):
            if len(suf) == 1 and (strict and (len(word) < 3 or suf in "원단회사군대")):
                continue
            if strict and suf in _NAME_NEEDING_FINALS:
                continue  # 걸그룹, 시내버스 회사: these endings make a body only after a proper noun
            if suf == "군":
                return "ORG" if len(word) >= 3 else None
            return "ORG"
    if strict:
        return None
    if any(word.endswith(f) and len(word) > len(f) for f in NAMED_ORG_FINALS):
        return "ORG"
    for suf in PLACE_FINALS:
        if word.endswith(suf) and len(word) > len(suf) + (1 if len(suf) == 1 else 0):
            if suf in _WEAK_PLACE_FINALS and not _kiwi_knows_proper(word[: -len(suf)]):
                continue  # 라이블리 is no village: a weak ending counts only after a known name
            return "PLACE"
    return None


_NAME_NEEDING_FINALS = frozenset(
    [
        "그룹",
        "전자",
        "자동차",
        "방송",
        "일보",
        "신문",
        "통신",
        "센터",
        "학교",
        "대학",
        "항공",
        "증권",
        "연합",
        "재단",
        "협회",
        "은행",
        "병원",
        "공사",
        "공단",
    ]
)
_WEAK_PLACE_FINALS = frozenset(
    ["동", "읍", "면", "리", "역", "항", "섬", "강", "산", "만", "해", "호", "현", "주"]
)


# 한·미, 북·중: one-syllable country names, written with a middle dot between them
_COUNTRY_PAIR = re.compile(
    r"(?<![\uac00-\ud7a3])[한미중일북러영독프호인](?=·)|(?<=·)[한미중일북러영독프호인](?![\uac00-\ud7a3·]{2})"
)
# 한미 동맹, 한중일 정상회의, 중일 갈등: two or three countries by their syllables, before a word of relations
_COUNTRY_COMPOUND = re.compile(
    r"(?<![\uac00-\ud7a3])(?!북한|남한)([한미중일북러]{2,3})(?=\s?(?:간|관계|양국|동맹|연합|정상|회담|공조|협력|외교|훈련|"
    r"\d국|[3삼]국|FTA|무역|갈등|대화|합의|공동|군사|밀착|조약|교역|경제|국경|국교|관계|밀월))"
)
_ADMIN_FINAL = re.compile(r"[\uac00-\ud7a3]{2,}(?:시|군|구|동|읍|면|리|로|길|성|주|도)$")
_NON_ENTITY_ACRONYMS = frozenset(
    [
        "TV",
        "SNS",
        "CCTV",
        "AI",
        "PC",
        "IT",
        "CEO",
        "CFO",
        "DNA",
        "GDP",
        "MOU",
        "VIP",
        "PD",
        "MC",
        "OST",
        "DJ",
        "PR",
        "UCC",
        "USB",
        "LED",
        "LCD",
        "GPS",
        "SUV",
        "PPT",
        "QR",
        "ID",
        "PIN",
        "OK",
        "NG",
        "ATM",
        "FTA",
        "ICBM",
        "SLBM",
        "IRBM",
        "SRBM",
        "KTX",
        "DMZ",
        "LTE",
        "IPO",
        "ETF",
        "APT",
        "VR",
        "AR",
        "MRI",
        "CT",
        "PCR",
        "HIV",
        "ICT",
        "PCB",
        "TF",
        "CC",
        "OS",
        "HD",
        "UHD",
        "VOD",
        "CPU",
        "GPU",
        "SSD",
        "EV",
        "IoT",
        "NFC",
        "FA",
        "MVP",
        "ERA",
        "PK",
        "OB",
        "CF",
        "MV",
        "SF",
        "VOD",
        "IPTV",
        "OLED",
        "LNG",
        "LPG",
    ]
)


@lru_cache(maxsize=4096)
def _kiwi_knows_proper(word: str) -> bool:
    """Kiwi's own dictionary as a gazetteer: is `word` analysed as one proper noun (서울, 연천)?"""
    toks = korean_model().tokenize(word)
    return len(toks) == 1 and toks[0].tag == "NNP"


@lru_cache(maxsize=4096)
def _kiwi_word(word: str) -> bool:
    """Whether Kiwi reads `word` as one dictionary noun (정의 in 정의당): then an ending after it makes an
    institution, not a given name."""
    toks = korean_model().tokenize(word)
    return len(toks) == 1 and toks[0].tag in ("NNG", "NNP") and len(word) >= 2


def _person_shaped(name: str) -> bool:
    """A Korean personal name: a surname and a one- or two-syllable given name (윤병세, 박지원, 황보승희)."""
    if not re.fullmatch(r"[\uac00-\ud7a3]{2,4}", name):
        return False
    if len(name) == 4:
        return name[:2] in SURNAMES
    return name[0] in SURNAMES and len(name) == 3


# words for the people or parts of a company, club or body: the name before them is that body's
_ROLE_OF_BODY = re.compile(
    r"(?:회장|부회장|사장|대표이사|관계자|측|직원|임원|노조|구단|계열사|본사|주가|매출|영업이익|홍보팀|대변인실)"
    r"(?=[은는이가의을를과와도에]|[^\uac00-\ud7a3]|$)"
)


def _type_korean_name(
    text: str, s: int, e: int, after: str, next_word: Any, glossary: Glossary, wtoks: list[Any]
) -> tuple[str, bool]:
    """The type of a proper-noun span and whether it rests on evidence (False: a guess)."""
    name = text[s:e]
    entry = glossary.lookup_ko(name)
    if entry is not None:
        return entry.type, True
    nxt = text[next_word[0] : next_word[1]] if next_word else ""
    known = known_names().get(name)
    model = re.fullmatch(r"(.+?)[ -]?\d+[A-Za-z]*", name)
    if known is None and model and known_names().get(model.group(1)) == "OTHER":
        return "OTHER", True  # 아이폰6, 갤럭시S7: a model of a known product
    if known == "OTHER":
        # 페이스북에 올린 글: a platform named as the medium; 페이스북 CEO, 페이스북이 인수했다: the company
        if (not after and _ROLE_OF_BODY.match(nxt)) or _company_context(text, e, after, nxt):
            return "ORG", True
        return "OTHER", True
    if known == "PLACE" and _country_acts(text, e, False):
        return "ORG", True  # 바르셀로나는 … 4-3으로 이겼다: the club
    if known is not None and not _person_marked(text, s, e, after, nxt):
        return known, True
    if re.fullmatch(r"[A-Z]{1,3}\d+[A-Z0-9]*", name):
        return "OTHER", False  # H5, H7N9, EQ900: a strain, model or code, no body
    local = _LOCAL_TITLE.match(re.sub(r"[은는이가의을를과와도,]+$", "", nxt))
    titled = (
        not after and (_TITLE_RE.match(" " + nxt) or (local and local.group(1) in KOREAN_PLACES))
    ) or after.startswith(("씨", "대통령", "장관", "총리"))
    ft = _final_type(name)
    if (
        ft
        and _person_shaped(name)
        and not _kiwi_knows_proper(name[:-1])
        and name not in GENERIC_ORGS
        and not _kiwi_word(name[:-1])
        and not name.endswith(_LONG_FINALS)
    ):
        ft = None  # 박지원, 정려원: a name that merely ends like an institution (황보건설 does not)
    if (
        not ft
        and len(name) >= 4
        and name.startswith(("한국", "대한", "코리아"))
        and re.fullmatch(r"[\uac00-\ud7a3]+", name)
    ):
        return "ORG", True  # 한국수력원자력, 대한항공: a national company or body named after the country
    if (
        not after
        and _ROLE_OF_BODY.match(nxt)
        and not _person_shaped(name)
        and not re.fullmatch(r"[A-Z]", name)
    ):
        # 삼성 회장, 코레일 관계자, 다저스 구단: the body whose chairman or staff it is (측, "the side of",
        # is said of people too, so it is only a guess)
        return "ORG", not nxt.startswith("측")
    if (
        ft == "PLACE"
        and _person_shaped(name)
        and name[-1] in _GIVEN_NAME_FINALS
        and name not in KOREAN_PLACES
    ):
        ft = None  # 이재현, 장윤주, 김종호: a person whose given name ends like a county or a state
    if ft == "PLACE" and _foreign_name_ending_like_place(name, s, e, wtoks):
        ft = None  # 무르시, 프라도: a transliterated name whose last syllable happens to be 시 or 도
    if _person_marked(text, s, e, after, nxt):
        return "PERSON", True
    if ft and name[-1] in "시도군" and _acting_government(text, e, after):
        return "ORG", True  # 서울시는 … 밝혔다: the city's government, not the city
    if titled and not ft:
        return "PERSON", True
    if name in KOREAN_PLACES or name in WORLD_PLACES:
        return "PLACE", True
    if name in KNOWN_COMPANIES or (not ft and _affiliation(text, s, e)):
        return "ORG", True
    kind = _classifier_before(text, s)
    if kind and not ft and not _person_shaped(name):
        return kind, True
    if not ft and _vessel_name(name):
        return "EQUIPMENT", True
    if not ft and _place_by_final(name):
        return "PLACE", True
    if name.endswith("군") and len(name) >= 3:
        head = name[:-1]
        he = glossary.lookup_ko(head)
        army_context = any(c in text for c in _ARMY_CUES)
        if he is not None and he.type == "PLACE" and len(head) <= 2 and not army_context:
            return "PLACE", True
        if len(head) == 2 and he is None and not army_context:
            return "PLACE", True  # 연천군, 양평군: a county
        return "ORG", True
    if ft:
        return ft, True
    if after == "에" and nxt.startswith("따르면") and not _person_shaped(name):
        return "ORG", False  # 일간스포츠에 따르면: a source that reports is an outlet or a body
    if not ft and not after and _PLACE_CUE_AFTER.match(nxt) and not _person_shaped(name):
        return "PLACE", True  # 마드리드 교외, 경복궁 인근, 할리우드 배우: where something is or comes from
    if re.match(r"\([\u4e00-\u9fff]+\)(?:시|현|성|주|구|군|진|향)", text[e:]):
        return "PLACE", True  # 민허우(閩侯)현: the county's ending stands after its hanja
    if not _person_shaped(name) and _company_context(text, e, after, nxt):
        return "ORG", False
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9&.\-]*", name):
        return "ORG", False
    if re.search(r"[A-Za-z]", name):
        return "ORG", False
    if _person_shaped(name) and not _kiwi_knows_proper(name[1:]):
        return "PERSON", False
    if after.startswith(("에게", "한테", "께서", "님")):
        return "PERSON", True
    before = text[max(0, s - 12) : s]
    if re.search(r"-?\d+형$", name) or _WEAPON.match(nxt) or _WEAPON_BEFORE.search(before):
        return "EQUIPMENT", True  # 화성-19형, 오레시니크 미사일, 순항미사일 '스톰섀도'
    if nxt.startswith(("측", "관계자")) or (nxt.startswith(("회장", "사장", "대표", "부회장")) and not after):
        return "ORG", False  # 삼성 측, 코레일 관계자, 이건희 삼성 회장
    if not after and (nxt in GENERIC_ORGS or re.sub(r"[은는이가의을를과와도에]$", "", nxt) in GENERIC_ORGS):
        return "PLACE", True  # 연천 경찰서, 쾰른 경찰: the place whose police or court it is
    if after.startswith(("에서", "으로", "로", "에")) and not after.startswith(("로서", "으로서")):
        return "PLACE", False  # a person is reached with 에게, a place or body with 에/에서
    if re.fullmatch(r"[\u4e00-\u9fff]+", name):
        return "PLACE", False
    return _DEFAULT_NAME_TYPE, False


_DEFAULT_NAME_TYPE = "PERSON"


# Cities, counties and districts of South Korea, written without their administrative ending: news drops
# it ("울릉 주민", "원주 별장", "부산에서 거제 방향으로"), and Kiwi tags them as proper nouns like any name.
KOREAN_PLACES = frozenset(
    [
        "경기",
        "강원",
        "충북",
        "충남",
        "전북",
        "전남",
        "경북",
        "경남",
        "충청",
        "전라",
        "경상",
        "영남",
        "호남",
        "수도권",
        "서울",
        "부산",
        "대구",
        "인천",
        "광주",
        "대전",
        "울산",
        "세종",
        "수원",
        "성남",
        "고양",
        "용인",
        "부천",
        "안산",
        "안양",
        "남양주",
        "화성",
        "평택",
        "의정부",
        "시흥",
        "파주",
        "김포",
        "광명",
        "군포",
        "하남",
        "오산",
        "이천",
        "안성",
        "의왕",
        "양주",
        "구리",
        "포천",
        "동두천",
        "과천",
        "여주",
        "가평",
        "양평",
        "연천",
        "춘천",
        "원주",
        "강릉",
        "동해",
        "태백",
        "속초",
        "삼척",
        "홍천",
        "횡성",
        "영월",
        "평창",
        "정선",
        "철원",
        "화천",
        "양구",
        "인제",
        "고성",
        "양양",
        "청주",
        "충주",
        "제천",
        "보은",
        "옥천",
        "영동",
        "증평",
        "진천",
        "괴산",
        "음성",
        "단양",
        "천안",
        "공주",
        "보령",
        "아산",
        "서산",
        "논산",
        "계룡",
        "당진",
        "금산",
        "부여",
        "서천",
        "청양",
        "홍성",
        "예산",
        "태안",
        "전주",
        "군산",
        "익산",
        "정읍",
        "남원",
        "김제",
        "완주",
        "진안",
        "무주",
        "장수",
        "임실",
        "순창",
        "고창",
        "부안",
        "목포",
        "여수",
        "순천",
        "나주",
        "광양",
        "담양",
        "곡성",
        "구례",
        "고흥",
        "보성",
        "화순",
        "장흥",
        "강진",
        "해남",
        "영암",
        "무안",
        "함평",
        "영광",
        "장성",
        "완도",
        "진도",
        "신안",
        "포항",
        "경주",
        "김천",
        "안동",
        "구미",
        "영주",
        "영천",
        "상주",
        "문경",
        "경산",
        "군위",
        "의성",
        "청송",
        "영양",
        "영덕",
        "청도",
        "고령",
        "성주",
        "칠곡",
        "예천",
        "봉화",
        "울진",
        "울릉",
        "창원",
        "진주",
        "통영",
        "사천",
        "김해",
        "밀양",
        "거제",
        "양산",
        "의령",
        "함안",
        "창녕",
        "남해",
        "하동",
        "산청",
        "함양",
        "거창",
        "합천",
        "제주",
        "서귀포",
        "마산",
        "진해",
        "청원",
        "강화",
        "옹진",
        "기장",
        "달성",
        "수성",
        "해운대",
        "종로",
        "용산",
        "마포",
        "서대문",
        "은평",
        "강남",
        "강동",
        "강서",
        "강북",
        "서초",
        "송파",
        "관악",
        "동작",
        "영등포",
        "구로",
        "금천",
        "양천",
        "노원",
        "도봉",
        "성북",
        "성동",
        "광진",
        "동대문",
        "중랑",
        "독도",
        "백령도",
        "연평도",
        "제주도",
        "울릉도",
        "강화도",
        "한라산",
        "지리산",
        "설악산",
        "북한산",
        "남산",
        "한강",
        "낙동강",
        "금강",
        "영산강",
        "임진강",
        "판문점",
        "개성",
        "평양",
        "신의주",
        "원산",
        "함흥",
        "청진",
        "남포",
        "해주",
        "사리원",
        "혜산",
        "나선",
        "풍계리",
        "영변",
        "동창리",
    ]
)
# Cities abroad that the bundled glossary (capitals, countries, regions in the news) leaves out and Korean
# news names often; words that are also common nouns (선전, 세부, 시안, 칸) are left out on purpose
WORLD_PLACES = frozenset(
    [
        "밴쿠버",
        "토론토",
        "몬트리올",
        "멜버른",
        "심천",
        "교토",
        "요코하마",
        "후쿠오카",
        "삿포로",
        "나고야",
        "밀라노",
        "함부르크",
        "리옹",
        "마르세유",
        "맨체스터",
        "뭄바이",
        "할리우드",
        "다낭",
        "발리",
        "베네치아",
        "피렌체",
        "취리히",
        "콜카타",
        "첸나이",
        "벵갈루루",
        "칭다오",
        "청두",
        "항저우",
        "난징",
        "하얼빈",
        "옌지",
    ]
)
# Companies and brands Korean news names bare ("삼성을 꺾고", "애플이 … 조사를"): too well known to be
# written with 전자/그룹, and shaped like any transliterated personal name.
KNOWN_COMPANIES = frozenset(
    [
        "삼성",
        "현대",
        "기아",
        "롯데",
        "한화",
        "포스코",
        "네이버",
        "카카오",
        "쿠팡",
        "신세계",
        "이마트",
        "두산",
        "코레일",
        "한전",
        "대한항공",
        "아시아나",
        "셀트리온",
        "구글",
        "애플",
        "아마존",
        "마이크로소프트",
        "페이스북",
        "메타",
        "테슬라",
        "넷플릭스",
        "인텔",
        "엔비디아",
        "퀄컴",
        "소니",
        "도요타",
        "혼다",
        "닛산",
        "벤츠",
        "폭스바겐",
        "포르셰",
        "아우디",
        "화웨이",
        "샤오미",
        "알리바바",
        "텐센트",
        "바이두",
        "폭스콘",
        "TSMC",
        "보잉",
        "에어버스",
        "록히드마틴",
        "스타벅스",
        "맥도날드",
        "코카콜라",
        "펩시",
        "나이키",
        "아디다스",
        "루이비통",
        "구찌",
        "샤넬",
        "에르메스",
        "이케아",
        "월마트",
        "오라클",
        "IBM",
        "LG",
        "SK",
        "KT",
        "CJ",
        "GS",
        "BMW",
        "HP",
        "다저스",
        "양키스",
        "레드삭스",
        "메츠",
        "컵스",
        "에인절스",
        "레인저스",
        "파드리스",
        "블루제이스",
        "애스트로스",
        "매리너스",
        "토트넘",
        "아스널",
        "맨유",
        "리버풀",
        "맨시티",
        "유벤투스",
        "첼시",
        # broadcasters, agencies and retailers Korean news names bare
        "KBS",
        "MBC",
        "SBS",
        "JTBC",
        "YTN",
        "MBN",
        "tvN",
        "엠넷",
        "채널A",
        "TV조선",
        "연합뉴스",
        "뉴시스",
        "뉴스1",
        "SM",
        "JYP",
        "YG",
        "하이브",
        "넥슨",
        "엔씨소프트",
        "넷마블",
        "현대차",
        "기아차",
        "하이닉스",
        "SK하이닉스",
        "LG전자",
        "홈플러스",
        "롯데마트",
        "다이소",
        "올리브영",
        "유니클로",
        "코스트코",
        "우버",
        "에어비앤비",
        "바이트댄스",
        "오픈AI",
        "스페이스X",
        "GM",
        "포드",
        "르노",
        "BYD",
        "ARM",
        "AMD",
        "ASML",
        "모건스탠리",
        "골드만삭스",
        "JP모건",
        "블룸버그",
        "로이터",
        "AP",
        "AFP",
        "CNN",
        "BBC",
        "NHK",
        "교도통신",
        "신화통신",
        "타스",
    ]
)
# Words of a business after its name: the product, shop or statement of a company, not of a person
_COMPANY_CUE = re.compile(
    r"(?:제품|매장|브랜드|모델|본사|주가|매출|계열사|코리아|신제품|광고|점포|가맹점|공장|임직원|창업주|사옥)"
    r"(?=[은는이가의을를과와도에]|[^\uac00-\ud7a3]|$)"
)
# Predicates only a company or a news outlet takes: "X가 … 출시했다", "X는 … 보도했다"
_COMPANY_VERB = re.compile(r"(?:출시|보도|발매|인수|상장|판매|합병|리콜|론칭|입점)(?:했|하|한다|됐|된|할|에)")
# Endings that make a given name (현, 주, 호 …) and also a place (현 county, 주 state, 호 lake): on a
# surname-led name of three syllables they say nothing about a place
_GIVEN_NAME_FINALS = frozenset("현주호동리해만원")
# Endings of places that almost never end a personal name: a mountain, river, station, palace, pass
_NATURAL_PLACE_FINALS = (
    "산",
    "강",
    "역",
    "궁",
    "령",
    "섬",
    "봉",
    "댐",
    "호수",
    "폭포",
    "계곡",
    "해수욕장",
    "반도",
    "평야",
    "터널",
    "고개",
    "해변",
    "저수지",
)


# words that only stand next to a person: 씨 after the name, an occupation or a role before it
_PERSON_BEFORE = re.compile(
    r"(?:배우|가수|모델|개그맨|개그우먼|방송인|아나운서|감독|선수|작가|시인|화가|기자|변호사|교수|의원|외야수|내야수|"
    r"투수|포수|타자|주자|리포터|MC|코치|후보|대표|회장|사장|장관)\s$"
)


_STAGE_BEFORE = re.compile(
    r"(?<![\uac00-\ud7a3])(?:배우|가수|모델|개그맨|개그우먼|방송인|아나운서|래퍼|걸그룹|보이그룹)\s$"
)


def _person_marked(text: str, s: int, e: int, after: str, nxt: str) -> bool:
    """예원 씨, 배우 주원, 박지원(71): 씨, an occupation before the name, or an age in brackets after it mark
    a person whatever the name's last syllable looks like."""
    if after.startswith(("씨", "에게", "한테", "께서")) or (
        not after and re.match(r"씨(?:[은는이가의을를과와도에]|\W|$)", nxt)
    ):
        return True  # 에게 and 께서 are said of people (and of animals), never of places or bodies
    if re.match(r"\((?:만\s?)?\d{1,3}(?:세)?[)·,]", text[e:]):
        return True
    before = text[max(0, s - 8) : s]
    if _STAGE_BEFORE.search(before) and re.fullmatch(r"[\uac00-\ud7a3]{2,4}", text[s:e]):
        return True  # 배우 주원, 가수 설리: a stage name need not look like a Korean name
    return _person_shaped(text[s:e]) and bool(_PERSON_BEFORE.search(before))


def _foreign_name_ending_like_place(name: str, s: int, e: int, wtoks: list[Any]) -> bool:
    """A name Kiwi reads as one proper noun ending in 시/도/주/성 whose head is no known name (무르시, 프라도)
    is a transliteration, not a city or province: Kiwi splits real ones (쿤산/NNP 시/NNG)."""
    if name[-1] not in "시도주성" or len(name) < 3 or name in KOREAN_PLACES:
        return False
    one = [t for t in wtoks if t.start == s and t.start + t.len == e and t.tag == "NNP"]
    return bool(one) and not _kiwi_knows_proper(name[:-1]) and not _kiwi_word(name[:-1])


_GOVERNMENT_ACTS = re.compile(
    r"(?:밝혔|발표|진행|실시|추진|시행|지원|계획|협조|운영|준비|결정|나섰|조사|점검|요청|공개|지급|마련|설치|"
    r"개최|선정|체결|협약|신고를 받)"
)


def _acting_government(text: str, e: int, after: str) -> bool:
    """A city, province or county that acts — announces, runs, pays — is its administration (서울시는 …
    밝혔다, 양주시와 … 준비한): the subject of a verb of governing."""
    if not after or after[0] not in "은는이가과와":
        return False
    clause = re.split(r"[.!?](?:\s|$)", text[e:], maxsplit=1)[0]
    return bool(_GOVERNMENT_ACTS.search(clause))


# Nouns that introduce a name by saying what it is: "핀테크 기업 아이리스아이디", "캐릭터 제작사 아이코닉스",
# "휴양도시 칸", "미국 중서부 도시 플린트"
_ORG_CLASSIFIER = re.compile(
    r"(?:기업|회사|업체|제작사|소속사|기획사|브랜드|구단|방송사|언론사|매체|통신사|신문사|일간지|출판사|제약사|"
    r"자동차업체|운영사|은행|단체|시민단체|정당|스타트업|플랫폼|그룹|레이블|배급사)\s['‘\"“]?$"
)
_PLACE_CLASSIFIER = re.compile(
    r"(?:도시|마을|지역|섬|항구|국가|나라|휴양지|관광지|지방|마을|해변|산골|국경도시)\s['‘\"“]?$"
)


_PLACE_CUE_AFTER = re.compile(
    r"(?:인근|일대|주민|시민|시내|도심|교외|근교|근처|현지|출신|지역|상공|해역|해상|앞바다|방면|일원|배우|스타)"
    r"(?=[은는이가의을를과와도에]|에서|으로|[^\uac00-\ud7a3]|$)"
)


def _classifier_before(text: str, s: int) -> str | None:
    """ORG or PLACE when the word just before the name says what it is (apposition)."""
    before = text[max(0, s - 12) : s]
    if _ORG_CLASSIFIER.search(before):
        return "ORG"
    if _PLACE_CLASSIFIER.search(before):
        return "PLACE"
    return None


def _place_by_final(name: str) -> bool:
    """팔달산, 상왕십리역, 경복궁, 이화령: a name of three or more syllables with a landscape ending."""
    if not re.fullmatch(r"[\uac00-\ud7a3]{3,}", name):
        return False
    return any(name.endswith(f) and len(name) - len(f) >= 2 for f in _NATURAL_PLACE_FINALS)


def _vessel_name(name: str) -> bool:
    """세월호, 나로호, 천리마호: a ship, rocket or satellite named with 호 — unless the head is a known place
    (충주호 is a lake)."""
    if not re.fullmatch(r"[\uac00-\ud7a3]{2,}호", name) or len(name) < 3:
        return False
    head = name[:-1]
    return head not in KOREAN_PLACES and not _person_shaped(name)


def _affiliation(text: str, s: int, e: int) -> bool:
    """지소연(첼시), 박은선(로시얀카), 홍길동(민주당): a name in brackets right after a person's name is the
    club, party or company they belong to."""
    if s < 2 or text[s - 1] != "(" or text[e : e + 1] != ")":
        return False
    before = text[max(0, s - 6) : s - 1]
    return bool(re.search(r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{2,4}$", before)) and _person_shaped(
        re.search(r"[\uac00-\ud7a3]{2,4}$", before).group()
    )


def _company_context(text: str, e: int, after: str, nxt: str) -> bool:
    """The words around a name say it is a company: its products or shops follow, or it is the subject of
    a verb of trade or reporting ("세븐일레븐이 … 출시했다", "중신넷이 보도했다")."""
    if not after and _COMPANY_CUE.match(nxt):
        return True
    if after in ("이", "가", "은", "는") or after.startswith(("이", "가", "은", "는")) and len(after) == 1:
        clause = re.split(r"[.,!?]\s|[다요]\.|,", text[e:], maxsplit=1)[0]
        return bool(_COMPANY_VERB.search(clause[:60]))
    return False


_BODY_HEADS = ("당국", "대표단", "정부", "경찰", "검찰", "대사관", "총영사관", "당국자들")


def _authorities(text: str, words: list[tuple[int, int, list[Any]]]) -> list[_Cand]:
    """ "군 당국", "보건 당국", "외교 당국": a field and the word for the authorities make one body."""
    out: list[_Cand] = []
    for i in range(1, len(words)):
        ws, _we, wtoks = words[i]
        stem = _noun_stem(wtoks)
        if not stem or text[stem[0].start : stem[-1].start + stem[-1].len] != "당국":
            continue
        ps, pe, ptoks = words[i - 1]
        pstem = _noun_stem(ptoks)
        if pstem and text[pe:ws] == " " and pstem[-1].start + pstem[-1].len == pe and 1 <= pe - ps <= 4:
            out.append(_Cand(ps, stem[-1].start + stem[-1].len, "ORG", 3))
    return out


def _sub_places(text: str, words: list[tuple[int, int, list[Any]]], cands: list[_Cand]) -> list[_Cand]:
    """A district after a place (부산 동래구 온천동): the common-noun look of 온천동 hides that it is a place
    name, but its administrative ending right after a place says so."""
    places = {(c.start, c.end) for c in cands if c.type == "PLACE"}
    place_ends = {e for _, e in places}
    out: list[_Cand] = []
    prev_end = -1
    for ws, we, wtoks in words:
        stem = _noun_stem(wtoks)
        if stem:
            s0, e0 = stem[0].start, stem[-1].start + stem[-1].len
            if (
                s0 == ws
                and (ws - 1 in place_ends or prev_end == ws - 1)
                and text[ws - 1 : ws] == " "
                and len(text[s0:e0]) >= 2
                and _ADMIN_FINAL.fullmatch(text[s0:e0])
            ):
                out.append(_Cand(s0, e0, "PLACE", 2))
                prev_end = e0
                continue
        prev_end = -1
    return out


def _syllable_split_names(text: str, words: list[tuple[int, int, list[Any]]]) -> list[_Cand]:
    """A surname and given name that Kiwi, not knowing the name, cut into one-syllable pieces (양/MM 희/NNG
    종/NNG, 이/MM 수/NNB 민/NNG): ordinary vocabulary almost never falls apart like that."""
    out: list[_Cand] = []
    for ws, we, wtoks in words:
        core: list[Any] = []
        for t in wtoks:
            if t.tag.startswith(("J", "E", "VCP", "S")):
                break
            core.append(t)
        if not core:
            continue
        s0, e0 = core[0].start, core[-1].start + core[-1].len
        name = text[s0:e0]
        if (
            s0 == ws
            and len(core) >= 2
            and _person_shaped(name)
            and len(name) == 3
            and all(
                t.len == 1 and t.tag in ("MM", "NNG", "NNB", "NR", "XSN", "MAG", "NP", "NNP", "IC", "XPN")
                for t in core
            )
        ):
            out.append(_Cand(s0, e0, "PERSON", 2, False))
    return out


def _korean_persons(text: str, toks: list[Any]) -> list[_Cand]:
    """Surname-only references (김모씨, 박씨) and names a title follows (윤병세 외교부 장관)."""
    out: list[_Cand] = []
    for i, t in enumerate(toks):
        if t.tag != "NNP":
            continue
        end = t.start + t.len
        rest = text[end : end + 3]
        if t.form in SURNAMES and (
            rest.startswith(("씨", "모씨", "모(", "모 씨", "모(")) or rest[:1] == "모"
        ):
            out.append(_Cand(t.start, end, "PERSON", 7))
    return out


def _merge_korean(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join names that news writes as one unit across a space: a place and the place or body inside it
    (중국 윈난성, 미국 국무부, 국회 기획재정위원회), and the parts of a foreign name (톰 행크스)."""
    merged: list[_Cand] = []
    for c in _select(text, cands):
        c = _Cand(c.start, c.end, c.type, 9, c.sure)
        if merged and not c.sure and text[merged[-1].end : c.start] == "(" and text[c.end : c.end + 1] == ")":
            c.type, c.sure = merged[-1].type, merged[-1].sure  # 아베 신조(安倍晋三): the same name in hanja
        elif (
            c.start >= 2
            and text[c.start - 1] == "("
            and text[c.end : c.end + 1] == ")"
            and re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&-]*", text[c.start : c.end])
            and "\uac00" <= text[c.start - 2] <= "\ud7a3"
            and not (merged and merged[-1].end == c.start - 1)
            and not c.sure
        ):
            continue  # 자유계약선수(FA), 시리즈4(SERIES 4): the English of a common word, no name
        if merged and text[merged[-1].end : c.start] == " ":
            p = merged[-1]
            new_type = _merged_type(text, p, c)
            if new_type:
                p.end, p.type, p.sure = c.end, new_type, p.sure or c.sure
                continue
        merged.append(c)
    merged = _foreign_full_names(text, merged)
    _coordinated_types(text, merged)
    merged = [
        m
        for m in merged
        if m.sure or m.type not in ("PERSON", "ORG", "PLACE") or not _common_compound(text[m.start : m.end])
    ]
    for m in merged:
        if m.type == "ORG" and _VENUE_AFTER.match(text, m.end):
            m.type, m.sure = "PLACE", True  # 링컨센터에서 열린, 대검찰청 앞: the building, not the body
        if not m.sure and m.type in ("PERSON", "ORG", "PLACE") and _quoted_title(text, m.start, m.end):
            m.type = "OTHER"  # 웹툰 '상상고양이', tvN '꽃보다 할배': the title of a work, not a person
    taken = [(m.start, m.end) for m in merged]
    for m in merged:
        if m.type not in ("PERSON", "ORG", "PLACE", "OTHER"):
            continue
        h = _HEAD.match(text, m.end)
        if h and m.type == "PERSON" and _person_shaped(text[m.start : m.end]):
            continue  # 서장훈 방송: a person's show, not a broadcaster named after him
        if h and not any(a < h.end(1) and m.end < b for a, b in taken):
            # GS 그룹, AFP 통신, 타흐리르 광장: a name and the noun saying what it names, written apart
            m.end = h.end(1)
            m.type = "PLACE" if h.group(1) in _PLACE_HEADS else "ORG"
            m.sure = True
    return merged


@lru_cache(maxsize=8192)
def _alone(word: str) -> tuple[tuple[str, str, bool], ...]:
    """Kiwi's reading of a word on its own, out of the sentence that may have swayed it: (form, tag, whether
    the form is in Kiwi's dictionary rather than guessed)."""
    return tuple((t.form, t.tag, not t.oov) for t in korean_model().tokenize(word))


def _common_compound(word: str) -> bool:
    """A word Kiwi took for a proper noun in its sentence but that is made of ordinary words from its
    dictionary: a common noun of two or more syllables after a common noun, prefix or adverb (재보궐+선거,
    물+대포, 몰래+카메라, 부+보안관). A name with no evidence beyond Kiwi's tag is dropped then; a Korean
    personal name is not tested (이+주형 is a name whatever 주형 means)."""
    if not re.fullmatch(r"[\uac00-\ud7a3]{3,}", word) or _person_shaped(word):
        return False
    if _one_proper_noun_alone(word):
        return False
    for i in range(1, len(word) - 1):
        head, tail = _alone(word[:i]), _alone(word[i:])
        if (
            len(tail) == 1
            and tail[0][1] == "NNG"
            and tail[0][2]
            and len(head) == 1
            and head[0][2]
            and head[0][1] in ("NNG", "XPN", "MAG", "MM")
            and head[0][0] == word[:i]
        ):
            return True
    return False


def _one_proper_noun_alone(word: str) -> bool:
    toks = _alone(word)
    return len(toks) == 1 and toks[0][1] == "NNP" and toks[0][0] == word and word in known_names()


# where something happens or stands: a body named this way is its building or grounds
_VENUE_AFTER = re.compile(
    r"(?:에서\s?(?:열린|열리는|열릴|열렸|개최|진행|치러|거행)|\s(?:앞|인근|근처|주변|일대|뒤편|입구|옆|정문|맞은편)"
    r"(?=[은는이가의을를과와도에]|에서|[^\uac00-\ud7a3]|$))"
)
_OPEN_QUOTES = "'\"‘“「『《〈"
_CLOSE_QUOTES = "'\"’”」』》〉"
# what a quoted title belongs to: the kind of work before it, or what it is part of after it
_WORK_BEFORE = re.compile(
    r"(?:영화|드라마|웹툰|만화|소설|시집|책|저서|노래|곡|신곡|타이틀곡|앨범|음반|싱글|뮤지컬|연극|오페라|프로그램|예능|방송|"
    r"시트콤|애니메이션|게임|작품|캠페인|코너|광고|화보|전시|전시회|공연|콘서트|축제|프로젝트|슬로건|구호|제목|칼럼|"
    r"보고서|법안|작전|훈련)\s?$"
)
_WORK_AFTER = re.compile(
    r"\s?(?:뮤직비디오|방식|어워즈|시즌|편|회|캠페인|광고|화보|OST|티저|촬영장|제작진|출연진|시청률|원작|주제가)"
    r"(?=[은는이가의을를과와도에]|[^\uac00-\ud7a3]|$)"
)


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A name that fills a pair of quotes and is introduced as a work (드라마 '…', '…' 뮤직비디오) or as the
    product of a broadcaster or company named just before it (엠넷 '보이스 키즈') is a title."""
    if (
        start == 0
        or end >= len(text)
        or text[start - 1] not in _OPEN_QUOTES
        or text[end] not in _CLOSE_QUOTES
    ):
        return False
    before = text[max(0, start - 12) : start - 1]
    if _WORK_BEFORE.search(before) or _WORK_AFTER.match(text, end + 1):
        return True
    prev = re.search(r"([^\s'\"‘“]+)\s$", before)
    return bool(prev) and known_names().get(prev.group(1)) == "ORG"


_ORG_HEADS = (
    "그룹",
    "통신",
    "뉴스",
    "방송",
    "신문",
    "일보",
    "병원",
    "대학교",
    "대학",
    "호텔",
    "센터",
    "은행",
    "증권",
    "재단",
    "협회",
    "연구소",
    "경찰서",
    "구단",
    "백화점",
    "칼리지",
    "총영사관",
    "대사관",
    "전자",
    "재판소",
    "위원회",
    "사령부",
)
_PLACE_HEADS = (
    "광장",
    "공항",
    "대교",
    "해수욕장",
    "공원",
    "기지",
    "궁",
    "경기장",
    "스타디움",
    "타워",
    "빌딩",
    "거리",
)
_HEAD = re.compile(
    r" (" + "|".join(sorted(_ORG_HEADS + _PLACE_HEADS, key=len, reverse=True)) + r")"
    r"(?=[은는이가의을를과와도에]|에서|으로|로|[^\uac00-\ud7a3]|$)"
)


# Western given names as Korean news spells them: before another name they begin a full name (지나 데이비스,
# 제임스 코든), which Kiwi may read as a verb (지나) or leave apart from the surname.
FOREIGN_GIVEN_NAMES = frozenset(
    [
        "존",
        "제임스",
        "마이클",
        "데이비드",
        "로버트",
        "윌리엄",
        "리처드",
        "토머스",
        "찰스",
        "조지",
        "조셉",
        "조지프",
        "크리스",
        "크리스토퍼",
        "대니얼",
        "다니엘",
        "매튜",
        "앤드루",
        "앤서니",
        "마크",
        "폴",
        "스티븐",
        "스티브",
        "케빈",
        "브라이언",
        "에릭",
        "제이슨",
        "제프",
        "라이언",
        "저스틴",
        "애런",
        "아론",
        "벤",
        "벤저민",
        "샘",
        "사무엘",
        "잭",
        "조",
        "존슨",
        "닉",
        "니콜라스",
        "피터",
        "필립",
        "톰",
        "팀",
        "빌",
        "밥",
        "해리",
        "헨리",
        "에드워드",
        "앨런",
        "알렉스",
        "알렉산더",
        "빅토르",
        "블라디미르",
        "세르게이",
        "드미트리",
        "이반",
        "안드레이",
        "미하일",
        "일리야",
        "세르히",
        "올렉산드르",
        "볼로디미르",
        "유리",
        "구스타보",
        "카를로스",
        "후안",
        "호세",
        "루이스",
        "페드로",
        "마리아",
        "안토니오",
        "프란치스코",
        "프란시스코",
        "루카",
        "마르코",
        "파울로",
        "장",
        "피에르",
        "프랑수아",
        "앙겔라",
        "안젤라",
        "메리",
        "엘리자베스",
        "제니퍼",
        "제시카",
        "사라",
        "세라",
        "에밀리",
        "케이트",
        "캐서린",
        "앤",
        "앤드리아",
        "린다",
        "수전",
        "낸시",
        "로라",
        "지나",
        "클로이",
        "엠마",
        "에마",
        "올리비아",
        "소피아",
        "샤론",
        "힐러리",
        "미셸",
        "니키",
        "카멀라",
        "도널드",
        "조",
        "마이크",
        "테드",
        "버니",
        "낸시",
        "로이드",
        "토니",
        "이기",
        "리사",
        "레이디",
        "셰릴",
        "안나",
        "나탈리아",
        "율리아",
        "타티야나",
        "제이미",
        "제이크",
        "제니",
        "제시",
        "조던",
        "조쉬",
        "조슈아",
    ]
)


_COORDINATION = re.compile(r"(?:,\s?|·|\s및\s|[와과]\s|\s?/\s?)")


def _coordinated_types(text: str, merged: list[_Cand]) -> None:
    """ "유승민, 주호영, 윤상현 의원", "중앙 티베트, 캄, 암도 지방": names listed together are of one kind, so
    a name typed by a guess takes the type of a listed neighbour typed on evidence."""
    named = ("PERSON", "ORG", "PLACE")
    pairs = list(itertools.pairwise(merged))
    for a, b in pairs + pairs[::-1]:  # forwards, then back, so evidence spreads along the whole list
        if a.type not in named or b.type not in named or a.sure == b.sure:
            continue
        if not _COORDINATION.fullmatch(text[a.end : b.start]):
            continue
        guess, known = (b, a) if a.sure else (a, b)
        guess.type, guess.sure = known.type, True


def _foreign_full_names(text: str, merged: list[_Cand]) -> list[_Cand]:
    """지나 데이비스, 제임스 코든, 구스타보 알베르토 바스케스: a Western given name and the names after it,
    written apart, are one person."""
    out: list[_Cand] = []
    for c in merged:
        if (
            out
            and text[out[-1].end : c.start] == " "
            and out[-1].type == "PERSON"
            and c.type == "PERSON"
            and out[-1].end - out[-1].start >= 2
            and text[out[-1].start : out[-1].end].split()[0] in FOREIGN_GIVEN_NAMES
            and not _person_shaped(text[c.start : c.end])
        ):
            out[-1].end, out[-1].sure = c.end, True
            continue
        out.append(c)
    # a given name Kiwi did not take for a name at all (지나 as the verb 지나다) before a foreign name
    for c in out:
        if c.type not in ("PERSON", "OTHER") or _person_shaped(text[c.start : c.end]):
            continue
        m = re.search(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{1,4}) $", text[max(0, c.start - 6) : c.start])
        # "길을 지나 데이비스가": after an object the word is the verb 지나다, not the given name
        verb = m is not None and re.search(
            r"[을를에]\s$", text[max(0, c.start - len(m.group(1)) - 3) : c.start - len(m.group(1))]
        )
        if (
            m
            and m.group(1) in FOREIGN_GIVEN_NAMES
            and not verb
            and not any(o.end == c.start - 1 for o in out if o is not c)
        ):
            c.start -= len(m.group(1)) + 1
            c.type, c.sure = "PERSON", True
    return out


def _merged_type(text: str, p: _Cand, c: _Cand) -> str | None:
    named = ("PERSON", "ORG", "PLACE")
    if p.type not in named or c.type not in named:
        return None
    if p.type == "PLACE" and p.sure and c.type == "PLACE":
        return "PLACE"
    if (
        p.type in ("PLACE", "ORG")
        and p.sure
        and c.type == "ORG"
        and c.sure
        and (p.type == "PLACE" or _final_type(text[c.start : c.end]) == "ORG")
    ):
        return "ORG"
    if (
        p.type == "PERSON"
        and c.type == "PERSON"
        and not _person_shaped(text[p.start : p.end])
        and (not p.sure or not _person_shaped(text[c.start : c.end]))
    ):
        return "PERSON"  # 앙겔라 메르켈: a foreign given name before the surname
    if (
        not p.sure
        and not c.sure
        and p.type == c.type
        and (not _person_shaped(text[p.start : p.end]) or text[p.start : p.end] in FOREIGN_GIVEN_NAMES)
    ):
        return p.type  # (a Korean full name is complete: 공민지 티저 is a name and a teaser)
    if p.type == "PLACE" and p.sure and not c.sure:
        return "PLACE"
    return None


# --------------------------------------------------------------------------------------------------------
# English

_CONNECTORS = {
    "of",
    "de",
    "du",
    "da",
    "del",
    "della",
    "van",
    "von",
    "der",
    "den",
    "al",
    "bin",
    "la",
    "le",
    "for",
    "the",
    "-",
}
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "to",
        "of",
        "as",
        "but",
        "and",
        "or",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "during",
        "under",
        "over",
        "about",
        "against",
        "between",
        "into",
        "through",
        "until",
        "upon",
        "yet",
        "so",
        "not",
        "no",
        "nor",
        "some",
        "many",
        "most",
        "more",
        "several",
        "all",
        "any",
        "each",
        "every",
        "both",
        "few",
        "other",
        "such",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "why",
        "how",
        "however",
        "meanwhile",
        "also",
        "still",
        "then",
        "thus",
        "though",
        "although",
        "because",
        "despite",
        "according",
        "last",
        "next",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tomorrow",
        "now",
        "once",
        "only",
        "even",
        "officials",
        "official",
        "authorities",
        "analysts",
        "experts",
        "police",
        "troops",
        "soldiers",
        "residents",
        "people",
        "sources",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "instead",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "otherwise",
        "indeed",
        "overall",
        "still",
        "besides",
        "hence",
        "therefore",
        "thereafter",
        "afterwards",
        "elsewhere",
        "together",
        "anyway",
        "perhaps",
        "maybe",
        "beyond",
        "across",
        "along",
        "amid",
        "among",
        "behind",
        "below",
        "beneath",
        "beside",
        "despite",
        "except",
        "inside",
        "near",
        "outside",
        "toward",
        "towards",
        "throughout",
        "unlike",
        "via",
        "within",
        "without",
        "amongst",
    ]
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_RE = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WD = "|".join(_WEEKDAYS)
_EN_DATE = re.compile(
    r"\b(?:(?:"
    + _WD
    + r"),?\s+)?(?:"
    + "|".join(
        [
            _MONTH_RE + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?",
            r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+\d{4})?",
            _MONTH_RE + r"\s+\d{4}",
            r"(?:early|mid|late)-?\s?" + _MONTH_RE,
            r"(?:January|February|March|April|June|July|August|September|October|November|December)",
            r"(?<=\b(?:in|of|by) )May",
            r"(?:" + _WD + r")",
            r"(?:in|since|by|until|of|from)\s+\d{4}(?!\s*(?:troops|soldiers|people|km|tons))",
            r"\d{4}-\d{2}-\d{2}",
        ]
    )
    + r")\b"
)
# "on the 26th": a day of the month, named by its ordinal alone
_EN_DAY_ORDINAL = re.compile(
    r"(?<=\bthe )(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[.,;:)]|$|(?:with|and|of|in|at|to|when|after|before|as|for|but|while|from|amid|that)\b))"
)
_EN_QTY = re.compile(
    r"(?<![\w-])(?:(?:about|around|nearly|almost|some|roughly|approximately|over|more than|at least|up to|fewer than|"
    r"less than)\s+)?"
    r"(?:[$€£₩¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|hundred|bn|m|k)\b)?"
    r"(?:\s?(?:%|percent|per cent|km|kilometers|kilometres|miles|square kilometers|square kilometres|"
    r"sq km|km2|meters|metres|tons|tonnes|kg|troops|soldiers|people|civilians|casualties|won|dollars|"
    r"euros|yen|yuan|rubles|points|years|months|weeks|days|hours|missiles|drones|tanks|shells|rounds|"
    r"aircraft|jets|ships|vessels|units|times|deaths|victims|members|workers|students|villages|"
    r"square miles|barrels|degrees|hectares|percentage points)\b)?"
)
_EN_WORD_QTY = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|"
    r"tens of thousands|a dozen|several thousand|several hundred)\s+(?:of\s+)?(?:troops|soldiers|people|"
    r"civilians|missiles|drones|tanks|ships|times|members|countries|villages|children|workers)\b",
    re.IGNORECASE,
)
ORG_CUES = (
    "Ministry",
    "Agency",
    "Department",
    "Party",
    "Forces",
    "Force",
    "Corporation",
    "Corp",
    "Corp.",
    "Inc",
    "Inc.",
    "Co",
    "Co.",
    "Ltd",
    "Company",
    "Committee",
    "Commission",
    "Council",
    "Bank",
    "University",
    "Institute",
    "Office",
    "Service",
    "Army",
    "Navy",
    "Command",
    "Court",
    "Assembly",
    "Parliament",
    "Congress",
    "Senate",
    "Bureau",
    "Administration",
    "Group",
    "Association",
    "Union",
    "Organization",
    "Organisation",
    "Federation",
    "Authority",
    "Police",
    "Guard",
    "Fund",
    "Board",
    "Times",
    "News",
    "Post",
    "Journal",
    "Press",
    "Reuters",
    "Agency",
    "Directorate",
    "Corps",
    "Brigade",
    "Division",
    "Regiment",
    "Battalion",
    "Staff",
    "Chiefs",
    "Cabinet",
    "Government",
    "Foundation",
    "Center",
    "Centre",
    "Electronics",
    "Motors",
    "Airlines",
    "Energy",
    "Holdings",
    "Systems",
    "Academy",
    "School",
    "College",
    "Alliance",
    "Front",
    "Network",
    "Broadcasting",
    "Kremlin",
    "Pentagon",
    "Secretariat",
    "Prosecutors",
    "Prosecution",
    "Tribunal",
    "Club",
    "FC",
)
PLACE_CUES = (
    "Region",
    "region",
    "Province",
    "province",
    "City",
    "city",
    "River",
    "river",
    "Sea",
    "sea",
    "Oblast",
    "oblast",
    "Island",
    "Islands",
    "Peninsula",
    "Mountain",
    "Mountains",
    "Mount",
    "Lake",
    "Strait",
    "Bay",
    "Gulf",
    "Valley",
    "County",
    "District",
    "State",
    "Street",
    "Square",
    "Airport",
    "Port",
    "Harbor",
    "Harbour",
    "Bridge",
    "Station",
    "Ocean",
    "Coast",
    "Desert",
    "Plateau",
    "Prefecture",
    "Village",
    "Town",
    "Krai",
    "Republic",
    "Kingdom",
)
OTHER_CUES = (
    "Prize",
    "Award",
    "Awards",
    "Cup",
    "Games",
    "Olympics",
    "Festival",
    "War",
    "Treaty",
    "Agreement",
    "Accord",
    "Act",
    "Summit",
    "Forum",
    "Expo",
    "Conference",
    "Convention",
    "Championship",
    "Declaration",
    "Doctrine",
    "Protocol",
    "Initiative",
    "Plan",
    "Operation",
)
EQUIPMENT_CUES = (
    "missile",
    "missiles",
    "tank",
    "tanks",
    "drone",
    "drones",
    "system",
    "systems",
    "rocket",
    "rockets",
    "launcher",
    "launchers",
    "howitzer",
    "howitzers",
    "jet",
    "jets",
    "fighter",
    "fighters",
    "helicopter",
    "helicopters",
    "submarine",
    "warship",
    "destroyer",
    "carrier",
    "aircraft",
    "bomber",
    "bombers",
    "satellite",
    "vehicle",
    "vehicles",
    "artillery",
    "rifle",
)
TITLES_EN = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Minister",
    "Prime",
    "Premier",
    "Chancellor",
    "Secretary",
    "Gen",
    "General",
    "Lt",
    "Col",
    "Colonel",
    "Maj",
    "Major",
    "Sgt",
    "Adm",
    "Admiral",
    "Capt",
    "Captain",
    "Gov",
    "Governor",
    "Sen",
    "Senator",
    "Rep",
    "Representative",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Leader",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Ambassador",
    "Mayor",
    "Judge",
    "Justice",
    "Commander",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Director",
    "Chief",
    "CEO",
    "Lawmaker",
    "Rev",
    "Sir",
    "Lord",
    "Lady",
    "Professor",
    "Prof",
    "Deputy",
    "Vice",
    "Foreign",
    "Defense",
    "Defence",
    "Supreme",
    "Marshal",
    "Emperor",
    "Sheikh",
    "Crown",
    "Novelist",
    "Author",
    "Writer",
    "Poet",
    "Singer",
    "Actor",
    "Actress",
    "Rapper",
    "Artist",
    "Coach",
    "Founder",
    "Envoy",
    "Pastor",
    "Bishop",
    "Cardinal",
    "Ayatollah",
    "Senior",
    "Secretary-General",
    "Director-General",
)
_PERSON_VERBS = re.compile(
    r"^,?\s+(?:said|says|told|added|wrote|noted|stressed|argued|claimed|insisted|warned|urged|announced|"
    r"explained|replied|asked|tweeted|posted|met|visited|vowed|pledged|admitted|denied|stated|called|"
    r"who|himself|herself|,\s+\d{1,3},)\b"
)


def _english_candidates(text: str, glossary: Glossary) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _EN_DATE.finditer(text):
        s = m.start()
        if text[s:].lower().startswith(("in ", "since ", "by ", "until ", "of ", "from ")):
            s = text.index(" ", s) + 1
        out.append(_Cand(s, m.end(), "DATE", 6))
    for m in _EN_QTY.finditer(text):
        grp = m.group()
        if not re.search(r"[a-z%$€£₩¥]", grp.split()[-1] if grp.split() else "") and not re.search(
            r"\d{1,3}(?:,\d{3})+|\d+\s?(?:million|billion|thousand)", grp
        ):
            continue  # a bare number (a year, a count without a unit) is not highlighted
        out.append(_Cand(m.start(), m.end(), "QUANTITY", 5))
    for m in _EN_WORD_QTY.finditer(text):
        out.append(_Cand(m.start(), m.end(), "QUANTITY", 4))
    out.extend(c for c in _quantities(text, "en") if c.type == "QUANTITY")
    for m in _EN_DAY_ORDINAL.finditer(text):
        out.append(_Cand(m.start(), m.end(), "DATE", 6))
    for gm in glossary.match_en(text):
        # a common noun of the glossary ("drones", "ceasefire") yields to a figure that contains it
        common = text[gm.start : gm.end].islower()
        out.append(_Cand(gm.start, gm.end, gm.type, 4 if common else 8))
    starts = _sentence_starts(text)
    persons: set[str] = set()
    typed: list[_Cand] = []
    for s, e, hint in _split_at_titles(text, _capitalised_spans(text), glossary):
        typ, strong = _type_english(text, s, e, glossary)
        if hint == "PERSON" and typ in ("OTHER", "PLACE"):
            typ, strong = "PERSON", True
        elif hint == "LEFT" and typ in ("OTHER", "PERSON"):
            if _is_demonym(text[s:e], glossary):
                continue  # "Spanish" in "Spanish Prime Minister …" names no entity
            typ = "ORG"
        if _is_demonym(text[s:e], glossary):
            army = _ARMY_AFTER.match(text, e)
            if army:  # "North Korean soldiers": a country's army is an organisation
                typed.append(_Cand(s, army.end(), "ORG", 9))
                continue
            if typ == "OTHER" or re.match(r"\s+[a-z]", text[e:]):
                continue
        if (
            typ in ("OTHER", "PERSON")
            and text[s:e] in ("North", "South")
            and text[max(0, s - 4) : s].lower() == "the "
        ):
            typ = "PLACE"  # "the North": English news naming a Korea it has named before
        if typ == "PERSON":
            persons.update(text[s:e].split())
        # a name with its own cue word ("… Prosecutors' Office", "… International Airport") is kept whole
        # even where the glossary knows a shorter name inside it
        typed.append(_Cand(s, e, typ, 9 if strong and " " in text[s:e] else 3))
    for c in typed:
        if c.type == "OTHER" and text[c.start : c.end] in persons:
            c.type = "PERSON"  # a surname met again after the full name
        if c.type == "OTHER" and c.start in starts and _COMMON_ENDING.search(text[c.start : c.end]):
            continue  # "Rebels", "Meanwhile": a sentence opener shaped like an ordinary English word
        out.append(c)
    return out


_ARMY_AFTER = re.compile(r" (?:troops|soldiers|forces|army|military|units|navy|marines|troop)\b")
_COMMON_ENDING = re.compile(
    r"^[A-Z][a-z]+(?:s|ed|ing|ly|tion|ment|ness|ers|ful|less|ous|ive|able|ward|wise)$"
)
_TITLE_WORDS = frozenset(TITLES_EN) - {"Defense", "Defence", "Foreign", "Supreme", "Crown", "Vice", "Deputy"}


def _split_at_titles(
    text: str, spans: list[tuple[int, int]], glossary: Glossary
) -> list[tuple[int, int, str]]:
    """Cut "Bank of Korea Governor Rhee Chang-yong" into the body ("LEFT") and the titled person."""
    out: list[tuple[int, int, str]] = []
    for s, e in spans:
        words = [(m.start() + s, m.end() + s, m.group()) for m in re.finditer(r"\S+", text[s:e])]
        cut = None
        for k in range(1, len(words) - 1):
            w = words[k][2].rstrip(".")
            if w in _TITLE_WORDS or w in ("Secretary-General", "Director-General"):
                last = k
                while last + 1 < len(words) and words[last + 1][2].rstrip(".") in _TITLE_WORDS | {"General"}:
                    last += 1
                if last + 1 < len(words) and words[-1][2] not in ORG_CUES and words[-1][2] not in PLACE_CUES:
                    cut = (k, last)
                break
        if cut is None:
            out.append((s, e, ""))
            continue
        k, last = cut
        out.append((words[0][0], words[k - 1][1], "LEFT"))
        out.append((words[last + 1][0], e, "PERSON"))
    return out


_DEMONYM = re.compile(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+(?:ian|ese|ish|ean|an|ic|i|ch|ese)")


def _is_demonym(name: str, glossary: Glossary) -> bool:
    """ "Russian", "North Korean": an adjective of nationality, unless the glossary knows it as a name."""
    return bool(_DEMONYM.fullmatch(name)) and glossary.lookup_en(name) is None


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"(?:[.!?][\"'”’)]?\s+|\n+\s*|[\"“‘(]\s*)", text):
        starts.add(m.end())
    return starts


def _capitalised_spans(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words (with of/de/the inside), acronyms; a lone sentence-opening word only if it
    does not look like an ordinary word."""
    starts = _sentence_starts(text)
    lowered_words = {w.lower() for w in re.findall(r"\b[a-z][a-z'’\-]+\b", text)}
    toks: list[tuple[int, int, str]] = []
    for m in re.finditer(
        r"(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z0-9][A-Za-z0-9'’]*)*\.?|\d[\d,]*|-", text
    ):
        w = m.group()
        if w[-2:] in ("'s", "’s"):  # China's Commerce Ministry: the possessive ends the name
            toks.append((m.start(), m.end() - 2, w[:-2]))
            toks.append((m.end() - 2, m.end(), w[-2:]))
        else:
            toks.append((m.start(), m.end(), w))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if not _is_name_token(w):
            i += 1
            continue
        j = i
        end = e
        k = i + 1
        while k < len(toks):
            ps, pe, pw = toks[k]
            gap = text[toks[k - 1][1] : ps]
            if gap not in (" ", "-", "") or gap == "" and not pw[0].isalnum():
                break
            if pw.rstrip(".") in _MONTHS and re.match(r"\.?\s*\d", text[pe - (pw[-1] == ".") :]):
                break  # "… Sea on Oct. 31": a date, not more of the name
            if _is_name_token(pw) and not _ends_sentence(toks[k - 1][2], text, toks[k - 1][1]):
                j, end = k, pe
                k += 1
                continue
            run_words = {t[2].rstrip(".") for t in toks[i:k]}
            joins = pw.lower() in _CONNECTORS or (
                pw == "and" and run_words & set(ORG_CUES)
            )  # Ministry of X and Y
            if (
                joins
                and pw.islower()
                and k + 1 < len(toks)
                and _is_name_token(toks[k + 1][2])
                and text[pe : toks[k + 1][0]] == " "
            ):
                k += 1
                continue
            break
        words = [t[2] for t in toks[i : j + 1]]
        word0 = words[0].rstrip(".")
        # strip trailing period of the last token unless it is an abbreviation/initial
        last = toks[j][2]
        if last.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", last):
            end -= 1
        if last.endswith(".") and re.fullmatch(r"[A-Z][a-z]{1,3}\.", last) and last[:-1] not in _ABBREVS:
            end -= 1
        sentence_initial = s in starts
        if (
            sentence_initial
            and len(words) == 1
            and (word0.lower() in _FUNCTION_WORDS or word0.lower() in lowered_words or word0 in TITLES_EN)
        ):
            i = j + 1
            continue
        if sentence_initial and word0.lower() in _FUNCTION_WORDS and len(words) > 1:
            s = toks[i + 1][0]
        if word0 in _MONTHS and len(words) == 1 or word0.rstrip(".") in _WEEKDAYS and len(words) == 1:
            i = j + 1
            continue
        # leading titles are cues, not part of the name: "President Yoon Suk Yeol"
        while True:
            lead = re.match(r"(\S+?)\.? (?:of (?:State|Defense|Defence|Staff) )?(?=\S)", text[s:end])
            if lead and lead.group(1) in TITLES_EN and lead.group(1) not in ("Defense", "Foreign", "Supreme"):
                s += lead.end()
            else:
                break
        spans.append((s, end))
        i = j + 1
    return spans


_ABBREVS = {
    "Gen",
    "Lt",
    "Col",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Jr",
    "Sr",
    "St",
    "Co",
    "Corp",
    "Inc",
    "Ltd",
    "Adm",
    "Sgt",
    "Gov",
    "Sen",
    "Rep",
    "Prof",
    "Rev",
    "Capt",
    "Maj",
    "Mt",
    "Ft",
    "No",
}


def _ends_sentence(word: str, text: str, end: int) -> bool:
    if not word.endswith("."):
        return False
    core = word[:-1]
    return not (core in _ABBREVS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", core) or core in _MONTHS)


def _is_name_token(w: str) -> bool:
    if not w or not w[0].isupper():
        return False
    return bool(
        re.fullmatch(r"(?:[A-Z]\.){1,}|[A-Z][A-Za-z'’]*(?:-[A-Za-z0-9][A-Za-z0-9'’]*)*\.?|[A-Z]+\d*", w)
    )


_ORG_NOUNS = (
    "outlet",
    "agency",
    "company",
    "firm",
    "newspaper",
    "broadcaster",
    "site",
    "website",
    "group",
    "organization",
    "organisation",
    "think tank",
    "institute",
    "party",
    "union",
    "bank",
    "maker",
    "manufacturer",
    "carrier",
    "network",
    "channel",
    "daily",
    "magazine",
    "startup",
    "conglomerate",
)
_PERSON_NOUNS = (
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "leader",
    "official",
    "analyst",
    "professor",
    "researcher",
    "lawmaker",
    "diplomat",
    "general",
    "commander",
    "president",
    "chairman",
    "director",
    "founder",
    "executive",
    "journalist",
    "reporter",
    "activist",
    "actor",
    "singer",
    "writer",
    "novelist",
    "veteran",
    "expert",
    "defector",
    "soldier",
    "envoy",
)
_PLACE_NOUNS = (
    "city",
    "town",
    "village",
    "region",
    "province",
    "district",
    "county",
    "port",
    "island",
    "country",
    "state",
    "capital",
    "area",
)
_APPOSITIVE = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,5}?("
    + "|".join(sorted(_ORG_NOUNS + _PERSON_NOUNS + _PLACE_NOUNS, key=len, reverse=True))
    + r")\b"
)
_KOREAN_SURNAMES_EN = frozenset(
    [
        "Kim",
        "Lee",
        "Park",
        "Choi",
        "Jung",
        "Chung",
        "Kang",
        "Cho",
        "Yoon",
        "Jang",
        "Lim",
        "Han",
        "Shin",
        "Seo",
        "Kwon",
        "Hwang",
        "Ahn",
        "Song",
        "Yoo",
        "Hong",
        "Jeon",
        "Ko",
        "Moon",
        "Yang",
        "Son",
        "Bae",
        "Baek",
        "Heo",
        "Nam",
        "Roh",
        "Ha",
        "Kwak",
        "Sung",
        "Cha",
        "Joo",
        "Woo",
        "Koo",
        "Min",
        "Jin",
        "Rhee",
        "Yi",
        "Oh",
    ]
)


def _type_english(text: str, s: int, e: int, glossary: Glossary) -> tuple[str, bool]:
    name = text[s:e]
    entry = glossary.lookup_en(name)
    if entry is not None:
        return entry.type, True  # the whole run is a glossary name: it beats the shorter names inside
    words = name.split()
    before = text[max(0, s - 30) : s]
    after = text[e : e + 40]
    after_word = re.match(r"\s*([A-Za-z\-]+)", after)
    nxt = after_word.group(1).lower() if after_word else ""
    if any(w.rstrip(".").removesuffix("'") in ORG_CUES for w in words):
        return "ORG", True
    if any(w in PLACE_CUES for w in words[1:]):
        return "PLACE", True
    if any(w in OTHER_CUES for w in words[1:]):
        return "OTHER", True  # Nobel Prize, Asian Games, Korean War: events, awards, treaties
    if nxt in ("founder", "ceo", "chairman", "chairwoman", "shares", "executives", "employees", "subsidiary"):
        return "ORG", False
    m = re.match(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*)*)(?=[,.;:)]|$)", after)
    if m and (ge := glossary.lookup_en(m.group(1).rstrip("."))) is not None and ge.type == "PLACE":
        return "PLACE", False  # Auckland, New Zealand
    if any(w in PLACE_CUES for w in words) or nxt in (
        "region",
        "province",
        "city",
        "oblast",
        "river",
        "sea",
        "peninsula",
        "island",
        "county",
        "district",
        "state",
    ):
        return "PLACE", False
    if nxt in EQUIPMENT_CUES or re.search(r"\d", name) and re.search(r"[A-Z]", name):
        return "EQUIPMENT", False
    prev_word = re.search(r"([A-Za-z]+)\.?[ \t]*$", before)  # within the sentence: not across a full stop
    pw = prev_word.group(1) if prev_word and not re.search(r"[.!?][\"'”’)]?\s*$", before) else ""
    if pw in TITLES_EN or pw.lower() in (
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "leader",
        "chairman",
        "secretary",
        "envoy",
        "lawmaker",
        "ambassador",
        "commander",
        "officer",
        "analyst",
        "professor",
        "director",
        "premier",
        "chancellor",
        "general",
        "admiral",
        "mr",
        "ms",
        "mrs",
    ):
        return "PERSON", False
    if _PERSON_VERBS.match(after):
        return "PERSON", False
    appos = _APPOSITIVE.match(text, e, min(len(text), e + 90))
    if appos:  # "Agentstvo, an independent Russian outlet": the description says what the name is
        head = appos.group(1).lower()
        return ("PERSON" if head in _PERSON_NOUNS else "PLACE" if head in _PLACE_NOUNS else "ORG"), False
    if re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,}s?", name):
        return "ORG", False
    if name in _KOREAN_SURNAMES_EN:
        return "PERSON", False  # Kim, Lee, Park: a Korean named by the surname
    if (
        pw.lower()
        in (
            "in",
            "at",
            "near",
            "from",
            "across",
            "into",
            "to",
            "toward",
            "towards",
            "outside",
            "inside",
            "around",
            "of",
        )
        and len(words) <= 3
    ):
        # a place by its preposition, unless a glossary org part says otherwise
        for w in words:
            ent = glossary.lookup_en(w)
            if ent is not None and ent.type in ("ORG", "PERSON"):
                return ent.type, False
        return "PLACE", False
    if len(words) in (2, 3, 4) and all(re.fullmatch(r"[A-Z][a-z'’]+(?:-[a-z]+)?|[A-Z]\.", w) for w in words):
        parts = [glossary.lookup_en(w) for w in words]
        if not any(p is not None and p.type in ("PLACE", "ORG") for p in parts):
            return "PERSON", False
    for w in words:
        ent = glossary.lookup_en(w)
        if ent is not None:
            return ("ORG" if ent.type == "PLACE" and len(words) > 1 else ent.type), False
    return "OTHER", False
