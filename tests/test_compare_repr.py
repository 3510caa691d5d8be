"""Result objects have a short repr that names their key values, however large they are."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import stancekit as sk
from stancekit import Article, LabeledMatrix, StatementTable

NAMES = [f"Leader {i:02d}" for i in range(40)]


@pytest.fixture(scope="module")
def table() -> StatementTable:
    rng = np.random.default_rng(7)
    n = 1200
    X = rng.standard_normal((n, 8)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": [NAMES[i % len(NAMES)] for i in range(n)],
            "text": [f"position number {i} on the railway and trade" for i in range(n)],
            "start": 0,
            "end": 0,
            "topic": rng.choice([f"topic {k}" for k in range(15)], n),
            "date": pd.to_datetime("2018-01-01")
            + pd.to_timedelta(rng.integers(0, 5 * 365, n), "D"),
        }
    )
    return StatementTable(frame).with_embeddings(X, {"model": "test"})


def test_article_repr_is_short_and_names_the_article() -> None:
    text = "Chinese President Xi Jinping said China is ready to deepen cooperation. " * 400
    art = Article("xinhua-17", text, date=dt.date(2024, 6, 6), title="Xi meets Japarov")
    r = repr(art)
    assert len(r) < 200
    for part in ("'xinhua-17'", "2024-06-06", "'Xi meets Japarov'", "Chinese President Xi", "…"):
        assert part in r
    assert f"len={len(text)}" in r
    assert repr(Article("b", "Short.")) == "Article(id='b', text='Short.', len=6)"


def test_alignment_repr(table: StatementTable) -> None:
    res = sk.alignment(
        table,
        NAMES[0],
        NAMES[1],
        topics="topic",
        window="YE",
        n_permutations=99,
        n_bootstrap=100,
    )
    r = repr(res)
    assert len(r) < 300, r
    for part in (repr(NAMES[0]), repr(NAMES[1]), f"score={res.score:.3f}", f"p={res.p:.3f}"):
        assert part in r
    assert f"[{res.ci_low:.3f}, {res.ci_high:.3f}]" in r
    assert f"pairs={len(res.pairs)}" in r and f"n_a={res.n_a}" in r and f"n_b={res.n_b}" in r
    assert len(repr(res.by_topic)) < 300 and "kind='topic'" in repr(res.by_topic)
    assert "… (+" in repr(res.by_topic)


def test_echoes_and_dyads_repr(table: StatementTable) -> None:
    ech = sk.echoes(table, k=500)
    assert len(ech) == 500
    r = repr(ech)
    assert len(r) < 300 and r.startswith("Echoes(500 pairs") and "n_formulaic=" in r

    dm = sk.dyads(table)
    r = repr(dm)
    assert len(r) < 300, r
    assert (
        "DyadMatrix(40 labels" in r
        and "by='speaker'" in r
        and repr(NAMES[0]) in r
        and "(+36 more)" in r
    )


def test_scaling_and_validation_repr(table: StatementTable) -> None:
    reference = {name: float(i % 7) for i, name in enumerate(NAMES[:20])}
    sc = sk.scale(table, reference, n_bootstrap=50, n_folds=4)
    for obj in (sc, sc.cv, sc.model):
        if obj is not None:
            assert len(repr(obj)) < 300, repr(obj)
            assert "array(" not in repr(obj)
    assert repr(sc).startswith("Scaling(40 labels") and "20 reference" in repr(sc)

    sim = sk.similarity(table)
    rng = np.random.default_rng(1)
    ext = rng.random((40, 40))
    external = LabeledMatrix((ext + ext.T) / 2, sim.rows, sim.columns)
    val = sk.validate(sim, external, n_permutations=49, n_bootstrap=50)
    r = repr(val)
    assert len(r) < 300 and "40 matched" in r and f"r={val.r:.3f}" in r
