"""Choosing the number of topics: silhouette of Ward partitions of a fixed-size sample.

For ``n_topics="auto"`` (k-means and agglomerative clustering):

1. draw ``m = min(n, k_sample)`` statements with the seed (the cost is bounded by ``k_sample``,
   whatever ``n``) and build one Ward tree on them;
2. for each ``k`` of the grid with ``2 <= k < m'`` (``m'`` distinct vectors in the sample), cut
   the tree into ``k`` clusters and compute the mean silhouette with cosine distance
   ``1 - x . y``: ``s(i) = (b(i) - a(i)) / max(a(i), b(i))`` with ``a(i)`` the mean distance
   from ``i`` to the other members of its cluster and ``b(i)`` the smallest mean distance from
   ``i`` to another cluster (``s(i) = 0`` for a cluster of one);
3. choose the **largest** ``k`` whose mean silhouette is at least 90% of the highest one (the
   highest itself when no silhouette is positive). Differences of a few percent are within
   the sampling noise of a 2,000-statement sample, and among partitions that are about as well
   separated the finer one is the more useful to read: this keeps well-separated structure
   exact (over-splitting it costs far more than 10%) and stops weakly structured text, whose
   silhouette is flat and small at every ``k``, from collapsing into two topics. When the
   highest mean silhouette is below 0.05 the reason says that the structure is weak.

One tree serves every ``k``, so the search costs one ``O(m^2)`` clustering, not one per ``k``,
and it is deterministic for a given sample. The Ward partition at the chosen ``k`` also gives
k-means its initial centres (see :mod:`~stancekit.topics._cluster`).

**Stability** (reported, not used in the choice): the sample is split into two seeded halves,
each half gets its own Ward tree cut into ``k`` clusters, every sampled statement is assigned to
the nearest cluster mean of each half, and the adjusted Rand index between the two assignments
is the stability of ``k`` (1: both halves split the statements the same way; NaN when a half
has ``k`` or fewer statements). With fewer than three distinct vectors there is one topic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
from sklearn.metrics import adjusted_rand_score

from stancekit.topics._arrays import (
    cluster_means,
    compact,
    nearest_centres,
    prep,
    seeded_sample,
    ward_cuts,
)

__all__ = ["DEFAULT_GRID", "KChoice", "choose_k", "fixed_k", "pick_k", "silhouette"]

#: The ``k`` tried by ``n_topics="auto"`` (those below the number of distinct sampled vectors).
DEFAULT_GRID: tuple[int, ...] = (*range(2, 11), 12, 14, 16, 18, 20, 25, 30, 35, 40)
#: A ``k`` is as good as the best when its mean silhouette reaches this fraction of the best.
TOLERANCE = 0.9
#: Below this best mean silhouette the cluster structure is called weak.
WEAK = 0.05


@dataclass(frozen=True, eq=False)
class KChoice:
    """How the number of topics was chosen, and why.

    Attributes
    ----------
    requested
        What was asked: ``"auto"`` or the number given.
    k
        The number of clusters asked of the method (``"auto"``: the chosen ``k``; HDBSCAN: the
        number it found).
    criterion
        The rule, in words.
    reason
        Why this ``k``, in words (with its score).
    ks
        ``(g,)`` int64 grid of ``k`` tried (empty when nothing was tried).
    silhouette
        ``(g,)`` float64 mean cosine silhouette of each ``k`` on the sample.
    stability
        ``(g,)`` float64 split-half stability: adjusted Rand index between the partitions that
        two halves of the sample induce (NaN where a half is too small).
    sample_size
        Statements in the sample the scores were computed on (0 when nothing was tried).
    """

    requested: str
    k: int
    criterion: str
    reason: str
    ks: npt.NDArray[np.int64]
    silhouette: npt.NDArray[np.float64]
    stability: npt.NDArray[np.float64]
    sample_size: int

    def to_pandas(self) -> pd.DataFrame:
        """One row per ``k`` tried: ``k``, ``silhouette``, ``stability``, ``chosen``."""
        return pd.DataFrame(
            {
                "k": self.ks,
                "silhouette": self.silhouette,
                "stability": self.stability,
                "chosen": self.ks == self.k,
            }
        )


def fixed_k(requested: str, k: int, criterion: str, reason: str) -> KChoice:
    """A :class:`KChoice` for a ``k`` that was given or found, not searched."""
    empty_f = np.empty(0, dtype=np.float64)
    return KChoice(requested, k, criterion, reason, np.empty(0, np.int64), empty_f, empty_f, 0)


def silhouette(D: npt.NDArray[np.float64], labels: npt.NDArray[np.int64], k: int) -> float:
    """Mean silhouette from a precomputed distance matrix (as scikit-learn's, vectorised).

    Parameters
    ----------
    D
        ``(m, m)`` symmetric distances, zero diagonal.
    labels
        ``(m,)`` cluster codes in ``[0, k)``, at least two used.
    k
        Number of codes.

    Returns
    -------
    float
        Mean of ``s(i)`` over the ``m`` rows.
    """
    m = labels.size
    onehot = np.zeros((m, k), dtype=np.float64)
    onehot[np.arange(m), labels] = 1.0
    sums = D @ onehot
    sizes = onehot.sum(axis=0)
    own = sizes[labels]
    a = sums[np.arange(m), labels] / np.maximum(own - 1.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        means = sums / sizes
    means[np.arange(m), labels] = np.inf
    means[:, sizes == 0] = np.inf
    b = means.min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = (b - a) / np.maximum(a, b)
    s = np.where((own > 1) & np.isfinite(s), s, 0.0)
    return float(s.mean())


def _stability(
    S: npt.NDArray[np.float32], ks: npt.NDArray[np.int64], seed: int
) -> npt.NDArray[np.float64]:
    m = S.shape[0]
    perm = np.random.default_rng([seed, m, 2]).permutation(m)
    halves = [np.sort(perm[: m // 2]), np.sort(perm[m // 2 :])]
    stab = np.full(ks.size, np.nan)
    ok = ks < min(h.size for h in halves)
    if not ok.any():
        return stab
    cuts = [ward_cuts(S[h], ks[ok]) for h in halves]
    for j, i in enumerate(np.flatnonzero(ok)):
        k = int(ks[i])
        a, b = (
            nearest_centres(S, cluster_means(S[h], c[:, j], k))
            for h, c in zip(halves, cuts, strict=True)
        )
        stab[i] = adjusted_rand_score(a, b)
    return stab


def choose_k(
    X: npt.NDArray[np.float32],
    *,
    grid: Sequence[int] = DEFAULT_GRID,
    k_sample: int = 2000,
    seed: int = 0,
    mean: npt.NDArray[np.float32] | None = None,
) -> tuple[KChoice, npt.NDArray[np.float64] | None]:
    """Choose ``k`` by the mean cosine silhouette of Ward cuts of a seeded sample (module
    docstring).

    Parameters
    ----------
    X
        ``(n, d)`` float32 unit rows.
    grid
        Candidate ``k`` (those outside ``[2, m')`` are skipped).
    k_sample
        Sample size ``m`` (at most).
    seed
        Seed of the sample and of the split halves.
    mean
        Centre the rows first (:func:`~stancekit.topics._cluster.prep`).

    Returns
    -------
    choice
        The :class:`KChoice`.
    centres
        ``(k, d)`` mean of each cluster of the chosen Ward cut (in the centred space), a start
        for k-means; ``None`` when one topic was chosen without a search.
    """
    S = prep(X[seeded_sample(X.shape[0], k_sample, seed)], mean)
    distinct = np.unique(S, axis=0).shape[0]
    ks = np.array(sorted({int(k) for k in grid if 2 <= k < distinct}), dtype=np.int64)
    criterion = (
        "highest mean cosine silhouette of the Ward partitions of a seeded sample of "
        f"{S.shape[0]} statements over k in {_grid_text(ks)}"
    )
    if ks.size == 0:
        why = f"{distinct} distinct statement vector(s): too few to compare k, one topic"
        return fixed_k("auto", 1, criterion, why), None
    D = np.clip(1.0 - (S @ S.T).astype(np.float64), 0.0, 2.0)
    np.fill_diagonal(D, 0.0)
    cuts = ward_cuts(S, ks)
    sil = np.full(ks.size, np.nan)
    for i in range(ks.size):
        labels, found = compact(cuts[:, i])
        if found >= 2:
            sil[i] = silhouette(D, labels, found)
    if not np.isfinite(sil).any():
        return fixed_k("auto", 1, criterion, "no k gave two or more clusters; one topic"), None
    stab = _stability(S, ks, seed)
    best, why = pick_k(ks, sil)
    k_best = int(ks[best])
    if np.isfinite(stab[best]):
        why += f"; split-half stability (adjusted Rand index) {stab[best]:.3f}"
    choice = KChoice("auto", k_best, criterion, why, ks, sil, stab, int(S.shape[0]))
    return choice, cluster_means(S, cuts[:, best], k_best)


def pick_k(ks: npt.NDArray[np.int64], sil: npt.NDArray[np.float64]) -> tuple[int, str]:
    """Index of the chosen ``k`` (module docstring, step 3) and the reason in words.

    Parameters
    ----------
    ks
        ``(g,)`` increasing candidates.
    sil
        ``(g,)`` their mean silhouettes (NaN: not scored), at least one finite.
    """
    top = int(np.nanargmax(sil))
    high = float(sil[top])
    if high <= 0:
        return top, f"k={int(ks[top])} has the highest mean silhouette ({high:.3f})"
    near = np.flatnonzero(np.nan_to_num(sil, nan=-np.inf) >= TOLERANCE * high)
    i = int(near.max())
    why = f"k={int(ks[i])} is the largest k with a mean silhouette ({sil[i]:.3f})"
    why += f" within {1 - TOLERANCE:.0%} of the highest ({high:.3f} at k={int(ks[top])})"
    if high < WEAK:
        why += f"; weak cluster structure (highest mean silhouette below {WEAK})"
    return i, why


def _grid_text(ks: npt.NDArray[np.int64]) -> str:
    if ks.size == 0:
        return "(none)"
    return "{" + ", ".join(str(int(k)) for k in ks) + "}"
