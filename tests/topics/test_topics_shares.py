"""Topic counts and shares per speaker or column, and per time window."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from topics_helpers import planted

from stancekit.topics import TopicModel, topics

DATES = ["2023-02-10", "2023-11-30", "2024-05-01", "2025-06-17", "2025-06-18"]


@pytest.fixture(scope="module")
def model() -> TopicModel:
    p = planted(
        (40, 30, 30, 20),
        seed=7,
        speakers=("Xi Jinping", "Sadyr Japarov", "Vladimir Putin", "Lone Voice"),
        dates=DATES,
        countries=("China", "Kyrgyzstan", "Russia", None),
    )
    return topics(p.table, n_topics=4)


def test_counts_match_a_crosstab(model: TopicModel) -> None:
    counts = model.counts("speaker")
    want = pd.crosstab(model.table.column("speaker"), model.assignments)
    assert counts.rows == tuple(sorted(set(model.table.column("speaker"))))
    assert counts.columns == model.labels
    assert np.array_equal(counts.values, want.loc[list(counts.rows)].to_numpy())


@pytest.mark.parametrize("by", ["speaker", "country", "article_id"])
def test_shares_sum_to_one_per_group(model: TopicModel, by: str) -> None:
    shares = model.shares(by)
    assert np.allclose(shares.values.sum(axis=1), 1.0)
    assert np.all(shares.values >= 0)
    counts = model.counts(by).values
    assert np.allclose(shares.values, counts / counts.sum(axis=1, keepdims=True))
    assert shares.to_pandas().shape == shares.shape


def test_missing_group_values_are_named_unknown(model: TopicModel) -> None:
    shares = model.shares("country")
    assert shares.rows == ("(unknown)", "China", "Kyrgyzstan", "Russia")


def test_unknown_column_is_a_key_error(model: TopicModel) -> None:
    with pytest.raises(KeyError, match="no column 'party'"):
        model.shares("party")
    with pytest.raises(ValueError, match="outliers must be one of"):
        model.shares("speaker", outliers="merge")


def test_one_speaker_table_has_one_row() -> None:
    p = planted((10, 10), speakers=("Only",))
    shares = topics(p.table, n_topics=2).shares()
    assert shares.rows == ("Only",) and np.allclose(shares.values, [[0.5, 0.5]])


@pytest.mark.parametrize(("freq", "windows"), [
    ("YE", ["2023", "2024", "2025"]),
    ("QE", ["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4",
            "2025Q1", "2025Q2"]),
])  # fmt: skip
def test_over_time_windows_and_counts(model: TopicModel, freq: str, windows: list[str]) -> None:
    tl = model.over_time(freq)
    assert list(tl.windows) == windows and tl.groups == ("all",) and tl.n_undated == 0
    assert tl.counts.shape == (1, len(windows), 4) and tl.counts.sum() == len(model.assignments)
    dates = pd.to_datetime(model.table.column("date"))
    period = dates.to_period(freq.rstrip("E")).astype(str)
    for w, name in enumerate(windows):
        here = np.asarray(period == name)
        want = np.bincount(model.assignments[here], minlength=4)
        assert np.array_equal(tl.counts[0, w], want)
    shares = tl.shares[0]
    full = tl.counts[0].sum(axis=1) > 0
    assert np.allclose(shares[full].sum(axis=1), 1.0) and np.isnan(shares[~full]).all()
    m = tl.matrix()
    assert m.rows == tuple(windows) and m.columns == model.labels


def test_over_time_by_speaker(model: TopicModel) -> None:
    tl = model.over_time("YE", by="speaker")
    assert tl.groups == model.counts("speaker").rows
    assert np.array_equal(tl.counts.sum(axis=1), model.counts("speaker").values)
    frame = tl.to_pandas()
    assert len(frame) == tl.counts.size and frame["count"].sum() == len(model.assignments)
    xi = tl.matrix("Xi Jinping")
    assert xi.shape == (3, 4)
    with pytest.raises(ValueError, match="name a group"):
        tl.matrix()
    with pytest.raises(KeyError, match="no group 'Nobody'"):
        tl.matrix("Nobody")


@pytest.mark.parametrize(("freq", "first", "last"), [
    # pandas ends the first bin at the first date's period end: the whole bin is named
    ("5YE", "2019–2023", "2024–2028"),
    ("2YE", "2022–2023", "2024–2025"),
    ("YS", "2023", "2025"),
    ("2QE", "2022Q4–2023Q1", "2025Q2–2025Q3"),
    ("QS", "2023Q1", "2025Q2"),
    ("ME", "2023-02", "2025-06"),
    ("MS", "2023-02", "2025-06"),
    ("W", "2023-02-06–2023-02-12", "2025-06-16–2025-06-22"),
    ("7D", "2023-02-10–2023-02-16", "2025-06-13–2025-06-19"),
    ("D", "2023-02-10", "2025-06-18"),
])  # fmt: skip
def test_windows_are_named_by_their_whole_span(
    model: TopicModel, freq: str, first: str, last: str
) -> None:
    tl = model.over_time(freq)
    assert (tl.windows[0], tl.windows[-1]) == (first, last)
    assert len(set(tl.windows)) == len(tl.windows)
    assert tl.starts.dtype == tl.ends.dtype == tl.bins.dtype == np.dtype("datetime64[ns]")
    assert tl.starts.shape == tl.ends.shape == tl.bins.shape == (len(tl.windows),)
    assert np.array_equal(tl.starts[1:], tl.ends[:-1])  # windows tile the time line
    # pandas' bin label is the window's last day (end-anchored) or its first (start-anchored)
    day = np.timedelta64(1, "D")
    assert np.array_equal(tl.bins, tl.starts) or np.array_equal(tl.bins, tl.ends - day)
    # every statement is counted in the window whose span holds its date
    dates = pd.to_datetime(model.table.column("date")).to_numpy()
    inside = (tl.starts[:, None] <= dates) & (dates < tl.ends[:, None])
    assert np.array_equal(inside.sum(axis=0), np.ones(dates.size))
    want = np.stack([np.bincount(model.assignments[row], minlength=4) for row in inside])
    assert np.array_equal(tl.counts[0], want)
    frame = tl.to_pandas()
    assert {"start", "end", "bin"} <= set(frame.columns)
    assert frame.loc[frame["window"] == first, "start"].iloc[0] == tl.starts[0]


def test_five_year_windows_span_five_years() -> None:
    dates = ["2015-06-01", "2017-03-08", "2019-12-31", "2020-01-01", "2023-07-04"]
    tl = topics(planted((10, 10), dates=dates).table, n_topics=2).over_time("5YE")
    assert tl.windows == ("2011–2015", "2016–2020", "2021–2025")
    assert np.array_equal(tl.bins, pd.to_datetime(["2015-12-31", "2020-12-31", "2025-12-31"]))
    assert np.array_equal(tl.starts, pd.to_datetime(["2011-01-01", "2016-01-01", "2021-01-01"]))
    assert np.array_equal(tl.ends, pd.to_datetime(["2016-01-01", "2021-01-01", "2026-01-01"]))
    assert tl.counts[0].sum(axis=1).tolist() == [4, 12, 4]


def test_sub_daily_windows_show_the_hours() -> None:
    p = planted((6, 6), dates=["2024-03-01 09:30", "2024-03-01 18:00"])
    tl = topics(p.table, n_topics=2).over_time("12h")
    assert tl.windows == ("2024-03-01 00:00–12:00", "2024-03-01 12:00–2024-03-02 00:00")


def test_undated_statements_are_counted_and_left_out() -> None:
    p = planted((10, 10), dates=["2024-01-01", None])  # type: ignore[list-item]
    tl = topics(p.table, n_topics=2).over_time("ME")
    assert tl.n_undated == 10 and tl.counts.sum() == 10 and tl.windows == ("2024-01",)
    nodates = topics(planted((6, 6)).table, n_topics=2).over_time("YE")
    assert nodates.windows == () and nodates.counts.shape == (1, 0, 2) and nodates.n_undated == 12


def test_bad_frequency_is_named(model: TopicModel) -> None:
    with pytest.raises(ValueError, match="freq='fortnightly'"):
        model.over_time("fortnightly")
    with pytest.raises(ValueError, match="freq must be"):
        model.over_time("")
