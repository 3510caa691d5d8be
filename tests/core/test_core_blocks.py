"""Block helpers: sparse_true against numpy's own search."""

from __future__ import annotations

import numpy as np
import pytest

from stancekit.core._blocks import sparse_true


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 64, 1001])
def test_sparse_true_finds_every_true_entry_in_order(size: int) -> None:
    rng = np.random.default_rng(size)
    for share in (0.0, 0.01, 0.5, 1.0):
        mask = rng.random(size) < share
        got = sparse_true(mask)
        assert got.dtype == np.int64
        np.testing.assert_array_equal(got, np.flatnonzero(mask))


def test_sparse_true_reads_a_matrix_row_by_row() -> None:
    mask = np.zeros((3, 5), dtype=bool)
    mask[0, 4] = mask[2, 0] = mask[2, 3] = True
    rows, cols = np.divmod(sparse_true(mask), 5)
    assert rows.tolist() == [0, 2, 2] and cols.tolist() == [4, 0, 3]
