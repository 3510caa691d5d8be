"""Correlation of dyadic matrices: QAP permutation tests and node bootstrap, vectorised.

Dyads are not independent (every speaker takes part in ``S - 1`` of them), so the null keeps
the structure of each matrix and only breaks the link between them: QAP relabels the nodes of
one matrix (one permutation applied to its rows and its columns together). Intervals resample
nodes, not dyads.

Every kernel works on a batch of ``P`` node orders at once: the upper-triangle values under
each order are gathered into a ``(P, m)`` array (``m = S (S - 1) / 2``), missing pairs are
masked, and the correlations come from masked row sums. Batches are sized so that memory stays
bounded whatever ``P``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = [
    "bootstrap_correlations",
    "draw_permutations",
    "masked_pearson",
    "masked_ranks",
    "partial_from_pairwise",
    "qap_correlation",
    "qap_null",
    "qap_p_value",
    "residualize",
]

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.intp]

#: Elements of one ``(P, m)`` batch (float64: 32 MiB).
_BATCH_ELEMENTS = 2**22
#: Relative tolerance when a permuted correlation is compared with the observed one.
_TOL = 1e-10


def _batch_size(m: int) -> int:
    return max(1, _BATCH_ELEMENTS // max(m, 1))


def draw_permutations(rng: np.random.Generator, n: int, n_draws: int) -> IndexArray:
    """``n_draws`` uniform permutations of ``range(n)``, one per row.

    Row ``k`` equals the ``k``-th ``rng.permutation(n)`` drawn in a loop from the same state.

    Returns
    -------
    ndarray
        ``(n_draws, n)`` intp.
    """
    base = np.broadcast_to(np.arange(n, dtype=np.intp), (n_draws, n))
    return np.asarray(rng.permuted(base, axis=1), dtype=np.intp)


def masked_pearson(
    a: npt.NDArray[np.floating], b: npt.NDArray[np.floating], mask: npt.NDArray[np.bool_]
) -> FloatArray:
    """Pearson correlation of each row of ``a`` with the same row of ``b``, over ``mask``.

    Parameters
    ----------
    a, b
        ``(P, m)`` values (entries outside ``mask`` are ignored, NaN allowed there).
    mask
        ``(P, m)`` entries to use.

    Returns
    -------
    ndarray
        ``(P,)``; NaN for a row with fewer than 3 entries or a constant side.
    """
    w = mask.astype(np.float64)
    a0 = np.where(mask, a, 0.0)
    b0 = np.where(mask, b, 0.0)
    n = w.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ma = a0.sum(axis=-1) / n
        mb = b0.sum(axis=-1) / n
        da = (a0 - ma[..., None]) * w
        db = (b0 - mb[..., None]) * w
        sab = (da * db).sum(axis=-1)
        saa = (da * da).sum(axis=-1)
        sbb = (db * db).sum(axis=-1)
        scale = np.sqrt(saa * sbb)
        r = sab / scale
    # a side that is constant up to rounding has no correlation
    tiny = (saa <= 1e-24 * np.maximum(n, 1)) | (sbb <= 1e-24 * np.maximum(n, 1))
    r = np.where((n >= 3) & ~tiny & (scale > 0), r, np.nan)
    return np.asarray(np.clip(r, -1.0, 1.0), dtype=np.float64)


def masked_ranks(v: npt.NDArray[np.floating], mask: npt.NDArray[np.bool_]) -> FloatArray:
    """Average ranks (1-based, ties share their mean rank) of each row over ``mask``.

    Parameters
    ----------
    v
        ``(P, m)`` values.
    mask
        ``(P, m)`` entries to rank; the others get NaN.

    Returns
    -------
    ndarray
        ``(P, m)`` float64 ranks, the same as ``scipy.stats.rankdata`` on each row's masked
        entries.
    """
    v2 = np.atleast_2d(np.asarray(v, dtype=np.float64))
    m2 = np.atleast_2d(mask)
    p, m = v2.shape
    if m == 0:
        return np.full(v2.shape, np.nan)
    keyed = np.where(m2, v2, np.inf)
    order = np.argsort(keyed, axis=1)  # ties are averaged below: stability is not needed
    s = np.take_along_axis(keyed, order, axis=1)
    start = np.ones((p, m), dtype=bool)
    start[:, 1:] = s[:, 1:] != s[:, :-1]
    flat_start = start.ravel()
    group = np.cumsum(flat_start) - 1
    first = np.flatnonzero(flat_start)
    counts = np.diff(np.append(first, flat_start.size))
    pos_in_row = first % m
    avg = pos_in_row + (counts - 1) / 2.0 + 1.0
    ranks_sorted = avg[group].reshape(p, m)
    out = np.empty((p, m), dtype=np.float64)
    np.put_along_axis(out, order, ranks_sorted, axis=1)
    out[~m2] = np.nan
    return out.reshape(np.shape(v))


def _correlate(
    a: npt.NDArray[np.float64], b: npt.NDArray[np.float64], mask: npt.NDArray[np.bool_], rank: bool
) -> FloatArray:
    if rank:
        a = masked_ranks(a, mask)
        b = masked_ranks(b, mask)
    return masked_pearson(a, b, mask)


def _pearson_fixed(
    a0: FloatArray, ok_a: FloatArray, b0: FloatArray, ok_b: npt.NDArray[np.bool_] | None
) -> FloatArray:
    """Pearson of one fixed vector against each row of ``b0``, by matrix-vector products.

    ``a0`` ``(m,)`` and ``b0`` ``(P, m)`` are zero where missing and roughly centred (the
    sums formula is then accurate); ``ok_a`` ``(m,)`` is 1.0 where ``a`` is present, ``ok_b``
    ``(P, m)`` where ``b`` is (``None``: everywhere).
    """
    sb = b0 @ ok_a
    sbb = (b0 * b0) @ ok_a
    sab = b0 @ a0
    if ok_b is None:
        n = np.full(len(b0), ok_a.sum())
        sa = np.full(len(b0), a0.sum())
        saa = np.full(len(b0), a0 @ a0)
    else:
        wb = ok_b.astype(np.float64)
        n, sa, saa = wb @ ok_a, wb @ a0, wb @ (a0 * a0)
    with np.errstate(invalid="ignore", divide="ignore"):
        cov = sab - sa * sb / n
        va = saa - sa * sa / n
        vb = sbb - sb * sb / n
        r = cov / np.sqrt(va * vb)
    tiny = (va <= 1e-20 * np.maximum(saa, 1e-300)) | (vb <= 1e-20 * np.maximum(sbb, 1e-300))
    r = np.where((n >= 3) & ~tiny, r, np.nan)
    return np.asarray(np.clip(r, -1.0, 1.0), dtype=np.float64)


def _centred(m: FloatArray) -> FloatArray:
    ok = np.isfinite(m)
    return np.where(ok, m - (m[ok].mean() if ok.any() else 0.0), 0.0)


def qap_null(
    x: npt.NDArray[np.floating],
    y: npt.NDArray[np.floating],
    perms: IndexArray,
    *,
    rank: bool = False,
) -> FloatArray:
    """Correlations of ``x`` with ``y`` relabelled by each permutation, over upper triangles.

    Parameters
    ----------
    x, y
        ``(S, S)`` matrices; NaN marks a missing pair (left out for that permutation).
    perms
        ``(P, S)`` node orders; row ``k`` relabels ``y`` as ``y[perm][:, perm]``.
        The identity gives the observed correlation.
    rank
        Spearman (ranks recomputed over each permutation's pairs) instead of Pearson.

    Returns
    -------
    ndarray
        ``(P,)`` float64.
    """
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    n = xs.shape[0]
    i, j = np.triu_indices(n, k=1)
    ok_a = np.isfinite(xs[i, j])
    a0 = _centred(xs)[i, j]
    y_ok = np.isfinite(ys).ravel()
    y0 = _centred(ys).ravel()
    complete = bool(y_ok.all())
    itype = np.int32 if n * n < 2**31 else np.int64  # narrower indices: less to move
    i, j = i.astype(itype), j.astype(itype)
    out = np.empty(len(perms), dtype=np.float64)
    step = _batch_size(i.size)
    for start in range(0, len(perms), step):
        pb = np.asarray(perms[start : start + step], dtype=itype)
        flat = pb[:, i] * n
        flat += pb[:, j]
        b0 = np.take(y0, flat)
        ok_b = None if complete else np.take(y_ok, flat)
        if rank:
            mask = np.broadcast_to(ok_a, b0.shape) if ok_b is None else ok_a & ok_b
            aa = np.broadcast_to(a0, b0.shape)
            out[start : start + len(pb)] = _correlate(aa, b0, mask, True)
        else:
            out[start : start + len(pb)] = _pearson_fixed(a0, ok_a.astype(np.float64), b0, ok_b)
    return out


def qap_p_value(observed: float, null: npt.NDArray[np.floating]) -> float:
    """Two-sided permutation p-value with the +1 correction and a rounding tolerance.

    ``(1 + #{|null| >= |observed| - tol}) / (1 + #finite null)``; NaN when ``observed`` is NaN
    or no null value is finite (a degenerate null gives no p-value).
    """
    nul = np.asarray(null, dtype=np.float64)
    nul = nul[np.isfinite(nul)]
    if not np.isfinite(observed) or nul.size == 0:
        return float("nan")
    tol = _TOL * max(1.0, abs(observed))
    hits = int(np.count_nonzero(np.abs(nul) >= abs(observed) - tol))
    return (1 + hits) / (1 + nul.size)


def partial_from_pairwise(
    r_xy: npt.NDArray[np.floating], r_xz: npt.NDArray[np.floating], r_yz: npt.NDArray[np.floating]
) -> FloatArray:
    """Partial correlation of x and y given z from the three pairwise correlations.

    ``(r_xy - r_xz r_yz) / sqrt((1 - r_xz^2)(1 - r_yz^2))``, elementwise; NaN where z
    explains x or y entirely.
    """
    rxy, rxz, ryz = (np.asarray(v, dtype=np.float64) for v in (r_xy, r_xz, r_yz))
    with np.errstate(invalid="ignore", divide="ignore"):
        den = np.sqrt((1.0 - rxz**2) * (1.0 - ryz**2))
        r = (rxy - rxz * ryz) / den
    r = np.where(den > 1e-12, r, np.nan)
    return np.asarray(np.clip(r, -1.0, 1.0), dtype=np.float64)


def residualize(
    x: npt.NDArray[np.floating], z: npt.NDArray[np.floating], mask: npt.NDArray[np.bool_]
) -> FloatArray:
    """Residuals of the least-squares line of ``x`` on ``z`` (with intercept) over ``mask``.

    Parameters
    ----------
    x, z
        ``(m,)`` values.
    mask
        ``(m,)`` entries to fit; the others get NaN.

    Returns
    -------
    ndarray
        ``(m,)`` float64.
    """
    xs = np.asarray(x, dtype=np.float64)[mask]
    zs = np.asarray(z, dtype=np.float64)[mask]
    zc = zs - zs.mean()
    szz = float(zc @ zc)
    slope = float(zc @ (xs - xs.mean())) / szz if szz > 0 else 0.0
    out = np.full(mask.shape, np.nan)
    out[mask] = (xs - xs.mean()) - slope * zc
    return out


def bootstrap_correlations(
    x: npt.NDArray[np.floating],
    y: npt.NDArray[np.floating],
    draws: IndexArray,
    *,
    z: npt.NDArray[np.floating] | None = None,
    rank: bool = False,
) -> FloatArray:
    """Correlation of ``x`` and ``y`` (partial on ``z`` if given) over resampled nodes.

    For each draw (nodes sampled with replacement), the dyads are the pairs of positions
    ``k < l`` of the draw whose nodes differ and whose values are present in every matrix.

    Parameters
    ----------
    x, y
        ``(S, S)`` symmetric matrices, NaN for a missing pair.
    draws
        ``(B, S')`` node indices, usually ``S' = S``.
    z
        ``(S, S)`` control matrix: the partial correlation of x and y given z.
    rank
        Spearman (ranks recomputed within each draw) instead of Pearson.

    Returns
    -------
    ndarray
        ``(B,)`` float64, NaN for a draw with too few dyads or a constant side.
    """
    mats = [np.asarray(v, dtype=np.float64) for v in (x, y) + (() if z is None else (z,))]
    i, j = np.triu_indices(draws.shape[1], k=1)
    out = np.empty(len(draws), dtype=np.float64)
    step = _batch_size(i.size)
    for start in range(0, len(draws), step):
        d = draws[start : start + step]
        ni, nj = d[:, i], d[:, j]
        vals = [m[ni, nj] for m in mats]
        mask = ni != nj
        for v in vals:
            mask &= np.isfinite(v)
        if rank:
            vals = [masked_ranks(v, mask) for v in vals]
        r_xy = masked_pearson(vals[0], vals[1], mask)
        if z is not None:
            r_xz = masked_pearson(vals[0], vals[2], mask)
            r_yz = masked_pearson(vals[1], vals[2], mask)
            r_xy = partial_from_pairwise(r_xy, r_xz, r_yz)
        out[start : start + len(d)] = r_xy
    return out


def qap_correlation(
    x: npt.NDArray[np.floating],
    y: npt.NDArray[np.floating],
    *,
    n_permutations: int = 999,
    seed: int = 0,
) -> tuple[float, float, int]:
    """Pearson r over the upper triangles of two ``(S, S)`` matrices, and its QAP p-value.

    Pairs missing (NaN) in either matrix are left out. The null relabels the nodes of ``y``
    (one permutation applied to its rows and columns), ``n_permutations`` times, seeded.

    Returns
    -------
    (r, p, n_pairs)
        ``p`` is two-sided with the +1 correction: ``(1 + #|r_perm| >= |r|) / (1 + n)``
        (compared with a rounding tolerance); NaN with fewer than 3 pairs.
    """
    xs = np.asarray(x, dtype=np.float64)
    ys = np.asarray(y, dtype=np.float64)
    n = xs.shape[0]
    iu = np.triu_indices(n, k=1)
    n_pairs = int((np.isfinite(xs[iu]) & np.isfinite(ys[iu])).sum())
    if n_pairs < 3:
        return float("nan"), float("nan"), n_pairs
    r = float(qap_null(xs, ys, np.arange(n, dtype=np.intp)[None, :])[0])
    perms = draw_permutations(np.random.default_rng(seed), n, n_permutations)
    return r, qap_p_value(r, qap_null(xs, ys, perms)), n_pairs
