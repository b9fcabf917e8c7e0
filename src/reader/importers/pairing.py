"""Which files of a folder are one article in two languages, so a folder of pairs becomes pairs.

By name first: `x_ko.txt` with `x_en.txt` (also `-`, `.` and the tags kr/kor/korean, eng/english),
`x.ko.txt` with `x.en.txt`, and `ko/x.txt` with `en/x.txt` (folders named ko/en); the suffixes may
differ (`x_ko.html` with `x_en.txt`). When names do not say, by the language the text is in: two
files of the same name but for the suffix, one Korean and one English, or the only two files of a
folder, one Korean and one English, of lengths a translation could have. Everything else stays a
one-language article. No Textual, no store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..text.language import detect_language
from .errors import ImportProblem

_TAGS = {"ko": "ko", "kr": "ko", "kor": "ko", "korean": "ko", "en": "en", "eng": "en", "english": "en"}
_NAME_TAG = re.compile(r"^(?P<stem>.+?)[._-](?P<tag>" + "|".join(_TAGS) + r")$", re.IGNORECASE)

#: English news runs to about 2.2 times the characters of its Korean original; two untagged files whose
#: lengths are far outside this are not taken for one article.
_PLAUSIBLE_EN_PER_KO = (0.8, 6.0)


@dataclass(frozen=True, slots=True)
class Document:
    """One article's files: both sides (`how` says how they were paired), or one file alone.

    `lang` is the language a lone file's name promises (`x_ko.txt` with no `x_en.txt`), else None.
    """

    ko: Path | None = None
    en: Path | None = None
    single: Path | None = None
    how: str = ""
    lang: str | None = None

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.single, self.ko, self.en) if p is not None)

    @property
    def name(self) -> str:
        if self.single is not None:
            return str(self.single)
        return f"{self.ko} + {self.en}"


def language_in_name(path: Path) -> tuple[tuple[Path, str], str] | None:
    """The language a file's name or folder names, with the key its partner shares; None if neither does."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    tagged = _NAME_TAG.match(stem)
    if tagged:
        return (path.parent, tagged.group("stem").lower()), _TAGS[tagged.group("tag").lower()]
    folder = _TAGS.get(path.parent.name.lower())
    if folder is not None:
        return (path.parent.parent, stem.lower()), folder
    return None


def pair_files(files: Sequence[Path], read: Callable[[Path], str]) -> list[Document]:
    """`files` as articles, in the order of each article's first file. `read(path)` gives a file's text
    (for files whose names do not say their language); a file it cannot read stays alone, to fail with
    its reason when it is imported."""
    by_name: dict[tuple[Path, str], dict[str, list[Path]]] = defaultdict(lambda: {"ko": [], "en": []})
    untagged: list[Path] = []
    order = {path: i for i, path in enumerate(files)}
    for path in files:
        found = language_in_name(path)
        if found is None:
            untagged.append(path)
        else:
            key, lang = found
            by_name[key][lang].append(path)
    documents: dict[Path, Document] = {}  # keyed by the document's first file, for the order
    for sides in by_name.values():
        if len(sides["ko"]) == 1 and len(sides["en"]) == 1:
            ko, en = sides["ko"][0], sides["en"][0]
            documents[min(ko, en, key=order.__getitem__)] = Document(ko=ko, en=en, how="by name")
        else:
            for lang, paths in sides.items():
                for path in paths:
                    documents[path] = Document(single=path, lang=lang)
    for document in _pair_by_language(untagged, read):
        documents[min(document.files, key=order.__getitem__)] = document
    return [documents[path] for path in files if path in documents]


def _pair_by_language(paths: list[Path], read: Callable[[Path], str]) -> list[Document]:
    """Untagged files: same name but for the suffix, else the only two of their folder, one Korean and one
    English of plausible lengths."""
    lengths: dict[Path, tuple[str, int] | None] = {}

    def language_and_length(path: Path) -> tuple[str, int] | None:
        if path not in lengths:  # read only files that could pair
            try:
                text = read(path)
            except ImportProblem:
                text = ""
            lang = detect_language(text)
            lengths[path] = (lang, len(text)) if lang is not None else None
        return lengths[path]

    paired: list[Document] = []
    taken: set[Path] = set()

    def try_pair(group: list[Path], how: str) -> None:
        found = [language_and_length(p) for p in group]
        if len(group) != 2 or any(p in taken for p in group) or None in found:
            return
        by_lang = {f[0]: (p, f[1]) for p, f in zip(group, found, strict=True) if f is not None}
        if set(by_lang) != {"ko", "en"}:
            return
        ratio = by_lang["en"][1] / max(1, by_lang["ko"][1])
        if how == "by language" and not _PLAUSIBLE_EN_PER_KO[0] <= ratio <= _PLAUSIBLE_EN_PER_KO[1]:
            return
        paired.append(Document(ko=by_lang["ko"][0], en=by_lang["en"][0], how=how))
        taken.update(group)

    same_stem: dict[tuple[Path, str], list[Path]] = defaultdict(list)
    for path in paths:
        same_stem[(path.parent, path.stem.lower())].append(path)
    for group in same_stem.values():
        if len(group) == 2:
            try_pair(group, "by language, same name")
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for path in paths:
        if path not in taken:
            by_folder[path.parent].append(path)
    for group in by_folder.values():
        if len(group) == 2:
            try_pair(group, "by language")
    return paired + [Document(single=p) for p in paths if p not in taken]
