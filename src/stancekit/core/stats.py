"""Calibration: permutation nulls, bootstrap distributions, z-scores, p-values, intervals.

A *batch score* is any function ``score(ia, ib) -> values`` that takes ``(p, m)`` and
``(p, k)`` integer row indices (``p`` draws of group A's and group B's rows) and returns ``(p,)``
or ``(p, q)`` float64 scores, one row per draw. The same function serves the permutation null
(disjoint rows drawn from the whole corpus: speaker labels shuffled) and the bootstrap (rows of
each group resampled with replacement). Draws are made one at a time from the given
``numpy.random.Generator`` so results depend on the seed only, never on the batch size; scoring
is vectorised over a batch of draws.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from statistics import NormalDist
from typing import Literal

import numpy as np
import numpy.typing as npt

__all__ = [
    "Alternative",
    "BatchScore",
    "bc_interval",
    "bootstrap_distribution",
    "clipped_interval",
    "mean_bootstrap",
    "null_reasons",
    "null_summary",
    "percentile_interval",
    "permutation_null",
]

BatchScore = Callable[[npt.NDArray[np.intp], npt.NDArray[np.intp]], npt.NDArray[np.float64]]
Alternative = Literal["greater", "less", "two-sided"]


def _run(
    score: BatchScore,
    draw: Callable[[], tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]],
    n_draws: int,
    batch: int,
) -> npt.NDArray[np.float64]:
    parts: list[npt.NDArray[np.float64]] = []
    for start in range(0, n_draws, max(1, batch)):
        pairs = [draw() for _ in range(min(batch, n_draws - start))]
        ia = np.stack([p[0] for p in pairs])
        ib = np.stack([p[1] for p in pairs])
        parts.append(np.asarray(score(ia, ib), dtype=np.float64))
    if not parts:
        return np.empty(0, dtype=np.float64)
    return np.concatenate(parts, axis=0)


def permutation_null(
    score: BatchScore,
    n: int,
    n_a: int,
    n_b: int,
    *,
    n_permutations: int,
    rng: np.random.Generator,
    batch: int = 64,
) -> npt.NDArray[np.float64]:
    """Scores of group pairs of the observed sizes under shuffled labels.

    Each draw takes ``n_a + n_b`` distinct rows uniformly from ``range(n)``; the first ``n_a``
    play group A, the rest group B. This is the distribution of the score when the two groups'
    labels are shuffled among all ``n`` statements of the corpus.

    Parameters
    ----------
    score
        Batch score (see the module docstring).
    n
        Corpus size (rows the labels are shuffled over); ``n >= n_a + n_b``.
    n_a, n_b
        Group sizes.
    n_permutations
        Number of draws ``P``.
    rng
        Source of randomness.
    batch
        Draws scored together.

    Returns
    -------
    numpy.ndarray
        ``(P,)`` or ``(P, q)`` null scores.
    """

    def draw() -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        rows = rng.choice(n, size=n_a + n_b, replace=False, shuffle=True).astype(np.intp)
        return rows[:n_a], rows[n_a:]

    return _run(score, draw, n_permutations, batch)


def bootstrap_distribution(
    score: BatchScore,
    rows_a: npt.NDArray[np.integer],
    rows_b: npt.NDArray[np.integer],
    *,
    n_bootstrap: int,
    rng: np.random.Generator,
    batch: int = 64,
) -> npt.NDArray[np.float64]:
    """Scores with each group's rows resampled with replacement (sizes kept).

    Parameters
    ----------
    score
        Batch score.
    rows_a, rows_b
        ``(m,)`` and ``(k,)`` row indices of the two groups.
    n_bootstrap
        Number of resamples ``B``.
    rng
        Source of randomness.
    batch
        Resamples scored together.

    Returns
    -------
    numpy.ndarray
        ``(B,)`` or ``(B, q)`` bootstrap scores.
    """
    ra = np.asarray(rows_a, dtype=np.intp)
    rb = np.asarray(rows_b, dtype=np.intp)

    def draw() -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        return ra[rng.integers(0, ra.size, ra.size)], rb[rng.integers(0, rb.size, rb.size)]

    return _run(score, draw, n_bootstrap, batch)


def mean_bootstrap(
    values: npt.NDArray[np.floating],
    *,
    n_bootstrap: int,
    rng: np.random.Generator,
    batch: int = 256,
) -> npt.NDArray[np.float64]:
    """Bootstrap distribution of the mean of ``values``.

    Parameters
    ----------
    values
        ``(m,)`` per-statement values (``m >= 1``).
    n_bootstrap
        Number of resamples ``B``.
    rng
        Source of randomness.
    batch
        Resamples drawn and averaged together.

    Returns
    -------
    numpy.ndarray
        ``(B,)`` means of resamples of size ``m``.
    """
    v = np.asarray(values, dtype=np.float64)
    out = np.empty(n_bootstrap, dtype=np.float64)
    for start in range(0, n_bootstrap, batch):
        stop = min(n_bootstrap, start + batch)
        idx = np.stack([rng.integers(0, v.size, v.size) for _ in range(stop - start)])
        out[start:stop] = v[idx].mean(axis=1)
    return out


TIE_RTOL = 1e-6
"""Scores within ``TIE_RTOL * max(1, |observed|)`` of each other are ties: scores computed from
float32 vectors carry rounding errors of about 1e-7, so an exact ``>=`` would turn a tie into a
strict inequality by chance."""

SPREAD_RTOL = 1e-6
"""A null whose standard deviation is at most ``SPREAD_RTOL * max(1, |mean|)`` is constant."""


def null_reasons(observed: npt.ArrayLike, null: npt.NDArray[np.floating]) -> npt.NDArray[np.str_]:
    """Why a null gives no z and p, entry by entry (``""`` where it does).

    Parameters
    ----------
    observed
        Scalar or ``(q,)`` observed scores.
    null
        ``(P,)`` or ``(P, q)`` null scores.

    Returns
    -------
    numpy.ndarray
        Strings shaped like ``observed``: ``"no score"`` (observed is NaN), ``"fewer than 2
        null draws"``, ``"constant null"`` (the shuffled labellings all score the same, within
        ``SPREAD_RTOL``: typically groups too small to shuffle), ``"some null draws have no
        score"`` (a zero centroid in a draw) or ``""``.
    """
    obs = np.asarray(observed, dtype=np.float64)
    null = np.asarray(null, dtype=np.float64)
    out = np.full(obs.shape, "", dtype=object)
    finite = np.isfinite(null)
    n_ok = finite.sum(axis=0) if null.shape[0] else np.zeros(obs.shape, dtype=np.int64)
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns: NaN is the answer
        mean = np.nanmean(null, axis=0) if null.shape[0] else np.full(obs.shape, np.nan)
        sd = np.nanstd(null, axis=0, ddof=1) if null.shape[0] > 1 else np.full(obs.shape, np.nan)
    constant = ~(sd > SPREAD_RTOL * np.maximum(1.0, np.abs(mean)))
    out = np.where(constant, "constant null", out)
    out = np.where(n_ok < null.shape[0], "some null draws have no score", out)
    out = np.where(n_ok < 2, "fewer than 2 null draws", out)
    out = np.where(np.isnan(obs), "no score", out)
    return np.asarray(out, dtype=np.str_)


def null_summary(
    observed: npt.ArrayLike,
    null: npt.NDArray[np.floating],
    *,
    alternative: Alternative = "greater",
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """z-score and permutation p-value of observed scores against their null draws.

    ``z = (observed - mean(null)) / std(null, ddof=1)`` and, for ``alternative="greater"``,
    ``p = (1 + #{null >= observed - tol}) / (P + 1)`` with ``tol = TIE_RTOL * max(1, |observed|)``
    (ties count as at least as extreme; the +1 counts the observed labelling among the
    permutations, so ``p`` is in ``(0, 1]`` and the test is exact at level ``alpha`` for
    ``alpha * (P + 1)`` integer). ``"less"`` counts ``null <= observed + tol``; ``"two-sided"``
    is twice the smaller one-sided p, capped at 1.

    A degenerate null (see :func:`null_reasons`: constant, fewer than 2 draws) gives no test:
    z and p are NaN there, never a p-value made of rounding noise.

    Parameters
    ----------
    observed
        Scalar or ``(q,)`` observed scores.
    null
        ``(P,)`` or ``(P, q)`` null scores.
    alternative
        Direction of the test.

    Returns
    -------
    z, p
        Arrays shaped like ``observed``; NaN where :func:`null_reasons` gives a reason.
    """
    obs = np.asarray(observed, dtype=np.float64)
    null = np.asarray(null, dtype=np.float64)
    n_perm = null.shape[0]
    bad = null_reasons(obs, null) != ""
    if n_perm < 2:
        nan = np.full(obs.shape, np.nan)
        return nan, nan.copy()
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = null.mean(axis=0)
        sd = null.std(axis=0, ddof=1)
        z = (obs - mean) / np.where(bad, 1.0, sd)
    tol = TIE_RTOL * np.maximum(1.0, np.abs(obs))
    greater = (1.0 + (null >= obs - tol).sum(axis=0)) / (n_perm + 1.0)
    less = (1.0 + (null <= obs + tol).sum(axis=0)) / (n_perm + 1.0)
    if alternative == "greater":
        p = greater
    elif alternative == "less":
        p = less
    else:
        p = np.minimum(1.0, 2.0 * np.minimum(greater, less))
    z = np.where(bad, np.nan, z)
    p = np.where(bad, np.nan, p)
    return np.asarray(z, dtype=np.float64), np.asarray(p, dtype=np.float64)


def clipped_interval(
    low: float, high: float, observed: float, *, bounds: tuple[float, float] = (-1.0, 1.0)
) -> tuple[float, float]:
    """An interval clipped to the score's range, zero-width at the score when it has no spread.

    Parameters
    ----------
    low, high
        The raw interval (NaN: none).
    observed
        The score; a zero-width interval (``high - low <= SPREAD_RTOL``) is ``(observed,
        observed)``.
    bounds
        The score's range.

    Returns
    -------
    low, high
        Within ``bounds``; NaN when the input is NaN.
    """
    if not (np.isfinite(low) and np.isfinite(high) and np.isfinite(observed)):
        return float("nan"), float("nan")
    if high - low <= SPREAD_RTOL * max(1.0, abs(observed)):
        low = high = observed
    lo, hi = bounds
    return float(min(max(low, lo), hi)), float(min(max(high, lo), hi))


def percentile_interval(
    samples: npt.NDArray[np.floating], *, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval.

    Parameters
    ----------
    samples
        ``(B,)`` bootstrap scores (NaNs ignored).
    level
        Coverage, in ``(0, 1)``.

    Returns
    -------
    low, high
        The ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles; NaN when no finite sample.
    """
    s = np.asarray(samples, dtype=np.float64)
    s = s[np.isfinite(s)]
    if s.size == 0:
        return float("nan"), float("nan")
    lo, hi = np.quantile(s, [(1.0 - level) / 2.0, (1.0 + level) / 2.0])
    return float(lo), float(hi)


def bc_interval(
    samples: npt.NDArray[np.floating], observed: float, *, level: float = 0.95
) -> tuple[float, float]:
    """Bias-corrected percentile bootstrap interval (Efron's BC).

    With ``z0 = Phi^-1(share of samples below the observed score)`` (ties count half), the
    interval is the ``Phi(2 z0 + z_(1-level)/2)`` and ``Phi(2 z0 + z_(1+level)/2)`` quantiles
    of the samples. It corrects the percentile interval for a bootstrap distribution that is
    shifted from the observed score, as happens for max-based scores.

    Parameters
    ----------
    samples
        ``(B,)`` bootstrap scores (NaNs ignored).
    observed
        The score on the data.
    level
        Coverage, in ``(0, 1)``.

    Returns
    -------
    low, high
        NaN when no finite sample or ``observed`` is NaN.
    """
    s = np.asarray(samples, dtype=np.float64)
    s = s[np.isfinite(s)]
    if s.size == 0 or not np.isfinite(observed):
        return float("nan"), float("nan")
    share = float(np.count_nonzero(s < observed) + 0.5 * np.count_nonzero(s == observed)) / s.size
    share = min(max(share, 1.0 / (s.size + 1)), s.size / (s.size + 1.0))
    normal = NormalDist()
    z0 = normal.inv_cdf(share)
    qs = [normal.cdf(2 * z0 + normal.inv_cdf(q)) for q in ((1 - level) / 2, (1 + level) / 2)]
    lo, hi = np.quantile(s, qs)
    return float(lo), float(hi)
