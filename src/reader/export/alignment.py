"""An article's aligned pairs as TMX 1.4 (what translation-memory tools import) or as TSV.

One translation unit per alignment link, in reading order, with the link kind and confidence kept as
properties so a translator can see which pairs the aligner was unsure of.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from .. import __version__
from ..store.articles import Article

# Characters XML 1.0 cannot carry at all; article text may hold them (escape sequences, NUL).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_ILLEGAL.sub("\ufffd", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_tmx(article: Article, *, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    tmx = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        tmx,
        "header",
        {
            "creationtool": "reader",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "reader",
            "adminlang": "en",
            "srclang": "ko",
            "datatype": "plaintext",
            "creationdate": stamp,
        },
    )
    for name, value in (
        ("x-article-id", str(article.id)),
        ("x-title-ko", article.title_ko),
        ("x-title-en", article.title_en),
        ("x-source", article.source),
        ("x-url", article.url),
        ("x-published", article.published or ""),
        ("x-translation-by", article.translation_by),
    ):
        if value:
            prop = ET.SubElement(header, "prop", type=name)
            prop.text = _xml_text(value)
    body = ET.SubElement(tmx, "body")
    for segment in article.segments:
        tu = ET.SubElement(body, "tu", tuid=str(segment.position + 1))
        for name, value in (
            ("x-link", segment.link),
            ("x-confidence", f"{segment.confidence:.3f}"),
            ("x-paragraph", str(segment.paragraph + 1)),
        ):
            prop = ET.SubElement(tu, "prop", type=name)
            prop.text = value
        for lang, text in (("ko", segment.ko), ("en", segment.en)):
            if text.strip():
                tuv = ET.SubElement(tu, "tuv", {"xml:lang": lang})
                seg = ET.SubElement(tuv, "seg")
                seg.text = _xml_text(_one_line(text))
    ET.indent(tmx)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tmx, encoding="unicode") + "\n"


def to_tsv(article: Article) -> str:
    """Tab-separated: position, paragraph, link, confidence, Korean, English; a header line first."""
    lines = ["position\tparagraph\tlink\tconfidence\tko\ten"]
    for s in article.segments:
        lines.append(
            f"{s.position + 1}\t{s.paragraph + 1}\t{s.link}\t{s.confidence:.3f}\t{_one_line(s.ko)}\t{_one_line(s.en)}"
        )
    return "\n".join(lines) + "\n"


FORMATS = {"tmx": to_tmx, "tsv": to_tsv}
