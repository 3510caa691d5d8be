"""The graph backend (``_graph``): exact neighbours, the shared-neighbour graph, Leiden
communities, and ``topics(method="graph")`` end to end."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score
from topics_helpers import planted, unit_rows

from stancekit.table import StatementTable
from stancekit.topics import _graph, topics
from stancekit.topics._arrays import cluster_means, prep
from stancekit.topics._graph import (
    PRUNE,
    communities,
    jaccard_graph,
    nearest_neighbors,
    neighbours_used,
)


def _clusters(
    n_clusters: int, size: int, *, dim: int = 32, noise: float = 0.5, seed: int = 0
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """``n_clusters * size`` noisy unit rows around random unit centres, rows shuffled."""
    rng = np.random.default_rng(seed)
    truth = rng.permutation(np.repeat(np.arange(n_clusters), size)).astype(np.int64)
    centres = unit_rows(rng.standard_normal((n_clusters, dim)))
    noisy = centres[truth] + noise * rng.standard_normal((truth.size, dim)) / np.sqrt(dim)
    return unit_rows(noisy), truth


def _brute_force(S: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.int64]:
    sims = S.astype(np.float64) @ S.T.astype(np.float64)
    np.fill_diagonal(sims, -np.inf)
    order: npt.NDArray[np.int64] = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return order


def _assert_same_neighbours(S: npt.NDArray[np.float32], got: npt.NDArray[np.int64]) -> None:
    """``got`` are the best neighbours, best first: the same rows as a brute-force sort in
    float64, up to float32 rounding between near-equal similarities."""
    k = got.shape[1]
    want = _brute_force(S, k)
    sims = S.astype(np.float64) @ S.T.astype(np.float64)
    got_sims = np.take_along_axis(sims, got, axis=1)
    want_sims = np.take_along_axis(sims, want, axis=1)
    np.testing.assert_allclose(got_sims, want_sims, atol=1e-6)
    clear = np.abs(got_sims - want_sims) == 0.0
    assert np.array_equal(got[clear], want[clear]) and clear.mean() > 0.99


# -- nearest_neighbors -------------------------------------------------------------------


@pytest.mark.parametrize(("m", "k"), [(2, 1), (30, 5), (200, 17)])
def test_neighbours_match_a_brute_force_sort(m: int, k: int) -> None:
    S = unit_rows(np.random.default_rng(m).standard_normal((m, 12)))
    got = nearest_neighbors(S, k)
    assert got.shape == (m, k) and got.dtype == np.int64
    _assert_same_neighbours(S, got)
    assert not (got == np.arange(m)[:, None]).any()  # never its own neighbour


def test_neighbours_are_best_first_and_break_ties_by_the_lower_index() -> None:
    # rows 1, 2 and 3 are equally close to row 0; row 4 is the farthest
    S = unit_rows(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [0.0, 1.0]]))
    got = nearest_neighbors(S, 4)
    assert got[0].tolist() == [1, 2, 3, 4]
    assert got[2].tolist() == [1, 3, 0, 4]  # its two copies first (lower index first)


@pytest.mark.parametrize("k", [6, 20, 49])
@pytest.mark.parametrize("entries", [1, 1000, 10**9])
def test_neighbours_across_blocks(monkeypatch: pytest.MonkeyPatch, entries: int, k: int) -> None:
    # square tiles of max(16, isqrt(entries)) rows: 16 (four, the last of 2 rows), 31, all;
    # k = 20 and 49 exceed a tile's columns, so a band's first tile cannot fill its lists
    S = unit_rows(np.random.default_rng(5).standard_normal((50, 8)))
    whole = nearest_neighbors(S, k)
    monkeypatch.setattr(_graph, "_BLOCK_ENTRIES", entries)
    assert np.array_equal(nearest_neighbors(S, k), whole)
    _assert_same_neighbours(S, whole)
    assert not (whole == np.arange(50)[:, None]).any()


def test_neighbours_used_is_capped_for_small_tables() -> None:
    assert neighbours_used(50, 100_000) == 50
    assert neighbours_used(50, 2500) == 50  # 2 * isqrt(2500) = 100
    assert neighbours_used(50, 400) == 40  # 2 * 20
    assert neighbours_used(50, 14) == 6
    assert neighbours_used(50, 3) == 2 and neighbours_used(50, 2) == 1
    assert neighbours_used(1, 1000) == 1 and neighbours_used(50, 1) == 1


# -- jaccard_graph -----------------------------------------------------------------------


def _links(G: object) -> dict[tuple[int, int], float]:
    return {
        (int(i), int(j)): float(w)
        for i, j, w in zip(G.row, G.col, G.data, strict=True)  # type: ignore[attr-defined]
    }


def test_jaccard_weights_by_hand() -> None:
    # neighbour sets, each with the row itself: {0,1,2} {1,0,2} {2,0,1} {3,4,0} {4,3,0}
    nb = np.array([[1, 2], [0, 2], [0, 1], [4, 0], [3, 0]], dtype=np.int64)
    G = jaccard_graph(nb)
    assert G.shape == (5, 5) and G.dtype == np.float64
    assert (G.row < G.col).all()  # upper triangle only, no diagonal
    got = _links(G)
    # s shared rows of two sets of 3: s / (6 - s)
    want = {
        (0, 1): 3 / 3, (0, 2): 3 / 3, (1, 2): 3 / 3,  # the same three rows
        (3, 4): 3 / 3,
        (0, 3): 1 / 5, (0, 4): 1 / 5,  # only row 0 shared
        (1, 3): 1 / 5, (1, 4): 1 / 5, (2, 3): 1 / 5, (2, 4): 1 / 5,
    }  # fmt: skip
    assert got.keys() == want.keys()
    for key, w in want.items():
        assert got[key] == pytest.approx(w)
    dense = G.toarray()
    assert np.allclose(np.tril(dense), 0.0)


def test_jaccard_prunes_weak_links() -> None:
    # sets of 8 rows (k = 7): rows 0-7 all have {0..7}, rows 9-15 all have {8..15}, row 8
    # has {7, 8, ..., 14}
    nb = [[j for j in range(8) if j != i] for i in range(8)]
    nb.append([7, 9, 10, 11, 12, 13, 14])
    nb += [[j for j in range(8, 16) if j != i] for i in range(9, 16)]
    G = jaccard_graph(np.array(nb, dtype=np.int64))
    got = _links(G)
    assert pytest.approx(1 / 15) == PRUNE
    assert got[(0, 1)] == pytest.approx(1.0) and got[(9, 15)] == pytest.approx(1.0)
    # one shared row of two sets of 8: 1 / 15, at the threshold, kept
    assert all(got[(i, 8)] == pytest.approx(1 / 15) for i in range(8))
    assert got[(8, 9)] == pytest.approx(7 / 9)  # {8..14} shared
    assert not any((i, j) in got for i in range(8) for j in range(9, 16))  # nothing shared
    assert len(got) == 28 + 8 + 7 + 21
    stricter = _links(jaccard_graph(np.array(nb, dtype=np.int64), prune=0.1))
    assert not any((i, 8) in stricter for i in range(8)) and (8, 9) in stricter
    assert len(stricter) == 28 + 7 + 21


@pytest.mark.parametrize("entries", [1, 900, 10**9])
def test_jaccard_graph_is_the_same_in_any_blocks(
    monkeypatch: pytest.MonkeyPatch, entries: int
) -> None:
    # blocks of max(16, entries // 36) rows: 16 (three blocks), 25, all
    S = unit_rows(np.random.default_rng(9).standard_normal((40, 6)))
    nb = nearest_neighbors(S, 5)
    want = jaccard_graph(nb).toarray()
    monkeypatch.setattr(_graph, "_BLOCK_ENTRIES", entries)
    assert np.array_equal(jaccard_graph(nb).toarray(), want)
    # the brute-force overlap of the neighbour sets
    sets = [{i, *nb[i].tolist()} for i in range(40)]
    for i in range(40):
        for j in range(i + 1, 40):
            w = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
            assert want[i, j] == pytest.approx(w if w >= PRUNE else 0.0)


# -- communities -------------------------------------------------------------------------


def _fit(S: npt.NDArray[np.float32], **kw: object) -> _graph.GraphFit:
    opts: dict[str, object] = {
        "mean": None, "n_neighbors": 15, "resolution": 1.0, "seed": 0, "runs": 5,
        "min_size": 2,
    }  # fmt: skip
    opts.update(kw)
    return communities(S, **opts)  # type: ignore[arg-type]


def test_communities_recover_planted_clusters() -> None:
    S, truth = _clusters(6, 40)
    fit = _fit(S)
    assert fit.n_clusters == 6 and fit.labels.shape == (240,) and fit.labels.dtype == np.int64
    assert adjusted_rand_score(truth, fit.labels) > 0.95
    assert set(fit.labels.tolist()) == set(range(6))
    assert math.isfinite(fit.modularity) and 0.7 < fit.modularity < 1.0
    assert fit.n_small == 0 and fit.n_moved == 0 and fit.n_edges > 0


def test_communities_centre_the_rows_they_are_given() -> None:
    S, truth = _clusters(4, 30, noise=0.8, seed=7)
    shifted = unit_rows(S + 2.0)  # every row pulled towards one direction
    mean = shifted.mean(axis=0).astype(np.float32)
    got = _fit(shifted, mean=mean)
    want = _fit(prep(shifted, mean))  # the same rows centred beforehand
    assert np.array_equal(got.labels, want.labels) and got.n_clusters == want.n_clusters
    np.testing.assert_allclose(got.centres, want.centres, atol=1e-6)
    assert got.centres.shape == (got.n_clusters, S.shape[1])
    np.testing.assert_allclose(
        got.centres, cluster_means(prep(shifted, mean), got.labels, got.n_clusters), atol=1e-6
    )
    assert adjusted_rand_score(truth, got.labels) > 0.9


def test_communities_are_identical_for_the_same_seed() -> None:
    S, _ = _clusters(5, 30, noise=1.4, seed=3)  # overlapping: the partition is not obvious
    a, b = _fit(S, seed=4), _fit(S, seed=4)
    assert np.array_equal(a.labels, b.labels) and a.modularity == b.modularity
    assert (a.n_clusters, a.n_small, a.n_edges) == (b.n_clusters, b.n_small, b.n_edges)
    # the best of several runs: another seed finds a partition at least nearly as good
    c = _fit(S, seed=11)
    assert abs(c.modularity - a.modularity) < 0.05


@pytest.mark.parametrize("resolution", [1.0, 2.0])
def test_the_reported_modularity_is_that_of_the_leiden_partition(resolution: float) -> None:
    import igraph  # type: ignore[import-untyped]

    S, _ = _clusters(5, 30, noise=1.4, seed=3)
    nb = nearest_neighbors(S, 15)
    graph = _graph.jaccard_graph(nb)
    labels, q, n_edges = _graph._leiden(
        _graph.jaccard_links(nb), S.shape[0], resolution=resolution, seed=1, runs=2
    )
    assert n_edges == graph.nnz
    edges = np.column_stack([graph.row, graph.col]).tolist()
    g = igraph.Graph(n=S.shape[0], edges=edges)
    want = g.modularity(labels.tolist(), weights=graph.data.tolist(), resolution=resolution)
    assert q == pytest.approx(want, abs=1e-9)


def test_more_runs_never_lower_the_modularity() -> None:
    S, _ = _clusters(5, 30, noise=1.4, seed=3)
    one = _fit(S, runs=1, seed=2)
    five = _fit(S, runs=5, seed=2)  # its first run is the single run above
    assert five.modularity >= one.modularity


def test_small_communities_are_merged_into_the_nearest() -> None:
    S, truth = _clusters(4, 30, seed=6)
    rng = np.random.default_rng(1)
    # two tight groups of six rows, far from everything: with five neighbours each group is
    # its own neighbourhood, a community of six
    far = unit_rows(rng.standard_normal((2, S.shape[1])))
    tiny = unit_rows(np.repeat(far, 6, axis=0) + 0.01 * rng.standard_normal((12, S.shape[1])))
    rows = np.vstack([S, tiny])
    fit = _fit(rows, n_neighbors=5, min_size=10)
    assert fit.n_small == 2 and fit.n_moved == 12
    sizes = np.bincount(fit.labels)
    assert fit.n_clusters == sizes.size == 4 and sizes.min() >= 30 and sizes.sum() == 132
    assert adjusted_rand_score(truth, fit.labels[:120]) == 1.0
    # each moved row joined the community whose mean (of the rows kept) is nearest
    centres = np.stack([S[fit.labels[:120] == c].mean(axis=0) for c in range(4)])
    d = ((tiny[:, None, :] - centres[None]) ** 2).sum(axis=2)
    assert np.array_equal(fit.labels[120:], d.argmin(axis=1))
    # without the floor the two groups are communities of their own
    loose = _fit(rows, n_neighbors=5, min_size=2)
    assert loose.n_clusters == 6 and loose.n_small == 0 and loose.n_moved == 0


def test_when_every_community_is_small_the_largest_stays() -> None:
    S, _ = _clusters(3, 6, seed=2)
    assert _fit(S, n_neighbors=3, min_size=2).n_clusters == 3
    fit = _fit(S, n_neighbors=3, min_size=100)
    assert fit.n_clusters == 1 and (fit.labels == 0).all()
    assert fit.n_small == 2 and fit.n_moved == 12  # all but one of the three dissolved


def test_higher_resolution_gives_more_communities() -> None:
    S, _ = _clusters(3, 60, noise=1.2, seed=8)
    low = _fit(S, resolution=0.5, n_neighbors=20)
    high = _fit(S, resolution=4.0, n_neighbors=20)
    assert high.n_clusters > low.n_clusters


# -- topics(method="graph") --------------------------------------------------------------


def test_default_finds_the_planted_number_without_being_told() -> None:
    p = planted((70, 60, 50, 50, 40, 40), seed=21)
    model = topics(p.table)
    assert model.method == "graph" and model.n_topics == 6 == model.k_choice.k
    assert adjusted_rand_score(p.topic, model.assignments) == 1.0
    assert math.isfinite(model.k_choice.modularity)
    assert model.sizes.tolist() == [70, 60, 50, 50, 40, 40]


def test_default_is_seeded() -> None:
    p = planted((60, 50, 40, 30, 30), seed=10, noise=1.6)
    a, b = topics(p.table, seed=7), topics(p.table, seed=7)
    assert np.array_equal(a.assignments, b.assignments) and a.labels == b.labels
    assert a.k_choice.to_pandas().equals(b.k_choice.to_pandas())
    # the graph fit is sampled by the seed: another seed, another sample
    c = topics(p.table, seed=7, graph_size=100)
    d = topics(p.table, seed=8, graph_size=100)
    assert c.k_choice.sample_size == d.k_choice.sample_size == 100
    assert not np.array_equal(c.assignments, d.assignments)


def test_a_graph_sample_still_assigns_every_row() -> None:
    p = planted((150, 150, 100, 100), seed=22)
    model = topics(p.table, graph_size=80, seed=3)
    assert (model.assignments >= 0).all() and model.sizes.sum() == 500
    assert model.n_outliers == 0 and model.n_topics == 4
    assert "graph of 80 sampled statements" in model.k_choice.reason
    assert adjusted_rand_score(p.topic, model.assignments) > 0.95


@pytest.mark.parametrize("method", ["kmeans", "agglomerative"])
def test_kmeans_and_agglomerative_take_k_from_the_graph(method: str) -> None:
    p = planted((60, 60, 60, 60, 60), seed=23)
    graph = topics(p.table)
    model = topics(p.table, method=method)
    assert model.method == method and model.n_topics == graph.n_topics == 5
    assert model.k_choice.k == graph.k_choice.k
    assert model.k_choice.modularity == graph.k_choice.modularity
    assert "Leiden" in model.k_choice.criterion
    assert adjusted_rand_score(graph.assignments, model.assignments) == 1.0


def test_an_integer_picks_kmeans_under_auto() -> None:
    p = planted((40, 40, 40), seed=24)
    model = topics(p.table, n_topics=2)
    assert model.method == "kmeans" and model.n_topics == 2
    assert topics(p.table, method="auto").method == "graph"


def test_n_neighbors_and_resolution_steer_the_graph() -> None:
    p = planted((60, 60, 60), seed=25, noise=1.0)
    base = topics(p.table)
    assert "(26 neighbours)" in base.k_choice.criterion  # 2 * isqrt(180)
    few = topics(p.table, n_neighbors=10)
    assert "(10 neighbours)" in few.k_choice.criterion
    fine = topics(p.table, resolution=5.0, min_topic_size=2)
    assert "resolution 5" in fine.k_choice.criterion
    assert fine.n_topics > base.n_topics


def test_identical_statements_make_one_topic() -> None:
    # identical vectors have nothing to tell apart: one topic, not an arbitrary split of ties
    rng = np.random.default_rng(3)
    row = rng.standard_normal(12).astype(np.float32)
    X = np.repeat((row / np.linalg.norm(row))[None, :], 60, axis=0)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i // 6}" for i in range(60)],
            "speaker": [f"s{i % 4}" for i in range(60)],
            "text": [f"quay cranes cargo budget line {i}" for i in range(60)],
            "start": [10 * (i % 6) for i in range(60)],
            "end": [10 * (i % 6) + 5 for i in range(60)],
        }
    )
    table = StatementTable(frame).with_embeddings(X, {"model": "test"})
    model = topics(table)
    assert model.n_topics == 1 and model.sizes.tolist() == [60]
    assert "identical" in model.k_choice.reason
