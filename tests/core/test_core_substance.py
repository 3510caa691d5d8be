"""speaker_spread and idf_weight against a naive loop."""

from __future__ import annotations

import numpy as np
import pytest

from stancekit.core import substance
from stancekit.core.substance import idf_weight, speaker_spread


def naive_spread(X: np.ndarray, codes: np.ndarray, thr: float, ref: np.ndarray) -> np.ndarray:
    out = np.zeros(len(X), dtype=np.int64)
    for i in range(len(X)):
        others = {int(codes[j]) for j in ref if X[i] @ X[j] >= thr and codes[j] != codes[i]}
        out[i] = len(others)
    return out


@pytest.mark.parametrize("dense", [True, False])
@pytest.mark.parametrize("block_bytes", [64, 10**6])
def test_spread_matches_a_naive_loop(
    monkeypatch: pytest.MonkeyPatch, block_bytes: int, dense: bool
) -> None:
    # dense: square tiles of the upper triangle (sides 4 and 500); otherwise the row-block
    # search that many groups fall back to
    if not dense:
        monkeypatch.setattr(substance, "_DENSE_HITS", 0)
    rng = np.random.default_rng(0)
    base = rng.standard_normal((6, 5))
    X = base[rng.integers(0, 6, 80)] + 0.3 * rng.standard_normal((80, 5))
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    codes = rng.integers(0, 7, 80)
    got = speaker_spread(X, codes, threshold=0.8, block_bytes=block_bytes)
    np.testing.assert_array_equal(got, naive_spread(X, codes, 0.8, np.arange(80)))
    assert got.max() > 0  # the data do have shared statements


def test_spread_on_a_reference_sample() -> None:
    rng = np.random.default_rng(1)
    X = rng.standard_normal((50, 4)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    codes = rng.integers(0, 5, 50)
    ref = np.sort(rng.choice(50, 20, replace=False))
    got = speaker_spread(X, codes, threshold=0.7, reference=ref)
    np.testing.assert_array_equal(got, naive_spread(X, codes, 0.7, ref))


def test_a_statement_said_by_everyone_weighs_zero_and_a_unique_one_one() -> None:
    w = idf_weight(np.array([0, 4, 9]), 10)
    assert w[0] == 1.0 and w[2] == pytest.approx(0.0) and 0 < w[1] < 1
    np.testing.assert_array_equal(idf_weight(np.array([0, 3]), 1), [1.0, 1.0])
