"""A bilingual termbase (Korean form(s) ↔ English form(s), type, note).

The glossary drives entity highlighting and cross-language links, so lookups must be fast and must cope
with the two languages' habits: Korean particles glue onto nouns (쿠르스크에서 is 쿠르스크 + 에서), while
English names are matched case-aware and longest first ("the U.S. Department of Defense" before "U.S.").
It knows nothing of the database: the store persists `Entry` rows and rebuilds a `Glossary` from them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TextIO

from reader.text.entity_types import NAME_TYPES

FIELDS = ("ko", "en", "type", "note")

# Particles and endings that may follow a noun inside one Korean word (eojeol).  A glossary form followed by
# one of these (or by nothing) is a whole-word match; the particle stays outside the mention.
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        {
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
            "께",
            "께서",
            "한테",
            "로",
            "으로",
            "로서",
            "으로서",
            "로써",
            "으로써",
            "로부터",
            "으로부터",
            "와",
            "과",
            "도",
            "만",
            "까지",
            "부터",
            "보다",
            "처럼",
            "같이",
            "마저",
            "조차",
            "이나",
            "나",
            "이랑",
            "랑",
            "이며",
            "며",
            "이고",
            "고",
            "이다",
            "다",
            "이라",
            "라",
            "이라는",
            "라는",
            "이란",
            "란",
            "에는",
            "에서는",
            "에도",
            "에서도",
            "으로는",
            "로는",
            "과의",
            "와의",
            "에의",
            "에서의",
            "으로의",
            "로의",
            "까지의",
            "부터의",
            "만의",
            "이었다",
            "였다",
            "인",
            "이자",
            "측",
            "측은",
            "측이",
            "측의",
            "측과",
            "쪽",
            "쪽은",
            "엔",
            "서",
            "께서는",
            "에게서",
            "한테서",
            "들",
            "들이",
            "들은",
            "들을",
            "들의",
            "들과",
            "들도",
            "산",
            "제",
            "발",
            "행",
            "간",
            "내",
            "내에서",
            "간의",
            "행을",
            "발언",
            "이라고",
            "라고",
            "이라며",
            "라며",
            "이지만",
            "지만",
            "이죠",
            "죠",
            "입니다",
            "이에요",
            "예요",
            "에선",
            "에게는",
            "과는",
            "와는",
        },
        key=len,
        reverse=True,
    )
)

_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass
class Entry:
    """One termbase row; `ko`/`en` hold every known form, the first being the preferred one."""

    ko: tuple[str, ...]
    en: tuple[str, ...]
    type: str
    note: str = ""

    def __post_init__(self) -> None:
        self.ko = tuple(f.strip() for f in self.ko if f and f.strip())
        self.en = tuple(f.strip() for f in self.en if f and f.strip())
        self.type = (self.type or "OTHER").strip().upper()
        if self.type not in NAME_TYPES:
            self.type = "OTHER"
        self.note = self.note or ""

    def key(self) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        return (self.ko, self.en, self.type)


@dataclass(frozen=True)
class Match:
    """A glossary form found in a text: [start, end) covers the form only, never a trailing particle."""

    start: int
    end: int
    entry: Entry

    @property
    def type(self) -> str:
        return self.entry.type


class Glossary:
    """In-memory termbase with longest-match lookup in Korean and English text."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._index(entries)

    def _index(self, entries: Iterable[Entry]) -> None:
        self._entries: list[Entry] = []
        self._ko: dict[str, list[tuple[str, Entry]]] = {}  # first character -> (form, entry), longest first
        self._en: dict[str, list[tuple[str, Entry, bool]]] = {}  # first word, lowered -> (form, entry, exact)
        self._ko_exact: dict[str, list[Entry]] = {}
        self._en_exact: dict[str, list[Entry]] = {}
        self._keys: dict[tuple[tuple[str, ...], tuple[str, ...], str], Entry] = {}
        for e in entries:
            self.add(e)

    # -- construction -------------------------------------------------------------------------------------
    @classmethod
    def load_bundled(cls) -> Glossary:
        """The starter glossary shipped inside the package (reader/data/glossary.csv)."""
        ref = resources.files("reader").joinpath("data", "glossary.csv")
        with io.TextIOWrapper(ref.open("rb"), encoding="utf-8", newline="") as fh:
            return cls.from_csv(fh)

    @classmethod
    def from_csv(cls, file: TextIO | str | Path) -> Glossary:
        """Read `ko,en,type,note` CSV; several forms in one cell are separated by `|`."""
        if isinstance(file, (str, Path)):
            with open(file, encoding="utf-8", newline="") as fh:
                return cls.from_csv(fh)
        return cls(read_entries(file))

    def to_csv(self, file: TextIO | str | Path) -> None:
        if isinstance(file, (str, Path)):
            with open(file, "w", encoding="utf-8", newline="") as fh:
                self.to_csv(fh)
            return
        w = csv.writer(file, lineterminator="\n")
        w.writerow(FIELDS)
        for e in self._entries:
            w.writerow(["|".join(e.ko), "|".join(e.en), e.type, e.note])

    def remove(self, entry: Entry) -> bool:
        """Drop the entry with the same forms and type; False when there was none."""
        if self._keys.get(entry.key()) is None:
            return False
        self._index([e for e in self._entries if e.key() != entry.key()])  # rare, and cheap to rebuild
        return True

    def add(self, entry: Entry) -> Entry:
        """Add an entry (an identical ko/en/type row is not added twice); returns the stored entry."""
        old = self._keys.get(entry.key())
        if old is not None:
            return old
        self._keys[entry.key()] = entry
        self._entries.append(entry)
        for form in entry.ko:
            self._ko_exact.setdefault(form, []).append(entry)
            bucket = self._ko.setdefault(form[0], [])
            bucket.append((form, entry))
            bucket.sort(key=lambda fe: -len(fe[0]))
        for form in entry.en:
            key = _en_key(form)
            if not key:
                continue
            # All-lower-case forms ("missile") match any case; forms with capitals match their case only,
            # so "US" the country is not found in "us" the pronoun.
            exact = form != form.lower()
            self._en_exact.setdefault(_en_norm(form), []).append(entry)
            bucket2 = self._en.setdefault(key, [])
            bucket2.append((form, entry, exact))
            bucket2.sort(key=lambda fe: -len(fe[0]))
        return entry

    # -- access -------------------------------------------------------------------------------------------
    @property
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def lookup_ko(self, form: str) -> Entry | None:
        """The entry with exactly this Korean form, or one whose form this word is plus particles."""
        found = self.entries_ko(form)
        return found[0] if found else None

    def entries_ko(self, form: str) -> list[Entry]:
        """Every entry with this Korean form (homographs: 조지아 the country, 조지아주 the state)."""
        form = form.strip()
        if form in self._ko_exact:
            return list(self._ko_exact[form])
        for p in PARTICLES:
            if form.endswith(p) and form[: -len(p)] in self._ko_exact:
                return list(self._ko_exact[form[: -len(p)]])
        return []

    def lookup_en(self, form: str) -> Entry | None:
        """The entry with this English form; "the" and case follow the usual rules (a capitalised form
        does not match its lower-case homograph: "US" is not "us")."""
        found = self.entries_en(form)
        return found[0] if found else None

    def entries_en(self, form: str) -> list[Entry]:
        """Every entry with this English form; a plural finds its singular (SRBMs → SRBM)."""
        found = self._entries_en(form)
        if not found and len(form) > 3 and form.endswith("s"):
            found = self._entries_en(form[:-1])
        return found

    def _entries_en(self, form: str) -> list[Entry]:
        form = " ".join(form.split())
        bare = form.removeprefix("the ").removeprefix("The ")
        out: list[Entry] = []
        for e in self._en_exact.get(_en_norm(form), []) + self._en_exact.get(_en_norm(bare), []):
            if e in out:
                continue
            for f in e.en:
                if _en_norm(f) in (_en_norm(form), _en_norm(bare)) and (
                    f == f.lower() or _en_case(f) in (_en_case(form), _en_case(bare))
                ):
                    out.append(e)
                    break
        return out

    # -- matching in running text -------------------------------------------------------------------------
    def match_ko(self, text: str, *, compounds: bool = False) -> list[Match]:
        """Longest glossary forms in `text`, left to right, non-overlapping.

        A form must start a word; it must end the word or be followed by a particle (쿠르스크에서). With
        `compounds=True` a form may also be the head of a longer noun (우크라이나군); the match then still
        covers only the form, and the caller decides what to do with the rest of the word.
        """
        out: list[Match] = []
        i, n = 0, len(text)
        while i < n:
            if i > 0 and _is_word_char(text[i - 1]):
                i += 1
                continue
            hit = None
            for form, entry in self._ko.get(text[i], ()):
                if text.startswith(form, i) and self._ko_boundary(text, i + len(form), compounds):
                    hit = Match(i, i + len(form), entry)
                    break
            if hit:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out

    @staticmethod
    def _ko_boundary(text: str, end: int, compounds: bool) -> bool:
        if end >= len(text) or not _is_word_char(text[end]):
            return True
        if not _HANGUL.match(text[end]):
            return False  # a Latin letter or digit glued on: another word
        if compounds:
            return True
        j = end
        while j < len(text) and _is_word_char(text[j]):
            j += 1
        return text[end:j] in _PARTICLE_SET

    def match_en(self, text: str) -> list[Match]:
        """Longest glossary forms in English `text` at word boundaries, left to right, non-overlapping."""
        out: list[Match] = []
        lowered = text.lower()
        for m in _EN_WORD.finditer(text):
            if out and m.start() < out[-1].end:
                continue
            key = m.group().lower()
            bucket = self._en.get(key) or (self._en.get(key[:-1]) if key.endswith("s") else None)
            if not bucket:
                continue
            for form, entry, exact in bucket:
                end = m.start() + len(form)
                if exact:
                    ok = text.startswith(form, m.start())
                else:
                    ok = lowered.startswith(form.lower(), m.start())
                if (
                    ok
                    and end < len(text)
                    and text[end] == "s"
                    and (end + 1 >= len(text) or not _is_word_char(text[end + 1]))
                ):
                    end += 1  # a plural: "missiles" for the form "missile", "SRBMs" for "SRBM"
                if ok and (end >= len(text) or not _is_word_char(text[end]) or form[-1] == "."):
                    out.append(Match(m.start(), end, entry))
                    break
        return out


_PARTICLE_SET = frozenset(PARTICLES)
_EN_WORD = re.compile(r"(?<![\w.'’-])[^\W_]+")


def _en_norm(form: str) -> str:
    """Lower case, one space, no inner "the", no dots: "Democratic Republic of the Congo" = "… of Congo",
    "U.S. Department of Defense" = "US Department of Defense"."""
    return _en_case(form).lower()


def _en_case(form: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\b(?:the|The) ", "", form.replace(".", ""))).strip()


def _en_key(form: str) -> str:
    m = _EN_WORD.search(form)
    return m.group().lower() if m and m.start() == 0 else ""


def read_entries(file: TextIO) -> list[Entry]:
    """Entries from a CSV stream with a `ko,en,type,note` header (extra columns are ignored)."""
    text = file.read()
    reader = csv.DictReader(io.StringIO(text))
    missing = {"ko", "en", "type"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"glossary CSV lacks column(s): {', '.join(sorted(missing))}")
    entries = []
    for row in reader:
        ko = tuple((row.get("ko") or "").split("|"))
        en = tuple((row.get("en") or "").split("|"))
        e = Entry(ko, en, row.get("type") or "OTHER", row.get("note") or "")
        if e.ko or e.en:
            entries.append(e)
    return entries


@lru_cache(maxsize=1)
def bundled_glossary() -> Glossary:
    """The bundled glossary, loaded once per process and shared (recognition and its models read it too);
    it ships inside the package, so a missing file is a broken install and raises."""
    return Glossary.load_bundled()
