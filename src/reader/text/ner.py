"""Names of people, places and organisations found by statistical models, one per language.

Each model is a linear-chain CRF (CRFsuite, through python-crfsuite) trained in this repository by
`train/ner.py` on openly licensed annotated text; the model files ship in `reader/data/models/` with their
sources and licences beside them. A CRF was chosen over a neural tagger because it learns from a few
thousand sentences, trains in minutes on a laptop, tags a thousand words in a few milliseconds, and its
model is a few megabytes: analysing an article costs what the hand-written rules it replaces cost.

The features below are the model's whole view of a text, so training and tagging must build them with the
same functions: change one and retrain. Korean is tagged morpheme by morpheme (Kiwi's tokens, so 푸틴은
gives 푸틴 and a particle), English word by word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

# the models' labels, as the reader's entity types
MODEL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}

Span = tuple[int, int, str]  # start, end (exclusive), entity type (PERSON, PLACE, ORG)


def recognise(text: str, lang: str, tokens: list[Any] | None = None) -> list[Span]:
    """The names in `text` (lang "ko" or "en"), as (start, end, type) in text order.

    `tokens` is Kiwi's analysis of a Korean `text` when the caller already has it."""
    offsets, features = tokens_and_features(text, lang, tokens)
    if not offsets:
        return []
    labels = _tagger(lang).tag(features)
    return [(s, e, MODEL_TYPES[t]) for s, e, t in spans_from_labels(labels, offsets)]


def tokens_and_features(
    text: str, lang: str, tokens: list[Any] | None = None
) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """The tokens a model tags (as offsets) and their features: the one view of a text that training
    (train/ner.py) and tagging share. `tokens` is Kiwi's analysis of a Korean `text`, if already made."""
    if lang == "ko":
        from reader.text.korean import korean_model

        toks = tokens if tokens is not None else korean_model().tokenize(text)
        return [(t.start, t.start + t.len) for t in toks], korean_features(text, toks)
    if lang == "en":
        offsets = english_tokens(text)
        return offsets, english_features(text, offsets)
    raise ValueError(f"unsupported language: {lang!r} (expected 'ko' or 'en')")


@lru_cache(maxsize=2)
def _tagger(lang: str) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    with resources.as_file(model_path(lang)) as path:
        tagger.open(str(path))
    return tagger


def model_path(lang: str) -> Any:
    """Where the model for `lang` ships inside the package (a Traversable)."""
    return resources.files("reader").joinpath("data", "models", f"ner-{lang}.crfsuite")


def spans_from_labels(labels: Sequence[str], offsets: Sequence[tuple[int, int]]) -> list[Span]:
    """BIO labels over tokens → (start, end, label type) spans; an I- after O or another type starts one."""
    spans: list[Span] = []
    cur: list[Any] | None = None
    for label, (s, e) in zip(labels, offsets, strict=True):
        if label == "O":
            cur = None
            continue
        kind, typ = label.split("-", 1)
        if kind == "I" and cur is not None and cur[2] == typ:
            cur[1] = e
            spans[-1] = (cur[0], cur[1], typ)
            continue
        cur = [s, e, typ]
        spans.append((s, e, typ))
    return spans


def labels_from_spans(offsets: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[str]:
    """Gold spans → one BIO label per token: a token belongs to the span it overlaps (for training)."""
    labels = ["O"] * len(offsets)
    for start, end, typ in spans:
        first = True
        for i, (s, e) in enumerate(offsets):
            if e <= start or s >= end:
                continue
            labels[i] = ("B-" if first else "I-") + typ
            first = False
    return labels


# --------------------------------------------------------------------------------------------------------
# Korean: features of Kiwi's morphemes


def _script(form: str) -> str:
    if re.fullmatch(r"[\uac00-\ud7a3]+", form):
        return "hangul"
    if re.fullmatch(r"[A-Za-z]+", form):
        return "latin"
    if re.fullmatch(r"[0-9]+", form):
        return "digit"
    if re.fullmatch(r"[\u4e00-\u9fff]+", form):
        return "hanja"
    return "other"


def _bundled_names() -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """The bundled glossary's people, places and organisations as (Korean forms, English forms, type): the
    models learned with these, whatever the user's own glossary holds."""
    from reader.text.glossary import bundled_glossary

    return [(e.ko, e.en, e.type) for e in bundled_glossary() if e.type in ("PERSON", "ORG", "PLACE")]


@lru_cache(maxsize=1)
def _korean_gazetteer() -> dict[str, str]:
    """Korean names and their types: the bundled gazetteer, then the bundled glossary's names."""
    from reader.text.korean import known_names

    names = {k: v for k, v in known_names().items() if v in ("PERSON", "ORG", "PLACE")}
    for ko, _, typ in _bundled_names():
        for form in ko:
            names.setdefault(form, typ)
    return names


@lru_cache(maxsize=1)
def _english_gazetteer() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The bundled glossary's English names (capitalised forms) as lower-cased word sequences, by their
    first word, longest first."""
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for _, en, typ in _bundled_names():
        for form in en:
            if form[:1].isupper():
                words = tuple(form[s:e].lower() for s, e in english_tokens(form))
                if words:
                    names.setdefault(words[0], []).append((words, typ))
    for entries in names.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return names


def _gazetteer_marks(text: str, toks: Sequence[Any]) -> list[str]:
    """For each token, the type of a gazetteer name that the token's word starts with and that covers
    the token ("" if none): 러시아 in 러시아군 marks the tokens of 러시아 as PLACE."""
    names = _korean_gazetteer()
    marks = [""] * len(toks)
    i = 0
    while i < len(toks):
        best = None
        for j in range(min(len(toks), i + 6) - 1, i - 1, -1):
            surface = text[toks[i].start : toks[j].start + toks[j].len]
            typ = names.get(surface)
            if typ:
                best = (j, typ)
                break
        if best is None:
            i += 1
            continue
        j, typ = best
        for k in range(i, j + 1):
            marks[k] = typ
        i = j + 1
    return marks


def korean_features(text: str, toks: Sequence[Any]) -> list[list[str]]:
    """Per morpheme: its form and tag, its syllables at either end, where it stands in its word, the
    gazetteer's type, and the same for two morphemes either side."""
    n = len(toks)
    forms = [t.form for t in toks]
    tags = [t.tag for t in toks]
    word_start = [i == 0 or toks[i].start > toks[i - 1].start + toks[i - 1].len for i in range(n)]
    word_end = [i == n - 1 or word_start[i + 1] for i in range(n)]
    gaz = _gazetteer_marks(text, toks)
    out: list[list[str]] = []
    for i in range(n):
        w, t = forms[i], tags[i]
        f = [
            "bias",
            "w=" + w,
            "t=" + t,
            "wt=" + w + "/" + t,
            "p1=" + w[:1],
            "s1=" + w[-1:],
            "p2=" + w[:2],
            "s2=" + w[-2:],
            "len=" + str(min(len(w), 6)),
            "sc=" + _script(w),
            "gz=" + gaz[i],
        ]
        if word_start[i]:
            f.append("ws")
        if word_end[i]:
            f.append("we")

        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}t={tags[j]}")
                f.append(f"{d}w={forms[j]}")
                if d in (-1, 1):
                    f.append(f"{d}gz={gaz[j]}")
                    f.append(f"{d}ws={int(word_start[j])}")
            else:
                f.append(f"{d}edge")
        if word_end[i] and i + 1 < n:
            f.append("nw=" + forms[i + 1])  # the next word's first morpheme: 대통령, 장관, 측, 군
        if word_start[i] and i > 0:
            f.append("pw=" + forms[i - 1])  # the previous word's last morpheme: 도시, 배우, 출신
        if i > 0:
            f.append(f"-1tt={tags[i - 1]}|{t}")
        if i + 1 < n:
            f.append(f"+1tt={t}|{tags[i + 1]}")
            f.append(f"+1ww={w}|{forms[i + 1]}")
        out.append(f)
    return out


# --------------------------------------------------------------------------------------------------------
# English: features of words

# Titles and ranks written before a person's name ("Foreign Secretary Boris Johnson", "Gen. Joseph Votel"):
# the reader marks the name alone. Training cuts them off the corpora's spans that keep them, and the
# recogniser cuts a name where one stands inside it ("Bank of Korea Governor Rhee Chang-yong").
# the titles that name a person: only these end a run of title words before a name
PERSON_TITLES_EN = frozenset(
    [
        "Adm",
        "Admiral",
        "Ambassador",
        "Ayatollah",
        "Capt",
        "Captain",
        "CEO",
        "Chairman",
        "Chairwoman",
        "Chancellor",
        "Chief",
        "Cmdr",
        "Coach",
        "Col",
        "Colonel",
        "Commander",
        "Director",
        "Dr",
        "Emperor",
        "Envoy",
        "Gen",
        "General",
        "Gov",
        "Governor",
        "Judge",
        "Justice",
        "King",
        "Leader",
        "Lieutenant",
        "Lt",
        "Maj",
        "Marshal",
        "Mayor",
        "Minister",
        "Mr",
        "Mrs",
        "Ms",
        "Officer",
        "Pope",
        "Premier",
        "President",
        "Prince",
        "Princess",
        "Prof",
        "Professor",
        "Queen",
        "Secretary",
        "Sen",
        "Senator",
        "Sergeant",
        "Sgt",
        "Sheikh",
        "Speaker",
        "Spokesman",
        "Spokeswoman",
        "Striker",
    ]
)
# and the words that qualify them ("Foreign Minister", "Vice President", "Staff Sgt.")
TITLES_EN = PERSON_TITLES_EN | frozenset(
    [
        "Acting",
        "Brig",
        "Brigadier",
        "Chair",
        "Corporal",
        "Cpl",
        "Crown",
        "Defence",
        "Defender",
        "Defense",
        "Deputy",
        "Empress",
        "Executive",
        "Father",
        "Field",
        "Finance",
        "Foreign",
        "Former",
        "Goalkeeper",
        "Home",
        "Interior",
        "Lady",
        "Lord",
        "Major",
        "Manager",
        "Midfielder",
        "Miss",
        "Petty",
        "Prime",
        "Private",
        "Pvt",
        "Rep",
        "Representative",
        "Rev",
        "Reverend",
        "Sir",
        "Spc",
        "Staff",
        "Supreme",
        "Trade",
        "Vice",
    ]
)

# a hyphen is a word of its own (ISIL-held, UK-France, Jean-Pierre: the model decides what it joins);
# an apostrophe stays inside a name (O'Brien) but a possessive 's is its own word
_EN_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[’']s\b|\w+(?:['’](?!s\b)\w+|&\w+|\.\w+)*|\S")
_OPENERS = set("\"'“‘([«")
_ENDERS = set(".!?")


def english_tokens(text: str) -> list[tuple[int, int]]:
    """Words, abbreviations (U.S.), a possessive 's and single punctuation marks, as offsets."""
    return [(m.start(), m.end()) for m in _EN_TOKEN.finditer(text)]


def _shape(word: str) -> str:
    s = re.sub(r"[A-Z]", "X", word)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"[0-9]", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words written in lower case in the English training text (shipped beside the model): a
    capitalised word that is usually written small ("Come", "Got" after a quotation mark) is rarely a name."""
    ref = resources.files("reader").joinpath("data", "models", "en-lowercase-words.txt")
    with ref.open("r", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _english_places() -> dict[str, str]:
    """Place names from GeoNames shipped beside the model (en-places.tsv: countries, regions, cities by
    size), lower-cased, their words one space apart, with their kind."""
    ref = resources.files("reader").joinpath("data", "models", "en-places.tsv")
    with ref.open("r", encoding="utf-8") as fh:
        rows = (line.rstrip("\n").split("\t") for line in fh if not line.startswith("#"))
        return {name.lower(): kind for name, kind in rows}


def listed_place(name: str) -> str:
    """The kind of `name` in the English model's GeoNames list (country, region, city1–3), or ""."""
    return _english_places().get(" ".join(name[s:e] for s, e in english_tokens(name)).lower(), "")


@lru_cache(maxsize=1)
def _english_person_names() -> dict[str, str]:
    """Given names and surnames from the US Census lists shipped beside the model (en-person-names.tsv),
    lower-cased, with their kind (first, last1 for the commonest surnames, last2)."""
    ref = resources.files("reader").joinpath("data", "models", "en-person-names.tsv")
    with ref.open("r", encoding="utf-8") as fh:
        rows = (line.rstrip("\n").split("\t") for line in fh if not line.startswith("#"))
        return {name: kind for name, kind in rows}


_PLACE_WORDS = 6  # the longest place name matched, in words


def _place_marks(words: Sequence[str], lower: Sequence[str]) -> list[str]:
    """For each word, the kind of the longest listed place that starts at a capitalised word and covers it."""
    places = _english_places()
    marks = [""] * len(words)
    i = 0
    while i < len(words):
        if words[i][:1].isupper():
            for j in range(min(len(words), i + _PLACE_WORDS), i, -1):
                kind = places.get(" ".join(lower[i:j]))
                if kind:
                    marks[i:j] = [kind] * (j - i)
                    i = j - 1
                    break
        i += 1
    return marks


def english_features(text: str, offsets: Sequence[tuple[int, int]]) -> list[list[str]]:
    """Per word: the word, its shape and affixes, whether it opens a sentence or a quotation, whether the
    lower-case form is a common word, and the same for two words either side."""
    common = common_words()
    words = [text[s:e] for s, e in offsets]
    n = len(words)
    lower = [w.lower() for w in words]
    gaz = _english_marks(lower)
    places = _place_marks(words, lower)
    person_names = _english_person_names()
    # a listed name that is also a word written small (Storm, Cruise, North, Young) says nothing of a person
    people = [
        person_names.get(lw, "") if w[:1].isupper() and lw not in common else ""
        for w, lw in zip(words, lower, strict=True)
    ]
    shapes = [_shape(w) for w in words]
    out: list[list[str]] = []
    for i, w in enumerate(words):
        lw = lower[i]
        f = [
            "bias",
            "w=" + lw,
            "sh=" + shapes[i],
            "p3=" + lw[:3],
            "s3=" + lw[-3:],
            "s2=" + lw[-2:],
            "s4=" + lw[-4:],
            "ssh=" + re.sub(r"(.)\1+", r"\1", shapes[i]),
        ]
        if gaz[i]:
            f.append("gz=" + gaz[i])
        if places[i]:
            f.append("pl=" + places[i])
        if people[i]:
            f.append("pn=" + people[i])
        if w[:1].isupper():
            f.append("title")
            if lw in common:
                f.append("title_common")
        if w.isupper() and len(w) > 1:
            f.append("upper")
        if lw in common:
            f.append("common")
        prev = words[i - 1] if i > 0 else ""
        if i == 0 or prev in _ENDERS:
            f.append("sent_start")
            if w[:1].isupper() and lw not in common:
                f.append("sent_start_rare")  # "Kowalski confirmed": not a word written small
        if prev and prev[-1] in _OPENERS:
            f.append("after_open")
        if i > 0 and offsets[i][0] > offsets[i - 1][1] and "\n" in text[offsets[i - 1][1] : offsets[i][0]]:
            f.append("line_start")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}w={lower[j]}")
                f.append(f"{d}sh={shapes[j]}")
                if d in (-1, 1) and words[j][:1].isupper():
                    f.append(f"{d}title")
                if d in (-1, 1) and places[j]:
                    f.append(f"{d}pl={places[j]}")
                if d in (-1, 1) and people[j]:
                    f.append(f"{d}pn={people[j]}")
            else:
                f.append(f"{d}edge")
        if i > 0:
            f.append(f"-1ww={lower[i - 1]}|{lw}")
        if i + 1 < n:
            f.append(f"+1ww={lw}|{lower[i + 1]}")
        out.append(f)
    return out


def _english_marks(lower: Sequence[str]) -> list[str]:
    """For each word, B-TYPE / I-TYPE where the longest glossary name starting there covers it."""
    names = _english_gazetteer()
    marks = [""] * len(lower)
    i = 0
    while i < len(lower):
        for words, typ in names.get(lower[i], ()):
            j = i + len(words)
            if tuple(lower[i:j]) == words:
                marks[i] = "B-" + typ
                for k in range(i + 1, j):
                    marks[k] = "I-" + typ
                i = j
                break
        else:
            i += 1
    return marks
