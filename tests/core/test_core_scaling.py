"""Reference-anchored scaling against its closed form and planted positions."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from sklearn.linear_model import Ridge

from stancekit.core import fit_axis, group_offsets, scale_groups
from stancekit.core.scaling import (
    choose_penalty,
    cv_path,
    group_folds,
    nested_cv,
    ridge_dual,
    ridge_path_predict,
)


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


def test_ridge_axis_matches_sklearn() -> None:
    rng = np.random.default_rng(4)
    M = rng.standard_normal((30, 50))
    y = rng.standard_normal(30)
    for lam in (0.01, 1.0, 30.0):
        w, alpha = fit_axis(M, y, lam)
        ref = Ridge(alpha=lam).fit(M, y)
        np.testing.assert_allclose(w, ref.coef_, atol=1e-8)
        assert alpha == pytest.approx(ref.intercept_, abs=1e-8)
        beta = ridge_dual(M @ M.T, y, lam)  # the same fit from the Gram matrix alone
        assert abs(beta.sum()) < 1e-8
        np.testing.assert_allclose(M.T @ beta, ref.coef_, atol=1e-8)


def test_path_predictions_match_sklearn_on_held_out_rows() -> None:
    rng = np.random.default_rng(5)
    F = rng.standard_normal((40, 25))
    y = F[:, 0] + 0.3 * rng.standard_normal(40)
    train, test = np.arange(30), np.arange(30, 40)
    lams = np.array([0.0, 0.1, 10.0])
    got = ridge_path_predict(F @ F.T, y, train, test, lams)
    for j, lam in enumerate(lams):
        if lam == 0:
            w = np.linalg.lstsq(
                F[train] - F[train].mean(0), y[train] - y[train].mean(), rcond=None
            )[0]
            want = y[train].mean() + (F[test] - F[train].mean(0)) @ w
        else:
            want = Ridge(alpha=lam).fit(F[train], y[train]).predict(F[test])
        np.testing.assert_allclose(got[:, j], want, atol=1e-7)


def test_group_folds_keep_groups_whole_and_balanced() -> None:
    groups = np.repeat(np.arange(23), 3)[np.random.default_rng(6).permutation(69)]
    folds = group_folds(groups, 5, np.random.default_rng(0))
    for g in range(23):
        assert np.unique(folds[groups == g]).size == 1
    per_fold = [np.unique(groups[folds == k]).size for k in range(5)]
    assert sorted(per_fold) == [4, 4, 5, 5, 5]
    np.testing.assert_array_equal(folds, group_folds(groups, 5, np.random.default_rng(0)))


def test_cv_path_is_out_of_fold() -> None:
    rng = np.random.default_rng(7)
    F = rng.standard_normal((20, 6))
    y = rng.standard_normal(20)
    folds = np.arange(20) % 4
    lams = np.array([0.5, 5.0])
    oof = cv_path(F @ F.T, y, folds, lams)
    for k in range(4):
        tr, te = folds != k, folds == k
        want = Ridge(alpha=5.0).fit(F[tr], y[tr]).predict(F[te])
        np.testing.assert_allclose(oof[te, 1], want, atol=1e-8)


def test_choose_penalty_shrinks_more_on_noise() -> None:
    rng = np.random.default_rng(8)
    F = rng.standard_normal((60, 40))
    signal = F @ rng.standard_normal(40) * 0.3
    folds = np.arange(60) % 6
    lams = np.logspace(-3, 4, 29)
    G = F @ F.T
    clean, _ = choose_penalty(G, signal + 0.01 * rng.standard_normal(60), folds, lams)
    noisy, mse = choose_penalty(G, rng.standard_normal(60), folds, lams)  # pure noise
    assert noisy > clean + 8 and mse.shape == lams.shape
    oof, chosen = nested_cv([G], signal + 0.01 * rng.standard_normal(60), folds, lams)
    assert np.corrcoef(oof, signal)[0, 1] > 0.95 and chosen.shape == (6, 2)
