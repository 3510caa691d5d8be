"""Graph clustering: Leiden communities of a shared-nearest-neighbour graph.

Sentence embeddings of real text have no clear gaps between topics: their silhouette is flat
and highest at the coarsest split, and k-means cuts a continuum differently for every seed.
What they do have is local structure: a statement's nearest neighbours mostly talk about the
same thing. The graph backend builds on that:

1. **Neighbours.** The ``n_neighbors`` most similar rows of every row (exact cosine, in
   square tiles of the upper triangle of the similarity matrix, each read both ways, so the
   products cost half of a full search); at most ``2 floor(sqrt(m))`` of ``m`` rows
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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from stancekit.core._blocks import sparse_true
from stancekit.topics._arrays import cluster_means, compact, nearest_centres, prep

__all__ = [
    "GraphFit",
    "communities",
    "jaccard_graph",
    "jaccard_links",
    "load_igraph",
    "nearest_neighbors",
    "neighbours_used",
]

#: Jaccard overlap below which a shared-neighbour link is dropped.
PRUNE = 1.0 / 15.0
#: Passes of each Leiden run (igraph's default; -1: until the partition no longer changes).
ITERATIONS = 2
#: Entries of the largest temporary block (similarities, shared-neighbour counts).
_BLOCK_ENTRIES = 1_000_000


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
    centres
        ``(k, d)`` mean centred row of each community (the clustering space).
    """

    labels: npt.NDArray[np.int64]
    n_clusters: int
    n_small: int
    n_moved: int
    modularity: float
    n_edges: int
    centres: npt.NDArray[np.float64]


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
    best = np.full((m, k), -np.inf, dtype=np.float32)  # similarities, best first once sorted
    index = np.full((m, k), m, dtype=np.int64)
    floor = np.full(m, -np.inf, dtype=np.float32)  # the k-th best similarity so far
    side = max(16, math.isqrt(_BLOCK_ENTRIES))
    buffer = np.empty(min(side, m) ** 2, dtype=np.float32)  # one tile, reused: no churn
    for i0 in range(0, m, side):
        for j0 in range(i0, m, side):
            a, b = S[i0 : i0 + side], S[j0 : j0 + side]
            sims = np.matmul(a, b.T, out=buffer[: a.shape[0] * b.shape[0]].reshape(a.shape[0], -1))
            if j0 == i0:
                np.fill_diagonal(sims, -np.inf)  # never its own neighbour
            # a band's first tile: (0, 0) for the first band, (0, J) read the other way for J
            _offer(best, index, floor, (i0, j0), sims, fresh=j0 == 0)
            if j0 != i0:  # the same tile read the other way
                _offer(best, index, floor, (j0, i0), np.ascontiguousarray(sims.T), fresh=i0 == 0)
    order = np.lexsort((index, -best), axis=1)
    return np.take_along_axis(index, order, axis=1)


def _offer(
    best: npt.NDArray[np.float32],
    index: npt.NDArray[np.int64],
    floor: npt.NDArray[np.float32],
    at: tuple[int, int],
    sims: npt.NDArray[np.float32],
    *,
    fresh: bool,
) -> None:
    """Merge a tile of similarities into the ``(m, k)`` running lists of the ``k`` best, in
    place: rows ``at[0]...`` of the lists, columns ``at[1]...`` of the table.

    A row band's first tile (``fresh``) is selected in full; after it only entries above a
    row's current ``k``-th best can enter, and there are few of them, so the selection
    touches a handful of entries per row instead of the whole tile.
    """
    r0, c0 = at
    k = best.shape[1]
    n_rows, n_cols = sims.shape
    if fresh and n_cols > k:
        cols = np.argpartition(sims, n_cols - k, axis=1)[:, n_cols - k :]
        best[r0 : r0 + n_rows] = np.take_along_axis(sims, cols, axis=1)
        index[r0 : r0 + n_rows] = cols + c0
        floor[r0 : r0 + n_rows] = best[r0 : r0 + n_rows].min(axis=1)
        return
    rows, cols = np.divmod(sparse_true(sims > floor[r0 : r0 + n_rows, None]), n_cols)
    if rows.size == 0:
        return
    counts = np.bincount(rows, minlength=n_rows)
    active = np.flatnonzero(counts)
    slot = np.cumsum(counts > 0) - 1  # row of the tile -> row of the merge table
    first = np.cumsum(counts) - counts  # where each row's entries start in ``rows``
    width = k + int(counts.max())
    values = np.full((active.size, width), -np.inf, dtype=np.float32)
    ids = np.full((active.size, width), index.shape[0], dtype=np.int64)
    values[:, :k] = best[r0 + active]
    ids[:, :k] = index[r0 + active]
    place = (slot[rows], k + np.arange(rows.size) - first[rows])
    values[place] = sims[rows, cols]
    ids[place] = cols + c0
    keep = np.argpartition(values, width - k, axis=1)[:, width - k :]
    best[r0 + active] = np.take_along_axis(values, keep, axis=1)
    index[r0 + active] = np.take_along_axis(ids, keep, axis=1)
    floor[r0 + active] = best[r0 + active].min(axis=1)


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
    m = neighbors.shape[0]
    r, c, w = _gather(jaccard_links(neighbors, prune))
    return sp.coo_matrix((w, (r, c)), shape=(m, m))


Links = tuple[npt.NDArray[np.integer], npt.NDArray[np.integer], npt.NDArray[np.floating]]


def _gather(links: Iterable[Links]) -> Links:
    """The blocks of :func:`jaccard_links` as one ``(rows, cols, weights)`` triple."""
    parts = list(links)
    if not parts:
        return np.empty(0, np.int32), np.empty(0, np.int32), np.empty(0, np.float64)
    rows, cols, weights = zip(*parts, strict=True)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(weights)


def jaccard_links(
    neighbors: npt.NDArray[np.int64], prune: float = PRUNE
) -> Iterator[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32], npt.NDArray[np.float64]]]:
    """The links of :func:`jaccard_graph`, block of rows by block of rows.

    Yields
    ------
    rows, cols, weights
        ``(e,)`` int32, int32 and float64 of the kept links ``i < j`` of a block of rows ``i``
        (blocks in row order), so that a consumer never holds the whole graph twice.
    """
    m, k = neighbors.shape
    cols = np.concatenate([np.arange(m)[:, None], neighbors], axis=1).ravel()
    bounds = np.arange(0, cols.size + 1, k + 1)  # row i holds itself and its k neighbours
    member = sp.csr_matrix((np.ones(cols.size, dtype=np.float32), cols, bounds), shape=(m, m))
    member_t = sp.csr_matrix(member.T)
    size = 2.0 * (k + 1)
    block = max(16, _BLOCK_ENTRIES // (4 * (k + 1) ** 2))
    for r0 in range(0, m, block):
        shared = sp.coo_matrix(member[r0 : r0 + block] @ member_t)
        i = shared.row.astype(np.int32) + np.int32(r0)
        j = shared.col.astype(np.int32)
        s = shared.data.astype(np.float64)
        w = s / (size - s)
        keep = (i < j) & (w >= prune)
        yield i[keep], j[keep], w[keep]


def load_igraph() -> Any:
    """Import python-igraph (which imports matplotlib when it is installed).

    :func:`stancekit.topics.topics` calls it before its large arrays exist: imported in the
    middle of a fit, the modules' small allocations land between the arrays' and the freed
    memory cannot be reused, which raised the peak resident set by about 40 MB on UNGD 2017.
    """
    import igraph  # type: ignore[import-untyped]

    return igraph


def _leiden(
    links: Iterable[Links],
    m: int,
    *,
    resolution: float,
    seed: int,
    runs: int,
) -> tuple[npt.NDArray[np.int64], float, int]:
    """Best-modularity Leiden partition of ``runs`` seeded runs (igraph) of the graph of ``m``
    vertices whose weighted links come in blocks (:func:`jaccard_links`); its modularity and
    number of links. The links are gathered before igraph's graph is built, so the product
    that finds them is freed first."""
    igraph = load_igraph()
    # weights: one array, converted by igraph at each run (an edge attribute would cost
    # 32 B a link)
    rows, cols, weights = _gather(links)
    g = igraph.Graph(n=m)
    # one call: each call rebuilds igraph's indices; an array, not a list (igraph reads it
    # row by row; lists, and the Graph constructor, which makes one, cost ~200 B a link)
    g.add_edges(np.column_stack([rows, cols]).astype(np.int64))
    del rows, cols
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
            q = float(part.quality)  # the objective: the partition's modularity
            if best is None or q > best[0]:
                best = (q, np.asarray(part.membership, dtype=np.int64))
    finally:
        igraph.set_random_number_generator(random)
    assert best is not None
    return best[1], best[0], int(weights.size)


def neighbours_used(n_neighbors: int, m: int) -> int:
    """Neighbours per row of a graph of ``m`` rows: ``n_neighbors``, but at most ``m - 1`` and
    ``2 floor(sqrt(m))`` (so that topics smaller than ``n_neighbors`` in a small table stay
    apart), and at least 1."""
    return max(1, min(n_neighbors, m - 1, 2 * math.isqrt(m)))


def communities(
    X: npt.NDArray[np.float32],
    *,
    mean: npt.NDArray[np.float32] | None,
    n_neighbors: int,
    resolution: float,
    seed: int,
    runs: int,
    min_size: int,
) -> GraphFit:
    """Leiden communities of the shared-neighbour graph of ``X`` (steps 1 to 4 above).

    Parameters
    ----------
    X
        ``(m, d)`` float32 rows, ``m >= 2``.
    mean
        The rows are centred on it and renormalised (:func:`stancekit.topics._arrays.prep`);
        ``None``: ``X`` holds unit rows already. The centred copy is dropped while the
        graph is built and made again for the centres.
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
    m = X.shape[0]
    S = prep(X, mean)
    if not np.ptp(S, axis=0).any():  # every row the same: nothing to tell apart
        one = np.zeros(m, dtype=np.int64)
        return GraphFit(one, 1, 0, 0, float("nan"), 0, cluster_means(S, one, 1))
    neighbours = nearest_neighbors(S, neighbours_used(n_neighbors, m))
    del S  # not needed by the graph; made again below
    raw, q, n_edges = _leiden(
        jaccard_links(neighbours), m, resolution=resolution, seed=seed, runs=runs
    )
    del neighbours
    raw, found = compact(raw)
    sizes = np.bincount(raw, minlength=found)
    big = sizes >= min_size
    if not big.any():
        big[int(np.argmax(sizes))] = True
    n_small = int(np.count_nonzero(~big))
    moved = ~big[raw]
    labels = np.where(moved, -1, raw)
    labels, kept = compact(labels)
    S = prep(X, mean)
    if moved.any():
        centres = cluster_means(S[~moved], labels[~moved], kept)
        labels[moved] = nearest_centres(S[moved], centres)
    centres = cluster_means(S, labels, kept)
    return GraphFit(labels, kept, n_small, int(np.count_nonzero(moved)), q, n_edges, centres)
