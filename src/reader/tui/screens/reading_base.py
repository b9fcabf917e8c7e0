"""What the reading screen's mixins (`reading_notes`, `reading_entities`, `reading_alignment`,
`reading_translate`) may use of the screen they are mixed into, said once for the type checker.

To mypy, `ReadingBase` is a `Screen` with the attributes and methods `ReadingScreen` and the other mixins
supply, so a mixin's `self.notify(…)` or `self.reload_article()` is checked like the screen's own code.
At run time it is `object`: the mixins stay plain classes, and `ReadingScreen` is built exactly as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from ...store import Article, Store
    from ..widgets.parallel_view import ParallelView
    from ..widgets.status_line import StatusLine

    class ReadingBase(Screen[int]):
        store: Store
        article: Article

        @property
        def view(self) -> ParallelView: ...  # ReadingScreen's
        @property
        def status(self) -> StatusLine: ...  # ReadingEntities'
        def show_article(self, article_id: int) -> None: ...  # ReadingScreen's
        def reload_article(self) -> None: ...  # ReadingScreen's

else:
    ReadingBase = object
