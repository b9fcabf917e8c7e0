"""Machine translation of articles that have one language only: engines, batching, retries, resuming.

Nothing here runs unless the user asks for a translation with an engine they chose; keys come from the
environment and are never stored.
"""

from .article import Outcome, translate_article
from .config import ENGINES, EngineConfig, config_path, load_config
from .errors import TranslationError

__all__ = [
    "ENGINES",
    "EngineConfig",
    "Outcome",
    "TranslationError",
    "config_path",
    "load_config",
    "translate_article",
]
