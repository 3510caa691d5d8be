"""Scores with their uncertainty: dyad forests, timelines and scaled positions."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from stancekit.compare.results import Alignment, Breakdown, Scaling
from stancekit.plot._style import CATEGORICAL, fontsize_for, label_axis, new_axes

__all__ = ["alignment_forest", "alignment_timeline", "scaling_axis"]


def alignment_forest(
    results: Alignment | Sequence[Alignment],
    *,
    ax: Axes | None = None,
    sort: bool = True,
    title: str | None = None,
) -> Axes:
    """Alignment scores of several dyads with bootstrap intervals and the permutation baseline.

    Parameters
    ----------
    results
        One or more :class:`~stancekit.compare.Alignment` results (e.g. Putin against each
        counterpart).
    ax
        Axes to draw on (a new figure when ``None``).
    sort
        Order dyads by score (highest at the top).
    title
        Default: the method.

    Returns
    -------
    Axes
        A point per dyad (filled when ``p < 0.05``), its interval as a bar, and the null mean
        ± 2 standard deviations as a grey band.
    """
    items = [results] if isinstance(results, Alignment) else list(results)
    if not items:
        raise ValueError("alignment_forest needs at least one Alignment")
    if sort:
        items = sorted(items, key=lambda r: (r.score, r.a, r.b))
    n = len(items)
    ax = new_axes(ax, (7.5, min(14.0, max(2.5, 0.3 * n + 1.5))))
    y = np.arange(n)
    score = np.array([r.score for r in items])
    lo = np.array([r.ci_low for r in items])
    hi = np.array([r.ci_high for r in items])
    null = np.array([r.null_mean for r in items])
    nsd = np.array([r.null_std for r in items])
    sig = np.array([r.p < 0.05 for r in items])
    ax.barh(y, 4 * nsd, left=null - 2 * nsd, height=0.6, color="0.85", label="null ±2 sd")
    ax.hlines(y, lo, hi, color=CATEGORICAL[0], lw=1.6)
    ax.scatter(score[sig], y[sig], color=CATEGORICAL[0], zorder=3, s=28)
    ax.scatter(score[~sig], y[~sig], facecolor="white", edgecolor=CATEGORICAL[0], zorder=3, s=28)
    label_axis(ax, [f"{r.a} – {r.b}" for r in items], axis="y", width=40)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(f"{items[0].method} alignment ({items[0].level:.0%} interval)")
    handles = [
        Line2D([], [], marker="o", color=CATEGORICAL[0], ls="", label="p < 0.05"),
        Line2D([], [], marker="o", mfc="white", color=CATEGORICAL[0], ls="", label="p ≥ 0.05"),
        Line2D([], [], color="0.8", lw=6, label="shuffled-speaker null ±2 sd"),
    ]
    ax.legend(handles=handles, fontsize=7, loc="lower right", frameon=False)
    ax.grid(axis="x", color="0.92")
    ax.set_title(title if title is not None else f"Alignment ({items[0].method})")
    return ax


def alignment_timeline(
    result: Alignment | Breakdown,
    *,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """A dyad's score per time window with its interval band.

    Parameters
    ----------
    result
        An :class:`~stancekit.compare.Alignment` computed with ``window=...`` (its
        ``by_window``), or such a :class:`~stancekit.compare.Breakdown`.

    Returns
    -------
    Axes
        Windows without statements on both sides are gaps, not zeros.
    """
    br = result.by_window if isinstance(result, Alignment) else result
    if br is None or br.kind != "window" or len(br) == 0:
        raise ValueError("alignment_timeline needs an alignment computed with window=...")
    x = np.arange(len(br))
    ax = new_axes(ax, (max(5.0, 0.45 * len(br) + 3.0), 3.6))
    ax.fill_between(
        x, br.ci_low, br.ci_high, color=CATEGORICAL[4], alpha=0.35, lw=0, label="interval"
    )
    ax.plot(x, br.score, marker="o", color=CATEGORICAL[0], label="score")
    label_axis(ax, list(br.labels), axis="x")
    for i, (na, nb) in enumerate(zip(br.n_a, br.n_b, strict=True)):
        if np.isfinite(br.score[i]):
            ax.annotate(
                f"{na}/{nb}",
                (x[i], br.score[i]),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=fontsize_for(len(br)) - 1,
                color="0.4",
            )
    ax.set_ylabel("alignment")
    ax.grid(axis="y", color="0.92")
    ax.legend(fontsize=7, frameon=False)
    if title is None and isinstance(result, Alignment):
        title = f"{result.a} – {result.b} over time (statements a/b per window)"
    ax.set_title(title or "Alignment over time")
    return ax


def scaling_axis(result: Scaling, *, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Speakers placed on a reference-anchored axis, with intervals; references highlighted.

    Parameters
    ----------
    result
        A :class:`~stancekit.compare.Scaling` from :func:`stancekit.compare.scale`.
    """
    n = len(result)
    if n == 0:
        raise ValueError("scaling_axis needs at least one speaker")
    order = np.argsort(result.position, kind="stable")
    ax = new_axes(ax, (7.0, min(16.0, max(2.5, 0.22 * n + 1.5))))
    y = np.arange(n)
    pos = result.position[order]
    ref = result.reference[order]
    ax.hlines(y, result.ci_low[order], result.ci_high[order], color="0.6", lw=1.2)
    ax.scatter(pos[~ref], y[~ref], color=CATEGORICAL[0], s=20, zorder=3, label="speaker")
    ax.scatter(
        pos[ref], y[ref], color=CATEGORICAL[5], marker="D", s=30, zorder=3, label="reference"
    )
    label_axis(ax, [result.labels[i] for i in order], axis="y", max_labels=80)
    ax.set_xlabel(f"position on the reference axis ({result.level:.0%} interval)")
    ax.legend(fontsize=7, frameon=False, loc="lower right")
    ax.set_title(title or "Reference-anchored scaling")
    return ax
