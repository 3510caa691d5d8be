"""Speaker x speaker matrices: ``similarity``, ``agenda_overlap``, ``position_similarity``."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import numpy.typing as npt

from stancekit.compare._alignment import check_options
from stancekit.compare._input import Groups, embeddings_of, substantive_groups, topics_of
from stancekit.core import (
    centroid_similarity,
    harmonic_f,
    js_overlap,
    soft_precision,
    topic_counts,
)
from stancekit.data import LabeledMatrix
from stancekit.errors import SkippedRecordsWarning
from stancekit.table import StatementTable

__all__ = ["agenda_overlap", "position_similarity", "similarity"]

_NAMES = {"centroid": "centroid cosine", "soft": "soft alignment F"}


def _matrix(
    X: npt.NDArray[np.float32], codes: npt.NDArray[np.int64], n_groups: int, method: str
) -> npt.NDArray[np.float64]:
    """Kernel dispatch on rows with valid codes; ``(S, S)``, NaN for absent groups."""
    if method == "centroid":
        return centroid_similarity(X, codes, n_groups)
    precision = soft_precision(X, codes, n_groups)
    return harmonic_f(precision, precision.T)


def _valid(
    X: npt.NDArray[np.float32], groups: Groups
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    keep = groups.codes >= 0
    if keep.all():
        return X, groups.codes
    return X[keep], groups.codes[keep]


def similarity(
    table: StatementTable,
    *,
    method: str = "centroid",
    by: str = "speaker",
    center: bool = True,
    keep_formulaic: bool = False,
    min_statements: int = 3,
) -> LabeledMatrix:
    """Similarity of every pair of speakers (or countries, or any grouping column).

    Parameters
    ----------
    table
        Statements with embeddings.
    method
        ``"centroid"``: cosine of the mean statement vectors. ``"soft"``: soft-alignment F
        (for A and B, precision = mean over A's statements of the best cosine among B's,
        recall the reverse, F their harmonic mean); the diagonal is 1.
    by
        Grouping column; statements without a value are left out with a
        :class:`~stancekit.SkippedRecordsWarning`.
    center
        Remove the mean vector of the statements compared first (the default: raw cosines of
        sentence embeddings share a large common component; on the UN General Debate it
        raises the correlation with voting agreement in every year, see ``docs/scores.md``).
    keep_formulaic
        Keep greetings, thanks and other formulae (:mod:`stancekit.formulaic`); by default
        they are left out and counted in ``n_formulaic``.
    min_statements
        Speakers with fewer statements (formulae left out) get a row of NaN: one or two
        sentences do not measure a position, and on real corpora the pairs of such speakers
        crowd the top of any ranking by chance. ``1`` scores everyone.

    Returns
    -------
    LabeledMatrix
        ``(S, S)`` symmetric float64, rows and columns the sorted group labels (NaN rows for
        speakers under ``min_statements``).

    Examples
    --------
    >>> import numpy as np
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.compare import similarity
    >>> t = StatementTable.from_statements(
    ...     [Statement("a", s, "x", 0, 1) for s in ["Xi", "Xi", "Japarov"]])
    >>> X = np.array([[1, 0], [0, 1], [1, 0]], dtype=np.float32)
    >>> m = similarity(t.with_embeddings(X, {"model": "toy"}), center=False)
    >>> m.rows, round(m["Japarov", "Xi"], 3)
    (('Japarov', 'Xi'), 0.707)
    """
    check_options(method, 0.5, "greater")
    if isinstance(min_statements, bool) or not isinstance(min_statements, int):
        raise TypeError(f"min_statements must be an integer, got {min_statements!r}")
    if min_statements < 1:
        raise ValueError(f"min_statements must be at least 1, got {min_statements}")
    groups = substantive_groups(table, by, keep_formulaic=keep_formulaic)
    X = embeddings_of(table, center=center, groups=groups)
    Xv, codes = _valid(X, groups)
    values = _matrix(Xv, codes, len(groups.labels), method)
    few = np.bincount(codes, minlength=len(groups.labels)) < min_statements
    values[few, :] = np.nan
    values[:, few] = np.nan
    name = _NAMES[method] + (", centred" if center else "")
    return LabeledMatrix(values, groups.labels, groups.labels, name, groups.n_formulaic)


def _topic_groups(
    table: StatementTable, topics: Any, by: str, keep_formulaic: bool
) -> tuple[Groups, tuple[str, ...], npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    groups = substantive_groups(table, by, keep_formulaic=keep_formulaic)
    topic_labels, tcodes = topics_of(table, topics)
    keep = (groups.codes >= 0) & (tcodes >= 0)
    missing = int(np.count_nonzero((groups.codes >= 0) & (tcodes < 0)))
    if missing:
        warnings.warn(
            f"{missing} statements have no topic and are left out of the topic shares",
            SkippedRecordsWarning,
            stacklevel=3,
        )
    return groups, topic_labels, tcodes, keep


def _shares(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(counts / counts.sum(axis=1, keepdims=True), dtype=np.float64)


def agenda_overlap(
    table: StatementTable,
    *,
    topics: str | npt.ArrayLike,
    by: str = "speaker",
    keep_formulaic: bool = False,
) -> LabeledMatrix:
    """Do they talk about the same things? ``1 - JSD`` of every pair's topic shares.

    Parameters
    ----------
    table
        Statements (embeddings not needed).
    topics
        A column name or one topic label per statement.
    by
        Grouping column.
    keep_formulaic
        Keep formulaic statements (left out and counted by default).

    Returns
    -------
    LabeledMatrix
        ``(S, S)`` in ``[0, 1]`` (Jensen–Shannon divergence in bits); NaN for a speaker with
        no topic-labelled statement.
    """
    groups, topic_labels, tcodes, keep = _topic_groups(table, topics, by, keep_formulaic)
    counts = topic_counts(groups.codes[keep], tcodes[keep], len(groups.labels), len(topic_labels))
    values = js_overlap(counts.astype(np.float64))
    name = "agenda overlap (1 - JSD)"
    return LabeledMatrix(values, groups.labels, groups.labels, name, groups.n_formulaic)


def position_similarity(
    table: StatementTable,
    *,
    topics: str | npt.ArrayLike,
    method: str = "soft",
    by: str = "speaker",
    center: bool = False,
    keep_formulaic: bool = False,
) -> LabeledMatrix:
    """On the topics they share, do they say the same thing?

    For each topic ``t`` the score (``method``) is computed on topic ``t``'s statements only;
    the pair's position score is the mean over topics weighted by
    ``min(share_A(t), share_B(t))``, the agenda mass the two share.

    Parameters
    ----------
    table
        Statements with embeddings.
    topics
        A column name or one topic label per statement.
    method
        ``"soft"`` or ``"centroid"`` (see :func:`similarity`).
    by
        Grouping column.
    center
        Remove the mean vector of the statements compared first.
    keep_formulaic
        Keep formulaic statements (left out and counted by default).

    Returns
    -------
    LabeledMatrix
        ``(S, S)``; NaN for pairs without a shared topic.
    """
    check_options(method, 0.5, "greater")
    groups, topic_labels, tcodes, keep = _topic_groups(table, topics, by, keep_formulaic)
    X = embeddings_of(table, center=center, groups=groups)
    n_groups, n_topics = len(groups.labels), len(topic_labels)
    shares = _shares(topic_counts(groups.codes[keep], tcodes[keep], n_groups, n_topics))
    num = np.zeros((n_groups, n_groups))
    den = np.zeros((n_groups, n_groups))
    for t in range(n_topics):
        rows = np.flatnonzero(keep & (tcodes == t))
        scores = _matrix(X[rows], groups.codes[rows], n_groups, method)
        weight = np.minimum(shares[:, None, t], shares[None, :, t])
        ok = np.isfinite(scores) & (weight > 0)
        num[ok] += weight[ok] * scores[ok]
        den[ok] += weight[ok]
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    name = f"position ({_NAMES[method]} within shared topics)"
    return LabeledMatrix(values, groups.labels, groups.labels, name, groups.n_formulaic)
