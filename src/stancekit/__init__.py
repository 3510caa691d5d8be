"""stancekit: who said what in the news, and how close leaders' positions are.

The pipeline: :func:`read_articles` → :func:`segment` → :func:`embed` → :func:`similarity`,
:func:`alignment`, :func:`echoes`, :func:`topics` → :mod:`stancekit.plot` /
:func:`build_report`. One object, :class:`StatementTable`, moves through it.

Examples
--------
>>> import stancekit as sk
>>> t = sk.segment("Trade is growing fast, Putin said. Xi said China is ready to help.")
>>> [(s.speaker, s.text) for s in t]
[('Putin', 'Trade is growing fast'), ('Xi', 'China is ready to help')]
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from stancekit._version import __version__
from stancekit.data import Article, LabeledMatrix, Statement
from stancekit.errors import (
    CacheError,
    InputError,
    ModelUnavailableError,
    SkippedRecordsWarning,
    StancekitError,
)
from stancekit.io import (
    ArticleList,
    Columns,
    describe_skipped,
    read_articles,
    read_statements,
    write_statements,
)
from stancekit.table import StatementTable

# ``segment`` and ``embed`` are the functions, not their packages: importing the packages
# once here binds the names for good (a later ``import stancekit.segment.engine`` does not
# rebind them), and the functions carry the submodules, so that
# ``import stancekit.segment.engine as e`` keeps working (see ``stancekit._packages``).
from stancekit.embed import EmbeddingCache, Embedder, embed, embed_texts  # isort: skip
from stancekit.segment import load_aliases, segment  # isort: skip

if TYPE_CHECKING:  # the heavy parts load on first use (scikit-learn, matplotlib, torch)
    from stancekit import datasets, plot, report
    from stancekit.compare import (
        Alignment,
        Breakdown,
        DyadMatrix,
        Echoes,
        Scaling,
        Validation,
        agenda_overlap,
        alignment,
        dyads,
        echoes,
        position_similarity,
        scale,
        similarity,
        validate,
    )
    from stancekit.formulaic import Substance, substance
    from stancekit.report import build_report
    from stancekit.topics import KChoice, TopicComparison, TopicModel, TopicTimeline, topics

_LAZY = {
    "Alignment": "stancekit.compare",
    "Breakdown": "stancekit.compare",
    "DyadMatrix": "stancekit.compare",
    "dyads": "stancekit.compare",
    "Echoes": "stancekit.compare",
    "Scaling": "stancekit.compare",
    "agenda_overlap": "stancekit.compare",
    "alignment": "stancekit.compare",
    "echoes": "stancekit.compare",
    "position_similarity": "stancekit.compare",
    "scale": "stancekit.compare",
    "similarity": "stancekit.compare",
    "Validation": "stancekit.compare",
    "validate": "stancekit.compare",
    "build_report": "stancekit.report",
    "Substance": "stancekit.formulaic",
    "substance": "stancekit.formulaic",
    "KChoice": "stancekit.topics",
    "TopicComparison": "stancekit.topics",
    "TopicModel": "stancekit.topics",
    "TopicTimeline": "stancekit.topics",
}
_SUBMODULES = ("datasets", "formulaic", "plot", "report", "topics")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return import_module(f"stancekit.{name}")
    raise AttributeError(f"module 'stancekit' has no attribute {name!r}")


__all__ = [
    "Alignment",
    "Article",
    "ArticleList",
    "Breakdown",
    "CacheError",
    "Columns",
    "DyadMatrix",
    "Echoes",
    "Embedder",
    "EmbeddingCache",
    "InputError",
    "KChoice",
    "LabeledMatrix",
    "ModelUnavailableError",
    "Scaling",
    "SkippedRecordsWarning",
    "StancekitError",
    "Statement",
    "StatementTable",
    "Substance",
    "TopicComparison",
    "TopicModel",
    "TopicTimeline",
    "Validation",
    "__version__",
    "agenda_overlap",
    "alignment",
    "build_report",
    "datasets",
    "describe_skipped",
    "dyads",
    "echoes",
    "embed",
    "embed_texts",
    "load_aliases",
    "plot",
    "position_similarity",
    "read_articles",
    "read_statements",
    "report",
    "scale",
    "segment",
    "similarity",
    "substance",
    "topics",
    "validate",
    "write_statements",
]
