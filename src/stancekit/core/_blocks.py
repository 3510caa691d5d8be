"""Grouping and block-size helpers shared by the kernels (plain numpy)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["DEFAULT_BLOCK_BYTES", "block_rows", "group_offsets", "sparse_true"]

#: Bytes a kernel may spend on one block of similarity scores (float32).
DEFAULT_BLOCK_BYTES = 128 * 2**20


def block_rows(n_rows: int, n_cols: int, *, block_bytes: int = DEFAULT_BLOCK_BYTES) -> int:
    """Rows per block so that a ``(rows, n_cols)`` float32 block fits in ``block_bytes``.

    Parameters
    ----------
    n_rows
        Rows to cover.
    n_cols
        Columns of one block.
    block_bytes
        Budget for one block.

    Returns
    -------
    int
        Between 1 and ``max(n_rows, 1)``.
    """
    per_row = 4 * max(n_cols, 1)
    return int(max(1, min(max(n_rows, 1), block_bytes // per_row)))


def group_offsets(
    codes: npt.NDArray[np.integer], n_groups: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The stable order that sorts rows by group, and each group's slice of that order.

    Parameters
    ----------
    codes
        ``(n,)`` group code of every row, in ``[0, n_groups)``.
    n_groups
        Number of groups ``S``.

    Returns
    -------
    order
        ``(n,)`` row indices sorted by group (stable: table order within a group).
    offsets
        ``(S + 1,)``: group ``g`` is ``order[offsets[g]:offsets[g + 1]]`` (empty groups allowed).
    """
    codes = np.asarray(codes)
    order = np.argsort(codes, kind="stable").astype(np.intp, copy=False)
    counts = np.bincount(codes, minlength=n_groups)
    offsets = np.zeros(n_groups + 1, dtype=np.intp)
    np.cumsum(counts, out=offsets[1:])
    return order, offsets


def sparse_true(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """Flat positions of the ``True`` entries of a C-contiguous bool array, ascending.

    ``numpy.nonzero`` reads a bool array one byte at a time; when few entries are true, it is
    several times faster to find the nonzero 8-byte words first and look inside them.

    Parameters
    ----------
    mask
        Bool array of any shape, C-contiguous.

    Returns
    -------
    numpy.ndarray
        ``(t,)`` int64 positions in ``mask.reshape(-1)``.
    """
    flat = mask.reshape(-1)
    whole = flat.size // 8 * 8
    words = np.flatnonzero(flat[:whole].view(np.uint64))
    inside = (words[:, None] * 8 + np.arange(8)).ravel()
    tail = np.flatnonzero(flat[whole:]) + whole
    return np.concatenate([inside[flat[inside]], tail]).astype(np.int64, copy=False)
