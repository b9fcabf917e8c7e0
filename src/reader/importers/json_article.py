"""Articles as JSON objects: the format `reader add ARTICLE.json` and `reader add -` read."""

from __future__ import annotations

import json
from typing import Any

from ..store.articles import NewArticle
from .clean import check_date, clean_text
from .errors import ImportProblem
from .titles import title_and_text

FIELDS = ("ko", "en", "title_ko", "title_en", "source", "url", "published")


def malformed(name: str, raw: str, exc: json.JSONDecodeError) -> str:
    """One line for JSON that cannot be read: empty input said as such, else where and what."""
    if not raw.strip():
        return f"{name}: no text to import (empty)"
    # "Invalid control character at": json's message runs on into the position given after it
    what = exc.msg.removesuffix(" at")
    return f"{name}: malformed JSON (line {exc.lineno}, column {exc.colno}: {what})"


def article_from_json(raw: str, name: str) -> NewArticle:
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportProblem(malformed(name, raw, exc)) from None
    if not isinstance(data, dict):
        raise ImportProblem(f"{name}: expected a JSON object with 'ko' and 'en', got {type(data).__name__}")
    unknown = sorted(set(data) - set(FIELDS) - {"author"})
    if unknown:
        raise ImportProblem(f"{name}: unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    for key in (*FIELDS, "author"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise ImportProblem(f"{name}: field '{key}' must be a string")
    ko = clean_text(data.get("ko") or "")
    en = clean_text(data.get("en") or "")
    if not ko and not en:
        raise ImportProblem(f"{name}: the article has neither 'ko' nor 'en' text")
    try:
        published = check_date(data.get("published"))
    except ValueError as exc:
        raise ImportProblem(f"{name}: {exc}") from None
    title_ko, ko = title_and_text(ko, data.get("title_ko")) if ko else (data.get("title_ko") or "", ko)
    title_en, en = title_and_text(en, data.get("title_en")) if en else (data.get("title_en") or "", en)
    return NewArticle(
        ko=ko,
        en=en,
        title_ko=title_ko.strip(),
        title_en=title_en.strip(),
        source=(data.get("source") or "").strip(),
        url=(data.get("url") or "").strip(),
        published=published,
        author=data.get("author"),
    )
