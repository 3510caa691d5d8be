"""Graph clustering: Leiden communities of a shared-nearest-neighbour graph.

Sentence embeddings of real text have no clear gaps between topics: their silhouette is flat
and highest at the coarsest split, and k-means cuts a continuum differently for every seed.
What they do have is local structure: a statement's nearest neighbours mostly talk about the
same thing. The graph backend builds on that:

1. **Neighbours.** The ``n_neighbors`` most similar rows of every row (exact cosine, one
   matrix product per block of rows); at most ``2 floor(sqrt(m))`` of ``m`` rows
   (:func:`neighbours_used`): with as many neighbours as rows every neighbourhood is the
   whole table and the graph has no structure.
2. **Shared neighbours.** Two rows are linked with the Jaccard overlap of their neighbour
   sets (each set counting the row itself), ``s / (2 (k + 1) - s)`` for ``s`` shared rows;
   links below ``1 / 15`` are dropped. Two rows are close when their neighbourhoods agree,
   which discounts hubs (generic statements near everything) and is the same at any scale.
3. **Communities.** The Leiden algorithm (igraph) maximises the modularity of the weighted
   graph at resolution ``resolution`` (1: standard modularity): it finds the number of
   communities itself. It runs ``runs`` times from seeded random states; the partition with
   the highest modularity is kept, so the result depends little on the seed.
   Rows that are all identical have nothing to tell apart: one community, no graph.
4. **No outliers.** Communities of fewer than ``min_size`` rows (stray statements that link
   to no group) are dissolved and their rows join the nearest remaining community centre.

Graph and communities cost about ``O(m^2 d)`` for ``m`` rows (the neighbour search), so
:func:`stancekit.topics.topics` builds the graph on at most ``graph_size`` seeded rows; the
other rows join their nearest centre.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from stancekit.topics._arrays import cluster_means, compact, nearest_centres

__all__ = ["GraphFit", "communities", "jaccard_graph", "nearest_neighbors", "neighbours_used"]

#: Jaccard overlap below which a shared-neighbour link is dropped.
PRUNE = 1.0 / 15.0
#: Passes of each Leiden run (igraph's default; -1: until the partition no longer changes).
ITERATIONS = 2
#: Entries of the largest temporary block (similarities, shared-neighbour counts).
_BLOCK_ENTRIES = 1_000_000
#: Edges handed to igraph at a time.
_EDGE_CHUNK = 100_000


@dataclass(frozen=True)
class GraphFit:
    """What :func:`communities` found.

    Attributes
    ----------
    labels
        ``(m,)`` int64 community of every fitted row, in ``[0, k)``.
    n_clusters
        ``k`` after small communities were dissolved.
    n_small
        Communities smaller than ``min_size`` that were dissolved.
    n_moved
        Rows that were in them and joined the nearest remaining centre.
    modularity
        Modularity of the kept Leiden partition (before dissolving).
    n_edges
        Links of the shared-neighbour graph.
    """

    labels: npt.NDArray[np.int64]
    n_clusters: int
    n_small: int
    n_moved: int
    modularity: float
    n_edges: int


def nearest_neighbors(S: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.int64]:
    """The ``k`` most similar other rows of every row (cosine of unit rows), best first.

    Parameters
    ----------
    S
        ``(m, d)`` float32 unit (or zero) rows.
    k
        Neighbours per row, ``1 <= k < m``.

    Returns
    -------
    numpy.ndarray
        ``(m, k)`` int64 row indices; ties broken by the lower index.
    """
    m = S.shape[0]
    out = np.empty((m, k), dtype=np.int64)
    block = max(16, _BLOCK_ENTRIES // max(m, 1))
    for r0 in range(0, m, block):
        sims = S[r0 : r0 + block] @ S.T
        rows = np.arange(sims.shape[0])
        sims[rows, r0 + rows] = -np.inf  # +inf once negated below: never its own neighbour
        np.negative(sims, out=sims)
        part = np.argpartition(sims, k - 1, axis=1)[:, :k]
        vals = np.take_along_axis(sims, part, axis=1)
        order = np.lexsort((part, vals), axis=1)
        out[r0 : r0 + block] = np.take_along_axis(part, order, axis=1)
    return out


def jaccard_graph(neighbors: npt.NDArray[np.int64], prune: float = PRUNE) -> sp.coo_matrix:
    """Shared-nearest-neighbour graph: Jaccard overlap of the neighbour sets (module docstring).

    Parameters
    ----------
    neighbors
        ``(m, k)`` neighbour indices of every row.
    prune
        Links with a lower overlap are dropped.

    Returns
    -------
    scipy.sparse.coo_matrix
        ``(m, m)`` float64, upper triangle only (``i < j``), one entry per kept link.
    """
    m, k = neighbors.shape
    rows = np.repeat(np.arange(m), k + 1)
    cols = np.concatenate([np.arange(m)[:, None], neighbors], axis=1).ravel()
    member = sp.csr_matrix((np.ones(rows.size, dtype=np.float32), (rows, cols)), shape=(m, m))
    member_t = sp.csr_matrix(member.T)
    parts_r, parts_c, parts_w = [], [], []
    size = 2.0 * (k + 1)
    block = max(16, _BLOCK_ENTRIES // (4 * (k + 1) ** 2))
    for r0 in range(0, m, block):
        shared = sp.coo_matrix(member[r0 : r0 + block] @ member_t)
        i = shared.row.astype(np.int64) + r0
        j = shared.col.astype(np.int64)
        s = shared.data.astype(np.float64)
        w = s / (size - s)
        keep = (i < j) & (w >= prune)
        parts_r.append(i[keep])
        parts_c.append(j[keep])
        parts_w.append(w[keep])
    r = np.concatenate(parts_r) if parts_r else np.empty(0, np.int64)
    c = np.concatenate(parts_c) if parts_c else np.empty(0, np.int64)
    w = np.concatenate(parts_w) if parts_w else np.empty(0, np.float64)
    return sp.coo_matrix((w, (r, c)), shape=(m, m))


def _leiden(
    graph: sp.coo_matrix, *, resolution: float, seed: int, runs: int
) -> tuple[npt.NDArray[np.int64], float]:
    """Best-modularity Leiden partition of ``runs`` seeded runs (igraph)."""
    import igraph  # type: ignore[import-untyped]

    g = igraph.Graph(n=graph.shape[0])
    for e0 in range(0, graph.nnz, _EDGE_CHUNK):  # in chunks: igraph copies what it is given
        e1 = e0 + _EDGE_CHUNK
        g.add_edges(np.column_stack([graph.row[e0:e1], graph.col[e0:e1]]).astype(np.int64))
    weights = np.asarray(graph.data, dtype=np.float64)  # read by igraph one value at a time
    best: tuple[float, npt.NDArray[np.int64]] | None = None
    try:
        for run in range(runs):
            igraph.set_random_number_generator(random.Random(seed * 7919 + run))
            part = g.community_leiden(
                objective_function="modularity",
                weights=weights,
                resolution=resolution,
                n_iterations=ITERATIONS,
            )
            labels = np.asarray(part.membership, dtype=np.int64)
            q = float(g.modularity(part.membership, weights=weights, resolution=resolution))
            if best is None or q > best[0]:
                best = (q, labels)
    finally:
        igraph.set_random_number_generator(random)
    assert best is not None
    return best[1], best[0]


def neighbours_used(n_neighbors: int, m: int) -> int:
    """Neighbours per row of a graph of ``m`` rows: ``n_neighbors``, but at most ``m - 1`` and
    ``2 floor(sqrt(m))`` (so that topics smaller than ``n_neighbors`` in a small table stay
    apart), and at least 1."""
    return max(1, min(n_neighbors, m - 1, 2 * math.isqrt(m)))


def communities(
    S: npt.NDArray[np.float32],
    *,
    n_neighbors: int,
    resolution: float,
    seed: int,
    runs: int,
    min_size: int,
) -> GraphFit:
    """Leiden communities of the shared-neighbour graph of ``S`` (steps 1 to 4 above).

    Parameters
    ----------
    S
        ``(m, d)`` float32 unit rows, ``m >= 2``.
    n_neighbors
        Neighbours per row (at most :func:`neighbours_used` are used).
    resolution
        Modularity resolution (higher: more, smaller communities).
    seed
        Seed of the Leiden runs.
    runs
        Seeded Leiden runs; the highest modularity wins.
    min_size
        Communities smaller than this are dissolved (unless every community is).

    Returns
    -------
    GraphFit
    """
    m = S.shape[0]
    if not np.ptp(S, axis=0).any():  # every row the same: nothing to tell apart
        return GraphFit(np.zeros(m, dtype=np.int64), 1, 0, 0, float("nan"), 0)
    k = neighbours_used(n_neighbors, m)
    graph = jaccard_graph(nearest_neighbors(S, k))
    raw, q = _leiden(graph, resolution=resolution, seed=seed, runs=runs)
    raw, found = compact(raw)
    sizes = np.bincount(raw, minlength=found)
    big = sizes >= min_size
    if not big.any():
        big[int(np.argmax(sizes))] = True
    n_small = int(np.count_nonzero(~big))
    moved = ~big[raw]
    labels = np.where(moved, -1, raw)
    labels, kept = compact(labels)
    if moved.any():
        centres = cluster_means(S[~moved], labels[~moved], kept)
        labels[moved] = nearest_centres(S[moved], centres)
    return GraphFit(labels, kept, n_small, int(np.count_nonzero(moved)), q, int(graph.nnz))
