from __future__ import annotations

import datetime as dt

import numpy as np

from stancekit.datasets import load_example, load_kremlin, load_ungd2017, load_ungd2017_votes
from stancekit.segment import segment


def test_example() -> None:
    (a,) = load_example()
    assert a.id == "xi-japarov-2025-06-17" and a.date == dt.date(2025, 6, 17)
    assert len(segment([a])) == 14


def test_kremlin() -> None:
    arts = load_kremlin()
    assert len(arts) == 300
    kinds = {a.meta["kind"] for a in arts}
    assert kinds == {"transcript", "readout", "phone"}
    assert len({a.meta["country"] for a in arts}) == 88
    assert len({a.meta["counterpart"] for a in arts}) >= 171
    years = sorted(a.date.year for a in arts if a.date)
    assert years[0] == 2000 and years[-1] == 2020


def test_ungd2017_speeches_are_speeches() -> None:
    arts = load_ungd2017()
    assert len(arts) == 196
    usa = next(a for a in arts if a.id == "USA-2017")
    assert usa.meta["speaker"] == "United States" or usa.meta["country_iso"] == "USA"
    t = segment([usa])
    assert len(t) > 50 and set(t.column("cue")) == {"speech"}


def test_votes() -> None:
    v = load_ungd2017_votes()
    assert list(v.columns) == ["A", "B", "n_common_votes", "vote_agreement"]
    assert v["vote_agreement"].dropna().between(0, 1).all()
    assert len(set(v["A"]) | set(v["B"])) == 193
    assert np.isfinite(v["n_common_votes"]).all()
