"""How the number of topics was chosen: :class:`KChoice`.

``n_topics="auto"`` takes the number of Leiden communities of the statements' shared-nearest-
neighbour graph (:mod:`~stancekit.topics._graph`); a number given is used as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["KChoice", "fixed_k"]


@dataclass(frozen=True, eq=False)
class KChoice:
    """How the number of topics was chosen, and why.

    Attributes
    ----------
    requested
        What was asked: ``"auto"`` or the number given.
    k
        The number of topics asked of the method (``"auto"``: the number of graph communities;
        HDBSCAN: the number it found).
    criterion
        The rule, in words.
    reason
        Why this ``k``, in words.
    sample_size
        Statements the graph was built on (0 when no graph was built).
    modularity
        Modularity of the graph partition (NaN when no graph was built).
    n_dissolved
        Graph communities too small to be topics, whose statements joined the nearest topic.
    """

    requested: str
    k: int
    criterion: str
    reason: str
    sample_size: int = 0
    modularity: float = float("nan")
    n_dissolved: int = 0

    def to_pandas(self) -> pd.DataFrame:
        """One row: every attribute as a column."""
        return pd.DataFrame(
            {
                "requested": [self.requested],
                "k": [self.k],
                "criterion": [self.criterion],
                "reason": [self.reason],
                "sample_size": [self.sample_size],
                "modularity": [self.modularity],
                "n_dissolved": [self.n_dissolved],
            }
        )


def fixed_k(requested: str, k: int, criterion: str, reason: str) -> KChoice:
    """A :class:`KChoice` for a ``k`` that was given or found without a graph."""
    return KChoice(requested, k, criterion, reason)
