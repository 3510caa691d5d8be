"""Calibrated dyad matrices: size-free closeness of every pair of groups, and a relative test.

Two steps turn ``(S, S)`` scores into an answer to "is B closer to A than A's other
counterparts are, and A closer to B than B's other counterparts are?":

1. **A size-free closeness and its sampling spread.** For the centroid method,
   :func:`centroid_moments` gives ``dot[a, b] = mean(a) . mean(b)``, the mean cosine between
   the two groups' statements: unbiased for the closeness of the two speakers' underlying
   positions whatever the group sizes (the cosine of the centroids is not: a small group's
   noisy centroid lowers every cosine it takes part in), with its exact sampling variance
   under the pooled within-group covariance. For the soft score, :func:`soft_size_null` gives
   what random sets of statements of the two sizes score (order statistics of a sample of the
   corpus's cosines), subtracted from the score (its coefficient refitted in step 2).
2. **Relative test.** :func:`relative_test` fits the additive round-robin model
   ``x[a, b] = mu + u[a] + u[b] + r[a, b] + noise[a, b]`` (``u``: each group's closeness to
   everybody; ``r``: the dyad's own relationship, variance ``eta``, estimated by moments;
   ``noise``: sampling noise of known variance, or modelled per group from the residuals),
   standardises each residual by its own variance, and gives the mid-rank p of the dyad among
   the dyads that share one of its groups.

Arrays in, arrays out; no Python loop over pairs or statements.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from stancekit.core.similarity import centroid_sums

__all__ = [
    "centroid_moments",
    "max_order_moments",
    "relative_test",
    "residual_variance",
    "soft_size_null",
]

_CHUNK_ROWS = 16384
_TIE = 1e-9


def _gram(X: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
    """``(d, d)`` float64 ``X.T @ X`` accumulated over row chunks."""
    d = X.shape[1]
    G = np.zeros((d, d), dtype=np.float64)
    for r0 in range(0, X.shape[0], _CHUNK_ROWS):
        part = np.asarray(X[r0 : r0 + _CHUNK_ROWS], dtype=np.float64)
        G += part.T @ part
    return G


def centroid_moments(
    X: npt.NDArray[np.floating], codes: npt.NDArray[np.integer], n_groups: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Mean cross cosine of every pair of groups and its sampling variance.

    With group means ``m[a]`` (``n[a]`` rows), ``dot[a, b] = m[a] . m[b]`` is the mean of the
    ``n[a] * n[b]`` cosines between the two groups' rows. If each group's rows are independent
    draws around its underlying position with the pooled within-group covariance ``W``::

        var dot[a, b] = q[a] / n[b] + q[b] / n[a] + tr(W @ W) / (n[a] * n[b])

    where ``q[a]``, ``c[a]' W c[a]`` less its expected noise part (clipped at 0), estimates the
    spread of ``b``'s noise along ``a``'s position, with ``c[a] = m[a] - mean(m)`` over the
    ``G`` non-empty groups (the part common to every group is absorbed by the groups' overall
    closeness in :func:`relative_test`); ``E[c' W c] = c_true' W c_true + tr(W @ W) * ((1 -
    2 / G) / n[a] + mean(1 / n) / G)``. Cost:
    one pass over the rows for the sums and one ``d x d`` Gram matrix.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm rows.
    codes
        ``(n,)`` group codes in ``[0, n_groups)``.
    n_groups
        Number of groups ``S``.

    Returns
    -------
    dot, var
        ``(S, S)`` float64; NaN for empty groups, and ``var`` NaN everywhere when no group has
        two rows (no within-group spread to estimate).
    """
    sums, n = centroid_sums(X, codes, n_groups)
    nonempty = n > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / np.where(nonempty, n, 1)[:, None]
    means[~nonempty] = np.nan
    dot = means @ means.T
    df = int(n.sum()) - int(nonempty.sum())
    S = n_groups
    if df <= 0:
        return dot, np.full((S, S), np.nan)
    ok = means[nonempty]
    W = (_gram(X) - (ok * n[nonempty, None]).T @ ok) / df
    t = float(np.sum(W * W))
    c = means - ok.mean(axis=0)
    nf = np.where(nonempty, n, 1).astype(np.float64)
    G = float(nonempty.sum())
    # E[c' W c] = m' W m + t * ((1 - 2 / G) / n[a] + mean_g(1 / n[g]) / G): remove the noise
    noise = t * ((1.0 - 2.0 / G) / nf + float(np.mean(1.0 / nf[nonempty])) / G)
    q = np.maximum(np.einsum("sd,de,se->s", c, W, c) - noise, 0.0)
    var = q[:, None] / nf[None, :] + q[None, :] / nf[:, None] + t / np.outer(nf, nf)
    return dot, np.where(np.isnan(dot), np.nan, var)


def max_order_moments(
    profile: npt.NDArray[np.float64], profile_sq: npt.NDArray[np.float64], ks: npt.ArrayLike
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Mean and variance of the maximum of ``k`` draws from a row's cosines, for each ``k``.

    With a row's ``q`` sampled cosines sorted ascending ``c_(1) <= ... <= c_(q)``, the maximum
    of ``k`` draws (with replacement) is ``c_(j)`` with probability ``(j/q)^k - ((j-1)/q)^k``.
    Averaged over rows this needs only the mean sorted profile and the mean sorted squares.

    Parameters
    ----------
    profile, profile_sq
        ``(q,)`` mean over rows of the sorted cosines and of their squares.
    ks
        ``(K,)`` numbers of draws (``>= 1``).

    Returns
    -------
    mean, var
        ``(K,)`` each: ``E[max]`` and ``E[max^2] - E[max]^2`` over a random row and draws.
    """
    q = profile.size
    k = np.asarray(ks, dtype=np.float64)
    grid = np.arange(q + 1, dtype=np.float64) / q
    cdf = grid[None, :] ** k[:, None]  # (K, q + 1)
    weights = np.diff(cdf, axis=1)  # (K, q)
    mean = weights @ profile
    return mean, np.maximum(weights @ profile_sq - mean * mean, 0.0)


def soft_size_null(
    X: npt.NDArray[np.floating],
    sizes: npt.NDArray[np.int64],
    *,
    rng: np.random.Generator,
    n_rows: int = 4096,
    n_ref: int = 2048,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Mean and spread of the soft F of every dyad for random sets of statements of its sizes.

    Precision of ``m`` random statements against ``k`` random statements is the mean over the
    ``m`` of the maximum of ``k`` cosines; its mean and variance come from
    :func:`max_order_moments` on the cosines of ``n_rows`` random statements with ``n_ref``
    random others (one ``n_rows x n_ref`` product). F's null mean is the F of the null means;
    its spread is the delta-method spread with precision and recall taken as independent.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm rows of the grouped statements (``n >= 2``).
    sizes
        ``(S,)`` group sizes (``0``: empty group).
    rng
        Source of randomness.
    n_rows, n_ref
        Statements whose cosine profiles are sampled, and the sample each is compared with.

    Returns
    -------
    mean, sd
        ``(S, S)`` float64; NaN where a group is empty.
    """
    n = X.shape[0]
    ref = rng.choice(n, size=min(n_ref, n - 1), replace=False)
    probe = rng.choice(n, size=min(n_rows, n), replace=False)
    cos = np.asarray(X[probe] @ X[ref].T, dtype=np.float64)
    cos[probe[:, None] == ref[None, :]] = -np.inf  # a statement is not its own match
    cos.sort(axis=1)
    cos[:, 0] = np.where(np.isneginf(cos[:, 0]), cos[:, 1], cos[:, 0])
    cos.sort(axis=1)
    profile, profile_sq = cos.mean(axis=0), (cos * cos).mean(axis=0)
    ks, inverse = np.unique(np.maximum(sizes, 1), return_inverse=True)
    m_k, v_k = max_order_moments(profile, profile_sq, ks)
    mu, var = m_k[inverse], v_k[inverse]  # per group: max over that group's size
    size = np.maximum(sizes, 1).astype(np.float64)
    # P[a, b]: mean over a's rows of the max over b's rows; R[a, b] = P[b, a]
    p_mean, r_mean = np.broadcast_to(mu[None, :], (sizes.size,) * 2), mu[:, None] + 0.0 * mu
    p_var, r_var = var[None, :] / size[:, None], var[:, None] / size[None, :]
    total = p_mean + r_mean
    both = (p_mean > 0) & (r_mean > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        f = np.where(both, 2 * p_mean * r_mean / total, np.minimum(p_mean, r_mean))
        dp = np.where(both, 2 * r_mean**2 / total**2, (p_mean <= r_mean).astype(np.float64))
        dr = np.where(both, 2 * p_mean**2 / total**2, (r_mean < p_mean).astype(np.float64))
    sd = np.sqrt(dp * dp * p_var + dr * dr * r_var)
    empty = sizes == 0
    f[empty, :] = f[:, empty] = np.nan
    sd[empty, :] = sd[:, empty] = np.nan
    return np.asarray(f, dtype=np.float64), np.asarray(sd, dtype=np.float64)


def _rank_counts(
    t: npt.NDArray[np.float64], block_bytes: int = 64 * 2**20
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """``ge[a, b]`` = #{c: t[a, c] >= t[a, b] - tol} and ``gt`` (``> t[a, b] + tol``) over
    finite entries, in blocks of rows of an ``(rows, S, S)`` comparison."""
    S = t.shape[0]
    ge = np.zeros((S, S), dtype=np.int64)
    gt = np.zeros((S, S), dtype=np.int64)
    step = max(1, block_bytes // max(S * S, 1))
    tol = _TIE * np.maximum(1.0, np.abs(t))
    for r0 in range(0, S, step):
        rows = t[r0 : r0 + step]  # (r, S): t[a, c]
        x = rows[:, None, :]
        ge[r0 : r0 + step] = (x >= (rows - tol[r0 : r0 + step])[:, :, None]).sum(axis=2)
        gt[r0 : r0 + step] = (x > (rows + tol[r0 : r0 + step])[:, :, None]).sum(axis=2)
    return ge, gt


def residual_variance(
    variance: npt.NDArray[np.float64], ok: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    """Variance of each round-robin residual when the dyads' errors have ``variance``.

    The fitted ``u[a]`` averages ``a``'s ``k[a]`` dyads, so a residual loses part of its own
    error and gains the errors of both groups' other dyads. To first order in ``h[a] = 1 /
    (k[a] - 1)``, with ``R[a]`` the sum of ``a``'s dyad variances::

        v[a, b] * (1 - 2 h[a] - 2 h[b] + 2 h[a] h[b]) + h[a]^2 R[a] + h[b]^2 R[b]

    floored at ``v[a, b] / 4`` (few counterparts: the expansion no longer holds).

    Parameters
    ----------
    variance
        ``(S, S)`` error variance of each dyad.
    ok
        ``(S, S)`` symmetric mask of the dyads in the fit (no diagonal).

    Returns
    -------
    numpy.ndarray
        ``(S, S)`` float64; 0 outside ``ok``.
    """
    V = np.where(ok, variance, 0.0)
    k = ok.sum(axis=1).astype(np.float64)
    h = 1.0 / np.maximum(k - 1.0, 1.0)
    R = V.sum(axis=1)
    ha, hb = h[:, None], h[None, :]
    out = V * (1 - 2 * ha - 2 * hb + 2 * ha * hb) + ha * ha * R[:, None] + hb * hb * R[None, :]
    return np.where(ok, np.maximum(out, V / 4.0), 0.0)


def _round_robin_residual(
    X: npt.NDArray[np.float64], ok: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float64]:
    """``x - mu - u[a] - u[b]`` of the symmetric round-robin fit over ``ok`` (0 elsewhere)."""
    k = ok.sum(axis=1)
    mu = X.sum() / max(int(ok.sum()), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        u = np.where(k > 1, (X.sum(axis=1) / np.maximum(k, 1) - mu) * k / np.maximum(k - 1, 1), 0.0)
    return np.where(ok, X - mu - u[:, None] - u[None, :], 0.0)


def relative_test(
    adjusted: npt.NDArray[np.float64],
    variance: npt.NDArray[np.float64] | None,
    *,
    covariate: npt.NDArray[np.float64] | None = None,
    min_counterparts: int = 3,
) -> tuple[
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    npt.NDArray[np.float64],
    npt.NDArray[np.int64],
    float,
]:
    """Standardised excess, mid-rank p and percentile of every dyad among the dyads sharing a side.

    The symmetric round-robin model ``x[a, b] = mu + u[a] + u[b] + r[a, b] + noise[a, b]`` is
    fitted by least squares (``mu`` the mean of the finite off-diagonal entries, ``u[a] = (k[a]
    / (k[a] - 1)) * (mean_c x[a, c] - mu)``, ``k[a]`` finite counterparts). The noise has the
    given per-dyad ``variance``; the relationship term ``r`` has one variance ``eta`` for all
    dyads, estimated by moments from the residuals ``e`` (``sum e^2 = sum L(eta + variance)``,
    ``L`` from :func:`residual_variance`, ``eta >= 0``). Then ``z = e / sqrt(L(eta +
    variance))`` and, with the ``N = k[a] + k[b] - 2`` other dyads of ``a`` and of ``b``::

        p = (#{others > z} + (#{ties} + 1) / 2) / (N + 1)      (mid-rank)
        percentile = 100 * (#{others < z} + #{ties} / 2) / N

    Under the null that the dyad is one more of its groups' dyads (exchangeable with them once
    the groups' overall closeness and the sizes are accounted for), ``z`` has the same
    distribution as its neighbours' and ``p`` is uniform up to the ``1 / (N + 1)`` grid.

    Parameters
    ----------
    adjusted
        ``(S, S)`` symmetric size-free scores; NaN for dyads without one (the diagonal is
        ignored).
    variance
        ``(S, S)`` symmetric sampling variance of each entry of ``adjusted``; ``None``: the
        variance is modelled from the residuals as ``s2[a] + s2[b] - mean(s2)`` (floored at a
        quarter of ``s2[a] + s2[b]``), ``s2[a]`` the mean squared residual of ``a``'s dyads,
        and ``eta`` is 0.
    covariate
        ``(S, S)`` optional dyad covariate (the size null's mean) whose coefficient is fitted
        with the model (the residual is taken after ``beta * covariate``; Frisch-Waugh: both
        are residualised on the round-robin effects).
    min_counterparts
        Groups with fewer finite counterparts get NaN (too few to compare with).

    Returns
    -------
    z, p, percentile
        ``(S, S)`` float64 each, NaN on the diagonal, for groups with too few counterparts and
        where the residuals have no spread.
    counterparts
        ``(S,)`` finite counterparts of each group.
    eta
        Variance of the dyads' relationship term (NaN when nothing could be fitted).
    """
    S = adjusted.shape[0]
    A = np.array(adjusted, dtype=np.float64)
    V = np.zeros_like(A) if variance is None else np.array(variance, dtype=np.float64)
    np.fill_diagonal(A, np.nan)
    ok = np.isfinite(A) & np.isfinite(V)
    keep = ok.sum(axis=1) >= min_counterparts
    ok &= keep[:, None] & keep[None, :]
    k = ok.sum(axis=1)
    nan = np.full((S, S), np.nan)
    if not ok.any():
        return nan, nan.copy(), nan.copy(), k.astype(np.int64), float("nan")
    X = np.where(ok, A, 0.0)
    e = _round_robin_residual(X, ok)
    if covariate is not None:
        c = _round_robin_residual(np.where(ok, np.nan_to_num(covariate), 0.0), ok)
        cc = float(np.sum(c * c))
        if cc > 0:
            e = e - (float(np.sum(c * e)) / cc) * c
    if variance is None:
        s2 = np.where(k > 0, (e * e).sum(axis=1) / np.maximum(k, 1), np.nan)
        s2_mean = float(np.nanmean(s2[k > 0]))
        pair = s2[:, None] + s2[None, :]
        var = np.where(ok, np.maximum(pair - s2_mean, pair / 4.0), 0.0)
        eta = 0.0
    else:
        V = np.where(ok, np.maximum(V, 0.0), 0.0)
        L0, L1 = residual_variance(V, ok), residual_variance(np.ones_like(V), ok)
        eta = max(0.0, float((np.sum(e * e) - L0.sum()) / L1.sum()))
        var = residual_variance(V + eta, ok)
    scale = max(1.0, float(np.max(np.abs(X))))
    spread = ok & (var > (1e-6 * scale) ** 2)
    z = np.where(spread, e / np.sqrt(np.where(spread, var, 1.0)), np.nan)
    ge, gt = _rank_counts(z)
    n_other = (k[:, None] + k[None, :] - 2).astype(np.float64)
    finite = np.isfinite(z) & (n_other > 0)
    ge_other = ge + ge.T - 2  # z[a, b] counts itself once in each row
    gt_other = gt + gt.T
    ties = ge_other - gt_other
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(finite, (gt_other + 0.5 * (ties + 1.0)) / (n_other + 1.0), np.nan)
        below = n_other - ge_other
        pct = np.where(finite, 100.0 * (below + 0.5 * ties) / n_other, np.nan)
    return z, p, pct, k.astype(np.int64), eta
