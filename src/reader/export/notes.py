"""Notes out of the library: Markdown for people, W3C Web Annotation JSON-LD for other tools."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..store.articles import Article, segment_at
from ..store.notes import Note


def _article_uri(article: Article, side: str) -> str:
    """A stable identifier for one language of an article: its URL when known, else a reader URN."""
    base = article.url or f"urn:reader:article:{article.id}"
    return f"{base}#lang={side}"


def to_w3c(notes: Iterable[Note], articles: dict[int, Article]) -> dict:
    """An AnnotationCollection with every note as an Annotation on its article text."""
    items = []
    for note in notes:
        article = articles[note.article_id]
        body = [{"type": "TextualBody", "value": note.body, "format": "text/plain", "purpose": "commenting"}]
        body += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
        items.append(
            {
                "id": f"urn:reader:note:{note.id}",
                "type": "Annotation",
                "motivation": "commenting",
                "created": note.created,
                "modified": note.updated,
                "body": body,
                "target": {
                    "source": _article_uri(article, note.side),
                    "language": note.side,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": note.exact,
                            "prefix": note.prefix,
                            "suffix": note.suffix,
                        },
                        {"type": "TextPositionSelector", "start": note.start, "end": note.end},
                    ],
                },
                **({"reader:detached": True} if note.detached else {}),
            }
        )
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:reader:notes",
        "type": "AnnotationCollection",
        "label": "reader notes",
        "total": len(items),
        "first": {"id": "urn:reader:notes:page1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_w3c_json(notes: Iterable[Note], articles: dict[int, Article]) -> str:
    return json.dumps(to_w3c(notes, articles), ensure_ascii=False, indent=2) + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in " ".join(text.split()).splitlines() or [""])


def to_markdown(notes: Iterable[Note], articles: dict[int, Article]) -> str:
    """Notes grouped by article, each under the sentence pair it belongs to, in both languages."""
    out: list[str] = ["# Notes", ""]
    current = None
    for note in sorted(notes, key=lambda n: (n.article_id, n.side != "ko", n.start, n.id)):
        article = articles[note.article_id]
        if note.article_id != current:
            current = note.article_id
            out += [f"## {article.title_ko or article.title_en}", ""]
            if article.title_en and article.title_ko:
                out += [f"*{article.title_en}*", ""]
            meta = " · ".join(x for x in (article.source, article.published or "", article.url) if x)
            if meta:
                out += [meta, ""]
        segment = None if note.detached else segment_at(article, note.side, note.start)
        heading = f"### Note {note.id}" + (
            " (detached: its text is no longer in the article)" if note.detached else ""
        )
        out += [heading, ""]
        if segment is not None:
            out += [
                _quote(segment.ko) if segment.ko else "> (no Korean)",
                ">",
                _quote(segment.en) if segment.en else "> (no English)",
                "",
            ]
        if note.target != "segment":
            out += [f"On “{' '.join(note.exact.split())}”:", ""]
        out += [note.body.strip(), ""]
        if note.tags:
            out += ["Tags: " + " ".join(f"#{t}" for t in note.tags), ""]
        out += [
            f"<sub>{note.created[:10]}"
            + (f", edited {note.updated[:10]}" if note.updated != note.created else "")
            + "</sub>",
            "",
        ]
    return "\n".join(out).rstrip() + "\n"
