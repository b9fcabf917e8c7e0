"""Fixing the alignment by hand (J join, s/S split, u undo) and finding words in the article (/, n, N).

Each fix is stored at once as locked rows (re-analysis keeps them); the rows as they were go on an undo
stack for this article. Mixed into `ReadingScreen`, like the notes and the entities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...text.language import LANGUAGE_NAMES
from ..refused_writes import refused_write
from ..widgets.find_bar import FindBar
from ..widgets.parallel_view import ParallelView
from .reading_base import ReadingBase

if TYPE_CHECKING:
    from ...store import SegmentRow


class ReadingAlignment(ReadingBase):
    """Alignment and find actions for `ReadingScreen` (which supplies `store`, `article`, `view`, …)."""

    @property
    def alignment_undo(self) -> list[tuple[int, list[SegmentRow], int]]:
        """(article id, rows before the fix, cursor row then), most recent last."""
        if not hasattr(self, "_alignment_undo"):
            self._alignment_undo: list[tuple[int, list[SegmentRow], int]] = []
        return self._alignment_undo

    def _fix(self, change: str, side: str = "ko") -> None:
        from ...reanalysis import rechecker
        from ...store.segments import join_rows, split_row

        if not self.article.segments:
            return
        row = self.view.cursor
        before = None
        with refused_write(self, f"{change} rows") as attempt:
            recheck = rechecker(self.store.conn, self.article.id)
            if change == "join":
                before = join_rows(self.store.conn, self.article.id, row, recheck)
                refused = "This is the last row: there is nothing below to join."
            else:
                before = split_row(self.store.conn, self.article.id, row, side, recheck)
                refused = f"The {LANGUAGE_NAMES[side]} side of this row is one sentence: nothing to split."
        if attempt.refused:
            return
        if before is None:
            self.notify(refused, timeout=3)
            return
        self.alignment_undo.append((self.article.id, before, row))
        self.reload_article()

    def action_join_rows(self) -> None:
        self._fix("join")

    def action_split_korean(self) -> None:
        self._fix("split", "ko")

    def action_split_english(self) -> None:
        self._fix("split", "en")

    def action_undo_alignment(self) -> None:
        from ...store.segments import write_rows

        stack = self.alignment_undo
        while stack and stack[-1][0] != self.article.id:
            stack.pop()  # fixes of an article no longer shown are kept in the database, not undone here
        if not stack:
            self.notify("No alignment change to undo in this article.", timeout=2)
            return
        _, rows, row = stack[-1]
        with refused_write(self, "undo the change") as attempt:
            write_rows(self.store.conn, self.article.id, rows)
        if attempt.refused:
            return
        stack.pop()
        self.reload_article()
        self.view.move_to(row)

    # --- find in the article ---------------------------------------------------------------------------

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def action_find(self) -> None:
        """`/` is a priority binding: the bar opens as the key arrives, before the keys typed after it are
        looked at; until the focus has moved, `take_typed_ahead` puts those keys in the bar."""
        if self.focused is self.find_bar:
            self.find_bar.type_character("/")  # a slash typed in the bar is text
        else:
            self.find_bar.open()

    def take_typed_ahead(self, character: str) -> bool:
        """Called by the app for each printable key: one typed right after `/` goes into the find bar
        (Korean stays Korean), not to the article as a command."""
        if not self.find_bar.focus_coming:
            return False
        self.find_bar.type_character(character)
        return True

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        if self.view.set_search(event.value, each_word=False):
            self.view.find(1, from_current=True)  # typing shows the first match at or after the cursor

    def on_find_bar_step(self, event: FindBar.Step) -> None:
        if self.view.find(event.step) is None and self.view.search is not None:
            self.notify("No row of this article matches.", timeout=2)

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        self.view.focus()

    def on_parallel_view_search_changed(self, event: ParallelView.SearchChanged) -> None:
        rows, query = event.rows, event.query
        if query is None:
            text = None
        elif rows:
            forms = " in other forms" if event.loosely else ""  # 이재민은 typed, 이재민이 found
            text = f"“{query}”{forms}: {len(rows)} row{'s' * (len(rows) != 1)} (n next, N previous)"
        else:
            text = f"“{query}”: not in this article"
        self.status.set_part("search", text)
