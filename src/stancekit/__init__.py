"""stancekit: who said what in the news, and how close leaders' positions are.

The pipeline: :func:`read_articles` → :func:`segment` → :func:`embed` → comparisons, topics,
plots. One object, :class:`StatementTable`, moves through it.
"""

from stancekit._version import __version__
from stancekit.data import Article, LabeledMatrix, Statement
from stancekit.errors import (
    CacheError,
    InputError,
    ModelUnavailableError,
    SkippedRecordsWarning,
    StancekitError,
)
from stancekit.io import ArticleList, Columns, read_articles, write_statements
from stancekit.table import StatementTable

read_statements = StatementTable.read_parquet

__all__ = [
    "Article",
    "ArticleList",
    "CacheError",
    "Columns",
    "InputError",
    "LabeledMatrix",
    "ModelUnavailableError",
    "SkippedRecordsWarning",
    "StancekitError",
    "Statement",
    "StatementTable",
    "__version__",
    "read_articles",
    "read_statements",
    "write_statements",
]
