"""Formulaic statements (greetings, thanks, courtesies) are left out of topics by default."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score
from topics_helpers import KEYWORDS, planted, unit_rows

from stancekit.formulaic import courtesy_words
from stancekit.plot import statement_map, topic_heatmap
from stancekit.table import StatementTable
from stancekit.topics import FORMULAIC_LABEL, OUTLIER_LABEL, topics

#: Invented formulae: nothing but courtesy, address and stop words.
COURTESIES = (
    "Thank you so much, dear colleagues.",
    "Good evening, friends.",
    "We are delighted to welcome you here.",
    "Many thanks for the warm hospitality.",
    "Hello everyone, it is a pleasure.",
    "Thank you, and good evening.",
)
N_COURTESY = 24
SPEAKERS = ("Xi Jinping", "Sadyr Japarov", "Vladimir Putin")


def _corpus(
    sizes: tuple[int, ...] = (30, 30, 30), *, seed: int = 0, formula_speaker: str | None = None
) -> tuple[StatementTable, np.ndarray, np.ndarray]:
    """Planted topics plus a tight cluster of courtesies said by every speaker (last rows).

    Returns the table, the planted topic of every row (-1 for a courtesy) and the courtesy
    mask. With ``formula_speaker`` one more courtesy is said by a speaker who says nothing
    else.
    """
    p = planted(sizes, seed=seed, speakers=SPEAKERS)
    rng = np.random.default_rng(seed + 1)
    dim = p.table.embeddings.shape[1]  # type: ignore[union-attr]
    centre = rng.standard_normal(dim)
    X_c = unit_rows(
        centre / np.linalg.norm(centre)
        + 0.3 * rng.standard_normal((N_COURTESY, dim)) / np.sqrt(dim)
    )
    texts = [COURTESIES[i % len(COURTESIES)] for i in range(N_COURTESY)]
    speakers = [SPEAKERS[i % len(SPEAKERS)] for i in range(N_COURTESY)]
    if formula_speaker is not None:
        X_c = np.vstack([X_c, X_c[:1]])
        texts.append(COURTESIES[0])
        speakers.append(formula_speaker)
    extra = pd.DataFrame(
        {"article_id": "c", "speaker": speakers, "text": texts, "start": 0, "end": 1}
    )
    base = p.table.to_pandas(embeddings=False)[list(extra.columns)]
    frame = pd.concat([base, extra], ignore_index=True)
    X = np.vstack([p.table.embeddings, X_c]).astype(np.float32)  # type: ignore[list-item]
    table = StatementTable(frame).with_embeddings(X, {"model": "test"})
    truth = np.concatenate([p.topic, np.full(len(texts), -1)])
    return table, truth, truth < 0


def _words_of(labels: tuple[str, ...]) -> set[str]:
    """Every word of the labels (a pair of words counts as its two words)."""
    return {w for label in labels for term in label.split(",") for w in term.split()}


def test_courtesies_form_a_topic_when_kept() -> None:
    # the corpus does what the other tests rely on: clustered, the formulae make a topic
    table, _, formula = _corpus()
    model = topics(table, n_topics=4, keep_formulaic=True)
    assert model.n_formulaic == 0 and not model.formulaic.any()
    topic = int(np.bincount(model.assignments[formula]).argmax())
    assert (model.assignments[formula] == topic).all()
    # courtesy words are never keywords: the formulae's topic has none to be named by
    assert model.labels[topic] == f"topic {topic}" and not any(model.keywords[topic])
    kw_words = {w for term in model.keywords.ravel() for w in term.split()}
    assert not kw_words & courtesy_words()
    assert model.sizes.sum() == len(table)
    assert "formulaic" not in set(model.to_pandas()["label"])


def test_courtesies_are_left_out_by_default() -> None:
    table, truth, formula = _corpus()
    model = topics(table, n_topics=3)
    assert model.n_formulaic == N_COURTESY
    assert np.array_equal(model.formulaic, formula)
    assert len(model.assignments) == len(table)
    assert (model.assignments[formula] == -1).all()
    assert (model.assignments[~formula] >= 0).all()
    assert model.n_outliers == 0
    assert adjusted_rand_score(truth[~formula], model.assignments[~formula]) == 1.0
    assert not _words_of(model.labels) & courtesy_words()
    assert not set(model.keywords.ravel()) & courtesy_words()
    reps = model.representatives[model.representatives >= 0]
    assert not formula[reps].any()
    assert model.sizes.sum() == len(table) - N_COURTESY
    planted_words = {w for kw in KEYWORDS[:3] for w in kw}
    assert _words_of(model.labels) <= planted_words | {"matter"}  # "climate matter": a pair
    assert planted_words <= _words_of(model.labels)


def test_auto_k_is_chosen_on_the_substantive_statements() -> None:
    table, _, _ = _corpus()
    assert topics(table).n_topics == 3
    assert topics(table, keep_formulaic=True).n_topics == 4


def test_centring_mean_is_that_of_the_statements_clustered() -> None:
    table, _, formula = _corpus()
    X = np.asarray(table.embeddings, dtype=np.float64)
    model = topics(table, n_topics=3)
    np.testing.assert_allclose(model.mean, X[~formula].mean(axis=0), atol=1e-6)
    kept = topics(table, n_topics=3, keep_formulaic=True)
    np.testing.assert_allclose(kept.mean, X.mean(axis=0), atol=1e-6)


def test_shares_counts_and_time_leave_the_formulae_out() -> None:
    table, _, formula = _corpus(formula_speaker="Emomali Rahmon")
    model = topics(table, n_topics=3)
    assert model.n_formulaic == N_COURTESY + 1
    counts = model.counts("speaker")
    assert counts.columns == model.labels  # no outliers column for the formulae
    assert counts.values.sum() == np.count_nonzero(~formula)
    shares = model.shares("speaker")
    assert shares.rows == ("Emomali Rahmon", *sorted(SPEAKERS))
    assert np.isnan(shares.values[0]).all()  # said nothing but a formula
    np.testing.assert_allclose(shares.values[1:].sum(axis=1), 1.0)
    assert model.shares("speaker", outliers="exclude").columns == model.labels
    dated = StatementTable(table.to_pandas(embeddings=False).assign(date="2024-05-01"))
    dated = dated.with_embeddings(np.asarray(table.embeddings), {"model": "test"})
    timeline = topics(dated, n_topics=3).over_time("YE")
    assert timeline.counts.sum() == np.count_nonzero(~formula)


def test_compare_and_pandas_views_report_the_formulae() -> None:
    table, _, formula = _corpus()
    model = topics(table, n_topics=3)
    c = model.compare("Xi Jinping", "Vladimir Putin")
    speakers = table.column("speaker").astype(str)
    assert c.n_formulaic_a == np.count_nonzero(formula & (speakers == "Xi Jinping"))
    assert c.n_formulaic_b == np.count_nonzero(formula & (speakers == "Vladimir Putin"))
    assert c.n_outliers_a == 0 and c.n_outliers_b == 0
    assert not formula[c.pair_a].any() and not formula[c.pair_b].any()
    frame = model.to_pandas()
    last = frame.iloc[-1]
    assert (last["topic"], last["label"], last["size"]) == (-1, FORMULAIC_LABEL, N_COURTESY)
    assert np.isnan(last["share"])
    np.testing.assert_allclose(frame["share"].iloc[:-1].sum(), 1.0)
    stmts = model.statements()
    assert (stmts["topic_label"][formula] == FORMULAIC_LABEL).all()
    assert stmts["formulaic"].tolist() == formula.tolist()
    assert f"{N_COURTESY} formulaic left out" in repr(model)


def test_hdbscan_outliers_stay_apart_from_the_formulae() -> None:
    table, _, formula = _corpus()
    rng = np.random.default_rng(5)
    X = np.asarray(table.embeddings).copy()
    stray = rng.choice(np.flatnonzero(~formula), 12, replace=False)
    X[stray] = unit_rows(rng.standard_normal((12, X.shape[1])))
    table = table.with_embeddings(X, {"model": "test"})
    model = topics(table, method="hdbscan")
    assert model.n_formulaic == N_COURTESY
    assert (model.assignments[formula] == -1).all()
    n_out = int(np.count_nonzero((model.assignments < 0) & ~formula))
    assert n_out >= 1 and model.n_outliers == n_out
    counts = model.counts("speaker")
    if model.n_outliers:
        assert counts.columns[-1] == OUTLIER_LABEL
        assert counts.values[:, -1].sum() == model.n_outliers
    assert counts.values.sum() == np.count_nonzero(~formula)


def test_the_table_formulaic_column_is_used() -> None:
    p = planted((20, 20))
    flags = np.zeros(len(p.table), dtype=bool)
    flags[:5] = True
    table = StatementTable(p.table.to_pandas(embeddings=False).assign(formulaic=flags))
    table = table.with_embeddings(np.asarray(p.table.embeddings), {"model": "test"})
    model = topics(table, n_topics=2)
    assert model.n_formulaic == 5
    assert (model.assignments[:5] == -1).all() and (model.assignments[5:] >= 0).all()
    kept = topics(table, n_topics=2, keep_formulaic=True)
    assert kept.n_formulaic == 0 and (kept.assignments >= 0).all()


def test_too_few_substantive_statements_is_a_clear_error() -> None:
    table, _, formula = _corpus()
    only = StatementTable(table.to_pandas(embeddings=False)[formula].reset_index(drop=True))
    only = only.with_embeddings(np.asarray(table.embeddings)[formula], {"model": "test"})
    with pytest.raises(ValueError, match=rf"{N_COURTESY} of the {N_COURTESY} statements are"):
        topics(only)
    with pytest.raises(ValueError, match="keep_formulaic=True"):
        topics(only, n_topics=2)
    assert topics(only, n_topics=2, keep_formulaic=True).n_topics == 2
    n = len(table)
    few = n - N_COURTESY
    with pytest.raises(ValueError, match=rf"{N_COURTESY} of the {n}.*{few}, fewer than n_topics"):
        topics(table, n_topics=few + 1)
    with pytest.raises(TypeError, match="keep_formulaic must be True or False"):
        topics(table, keep_formulaic="no")  # type: ignore[arg-type]


def test_plots_take_a_model_with_formulae() -> None:
    table, _, _ = _corpus(formula_speaker="Emomali Rahmon")
    model = topics(table, n_topics=3)
    fig, (ax1, ax2) = plt.subplots(1, 2)
    try:
        topic_heatmap(model.shares("speaker"), ax=ax1)
        statement_map(table, topics=model.assignments, topic_labels=model.labels, ax=ax2)
        texts = {t.get_text().replace("\n", " ") for t in ax2.texts}
        assert not any(w in courtesy_words() for t in texts for w in t.replace(",", "").split())
    finally:
        plt.close(fig)
