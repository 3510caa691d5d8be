"""``scale``: reference-anchored positions, ridge-shrunk with speaker-disjoint CV."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

from stancekit.compare._alignment import check_options
from stancekit.compare._input import Groups, embeddings_of, groups_of, labels_of, require_label
from stancekit.compare._lexical import lexical_blocks, lexical_positions, lexical_score
from stancekit.compare.results import Scaling, ScalingCV, ScalingModel
from stancekit.core import centroid_sums, group_offsets, scale_groups
from stancekit.core.scaling import choose_model, fit_axis, group_folds, nested_cv, ridge_dual
from stancekit.table import StatementTable

__all__ = ["apply_model", "scale"]

_METHODS = ("auto", "ridge", "exact")
MIN_CV_GROUPS = 5
"""Fewest reference groups (``cv_by`` values) with which ``method="auto"`` cross-validates."""
_GRID = np.logspace(-4.0, 2.0, 25)


def _reference(
    reference: Mapping[str, float], labels: tuple[str, ...], groups: object
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    if not isinstance(reference, Mapping) or len(reference) < 2:
        raise ValueError(
            "reference must map at least two speakers to positions, e.g. {'A': 1.0, 'B': -1.0}"
        )
    idx, pos = [], []
    for name, value in sorted(reference.items()):
        require_label(groups, name, "reference speaker")  # type: ignore[arg-type]
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise TypeError(f"position of {name!r} must be a number, got {value!r}")
        if not np.isfinite(value):
            raise ValueError(f"position of {name!r} must be finite, got {value!r}")
        idx.append(labels.index(name))
        pos.append(float(value))
    if len(set(pos)) < 2:
        raise ValueError(f"reference positions must not all be equal, got {dict(reference)}")
    return np.array(idx, dtype=np.intp), np.array(pos, dtype=np.float64)


def _analytic_se(
    scores_sorted: npt.NDArray[np.float64], offsets: npt.NDArray[np.intp]
) -> npt.NDArray[np.float64]:
    counts = np.diff(offsets)
    se = np.full(counts.size, np.nan)
    for_sd = counts > 1
    starts = offsets[:-1][counts > 0]
    s1 = np.add.reduceat(scores_sorted, starts)
    s2 = np.add.reduceat(scores_sorted**2, starts)
    n = counts[counts > 0].astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        var = np.maximum(s2 - s1**2 / n, 0.0) / (n - 1.0)
        se_present = np.sqrt(var / n)
    se[counts > 0] = se_present
    se[~for_sd] = np.nan
    return se


def _cv_groups(
    table: StatementTable, cv_by: str, groups: Groups, ref_idx: npt.NDArray[np.intp]
) -> tuple[str, ...]:
    """The ``cv_by`` value of every reference group (a group must have exactly one)."""
    if not isinstance(cv_by, str) or cv_by not in table.columns:
        raise KeyError(
            f"cannot cross-validate by {cv_by!r}: no such column; columns are {table.columns}"
        )
    _, values = labels_of(table.column(cv_by), f"column {cv_by!r}")
    names, _ = labels_of(table.column(cv_by), f"column {cv_by!r}")
    out = []
    for g in ref_idx:
        seen = np.unique(values[groups.codes == g])
        if seen.size != 1 or seen[0] < 0:
            found = [names[v] if v >= 0 else "<missing>" for v in seen]
            raise ValueError(
                f"reference {groups.labels[g]!r} must have one {cv_by!r} value to be "
                f"cross-validated, found {found}"
            )
        out.append(names[int(seen[0])])
    return tuple(out)


def _penalty_grid(
    G: npt.NDArray[np.float64], penalties: Sequence[float] | None
) -> npt.NDArray[np.float64]:
    if penalties is None:
        K = G - G.mean(axis=0) - G.mean(axis=1)[:, None] + G.mean()
        return float(max(np.trace(K), 1e-12) / G.shape[0]) * _GRID
    grid = np.asarray(penalties, dtype=np.float64).ravel()
    if grid.size == 0 or not np.all(np.isfinite(grid)) or np.any(grid <= 0):
        raise ValueError(f"penalties must be positive finite numbers, got {penalties!r}")
    return np.sort(grid)


def _cross_validate(
    grams: list[npt.NDArray[np.float64]],
    y: npt.NDArray[np.float64],
    labels: tuple[str, ...],
    cv_groups: tuple[str, ...],
    options: tuple[int, Sequence[float] | None, tuple[float, ...]],
    rng: np.random.Generator,
) -> tuple[ScalingCV, float, float]:
    """Choose the penalty (and lexical share) on all references; estimate the procedure's
    error out of fold by nested cross-validation. Returns the CV, penalty and share."""
    n_folds, penalties, shares = options
    grid = _penalty_grid(grams[0], penalties)
    codes = np.unique(np.array(cv_groups), return_inverse=True)[1].ravel()
    folds = group_folds(codes, min(n_folds, int(codes.max()) + 1), rng)
    cand, best, mse = choose_model(grams, y, folds, grid)
    oof, chosen = nested_cv(grams, y, folds, grid)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = float(np.corrcoef(oof, y)[0, 1]) if np.std(oof) > 0 else float("nan")
    cv = ScalingCV(
        labels=labels,
        group=cv_groups,
        fold=folds,
        observed=y,
        predicted=oof,
        pearson_r=r,
        rmse=float(np.sqrt(np.mean((oof - y) ** 2))),
        penalties=grid,
        cv_mse=mse[cand],
        fold_penalty=grid[chosen[:, 1]],
        lexical_shares=np.array(shares),
        share_mse=mse.min(axis=1),
        fold_share=np.array(shares)[chosen[:, 0]],
    )
    return cv, float(grid[best]), float(shares[cand])


def _interval(
    pos: npt.NDArray[np.float64],
    stmt: npt.NDArray[np.float64],
    offsets: npt.NDArray[np.intp],
    reps: npt.NDArray[np.float64],
    level: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    if reps.shape[0] > 1:
        se = reps.std(axis=0, ddof=1)
        lo, hi = np.quantile(reps, [(1 - level) / 2, (1 + level) / 2], axis=0)
        return se, lo, hi
    se = _analytic_se(stmt, offsets)
    half = NormalDist().inv_cdf((1 + level) / 2) * se
    return se, pos - half, pos + half


def _choose_method(method: str, n_groups: int) -> tuple[str, str]:
    if method not in _METHODS:
        raise ValueError(f"method must be one of {list(_METHODS)}, got {method!r}")
    if method == "ridge" and n_groups < 2:
        raise ValueError(f"method='ridge' needs references in at least 2 cv groups, got {n_groups}")
    if method != "auto":
        return method, ""
    if n_groups >= MIN_CV_GROUPS:
        return "ridge", ""
    return "exact", (
        f"exact axis through the references, no shrinkage: cross-validation needs references "
        f"in at least {MIN_CV_GROUPS} groups, got {n_groups}"
    )


def _check_int(name: str, value: object, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")


def scale(
    table: StatementTable,
    reference: Mapping[str, float],
    *,
    by: str = "speaker",
    method: str = "auto",
    cv_by: str | None = None,
    n_folds: int = 10,
    penalties: Sequence[float] | None = None,
    lexical: bool = False,
    n_bootstrap: int = 1000,
    level: float = 0.95,
    center: bool = False,
    seed: int = 0,
) -> Scaling:
    """Place every speaker on an axis anchored by reference speakers with known positions.

    Wordscores on embeddings, with shrinkage. A statement with embedding ``x`` scores
    ``alpha + x . w`` and a speaker's position is the mean of its statements' scores,
    ``alpha + m . w`` for its mean vector ``m``. ``(alpha, w)`` is a ridge regression of the
    references' positions on their mean vectors, ``w`` minimising
    ``sum_r (y_r - alpha - m_r . w)^2 + lambda |w|^2``, with ``lambda`` chosen by
    speaker-disjoint cross-validation (folds of whole ``cv_by`` groups) and the error of the
    whole procedure estimated by nested cross-validation (``result.cv``). With fewer than
    five reference groups cross-validation is impossible and the axis is the exact
    minimum-norm one (``lambda -> 0``), which puts the references on their positions; with two
    references A (+1) and B (-1) a speaker's position is then
    ``1 - 2 (m - m_A) . (m_B - m_A) / |m_B - m_A|^2``.

    Parameters
    ----------
    table
        Statements with embeddings.
    reference
        At least two speakers (``by`` values) and their positions, e.g.
        ``{"USA": 1.0, "Russia": -1.0}``.
    by
        Grouping column.
    method
        ``"auto"`` (ridge when the references fall in at least five ``cv_by`` groups, else
        exact), ``"ridge"`` or ``"exact"``.
    cv_by
        Column whose values are kept whole in the cross-validation folds (default ``by``). Use
        it when ``by`` splits a speaker, e.g. ``by="speaker_year"``, ``cv_by="speaker"``: no
        speaker is then in a training and a test fold at once.
    n_folds
        Folds of the cross-validation (at most one per group).
    penalties
        Ridge penalties to choose from (default 25 values, log-spaced from ``1e-4`` to ``1e2``
        times the references' mean squared distance from their centroid).
    lexical
        Add a lexical channel: the TF-IDF vector of each speaker's statements taken together
        (vocabulary fitted on this table), in the same ridge, its weight against the
        embeddings chosen by the cross-validation among 0, 0.25, 0.5, 0.75 and 1. Needs the
        ridge method.
    n_bootstrap
        Resamples of every speaker's statements (references too: the axis is refitted each
        time with the chosen penalty; with ``lexical`` the fitted model is held fixed); ``0``
        gives analytic standard errors with the axis held fixed (NaN with ``lexical``; its
        interval is the normal one from the bootstrap ``se``).
    level
        Interval coverage.
    center
        Remove the corpus mean vector first (and renormalise); :meth:`Scaling.transform`
        removes this corpus's mean from the other table.
    seed
        Seed of the folds and of the resampling.

    Returns
    -------
    Scaling
        Position, standard error and interval of every speaker, sorted by label, the
        pair-score matrix (``pair_scores``), the cross-validation (``cv``) and the fitted
        axis (``model``) for :meth:`Scaling.transform`.

    Examples
    --------
    >>> import numpy as np
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.compare import scale
    >>> t = StatementTable.from_statements(
    ...     [Statement("a", s, "x", 0, 1) for s in ["USA", "RUS", "FRA"]])
    >>> X = np.array([[1, 0], [0, 1], [0.8, 0.6]], dtype=np.float32)
    >>> res = scale(t.with_embeddings(X, {"model": "toy"}), {"USA": 1.0, "RUS": -1.0},
    ...             n_bootstrap=0)
    >>> [round(float(p), 2) for p in res.position]  # FRA, RUS, USA
    [0.2, -1.0, 1.0]
    >>> res.method, round(res.pair_scores["FRA", "USA"], 2)
    ('exact', -0.8)
    """
    check_options("soft", level, "greater")
    _check_int("n_bootstrap", n_bootstrap, 0)
    _check_int("n_folds", n_folds, 2)
    X = embeddings_of(table, center=center)
    groups = groups_of(table, by)
    ref_idx, y = _reference(reference, groups.labels, groups)
    cv_groups = _cv_groups(table, by if cv_by is None else cv_by, groups, ref_idx)
    chosen, note = _choose_method(method, len(set(cv_groups)))
    keep = groups.codes >= 0
    order, offsets = group_offsets(groups.codes[keep], len(groups.labels))
    Xs = (X[keep] if not keep.all() else X)[order]
    rng = np.random.default_rng(seed)
    if chosen != "ridge":
        if lexical:
            raise ValueError(f"lexical=True needs the ridge method, got {chosen!r}. {note}")
        return _exact(
            Xs,
            offsets,
            groups.labels,
            ref_idx,
            y,
            (n_bootstrap, level, rng),
            note,
            table,
            by,
            center,
        )
    sorted_codes = np.repeat(np.arange(len(groups.labels)), np.diff(offsets))
    sums, counts = centroid_sums(Xs, sorted_codes, len(groups.labels))
    means = sums / np.maximum(counts, 1)[:, None]
    texts = None
    if lexical:
        texts = np.asarray(table.column("text"), dtype=object)[keep][order]
    lex = lexical_blocks(texts, sorted_codes, len(groups.labels), ref_idx)
    E = means[ref_idx] - means[ref_idx].mean(axis=0)
    G = E @ E.T
    grams: list[npt.NDArray[np.float64]] = [G]
    shares: tuple[float, ...] = (0.0,)
    if lex is not None:
        scale_l = np.trace(G) / max(float(np.trace(lex.gram)), 1e-300)
        shares = _SHARES
        grams = [(1 - w) * G + w * scale_l * lex.gram for w in shares]
    labels = tuple(groups.labels[i] for i in ref_idx)
    cv, penalty, share = _cross_validate(
        grams, y, labels, cv_groups, (n_folds, penalties, shares), rng
    )
    beta = ridge_dual(grams[shares.index(share)], y, penalty)
    w_e = (1 - share) * (E.T @ beta)
    w_l = None
    if lex is not None:
        w_l = np.asarray(lex.docs[ref_idx].T @ beta).ravel() * share * scale_l
    fitted = means[ref_idx] @ w_e + (0.0 if lex is None else lex.docs[ref_idx] @ w_l)
    model = ScalingModel(
        weights=w_e,
        intercept=float(np.mean(y - fitted)),
        penalty=penalty,
        method="ridge",
        by=by,
        model=_model_name(table),
        center_mean=_center_mean(table) if center else None,
        lexicon=None if lex is None else lex.lexicon,
        lexical_weights=w_l,
        lexical_share=share,
    )
    boot = (n_bootstrap, float(level), rng)
    if lex is None:
        pos, stmt, reps = scale_groups(
            Xs, offsets, ref_idx, y, n_bootstrap=n_bootstrap, rng=rng, penalty=penalty
        )
        stats: tuple[npt.NDArray[np.float64], ...] = (
            pos,
            *_interval(pos, stmt, offsets, reps, float(level)),
        )
    else:
        stats = lexical_positions(model, Xs, offsets, lex, boot)
    return _result(
        groups.labels, stats, offsets, ref_idx, float(level), cv, model, _edge(cv, penalty)
    )


_SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)


def _result(
    labels: tuple[str, ...],
    stats: tuple[npt.NDArray[np.float64], ...],
    offsets: npt.NDArray[np.intp],
    ref_idx: npt.NDArray[np.intp],
    level: float,
    cv: ScalingCV | None,
    model: ScalingModel,
    note: str = "",
) -> Scaling:
    pos, se, lo, hi = stats
    is_ref = np.zeros(len(labels), dtype=bool)
    is_ref[ref_idx] = True
    return Scaling(
        labels=labels,
        position=pos,
        se=se,
        ci_low=lo,
        ci_high=hi,
        level=level,
        n=np.diff(offsets).astype(np.int64),
        reference=is_ref,
        method=model.method,
        penalty=model.penalty,
        cv=cv,
        model=model,
        note=note,
    )


def _exact(
    Xs: npt.NDArray[np.float32],
    offsets: npt.NDArray[np.intp],
    labels: tuple[str, ...],
    ref_idx: npt.NDArray[np.intp],
    y: npt.NDArray[np.float64],
    boot: tuple[int, float, np.random.Generator],
    note: str,
    table: StatementTable,
    by: str,
    center: bool,
) -> Scaling:
    """The minimum-norm axis through the references (no shrinkage, no cross-validation)."""
    n_bootstrap, level, rng = boot
    pos, stmt, reps = scale_groups(Xs, offsets, ref_idx, y, n_bootstrap=n_bootstrap, rng=rng)
    counts = np.diff(offsets)
    sums, _ = centroid_sums(Xs, np.repeat(np.arange(counts.size), counts), counts.size)
    w, alpha = fit_axis(sums[ref_idx] / counts[ref_idx, None], y)
    model = ScalingModel(
        weights=w,
        intercept=alpha,
        penalty=0.0,
        method="exact",
        by=by,
        model=_model_name(table),
        center_mean=_center_mean(table) if center else None,
    )
    stats = (pos, *_interval(pos, stmt, offsets, reps, level))
    return _result(labels, stats, offsets, ref_idx, level, None, model, note)


def _edge(cv: ScalingCV, chosen: float) -> str:
    """A note when the chosen penalty is at an end of the grid (the grid may be too narrow)."""
    for end, at in (("lower", cv.penalties[0]), ("upper", cv.penalties[-1])):
        if np.isclose(chosen, at, rtol=1e-9):
            return f"the chosen penalty {at:.3g} is at the {end} end of the grid"
    return ""


def _model_name(table: StatementTable) -> str | None:
    name = table.provenance.get("model")
    return None if name is None else str(name)


def _center_mean(table: StatementTable) -> npt.NDArray[np.float32]:
    mean = embeddings_of(table).mean(axis=0, dtype=np.float64)
    return np.asarray(mean, dtype=np.float32)


def apply_model(model: ScalingModel, table: StatementTable, *, by: str, level: float) -> Scaling:
    """Positions of ``table``'s speakers on a fitted axis (what :meth:`Scaling.transform` does)."""
    check_options("soft", level, "greater")
    X = embeddings_of(table)
    if X.shape[1] != model.weights.size:
        raise ValueError(
            f"the table's embeddings have {X.shape[1]} dimensions, the axis was fitted on "
            f"{model.weights.size}"
        )
    other = table.provenance.get("model")
    if model.model is not None and other is not None and str(other) != model.model:
        raise ValueError(
            f"the table was embedded with {other!r}, the axis was fitted on {model.model!r}"
        )
    if model.center_mean is not None:
        X = X - model.center_mean
        norms = np.linalg.norm(X, axis=1, keepdims=True)
        X = (X / np.where(norms > 0, norms, 1.0)).astype(np.float32)
    groups = groups_of(table, by)
    keep = groups.codes >= 0
    order, offsets = group_offsets(groups.codes[keep], len(groups.labels))
    Xs = (X[keep] if not keep.all() else X)[order]
    stmt = (Xs @ model.weights.astype(np.float32)).astype(np.float64) + model.intercept
    counts = np.diff(offsets)
    with np.errstate(invalid="ignore", divide="ignore"):
        pos = np.bincount(np.repeat(np.arange(counts.size), counts), stmt, counts.size) / counts
    se, lo, hi = _interval(pos, stmt, offsets, np.empty((0, counts.size)), float(level))
    if model.lexicon is not None:
        texts = np.asarray(table.column("text"), dtype=object)[keep][order]
        codes = np.repeat(np.arange(counts.size), counts)
        pos = lexical_score(model, Xs, model.lexicon.counts(list(texts)), codes, counts)
        se = lo = hi = np.full(counts.size, np.nan)
    return Scaling(
        labels=groups.labels,
        position=pos,
        se=se,
        ci_low=lo,
        ci_high=hi,
        level=float(level),
        n=counts.astype(np.int64),
        reference=np.zeros(counts.size, dtype=bool),
        method=model.method,
        penalty=model.penalty,
        model=model,
    )
