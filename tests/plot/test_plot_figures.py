"""Every figure is rendered (Agg) for small and large inputs and its content is checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pytest
from matplotlib.collections import PathCollection

from stancekit import LabeledMatrix, Statement, StatementTable
from stancekit.compare import DyadMatrix, alignment, dyads, echoes, scale, similarity
from stancekit.plot import (
    alignment_forest,
    alignment_timeline,
    cluster_order,
    echo_pairs,
    scaling_axis,
    similarity_heatmap,
    statement_map,
    timeline_windows,
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
    shown = min(s, 60)  # the longer dimension is vertical; at most 60 speakers drawn
    rows = ax.get_images()[0].get_array().shape
    assert rows == ((5, s) if s < 5 else (shown, 5))
    first_y = next(t.get_text() for t in ax.get_yticklabels())
    assert first_y.startswith("topic 0" if s < 5 else "sp0")
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


def _filled(ax: object) -> list[bool]:
    """For every point of a forest (bottom to top): is it filled?"""
    out: dict[float, bool] = {}
    for c in ax.collections:  # type: ignore[attr-defined]
        if isinstance(c, PathCollection) and len(c.get_offsets()):
            white = np.allclose(c.get_facecolor()[0][:3], 1.0)
            out.update({float(y): not white for _, y in c.get_offsets()})
    return [out[k] for k in sorted(out)]


def test_alignment_forest_marks_the_dyads_that_stand_out(make_table: MakeTable) -> None:
    t = make_table(8)
    names = t.speakers
    res = [alignment(t, names[0], b, n_permutations=0, n_bootstrap=19) for b in names[1:]]
    dm = dyads(t, seed=0)
    i = dm.labels.index(names[0])
    p = np.full_like(dm.p, 0.5)
    # mark two chosen counterparts as standing out, one without a p (a reason instead)
    chosen = {names[2]: 0.01, names[5]: 0.049, names[6]: np.nan}
    for b, value in chosen.items():
        j = dm.labels.index(b)
        p[i, j] = p[j, i] = value
    marked = DyadMatrix(**{**vars(dm), "p": p})
    ax = alignment_forest(res, dyads=marked)
    order = sorted(res, key=lambda r: (r.score, r.a, r.b))
    expect = [r.b in (names[2], names[5]) for r in order]
    assert _filled(ax) == expect
    legend = [txt.get_text() for txt in ax.get_legend().get_texts()]
    assert legend[0] == f"stands out from {names[0]}'s other counterparts, p < 0.05"
    assert not any("null" in label for label in legend)
    plain = alignment_forest(res)  # without dyads: the alignments' own permutation p
    assert any("null" in txt.get_text() for txt in plain.get_legend().get_texts())
    with pytest.raises(ValueError, match="no row for"):
        alignment_forest(res, dyads=dyads(t.by_speaker(*names[:3])))


def _quarterly(counts_b: list[int]) -> StatementTable:
    """A: three statements every quarter of 2017-2018; B: ``counts_b[q]`` in quarter q."""
    rng = np.random.default_rng(5)
    rows = []
    for q, n_b in enumerate(counts_b):
        month = dt.date(2017 + q // 4, 1 + 3 * (q % 4), 15)
        rows += [("A", month)] * 3 + [("B", month)] * n_b
    X = rng.normal(size=(len(rows), 8)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    stmts = [
        Statement(f"a{i}", who, f"{who} said point {i} about trade", 0, 5, date=when)
        for i, (who, when) in enumerate(rows)
    ]
    return StatementTable.from_statements(stmts).with_embeddings(X, {"model": "test"})


def test_alignment_timeline_draws_only_windows_with_enough_statements() -> None:
    t = _quarterly([1, 3, 0, 2, 3, 4, 1, 1])
    res = alignment(t, "A", "B", n_permutations=0, n_bootstrap=19, window="QE")
    bw = res.by_window
    assert bw is not None and bw.labels[:2] == ("2017Q1", "2017Q2")
    ok = timeline_windows(res, min_statements=3)
    assert ok.tolist() == [False, True, False, False, True, True, False, False]
    ax = alignment_timeline(res, min_statements=3)
    ticks = [tl.get_text() for tl in ax.get_xticklabels()]
    assert ticks == list(bw.labels[1:6])  # spans; the thin windows at either end left out
    y = np.asarray(ax.get_lines()[0].get_ydata(), dtype=float)
    assert np.isfinite(y).tolist() == ok[1:6].tolist()  # thin windows inside are gaps
    grey = [tl.get_color() != "black" for tl in ax.get_xticklabels()]
    assert grey == (~ok[1:6]).tolist()
    with pytest.raises(ValueError, match="too few statements over time"):
        alignment_timeline(res, min_statements=5)


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
