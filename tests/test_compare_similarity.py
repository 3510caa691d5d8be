"""similarity / agenda_overlap / position_similarity against plain references."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from scipy.spatial.distance import jensenshannon
from sklearn.metrics.pairwise import cosine_similarity

from stancekit import LabeledMatrix, SkippedRecordsWarning, StatementTable
from stancekit.compare import agenda_overlap, position_similarity, similarity


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def make_table(speakers: list[str], X: np.ndarray | None, **columns: Any) -> StatementTable:
    n = len(speakers)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": speakers,
            "text": [f"text {i}" for i in range(n)],
            "start": 0,
            "end": 0,
            "formulaic": False,  # kernels under test: nothing left out
            **columns,
        }
    )
    table = StatementTable(frame)
    return table if X is None else table.with_embeddings(X, {"model": "test"})


def soft_f_naive(A: np.ndarray, B: np.ndarray) -> float:
    K = A.astype(np.float64) @ B.T.astype(np.float64)
    p, r = K.max(axis=1).mean(), K.max(axis=0).mean()
    # harmonic mean only when both are positive, else the smaller one (core.harmonic_f)
    return float(2 * p * r / (p + r)) if p > 0 and r > 0 else float(min(p, r))


@pytest.fixture
def ragged() -> tuple[StatementTable, np.ndarray, list[str]]:
    rng = np.random.default_rng(0)
    names = ["Zed", "Ann", "Bo", "Cy"]
    speakers = [*rng.choice(names, 60), "Solo"]  # Solo says one thing
    X = unit_rows(rng, len(speakers), 8)
    return make_table(speakers, X), X, speakers


def test_centroid_matches_sklearn(ragged: tuple[StatementTable, np.ndarray, list[str]]) -> None:
    table, X, speakers = ragged
    m = similarity(table, center=False, min_statements=1)
    assert isinstance(m, LabeledMatrix)
    assert m.rows == m.columns == ("Ann", "Bo", "Cy", "Solo", "Zed")
    sp = np.array(speakers)
    means = np.stack([X[sp == s].mean(axis=0) for s in m.rows])
    np.testing.assert_allclose(m.values, cosine_similarity(means), atol=1e-6)
    assert m.name == "centroid cosine"


def test_soft_matches_per_pair_loop(ragged: tuple[StatementTable, np.ndarray, list[str]]) -> None:
    table, X, speakers = ragged
    m = similarity(table, method="soft", center=False, min_statements=1)
    sp = np.array(speakers)
    for a in m.rows:
        for b in m.rows:
            ref = 1.0 if a == b else soft_f_naive(X[sp == a], X[sp == b])
            assert m[a, b] == pytest.approx(ref, abs=1e-6)
    assert similarity(table, method="soft", center=False, min_statements=1) == m  # deterministic


def test_center_equals_similarity_of_centred_vectors(
    ragged: tuple[StatementTable, np.ndarray, list[str]],
) -> None:
    table, X, speakers = ragged
    Xc = X - X.mean(axis=0)
    Xc = (Xc / np.linalg.norm(Xc, axis=1, keepdims=True)).astype(np.float32)
    ref = similarity(make_table(speakers, Xc), method="soft", center=False, min_statements=1)
    got = similarity(table, method="soft", center=True, min_statements=1)
    np.testing.assert_allclose(got.values, ref.values, atol=1e-5)
    assert not np.allclose(
        got.values, similarity(table, method="soft", center=False, min_statements=1).values
    )


def test_by_country_aggregates_and_warns_about_missing() -> None:
    rng = np.random.default_rng(1)
    X = unit_rows(rng, 5, 4)
    table = make_table(
        ["Xi", "Wang", "Japarov", "anon", "Xi"], X, country=["China", "China", "KG", None, "China"]
    )
    with pytest.warns(SkippedRecordsWarning, match="1 of 5 statements have no 'country'"):
        m = similarity(table, by="country", center=False, min_statements=1)
    assert m.rows == ("China", "KG")
    ref = cosine_similarity(np.stack([X[[0, 1, 4]].mean(axis=0), X[2]]))
    np.testing.assert_allclose(m.values, ref, atol=1e-6)


def test_errors_name_the_bad_value() -> None:
    table = make_table(["A", "B"], None)
    with pytest.raises(ValueError, match=r"stancekit\.embed"):
        similarity(table)
    X = np.eye(2, dtype=np.float32)
    table = make_table(["A", "B"], X)
    with pytest.raises(ValueError, match="'cosine'"):
        similarity(table, method="cosine")
    with pytest.raises(KeyError, match="'party'"):
        similarity(table, by="party")
    with pytest.raises(TypeError, match="StatementTable"):
        similarity(X)  # type: ignore[arg-type]


def test_agenda_overlap_matches_scipy() -> None:
    topics = ["t1", "t1", "t2", "t1", "t3", "t3", "t2", "t1"]
    speakers = ["A", "A", "A", "B", "B", "B", "C", "C"]
    table = make_table(speakers, None, topic=topics)
    m = agenda_overlap(table, topics="topic")
    shares = {"A": [2, 1, 0], "B": [1, 0, 2], "C": [1, 1, 0]}
    for a in "ABC":
        for b in "ABC":
            p = np.array(shares[a]) / sum(shares[a])
            q = np.array(shares[b]) / sum(shares[b])
            assert m[a, b] == pytest.approx(1 - jensenshannon(p, q, base=2) ** 2, abs=1e-12)
    same = agenda_overlap(table, topics=np.array(topics, dtype=object))
    assert same == m


def test_agenda_overlap_warns_for_statements_without_topic() -> None:
    table = make_table(["A", "B", "B"], None)
    with pytest.warns(SkippedRecordsWarning, match="1 statements have no topic"):
        m = agenda_overlap(table, topics=["x", "x", None])
    assert m["A", "B"] == pytest.approx(1.0)
    with pytest.raises(ValueError, match="one label per statement"):
        agenda_overlap(table, topics=["x"])
    with pytest.raises(KeyError, match="'topic'"):
        agenda_overlap(table, topics="topic")


@pytest.mark.parametrize("method", ["soft", "centroid"])
def test_position_similarity_is_the_weighted_mean_of_within_topic_scores(method: str) -> None:
    rng = np.random.default_rng(2)
    speakers = list(rng.choice(["A", "B", "C"], 50))
    topics = list(rng.choice(["x", "y", "z"], 50))
    X = unit_rows(rng, 50, 6)
    table = make_table(speakers, X, topic=topics)
    got = position_similarity(table, topics="topic", method=method)
    sp, tp = np.array(speakers), np.array(topics)
    share = {s: {t: np.mean(tp[sp == s] == t) for t in "xyz"} for s in "ABC"}
    for a in "ABC":
        for b in "ABC":
            num = den = 0.0
            for t in "xyz":
                A, B = X[(sp == a) & (tp == t)], X[(sp == b) & (tp == t)]
                if len(A) == 0 or len(B) == 0:
                    continue
                if a == b:
                    score = 1.0
                elif method == "soft":
                    score = soft_f_naive(A, B)
                else:
                    score = float(cosine_similarity(A.mean(0)[None], B.mean(0)[None])[0, 0])
                w = min(share[a][t], share[b][t])
                num, den = num + w * score, den + w
            assert got[a, b] == pytest.approx(num / den, abs=1e-6)


def test_position_similarity_nan_without_shared_topic() -> None:
    X = np.eye(3, dtype=np.float32)
    table = make_table(["A", "B", "A"], X, topic=["x", "y", "y"])
    m = position_similarity(table, topics="topic")
    assert m["A", "B"] == pytest.approx(0.0)  # they share y: orthogonal statements
    table = make_table(["A", "B"], X[:2], topic=["x", "y"])
    assert np.isnan(position_similarity(table, topics="topic")["A", "B"])
