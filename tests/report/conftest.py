from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from stancekit import Statement, StatementTable

WORDS = {
    0: "railway connectivity corridor freight transport",
    1: "energy gas pipeline supply power",
    2: "security terrorism border drugs coordination",
}


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


#: Formulae the report must leave out (said once each by Putin, with their own directions).
FORMULAE = ("Thank you very much.", "Good afternoon, colleagues.")


@pytest.fixture
def formulae() -> tuple[str, ...]:
    """The formulae planted in ``corpus``."""
    return FORMULAE


@pytest.fixture
def corpus() -> StatementTable:
    """Five speakers, three planted topics, dates over six years, random-ish embeddings, and
    two formulae by Putin."""
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(3, 24))
    rows, emb = [], []
    for s, name in enumerate(
        ["Vladimir Putin", "Xi Jinping", "Narendra Modi", "Recep Erdogan", "Emmanuel Macron"]
    ):
        for j in range(12 if s == 0 else 6):
            topic = (s + j) % 3
            v = centres[topic] + 1.2 * rng.normal(size=24)
            emb.append(v / np.linalg.norm(v))
            text = f"{name.split()[-1]} spoke about {WORDS[topic]} number {j}"
            rows.append(
                Statement(
                    f"a{s}{j}",
                    name,
                    text,
                    0,
                    len(text),
                    date=dt.date(2014 + j % 6, 6, 1),
                    country=["Russia", "China", "India", "Turkey", "France"][s],
                )
            )
    for j, text in enumerate(FORMULAE):
        v = rng.normal(size=24)
        emb.append(v / np.linalg.norm(v))
        rows.append(
            Statement(f"f{j}", "Vladimir Putin", text, 0, len(text), date=dt.date(2016, 1, 1))
        )
    return StatementTable.from_statements(rows).with_embeddings(
        np.array(emb, dtype=np.float32), {"model": "test", "dimension": 24}
    )
