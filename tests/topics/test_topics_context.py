"""Passage context (``_context``): the statements before and after each statement, the context
vectors, and their effect on ``topics()``."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score
from topics_helpers import planted, unit_rows

from stancekit.table import StatementTable
from stancekit.topics import _api, topics
from stancekit.topics._context import Context, passage_neighbours


def _ids(values: list[str]) -> npt.NDArray[np.object_]:
    return np.array(values, dtype=object)


# -- passage_neighbours ------------------------------------------------------------------


def test_neighbours_follow_the_start_offsets_not_the_row_order() -> None:
    # one article, rows given out of order: by start the order is rows 2, 0, 3, 1
    prev, nxt = passage_neighbours(_ids(["a"] * 4), np.array([40, 300, 5, 120]))
    assert prev.dtype == nxt.dtype == np.int64
    assert prev.tolist() == [2, 3, -1, 0]
    assert nxt.tolist() == [3, -1, 0, 1]


def test_neighbours_stay_within_their_article() -> None:
    article = _ids(["x", "y", "x", "z", "y", "x"])
    start = np.array([0, 50, 90, 7, 10, 30])
    prev, nxt = passage_neighbours(article, start)
    # x: rows 0 (0), 5 (30), 2 (90); y: rows 4 (10), 1 (50); z: row 3 alone
    assert prev.tolist() == [-1, 4, 5, -1, -1, 0]
    assert nxt.tolist() == [5, -1, -1, -1, 1, 2]
    # numbers as article ids work as well as strings
    p2, n2 = passage_neighbours(np.array([7, 8, 7]), np.array([1, 0, 2]))
    assert p2.tolist() == [-1, -1, 0] and n2.tolist() == [2, -1, -1]


def test_statements_at_the_same_offset_are_not_neighbours() -> None:
    # a table without positions: every start is 0, nobody has a neighbour
    prev, nxt = passage_neighbours(_ids(["a"] * 5), np.zeros(5, dtype=np.int64))
    assert (prev == -1).all() and (nxt == -1).all()
    # a tie in the middle: rows 1 and 2 share an offset and are not each other's neighbours
    prev, nxt = passage_neighbours(_ids(["a"] * 4), np.array([0, 10, 10, 20]))
    assert prev[2] != 1 and prev[1] != 2 and nxt[1] != 2 and nxt[2] != 1
    assert prev[0] == -1 and nxt[3] == -1
    assert nxt[0] in (1, 2) and prev[3] in (1, 2)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_neighbour_links_are_mutual_and_ordered(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 200
    article = _ids([f"art{int(i)}" for i in rng.integers(0, 12, n)])
    start = rng.permutation(n * 3)[:n]  # distinct offsets
    prev, nxt = passage_neighbours(article, start)
    has_next = np.flatnonzero(nxt >= 0)
    assert np.array_equal(prev[nxt[has_next]], has_next)  # i -> next -> back to i
    assert (article[nxt[has_next]] == article[has_next]).all()
    assert (start[nxt[has_next]] > start[has_next]).all()
    # exactly one first and one last statement per article
    assert np.count_nonzero(prev < 0) == np.count_nonzero(nxt < 0) == len(set(article))
    # nothing lies between a statement and its next one
    for i in has_next:
        same = start[(article == article[i]) & (start > start[i])]
        assert start[nxt[i]] == same.min()


def test_no_statements() -> None:
    prev, nxt = passage_neighbours(_ids([]), np.array([], dtype=np.int64))
    assert prev.shape == nxt.shape == (0,)


# -- Context -----------------------------------------------------------------------------


def _formula(
    X: npt.NDArray[np.float32], prev: npt.NDArray[np.int64], nxt: npt.NDArray[np.int64], w: float
) -> npt.NDArray[np.float64]:
    out = X.astype(np.float64).copy()
    for i in range(X.shape[0]):
        if prev[i] >= 0:
            out[i] += w * X[prev[i]]
        if nxt[i] >= 0:
            out[i] += w * X[nxt[i]]
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_context_rows_match_the_formula() -> None:
    rng = np.random.default_rng(4)
    X = unit_rows(rng.standard_normal((9, 6)))
    article = _ids(["a"] * 4 + ["b"] * 3 + ["c"] * 2)
    prev, nxt = passage_neighbours(article, rng.permutation(9))
    ctx = Context(X, prev, nxt, 0.25)
    want = _formula(X, prev, nxt, 0.25)
    got = ctx.rows(slice(0, 9))
    assert got.dtype == np.float32 and got.shape == (9, 6)
    np.testing.assert_allclose(got, want, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-6)
    idx = np.array([8, 2, 5], dtype=np.int64)
    np.testing.assert_allclose(ctx.rows(idx), want[idx], atol=1e-6)
    np.testing.assert_allclose(ctx.rows(slice(3, 7)), want[3:7], atol=1e-6)
    # the rows are computed, the embeddings are not touched
    assert np.array_equal(ctx.X, X)


def test_zero_weight_leaves_the_rows_unchanged() -> None:
    rng = np.random.default_rng(5)
    X = unit_rows(rng.standard_normal((6, 4)))
    prev, nxt = passage_neighbours(_ids(["a"] * 6), np.arange(6))
    got = Context(X, prev, nxt, 0.0).rows(slice(0, 6))
    assert np.array_equal(got, X)
    got[0] = 0.0  # a copy, not a view of the embeddings
    assert X[0].any()


def test_a_statement_alone_keeps_its_vector() -> None:
    X = unit_rows(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]))
    prev, nxt = passage_neighbours(_ids(["a", "b", "c"]), np.array([0, 0, 0]))
    np.testing.assert_allclose(Context(X, prev, nxt, 0.5).rows(slice(0, 3)), X, atol=1e-7)


def test_opposite_neighbours_can_cancel_without_dividing_by_zero() -> None:
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [-1.0, 0.0]], dtype=np.float32)
    prev, nxt = passage_neighbours(_ids(["a"] * 3), np.array([1, 0, 2]))
    got = Context(X, prev, nxt, 0.5).rows(slice(0, 3))  # row 0: x - 0.5 x - 0.5 x = 0
    assert np.isfinite(got).all() and not got[0].any()


# -- topics(context=...) -----------------------------------------------------------------


def _passages(seed: int = 0) -> tuple[StatementTable, npt.NDArray[np.int64], np.ndarray]:
    """Articles of three topics, six statements each in the pattern clear, vague, clear,
    clear, vague, clear.

    A vague statement ("We must act now") is a random direction, close to none of the topics
    on its own; the clear statements on either side say what it is about. Returns the table,
    each statement's topic (its article's) and the vague mask.
    """
    rng = np.random.default_rng(seed)
    dim, per_topic = 64, 10
    centres = unit_rows(rng.standard_normal((3, dim)))
    rows, topic, vague, article, start = [], [], [], [], []
    for t in range(3):
        for a in range(per_topic):
            for s in range(6):
                is_vague = s in (1, 4)
                if is_vague:
                    rows.append(rng.standard_normal(dim))
                else:
                    rows.append(centres[t] + 0.3 * rng.standard_normal(dim) / np.sqrt(dim))
                topic.append(t)
                vague.append(is_vague)
                article.append(f"t{t}-a{a}")
                start.append(100 * s)
    order = rng.permutation(len(rows))  # the table's rows are not in text order
    X = unit_rows(np.array(rows)[order])
    frame = pd.DataFrame(
        {
            "article_id": np.array(article)[order],
            "speaker": "Speaker",
            "text": "statement",
            "start": np.array(start)[order],
            "end": np.array(start)[order] + 50,
        }
    )
    table = StatementTable(frame).with_embeddings(X, {"model": "test"})
    return table, np.array(topic)[order], np.array(vague)[order]


def test_context_puts_vague_statements_with_their_passage() -> None:
    table, topic, vague = _passages()
    model = topics(table, n_topics=3)  # context=0.25 by default
    assert adjusted_rand_score(topic, model.assignments) == 1.0
    alone = topics(table, n_topics=3, context=0.0)
    assert adjusted_rand_score(topic[vague], alone.assignments[vague]) < 0.2
    # the clear statements are found either way
    assert adjusted_rand_score(topic[~vague], alone.assignments[~vague]) == 1.0
    # the graph (the default) finds the three topics itself; without context the vague
    # statements are a community of their own
    graph = topics(table)
    assert graph.n_topics == 3 and adjusted_rand_score(topic, graph.assignments) == 1.0
    assert topics(table, context=0.0).n_topics == 4


def test_context_changes_nothing_without_an_order() -> None:
    p = planted((40, 30, 30), seed=3)  # every start is 0: no statement has a neighbour
    with_ctx, without = topics(p.table), topics(p.table, context=0.0)
    assert np.array_equal(with_ctx.assignments, without.assignments)
    assert np.array_equal(with_ctx.centroids, without.centroids)
    assert with_ctx.k_choice.modularity == without.k_choice.modularity


def test_context_weight_changes_the_result_only_with_an_order() -> None:
    table, _, _ = _passages(seed=1)
    a = topics(table, n_topics=3, context=0.0)
    b = topics(table, n_topics=3, context=0.5)
    assert not np.array_equal(a.centroids, b.centroids)
    frame = table.to_pandas(embeddings=False).assign(start=0)
    flat = StatementTable(frame).with_embeddings(table.embeddings, {"model": "test"})  # type: ignore[arg-type]
    c = topics(flat, n_topics=3, context=0.0)
    d = topics(flat, n_topics=3, context=0.5)
    assert np.array_equal(c.assignments, d.assignments)
    assert np.array_equal(c.centroids, d.centroids)


def test_formulae_are_skipped_as_neighbours() -> None:
    # article: A (0), a formula (10), B (20): with the formula left out, A and B are neighbours
    X = unit_rows(np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]]))
    frame = pd.DataFrame(
        {
            "article_id": "a",
            "speaker": "S",
            "text": ["Trade routes grow", "Thank you", "Ports expand"],
            "start": [0, 10, 20],
            "end": [5, 15, 25],
        }
    )
    table = StatementTable(frame).with_embeddings(X, {"model": "test"})
    rows = np.array([0, 2], dtype=np.int64)
    got = _api._with_context(table, X[rows], rows, 0.5)
    want = unit_rows(np.array([[1.0, 0.5, 0.0], [0.5, 1.0, 0.0]]))
    np.testing.assert_allclose(got, want, atol=1e-6)
    # all rows clustered: the formula sits between them
    every = _api._with_context(table, X, None, 0.5)
    np.testing.assert_allclose(every[0], unit_rows(np.array([[1.0, 0.0, 0.5]]))[0], atol=1e-6)
    assert _api._with_context(table, X, None, 0.0) is X
