"""The result of :func:`stancekit.topics.topics`: :class:`TopicModel`.

Topics are numbered ``0..k-1`` from the largest to the smallest; statements that the method
leaves out of every topic (HDBSCAN outliers) have topic ``-1`` and are counted in
``n_outliers``, never merged into a topic. Formulaic statements (greetings, thanks,
courtesies, procedure), left out of the clustering by default, have topic ``-1`` too; they are
marked in ``formulaic``, counted in ``n_formulaic`` and left out of counts, shares, time
windows and comparisons (unlike outliers, which can be counted as a column of their own).
Shares, time windows and comparisons read the statement table the model was fitted on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit._suggest import unknown_name
from stancekit.data import LabeledMatrix
from stancekit.table import StatementTable
from stancekit.topics._autok import KChoice
from stancekit.topics._compare import TopicComparison, compare_groups
from stancekit.topics._ctfidf import OUTLIER_LABEL
from stancekit.topics._time import TopicTimeline, timeline

__all__ = ["FORMULAIC_LABEL", "UNKNOWN_GROUP", "TopicModel", "group_codes"]

#: The group name of statements whose grouping column is empty (a speaker with no country).
UNKNOWN_GROUP = "(unknown)"
#: The label of the formulaic statements (topic ``-1``) in :meth:`TopicModel.statements`.
FORMULAIC_LABEL = "formulaic"
_OUTLIER_MODES = ("include", "exclude")


def group_codes(table: StatementTable, by: str) -> tuple[npt.NDArray[np.int64], tuple[str, ...]]:
    """Group code of every statement by the values of column ``by`` (as text, sorted).

    Returns
    -------
    codes
        ``(n,)`` int64 in ``[0, g)``.
    names
        ``(g,)`` sorted group names; missing values become ``"(unknown)"``.
    """
    if not isinstance(by, str):
        raise TypeError(f"by must be a column name, got {by!r}")
    values = pd.Series(table.column(by), dtype=object)
    text = values.where(values.notna(), UNKNOWN_GROUP).astype(str).to_numpy(dtype=object)
    names, codes = np.unique(text.astype(str), return_inverse=True)
    return codes.astype(np.int64).ravel(), tuple(str(x) for x in names)


@dataclass(frozen=True, eq=False)
class TopicModel:
    """Topics of a statement table.

    Attributes
    ----------
    assignments
        ``(n,)`` int64 topic of every statement of ``table``, ``-1`` for an outlier or a
        formulaic statement left out.
    labels
        ``(k,)`` short unique labels (the first three keywords).
    keywords
        ``(k, m)`` str c-TF-IDF keywords, best first (``""`` padded).
    keyword_scores
        ``(k, m)`` float64 their c-TF-IDF weights (NaN padded).
    sizes
        ``(k,)`` int64 statements per topic (decreasing).
    representatives
        ``(k, r)`` int64 rows of the statements closest (cosine) to each topic's centroid,
        closest first (``-1`` padded for topics smaller than ``r``).
    centroids
        ``(k, d)`` float32 unit-norm mean direction of each topic in the space the clustering
        used: the statements' vectors (with their passage context, ``context > 0``) minus
        ``mean``, renormalised.
    mean
        ``(d,)`` float32 mean of the vectors clustered (with passage context when
        ``context > 0``), removed before clustering (zeros with ``center=False``).
    n_outliers
        Statements clustered but put in no topic (HDBSCAN outliers).
    method
        ``"kmeans"``, ``"agglomerative"`` or ``"hdbscan"``.
    seed
        The seed used.
    k_choice
        How the number of topics was chosen, with the scores per ``k``.
    table
        The statements (with embeddings) the model was fitted on, formulae included.
    formulaic
        ``(n,)`` bool: the formulaic statements left out of the clustering (all False with
        ``keep_formulaic=True``; empty means none).
    """

    assignments: npt.NDArray[np.int64]
    labels: tuple[str, ...]
    keywords: npt.NDArray[np.str_]
    keyword_scores: npt.NDArray[np.float64]
    sizes: npt.NDArray[np.int64]
    representatives: npt.NDArray[np.int64]
    centroids: npt.NDArray[np.float32]
    mean: npt.NDArray[np.float32]
    n_outliers: int
    method: str
    seed: int
    k_choice: KChoice
    table: StatementTable = field(repr=False)
    formulaic: npt.NDArray[np.bool_] = field(
        default_factory=lambda: np.zeros(0, dtype=bool), repr=False
    )

    def __post_init__(self) -> None:
        flags = np.asarray(self.formulaic, dtype=bool)
        if flags.size == 0:
            flags = np.zeros(len(self.assignments), dtype=bool)
        if flags.shape != self.assignments.shape:
            raise ValueError(
                f"formulaic must have one flag per statement ({len(self.assignments)}), "
                f"got shape {flags.shape}"
            )
        object.__setattr__(self, "formulaic", flags)
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray) and value.flags.writeable:
                value = value.copy()
                value.flags.writeable = False
                object.__setattr__(self, f.name, value)

    def __repr__(self) -> str:
        return (
            f"TopicModel({self.n_topics} topics by {self.method}, {len(self.assignments)} "
            f"statements, {self.n_formulaic} formulaic left out, {self.n_outliers} outliers; "
            f"{self.k_choice.reason})"
        )

    @property
    def n_topics(self) -> int:
        """Number of topics ``k`` (outliers not counted)."""
        return len(self.labels)

    @property
    def n_formulaic(self) -> int:
        """Formulaic statements left out of the clustering (topic ``-1``, in no share)."""
        return int(np.count_nonzero(self.formulaic))

    def _columns(self, outliers: str) -> tuple[npt.NDArray[np.int64], tuple[str, ...]]:
        """Column of every statement (``-1``: not counted) and the column labels."""
        if outliers not in _OUTLIER_MODES:
            raise ValueError(f"outliers must be one of {_OUTLIER_MODES}, got {outliers!r}")
        k = self.n_topics
        if outliers == "include" and self.n_outliers:
            cols = np.where(self.assignments < 0, k, self.assignments)
            cols[self.formulaic] = -1
            return cols, (*self.labels, OUTLIER_LABEL)
        return self.assignments, self.labels

    def counts(self, by: str = "speaker", *, outliers: str = "include") -> LabeledMatrix:
        """Statements per group and topic.

        Parameters
        ----------
        by
            A column of the table: ``"speaker"``, ``"country"``, ``"article_id"``...
        outliers
            ``"include"``: an ``"outliers"`` column when there are outliers; ``"exclude"``:
            outliers are left out. Formulaic statements are never counted.

        Returns
        -------
        LabeledMatrix
            ``(g, c)`` int64; rows are the sorted group names (a group whose statements are
            all formulaic keeps a row of zeros), columns the topic labels.
        """
        codes, names = group_codes(self.table, by)
        cols, labels = self._columns(outliers)
        keep = cols >= 0
        c = len(labels)
        flat = codes[keep] * c + cols[keep]
        values = np.bincount(flat, minlength=len(names) * c).reshape(len(names), c)
        return LabeledMatrix(values.astype(np.int64), names, labels, f"statements by {by}")

    def shares(self, by: str = "speaker", *, outliers: str = "include") -> LabeledMatrix:
        """Topic shares of each group: ``counts / row total``; every row sums to 1.

        Shares are of the group's substantive statements: formulaic ones are not counted.

        Parameters
        ----------
        by, outliers
            As in :meth:`counts`. A group with nothing counted (all its statements formulaic,
            or outliers with ``outliers="exclude"``) has a row of NaN.

        Returns
        -------
        LabeledMatrix
            ``(g, c)`` float64.
        """
        counts = self.counts(by, outliers=outliers)
        tot = counts.values.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            values = np.where(tot > 0, counts.values / np.where(tot > 0, tot, 1), np.nan)
        return LabeledMatrix(values, counts.rows, counts.columns, f"topic share by {by}")

    def over_time(
        self, freq: str = "YE", *, by: str | None = None, outliers: str = "include"
    ) -> TopicTimeline:
        """Topic counts and shares per time window (the ``date`` column).

        Parameters
        ----------
        freq
            A pandas frequency: ``"YE"`` years, ``"QE"`` quarters, ``"ME"`` months, ``"W"``
            weeks, ``"7D"``...
        by
            Also split by this column (``"speaker"``...); ``None``: all statements together.
        outliers
            As in :meth:`counts`.

        Returns
        -------
        TopicTimeline
            ``counts`` ``(g, w, c)``; ``shares`` sum to 1 over topics in every non-empty
            window; ``matrix(group)`` gives windows x topics. Windows are named by the whole
            span of their bin, first and last period joined by an en dash: ``"2015–2019"``
            for ``"5YE"``, ``"2017"`` for ``"YE"``, ``"2017Q2"`` for ``"QE"``,
            ``"2017Q1–2017Q2"`` for ``"2QE"``, ``"2017-03"`` for ``"ME"``,
            ``"2017-03-06–2017-03-12"`` for ``"W"``; ``starts`` and ``ends`` ``(w,)`` give
            each window as ``[start, end)``, ``bins`` the pandas bin labels.
        """
        if not isinstance(freq, str) or not freq:
            raise ValueError(f"freq must be a pandas frequency string, got {freq!r}")
        cols, labels = self._columns(outliers)
        groups: tuple[npt.NDArray[np.int64], tuple[str, ...]]
        if by is None:
            groups = (np.zeros(len(cols), dtype=np.int64), ("all",))
        else:
            groups = group_codes(self.table, by)
        return timeline(self.table.column("date"), cols, labels, groups, freq=freq, by=by)

    def compare(self, a: str, b: str, *, by: str = "speaker") -> TopicComparison:
        """Agenda overlap and within-topic alignment of two speakers (or groups).

        Parameters
        ----------
        a, b
            Two different values of column ``by``.
        by
            The grouping column (default ``"speaker"``; ``"country"`` compares countries).

        Returns
        -------
        TopicComparison
            ``agenda_overlap = 1 - JSD`` (base 2) of the two groups' topic shares (outliers
            left out), per-topic soft alignment on shared topics with the statement pairs
            behind it, and ``position``, their share-weighted mean.
        """
        codes, names = group_codes(self.table, by)
        for name in (a, b):
            if name not in names:
                counts = np.bincount(codes[codes >= 0], minlength=len(names)).tolist()
                raise KeyError(unknown_name(by, name, list(names), counts))
        if a == b:
            raise ValueError(f"compare needs two different groups, got {a!r} twice")
        in_a, in_b = codes == names.index(a), codes == names.index(b)
        rows_a = np.flatnonzero(in_a & ~self.formulaic).astype(np.int64)
        rows_b = np.flatnonzero(in_b & ~self.formulaic).astype(np.int64)
        X = self.table.embeddings
        assert X is not None  # a TopicModel's table always has embeddings
        result = compare_groups(
            X,
            self.assignments,
            self.table.column("text").astype(object),
            (rows_a, rows_b),
            names=(a, b, by),
            topics=self.labels,
        )
        return dataclasses.replace(
            result,
            n_formulaic_a=int(np.count_nonzero(in_a & self.formulaic)),
            n_formulaic_b=int(np.count_nonzero(in_b & self.formulaic)),
        )

    def relabel(self, labels: Mapping[int, str]) -> TopicModel:
        """A copy with some topics renamed, e.g. ``{0: "Railway"}``.

        Raises
        ------
        KeyError
            A topic number that does not exist.
        ValueError
            A label that is empty, repeated or ``"outliers"``.
        """
        new = list(self.labels)
        for t, label in labels.items():
            if not 0 <= int(t) < self.n_topics:
                raise KeyError(f"no topic {t}; topics are 0..{self.n_topics - 1}")
            new[int(t)] = str(label)
        if any(not x for x in new) or len(set(new)) < len(new) or OUTLIER_LABEL in new:
            raise ValueError(f"labels must be non-empty, distinct and not 'outliers': {new}")
        return dataclasses.replace(self, labels=tuple(new))

    def statements(self) -> pd.DataFrame:
        """The statement table with ``topic``, ``topic_label`` (``"outliers"`` or
        ``"formulaic"`` for topic -1) and ``formulaic`` columns (no embeddings)."""
        frame = self.table.to_pandas(embeddings=False)
        labels = np.asarray((*self.labels, OUTLIER_LABEL), dtype=object)
        topic_label = labels[self.assignments]  # -1 picks the last: "outliers"
        topic_label[self.formulaic] = FORMULAIC_LABEL
        frame["topic"] = self.assignments
        frame["topic_label"] = topic_label
        frame["formulaic"] = self.formulaic
        return frame

    def to_pandas(self) -> pd.DataFrame:
        """One row per topic, one for outliers (topic -1, label ``"outliers"``) and one for
        the formulaic statements left out (topic -1, label ``"formulaic"``, share NaN) when
        there are any: ``topic``, ``label``, ``size``, ``share`` of the statements clustered,
        ``keywords`` (comma-separated) and ``representatives`` (texts, closest to the
        centroid first)."""
        texts = self.table.column("text")
        n = max(len(self.assignments) - self.n_formulaic, 1)
        rows = [
            {
                "topic": t,
                "label": self.labels[t],
                "size": int(self.sizes[t]),
                "share": float(self.sizes[t]) / n,
                "keywords": ", ".join(w for w in self.keywords[t] if w),
                "representatives": [str(texts[i]) for i in self.representatives[t] if i >= 0],
            }
            for t in range(self.n_topics)
        ]
        if self.n_outliers:
            rows.append(
                {
                    "topic": -1,
                    "label": OUTLIER_LABEL,
                    "size": self.n_outliers,
                    "share": self.n_outliers / n,
                    "keywords": "",
                    "representatives": [],
                }
            )
        if self.n_formulaic:
            rows.append(
                {
                    "topic": -1,
                    "label": FORMULAIC_LABEL,
                    "size": self.n_formulaic,
                    "share": float("nan"),
                    "keywords": "",
                    "representatives": [],
                }
            )
        columns = ["topic", "label", "size", "share", "keywords", "representatives"]
        return pd.DataFrame(rows, columns=columns)
