"""The figures with many speakers, dyads, windows or statements: still drawn, still readable."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
from matplotlib.collections import PathCollection

from stancekit import LabeledMatrix, StatementTable
from stancekit.compare import alignment, scale, similarity
from stancekit.plot import (
    alignment_forest,
    scaling_axis,
    score_scatter,
    similarity_map,
    statement_map,
)

MakeTable = Callable[..., StatementTable]


def _points(ax: object) -> int:
    return sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))  # type: ignore[attr-defined]


def test_alignment_forest_with_150_dyads(make_table: MakeTable) -> None:
    t = make_table(3)
    names = t.speakers
    base = alignment(t, names[0], names[1], n_permutations=9, n_bootstrap=9)
    rng = np.random.default_rng(0)
    many = [
        dataclasses.replace(base, b=f"counterpart {i:03d}", score=float(s))
        for i, s in enumerate(rng.uniform(0.2, 0.6, 150))
    ]
    ax = alignment_forest(many)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert 0 < len(labels) <= 60
    assert _points(ax) == 150
    scores = [r.score for r in sorted(many, key=lambda r: (r.score, r.a, r.b))]
    assert scores == sorted(scores)


def test_statement_map_and_scaling_with_200_speakers(make_table: MakeTable) -> None:
    t = make_table(200, per=2)
    ax = statement_map(t, max_speakers=8)
    assert _points(ax) == len(t) == 400
    assert len(ax.get_legend().get_texts()) == 9
    names = t.speakers
    sc = scale(t, {names[0]: 1.0, names[1]: -1.0}, n_bootstrap=20)
    ax2 = scaling_axis(sc)
    assert _points(ax2) == 200
    assert 0 < len(ax2.get_yticklabels()) <= 80


def test_similarity_map_and_score_scatter_with_200_speakers(make_table: MakeTable) -> None:
    t = make_table(200, per=2)
    sim = similarity(t, min_statements=1, keep_formulaic=True)
    groups = {name: f"bloc {i % 3}" for i, name in enumerate(sim.rows)}
    ax = similarity_map(sim, groups=groups)
    assert _points(ax) == 200
    assert {x.get_text() for x in ax.get_legend().get_texts()} == {"bloc 0", "bloc 1", "bloc 2"}
    rng = np.random.default_rng(1)
    other = LabeledMatrix(rng.uniform(size=sim.shape), sim.rows, sim.columns, "votes")
    ax2 = score_scatter(sim, other, r=0.1, p=0.5)
    assert _points(ax2) == 200 * 199 // 2
    assert "QAP p" in ax2.get_title()
