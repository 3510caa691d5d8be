"""Agenda overlap (1 - Jensen-Shannon divergence) against scipy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import jensenshannon

from stancekit.core import js_overlap, topic_counts


def test_js_overlap_matches_scipy() -> None:
    rng = np.random.default_rng(0)
    P = rng.dirichlet(np.ones(6), size=7)
    P[2, :3] = 0.0  # zeros in the support
    got = js_overlap(P * 13.0, block_rows=3)  # rows are normalised
    for i in range(7):
        for j in range(7):
            ref = 1.0 - jensenshannon(P[i], P[j], base=2) ** 2
            assert got[i, j] == pytest.approx(ref, abs=1e-12)


def test_js_overlap_extremes() -> None:
    P = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [0.0, 0.0]])
    got = js_overlap(P)
    assert got[0, 1] == pytest.approx(0.0)
    assert got[0, 0] == pytest.approx(1.0)
    h_mix = -(0.75 * np.log2(0.75) + 0.25 * np.log2(0.25))
    assert got[0, 2] == pytest.approx(1.0 - (h_mix - 0.5))  # H(p) = 0, H(q) = 1
    assert np.isnan(got[3]).all()
    np.testing.assert_allclose(js_overlap(P[:2], P[2:3]), got[:2, 2:3])


@settings(max_examples=50, deadline=None)
@given(
    counts=st.lists(
        st.lists(st.integers(0, 20), min_size=4, max_size=4).filter(lambda r: sum(r) > 0),
        min_size=1,
        max_size=6,
    )
)
def test_js_overlap_is_a_bounded_symmetric_similarity(counts: list[list[int]]) -> None:
    got = js_overlap(np.array(counts, dtype=np.float64))
    assert np.all((got >= 0) & (got <= 1))
    np.testing.assert_allclose(got, got.T, atol=1e-12)
    np.testing.assert_allclose(np.diag(got), 1.0, atol=1e-12)


def test_topic_counts_matches_loop() -> None:
    rng = np.random.default_rng(1)
    codes, topics = rng.integers(0, 4, 100), rng.integers(0, 3, 100)
    got = topic_counts(codes, topics, 5, 3)
    ref = np.array([[np.sum((codes == g) & (topics == t)) for t in range(3)] for g in range(5)])
    np.testing.assert_array_equal(got, ref)
