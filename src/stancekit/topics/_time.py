"""Topic shares per time window: :class:`TopicTimeline`.

Windows are pandas resample bins of the statements' dates (``freq="YE"``: calendar years,
``"QE"`` quarters, ``"ME"`` months, ``"W"`` weeks, ``"7D"``...), every bin from the first dated
statement's to the last one's, empty ones included. Statements without a date are counted in
``n_undated`` and left out of every window.

Each window is named by the whole span of its bin (not clipped to the data), first and last
period joined by an en dash: ``"2015–2019"`` (``"5YE"``), ``"2017"`` (``"YE"``), ``"2017Q2"``
(``"QE"``), ``"2017Q1–2017Q2"`` (``"2QE"``), ``"2017-03"`` (``"ME"``), ``"2017-03-06–2017-03-12"``
(``"W"``, ``"7D"``), ``"2017-03-06"`` (``"D"``), ``"2017-03-06 00:00–12:00"`` (``"12h"``);
the names come from :mod:`stancekit._windows`, shared with ``alignment(..., window=...)``.
pandas' own bin label, the bin's end for ``YE``/``QE``/``ME``/``W`` and its start for
``YS``/``MS``/``D``/``7D``, is kept in ``bins``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit._windows import bin_spans, window_names
from stancekit.data import LabeledMatrix

__all__ = ["TopicTimeline", "timeline"]


@dataclass(frozen=True, eq=False)
class TopicTimeline:
    """Statements per group, time window and topic.

    Attributes
    ----------
    freq
        The pandas frequency of the windows.
    by
        The column that defines the groups, or ``None`` (one group, ``"all"``).
    windows
        ``(w,)`` window names: the bin's whole span, first and last period joined by an en
        dash (``"2015–2019"``, ``"2025"``, ``"2025Q2"``, ``"2025Q1–2025Q2"``, ``"2025-06"``,
        ``"2025-03-03–2025-03-09"``; see the module docstring).
    bins
        ``(w,)`` datetime64[ns] pandas bin labels (the window's last day for
        ``YE``/``QE``/``ME``/``W``, its first for ``YS``/``MS``/``D``/``7D``).
    starts
        ``(w,)`` datetime64[ns] first instant of each window (midnight of its first day).
    ends
        ``(w,)`` datetime64[ns] the instant just after each window: windows are half-open,
        ``starts <= date < ends`` (the last day of a window of whole days is
        ``ends - 1 day``). The span is the whole bin, even where the data begin or end inside
        it.
    groups
        ``(g,)`` group names.
    topics
        ``(c,)`` topic labels (then ``"outliers"`` when outliers are included).
    counts
        ``(g, w, c)`` int64 statements.
    n_undated
        Statements left out because they have no date.
    """

    freq: str
    by: str | None
    windows: tuple[str, ...]
    bins: npt.NDArray[np.datetime64]
    starts: npt.NDArray[np.datetime64]
    ends: npt.NDArray[np.datetime64]
    groups: tuple[str, ...]
    topics: tuple[str, ...]
    counts: npt.NDArray[np.int64]
    n_undated: int

    @property
    def shares(self) -> npt.NDArray[np.float64]:
        """``(g, w, c)`` float64: counts divided by the window's total for the group (each
        ``[g, w, :]`` sums to 1; NaN where the group has no statement in the window)."""
        tot = self.counts.sum(axis=2, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(tot > 0, self.counts / np.where(tot > 0, tot, 1), np.nan)

    def matrix(self, group: str | None = None) -> LabeledMatrix:
        """Shares of one group as a windows x topics :class:`LabeledMatrix`.

        Parameters
        ----------
        group
            A group name; may be omitted when there is one group.
        """
        if group is None:
            if len(self.groups) != 1:
                raise ValueError(f"name a group; there are {len(self.groups)}: {self.groups[:10]}")
            g = 0
        elif group in self.groups:
            g = self.groups.index(group)
        else:
            raise KeyError(f"no group {group!r}; groups are {list(self.groups)[:20]}")
        return LabeledMatrix(
            self.shares[g], self.windows, self.topics, f"topic share per window ({self.freq})"
        )

    def to_pandas(self) -> pd.DataFrame:
        """Long format: one row per group, window and topic: ``group``, ``window``, ``bin``,
        ``start``, ``end`` (as in :attr:`starts`, :attr:`ends`), ``topic``, ``count`` and
        ``share``."""
        g, w, c = self.counts.shape
        gi, wi, ci = (a.ravel() for a in np.indices((g, w, c)))
        return pd.DataFrame(
            {
                "group": np.asarray(self.groups, dtype=object)[gi],
                "window": np.asarray(self.windows, dtype=object)[wi],
                "bin": self.bins[wi],
                "start": self.starts[wi],
                "end": self.ends[wi],
                "topic": np.asarray(self.topics, dtype=object)[ci],
                "count": self.counts.ravel(),
                "share": self.shares.ravel(),
            }
        )


def timeline(
    dates: npt.NDArray[np.datetime64],
    columns: npt.NDArray[np.int64],
    topic_labels: tuple[str, ...],
    groups: tuple[npt.NDArray[np.int64], tuple[str, ...]],
    *,
    freq: str,
    by: str | None,
) -> TopicTimeline:
    """Count statements per group, window and topic column.

    Parameters
    ----------
    dates
        ``(n,)`` datetime64 (NaT: undated).
    columns
        ``(n,)`` topic column of each statement in ``[0, c)``, or ``-1`` to leave it out.
    topic_labels
        ``(c,)`` column labels.
    groups
        ``(n,)`` group codes in ``[0, g)`` and the ``g`` group names.
    freq, by
        As in :class:`TopicTimeline`.

    Returns
    -------
    TopicTimeline
    """
    codes, names = groups
    stamps = pd.DatetimeIndex(pd.to_datetime(dates))
    undated = np.asarray(stamps.isna(), dtype=bool)
    keep = np.flatnonzero(~undated & (columns >= 0))
    n_undated = int(np.count_nonzero(undated & (columns >= 0)))
    c = len(topic_labels)
    if keep.size == 0:
        empty = np.zeros((len(names), 0, c), dtype=np.int64)
        none = np.empty(0, dtype="datetime64[ns]")
        return TopicTimeline(
            freq, by, (), none, none.copy(), none.copy(), names, topic_labels, empty, n_undated
        )
    order = keep[np.argsort(stamps[keep].to_numpy(), kind="stable")]
    series = pd.Series(np.arange(order.size), index=stamps[order])
    try:
        resampled = series.resample(freq)
        bins = pd.DatetimeIndex(resampled.count().index)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"freq={freq!r} is not a pandas frequency ({exc})") from None
    window = np.empty(order.size, dtype=np.int64)
    labels = list(resampled.indices)
    where = bins.get_indexer(pd.DatetimeIndex(labels))
    for label, w in zip(labels, where, strict=True):
        window[resampled.indices[label]] = w
    flat = (codes[order] * bins.size + window) * c + columns[order]
    counts = np.bincount(flat, minlength=len(names) * bins.size * c)
    counts = counts.reshape(len(names), bins.size, c).astype(np.int64)
    bins_ns = bins.to_numpy().astype("datetime64[ns]")
    starts, ends = bin_spans(bins, freq)
    names_w = window_names(starts, ends)
    return TopicTimeline(
        freq, by, names_w, bins_ns, starts, ends, names, topic_labels, counts, n_undated
    )
