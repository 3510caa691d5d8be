"""Speed, memory and validity of the comparison core (issue 5).

Usage::

    python benchmarks/bench_core.py [--quick] [--output benchmarks/results/core.json]
                                    [--only SECTION ...]

Each ratio is measured in one run, with the two sides interleaved and the median of several
repeats taken, so that a busy machine slows both alike:

1. ``gemm``: the soft-alignment matrix for all speaker pairs against the same machine's float32
   matrix multiply of the same shape (the full ``n x n x d`` product, in row blocks, best block
   size of a few);
2. ``loop``: the same matrix against a per-pair Python loop at 5,000 speakers x 10 statements
   (the loop is timed on a random sample of pairs and extrapolated to all of them);
3. ``echoes``: top-k cross-statement pairs against sentence-transformers'
   ``util.paraphrase_mining_embeddings`` with the same top-k (results compared);
4. ``memory``: peak memory (tracemalloc) of centroid similarity and of echoes, 10k to 1M
   statements (quick: to 100k);
5. ``planted`` and ``coverage``: recovery of planted positions (Spearman) and bootstrap
   interval coverage on :mod:`synthetic` corpora.

Validity on real speeches (UN General Debate 2014–2017 against voting agreement) is measured
by ``bench_ungd.py``; calibration of the all-pairs dyad matrix by ``bench_dyads.py``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic
from stancekit._atomic import atomic_write_text
from stancekit.compare._pair import score_pair
from stancekit.core import (
    centroid_similarity,
    soft_precision,
    top_pairs,
)

ROOT = Path(__file__).resolve().parents[1]
SIZES = {
    "quick": {"gemm": (6_000, 60), "loop": 1_000, "loop_sample": 3_000, "echo_n": 3_000,
              "memory": [10_000, 100_000], "repeats": 5, "coverage_reps": 25, "speakers": 12},
    "full": {"gemm": (50_000, 500), "loop": 5_000, "loop_sample": 20_000, "echo_n": 20_000,
             "memory": [10_000, 100_000, 1_000_000], "repeats": 3, "coverage_reps": 200,
             "speakers": 20},
}  # fmt: skip
DIM = 384
ECHO_K = 100


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def interleaved(fns: dict[str, Callable[[], Any]], repeats: int) -> dict[str, dict[str, Any]]:
    """Run each function ``repeats`` times, alternating; medians and all runs."""
    runs: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            runs[name].append(timed(fn)[0])
    return {k: {"median_s": float(np.median(v)), "runs_s": [round(x, 4) for x in v]}
            for k, v in runs.items()}  # fmt: skip


def gemm_reference(X: np.ndarray, block: int) -> Callable[[], None]:
    """The full ``X @ X.T`` product in row blocks into one reused buffer."""
    n = X.shape[0]
    buf = np.empty(block * n, dtype=np.float32)

    def run() -> None:
        for r0 in range(0, n, block):
            b = min(block, n - r0)
            np.matmul(X[r0 : r0 + b], X.T, out=buf[: b * n].reshape(b, n))

    return run


def bench_gemm(cfg: dict[str, Any]) -> dict[str, Any]:
    n, S = cfg["gemm"]
    X, sp = synthetic.random_corpus(n, S, dim=DIM, seed=1, skew=1.0)
    sub = X[: max(2048, n // 8)]
    best = max((1024, 2048, 4096), key=lambda b: 1.0 / timed(gemm_reference(sub, b))[0])
    res = interleaved(
        {"gemm": gemm_reference(X, best), "soft": lambda: soft_precision(X, sp, S)},
        cfg["repeats"],
    )
    flops = 2.0 * n * n * DIM
    g, s = res["gemm"]["median_s"], res["soft"]["median_s"]
    return {
        "n_statements": n, "n_speakers": S, "dim": DIM, "gemm_block_rows": best, **res,
        "gemm_gflops": flops / g / 1e9, "soft_effective_gflops": flops / s / 1e9,
        "ratio_soft_throughput_over_gemm": g / s, "target": ">= 0.85",
        "note": "the kernel computes only the upper triangle of the symmetric cosine matrix, "
        "so its effective throughput on the full product's flop count can exceed 1",
    }  # fmt: skip


def pair_loop(X: np.ndarray, groups: list[np.ndarray], pairs: np.ndarray) -> np.ndarray:
    """The per-pair loop a user would write (both directions from one product)."""
    out = np.empty((len(pairs), 2))
    for k, (a, b) in enumerate(pairs):
        K = groups[a] @ groups[b].T
        out[k] = K.max(axis=1).mean(), K.max(axis=0).mean()
    return out


def bench_loop(cfg: dict[str, Any]) -> dict[str, Any]:
    S = cfg["loop"]
    X, sp = synthetic.random_corpus(S * 10, S, dim=DIM, seed=2, skew=0.0)
    groups = [X[sp == g] for g in range(S)]
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, S, (cfg["loop_sample"], 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    box: dict[str, Any] = {}
    res = interleaved(
        {
            "loop_sample": lambda: box.__setitem__("loop", pair_loop(X, groups, pairs)),
            "kernel": lambda: box.__setitem__("P", soft_precision(X, sp, S)),
        },
        2 if S > 2000 else cfg["repeats"],
    )
    n_pairs = S * (S - 1) / 2
    loop_all = res["loop_sample"]["median_s"] / len(pairs) * n_pairs
    P = box["P"]
    ref = np.stack([P[pairs[:, 0], pairs[:, 1]], P[pairs[:, 1], pairs[:, 0]]], axis=1)
    return {
        "n_speakers": S, "statements_per_speaker": 10, "dim": DIM, **res,
        "loop_pairs_timed": len(pairs), "loop_us_per_pair": loop_all / n_pairs * 1e6,
        "loop_all_pairs_s_extrapolated": loop_all,
        "ratio_loop_over_kernel": loop_all / res["kernel"]["median_s"],
        "max_abs_diff_vs_loop": float(np.abs(ref - box["loop"]).max()), "target": ">= 20",
    }  # fmt: skip


def bench_echoes(cfg: dict[str, Any]) -> dict[str, Any]:
    import torch
    from sentence_transformers import util

    n = cfg["echo_n"]
    X, _ = synthetic.random_corpus(n, 1, dim=DIM, seed=3)
    T = torch.from_numpy(X)
    box: dict[str, Any] = {}

    def ours() -> None:
        box["ours"] = top_pairs(X, k=ECHO_K)

    def theirs() -> None:
        box["st"] = util.paraphrase_mining_embeddings(T, top_k=ECHO_K, max_pairs=ECHO_K)

    res = interleaved({"paraphrase_mining": theirs, "stancekit": ours}, cfg["repeats"])
    s, i, j = box["ours"]
    st_pairs = [(int(a), int(b)) for _, a, b in box["st"]]
    st_scores = np.array([x[0] for x in box["st"]])
    return {
        "n_statements": n, "dim": DIM, "top_k": ECHO_K, "torch_threads": torch.get_num_threads(),
        **res,
        "ratio_paraphrase_mining_over_stancekit": res["paraphrase_mining"]["median_s"]
        / res["stancekit"]["median_s"],
        "same_pairs": st_pairs == list(zip(i.tolist(), j.tolist(), strict=True)),
        "max_abs_score_diff": float(np.abs(st_scores - s).max()), "target": ">= 1.5",
    }  # fmt: skip


def peak(fn: Callable[[], Any]) -> tuple[float, int]:
    tracemalloc.start()
    tracemalloc.reset_peak()
    t, _ = timed(fn)
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return t, top


def bench_memory(cfg: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for n in cfg["memory"]:
        S = max(10, n // 1000)
        X, sp = synthetic.random_corpus(n, S, dim=DIM, seed=4, skew=1.0)
        rows_a = np.flatnonzero(sp == 0)[:1000]
        others = sp.copy()
        t_c, m_c = peak(lambda X=X, sp=sp, S=S: centroid_similarity(X, sp, S))
        t_e, m_e = peak(
            lambda X=X, a=rows_a, o=others: top_pairs(X[a], X, k=10, groups_a=o[a], groups_b=o)
        )
        rows.append({
            "n_statements": n, "n_speakers": S, "embeddings_bytes": X.nbytes,
            "centroid_similarity": {"seconds": t_c, "peak_extra_bytes": m_c},
            "echoes_one_speaker_vs_all": {"n_a": int(rows_a.size), "seconds": t_e,
                                          "peak_extra_bytes": m_e},
        })  # fmt: skip
        del X, sp
    worst = max(max(r["centroid_similarity"]["peak_extra_bytes"],
                    r["echoes_one_speaker_vs_all"]["peak_extra_bytes"]) for r in rows)  # fmt: skip
    return {
        "method": "tracemalloc peak of allocations during the call (numpy buffers included), "
        "embeddings excluded", "curve": rows, "max_peak_extra_bytes": worst,
        "within_embeddings_plus_1GiB": bool(worst <= 2**30), "target": "<= embeddings + 1 GiB",
    }  # fmt: skip


def bench_planted(cfg: dict[str, Any]) -> dict[str, Any]:
    from stancekit.compare import agenda_overlap, position_similarity, similarity

    c = synthetic.planted_corpus(
        n_speakers=cfg["speakers"], n_topics=6, statements_per_speaker=300, noise=1.5, seed=5
    )
    table = synthetic.to_table(c)
    iu = np.triu_indices(c.theta.shape[0], 1)
    out: dict[str, Any] = {"params": c.params, "n_dyads": int(iu[0].size)}
    planted_pos = c.planted_position()[iu]
    agenda_true = 1 - synthetic_js(c.shares)[iu]
    for method in ("soft", "centroid"):
        pos = position_similarity(table, topics="topic", method=method).values[iu]
        plain = similarity(table, method=method).values[iu]
        out[method] = {
            "spearman_position_vs_planted_position": float(spearmanr(pos, planted_pos)[0]),
            "spearman_plain_vs_planted_position": float(spearmanr(plain, planted_pos)[0]),
            "spearman_plain_vs_planted_agenda": float(spearmanr(plain, agenda_true)[0]),
        }
    agenda = agenda_overlap(table, topics="topic").values[iu]
    out["spearman_agenda_overlap_vs_planted_agenda"] = float(spearmanr(agenda, agenda_true)[0])
    per_topic = []
    codes = table.column("topic")
    for t, name in enumerate(c.topic_names):
        rows = np.flatnonzero(codes == name)
        sub = table.take(rows)
        m = similarity(sub, method="soft").values
        labels = [int(s[1:]) for s in sub.speakers]
        tri = np.triu_indices(len(labels), 1)
        truth = c.theta[labels, t][:, None] * c.theta[labels, t][None, :]
        per_topic.append((m[tri], truth[tri]))
    scores = np.concatenate([p[0] for p in per_topic])
    truth = np.concatenate([p[1] for p in per_topic])
    out["soft_within_topic_vs_planted_agreement"] = float(spearmanr(scores, truth)[0])
    out["target"] = "Spearman >= 0.95"
    return out


def synthetic_js(shares: np.ndarray) -> np.ndarray:
    from stancekit.core import js_overlap

    return 1 - js_overlap(shares)


def bench_coverage(cfg: dict[str, Any]) -> dict[str, Any]:
    reps = cfg["coverage_reps"]
    out: dict[str, Any] = {"replicates": reps, "level": 0.95, "n_bootstrap": 300}
    for n_per in (30, 100):
        found: dict[str, list[tuple[float, float, float]]] = {"soft": [], "centroid": []}
        for r in range(reps):
            c = synthetic.planted_corpus(n_speakers=2, n_topics=4, statements_per_speaker=n_per,
                                         noise=1.5, seed=6, sample_seed=r)  # fmt: skip
            a, b = np.flatnonzero(c.speaker == 0), np.flatnonzero(c.speaker == 1)
            for method, acc in found.items():
                q = score_pair(c.X, a, b, None, method=method, n_permutations=0, n_bootstrap=300,
                               level=0.95, alternative="greater", seed=[r])  # fmt: skip
                acc.append((q.score, q.ci_low, q.ci_high))
        row: dict[str, Any] = {}
        for method, acc in found.items():
            v = np.array(acc)
            target = float(v[:, 0].mean())  # E[score] at this sample size
            row[method] = {
                "estimand_mean_score": target, "sd_score": float(v[:, 0].std(ddof=1)),
                "coverage": float(np.mean((v[:, 1] <= target) & (target <= v[:, 2]))),
                "mean_width": float(np.mean(v[:, 2] - v[:, 1])),
            }  # fmt: skip
        out[f"statements_per_speaker_{n_per}"] = row
    return out


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    info = Path("/proc/cpuinfo")
    if info.is_file():
        m = re.search(r"model name\s*:\s*(.+)", info.read_text())
        cpu = m.group(1).strip() if m else cpu
    versions = {}
    for dist in ("stancekit", "numpy", "scipy", "torch", "sentence-transformers"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "missing"
    blas: Any = None
    try:
        from threadpoolctl import threadpool_info

        blas = [{k: d.get(k) for k in ("internal_api", "num_threads", "architecture")}
                for d in threadpool_info() if d.get("user_api") == "blas"]  # fmt: skip
    except ImportError:
        pass
    return {
        "platform": platform.platform(), "python": platform.python_version(), "cpu": cpu,
        "cpu_count": os.cpu_count(), "blas": blas, "versions": versions,
        "load_average_at_start": list(os.getloadavg()),
    }  # fmt: skip


SECTIONS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "gemm": bench_gemm,
    "loop": bench_loop,
    "echoes": bench_echoes,
    "memory": bench_memory,
    "planted": bench_planted,
    "coverage": bench_coverage,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (well under a minute)")
    ap.add_argument("--output", type=Path, default=None, help="results JSON (written atomically)")
    ap.add_argument("--only", nargs="+", choices=list(SECTIONS), help="run these sections")
    args = ap.parse_args(argv)
    mode = "quick" if args.quick else "full"
    cfg = SIZES[mode]
    output = (
        args.output
        or ROOT / "benchmarks" / "results" / f"core{'-quick' if args.quick else ''}.json"
    )
    command = "python benchmarks/bench_core.py" + (" --quick" if args.quick else "")
    result: dict[str, Any] = {"benchmark": "core", "mode": mode, "command": command,
                              "machine": machine()}  # fmt: skip
    wanted = args.only or list(SECTIONS)
    for name, fn in SECTIONS.items():
        if name in wanted:
            t, result[name] = timed(lambda fn=fn: fn(cfg))
            print(f"{name}: {t:.1f} s  {json.dumps(result[name], default=str)[:300]}", flush=True)
    result["machine"]["load_average_at_end"] = list(os.getloadavg())
    atomic_write_text(output, json.dumps(result, indent=2, default=float) + "\n")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
