"""Turning files, JSON and web pages into `NewArticle`s: decoding, cleaning, validating. No Textual.

Only `batch` touches a library, through the Store it is handed; only `web` uses the network, for an
address the user gave.
"""

from .errors import ImportProblem
from .json_article import article_from_json
from .text_file import article_from_text_files, read_text

__all__ = ["ImportProblem", "article_from_json", "article_from_text_files", "read_text"]
