"""``alignment``: one dyad's score with calibration, topic and time breakdowns, and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit._windows import bin_spans, window_names
from stancekit.compare._echoes import echo_rows, pairs_result
from stancekit.compare._input import (
    Groups,
    embeddings_of,
    require_label,
    substantive_groups,
    topics_of,
)
from stancekit.compare._pair import PairScore, combine, score_pair
from stancekit.compare.results import Alignment, Breakdown
from stancekit.core import js_overlap
from stancekit.core.stats import Alternative
from stancekit.table import StatementTable

__all__ = ["alignment", "check_options"]

_METHODS = ("soft", "centroid")
_ALTERNATIVES = ("greater", "less", "two-sided")


def _count(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {value!r}")
    return int(value)


def check_options(method: str, level: float, alternative: str) -> None:
    """Raise ValueError for an unknown method or alternative or a level outside (0, 1)."""
    if method not in _METHODS:
        raise ValueError(f"method must be one of {list(_METHODS)}, got {method!r}")
    if not isinstance(level, (float, int)) or not 0.0 < float(level) < 1.0:
        raise ValueError(f"level must be in (0, 1), got {level!r}")
    if alternative not in _ALTERNATIVES:
        raise ValueError(f"alternative must be one of {list(_ALTERNATIVES)}, got {alternative!r}")


def _breakdown(
    kind: str,
    labels: Sequence[str],
    parts: list[PairScore],
    n_a: npt.NDArray[np.int64],
    n_b: npt.NDArray[np.int64],
    dates: tuple[npt.NDArray[np.datetime64], npt.NDArray[np.datetime64]] | None = None,
) -> Breakdown:
    def col(name: str) -> npt.NDArray[np.float64]:
        return np.array([getattr(q, name) for q in parts], dtype=np.float64)

    with np.errstate(invalid="ignore", divide="ignore"):
        share_a = n_a / max(int(n_a.sum()), 1)
        share_b = n_b / max(int(n_b.sum()), 1)
    return Breakdown(
        kind=kind,
        labels=tuple(labels),
        n_a=n_a,
        n_b=n_b,
        share_a=share_a.astype(np.float64),
        share_b=share_b.astype(np.float64),
        score=col("score"),
        precision=col("precision"),
        recall=col("recall"),
        ci_low=col("ci_low"),
        ci_high=col("ci_high"),
        z=col("z"),
        p=col("p"),
        start=None if dates is None else dates[0],
        end=None if dates is None else dates[1],
    )


def _units(
    unit_rows: list[npt.NDArray[np.int64]],
    rows_a: npt.NDArray[np.int64],
    rows_b: npt.NDArray[np.int64],
    X: npt.NDArray[np.float32],
    opts: dict[str, Any],
    tag: int,
) -> tuple[list[PairScore], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Score the dyad within each unit (a topic or a window), labels shuffled in the unit."""
    parts, n_a, n_b = [], [], []
    seed = opts.pop("seed")
    for u, rows in enumerate(unit_rows):
        ra = rows_a[np.isin(rows_a, rows)]
        rb = rows_b[np.isin(rows_b, rows)]
        parts.append(score_pair(X, ra, rb, rows, seed=[seed, tag, u], **opts))
        n_a.append(ra.size)
        n_b.append(rb.size)
    opts["seed"] = seed
    return parts, np.array(n_a, dtype=np.int64), np.array(n_b, dtype=np.int64)


def _topic_part(
    table: StatementTable,
    topics: Any,
    valid: npt.NDArray[np.bool_],
    rows: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    X: npt.NDArray[np.float32],
    opts: dict[str, Any],
) -> tuple[Breakdown, float, tuple[float, float, float, float, float]]:
    labels, tcodes = topics_of(table, topics)
    unit_rows = [np.flatnonzero(valid & (tcodes == t)) for t in range(len(labels))]
    parts, n_a, n_b = _units(unit_rows, rows[0], rows[1], X, opts, tag=1)
    counts = np.stack([n_a, n_b]).astype(np.float64)
    agenda = float(js_overlap(counts)[0, 1]) if n_a.sum() and n_b.sum() else float("nan")
    bd = _breakdown("topic", labels, parts, n_a, n_b)
    weights = np.minimum(bd.share_a, bd.share_b)
    position = combine(
        parts,
        weights,
        method=opts["method"],
        level=opts["level"],
        alternative=opts["alternative"],
    )
    return bd, agenda, position


def _window_part(
    table: StatementTable,
    window: str,
    valid: npt.NDArray[np.bool_],
    rows: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    X: npt.NDArray[np.float32],
    opts: dict[str, Any],
) -> Breakdown:
    dates = pd.DatetimeIndex(table.column("date"))
    dated = np.flatnonzero(valid & dates.notna())
    if dated.size == 0:
        raise ValueError("window needs dates, but no statement has a date")
    series = pd.Series(dated, index=dates[dated]).sort_index(kind="stable")
    try:
        bins = list(series.resample(window))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"window {window!r} is not a pandas frequency: {exc}") from None
    side = np.union1d(rows[0], rows[1])
    bins = [(label, grp) for label, grp in bins if np.isin(grp.to_numpy(), side).any()]
    unit_rows = [np.sort(grp.to_numpy()).astype(np.int64) for _, grp in bins]
    labels = window_names(*bin_spans([label for label, _ in bins], window))
    parts, n_a, n_b = _units(unit_rows, rows[0], rows[1], X, opts, tag=2)
    start = np.array([grp.index.min() for _, grp in bins], dtype="datetime64[ns]")
    end = np.array([grp.index.max() for _, grp in bins], dtype="datetime64[ns]")
    return _breakdown("window", labels, parts, n_a, n_b, (start, end))


def alignment(
    table: StatementTable,
    a: str,
    b: str,
    *,
    method: str = "soft",
    by: str = "speaker",
    topics: str | npt.ArrayLike | None = None,
    window: str | None = None,
    n_permutations: int = 999,
    n_bootstrap: int = 1000,
    level: float = 0.95,
    alternative: Alternative = "greater",
    n_pairs: int = 10,
    center: bool = False,
    seed: int = 0,
    keep_formulaic: bool = False,
) -> Alignment:
    """How close the positions of ``a`` and ``b`` are, how sure we are, on what and when.

    Parameters
    ----------
    table
        Statements with embeddings (``stancekit.embed``).
    a, b
        Two different values of the ``by`` column (speaker names by default).
    method
        ``"soft"``: BERTScore-style soft alignment F (every statement matched to its best
        counterpart); ``"centroid"``: cosine of the mean statement vectors.
    by
        Column defining the sides: ``"speaker"``, ``"country"`` or any other.
    topics
        A column name or one topic label per statement: adds the per-topic breakdown, the
        agenda overlap and the position score (see ``docs/scores.md``).
    window
        A pandas frequency (``"365D"``, ``"YE"``, ``"QE"``, ...) on the ``date`` column: adds
        the per-window breakdown (windows where either side speaks).
    n_permutations
        Draws of the null (side labels shuffled among the corpus's statements, or among a
        unit's statements for the breakdowns); ``0`` skips z and p.
    n_bootstrap
        Resamples of each side's statements for the interval; ``0`` skips it.
    level
        Nominal coverage of the interval.
    alternative
        ``"greater"`` (more aligned than chance), ``"less"`` or ``"two-sided"``.
    n_pairs
        Statement pairs kept as evidence (``pairs``).
    center
        Remove the mean vector of the statements compared first.
    seed
        Seed of every random draw (results depend on it only).
    keep_formulaic
        Keep greetings, thanks and other formulae (:mod:`stancekit.formulaic`); by default
        they are left out of the score, the null and the pairs, and counted in
        ``n_formulaic``.

    Returns
    -------
    Alignment
        Frozen result; ``to_pandas()`` gives its scalar fields, ``by_topic.to_pandas()`` and
        ``pairs.to_pandas()`` the rest.

    Examples
    --------
    >>> import numpy as np
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.compare import alignment
    >>> t = StatementTable.from_statements(
    ...     [Statement("a", s, "x", 0, 1) for s in ["Xi", "Xi", "Japarov", "Japarov"]])
    >>> X = np.array([[1, 0], [0, 1], [1, 0], [0.6, 0.8]], dtype=np.float32)
    >>> res = alignment(t.with_embeddings(X, {"model": "toy"}), "Xi", "Japarov",
    ...                 n_permutations=0, n_bootstrap=0)
    >>> round(res.precision, 2), round(res.recall, 2), round(res.score, 2)
    (0.9, 0.9, 0.9)
    """
    check_options(method, level, alternative)
    opts: dict[str, Any] = {
        "method": method,
        "n_permutations": _count(n_permutations, "n_permutations"),
        "n_bootstrap": _count(n_bootstrap, "n_bootstrap"),
        "level": float(level),
        "alternative": alternative,
        "seed": _count(seed, "seed"),
    }
    groups: Groups = substantive_groups(table, by, keep_formulaic=keep_formulaic, warn=False)
    X = embeddings_of(table, center=center, groups=groups)
    a, b = require_label(groups, a, "a"), require_label(groups, b, "b")
    if a == b:
        raise ValueError(f"a and b are the same {by} {a!r}; compare two different ones")
    valid = groups.codes >= 0
    rows = (groups.rows(a), groups.rows(b))
    pool = None if valid.all() else np.flatnonzero(valid)
    seed_ = opts.pop("seed")
    overall = score_pair(X, rows[0], rows[1], pool, seed=[seed_, 0, 0], **opts)
    opts["seed"] = seed_
    nan = float("nan")
    by_topic, agenda, position = None, nan, (nan, nan, nan, nan, nan)
    if topics is not None:
        by_topic, agenda, position = _topic_part(table, topics, valid, rows, X, opts)
    by_window = None if window is None else _window_part(table, window, valid, rows, X, opts)
    pairs = echo_rows(X, groups.codes, rows[0], rows[1], _count(n_pairs, "n_pairs"))
    return Alignment(
        a=a, b=b, method=method, by=by,
        score=overall.score, precision=overall.precision, recall=overall.recall,
        ci_low=overall.ci_low, ci_high=overall.ci_high, level=float(level),
        z=overall.z, p=overall.p, null_mean=overall.null_mean, null_std=overall.null_std,
        alternative=alternative, n_a=int(rows[0].size), n_b=int(rows[1].size),
        n_permutations=opts["n_permutations"], n_bootstrap=opts["n_bootstrap"], seed=seed_,
        agenda=agenda, position=position[0], position_ci_low=position[1],
        position_ci_high=position[2], position_z=position[3], position_p=position[4],
        by_topic=by_topic, by_window=by_window,
        pairs=pairs_result(table, groups, pairs), reason=overall.reason,
        n_formulaic=groups.n_formulaic,
    )  # fmt: skip
