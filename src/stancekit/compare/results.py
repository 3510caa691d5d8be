"""Result objects of the comparison functions: frozen dataclasses of arrays with ``to_pandas``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["Alignment", "Breakdown", "Echoes", "Scaling"]


def _freeze(obj: Any) -> None:
    """Make every array field a read-only copy and every sequence of labels a tuple."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, np.ndarray):
            arr = np.array(value)
            arr.flags.writeable = False
            object.__setattr__(obj, f.name, arr)
        elif isinstance(value, list):
            object.__setattr__(obj, f.name, tuple(value))


@dataclass(frozen=True, eq=False)
class Echoes:
    """The most similar cross-speaker statement pairs, best first.

    Attributes
    ----------
    score
        ``(k,)`` cosine of each pair, descending (ties: lower row first).
    row_a, row_b
        ``(k,)`` row indices of the two statements in the table.
    speaker_a, speaker_b
        Group labels (speakers, or the ``by`` column's values) of the two statements.
    text_a, text_b
        The statements' texts.
    span_a, span_b
        The matched text: the whole statement, or the best-matching clause with
        ``unit="clause"``.
    article_a, article_b
        Their article ids.
    """

    score: npt.NDArray[np.float64]
    row_a: npt.NDArray[np.int64]
    row_b: npt.NDArray[np.int64]
    speaker_a: tuple[str, ...]
    speaker_b: tuple[str, ...]
    text_a: tuple[str, ...]
    text_b: tuple[str, ...]
    span_a: tuple[str, ...]
    span_b: tuple[str, ...]
    article_a: tuple[str, ...]
    article_b: tuple[str, ...]

    def __post_init__(self) -> None:
        _freeze(self)

    def __len__(self) -> int:
        return int(self.score.size)

    def to_pandas(self) -> pd.DataFrame:
        """One row per pair, best first."""
        return pd.DataFrame({f.name: list(getattr(self, f.name)) for f in fields(self)})


@dataclass(frozen=True, eq=False)
class Breakdown:
    """Scores of one dyad restricted to each topic or each time window.

    Attributes
    ----------
    kind
        ``"topic"`` or ``"window"``.
    labels
        ``U`` topic labels (sorted) or window labels (pandas resample labels, ISO dates).
    n_a, n_b
        ``(U,)`` statements of each side in the unit.
    share_a, share_b
        ``(U,)`` share of each side's statements in the unit (topic shares; for windows the
        share of the side's dated statements).
    score, precision, recall
        ``(U,)`` the score within the unit (precision/recall NaN for the centroid method); NaN
        where a side has no statement.
    ci_low, ci_high
        ``(U,)`` bootstrap interval.
    z, p
        ``(U,)`` against labels shuffled among the unit's statements.
    start, end
        ``(U,)`` first and last statement date in each window (``None`` for topics).
    """

    kind: str
    labels: tuple[str, ...]
    n_a: npt.NDArray[np.int64]
    n_b: npt.NDArray[np.int64]
    share_a: npt.NDArray[np.float64]
    share_b: npt.NDArray[np.float64]
    score: npt.NDArray[np.float64]
    precision: npt.NDArray[np.float64]
    recall: npt.NDArray[np.float64]
    ci_low: npt.NDArray[np.float64]
    ci_high: npt.NDArray[np.float64]
    z: npt.NDArray[np.float64]
    p: npt.NDArray[np.float64]
    start: npt.NDArray[np.datetime64] | None = None
    end: npt.NDArray[np.datetime64] | None = None

    def __post_init__(self) -> None:
        _freeze(self)

    def __len__(self) -> int:
        return len(self.labels)

    def to_pandas(self) -> pd.DataFrame:
        """One row per topic or window, indexed by label."""
        cols = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("kind", "labels") and getattr(self, f.name) is not None
        }
        return pd.DataFrame(cols, index=pd.Index(list(self.labels), name=self.kind))


@dataclass(frozen=True, eq=False)
class Alignment:
    """How close two speakers' positions are, with calibration and explanation.

    Attributes
    ----------
    a, b
        The two sides (labels of the ``by`` column).
    method, by
        Score (``"soft"`` or ``"centroid"``) and grouping column.
    score
        Soft-alignment F (or centroid cosine) over all statements of the two sides.
    precision, recall
        Soft-alignment precision (mean over A's statements of the best cosine among B's) and
        recall (the reverse); NaN for the centroid method.
    ci_low, ci_high, level
        Bootstrap interval over statements and its nominal coverage.
    z, p, null_mean, null_std
        Against speaker labels shuffled within the corpus; ``p`` has the +1 correction.
    alternative
        Direction of ``p``.
    n_a, n_b
        Statements of each side.
    n_permutations, n_bootstrap, seed
        Calibration settings.
    agenda
        ``1 - JSD`` (base 2) of the two sides' topic shares (NaN without topics).
    position, position_ci_low, position_ci_high, position_z, position_p
        Topic-weighted score within shared topics (weights ``min(share_a, share_b)``), with
        its interval and its test against labels shuffled within each topic (NaN without
        topics or without a shared topic).
    by_topic, by_window
        Per-topic and per-window breakdowns (``None`` unless asked for).
    pairs
        The most similar statement pairs between the two sides: what the score rests on.
    """

    a: str
    b: str
    method: str
    by: str
    score: float
    precision: float
    recall: float
    ci_low: float
    ci_high: float
    level: float
    z: float
    p: float
    null_mean: float
    null_std: float
    alternative: str
    n_a: int
    n_b: int
    n_permutations: int
    n_bootstrap: int
    seed: int
    agenda: float
    position: float
    position_ci_low: float
    position_ci_high: float
    position_z: float
    position_p: float
    by_topic: Breakdown | None
    by_window: Breakdown | None
    pairs: Echoes

    def summary(self) -> dict[str, Any]:
        """The scalar fields as a dict."""
        skip = ("by_topic", "by_window", "pairs")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}

    def to_pandas(self) -> pd.DataFrame:
        """A one-row frame of the scalar fields (breakdowns and pairs have their own)."""
        return pd.DataFrame([self.summary()])


@dataclass(frozen=True, eq=False)
class Scaling:
    """Every speaker placed on an axis anchored by reference speakers.

    Attributes
    ----------
    labels
        ``S`` speakers (sorted).
    position
        ``(S,)`` mean statement score on the axis; references sit at their given positions.
    se
        ``(S,)`` bootstrap standard error (analytic ``sd / sqrt(n)`` of statement scores
        when ``n_bootstrap == 0``; NaN for one statement).
    ci_low, ci_high, level
        Percentile bootstrap interval (normal interval from ``se`` without bootstrap).
    n
        ``(S,)`` statements per speaker.
    reference
        ``(S,)`` True for the reference speakers.
    """

    labels: tuple[str, ...]
    position: npt.NDArray[np.float64]
    se: npt.NDArray[np.float64]
    ci_low: npt.NDArray[np.float64]
    ci_high: npt.NDArray[np.float64]
    level: float
    n: npt.NDArray[np.int64]
    reference: npt.NDArray[np.bool_]

    def __post_init__(self) -> None:
        _freeze(self)

    def __len__(self) -> int:
        return len(self.labels)

    def to_pandas(self) -> pd.DataFrame:
        """One row per speaker, indexed by label."""
        return pd.DataFrame(
            {
                "position": self.position,
                "se": self.se,
                "ci_low": self.ci_low,
                "ci_high": self.ci_high,
                "n": self.n,
                "reference": self.reference,
            },
            index=pd.Index(list(self.labels), name="speaker"),
        )
