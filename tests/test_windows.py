"""Resample windows named by their span: ``stancekit._windows``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from stancekit._windows import bin_spans, span_name, window_names

#: Dates at bin edges: midnight and just before midnight at month, quarter and year ends, a
#: Sunday night, a Monday morning and noon.
DATES = pd.DatetimeIndex(
    [
        "2016-12-31 23:59",
        "2017-01-01 00:00",
        "2017-03-05 23:30",  # a Sunday
        "2017-03-06 00:00",  # a Monday
        "2017-03-06 12:00",
        "2017-03-31 23:59",
        "2017-04-01 00:00",
        "2017-06-30 18:00",
        "2017-07-01 00:00",
        "2017-12-31 12:00",
        "2018-01-01 00:00",
        "2019-06-15 08:00",
    ]
)

FREQS = ("YE", "5YE", "QE", "2QE", "ME", "MS", "W", "7D", "D", "12h")


def _windows(freq: str) -> tuple[pd.DatetimeIndex, dict[pd.Timestamp, np.ndarray]]:
    resampled = pd.Series(np.arange(DATES.size), index=DATES).resample(freq)
    bins = pd.DatetimeIndex(resampled.count().index)
    return bins, {pd.Timestamp(k): np.asarray(v) for k, v in resampled.indices.items()}


@pytest.mark.parametrize("freq", FREQS)
def test_every_date_falls_in_its_window(freq: str) -> None:
    bins, members = _windows(freq)
    starts, ends = bin_spans(bins, freq)
    assert starts.dtype == ends.dtype == np.dtype("datetime64[ns]")
    assert starts.shape == ends.shape == (bins.size,)
    assert (starts < ends).all()
    assert (ends[:-1] == starts[1:]).all()  # contiguous, no gap, no overlap
    seen = 0
    for label, rows in members.items():
        w = bins.get_loc(label)
        for d in DATES[rows]:
            assert starts[w] <= d.to_datetime64() < ends[w], (freq, d, starts[w], ends[w])
        seen += rows.size
    assert seen == DATES.size
    names = window_names(starts, ends)
    assert len(names) == bins.size and len(set(names)) == bins.size


@pytest.mark.parametrize(
    ("freq", "first", "last"),
    [
        ("YE", "2016", "2019"),
        ("5YE", "2012–2016", "2017–2021"),
        ("QE", "2016Q4", "2019Q2"),
        ("2QE", "2016Q3–2016Q4", "2019Q1–2019Q2"),
        ("ME", "2016-12", "2019-06"),
        ("MS", "2016-12", "2019-06"),
        ("W", "2016-12-26–2017-01-01", "2019-06-10–2019-06-16"),
        ("D", "2016-12-31", "2019-06-15"),
        ("12h", "2016-12-31 12:00–2017-01-01 00:00", "2019-06-15 00:00–12:00"),
    ],
)
def test_windows_are_named_by_their_whole_span(freq: str, first: str, last: str) -> None:
    bins, _ = _windows(freq)
    names = window_names(*bin_spans(bins, freq))
    assert (names[0], names[-1]) == (first, last)


def test_seven_day_windows_start_at_the_first_date() -> None:
    bins, _ = _windows("7D")
    starts, ends = bin_spans(bins, "7D")
    assert pd.Timestamp(starts[0]) == pd.Timestamp("2016-12-31")
    assert window_names(starts, ends)[0] == "2016-12-31–2017-01-06"


@pytest.mark.parametrize(
    ("start", "end", "name"),
    [
        ("2017-01-01", "2018-01-01", "2017"),
        ("2015-01-01", "2020-01-01", "2015–2019"),
        ("2017-04-01", "2017-07-01", "2017Q2"),
        ("2017-01-01", "2017-07-01", "2017Q1–2017Q2"),
        ("2017-03-01", "2017-04-01", "2017-03"),
        ("2017-02-01", "2017-04-01", "2017-02–2017-03"),
        ("2017-03-06", "2017-03-13", "2017-03-06–2017-03-12"),
        ("2017-03-06", "2017-03-07", "2017-03-06"),
        ("2017-03-06 00:00", "2017-03-06 12:00", "2017-03-06 00:00–12:00"),
        ("2017-03-06 12:00", "2017-03-07 00:00", "2017-03-06 12:00–2017-03-07 00:00"),
    ],
)
def test_span_name_uses_the_coarsest_unit_with_an_en_dash(start: str, end: str, name: str) -> None:
    assert span_name(pd.Timestamp(start), pd.Timestamp(end)) == name
    assert "…" not in name


def test_no_bins_give_no_windows() -> None:
    starts, ends = bin_spans(pd.DatetimeIndex([]), "YE")
    assert starts.shape == ends.shape == (0,)
    assert window_names(starts, ends) == ()
