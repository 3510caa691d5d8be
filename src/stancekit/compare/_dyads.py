"""``dyads``: the calibrated score of every pair of speakers, in one call."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.compare._input import embeddings_of, substantive_groups
from stancekit.compare.results import _names, _num, _span
from stancekit.core import centroid_similarity, harmonic_f, soft_precision
from stancekit.core.dyads import centroid_moments, relative_test, soft_size_null
from stancekit.core.stats import SPREAD_RTOL
from stancekit.table import StatementTable

__all__ = ["DyadMatrix", "dyads"]

_METHODS = ("centroid", "soft")


@dataclass(frozen=True)
class DyadMatrix:
    """Calibrated scores of every pair of groups (speakers by default).

    Attributes
    ----------
    labels
        ``S`` group labels (rows and columns of every matrix).
    method, by
        Score (``"centroid"`` or ``"soft"``) and grouping column.
    score
        ``(S, S)`` raw score in ``[-1, 1]`` (centroid cosine or soft F).
    adjusted
        ``(S, S)`` the size-free closeness that is tested. Centroid: the mean cosine between
        the two groups' statements (``mean(A) . mean(B)``), which group sizes do not bias;
        soft: ``score`` minus what random sets of statements of the two sizes score.
    noise_sd
        ``(S, S)`` sampling spread of ``adjusted`` that the two groups' sizes alone imply.
    z
        ``(S, S)`` standardised excess: how much closer the two are than each one's closeness
        to everybody predicts, in units of that dyad's spread (relationship spread plus
        sampling noise); about standard normal for dyads with no special relationship.
    p
        ``(S, S)`` in ``(0, 1)``: mid-rank p of ``z`` among the dyads that share a side (A with
        its other counterparts, B with its other counterparts); small when B is closer to A
        than A's other counterparts are and A closer to B than B's are. Uniform when the dyad
        is one more of those dyads.
    percentile
        ``(S, S)`` in ``[0, 100]``: share of those dyads that ``z`` beats (ties count half).
    n
        ``(S,)`` statements of each group.
    reason
        ``(S, S)`` why a dyad has no z and p (``""`` when it has).
    relation_sd
        Spread of the dyads' own relationship in ``adjusted`` units, after the groups' overall
        closeness and the sampling noise (0: the dyads differ by no more than noise).
    seed, n_left_out
        Seed (soft: the sampled cosines of its size null), and statements left out (no group,
        or formulaic).
    n_formulaic
        Formulaic statements left out (``keep_formulaic=False``), part of ``n_left_out``.
    """

    labels: tuple[str, ...]
    method: str
    by: str
    score: npt.NDArray[np.float64]
    adjusted: npt.NDArray[np.float64]
    noise_sd: npt.NDArray[np.float64]
    z: npt.NDArray[np.float64]
    p: npt.NDArray[np.float64]
    percentile: npt.NDArray[np.float64]
    n: npt.NDArray[np.int64]
    reason: npt.NDArray[np.str_]
    relation_sd: float
    seed: int
    n_left_out: int
    n_formulaic: int = 0

    def __repr__(self) -> str:
        off_diagonal = self.score[~np.eye(len(self.labels), dtype=bool)]
        return (
            f"DyadMatrix({len(self.labels)} labels ({_names(self.labels)}), by={self.by!r}, "
            f"method={self.method!r}, score {_span(off_diagonal)}, "
            f"relation_sd={_num(self.relation_sd)}, statements {int(self.n.sum())}, "
            f"n_left_out={self.n_left_out}, n_formulaic={self.n_formulaic})"
        )

    def to_pandas(self) -> pd.DataFrame:
        """One row per unordered dyad ``a < b``: a, b, score, adjusted, z, p, percentile,
        n_a, n_b, reason."""
        ia, ib = np.triu_indices(len(self.labels), k=1)
        names = np.array(self.labels, dtype=object)
        return pd.DataFrame(
            {
                "a": names[ia],
                "b": names[ib],
                "score": self.score[ia, ib],
                "adjusted": self.adjusted[ia, ib],
                "z": self.z[ia, ib],
                "p": self.p[ia, ib],
                "percentile": self.percentile[ia, ib],
                "n_a": self.n[ia],
                "n_b": self.n[ib],
                "reason": self.reason[ia, ib].astype(object),
            }
        )


def _check(method: Any, seed: Any) -> None:
    if method not in _METHODS:
        raise ValueError(f"method must be one of {list(_METHODS)}, got {method!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be an integer >= 0, got {seed!r}")


def _reasons(
    score: npt.NDArray[np.float64],
    variance: npt.NDArray[np.float64],
    n: npt.NDArray[np.int64],
    counterparts: npt.NDArray[np.int64],
    z: npt.NDArray[np.float64],
    method: str,
) -> npt.NDArray[np.str_]:
    """The first reason that applies to each dyad, most basic first."""
    S = n.size
    reason = np.full((S, S), "", dtype=object)
    no_noise = (
        "no within-group spread (every group has one statement)"
        if method == "centroid"
        else "constant null"
    )
    checks = [
        (~np.isfinite(z), "no spread among counterparts"),
        ((counterparts[:, None] < 3) | (counterparts[None, :] < 3), "fewer than 3 counterparts"),
        (~np.isfinite(variance), no_noise),
        (~np.isfinite(score), "no score (zero vector)"),
        ((n[:, None] == 0) | (n[None, :] == 0), "no statements"),
    ]
    for mask, text in checks:  # later checks are more basic and overwrite
        reason[mask] = text
    np.fill_diagonal(reason, "same group")
    return np.asarray(reason, dtype=np.str_)


def dyads(
    table: StatementTable,
    *,
    method: str = "centroid",
    by: str = "speaker",
    seed: int = 0,
    center: bool = False,
    keep_formulaic: bool = False,
) -> DyadMatrix:
    """Calibrated closeness of every pair of speakers (or countries, ...) in one call.

    Each dyad's closeness is made size-free, then compared with the dyads that share one of
    its sides after removing each side's closeness to everybody: ``p`` is the chance that B
    would look at least this close to A if B were just one more of A's counterparts (and A
    one more of B's), after allowing for group sizes and for how close each of them is to
    everybody. See ``docs/scores.md`` (Calibration).

    Parameters
    ----------
    table
        Statements with embeddings; rows whose ``by`` value is missing (or that the input
        layer marks as left out) are not used.
    method
        ``"centroid"`` (cosine of mean statement vectors; tested through the mean cross
        cosine and its exact sampling variance, no resampling) or ``"soft"`` (soft-alignment
        F; size null from order statistics of sampled cosines).
    by
        Grouping column.
    seed
        Seed of every random draw (the soft size null's sample of cosines).
    center
        Remove the mean vector of the statements compared first.
    keep_formulaic
        Keep greetings, thanks and other formulae (:mod:`stancekit.formulaic`); by default
        they are left out and counted in ``n_formulaic``.

    Returns
    -------
    DyadMatrix
        ``(S, S)`` score, adjusted score, z, p, percentile and reasons; ``to_pandas()`` gives
        one row per dyad.

    Examples
    --------
    >>> import numpy as np
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.compare import dyads
    >>> names = [f"S{i}" for i in range(6) for _ in range(3)]
    >>> t = StatementTable.from_statements([Statement("a", s, "x", 0, 1) for s in names])
    >>> X = np.random.default_rng(0).standard_normal((18, 8)).astype(np.float32)
    >>> X /= np.linalg.norm(X, axis=1, keepdims=True)
    >>> res = dyads(t.with_embeddings(X, {"model": "toy"}))
    >>> res.z.shape, bool(np.nanmax(res.p) < 1.0)
    ((6, 6), True)
    """
    _check(method, seed)
    groups = substantive_groups(table, by, keep_formulaic=keep_formulaic, warn=False)
    X = embeddings_of(table, center=center, groups=groups)
    codes = groups.codes
    S = len(groups.labels)
    valid = codes >= 0
    Xv, cv = X[valid], codes[valid]
    n = np.bincount(cv, minlength=S).astype(np.int64)
    if method == "centroid":
        score = centroid_similarity(Xv, cv, S)
        adjusted, variance = centroid_moments(Xv, cv, S)
    else:
        prec = soft_precision(Xv, cv, S)
        score = np.clip(harmonic_f(prec, prec.T), -1.0, 1.0)
        if int(valid.sum()) >= 2:
            rng = np.random.default_rng([int(seed), 7])
            null_mean, null_sd = soft_size_null(Xv, n, rng=rng)
        else:
            null_mean = null_sd = np.full((S, S), np.nan)
        constant = ~(null_sd > SPREAD_RTOL * np.maximum(1.0, np.abs(null_mean)))
        adjusted = np.where(constant, np.nan, score - null_mean)
        variance = np.where(constant, np.nan, null_sd * null_sd)
    adjusted = np.where(np.isfinite(score), adjusted, np.nan)
    if method == "centroid":
        z, p, pct, counterparts, eta = relative_test(adjusted, variance)
    else:
        z, p, pct, counterparts, eta = relative_test(adjusted, None, covariate=null_mean)
    return DyadMatrix(
        labels=groups.labels, method=method, by=by, score=score, adjusted=adjusted,
        noise_sd=np.sqrt(variance), z=z, p=p, percentile=pct, n=n,
        reason=_reasons(score, variance, n, counterparts, z, method),
        relation_sd=float(np.sqrt(eta)), seed=int(seed),
        n_left_out=int(np.count_nonzero(~valid)), n_formulaic=groups.n_formulaic,
    )  # fmt: skip
