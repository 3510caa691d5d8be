"""Topic heatmaps from a matrix or a model, readable with many speakers and long labels."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from stancekit import LabeledMatrix, StatementTable
from stancekit.plot import topic_heatmap
from stancekit.plot.heatmaps import MIN_FONTSIZE
from stancekit.topics import TopicModel, topics

LONG_TOPIC = "railway corridor freight logistics transit hubs and the customs union rules"


def _table(n_speakers: int, seed: int = 0) -> StatementTable:
    """Speaker ``i`` says ``1 + i % 5`` statements, on one of two planted topics."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((2, 16))
    per = 1 + np.arange(n_speakers) % 5
    speaker = np.repeat(np.arange(n_speakers), per)
    topic = np.arange(speaker.size) % 2
    X = centres[topic] + 0.3 * rng.standard_normal((speaker.size, 16))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    words = (("railway", "corridor", "freight"), ("climate", "emissions", "renewable"))
    texts = [
        f"The sides said the {words[t][i % 3]} and {words[t][(i + 1) % 3]} matter for trade"
        for i, t in enumerate(topic)
    ]
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(speaker.size)],
            "speaker": [f"Leader {s:03d}" for s in speaker],
            "country": [f"Country {s % 4}" for s in speaker],
            "text": texts,
            "start": 0,
            "end": [len(t) for t in texts],
            "formulaic": False,  # every statement counts
        }
    )
    return StatementTable(frame).with_embeddings(X.astype(np.float32), {"model": "test"})


@pytest.fixture(scope="module")
def small_model() -> TopicModel:
    return topics(_table(6), n_topics=2)


@pytest.fixture(scope="module")
def big_model() -> TopicModel:
    return topics(_table(100), n_topics=2)


def _fig(ax: object) -> Figure:
    fig = ax.get_figure()  # type: ignore[attr-defined]
    assert isinstance(fig, Figure)
    return fig


def _tick_labels(ax: object) -> list[object]:
    return [*ax.get_xticklabels(), *ax.get_yticklabels()]  # type: ignore[attr-defined]


def test_a_topic_model_is_drawn_by_its_shares(small_model: TopicModel) -> None:
    shares = small_model.shares("speaker")
    ax = topic_heatmap(small_model)
    drawn = np.asarray(ax.get_images()[0].get_array())
    assert drawn.shape == (6, 2)  # six speakers (the longer side) as rows
    np.testing.assert_allclose(drawn, shares.values)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(shares.rows)
    assert ax.get_title() == shares.name
    by_country = topic_heatmap(small_model, by="country")
    assert [t.get_text() for t in by_country.get_yticklabels()] == [
        f"Country {i}" for i in range(4)
    ]


def test_a_matrix_still_works_and_wrong_input_is_named(small_model: TopicModel) -> None:
    shares = small_model.shares()
    ax = topic_heatmap(shares, title="Agendas")
    assert ax.get_title() == "Agendas" and ax.get_images()[0].get_array().shape == (6, 2)
    with pytest.raises(TypeError, match="LabeledMatrix of shares or a TopicModel"):
        topic_heatmap(shares.values)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sizes must have one value per row"):
        topic_heatmap(shares, sizes=[1, 2])
    with pytest.raises(ValueError, match="max_speakers"):
        topic_heatmap(shares, max_speakers=0)


def test_many_speakers_stay_readable(big_model: TopicModel) -> None:
    ax = topic_heatmap(big_model)
    fig = _fig(ax)
    width, height = fig.get_size_inches()
    assert width < 30 and height < 30
    labels = _tick_labels(ax)
    assert labels and min(t.get_fontsize() for t in labels) >= MIN_FONTSIZE  # type: ignore[attr-defined]
    assert ax.get_images()[0].get_array().shape == (60, 2)
    assert "60 of 100 speakers shown" in ax.get_title()
    # the 60 with most statements, in their sorted order, every one labelled
    n = big_model.counts("speaker").values.sum(axis=1)
    rows = big_model.counts("speaker").rows
    want = [rows[i] for i in np.sort(np.argsort(-n, kind="stable")[:60])]
    assert [t.get_text() for t in ax.get_yticklabels()] == want
    fig.canvas.draw()  # the labels, at >= 8 pt, do not overlap
    boxes = [t.get_window_extent() for t in ax.get_yticklabels()]
    assert all(a.y0 >= b.y1 - 1 or b.y0 >= a.y1 - 1 for a, b in itertools.pairwise(boxes))


def test_every_speaker_when_asked(big_model: TopicModel) -> None:
    ax = topic_heatmap(big_model, max_speakers=None)
    assert ax.get_images()[0].get_array().shape == (100, 2)
    assert "shown" not in ax.get_title()
    _width, height = _fig(ax).get_size_inches()
    assert height < 30 and min(t.get_fontsize() for t in _tick_labels(ax)) >= MIN_FONTSIZE  # type: ignore[attr-defined]


def test_matrix_rows_are_picked_by_sizes() -> None:
    s = 80
    shares = LabeledMatrix(
        np.full((s, 3), 1 / 3), tuple(f"sp{i:02d}" for i in range(s)), ("a", "b", "c"), "m"
    )
    sizes = np.arange(s)  # the last rows have most statements
    ax = topic_heatmap(shares, sizes=sizes, max_speakers=10, by="country")
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"sp{i}" for i in range(70, 80)]
    assert ax.get_title() == "m\n(10 of 80 countries shown, most statements)"
    first = topic_heatmap(shares, max_speakers=10)
    assert "10 of 80 speakers shown" in first.get_title()


def test_long_labels_are_cut() -> None:
    name = "His Excellency the President of the Federal Republic of Somewhere Far Away"
    shares = LabeledMatrix(
        np.array([[0.2, 0.8], [0.5, 0.5], [1.0, 0.0]]),
        (name, "Xi Jinping", "Sadyr Japarov"),
        (LONG_TOPIC, "climate"),
        "shares",
    )
    ax = topic_heatmap(shares)
    texts = [t.get_text() for t in _tick_labels(ax)]
    assert max(len(t) for t in texts) <= 40
    cut = [t for t in texts if t.endswith("…")]
    assert len(cut) == 2
    assert {c[:-1] for c in cut} == {LONG_TOPIC[:39].rstrip(), name[:39].rstrip()}
    assert "Xi Jinping" in texts and "climate" in texts


def test_a_wide_axes_gets_speakers_across() -> None:
    # the report draws on a wide figure: the speakers run along it
    s = 40
    rng = np.random.default_rng(0)
    shares = LabeledMatrix(
        rng.dirichlet(np.ones(8), size=s), tuple(f"Leader {i}" for i in range(s)),
        tuple(f"topic {k}" for k in range(8)), "shares",
    )  # fmt: skip
    fig = Figure(figsize=(16, 5), layout="constrained")
    ax = topic_heatmap(shares, ax=fig.add_subplot())
    assert ax.get_images()[0].get_array().shape == (8, s)
    assert [t.get_text() for t in ax.get_xticklabels()] == list(shares.rows)
    assert min(t.get_fontsize() for t in _tick_labels(ax)) >= MIN_FONTSIZE  # type: ignore[attr-defined]
    assert tuple(fig.get_size_inches()) == (16, 5)
