"""Reference-anchored scaling (Wordscores on embeddings).

Reference groups ``r`` with known positions ``y_r`` and mean statement vectors ``m_r`` define
an axis: the minimum-norm ``(alpha, w)`` with ``alpha + m_r . w = y_r`` for every reference
(least squares when the references cannot all be met). Every statement gets the score
``alpha + x_i . w`` and every group the mean of its statements' scores, which equals
``alpha + m_g . w``; the references land on their positions. With two references ``A`` and
``B`` the axis is ``w = (y_A - y_B) (m_A - m_B) / |m_A - m_B|^2``: the projection of a group's
mean on the line through the two reference means, rescaled so that the references sit at their
positions, as Wordscores rescales word scores to the reference texts' positions.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from stancekit.core.similarity import centroid_sums

__all__ = ["fit_axis", "scale_groups"]


def fit_axis(
    ref_means: npt.NDArray[np.floating], positions: npt.NDArray[np.floating]
) -> tuple[npt.NDArray[np.float64], float]:
    """The minimum-norm axis through the reference means.

    Parameters
    ----------
    ref_means
        ``(R, d)`` mean statement vectors of the references.
    positions
        ``(R,)`` their known positions (not all equal).

    Returns
    -------
    w
        ``(d,)`` direction, scaled so that positions are reproduced.
    alpha
        Offset.
    """
    M = np.asarray(ref_means, dtype=np.float64)
    y = np.asarray(positions, dtype=np.float64)
    mu = M.mean(axis=0)
    w = np.linalg.lstsq(M - mu, y - y.mean(), rcond=None)[0]
    return w, float(y.mean() - mu @ w)


def _group_positions(
    scores_sorted: npt.NDArray[np.float64], offsets: npt.NDArray[np.integer]
) -> npt.NDArray[np.float64]:
    counts = np.diff(offsets)
    out = np.full(counts.size, np.nan)
    present = counts > 0
    if scores_sorted.size:
        sums = np.add.reduceat(scores_sorted, offsets[:-1][present])
        out[present] = sums / counts[present]
    return out


def scale_groups(
    X: npt.NDArray[np.floating],
    offsets: npt.NDArray[np.integer],
    ref_groups: npt.NDArray[np.integer],
    positions: npt.NDArray[np.floating],
    *,
    n_bootstrap: int = 0,
    rng: np.random.Generator | None = None,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Place every group on the axis defined by reference groups.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm rows, sorted by group.
    offsets
        ``(S + 1,)`` group boundaries in ``X``.
    ref_groups
        ``(R,)`` group indices of the references (``R >= 2``, non-empty groups).
    positions
        ``(R,)`` their known positions.
    n_bootstrap
        Resamples for the uncertainty: statements are resampled within every group (references
        included, so the axis is refitted each time). ``0`` skips it.
    rng
        Source of randomness (required when ``n_bootstrap > 0``).

    Returns
    -------
    position
        ``(S,)`` mean statement score of each group (NaN for empty groups).
    statement_scores
        ``(n,)`` score of every row of ``X``.
    replicates
        ``(n_bootstrap, S)`` positions under resampling (``(0, S)`` without bootstrap).
    """
    offsets = np.asarray(offsets, dtype=np.intp)
    n_groups = offsets.size - 1
    counts = np.diff(offsets)
    codes = np.repeat(np.arange(n_groups), counts)
    ref = np.asarray(ref_groups, dtype=np.intp)
    sums, _ = centroid_sums(X, codes, n_groups)
    w, alpha = fit_axis(sums[ref] / counts[ref, None], positions)
    scores = X @ w.astype(X.dtype) + alpha
    position = _group_positions(scores.astype(np.float64), offsets)
    reps = np.empty((max(n_bootstrap, 0), n_groups), dtype=np.float64)
    if n_bootstrap > 0:
        if rng is None:
            raise ValueError("rng is required when n_bootstrap > 0")
        low = np.repeat(offsets[:-1], counts)
        ref_rows = np.concatenate([np.arange(offsets[g], offsets[g + 1]) for g in ref])
        ref_codes = np.repeat(np.arange(ref.size), counts[ref])
        for b in range(n_bootstrap):
            pick = rng.integers(low, low + counts[codes]) if X.shape[0] else low
            ref_pick = pick[ref_rows]
            ref_sums, _ = centroid_sums(X[ref_pick], ref_codes, ref.size)
            wb, ab = fit_axis(ref_sums / counts[ref, None], positions)
            sb = (X @ wb.astype(X.dtype)).astype(np.float64) + ab
            reps[b] = _group_positions(sb[pick], offsets)
    return position, scores.astype(np.float64), reps
