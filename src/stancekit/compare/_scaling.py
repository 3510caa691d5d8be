"""``scale``: reference-anchored positions (Wordscores on embeddings)."""

from __future__ import annotations

from collections.abc import Mapping
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from stancekit.compare._alignment import check_options
from stancekit.compare._input import embeddings_of, groups_of, require_label
from stancekit.compare.results import Scaling
from stancekit.core import group_offsets, scale_groups
from stancekit.table import StatementTable

__all__ = ["scale"]


def _reference(
    reference: Mapping[str, float], labels: tuple[str, ...], groups: object
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    if not isinstance(reference, Mapping) or len(reference) < 2:
        raise ValueError(
            "reference must map at least two speakers to positions, e.g. {'A': 1.0, 'B': -1.0}"
        )
    idx, pos = [], []
    for name, value in sorted(reference.items()):
        require_label(groups, name, "reference speaker")  # type: ignore[arg-type]
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise TypeError(f"position of {name!r} must be a number, got {value!r}")
        if not np.isfinite(value):
            raise ValueError(f"position of {name!r} must be finite, got {value!r}")
        idx.append(labels.index(name))
        pos.append(float(value))
    if len(set(pos)) < 2:
        raise ValueError(f"reference positions must not all be equal, got {dict(reference)}")
    return np.array(idx, dtype=np.intp), np.array(pos, dtype=np.float64)


def _analytic_se(
    scores_sorted: npt.NDArray[np.float64], offsets: npt.NDArray[np.intp]
) -> npt.NDArray[np.float64]:
    counts = np.diff(offsets)
    se = np.full(counts.size, np.nan)
    for_sd = counts > 1
    starts = offsets[:-1][counts > 0]
    s1 = np.add.reduceat(scores_sorted, starts)
    s2 = np.add.reduceat(scores_sorted**2, starts)
    n = counts[counts > 0].astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        var = np.maximum(s2 - s1**2 / n, 0.0) / (n - 1.0)
        se_present = np.sqrt(var / n)
    se[counts > 0] = se_present
    se[~for_sd] = np.nan
    return se


def scale(
    table: StatementTable,
    reference: Mapping[str, float],
    *,
    by: str = "speaker",
    n_bootstrap: int = 1000,
    level: float = 0.95,
    center: bool = False,
    seed: int = 0,
) -> Scaling:
    """Place every speaker on an axis anchored by reference speakers with known positions.

    In the spirit of Wordscores, on embeddings: the references' mean statement vectors define
    the axis (minimum-norm least squares, so references land on their positions), every
    statement is projected on it and a speaker's position is the mean of its statements'
    scores. With two references A (+1) and B (-1) a speaker's position is
    ``1 - 2 (m - m_A) . (m_B - m_A) / |m_B - m_A|^2`` for its mean vector ``m``.

    Parameters
    ----------
    table
        Statements with embeddings.
    reference
        At least two speakers and their positions, e.g. ``{"USA": 1.0, "Russia": -1.0}``.
    by
        Grouping column.
    n_bootstrap
        Resamples of every speaker's statements (references too: the axis is refitted each
        time); ``0`` gives analytic standard errors with the axis held fixed.
    level
        Interval coverage.
    center
        Remove the corpus mean vector first.
    seed
        Seed of the resampling.

    Returns
    -------
    Scaling
        Position, standard error and interval of every speaker, sorted by label.

    Examples
    --------
    >>> import numpy as np
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.compare import scale
    >>> t = StatementTable.from_statements(
    ...     [Statement("a", s, "x", 0, 1) for s in ["USA", "RUS", "FRA"]])
    >>> X = np.array([[1, 0], [0, 1], [0.8, 0.6]], dtype=np.float32)
    >>> res = scale(t.with_embeddings(X, {"model": "toy"}), {"USA": 1.0, "RUS": -1.0},
    ...             n_bootstrap=0)
    >>> [round(float(p), 2) for p in res.position]  # FRA, RUS, USA
    [0.2, -1.0, 1.0]
    """
    check_options("soft", level, "greater")
    if isinstance(n_bootstrap, bool) or not isinstance(n_bootstrap, int) or n_bootstrap < 0:
        raise ValueError(f"n_bootstrap must be a non-negative integer, got {n_bootstrap!r}")
    X = embeddings_of(table, center=center)
    groups = groups_of(table, by)
    ref_idx, positions = _reference(reference, groups.labels, groups)
    keep = groups.codes >= 0
    order, offsets = group_offsets(groups.codes[keep], len(groups.labels))
    Xs = (X[keep] if not keep.all() else X)[order]
    rng = np.random.default_rng(seed)
    pos, stmt, reps = scale_groups(
        Xs, offsets, ref_idx, positions, n_bootstrap=n_bootstrap, rng=rng
    )
    if n_bootstrap > 1:
        se = reps.std(axis=0, ddof=1)
        lo, hi = np.quantile(reps, [(1 - level) / 2, (1 + level) / 2], axis=0)
    else:
        se = _analytic_se(stmt, offsets)
        half = NormalDist().inv_cdf((1 + level) / 2) * se
        lo, hi = pos - half, pos + half
    is_ref = np.zeros(len(groups.labels), dtype=bool)
    is_ref[ref_idx] = True
    return Scaling(
        labels=groups.labels,
        position=pos,
        se=se,
        ci_low=lo,
        ci_high=hi,
        level=float(level),
        n=np.diff(offsets).astype(np.int64),
        reference=is_ref,
    )
