"""Turning files and JSON into `NewArticle`s: decoding, cleaning, validating. No database, no Textual."""

from .errors import ImportProblem
from .json_article import article_from_json
from .text_file import article_from_text_files, read_text

__all__ = ["ImportProblem", "article_from_json", "article_from_text_files", "read_text"]
