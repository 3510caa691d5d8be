"""Synthetic statement corpora with planted structure, shared by the benchmarks.

:func:`planted_corpus` builds speakers that agree on some topics and disagree on others with a
known strength. Speaker ``s`` holds a position ``theta[s, t]`` in ``[-1, 1]`` on topic ``t``; a
statement of ``s`` on ``t`` is the unit vector along::

    a * U[t] + b * (theta[s, t] * V[t] + sqrt(1 - theta[s, t]^2) * W[s, t]) + c * g

with ``U[t]`` the topic's direction, ``V[t]`` its position axis, ``W[s, t]`` a direction
private to the speaker (so every statement has the same expected norm), and ``g`` fresh
isotropic noise of unit expected norm. All directions are random unit vectors in ``d``
dimensions, close to orthogonal, so for two speakers on the same topic::

    E[x . y] ~= (a^2 + b^2 theta[A, t] theta[B, t]) / (a^2 + b^2 + c^2)

The planted agreement of a dyad on a topic is ``theta[A, t] * theta[B, t]``: ``+1`` for full
agreement, ``-1`` for opposite positions, ``0`` for unrelated ones. Topic shares are drawn
from a Dirichlet distribution, so speakers' agendas differ too.

:func:`random_corpus` draws unstructured unit vectors with ragged speaker sizes, in chunks, for
speed and memory measurements up to millions of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["SyntheticCorpus", "null_corpus", "planted_corpus", "random_corpus", "to_table"]

_CHUNK = 65536


@dataclass(frozen=True)
class SyntheticCorpus:
    """A synthetic corpus and the structure planted in it.

    Attributes
    ----------
    X
        ``(n, d)`` float32 unit-norm statement vectors.
    speaker
        ``(n,)`` speaker codes in ``[0, S)``.
    topic
        ``(n,)`` topic codes in ``[0, T)``.
    theta
        ``(S, T)`` planted positions in ``[-1, 1]``.
    shares
        ``(S, T)`` planted topic shares (rows sum to 1).
    params
        The generator's parameters.
    """

    X: npt.NDArray[np.float32]
    speaker: npt.NDArray[np.int64]
    topic: npt.NDArray[np.int64]
    theta: npt.NDArray[np.float64]
    shares: npt.NDArray[np.float64]
    params: dict[str, Any]

    @property
    def speaker_names(self) -> list[str]:
        """``S`` names that sort in code order: ``S000``, ``S001``, ..."""
        return [f"S{i:03d}" for i in range(self.theta.shape[0])]

    @property
    def topic_names(self) -> list[str]:
        """``T`` names that sort in code order: ``T00``, ``T01``, ..."""
        return [f"T{i:02d}" for i in range(self.theta.shape[1])]

    def planted_agreement(self) -> npt.NDArray[np.float64]:
        """``(S, S, T)``: ``theta[A, t] * theta[B, t]``."""
        return self.theta[:, None, :] * self.theta[None, :, :]

    def planted_position(self) -> npt.NDArray[np.float64]:
        """``(S, S)`` planted agreement averaged over shared topics.

        Weights ``min(share[A, t], share[B, t])``, the definition of the position score.
        """
        w = np.minimum(self.shares[:, None, :], self.shares[None, :, :])
        return (w * self.planted_agreement()).sum(axis=2) / w.sum(axis=2)

    def expected_cosine(self) -> npt.NDArray[np.float64]:
        """``(S, S, T)`` expected cosine of two statements of A and B on topic t (A != B)."""
        a, b, c = (self.params[k] for k in ("topic_weight", "stance_weight", "noise"))
        return (a**2 + b**2 * self.planted_agreement()) / (a**2 + b**2 + c**2)


def _unit(rng: np.random.Generator, shape: tuple[int, ...]) -> npt.NDArray[np.float64]:
    v = rng.standard_normal(shape)
    return np.asarray(v / np.linalg.norm(v, axis=-1, keepdims=True), dtype=np.float64)


def planted_corpus(
    *,
    n_speakers: int = 20,
    n_topics: int = 8,
    statements_per_speaker: int = 200,
    dim: int = 384,
    topic_weight: float = 1.0,
    stance_weight: float = 1.0,
    noise: float = 1.0,
    concentration: float = 2.0,
    seed: int = 0,
    sample_seed: int | None = None,
) -> SyntheticCorpus:
    """A corpus with planted agendas and positions (see the module docstring).

    Parameters
    ----------
    n_speakers, n_topics, statements_per_speaker, dim
        Sizes ``S``, ``T``, statements per speaker and ``d``.
    topic_weight, stance_weight, noise
        ``a``, ``b``, ``c`` of the model.
    concentration
        Dirichlet concentration of the topic shares (small: focused agendas).
    seed
        Seed of the structure (directions, positions, shares).
    sample_seed
        Seed of the statements drawn from that structure (default: ``seed``); vary it for
        independent samples of the same planted corpus.

    Returns
    -------
    SyntheticCorpus
        Rows sorted by speaker, then topic.
    """
    rng = np.random.default_rng(seed)
    S, T = n_speakers, n_topics
    U, V = _unit(rng, (T, dim)), _unit(rng, (T, dim))
    theta = rng.uniform(-1.0, 1.0, size=(S, T))
    shares = rng.dirichlet(np.full(T, concentration), size=S)
    W = _unit(rng, (S, T, dim))
    draw = rng if sample_seed is None else np.random.default_rng([seed, sample_seed])
    counts = np.stack([draw.multinomial(statements_per_speaker, p) for p in shares])
    speaker = np.repeat(np.arange(S), counts.sum(axis=1))
    topic = np.concatenate([np.repeat(np.arange(T), c) for c in counts])
    a, b, c = topic_weight, stance_weight, noise
    signal = (
        a * U[None, :, :]
        + b * theta[:, :, None] * V[None, :, :]
        + b * np.sqrt(1.0 - theta**2)[:, :, None] * W
    )
    X = signal[speaker, topic] + c * draw.standard_normal((speaker.size, dim)) / np.sqrt(dim)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    params = {
        "n_speakers": S,
        "n_topics": T,
        "statements_per_speaker": statements_per_speaker,
        "dim": dim,
        "topic_weight": a,
        "stance_weight": b,
        "noise": c,
        "concentration": concentration,
        "seed": seed,
        "sample_seed": sample_seed,
    }
    return SyntheticCorpus(X.astype(np.float32), speaker, topic, theta, shares, params)


def random_corpus(
    n: int, n_speakers: int, *, dim: int = 384, seed: int = 0, skew: float = 1.0
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """Unstructured unit vectors with ragged speaker sizes, sorted by speaker.

    Parameters
    ----------
    n, n_speakers, dim
        Rows, speakers (each gets at least one row) and dimension.
    seed
        Seed.
    skew
        Lognormal sigma of the speaker sizes (0: equal sizes).

    Returns
    -------
    X
        ``(n, dim)`` float32 unit rows, generated in chunks (no float64 copy of the whole).
    speaker
        ``(n,)`` non-decreasing speaker codes.
    """
    rng = np.random.default_rng(seed)
    weights = rng.lognormal(0.0, skew, n_speakers) if skew > 0 else np.ones(n_speakers)
    sizes = 1 + rng.multinomial(n - n_speakers, weights / weights.sum())
    speaker = np.repeat(np.arange(n_speakers, dtype=np.int64), sizes)
    X = np.empty((n, dim), dtype=np.float32)
    for r0 in range(0, n, _CHUNK):
        block = rng.standard_normal((min(_CHUNK, n - r0), dim), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        X[r0 : r0 + block.shape[0]] = block
    return X, speaker


def null_corpus(
    sizes: npt.ArrayLike, *, dim: int = 64, style: float = 1.0, noise: float = 1.0, seed: int = 0
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """Coherent speakers with no dyad structure: every speaker exchangeable with every other.

    A statement of speaker ``s`` is the unit vector along ``U + style * w[s] + noise * g``
    with ``U`` shared by the corpus, ``w[s]`` a random direction private to the speaker (its
    style and topics) and ``g`` fresh noise of unit expected norm.

    Parameters
    ----------
    sizes
        ``(S,)`` statements per speaker (``>= 1``).
    dim, style, noise, seed
        Dimension, weights and seed.

    Returns
    -------
    X
        ``(n, dim)`` float32 unit rows.
    speaker
        ``(n,)`` speaker codes, sorted.
    """
    rng = np.random.default_rng(seed)
    counts = np.asarray(sizes, dtype=np.int64)
    speaker = np.repeat(np.arange(counts.size, dtype=np.int64), counts)
    U, W = _unit(rng, (dim,)), _unit(rng, (counts.size, dim))
    X = U + style * W[speaker] + noise * rng.standard_normal((speaker.size, dim)) / np.sqrt(dim)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return X.astype(np.float32), speaker


def to_table(corpus: SyntheticCorpus) -> Any:
    """A :class:`stancekit.StatementTable` of the corpus, with a ``topic`` column."""
    import pandas as pd

    from stancekit import StatementTable

    names = np.array(corpus.speaker_names)[corpus.speaker]
    topics = np.array(corpus.topic_names)[corpus.topic]
    n = corpus.speaker.size
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i // 10}" for i in range(n)],
            "speaker": names,
            "text": [
                f"statement {i} of {s} on {t}"
                for i, (s, t) in enumerate(zip(names, topics, strict=True))
            ],
            "start": np.zeros(n, dtype=np.int64),
            "end": np.zeros(n, dtype=np.int64),
            "topic": topics,
        }
    )
    return StatementTable(frame).with_embeddings(corpus.X, {"model": "synthetic"})
