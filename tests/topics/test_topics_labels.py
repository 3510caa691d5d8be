"""Keywords by c-TF-IDF, labels, representatives and the keyword sample."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from topics_helpers import COMMON, KEYWORDS, planted, table_of, unit_rows

from stancekit.topics import topics
from stancekit.topics._ctfidf import (
    class_term_counts,
    ctfidf,
    make_labels,
    stratified_sample,
    top_keywords,
)


def _majority(truth: np.ndarray, found: np.ndarray, k: int) -> list[int]:
    return [int(np.bincount(truth[found == t]).argmax()) for t in range(k)]


def test_labels_come_from_the_planted_keywords() -> None:
    p = planted((40, 30, 30, 20, 25), seed=4)
    model = topics(p.table)
    assert model.n_topics == 5
    for t, truth in enumerate(_majority(p.topic, model.assignments, 5)):
        planted_words = set(KEYWORDS[truth])
        assert set(model.labels[t].split(", ")) == planted_words, model.labels[t]
        assert set(model.keywords[t, :3]) == planted_words
        # common words follow, with lower weights, in every topic; stop words never appear
        rest = {w for w in model.keywords[t, 3:] if w}
        assert rest <= {*COMMON, "matter"} and "the" not in model.keywords[t]
        scores = model.keyword_scores[t]
        assert np.all(np.diff(scores[np.isfinite(scores)]) <= 0)


def test_ctfidf_matches_the_formula() -> None:
    counts = sp.csr_matrix(np.array([[2, 0, 1, 1], [0, 3, 1, 0], [1, 1, 0, 0]]))
    c = counts.toarray().astype(float)
    tf = c / c.sum(axis=1, keepdims=True)
    avg = c.sum() / 3
    want = tf * np.log(1 + avg / c.sum(axis=0))
    assert np.allclose(ctfidf(counts).toarray(), want)
    assert ctfidf(sp.csr_matrix((2, 0))).shape == (2, 0)


def test_class_term_counts_tokens() -> None:
    texts = ["The railway, the RAILWAY and 2025 trains", "x y railway_line co-operation"]
    counts, vocab = class_term_counts(texts, np.array([0, 1]), 2)
    # lower-cased; stop words ("the", "co"), numbers, single letters and words joined by
    # underscores are left out; hyphens split words
    assert list(vocab) == ["operation", "railway", "trains"]
    assert counts.toarray().tolist() == [[0, 2, 1], [1, 0, 0]]
    extra, vocab2 = class_term_counts(
        ["He said trains, noting rails"], np.array([0]), 1, stop_words=["Rails"]
    )
    assert list(vocab2) == ["trains"] and extra.toarray().tolist() == [[1]]
    empty, none = class_term_counts(["the and of", "42"], np.array([0, 0]), 1)
    assert empty.shape == (1, 0) and none.size == 0


def test_top_keywords_pad_and_break_ties_alphabetically() -> None:
    weights = sp.csr_matrix(np.array([[0.5, 0.5, 0.1], [0.0, 0.0, 0.2]]))
    kw, sc = top_keywords(weights, np.array(["zeta", "alpha", "mid"]), 3)
    assert kw.tolist() == [["alpha", "zeta", "mid"], ["mid", "", ""]]
    assert np.isnan(sc[1, 1:]).all() and sc[0, 0] == 0.5


def test_labels_are_unique_and_never_outliers() -> None:
    kw = np.array([["trade", "port"], ["trade", "port"], ["outliers", ""], ["", ""]])
    labels = make_labels(kw, words=2)
    assert labels == ("trade, port", "trade, port (#1)", "outliers (#2)", "topic 3")


def test_representatives_are_closest_to_the_centroid() -> None:
    p = planted((30, 20, 25), seed=5, noise=0.9)
    model = topics(p.table, n_topics=3, n_representatives=4)
    X = p.table.embeddings
    assert X is not None and model.representatives.shape == (3, 4)
    mean = X.astype(np.float64).mean(axis=0)
    assert np.allclose(model.mean, mean, atol=1e-6)
    Y = X - mean
    Y /= np.linalg.norm(Y, axis=1, keepdims=True)  # the centred space the clustering used
    for t in range(3):
        rows = np.flatnonzero(model.assignments == t)
        centre = Y[rows].sum(axis=0)
        centre /= np.linalg.norm(centre)
        assert np.allclose(model.centroids[t], centre, atol=1e-5)
        sims = Y[rows] @ centre
        assert list(model.representatives[t]) == list(rows[np.argsort(-sims, kind="stable")[:4]])
    raw = topics(p.table, n_topics=3, n_representatives=4, center=False)
    assert not raw.mean.any()
    for t in range(3):
        rows = np.flatnonzero(raw.assignments == t)
        centre = X[rows].astype(np.float64).sum(axis=0)
        assert np.allclose(raw.centroids[t], centre / np.linalg.norm(centre), atol=1e-5)
    frame = model.to_pandas()
    assert frame["representatives"][0][0] == p.table.column("text")[model.representatives[0, 0]]


def test_representatives_pad_small_topics() -> None:
    X = unit_rows(np.array([[1.0, 0.0], [1.0, 0.1], [0.0, 1.0]]))
    model = topics(table_of(X, ["A", "B", "A"]), n_topics=2, n_representatives=3)
    assert model.representatives.tolist() == [[0, 1, -1], [2, -1, -1]]


def test_keyword_sample_is_stratified_with_a_floor() -> None:
    classes = np.repeat(np.arange(3), [1000, 60, 10]).astype(np.int64)
    classes = np.concatenate([classes, np.full(5, -1)])
    rows = stratified_sample(classes, 3, 200, seed=1)
    got = np.bincount(classes[rows], minlength=3)
    assert got.tolist() == [186, 50, 10]  # round(200 * 1000 / 1075); the floor of 50; all 10
    assert np.all(classes[rows] >= 0) and np.all(np.diff(rows) > 0)
    assert np.array_equal(rows, stratified_sample(classes, 3, 200, seed=1))
    assert not np.array_equal(rows, stratified_sample(classes, 3, 200, seed=2))
    assert stratified_sample(classes, 3, 5000, seed=1).size == 1070


def test_keywords_from_a_sample_still_find_the_planted_words() -> None:
    p = planted((200, 150, 100), seed=6)
    model = topics(p.table, n_topics=3, max_keyword_docs=60)
    for t, truth in enumerate(_majority(p.topic, model.assignments, 3)):
        assert set(model.keywords[t, :3]) == set(KEYWORDS[truth])


@pytest.mark.parametrize("n_keywords", [1, 4])
def test_keyword_count_option(n_keywords: int) -> None:
    model = topics(planted((20, 20)).table, n_topics=2, n_keywords=n_keywords)
    assert model.keywords.shape == (2, n_keywords)
    assert all(len(label.split(", ")) == min(3, n_keywords) for label in model.labels)
