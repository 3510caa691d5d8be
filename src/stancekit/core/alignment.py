"""Soft (BERTScore-style) alignment between groups of statement vectors.

For groups ``A`` and ``B`` with unit-norm statement vectors ``a_i`` and ``b_j``::

    precision(A, B) = mean_i max_j a_i . b_j
    recall(A, B)    = mean_j max_i a_i . b_j  = precision(B, A)
    F(A, B)         = 2 P R / (P + R) if P > 0 and R > 0, else min(P, R)

:func:`soft_precision` computes ``precision`` for every pair of groups at once by blocked matrix
products over the upper triangle of the cosine matrix (it is symmetric), segment-wise maxima
over the group-sorted rows (one reduction per distinct group size, both directions from the
same block) and ``np.add.reduceat`` sums. Memory is ``O(S^2 + n x block)``.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import numpy.typing as npt

from stancekit.core._blocks import DEFAULT_BLOCK_BYTES, block_rows

__all__ = [
    "best_matches",
    "harmonic_f",
    "soft_precision",
    "soft_scores_batch",
]


def _size_layout(
    codes: npt.NDArray[np.integer], n_groups: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """Row order with the non-empty groups sorted by (size, code).

    Returns the row permutation, the group order (codes, in layout order) and the group sizes
    in layout order.
    """
    counts = np.bincount(codes, minlength=n_groups)
    gorder = np.lexsort((np.arange(n_groups), counts)).astype(np.intp)
    gorder = gorder[counts[gorder] > 0]
    rank = np.full(n_groups, -1, dtype=np.int64)
    rank[gorder] = np.arange(gorder.size)
    perm = np.argsort(rank[codes], kind="stable").astype(np.intp)
    return perm, gorder, counts[gorder].astype(np.int64)


def _segment_max(V: npt.NDArray[np.floating], sizes: npt.NDArray[np.int64]) -> npt.NDArray[Any]:
    """Max over consecutive row segments of ``V`` with non-decreasing ``sizes``: one
    ``(m, size, width)`` reduction per distinct size. Returns ``(len(sizes), width)``."""
    out = np.empty((sizes.size, V.shape[1]), dtype=V.dtype)
    values, first, runs = np.unique(sizes, return_index=True, return_counts=True)
    row = 0
    for size, g0, m in zip(values.tolist(), first.tolist(), runs.tolist(), strict=True):
        view = V[row : row + m * size].reshape(m, size, V.shape[1])
        np.max(view, axis=1, out=out[g0 : g0 + m])
        row += m * size
    return out


def _transpose(V: npt.NDArray[Any], out: npt.NDArray[Any], tile: int = 256) -> npt.NDArray[Any]:
    """``V.T`` copied into ``out`` tile by tile (a cache-friendly transpose)."""
    for r0 in range(0, V.shape[0], tile):
        out[:, r0 : r0 + tile] = V[r0 : r0 + tile].T
    return out


def _blocks(starts: npt.NDArray[np.int64], sizes: npt.NDArray[np.int64], cols: int) -> list[Any]:
    """Column blocks ``(c0, c1, g_lo, g_hi)`` made of whole groups (about ``cols`` columns),
    or chunks of one group larger than ``cols`` (``g_hi == g_lo + 1`` and ``c1 - c0 <= cols``
    with the group spanning several blocks)."""
    small = int(np.searchsorted(sizes, cols, side="right"))
    blocks: list[Any] = []
    if small:
        block_of = starts[:small] // cols
        cuts = np.flatnonzero(np.diff(block_of, prepend=-1))
        edges = [*cuts.tolist(), small]
        for g_lo, g_hi in itertools.pairwise(edges):
            end = int(starts[g_hi - 1] + sizes[g_hi - 1])
            blocks.append((int(starts[g_lo]), end, g_lo, g_hi))
    for g in range(small, sizes.size):
        first, end = int(starts[g]), int(starts[g] + sizes[g])
        blocks.extend((c0, min(c0 + cols, end), g, g + 1) for c0 in range(first, end, cols))
    return blocks


def soft_precision(
    X: npt.NDArray[np.floating],
    codes: npt.NDArray[np.integer],
    n_groups: int,
    *,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
) -> npt.NDArray[np.float64]:
    """Soft-alignment precision for every ordered pair of groups.

    Rows are laid out with groups sorted by size. Column blocks are made of whole groups
    (or chunks of one large group); each block is multiplied only with the rows from its own
    start on (the cosine matrix is symmetric, so half the products are enough). From that
    block of cosines the maxima over every later group's rows give the block's columns their
    best matches, and its transpose gives the later rows their best match in the block's
    groups; equal-size groups are reduced together. Peak extra memory is about
    ``2 * block_bytes`` plus ``O(S^2)``.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm rows.
    codes
        ``(n,)`` group of every row, in ``[0, n_groups)``.
    n_groups
        Number of groups ``S``.
    block_bytes
        Memory for one block of cosines.

    Returns
    -------
    numpy.ndarray
        ``(S, S)`` float64, ``P[a, b]`` = mean over group ``a``'s rows of the best cosine among
        group ``b``'s rows. The recall matrix is ``P.T``. Rows and columns of empty groups are
        NaN; the diagonal is 1 (unit-norm rows match themselves).
    """
    codes = np.asarray(codes)
    n = X.shape[0]
    perm, gorder, sizes = _size_layout(codes, n_groups)
    Xr = X if np.array_equal(perm, np.arange(n)) else X[perm]
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    sums = np.zeros((sizes.size, sizes.size), dtype=np.float64)
    cols = max(1, block_bytes // (8 * max(n, 1)))
    run: npt.NDArray[Any] | None = None
    dtype = np.result_type(X.dtype, np.float32)
    blocks = _blocks(starts, sizes, cols)
    width = max((c1 - c0 for c0, c1, _, _ in blocks), default=0)
    buf = np.empty(n * width, dtype=dtype)
    buf_t = np.empty(n * width, dtype=dtype)
    for c0, c1, g_lo, g_hi in blocks:
        kt = buf[: (n - c0) * (c1 - c0)].reshape(n - c0, c1 - c0)
        np.matmul(Xr[c0:], Xr[c0:c1].T, out=kt)  # every row from the block's start on
        split = bool(sizes[g_lo] > cols)
        # (1) the block's columns: best match among each later group's rows
        g_a = int(np.searchsorted(starts, c0))  # first group starting at or after c0
        if g_a < sizes.size:
            best = _segment_max(kt[starts[g_a] - c0 :], sizes[g_a:])
            col_starts = starts[g_lo:g_hi] - c0 if not split else np.zeros(1, dtype=np.int64)
            part = np.add.reduceat(best, np.maximum(col_starts, 0), axis=1, dtype=np.float64)
            sums[g_lo:g_hi, g_a:] += part.T
        # (2) rows after the block's groups: their best match in the block's groups
        r2 = int(starts[g_hi - 1] + sizes[g_hi - 1])
        if r2 < n:
            tail = _transpose(kt[r2 - c0 :], buf_t[: (c1 - c0) * (n - r2)].reshape(c1 - c0, -1))
            g_b = g_hi
            if split:
                m2 = tail.max(axis=0)
                run = m2 if run is None or c0 == starts[g_lo] else np.maximum(run, m2)
                if c1 < r2:
                    continue
                best_rows = run[None, :]
                run = None
            else:
                best_rows = _segment_max(tail, sizes[g_lo:g_hi])
            part = np.add.reduceat(best_rows, starts[g_b:] - r2, axis=1, dtype=np.float64)
            sums[g_b:, g_lo:g_hi] += part.T
    np.fill_diagonal(sums, sizes.astype(np.float64))
    precision = np.full((n_groups, n_groups), np.nan)
    precision[np.ix_(gorder, gorder)] = sums / sizes[:, None]
    return precision


def harmonic_f(precision: npt.ArrayLike, recall: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Soft F: the harmonic mean ``2 P R / (P + R)`` when ``P > 0`` and ``R > 0``, otherwise
    ``min(P, R)``.

    The harmonic mean is only a mean for positive values: with ``P`` and ``R`` of opposite
    signs (centred vectors) ``2 P R / (P + R)`` has a pole and leaves ``[-1, 1]``. ``min(P, R)``
    takes over where either is ``<= 0``; both branches tend to 0 as the smaller one does, so F
    is continuous, never exceeds ``max(P, R)`` and stays in ``[-1, 1]`` for cosines.

    Parameters
    ----------
    precision, recall
        Arrays of the same shape (values in ``[-1, 1]``).

    Returns
    -------
    numpy.ndarray
        float64, the shape of the inputs, in ``[min(P, R), max(P, R)]``; NaN where an input is
        NaN.
    """
    p = np.asarray(precision, dtype=np.float64)
    r = np.asarray(recall, dtype=np.float64)
    both = (p > 0) & (r > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        f = np.where(both, 2.0 * p * r / np.where(both, p + r, 1.0), np.minimum(p, r))
    return np.asarray(f, dtype=np.float64)


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
