"""Scores with their uncertainty: dyad forests, timelines and scaled positions."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from stancekit.compare import DyadMatrix
from stancekit.compare.results import Alignment, Breakdown, Scaling
from stancekit.plot._style import CATEGORICAL, fontsize_for, label_axis, new_axes

__all__ = ["alignment_forest", "alignment_timeline", "scaling_axis", "timeline_windows"]


def _dyad_p(items: Sequence[Alignment], dyads: DyadMatrix) -> npt.NDArray[np.float64]:
    """``(n,)`` the calibrated p of each plotted dyad in ``dyads``."""
    pos = {label: i for i, label in enumerate(dyads.labels)}
    missing = sorted({x for r in items for x in (r.a, r.b) if x not in pos})
    if missing:
        raise ValueError(f"dyads has no row for {missing}; compute it on the same groups")
    return np.array([dyads.p[pos[r.a], pos[r.b]] for r in items], dtype=np.float64)


def alignment_forest(
    results: Alignment | Sequence[Alignment],
    *,
    ax: Axes | None = None,
    sort: bool = True,
    title: str | None = None,
    dyads: DyadMatrix | None = None,
    alpha: float = 0.05,
) -> Axes:
    """Alignment scores of several dyads with bootstrap intervals, the dyads that stand out
    marked.

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
    dyads
        The calibrated all-pairs matrix (:func:`stancekit.compare.dyads`) of the same groups:
        a dyad is filled when its ``p < alpha`` there, i.e. B is closer to A than A's other
        counterparts are, allowing for group sizes. Without it, a dyad is filled when its own
        permutation ``p < alpha`` and the permutation null is drawn as a grey band.
    alpha
        Level below which a dyad is marked.

    Returns
    -------
    Axes
        A point per dyad (filled when it stands out), its interval as a bar.
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
    ax.hlines(y, [r.ci_low for r in items], [r.ci_high for r in items], color=CATEGORICAL[0])
    if dyads is None:
        null = np.array([r.null_mean for r in items])
        nsd = np.array([r.null_std for r in items])
        ax.barh(y, 4 * nsd, left=null - 2 * nsd, height=0.6, color="0.85", zorder=0)
        marked = np.array([r.p < alpha for r in items])
        on, off = f"p < {alpha:g}", f"p ≥ {alpha:g}"
        extra = [Line2D([], [], color="0.8", lw=6, label="shuffled-speaker null ±2 sd")]
    else:
        marked = _dyad_p(items, dyads) < alpha
        focus = {r.a for r in items}
        who = f"{next(iter(focus))}'s" if len(focus) == 1 else "A's"
        on = f"stands out from {who} other counterparts, p < {alpha:g}"
        off, extra = "does not stand out", []
    # standouts: a filled vermillion diamond (shape and fill carry it without colour)
    marker, colour = ("D", CATEGORICAL[5]) if dyads is not None else ("o", CATEGORICAL[0])
    ax.scatter(score[marked], y[marked], color=colour, marker=marker, zorder=3, s=40)
    ax.scatter(
        score[~marked], y[~marked], facecolor="white", edgecolor=CATEGORICAL[0], zorder=3, s=30
    )
    label_axis(ax, [f"{r.a} – {r.b}" for r in items], axis="y", width=40)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlabel(f"{items[0].method} alignment ({items[0].level:.0%} interval)")
    handles = [
        Line2D([], [], marker=marker, color=colour, ls="", label=on),
        Line2D([], [], marker="o", mfc="white", color=CATEGORICAL[0], ls="", label=off),
        *extra,
    ]
    ax.legend(handles=handles, fontsize=7, loc="best", framealpha=0.9)
    ax.grid(axis="x", color="0.92")
    ax.set_title(title if title is not None else f"Alignment ({items[0].method})")
    return ax


def timeline_windows(
    result: Alignment | Breakdown, *, min_statements: int = 1
) -> npt.NDArray[np.bool_]:
    """``(U,)`` bool: the windows with a score where both sides have ``min_statements``+
    statements."""
    br = result.by_window if isinstance(result, Alignment) else result
    if br is None or br.kind != "window":
        raise ValueError("needs an alignment computed with window=...")
    enough = (br.n_a >= min_statements) & (br.n_b >= min_statements) & np.isfinite(br.score)
    return np.asarray(enough, dtype=bool)


def alignment_timeline(
    result: Alignment | Breakdown,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    min_statements: int = 1,
) -> Axes:
    """A dyad's score per time window with its interval band.

    Parameters
    ----------
    result
        An :class:`~stancekit.compare.Alignment` computed with ``window=...`` (its
        ``by_window``), or such a :class:`~stancekit.compare.Breakdown`.
    min_statements
        Statements each side needs in a window for its score to be drawn. The chart runs
        from the first to the last such window; thinner windows between them are greyed
        (label and counts) and leave a gap in the line.

    Returns
    -------
    Axes
        One tick per window, labelled by its span, with the statements ``a/b`` behind it.

    Raises
    ------
    ValueError
        Without a window breakdown, or when no window has enough statements on both sides.
    """
    br = result.by_window if isinstance(result, Alignment) else result
    if br is None or br.kind != "window" or len(br) == 0:
        raise ValueError("alignment_timeline needs an alignment computed with window=...")
    enough = timeline_windows(br, min_statements=min_statements)
    if not enough.any():
        raise ValueError(
            f"too few statements over time for a chart: no window has {min_statements}+ "
            "statements on both sides"
        )
    first, last = np.flatnonzero(enough)[[0, -1]]
    keep = np.arange(first, last + 1)
    ok = enough[keep]
    x = np.arange(keep.size)
    score = np.where(ok, br.score[keep], np.nan)
    ax = new_axes(ax, (max(7.0, 0.45 * keep.size + 3.0), 3.6))
    ax.fill_between(
        x,
        np.where(ok, br.ci_low[keep], np.nan),
        np.where(ok, br.ci_high[keep], np.nan),
        color=CATEGORICAL[4],
        alpha=0.35,
        lw=0,
        label="interval",
    )
    ax.vlines(x[ok], br.ci_low[keep][ok], br.ci_high[keep][ok], color=CATEGORICAL[4], lw=1.5)
    ax.plot(x, score, marker="o", color=CATEGORICAL[0], label="score")
    label_axis(ax, [br.labels[i] for i in keep], axis="x")
    for tick, good in zip(ax.get_xticklabels(), ok[ax.get_xticks().astype(int)], strict=True):
        tick.set_color("black" if good else "0.6")
    base = float(np.nanmin(np.where(ok, br.ci_low[keep], np.nan)))
    for i, u in enumerate(keep):
        ax.annotate(
            f"{br.n_a[u]}/{br.n_b[u]}",
            (x[i], score[i] if ok[i] else base),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=fontsize_for(keep.size) - 1,
            color="0.4" if ok[i] else "0.65",
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
