"""The library's fetch key: what is new in the feeds, fetched and paired while the reader goes on reading.

The work runs in a thread on a connection of its own (`reader fetch` does the same); progress shows in
the library's header, and the summary comes as a notification, after which the table is read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

if TYPE_CHECKING:
    from textual.screen import Screen

    from ...feeds.run import FetchSummary
    from ...store import Store

    class LibraryBase(Screen[None]):
        """To mypy, the screen this is mixed into; at run time `object`."""

        store: Store

        def refresh_header(self) -> None: ...  # LibraryScreen's
        def refresh_listing(self) -> None: ...  # LibraryScreen's

else:
    LibraryBase = object

FETCH_WORKER = "fetch-feeds"


class LibraryFetch(LibraryBase):
    """Mixed into `LibraryScreen`: `r` fetches the feeds in a thread."""

    fetching: str | None = None  # what the header says while a fetch runs

    def action_fetch(self) -> None:
        if self.fetching is not None:
            self.notify("Already fetching the feeds.", timeout=3)
            return
        if self.store.location is None:
            self.notify("This library is in memory: fetch with reader fetch.", timeout=4)
            return
        from ...store.feeds import list_feeds

        if not list_feeds(self.store.conn):
            self.notify(
                "No feeds followed yet. Follow one with: reader feeds add URL",
                markup=False,
                severity="warning",
                timeout=8,
            )
            return
        self.show_fetch_progress("Fetching the feeds…")
        self.fetch_in_thread()

    @work(thread=True, exclusive=True, group=FETCH_WORKER, name=FETCH_WORKER)
    def fetch_in_thread(self) -> None:
        from ...feeds.run import fetch_feeds
        from ...store import Store
        from ...store.feeds import list_feeds

        app = self.app
        assert self.store.location is not None
        try:
            with Store.open(self.store.location) as store:
                summary = fetch_feeds(
                    store,
                    list_feeds(store.conn),
                    on_progress=lambda done, total, what: app.call_from_thread(
                        self.show_fetch_progress, f"Fetching: {done} of {total}"
                    ),
                    on_step=lambda step: None,
                )
        except Exception as exc:  # noqa: BLE001 - a failed fetch is a message, never a crash of the reader
            app.call_from_thread(self.fetch_failed, f"{type(exc).__name__}: {exc}")
        else:
            app.call_from_thread(self.fetch_done, summary)

    def show_fetch_progress(self, message: str) -> None:
        self.fetching = message
        self.refresh_header()

    def fetch_failed(self, reason: str) -> None:
        self.fetching = None
        self.refresh_header()
        self.notify(f"Fetching failed: {reason}", severity="error", timeout=10, markup=False)

    def fetch_done(self, summary: FetchSummary) -> None:
        self.fetching = None
        self.refresh_listing()
        lines = summary.lines()
        self.notify(
            "Fetched: " + "\n".join(lines),
            markup=False,
            severity="warning" if summary.failed else "information",
            timeout=12 if summary.failed else 6,
        )
