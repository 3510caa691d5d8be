"""Soft (BERTScore-style) alignment between groups of statement vectors.

For groups ``A`` and ``B`` with unit-norm statement vectors ``a_i`` and ``b_j``::

    precision(A, B) = mean_i max_j a_i . b_j
    recall(A, B)    = mean_j max_i a_i . b_j  = precision(B, A)
    F(A, B)         = 2 P R / (P + R)

:func:`soft_precision` computes ``precision`` for every pair of groups at once by blocked matrix
products: a block of rows against all rows, then ``np.maximum.reduceat`` over the group-sorted
columns and ``np.add.reduceat`` over the block's rows. Memory is ``O(S^2 + block x n)``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from stancekit.core._blocks import DEFAULT_BLOCK_BYTES, block_rows

__all__ = [
    "best_matches",
    "harmonic_f",
    "soft_precision",
    "soft_scores_batch",
]


def soft_precision(
    X: npt.NDArray[np.floating],
    offsets: npt.NDArray[np.integer],
    *,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
) -> npt.NDArray[np.float64]:
    """Soft-alignment precision for every ordered pair of groups.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm rows, **sorted by group**.
    offsets
        ``(S + 1,)`` group boundaries: group ``g`` is ``X[offsets[g]:offsets[g + 1]]``.
    block_bytes
        Memory for one ``(block, n)`` block of cosines.

    Returns
    -------
    numpy.ndarray
        ``(S, S)`` float64, ``P[a, b]`` = mean over group ``a``'s rows of the best cosine among
        group ``b``'s rows. The recall matrix is ``P.T``. Rows and columns of empty groups are
        NaN; the diagonal is 1 for unit-norm rows (each row matches itself).
    """
    offsets = np.asarray(offsets, dtype=np.intp)
    n = X.shape[0]
    n_groups = offsets.size - 1
    counts = np.diff(offsets)
    present = np.flatnonzero(counts > 0)
    sums = np.zeros((n_groups, n_groups), dtype=np.float64)
    if n:
        seg_starts = offsets[:-1][present]
        row_codes = np.repeat(np.arange(n_groups), counts)
        rows = block_rows(n, n, block_bytes=block_bytes)
        dtype = np.result_type(X.dtype, np.float32)
        cos = np.empty((rows, n), dtype=dtype)
        best = np.empty((rows, present.size), dtype=dtype)
        for r0 in range(0, n, rows):
            r1 = min(n, r0 + rows)
            k = np.matmul(X[r0:r1], X.T, out=cos[: r1 - r0])
            m = np.maximum.reduceat(k, seg_starts, axis=1, out=best[: r1 - r0])
            codes = row_codes[r0:r1]
            starts = np.flatnonzero(np.diff(codes, prepend=-1))
            part = np.add.reduceat(m, starts, axis=0, dtype=np.float64)
            sums[np.ix_(codes[starts], present)] += part
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = sums / counts[:, None]
    absent = counts == 0
    precision[absent, :] = np.nan
    precision[:, absent] = np.nan
    return precision


def harmonic_f(precision: npt.ArrayLike, recall: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """``2 P R / (P + R)`` elementwise; NaN where ``P + R == 0`` or an input is NaN.

    Parameters
    ----------
    precision, recall
        Arrays of the same shape.

    Returns
    -------
    numpy.ndarray
        float64, the shape of the inputs.
    """
    p = np.asarray(precision, dtype=np.float64)
    r = np.asarray(recall, dtype=np.float64)
    denom = p + r
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denom != 0, 2.0 * p * r / np.where(denom != 0, denom, 1.0), np.nan)


def best_matches(
    XA: npt.NDArray[np.floating],
    XB: npt.NDArray[np.floating],
    *,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Each statement's best cosine in the other group, for one pair of groups.

    Parameters
    ----------
    XA
        ``(m, d)`` rows of group A (``m >= 1``).
    XB
        ``(k, d)`` rows of group B (``k >= 1``).
    block_bytes
        Memory for one ``(block, k)`` block of cosines.

    Returns
    -------
    best_a
        ``(m,)``: ``max_j a_i . b_j``; its mean is the precision.
    best_b
        ``(k,)``: ``max_i a_i . b_j``; its mean is the recall.
    """
    m, k = XA.shape[0], XB.shape[0]
    best_a = np.empty(m, dtype=np.float64)
    best_b = np.full(k, -np.inf, dtype=np.float64)
    rows = block_rows(m, k, block_bytes=block_bytes)
    for r0 in range(0, m, rows):
        cos = XA[r0 : r0 + rows] @ XB.T
        best_a[r0 : r0 + rows] = cos.max(axis=1)
        np.maximum(best_b, cos.max(axis=0), out=best_b)
    return best_a, best_b


def soft_scores_batch(
    X: npt.NDArray[np.floating],
    ia: npt.NDArray[np.integer],
    ib: npt.NDArray[np.integer],
    *,
    gram: npt.NDArray[np.floating] | None = None,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Soft precision and recall for a batch of resampled or permuted group pairs.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm rows of the pool the indices point into.
    ia
        ``(p, m)`` row indices of group A in each of ``p`` draws (repeats allowed).
    ib
        ``(p, k)`` row indices of group B in each draw.
    gram
        Optional ``(n, n)`` precomputed ``X @ X.T``: gathered instead of recomputed (faster for
        small pools).

    Returns
    -------
    precision, recall
        ``(p,)`` float64 each.
    """
    if gram is not None:
        cos = gram[ia[:, :, None], ib[:, None, :]]
    else:
        cos = np.matmul(X[ia], X[ib].transpose(0, 2, 1))
    precision = cos.max(axis=2).mean(axis=1, dtype=np.float64)
    recall = cos.max(axis=1).mean(axis=1, dtype=np.float64)
    return precision, recall
