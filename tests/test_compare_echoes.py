"""echoes(): the top cross-speaker pairs, against an exhaustive search."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.compare import Echoes, echoes
from stancekit.compare._clauses import split_clauses


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def make_table(speakers: list[str], X: np.ndarray, texts: list[str] | None = None, **cols: Any):  # type: ignore[no-untyped-def]
    n = len(speakers)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "speaker": speakers,
            "text": texts or [f"text {i}" for i in range(n)],
            "start": 0,
            "end": 0,
            **cols,
        }
    )
    return StatementTable(frame).with_embeddings(X, {"model": "test"})


def exhaustive(X: np.ndarray, sp: np.ndarray, ok: Any, k: int) -> list[tuple[int, int]]:
    K = X.astype(np.float64) @ X.T.astype(np.float64)
    pairs = [
        (-K[i, j], i, j)
        for i in range(len(X))
        for j in range(len(X))
        if sp[i] != sp[j] and ok(i, j)
    ]
    return [(i, j) for _, i, j in sorted(pairs)[:k]]


@pytest.fixture
def corpus() -> tuple[StatementTable, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    sp = np.array(list(rng.choice(["A", "B", "C"], 40)))
    X = unit_rows(rng, 40, 5)
    return make_table(list(sp), X), X, sp


def test_whole_corpus(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, X, sp = corpus
    e = echoes(table, k=12, center=False)
    assert isinstance(e, Echoes) and len(e) == 12
    assert list(zip(e.row_a.tolist(), e.row_b.tolist(), strict=True)) == exhaustive(
        X, sp, lambda i, j: i < j, 12
    )
    assert np.all(np.diff(e.score) <= 0)
    assert all(a != b for a, b in zip(e.speaker_a, e.speaker_b, strict=True))
    assert e.text_a[0] == f"text {e.row_a[0]}" and e.span_a == e.text_a


def test_default_ranks_on_centred_vectors(
    corpus: tuple[StatementTable, np.ndarray, np.ndarray],
) -> None:
    table, X, sp = corpus
    Xc = X - X.mean(axis=0)
    Xc /= np.linalg.norm(Xc, axis=1, keepdims=True)
    e = echoes(table, "B", k=7)
    ref = exhaustive(Xc, sp, lambda i, j: sp[i] == "B", 7)
    assert list(zip(e.row_a.tolist(), e.row_b.tolist(), strict=True)) == ref
    assert ref != exhaustive(X, sp, lambda i, j: sp[i] == "B", 7)  # centring matters here


def test_one_speaker_against_everyone(
    corpus: tuple[StatementTable, np.ndarray, np.ndarray],
) -> None:
    table, X, sp = corpus
    e = echoes(table, "B", k=7, center=False)
    ref = exhaustive(X, sp, lambda i, j: sp[i] == "B", 7)
    assert list(zip(e.row_a.tolist(), e.row_b.tolist(), strict=True)) == ref
    assert set(e.speaker_a) == {"B"}


def test_two_speakers(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, X, sp = corpus
    e = echoes(table, "C", "A", k=5, center=False)
    ref = exhaustive(X, sp, lambda i, j: sp[i] == "C" and sp[j] == "A", 5)
    assert list(zip(e.row_a.tolist(), e.row_b.tolist(), strict=True)) == ref
    frame = e.to_pandas()
    assert list(frame.columns[:3]) == ["score", "row_a", "row_b"] and len(frame) == 5


def test_statements_without_a_side_never_pair_up() -> None:
    X = np.array([[1, 0], [1, 0], [0.9, 0.43589], [0, 1]], dtype=np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    table = make_table(["a", "b", "c", "d"], X, country=["X", None, "Y", "Y"])
    e = echoes(table, "X", k=5, by="country", center=False)
    assert 1 not in e.row_b.tolist() and set(e.speaker_b) == {"Y"}
    e = echoes(table, k=5, by="country", center=False)
    assert 1 not in e.row_a.tolist() + e.row_b.tolist()


def test_errors(corpus: tuple[StatementTable, np.ndarray, np.ndarray]) -> None:
    table, _, _ = corpus
    with pytest.raises(ValueError, match="k must be a positive integer"):
        echoes(table, "A", k=0)
    with pytest.raises(ValueError, match="without a"):
        echoes(table, b="A")
    with pytest.raises(KeyError, match="unknown speaker 'Z'"):
        echoes(table, "Z")
    with pytest.raises(ValueError, match="same speaker"):
        echoes(table, "A", "A")
    with pytest.raises(ValueError, match="unit"):
        echoes(table, "A", unit="word")
    with pytest.raises(ValueError, match="embedder="):
        echoes(table, "A", unit="clause")  # the test provenance cannot embed new text


def test_split_clauses() -> None:
    text = (
        "the two sides to deepen financial cooperation, improve connectivity networks "
        "and advance the construction of the railway."
    )
    assert [text[s:e] for s, e in split_clauses(text)] == [
        "the two sides to deepen financial cooperation",
        "improve connectivity networks",
        "advance the construction of the railway",
    ]
    short = "trade and investment grew"
    assert split_clauses(short) == [(0, len(short))]
    assert split_clauses("") == [(0, 0)]


def test_clause_unit_finds_the_matching_phrase() -> None:
    texts = [
        "we will build schools, and advance the railway construction project",
        "we discussed fishing quotas at length",
        "the railway construction project must advance quickly",
        "tourism matters greatly to us",
    ]
    vocab = sorted({w for t in texts for w in t.replace(",", "").split()})

    def bag(batch: list[str]) -> np.ndarray:  # a bag-of-words embedder for the test
        V = np.array([[t.replace(",", "").split().count(w) for w in vocab] for t in batch], float)
        return V / np.linalg.norm(V, axis=1, keepdims=True)

    X = bag(texts).astype(np.float32)
    table = make_table(["Xi", "Xi", "Japarov", "Japarov"], X, texts)
    e = echoes(table, "Xi", "Japarov", k=2, unit="clause", embedder=bag)
    assert (e.row_a[0], e.row_b[0]) == (0, 2)
    assert e.span_a[0] == "advance the railway construction project"
    assert e.text_a[0] == texts[0]
    assert len(set(zip(e.row_a.tolist(), e.row_b.tolist(), strict=True))) == 2  # distinct pairs
    with pytest.raises(ValueError, match="shape"):
        echoes(table, "Xi", unit="clause", embedder=lambda b: np.ones((1, 2)))
