"""Helpers shared by the embedding tests (a fake embedder, a table maker, process workers)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.table import StatementTable


def fake_vector(text: str, dim: int = 8, salt: str = "") -> npt.NDArray[np.float64]:
    """A fixed pseudo-random vector per text (not normalised)."""
    seed = int.from_bytes(hashlib.blake2b((salt + text).encode(), digest_size=8).digest(), "big")
    return np.random.default_rng(seed).normal(size=dim) * 3.0


class FakeEmbedder:
    """Deterministic, fast, and it records what it was asked to encode."""

    def __init__(self, dim: int = 8, identity: str | None = "fake-v1", salt: str = "") -> None:
        self.dim = dim
        self._identity = identity
        self.salt = salt
        self.calls: list[list[str]] = []

    @property
    def identity(self) -> str | None:
        return self._identity

    @property
    def encoded(self) -> list[str]:
        return [t for call in self.calls for t in call]

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        self.calls.append(list(texts))
        if not texts:
            return np.zeros((0, self.dim))
        return np.stack([fake_vector(t, self.dim, self.salt) for t in texts])

    def expected(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        v = np.stack([fake_vector(t, self.dim, self.salt) for t in texts])
        out: npt.NDArray[np.float32] = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(
            np.float32
        )
        return out


def make_table(texts: Sequence[str]) -> StatementTable:
    """A statement table with these texts (one article per text, two speakers)."""
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(texts))],
            "speaker": ["Xi Jinping" if i % 2 else "Sadyr Japarov" for i in range(len(texts))],
            "text": list(texts),
            "start": [0] * len(texts),
            "end": [len(t) for t in texts],
        }
    )
    return StatementTable(frame)


def unit_vectors(texts: Sequence[str], dim: int = 8) -> npt.NDArray[np.float32]:
    """The normalised fake vectors of ``texts``: ``(n, dim)`` float32."""
    v = np.stack([fake_vector(t, dim) for t in texts])
    out: npt.NDArray[np.float32] = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    return out


def cache_writer(
    directory: str, identity: str, texts: list[str], piece: int, start: object
) -> None:
    """Process target: store ``texts`` in pieces of ``piece`` as fast as possible."""
    from stancekit.embed.cache import EmbeddingCache, text_keys

    cache = EmbeddingCache(directory).open()
    start.wait(60)  # type: ignore[attr-defined]
    for i in range(0, len(texts), piece):
        chunk = texts[i : i + piece]
        cache.store(identity, text_keys(chunk), unit_vectors(chunk))
