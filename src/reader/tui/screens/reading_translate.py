"""Machine translation from the reading screen (`T`): the missing side of a one-language article.

The engine is the one chosen in the user's config file, as for `reader translate`; nothing is sent
anywhere until the reader confirms. A person's translation is never replaced from here (the CLI's
`--force` is the only way). The work runs in a thread on a connection of its own, with progress in the
status line; the article is read again when it is done. Kept apart from `reading.py`, which mixes it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from ...text.language import LANGUAGE_NAMES
from ..widgets.status_line import StatusLine
from .reading_base import ReadingBase

if TYPE_CHECKING:
    from ...store import Article
    from ...translate import EngineConfig

TRANSLATION = "machine-translation"

#: Articles being translated now. Kept here, not in the screen: a thread goes on after its screen has
#: been left, and a second run on the same article must not start beside it.
RUNNING: set[int] = set()


def missing_side(article: Article) -> str | None:
    """The side a machine translation would fill ('ko' or 'en'), or None when both are there."""
    ko, en = article.ko_text.strip(), article.en_text.strip()
    if ko and not en:
        return "en"
    if en and not ko:
        return "ko"
    return None


def describe_engine(config: EngineConfig) -> str:
    """`openai (qwen2.5:7b at http://localhost:11434/v1)`: enough to know where the text is going."""
    where = [part for part in (config.model, f"at {config.base_url}" if config.base_url else "") if part]
    return f"{config.engine} ({' '.join(where)})" if where else config.engine


class ReadingTranslation(ReadingBase):
    """`T` for `ReadingScreen` (which supplies `store`, `article`, `app`, `notify`, `show_article`)."""

    def action_machine_translate(self) -> None:
        from ...translate import TranslationError, config_path, load_config

        article = self.article
        if article.id in RUNNING:
            self.notify("This article is being translated already.", timeout=3)
            return
        target = missing_side(article)
        if not article.ko_text.strip() and not article.en_text.strip():
            self.notify("This article has no text to translate.", timeout=3)
            return
        if target is None and (article.translation_by or "human") == "human":
            self.notify("This article already has both languages, translated by a person; reader keeps that "
                        "translation.", timeout=5)  # fmt: skip
            return
        try:
            config = load_config()
        except TranslationError as exc:
            message = str(exc)
            if message.startswith("no translation engine chosen"):
                message = (
                    f'No translation engine configured: set engine = "openai", "deepl" or "argos" under '
                    f"[translate] in {config_path()} (see reader translate --help)."
                )
            self.notify(message, severity="error", timeout=10, markup=False)  # [translate] is text
            return
        if target is None:
            question = (
                f"Translate this article again with {describe_engine(config)}? The machine translation "
                f"by {article.translation_by} is replaced."
            )
        else:
            source = "ko" if target == "en" else "en"
            question = (
                f"Translate the {LANGUAGE_NAMES[source]} text into {LANGUAGE_NAMES[target]} with "
                f"{describe_engine(config)}? The text is sent to that engine."
            )
        from ..dialogs.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(question), lambda yes: self._start_translation(config) if yes else None
        )

    def _start_translation(self, config: EngineConfig) -> None:
        if self.store.location is None:
            self.notify("This library is in memory: translate with reader translate.", timeout=4)
            return
        RUNNING.add(self.article.id)
        self.translation_status(f"Translating with {config.engine}: starting…")
        self.translate_in_thread(self.app, self.article.id, config)

    @work(thread=True, group=TRANSLATION, name=TRANSLATION)
    def translate_in_thread(self, app: Any, article_id: int, config: EngineConfig) -> None:
        """`translate_article` on its own connection; every outcome is reported on the UI thread.

        `app` is passed in: once the reader has left this screen, it no longer leads to the app.
        """
        from ...store import Store
        from ...translate import TranslationError, translate_article

        def progress(done: int, total: int) -> None:
            app.call_from_thread(self.translation_status,
                                      f"Translating with {config.engine}: {done}/{total} sentences")  # fmt: skip

        assert self.store.location is not None
        try:
            with Store.open(self.store.location) as store:
                outcome = translate_article(store.conn, article_id, config, on_progress=progress)
        except TranslationError as exc:
            app.call_from_thread(self._translation_failed, article_id, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in an engine must not take the reading screen down
            app.call_from_thread(self._translation_failed, article_id,
                                      f"unexpected error: {type(exc).__name__}: {exc}")  # fmt: skip
        else:
            app.call_from_thread(self._translated, article_id, outcome.engine, outcome.sentences)
        finally:
            RUNNING.discard(article_id)

    def translation_status(self, message: str | None) -> None:
        if self.is_attached:  # not if the reader has gone back to the library
            self.query_one(StatusLine).set_part("job", message)

    def _translated(self, article_id: int, engine: str, sentences: int) -> None:
        """Said wherever the reader is now; the article is redrawn only if this screen still shows it."""
        self.app.notify(f"Translated {sentences} sentence{'s' * (sentences != 1)} with {engine}.", timeout=4)
        self.translation_status(None)
        if not self.is_attached:  # back in the library meanwhile
            return
        if self.article.id == article_id:  # the reader may have moved on with [ or ]
            self.show_article(article_id)

    def _translation_failed(self, article_id: int, message: str) -> None:
        self.app.notify(f"Translation failed: {message}", severity="error", timeout=10, markup=False)
        self.translation_status(None)


__all__ = ["ReadingTranslation", "describe_engine", "missing_side"]
