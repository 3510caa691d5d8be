"""Array helpers of the clustering backends: samples, centring, nearest-centre assignment in
blocks, Ward cuts. Plain numpy and scipy on arrays; nothing here knows about statements."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import linkage

from stancekit.core import centroid_sums

__all__ = [
    "Mean",
    "cluster_means",
    "compact",
    "nearest_centres",
    "nearest_rows",
    "prep",
    "seeded_sample",
    "ward_cuts",
]

_BLOCK = 16384

Mean = npt.NDArray[np.float32] | None
#: Distance from the mean (of unit rows) below which a row counts as equal to it.
_SAME = 1e-5


def prep(block: npt.NDArray[np.float32], mean: Mean) -> npt.NDArray[np.float32]:
    """``(m, d)`` rows minus ``mean``, renormalised to unit length; the rows themselves when
    ``mean`` is ``None``. A row within :data:`_SAME` of the mean (equal to it up to float32
    rounding) becomes zero: renormalising its rounding noise would give it a random
    direction."""
    if mean is None:
        return block
    out = np.asarray(block, dtype=np.float32) - mean
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    same = norms <= _SAME
    out /= np.where(same, np.float32(1.0), norms)
    out[same[:, 0]] = 0.0
    return out


def seeded_sample(n: int, size: int, seed: int) -> npt.NDArray[np.int64]:
    """``min(n, size)`` distinct sorted row indices drawn with ``seed``."""
    if size >= n:
        return np.arange(n, dtype=np.int64)
    rng = np.random.default_rng([seed, n])
    return np.sort(rng.choice(n, size=size, replace=False)).astype(np.int64)


def compact(labels: npt.NDArray[np.integer]) -> tuple[npt.NDArray[np.int64], int]:
    """Renumber used codes ``>= 0`` to ``0..k-1`` in increasing order; ``-1`` stays.

    Returns
    -------
    labels
        ``(n,)`` int64.
    k
        Number of distinct codes ``>= 0``.
    """
    labels = np.asarray(labels, dtype=np.int64)
    used = np.unique(labels[labels >= 0])
    out = np.full(labels.shape, -1, dtype=np.int64)
    ok = labels >= 0
    out[ok] = np.searchsorted(used, labels[ok])
    return out, int(used.size)


def nearest_centres(
    X: npt.NDArray[np.float32],
    centres: npt.NDArray[np.floating],
    *,
    mean: Mean = None,
    bar: Any = None,
) -> npt.NDArray[np.int64]:
    """Index of the nearest centre (Euclidean) of every row, in blocks of rows.

    ``argmin ||x - c||^2 = argmax (x . c - ||c||^2 / 2)``: one matrix product per block.

    Parameters
    ----------
    X
        ``(n, d)`` rows.
    centres
        ``(k, d)`` centres.
    mean
        Centre the rows first (:func:`prep`).
    bar
        Optional tqdm bar advanced by the rows done.

    Returns
    -------
    numpy.ndarray
        ``(n,)`` int64 in ``[0, k)``.
    """
    C = np.asarray(centres, dtype=np.float32)
    half = 0.5 * np.einsum("ij,ij->i", C, C)
    out = np.empty(X.shape[0], dtype=np.int64)
    for r0 in range(0, X.shape[0], _BLOCK):
        block = prep(X[r0 : r0 + _BLOCK], mean)
        out[r0 : r0 + block.shape[0]] = np.argmax(block @ C.T - half, axis=1)
        if bar is not None:
            bar.update(block.shape[0])
    return out


def nearest_rows(
    X: npt.NDArray[np.float32],
    ref: npt.NDArray[np.float32],
    ref_labels: npt.NDArray[np.int64],
    *,
    mean: Mean = None,
) -> npt.NDArray[np.int64]:
    """Label of the most similar (largest dot product) reference row of every row, in blocks.

    Parameters
    ----------
    X
        ``(n, d)`` unit rows.
    ref
        ``(m, d)`` unit reference rows.
    ref_labels
        ``(m,)`` their labels.
    mean
        Centre the rows of ``X`` first (:func:`prep`; ``ref`` must already be centred).

    Returns
    -------
    numpy.ndarray
        ``(n,)`` int64 labels taken from ``ref_labels``.
    """
    rows = max(1, min(_BLOCK, (64 << 20) // (4 * max(ref.shape[0], 1))))
    out = np.empty(X.shape[0], dtype=np.int64)
    for r0 in range(0, X.shape[0], rows):
        block = prep(X[r0 : r0 + rows], mean)
        out[r0 : r0 + block.shape[0]] = ref_labels[np.argmax(block @ ref.T, axis=1)]
    return out


def ward_cuts(S: npt.NDArray[np.floating], ks: list[int] | npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Cut one Ward tree of the rows into each number of clusters.

    The tree is scipy's ``linkage(S, "ward")``; cutting it into ``k`` clusters applies its
    first ``m - k`` merges (as ``scipy.cluster.hierarchy.cut_tree``, without its Python-level
    tree walk).

    Parameters
    ----------
    S
        ``(m, d)`` rows.
    ks
        ``g`` cluster counts, each in ``[1, m]``.

    Returns
    -------
    numpy.ndarray
        ``(m, g)`` int64: column ``i`` has codes ``0..ks[i]-1``, numbered in order of each
        cluster's first row.
    """
    m = S.shape[0]
    out = np.zeros((m, len(ks)), dtype=np.int64)
    if m < 2:
        return out
    tree = linkage(np.asarray(S, dtype=np.float64), method="ward")
    wanted: dict[int, list[int]] = {}  # merges applied -> columns
    for i, k in enumerate(ks):
        wanted.setdefault(m - int(k), []).append(i)
    root = np.arange(m)  # the tree node each row belongs to
    members: dict[int, npt.NDArray[np.int64]] = {i: np.array([i]) for i in range(m)}
    for j in range(m):
        for col in wanted.get(j, []):
            out[:, col] = _first_seen_codes(root)
        if j == m - 1:
            break
        a, b = int(tree[j, 0]), int(tree[j, 1])
        rows = np.concatenate([members.pop(a), members.pop(b)])
        members[m + j] = rows
        root[rows] = m + j
    return out


def _first_seen_codes(values: npt.NDArray[np.integer]) -> npt.NDArray[np.int64]:
    _, first, inverse = np.unique(values, return_index=True, return_inverse=True)
    rank = np.empty(first.size, dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(first.size)
    codes: npt.NDArray[np.int64] = rank[inverse.ravel()]
    return codes


def cluster_means(
    S: npt.NDArray[np.floating], labels: npt.NDArray[np.int64], k: int
) -> npt.NDArray[np.float64]:
    """``(k, d)`` mean row of each cluster code in ``[0, k)`` (zero for an empty one)."""
    sums, counts = centroid_sums(S, labels, k)
    return sums / np.maximum(counts, 1)[:, None]
