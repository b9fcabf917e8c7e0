"""Argos Translate, offline, when the user has installed it with its Korean–English package."""

from __future__ import annotations

from .config import EngineConfig
from .errors import TranslationError


class ArgosEngine:
    name = "argos"

    def __init__(self, config: EngineConfig) -> None:
        try:
            import argostranslate.translate as argos
        except ImportError:
            raise TranslationError(
                "argos: Argos Translate is not installed (pip install argostranslate, then "
                "install its Korean–English package)"
            ) from None
        self._argos = argos
        self._pairs: dict[tuple[str, str], object] = {}

    def close(self) -> None:
        pass

    def _translation(self, source: str, target: str):
        if (source, target) not in self._pairs:
            languages = {lang.code: lang for lang in self._argos.get_installed_languages()}
            pair = None
            if source in languages and target in languages:
                pair = languages[source].get_translation(languages[target])
            if pair is None:
                raise TranslationError(
                    f"argos: no {source}→{target} package is installed (argospm install "
                    f"translate-{source}_{target})"
                )
            self._pairs[(source, target)] = pair
        return self._pairs[(source, target)]

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        pair = self._translation(source, target)
        return [pair.translate(s) for s in sentences]
