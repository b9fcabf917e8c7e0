"""What a batch import is made of and what it says at the end: items not yet read, and the report.

Shared by the one-process path (`batch`) and the one with worker processes (`parallel`), so both report
alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..store.articles import NewArticle
from ..text.language import LANGUAGE_NAMES


@dataclass(frozen=True, slots=True)
class Item:
    """One article to import, not yet read: `load` reads it, or raises ImportProblem saying why not.

    `paired` says how two files were taken for one article ("by name" …); empty for anything else.
    """

    name: str
    load: Callable[[], NewArticle]
    paired: str = ""


@dataclass(slots=True)
class BatchReport:
    added: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # added, with what had to change
    paired: list[tuple[str, str]] = field(default_factory=list)  # added from two files: names, how
    one_language: list[tuple[str, str]] = field(default_factory=list)  # added with one side: name, language

    def summary(self) -> str:
        kinds = []
        if self.paired:
            kinds.append(f"{len(self.paired)} in both languages")
        for lang in ("Korean", "English"):
            count = sum(1 for _, found in self.one_language if found == lang)
            if count:
                kinds.append(f"{count} {lang} only")
        made = f" ({', '.join(kinds)})" if kinds and self.added else ""
        return (
            f"added {len(self.added)}{made}, skipped {len(self.duplicates)} already in the library, "
            f"failed {len(self.failed)}"
        )


def record_added(report: BatchReport, item: Item, article: NewArticle, article_id: int) -> None:
    """Note in `report` that `item` was stored as `article_id`, and in which languages."""
    report.added.append((item.name, article_id))
    if item.paired:
        report.paired.append((item.name, item.paired))
    elif not (article.ko and article.en):
        report.one_language.append((item.name, LANGUAGE_NAMES["ko" if article.ko else "en"]))
