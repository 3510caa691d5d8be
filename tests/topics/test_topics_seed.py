"""The seed article end to end (segment, LSA embeddings, topics) and the docstring example."""

from __future__ import annotations

import doctest
from pathlib import Path

import numpy as np

from stancekit.embed import embed
from stancekit.io import read_articles
from stancekit.segment import segment
from stancekit.topics import _api as api
from stancekit.topics import topics

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "xi-japarov-2025-06-17.txt"


def test_seed_article_gives_a_handful_of_topics() -> None:
    table = embed(segment(read_articles(EXAMPLE)), model="lsa", cache=None, progress=False)
    assert len(table) == 14
    model = topics(table, seed=0)
    assert 3 <= model.n_topics <= 7, model.k_choice.to_pandas()
    assert model.n_outliers == 0 and model.sizes.sum() == 14
    assert all(label and not label.startswith("topic ") for label in model.labels)
    assert model.method == "graph" and np.isfinite(model.k_choice.modularity)
    text = table.column("text")
    # every keyword of every topic occurs in a statement of that topic
    for t in range(model.n_topics):
        words = " ".join(text[model.assignments == t]).lower()
        assert all(w in words for w in model.keywords[t] if w)
    # statements taken one by one (no passage context), in four k-means topics: both
    # leaders' statements on core interests share a topic, named by their words
    alone = topics(table, seed=0, n_topics=4, context=0.0)
    core = [i for i, t in enumerate(text) if "core interests" in t]
    assert len(core) == 2 and len(set(alone.assignments[core])) == 1
    assert "interests" in alone.labels[alone.assignments[core[0]]]
    shares = model.shares("speaker")
    assert shares.rows == ("Sadyr Japarov", "Xi Jinping")
    assert np.allclose(shares.values.sum(axis=1), 1.0)
    c = model.compare("Xi Jinping", "Sadyr Japarov")
    assert 0.0 < c.agenda_overlap < 1.0 and c.shared.any()
    again = topics(table, seed=0)
    assert np.array_equal(model.assignments, again.assignments) and model.labels == again.labels


def test_docstring_example_runs() -> None:
    result = doctest.testmod(api, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
