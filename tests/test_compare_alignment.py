"""alignment(): scores against plain references, calibration, breakdowns, determinism."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.spatial.distance import jensenshannon

from stancekit import StatementTable
from stancekit.compare import Alignment, alignment, echoes


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def make_table(speakers: list[str], X: np.ndarray, **columns: Any) -> StatementTable:
    n = len(speakers)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": speakers,
            "text": [f"text {i}" for i in range(n)],
            "start": 0,
            "end": 0,
            **columns,
        }
    )
    return StatementTable(frame).with_embeddings(X, {"model": "test"})


def soft_naive(A: np.ndarray, B: np.ndarray) -> tuple[float, float, float]:
    K = A.astype(np.float64) @ B.T.astype(np.float64)
    p, r = K.max(axis=1).mean(), K.max(axis=0).mean()
    return float(p), float(r), float(2 * p * r / (p + r))


@pytest.fixture
def corpus() -> tuple[StatementTable, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    speakers = np.array(list(rng.choice(["A", "B", "C", "D"], 80)))
    X = unit_rows(rng, 80, 6)
    topics = rng.choice(["econ", "security", "climate"], 80)
    dates = pd.to_datetime("2019-01-01") + pd.to_timedelta(rng.integers(0, 3 * 365, 80), "D")
    table = make_table(list(speakers), X, topic=topics, date=dates)
    return table, X, speakers


FAST = {"n_permutations": 99, "n_bootstrap": 100}


def test_soft_score_matches_loop(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, X, sp = corpus
    res = alignment(table, "A", "B", **FAST)
    p, r, f = soft_naive(X[sp == "A"], X[sp == "B"])
    assert (res.precision, res.recall, res.score) == pytest.approx((p, r, f), abs=1e-6)
    assert (res.n_a, res.n_b) == (int(np.sum(sp == "A")), int(np.sum(sp == "B")))
    assert res.ci_low <= res.score <= res.ci_high
    assert 1 / 100 <= res.p <= 1.0 and np.isfinite(res.z)
    assert res.null_std > 0


def test_centroid_method(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, X, sp = corpus
    res = alignment(table, "A", "C", method="centroid", **FAST)
    ma, mc = X[sp == "A"].mean(axis=0), X[sp == "C"].mean(axis=0)
    assert res.score == pytest.approx(ma @ mc / np.linalg.norm(ma) / np.linalg.norm(mc), abs=1e-6)
    assert np.isnan(res.precision) and np.isnan(res.recall)
    assert res.ci_low <= res.score <= res.ci_high


def test_deterministic_given_seed(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, _, _ = corpus
    one = alignment(table, "A", "B", topics="topic", window="YE", seed=3, **FAST)
    two = alignment(table, "A", "B", topics="topic", window="YE", seed=3, **FAST)
    pd.testing.assert_frame_equal(one.to_pandas(), two.to_pandas())
    pd.testing.assert_frame_equal(one.by_topic.to_pandas(), two.by_topic.to_pandas())  # type: ignore[union-attr]
    other = alignment(table, "A", "B", seed=4, **FAST)
    assert other.score == one.score and other.null_mean != one.null_mean


def test_planted_alignment_is_detected_and_null_is_not() -> None:
    rng = np.random.default_rng(1)
    X = unit_rows(rng, 300, 16)
    sp = np.array(["other"] * 300, dtype=object)
    sp[:30], sp[30:60], sp[60:90] = "A", "B", "C"
    shared = unit_rows(rng, 1, 16)[0]
    X[:60] = X[:60] + 1.5 * shared  # A and B share a position; C is random
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    table = make_table(list(sp), X)
    ab = alignment(table, "A", "B", n_permutations=199, n_bootstrap=50)
    ac = alignment(table, "A", "C", n_permutations=199, n_bootstrap=50)
    assert ab.z > 5 and ab.p == pytest.approx(1 / 200)
    assert ab.score > ac.score
    assert ac.p > 0.01


def test_one_statement_speakers_work() -> None:
    rng = np.random.default_rng(2)
    X = unit_rows(rng, 12, 5)
    sp = ["A"] + ["B"] + ["C"] * 10
    res = alignment(make_table(sp, X), "A", "B", **FAST)
    assert res.score == pytest.approx(float(X[0] @ X[1]), abs=1e-6)  # P = R = the cosine
    assert res.ci_low == pytest.approx(res.score) and res.ci_high == pytest.approx(res.score)
    assert (res.n_a, res.n_b) == (1, 1)


def test_topic_breakdown_agenda_and_position(
    corpus: tuple[StatementTable, np.ndarray, np.ndarray],
) -> None:
    table, X, sp = corpus
    tp = table.column("topic")
    res = alignment(table, "A", "B", topics="topic", **FAST)
    bd = res.by_topic
    assert bd is not None and bd.labels == ("climate", "econ", "security")
    for u, t in enumerate(bd.labels):
        A, B = X[(sp == "A") & (tp == t)], X[(sp == "B") & (tp == t)]
        assert bd.score[u] == pytest.approx(soft_naive(A, B)[2], abs=1e-6)
        assert (bd.n_a[u], bd.n_b[u]) == (len(A), len(B))
    pa = bd.n_a / bd.n_a.sum()
    pb = bd.n_b / bd.n_b.sum()
    assert res.agenda == pytest.approx(1 - jensenshannon(pa, pb, base=2) ** 2, abs=1e-12)
    w = np.minimum(pa, pb)
    assert res.position == pytest.approx(float(w @ bd.score / w.sum()), abs=1e-9)
    assert res.position_ci_low <= res.position <= res.position_ci_high
    assert 0 < res.position_p <= 1
    frame = bd.to_pandas()
    assert list(frame.index) == list(bd.labels) and "start" not in frame


def test_topics_as_array_and_missing_topic(
    corpus: tuple[StatementTable, np.ndarray, np.ndarray],
) -> None:
    table, _, _ = corpus
    topics = np.array(table.column("topic"), dtype=object)
    topics[:5] = None
    res = alignment(table, "A", "B", topics=topics, **FAST)
    assert res.by_topic is not None and len(res.by_topic) == 3


def test_window_breakdown(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, X, sp = corpus
    dates = pd.DatetimeIndex(table.column("date"))
    res = alignment(table, "A", "B", window="YE", **FAST)
    bd = res.by_window
    assert bd is not None and bd.labels == ("2019", "2020", "2021")
    for u, year in enumerate((2019, 2020, 2021)):
        inyear = dates.year == year
        A, B = X[(sp == "A") & inyear], X[(sp == "B") & inyear]
        assert bd.score[u] == pytest.approx(soft_naive(A, B)[2], abs=1e-6)
        assert bd.start is not None and pd.Timestamp(bd.start[u]).year == year
    assert "end" in bd.to_pandas()
    with pytest.raises(ValueError, match="'fortnightly'"):
        alignment(table, "A", "B", window="fortnightly", **FAST)


@pytest.mark.parametrize(
    ("window", "labels"),
    [
        ("5YE", ("2015–2019", "2020–2024")),  # not "2019-12-31", which reads as a year
        ("2YS", ("2019–2020", "2021–2022")),
        ("QE", ("2019Q4", "2020Q1", "2021Q4")),
        ("ME", ("2019-12", "2020-01", "2021-12")),
        ("MS", ("2019-12", "2020-01", "2021-12")),
        ("W", ("2019-12-30–2020-01-05", "2020-01-06–2020-01-12", "2021-12-27–2022-01-02")),
        ("D", ("2019-12-31", "2020-01-01", "2021-12-31")),
        ("12h", ("2019-12-31 12:00–2020-01-01 00:00", "2021-12-31 00:00–12:00")),
    ],
)
def test_window_labels_state_the_span(window: str, labels: tuple[str, ...]) -> None:
    dates = pd.to_datetime(
        [
            "2019-12-31 18:00",
            "2020-01-01 06:00",
            "2020-01-06 00:00",
            "2021-10-05 00:00",
            "2021-12-31 00:00",
        ]
    )
    X = unit_rows(np.random.default_rng(1), 10, 4)
    t = make_table(["A", "B"] * 5, X, date=np.repeat(dates, 2))
    bd = alignment(t, "A", "B", window=window, n_permutations=0, n_bootstrap=0).by_window
    assert bd is not None and bd.start is not None and bd.end is not None
    assert bd.labels[: len(labels) - 1] == labels[:-1] and bd.labels[-1] == labels[-1]
    assert len(set(bd.labels)) == len(bd)
    assert pd.Timestamp(bd.start[0]) == dates[0]  # start/end are still the statements' dates


def test_window_without_dates_is_an_error() -> None:
    X = np.eye(2, dtype=np.float32)
    with pytest.raises(ValueError, match="no statement has a date"):
        alignment(make_table(["A", "B"], X), "A", "B", window="YE", **FAST)


def test_pairs_are_the_echoes(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, _, _ = corpus
    res = alignment(table, "A", "B", n_pairs=5, **FAST)
    ref = echoes(table, "A", "B", k=5, center=False)
    np.testing.assert_array_equal(res.pairs.row_a, ref.row_a)
    np.testing.assert_array_equal(res.pairs.row_b, ref.row_b)
    centred = alignment(table, "A", "B", n_pairs=5, center=True, **FAST)
    np.testing.assert_array_equal(centred.pairs.row_a, echoes(table, "A", "B", k=5).row_a)
    assert set(res.pairs.speaker_a) == {"A"} and set(res.pairs.speaker_b) == {"B"}


def test_by_country(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, X, sp = corpus
    country = np.where(np.isin(sp, ["A", "B"]), "Left", "Right")
    res = alignment(table.with_column("country", country), "Left", "Right", by="country", **FAST)
    left, right = X[np.isin(sp, ["A", "B"])], X[~np.isin(sp, ["A", "B"])]
    assert res.score == pytest.approx(soft_naive(left, right)[2], abs=1e-6)
    assert res.by == "country"


def test_validation_errors(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, _, _ = corpus
    with pytest.raises(KeyError, match="unknown speaker 'Putin'"):
        alignment(table, "A", "Putin")
    with pytest.raises(ValueError, match="same speaker 'A'"):
        alignment(table, "A", "A")
    with pytest.raises(ValueError, match="n_permutations"):
        alignment(table, "A", "B", n_permutations=-1)
    with pytest.raises(ValueError, match="level"):
        alignment(table, "A", "B", level=95)
    with pytest.raises(ValueError, match="alternative"):
        alignment(table, "A", "B", alternative="bigger")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="speaker name"):
        alignment(table, "A", 3)  # type: ignore[arg-type]


def test_no_calibration_requested(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, _, _ = corpus
    res = alignment(table, "A", "B", n_permutations=0, n_bootstrap=0)
    assert np.isnan(res.z) and np.isnan(res.p) and np.isnan(res.ci_low)
    assert isinstance(res, Alignment) and np.isfinite(res.score)
    row = res.to_pandas()
    assert row.shape[0] == 1 and row.loc[0, "a"] == "A"


def test_identical_statements_give_a_zero_width_interval_at_the_score() -> None:
    v = unit_rows(np.random.default_rng(1), 1, 6)
    table = make_table(["A"] * 5 + ["B"] * 5, np.repeat(v, 10, axis=0))
    for method in ("soft", "centroid"):
        res = alignment(table, "A", "B", method=method, **FAST)
        assert res.score == pytest.approx(1.0)
        assert (res.ci_low, res.ci_high) == (res.score, res.score)


def test_one_statement_per_side_gives_no_p_and_says_why() -> None:
    X = unit_rows(np.random.default_rng(2), 2, 6)
    for method in ("soft", "centroid"):
        res = alignment(make_table(["A", "B"], X), "A", "B", method=method, **FAST)
        assert np.isnan(res.z) and np.isnan(res.p)
        assert res.reason == "constant null"
        assert res.to_pandas()["reason"].iloc[0] == "constant null"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.tuples(st.integers(1, 4), st.integers(1, 4), st.integers(0, 4)),
    d=st.integers(1, 5),
    kind=st.sampled_from(["random", "opposite", "identical", "antipodal_pairs"]),
    center=st.booleans(),
    method=st.sampled_from(["soft", "centroid"]),
    seed=st.integers(0, 2**16),
)
def test_every_score_stays_in_its_range_whatever_the_cosines(
    sizes: tuple[int, int, int], d: int, kind: str, center: bool, method: str, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    n = sum(sizes)
    X = unit_rows(rng, n, d)
    if kind == "opposite":  # A's statements opposite to B's: P, R of any signs once centred
        X[: sizes[0]] = X[sizes[0]]
        X[sizes[0] :] = -X[sizes[0]]
    elif kind == "identical":
        X[:] = X[0]
    elif kind == "antipodal_pairs":
        X[1::2] = -X[::2][: X[1::2].shape[0]]
    speakers = ["A"] * sizes[0] + ["B"] * sizes[1] + ["C"] * sizes[2]
    res = alignment(
        make_table(speakers, X), "A", "B", method=method, center=center,
        n_permutations=19, n_bootstrap=20, seed=seed,
    )  # fmt: skip
    for value in (res.score, res.precision, res.recall, res.ci_low, res.ci_high):
        assert np.isnan(value) or -1.0 <= value <= 1.0
    if np.isfinite(res.score) and np.isfinite(res.ci_low):
        assert res.ci_low <= res.score + 1e-9 or method == "centroid"
        assert res.ci_low <= res.ci_high
    assert np.isnan(res.z) or np.isfinite(res.z)
    assert np.isnan(res.p) or 0.0 < res.p <= 1.0
    assert np.isnan(res.p) == np.isnan(res.z)
    assert (res.reason == "") == np.isfinite(res.p)
