"""Clustering backends: k-means (exact or mini-batch), agglomerative (Ward) and HDBSCAN.

Every backend takes ``(n, d)`` float32 unit-norm rows and returns ``(n,)`` int64 cluster codes,
``-1`` for outliers (HDBSCAN only). With ``mean`` given, every row is first moved to
``(x - mean) / ||x - mean||`` (``prep`` in :mod:`~stancekit.topics._arrays`), block by block,
so that no centred copy of the whole matrix is made. Memory stays bounded in ``n``:

- **k-means**: up to ``exact_limit`` rows, scikit-learn ``KMeans`` on all of them, twice: from
  k-means++ seeds (two seeded starts) and from the cluster means of a Ward tree of a seeded
  sample of ``init_sample`` rows cut into ``k``; the run with the lower inertia (sum of squared
  distances to the centres) wins, the Ward start on ties. The Ward start keeps k-means out of
  the poor local optima that k-means++ falls into when there are many topics of unequal size.
  Above ``exact_limit`` rows the same is done on a seeded sample of ``exact_limit`` rows, whose
  centres then start ``MiniBatchKMeans.partial_fit`` over ``epochs`` passes of seeded
  mini-batches; every row is finally assigned to its nearest centre, in blocks. Extra memory
  is one sample and one block, never a copy of ``X``.
- **agglomerative** and **HDBSCAN** cost ``O(m^2)`` in the rows they see, so they are fitted on
  at most ``sample_size`` rows (a seeded sample); the other rows get the cluster of the nearest
  centre of the sampled clusters (agglomerative) or of their nearest sampled row, outliers
  included (HDBSCAN).
"""

from __future__ import annotations

import sys
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.cluster import HDBSCAN, AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.exceptions import ConvergenceWarning

from stancekit.topics._arrays import (
    Mean,
    cluster_means,
    compact,
    nearest_centres,
    nearest_rows,
    prep,
    seeded_sample,
    ward_cuts,
)

__all__ = ["Clustering", "agglomerative", "fit_kmeans", "hdbscan", "kmeans", "progress_bar"]


@dataclass(frozen=True)
class Clustering:
    """What a backend found.

    Attributes
    ----------
    labels
        ``(n,)`` int64 cluster codes in ``[-1, k)``; every code in ``[0, k)`` is used.
    n_clusters
        ``k``, the number of non-empty clusters.
    note
        Anything the caller should report (fewer clusters than requested, a sampled fit).
    """

    labels: npt.NDArray[np.int64]
    n_clusters: int
    note: str = ""


def progress_bar(total: int, progress: bool | None, desc: str) -> Any:
    """A tqdm bar on stderr: shown when ``progress`` is true, or when it is ``None`` and stderr
    is a terminal."""
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    return tqdm(total=total, desc=desc, unit="stmt", disable=not show, leave=False)


def fit_kmeans(X: npt.NDArray[np.float32], k: int, seed: int, n_init: int) -> KMeans:
    """scikit-learn ``KMeans`` from ``n_init`` seeded k-means++ starts (best inertia)."""
    with warnings.catch_warnings():
        # fewer distinct rows than k: reported by compact() as fewer clusters, not a warning
        warnings.simplefilter("ignore", ConvergenceWarning)
        return KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(X)


def _best_kmeans(
    S: npt.NDArray[np.float32], k: int, seed: int, init_sample: int, init: Any
) -> KMeans:
    """The lower-inertia of a k-means++ fit and a Ward-started fit of ``S``."""
    fits = []
    idx = seeded_sample(S.shape[0], init_sample, seed)
    centres = init
    if centres is None and 1 < k <= idx.size:
        centres = cluster_means(S[idx], ward_cuts(S[idx], [k])[:, 0], k)
    if centres is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            fits.append(KMeans(n_clusters=k, init=centres, n_init=1).fit(S))
    fits.append(fit_kmeans(S, k, seed, n_init=2))
    return min(fits, key=lambda km: float(km.inertia_))


def kmeans(
    X: npt.NDArray[np.float32],
    k: int,
    *,
    seed: int,
    progress: bool | None,
    exact_limit: int = 20_000,
    batch_size: int = 4096,
    epochs: int = 2,
    init_sample: int = 2000,
    mean: Mean = None,
    init: npt.NDArray[np.floating] | None = None,
) -> Clustering:
    """k-means: exact up to ``exact_limit`` rows, mini-batch above (see the module docstring).

    Parameters
    ----------
    X
        ``(n, d)`` float32 unit rows.
    k
        Number of clusters requested (``1 <= k <= n``).
    seed
        Seed of the initialisation, the sample and the mini-batch order.
    progress
        Progress bar over the mini-batch passes and the assignment (large inputs only).
    exact_limit, batch_size, epochs
        Above ``exact_limit`` rows: the seeded sample size for the initial centres, the rows per
        mini-batch and the passes over the data.
    init_sample
        Rows of the Ward tree that gives one of the starts.
    mean
        Centre the rows first (:func:`prep`).
    init
        ``(k, d)`` Ward start already at hand (from the search for ``k``), instead of a new tree.

    Returns
    -------
    Clustering
    """
    n = X.shape[0]
    if n <= exact_limit:
        labels, found = compact(_best_kmeans(prep(X, mean), k, seed, init_sample, init).labels_)
        note = "" if found == k else f"{k} clusters requested, {found} non-empty"
        return Clustering(labels, found, note)
    sample = prep(X[seeded_sample(n, exact_limit, seed)], mean)
    start = _best_kmeans(sample, k, seed, init_sample, init)
    mbk = MiniBatchKMeans(
        n_clusters=k, init=start.cluster_centers_, n_init=1, batch_size=batch_size,
        random_state=seed,
    )  # fmt: skip
    rng = np.random.default_rng([seed, n, 1])
    with progress_bar(epochs * n + n, progress, "topics") as bar:
        for _ in range(epochs):
            order = rng.permutation(n)
            for b0 in range(0, n, batch_size):
                idx = np.sort(order[b0 : b0 + batch_size])
                mbk.partial_fit(prep(X[idx], mean))
                bar.update(idx.size)
        labels, found = compact(nearest_centres(X, mbk.cluster_centers_, mean=mean, bar=bar))
    note = f"mini-batch k-means: initial centres from {exact_limit} sampled statements"
    if found != k:
        note += f"; {k} clusters requested, {found} non-empty"
    return Clustering(labels, found, note)


def agglomerative(
    X: npt.NDArray[np.float32], k: int, *, seed: int, sample_size: int, mean: Mean = None
) -> Clustering:
    """Ward agglomerative clustering (on at most ``sample_size`` sampled rows).

    Parameters
    ----------
    X
        ``(n, d)`` float32 unit rows.
    k
        Number of clusters requested (``1 <= k <= n``).
    seed
        Seed of the sample.
    sample_size
        Rows fitted; the others join the nearest sampled cluster's centre.
    mean
        Centre the rows first (:func:`prep`).

    Returns
    -------
    Clustering
    """
    n = X.shape[0]
    idx = seeded_sample(n, sample_size, seed)
    S = prep(X[idx], mean)
    k_fit = min(k, idx.size)
    if k_fit == 1:
        fit_labels = np.zeros(idx.size, dtype=np.int64)
    else:
        fit_labels = AgglomerativeClustering(n_clusters=k_fit, linkage="ward").fit_predict(S)
    fit_labels, found = compact(fit_labels)
    if idx.size == n:
        return Clustering(fit_labels, found)
    labels = nearest_centres(X, cluster_means(S, fit_labels, found), mean=mean)
    labels[idx] = fit_labels
    labels, found = compact(labels)
    return Clustering(labels, found, f"fitted on {idx.size} sampled statements")


def hdbscan(
    X: npt.NDArray[np.float32], *, min_size: int, seed: int, sample_size: int, mean: Mean = None
) -> Clustering:
    """HDBSCAN (scikit-learn, Euclidean on unit rows) on at most ``sample_size`` sampled rows.

    Parameters
    ----------
    X
        ``(n, d)`` float32 unit rows.
    min_size
        ``min_cluster_size`` (and ``min_samples``) of HDBSCAN.
    seed
        Seed of the sample.
    sample_size
        Rows fitted; each other row takes the label of its most similar sampled row, ``-1``
        (outlier) included.
    mean
        Centre the rows first (:func:`prep`).

    Returns
    -------
    Clustering
        Outliers have label ``-1``. With fewer than ``min_size`` rows every row is an outlier.
    """
    n = X.shape[0]
    idx = seeded_sample(n, sample_size, seed)
    if idx.size < max(min_size, 2):
        return Clustering(
            np.full(n, -1, dtype=np.int64),
            0,
            f"{idx.size} statements, fewer than min_topic_size={min_size}: all outliers",
        )
    est = HDBSCAN(min_cluster_size=min_size, algorithm="brute", copy=True)
    S = prep(X[idx], mean)
    fit_labels, found = compact(est.fit_predict(S))
    if idx.size == n:
        return Clustering(fit_labels, found)
    labels = nearest_rows(X, S, fit_labels, mean=mean)
    labels[idx] = fit_labels
    return Clustering(labels, found, f"fitted on {idx.size} sampled statements")
