"""Web pages, fetched or saved: the article's body, title, date and source, extracted with trafilatura.

No hand-written scraping: trafilatura knows far more page layouts than any rules we could keep. This
module only decodes the bytes (Korean sites still serve EUC-KR), turns trafilatura's result into the
library's paragraph convention (a blank line between paragraphs) and detects the language.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..store.articles import NewArticle
from ..text.language import LANGUAGE_NAMES, detect_language
from .clean import check_date, clean_text
from .errors import ImportProblem
from .text_file import MAX_FILE_BYTES, decode, read_file_bytes
from .titles import title_and_text

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_ARTICLE_CHARS = 20

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """What one page holds: body text (paragraphs apart by a blank line), its language and metadata."""

    text: str
    lang: str
    title: str
    published: str | None
    source: str
    url: str


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """Bytes to text: the charset the server declared, else the page's <meta charset>, else a guess.

    A page labelled EUC-KR is read as EUC-KR (which also composes the rare syllables KS X 1001 spells
    out jamo by jamo), else as CP949, its superset: such pages often hold CP949-only syllables.
    """
    candidates = [declared] if declared else []
    found = _META_CHARSET.search(data[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "replace"))
    for label in candidates:
        try:
            codec = codecs.lookup(label.strip().lower()).name
        except LookupError:
            continue
        for attempt in (codec, "cp949") if codec == "euc_kr" else (codec,):
            try:
                return data.decode(attempt)
            except UnicodeDecodeError:
                continue
    return decode(data, name)


def page_from_html(html: str, name: str, url: str = "") -> Page:
    """Extract the article from a page; a page without article text is an ImportProblem."""
    import trafilatura

    try:
        tree = _parsed(html)
        doc = (
            trafilatura.bare_extraction(
                tree,
                url=url or None,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=True,
                # only a date the page declares (its metadata, a <time>, its address): the extensive search
                # guesses from any year in the text, and makes 2025-01-01 of "Copyright 2025" and
                # 2000-01-01 of 1만2000명
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
            if tree is not None
            else None
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises assorted lxml errors on broken markup
        raise ImportProblem(f"{name}: cannot read the page ({type(exc).__name__})") from None
    data = (doc.as_dict() if hasattr(doc, "as_dict") else doc) if doc is not None else {}
    body = data.get("text") or ""
    text = clean_text("\n\n".join(line.strip() for line in body.splitlines() if line.strip()))
    if len(text) < MIN_ARTICLE_CHARS:  # a menu or a cookie notice is all that some pages yield
        raise ImportProblem(f"{name}: no article text found on the page")
    lang = detect_language(text)
    if lang is None:
        raise ImportProblem(f"{name}: the page is neither Korean nor English")
    host = urlsplit(url).hostname or "" if url else ""
    try:
        published = check_date((data.get("date") or "")[:10] or None)
    except ValueError:
        published = None  # a date trafilatura could not make sense of is left out, not an error
    title, text = title_and_text(text, (data.get("title") or "").strip() or None)
    sitename = (data.get("sitename") or "").strip()
    if sitename and (
        sitename == title or sitename == (data.get("title") or "").strip() or len(sitename) > 40
    ):
        sitename = ""  # trafilatura falls back on the headline when a page names no site
    return Page(
        text=text,
        lang=lang,
        title=title,
        published=published,
        source=sitename or host,
        url=url,
    )


def _parsed(html: str):
    """The page as trafilatura parses it, with every "&" of its text and attributes written as "&amp;".

    trafilatura decodes entities once more after the HTML parser has (for sites that escape their
    markup twice), so an article that writes about "&lt;b&gt;" would come out saying "<b>". Escaping
    the ampersands of the parsed text undoes exactly that second decoding: the text comes out as the
    page shows it. tests/test_import_properties.py fails if trafilatura stops decoding twice.
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    for element in tree.iter():
        if isinstance(element.tag, str):  # an element, not a comment or processing instruction
            if element.text and "&" in element.text:
                element.text = element.text.replace("&", "&amp;")
            for key, value in element.attrib.items():
                if "&" in value:
                    element.set(key, value.replace("&", "&amp;"))
        if element.tail and "&" in element.tail:
            element.tail = element.tail.replace("&", "&amp;")
    return tree


def read_html_file(path: Path) -> Page:
    """A page saved from a browser; every failure names the file."""
    return page_from_html(decode_html(read_file_bytes(path, MAX_FILE_BYTES), str(path)), str(path))


def article_from_page(page: Page) -> NewArticle:
    """A one-language article from one page, on the side its language says."""
    side = {"ko": "", "en": ""}
    side[page.lang] = page.text
    return NewArticle(
        ko=side["ko"],
        en=side["en"],
        title_ko=page.title if page.lang == "ko" else "",
        title_en=page.title if page.lang == "en" else "",
        source=page.source,
        url=page.url,
        published=page.published,
    )


def article_from_pages(ko: Page | None, en: Page | None) -> NewArticle:
    """One bilingual article from a Korean and an English page (either may be missing)."""
    for page, want in ((ko, "ko"), (en, "en")):
        if page is not None and page.lang != want:
            raise ImportProblem(
                f"{page.url or 'the ' + LANGUAGE_NAMES[want] + ' page'}: looks "
                f"{LANGUAGE_NAMES[page.lang]}, not {LANGUAGE_NAMES[want]}"
            )
    first = ko or en
    assert first is not None
    return NewArticle(
        ko=ko.text if ko else "",
        en=en.text if en else "",
        title_ko=ko.title if ko else "",
        title_en=en.title if en else "",
        source=first.source,
        url=first.url,
        published=(ko and ko.published) or (en and en.published) or None,
    )
