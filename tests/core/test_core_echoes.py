"""Top-k pair kernel against an exhaustive sort of all valid pairs."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.core import top_pairs


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def naive_top(
    XA: np.ndarray,
    XB: np.ndarray | None,
    k: int,
    ga: np.ndarray | None = None,
    gb: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sym = XB is None
    B = XA if sym else XB
    if sym:
        gb = ga
    pairs = []
    for i in range(len(XA)):
        for j in range(len(B)):
            if sym and j <= i:
                continue
            if ga is not None and gb is not None and ga[i] == gb[j]:
                continue
            pairs.append((-float(XA[i].astype(np.float64) @ B[j].astype(np.float64)), i, j))
    pairs.sort()
    top = pairs[:k]
    return (
        np.array([-p[0] for p in top]),
        np.array([p[1] for p in top], dtype=np.int64),
        np.array([p[2] for p in top], dtype=np.int64),
    )


@pytest.mark.parametrize("block_bytes", [4, 4 * 50 * 3, 2**30])
@pytest.mark.parametrize("k", [1, 5, 40])
def test_symmetric_with_groups_matches_exhaustive(block_bytes: int, k: int) -> None:
    rng = np.random.default_rng(0)
    X = unit_rows(rng, 50, 6)
    g = rng.integers(0, 4, 50)
    s, i, j = top_pairs(X, k=k, groups_a=g, block_bytes=block_bytes)
    rs, ri, rj = naive_top(X, None, k, g)
    np.testing.assert_array_equal(i, ri)
    np.testing.assert_array_equal(j, rj)
    np.testing.assert_allclose(s, rs, atol=1e-6)
    assert np.all(i < j) and np.all(g[i] != g[j])


@pytest.mark.parametrize("block_bytes", [4, 4 * 23 * 2, 2**30])
def test_bipartite_matches_exhaustive(block_bytes: int) -> None:
    rng = np.random.default_rng(1)
    A, B = unit_rows(rng, 19, 5), unit_rows(rng, 23, 5)
    s, i, j = top_pairs(A, B, k=12, block_bytes=block_bytes)
    rs, ri, rj = naive_top(A, B, 12)
    np.testing.assert_array_equal(np.stack([i, j]), np.stack([ri, rj]))
    np.testing.assert_allclose(s, rs, atol=1e-6)


def test_bipartite_group_mask_excludes_own_side() -> None:
    rng = np.random.default_rng(2)
    X = unit_rows(rng, 30, 4)
    g = np.repeat([0, 1, 2], 10)
    rows_a = np.flatnonzero(g == 1)
    s, i, j = top_pairs(X[rows_a], X, k=15, groups_a=g[rows_a], groups_b=g)
    assert np.all(g[j] != 1)
    rs, ri, rj = naive_top(X[rows_a], X, 15, g[rows_a], g)
    np.testing.assert_array_equal(np.stack([i, j]), np.stack([ri, rj]))
    np.testing.assert_allclose(s, rs, atol=1e-6)


def test_ties_break_by_row_then_column_whatever_the_block() -> None:
    # entries in {+-0.5}^4 are unit norm and their dot products are exact
    rng = np.random.default_rng(3)
    X = (rng.integers(0, 2, (40, 4)) * 2 - 1).astype(np.float32) / 2
    ref = naive_top(X, None, 25)
    for block_bytes in (4, 4 * 40 * 3, 2**30):
        s, i, j = top_pairs(X, k=25, block_bytes=block_bytes)
        np.testing.assert_array_equal(i, ref[1])
        np.testing.assert_array_equal(j, ref[2])
        np.testing.assert_array_equal(s, ref[0])


def test_fewer_valid_pairs_than_k_and_degenerate_inputs() -> None:
    X = np.eye(3, dtype=np.float32)
    s, i, j = top_pairs(X, k=10)
    assert len(s) == 3 and set(zip(i.tolist(), j.tolist(), strict=True)) == {(0, 1), (0, 2), (1, 2)}
    s, _, _ = top_pairs(X, k=10, groups_a=np.zeros(3, dtype=np.int64))
    assert len(s) == 0
    assert len(top_pairs(X[:1], k=3)[0]) == 0
    assert len(top_pairs(X, k=0)[0]) == 0


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 30),
    m=st.integers(0, 20),
    n_groups=st.integers(1, 5),
    k=st.integers(1, 30),
    block=st.integers(1, 40),
    seed=st.integers(0, 2**16),
)
def test_top_pairs_property(n: int, m: int, n_groups: int, k: int, block: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = unit_rows(rng, n, 3)
    g = rng.integers(0, n_groups, n)
    if m == 0:
        s, i, j = top_pairs(X, k=k, groups_a=g, block_bytes=4 * n * block)
        rs, ri, rj = naive_top(X, None, k, g)
    else:
        B = unit_rows(rng, m, 3)
        gb = rng.integers(0, n_groups, m)
        s, i, j = top_pairs(X, B, k=k, groups_a=g, groups_b=gb, block_bytes=4 * m * block)
        rs, ri, rj = naive_top(X, B, k, g, gb)
    np.testing.assert_allclose(s, rs, atol=1e-5)
    # indices agree wherever the scores are not (numerically) tied
    distinct = np.ones(len(rs), dtype=bool)
    if len(rs) > 1:
        gaps = np.abs(np.diff(rs)) > 1e-5
        distinct[1:] &= gaps
        distinct[:-1] &= gaps
    np.testing.assert_array_equal(i[distinct], ri[distinct])
    np.testing.assert_array_equal(j[distinct], rj[distinct])
