"""Do the comparison scores track how countries vote? UN General Debate 2014–2017.

    python benchmarks/bench_ungd.py [--quick] [--skip-scaling] [--years 2014 2015 2016 2017]

For every year: the speeches are read as their countries' statements (``ungd_data.py``), every
speaker x speaker score is computed, and :func:`stancekit.validate` correlates it with that
session's vote agreement (share of identical roll-call votes): Pearson and Spearman with QAP
p-values, a speaker-bootstrap interval, the same-continent dummy beside it and the partial
correlation given the dummy. Then (unless ``--quick`` or ``--skip-scaling``) it runs
``bench_scaling_ungd.py``: reference-anchored scaling (:func:`stancekit.scale`) fitted on the
2014–2016 speeches and UN ideal points and applied to 2017's, also for the countries left out
of the fit (speaker-disjoint folds), into ``scaling-ungd.json``.

Methods were chosen on 2014–2016 and 2017 is the confirmation year; later years, which the team
does not have, run through the same code. Results: ``benchmarks/results/ungd.json`` (and
``ungd-quick.json``), summarised in ``docs/scores.md``. Needs ``../shared/data``; without it the
benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ungd_data import YEARS, Year, available, load_year

RESULTS = Path(__file__).resolve().parent / "results"
N_TOPICS = 30

Score = Callable[[Year], Any]


def _topics(y: Year) -> np.ndarray:
    """k-means topics on centred sentence vectors (substantive statements), as labels."""
    from sklearn.cluster import KMeans

    from stancekit.compare._input import center_rows

    X = center_rows(np.asarray(y.table.embeddings))  # type: ignore[attr-defined]
    labels = KMeans(N_TOPICS, n_init=3, random_state=0).fit_predict(X)
    return labels.astype(str)


def _tfidf(y: Year) -> Any:
    """Lexical reference: cosine of the speeches' TF-IDF vectors (sublinear tf, English stop
    words out, words in at least two speeches), corpus mean removed."""
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer

    from stancekit import LabeledMatrix

    frame = pd.DataFrame(
        {"speaker": y.table.column("speaker"), "text": y.table.column("text")}  # type: ignore[attr-defined]
    )
    docs = frame.groupby("speaker", sort=True)["text"].apply(" ".join)
    T = TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english").fit_transform(docs)
    T = np.asarray(T.todense()) - np.asarray(T.mean(axis=0))
    T /= np.linalg.norm(T, axis=1, keepdims=True)
    labels = tuple(str(s) for s in docs.index)
    return LabeledMatrix(T @ T.T, labels, labels, "TF-IDF cosine of speeches, centred")


def unsupervised_scores(y: Year) -> dict[str, Any]:
    """Every unsupervised score of the year, by name (the default first)."""
    from stancekit.compare import agenda_overlap, position_similarity, similarity

    t = y.table
    topic = _topics(y)
    out: dict[str, Any] = {
        "similarity() default: centroid, centred, formulae out": similarity(t),  # type: ignore[arg-type]
        "centroid, raw, formulae kept (the 0.1 default)": similarity(
            t,  # type: ignore[arg-type]
            center=False,
            keep_formulaic=True,
        ),
        "soft alignment F, centred, formulae out": similarity(t, method="soft"),  # type: ignore[arg-type]
        "agenda overlap (k-means 30, 1 - JSD)": agenda_overlap(t, topics=topic),  # type: ignore[arg-type]
        "position: soft F within shared topics, centred": position_similarity(
            t,  # type: ignore[arg-type]
            topics=topic,
            center=True,
        ),
        "TF-IDF cosine of speeches, centred (lexical)": _tfidf(y),
    }
    try:
        from stancekit.compare import dyads

        out["dyads z: centroid, against each side's other counterparts"] = _dyads_z(dyads(t))  # type: ignore[arg-type]
    except ImportError:  # pragma: no cover - older checkouts
        pass
    return out


def _dyads_z(res: Any) -> Any:
    from stancekit import LabeledMatrix

    return LabeledMatrix(np.asarray(res.z), res.labels, res.labels, "dyads z")


def _validate(m: Any, y: Year, n_perm: int, n_boot: int) -> dict[str, Any]:
    """The score against vote agreement, beside the same-continent dummy (compact)."""
    from stancekit.compare import validate

    v = validate(
        m,
        y.votes,
        value="vote_agreement",
        mapping=y.iso,
        groups=y.continent,
        n_permutations=n_perm,
        n_bootstrap=n_boot,
        seed=0,
    )
    f = v.to_pandas()
    score, dummy, partial = (f.loc[k] for k in ("score", "same group", "score | same group"))
    return {
        "r": _num(score["pearson"]),
        "r_interval": [_num(score["pearson_low"]), _num(score["pearson_high"])],
        "qap_p": _num(score["pearson_p"]),
        "spearman": _num(score["spearman"]),
        "same_continent_r": _num(dummy["pearson"]),
        "partial_r_given_continent": _num(partial["pearson"]),
        "partial_qap_p": _num(partial["pearson_p"]),
        "n_pairs": int(score["n_pairs"]),
        "n_matched": v.n_matched,
    }


def _num(x: Any) -> Any:
    if isinstance(x, (np.floating, float)):
        return None if not np.isfinite(x) else round(float(x), 4)
    if isinstance(x, np.integer):
        return int(x)
    return x


def run(years: tuple[int, ...], n_perm: int, n_boot: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for year in years:
        t0 = time.perf_counter()
        y = load_year(year)
        spoke = set(map(str, y.table.column("speaker")))  # type: ignore[attr-defined]
        print(f"{year}: {len(spoke)} of {y.n_speeches} speeches kept, "
              f"{len(y.table)} statements ({time.perf_counter() - t0:.0f} s)", flush=True)  # type: ignore[arg-type]  # fmt: skip
        scores = unsupervised_scores(y)
        block: dict[str, Any] = {
            "speeches": y.n_speeches,
            "speeches_kept": len(spoke),
            "statements": len(y.table),  # type: ignore[arg-type]
            "formulaic_left_out": int(next(iter(scores.values())).n_formulaic),
            "scores": {},
        }
        for name, m in scores.items():
            block["scores"][name] = _validate(m, y, n_perm, n_boot)
            r = block["scores"][name]
            print(f"  {name}: r = {r['r']}, continent {r['same_continent_r']}, "
                  f"partial {r['partial_r_given_continent']}", flush=True)  # fmt: skip
        result[str(year)] = block
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="2017 only, fewer permutations")
    ap.add_argument("--years", nargs="+", type=int, default=list(YEARS))
    ap.add_argument("--skip-scaling", action="store_true", help="skip bench_scaling_ungd.py")
    args = ap.parse_args()
    years = (2017,) if args.quick else tuple(sorted(set(args.years)))
    why = available(years)
    if why is not None:
        print(f"ungd: skipped ({why}); the benchmark needs ../shared/data")
        return
    n_perm, n_boot = (99, 100) if args.quick else (499, 300)
    t0 = time.perf_counter()
    result = {
        "benchmark": "ungd",
        "command": "python benchmarks/bench_ungd.py" + (" --quick" if args.quick else ""),
        "years": run(years, n_perm, n_boot),
        "qap_permutations": n_perm,
        "bootstrap": n_boot,
        "seconds": round(time.perf_counter() - t0, 1),
        "machine": {"python": platform.python_version(), "processor": platform.processor()},
    }
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / ("ungd-quick.json" if args.quick else "ungd.json")
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out}")
    if not args.quick and not args.skip_scaling:
        import bench_scaling_ungd

        bench_scaling_ungd.main()


if __name__ == "__main__":
    main()
