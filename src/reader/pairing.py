"""Pairing across languages: a Korean story and its English edition become one bilingual article.

Used by `reader fetch` (new items against each other and against the one-language articles already in
the library) and by `reader pair` / `reader unpair` by hand. Each new page is analysed once, as part of
the one article it ends in: pairs are chosen before analysis. Scoring is `text.story_match`; storing
is `store.pairs`. No network, no Textual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .store import NewArticle, Store
from .store.article_record import article_record
from .store.pairs import candidates, join_articles, mark_paired, refused, split_article
from .text.story_match import MAX_DAYS_APART, OPENING_CHARS, Story, match_stories, opening

__all__ = ["Side", "choose_pairs", "join", "parse_time", "split", "story_of"]


def parse_time(value: str | None) -> datetime | None:
    """An ISO date or date-time as a naive UTC datetime (a date alone is its noon), or None."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if len(value.strip()) <= 10:
        when = when.replace(hour=12)
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when


def story_of(lang: str, title: str, text: str, published: str | None) -> Story:
    from .text.meaning import passage_vector

    passage = ([title] if title.strip() else []) + opening(text, lang)
    return Story.of(lang, text[:OPENING_CHARS], passage_vector(passage), parse_time(published))


@dataclass(slots=True)
class Side:
    """One language of a story: either a page just fetched (`article`, not stored yet) or an article in
    the library (`article_id`)."""

    lang: str
    story: Story
    article: NewArticle | None = None
    article_id: int | None = None
    url: str = ""


def choose_pairs(store: Store, new: Sequence[Side]) -> list[tuple[Side, Side, float]]:
    """The (Korean, English, score) pairs among `new` and the library's one-language articles of the same
    days; every pair holds at least one new side, and no side is in two pairs."""
    if not new:
        return []
    times = [s.story.published for s in new if s.story.published is not None]
    sides: dict[str, list[Side]] = {
        "ko": [s for s in new if s.lang == "ko"],
        "en": [s for s in new if s.lang == "en"],
    }
    for lang in ("ko", "en"):
        if not any(s.lang != lang for s in new):
            continue  # nothing new in the other language to pair a stored one with
        window = (
            (
                (min(times) - timedelta(days=MAX_DAYS_APART + 1)).isoformat(),
                (max(times) + timedelta(days=MAX_DAYS_APART + 1)).isoformat(),
            )
            if times
            else (None, None)
        )
        for c in candidates(store.conn, lang, *window):
            when = parse_time(c.published) or parse_time(c.added)
            if (
                times
                and when is not None
                and min(abs(when - t) for t in times) > timedelta(days=MAX_DAYS_APART)
            ):
                continue
            sides[lang].append(
                Side(lang, story_of(lang, c.title, c.text, c.published or c.added), article_id=c.id)
            )
    kos, ens = sides["ko"], sides["en"]
    refusals = {
        (i, j)
        for i, k in enumerate(kos)
        for j, e in enumerate(ens)
        if (k.article is None and e.article is None)
        or (
            k.article_id is not None
            and e.article_id is not None
            and refused(store.conn, k.article_id, e.article_id)
        )
    }
    return [
        (kos[i], ens[j], score)
        for i, j, score in match_stories([k.story for k in kos], [e.story for e in ens], refused=refusals)
    ]


def bilingual(ko: NewArticle, en: NewArticle) -> NewArticle:
    """One article from a Korean and an English one: the Korean's source and date, both titles."""
    return NewArticle(
        ko=ko.ko,
        en=en.en,
        title_ko=ko.title_ko,
        title_en=en.title_en,
        source=ko.source or en.source,
        url=ko.url or en.url,
        published=ko.published or en.published,
        author=ko.author or en.author,
    )


def join(
    store: Store,
    ko: NewArticle,
    en: NewArticle,
    *,
    ko_id: int | None,
    en_id: int | None,
    ko_url: str,
    en_url: str,
    by_hand: bool,
    glossary=None,
    on_step: Callable[[str], None] | None = None,
    then: Callable[[sqlite3.Connection, int], None] | None = None,
) -> int:
    """Analyse the pair as one article and store it: a new article when neither side is stored yet,
    else the stored side becomes the pair (the Korean one when both are). Returns its id. `then` runs
    in the same transaction (a fetch remembers its items there)."""
    from .analysis import analyse
    from .store.glossary import load_glossary

    article = bilingual(ko, en)
    result = analyse(
        article.ko,
        article.en,
        glossary if glossary is not None else load_glossary(store.conn),
        on_step=on_step,
        published=article.published,
    )
    if ko_id is None and en_id is None:

        def as_pair(conn: sqlite3.Connection, article_id: int) -> None:
            mark_paired(conn, article_id, ko_url, en_url, by_hand=by_hand)
            if then is not None:
                then(conn, article_id)

        return store.insert_article(
            article, result.sentences, result.segments, mentions=result.mentions, then=as_pair
        )
    keep, drop = (ko_id, en_id) if ko_id is not None else (en_id, None)
    assert keep is not None
    join_articles(
        store.conn,
        keep,
        drop,
        article,
        result.sentences,
        result.segments,
        result.mentions,
        ko_url=ko_url,
        en_url=en_url,
        by_hand=by_hand,
        then=then,
    )
    return keep


def stored_side(store: Store, article_id: int, lang: str) -> tuple[NewArticle, str]:
    """One language of a stored article as a one-language NewArticle, and that side's address."""
    row = article_record(store.conn, article_id)
    if row is None:
        raise LookupError(f"no article with id {article_id}")
    text = row["ko_text"] if lang == "ko" else row["en_text"]
    url = row[f"{lang}_url"] or (row["url"] if row["original_lang"] == lang else "")
    article = NewArticle(
        ko=text if lang == "ko" else "",
        en=text if lang == "en" else "",
        title_ko=row["title_ko"] if lang == "ko" else "",
        title_en=row["title_en"] if lang == "en" else "",
        source=row["source"],
        url=url,
        published=row["published"],
        author=row["author"],
    )
    return article, url


def split(store: Store, article_id: int, *, glossary=None) -> int:
    """Split a bilingual article into its Korean article (same id) and a new English one (returned)."""
    from .analysis import analyse
    from .store.glossary import load_glossary

    terms = glossary if glossary is not None else load_glossary(store.conn)
    ko, _ = stored_side(store, article_id, "ko")
    en, _ = stored_side(store, article_id, "en")
    parts = []
    for side in (ko, en):
        result = analyse(side.ko, side.en, terms, published=side.published)
        parts.append((side, result.sentences, result.segments, result.mentions))
    return split_article(store.conn, article_id, parts[0], parts[1])


def join_with_stored(store: Store, article: NewArticle) -> tuple[int, str] | None:
    """A Korean and English article whose Korean (or English) text is stored already on its own: that
    article takes the other side (its id, notes and star stay), as a fetch joins an edition that arrives
    later, instead of the text being stored twice. Its id and what was done; None when no side is stored
    alone, or when the pair itself is (a duplicate, which adding it then says)."""
    if not article.ko.strip() or not article.en.strip():
        return None
    from .store.articles import find_by_hash

    if find_by_hash(store.conn, article.content_hash) is not None:
        return None  # the two sides are stored together already: adding it says it is a duplicate
    alone = {
        "ko": find_by_hash(store.conn, NewArticle(ko=article.ko, en="").content_hash),
        "en": find_by_hash(store.conn, NewArticle(ko="", en=article.en).content_hash),
    }
    if alone["ko"] is None and alone["en"] is None:
        return None
    ko_id, en_id = alone["ko"], alone["en"]
    new_side = {
        "ko": NewArticle(ko=article.ko, en="", title_ko=article.title_ko, source=article.source,
                         url=article.url, published=article.published, author=article.author),
        "en": NewArticle(ko="", en=article.en, title_en=article.title_en, source=article.source,
                         url=article.url, published=article.published, author=article.author),
    }  # fmt: skip
    sides = {
        lang: stored_side(store, i, lang) if i is not None else (new_side[lang], "")
        for lang, i in alone.items()
    }
    kept = ko_id if ko_id is not None else en_id
    assert kept is not None
    article_id = join(
        store,
        sides["ko"][0],
        sides["en"][0],
        ko_id=ko_id,
        en_id=en_id,
        ko_url=sides["ko"][1],
        en_url=sides["en"][1],
        by_hand=True,
    )
    if ko_id is not None and en_id is not None:
        said = f"joined article {ko_id} (this Korean text) and article {en_id} (this English text) into one"
    else:
        held, gave = ("Korean", "English") if ko_id is not None else ("English", "Korean")
        said = f"article {kept} held this {held} text alone; it now has the {gave} side too, its notes kept"
    from .text.story_match import TWO_STORIES, two_stories

    ko, en = sides["ko"][0], sides["en"][0]
    if two_stories(ko.title_ko, ko.ko, en.title_en, en.en):
        said += f"; warning: {TWO_STORIES}: reader unpair {article_id} splits them"
    return article_id, said
