"""DeepL's API (v2 /translate): many sentences per request, one translation each, in order."""

from __future__ import annotations

from ._http import api_key, post_json
from .config import EngineConfig
from .errors import TranslationError

FREE_URL = "https://api-free.deepl.com"
PRO_URL = "https://api.deepl.com"
LANGS = {"ko": "KO", "en": "EN"}
TARGETS = {"ko": "KO", "en": "EN-US"}


class DeepLEngine:
    name = "deepl"

    def __init__(self, config: EngineConfig) -> None:
        import httpx

        self.key = api_key(config.api_key_env, "deepl", required=True)
        # Keys of the free plan end in ":fx" and only work on the free endpoint.
        base = config.base_url or (FREE_URL if self.key.endswith(":fx") else PRO_URL)
        self.url = base.rstrip("/") + "/v2/translate"
        self.client = httpx.Client(
            timeout=httpx.Timeout(config.timeout), headers={"Authorization": f"DeepL-Auth-Key {self.key}"}
        )

    def close(self) -> None:
        self.client.close()

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        payload = {"text": sentences, "source_lang": LANGS[source], "target_lang": TARGETS[target]}
        data = post_json(
            self.client,
            self.url,
            payload,
            engine="deepl",
            key=self.key,
            statuses={456: "deepl: the quota of this billing period is used up (HTTP 456)"},
        )
        try:
            found = [t["text"] for t in data["translations"]]
        except (KeyError, TypeError):
            raise TranslationError("deepl: the answer has no translations") from None
        if len(found) != len(sentences) or not all(isinstance(t, str) for t in found):
            raise TranslationError(
                f"deepl: {len(found)} translations came back for {len(sentences)} sentences"
            )
        return found
