"""Soft-alignment kernels against a per-pair Python loop."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.core import (
    best_matches,
    harmonic_f,
    soft_precision,
    soft_scores_batch,
)


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def naive_precision(X: np.ndarray, codes: np.ndarray, S: int) -> np.ndarray:
    P = np.full((S, S), np.nan)
    for a in range(S):
        for b in range(S):
            A, B = X[codes == a].astype(np.float64), X[codes == b].astype(np.float64)
            if len(A) and len(B):
                P[a, b] = np.mean([max(x @ y for y in B) for x in A])
    return P


@pytest.mark.parametrize("block_bytes", [4, 4 * 37 * 5, 2**30])
def test_soft_precision_matches_loop_ragged_sizes(block_bytes: int) -> None:
    rng = np.random.default_rng(0)
    sizes = [1, 5, 13, 1, 8]
    codes = np.repeat(np.arange(len(sizes)), sizes)
    codes = rng.permutation(codes)  # rows in any order
    X = unit_rows(rng, codes.size, 6)
    got = soft_precision(X, codes, len(sizes), block_bytes=block_bytes)
    np.testing.assert_allclose(got, naive_precision(X, codes, len(sizes)), atol=1e-6)
    np.testing.assert_allclose(np.diag(got), 1.0, atol=1e-6)


def test_soft_precision_empty_group_gives_nan_row_and_column() -> None:
    rng = np.random.default_rng(1)
    codes = np.array([0, 0, 2, 2, 2])
    X = unit_rows(rng, 5, 3)
    got = soft_precision(X, codes, 3)
    assert np.isnan(got[1]).all() and np.isnan(got[:, 1]).all()
    ref = naive_precision(X, codes, 3)
    np.testing.assert_allclose(got[np.ix_([0, 2], [0, 2])], ref[np.ix_([0, 2], [0, 2])])


def test_soft_precision_with_ties_uses_the_tied_maximum() -> None:
    # exact ties: one-hot rows, duplicated
    X = np.eye(3, dtype=np.float32)[[0, 0, 1, 0, 1, 2]]
    codes = np.array([0, 0, 0, 1, 1, 1])
    got = soft_precision(X, codes, 2)
    assert got[0, 1] == 1.0  # every row of group 0 has an identical row in group 1
    assert got[1, 0] == pytest.approx(2 / 3)  # e2 has no match in group 0


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 9), min_size=2, max_size=6),
    d=st.integers(1, 8),
    block=st.integers(1, 64),
    seed=st.integers(0, 2**16),
)
def test_soft_precision_property(sizes: list[int], d: int, block: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    codes = rng.permutation(np.repeat(np.arange(len(sizes)), sizes))
    X = unit_rows(rng, codes.size, d)
    got = soft_precision(X, codes, len(sizes), block_bytes=4 * codes.size * block)
    np.testing.assert_allclose(got, naive_precision(X, codes, len(sizes)), atol=1e-5)


def test_best_matches_match_full_matrix() -> None:
    rng = np.random.default_rng(2)
    A, B = unit_rows(rng, 31, 8), unit_rows(rng, 17, 8)
    ba, bb = best_matches(A, B, block_bytes=4 * 17 * 4)
    K = A.astype(np.float64) @ B.T.astype(np.float64)
    np.testing.assert_allclose(ba, K.max(axis=1), atol=1e-6)
    np.testing.assert_allclose(bb, K.max(axis=0), atol=1e-6)


def test_harmonic_f_values_and_undefined() -> None:
    np.testing.assert_allclose(harmonic_f(0.5, 0.5), 0.5)
    np.testing.assert_allclose(harmonic_f([1.0, 0.2], [0.5, 0.8]), [2 / 3, 0.32])
    assert harmonic_f(0.0, 0.0) == 0.0
    assert harmonic_f(0.5, -0.5) == -0.5  # opposite signs: min(P, R), not a pole
    assert harmonic_f(-0.2, -0.6) == -0.6
    assert np.isnan(harmonic_f(np.nan, 0.3))


def test_harmonic_f_has_no_pole_for_opposite_signs() -> None:
    # P + R close to 0 with opposite signs: 2PR/(P+R) gave -423 or 9754
    f = harmonic_f([0.1001, -0.1001, 0.3], [-0.1, 0.1, -0.2999])
    assert np.all(np.abs(f) <= 1.0)
    np.testing.assert_allclose(f, [-0.1, -0.1001, -0.2999])


@settings(max_examples=200, deadline=None)
@given(
    p=st.floats(-1.0, 1.0, allow_nan=False),
    r=st.floats(-1.0, 1.0, allow_nan=False),
    eps=st.floats(-1e-6, 1e-6, allow_nan=False),
)
def test_harmonic_f_stays_between_p_and_r_and_is_continuous(p: float, r: float, eps: float) -> None:
    f = float(harmonic_f(p, r))
    assert -1.0 <= f <= 1.0
    assert min(p, r) - 1e-12 <= f <= max(p, r) + 1e-12
    near = float(harmonic_f(p + eps, r))
    assert abs(near - f) <= 2.0 * abs(eps) + 1e-12  # Lipschitz: no jump at 0


@pytest.mark.parametrize("use_gram", [False, True])
def test_soft_scores_batch_matches_per_draw_loop(use_gram: bool) -> None:
    rng = np.random.default_rng(3)
    X = unit_rows(rng, 40, 5)
    ia = rng.integers(0, 40, (6, 4))
    ib = rng.integers(0, 40, (6, 7))
    gram = X @ X.T if use_gram else None
    p, r = soft_scores_batch(X, ia, ib, gram=gram)
    for k in range(6):
        pa, pb = best_matches(X[ia[k]], X[ib[k]])
        assert p[k] == pytest.approx(pa.mean(), abs=1e-6)
        assert r[k] == pytest.approx(pb.mean(), abs=1e-6)
