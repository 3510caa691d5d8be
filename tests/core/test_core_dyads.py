"""core.dyads kernels against naive references, simulation and degenerate inputs."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from scipy.stats import kstest

from stancekit.core.dyads import (
    centroid_moments,
    max_order_moments,
    relative_test,
    residual_variance,
    soft_size_null,
)


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float64]:
    X = rng.standard_normal((n, d))
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def test_centroid_moments_dot_is_the_mean_cross_cosine() -> None:
    rng = np.random.default_rng(0)
    codes = rng.permutation(np.repeat(np.arange(5), [1, 2, 4, 7, 3]))
    X = unit_rows(rng, codes.size, 6)
    dot, var = centroid_moments(X.astype(np.float32), codes, 6)  # group 5 is empty
    for a in range(5):
        for b in range(5):
            ref = (X[codes == a] @ X[codes == b].T).mean()
            assert dot[a, b] == pytest.approx(ref, abs=1e-6)
    assert np.all(np.isnan(dot[5])) and np.all(np.isnan(var[:, 5]))
    assert np.all(var[:5, :5] >= 0) and np.allclose(var[:5, :5], var[:5, :5].T)


def test_centroid_moments_variance_matches_simulation() -> None:
    """Groups drawn around fixed positions with a common covariance: the formula's variance of
    ``dot`` is the variance over repeated draws (up to the centring on the mean position)."""
    rng = np.random.default_rng(1)
    d, sizes = 8, np.array([1, 3, 10, 30])
    pos = rng.standard_normal((4, d))
    pos -= pos.mean(axis=0)  # centred positions: the formula's c[a]
    codes = np.repeat(np.arange(4), sizes)
    dots, vars_ = [], []
    for _ in range(3000):
        X = pos[codes] + 0.7 * rng.standard_normal((codes.size, d))
        dot, var = centroid_moments(X, codes, 4)
        dots.append(dot)
        vars_.append(var)
    emp = np.var(np.array(dots), axis=0)
    got = np.mean(np.array(vars_), axis=0)
    off = ~np.eye(4, dtype=bool)
    np.testing.assert_allclose(got[off], emp[off], rtol=0.15)


def test_centroid_moments_all_singletons_give_nan_variance() -> None:
    X = unit_rows(np.random.default_rng(2), 4, 3)
    dot, var = centroid_moments(X, np.arange(4), 4)
    assert np.all(np.isfinite(dot)) and np.all(np.isnan(var))


def test_max_order_moments_match_brute_force() -> None:
    rng = np.random.default_rng(3)
    rows = np.sort(rng.standard_normal((5, 40)), axis=1)
    m, v = max_order_moments(rows.mean(axis=0), (rows**2).mean(axis=0), [1, 3, 10])
    for i, k in enumerate([1, 3, 10]):
        r = rng.integers(0, 5, 200_000)
        draws = rows[r[:, None], rng.integers(0, 40, (200_000, k))].max(axis=1)
        assert m[i] == pytest.approx(draws.mean(), abs=0.01)
        assert v[i] == pytest.approx(draws.var(), rel=0.03)


def test_soft_size_null_shapes_and_empty_groups() -> None:
    rng = np.random.default_rng(4)
    X = unit_rows(rng, 60, 5)
    mean, sd = soft_size_null(X, np.array([1, 5, 0, 20]), rng=rng, n_rows=60, n_ref=59)
    assert mean.shape == sd.shape == (4, 4)
    assert np.all(np.isnan(mean[2])) and np.all(np.isnan(sd[:, 2]))
    ok = np.array([0, 1, 3])
    assert np.all(np.abs(mean[np.ix_(ok, ok)]) <= 1) and np.all(sd[np.ix_(ok, ok)] > 0)
    np.testing.assert_allclose(mean[np.ix_(ok, ok)], mean[np.ix_(ok, ok)].T)


def naive_round_robin(A: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Least-squares fit of ``mu + u[a] + u[b]`` over the off-diagonal pairs, by lstsq."""
    S = A.shape[0]
    ia, ib = np.triu_indices(S, k=1)
    D = np.zeros((ia.size, S + 1))
    D[:, 0] = 1
    D[np.arange(ia.size), 1 + ia] = 1
    D[np.arange(ia.size), 1 + ib] = 1
    coef = np.linalg.lstsq(D, A[ia, ib], rcond=None)[0]
    e = np.zeros((S, S))
    e[ia, ib] = A[ia, ib] - D @ coef
    return e + e.T


def symmetric(rng: np.random.Generator, S: int) -> npt.NDArray[np.float64]:
    A = rng.standard_normal((S, S))
    return (A + A.T) / 2


def test_relative_test_matches_naive_ranks() -> None:
    rng = np.random.default_rng(5)
    S = 9
    A = symmetric(rng, S)
    V = np.full((S, S), 0.1)
    z, p, pct, k, eta = relative_test(A, V)
    assert np.all(k == S - 1) and eta >= 0
    e = naive_round_robin(A)
    off = ~np.eye(S, dtype=bool)
    # one scale for every dyad (equal sizes): z is the residual up to a constant
    ratio = z[off] / e[off]
    np.testing.assert_allclose(ratio, ratio[0], rtol=1e-9)
    for a in range(S):
        for b in range(S):
            if a == b:
                assert np.isnan(p[a, b])
                continue
            others = [z[a, c] for c in range(S) if c not in (a, b)]
            others += [z[b, c] for c in range(S) if c not in (a, b)]
            o = np.array(others)
            ref = (np.sum(o > z[a, b]) + 0.5) / (o.size + 1)
            assert p[a, b] == pytest.approx(ref)
            assert pct[a, b] == pytest.approx(100 * np.mean(o < z[a, b]))


def test_residual_variance_matches_the_exact_hat_matrix() -> None:
    rng = np.random.default_rng(6)
    S = 30
    V = rng.uniform(0.5, 2.0, (S, S))
    V = (V + V.T) / 2
    ok = ~np.eye(S, dtype=bool)
    ia, ib = np.triu_indices(S, k=1)
    D = np.zeros((ia.size, S + 1))
    D[:, 0] = 1
    D[np.arange(ia.size), 1 + ia] = 1
    D[np.arange(ia.size), 1 + ib] = 1
    M = np.eye(ia.size) - D @ np.linalg.pinv(D)
    exact = (M * M) @ V[ia, ib]
    got = residual_variance(V, ok)[ia, ib]
    np.testing.assert_allclose(got, exact, rtol=0.02)


def test_relative_test_is_uniform_under_exchangeable_dyads() -> None:
    rng = np.random.default_rng(7)
    S, ps = 25, []
    for _ in range(200):
        sd = rng.uniform(0.1, 1.0, S)  # groups of very different sizes
        V = sd[:, None] ** 2 + sd[None, :] ** 2
        u = rng.standard_normal(S)
        A = u[:, None] + u[None, :] + np.sqrt(V + 0.2) * symmetric(rng, S) * np.sqrt(2)
        ps.append(relative_test(A, V)[1][0, 1])
    assert kstest(ps, "uniform").pvalue > 0.01


def test_relative_test_degenerate_cases() -> None:
    S = 6
    z, p, _, _, _ = relative_test(np.ones((S, S)), np.zeros((S, S)))
    assert np.all(np.isnan(z)) and np.all(np.isnan(p))  # no spread at all
    A = symmetric(np.random.default_rng(8), 3)
    z, p, _, k, eta = relative_test(A, np.ones((3, 3)))  # 2 counterparts each
    assert np.all(np.isnan(p)) and np.all(k == 0) and np.isnan(eta)
    B = symmetric(np.random.default_rng(9), S)
    B[0, :] = B[:, 0] = np.nan
    z, p, _, k, _ = relative_test(B, None)
    assert (
        np.all(np.isnan(p[0]))
        and k[0] == 0
        and np.all(np.isfinite(p[1:, 1:][~np.eye(5, dtype=bool)]))
    )


def test_relative_test_covariate_is_removed() -> None:
    rng = np.random.default_rng(10)
    S = 12
    C = symmetric(rng, S)
    A = 5.0 * C + 0.01 * symmetric(rng, S)
    z0 = relative_test(A, None)[0]
    z1 = relative_test(A, None, covariate=C)[0]
    assert (
        np.nanstd(z1) > 0
        and abs(np.corrcoef(z1[np.triu_indices(S, 1)], C[np.triu_indices(S, 1)])[0, 1]) < 0.2
    )
    assert abs(np.corrcoef(z0[np.triu_indices(S, 1)], C[np.triu_indices(S, 1)])[0, 1]) > 0.8
