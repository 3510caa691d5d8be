"""Synthetic statement tables with planted topics, keywords, speakers and dates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.table import StatementTable

#: Planted keywords of each topic (distinct across topics, none an English stop word).
KEYWORDS: tuple[tuple[str, ...], ...] = (
    ("railway", "corridor", "freight"),
    ("sovereignty", "independence", "territorial"),
    ("climate", "emissions", "renewable"),
    ("tariffs", "exports", "customs"),
    ("vaccines", "hospitals", "pandemic"),
    ("satellites", "orbit", "launch"),
)
#: Words every statement may contain, whatever its topic.
COMMON = ("sides", "cooperation", "partnership", "countries", "agreed")


@dataclass(frozen=True)
class Planted:
    table: StatementTable
    topic: npt.NDArray[np.int64]
    centres: npt.NDArray[np.float64]


def unit_rows(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    out: npt.NDArray[np.float32] = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    return out


def planted(
    sizes: Sequence[int] = (40, 30, 30, 20),
    *,
    dim: int = 32,
    noise: float = 0.5,
    seed: int = 0,
    speakers: Sequence[str] = ("Xi Jinping", "Sadyr Japarov", "Vladimir Putin"),
    dates: Sequence[str] | None = None,
    countries: Sequence[str | None] | None = None,
) -> Planted:
    """A table whose statement ``i`` belongs to planted topic ``topic[i]``.

    Embeddings are the topic's random unit centre plus Gaussian noise of expected norm ``noise``,
    normalised; texts contain two of the topic's planted keywords and
    two common words. Rows are shuffled; speakers, dates and countries cycle over the rows.
    """
    rng = np.random.default_rng(seed)
    topic = rng.permutation(np.repeat(np.arange(len(sizes)), sizes)).astype(np.int64)
    n = topic.size
    centres = rng.standard_normal((len(sizes), dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    X = unit_rows(centres[topic] + noise * rng.standard_normal((n, dim)) / np.sqrt(dim))
    texts = []
    for i, t in enumerate(topic):
        kw = KEYWORDS[t % len(KEYWORDS)]
        words = [kw[i % 3], kw[(i + 1) % 3], COMMON[i % 5], COMMON[(i + 2) % 5]]
        texts.append(f"The {words[2]} said the {words[0]} and {words[1]} matter for {words[3]}")
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i // 5}" for i in range(n)],
            "speaker": [speakers[i % len(speakers)] for i in range(n)],
            "text": texts,
            "start": 0,
            "end": [len(t) for t in texts],
        }
    )
    if dates is not None:
        frame["date"] = [dates[i % len(dates)] for i in range(n)]
    if countries is not None:
        frame["country"] = [countries[i % len(countries)] for i in range(n)]
    table = StatementTable(frame).with_embeddings(X, {"model": "test"})
    return Planted(table, topic, centres)


def table_of(
    X: npt.NDArray[np.float32], speakers: Sequence[str], texts: Sequence[str] | None = None
) -> StatementTable:
    """A table with these unit rows, speakers and texts (default: one planted-free text)."""
    n = X.shape[0]
    texts = list(texts) if texts is not None else [f"statement about item{i}" for i in range(n)]
    frame = pd.DataFrame(
        {"article_id": "a", "speaker": list(speakers), "text": texts, "start": 0, "end": 1}
    )
    return StatementTable(frame).with_embeddings(X, {"model": "test"})
