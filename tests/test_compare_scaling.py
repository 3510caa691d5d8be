"""scale(): reference-anchored positions."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd
import pytest

from stancekit import StatementTable
from stancekit.compare import Scaling, scale


def unit_rows(rng: np.random.Generator, n: int, d: int) -> npt.NDArray[np.float32]:
    X = rng.standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def make_table(speakers: list[str], X: np.ndarray) -> StatementTable:
    n = len(speakers)
    frame = pd.DataFrame(
        {
            "article_id": ["a"] * n,
            "speaker": speakers,
            "text": ["t"] * n,
            "start": 0,
            "end": 0,
        }
    )
    return StatementTable(frame).with_embeddings(X, {"model": "test"})


def planted(seed: int = 0) -> tuple[StatementTable, dict[str, float]]:
    """Speakers spread between two poles; returns the expected axis positions."""
    rng = np.random.default_rng(seed)
    d = 32
    left, right = unit_rows(rng, 2, d).astype(np.float64)
    mix = {"USA": 1.0, "RUS": -1.0, "FRA": 0.6, "IND": 0.0, "CHN": -0.5}
    speakers, rows, bases = [], [], {}
    for name, t in mix.items():
        n = 1 if name == "IND" else 80
        base = (1 + t) / 2 * left + (1 - t) / 2 * right
        bases[name] = base / np.linalg.norm(base)  # where the unit statements concentrate
        rows.append(base + 0.01 * rng.standard_normal((n, d)))
        speakers += [name] * n
    X = np.concatenate(rows)
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    a, b = bases["USA"], bases["RUS"]
    expected = {k: -1 + 2 * (v - b) @ (a - b) / ((a - b) @ (a - b)) for k, v in bases.items()}
    return make_table(speakers, X), expected


def test_planted_positions_recovered_with_uncertainty() -> None:
    table, truth = planted()
    res = scale(table, {"USA": 1.0, "RUS": -1.0}, n_bootstrap=200)
    assert isinstance(res, Scaling)
    assert res.labels == ("CHN", "FRA", "IND", "RUS", "USA")
    got = dict(zip(res.labels, res.position, strict=True))
    for name, t in truth.items():
        assert got[name] == pytest.approx(t, abs=0.03)
    assert got["USA"] > got["FRA"] > got["IND"] > got["CHN"] > got["RUS"]
    frame = res.to_pandas()
    assert frame.loc["USA", "reference"] and not frame.loc["FRA", "reference"]
    assert frame.loc["IND", "n"] == 1
    fra = frame.loc["FRA"]
    assert fra.ci_low < fra.position < fra.ci_high and fra.se > 0
    assert (res.ci_low <= res.ci_high).all()


def test_seeded_and_analytic_mode() -> None:
    table, _ = planted(1)
    ref = {"USA": 1.0, "RUS": -1.0}
    a = scale(table, ref, n_bootstrap=30, seed=5)
    b = scale(table, ref, n_bootstrap=30, seed=5)
    np.testing.assert_array_equal(a.se, b.se)
    c = scale(table, ref, n_bootstrap=0)
    np.testing.assert_allclose(c.position, a.position)
    fra = c.labels.index("FRA")
    assert c.se[fra] > 0 and np.isnan(c.se[c.labels.index("IND")])  # one statement: no sd
    assert c.ci_low[fra] == pytest.approx(c.position[fra] - 1.959964 * c.se[fra], rel=1e-5)


def test_three_references_land_on_their_positions() -> None:
    table, _ = planted(2)
    res = scale(table, {"USA": 2.0, "RUS": -1.0, "CHN": 0.0}, n_bootstrap=0)
    got = dict(zip(res.labels, res.position, strict=True))
    assert (got["USA"], got["RUS"], got["CHN"]) == pytest.approx((2.0, -1.0, 0.0), abs=1e-4)


def test_reference_errors() -> None:
    table, _ = planted()
    with pytest.raises(ValueError, match="at least two"):
        scale(table, {"USA": 1.0})
    with pytest.raises(KeyError, match="unknown speaker 'GBR'"):
        scale(table, {"USA": 1.0, "GBR": -1.0})
    with pytest.raises(ValueError, match="not all be equal"):
        scale(table, {"USA": 1.0, "RUS": 1.0})
    with pytest.raises(TypeError, match="must be a number"):
        scale(table, {"USA": 1.0, "RUS": "left"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="finite"):
        scale(table, {"USA": 1.0, "RUS": float("nan")})
    with pytest.raises(ValueError, match="n_bootstrap"):
        scale(table, {"USA": 1.0, "RUS": -1.0}, n_bootstrap=-5)
