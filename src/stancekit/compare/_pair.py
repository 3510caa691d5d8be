"""Score one dyad with calibration: observed score, permutation null, bootstrap interval."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from stancekit.compare._input import batch_size
from stancekit.core import (
    best_matches,
    bootstrap_distribution,
    harmonic_f,
    null_summary,
    percentile_interval,
    permutation_null,
    soft_scores_batch,
)
from stancekit.core.stats import (
    SPREAD_RTOL,
    Alternative,
    BatchScore,
    clipped_interval,
    null_reasons,
)

__all__ = ["PairScore", "combine", "score_pair"]

_GRAM_MAX = 4096
_NAN = float("nan")


@dataclass(frozen=True)
class PairScore:
    """Score of one dyad; ``null`` ``(P,)`` and ``boot`` ``(B,)`` keep the draws of the main
    score so that weighted combinations can be calibrated too."""

    score: float
    precision: float
    recall: float
    ci_low: float
    ci_high: float
    z: float
    p: float
    null_mean: float
    null_std: float
    null: npt.NDArray[np.float64]
    boot: npt.NDArray[np.float64]
    reason: str = ""


def _interval(
    boot: npt.NDArray[np.float64], observed: float, method: str, level: float
) -> tuple[float, float]:
    """Percentile interval (centroid); for the max-based soft score a normal interval with the
    bootstrap standard error, since resampling with replacement shifts maxima down. Clipped to
    the score's range ``[-1, 1]``; zero-width at the score when the draws have no spread."""
    finite = boot[np.isfinite(boot)]
    if finite.size < 2 or not np.isfinite(observed):
        return _NAN, _NAN
    if method == "centroid":
        lo, hi = percentile_interval(finite, level=level)
    else:
        half = NormalDist().inv_cdf((1.0 + level) / 2.0) * float(finite.std(ddof=1))
        lo, hi = observed - half, observed + half
    if float(np.ptp(finite)) <= SPREAD_RTOL * max(1.0, abs(observed)):
        lo = hi = observed
    return clipped_interval(lo, hi, observed)


def _centroid_batch(X: npt.NDArray[np.float32]) -> BatchScore:
    def score(ia: npt.NDArray[np.intp], ib: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
        sa = X[ia].sum(axis=1, dtype=np.float64)
        sb = X[ib].sum(axis=1, dtype=np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = (sa * sb).sum(axis=1) / (np.linalg.norm(sa, axis=1) * np.linalg.norm(sb, axis=1))
        return np.asarray(np.clip(cos, -1.0, 1.0), dtype=np.float64)

    return score


def _soft_batch(X: npt.NDArray[np.float32], pool: npt.NDArray[np.int64] | None) -> BatchScore:
    """Soft F for draws of indices into ``pool`` (or into ``X`` when ``pool`` is None)."""
    local = X if pool is None else X[pool]
    gram = local @ local.T if local.shape[0] <= _GRAM_MAX else None

    def score(ia: npt.NDArray[np.intp], ib: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
        if 4 * ia.shape[1] * ib.shape[1] > 64 * 2**20:  # too big to batch: one draw at a time
            out = np.empty(ia.shape[0])
            for d in range(ia.shape[0]):
                pa, pb = best_matches(local[ia[d]], local[ib[d]])
                out[d] = float(harmonic_f(pa.mean(), pb.mean()))
            return out
        p, r = soft_scores_batch(local, ia, ib, gram=gram)
        return harmonic_f(p, r)

    return score


def _observed(
    X: npt.NDArray[np.float32],
    rows_a: npt.NDArray[np.int64],
    rows_b: npt.NDArray[np.int64],
    method: str,
) -> tuple[float, float, float]:
    if method == "centroid":
        s = float(_centroid_batch(X)(rows_a[None, :], rows_b[None, :])[0])
        return s, _NAN, _NAN
    pa, pb = best_matches(X[rows_a], X[rows_b])
    prec, rec = (float(np.clip(v.mean(), -1.0, 1.0)) for v in (pa, pb))
    return float(harmonic_f(prec, rec)), prec, rec


def score_pair(
    X: npt.NDArray[np.float32],
    rows_a: npt.NDArray[np.int64],
    rows_b: npt.NDArray[np.int64],
    pool: npt.NDArray[np.int64] | None,
    *,
    method: str,
    n_permutations: int,
    n_bootstrap: int,
    level: float,
    alternative: Alternative,
    seed: Sequence[int],
) -> PairScore:
    """Score the dyad ``rows_a`` x ``rows_b`` of ``X`` (rows of the table).

    ``pool`` holds the rows whose labels are shuffled for the null (``None``: all rows).
    NaN everywhere when a side is empty; z and p are NaN, with ``reason`` saying why, when
    the null is degenerate (:func:`stancekit.core.stats.null_reasons`).
    """
    nan_p = np.full(n_permutations, np.nan)
    nan_b = np.full(n_bootstrap, np.nan)
    if rows_a.size == 0 or rows_b.size == 0:
        nans = (_NAN,) * 9
        return PairScore(*nans, nan_p, nan_b, reason="a side has no statements")
    score, prec, rec = _observed(X, rows_a, rows_b, method)
    rng_null, rng_boot = (np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(2))
    n_pool = X.shape[0] if pool is None else pool.size
    per_draw = 4 * (rows_a.size * rows_b.size + (rows_a.size + rows_b.size) * X.shape[1])
    batch = batch_size(per_draw)
    null = nan_p
    if n_permutations > 0:
        if method == "centroid":
            local = X if pool is None else X[pool]
            null_fn = _centroid_batch(local)
        else:
            null_fn = _soft_batch(X, pool)
        null = permutation_null(
            null_fn, n_pool, rows_a.size, rows_b.size,
            n_permutations=n_permutations, rng=rng_null, batch=batch,
        )  # fmt: skip
    boot = nan_b
    if n_bootstrap > 0:
        both = np.concatenate([rows_a, rows_b])
        local_a = np.arange(rows_a.size)
        local_b = np.arange(rows_a.size, both.size)
        boot_fn = _centroid_batch(X[both]) if method == "centroid" else _soft_batch(X, both)
        boot = bootstrap_distribution(
            boot_fn, local_a, local_b, n_bootstrap=n_bootstrap, rng=rng_boot, batch=batch
        )
    z, p = null_summary(score, null, alternative=alternative)
    reason = str(null_reasons(score, null)) if n_permutations else "no permutations asked for"
    lo, hi = _interval(boot, score, method, level)
    finite = null[np.isfinite(null)]
    mean = float(finite.mean()) if finite.size else _NAN
    sd = float(finite.std(ddof=1)) if finite.size > 1 else _NAN
    return PairScore(score, prec, rec, lo, hi, float(z), float(p), mean, sd, null, boot, reason)


def combine(
    parts: list[PairScore],
    weights: npt.NDArray[np.float64],
    *,
    method: str,
    level: float,
    alternative: Alternative,
) -> tuple[float, float, float, float, float]:
    """Weighted mean of unit scores, with interval and test from the units' draws combined
    draw by draw (independent strata, so each combined draw is a draw of the combination).

    Returns ``(score, ci_low, ci_high, z, p)``; all NaN when no unit has a score.
    """
    ok = np.array([np.isfinite(q.score) for q in parts], dtype=bool) & (weights > 0)
    if not ok.any():
        return _NAN, _NAN, _NAN, _NAN, _NAN
    w = weights[ok] / weights[ok].sum()
    kept = [q for q, k in zip(parts, ok, strict=True) if k]
    score = float(np.dot(w, [q.score for q in kept]))
    null = np.stack([q.null for q in kept], axis=1) @ w
    boot = np.stack([q.boot for q in kept], axis=1) @ w
    z, p = null_summary(score, null, alternative=alternative)
    lo, hi = _interval(boot, score, method, level)
    return score, lo, hi, float(z), float(p)
