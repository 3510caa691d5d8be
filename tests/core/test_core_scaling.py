"""Reference-anchored scaling against its closed form and planted positions."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from stancekit.core import fit_axis, group_offsets, scale_groups


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def test_fit_axis_reproduces_reference_positions() -> None:
    rng = np.random.default_rng(0)
    M = rng.standard_normal((4, 10))
    y = np.array([1.0, -1.0, 0.5, 3.0])
    w, alpha = fit_axis(M, y)
    np.testing.assert_allclose(alpha + M @ w, y, atol=1e-10)


def test_two_references_closed_form() -> None:
    rng = np.random.default_rng(1)
    sizes = [5, 1, 12, 7]
    codes = np.repeat(np.arange(4), sizes)
    X = unit_rows(rng, codes.size, 8)
    _, offsets = group_offsets(codes, 4)
    pos, stmt, reps = scale_groups(X, offsets, np.array([0, 2]), np.array([1.0, -1.0]))
    means = np.stack([X[codes == g].astype(np.float64).mean(axis=0) for g in range(4)])
    mA, mB = means[0], means[2]
    ref = -1.0 + 2.0 * ((means - mB) @ (mA - mB)) / ((mA - mB) @ (mA - mB))
    np.testing.assert_allclose(pos, ref, atol=1e-5)
    assert pos[0] == pytest.approx(1.0, abs=1e-5) and pos[2] == pytest.approx(-1.0, abs=1e-5)
    for g in range(4):
        assert stmt[codes == g].mean() == pytest.approx(pos[g], abs=1e-5)
    assert reps.shape == (0, 4)


def test_planted_positions_on_the_reference_line_are_recovered() -> None:
    rng = np.random.default_rng(2)
    d, n_per = 64, 400
    left, right = unit_rows(rng, 2, d).astype(np.float64)
    truth = np.array([1.0, -1.0, 0.5, 0.0, -0.6])
    rows, codes = [], []
    for g, t in enumerate(truth):
        mix = (1 + t) / 2 * left + (1 - t) / 2 * right  # on the segment between the poles
        noise = rng.standard_normal((n_per, d)) * 0.02
        rows.append(mix + noise)
        codes.append(np.full(n_per, g))
    X = np.concatenate(rows).astype(np.float32)
    _, offsets = group_offsets(np.concatenate(codes), len(truth))
    pos, _, reps = scale_groups(
        X, offsets, np.array([0, 1]), truth[:2], n_bootstrap=50, rng=np.random.default_rng(0)
    )
    np.testing.assert_allclose(pos, truth, atol=0.02)
    se = reps.std(axis=0, ddof=1)
    assert np.all(se[2:] > 0) and np.all(se[2:] < 0.05)


def test_bootstrap_is_seeded_and_references_stay_put() -> None:
    rng = np.random.default_rng(3)
    codes = np.repeat(np.arange(3), [6, 9, 4])
    X = unit_rows(rng, codes.size, 5)
    _, offsets = group_offsets(codes, 3)
    args = (X, offsets, np.array([0, 1]), np.array([2.0, -2.0]))
    _, _, r1 = scale_groups(*args, n_bootstrap=20, rng=np.random.default_rng(9))
    _, _, r2 = scale_groups(*args, n_bootstrap=20, rng=np.random.default_rng(9))
    np.testing.assert_array_equal(r1, r2)
    np.testing.assert_allclose(r1[:, 0], 2.0, atol=1e-5)
    np.testing.assert_allclose(r1[:, 1], -2.0, atol=1e-5)
    assert r1[:, 2].std() > 0
    with pytest.raises(ValueError, match="rng"):
        scale_groups(*args, n_bootstrap=2)
