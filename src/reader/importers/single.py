"""Adding one article: text pasted in, and the store-and-analyse step every way of adding shares.

One address or file is read by `batch.article_from_source`. `reader add`, a batch and the TUI's "add
article" dialog all end in `add_article`, so an article added any way is cleaned, checked for duplicates
and analysed the same. No Textual here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..store.articles import NewArticle
from ..text.language import LANGUAGE_NAMES, detect_language
from .clean import clean_text, describe_replaced, storable
from .errors import ImportProblem
from .titles import title_and_text

if TYPE_CHECKING:
    from ..analysis import Analysis  # at run time only where an article is analysed: numpy and the models

Step = Callable[[str], None]


def article_from_pasted(ko: str, en: str, *, title_ko: str = "", title_en: str = "") -> NewArticle:
    """Text typed or pasted for either side (or both); a title left empty is that side's first line.

    A side whose text is plainly in the other language is refused: pasted into the wrong box, it would
    be aligned against itself.
    """
    ko, en = clean_text(ko), clean_text(en)
    if not ko and not en:
        raise ImportProblem("nothing to add: paste Korean and/or English text, or give a web address or file")
    for text, want in ((ko, "ko"), (en, "en")):
        found = detect_language(text) if text else want
        if found is not None and found != want:
            raise ImportProblem(
                f"the {LANGUAGE_NAMES[want]} text looks {LANGUAGE_NAMES[found]}: is it in the wrong box?"
            )
    title_ko, ko = title_and_text(ko, title_ko) if ko else (title_ko.strip(), ko)
    title_en, en = title_and_text(en, title_en) if en else (title_en.strip(), en)
    return NewArticle(ko=ko, en=en, title_ko=title_ko, title_en=title_en)


@dataclass(frozen=True, slots=True)
class Analysed:
    """An article made storable and analysed, not yet stored; `warnings` say what had to change or looks
    wrong, each in one line (said once it is stored). Plain data: a worker process hands it to the writer."""

    article: NewArticle
    analysis: Analysis
    warnings: tuple[str, ...] = ()


def analyse_new_article(
    article: NewArticle,
    glossary,
    *,
    refuse_stored: Callable[[NewArticle], None],
    on_step: Step | None = None,
) -> Analysed:
    """Clean `article` up for storing and analyse it; before any analysis, `refuse_stored(article)`
    raises `DuplicateArticle` when the library holds it already. Reads no database itself."""
    from ..analysis import analyse

    # A title made from the text (its first sentence) repeats the text's surrogates: they are reported once.
    copies = {
        f"title_{side}"
        for side in ("ko", "en")
        if getattr(article, f"title_{side}")
        and getattr(article, f"title_{side}").rstrip("…") in " ".join(getattr(article, side).split())
    }
    article, replaced = storable(article)
    replaced = [r for r in replaced if r.field not in copies]
    refuse_stored(article)
    result = analyse(article.ko, article.en, glossary, on_step=on_step, published=article.published)
    warnings = [describe_replaced(replaced)] if replaced else []
    if _two_stories(article):
        from ..text.story_match import TWO_STORIES

        warnings.append(f"{TWO_STORIES}: are the two sides from the same article?")
    return Analysed(article, result, tuple(warnings))


def store_analysed(
    store,
    analysed: Analysed,
    *,
    added: str | None = None,
    on_warning: Step | None = None,
    then: Callable[[sqlite3.Connection, int], None] | None = None,
) -> int:
    """Store an analysed article in one transaction (a duplicate that arrived meanwhile raises
    `DuplicateArticle`), then say its warnings; its id."""
    result = analysed.analysis
    article_id = store.insert_article(
        analysed.article, result.sentences, result.segments, mentions=result.mentions, added=added, then=then
    )
    if on_warning is not None:
        for warning in analysed.warnings:
            on_warning(warning)
    return article_id


def add_article(
    store,
    article: NewArticle,
    *,
    glossary=None,
    on_step: Step | None = None,
    added: str | None = None,
    on_warning: Step | None = None,
    then: Callable[[sqlite3.Connection, int], None] | None = None,
) -> int:
    """Analyse `article` and store it; its id. A duplicate raises `DuplicateArticle` before any analysis.

    `glossary` defaults to the library's (a batch passes it once for all its articles); `on_step` hears
    what is happening ("Analysing…"), for a status line — the Korean model takes seconds to load the
    first time; `added` fixes the time stamp (the sample library is built reproducibly). `on_warning`
    hears what had to change for the article to be storable (lone surrogates made U+FFFD), in one line.
    `then(conn, article_id)` runs in the transaction that stores it (a fetch records the item there).
    """
    from ..store.articles import refuse_stored
    from ..store.glossary import load_glossary

    analysed = analyse_new_article(
        article,
        glossary if glossary is not None else load_glossary(store.conn),
        refuse_stored=partial(refuse_stored, store.conn),
        on_step=on_step,
    )
    if on_step is not None:
        on_step("Saving…")
    return store_analysed(store, analysed, added=added, on_warning=on_warning, then=then)


def _two_stories(article: NewArticle) -> bool:
    """Whether the two sides look like two different stories (after analysis, whose sentences and
    sentence vectors are at hand again)."""
    if not article.ko.strip() or not article.en.strip():
        return False
    from ..text.story_match import two_stories

    return two_stories(article.title_ko, article.ko, article.title_en, article.en)


__all__ = ["Analysed", "add_article", "analyse_new_article", "article_from_pasted", "store_analysed"]
