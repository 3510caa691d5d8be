"""Pandas resample windows named by their span, shared by topic timelines and alignments.

A window is a pandas resample bin (``freq="YE"``: calendar years, ``"QE"`` quarters, ``"ME"``
months, ``"W"`` weeks, ``"7D"``, ``"12h"``...). :func:`bin_spans` turns pandas' bin labels
(the bin's end for ``YE``/``QE``/``ME``/``W``, its start for ``YS``/``MS``/``D``/``7D``) into
half-open spans ``[start, end)``, and :func:`window_names` names each span by its whole extent
(not clipped to the data), first and last period joined by an en dash: ``"2015–2019"``
(``"5YE"``), ``"2017"`` (``"YE"``), ``"2017Q2"`` (``"QE"``), ``"2017Q1–2017Q2"`` (``"2QE"``),
``"2017-03"`` (``"ME"``), ``"2017-03-06–2017-03-12"`` (``"W"``, ``"7D"``), ``"2017-03-06"``
(``"D"``), ``"2017-03-06 00:00–12:00"`` (``"12h"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["bin_spans", "span_name", "window_names"]

_DAY = pd.Timedelta(days=1)
_DASH = "\u2013"  # en dash


def bin_spans(
    bins: Iterable[Any], freq: str
) -> tuple[npt.NDArray[np.datetime64], npt.NDArray[np.datetime64]]:
    """The span of each resample bin: first instant and the instant just after.

    pandas labels a bin by its right edge for end-anchored frequencies (``YE``, ``QE``, ``ME``,
    ``W``: bins ``(label - freq, label]``, widened to whole days) and by its left edge
    otherwise (``YS``, ``MS``, ``D``, ``7D``, ``12h``: bins ``[label, label + freq)``).

    Parameters
    ----------
    bins
        ``(w,)`` pandas bin labels of ``series.resample(freq)`` (timestamps or datetime64).
    freq
        The pandas frequency of the resample.

    Returns
    -------
    starts : numpy.ndarray
        ``(w,)`` datetime64[ns] first instant of each window (midnight of its first day for
        windows of whole days).
    ends : numpy.ndarray
        ``(w,)`` datetime64[ns] instant just after each window: a date is in the window when
        ``start <= date < end``.

    Raises
    ------
    ValueError
        When ``freq`` is not a pandas frequency.

    Examples
    --------
    >>> import pandas as pd
    >>> starts, ends = bin_spans(pd.DatetimeIndex(["2017-06-30"]), "QE")
    >>> str(starts[0])[:10], str(ends[0])[:10]
    ('2017-04-01', '2017-07-01')
    """
    grouper: Any = pd.Grouper(freq=freq)
    offset = grouper.freq
    whole_days = grouper.closed == "right" and not _sub_daily(offset)
    starts, ends = [], []
    for at in bins:
        label = pd.Timestamp(at)
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


def span_name(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """The span ``[start, end)`` in the coarsest calendar unit both edges fall on.

    Parameters
    ----------
    start
        First instant of the span.
    end
        Instant just after the span.

    Returns
    -------
    str
        Years (``"2017"``, ``"2015–2019"``), quarters (``"2017Q2"``, ``"2017Q1–2017Q2"``),
        months (``"2017-03"``), days (``"2017-03-06–2017-03-12"``) or, when an edge is not at
        midnight, minutes (``"2017-03-06 00:00–12:00"``); the first and last period joined by
        an en dash, or the one period when they are the same.

    Examples
    --------
    >>> import pandas as pd
    >>> span_name(pd.Timestamp("2015-01-01"), pd.Timestamp("2020-01-01"))
    '2015–2019'
    >>> span_name(pd.Timestamp("2017-01-01"), pd.Timestamp("2017-07-01"))
    '2017Q1–2017Q2'
    """
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


def window_names(
    starts: npt.NDArray[np.datetime64], ends: npt.NDArray[np.datetime64]
) -> tuple[str, ...]:
    """Each window named by its whole span (see :func:`span_name`).

    Parameters
    ----------
    starts, ends
        ``(w,)`` datetime64 spans ``[start, end)``, as from :func:`bin_spans`.

    Returns
    -------
    tuple of str
        ``(w,)`` names: ``"2015–2019"``, ``"2017Q2"``, ``"2017-03"``...

    Examples
    --------
    >>> import pandas as pd
    >>> window_names(*bin_spans(pd.DatetimeIndex(["2017-03-31", "2017-04-30"]), "ME"))
    ('2017-03', '2017-04')
    """
    return tuple(
        span_name(pd.Timestamp(a), pd.Timestamp(b)) for a, b in zip(starts, ends, strict=True)
    )
