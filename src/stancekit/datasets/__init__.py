"""Data sets: loaders for published attribution corpora (and, later, bundled examples)."""

from stancekit.datasets.polnear import GoldArticle, read_polnear

__all__ = ["GoldArticle", "read_polnear"]
