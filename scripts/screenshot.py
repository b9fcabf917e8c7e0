"""Save the README's screenshots (SVG) of the library and the reading screen on the bundled library.

python scripts/screenshot.py
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


async def shoot() -> None:
    from reader.store import Store
    from reader.tui.app import ReaderApp

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "articles.db"
        shutil.copyfile(ROOT / "articles.db", db)
        os.chdir(tmp)  # the header shows the library path relative to where reader runs
        with Store.open(db) as store:
            app = ReaderApp(store)
            async with app.run_test(size=(160, 40)) as pilot:
                await pilot.pause()
                app.save_screenshot("library.svg", str(ROOT / "docs"))
                await pilot.press("j", "j", "j", "j", "enter")
                await pilot.pause()
                await pilot.press("j", "j")
                await pilot.pause()
                app.save_screenshot("reading.svg", str(ROOT / "docs"))


if __name__ == "__main__":
    asyncio.run(shoot())
