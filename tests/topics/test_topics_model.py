"""The topics() entry point: determinism, tiny inputs, validation, large-input paths, output."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score
from topics_helpers import planted, table_of, unit_rows

from stancekit.table import StatementTable
from stancekit.topics import TopicModel, topics
from stancekit.topics._cluster import agglomerative, kmeans


def _same(a: TopicModel, b: TopicModel) -> bool:
    return (
        np.array_equal(a.assignments, b.assignments)
        and a.labels == b.labels
        and np.array_equal(a.keywords, b.keywords)
        and np.array_equal(a.representatives, b.representatives)
        and np.array_equal(a.centroids, b.centroids)
        and a.k_choice.to_pandas().equals(b.k_choice.to_pandas())
    )


@pytest.mark.parametrize("method", ["graph", "kmeans", "agglomerative", "hdbscan"])
def test_same_seed_same_result(method: str) -> None:
    # overlapping clusters, so that different seeds can give different partitions
    p = planted((60, 50, 40, 30, 30), seed=10, noise=1.6)
    first = topics(p.table, method=method, seed=3, sample_size=120, graph_size=120)
    again = topics(p.table, method=method, seed=3, sample_size=120, graph_size=120)
    assert _same(first, again)
    others = [
        topics(p.table, method=method, seed=s, sample_size=120, graph_size=120) for s in (4, 5, 6)
    ]
    assert not all(_same(first, o) for o in others)  # the seed is really used


def test_topics_are_numbered_from_the_largest() -> None:
    p = planted((10, 40, 25), seed=11)
    model = topics(p.table, n_topics=3)
    assert model.sizes.tolist() == [40, 25, 10]
    assert np.array_equal(np.bincount(model.assignments), model.sizes)
    assert adjusted_rand_score(p.topic, model.assignments) == 1.0


def test_one_statement() -> None:
    X = unit_rows(np.array([[1.0, 2.0, 3.0]]))
    table = table_of(X, ["Xi Jinping"], ["Connectivity and the railway matter"])
    model = topics(table)
    assert model.n_topics == 1 and model.assignments.tolist() == [0]
    assert model.labels == ("connectivity, matter, railway",)
    assert model.shares().values.tolist() == [[1.0]]
    assert model.representatives.tolist() == [[0, -1, -1]]
    with pytest.raises(ValueError, match="n_topics=2 but the table has only 1 statements"):
        topics(table, n_topics=2)
    with pytest.raises(KeyError, match="unknown speaker 'Sadyr Japarov'"):
        model.compare("Xi Jinping", "Sadyr Japarov")


def test_two_statements_and_more_topics_than_distinct_vectors() -> None:
    X = unit_rows(np.array([[1.0, 0.0], [0.0, 1.0]]))
    model = topics(table_of(X, ["A", "B"]))
    assert model.n_topics == 1
    same = unit_rows(np.ones((5, 3)))
    fewer = topics(table_of(same, ["A"] * 5), n_topics=3)
    assert fewer.n_topics == 1 and fewer.sizes.tolist() == [5]
    assert "3 clusters requested, 1 non-empty" in fewer.k_choice.reason


def test_statements_without_words_still_get_labels() -> None:
    X = unit_rows(np.eye(3)[[0, 0, 1, 1, 2, 2]] + 0.01)
    texts = ["the", "of", "42", "and", "", "it"]  # formulae by their words: kept on purpose
    model = topics(table_of(X, ["A"] * 6, texts), n_topics=3, keep_formulaic=True)
    assert model.labels == ("topic 0", "topic 1", "topic 2")
    assert (model.keywords == "").all() and np.isnan(model.keyword_scores).all()


def test_validation_names_the_bad_value() -> None:
    p = planted((10, 10))
    bare = StatementTable(p.table.to_pandas(embeddings=False))
    with pytest.raises(ValueError, match=r"no embeddings; call stancekit.embed\(table\) first"):
        topics(bare)
    with pytest.raises(TypeError, match="StatementTable"):
        topics(bare.to_pandas())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="method must be one of"):
        topics(p.table, method="lda")
    for bad in (0, -1, 2.5, True, "many"):
        with pytest.raises(ValueError, match="n_topics"):
            topics(p.table, n_topics=bad)  # type: ignore[arg-type]
    for method in ("hdbscan", "graph"):
        with pytest.raises(ValueError, match=rf"method='{method}' finds the number.*n_topics=3"):
            topics(p.table, method=method, n_topics=3)
    for method in ("auto", "kmeans", "agglomerative"):
        with pytest.raises(ValueError, match=r"min_topic_size applies .* not with n_topics=2"):
            topics(p.table, method=method, n_topics=2, min_topic_size=5)
    for bad in (1, 0, 2.5, True):
        with pytest.raises(ValueError, match="min_topic_size must be an integer >= 2"):
            topics(p.table, min_topic_size=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="seed must be"):
        topics(p.table, seed=-1)
    with pytest.raises(TypeError, match="progress"):
        topics(p.table, progress="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="stop_words"):
        topics(p.table, stop_words="china")
    for bad in (0, -2, 1.5, True):
        with pytest.raises(ValueError, match="n_jobs must be an integer >= 1"):
            topics(p.table, n_jobs=bad)  # type: ignore[arg-type]
    for bad in (0, -1, 2.0, False):
        with pytest.raises(ValueError, match="n_neighbors must be an integer >= 1"):
            topics(p.table, n_neighbors=bad)  # type: ignore[arg-type]
    for name in ("graph_size", "sample_size"):
        with pytest.raises(ValueError, match=f"{name} must be an integer >= 2"):
            topics(p.table, **{name: 1})  # type: ignore[arg-type]
    for bad in (0, 0.0, -1.0):
        with pytest.raises(ValueError, match=r"resolution must be > 0"):
            topics(p.table, resolution=bad)
    for bad in (-0.1, -1):
        with pytest.raises(ValueError, match=r"context must be >= 0"):
            topics(p.table, context=bad)
    for name in ("resolution", "context"):
        for bad in (float("nan"), float("inf"), "0.5", True, None):
            with pytest.raises(ValueError, match=f"{name} must be a finite number"):
                topics(p.table, **{name: bad})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no statements"):
        topics(StatementTable.empty().with_embeddings(np.zeros((0, 4), np.float32), {"m": 1}))


def test_minibatch_path_recovers_planted_clusters(capsys: pytest.CaptureFixture[str]) -> None:
    p = planted((900, 700, 600, 400), seed=12, dim=24)
    X = p.table.embeddings
    assert X is not None
    big = kmeans(X, 4, seed=0, progress=None, exact_limit=500, batch_size=256)
    assert "mini-batch" in big.note and big.n_clusters == 4
    assert adjusted_rand_score(p.topic, big.labels) == 1.0
    again = kmeans(X, 4, seed=0, progress=False, exact_limit=500, batch_size=256)
    assert np.array_equal(big.labels, again.labels)
    assert capsys.readouterr().err == ""  # not a terminal: no bar
    kmeans(X, 4, seed=0, progress=True, exact_limit=500, batch_size=256)
    assert "topics" in capsys.readouterr().err


def test_agglomerative_on_a_sample_assigns_everyone() -> None:
    p = planted((300, 200, 100), seed=13)
    X = p.table.embeddings
    assert X is not None
    found = agglomerative(X, 3, seed=0, sample_size=150)
    assert found.labels.min() == 0 and found.n_clusters == 3 and "150 sampled" in found.note
    assert adjusted_rand_score(p.topic, found.labels) == 1.0


def test_outputs_and_relabel() -> None:
    p = planted((20, 15), seed=14)
    model = topics(p.table, n_topics=2)
    frame = model.to_pandas()
    assert list(frame.columns) == [
        "topic", "label", "size", "share", "keywords", "representatives"
    ]  # fmt: skip
    assert frame["size"].tolist() == [20, 15] and frame["share"].sum() == pytest.approx(1.0)
    rows = model.statements()
    assert rows["topic"].tolist() == model.assignments.tolist()
    assert set(rows["topic_label"]) == set(model.labels) and "embedding" not in rows
    renamed = model.relabel({0: "Railway"})
    assert renamed.labels == ("Railway", model.labels[1]) and model.labels[0] != "Railway"
    assert renamed.shares().columns[0] == "Railway"
    with pytest.raises(KeyError, match="no topic 5"):
        model.relabel({5: "x"})
    with pytest.raises(ValueError, match="distinct"):
        model.relabel({0: model.labels[1]})
    with pytest.raises(ValueError, match=r"readonly|read-only"):
        model.assignments[0] = 1
    assert "2 topics by kmeans" in repr(model)
    assert isinstance(model.k_choice.to_pandas(), pd.DataFrame)


def test_kmeans_plus_plus_starts_follow_the_seed() -> None:
    # unstructured data and no Ward start (init_sample=1): only the seeded k-means++ starts
    X = unit_rows(np.random.default_rng(18).standard_normal((300, 8)))
    runs = {s: kmeans(X, 6, seed=s, progress=False, init_sample=1).labels for s in (1, 1, 2, 3)}
    first = kmeans(X, 6, seed=1, progress=False, init_sample=1).labels
    assert np.array_equal(runs[1], first)
    assert not all(np.array_equal(runs[1], runs[s]) for s in (2, 3))


def test_minibatch_order_follows_the_seed() -> None:
    X = unit_rows(np.random.default_rng(19).standard_normal((3000, 8)))
    opts = {"progress": False, "exact_limit": 400, "batch_size": 128}
    a = kmeans(X, 6, seed=4, **opts).labels  # type: ignore[arg-type]
    b = kmeans(X, 6, seed=4, **opts).labels  # type: ignore[arg-type]
    c = kmeans(X, 6, seed=5, **opts).labels  # type: ignore[arg-type]
    assert np.array_equal(a, b) and not np.array_equal(a, c)
