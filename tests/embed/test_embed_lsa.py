"""The LSA (TF-IDF + truncated SVD) backend."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from embed_helpers import make_table

from stancekit.embed import LSAEmbedder, embed, embed_texts

CORPUS = [
    "China and Kyrgyzstan will deepen trade and investment cooperation",
    "the two sides agreed to expand trade and investment",
    "the railway between China, Kyrgyzstan and Uzbekistan will be built",
    "construction of the railway will start next year",
    "the football team won the championship final",
    "fans celebrated the championship win in the streets",
    "He said.",
    "",
]


def test_vectors_are_unit_float32_and_deterministic() -> None:
    a = LSAEmbedder(CORPUS).encode(CORPUS)
    b = LSAEmbedder(list(reversed(CORPUS)) + CORPUS[:3]).encode(CORPUS)
    assert a.dtype == np.float32 and a.shape[0] == len(CORPUS)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-6)
    np.testing.assert_array_equal(a, b)  # order and repeats of the corpus do not matter


def test_shared_vocabulary_is_closer_than_unrelated_text() -> None:
    v = LSAEmbedder(CORPUS).encode(CORPUS)
    sim = v @ v.T
    assert sim[0, 1] > sim[0, 4] + 0.1
    assert sim[2, 3] > sim[2, 5] + 0.1
    assert sim[4, 5] > sim[4, 0] + 0.1


def test_texts_without_known_terms_sit_on_their_own_axis() -> None:
    enc = LSAEmbedder(CORPUS)
    v = enc.encode(["", "zzzz qqqq", "the of and", "trade and investment"])
    assert v[0] @ v[1] == pytest.approx(1.0) and v[1] @ v[2] == pytest.approx(1.0)
    assert v[0] @ v[3] == pytest.approx(0.0, abs=1e-7)


def test_dimension_is_capped_by_corpus_and_components() -> None:
    many = [f"word{i} word{i + 1} common" for i in range(60)]
    assert LSAEmbedder(many, n_components=10).dimension == 11  # + the no-term axis
    assert LSAEmbedder(CORPUS[:2], n_components=50).dimension == 3  # 2 texts
    assert LSAEmbedder(["", "..."]).encode(["x"]).shape == (1, 2)


def test_identity_depends_on_corpus_and_settings() -> None:
    base = LSAEmbedder(CORPUS).identity
    assert LSAEmbedder(CORPUS + CORPUS[:2]).identity == base
    assert LSAEmbedder(CORPUS[:-1]).identity != base
    assert LSAEmbedder(CORPUS, n_components=5).identity != base
    assert LSAEmbedder(CORPUS, seed=1).identity != base


def test_bad_settings_are_named() -> None:
    with pytest.raises(ValueError, match="n_components"):
        LSAEmbedder(CORPUS, n_components=0)
    with pytest.raises(TypeError, match="seed"):
        LSAEmbedder(CORPUS, seed=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        LSAEmbedder(["a", 3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="empty corpus"):
        LSAEmbedder([]).encode(["a"])


def test_embed_with_lsa_fits_on_the_table(tmp_path: Path) -> None:
    table = make_table(CORPUS * 2)
    out = embed(table, model="lsa", cache=tmp_path)
    assert out.embeddings is not None
    assert out.embeddings.shape == (16, LSAEmbedder(CORPUS).dimension)
    prov = out.provenance
    assert prov["backend"] == "lsa" and prov["corpus_size"] == len(CORPUS)
    expected = LSAEmbedder(CORPUS).encode(CORPUS)
    np.testing.assert_allclose(out.embeddings[:8], expected, atol=1e-6)
    again = embed_texts(CORPUS * 2, model="LSA", cache=tmp_path)
    np.testing.assert_array_equal(again, out.embeddings)
