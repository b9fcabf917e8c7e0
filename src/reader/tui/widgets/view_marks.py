"""The reading view's look, apart from its layout and movement: its component classes and CSS (the
entity palette), the gutter glyphs, the help legend, and the layers of marks (styled spans) its rows are
drawn with.

Kept out of `parallel_view` so the widget holds the drawing of lines and the cursor; what is here
changes with the palette and with what is marked, never with how rows are laid out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from rich.text import Text

from ...store import Segment
from ...store.articles import side_span
from . import entity_marks as em

#: A styled stretch of one side of a row: (row index, side "ko"|"en", start, end, component class). Offsets
#: are in that side's whole article text, like segment and note spans.
Mark = tuple[int, str, int, int, str]
SIDE_INDEX = {"ko": 0, "en": 1}
#: Gutter marks: the translation check flagged the row; the row was aligned by hand (locked).
ISSUE_MARK, LOCK_MARK = "!", "•"
#: The help legend's entity types: the five the eye looks for first, then the rest.
LEGEND_ORDER = ("PERSON", "PLACE", "ORG", "DATE", "QUANTITY", "EQUIPMENT", "OTHER")
LEGEND_LABELS = {"ORG": "Organisation"}


COMPONENT_CLASSES: set[str] = {
    "parallel-view--heading",
    "parallel-view--cursor",
    "parallel-view--bar",
    "parallel-view--unsure",
    "parallel-view--rule",
    "parallel-view--empty",
    "parallel-view--note",
    "parallel-view--note-mark",
    "parallel-view--selection",
    *em.MENTION_CLASSES.values(),
    em.GUESS_CLASS,
    em.SELECTED_CLASS,
    em.PARTNER_CLASS,
    em.MATCH_CLASS,
    "parallel-view--issue",
    "parallel-view--locked",
}

#: Component classes whose styles are baked into wrapped rows (checked on every line drawn: keep it short).
MARK_CLASSES = (
    *em.MENTION_CLASSES.values(),
    em.GUESS_CLASS,
    em.SELECTED_CLASS,
    em.PARTNER_CLASS,
    em.MATCH_CLASS,
    "parallel-view--note",
    "parallel-view--selection",
)

VIEW_CSS = """
    ParallelView {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        background: $surface;
        & > .parallel-view--heading { color: $text-primary; text-style: bold; }
        & > .parallel-view--cursor { background: $primary 18%; }
        & > .parallel-view--bar { color: $accent; }
        & > .parallel-view--unsure { color: $text-muted; }
        & > .parallel-view--rule { color: $primary 30%; }
        & > .parallel-view--empty { color: $text-muted; text-style: italic; }
        /* A note: underlined on a tint, as a place is underlined too (types below; a noted place shows both). */
        & > .parallel-view--note { background: $success-muted; text-style: underline; }
        & > .parallel-view--note-mark { color: $warning; }
        & > .parallel-view--selection { background: $accent 45%; text-style: bold; }
        /* Entity types: a colour AND a text style each, so they differ without colour too (NO_COLOR, 16
           colours, colour-blind readers). Bold and underline show on Hangul in any terminal; italic may
           not (few Korean fonts have an italic face), so the Hangul-heavy types (person, place, organisation) differ
           by bold/underline alone, and italic goes to dates and quantities, whose digits do slant. No dim
           (a guessed link), no reverse (the selected name), no background (notes, find hits, the
           counterpart).
           Colours: after the Okabe-Ito palette (safe for red-green colour blindness; purple made pinker to stay
           magenta in 16 colours), darker on light themes. */
        & > .parallel-view--person { color: #E69F00; text-style: bold; }
        & > .parallel-view--place { color: #56B4E9; text-style: underline; }
        & > .parallel-view--org { color: #E07BC8; text-style: bold underline; }
        & > .parallel-view--date { color: #2EC4A0; text-style: italic; }
        & > .parallel-view--quantity { color: #F0E442; text-style: bold italic; }
        & > .parallel-view--equipment { color: #F07E3C; text-style: italic underline; }
        & > .parallel-view--other { color: #B0B0B0; }
        &:light > .parallel-view--person { color: #9A5B00; }
        &:light > .parallel-view--place { color: #0067A0; }
        &:light > .parallel-view--org { color: #A23F7E; }
        &:light > .parallel-view--date { color: #007A5A; }
        &:light > .parallel-view--quantity { color: #6E6400; }
        &:light > .parallel-view--equipment { color: #B34700; }
        &:light > .parallel-view--other { color: #5E5E5E; }
        & > .parallel-view--guess { text-style: dim; }
        & > .parallel-view--mention-selected { text-style: reverse bold; }
        & > .parallel-view--mention-partner { background: $accent-muted; text-style: bold underline; }
        & > .parallel-view--match { background: $warning-muted; }
        & > .parallel-view--issue { color: $text-warning; text-style: bold; }
        & > .parallel-view--locked { color: $text-muted; }
        &:focus > .parallel-view--cursor { background: $primary 28%; }
    }
    """


def help_legend(style_of: Callable[[str], Style]) -> Text:
    """What the styles and gutter marks mean, each drawn in the style in force (`style_of` a component class:
    the view's, for the help screen)."""

    def shown(label: str, component: str) -> list[Text]:
        return [Text(label, style=style_of(component)), Text("  ")]

    parts = [Text("Names: ", style="bold")]
    for kind in LEGEND_ORDER:
        parts += shown(LEGEND_LABELS.get(kind, kind.title()), em.MENTION_CLASSES[kind])
    parts.append(Text("\nMarks: ", style="bold"))
    for label, component in (("selected", em.SELECTED_CLASS), ("its counterpart", em.PARTNER_CLASS),
                             ("guessed link", em.GUESS_CLASS), ("noted", "parallel-view--note"),
                             ("find hit", em.MATCH_CLASS)):  # fmt: skip
        parts += shown(label, component)
    parts.append(Text("\nGutter: ", style="bold"))
    for mark, component, meaning in (
        (ISSUE_MARK, "parallel-view--issue", "the two languages disagree (f, F)"),
        (LOCK_MARK, "parallel-view--locked", "aligned by hand"),
        ("?", "parallel-view--unsure", "alignment unsure"),
    ):
        parts += [Text(mark, style=style_of(component)),
                  Text(f" {meaning}  ")]  # fmt: skip
    return Text.assemble(*parts)


class MarkLayers:
    """Named layers of marks (notes, a selection, names, search hits) and the note glyphs of the gutter.

    Each layer is indexed by (row, side) when first needed after it changes, so replacing one layer never
    goes through the others: a 10 MB article's 185,000 names are not gone through for a selected name.
    """

    def __init__(self) -> None:
        self.marks: dict[str, list[Mark]] = {}  # named layers of styled spans (notes, a selection, …)
        # Per layer, (row, side) -> its spans in row-local offsets; indexed when first needed after a change.
        self._rows: dict[str, dict[tuple[int, int], list[tuple[int, int, str]]]] = {}
        self.gutter: dict[tuple[int, int], str] = {}  # (row, side) -> a glyph beside its first line

    def replace(
        self, layer: str, marks: Sequence[Mark], gutter: dict[tuple[int, str], str] | None = None
    ) -> set[int]:
        """Replace one layer (and, given `gutter`, the gutter glyphs); returns the rows restyled."""
        touched = {(m[0], SIDE_INDEX[m[1]]) for m in self.marks.get(layer, ())}
        self.marks[layer] = list(marks)
        touched |= {(m[0], SIDE_INDEX[m[1]]) for m in marks}
        if gutter is not None:
            self.gutter = {(row, SIDE_INDEX[side]): glyph for (row, side), glyph in gutter.items()}
        self._rows.pop(layer, None)
        return {row for row, _ in touched}

    def forget_rows(self) -> None:
        """The rows changed (another article, or this one realigned): index every layer afresh."""
        self._rows.clear()

    def _index(
        self, layer: str, segments: Sequence[Segment]
    ) -> dict[tuple[int, int], list[tuple[int, int, str]]]:
        """One layer's spans by (row, side), in offsets local to that side of the row."""
        index = self._rows.get(layer)
        if index is None:
            index = self._rows[layer] = {}
            for row, side, start, end, component in self.marks[layer]:
                if 0 <= row < len(segments):
                    base = side_span(segments[row], side)[0]
                    index.setdefault((row, SIDE_INDEX[side]), []).append(
                        (start - base, end - base, component)
                    )
        return index

    def spans(self, segments: Sequence[Segment], row: int, side: int) -> list[tuple[int, int, str]]:
        """Row-local spans of one side of `row` (0 Korean, 1 English), layer by layer, with their classes."""
        return [span for layer in self.marks for span in self._index(layer, segments).get((row, side), ())]
