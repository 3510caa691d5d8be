"""Agenda overlap (1 - Jensen-Shannon, base 2) and alignment within shared topics."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from topics_helpers import planted, table_of, unit_rows

from stancekit.topics import topics
from stancekit.topics._compare import best_pairs


def _two_topic_model(speakers: list[str], topic_of: list[int]):  # type: ignore[no-untyped-def]
    """Rows on two orthogonal directions (topic 0: x axis, topic 1: y axis), a little spread."""
    rng = np.random.default_rng(0)
    base = np.eye(4)[np.asarray(topic_of)]
    X = unit_rows(base + 0.05 * rng.standard_normal(base.shape))
    return topics(table_of(X, speakers), n_topics=2)


def test_identical_shares_overlap_one() -> None:
    model = _two_topic_model(["A", "B", "A", "B", "A", "B"], [0, 0, 1, 1, 1, 1])
    c = model.compare("A", "B")
    assert c.agenda_overlap == pytest.approx(1.0)
    assert np.allclose(c.share_a, c.share_b)


def test_disjoint_agendas_overlap_zero() -> None:
    model = _two_topic_model(["A", "A", "B", "B"], [0, 0, 1, 1])
    c = model.compare("A", "B")
    assert c.agenda_overlap == pytest.approx(0.0, abs=1e-12)
    assert not c.shared.any() and np.isnan(c.f).all() and np.isnan(c.position)
    assert c.pair_a.size == 0 and c.pairs().empty


def test_overlap_is_one_minus_base2_jensen_shannon() -> None:
    model = _two_topic_model(["A", "A", "A", "B", "B", "B", "B"], [0, 0, 1, 0, 1, 1, 1])
    c = model.compare("A", "B")
    p, q = c.share_a, c.share_b
    m = (p + q) / 2

    def h(x: np.ndarray) -> float:
        x = x[x > 0]
        return float(-(x * np.log2(x)).sum())

    assert c.agenda_overlap == pytest.approx(1 - (h(m) - (h(p) + h(q)) / 2))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("AB"), st.integers(0, 1)), min_size=4, max_size=14))
def test_overlap_is_within_bounds(rows: list[tuple[str, int]]) -> None:
    speakers = [s for s, _ in rows] + ["A", "B", "A", "B"]
    topic_of = [t for _, t in rows] + [0, 0, 1, 1]
    c = _two_topic_model(speakers, topic_of).compare("A", "B")
    assert 0.0 <= c.agenda_overlap <= 1.0
    assert np.allclose(c.share_a.sum(), 1.0) and np.allclose(c.share_b.sum(), 1.0)


def test_alignment_within_topics_matches_a_naive_loop() -> None:
    p = planted((30, 24, 18), seed=8, noise=0.8, speakers=("A", "B", "C"))
    model = topics(p.table, n_topics=3)
    c = model.compare("A", "C")
    X = p.table.embeddings
    assert X is not None
    spk, top = p.table.column("speaker"), model.assignments
    weights, fs = [], []
    for t in range(3):
        ia = np.flatnonzero((spk == "A") & (top == t))
        ib = np.flatnonzero((spk == "C") & (top == t))
        cos = np.array([[float(X[i] @ X[j]) for j in ib] for i in ia])
        prec, rec = cos.max(axis=1).mean(), cos.max(axis=0).mean()
        assert c.precision[t] == pytest.approx(prec, abs=1e-6)
        assert c.recall[t] == pytest.approx(rec, abs=1e-6)
        assert c.f[t] == pytest.approx(2 * prec * rec / (prec + rec), abs=1e-6)
        assert c.n_a[t] == ia.size and c.n_b[t] == ib.size
        # the pairs behind it: every A statement with its best C match, and the reverse
        pairs = c.pairs(t)
        side_a = pairs[pairs["side"] == "a"]
        assert sorted(side_a["row_A"]) == list(ia)
        for _, row in side_a.iterrows():
            assert row["row_C"] == ib[np.argmax(X[ib] @ X[row["row_A"]])]
            assert row["cosine"] == pytest.approx(float(X[row["row_A"]] @ X[row["row_C"]]))
            assert row["text_A"] == p.table.column("text")[row["row_A"]]
        assert (pairs["side"] == "b").sum() == ib.size
        assert list(pairs["cosine"]) == sorted(pairs["cosine"], reverse=True)
        weights.append(min(c.share_a[t], c.share_b[t]))
        fs.append(c.f[t])
    assert c.position == pytest.approx(np.dot(weights, fs) / np.sum(weights))
    frame = c.to_pandas()
    assert list(frame["shared"]) == [True] * 3 and "n_A" in frame and "share_C" in frame


def test_best_pairs_blocks_agree_with_dense() -> None:
    rng = np.random.default_rng(9)
    A, B = unit_rows(rng.standard_normal((50, 6))), unit_rows(rng.standard_normal((7, 6)))
    best_a, arg_a, best_b, arg_b = best_pairs(A, B)
    cos = A @ B.T
    assert np.array_equal(arg_a, cos.argmax(axis=1)) and np.array_equal(arg_b, cos.argmax(axis=0))
    assert np.allclose(best_a, cos.max(axis=1)) and np.allclose(best_b, cos.max(axis=0))


def test_compare_by_country_and_errors() -> None:
    p = planted((20, 20), countries=("China", "Kyrgyzstan"), speakers=("Xi", "Japarov"))
    model = topics(p.table, n_topics=2)
    c = model.compare("China", "Kyrgyzstan", by="country")
    assert c.by == "country" and c.n_a.sum() + c.n_b.sum() == 40
    with pytest.raises(KeyError, match="unknown speaker 'Nobody'"):
        model.compare("Xi", "Nobody")
    with pytest.raises(ValueError, match="two different groups"):
        model.compare("Xi", "Xi")


def test_single_statement_speaker_does_not_crash() -> None:
    p = planted((12, 12), speakers=("A", "B", "C"))
    table = p.table.with_column("speaker", ["Solo", *p.table.column("speaker")[1:]])
    model = topics(table, n_topics=2)
    c = model.compare("Solo", "A")
    assert c.n_a.sum() == 1 and c.shared.sum() == 1
    assert np.isfinite(c.position) and 0.0 <= c.agenda_overlap <= 1.0
