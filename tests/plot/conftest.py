from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from stancekit import Statement, StatementTable


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def make_table() -> object:
    return _make_table


def _make_table(n_speakers: int, per: int = 6, d: int = 16, seed: int = 0) -> StatementTable:
    """Speakers in three blocs (shared centre per bloc), dated over four years."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(3, d))
    rows, emb = [], []
    for s in range(n_speakers):
        for j in range(per):
            v = centres[s % 3] + 0.7 * rng.normal(size=d)
            emb.append(v / np.linalg.norm(v))
            rows.append(
                Statement(
                    article_id=f"a{s}-{j}",
                    speaker=f"Speaker {s:03d} with a rather long name",
                    text=f"Statement {j} of speaker {s} about topic {s % 3} and more words here.",
                    start=0,
                    end=10,
                    date=dt.date(2017 + j % 4, 1 + j % 12, 1),
                    country=f"Country {s % 5}",
                )
            )
    return StatementTable.from_statements(rows).with_embeddings(
        np.array(emb, dtype=np.float32), {"model": "test"}
    )
