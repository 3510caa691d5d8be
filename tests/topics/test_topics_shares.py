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
