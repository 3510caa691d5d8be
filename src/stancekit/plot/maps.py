"""Groups on a plane: a map from a similarity matrix, and one score against another."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes

from stancekit.data import LabeledMatrix
from stancekit.plot._style import category_colour, new_axes

__all__ = ["classical_mds", "score_scatter", "similarity_map"]


def classical_mds(values: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
    """Classical (Torgerson) scaling of a ``(S, S)`` similarity matrix to ``(S, 2)``.

    Distances are ``sqrt(2 - 2 s)`` (the chord distance of unit vectors with cosine ``s``); the
    sign of each axis is fixed so that its largest coordinate is positive (deterministic).
    """
    sim = np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0)
    sim = (sim + sim.T) / 2
    d2 = np.clip(2.0 - 2.0 * sim, 0.0, None)
    n = d2.shape[0]
    j = np.eye(n) - 1.0 / n
    b = -0.5 * j @ d2 @ j
    w, v = np.linalg.eigh(b)
    top = np.argsort(w)[::-1][:2]
    xy = v[:, top] * np.sqrt(np.clip(w[top], 0.0, None))
    for k in range(xy.shape[1]):
        if xy[np.argmax(np.abs(xy[:, k])), k] < 0:
            xy[:, k] = -xy[:, k]
    if xy.shape[1] < 2:
        xy = np.column_stack([xy, np.zeros(n)])
    return np.asarray(xy, dtype=np.float64)


def similarity_map(
    result: LabeledMatrix,
    *,
    groups: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Speakers (or countries) placed by classical scaling of their similarity matrix.

    Parameters
    ----------
    result
        A square ``(S, S)`` :class:`~stancekit.LabeledMatrix` (e.g. ``stancekit.similarity``).
    groups
        Optional speaker → group (continent, bloc) for colours.
    labels
        Optional speaker → short label written next to each point (e.g. ISO codes).
    """
    if result.rows != result.columns or len(result.rows) < 3:
        raise ValueError("similarity_map needs a square matrix of at least three speakers")
    xy = classical_mds(result.values)
    names = list(result.rows)
    ax = new_axes(ax, (8.0, 6.5))
    keys = sorted({(groups or {}).get(n, "") for n in names})
    for i, key in enumerate(keys):
        sel = np.array([(groups or {}).get(n, "") == key for n in names])
        ax.scatter(xy[sel, 0], xy[sel, 1], s=18, color=category_colour(i), label=key or None, lw=0)
    if labels is not None or len(names) <= 40:
        size = 6 if len(names) > 40 else 8
        for (x, y), n in zip(xy, names, strict=True):
            ax.annotate(
                (labels or {}).get(n, n),
                (x, y),
                fontsize=size,
                xytext=(2, 2),
                textcoords="offset points",
                color="0.25",
            )
    if any(keys):
        ax.legend(fontsize=7, frameon=False, loc="best")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("scaling axis 1")
    ax.set_ylabel("scaling axis 2")
    ax.set_title(title or f"Map of {result.name or 'similarity'} ({len(names)} speakers)")
    return ax


def score_scatter(
    x: LabeledMatrix,
    y: LabeledMatrix,
    *,
    ax: Axes | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    r: float | None = None,
    p: float | None = None,
    title: str | None = None,
) -> Axes:
    """One dyadic score against another (upper triangle, pairs present in both).

    Parameters
    ----------
    x, y
        Square matrices over (partly) the same labels; pairs missing (NaN) in either are left
        out.
    r, p
        A correlation and its p-value to print (e.g. from a QAP permutation test).
    """
    common = [c for c in x.rows if c in set(y.rows)]
    if len(common) < 3:
        raise ValueError("score_scatter needs at least three labels in both matrices")
    xs = x.select(common, common).values
    ys = y.select(common, common).values
    iu = np.triu_indices(len(common), k=1)
    a, b = xs[iu], ys[iu]
    ok = np.isfinite(a) & np.isfinite(b)
    ax = new_axes(ax, (6.0, 5.0))
    ax.scatter(a[ok], b[ok], s=4, alpha=0.35, color=category_colour(0), lw=0)
    if ok.sum() >= 2:
        slope, intercept = np.polyfit(a[ok], b[ok], 1)
        grid = np.linspace(a[ok].min(), a[ok].max(), 50)
        ax.plot(grid, slope * grid + intercept, color=category_colour(5), lw=1.5)
    ax.set_xlabel(xlabel or x.name or "x")
    ax.set_ylabel(ylabel or y.name or "y")
    note = f"{int(ok.sum())} pairs"
    if r is not None:
        note += f", r = {r:.2f}"
    if p is not None:
        note += f", QAP p = {p:.3g}"
    ax.set_title(title or note)
    if title:
        ax.text(0.02, 0.98, note, transform=ax.transAxes, va="top", fontsize=8)
    ax.grid(color="0.93")
    return ax
