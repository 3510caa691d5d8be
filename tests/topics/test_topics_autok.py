"""The choice of k: planted clusters, the silhouette against scikit-learn, degenerate inputs."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.cluster.hierarchy import cut_tree, linkage
from sklearn.metrics import silhouette_score
from topics_helpers import planted, table_of, unit_rows

from stancekit.topics import topics
from stancekit.topics._arrays import ward_cuts
from stancekit.topics._autok import choose_k, pick_k, silhouette


@pytest.mark.parametrize(("sizes", "method"), [((40, 30, 30, 20, 25), "kmeans"),
                                               ((30, 30, 20), "agglomerative"),
                                               ((25,) * 7, "kmeans")])  # fmt: skip
def test_auto_k_finds_the_planted_number(sizes: tuple[int, ...], method: str) -> None:
    p = planted(sizes, seed=len(sizes))
    model = topics(p.table, method=method)
    choice = model.k_choice
    assert model.n_topics == len(sizes)
    assert choice.requested == "auto" and choice.k == len(sizes)
    assert f"k={len(sizes)}" in choice.reason
    # the scores are recorded for every k tried; the chosen k is the largest within 10% of the
    # best, here the best itself (over-splitting well-separated topics costs more than that)
    frame = choice.to_pandas()
    assert list(frame["k"]) == list(choice.ks) and frame["chosen"].sum() == 1
    assert choice.silhouette[choice.ks == choice.k][0] == np.nanmax(choice.silhouette)
    assert np.all(choice.silhouette[choice.ks > choice.k] < 0.9 * np.nanmax(choice.silhouette))
    assert choice.ks.min() == 2 and choice.sample_size == sum(sizes)
    assert choice.stability[choice.ks == choice.k][0] > 0.9


def test_silhouette_matches_scikit_learn() -> None:
    rng = np.random.default_rng(3)
    X = unit_rows(rng.standard_normal((60, 5)))
    labels = rng.integers(0, 4, 60)
    labels[:2] = [0, 3]
    D = np.clip(1.0 - X.astype(np.float64) @ X.T.astype(np.float64), 0.0, 2.0)
    np.fill_diagonal(D, 0.0)
    labels[5] = 7  # a singleton cluster scores 0 in both
    _, codes = np.unique(labels, return_inverse=True)
    want = silhouette_score(D, codes, metric="precomputed")
    assert silhouette(D, codes, int(codes.max()) + 1) == pytest.approx(want, abs=1e-12)


def test_grid_is_bounded_by_the_sample_and_the_distinct_rows() -> None:
    p = planted((30, 30, 30), seed=1)
    X = p.table.embeddings
    assert X is not None
    choice, centres = choose_k(X, grid=(2, 3, 50, 89, 90), k_sample=90, seed=0)
    assert list(choice.ks) == [2, 3, 50, 89]  # k < 90 distinct rows
    assert choice.k == 3 and centres is not None and centres.shape == (3, X.shape[1])
    small, _ = choose_k(X, grid=range(2, 100), k_sample=20, seed=0)
    assert small.sample_size == 20 and small.ks.max() == 19


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


def test_fewer_than_three_distinct_vectors_give_one_topic() -> None:
    X = unit_rows(np.array([[1.0, 0.0]] * 4 + [[0.0, 1.0]] * 4))
    model = topics(table_of(X, ["A"] * 8))
    assert model.n_topics == 1 and model.k_choice.k == 1
    assert "2 distinct" in model.k_choice.reason and model.k_choice.ks.size == 0
    assert np.array_equal(model.assignments, np.zeros(8, dtype=np.int64))


def test_a_given_k_is_recorded_as_given() -> None:
    p = planted((20, 20, 20))
    model = topics(p.table, n_topics=2)
    assert model.n_topics == 2 and model.k_choice.requested == "2"
    assert model.k_choice.criterion == "given" and model.k_choice.ks.size == 0


def test_auto_k_cost_is_bounded_by_k_sample() -> None:
    p = planted((300, 300, 300, 300), seed=2)
    model = topics(p.table, k_sample=200, k_grid=(2, 3, 4, 5, 6))
    assert model.k_choice.sample_size == 200 and model.n_topics == 4
    assert model.sizes.sum() == 1200


def test_pick_k_prefers_the_finest_near_best_partition() -> None:
    ks = np.array([2, 3, 4, 5, 6], dtype=np.int64)
    i, why = pick_k(ks, np.array([0.30, 0.50, 0.46, 0.44, 0.20]))
    assert ks[i] == 4 and "k=4 is the largest k" in why and "0.500 at k=3" in why
    assert "weak" not in why
    # flat, small silhouettes (text without clear clusters) do not collapse to k=2
    i, why = pick_k(ks, np.array([0.024, 0.007, 0.022, np.nan, 0.023]))
    assert ks[i] == 6 and "weak cluster structure" in why
    # no positive silhouette: the highest one
    i, why = pick_k(ks, np.array([-0.2, -0.1, -0.3, -0.05, -0.4]))
    assert ks[i] == 5 and "highest mean silhouette (-0.050)" in why
