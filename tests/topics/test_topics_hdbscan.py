"""HDBSCAN: outliers are topic -1, counted and shown, never merged into a topic."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score
from topics_helpers import planted, table_of, unit_rows

from stancekit.topics import OUTLIER_LABEL, TopicModel, topics


@pytest.fixture(scope="module")
def noisy() -> tuple[TopicModel, np.ndarray]:
    """Three tight planted clusters plus 15 scattered points."""
    p = planted((40, 30, 30), seed=15, dim=16, noise=0.3)
    X = p.table.embeddings
    assert X is not None
    rng = np.random.default_rng(15)
    scatter = unit_rows(rng.standard_normal((15, 16)))
    Y = np.concatenate([X, scatter])
    truth = np.concatenate([p.topic, np.full(15, -1)])
    speakers = list(p.table.column("speaker")) + ["Xi Jinping"] * 15
    return topics(table_of(Y, speakers), method="hdbscan"), truth


def test_outliers_are_reported(noisy: tuple[TopicModel, np.ndarray]) -> None:
    model, truth = noisy
    assert model.n_topics == 3
    out = model.assignments == -1
    assert model.n_outliers == out.sum()
    assert out[truth == -1].sum() >= 10  # most scattered points are outliers...
    assert out[truth >= 0].sum() <= 2  # ...and almost no planted point is
    clustered = ~out & (truth >= 0)
    assert adjusted_rand_score(truth[clustered], model.assignments[clustered]) == 1.0
    assert model.sizes.sum() + model.n_outliers == len(truth)
    assert f"{model.n_outliers} outliers" in model.k_choice.reason
    assert "min_cluster_size" in model.k_choice.criterion


def test_outliers_show_in_shares_and_tables(noisy: tuple[TopicModel, np.ndarray]) -> None:
    model, _ = noisy
    shares = model.shares("speaker")
    assert shares.columns == (*model.labels, OUTLIER_LABEL)
    assert np.allclose(shares.values.sum(axis=1), 1.0)
    counts = model.counts("speaker")
    assert counts.values[:, -1].sum() == model.n_outliers
    kept = model.shares("speaker", outliers="exclude")
    assert kept.columns == model.labels and np.allclose(kept.values.sum(axis=1), 1.0)
    frame = model.to_pandas()
    assert frame["topic"].tolist()[-1] == -1 and frame["size"].tolist()[-1] == model.n_outliers
    rows = model.statements()
    assert (rows["topic_label"] == OUTLIER_LABEL).sum() == model.n_outliers
    timeline = model.over_time("YE")
    assert timeline.topics[-1] == OUTLIER_LABEL


def test_outliers_are_left_out_of_the_comparison(noisy: tuple[TopicModel, np.ndarray]) -> None:
    model, _ = noisy
    c = model.compare("Xi Jinping", "Sadyr Japarov")
    xi = model.table.column("speaker") == "Xi Jinping"
    assert c.n_outliers_a == np.count_nonzero(model.assignments[xi] == -1)
    assert c.n_a.sum() + c.n_outliers_a == xi.sum()
    assert np.all(model.assignments[c.pair_a] >= 0)


def test_too_few_statements_are_all_outliers() -> None:
    p = planted((3, 2), seed=16)
    model = topics(p.table, method="hdbscan", min_topic_size=8)
    assert model.n_topics == 0 and model.n_outliers == 5
    assert model.keywords.shape == (0, 10) and model.centroids.shape == (0, 32)
    assert model.shares().columns == (OUTLIER_LABEL,)
    assert np.allclose(model.shares().values, 1.0)
    assert model.shares(outliers="exclude").shape[1] == 0
    c = model.compare("Xi Jinping", "Sadyr Japarov")
    assert np.isnan(c.agenda_overlap) and c.n_outliers_a + c.n_outliers_b == 4
    assert "all outliers" in model.k_choice.reason


def test_sampled_fit_assigns_the_rest_by_nearest_row() -> None:
    p = planted((200, 150, 150), seed=17, noise=0.3)
    model = topics(p.table, method="hdbscan", sample_size=200, seed=1)
    assert "200 sampled" in model.k_choice.reason
    ok = model.assignments >= 0
    assert ok.mean() > 0.9 and model.n_topics == 3
    assert adjusted_rand_score(p.topic[ok], model.assignments[ok]) == 1.0
