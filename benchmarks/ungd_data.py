"""UN General Debate years as embedded statement tables, for the validity benchmarks.

2017 is bundled with stancekit (speeches and vote agreement); 2014–2016 and every year's UN
ideal points come from ``../shared/data/ungd_dev`` (the evaluation data beside the project).
Each speech is read as its country's (one statement per sentence); sentences of five words or
more are embedded with the default model (cached on disk).

The 2014 file is hard-wrapped: a line break inside a sentence would end the statement
there, so :func:`unwrap` joins such lines first (a line break after a sentence end or before
a blank line is kept). The same rule runs on every year.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
YEARS = (2014, 2015, 2016, 2017)

_BROKEN_WORD = re.compile(r"(?<=\w)-\n(?=[a-z])")
_WRAP = re.compile(r"(?<![.!?:;\"')\n])\n(?!\n)")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines: a break that does not follow a sentence end is a space, and a
    word broken at a hyphen keeps the hyphen."""
    return _WRAP.sub(" ", _BROKEN_WORD.sub("-", text))


@dataclass(frozen=True)
class Year:
    """One General Debate: its embedded statements and what they are validated against."""

    year: int
    table: object  # StatementTable (kept untyped so that importing needs no stancekit)
    n_speeches: int
    iso: dict[str, str]  # speaker (country name) -> ISO3
    continent: dict[str, str]  # ISO3 -> continent
    votes: pd.DataFrame  # A, B (ISO3), vote_agreement
    ideal: dict[str, float]  # ISO3 -> UN ideal point that year


def available(years: tuple[int, ...] = YEARS) -> str | None:
    """Why the data cannot be read (a message), or None."""
    need = [SHARED / "ungd_dev" / "ideal_points.csv"]
    need += [SHARED / "ungd_dev" / f"speeches_{y}.jsonl" for y in years if y != 2017]
    missing = [str(p) for p in need if not p.exists()]
    return f"missing {', '.join(missing)}" if missing else None


def _speeches(year: int) -> pd.DataFrame:
    if year == 2017:
        from stancekit.datasets import load_ungd2017

        arts = load_ungd2017()
        rows = [{"id": a.id, "text": a.text, **a.meta} for a in arts]
        return pd.DataFrame(rows)
    path = SHARED / "ungd_dev" / f"speeches_{year}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return pd.DataFrame([json.loads(line) for line in fh])


def _votes(year: int) -> pd.DataFrame:
    if year == 2017:
        from stancekit.datasets import load_ungd2017_votes

        return load_ungd2017_votes()
    return pd.read_csv(SHARED / "ungd_dev" / f"vote_agreement_{year}.csv")


def load_year(year: int) -> Year:
    """Segment and embed one year's speeches (cached embeddings make reruns fast)."""
    from stancekit import read_articles
    from stancekit.embed import embed
    from stancekit.segment import segment

    frame = _speeches(year)
    frame["text"] = frame["text"].map(unwrap)
    frame["date"] = f"{year}-09-20"
    frame["country"] = frame["speaker"]
    keep = ["id", "text", "date", "speaker", "country", "country_iso"]
    keep += [c for c in ("continent",) if c in frame.columns]
    arts = read_articles(frame[keep])
    table = segment(arts)
    words = np.array([len(str(t).split()) for t in table.column("text")])
    table = embed(table[words >= 5])
    iso = dict(zip(frame["speaker"].astype(str), frame["country_iso"].astype(str), strict=True))
    votes = _votes(year)
    if "continent" in frame.columns:
        continent = dict(zip(frame["country_iso"], frame["continent"], strict=True))
    else:
        continent = dict(zip(votes["A"], votes["continent_A"], strict=True))
        continent.update(zip(votes["B"], votes["continent_B"], strict=True))
    ideal_frame = pd.read_csv(SHARED / "ungd_dev" / "ideal_points.csv")
    ideal_frame = ideal_frame[ideal_frame["year"] == year]
    ideal = dict(zip(ideal_frame["iso3"], ideal_frame["ideal_point"].astype(float), strict=True))
    return Year(year, table, len(frame), iso, continent, votes, ideal)
