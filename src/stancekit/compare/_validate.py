"""``validate``: correlate a speaker x speaker score matrix with an external dyadic measure."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.compare.results import _freeze, _num
from stancekit.core import percentile_interval
from stancekit.core.qap import (
    bootstrap_correlations,
    draw_permutations,
    masked_ranks,
    qap_null,
    qap_p_value,
    residualize,
)
from stancekit.data import LabeledMatrix

__all__ = ["Validation", "validate"]

FloatArray = npt.NDArray[np.float64]
_STATS = ("pearson", "pearson_p", "pearson_low", "pearson_high")
_RANK_STATS = ("spearman", "spearman_p", "spearman_low", "spearman_high")


@dataclass(frozen=True, eq=False)
class Validation:
    """A score matrix against an external dyadic measure, beside a group baseline.

    One entry per measure in every array: ``"score"`` (the score matrix), and with ``groups``
    also ``"same group"`` (1 when both speakers are in the same group, else 0) and
    ``"score | same group"`` (partial correlation of the score with the external value,
    controlling for the dummy: does the score add to the grouping?).

    Attributes
    ----------
    measures
        ``M`` measure names.
    n_pairs
        ``(M,)`` pairs of matched speakers with a value on every side used.
    pearson, spearman
        ``(M,)`` correlations over those pairs.
    pearson_p, spearman_p
        ``(M,)`` two-sided QAP p-values (joint row/column permutations of the nodes; the
        partial correlation by double semi-partialling); NaN with ``n_permutations=0``.
    pearson_low, pearson_high, spearman_low, spearman_high
        ``(M,)`` percentile speaker-bootstrap interval at ``level`` (speakers resampled with
        replacement, pairs of distinct resampled speakers), clipped to ``[-1, 1]``.
    labels
        The matched labels of the score matrix, in its order.
    external_labels
        Their labels in the external table (equal to ``labels`` without a mapping).
    unmatched
        Score labels with no counterpart in the external table.
    unmatched_external
        External labels with no counterpart in the score matrix.
    ungrouped
        Matched labels without a group (their pairs are left out of the baseline rows).
    score_name, external_name
        What was compared.
    n_permutations, n_bootstrap, level, seed
        The options used.
    """

    measures: tuple[str, ...]
    n_pairs: npt.NDArray[np.int64]
    pearson: FloatArray
    pearson_p: FloatArray
    pearson_low: FloatArray
    pearson_high: FloatArray
    spearman: FloatArray
    spearman_p: FloatArray
    spearman_low: FloatArray
    spearman_high: FloatArray
    labels: tuple[str, ...]
    external_labels: tuple[str, ...]
    unmatched: tuple[str, ...]
    unmatched_external: tuple[str, ...]
    ungrouped: tuple[str, ...]
    score_name: str
    external_name: str
    n_permutations: int
    n_bootstrap: int
    level: float
    seed: int

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def n_matched(self) -> int:
        """Number of matched speakers."""
        return len(self.labels)

    @property
    def r(self) -> float:
        """Pearson r of the score with the external value."""
        return float(self.pearson[0])

    @property
    def baseline_r(self) -> float:
        """Pearson r of the same-group dummy (NaN without ``groups``)."""
        return float(self.pearson[1]) if len(self.measures) > 1 else float("nan")

    def to_pandas(self) -> pd.DataFrame:
        """One row per measure: pairs, Pearson and Spearman with their p and interval."""
        cols: dict[str, Any] = {"n_pairs": self.n_pairs}
        for name in _STATS + _RANK_STATS:
            cols[name] = getattr(self, name)
        return pd.DataFrame(cols, index=pd.Index(self.measures, name="measure"))

    def __repr__(self) -> str:
        return (
            f"Validation({self.score_name or 'score'!r} against "
            f"{self.external_name or 'external'!r}, {self.n_matched} matched, "
            f"pairs={int(self.n_pairs[0])}, r={_num(self.r)}, "
            f"p={_num(float(self.pearson_p[0]))}, baseline_r={_num(self.baseline_r)}, "
            f"unmatched={len(self.unmatched)})"
        )

    def summary(self) -> str:
        """A readable account: what matched, then one line per measure."""
        pct = f"{self.level:.0%}"
        lines = [
            f"{self.score_name or 'score'} against {self.external_name or 'external'}",
            f"matched {self.n_matched} of {self.n_matched + len(self.unmatched)} score labels"
            + (f" (unmatched: {_short(self.unmatched)})" if self.unmatched else ""),
            f"external labels without a score: {len(self.unmatched_external)}"
            + (f" ({_short(self.unmatched_external)})" if self.unmatched_external else ""),
        ]
        if self.ungrouped:
            lines.append(f"without a group: {_short(self.ungrouped)}")
        lines.append(
            f"QAP p from {self.n_permutations} permutations; {pct} speaker-bootstrap "
            f"intervals from {self.n_bootstrap} draws"
        )
        width = max(len(m) for m in self.measures)
        lines.append(
            f"{'measure':<{width}}  {'pairs':>6}  {'pearson':>7}  {pct + ' interval':<16}  "
            f"{'p':>6}  {'spearman':>8}  {pct + ' interval':<16}  {'p':>6}"
        )
        for k, m in enumerate(self.measures):
            lines.append(
                f"{m:<{width}}  {int(self.n_pairs[k]):>6}  {self.pearson[k]:>7.3f}  "
                f"{_interval(self.pearson_low[k], self.pearson_high[k]):<16}  "
                f"{self.pearson_p[k]:>6.3f}  {self.spearman[k]:>8.3f}  "
                f"{_interval(self.spearman_low[k], self.spearman_high[k]):<16}  "
                f"{self.spearman_p[k]:>6.3f}"
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def _short(labels: tuple[str, ...], k: int = 8) -> str:
    more = f", ... ({len(labels)} in all)" if len(labels) > k else ""
    return ", ".join(labels[:k]) + more


def _interval(low: float, high: float) -> str:
    return f"[{low:.3f}, {high:.3f}]"


def _symmetric(values: npt.NDArray[Any]) -> FloatArray:
    """Average of the matrix and its transpose where both are present, else the one present."""
    v = np.asarray(values, dtype=np.float64)
    both = np.isfinite(v) & np.isfinite(v.T)
    out = np.where(both, (v + v.T) / 2.0, np.where(np.isfinite(v), v, v.T))
    np.fill_diagonal(out, np.nan)
    return out


def _from_square(
    rows: list[str], cols: list[str], values: npt.NDArray[Any], what: str
) -> tuple[tuple[str, ...], FloatArray]:
    for side, labels in (("row", rows), ("column", cols)):
        dup = sorted({x for x in labels if labels.count(x) > 1})
        if dup:
            raise ValueError(f"{what} has repeated {side} labels: {_short(tuple(dup))}")
    if set(rows) != set(cols):
        only_r = tuple(sorted(set(rows) - set(cols)))
        only_c = tuple(sorted(set(cols) - set(rows)))
        raise ValueError(
            f"{what} must be square with the same row and column labels; rows only: "
            f"{_short(only_r) or '-'}; columns only: {_short(only_c) or '-'}"
        )
    order = [cols.index(r) for r in rows]
    try:
        arr = np.asarray(values, dtype=np.float64)[:, order]
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{what} must hold numbers: {exc}") from None
    return tuple(rows), _symmetric(arr)


def _as_square(obj: Any, what: str) -> tuple[tuple[str, ...], FloatArray, str]:
    if isinstance(obj, LabeledMatrix):
        labels, m = _from_square(list(obj.rows), list(obj.columns), obj.values, what)
        return labels, m, obj.name
    if isinstance(obj, pd.DataFrame):
        rows = [str(x) for x in obj.index]
        cols = [str(x) for x in obj.columns]
        labels, m = _from_square(rows, cols, obj.to_numpy(), what)
        return labels, m, ""
    raise TypeError(f"{what} must be a LabeledMatrix or a DataFrame, got {type(obj).__name__}")


def _numeric_columns(df: pd.DataFrame, skip: tuple[str, ...]) -> list[str]:
    return [
        str(c)
        for c in df.columns
        if str(c) not in skip and pd.api.types.is_numeric_dtype(df[c].dtype)
    ]


def _from_long(
    df: pd.DataFrame, a: str, b: str, value: str | None
) -> tuple[tuple[str, ...], FloatArray, str]:
    missing = [c for c in (a, b) if c not in df.columns]
    if value is None:
        candidates = _numeric_columns(df, (a, b))
        if len(candidates) != 1:
            raise ValueError(
                f"pass value= to choose the external table's value column; numeric columns: "
                f"{candidates or 'none'}"
            )
        value = candidates[0]
    elif value not in df.columns:
        missing.append(value)
    if missing:
        raise ValueError(
            f"the external table has no column {', '.join(map(repr, missing))}; its columns are "
            f"{[str(c) for c in df.columns]} (set a=, b= and value=)"
        )
    la = df[a].astype(str).to_numpy()
    lb = df[b].astype(str).to_numpy()
    try:
        v = df[value].to_numpy(dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"the external value column {value!r} must be numeric") from None
    keep = np.isfinite(v) & (la != lb)
    la, lb, v = la[keep], lb[keep], v[keep]
    labels = tuple(sorted(set(la) | set(lb)))
    pos = {x: k for k, x in enumerate(labels)}
    ia = np.array([pos[x] for x in la], dtype=np.intp)
    ib = np.array([pos[x] for x in lb], dtype=np.intp)
    lo, hi = np.minimum(ia, ib), np.maximum(ia, ib)
    pairs = pd.DataFrame({"lo": lo, "hi": hi, "v": v})
    spread = pairs.groupby(["lo", "hi"])["v"].agg(["min", "max"])
    conflict = spread[spread["max"] - spread["min"] > 1e-12 * np.maximum(1, spread["max"].abs())]
    if len(conflict):
        i0, j0 = conflict.index[0]
        raise ValueError(
            f"the external table gives {len(conflict)} pairs different values, "
            f"e.g. ({labels[i0]}, {labels[j0]}); give each pair once"
        )
    m = np.full((len(labels), len(labels)), np.nan)
    m[lo, hi] = v
    m[hi, lo] = v
    return labels, m, value


def _external(
    external: Any, a: str, b: str, value: str | None
) -> tuple[tuple[str, ...], FloatArray, str]:
    if isinstance(external, pd.DataFrame) and (a in external.columns or b in external.columns):
        return _from_long(external, a, b, value)
    if isinstance(external, pd.DataFrame):
        rows = {str(x) for x in external.index}
        if rows != {str(c) for c in external.columns}:
            return _from_long(external, a, b, value)  # names the missing columns
    return _as_square(external, "external")


def _match(
    labels: tuple[str, ...], ext_labels: tuple[str, ...], mapping: Mapping[str, str] | None
) -> tuple[list[int], list[int], tuple[str, ...], tuple[str, ...]]:
    ext_pos = {x: k for k, x in enumerate(ext_labels)}
    seen: dict[str, str] = {}
    si: list[int] = []
    ei: list[int] = []
    unmatched: list[str] = []
    for k, lab in enumerate(labels):
        target = lab if mapping is None else mapping.get(lab)
        if target is None or str(target) not in ext_pos:
            unmatched.append(lab)
            continue
        target = str(target)
        if target in seen:
            raise ValueError(
                f"score labels {seen[target]!r} and {lab!r} both map to external label {target!r}"
            )
        seen[target] = lab
        si.append(k)
        ei.append(ext_pos[target])
    if len(si) < 3:
        hint = "" if mapping is not None else "; pass mapping= from score labels to external ones"
        raise ValueError(
            f"only {len(si)} of {len(labels)} score labels match the external table's labels "
            f"(need 3); score labels: {_short(labels, 5)}; external labels: "
            f"{_short(ext_labels, 5)}{hint}"
        )
    rest = tuple(x for x in ext_labels if x not in seen)
    return si, ei, tuple(unmatched), rest


def _dummy(
    labels: tuple[str, ...], ext: tuple[str, ...], groups: Mapping[Any, Hashable]
) -> tuple[FloatArray, tuple[str, ...]]:
    codes: list[Hashable | None] = []
    for lab, e in zip(labels, ext, strict=True):
        g = groups.get(lab, groups.get(e))
        codes.append(None if g is None or (isinstance(g, float) and np.isnan(g)) else g)
    ungrouped = tuple(lab for lab, g in zip(labels, codes, strict=True) if g is None)
    if len(ungrouped) == len(labels):
        raise ValueError(
            f"groups gives a group to none of the matched labels (e.g. {_short(labels, 5)})"
        )
    uniq = {g: k for k, g in enumerate(dict.fromkeys(c for c in codes if c is not None))}
    code = np.array([-1 if g is None else uniq[g] for g in codes])
    d = (code[:, None] == code[None, :]).astype(np.float64)
    d[(code < 0)[:, None] | (code < 0)[None, :]] = np.nan
    np.fill_diagonal(d, np.nan)
    return d, ungrouped


def _upper(m: FloatArray) -> FloatArray:
    return m[np.triu_indices(m.shape[0], k=1)]


def _to_matrix(v: FloatArray, n: int) -> FloatArray:
    m = np.full((n, n), np.nan)
    i, j = np.triu_indices(n, k=1)
    m[i, j] = v
    m[j, i] = v
    return m


def _row(
    x: FloatArray,
    y: FloatArray,
    perms: npt.NDArray[np.intp],
    draws: npt.NDArray[np.intp],
    level: float,
    rank: bool,
    z: FloatArray | None = None,
) -> tuple[float, float, float, float]:
    """Observed r (partial on z), QAP p, interval; the score and the external value."""
    n = x.shape[0]
    if z is not None:  # double semi-partialling: residualise on z, permute the residuals
        ux, uy, uz = _upper(x), _upper(y), _upper(z)
        mask = np.isfinite(ux) & np.isfinite(uy) & np.isfinite(uz)
        if rank:
            ux, uy, uz = (masked_ranks(v, mask) for v in (ux, uy, uz))
        x_obs = _to_matrix(residualize(ux, uz, mask), n)
        y_obs = _to_matrix(residualize(uy, uz, mask), n)
        rank_null = False
    else:
        x_obs, y_obs, rank_null = x, y, rank
    ident = np.arange(n, dtype=np.intp)[None, :]
    r = float(qap_null(x_obs, y_obs, ident, rank=rank_null)[0])
    p = qap_p_value(r, qap_null(x_obs, y_obs, perms, rank=rank_null)) if len(perms) else np.nan
    boot = bootstrap_correlations(x, y, draws, z=z, rank=rank)
    low, high = percentile_interval(boot, level=level) if len(draws) else (np.nan, np.nan)
    return r, float(p), float(np.clip(low, -1, 1)), float(np.clip(high, -1, 1))


def _check_options(n_permutations: int, n_bootstrap: int, level: float) -> None:
    for name, v in (("n_permutations", n_permutations), ("n_bootstrap", n_bootstrap)):
        if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < 0:
            raise ValueError(f"{name} must be an integer >= 0, got {v!r}")
    if not 0.0 < float(level) < 1.0:
        raise ValueError(f"level must be in (0, 1), got {level!r}")


def validate(
    scores: LabeledMatrix | pd.DataFrame,
    external: pd.DataFrame | LabeledMatrix,
    *,
    a: str = "A",
    b: str = "B",
    value: str | None = None,
    mapping: Mapping[str, str] | None = None,
    groups: Mapping[Any, Hashable] | None = None,
    n_permutations: int = 999,
    n_bootstrap: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> Validation:
    """Correlate a speaker x speaker score matrix with an external dyadic measure.

    Pearson and Spearman correlations over the pairs of matched speakers (the upper triangle;
    a pair missing on either side is left out), each with a QAP p-value (the node labels of
    the external matrix permuted, rows and columns together) and a speaker-bootstrap interval.
    With ``groups``, a same-group dummy (e.g. same continent) is reported the same way beside
    the score, and so is the partial correlation of the score with the external value given
    the dummy.

    Parameters
    ----------
    scores
        ``(S, S)`` score matrix: a :class:`~stancekit.LabeledMatrix` (e.g. from
        :func:`~stancekit.similarity`) or a square DataFrame with the same labels on its index
        and columns. An asymmetric matrix is averaged with its transpose; the diagonal is
        ignored.
    external
        A long table with one row per pair (columns ``a``, ``b``, ``value``; each unordered
        pair once, or repeated with the same value), or a square DataFrame / LabeledMatrix.
    a, b
        The long table's label columns.
    value
        Its value column; by default the only numeric column besides ``a`` and ``b``.
    mapping
        Score label -> external label (e.g. speaker name -> ISO3 code). Without it, labels
        match by name. Labels left unmatched are listed in the result, never dropped silently.
    groups
        Label (score or external) -> group, for the same-group baseline.
    n_permutations
        QAP permutations (0: no p-values).
    n_bootstrap
        Speaker-bootstrap draws (0: no intervals).
    level
        Interval coverage.
    seed
        Seed of the permutations and draws.

    Returns
    -------
    Validation
        One entry per measure: ``"score"``, and with ``groups`` ``"same group"`` and
        ``"score | same group"``.

    Raises
    ------
    ValueError
        A missing column, fewer than 3 matched labels (the message lists labels of both
        sides), two labels mapped to one, conflicting pair values, bad options.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from stancekit import LabeledMatrix
    >>> x = np.array([[1, .9, .2, .1], [.9, 1, .3, .2], [.2, .3, 1, .8], [.1, .2, .8, 1]])
    >>> sim = LabeledMatrix(x, ("a", "b", "c", "d"), ("a", "b", "c", "d"), "cosine")
    >>> votes = pd.DataFrame({"A": ["A", "A", "A", "B", "B", "C"],
    ...                       "B": ["B", "C", "D", "C", "D", "D"],
    ...                       "agree": [.95, .5, .4, .55, .45, .9]})
    >>> v = validate(sim, votes, mapping={"a": "A", "b": "B", "c": "C", "d": "D"},
    ...              n_permutations=0, n_bootstrap=0)
    >>> round(v.r, 3), v.n_matched, v.unmatched
    (0.997, 4, ())
    """
    _check_options(n_permutations, n_bootstrap, level)
    labels, x_all, score_name = _as_square(scores, "scores")
    ext_labels, y_all, ext_name = _external(external, a, b, value)
    si, ei, unmatched, unmatched_ext = _match(labels, ext_labels, mapping)
    x = x_all[np.ix_(si, si)]
    y = y_all[np.ix_(ei, ei)]
    kept = tuple(labels[k] for k in si)
    kept_ext = tuple(ext_labels[k] for k in ei)
    rng = np.random.default_rng(seed)
    perms = draw_permutations(rng, len(si), int(n_permutations))
    draws = rng.integers(0, len(si), size=(int(n_bootstrap), len(si))).astype(np.intp)
    rows: list[tuple[str, FloatArray, FloatArray | None]] = [("score", x, None)]
    ungrouped: tuple[str, ...] = ()
    if groups is not None:
        d, ungrouped = _dummy(kept, kept_ext, groups)
        rows += [("same group", d, None), ("score | same group", x, d)]
    stats: dict[str, list[float]] = {k: [] for k in _STATS + _RANK_STATS}
    n_pairs = []
    for _name, xm, zm in rows:
        ok = np.isfinite(_upper(xm)) & np.isfinite(_upper(y))
        if zm is not None:
            ok &= np.isfinite(_upper(zm))
        n_pairs.append(int(ok.sum()))
        for keys, rank in ((_STATS, False), (_RANK_STATS, True)):
            for key, val in zip(keys, _row(xm, y, perms, draws, level, rank, zm), strict=True):
                stats[key].append(val)
    return Validation(
        measures=tuple(r[0] for r in rows),
        n_pairs=np.array(n_pairs, dtype=np.int64),
        **{k: np.array(v, dtype=np.float64) for k, v in stats.items()},
        labels=kept,
        external_labels=kept_ext,
        unmatched=unmatched,
        unmatched_external=unmatched_ext,
        ungrouped=ungrouped,
        score_name=score_name,
        external_name=ext_name,
        n_permutations=int(n_permutations),
        n_bootstrap=int(n_bootstrap),
        level=float(level),
        seed=int(seed),
    )
