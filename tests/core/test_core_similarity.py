"""Centroid kernels against scikit-learn and plain per-group loops."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics.pairwise import cosine_similarity

from stancekit.core import (
    block_rows,
    centroid_similarity,
    centroid_sums,
    centroids,
    cosine_matrix,
    group_offsets,
)


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def naive_sums(X: npt.NDArray[np.float32], codes: npt.NDArray[np.int64], S: int) -> np.ndarray:
    return np.stack([X[codes == g].astype(np.float64).sum(axis=0) for g in range(S)])


@pytest.mark.parametrize("presorted", [True, False])
@pytest.mark.parametrize("chunk", [1, 7, 10_000])
def test_centroid_sums_match_per_group_loop(presorted: bool, chunk: int) -> None:
    rng = np.random.default_rng(1)
    S, n = 9, 400
    codes = np.concatenate([np.arange(S), rng.integers(0, S, n - S)])  # every group present
    if presorted:
        codes = np.sort(codes)
    X = unit_rows(rng, n, 12)
    sums, counts = centroid_sums(X, codes, S, chunk_rows=chunk)
    np.testing.assert_allclose(sums, naive_sums(X, codes, S), atol=1e-5)
    np.testing.assert_array_equal(counts, np.bincount(codes, minlength=S))


def test_centroids_empty_group_is_nan_and_counts_zero() -> None:
    rng = np.random.default_rng(2)
    X = unit_rows(rng, 6, 4)
    codes = np.array([0, 0, 2, 2, 2, 0])
    means, counts = centroids(X, codes, 3)
    assert counts.tolist() == [3, 0, 3]
    assert np.isnan(means[1]).all()
    np.testing.assert_allclose(means[0], X[[0, 1, 5]].mean(axis=0), atol=1e-6)


def test_centroid_similarity_matches_sklearn_with_ragged_and_single_statement_groups() -> None:
    rng = np.random.default_rng(3)
    sizes = [1, 2, 50, 7, 1, 300]
    codes = rng.permutation(np.repeat(np.arange(len(sizes)), sizes))
    X = unit_rows(rng, codes.size, 32)
    got = centroid_similarity(X, codes, len(sizes))
    means = np.stack([X[codes == g].mean(axis=0) for g in range(len(sizes))])
    np.testing.assert_allclose(got, cosine_similarity(means), atol=1e-6)
    np.testing.assert_array_equal(np.diag(got), 1.0)
    np.testing.assert_array_equal(got, got.T)


def test_cosine_matrix_zero_vector_is_nan_and_values_clipped() -> None:
    A = np.array([[1.0, 0.0], [0.0, 0.0], [2.0, 0.0]])
    got = cosine_matrix(A)
    assert np.isnan(got[1]).all() and np.isnan(got[:, 1]).all()
    assert got[0, 2] == 1.0 and got[0, 0] == 1.0
    B = np.array([[0.0, 3.0]])
    np.testing.assert_allclose(cosine_matrix(A[[0, 2]], B), [[0.0], [0.0]])


@settings(max_examples=40, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 12), min_size=1, max_size=8),
    d=st.integers(1, 9),
    seed=st.integers(0, 2**16),
)
def test_centroid_similarity_property(sizes: list[int], d: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    codes = rng.permutation(np.repeat(np.arange(len(sizes)), sizes))
    X = unit_rows(rng, codes.size, d)
    got = centroid_similarity(X, codes, len(sizes))
    sums = naive_sums(X, codes, len(sizes))
    norms = np.linalg.norm(sums, axis=1)
    ok = norms > 1e-3
    if ok.any():
        ref = cosine_similarity(sums[ok])
        np.testing.assert_allclose(got[np.ix_(ok, ok)], ref, atol=1e-4)
    assert np.all(np.abs(got[np.isfinite(got)]) <= 1.0)


def test_group_offsets_stable_order() -> None:
    codes = np.array([2, 0, 2, 1, 0])
    order, offsets = group_offsets(codes, 4)
    assert order.tolist() == [1, 4, 3, 0, 2]
    assert offsets.tolist() == [0, 2, 3, 5, 5]


def test_block_rows_respects_budget() -> None:
    assert block_rows(1000, 1000, block_bytes=4 * 1000 * 10) == 10
    assert block_rows(5, 1000, block_bytes=10**9) == 5
    assert block_rows(1000, 10**9, block_bytes=16) == 1
