"""The models of a parallel import, loaded once: importing this module loads them.

A parallel import (`reader.importers.parallel`) starts a fork server that imports this module before it
forks any analysing process, so the models (Kiwi, the sentence encoder, the name taggers) are read from
disk and warmed up once, and every worker starts with them ready, sharing their memory with the server
until it writes to a page. The server must hold no thread when it forks (a fork copies only the thread
that forks): the numerical libraries get one thread each, and Kiwi none of its own. Nothing else imports
this module.
"""

from __future__ import annotations

import os

from .parallel import ONE_THREAD, die_with_parent

# A short article with a name, a place, a date and a figure on each side: analysing it loads every model
# and runs each one once, which is when some of them finish loading (Kiwi builds its tables on first use).
_KO = "김민수 외교부 장관은 3일 서울에서 기자회견을 열었다. 그는 수출이 12% 늘었다고 말했다."
_EN = (
    "Foreign Minister Kim Min-su held a press conference in Seoul on the 3rd. "
    "He said exports rose 12 percent."
)


def load_models() -> None:
    """Load and warm up every model an import uses, in this process, with no threads of their own."""
    for name in ONE_THREAD:
        os.environ.setdefault(name, "1")
    from ..text.korean import without_threads

    without_threads()
    from ..store.articles import NewArticle
    from .single import analyse_new_article

    analyse_new_article(
        NewArticle(ko=_KO, en=_EN, title_ko="", title_en=""), None, refuse_stored=lambda _: None
    )


die_with_parent()  # the fork server ends with the writer that started it, and its workers with it
# A model that cannot load here fails again in each worker, for each article, said in one line as the
# one-process import says it; the fork server itself must not die of it.
try:
    load_models()
except Exception:  # noqa: BLE001, S110
    pass
