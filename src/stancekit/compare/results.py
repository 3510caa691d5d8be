"""Result objects of the comparison functions: frozen dataclasses of arrays with ``to_pandas``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.data import LabeledMatrix

__all__ = ["Alignment", "Breakdown", "Echoes", "Scaling", "ScalingCV", "ScalingModel"]


def _freeze(obj: Any) -> None:
    """Make every array field a read-only copy and every sequence of labels a tuple."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, np.ndarray):
            arr = np.array(value)
            arr.flags.writeable = False
            object.__setattr__(obj, f.name, arr)
        elif isinstance(value, list):
            object.__setattr__(obj, f.name, tuple(value))


def _names(labels: tuple[str, ...] | list[str], k: int = 4) -> str:
    """The first ``k`` labels, then how many more: ``'A', 'B', … (+7 more)``."""
    shown = ", ".join(repr(str(x)) for x in labels[:k])
    return shown + (f", … (+{len(labels) - k} more)" if len(labels) > k else "")


def _num(value: float) -> str:
    """A score in a repr: 3 decimals, ``nan`` as such."""
    return f"{value:.3g}" if abs(value) >= 1000 else f"{value:.3f}"


def _span(values: npt.NDArray[Any]) -> str:
    """``min–max`` of the finite values, or ``none`` when there is none."""
    finite = np.asarray(values, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    return f"{_num(finite.min())}–{_num(finite.max())}" if finite.size else "none"


@dataclass(frozen=True, eq=False)
class Echoes:
    """The most similar cross-speaker statement pairs, best first.

    Attributes
    ----------
    score
        ``(k,)`` cosine of each pair, descending (ties: lower row first).
    row_a, row_b
        ``(k,)`` row indices of the two statements in the table.
    speaker_a, speaker_b
        Group labels (speakers, or the ``by`` column's values) of the two statements.
    text_a, text_b
        The statements' texts.
    span_a, span_b
        The matched text: the whole statement, or the best-matching clause with
        ``unit="clause"``.
    article_a, article_b
        Their article ids.
    n_formulaic
        Formulaic statements left out before the search (``keep_formulaic=False``).
    """

    score: npt.NDArray[np.float64]
    row_a: npt.NDArray[np.int64]
    row_b: npt.NDArray[np.int64]
    speaker_a: tuple[str, ...]
    speaker_b: tuple[str, ...]
    text_a: tuple[str, ...]
    text_b: tuple[str, ...]
    span_a: tuple[str, ...]
    span_b: tuple[str, ...]
    article_a: tuple[str, ...]
    article_b: tuple[str, ...]
    n_formulaic: int = 0

    def __post_init__(self) -> None:
        _freeze(self)

    def __len__(self) -> int:
        return int(self.score.size)

    def __repr__(self) -> str:
        speakers = tuple(dict.fromkeys(self.speaker_a + self.speaker_b))
        return (
            f"Echoes({len(self)} pairs, score {_span(self.score)}, "
            f"speakers ({_names(speakers)}), n_formulaic={self.n_formulaic})"
        )

    def to_pandas(self) -> pd.DataFrame:
        """One row per pair, best first (``attrs["n_formulaic"]``: statements left out)."""
        frame = pd.DataFrame(
            {f.name: list(getattr(self, f.name)) for f in fields(self) if f.name != "n_formulaic"}
        )
        frame.attrs["n_formulaic"] = self.n_formulaic
        return frame


@dataclass(frozen=True, eq=False)
class Breakdown:
    """Scores of one dyad restricted to each topic or each time window.

    Attributes
    ----------
    kind
        ``"topic"`` or ``"window"``.
    labels
        ``U`` topic labels (sorted) or window labels (each window's whole span, first and
        last period joined by an en dash: ``2014–2018``, ``2017``, ``2017Q1``,
        ``2017-03–2017-04``, ``2019-12-30–2020-01-05``).
    n_a, n_b
        ``(U,)`` statements of each side in the unit.
    share_a, share_b
        ``(U,)`` share of each side's statements in the unit (topic shares; for windows the
        share of the side's dated statements).
    score, precision, recall
        ``(U,)`` the score within the unit (precision/recall NaN for the centroid method); NaN
        where a side has no statement.
    ci_low, ci_high
        ``(U,)`` bootstrap interval.
    z, p
        ``(U,)`` against labels shuffled among the unit's statements.
    start, end
        ``(U,)`` first and last statement date in each window (``None`` for topics).
    """

    kind: str
    labels: tuple[str, ...]
    n_a: npt.NDArray[np.int64]
    n_b: npt.NDArray[np.int64]
    share_a: npt.NDArray[np.float64]
    share_b: npt.NDArray[np.float64]
    score: npt.NDArray[np.float64]
    precision: npt.NDArray[np.float64]
    recall: npt.NDArray[np.float64]
    ci_low: npt.NDArray[np.float64]
    ci_high: npt.NDArray[np.float64]
    z: npt.NDArray[np.float64]
    p: npt.NDArray[np.float64]
    start: npt.NDArray[np.datetime64] | None = None
    end: npt.NDArray[np.datetime64] | None = None

    def __post_init__(self) -> None:
        _freeze(self)

    def __len__(self) -> int:
        return len(self.labels)

    def __repr__(self) -> str:
        return (
            f"Breakdown(kind={self.kind!r}, {len(self)} rows ({_names(self.labels)}), "
            f"score {_span(self.score)}, statements {int(self.n_a.sum())} and "
            f"{int(self.n_b.sum())})"
        )

    def to_pandas(self) -> pd.DataFrame:
        """One row per topic or window, indexed by label."""
        cols = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("kind", "labels") and getattr(self, f.name) is not None
        }
        return pd.DataFrame(cols, index=pd.Index(list(self.labels), name=self.kind))


@dataclass(frozen=True, eq=False)
class Alignment:
    """How close two speakers' positions are, with calibration and explanation.

    Attributes
    ----------
    a, b
        The two sides (labels of the ``by`` column).
    method, by
        Score (``"soft"`` or ``"centroid"``) and grouping column.
    score
        Soft-alignment F (or centroid cosine) over all statements of the two sides.
    precision, recall
        Soft-alignment precision (mean over A's statements of the best cosine among B's) and
        recall (the reverse); NaN for the centroid method.
    ci_low, ci_high, level
        Bootstrap interval over statements and its nominal coverage.
    z, p, null_mean, null_std
        Against speaker labels shuffled within the corpus; ``p`` has the +1 correction.
    alternative
        Direction of ``p``.
    n_a, n_b
        Statements of each side.
    n_permutations, n_bootstrap, seed
        Calibration settings.
    agenda
        ``1 - JSD`` (base 2) of the two sides' topic shares (NaN without topics).
    position, position_ci_low, position_ci_high, position_z, position_p
        Topic-weighted score within shared topics (weights ``min(share_a, share_b)``), with
        its interval and its test against labels shuffled within each topic (NaN without
        topics or without a shared topic).
    by_topic, by_window
        Per-topic and per-window breakdowns (``None`` unless asked for).
    pairs
        The most similar statement pairs between the two sides: what the score rests on.
    reason
        Why ``z`` and ``p`` are NaN (``"constant null"``: the shuffled labellings all score
        the same, as with one statement per side and nothing else to shuffle; ...), ``""``
        when they are not.
    n_formulaic
        Formulaic statements of the corpus left out of every score, null and pair
        (``keep_formulaic=False``); ``n_a`` and ``n_b`` count what is left.
    """

    a: str
    b: str
    method: str
    by: str
    score: float
    precision: float
    recall: float
    ci_low: float
    ci_high: float
    level: float
    z: float
    p: float
    null_mean: float
    null_std: float
    alternative: str
    n_a: int
    n_b: int
    n_permutations: int
    n_bootstrap: int
    seed: int
    agenda: float
    position: float
    position_ci_low: float
    position_ci_high: float
    position_z: float
    position_p: float
    by_topic: Breakdown | None
    by_window: Breakdown | None
    pairs: Echoes
    reason: str = ""
    n_formulaic: int = 0

    def __repr__(self) -> str:
        parts = [
            f"{self.a!r} vs {self.b!r}",
            f"method={self.method!r}",
            f"score={_num(self.score)} [{_num(self.ci_low)}, {_num(self.ci_high)}] "
            f"({self.level:.0%})",
            f"z={_num(self.z)}",
            f"p={_num(self.p)}",
            f"n_a={self.n_a}",
            f"n_b={self.n_b}",
            f"pairs={len(self.pairs)}",
            f"n_formulaic={self.n_formulaic}",
        ]
        for name in ("by_topic", "by_window"):
            part = getattr(self, name)
            if part is not None:
                parts.append(f"{name}={len(part)} rows")
        if self.reason:
            parts.append(f"reason={self.reason!r}")
        return f"Alignment({', '.join(parts)})"

    def summary(self) -> dict[str, Any]:
        """The scalar fields as a dict."""
        skip = ("by_topic", "by_window", "pairs")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skip}

    def to_pandas(self) -> pd.DataFrame:
        """A one-row frame of the scalar fields (breakdowns and pairs have their own)."""
        return pd.DataFrame([self.summary()])


@dataclass(frozen=True, eq=False)
class ScalingCV:
    """Speaker-disjoint cross-validation of a reference-anchored scaling.

    Attributes
    ----------
    labels
        ``R`` reference speakers (sorted).
    group
        ``R`` their cross-validation groups (the ``cv_by`` value): a group's references are
        always in the same fold, so no speaker is in a training and a test fold at once.
    fold
        ``(R,)`` fold of every reference.
    observed
        ``(R,)`` the given positions.
    predicted
        ``(R,)`` out-of-fold predictions: each fold predicted by a model fitted on the other
        folds, its penalty chosen by an inner cross-validation over those folds only.
    pearson_r, rmse
        Correlation and root mean squared error of ``predicted`` against ``observed``.
    penalties
        ``(P,)`` the penalty grid.
    cv_mse
        ``(P,)`` cross-validated mean squared error of every penalty on all references (at the
        chosen lexical share); the fitted model uses the smallest (ties: the stronger penalty).
    fold_penalty
        ``(k,)`` penalty chosen inside each outer training set.
    lexical_shares
        ``(M,)`` candidate weights of the lexical channel (``(0.0,)`` without it).
    share_mse
        ``(M,)`` best cross-validated error of every candidate share.
    fold_share
        ``(k,)`` share chosen inside each outer training set.
    """

    labels: tuple[str, ...]
    group: tuple[str, ...]
    fold: npt.NDArray[np.intp]
    observed: npt.NDArray[np.float64]
    predicted: npt.NDArray[np.float64]
    pearson_r: float
    rmse: float
    penalties: npt.NDArray[np.float64]
    cv_mse: npt.NDArray[np.float64]
    fold_penalty: npt.NDArray[np.float64]
    lexical_shares: npt.NDArray[np.float64]
    share_mse: npt.NDArray[np.float64]
    fold_share: npt.NDArray[np.float64]

    def __post_init__(self) -> None:
        _freeze(self)

    @property
    def n_folds(self) -> int:
        """Number of folds."""
        return int(np.unique(self.fold).size)

    def __repr__(self) -> str:
        return (
            f"ScalingCV({len(self.labels)} labels, {self.n_folds} folds, "
            f"pearson_r={_num(self.pearson_r)}, rmse={_num(self.rmse)})"
        )

    def to_pandas(self) -> pd.DataFrame:
        """One row per reference: group, fold, observed and out-of-fold predicted position."""
        return pd.DataFrame(
            {
                "group": list(self.group),
                "fold": self.fold,
                "observed": self.observed,
                "predicted": self.predicted,
            },
            index=pd.Index(list(self.labels), name="speaker"),
        )


@dataclass(frozen=True, eq=False)
class ScalingModel:
    """A fitted scaling axis that places the speakers of any table with the same embeddings.

    A statement with embedding ``x`` scores ``intercept + x . weights`` (``x`` centred by the
    fitting corpus's mean and renormalised first when ``center``); a speaker's position is the
    mean of its statements' scores.

    Attributes
    ----------
    weights
        ``(d,)`` direction of the axis.
    intercept
        Offset.
    penalty
        Ridge penalty the axis was fitted with (``0``: exact minimum-norm axis).
    method
        ``"ridge"`` or ``"exact"``.
    by
        Grouping column used when fitting (the default for :meth:`transform`).
    model
        Embedding model of the fitting table (from its provenance), or ``None``.
    center_mean
        ``(d,)`` the fitting corpus's mean embedding when fitted with ``center=True``.
    lexicon
        The fitted vocabulary of the lexical channel, or ``None`` without it; a speaker's
        position then adds ``t . lexical_weights`` for the TF-IDF vector ``t`` of its
        statements taken together (so it is no longer a mean of statement scores).
    lexical_weights
        ``(V,)`` weights of the lexical channel.
    lexical_share
        Weight of the lexical channel in the fitted kernel (``0``: embeddings only).
    """

    weights: npt.NDArray[np.float64]
    intercept: float
    penalty: float
    method: str
    by: str = "speaker"
    model: str | None = None
    center_mean: npt.NDArray[np.float32] | None = None
    lexicon: Any = None
    lexical_weights: npt.NDArray[np.float64] | None = None
    lexical_share: float = 0.0

    def __post_init__(self) -> None:
        _freeze(self)

    def __repr__(self) -> str:
        return (
            f"ScalingModel(method={self.method!r}, by={self.by!r}, model={self.model!r}, "
            f"dimension={self.weights.size}, penalty={self.penalty:.3g}, "
            f"intercept={_num(self.intercept)}, lexical_share={_num(self.lexical_share)})"
        )

    def transform(self, table: Any, *, by: str | None = None, level: float = 0.95) -> Scaling:
        """Positions of another table's speakers on this axis.

        Parameters
        ----------
        table
            A :class:`~stancekit.StatementTable` embedded with the same model.
        by
            Grouping column (default: the one used when fitting).
        level
            Coverage of the normal interval from ``se = sd(scores) / sqrt(n)`` (the axis held
            fixed: statement sampling only; NaN with the lexical channel).

        Returns
        -------
        Scaling
            Every speaker of ``table``, sorted; no references, no cross-validation.
        """
        from stancekit.compare._scaling import apply_model

        return apply_model(self, table, by=self.by if by is None else by, level=level)


@dataclass(frozen=True, eq=False)
class Scaling:
    """Every speaker placed on an axis anchored by reference speakers.

    Attributes
    ----------
    labels
        ``S`` speakers (sorted).
    position
        ``(S,)`` mean statement score on the axis. With ``method="exact"`` references sit at
        their given positions; with ``"ridge"`` they get the shrunk model's fitted values (their
        honest out-of-sample predictions are in ``cv``).
    se
        ``(S,)`` bootstrap standard error (analytic ``sd / sqrt(n)`` of statement scores
        when ``n_bootstrap == 0``; NaN for one statement).
    ci_low, ci_high, level
        Percentile bootstrap interval (normal interval from ``se`` without bootstrap).
    n
        ``(S,)`` statements per speaker.
    reference
        ``(S,)`` True for the reference speakers.
    method
        ``"ridge"`` (penalty chosen by speaker-disjoint cross-validation) or ``"exact"`` (the
        minimum-norm axis through the references).
    penalty
        Ridge penalty of the axis (``0`` for ``"exact"``).
    cv
        The cross-validation (:class:`ScalingCV`), ``None`` for ``"exact"`` or a transform.
    model
        The fitted axis (:class:`ScalingModel`); :meth:`transform` applies it to another table.
    note
        Why the method was chosen when it was not asked for (e.g. too few references to
        cross-validate), else ``""``.
    """

    labels: tuple[str, ...]
    position: npt.NDArray[np.float64]
    se: npt.NDArray[np.float64]
    ci_low: npt.NDArray[np.float64]
    ci_high: npt.NDArray[np.float64]
    level: float
    n: npt.NDArray[np.int64]
    reference: npt.NDArray[np.bool_]
    method: str = "exact"
    penalty: float = 0.0
    cv: ScalingCV | None = None
    model: ScalingModel | None = None
    note: str = ""

    def __post_init__(self) -> None:
        _freeze(self)

    def __len__(self) -> int:
        return len(self.labels)

    def __repr__(self) -> str:
        return (
            f"Scaling({len(self)} labels ({_names(self.labels)}), method={self.method!r}, "
            f"position {_span(self.position)}, {int(self.reference.sum())} reference, "
            f"statements {int(self.n.sum())}, penalty={self.penalty:.3g})"
        )

    @property
    def pair_scores(self) -> LabeledMatrix:
        """``(S, S)`` closeness of every pair on the axis, ``-|position_A - position_B|``
        (0 on the diagonal; NaN where a position is missing)."""
        p = self.position
        return LabeledMatrix(
            -np.abs(p[:, None] - p[None, :]), self.labels, self.labels, "-|position difference|"
        )

    def transform(self, table: Any, *, by: str | None = None, level: float = 0.95) -> Scaling:
        """Place another table's speakers on this axis (see :meth:`ScalingModel.transform`)."""
        if self.model is None:
            raise ValueError("this Scaling has no fitted model to transform with")
        return self.model.transform(table, by=by, level=level)

    def to_pandas(self) -> pd.DataFrame:
        """One row per speaker, indexed by label."""
        return pd.DataFrame(
            {
                "position": self.position,
                "se": self.se,
                "ci_low": self.ci_low,
                "ci_high": self.ci_high,
                "n": self.n,
                "reference": self.reference,
            },
            index=pd.Index(list(self.labels), name="speaker"),
        )
