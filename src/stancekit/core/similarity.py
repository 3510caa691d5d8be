"""Speaker centroids and their cosine similarities, in one blocked pass over the rows.

Arrays in, arrays out: ``X`` is an ``(n, d)`` float matrix of unit-norm statement vectors and
``codes`` an ``(n,)`` integer array giving each row's group (speaker, country, ...) in
``[0, S)``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from stancekit.core._blocks import group_offsets

__all__ = ["centroid_similarity", "centroid_sums", "centroids", "cosine_matrix"]

_CHUNK_ROWS = 32768


def centroid_sums(
    X: npt.NDArray[np.floating],
    codes: npt.NDArray[np.integer],
    n_groups: int,
    *,
    chunk_rows: int = _CHUNK_ROWS,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """Per-group sums of rows, accumulated in float64, in one pass over group-sorted rows.

    Rows are visited in group order, ``chunk_rows`` at a time; each chunk is reduced with
    ``np.add.reduceat`` at its group boundaries. Extra memory is one chunk, not a copy of ``X``.

    Parameters
    ----------
    X
        ``(n, d)`` row vectors.
    codes
        ``(n,)`` group code of every row, in ``[0, n_groups)``.
    n_groups
        Number of groups ``S``.
    chunk_rows
        Rows gathered per step.

    Returns
    -------
    sums
        ``(S, d)`` float64; zero rows for empty groups.
    counts
        ``(S,)`` rows per group.
    """
    n, d = X.shape
    codes = np.asarray(codes)
    sums = np.zeros((n_groups, d), dtype=np.float64)
    counts = np.bincount(codes, minlength=n_groups).astype(np.int64)
    if n == 0:
        return sums, counts
    presorted = bool(np.all(codes[:-1] <= codes[1:]))
    order = None if presorted else group_offsets(codes, n_groups)[0]
    for c0 in range(0, n, chunk_rows):
        c1 = min(n, c0 + chunk_rows)
        if order is None:
            rows, chunk_codes = X[c0:c1], codes[c0:c1]
        else:
            idx = order[c0:c1]
            rows, chunk_codes = X[idx], codes[idx]
        starts = np.flatnonzero(np.diff(chunk_codes, prepend=-1))
        part = np.add.reduceat(rows, starts, axis=0, dtype=np.float64)
        # each group appears once per chunk, so the fancy in-place add does not collide
        sums[chunk_codes[starts]] += part
    return sums, counts


def centroids(
    X: npt.NDArray[np.floating], codes: npt.NDArray[np.integer], n_groups: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """Per-group mean vectors.

    Parameters
    ----------
    X
        ``(n, d)`` row vectors.
    codes
        ``(n,)`` group codes in ``[0, n_groups)``.
    n_groups
        Number of groups ``S``.

    Returns
    -------
    means
        ``(S, d)`` float64; NaN rows for empty groups.
    counts
        ``(S,)`` rows per group.
    """
    sums, counts = centroid_sums(X, codes, n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = sums / counts[:, None]
    return means, counts


def cosine_matrix(
    A: npt.NDArray[np.floating], B: npt.NDArray[np.floating] | None = None
) -> npt.NDArray[np.float64]:
    """Cosine similarity of every row of ``A`` with every row of ``B``.

    Parameters
    ----------
    A
        ``(m, d)`` vectors.
    B
        ``(k, d)`` vectors; ``A`` when omitted.

    Returns
    -------
    numpy.ndarray
        ``(m, k)`` float64 in ``[-1, 1]``; NaN where a vector has zero norm (or is NaN).
        With ``B`` omitted the diagonal is exactly 1 for nonzero rows.
    """
    A = np.asarray(A, dtype=np.float64)
    na = np.linalg.norm(A, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        An = A / np.where(na > 0, na, np.nan)[:, None]
        if B is None:
            out = An @ An.T
            ok = np.isfinite(np.diag(out))
            out[np.flatnonzero(ok), np.flatnonzero(ok)] = 1.0
        else:
            B = np.asarray(B, dtype=np.float64)
            nb = np.linalg.norm(B, axis=1)
            out = An @ (B / np.where(nb > 0, nb, np.nan)[:, None]).T
    return np.clip(out, -1.0, 1.0)


def centroid_similarity(
    X: npt.NDArray[np.floating], codes: npt.NDArray[np.integer], n_groups: int
) -> npt.NDArray[np.float64]:
    """Cosine similarity of group centroids (mean statement vectors).

    Parameters
    ----------
    X
        ``(n, d)`` row vectors.
    codes
        ``(n,)`` group codes in ``[0, n_groups)``.
    n_groups
        Number of groups ``S``.

    Returns
    -------
    numpy.ndarray
        ``(S, S)`` float64, symmetric; NaN rows/columns for empty groups or zero centroids.
    """
    sums, _ = centroid_sums(X, codes, n_groups)
    return cosine_matrix(sums)
