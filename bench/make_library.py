"""Write a library of N synthetic bilingual articles, fast, for measuring the app at scale.

    python bench/make_library.py 100000 --db big.db [--seed 1] [--starred 0.02] [--read 0.3]

Each article is ~1,500 Korean and ~2,500 English characters of sentence pairs built from templates with
names, places, bodies and numbers drawn with a long-tailed (Zipf-like) frequency, so that search terms are
spread the way news vocabulary is: a few very common words, many rare names. Its mentions (highlighted
names, dates, quantities) are the filled slots and a few marked template words, most linked to their
counterpart across the languages: about 150 an article, 5.7 an aligned row and 80% linked (the bundled
library, analysed for real: 91 an article of fewer characters, 7.1 a row, 77% linked). Nothing is
analysed (no Kiwi, no aligner): articles, sentences, one-to-one segments and mentions are written with
executemany in large transactions, and the full-text index is filled batch by batch and merged at the end, with the text
split in Python exactly as `reader.store.search` indexes it.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import sys
import time
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from reader.store import NewArticle, Store, hangul_terms
from reader.store.mention_pack import pack_mentions
from reader.store.search import index_columns
from reader.store.spans import pack

# fmt: off
SURNAMES = [("김", "Kim"), ("이", "Lee"), ("박", "Park"), ("최", "Choi"), ("정", "Jung"), ("강", "Kang"),
            ("조", "Cho"), ("윤", "Yoon"), ("장", "Jang"), ("임", "Lim"), ("한", "Han"), ("오", "Oh")]
GIVEN = [("민", "min"), ("준", "jun"), ("서", "seo"), ("현", "hyun"), ("지", "ji"), ("우", "woo"),
         ("영", "young"), ("수", "soo"), ("호", "ho"), ("진", "jin"), ("성", "sung"), ("혜", "hye"),
         ("은", "eun"), ("재", "jae"), ("동", "dong"), ("상", "sang"), ("태", "tae"), ("경", "kyung"),
         ("희", "hee"), ("석", "seok"), ("철", "chul"), ("용", "yong"), ("규", "kyu"), ("윤", "yun")]
PLACES = [("서울", "Seoul"), ("평양", "Pyongyang"), ("부산", "Busan"), ("워싱턴", "Washington"),
          ("베이징", "Beijing"), ("도쿄", "Tokyo"), ("모스크바", "Moscow"), ("쿠르스크", "Kursk"),
          ("키이우", "Kyiv"), ("인천", "Incheon"), ("개성", "Kaesong"), ("판문점", "Panmunjom"),
          ("제주", "Jeju"), ("대구", "Daegu"), ("광주", "Gwangju"), ("울산", "Ulsan"), ("브뤼셀", "Brussels"),
          ("제네바", "Geneva"), ("하노이", "Hanoi"), ("싱가포르", "Singapore"), ("뉴욕", "New York"),
          ("런던", "London"), ("파리", "Paris"), ("베를린", "Berlin"), ("세종", "Sejong")]
ORGS = [("국방부", "the Defence Ministry"), ("통일부", "the Unification Ministry"), ("외교부", "the Foreign Ministry"),
        ("합동참모본부", "the Joint Chiefs of Staff"), ("국가정보원", "the National Intelligence Service"),
        ("한국은행", "the Bank of Korea"), ("기획재정부", "the Finance Ministry"), ("유엔", "the United Nations"),
        ("국회", "the National Assembly"), ("대법원", "the Supreme Court"), ("검찰", "prosecutors"),
        ("경찰청", "the National Police Agency"), ("산업통상자원부", "the Trade Ministry"),
        ("금융위원회", "the Financial Services Commission"), ("조선중앙통신", "the Korean Central News Agency"),
        ("백악관", "the White House"), ("국제원자력기구", "the International Atomic Energy Agency"),
        ("삼성전자", "Samsung Electronics"), ("현대자동차", "Hyundai Motor"), ("질병관리청", "the disease agency")]
TOPICS = [("북한군", "North Korean troops"), ("미사일", "missile"), ("금리", "interest rates"),
          ("환율", "the exchange rate"), ("반도체", "semiconductors"), ("수출", "exports"), ("파병", "the deployment"),
          ("제재", "sanctions"), ("선거", "the election"), ("예산", "the budget"), ("물가", "consumer prices"),
          ("부동산", "property prices"), ("태풍", "the typhoon"), ("지진", "the earthquake"),
          ("인공지능", "artificial intelligence"), ("저출산", "the low birth rate"), ("의대 증원", "the medical school quota"),
          ("탄핵", "the impeachment"), ("관세", "tariffs"), ("정상회담", "the summit"), ("군사훈련", "military drills"),
          ("위성", "the satellite"), ("원전", "nuclear power plants"), ("전기차", "electric vehicles"),
          ("고용", "employment"), ("무역수지", "the trade balance"), ("병력", "troop numbers"), ("국경", "the border"),
          ("사이버 공격", "cyberattacks"), ("난민", "refugees")]
SOURCES = ["Yonhap", "KBS", "Korea Herald", "Hankyoreh", "JoongAng", "Chosun Ilbo", "Kyunghyang", "MBC",
           "SBS", "Korea Times", "NK News", "Dong-A Ilbo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# fmt: on


def batchim(word: str) -> bool:
    """Whether the last Hangul syllable ends in a consonant: which form a particle takes."""
    last = word[-1]
    return "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0


def josa(word: str, with_final: str, without: str) -> str:
    return word + (with_final if batchim(word) else without)


# (Korean, English) sentence templates. {p} person, {o} body, {l} place, {t} topic, {n} number, {m} month.
TEMPLATES = [
    (
        "{o_eun} {m}월 {d}일 {l}에서 {t}에 관한 긴급 회의를 열고 향후 대응 방안을 심도 있게 논의했다고 밝혔다.",
        "{O} said it held an emergency meeting in {L} on {M} {d} to discuss its response to {T}.",
    ),
    (
        '{p} 대변인은 이날 정례 기자회견에서 "{t_eun} 지금 우리가 풀어야 할 가장 시급한 과제"라고 강조했다.',
        'Spokesperson {P} told a regular briefing that {T} was "the most urgent task".',
    ),
    (
        "{l} 현지 소식통들에 따르면 지난 {n}일 동안 {t} 관련 움직임이 눈에 띄게 늘어난 것으로 전해졌다.",
        "According to local sources in {L}, activity related to {T} has risen sharply over the past {n} days.",
    ),
    (
        "국내외 전문가들은 {t_i} 올해 하반기 우리 경제에 미칠 영향이 최대 {pct}%에 이를 수 있다고 분석했다.",
        "Experts said the effect of {T} on the economy could reach {pct} percent.",
    ),
    (
        "{o_neun} {t_eul} 둘러싼 사회적 논란이 갈수록 커지자 {n}쪽 분량의 상세한 보고서를 공개했다.",
        "As the row over {T} kept growing, {O} published a detailed report of {n} pages.",
    ),
    (
        "{p} 장관은 {l}을 직접 방문해 {t} 문제에 대해 상대국 고위 당국자들과 폭넓게 의견을 나눴다.",
        "Minister {P} visited {L} and held talks on {T} with senior officials there.",
    ),
    (
        "이번 조치로 전국적으로 약 {n}만 명이 직간접적인 영향을 받을 것으로 예상되며, 정부는 추가 지원책을 검토하고 있다.",
        "Some {n}0,000 people are expected to be affected, and the government is weighing further support.",
    ),
    (
        "{o}에 따르면 내년도 {t} 관련 예산은 전년 대비 {pct}% 늘어난 {n}조 원 규모로 책정됐다.",
        "According to {Om}, next year's budget for {T} was set at {n} trillion won, up {pct} percent.",
    ),
    (
        '{p} 교수는 "{t_eun} 결코 단기간에 해결될 수 있는 문제가 아니다"라며 장기적이고 체계적인 접근을 주문했다.',
        'Professor {P} said {T} "is not a problem that can be solved in a short time".',
    ),
    (
        "{l}에서는 주말 동안 {t_e} 반대하는 시민 {n}천여 명이 도심 광장에 모여 대규모 집회를 열었다.",
        "Over the weekend about {n},000 citizens rallied in {L} against {T}.",
    ),
    (
        "{o_neun} 다음 달 {d}일까지 {t}에 대한 최종 결론을 내리고 그 결과를 공식 발표할 계획이라고 덧붙였다.",
        "{O} added that it plans to reach a final decision on {T} by the {d}th of next month.",
    ),
    (
        "한편 {l} 주재 대사관은 현지에 체류 중인 자국민에게 신변 안전에 각별히 유의하라는 공지를 냈다.",
        "The embassy in {L} urged its nationals to take particular care of their safety.",
    ),
    (
        "{p} 의원은 국회 본회의 대정부 질문에서 {t} 문제를 집중적으로 질의하며 정부의 책임을 강하게 물었다.",
        "Lawmaker {P} pressed the government on {T} in parliament.",
    ),
    (
        "통계청 자료를 보면 지난해 같은 기간과 비교해 {t} 관련 주요 지표는 {pct}% 하락한 수준에 머물렀다.",
        "Statistics show the main indicators on {T} stayed {pct} percent lower than in the same period last year.",
    ),
    (
        '{o}의 한 고위 관계자는 익명을 전제로 "{l}의 현재 상황이 당초 예상보다 훨씬 심각하다"고 말했다.',
        'A senior official at {Om} said the situation in {L} was "far worse than expected".',
    ),
    (
        "이 같은 결정은 지난 {m}월 초 {l}에서 열린 고위급 협의의 후속 조치 성격으로 풀이된다.",
        "The decision is seen as a follow-up to the talks held in {L} in early {M}.",
    ),
    (
        '{p} 씨는 "이 일을 {n}년 동안 해 왔지만 이런 일은 처음 본다"며 당혹스러움을 감추지 못했다.',
        '"I have done this work for {n} years and never seen anything like it," said {P}.',
    ),
    (
        "주식 시장에서는 {t}에 대한 우려가 빠르게 커지면서 관련 종목의 주가가 하루 만에 {pct}% 넘게 떨어졌다.",
        "On the stock market, shares of related companies fell more than {pct} percent as worries over {T} grew.",
    ),
    (
        "{o_neun} 이번 사안의 진상을 규명하기 위해 {n}명 규모의 특별 조사단을 꾸렸다고 공식 발표했다.",
        "{O} announced that it had set up a special team of {n} investigators.",
    ),
    (
        "주요 외신들은 {l}발 기사에서 {t} 문제가 동북아 지역 정세의 새로운 변수로 떠올랐다고 일제히 보도했다.",
        "Foreign media reporting from {L} described {T} as a new variable in Northeast Asia.",
    ),
    (
        "{p} 연구원은 최근 발간한 보고서에서 {t}에 따른 경제적 손실 규모를 최대 {n}억 달러로 추산했다.",
        "In a report, researcher {P} put the losses from {T} at up to {n}00 million dollars.",
    ),
    (
        '정부의 한 고위 관계자는 "현재 {o}와 긴밀하게 협의하고 있다"며 끝까지 신중한 태도를 보였다.',
        'A senior government official said "we are in close consultation with {Om}".',
    ),
]
TITLES = [
    ("{l} {t} 논란 확산", "Controversy over {T} spreads in {L}"),
    ("{o}, {t} 대책 발표", "{O} announces measures on {T}"),
    ('{p} "{t}, 시간이 걸릴 것"', "{P}: {T} will take time"),
    ("{t} 관련 지표 {pct}% 하락", "Indicators on {T} fall {pct} percent"),
    ("{l}서 {t} 회의 개최", "Meeting on {T} held in {L}"),
]


#: What kind of mention each template slot is, its counterpart's kind across the languages, and how the
#: analysis links such a pair. A slot with a particle (o_eun) is the name without it.
SLOT_KIND = {"p": "PERSON", "P": "PERSON", "l": "PLACE", "L": "PLACE", "o": "ORG", "O": "ORG", "Om": "ORG",
             "t": "OTHER", "T": "OTHER", "n": "QUANTITY", "pct": "QUANTITY", "d": "DATE", "m": "DATE",
             "M": "DATE"}  # fmt: skip
HOW = {"PERSON": "transliteration", "PLACE": "glossary", "ORG": "glossary", "OTHER": "glossary",
       "QUANTITY": "number", "DATE": "date"}  # fmt: skip
#: Mentions per aligned row in the bundled library (638 over 90 rows) and the share of them linked.
MENTIONS_PER_ROW = 7.1
LINKED = 0.77
#: The chance that a slot with a counterpart of its kind on the other side is linked to it (tuned so that
#: about LINKED of the mentions written are linked).
LINK_CHANCE = 0.9
#: Words of the templates themselves that an analysis also marks (bodies, regions, units, times), found in
#: each filled sentence beside its slots.
MARKED = {"ko": [("ORG", "정부"), ("ORG", "국회"), ("ORG", "통계청"), ("ORG", "대사관"), ("PLACE", "동북아"),
                 ("ORG", "외신"), ("QUANTITY", "조 원"), ("QUANTITY", "억 달러"), ("DATE", "지난해"),
                 ("DATE", "내년"), ("DATE", "다음 달"), ("DATE", "하반기"), ("DATE", "주말"), ("OTHER", "기자회견"),
                 ("QUANTITY", "만 명"), ("QUANTITY", "천여 명"), ("OTHER", "보고서"), ("DATE", "올해"),
                 ("ORG", "특별 조사단"), ("OTHER", "본회의")],
          "en": [("ORG", "government"), ("ORG", "parliament"), ("ORG", "Statistics"), ("ORG", "embassy"),
                 ("PLACE", "Northeast Asia"), ("ORG", "Foreign media"), ("QUANTITY", "trillion won"),
                 ("QUANTITY", "million dollars"), ("DATE", "last year"), ("DATE", "next year"),
                 ("DATE", "next month"), ("DATE", "weekend"), ("OTHER", "briefing"), ("QUANTITY", ",000 people"),
                 ("QUANTITY", ",000 citizens"), ("OTHER", "report"), ("ORG", "special team"),
                 ("DATE", "this year")]}  # fmt: skip
_FIELD = re.compile(r"\{(\w+)\}")

#: A mention as make_library writes it: (side, start, end, type, partner index on the other side or -1,
#: how, guess).
SynthMention = tuple[str, int, int, str, int, str | None, bool]


def fill_in(template: str, values: dict[str, str], lang: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The template with its slots filled, and each slot's (kind, start, end) in the result, with the
    template's own marked words, in text order."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    length = last = 0
    for match in _FIELD.finditer(template):
        out.append(template[last : match.start()])
        length += match.start() - last
        name = match.group(1)
        value = values[name]
        base = name.split("_")[0]
        if base in SLOT_KIND:
            # a slot with a particle: the mention is the bare name (values[base] without the josa)
            size = len(values[base]) if base != name else len(value)
            spans.append((SLOT_KIND[base], length, length + size))
        out.append(value)
        length += len(value)
        last = match.end()
    out.append(template[last:])
    text = "".join(out)
    for kind, word in MARKED[lang]:
        at = text.find(word)
        if at >= 0 and not any(start < at + len(word) and at < end for _, start, end in spans):
            spans.append((kind, at, at + len(word)))
    return text, sorted(spans, key=lambda s: s[1])


def pair_mentions(
    rng: random.Random,
    ko: list[tuple[str, int, int]],
    en: list[tuple[str, int, int]],
    at: tuple[int, int, int, int],
) -> tuple[list[SynthMention], list[SynthMention]]:
    """One row's mentions on each side: slots of one kind paired in order and most pairs linked, some
    slots left out so that the density is that of real analysed news.

    `at` is (Korean offset, English offset, Korean mentions so far, English mentions so far): spans and
    partner indices come out article-wide.
    """
    ko_at, en_at, ko_before, en_before = at
    keep = min(1.0, MENTIONS_PER_ROW / max(1, len(ko) + len(en)))
    kept_ko = [m for m in ko if rng.random() < keep]
    kept_en = [m for m in en if rng.random() < keep]
    free = list(range(len(kept_en)))
    partner_of: dict[int, int] = {}
    for i, (kind, _, _) in enumerate(kept_ko):
        j = next((j for j in free if kept_en[j][0] == kind), None)
        if j is not None and rng.random() < LINK_CHANCE:
            free.remove(j)
            partner_of[i] = j
    back = {j: i for i, j in partner_of.items()}
    guessed = {i for i in partner_of if kept_ko[i][0] == "PLACE" and rng.random() < 0.08}
    ko_out = [("ko", ko_at + start, ko_at + end, kind, en_before + partner_of[i] if i in partner_of else -1,
               HOW[kind] if i in partner_of else None, i in guessed)
              for i, (kind, start, end) in enumerate(kept_ko)]  # fmt: skip
    en_out = [("en", en_at + start, en_at + end, kind, ko_before + back[j] if j in back else -1,
               HOW[kind] if j in back else None, back.get(j) in guessed)
              for j, (kind, start, end) in enumerate(kept_en)]  # fmt: skip
    return ko_out, en_out


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights 1/rank^s, for drawing with `pick`."""
    total, cumulative = 0.0, []
    for rank in range(n):
        total += 1 / (rank + 1) ** s
        cumulative.append(total)
    return cumulative


def pick(rng: random.Random, items: list, cumulative: list[float]):
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


class Fill:
    """Draws slot fillers with long-tailed frequencies (a few common, many rare).

    The vocabulary's ranks depend on `seed` only, so every batch (and every worker) agrees on which names
    are common; the draws come from `rng`.
    """

    def __init__(self, seed: int, rng: random.Random) -> None:
        self.rng = rng
        self.people = [(s + g1 + g2, f"{se} {r1.capitalize()}-{r2}") for s, se in SURNAMES
                       for g1, r1 in GIVEN for g2, r2 in GIVEN]  # fmt: skip
        random.Random(seed).shuffle(self.people)
        self.w_people = zipf_weights(len(self.people), 0.8)
        self.w_places = zipf_weights(len(PLACES))
        self.w_orgs = zipf_weights(len(ORGS))
        self.w_topics = zipf_weights(len(TOPICS), 0.9)

    def topic(self) -> tuple[str, str]:
        return pick(self.rng, TOPICS, self.w_topics)

    def slots(self, topic: tuple[str, str]) -> dict[str, str]:
        rng = self.rng
        person = pick(rng, self.people, self.w_people)
        place = pick(rng, PLACES, self.w_places)
        org = pick(rng, ORGS, self.w_orgs)
        # Most sentences of an article are about its topic; some mention another.
        t = topic if rng.random() < 0.7 else self.topic()
        month = rng.randrange(12)
        o_en = org[1]
        return {
            "p": person[0], "P": person[1], "l": place[0], "L": place[1], "o": org[0],
            "O": o_en[0].upper() + o_en[1:], "Om": o_en, "t": t[0], "T": t[1],
            "o_eun": josa(org[0], "은", "는"), "o_neun": josa(org[0], "은", "는"),
            "t_eun": josa(t[0], "은", "는"), "t_i": josa(t[0], "이", "가"), "t_eul": josa(t[0], "을", "를"),
            "t_e": josa(t[0], "을", "를"),
            "n": str(rng.choice((2, 3, 5, 7, 10, 12, 15, 20, 24, 30, 45, 60, 100, 150, 300, 1200))),
            "pct": f"{rng.randrange(1, 40)}.{rng.randrange(10)}", "d": str(rng.randrange(1, 29)),
            "m": str(month + 1), "M": MONTHS[month],
        }  # fmt: skip


@dataclass
class Generated:
    article: NewArticle
    pairs: list[tuple[int, int, int, int, int]]  # (paragraph, ko_start, ko_end, en_start, en_end)
    mentions: list[SynthMention]  # the Korean side's, then the English side's, each in text order


def generate(
    rng: random.Random, fill: Fill, day: date, source: str, ko_target: int = 1500, story: str = ""
) -> Generated:
    """One article of about `ko_target` Korean characters, sentences grouped in paragraphs of 2-4.

    A byline with the story number closes it, so no two articles of a library have the same text.
    """
    topic = fill.topic()
    target = int(rng.gauss(ko_target, ko_target * 0.12))
    ko_parts: list[str] = []
    en_parts: list[str] = []
    pairs = []
    ko_mentions: list[SynthMention] = []
    en_mentions: list[SynthMention] = []
    ko_len = en_len = 0
    paragraph, left_in_paragraph = 0, rng.randint(2, 4)
    while ko_len < target:
        ko_t, en_t = rng.choice(TEMPLATES)
        values = fill.slots(topic)
        (ko, ko_slots), (en, en_slots) = fill_in(ko_t, values, "ko"), fill_in(en_t, values, "en")
        if pairs:
            sep = " " if left_in_paragraph else "\n\n"
            if not left_in_paragraph:
                paragraph, left_in_paragraph = paragraph + 1, rng.randint(2, 4)
            ko_parts.append(sep)
            en_parts.append(sep)
            ko_len += len(sep)
            en_len += len(sep)
        pairs.append((paragraph, ko_len, ko_len + len(ko), en_len, en_len + len(en)))
        row_ko, row_en = pair_mentions(
            rng, ko_slots, en_slots, (ko_len, en_len, len(ko_mentions), len(en_mentions))
        )
        ko_mentions += row_ko
        en_mentions += row_en
        ko_parts.append(ko)
        en_parts.append(en)
        ko_len += len(ko)
        en_len += len(en)
        left_in_paragraph -= 1
    values = fill.slots(topic)
    ko, en = f"{values['p']} 기자 (기사 {story})", f"Reporting by {values['P']} (story {story})"
    pairs.append((paragraph + 1, ko_len + 2, ko_len + 2 + len(ko), en_len + 2, en_len + 2 + len(en)))
    byline = (
        ("PERSON", 0, len(values["p"])),
        ("PERSON", len("Reporting by "), len("Reporting by ") + len(values["P"])),
    )
    row_ko, row_en = pair_mentions(
        rng, [byline[0]], [byline[1]], (ko_len + 2, en_len + 2, len(ko_mentions), len(en_mentions))
    )
    ko_mentions += row_ko
    en_mentions += row_en
    ko_parts += ["\n\n", ko]
    en_parts += ["\n\n", en]
    title_ko, title_en = rng.choice(TITLES)
    article = NewArticle(
        ko="".join(ko_parts), en="".join(en_parts), title_ko=title_ko.format(**values),
        title_en=title_en.format(**values), source=source, url=f"https://example.com/{rng.getrandbits(48):x}",
        published=day.isoformat(),
    )  # fmt: skip
    return Generated(article, pairs, ko_mentions + en_mentions)


FIRST_DAY = date(2015, 1, 1)
ADDED = "2025-01-01T00:00:00+00:00"

#: One batch as a worker returns it: article rows without ids, each with its sentence pairs, the
#: (body, title) the index holds for it and its packed mentions.
Batch = list[tuple[tuple, list[tuple[int, int, int, int, int]], tuple[str, str], bytes]]


def make_batch(job: tuple[int, str, int, float, float, int]) -> Batch:
    """Generate `n` articles (run in a worker process): the text and what the index will hold for it."""
    seed, batch_seed, n, starred, read, length = job
    rng = random.Random(batch_seed)
    fill = Fill(seed, rng)
    source_weights = zipf_weights(len(SOURCES), 0.7)
    out: Batch = []
    for number in range(n):
        day = FIRST_DAY + timedelta(days=rng.randrange(3650))
        made = generate(rng, fill, day, pick(rng, SOURCES, source_weights), length, f"{batch_seed}-{number}")
        a = made.article
        row = (a.title_ko, a.title_en, a.source, a.url, a.published, ADDED, "ko", "human", a.content_hash,
               a.ko, a.en, ADDED if rng.random() < read else None, int(rng.random() < starred))  # fmt: skip
        out.append(
            (row, made.pairs, index_columns(a.title_ko, a.title_en, a.ko, a.en), pack_mentions(made.mentions))
        )
    return out


def make_library(db: Path | str, count: int, *, seed: int = 1, batch: int = 500, starred: float = 0.0,
                 read: float = 0.0, length: int = 1500, workers: int | None = None,
                 progress: bool = False) -> int:  # fmt: skip
    """Add `count` synthetic articles of about `length` Korean characters to `db`; returns how many.

    Worker processes generate the text (and split it for the index) while this process writes, each
    batch in one transaction; the index rows go in with their batch, as bulk inserts, never through
    per-row triggers. `workers=0` generates in this process (for tests).
    """
    from reader.store.segment_pack import SegmentRow, pack_rows  # here: big_article.py imports this module

    Store.open(db).close()  # bring the schema up to date through the one code path that owns it
    conn = sqlite3.connect(str(db), isolation_level=None)
    # A bulk load into a file nobody else has open: no journal, no fsync; the library's own settings
    # (WAL) are restored at the end. If this is interrupted, delete the file and start again.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("PRAGMA cache_size = -200000")
    next_article = (conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0) + 1
    # Let index segments pile up during the load and merge them once at the end ('optimize').
    conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)")
    conn.execute("INSERT INTO title_index (title_index, rank) VALUES ('automerge', 0)")
    sizes = [min(batch, count - done) for done in range(0, count, batch)]
    # Seeds depend on where the batch lands, so adding to a library gives new texts, not duplicates.
    jobs = [
        (seed, f"{seed}-{next_article + i * batch}", n, starred, read, length) for i, n in enumerate(sizes)
    ]
    start = time.perf_counter()
    done = 0
    if workers == 0:
        batches: Iterator[Batch] = map(make_batch, jobs)
        pool = None
    else:
        import multiprocessing

        pool = multiprocessing.get_context("spawn").Pool(workers or os.cpu_count() or 1)
        batches = pool.imap(make_batch, jobs)
    try:
        for made in batches:
            articles, sentences, segments, index, mentions = [], [], [], [], []
            for row, pairs, columns, packed in made:
                article_id = next_article
                next_article += 1
                articles.append((article_id, *row))
                index.append((article_id, *columns))
                mentions.append((article_id, packed))
                sentences.append((article_id, "ko", pack((ks, ke, p) for p, ks, ke, _, _ in pairs)))
                sentences.append((article_id, "en", pack((es, ee, p) for p, _, _, es, ee in pairs)))
                rows = [SegmentRow(idx, paragraph, idx, idx + 1, idx, idx + 1, ks, ke, es, ee, "1-1", 1.0)
                        for idx, (paragraph, ks, ke, es, ee) in enumerate(pairs)]  # fmt: skip
                segments.append((article_id, pack_rows(rows)))
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO articles (id, title_ko, title_en, source, url, published, added, original_lang, "
                "translation_by, content_hash, ko_text, en_text, read_at, starred) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)  # fmt: skip
            conn.executemany("INSERT INTO sentences (article_id, lang, spans) VALUES (?, ?, ?)", sentences)
            conn.executemany("INSERT INTO segments (article_id, packed) VALUES (?, ?)", segments)
            conn.executemany("INSERT INTO search_index (rowid, body, title) VALUES (?, ?, ?)", index)
            conn.executemany(
                "INSERT INTO title_index (rowid, title) VALUES (?, ?)", ((i, t) for i, _, t in index)
            )
            hangul_terms.remember(conn, (text for _, body, title in index for text in (body, title)))
            conn.executemany("INSERT INTO mentions (article_id, spans) VALUES (?, ?)", mentions)
            conn.execute("COMMIT")
            done += len(made)
            if progress:
                end = "" if sys.stderr.isatty() else "\n"
                print(f"\r{done}/{count} articles written ({time.perf_counter() - start:.0f} s)", end=end,
                      file=sys.stderr, flush=True)  # fmt: skip
    finally:
        if pool is not None:
            pool.terminate()
    if progress:
        print(file=sys.stderr)
    # Merge the index's segments into one: fewer b-trees to look in at query time.
    conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
    conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)")  # the default
    conn.execute("INSERT INTO title_index (title_index) VALUES ('optimize')")
    conn.execute("INSERT INTO title_index (title_index, rank) VALUES ('automerge', 4)")
    conn.execute("PRAGMA locking_mode = NORMAL")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many articles to write")
    parser.add_argument("--db", type=Path, required=True, help="library file (created, or added to)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--starred", type=float, default=0.02, help="share of articles starred")
    parser.add_argument("--read", type=float, default=0.3, help="share of articles already read")
    parser.add_argument(
        "--workers", type=int, default=None, help="generating processes (default: one per core)"
    )
    parser.add_argument(
        "--progress", action="store_true", help="report progress on stderr even when it is not a terminal"
    )
    args = parser.parse_args()
    start = time.perf_counter()
    written = make_library(args.db, args.count, seed=args.seed, starred=args.starred, read=args.read, workers=args.workers,
                           progress=args.progress or sys.stderr.isatty())  # fmt: skip
    size = args.db.stat().st_size / 1e6
    print(f"{written} articles written to {args.db} in {time.perf_counter() - start:.1f} s ({size:.0f} MB)")


if __name__ == "__main__":
    main()
