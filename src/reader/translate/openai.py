"""Any OpenAI-compatible chat-completions endpoint: hosted services, Ollama, llama.cpp, vLLM.

A chat model is asked for a JSON array with exactly one translation per sentence given, so alignment is
exact by construction. An answer of the wrong length is retried one sentence at a time; an answer that
still is not a list of translations is an error, never stored.
"""

from __future__ import annotations

import json
import re

from ..text.language import LANGUAGE_NAMES
from ._http import api_key, post_json
from .config import EngineConfig
from .errors import TranslationError

DEFAULT_BASE_URL = "https://api.openai.com/v1"

PROMPT = (
    "You translate news from {source} to {target}. The user sends a JSON array of {source} sentences from one "
    "article, in order. Reply with only a JSON array of strings, exactly as long as the input: the {target} "
    "translation of each sentence in the same order, one for one. Never merge, split, skip or explain "
    "sentences; keep names, numbers and dates exact."
)
_FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```$")


class OpenAIEngine:
    name = "openai"

    def __init__(self, config: EngineConfig) -> None:
        import httpx

        self.key = api_key(config.api_key_env, "openai", required=False)  # local servers need none
        self.model = config.model
        self.url = (config.base_url or DEFAULT_BASE_URL).rstrip("/") + "/chat/completions"
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        self.client = httpx.Client(timeout=httpx.Timeout(config.timeout), headers=headers)

    def close(self) -> None:
        self.client.close()

    def translate(self, sentences: list[str], source: str, target: str) -> list[str]:
        found = self._ask(sentences, source, target)
        if found is not None:
            return found
        if len(sentences) == 1:
            raise TranslationError("openai: the model's answer is not a translation of the sentence given")
        # The model lost count: ask again sentence by sentence, which small local models manage.
        out = []
        for sentence in sentences:
            one = self._ask([sentence], source, target)
            if one is None:
                raise TranslationError("openai: the model's answer is not a list of translations")
            out.extend(one)
        return out

    def _ask(self, sentences: list[str], source: str, target: str) -> list[str] | None:
        payload = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {
                    "role": "system",
                    "content": PROMPT.format(source=LANGUAGE_NAMES[source], target=LANGUAGE_NAMES[target]),
                },
                {"role": "user", "content": json.dumps(sentences, ensure_ascii=False)},
            ],
        }
        data = post_json(self.client, self.url, payload, engine="openai", key=self.key)
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise TranslationError(
                "openai: the answer has no message (is the base URL an OpenAI-compatible "
                "chat-completions API?)"
            ) from None
        return parse_list(content, len(sentences))


def parse_list(content: object, expected: int) -> list[str] | None:
    """The JSON array in a model's reply, if it holds exactly `expected` strings."""
    if not isinstance(content, str):
        return None
    text = _FENCE.sub("", content.strip())
    start, end = text.find("["), text.rfind("]")
    if start < 0 or end < start:
        return None
    try:
        items = json.loads(text[start : end + 1])
    except json.JSONDecodeError:
        return None
    if not isinstance(items, list) or len(items) != expected or not all(isinstance(i, str) for i in items):
        return None
    return items
