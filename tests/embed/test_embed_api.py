"""embed() and embed_texts() with a fake embedder: shapes, dtypes, duplicates, validation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from embed_helpers import FakeEmbedder, make_table

from stancekit.embed import CallableEmbedder, Embedder, LSAEmbedder, embed, embed_texts
from stancekit.table import StatementTable

TEXTS = [
    "the two sides should deepen trade cooperation",
    "China firmly supports Kyrgyzstan",
    "the railway project will be advanced",
    "the two sides should deepen trade cooperation",
    "peace and stability in Central Asia",
]


def test_embed_keeps_statements_and_adds_unit_float32_rows(fake: FakeEmbedder) -> None:
    table = make_table(TEXTS)
    out = embed(table, model=fake, cache=None)
    assert isinstance(out, StatementTable)
    assert out.to_pandas(embeddings=False).equals(table.to_pandas())
    emb = out.embeddings
    assert emb is not None
    assert emb.dtype == np.float32 and emb.shape == (5, 8)
    np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(emb, fake.expected(TEXTS), atol=1e-7)


def test_provenance_names_model_dimension_identity(fake: FakeEmbedder) -> None:
    prov = embed(make_table(TEXTS), model=fake, cache=None).provenance
    assert prov["dimension"] == 8
    assert prov["identity"] == "fake-v1"
    assert prov["normalized"] is True and prov["dtype"] == "float32"
    assert prov["backend"] == "FakeEmbedder"


def test_duplicates_are_encoded_once(fake: FakeEmbedder) -> None:
    texts = TEXTS * 4
    out = embed(make_table(texts), model=fake, cache=None)
    assert sorted(fake.encoded) == sorted(set(TEXTS))
    emb = out.embeddings
    assert emb is not None
    np.testing.assert_array_equal(emb[0], emb[3])
    np.testing.assert_array_equal(emb[:5], emb[5:10])


def test_embed_texts_matches_embed(fake: FakeEmbedder) -> None:
    vectors = embed_texts(TEXTS, model=fake, cache=None)
    table = embed(make_table(TEXTS), model=FakeEmbedder(), cache=None)
    assert table.embeddings is not None
    np.testing.assert_array_equal(vectors, table.embeddings)


def test_plain_function_is_used_and_not_cached(tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def lengths(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.array([[len(t), 1.0, 2.0] for t in texts])

    for _ in range(2):
        out = embed(make_table(TEXTS), model=lengths, cache=tmp_path / "c")
    assert len(calls) == 2  # no identity: nothing cached, so encoded both times
    assert not list((tmp_path / "c").rglob("*.skemb"))
    assert out.provenance["backend"] == "callable"
    assert out.provenance["model"].endswith("lengths")
    assert out.embeddings is not None and out.embeddings.shape == (5, 3)


def test_function_with_identity_attribute_is_cached(tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def lengths(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return np.array([[len(t), 1.0] for t in texts])

    lengths.identity = "lengths-v1"  # type: ignore[attr-defined]
    embed(make_table(TEXTS), model=lengths, cache=tmp_path)
    embed(make_table(TEXTS), model=lengths, cache=tmp_path)
    assert len(calls) == 1


def test_protocol_is_structural(fake: FakeEmbedder) -> None:
    assert isinstance(fake, Embedder)
    assert isinstance(CallableEmbedder(lambda t: np.ones((len(t), 2))), Embedder)
    assert isinstance(LSAEmbedder(["a b"]), Embedder)
    assert not isinstance(object(), Embedder)


@pytest.mark.parametrize(
    ("output", "error", "match"),
    [
        (lambda t: np.ones((len(t) + 1, 3)), ValueError, "shape"),
        (lambda t: np.ones(len(t)), ValueError, "shape"),
        (lambda t: np.full((len(t), 3), np.nan), ValueError, "NaN"),
        (lambda t: np.zeros((len(t), 3)), ValueError, "all-zero vector for text 0"),
        (lambda t: np.array([["a", "b"]] * len(t)), TypeError, "floating point"),
        (lambda t: np.ones((len(t), 0)), ValueError, "0-dimensional"),
    ],
)
def test_bad_embedder_output_is_rejected(output: object, error: type, match: str) -> None:
    with pytest.raises(error, match=match):
        embed(make_table(TEXTS), model=output, cache=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"batch_size": 0}, ValueError, "batch_size"),
        ({"batch_size": True}, ValueError, "batch_size"),
        ({"batch_size": 2.5}, ValueError, "batch_size"),
        ({"progress": "yes"}, TypeError, "progress"),
        ({"cache": 3}, TypeError, "cache"),
        ({"model": 3}, TypeError, "model"),
    ],
)
def test_bad_arguments_are_named(kwargs: dict[str, object], error: type, match: str) -> None:
    kwargs.setdefault("model", FakeEmbedder())
    with pytest.raises(error, match=match):
        embed(make_table(TEXTS), **kwargs)  # type: ignore[arg-type]


def test_bad_inputs() -> None:
    with pytest.raises(TypeError, match="StatementTable"):
        embed(TEXTS, model=FakeEmbedder())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="single string"):
        embed_texts("one string", model=FakeEmbedder())
    with pytest.raises(TypeError, match="text 1 is int"):
        embed_texts(["a", 3], model=FakeEmbedder())  # type: ignore[list-item]


def test_empty_table_keeps_the_dimension(fake: FakeEmbedder) -> None:
    out = embed(StatementTable.empty(), model=fake, cache=None)
    assert out.embeddings is not None and out.embeddings.shape == (0, 8)
    assert embed_texts([], model="lsa", cache=None).shape == (0, 0)


def test_progress_bar_only_when_asked(
    fake: FakeEmbedder, capsys: pytest.CaptureFixture[str]
) -> None:
    embed(make_table(TEXTS), model=fake, cache=None, progress=False)
    assert capsys.readouterr().err == ""
    embed(make_table(TEXTS), model=fake, cache=None, progress=None)  # stderr is not a TTY
    assert capsys.readouterr().err == ""
    embed(make_table(TEXTS), model=fake, cache=None, progress=True)
    assert "embedding (FakeEmbedder)" in capsys.readouterr().err


def test_embedded_table_round_trips_parquet(fake: FakeEmbedder, tmp_path: Path) -> None:
    out = embed(make_table(TEXTS), model=fake, cache=None)
    out.to_parquet(tmp_path / "t.parquet")
    back = StatementTable.read_parquet(tmp_path / "t.parquet")
    assert back.equals(out)


def test_importing_stancekit_embed_loads_no_torch() -> None:
    code = (
        "import sys, stancekit, stancekit.embed; "
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


def test_chunks_are_whole_batches_sized_by_speed(
    fake: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stancekit.embed import pipeline

    assert pipeline._next_chunk(100, 1.0, 32) == 96  # ~1 s of work, whole batches
    assert pipeline._next_chunk(10, 1.0, 32) == 32  # at least one batch
    assert pipeline._next_chunk(10**6, 0.001, 32) == pipeline._MAX_CHUNK
    monkeypatch.setattr(pipeline, "_MAX_CHUNK", 12)
    texts = [f"text {i:03d}" + "!" * (i % 7) for i in range(50)]
    out = embed_texts(texts, model=fake, cache=None, batch_size=4, progress=True)
    assert [len(c) for c in fake.calls][:2] == [8, 12]  # a small first chunk, then by speed
    assert sum(len(c) for c in fake.calls) == 50
    lengths = [len(t) for call in fake.calls for t in call]
    assert lengths == sorted(lengths, reverse=True)  # longest first, across chunks
    np.testing.assert_allclose(out, fake.expected(texts), atol=1e-7)
    hidden = FakeEmbedder()
    embed_texts(texts, model=hidden, cache=None, batch_size=5, progress=False)
    assert [len(c) for c in hidden.calls] == [10] * 5  # no bar: the largest whole chunks


def test_output_scaling_does_not_matter() -> None:
    from stancekit.embed.protocol import as_unit_float32

    rng = np.random.default_rng(0)
    base = rng.normal(size=(6, 5))
    want = (base / np.linalg.norm(base, axis=1, keepdims=True)).astype(np.float32)
    texts = ["t"] * 6
    for scale in (1e-30, 1.0, 1e30, 1e300):
        got = as_unit_float32(base * scale, texts, source="test")
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, want, atol=1e-6)
    unit = want.copy()
    assert np.shares_memory(as_unit_float32(unit, texts, source="test"), unit)  # no copy
    np.testing.assert_allclose(as_unit_float32(unit * 3, texts, source="test"), want, atol=1e-6)
