"""dyads(): the calibrated all-pairs matrix against plain references and its edge cases."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import kstest

from stancekit import StatementTable
from stancekit.compare import DyadMatrix, dyads


def make_table(codes: np.ndarray, X: np.ndarray) -> StatementTable:
    n = codes.size
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": [f"S{c:02d}" for c in codes],
            "text": [f"text {i}" for i in range(n)],
            "start": 0,
            "end": 0,
        }
    )
    return StatementTable(frame).with_embeddings(X.astype(np.float32), {"model": "test"})


def unit_rows(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    X = rng.standard_normal((n, d))
    return X / np.linalg.norm(X, axis=1, keepdims=True)


@pytest.mark.parametrize("method", ["centroid", "soft"])
def test_scores_ranges_and_long_format(method: str) -> None:
    rng = np.random.default_rng(0)
    codes = np.repeat(np.arange(8), [1, 2, 3, 5, 5, 6, 8, 10])
    X = unit_rows(rng, codes.size, 6)
    res = dyads(make_table(codes, X), method=method)
    assert isinstance(res, DyadMatrix)
    if method == "centroid":
        sums = np.stack([X[codes == g].sum(axis=0) for g in range(8)])
        unit = sums / np.linalg.norm(sums, axis=1, keepdims=True)
        np.testing.assert_allclose(res.score, unit @ unit.T, atol=1e-5)
    off = ~np.eye(8, dtype=bool)
    assert np.all(np.abs(res.score[off]) <= 1.0)
    assert np.all((res.p[off] > 0) & (res.p[off] < 1))
    assert np.all(np.isnan(np.diag(res.p))) and set(np.diag(res.reason)) == {"same group"}
    if method == "centroid":  # the tested closeness is the mean cross cosine
        ref = np.array(
            [[(X[codes == a] @ X[codes == b].T).mean() for b in range(8)] for a in range(8)]
        )
        np.testing.assert_allclose(res.adjusted[off], ref[off], atol=1e-5)
    assert np.all(res.noise_sd[off] > 0) and res.relation_sd >= 0
    assert np.all((res.percentile[off] >= 0) & (res.percentile[off] <= 100))
    frame = res.to_pandas()
    assert len(frame) == 28 and list(frame.columns[:2]) == ["a", "b"]
    assert (frame["reason"] == "").all()


def test_planted_close_pair_stands_out() -> None:
    rng = np.random.default_rng(1)
    codes = np.repeat(np.arange(10), 6)
    X = unit_rows(rng, codes.size, 16)
    X[codes == 1] = X[codes == 0] + 0.1 * unit_rows(rng, 6, 16)
    res = dyads(make_table(codes, X / np.linalg.norm(X, axis=1, keepdims=True)))
    assert res.p[0, 1] == np.nanmin(res.p)
    assert res.z[0, 1] > 2


def test_degenerate_cases_give_nan_with_a_reason() -> None:
    rng = np.random.default_rng(2)
    codes = np.repeat(np.arange(3), 2)
    res = dyads(make_table(codes, unit_rows(rng, 6, 4)))
    assert np.isnan(res.p[0, 1]) and res.reason[0, 1] == "fewer than 3 counterparts"
    same = np.tile(unit_rows(rng, 1, 4), (8, 1))
    res = dyads(make_table(np.repeat(np.arange(4), 2), same), method="soft")
    assert np.all(np.isnan(res.p)) and res.reason[0, 1] == "constant null"
    res = dyads(make_table(np.repeat(np.arange(4), 2), same))  # every dyad identical
    assert np.all(np.isnan(res.p)) and res.reason[0, 1] == "no spread among counterparts"
    singles = dyads(make_table(np.arange(6), unit_rows(rng, 6, 4)))
    assert np.all(np.isnan(singles.p))
    assert singles.reason[0, 1] == "no within-group spread (every group has one statement)"


def test_validation() -> None:
    t = make_table(np.repeat(np.arange(4), 2), unit_rows(np.random.default_rng(3), 8, 4))
    with pytest.raises(ValueError, match="method"):
        dyads(t, method="bert")
    with pytest.raises(ValueError, match="seed"):
        dyads(t, seed=-1)


@pytest.mark.parametrize("method", ["centroid", "soft"])
def test_p_is_uniform_under_the_null_with_small_groups(method: str) -> None:
    """Independent corpora of coherent, exchangeable speakers (1 to 30 statements): the p of
    one fixed dyad per corpus is uniform."""
    ps = []
    for rep in range(120):
        rng = np.random.default_rng([31, rep])
        sizes = np.concatenate([rng.integers(1, 4, 4), rng.integers(4, 31, 16)])
        codes = np.repeat(np.arange(20), sizes)
        style = unit_rows(rng, 21, 16)
        X = style[0] + style[1 + codes] + rng.standard_normal((codes.size, 16)) / 4
        res = dyads(make_table(codes, X / np.linalg.norm(X, axis=1, keepdims=True)),
                    method=method, seed=rep)  # fmt: skip
        ps.append(res.p[rep % 2, 2 + rep % 2] if rep % 3 == 0 else res.p[5, 6])
    assert kstest(ps, "uniform").pvalue > 0.01


def test_left_out_rows_and_seed_reproducible() -> None:
    rng = np.random.default_rng(4)
    codes = np.repeat(np.arange(6), 4)
    t = make_table(codes, unit_rows(rng, codes.size, 5))
    a, b = dyads(t, method="soft", seed=3), dyads(t, method="soft", seed=3)
    np.testing.assert_array_equal(a.p, b.p)
    assert a.n_left_out == 0 and a.labels == tuple(f"S{i:02d}" for i in range(6))
