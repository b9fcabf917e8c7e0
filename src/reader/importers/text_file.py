"""Plain-text articles: one file per language, in whatever encoding the file was saved in."""

from __future__ import annotations

from pathlib import Path

from ..store.articles import NewArticle
from ..text.language import LANGUAGE_NAMES, detect_language
from .clean import check_date, clean_text
from .errors import ImportProblem
from .titles import title_and_text

#: A limit that keeps one mistaken import (a video file, a whole corpus) from swallowing the library.
MAX_FILE_BYTES = 20 * 1024 * 1024


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) and UTF-16 first, then what charset-normalizer finds.

    Old Korean files are often CP949/EUC-KR; charset-normalizer recognises them. Data with NUL bytes or
    control characters outside text encodings is refused as binary rather than imported as garbage.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportProblem(f"{name}: not valid UTF-16 text") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None:
        if b"\x00" in data:
            raise ImportProblem(f"{name}: looks like a binary file, not text")
        # EUC-KR (which also composes the rare syllables KS X 1001 spells out jamo by jamo), then CP949,
        # its superset, before guessing.
        try:
            text = _decode_korean(data)
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(data).best()
            if best is None:
                raise ImportProblem(f"{name}: cannot tell the text encoding (not UTF-8, UTF-16 or CP949)")
            text = str(best)
    if _looks_binary(text):
        raise ImportProblem(f"{name}: looks like a binary file, not text")
    return text


def _decode_korean(data: bytes) -> str:
    try:
        return data.decode("euc_kr")
    except UnicodeDecodeError:
        return data.decode("cp949")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\x1b")
    return "\x00" in sample or controls / len(sample) > 0.05


def other_language(name: object, text: str, lang: str, *, hint: bool = False) -> str | None:
    """One line when `text`, given as `lang` ("ko" or "en"), plainly reads as the other language (named
    `name`, a file; `hint`: with the flag that gives it as that language); None when it reads as `lang`
    or is too short to tell."""
    found = detect_language(text)
    if found is None or found == lang:
        return None
    said = f"{name}: this reads as {LANGUAGE_NAMES[found]}, not {LANGUAGE_NAMES[lang]}"
    return f"{said} (give it with --{found})" if hint else said


def read_text(path: Path) -> str:
    """Read and decode one text file; every failure is an ImportProblem naming the file."""
    return clean_text(decode(read_file_bytes(path), str(path)))


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, or an ImportProblem naming the file (missing, a folder, unreadable, too large)."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportProblem(f"{path}: is a folder, not a file")
        if size > limit:
            raise ImportProblem(
                f"{path}: {size // (1024 * 1024)} MB is larger than the {limit // (1024 * 1024)} MB limit"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(f"{path}: no such file") from None
    except PermissionError:
        raise ImportProblem(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ImportProblem(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise ImportProblem(f"{path}: cannot read ({exc.strerror})") from None


def article_from_text_files(
    ko_path: Path | None,
    en_path: Path | None,
    *,
    title_ko: str | None = None,
    title_en: str | None = None,
    source: str = "",
    url: str = "",
    published: str | None = None,
    one_language: bool = False,
) -> NewArticle:
    """Titles default to each file's first line; a side may be absent, but not both, and a file given for
    a side must hold text in that side's language. An empty file is refused, unless `one_language` says
    that one side is really meant (then an empty side is left out)."""
    ko = read_text(ko_path) if ko_path else ""
    en = read_text(en_path) if en_path else ""
    try:
        published = check_date(published)
    except ValueError as exc:
        raise ImportProblem(str(exc)) from None
    for path, text, lang in ((ko_path, ko, "ko"), (en_path, en, "en")):
        if path is None:
            continue
        if not text.strip():
            if one_language and (ko or en):
                continue
            hint = "" if one_language else " (to add the other side alone, add --one-language)"
            raise ImportProblem(f"{path}: no text to import (empty){hint if (ko or en) else ''}")
        if (wrong := other_language(path, text, lang, hint=True)) is not None:
            raise ImportProblem(wrong)
    title_ko, ko = title_and_text(ko, title_ko) if ko else (title_ko or "", ko)
    title_en, en = title_and_text(en, title_en) if en else (title_en or "", en)
    return NewArticle(
        ko=ko,
        en=en,
        title_ko=title_ko,
        title_en=title_en,
        source=source,
        url=url,
        published=published,
    )
