"""Data sets: bundled corpora with their loaders, and readers of published attribution corpora.

Sources and licences: ``stancekit/datasets/files/SOURCES.md`` and the documentation.
"""

from stancekit.datasets.bundled import (
    load_example,
    load_kremlin,
    load_ungd2017,
    load_ungd2017_votes,
)
from stancekit.datasets.polnear import GoldArticle, read_polnear

__all__ = [
    "GoldArticle",
    "load_example",
    "load_kremlin",
    "load_ungd2017",
    "load_ungd2017_votes",
    "read_polnear",
]
