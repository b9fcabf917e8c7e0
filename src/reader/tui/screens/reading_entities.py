"""Entities in the reading screen: colours, Tab between mentions, the panel (`e`), the glossary (`+`).

Also the translation check's reasons for the current row, and the background re-analysis after a
glossary change. Kept apart from `reading.py`, which mixes this in (as it does the notes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.worker import Worker, WorkerState

from ...inert import inert
from ...text.findings import alarms
from ..refused_writes import refused_write
from ..widgets.entity_marks import article_entities, next_row
from ..widgets.entity_panel import EntityPanel
from ..widgets.parallel_view import ParallelView
from ..widgets.status_line import StatusLine
from ..widgets.view_marks import ISSUE_MARK, LOCK_MARK
from .reading_base import ReadingBase

if TYPE_CHECKING:
    from ...store import StoredMention
    from ..dialogs.glossary_entry import GlossaryDraft

REANALYSIS = "reanalysis"


class ReadingEntities(ReadingBase):
    """Entity actions for `ReadingScreen` (which supplies `store`, `article`, `view`, `query_one`, `notify`)."""

    def on_mount(self) -> None:
        self.view.set_mentions(self.article.mentions)
        self.show_row_status()

    # --- what the status line says -------------------------------------------------------------------

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def mention_text(self, mention: StoredMention) -> str:
        return self.article.text(mention.side)[mention.start : mention.end]

    def describe_mention(self, mention: StoredMention) -> Text:
        """`쿠르스크 ↔ Kursk · PLACE · glossary`: both forms (Korean first), the type, how they were linked."""
        partner = self.view.mention(mention.partner)
        forms = {mention.side: self.mention_text(mention)}
        if partner is not None:
            forms[partner.side] = self.mention_text(partner)
        shown = " ↔ ".join(inert(forms[side]) for side in ("ko", "en") if side in forms)
        details = [mention.type, (mention.how or "linked") if partner is not None else "not linked"]
        if mention.guess:
            details.append("a guess")
        line = Text(shown, style="bold")
        line.append(" · " + " · ".join(details))
        return line

    def on_parallel_view_mention_selected(self, event: ParallelView.MentionSelected) -> None:
        self.status.set_part("mention", self.describe_mention(event.mention) if event.mention else None)

    def on_parallel_view_cursor_moved(self, event: ParallelView.CursorMoved) -> None:
        self.status.set_part("flag", None)  # "no flagged row below" was said of the row just left
        self.show_row_status()

    def show_row_status(self) -> None:
        """The translation check's reasons for the current row, and whether it was aligned by hand."""
        segments = self.view.segments
        if not segments:
            self.status.set_part("row", None)
            return
        segment = segments[min(self.view.cursor, len(segments) - 1)]
        line = Text()
        # each finding names both figures ("1,485 miles ≈ 2,390 km, the Korean says 1907km"); a remark
        # (a figure found in the neighbouring row) comes after the alarms, without the flag
        flagged = alarms(segment.issues)
        remarks = [r for r in segment.issues if r not in flagged]
        if flagged:
            line.append(f"{ISSUE_MARK} ", style="bold")
            line.append("; ".join(inert(reason) for reason in flagged))
        if remarks:
            line.append(
                ("   " if line else "") + "; ".join(inert(reason) for reason in remarks), style="italic"
            )
        if segment.locked:
            line.append(("   " if line else "") + f"{LOCK_MARK} aligned by hand")
        self.status.set_part("row", line)

    # --- the rows the translation check flagged (f / F) -----------------------------------------------

    def action_next_flag(self) -> None:
        self.to_flagged_row(1)

    def action_previous_flag(self) -> None:
        self.to_flagged_row(-1)

    def to_flagged_row(self, step: int) -> None:
        """The cursor to the next (1) or previous (-1) row with a `!`; when there is none that way, the
        status line says so and the cursor stays (no wrapping round: the reader knows the end is reached)."""
        cursor = self.view.cursor
        flagged = [row for row, segment in enumerate(self.view.segments) if alarms(segment.issues)]
        if step > 0:
            target = next((row for row in flagged if row > cursor), None)
        else:
            target = next((row for row in reversed(flagged) if row < cursor), None)
        if target is not None:
            self.view.move_to(target)
        elif not flagged:
            self.status.set_part("flag", "The translation check flagged no row of this article.")
        else:
            where = "below" if step > 0 else "above"
            self.status.set_part("flag", f"No flagged row {where} this one ({len(flagged)} in this article).")

    # --- the entities panel ---------------------------------------------------------------------------

    @property
    def entity_panel(self) -> EntityPanel:
        return self.query_one(EntityPanel)

    def action_entities(self) -> None:
        panel = self.entity_panel
        if panel.is_open:
            self.on_entity_panel_closed(EntityPanel.Closed())
            return
        self.refresh_entity_panel(force=True)
        panel.open()

    def refresh_entity_panel(self, *, force: bool = False) -> None:
        """List the article's entities again (after a join, a split or a re-analysis) if the panel shows."""
        if force or self.entity_panel.is_open:
            article = self.article
            self.entity_panel.set_groups(
                article_entities(article.segments, article.mentions, article.ko_text, article.en_text)
            )

    def on_entity_panel_chosen(self, event: EntityPanel.Chosen) -> None:
        """To the next row holding the entity, with its mention there selected (so its partner lights up)."""
        group = event.group
        row = next_row(group.rows, self.view.cursor)
        if row is None:
            return
        self.view.move_to(row)
        here = self.view.row_mentions(row)
        wanted = [("ko", group.ko), ("en", group.en)]
        mention = next((m for side, form in wanted if form for m in here
                        if m.side == side and self.mention_text(m) == form and m.type == group.type), None)  # fmt: skip
        if mention is not None:
            self.view.select(mention)

    def on_entity_panel_closed(self, event: EntityPanel.Closed) -> None:
        self.entity_panel.close()
        self.view.focus()

    # --- adding to the glossary -----------------------------------------------------------------------

    def action_add_to_glossary(self) -> None:
        """Offer the selected mention (and its partner) as a new glossary entry."""
        from ...text.entity_types import NAME_TYPES
        from ..dialogs.glossary_entry import GlossaryEntryDialog

        mention = self.view.selected_mention
        if mention is None:
            self.notify("Select a name with Tab first, then press + to add it to the glossary.", timeout=3)
            return
        if self.store.write_refusal is not None:
            self.notify(
                f"Cannot add to the glossary: {self.store.write_refusal}", severity="error", markup=False
            )
            return
        partner = self.view.mention(mention.partner)
        forms = {mention.side: self.mention_text(mention)}
        if partner is not None:
            forms[partner.side] = self.mention_text(partner)
        if partner is not None and mention.how == "glossary":
            self.notify(
                f"{forms.get('ko', '')} ↔ {forms.get('en', '')} is in the glossary already (reader glossary list).",
                timeout=3,
                markup=False,
            )
            return
        dialog = GlossaryEntryDialog(forms.get("ko", ""), forms.get("en", ""), mention.type, NAME_TYPES)
        self.app.push_screen(dialog, callback=self.save_glossary_entry)

    def save_glossary_entry(self, draft: GlossaryDraft | None) -> None:
        if draft is None:
            return
        from ...store.glossary import add_entry
        from ...text.glossary import Entry

        entry = Entry(ko=draft.ko, en=draft.en, type=draft.type, note=draft.note)
        added = None
        with refused_write(self, "add to the glossary") as attempt:
            added = add_entry(self.store.conn, entry)
        if attempt.refused:
            return
        if added is None:
            self.notify("That entry is already in the glossary.", timeout=3)
            return
        self.notify(f"Added {' | '.join(entry.ko)} ↔ {' | '.join(entry.en)} to the glossary.", timeout=3)
        if self.store.location is None:
            self.notify("This library is in memory: re-import to see the change.", timeout=4)
            return
        self.status.set_part("job", "Glossary changed: finding the articles it touches…")
        self.reanalyse(entry)

    @work(thread=True, group=REANALYSIS, name=REANALYSIS)
    def reanalyse(self, entry: Any) -> list[int]:
        """Redo the entity layer of every article the new entry touches, on a connection of its own.

        Loads the language model (seconds), so it runs in a thread; reading goes on meanwhile. Not
        exclusive: a second entry added meanwhile gets its own pass, so neither entry's articles are missed.
        """
        from ...reanalysis import affected_articles, refresh_entities
        from ...store import Store
        from ...store.glossary import load_glossary

        assert self.store.location is not None
        store = Store.open(self.store.location)
        try:
            ids = affected_articles(store.conn, [entry])
            self.app.call_from_thread(self._reanalysis_progress, 0, len(ids))
            refresh_entities(store.conn, ids, load_glossary(store.conn),
                             progress=lambda done, total: self.app.call_from_thread(
                                 self._reanalysis_progress, done, total))  # fmt: skip
            return ids
        finally:
            store.close()

    def _reanalysis_progress(self, done: int, total: int) -> None:
        self.status.set_part("job", f"Re-analysing with the new glossary entry: {done}/{total} articles")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != REANALYSIS:
            return
        others = any(
            w.name == REANALYSIS and w.is_running and w is not event.worker for w in self.app.workers
        )
        if event.state == WorkerState.SUCCESS:
            ids = event.worker.result or []
            if not others:
                self.status.set_part("job", None)
            self.notify(f"Re-analysed {len(ids)} article{'s' * (len(ids) != 1)}.", timeout=3)
            if self.article.id in ids:
                self.reload_article()
        elif event.state == WorkerState.ERROR:
            if not others:
                self.status.set_part("job", None)
            self.notify(f"Re-analysis failed: {event.worker.error}", severity="error", timeout=6)
