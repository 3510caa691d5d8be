"""Top-k most similar statement pairs ("echoes"), blocked and exact.

Rows of ``XA`` are scored against ``XB`` one block at a time. Once ``k`` pairs are held, a block
only contributes the entries above the current k-th best score (one vectorised comparison), so
most blocks cost one matrix product plus one pass over its result. Without ``XB`` the pairs are
taken within ``XA`` with ``i < j``, and only the upper triangle is computed (half the products).

Ties are broken by row then column index, so the result is the first ``k`` valid pairs in the
order (score descending, i ascending, j ascending), whatever the block size.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from stancekit.core._blocks import DEFAULT_BLOCK_BYTES, block_rows

__all__ = ["top_pairs"]

_Pairs = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


def _empty() -> _Pairs:
    return np.empty(0, np.float64), np.empty(0, np.int64), np.empty(0, np.int64)


def _merge(held: _Pairs, new: _Pairs, k: int) -> _Pairs:
    vals = np.concatenate([held[0], new[0]])
    ii = np.concatenate([held[1], new[1]])
    jj = np.concatenate([held[2], new[2]])
    keep = np.lexsort((jj, ii, -vals))[:k]
    return vals[keep], ii[keep], jj[keep]


def _invalid(
    i: npt.NDArray[np.int64],
    j: npt.NDArray[np.int64],
    groups_a: npt.NDArray[np.integer] | None,
    groups_b: npt.NDArray[np.integer] | None,
    symmetric: bool,
) -> npt.NDArray[np.bool_]:
    bad = j <= i if symmetric else np.zeros(i.shape, dtype=bool)
    if groups_a is not None and groups_b is not None:
        bad |= groups_a[i] == groups_b[j]
    return bad


def _block_candidates(
    cos: npt.NDArray[np.floating],
    r0: int,
    c0: int,
    thr: float,
    k: int,
    groups: tuple[npt.NDArray[np.integer] | None, npt.NDArray[np.integer] | None],
    symmetric: bool,
) -> _Pairs:
    """Valid entries of one block that may enter the top k: ``(values, i, j)``."""
    ga, gb = groups
    if np.isfinite(thr):
        mask = np.greater(cos, thr).ravel()
        if np.count_nonzero(mask) <= max(8 * k, 1 << 16):
            r, c = np.divmod(np.flatnonzero(mask), cos.shape[1])
            i, j = r.astype(np.int64) + r0, c.astype(np.int64) + c0
            ok = ~_invalid(i, j, ga, gb, symmetric)
            return cos[r[ok], c[ok]].astype(np.float64), i[ok], j[ok]
    # fill-up path: mask every invalid entry, then keep the k best (all ties at the k-th)
    b, nc = cos.shape
    rows = np.arange(r0, r0 + b)
    cols = np.arange(c0, c0 + nc)
    if symmetric:
        cos[cols[None, :] <= rows[:, None]] = -np.inf
    if ga is not None and gb is not None:
        cos[ga[rows][:, None] == gb[cols][None, :]] = -np.inf
    flat = cos.ravel()
    if flat.size > k:
        kth = np.partition(flat, flat.size - k)[flat.size - k]
        sel = np.flatnonzero(flat >= max(kth, thr) if np.isfinite(kth) else flat > -np.inf)
    else:
        sel = np.flatnonzero(flat > -np.inf)
    sel = sel[flat[sel] > -np.inf]
    r, c = np.divmod(sel, nc)
    return flat[sel].astype(np.float64), r.astype(np.int64) + r0, c.astype(np.int64) + c0


def top_pairs(
    XA: npt.NDArray[np.floating],
    XB: npt.NDArray[np.floating] | None = None,
    *,
    k: int,
    groups_a: npt.NDArray[np.integer] | None = None,
    groups_b: npt.NDArray[np.integer] | None = None,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
    max_rows: int = 512,
) -> _Pairs:
    """The ``k`` most similar pairs ``(i, j)`` by dot product, exactly.

    Parameters
    ----------
    XA
        ``(m, d)`` rows.
    XB
        ``(n, d)`` rows, or ``None`` for pairs within ``XA`` with ``i < j``.
    k
        How many pairs (fewer are returned when fewer valid pairs exist).
    groups_a, groups_b
        ``(m,)`` and ``(n,)`` group codes; pairs whose codes are equal are skipped (with ``XB``
        omitted, ``groups_a`` serves for both sides). Omit both to allow every pair.
    block_bytes
        Memory for one block of scores.
    max_rows
        At most this many rows per block: after the first block only scores above the running
        k-th best are looked at, so small blocks skip most of the selection work.

    Returns
    -------
    scores
        ``(k',)`` float64, descending.
    i
        ``(k',)`` row indices into ``XA``.
    j
        ``(k',)`` row indices into ``XB`` (into ``XA`` when ``XB`` is omitted).
    """
    symmetric = XB is None
    B = XA if XB is None else XB
    if symmetric:
        groups_b = groups_a
    groups = (groups_a, groups_b) if groups_a is not None and groups_b is not None else (None, None)
    m, n = XA.shape[0], B.shape[0]
    held = _empty()
    if k <= 0 or m == 0 or n == 0:
        return held
    rows = min(block_rows(m, n, block_bytes=block_bytes), max_rows)
    buf = np.empty(rows * n, dtype=np.result_type(XA.dtype, np.float32))
    for r0 in range(0, m, rows):
        r1 = min(m, r0 + rows)
        c0 = r0 if symmetric else 0
        if c0 >= n:
            break
        cos = buf[: (r1 - r0) * (n - c0)].reshape(r1 - r0, n - c0)
        np.matmul(XA[r0:r1], B[c0:].T, out=cos)
        thr = float(held[0][-1]) if held[0].size == k else -np.inf
        cand = _block_candidates(cos, r0, c0, thr, k, groups, symmetric)
        if cand[0].size:
            held = _merge(held, cand, k)
    return held
