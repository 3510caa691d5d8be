"""Every figure is rendered (Agg) for small and large inputs and its content is checked."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from matplotlib.collections import PathCollection

from stancekit import LabeledMatrix, StatementTable
from stancekit.compare import alignment, echoes, scale, similarity
from stancekit.plot import (
    alignment_forest,
    alignment_timeline,
    cluster_order,
    echo_pairs,
    scaling_axis,
    similarity_heatmap,
    statement_map,
    topic_heatmap,
)

MakeTable = Callable[..., StatementTable]


@pytest.mark.parametrize("n", [3, 200])
def test_similarity_heatmap_small_and_large(n: int, make_table: MakeTable) -> None:
    t = make_table(n, per=2)
    m = similarity(t, min_statements=1, keep_formulaic=True)
    ax = similarity_heatmap(m)
    img = ax.get_images()[0].get_array()
    assert img.shape == (n, n)
    labels = [tl.get_text() for tl in ax.get_yticklabels()]
    assert 0 < len(labels) <= 60
    assert all(lbl for lbl in labels)
    annotated = [txt for txt in ax.texts if txt.get_text()]
    assert (len(annotated) == n * n) if n <= 12 else not annotated
    assert ax.get_title()


def test_cluster_order_groups_blocs() -> None:
    vals = np.full((6, 6), 0.1)
    for bloc in ([0, 2, 4], [1, 3, 5]):
        vals[np.ix_(bloc, bloc)] = 0.9
    order = list(cluster_order(vals))
    first = set(order[:3])
    assert first in ({0, 2, 4}, {1, 3, 5})


def test_similarity_heatmap_rejects_non_square() -> None:
    with pytest.raises(ValueError, match="square"):
        similarity_heatmap(LabeledMatrix(np.zeros((2, 3)), ("a", "b"), ("x", "y", "z")))


@pytest.mark.parametrize("s", [3, 120])
def test_topic_heatmap(s: int) -> None:
    rng = np.random.default_rng(1)
    vals = rng.dirichlet(np.ones(5), size=s)
    shares = LabeledMatrix(
        vals,
        tuple(f"sp{i}" for i in range(s)),
        tuple(f"topic {k}: words" for k in range(5)),
        "shares",
    )
    ax = topic_heatmap(shares)
    assert ax.get_images()[0].get_array().shape == (5, s)
    assert next(t.get_text() for t in ax.get_yticklabels()).startswith("topic 0")
    assert (len(ax.texts) == 5 * s) if 5 * s <= 150 else not ax.texts


def test_alignment_forest_and_timeline(make_table: MakeTable) -> None:
    t = make_table(6)
    names = t.speakers
    res = [
        alignment(t, names[0], b, n_permutations=49, n_bootstrap=49, window="YE") for b in names[1:]
    ]
    ax = alignment_forest(res)
    assert len(ax.get_yticklabels()) == len(res)
    points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert points == len(res)
    ax2 = alignment_timeline(res[0])
    line = ax2.get_lines()[0]
    assert len(line.get_xdata()) == len(res[0].by_window)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="window"):
        alignment_timeline(alignment(t, names[0], names[1], n_permutations=9, n_bootstrap=9))


@pytest.mark.parametrize("method", ["pca", "tsne"])
def test_statement_map(method: str, make_table: MakeTable) -> None:
    t = make_table(12, per=4)
    topics = np.arange(len(t)) % 3
    ax = statement_map(
        t, topics=topics, topic_labels=("a", "b", "c"), method=method, max_speakers=5
    )
    n_points = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    assert n_points == len(t)
    assert {txt.get_text() for txt in ax.texts} == {"a", "b", "c"}
    assert len(ax.get_legend().get_texts()) == 6  # five speakers and "other"


def test_echo_pairs_and_scaling(make_table: MakeTable) -> None:
    t = make_table(5)
    e = echoes(t, k=4)
    ax = echo_pairs(e, k=3)
    scores = [txt.get_text() for txt in ax.texts if txt.get_text().replace(".", "").isdigit()]
    assert len(scores) == 3
    names = t.speakers
    sc = scale(t, {names[0]: 1.0, names[1]: -1.0}, n_bootstrap=50)
    ax2 = scaling_axis(sc)
    assert len(ax2.get_yticklabels()) == len(names)
