"""Correlation of two dyadic matrices with a QAP permutation test (rows and columns permuted
together), the right test for dyads, which are not independent."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["qap_correlation"]


def qap_correlation(
    x: npt.NDArray[np.floating],
    y: npt.NDArray[np.floating],
    *,
    n_permutations: int = 999,
    seed: int = 0,
) -> tuple[float, float, int]:
    """Pearson r over the upper triangles of two ``(S, S)`` matrices, and its QAP p-value.

    Pairs missing (NaN) in either matrix are left out. The null relabels the nodes of ``y``
    (one permutation applied to its rows and columns), ``n_permutations`` times, seeded.

    Returns
    -------
    (r, p, n_pairs)
        ``p`` is two-sided with the +1 correction: ``(1 + #|r_perm| >= |r|) / (1 + n)``.
    """
    n = x.shape[0]
    iu = np.triu_indices(n, k=1)
    a = np.asarray(x, dtype=np.float64)[iu]
    b_full = np.asarray(y, dtype=np.float64)
    b = b_full[iu]
    ok = np.isfinite(a) & np.isfinite(b)
    if ok.sum() < 3:
        return float("nan"), float("nan"), int(ok.sum())
    r = float(np.corrcoef(a[ok], b[ok])[0, 1])
    rng = np.random.default_rng(seed)
    hits = 0
    for _ in range(n_permutations):
        perm = rng.permutation(n)
        bp = b_full[np.ix_(perm, perm)][iu]
        okp = np.isfinite(a) & np.isfinite(bp)
        rp = np.corrcoef(a[okp], bp[okp])[0, 1]
        hits += bool(abs(rp) >= abs(r))
    return r, (1 + hits) / (1 + n_permutations), int(ok.sum())
