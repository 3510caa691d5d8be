"""One style for every stancekit figure: colour-blind-safe colours, readable labels."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = [
    "CATEGORICAL",
    "DIVERGING",
    "SEQUENTIAL",
    "category_colour",
    "new_axes",
    "thin_ticks",
    "wrap",
]

#: Okabe & Ito's palette, safe for the common colour-vision deficiencies.
CATEGORICAL: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
#: Perceptually uniform, colour-blind-safe maps.
SEQUENTIAL = "cividis"
DIVERGING = "PuOr"


def category_colour(i: int) -> str:
    """The colour of category ``i`` (cycling after eight)."""
    return CATEGORICAL[i % len(CATEGORICAL)]


def new_axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax`` itself, or the axes of a new figure of ``size`` inches."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _fig, new = plt.subplots(figsize=size, layout="constrained")
    return new


def wrap(label: str, width: int = 28, max_lines: int = 2) -> str:
    """A label wrapped to ``width`` characters on at most ``max_lines`` lines."""
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, width - 1)] + "…"
    return "\n".join(lines)


def thin_ticks(n: int, max_labels: int = 40) -> list[int]:
    """Which of ``n`` tick positions to label so that at most ``max_labels`` are shown."""
    if n <= max_labels:
        return list(range(n))
    step = -(-n // max_labels)
    return list(range(0, n, step))


def fontsize_for(n: int) -> float:
    """A tick font size that stays readable from 3 to 200 labels."""
    if n <= 12:
        return 10.0
    if n <= 30:
        return 8.0
    if n <= 60:
        return 6.5
    return 5.5


def label_axis(
    ax: Axes, labels: Sequence[str], *, axis: str, max_labels: int = 60, width: int = 24
) -> None:
    """Put ``labels`` on the x or y axis, thinned and wrapped to stay readable."""
    keep = thin_ticks(len(labels), max_labels)
    size = fontsize_for(len(keep))
    text = [wrap(labels[i], width, 1 if len(keep) > 30 else 2) for i in keep]
    if axis == "x":
        ax.set_xticks(
            keep,
            text,
            rotation=90 if len(keep) > 8 else 30,
            ha="right" if len(keep) <= 8 else "center",
            fontsize=size,
        )
    else:
        ax.set_yticks(keep, text, fontsize=size)


def figure_of(ax: Axes) -> Figure:
    """The figure that holds ``ax``."""
    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    return fig
