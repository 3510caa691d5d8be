"""Corpus evidence of formulae: how many other speakers say (nearly) the same thing.

A statement that many different speakers say alike ("Thank you very much", "I congratulate
you on your election") carries no position of its own. :func:`speaker_spread` counts, for every
statement, the other groups (speakers) that have a statement within cosine ``threshold`` of it;
:func:`idf_weight` turns that count into an IDF-like weight in ``[0, 1]``.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from stancekit.core._blocks import DEFAULT_BLOCK_BYTES, block_rows, sparse_true

__all__ = ["idf_weight", "speaker_spread"]

#: Largest ``rows x groups`` bool table of the all-rows search (bytes); above it (many
#: groups) rows are searched in blocks against all columns, at twice the cost.
_DENSE_HITS = 64 * 2**20
#: Side of a square tile of the all-rows search at most (small tiles stay in cache).
_TILE = 1024


def speaker_spread(
    X: npt.NDArray[np.float32],
    codes: npt.NDArray[np.integer],
    *,
    threshold: float,
    reference: npt.NDArray[np.integer] | None = None,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
) -> npt.NDArray[np.int64]:
    """Number of *other* groups with a near-duplicate of each row.

    Parameters
    ----------
    X
        ``(n, d)`` unit-norm float32 rows.
    codes
        ``(n,)`` group code of every row, ``>= 0``.
    threshold
        Cosine at or above which two rows are near-duplicates.
    reference
        ``(m,)`` indices of the rows searched for near-duplicates (``None``: all rows). A
        seeded sample bounds the cost at ``O(n m d)`` for large corpora.
    block_bytes
        Budget for one block of scores.

    Returns
    -------
    numpy.ndarray
        ``(n,)`` int64: distinct groups other than the row's own with a row ``j`` in
        ``reference`` such that ``X[i] . X[j] >= threshold``.
    """
    n = X.shape[0]
    codes = np.asarray(codes)
    if n and reference is None and n * (int(codes.max()) + 1) <= _DENSE_HITS:
        return _spread_all(X, codes, threshold, block_bytes)
    ref = np.arange(n, dtype=np.intp) if reference is None else np.asarray(reference, np.intp)
    out = np.zeros(n, dtype=np.int64)
    if n == 0 or ref.size == 0:
        return out
    ref = ref[np.argsort(codes[ref], kind="stable")]
    ref_codes = np.asarray(codes[ref], dtype=np.int64)
    present, starts = np.unique(ref_codes, return_index=True)
    column = np.full(int(max(codes.max(), present.max())) + 1, -1, dtype=np.int64)
    column[present] = np.arange(present.size)
    R = np.ascontiguousarray(X[ref])
    step = block_rows(n, ref.size, block_bytes=block_bytes)
    for lo in range(0, n, step):
        hi = min(n, lo + step)
        near = (X[lo:hi] @ R.T) >= np.float32(threshold)
        hit = np.logical_or.reduceat(near, starts, axis=1)
        own = column[codes[lo:hi]]
        rows = np.flatnonzero(own >= 0)
        hit[rows, own[rows]] = False
        out[lo:hi] = hit.sum(axis=1)
    return out


def _spread_all(
    X: npt.NDArray[np.float32], codes: npt.NDArray[np.integer], threshold: float, block_bytes: int
) -> npt.NDArray[np.int64]:
    """:func:`speaker_spread` against every row, in square tiles of the upper triangle.

    Each tile ``X[I] X[J]^T`` (``J >= I``) serves both directions, so the product costs half
    of the row-block search; the few near pairs of a tile mark a
    ``(n, groups)`` bool table of the groups each row has a near-duplicate in.
    """
    n = X.shape[0]
    X = np.asarray(X, dtype=np.float32)
    group = np.unique(codes, return_inverse=True)[1].astype(np.intp).ravel()
    hit = np.zeros((n, int(group.max()) + 1), dtype=bool)
    side = max(1, min(_TILE, math.isqrt(max(block_bytes, 4) // 4)))
    thr = np.float32(threshold)
    for i0 in range(0, n, side):
        for j0 in range(i0, n, side):
            near = (X[i0 : i0 + side] @ X[j0 : j0 + side].T) >= thr
            i, j = np.divmod(sparse_true(near), near.shape[1])  # near pairs are few
            i += i0
            j += j0
            hit[i, group[j]] = True
            hit[j, group[i]] = True  # the same tile read the other way
    hit[np.arange(n), group] = False
    return np.asarray(hit.sum(axis=1), dtype=np.int64)


def idf_weight(spread: npt.NDArray[np.integer], n_groups: int) -> npt.NDArray[np.float64]:
    """IDF-like weight ``1 - log(1 + spread) / log(S)`` in ``[0, 1]``.

    A statement nobody else says weighs 1; one that every other speaker says weighs 0.

    Parameters
    ----------
    spread
        ``(n,)`` other groups with a near-duplicate (:func:`speaker_spread`).
    n_groups
        Number of groups ``S``; with fewer than 2 every weight is 1.

    Returns
    -------
    numpy.ndarray
        ``(n,)`` float64.
    """
    s = np.asarray(spread, dtype=np.float64)
    if n_groups < 2:
        return np.ones_like(s)
    return np.asarray(np.clip(1.0 - np.log1p(s) / np.log(n_groups), 0.0, 1.0), dtype=np.float64)
