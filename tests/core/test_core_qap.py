from __future__ import annotations

import numpy as np

from stancekit.core import qap_correlation


def _sym(rng: np.random.Generator, n: int) -> np.ndarray:
    m = rng.normal(size=(n, n))
    return (m + m.T) / 2


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
