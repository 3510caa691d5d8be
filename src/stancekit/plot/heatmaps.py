"""Matrices as heatmaps: speaker similarity and topic shares."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes

from stancekit.data import LabeledMatrix
from stancekit.plot._style import SEQUENTIAL, figure_of, label_axis, new_axes

__all__ = ["cluster_order", "similarity_heatmap", "topic_heatmap"]


def cluster_order(values: npt.NDArray[np.floating]) -> npt.NDArray[np.int64]:
    """Leaf order of average-linkage clustering of a square similarity matrix ``(S, S)``.

    Distances are ``1 - similarity`` (clipped at 0), symmetrised; ties are broken
    deterministically by SciPy's optimal leaf ordering.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    n = values.shape[0]
    if n < 3:
        return np.arange(n, dtype=np.int64)
    sim = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0)
    dist = np.clip(1.0 - (sim + sim.T) / 2.0, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    condensed = squareform(dist, checks=False)
    z = linkage(condensed, method="average")
    z = optimal_leaf_ordering(z, condensed)
    return np.asarray(leaves_list(z), dtype=np.int64)


def similarity_heatmap(
    result: LabeledMatrix,
    *,
    ax: Axes | None = None,
    cluster: bool = True,
    annotate: bool | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    title: str | None = None,
) -> Axes:
    """Speaker × speaker similarity, rows and columns ordered by hierarchical clustering.

    Parameters
    ----------
    result
        A square :class:`~stancekit.LabeledMatrix` (``(S, S)``), e.g. from
        :func:`stancekit.similarity`.
    ax
        Axes to draw on (a new figure when ``None``).
    cluster
        Order speakers by average-linkage clustering so that blocs appear as blocks.
    annotate
        Write values in the cells (default: when there are at most 12 speakers).
    vmin, vmax
        Colour range (default: the off-diagonal range).
    title
        Default: the matrix's ``name``.

    Returns
    -------
    Axes
    """
    values = np.asarray(result.values, dtype=np.float64)
    if values.shape[0] != values.shape[1] or result.rows != result.columns:
        raise ValueError(
            "similarity_heatmap needs a square matrix with the same row and column labels"
        )
    n = values.shape[0]
    if n == 0:
        raise ValueError("similarity_heatmap needs at least one speaker")
    off_finite = np.isfinite(np.where(np.eye(n, dtype=bool), np.nan, values)).any(axis=1)
    scored = np.flatnonzero(off_finite) if n > 1 else np.arange(n)
    if scored.size == 0:
        raise ValueError(
            "similarity_heatmap: no pair of speakers has a score (every value is NaN; too few "
            "statements per speaker? see similarity(..., min_statements=...))"
        )
    dropped = n - scored.size
    values = values[np.ix_(scored, scored)]
    rows = [result.rows[i] for i in scored]
    n = scored.size
    order = cluster_order(values) if cluster else np.arange(n)
    vals = values[np.ix_(order, order)]
    labels = [rows[i] for i in order]
    off = vals[~np.eye(n, dtype=bool)] if n > 1 else vals.ravel()
    lo = float(np.nanmin(off)) if vmin is None else vmin
    hi = float(np.nanmax(off)) if vmax is None else vmax
    if hi - lo < 1e-9:  # two speakers: show the full range, diagonal included
        lo, hi = float(np.nanmin(vals)), float(np.nanmax(vals))
    if hi - lo < 1e-9:
        hi = lo + 1e-6
    side = min(14.0, max(4.0, 0.28 * n + 2.5))
    ax = new_axes(ax, (side + 1.2, side))
    im = ax.imshow(vals, cmap=SEQUENTIAL, vmin=lo, vmax=hi, interpolation="nearest", aspect="equal")
    label_axis(ax, labels, axis="x")
    label_axis(ax, labels, axis="y")
    if annotate if annotate is not None else n <= 12:
        mid = (lo + hi) / 2
        for i in range(n):
            for j in range(n):
                v = vals[i, j]
                if np.isfinite(v):
                    ax.text(
                        j,
                        i,
                        f"{v:.2f}",
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if v < mid else "black",
                    )
    cbar = figure_of(ax).colorbar(im, ax=ax, shrink=0.8)
    cbar.set_label(result.name or "similarity")
    default = result.name or "Similarity"
    if dropped:
        default += f" ({dropped} without a score left out)"
    ax.set_title(title if title is not None else default)
    return ax


def topic_heatmap(
    shares: LabeledMatrix,
    *,
    ax: Axes | None = None,
    annotate: bool | None = None,
    title: str | None = None,
) -> Axes:
    """Topic × speaker shares.

    Parameters
    ----------
    shares
        ``(S, K)`` shares with speakers (or countries) as rows and topic labels as columns,
        e.g. ``TopicModel.shares()``; drawn with topics as rows.
    ax, annotate, title
        As in :func:`similarity_heatmap` (cells annotated when the grid has at most 150 cells).

    Returns
    -------
    Axes
    """
    values = np.asarray(shares.values, dtype=np.float64).T  # topics x speakers
    k, s = values.shape
    if k == 0 or s == 0:
        raise ValueError("topic_heatmap needs at least one topic and one speaker")
    ax = new_axes(ax, (min(16.0, max(5.0, 0.35 * s + 4.0)), min(14.0, max(3.5, 0.4 * k + 1.5))))
    im = ax.imshow(
        values,
        cmap=SEQUENTIAL,
        vmin=0.0,
        vmax=max(1e-6, float(np.nanmax(values))),
        aspect="auto",
        interpolation="nearest",
    )
    label_axis(ax, list(shares.columns), axis="y", width=34)
    label_axis(ax, list(shares.rows), axis="x")
    if annotate if annotate is not None else k * s <= 150:
        top = float(np.nanmax(values))
        for i in range(k):
            for j in range(s):
                v = values[i, j]
                ax.text(
                    j,
                    i,
                    f"{v:.0%}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if v < top / 2 else "black",
                )
    cbar = figure_of(ax).colorbar(im, ax=ax, shrink=0.8)
    cbar.set_label("share of statements")
    ax.set_title(title if title is not None else (shares.name or "Topic shares"))
    return ax
