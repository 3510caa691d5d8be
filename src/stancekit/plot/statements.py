"""Statements themselves: a 2-D map and the matched pairs that explain a score."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from stancekit.compare.results import Echoes
from stancekit.plot._style import category_colour, new_axes, wrap
from stancekit.table import StatementTable

__all__ = ["echo_pairs", "statement_map"]


def _project(emb: np.ndarray, method: str, seed: int) -> np.ndarray:
    if method == "pca":
        from sklearn.decomposition import PCA

        return np.asarray(PCA(n_components=2, random_state=seed).fit_transform(emb))
    if method == "tsne":
        from sklearn.manifold import TSNE

        perplexity = float(min(30, max(2, (len(emb) - 1) // 3)))
        return np.asarray(
            TSNE(
                n_components=2, random_state=seed, perplexity=perplexity, init="pca"
            ).fit_transform(emb)
        )
    raise ValueError(f"method must be 'pca' or 'tsne', got {method!r}")


def statement_map(
    table: StatementTable,
    *,
    topics: np.ndarray | None = None,
    topic_labels: tuple[str, ...] | None = None,
    method: str = "pca",
    max_speakers: int = 8,
    seed: int = 0,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Statements projected to 2-D (PCA by default, t-SNE optional), coloured by speaker.

    Parameters
    ----------
    table
        Statements with embeddings (``(n, d)``).
    topics, topic_labels
        Optional ``(n,)`` topic index per statement (``-1``: outlier) and the topic labels; each
        label is written at its topic's centre in the projection.
    method
        ``"pca"`` or ``"tsne"`` (seeded).
    max_speakers
        The speakers with most statements get their own colour; the rest are grey ("other").
    """
    emb = table.embeddings
    if emb is None:
        raise ValueError("statement_map needs embeddings; call stancekit.embed(table) first")
    if len(table) < 3:
        raise ValueError("statement_map needs at least three statements")
    xy = _project(np.asarray(emb, dtype=np.float64), method, seed)
    speakers = table.column("speaker").astype(str)
    names, counts = np.unique(speakers, return_counts=True)
    top = [str(n) for n in names[np.lexsort((names, -counts))][:max_speakers]]
    ax = new_axes(ax, (7.5, 6.0))
    other = ~np.isin(speakers, top)
    if other.any():
        ax.scatter(
            xy[other, 0], xy[other, 1], s=8, color="0.75", label=f"other ({int(other.sum())})", lw=0
        )
    for i, name in enumerate(top):
        sel = speakers == name
        ax.scatter(
            xy[sel, 0],
            xy[sel, 1],
            s=12,
            color=category_colour(i),
            label=f"{name} ({int(sel.sum())})",
            lw=0,
        )
    if topics is not None and topic_labels is not None:
        topics = np.asarray(topics)
        for k, label in enumerate(topic_labels):
            sel = topics == k
            if sel.any():
                cx, cy = xy[sel].mean(axis=0)
                ax.text(
                    cx,
                    cy,
                    wrap(label, 18),
                    fontsize=7,
                    ha="center",
                    va="center",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "0.6", "alpha": 0.8},
                )
    ax.legend(fontsize=7, frameon=False, loc="best", markerscale=1.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel(f"{method.upper()} 1")
    ax.set_ylabel(f"{method.upper()} 2")
    ax.set_title(title or f"Statements ({len(table)}), {method.upper()} of the embeddings")
    return ax


def echo_pairs(
    echoes: Echoes,
    *,
    k: int = 6,
    width: int = 48,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """The best-matched cross-speaker statement pairs, side by side, with their similarity.

    Parameters
    ----------
    echoes
        An :class:`~stancekit.compare.Echoes` (e.g. ``Alignment.pairs`` or
        :func:`stancekit.compare.echoes`).
    k
        Pairs to show (the first ``k``, which are the most similar).
    width
        Characters per wrapped line.
    """
    n = min(k, len(echoes))
    if n == 0:
        raise ValueError("echo_pairs needs at least one pair")
    ax = new_axes(ax, (11.0, 1.25 * n + 0.8))
    ax.set_xlim(0, 1)
    ax.set_ylim(n, -0.3)
    ax.axis("off")
    for i in range(n):
        left = wrap(echoes.text_a[i], width, 4)
        right = wrap(echoes.text_b[i], width, 4)
        ax.text(
            0.0,
            i + 0.05,
            f"{echoes.speaker_a[i]}:\n{left}",
            va="top",
            fontsize=7.5,
            color=category_colour(0),
        )
        ax.text(
            0.56,
            i + 0.05,
            f"{echoes.speaker_b[i]}:\n{right}",
            va="top",
            fontsize=7.5,
            color=category_colour(1),
        )
        ax.text(
            0.5,
            i + 0.35,
            f"{echoes.score[i]:.2f}",
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
        )
    ax.set_title(title or "Most similar statement pairs (cosine)")
    return ax
