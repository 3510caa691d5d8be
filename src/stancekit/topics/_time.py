"""Topic shares per time window: :class:`TopicTimeline`.

Windows are pandas resample bins of the statements' dates (``freq="YE"``: calendar years,
``"QE"`` quarters, ``"ME"`` months, ``"W"`` weeks, ``"7D"``...), every bin from the first dated
statement's to the last one's, empty ones included. Statements without a date are counted in
``n_undated`` and left out of every window.

Each window is named by the whole span of its bin (not clipped to the data), first and last
period joined by an en dash: ``"2015–2019"`` (``"5YE"``), ``"2017"`` (``"YE"``), ``"2017Q2"``
(``"QE"``), ``"2017Q1–2017Q2"`` (``"2QE"``), ``"2017-03"`` (``"ME"``), ``"2017-03-06–2017-03-12"``
(``"W"``, ``"7D"``), ``"2017-03-06"`` (``"D"``), ``"2017-03-06 00:00–12:00"`` (``"12h"``).
pandas' own bin label, the bin's end for ``YE``/``QE``/``ME``/``W`` and its start for
``YS``/``MS``/``D``/``7D``, is kept in ``bins``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

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


_DAY = pd.Timedelta(days=1)
_DASH = "\u2013"  # en dash


def _bin_spans(
    bins: pd.DatetimeIndex, freq: str
) -> tuple[npt.NDArray[np.datetime64], npt.NDArray[np.datetime64]]:
    """``(w,)`` first instant and ``(w,)`` instant just after each resample bin.

    pandas labels a bin by its right edge for end-anchored frequencies (``YE``, ``QE``, ``ME``,
    ``W``: bins ``(label - freq, label]``, widened to whole days) and by its left edge
    otherwise (``YS``, ``MS``, ``D``, ``7D``, ``12h``: bins ``[label, label + freq)``).
    """
    grouper: Any = pd.Grouper(freq=freq)
    offset = grouper.freq
    whole_days = grouper.closed == "right" and not _sub_daily(offset)
    starts, ends = [], []
    for label in bins:
        lo, hi = (label - offset, label) if grouper.label == "right" else (label, label + offset)
        if whole_days:  # (lo, hi] with pandas' edges moved to the end of the day
            lo, hi = lo + _DAY, hi + _DAY
        starts.append(lo)
        ends.append(hi)
    as_ns = "datetime64[ns]"
    return (
        pd.DatetimeIndex(starts).to_numpy().astype(as_ns),
        pd.DatetimeIndex(ends).to_numpy().astype(as_ns),
    )


def _sub_daily(offset: Any) -> bool:
    """Whether bins of this pandas offset are not whole days (``"12h"``, ``"90min"``...)."""
    try:
        return bool(pd.Timedelta(offset) % _DAY != pd.Timedelta(0))
    except (TypeError, ValueError):  # months, quarters, years, weeks: whole days
        return False


def _span_name(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """The span ``[start, end)`` in the coarsest calendar unit both edges fall on."""
    if start != start.normalize() or end != end.normalize():
        tail = f"{end:%H:%M}" if end.normalize() == start.normalize() else f"{end:%Y-%m-%d %H:%M}"
        return f"{start:%Y-%m-%d %H:%M}{_DASH}{tail}"
    last = end - _DAY
    first_name: str
    if start.day == 1 and end.day == 1:
        if start.month == 1 and end.month == 1:
            first_name, last_name = str(start.year), str(last.year)
        elif start.month % 3 == 1 and end.month % 3 == 1:
            first_name = f"{start.year}Q{(start.month + 2) // 3}"
            last_name = f"{last.year}Q{(last.month + 2) // 3}"
        else:
            first_name, last_name = f"{start:%Y-%m}", f"{last:%Y-%m}"
    else:
        first_name, last_name = f"{start:%Y-%m-%d}", f"{last:%Y-%m-%d}"
    return first_name if first_name == last_name else f"{first_name}{_DASH}{last_name}"


def _window_names(
    starts: npt.NDArray[np.datetime64], ends: npt.NDArray[np.datetime64]
) -> tuple[str, ...]:
    """Each window named by its whole span: ``"2015–2019"``, ``"2017Q2"``, ``"2017-03"``..."""
    return tuple(
        _span_name(pd.Timestamp(a), pd.Timestamp(b)) for a, b in zip(starts, ends, strict=True)
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
    starts, ends = _bin_spans(bins, freq)
    names_w = _window_names(starts, ends)
    return TopicTimeline(
        freq, by, names_w, bins_ns, starts, ends, names, topic_labels, counts, n_undated
    )
