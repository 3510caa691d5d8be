"""Permutation nulls and bootstrap: exactness of the formulas, calibration, determinism."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from stancekit.core import (
    bc_interval,
    bootstrap_distribution,
    mean_bootstrap,
    null_summary,
    percentile_interval,
    permutation_null,
)
from stancekit.core.stats import clipped_interval, null_reasons


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float64]:
    X = rng.standard_normal((n, d))
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def centroid_score(X: np.ndarray):  # type: ignore[no-untyped-def]
    def score(ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        sa, sb = X[ia].sum(axis=1), X[ib].sum(axis=1)
        return (sa * sb).sum(axis=1) / np.linalg.norm(sa, axis=1) / np.linalg.norm(sb, axis=1)

    return score


def test_null_summary_formulas() -> None:
    null = np.array([0.1, 0.2, 0.3, 0.4, 0.5])
    z, p = null_summary(0.4, null)
    assert z == pytest.approx((0.4 - 0.3) / np.std(null, ddof=1))
    assert p == pytest.approx((1 + 2) / 6)  # 0.4 and 0.5 are >= 0.4
    _, p_less = null_summary(0.4, null, alternative="less")
    assert p_less == pytest.approx((1 + 4) / 6)
    _, p_two = null_summary(0.4, null, alternative="two-sided")
    assert p_two == pytest.approx(min(1.0, 2 * 3 / 6))
    _, p_far = null_summary(9.0, null)
    assert p_far == pytest.approx(1 / 6)  # never 0: the +1 correction


def test_null_summary_vectorised_degenerate_and_nan() -> None:
    null = np.array([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    z, p = null_summary(np.array([1.0, 1.0]), null)
    assert z[0] == pytest.approx(0.0) and np.isnan(z[1])  # zero spread
    assert p[0] == pytest.approx(3 / 4) and np.isnan(p[1])  # a constant null gives no p
    z, p = null_summary(0.5, np.empty(0))
    assert np.isnan(z) and np.isnan(p)
    z, p = null_summary(np.nan, np.array([0.0, 1.0]))
    assert np.isnan(z) and np.isnan(p)


def test_permutation_draws_are_disjoint_sets_of_the_right_sizes() -> None:
    seen: list[np.ndarray] = []

    def check(ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        assert ia.shape[1] == 3 and ib.shape[1] == 4
        for a, b in zip(ia, ib, strict=True):
            assert len(set(a) | set(b)) == 7
            assert max(a.max(), b.max()) < 10
        seen.append(ia[:, 0])
        return ia[:, 0].astype(np.float64)

    out = permutation_null(check, 10, 3, 4, n_permutations=50, rng=np.random.default_rng(0))
    assert out.shape == (50,)
    assert len(np.unique(out)) == 10  # every row shows up as the first of A


def test_results_depend_on_seed_only_not_on_batch() -> None:
    rng = np.random.default_rng(1)
    X = unit_rows(rng, 30, 4)
    score = centroid_score(X)
    a = permutation_null(score, 30, 5, 6, n_permutations=37, rng=np.random.default_rng(7), batch=1)
    b = permutation_null(score, 30, 5, 6, n_permutations=37, rng=np.random.default_rng(7), batch=64)
    np.testing.assert_allclose(a, b)
    ra, rb = np.arange(5), np.arange(5, 11)
    c = bootstrap_distribution(score, ra, rb, n_bootstrap=20, rng=np.random.default_rng(3), batch=3)
    d = bootstrap_distribution(score, ra, rb, n_bootstrap=20, rng=np.random.default_rng(3))
    np.testing.assert_allclose(c, d)
    e = mean_bootstrap(X[:, 0], n_bootstrap=30, rng=np.random.default_rng(5), batch=4)
    f = mean_bootstrap(X[:, 0], n_bootstrap=30, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(e, f)
    g = permutation_null(score, 30, 5, 6, n_permutations=37, rng=np.random.default_rng(8))
    assert not np.allclose(a, g)


def test_permutation_p_is_uniform_under_the_null() -> None:
    """Random data, arbitrary labels: the observed labelling is one more permutation."""
    rng = np.random.default_rng(11)
    ps = []
    for _ in range(200):
        X = unit_rows(rng, 24, 3)
        score = centroid_score(X)
        obs = score(np.arange(6)[None], np.arange(6, 12)[None])[0]
        null = permutation_null(score, 24, 6, 6, n_permutations=49, rng=rng)
        ps.append(null_summary(obs, null)[1])
    ps_arr = np.array(ps)
    assert 0.04 <= np.mean(ps_arr <= 0.1) <= 0.17
    assert 0.38 <= np.mean(ps_arr <= 0.5) <= 0.62
    assert ps_arr.min() >= 1 / 50


def test_planted_agreement_gives_large_z() -> None:
    rng = np.random.default_rng(12)
    X = unit_rows(rng, 1000, 32)
    shared = unit_rows(rng, 1, 32)[0]
    X[:40] = X[:40] * 0.5 + shared  # A = rows 0..19, B = rows 20..39 share a direction
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    score = centroid_score(X)
    obs = score(np.arange(20)[None], np.arange(20, 40)[None])[0]
    null = permutation_null(score, 1000, 20, 20, n_permutations=199, rng=rng)
    z, p = null_summary(obs, null)
    assert z > 5 and p == pytest.approx(1 / 200)


def test_bootstrap_percentile_interval_covers_the_mean_near_nominal() -> None:
    rng = np.random.default_rng(13)
    hits = 0
    for _ in range(200):
        values = rng.normal(1.0, 2.0, 60)
        boot = mean_bootstrap(values, n_bootstrap=400, rng=rng)
        lo, hi = percentile_interval(boot, level=0.9)
        hits += lo <= 1.0 <= hi
    assert 0.82 <= hits / 200 <= 0.96


def test_bootstrap_distribution_resamples_within_each_side() -> None:
    def check(ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
        assert np.isin(ia, [0, 1, 2]).all() and np.isin(ib, [5, 9]).all()
        return np.stack([ia.mean(axis=1), ib.mean(axis=1)], axis=1)

    out = bootstrap_distribution(
        check, np.array([0, 1, 2]), np.array([5, 9]), n_bootstrap=40, rng=np.random.default_rng(2)
    )
    assert out.shape == (40, 2)
    assert out[:, 0].std() > 0 and out[:, 1].std() > 0


def test_intervals() -> None:
    s = np.arange(101, dtype=np.float64)
    assert percentile_interval(s, level=0.9) == pytest.approx((5.0, 95.0))
    assert bc_interval(s, 50.0, level=0.9) == pytest.approx((5.0, 95.0), abs=0.6)
    lo, hi = bc_interval(s, 70.0, level=0.9)
    assert lo > 5.0 and hi > 95.0  # observed above the median shifts the interval up
    assert np.isnan(percentile_interval(np.array([np.nan]))[0])
    assert np.isnan(bc_interval(s, np.nan)[0])
    with_nan = np.append(s, np.nan)
    assert percentile_interval(with_nan, level=0.9) == pytest.approx((5.0, 95.0))


def test_ties_within_tolerance_count_as_ties() -> None:
    # the observed labelling redrawn, off by float32 rounding: still at least as extreme
    null = np.array([0.3, 0.5 - 3e-8, 0.1, 0.2])
    _, p = null_summary(0.5, null)
    assert p == pytest.approx(2 / 5)
    _, p_less = null_summary(0.5 - 3e-8, np.array([0.5, 0.9, 0.8]), alternative="less")
    assert p_less == pytest.approx(2 / 4)


def test_constant_null_gives_nan_with_a_reason_not_rounding_noise() -> None:
    # one statement per side, nothing else to shuffle: the null is the observed score, up to
    # the last bits; exact comparison gave p = 1/(P+1) or 1 by chance
    rng = np.random.default_rng(3)
    null = 0.42 + rng.normal(0.0, 4e-17, 999)
    z, p = null_summary(0.42 - 1e-16, null)
    assert np.isnan(z) and np.isnan(p)
    assert str(null_reasons(0.42, null)) == "constant null"
    assert str(null_reasons(0.42, np.array([0.1]))) == "fewer than 2 null draws"
    assert str(null_reasons(np.nan, null)) == "no score"
    assert str(null_reasons(0.42, np.array([0.1, 0.2]))) == ""


def test_one_statement_per_side_centroid_null_is_degenerate() -> None:
    rng = np.random.default_rng(0)
    X = unit_rows(rng, 2, 8)
    null = permutation_null(centroid_score(X), 2, 1, 1, n_permutations=99, rng=rng)
    z, p = null_summary(float(X[0] @ X[1]), null)
    assert np.isnan(z) and np.isnan(p)


def test_clipped_interval() -> None:
    assert clipped_interval(0.596, 1.404, 1.0) == (0.596, 1.0)
    assert clipped_interval(-1.5, 0.2, 0.0) == (-1.0, 0.2)
    assert clipped_interval(0.7, 0.7 + 1e-9, 0.7) == (0.7, 0.7)
    lo, hi = clipped_interval(np.nan, 0.2, 0.1)
    assert np.isnan(lo) and np.isnan(hi)
