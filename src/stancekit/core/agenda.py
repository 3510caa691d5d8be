"""Agenda overlap: topic shares per group and 1 - Jensen-Shannon divergence between them.

``JSD(p, q) = H(m) - (H(p) + H(q)) / 2`` with ``m = (p + q) / 2`` and ``H`` the Shannon entropy
in bits, so ``JSD`` lies in ``[0, 1]`` and ``overlap = 1 - JSD`` is 1 for identical topic
distributions and 0 for disjoint ones.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["js_overlap", "topic_counts"]


def topic_counts(
    codes: npt.NDArray[np.integer],
    topic_codes: npt.NDArray[np.integer],
    n_groups: int,
    n_topics: int,
) -> npt.NDArray[np.int64]:
    """Statements per group and topic.

    Parameters
    ----------
    codes
        ``(n,)`` group codes in ``[0, n_groups)``.
    topic_codes
        ``(n,)`` topic codes in ``[0, n_topics)``.
    n_groups, n_topics
        ``S`` and ``T``.

    Returns
    -------
    numpy.ndarray
        ``(S, T)`` int64 counts.
    """
    flat = np.asarray(codes, dtype=np.int64) * n_topics + np.asarray(topic_codes, dtype=np.int64)
    return np.bincount(flat, minlength=n_groups * n_topics).reshape(n_groups, n_topics)


def _plogp(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x > 0, x * np.log2(np.where(x > 0, x, 1.0)), 0.0)


def js_overlap(
    shares: npt.NDArray[np.floating],
    other: npt.NDArray[np.floating] | None = None,
    *,
    block_rows: int = 256,
) -> npt.NDArray[np.float64]:
    """``1 - JSD`` (base 2) between every row of ``shares`` and every row of ``other``.

    Parameters
    ----------
    shares
        ``(S, T)`` rows of non-negative weights; each row is normalised to sum to 1 (rows
        summing to 0 give NaN).
    other
        ``(K, T)`` rows; ``shares`` when omitted.
    block_rows
        Rows of ``shares`` per step (memory ``block_rows x K x T``).

    Returns
    -------
    numpy.ndarray
        ``(S, K)`` float64 in ``[0, 1]``.
    """
    P = np.asarray(shares, dtype=np.float64)
    Q = P if other is None else np.asarray(other, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        P = P / P.sum(axis=1, keepdims=True)
        Q = Q / Q.sum(axis=1, keepdims=True)
    hp = -_plogp(P).sum(axis=1)
    hq = -_plogp(Q).sum(axis=1)
    out = np.empty((P.shape[0], Q.shape[0]), dtype=np.float64)
    for r0 in range(0, P.shape[0], block_rows):
        mix = (P[r0 : r0 + block_rows, None, :] + Q[None, :, :]) / 2.0
        hm = -_plogp(mix).sum(axis=2)
        jsd = hm - (hp[r0 : r0 + block_rows, None] + hq[None, :]) / 2.0
        out[r0 : r0 + block_rows] = 1.0 - np.clip(jsd, 0.0, 1.0)
    out[~np.isfinite(P).all(axis=1), :] = np.nan
    out[:, ~np.isfinite(Q).all(axis=1)] = np.nan
    return out
