"""How the number of topics is chosen (:class:`KChoice`): planted clusters, tiny inputs, a given
number, the graph sample, Ward cuts."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.cluster.hierarchy import cut_tree, linkage
from sklearn.metrics import adjusted_rand_score
from topics_helpers import planted, table_of, unit_rows

from stancekit.topics import KChoice, topics
from stancekit.topics._arrays import ward_cuts

COLUMNS = ["requested", "k", "criterion", "reason", "sample_size", "modularity", "n_dissolved"]


@pytest.mark.parametrize(("sizes", "method"), [((40, 30, 30, 20, 25), "auto"),
                                               ((80,) * 6, "graph"),
                                               ((30, 30, 20), "agglomerative"),
                                               ((25,) * 7, "kmeans")])  # fmt: skip
def test_auto_finds_the_planted_number(sizes: tuple[int, ...], method: str) -> None:
    p = planted(sizes, seed=len(sizes))
    model = topics(p.table, method=method)
    choice = model.k_choice
    assert model.n_topics == len(sizes) and choice.k == len(sizes)
    assert choice.requested == "auto" and "Leiden" in choice.criterion
    assert choice.reason.startswith(f"{len(sizes)} communities of ")
    assert choice.sample_size == sum(sizes) and choice.n_dissolved == 0
    # well separated clusters: a high modularity, and every planted cluster recovered
    assert math.isfinite(choice.modularity) and 0.5 < choice.modularity < 1.0
    assert adjusted_rand_score(p.topic, model.assignments) == 1.0
    assert model.method == ("graph" if method == "auto" else method)


def test_choice_is_one_row() -> None:
    choice = topics(planted((40, 40), seed=2).table).k_choice
    assert isinstance(choice, KChoice)
    frame = choice.to_pandas()
    assert list(frame.columns) == COLUMNS and len(frame) == 1
    assert frame.loc[0, "k"] == choice.k == 2
    assert frame.loc[0, "modularity"] == choice.modularity
    assert frame.loc[0, "reason"] == choice.reason


def test_a_given_k_is_recorded_as_given() -> None:
    p = planted((20, 20, 20))
    model = topics(p.table, n_topics=2)
    choice = model.k_choice
    assert model.n_topics == 2 and model.method == "kmeans"
    assert choice.requested == "2" and choice.k == 2
    assert choice.criterion == "given" and choice.reason == "n_topics=2 was given"
    assert choice.sample_size == 0 and math.isnan(choice.modularity) and choice.n_dissolved == 0


def test_hdbscan_records_what_it_found() -> None:
    p = planted((40, 40, 40), seed=3)
    choice = topics(p.table, method="hdbscan").k_choice
    assert choice.requested == "auto" and choice.k == 3
    assert choice.reason.startswith("HDBSCAN found 3 clusters")
    assert choice.sample_size == 0 and math.isnan(choice.modularity)


@pytest.mark.parametrize("n", [1, 2])
def test_fewer_than_three_statements_give_one_topic(n: int) -> None:
    X = unit_rows(np.eye(2)[:n] + 0.1)
    model = topics(table_of(X, ["A"] * n))
    assert model.n_topics == 1 and model.k_choice.k == 1
    assert "too few for a graph" in model.k_choice.reason
    assert math.isnan(model.k_choice.modularity)
    assert model.assignments.tolist() == [0] * n


def test_identical_vectors_give_one_topic_and_two_distinct_two() -> None:
    same = topics(table_of(unit_rows(np.ones((6, 3))), ["A"] * 6))
    assert same.n_topics == 1 and np.isnan(same.k_choice.modularity)  # no graph was built
    assert "identical" in same.k_choice.reason
    X = unit_rows(np.array([[1.0, 0.0]] * 4 + [[0.0, 1.0]] * 4))
    two = topics(table_of(X, ["A"] * 8))
    assert two.n_topics == 2 and two.sizes.tolist() == [4, 4]
    assert np.array_equal(two.assignments[:4], np.full(4, two.assignments[0]))


def test_graph_cost_is_bounded_by_graph_size() -> None:
    p = planted((300, 300, 300, 300), seed=2)
    model = topics(p.table, graph_size=200)
    choice = model.k_choice
    assert choice.sample_size == 200 and model.n_topics == 4
    assert "200 sampled statements" in choice.reason and "of 200 statements" in choice.criterion
    # every statement has a topic, the right one
    assert model.sizes.sum() == 1200 and (model.assignments >= 0).all()
    assert adjusted_rand_score(p.topic, model.assignments) == 1.0


def test_small_communities_are_merged_and_counted() -> None:
    p = planted((60, 60, 60, 30), seed=1)
    model = topics(p.table, min_topic_size=40)
    choice = model.k_choice
    assert model.n_topics == choice.k == 3 and model.sizes.min() >= 40
    assert choice.n_dissolved == 1 and "1 smaller ones (30 statements) merged" in choice.reason
    assert "under 40 statements merged" in choice.criterion
    # every statement keeps a topic; the large planted topics stay whole and apart
    assert model.sizes.sum() == 210 and (model.assignments >= 0).all()
    big = p.topic < 3
    assert adjusted_rand_score(p.topic[big], model.assignments[big]) == 1.0


@pytest.mark.parametrize("m", [3, 17, 120])
def test_ward_cuts_match_scipy(m: int) -> None:
    rng = np.random.default_rng(m)
    S = rng.standard_normal((m, 5))
    ks = [k for k in (1, 2, 3, 7, 40) if k < m]
    want = cut_tree(linkage(S, "ward"), n_clusters=ks)
    assert np.array_equal(ward_cuts(S, ks), want)
    # k = m (scipy's cut_tree gets this one wrong): every row alone, in row order
    assert ward_cuts(S, [m])[:, 0].tolist() == list(range(m))
    assert ward_cuts(S[:1], [1]).tolist() == [[0]]
