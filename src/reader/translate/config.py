"""Which engine translates, and how: a `[translate]` table in config.toml, overridden by command-line flags.

The file lives in the user's config directory (e.g. ~/.config/reader/config.toml on Linux; see
`reader.config`):

    [translate]
    engine = "openai"            # openai | deepl | argos

    [translate.openai]
    base_url = "http://localhost:11434/v1"   # any OpenAI-compatible server: Ollama, llama.cpp, hosted
    model = "qwen2.5:7b"
    api_key_env = "OPENAI_API_KEY"           # the *name* of the variable holding the key

    [translate.deepl]
    api_key_env = "DEEPL_AUTH_KEY"

API keys are read from the environment only, so they are never in a file reader writes.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..config import ConfigError, config_path, read_table
from .errors import TranslationError

__all__ = ["ENGINES", "EngineConfig", "config_path", "load_config"]

ENGINES = ("openai", "deepl", "argos")
DEFAULT_KEY_ENV = {"openai": "OPENAI_API_KEY", "deepl": "DEEPL_AUTH_KEY", "argos": ""}
DEFAULT_TIMEOUT = {"openai": 120.0, "deepl": 30.0, "argos": 0.0}


@dataclass(frozen=True, slots=True)
class EngineConfig:
    engine: str
    base_url: str = ""
    model: str = ""
    api_key_env: str = ""
    timeout: float = 60.0  # seconds for one request
    batch_size: int = 20  # sentences per request
    max_attempts: int = 5  # per batch, for rate limits, server errors and dropped connections
    backoff: float = 1.0  # first wait in seconds, doubled on each retry
    max_wait: float = 120.0  # a Retry-After longer than this is reported instead of waited out


def _read(path: Path) -> dict:
    try:
        return read_table("translate", path)
    except ConfigError as exc:
        raise TranslationError(str(exc)) from None


def load_config(
    *,
    engine: str | None = None,
    base_url: str | None = None,
    model: str | None = None,
    path: Path | None = None,
) -> EngineConfig:
    """The settings for one run: flags win over the file; no engine anywhere is an error, not a default."""
    path = path or config_path()
    table = _read(path)
    name = engine or table.get("engine")
    if not name:
        raise TranslationError(
            f"no translation engine chosen: give --engine openai|deepl|argos, or set "
            f'engine = "..." under [translate] in {path}'
        )
    if name not in ENGINES:
        raise TranslationError(f"unknown engine {name!r}: choose openai, deepl or argos")
    known = {f.name for f in fields(EngineConfig)} - {"engine"}
    settings: dict = {k: v for k, v in table.items() if k in known}
    section = table.get(name, {})
    if not isinstance(section, dict):
        raise TranslationError(f"{path}: [translate.{name}] must be a table")
    if "api_key" in section or "api_key" in table:
        raise TranslationError(
            f"{path}: do not write API keys into the config; put the key in an environment "
            "variable and name that variable with api_key_env"
        )
    unknown = sorted(set(section) - known)
    if unknown:
        raise TranslationError(f"{path}: unknown setting(s) {', '.join(unknown)} under [translate.{name}]")
    settings.update(section)
    settings.setdefault("api_key_env", DEFAULT_KEY_ENV[name])
    settings.setdefault("timeout", DEFAULT_TIMEOUT[name] or 60.0)
    if base_url:
        settings["base_url"] = base_url
    if model:
        settings["model"] = model
    try:
        config = replace(EngineConfig(engine=name), **settings)
    except TypeError as exc:
        raise TranslationError(f"{path}: {exc}") from None
    for key in ("timeout", "batch_size", "max_attempts", "backoff", "max_wait"):
        value = getattr(config, key)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or value < 0
            or (key in ("batch_size", "max_attempts") and value < 1)
        ):
            raise TranslationError(f"{path}: {key} must be a positive number")
    for key in ("base_url", "model", "api_key_env"):
        if not isinstance(getattr(config, key), str):
            raise TranslationError(f"{path}: {key} must be a string")
    if name == "openai" and not config.model:
        raise TranslationError(
            f"the openai engine needs a model: give --model NAME or set model under "
            f"[translate.openai] in {path}"
        )
    return config
