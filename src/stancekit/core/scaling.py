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

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from stancekit.core.similarity import centroid_sums

__all__ = [
    "choose_model",
    "choose_penalty",
    "cv_path",
    "fit_axis",
    "group_folds",
    "nested_cv",
    "ridge_dual",
    "ridge_path_predict",
    "scale_groups",
]


def fit_axis(
    ref_means: npt.NDArray[np.floating],
    positions: npt.NDArray[np.floating],
    penalty: float = 0.0,
) -> tuple[npt.NDArray[np.float64], float]:
    """The minimum-norm axis through the reference means, or its ridge-shrunk version.

    Parameters
    ----------
    ref_means
        ``(R, d)`` mean statement vectors of the references.
    positions
        ``(R,)`` their known positions (not all equal).
    penalty
        Ridge penalty ``lambda``: ``w`` minimises ``|y_c - M_c w|^2 + lambda |w|^2`` on the
        centred means. ``0`` gives the minimum-norm least-squares axis (references reproduced).

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
    if penalty > 0:
        Mc = M - mu
        beta = np.linalg.solve(Mc @ Mc.T + penalty * np.eye(M.shape[0]), y - y.mean())
        w = Mc.T @ beta
    else:
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
    penalty: float = 0.0,
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
    penalty
        Ridge penalty of the axis (see :func:`fit_axis`), the same in every replicate.

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
    w, alpha = fit_axis(sums[ref] / counts[ref, None], positions, penalty)
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
            wb, ab = fit_axis(ref_sums / counts[ref, None], positions, penalty)
            sb = (X @ wb.astype(X.dtype)).astype(np.float64) + ab
            reps[b] = _group_positions(sb[pick], offsets)
    return position, scores.astype(np.float64), reps


def group_folds(
    groups: npt.NDArray[np.integer], n_folds: int, rng: np.random.Generator
) -> npt.NDArray[np.intp]:
    """Assign whole groups to folds: no group has rows in two folds.

    Parameters
    ----------
    groups
        ``(R,)`` group code of every row (e.g. the speaker of a speaker-year).
    n_folds
        Number of folds ``k`` (at most the number of distinct groups).
    rng
        Source of randomness for the shuffle of the groups.

    Returns
    -------
    folds
        ``(R,)`` fold of every row in ``[0, k)``; the groups are shuffled and dealt in turn.
    """
    uniq, inv = np.unique(np.asarray(groups), return_inverse=True)
    deal = np.empty(uniq.size, dtype=np.intp)
    deal[rng.permutation(uniq.size)] = np.arange(uniq.size) % n_folds
    return deal[inv.ravel()]


def _centred_blocks(
    G: npt.NDArray[np.float64], train: npt.NDArray[np.intp], test: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Gram matrices of ``train`` and ``test`` rows about the ``train`` mean, from ``G = F F'``."""
    Gtt = G[np.ix_(train, train)]
    Gst = G[np.ix_(test, train)]
    row_t = Gtt.mean(axis=1)
    row_s = Gst.mean(axis=1)
    grand = row_t.mean()
    Ktt = Gtt - row_t[:, None] - row_t[None, :] + grand
    Kst = Gst - row_s[:, None] - row_t[None, :] + grand
    return Ktt, Kst


def _dual_path(
    K: npt.NDArray[np.float64], yc: npt.NDArray[np.float64], penalties: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """``(m, P)`` dual coefficients ``(K + lambda I)^+ yc`` for every penalty (0: pinv)."""
    ev, Q = np.linalg.eigh(K)
    ev = np.maximum(ev, 0.0)
    tiny = ev.max(initial=0.0) * K.shape[0] * np.finfo(np.float64).eps
    denom = ev[:, None] + penalties[None, :]
    inv = np.where(denom > tiny, 1.0 / np.where(denom > tiny, denom, 1.0), 0.0)
    return np.asarray(Q @ ((Q.T @ yc)[:, None] * inv))


def ridge_path_predict(
    G: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    train: npt.NDArray[np.intp],
    test: npt.NDArray[np.intp],
    penalties: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Ridge fitted on the ``train`` rows, predictions for the ``test`` rows, every penalty.

    Parameters
    ----------
    G
        ``(R, R)`` Gram matrix ``F F'`` of the rows' features (features never needed).
    y
        ``(R,)`` targets.
    train, test
        Row indices.
    penalties
        ``(P,)`` ridge penalties ``lambda >= 0`` (``0``: minimum-norm least squares).

    Returns
    -------
    predictions
        ``(len(test), P)``: ``mean(y_train) + (f - mean(F_train)) . w_lambda`` with
        ``w_lambda`` minimising ``|y_c - F_c w|^2 + lambda |w|^2`` on the centred train rows.
    """
    Ktt, Kst = _centred_blocks(G, train, test)
    yt = y[train]
    B = _dual_path(Ktt, yt - yt.mean(), penalties)
    return np.asarray(Kst @ B + yt.mean())


def cv_path(
    G: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    folds: npt.NDArray[np.integer],
    penalties: npt.NDArray[np.float64],
    rows: npt.NDArray[np.intp] | None = None,
) -> npt.NDArray[np.float64]:
    """Out-of-fold ridge predictions for every penalty.

    Parameters
    ----------
    G
        ``(R, R)`` Gram matrix of the features.
    y
        ``(R,)`` targets.
    folds
        ``(R,)`` fold of every row.
    penalties
        ``(P,)`` ridge penalties.
    rows
        The rows taking part (default all); the others are ignored.

    Returns
    -------
    oof
        ``(len(rows), P)`` prediction of every row by the fit without its fold.
    """
    rows = np.arange(y.size, dtype=np.intp) if rows is None else rows
    out = np.empty((rows.size, penalties.size))
    f = np.asarray(folds)[rows]
    for k in np.unique(f):
        out[f == k] = ridge_path_predict(G, y, rows[f != k], rows[f == k], penalties)
    return out


def choose_penalty(
    G: npt.NDArray[np.float64],
    y: npt.NDArray[np.float64],
    folds: npt.NDArray[np.integer],
    penalties: npt.NDArray[np.float64],
    rows: npt.NDArray[np.intp] | None = None,
) -> tuple[int, npt.NDArray[np.float64]]:
    """Index of the penalty with the smallest cross-validated mean squared error, and the
    ``(P,)`` errors (ties go to the stronger penalty)."""
    rows = np.arange(y.size, dtype=np.intp) if rows is None else rows
    oof = cv_path(G, y, folds, penalties, rows)
    mse = ((oof - y[rows, None]) ** 2).mean(axis=0)
    best = (
        int(np.flatnonzero(mse <= mse.min() * (1 + 1e-12)).max()) if np.isfinite(mse).any() else 0
    )
    return best, mse


def choose_model(
    grams: Sequence[npt.NDArray[np.float64]],
    y: npt.NDArray[np.float64],
    folds: npt.NDArray[np.integer],
    penalties: npt.NDArray[np.float64],
    rows: npt.NDArray[np.intp] | None = None,
) -> tuple[int, int, npt.NDArray[np.float64]]:
    """The candidate Gram matrix and penalty with the smallest cross-validated error.

    Returns
    -------
    candidate, penalty
        Indices into ``grams`` and ``penalties`` (ties: the earlier candidate, the stronger
        penalty).
    mse
        ``(len(grams), P)`` cross-validated mean squared errors.
    """
    mse = np.stack([choose_penalty(G, y, folds, penalties, rows)[1] for G in grams])
    flat = np.where(np.isfinite(mse), mse, np.inf)
    best = flat.min()
    cand = int(np.flatnonzero((flat <= best * (1 + 1e-12)).any(axis=1))[0])
    pen = int(np.flatnonzero(flat[cand] <= best * (1 + 1e-12)).max())
    return cand, pen, mse


def nested_cv(
    grams: Sequence[npt.NDArray[np.float64]],
    y: npt.NDArray[np.float64],
    folds: npt.NDArray[np.integer],
    penalties: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """Out-of-fold predictions with the model chosen inside each training set.

    For every fold the candidate Gram matrix and the penalty are chosen by cross-validation
    over the other folds (the same fold assignment, so inner folds stay group-disjoint), the
    ridge is refitted on them and the fold is predicted: an honest estimate of the whole
    procedure, model choice included.

    Returns
    -------
    oof
        ``(R,)`` out-of-fold predictions.
    chosen
        ``(k, 2)`` candidate and penalty index chosen for each fold (``np.unique(folds)``
        order).
    """
    folds = np.asarray(folds)
    oof = np.empty(y.size)
    ks = np.unique(folds)
    chosen = np.empty((ks.size, 2), dtype=np.intp)
    for j, k in enumerate(ks):
        train = np.flatnonzero(folds != k).astype(np.intp)
        test = np.flatnonzero(folds == k).astype(np.intp)
        if np.unique(folds[train]).size >= 2:
            c, p, _ = choose_model(grams, y, folds, penalties, train)
        else:
            c, p = 0, penalties.size - 1
        chosen[j] = (c, p)
        pen = penalties[p : p + 1]
        oof[test] = ridge_path_predict(grams[c], y, train, test, pen)[:, 0]
    return oof, chosen


def ridge_dual(
    G: npt.NDArray[np.float64], y: npt.NDArray[np.float64], penalty: float
) -> npt.NDArray[np.float64]:
    """``(R,)`` dual coefficients ``beta`` of the ridge on all rows: the direction is
    ``w = F' beta`` (``beta`` sums to zero, so centring ``F`` first changes nothing) and the
    offset ``mean(y) - mean(F) . w``."""
    idx = np.arange(y.size, dtype=np.intp)
    K, _ = _centred_blocks(G, idx, idx[:0])
    return _dual_path(K, y - y.mean(), np.array([float(penalty)]))[:, 0]
