"""Matrices as heatmaps: speaker similarity and topic shares (of a matrix or a topic model)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes

from stancekit.data import LabeledMatrix
from stancekit.plot._style import SEQUENTIAL, figure_of, label_axis, new_axes, thin_ticks

if TYPE_CHECKING:
    from stancekit.topics import TopicModel

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
        _annotate(ax, vals, "{:.2f}", (lo + hi) / 2)
    cbar = figure_of(ax).colorbar(im, ax=ax, shrink=0.8)
    cbar.set_label(result.name or "similarity")
    default = result.name or "Similarity"
    if dropped:
        default += f" ({dropped} without a score left out)"
    ax.set_title(title if title is not None else default)
    return ax


#: Tick labels are never smaller than this (points).
MIN_FONTSIZE = 8.0


def _annotate(ax: Axes, grid: npt.NDArray[np.float64], fmt: str, dark_below: float) -> None:
    """Write every finite cell of ``grid`` ``(r, c)`` in it (``fmt``), white on cells darker
    than ``dark_below``; empty (NaN) cells stay blank."""
    for i, j in zip(*np.nonzero(np.isfinite(grid)), strict=True):
        v = float(grid[i, j])
        ax.text(
            int(j), int(i), fmt.format(v), ha="center", va="center", fontsize=MIN_FONTSIZE,
            color="white" if v < dark_below else "black",
        )  # fmt: skip


_ROW_IN = 0.2  # inches per heatmap row: an 8-10 pt label and some air
_COL_IN, _COL_ANNOTATED_IN = 0.3, 0.45  # inches per column, wider when cells hold "45%"
_MAX_SIDE_IN = 28.0  # no new figure is larger than this on a side
_PLURALS = {"speaker": "speakers", "country": "countries"}


def _shorten(label: str, width: int) -> str:
    """``label`` on one line, cut to ``width`` characters with "…" when longer."""
    text = " ".join(str(label).split())
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"


def _tick_fontsize(n: int) -> float:
    return 10.0 if n <= 12 else 9.0 if n <= 30 else MIN_FONTSIZE


def _label_extent(labels: Sequence[str], fontsize: float) -> float:
    """Inches taken by the longest label written at ``fontsize`` (about 0.6 em a character)."""
    longest = max((len(x) for x in labels), default=0)
    return 0.6 * fontsize * longest / 72.0 + 0.25


def _rows_to_show(
    n: int, sizes: npt.NDArray[np.float64] | None, finite: npt.NDArray[np.bool_], top: int
) -> npt.NDArray[np.int64]:
    """The ``top`` rows with most statements (else rows with a share first), in their order."""
    if n <= top:
        return np.arange(n, dtype=np.int64)
    key = sizes if sizes is not None else finite.astype(np.float64)
    best = np.argsort(-key, kind="stable")[:top]
    return np.sort(best).astype(np.int64)


def _set_ticks(
    ax: Axes, labels: Sequence[str], *, axis: str, fontsize: float, room_in: float
) -> None:
    """Label every tick that fits in ``room_in`` inches at ``fontsize`` (thinned otherwise)."""
    per_label = fontsize * 1.3 / 72.0
    keep = thin_ticks(len(labels), max(1, int(room_in / per_label)))
    text = [labels[i] for i in keep]
    if axis == "y":
        ax.set_yticks(keep, text, fontsize=fontsize)
        return
    upright = len(keep) <= 8 and max(len(t) for t in text) <= 10
    ax.set_xticks(keep, text, rotation=0 if upright else 90, ha="center", fontsize=fontsize)


def _is_tall(ax: Axes) -> bool:
    width, height = figure_of(ax).get_size_inches()
    return bool(height >= width)


def topic_heatmap(
    shares: LabeledMatrix | TopicModel,
    *,
    by: str = "speaker",
    ax: Axes | None = None,
    annotate: bool | None = None,
    title: str | None = None,
    max_speakers: int | None = 60,
    sizes: npt.ArrayLike | None = None,
    label_width: int = 40,
) -> Axes:
    """Topic shares of each speaker (or country...), readable from 2 to 200 speakers.

    The longer of the two dimensions runs along the longer side of the figure: on a new
    figure that is the vertical axis, so with many speakers they are rows, one per line, and
    the topics are columns (with few speakers and many topics, the other way round). A new
    figure is sized from the number of rows and columns (about 0.2 inch per row, 0.3 per
    column, 0.45 when the cells are annotated; at most 28 inches on a side); tick labels are
    never smaller than 8 pt, and where they cannot all fit at that size (a crowded ``ax``
    given by the caller) only every other one, or every third..., is written. Labels longer
    than ``label_width`` characters are cut with "…".

    With more than ``max_speakers`` groups, only the ``max_speakers`` with most statements are
    drawn (in their original order) and a second title line says how many: ``"(60 of 212
    speakers shown, most statements)"``; this line is added to a ``title`` given too.

    Parameters
    ----------
    shares
        Either ``(S, K)`` shares (a :class:`~stancekit.LabeledMatrix`, e.g.
        ``TopicModel.shares()``) with speakers (or countries) as rows and topic labels as
        columns, or a :class:`~stancekit.topics.TopicModel`, whose ``shares(by)`` are drawn
        and whose ``counts(by)`` give the statements per group.
    by
        The grouping column when ``shares`` is a model (``"speaker"``, ``"country"``...); it
        also names the rows in the title (``"speakers"``, ``"countries"``).
    ax
        Axes to draw on (a new figure when ``None``).
    annotate
        Write the shares in the cells (default: when the grid has at most 150 cells).
    title
        Default: the matrix's ``name``.
    max_speakers
        Most groups drawn; ``None`` draws them all.
    sizes
        ``(S,)`` statements per row of a ``LabeledMatrix``, to pick the rows drawn when there
        are more than ``max_speakers`` (a model supplies them itself). Without them the first
        ``max_speakers`` rows that have a share are drawn.
    label_width
        Longest tick label, in characters.

    Returns
    -------
    Axes
    """
    matrix, counts = _shares_of(shares, by, sizes)
    values = np.asarray(matrix.values, dtype=np.float64)
    if values.ndim != 2 or values.shape[0] == 0 or values.shape[1] == 0:
        raise ValueError("topic_heatmap needs at least one topic and one speaker")
    total = values.shape[0]
    if max_speakers is not None and max_speakers < 1:
        raise ValueError(f"max_speakers must be at least 1 or None, got {max_speakers}")
    finite = np.asarray(np.isfinite(values).any(axis=1), dtype=bool)
    keep = _rows_to_show(total, counts, finite, total if max_speakers is None else max_speakers)
    values = values[keep]
    groups = [_shorten(matrix.rows[i], label_width) for i in keep]
    topics = [_shorten(t, label_width) for t in matrix.columns]
    s, k = values.shape
    if annotate is None:
        annotate = s * k <= 150
    # the longer dimension along the longer side: vertical on a new (tall) figure
    tall = ax is None or _is_tall(ax)
    speakers_vertical = (s >= k) == tall
    grid = values if speakers_vertical else values.T
    row_labels, col_labels = (groups, topics) if speakers_vertical else (topics, groups)
    n_rows, n_cols = grid.shape
    y_font, x_font = _tick_fontsize(n_rows), _tick_fontsize(n_cols)
    y_extent = _label_extent(row_labels, y_font)
    x_extent = _label_extent(col_labels, x_font)
    if ax is None:
        col_in = _COL_ANNOTATED_IN if annotate else _COL_IN
        width = min(_MAX_SIDE_IN, max(5.0, y_extent + n_cols * col_in + 1.6))
        height = min(_MAX_SIDE_IN, max(3.5, x_extent + n_rows * _ROW_IN + 0.9))
        ax = new_axes(None, (width, height))
    else:
        width, height = (float(x) for x in figure_of(ax).get_size_inches())
    im = ax.imshow(
        grid,
        cmap=SEQUENTIAL,
        vmin=0.0,
        vmax=max(1e-6, float(np.nanmax(values)) if finite.any() else 1.0),
        aspect="auto",
        interpolation="nearest",
    )
    _set_ticks(ax, row_labels, axis="y", fontsize=y_font, room_in=height - x_extent - 0.9)
    _set_ticks(ax, col_labels, axis="x", fontsize=x_font, room_in=width - y_extent - 1.6)
    if annotate:
        top = float(np.nanmax(grid)) if finite.any() else 1.0
        _annotate(ax, grid, "{:.0%}", top / 2)
    cbar = figure_of(ax).colorbar(im, ax=ax, shrink=0.8 if n_rows > 4 else 1.0)
    cbar.set_label("share of statements")
    head = title if title is not None else (matrix.name or "Topic shares")
    if s < total:
        noun = _PLURALS.get(by, f"{by} groups")
        how = "most statements" if counts is not None else "first with a share"
        head += f"\n({s} of {total} {noun} shown, {how})"
    ax.set_title(head)
    return ax


def _shares_of(
    shares: LabeledMatrix | TopicModel, by: str, sizes: npt.ArrayLike | None
) -> tuple[LabeledMatrix, npt.NDArray[np.float64] | None]:
    """The shares to draw and the statements per row (``None``: unknown)."""
    if isinstance(shares, LabeledMatrix):
        if sizes is None:
            return shares, None
        n = np.asarray(sizes, dtype=np.float64).reshape(-1)
        if n.shape != (len(shares.rows),):
            raise ValueError(
                f"sizes must have one value per row ({len(shares.rows)}), got {n.shape}"
            )
        return shares, n
    from stancekit.topics import TopicModel

    if not isinstance(shares, TopicModel):
        raise TypeError(
            "topic_heatmap needs a LabeledMatrix of shares or a TopicModel, "
            f"got {type(shares).__name__}"
        )
    if sizes is not None:
        raise ValueError("sizes is for a LabeledMatrix; a TopicModel counts its statements itself")
    counts = shares.counts(by)
    return shares.shares(by), counts.values.sum(axis=1).astype(np.float64)
