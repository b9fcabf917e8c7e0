"""The TUI starts without the analysis stack: no language model, no sqlite-utils (and its numpy)."""

from __future__ import annotations

import subprocess
import sys


def test_tui_imports_neither_kiwi_nor_sqlite_utils() -> None:
    probe = "import reader.tui.app, sys; print('\\n'.join(sys.modules))"
    modules = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                 check=True).stdout.split())  # fmt: skip
    assert "reader.tui.app" in modules and "textual" in modules
    for heavy in ("kiwipiepy", "sqlite_utils", "pysbd", "rapidfuzz", "reader.analysis"):
        assert heavy not in modules, heavy
    # Textual's Footer (a widget per key) cost most of the first frame; KeyHints draws the keys instead.
    assert "textual.widgets._footer" not in modules
