"""UN General Debate: reference-anchored scaling fitted on some years, applied to another.

Run ``python benchmarks/bench_scaling_ungd.py``; writes ``benchmarks/results/scaling-ungd.json``.

Every speech of 2014-2017 (2014-2016 from ``../shared/data/ungd_dev``, 2017 bundled) is read
by ``ungd_data.load_year`` (hard wraps joined, split by :func:`stancekit.segment`, sentences of
five words or more embedded with all-MiniLM-L6-v2 by :func:`stancekit.embed`, cached on disk).
A speaker is a country-year; its reference position is that year's UN ideal point.
:func:`stancekit.compare.scale` fits the axis (ridge, penalty chosen by cross-validation over
whole countries) and ``Scaling.transform`` places the speakers of a later year; the pair score
``-|pos_A - pos_B|`` is correlated with that year's vote agreement over the dyads.

1. **Method choice (2014-2016 only)**: train on two years, test on the third, for the ridge
   with and without the lexical channel and the exact minimum-norm axis (no shrinkage).
   The lexical channel (``lexical=True``) was adopted on this evidence.
2. **Confirmation**: fit on 2014-2016, apply to 2017 (target r >= 0.50), and for countries left
   out of the fit (5 folds of countries; a fold's speeches of every year are out of training;
   target r >= 0.45).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ungd_data import available, load_year

OUT = Path(__file__).resolve().parent / "results" / "scaling-ungd.json"
DEV_YEARS = (2014, 2015, 2016)
N_FOLDS_COUNTRIES = 10
N_FOLDS_CV = 5
METHODS = {
    "ridge + lexical": ("auto", True),
    "ridge": ("auto", False),
    "exact (no shrinkage)": ("exact", False),
}
"""Name: ``scale`` arguments ``(method, lexical)``. The first is the one chosen on 2014-2016."""
SEED = 0


def _year_table(year: int) -> tuple[Any, int, Any]:
    """One year's embedded statements with ``iso`` (country) and ``unit`` (country:year)
    columns, its speech count and its :class:`ungd_data.Year`."""
    data = load_year(year)
    table = data.table
    codes = [data.iso[str(s)] for s in table.column("speaker")]
    table = table.with_column("iso", codes)
    return table.with_column("unit", [f"{c}:{year}" for c in codes]), data.n_speeches, data


def _pair_r(positions: dict[str, float], votes: pd.DataFrame) -> dict[str, float]:
    """Pearson r of ``-|pos_A - pos_B|`` with vote agreement over the dyads with both."""
    both = votes[votes["A"].isin(positions) & votes["B"].isin(positions)]
    score = -np.abs(both["A"].map(positions) - both["B"].map(positions))
    r = float(np.corrcoef(score, both["vote_agreement"])[0, 1])
    return {"pearson_r": r, "n_dyads": len(both)}


def _fit(train: Any, ideal: dict[tuple[str, int], float], method: str) -> Any:
    """``scale`` of the country-years of ``train`` on their ideal points (``method`` names an
    entry of ``METHODS``); cross-validation folds keep every country whole."""
    from stancekit.compare import scale

    ref = {}
    for unit in sorted(set(train.column("unit"))):
        iso, year = unit.split(":")
        if (iso, int(year)) in ideal:
            ref[unit] = ideal[(iso, int(year))]
    how, lexical = METHODS[method]
    return scale(
        train,
        ref,
        by="unit",
        cv_by="iso",
        method=how,
        lexical=lexical,
        n_folds=N_FOLDS_CV,
        n_bootstrap=0,
        seed=SEED,
    )


def _evaluate(
    tables: dict[int, Any],
    train_years: list[int],
    test_year: int,
    method: str,
    ideal: Any,
    votes: pd.DataFrame,
) -> dict[str, Any]:
    """Fit on ``train_years``, apply to ``test_year``: all countries, and countries left out."""
    from stancekit import StatementTable

    train = StatementTable.concat([tables[y] for y in train_years])
    test = tables[test_year]
    fit = _fit(train, ideal, method)
    out = fit.transform(test, by="iso")
    pos = dict(zip(out.labels, out.position, strict=True))
    truth = [(pos[c], ideal[(c, test_year)]) for c in pos if (c, test_year) in ideal]
    row: dict[str, Any] = {
        "train_years": train_years,
        "test_year": test_year,
        "method": method,
        "lexical_share": fit.model.lexical_share if fit.model is not None else 0.0,
        "penalty": fit.penalty,
        "n_references": int(fit.reference.sum()),
        "position_r_ideal_point": float(np.corrcoef(np.array(truth).T)[0, 1]),
        "pairs_vs_vote_agreement": _pair_r(pos, votes),
    }
    if fit.cv is not None:
        row["cv_on_training"] = {
            "pearson_r": fit.cv.pearson_r,
            "rmse": fit.cv.rmse,
            "n_folds": fit.cv.n_folds,
            "fold_penalties": fit.cv.fold_penalty.tolist(),
            "fold_lexical_shares": fit.cv.fold_share.tolist(),
        }
    countries = np.array(sorted(pos))
    rng = np.random.default_rng(SEED)
    fold = rng.permutation(countries.size) % N_FOLDS_COUNTRIES
    held: dict[str, float] = {}
    train_iso = np.asarray(train.column("iso"))
    test_iso = np.asarray(test.column("iso"))
    for k in range(N_FOLDS_COUNTRIES):
        out_k = set(countries[fold == k])
        part = _fit(train[~np.isin(train_iso, list(out_k))], ideal, method)
        moved = part.transform(test[np.isin(test_iso, list(out_k))], by="iso")
        held.update(zip(moved.labels, moved.position.tolist(), strict=True))
    truth = [(held[c], ideal[(c, test_year)]) for c in held if (c, test_year) in ideal]
    row["left_out_countries"] = {
        "n_folds": N_FOLDS_COUNTRIES,
        "position_r_ideal_point": float(np.corrcoef(np.array(truth).T)[0, 1]),
        "pairs_vs_vote_agreement": _pair_r(held, votes),
    }
    return row


def _print(row: dict[str, Any]) -> None:
    left = row["left_out_countries"]["pairs_vs_vote_agreement"]["pearson_r"]
    print(
        f"  {row['method']:21s} {row['train_years']} -> {row['test_year']}: pairs r = "
        f"{row['pairs_vs_vote_agreement']['pearson_r']:.3f}, left-out countries r = {left:.3f}, "
        f"positions r = {row['position_r_ideal_point']:.3f}",
        flush=True,
    )


def main() -> dict[str, Any]:
    """Run both stages and write the JSON (or a skip message when the data is absent)."""
    missing = available()
    if missing:
        msg = f"skipped: {missing} (the UNGD 2014-2016 development data)"
        print(f"scaling-ungd: {msg}")
        return {"skipped": msg}
    try:
        import all_minilm_l6_v2  # noqa: F401  (the offline model)
    except ImportError as exc:
        print(f"scaling-ungd: skipped ({exc})")
        return {"skipped": str(exc)}
    t0 = time.perf_counter()
    tables, n_speeches, ideal, votes = {}, {}, {}, {}
    for year in (*DEV_YEARS, 2017):
        tables[year], n_speeches[year], data = _year_table(year)
        ideal.update({(c, year): p for c, p in data.ideal.items()})
        votes[year] = data.votes.dropna(subset=["vote_agreement"])
        print(f"  {year}: {n_speeches[year]} speeches, {len(tables[year])} statements", flush=True)
    result: dict[str, Any] = {
        "benchmark": "scaling-ungd",
        "command": "python benchmarks/bench_scaling_ungd.py",
        "model": tables[2017].provenance.get("model"),
        "n_speeches": n_speeches,
        "n_statements": {y: len(t) for y, t in tables.items()},
        "build_seconds": time.perf_counter() - t0,
        "targets": {"2017 pairs r": 0.50, "2017 left-out countries pairs r": 0.45},
        "cross_year_2014_2016": [],
    }
    for method in METHODS:
        for test_year in DEV_YEARS:
            train_years = [y for y in DEV_YEARS if y != test_year]
            row = _evaluate(tables, train_years, test_year, method, ideal, votes[test_year])
            result["cross_year_2014_2016"].append(row)
            _print(row)
    result["fit_2014_2016_apply_2017"] = [
        _evaluate(tables, list(DEV_YEARS), 2017, method, ideal, votes[2017]) for method in METHODS
    ]
    for row in result["fit_2014_2016_apply_2017"]:
        _print(row)
    result["seconds"] = time.perf_counter() - t0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    tmp = OUT.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, indent=2, default=float) + "\n", encoding="utf-8")
    tmp.replace(OUT)
    print(f"wrote {OUT}")
    return result


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
