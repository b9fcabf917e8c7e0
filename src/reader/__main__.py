"""`reader` and `python -m reader`: the commands of `cli`, and with no command the app of `tui`.

The one module above both, so that the command line knows nothing of Textual and the app nothing of the
command line: `cli` opens the library and hands it to the app it is given here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from . import cli

if TYPE_CHECKING:
    from .store import Store


def open_app(store: Store, notice: str | None) -> None:
    """Run the Textual app on `store` until the user quits (Textual is imported only now)."""
    from .tui.app import ReaderApp

    ReaderApp(store, notice=notice).run()


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, open_app=open_app)


if __name__ == "__main__":
    sys.exit(main())
