from __future__ import annotations

import numpy as np
from scipy import stats

from stancekit.core import qap_correlation
from stancekit.core.qap import (
    bootstrap_correlations,
    draw_permutations,
    masked_pearson,
    masked_ranks,
    partial_from_pairwise,
    qap_null,
    qap_p_value,
    residualize,
)


def _sym(rng: np.random.Generator, n: int) -> np.ndarray:
    m = rng.normal(size=(n, n))
    return (m + m.T) / 2


def _naive_null(x: np.ndarray, y: np.ndarray, perms: np.ndarray, rank: bool) -> np.ndarray:
    iu = np.triu_indices(x.shape[0], k=1)
    out = []
    for perm in perms:
        a, b = x[iu], y[np.ix_(perm, perm)][iu]
        ok = np.isfinite(a) & np.isfinite(b)
        f = stats.spearmanr if rank else stats.pearsonr
        out.append(f(a[ok], b[ok])[0])
    return np.array(out)


def test_qap_finds_shared_structure_and_not_noise() -> None:
    rng = np.random.default_rng(0)
    x = _sym(rng, 30)
    y = x + 0.5 * _sym(rng, 30)
    r, p, n = qap_correlation(x, y, n_permutations=199, seed=1)
    assert r > 0.8 and p <= 0.01 and n == 30 * 29 // 2
    r0, p0, _ = qap_correlation(x, _sym(rng, 30), n_permutations=199, seed=1)
    assert abs(r0) < 0.2 and p0 > 0.01


def test_qap_matches_pearson_and_skips_missing() -> None:
    rng = np.random.default_rng(2)
    x, y = _sym(rng, 12), _sym(rng, 12)
    y[0, 1] = y[1, 0] = np.nan
    r, _p, n = qap_correlation(x, y, n_permutations=9)
    iu = np.triu_indices(12, k=1)
    ok = np.isfinite(y[iu])
    assert n == ok.sum() == 65
    assert np.isclose(r, np.corrcoef(x[iu][ok], y[iu][ok])[0, 1])
    assert qap_correlation(x, y, n_permutations=9, seed=3) == qap_correlation(
        x, y, n_permutations=9, seed=3
    )


def test_qap_p_matches_a_loop_over_the_same_permutations() -> None:
    rng = np.random.default_rng(4)
    x = _sym(rng, 15) + 5.0  # an offset must not cost accuracy
    y = 0.3 * x + _sym(rng, 15)
    x[2, 7] = np.nan
    y[0, 3] = y[3, 0] = np.nan
    r, p, _n = qap_correlation(x, y, n_permutations=99, seed=5)
    perms = np.stack([np.random.default_rng(5).permutation(15)])  # first draw of the stream
    assert np.array_equal(draw_permutations(np.random.default_rng(5), 15, 1), perms)
    null = _naive_null(x, y, draw_permutations(np.random.default_rng(5), 15, 99), rank=False)
    assert np.isclose(p, (1 + np.sum(np.abs(null) >= abs(r) - 1e-12)) / 100)


def test_qap_null_matches_scipy_pearson_and_spearman_with_missing_pairs() -> None:
    rng = np.random.default_rng(6)
    x = np.round(_sym(rng, 11), 1)  # ties
    y = np.round(_sym(rng, 11) + x, 1)
    y[1, 4] = y[4, 1] = np.nan
    x[0, 9] = x[9, 0] = np.nan
    perms = draw_permutations(rng, 11, 20)
    for rank in (False, True):
        assert np.allclose(qap_null(x, y, perms, rank=rank), _naive_null(x, y, perms, rank))


def test_qap_p_roughly_uniform_on_unrelated_matrices() -> None:
    rng = np.random.default_rng(7)
    ps = []
    for _ in range(60):
        x, y = _sym(rng, 8), _sym(rng, 8)
        ps.append(qap_correlation(x, y, n_permutations=99, seed=int(rng.integers(1 << 30)))[1])
    assert stats.kstest(ps, "uniform").pvalue > 0.01
    assert np.mean(np.array(ps) <= 0.05) < 0.15


def test_p_value_counts_ties_within_rounding_and_degenerate_gives_nan() -> None:
    assert qap_p_value(0.5, np.array([0.5 - 1e-15, -0.5, 0.1])) == 3 / 4
    assert np.isnan(qap_p_value(float("nan"), np.array([0.1])))
    assert np.isnan(qap_p_value(0.2, np.array([np.nan, np.nan])))
    x = np.ones((6, 6))
    assert np.isnan(qap_correlation(x, np.arange(36.0).reshape(6, 6), n_permutations=9)[0])


def test_masked_ranks_and_pearson_match_scipy() -> None:
    rng = np.random.default_rng(8)
    v = rng.integers(0, 6, size=(5, 40)).astype(float)
    w = rng.normal(size=(5, 40))
    mask = rng.random((5, 40)) > 0.3
    ranks = masked_ranks(v, mask)
    r = masked_pearson(v, w, mask)
    for k in range(5):
        assert np.allclose(ranks[k][mask[k]], stats.rankdata(v[k][mask[k]]))
        assert np.isnan(ranks[k][~mask[k]]).all()
        assert np.isclose(r[k], stats.pearsonr(v[k][mask[k]], w[k][mask[k]])[0])
    assert np.isnan(masked_pearson(np.ones((1, 5)), w[:1, :5], np.ones((1, 5), bool))).all()


def test_partial_correlation_equals_correlation_of_residuals() -> None:
    rng = np.random.default_rng(9)
    z = rng.integers(0, 2, size=200).astype(float)
    x = z + rng.normal(size=200)
    y = 0.5 * x + z + rng.normal(size=200)
    mask = np.ones(200, dtype=bool)
    ref = np.corrcoef(residualize(x, z, mask), residualize(y, z, mask))[0, 1]
    design = np.column_stack([np.ones(200), z])
    ex = x - design @ np.linalg.lstsq(design, x, rcond=None)[0]
    ey = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    assert np.isclose(ref, np.corrcoef(ex, ey)[0, 1])
    c = np.corrcoef([x, y, z])
    assert np.isclose(partial_from_pairwise(c[0, 1], c[0, 2], c[1, 2]), ref)


def test_bootstrap_identity_draw_is_the_observed_correlation_and_duplicates_are_skipped() -> None:
    rng = np.random.default_rng(10)
    x = _sym(rng, 9)
    y = x + _sym(rng, 9)
    z = (rng.random((9, 9)) > 0.5).astype(float)
    z = np.triu(z, 1) + np.triu(z, 1).T
    iu = np.triu_indices(9, k=1)
    draws = np.stack([np.arange(9), np.array([0, 0, 1, 2, 3, 4, 5, 6, 7])])
    r = bootstrap_correlations(x, y, draws)
    assert np.isclose(r[0], np.corrcoef(x[iu], y[iu])[0, 1])
    # node 0 twice: its self-pair is not a dyad, its pairs with the others count twice
    sub = draws[1]
    i, j = np.triu_indices(9, k=1)
    keep = sub[i] != sub[j]
    ref = np.corrcoef(x[sub[i], sub[j]][keep], y[sub[i], sub[j]][keep])[0, 1]
    assert np.isclose(r[1], ref)
    rs = bootstrap_correlations(x, y, draws[:1], rank=True)
    assert np.isclose(rs[0], stats.spearmanr(x[iu], y[iu])[0])
    rp = bootstrap_correlations(x, y, draws[:1], z=z)
    c = np.corrcoef([x[iu], y[iu], z[iu]])
    assert np.isclose(rp[0], partial_from_pairwise(c[0, 1], c[0, 2], c[1, 2]))
