"""Topic quality on real text: stancekit's default against BERTopic on the same embeddings.

Usage::

    python benchmarks/bench_topics_real.py                      # UNGD 2017 + Kremlin (~8 min)
    python benchmarks/bench_topics_real.py --bertopic-python /tmp/bt/bin/python

Corpora:

- **UNGD 2017**: the 196 bundled General Debate speeches, one statement per sentence of five
  words or more (``benchmarks/ungd_data.py``, the corpus of the validity benchmarks), embedded
  with all-MiniLM-L6-v2 (cached).
- **Kremlin**: the 300 bundled readouts and transcripts, segmented and embedded the same way.

What is measured, each fit in a fresh subprocess (``--threads`` threads, default 1):

1. **Planted themes** (UNGD). Twelve themes of the 2017 debate are recognised by keyword
   patterns written here (climate, nuclear arms, Myanmar, Palestine, Korea, terrorism,
   migration, the SDGs, Venezuela, Syria, UN reform, oceans); the sentences that match exactly
   one theme are the planted set. All sentences are clustered; the adjusted Rand index (ARI)
   and normalised mutual information (NMI) between the themes and the clusters are computed
   on the planted set, outliers (``-1``) counted as one more cluster. This judges clusters,
   not labels: a theme held in one cluster, not shared with another theme, scores high.
2. **Coherence**: NPMI of every pair of a topic's ten best words, with probabilities counted
   over windows of five consecutive sentences of a speech (a topic's words should appear
   together in passages, not only in one sentence), averaged over pairs and topics.
3. **Diversity**: the share of distinct words among all topics' ten best words.
4. **Stability**: the ARI between the assignments of every pair of seeds (all statements).
5. **Sizes**: number of topics, the smallest, median and largest, the share of the largest,
   and the share of statements in no topic (outliers and, for stancekit, formulae).
6. **Cost**: wall time of the fit (median over the seeds' runs; each tool's imports, and
   BERTopic's first compilation in a warm-up fit, happen before the clock starts) and memory:
   the peak resident set size of the child process and its growth during the fit.
7. **Kremlin labels**: for each topic, the share of its five best words that are courtesy,
   address or procedure words (``stancekit.formulaic.courtesy_words`` and the titles of its
   address rule); a topic whose five words are mostly such words is a small-talk topic.

BERTopic 0.17.4 runs its defaults (UMAP to 5 dimensions, HDBSCAN ``min_cluster_size=10``,
c-TF-IDF) through ``fit_transform(docs, embeddings=X)`` in its own virtual environment
(``--bertopic-python``, default ``$BERTOPIC_PYTHON`` or ``/tmp/bt/bin/python``; never a
dependency), with UMAP's ``random_state`` set to the seed so that its runs can be compared.
Its first fit in a process compiles numba code; a warm-up fit on 2,000 sentences pays for
that before the timed fit. ARI/NMI are also given on the statements it assigns to a topic.

**Development years** (``--skip-dev`` to leave them out; they need
``../shared/data/ungd_dev``): the planted-theme scores of the default and of three
alternatives (no passage context, 15 neighbours, k-means at k = 25) on 2014–2016, the years
the defaults were chosen on (in-process, seed 0).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import resource
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_topics
from bench_topics import RssPeak, bertopic_info, machine

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (0, 1, 2)
WINDOW = 5
TOP_WORDS = 10

#: Keyword patterns of the planted themes (case-insensitive regular expressions).
THEMES: dict[str, str] = {
    "climate": r"\bclimate\b|global warming|greenhouse|\bemissions?\b|paris agreement",
    "nuclear": r"\bnuclear\b|non-proliferation|\bnpt\b|atomic",
    "myanmar": r"rohingya|myanmar|rakhine",
    "palestine": r"palestin|israel|two-state|gaza|west bank",
    "korea": r"korea|dprk|pyongyang",
    "terrorism": r"terroris|extremis|\bisil\b|daesh|boko haram|al-qaida|al-shabaab",
    "migration": r"migra|refugee|asylum|displaced",
    "sdgs": r"sustainable development goals|\bsdgs?\b|2030 agenda",
    "venezuela": r"venezuela",
    "syria": r"\bsyria",
    "un reform": r"security council reform|reform of the security council"
    r"|reform of the united nations|revitaliz|revitalis",
    "oceans": r"\boceans?\b|\bseas?\b|marine|fisheries|fishing",
}
_WORD = re.compile(r"(?u)\b[^\W\d_][^\W_]+\b")


# -- corpora ------------------------------------------------------------------------------
def planted(texts: list[str]) -> npt.NDArray[np.int64]:
    """``(n,)`` theme of each sentence that matches exactly one theme, ``-1`` otherwise."""
    patterns = [re.compile(p, re.IGNORECASE) for p in THEMES.values()]
    out = np.full(len(texts), -1, dtype=np.int64)
    for i, text in enumerate(texts):
        hits = [j for j, p in enumerate(patterns) if p.search(text)]
        if len(hits) == 1:
            out[i] = hits[0]
    return out


def write_table(folder: Path, table: Any) -> dict[str, Any]:
    """Save what the children need: embeddings, texts and the statement columns."""
    np.save(folder / "X.npy", np.asarray(table.embeddings, dtype=np.float32))
    texts = [str(t).replace("\n", " ") for t in table.column("text")]
    (folder / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    columns = {c: [str(v) for v in table.column(c)] for c in ("article_id", "speaker")}
    columns["start"] = [int(v) for v in table.column("start")]
    (folder / "columns.json").write_text(json.dumps(columns), encoding="utf-8")
    return {"n": len(table), "model": table.provenance.get("model")}


def ungd_table() -> Any:
    """The bundled 2017 speeches as in ``ungd_data.load_year`` (sentences of five words or
    more), without the voting data that function also reads."""
    from stancekit import read_articles
    from stancekit.datasets import load_ungd2017
    from stancekit.embed import embed
    from stancekit.segment import segment
    from ungd_data import unwrap

    arts = load_ungd2017()
    import pandas as pd

    frame = pd.DataFrame([{"id": a.id, "text": unwrap(a.text), **a.meta} for a in arts])
    frame["date"] = "2017-09-20"
    table = segment(read_articles(frame[["id", "text", "date", "speaker"]]))
    words = np.array([len(str(t).split()) for t in table.column("text")])
    return embed(table[words >= 5], progress=False)


def kremlin_table() -> Any:
    from stancekit.datasets import load_kremlin
    from stancekit.embed import embed
    from stancekit.segment import segment

    return embed(segment(load_kremlin()), progress=False)


# -- children -----------------------------------------------------------------------------
def _unigram_words(keywords: list[str], n: int) -> list[str]:
    """The first ``n`` distinct single words of a topic's terms (pairs split)."""
    out: list[str] = []
    for term in keywords:
        for word in term.split():
            if word and word not in out:
                out.append(word)
    return out[:n]


def child_stancekit(data: Path, seed: int) -> dict[str, Any]:
    import igraph  # noqa: F401  # imported by the fit on first use; imports are not timed
    import pandas as pd

    from stancekit.table import StatementTable
    from stancekit.topics import topics

    frame = pd.DataFrame(json.loads((data / "columns.json").read_text(encoding="utf-8")))
    frame["text"] = json.loads((data / "texts.json").read_text(encoding="utf-8"))
    frame["end"] = frame["start"] + frame["text"].str.len()
    table = StatementTable(frame).with_embeddings(np.load(data / "X.npy"), {"model": "MiniLM"})
    with RssPeak() as mem:
        t0 = time.perf_counter()
        model = topics(table, seed=seed, progress=False)
        fit_s = time.perf_counter() - t0
    np.save(data / f"stancekit-{seed}.npy", model.assignments)
    return {
        "fit_s": fit_s,
        "rss_start_mb": mem.start / 2**20,
        "fit_rss_growth_mb": (mem.peak - mem.start) / 2**20,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "k_choice": model.k_choice.reason,
        "labels": list(model.labels),
        "words": [
            _unigram_words([str(w) for w in model.keywords[t] if w], TOP_WORDS)
            for t in range(model.n_topics)
        ],
        "n_formulaic": model.n_formulaic,
    }


def child_bertopic(data: Path, seed: int) -> dict[str, Any]:
    import warnings

    warnings.simplefilter("ignore")
    import bertopic
    from bertopic import BERTopic
    from umap import UMAP

    X = np.load(data / "X.npy")
    docs = json.loads((data / "texts.json").read_text(encoding="utf-8"))

    def model_for(s: int) -> Any:
        umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=s)
        return BERTopic(embedding_model=None, umap_model=umap)

    warm = min(2000, len(docs))
    t0 = time.perf_counter()
    model_for(seed).fit_transform(docs[:warm], embeddings=X[:warm])
    warm_s = time.perf_counter() - t0
    with RssPeak() as mem:
        t0 = time.perf_counter()
        model = model_for(seed)
        found, _ = model.fit_transform(docs, embeddings=X)
        fit_s = time.perf_counter() - t0
    found = np.asarray(found, dtype=np.int64)
    np.save(data / f"bertopic-{seed}.npy", found)
    ids = [int(t) for t in np.unique(found[found >= 0])]
    return {
        "fit_s": fit_s,
        "warmup_fit_s_on_2000": warm_s,
        "rss_start_mb": mem.start / 2**20,
        "fit_rss_growth_mb": (mem.peak - mem.start) / 2**20,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "labels": [str(model.get_topic_info(t)["Name"].iloc[0]) for t in ids] if ids else [],
        "words": [_unigram_words([w for w, _ in model.get_topic(t)], TOP_WORDS) for t in ids],
        "version": bertopic.__version__,
    }


# -- scores -------------------------------------------------------------------------------
def coherence(words: list[list[str]], texts: list[str], article: list[str]) -> float:
    """Mean NPMI of word pairs within topics over windows of :data:`WINDOW` sentences."""
    windows: list[set[str]] = []
    by_article: dict[str, list[int]] = {}
    for i, art in enumerate(article):
        by_article.setdefault(art, []).append(i)
    tokens = [set(_WORD.findall(t.lower())) for t in texts]
    for rows in by_article.values():
        for s in range(max(1, len(rows) - WINDOW + 1)):
            windows.append(set().union(*(tokens[r] for r in rows[s : s + WINDOW])))
    vocab = sorted({w for top in words for w in top})
    index = {w: j for j, w in enumerate(vocab)}
    present = np.zeros((len(windows), len(vocab)), dtype=bool)
    for r, win in enumerate(windows):
        cols = [index[w] for w in win if w in index]
        present[r, cols] = True
    counts = present.astype(np.float64)
    p = counts.mean(axis=0)
    joint = (counts.T @ counts) / len(windows)
    scores = []
    for top in words:
        pairs = []
        for a, b in itertools.combinations([index[w] for w in top], 2):
            if joint[a, b] <= 0:
                pairs.append(-1.0)
                continue
            pmi = np.log(joint[a, b] / (p[a] * p[b]))
            pairs.append(float(pmi / -np.log(joint[a, b])) if joint[a, b] < 1 else 1.0)
        if pairs:
            scores.append(float(np.mean(pairs)))
    return float(np.mean(scores)) if scores else float("nan")


def diversity(words: list[list[str]]) -> float:
    """Share of distinct words among all topics' best words."""
    flat = [w for top in words for w in top[:TOP_WORDS]]
    return len(set(flat)) / max(len(flat), 1)


def cluster_scores(theme: npt.NDArray[np.int64], found: npt.NDArray[np.int64]) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    m = theme >= 0
    kept = m & (found >= 0)
    sizes = np.bincount(found[found >= 0])
    sizes = sizes[sizes > 0]
    return {
        "n_topics": int(sizes.size),
        "planted_ari": float(adjusted_rand_score(theme[m], found[m])),
        "planted_nmi": float(normalized_mutual_info_score(theme[m], found[m])),
        "planted_ari_assigned_only": float(adjusted_rand_score(theme[kept], found[kept])),
        "planted_nmi_assigned_only": float(normalized_mutual_info_score(theme[kept], found[kept])),
        "unassigned_share": float(np.mean(found < 0)),
        "size_min": int(sizes.min()) if sizes.size else 0,
        "size_median": float(np.median(sizes)) if sizes.size else 0.0,
        "size_max": int(sizes.max()) if sizes.size else 0,
        "largest_share": float(sizes.max() / found.size) if sizes.size else 0.0,
    }


def stability(runs: list[npt.NDArray[np.int64]]) -> dict[str, Any]:
    from sklearn.metrics import adjusted_rand_score

    pairs = [float(adjusted_rand_score(a, b)) for a, b in itertools.combinations(runs, 2)]
    return {"seed_ari_pairs": pairs, "seed_ari_mean": float(np.mean(pairs)) if pairs else None}


def courtesy_share(words: list[list[str]]) -> list[float]:
    """Share of courtesy/address words (the courtesy list and titles) among each topic's five
    best words."""
    from stancekit.formulaic import courtesy_words
    from stancekit.formulaic._lexical import _TITLES

    address = courtesy_words() | _TITLES
    return [sum(w in address for w in top[:5]) / max(len(top[:5]), 1) for top in words]


# -- development years ----------------------------------------------------------------------
def dev_years(years: tuple[int, ...]) -> list[dict[str, Any]]:
    """Planted-theme scores of the default and of its ablations on the development years
    (2014–2016, ``../shared/data/ungd_dev``): the evidence the defaults were chosen on."""
    from stancekit.topics import topics
    from ungd_data import load_year

    variants: dict[str, dict[str, Any]] = {
        "default": {},
        "no passage context": {"context": 0.0},
        "15 neighbours": {"n_neighbors": 15},
        "k-means, k = 25": {"n_topics": 25},
    }
    rows = []
    for year in years:
        table = load_year(year).table
        theme = planted([str(t) for t in table.column("text")])
        for name, options in variants.items():
            t0 = time.perf_counter()
            model = topics(table, progress=False, **options)
            row = {"year": year, "variant": name, "options": options}
            row |= {"fit_s": time.perf_counter() - t0} | cluster_scores(theme, model.assignments)
            print(json.dumps(row), file=sys.stderr)
            rows.append(row)
    return rows


# -- the parent ---------------------------------------------------------------------------
def run_child(python: str, args: list[str], threads: int) -> dict[str, Any]:
    """Run this script as a child (``bench_topics.run_child``)."""
    return bench_topics.run_child(python, args, threads, script=Path(__file__).resolve())


def tool_rows(
    name: str, corpus: str, folder: Path, python: str, threads: int
) -> tuple[dict[str, Any], list[npt.NDArray[np.int64]]]:
    runs, found = [], []
    child = "stancekit" if name == "stancekit" else "bertopic"
    for seed in SEEDS:
        args = ["--child", child, "--data", str(folder), "--seed", str(seed)]
        row = run_child(python, args, threads)
        if "error" in row:
            return {"tool": name, "corpus": corpus, "error": row["error"]}, []
        runs.append(row)
        found.append(np.load(folder / f"{child}-{seed}.npy"))
    first = runs[0]
    out = {
        "tool": name,
        "corpus": corpus,
        "fit_s": [r["fit_s"] for r in runs],
        "fit_s_median": statistics.median(r["fit_s"] for r in runs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "fit_rss_growth_mb": statistics.median(r["fit_rss_growth_mb"] for r in runs),
        "labels": first["labels"],
        "words": first["words"],
    }
    out |= {k: first[k] for k in ("k_choice", "n_formulaic", "version") if k in first}
    return out, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, help="results JSON (default benchmarks/results/)")
    parser.add_argument("--threads", type=int, default=1, help="threads per process (default 1)")
    parser.add_argument("--bertopic-python", help="interpreter of a venv with BERTopic")
    parser.add_argument("--skip-kremlin", action="store_true")
    parser.add_argument(
        "--skip-dev", action="store_true", help="skip the 2014-2016 development years"
    )
    parser.add_argument("--child", choices=["stancekit", "bertopic"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "stancekit":
        print(json.dumps(child_stancekit(args.data, args.seed)))
        return 0
    if args.child == "bertopic":
        print(json.dumps(child_bertopic(args.data, args.seed)))
        return 0
    return parent(args)


def parent(args: argparse.Namespace) -> int:
    import os

    from stancekit._atomic import atomic_write_text

    started = time.perf_counter()
    info = machine(args.threads)
    bt = bertopic_info(
        args.bertopic_python or os.environ.get("BERTOPIC_PYTHON", "/tmp/bt/bin/python")
    )
    result: dict[str, Any] = {
        "benchmark": "topics-real",
        "command": shlex.join(["python", "benchmarks/bench_topics_real.py", *sys.argv[1:]]),
        "machine": info,
        "bertopic": bt,
        "themes": THEMES,
        "seeds": list(SEEDS),
        "targets": {
            "n_topics": [15, 80],
            "planted_ari": 0.65,
            "planted_nmi": 0.70,
            "unassigned_share_max": 0.05,
            "seed_ari_mean": 0.80,
            "kremlin_small_talk_topics": 0,
            "time_bertopic_over_stancekit_min": 5.0,
            "peak_rss_stancekit_over_bertopic_max": 0.5,
        },
        "corpora": {},
        "results": [],
    }
    with tempfile.TemporaryDirectory(prefix="stancekit-bench-topics-real-") as tmp:
        folder = Path(tmp) / "ungd2017"
        folder.mkdir()
        table = ungd_table()
        texts = [str(t) for t in table.column("text")]
        theme = planted(texts)
        article = [str(a) for a in table.column("article_id")]
        result["corpora"]["ungd2017"] = write_table(folder, table) | {
            "planted": int(np.count_nonzero(theme >= 0)),
            "planted_per_theme": dict(
                zip(
                    THEMES,
                    np.bincount(theme[theme >= 0], minlength=len(THEMES)).tolist(),
                    strict=True,
                )
            ),
        }
        tools = [("stancekit", sys.executable)]
        if bt.get("available"):
            tools.append(("BERTopic", str(bt["python"])))
        for name, python in tools:
            row, found = tool_rows(name, "ungd2017", folder, python, args.threads)
            if found:
                row |= cluster_scores(theme, found[0]) | stability(found)
                row["coherence_npmi"] = coherence(row["words"], texts, article)
                row["diversity"] = diversity(row["words"])
            print(json.dumps({k: v for k, v in row.items() if k not in ("words", "labels")}),
                  file=sys.stderr)  # fmt: skip
            result["results"].append(row)
        if not args.skip_kremlin:
            folder = Path(tmp) / "kremlin"
            folder.mkdir()
            table = kremlin_table()
            result["corpora"]["kremlin"] = write_table(folder, table)
            row, found = tool_rows("stancekit", "kremlin", folder, sys.executable, args.threads)
            if found:
                shares = courtesy_share(row["words"])
                row |= {
                    "n_topics": len(row["labels"]),
                    "courtesy_share_top5": shares,
                    "small_talk_topics": [
                        lab for lab, s in zip(row["labels"], shares, strict=True) if s > 0.5
                    ],
                } | stability(found)
            result["results"].append(row)
    if not args.skip_dev:
        from ungd_data import available

        missing = available((2014, 2015, 2016))
        result["development_years"] = (
            {"skipped": missing} if missing else dev_years((2014, 2015, 2016))
        )
    ours = next((r for r in result["results"] if r["tool"] == "stancekit"), None)
    theirs = next(
        (r for r in result["results"] if r["tool"] == "BERTopic" and "error" not in r), None
    )
    if ours and theirs:
        result["ratios"] = {
            "time_bertopic_over_stancekit": theirs["fit_s_median"] / ours["fit_s_median"],
            "peak_rss_stancekit_over_bertopic": ours["peak_rss_mb"] / theirs["peak_rss_mb"],
            "fit_rss_growth_stancekit_over_bertopic": ours["fit_rss_growth_mb"]
            / max(theirs["fit_rss_growth_mb"], 1.0),
        }
    result["total_s"] = time.perf_counter() - started
    output = args.output or ROOT / "benchmarks" / "results" / "topics-real.json"
    atomic_write_text(output, json.dumps(result, indent=2) + "\n")
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
