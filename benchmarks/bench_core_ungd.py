"""UN General Debate 2017: do the comparison scores track voting agreement?

Used by ``bench_core.py`` in full mode. The 196 speeches (bundled, CC0) are split into
sentences by :func:`stancekit.segment`, sentences of five words or more are embedded with
all-MiniLM-L6-v2 (:func:`stancekit.embed`, cached), and every score is correlated over
country pairs with the share of identical votes in that session. Dyads are not independent,
so each correlation's p-value comes from a QAP test: the same country permutation applied to
rows and columns of the score matrix, 999 times.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

N_QAP = 999
N_TOPICS = 30


def _qap(values: np.ndarray, votes: np.ndarray, rng: np.random.Generator) -> dict[str, float]:
    """Pearson r over the dyads with a vote share, and its QAP p-value (two-sided)."""
    ok = np.isfinite(votes) & np.isfinite(values)
    iu = np.triu_indices(values.shape[0], 1)
    mask = ok[iu]
    v = votes[iu][mask]
    r = float(np.corrcoef(values[iu][mask], v)[0, 1])
    hits = 0
    for _ in range(N_QAP):
        p = rng.permutation(values.shape[0])
        perm = values[np.ix_(p, p)][iu][mask]
        hits += abs(np.corrcoef(perm, v)[0, 1]) >= abs(r)
    return {"pearson_r": r, "qap_p": (1 + hits) / (1 + N_QAP), "n_dyads": int(mask.sum())}


def _load() -> tuple[Any, dict[str, str], Any]:
    from stancekit.datasets import load_ungd2017, load_ungd2017_votes
    from stancekit.embed import embed
    from stancekit.segment import segment

    arts = load_ungd2017()
    iso = {str(a.meta["speaker"]): str(a.meta["country_iso"]) for a in arts}
    table = segment(arts)
    words = np.array([len(str(t).split()) for t in table.column("text")])
    table = table[words >= 5]
    return embed(table), iso, load_ungd2017_votes()


def bench_ungd() -> dict[str, Any]:
    """Correlations of every score with voting agreement (or a skip message)."""
    try:
        import all_minilm_l6_v2  # noqa: F401  (the offline model)
        from sklearn.cluster import KMeans

        from stancekit.compare import agenda_overlap, position_similarity, similarity
        from stancekit.compare._input import center_rows
    except ImportError as exc:
        print(f"ungd: skipped ({exc})")
        return {"skipped": str(exc)}
    t0 = time.perf_counter()
    try:
        table, iso, votes = _load()
    except (ImportError, AttributeError) as exc:
        print(f"ungd: skipped ({exc})")
        return {"skipped": f"{type(exc).__name__}: {exc}"}
    t_embed = time.perf_counter() - t0
    X = center_rows(np.asarray(table.embeddings))
    topics = KMeans(N_TOPICS, n_init=3, random_state=0).fit_predict(X)
    table = table.with_column("topic", topics.astype(str))
    labels = table.speakers
    codes = [iso[s] for s in labels]
    index = {c: i for i, c in enumerate(codes)}
    V = np.full((len(codes), len(codes)), np.nan)
    for a, b, share in votes[["A", "B", "vote_agreement"]].itertuples(index=False):
        if a in index and b in index:
            V[index[a], index[b]] = V[index[b], index[a]] = share
    scores = {
        "centroid cosine": similarity(table),
        "centroid cosine, centred": similarity(table, center=True),
        "soft alignment F": similarity(table, method="soft"),
        "soft alignment F, centred": similarity(table, method="soft", center=True),
        "agenda overlap (k-means 30, 1 - JSD)": agenda_overlap(table, topics="topic"),
        "position: soft F within shared topics, centred": position_similarity(
            table, topics="topic", center=True
        ),
        "position: centroid within shared topics, centred": position_similarity(
            table, topics="topic", method="centroid", center=True
        ),
    }
    rng = np.random.default_rng(0)
    out: dict[str, Any] = {
        "n_statements": len(table), "n_speakers": len(labels), "embed_seconds": t_embed,
        "qap_permutations": N_QAP, "model": table.provenance.get("model"),
        "baselines_from_data_readme": {"best unsupervised text score": 0.18,
                                       "same continent": 0.30, "ridge on ideal points": 0.43},
    }  # fmt: skip
    usa = labels.index(next(s for s in labels if iso[s] == "USA"))
    for name, m in scores.items():
        row = _qap(np.array(m.values, dtype=np.float64), V, rng)
        order = [j for j in np.argsort(-np.nan_to_num(m.values[usa], nan=-9)) if j != usa]
        row["closest_to_usa"] = [codes[j] for j in order[:5]]
        out[name] = row
        print(f"  {name}: r = {row['pearson_r']:.3f} (QAP p = {row['qap_p']:.3f})", flush=True)
    return out
