"""Benchmark of stancekit.embed against plain sentence-transformers, warm cache and de-duplication.

Usage::

    python benchmarks/bench_embed.py --quick     # well under a minute after imports
    python benchmarks/bench_embed.py             # a few minutes
    python benchmarks/bench_embed.py --output benchmarks/results/embed.json --device cuda

What it measures, all in one process on the same model and the same texts:

1. throughput: sentences per second of ``stancekit.embed(table, cache=None)`` and of a plain
   ``SentenceTransformer.encode(texts, normalize_embeddings=True)`` on distinct sentences,
   median of several repeats run alternately, and the agreement of the two outputs;
2. warm cache: the same table again from a warm cache, and a cache of 100k statements (20k with
   ``--quick``) loaded in this process and in a fresh one (the fresh one includes importing
   stancekit and checking the model's digest, but never imports torch);
3. de-duplication: a corpus in which each statement appears ``r`` times (wire copy), plain
   encode of every row against stancekit, which encodes each distinct text once;
4. the LSA backend's speed on the same texts, for reference;
5. whether sentence-transformers' ONNX / OpenVINO backends can run here.

Sentences come from ``../shared/data/ungd2017/speeches.jsonl`` or the Kremlin readouts in
``../shared/data/kremlin/`` when present, else from a seeded synthetic generator. The large
warm-cache test stores random unit vectors under the real model's identity: it measures loading,
not encoding, and its speed-up is against the encoding rate measured in step 1.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from stancekit._atomic import atomic_write_text
from stancekit.embed import EmbeddingCache, SentenceTransformerEmbedder, embed, resolve_model
from stancekit.embed.cache import text_keys
from stancekit.embed.sentence import _quiet_loading
from stancekit.table import StatementTable

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
# CPU throughput of all-MiniLM-L6-v2 on real speech sentences is a few dozen per second on two
# cores, so the sizes are small; the warm-cache sizes are large because loading is cheap.
SIZES = {
    "quick": {
        "n": 48,
        "repeats": 3,
        "unique": 12,
        "times": 4,
        "dedup_repeats": 3,
        "warm_n": 20_000,
    },
    "full": {
        "n": 384,
        "repeats": 5,
        "unique": 96,
        "times": 4,
        "dedup_repeats": 3,
        "warm_n": 100_000,
    },
}
_WORDS = {
    "who": "China Russia Kyrgyzstan the two sides the ministry Japan the government".split(),
    "verb": "will deepen should expand firmly supports opposes welcomed is ready to".split(),
    "what": (
        "trade cooperation | the railway project | regional security | energy supplies | "
        "people-to-people exchanges | the Belt and Road Initiative | climate action | "
        "the United Nations charter | sanctions | investment in infrastructure | "
        "peace talks | digital economy | food security | border demarcation"
    ).split(" | "),
    "tail": (
        "in the coming years | on the basis of mutual respect | without interference | "
        "as agreed at the summit | for the benefit of both peoples | | "
        "in line with international law | despite the difficulties"
    ).split(" | "),
}


# -- corpus -------------------------------------------------------------------------------
def real_sentences(source: str) -> tuple[str, list[str]]:
    """Distinct sentences (30-300 characters) from the shared data, or ``("", [])``."""
    candidates = {
        "ungd": SHARED / "ungd2017" / "speeches.jsonl",
        "kremlin": SHARED / "kremlin" / "readouts.jsonl",
    }
    order = ["ungd", "kremlin"] if source == "auto" else [source]
    for name in order:
        path = candidates.get(name)
        if path is None or not path.is_file():
            continue
        seen: dict[str, None] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                text = str(json.loads(line).get("text", ""))
                for sent in re.split(r"(?<=[.!?])\s+", text):
                    sent = " ".join(sent.split())
                    if 30 <= len(sent) <= 300:
                        seen.setdefault(sent, None)
        return name, list(seen)
    return "", []


def synthetic_sentences(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct wire-style sentences, seeded."""
    rng = np.random.default_rng(seed)
    out: dict[str, None] = {}
    i = 0
    while len(out) < n:
        parts = [rng.choice(_WORDS[k]) for k in ("who", "verb", "what", "what", "tail")]
        sent = f"{parts[0]} {parts[1]} {parts[2]} and {parts[3]} {parts[4]}".strip()
        out.setdefault(f"{sent[0].upper()}{sent[1:]} (item {i}).", None)
        i += 1
    return list(out)


def corpus(n: int, source: str) -> tuple[str, list[str]]:
    name, real = ("", []) if source == "synthetic" else real_sentences(source)
    if len(real) >= n:
        rng = np.random.default_rng(0)
        return name, [real[i] for i in rng.permutation(len(real))[:n]]
    return "synthetic", synthetic_sentences(n)


def table_of(texts: list[str]) -> StatementTable:
    n = len(texts)
    return StatementTable(
        pd.DataFrame(
            {
                "article_id": [f"a{i // 10}" for i in range(n)],
                "speaker": [f"S{i % 7}" for i in range(n)],
                "text": texts,
                "start": np.zeros(n, dtype=np.int64),
                "end": np.array([len(t) for t in texts], dtype=np.int64),
            }
        )
    )


# -- timing -------------------------------------------------------------------------------
def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def alternate(fns: dict[str, Callable[[], Any]], repeats: int) -> dict[str, list[float]]:
    """Run each function ``repeats`` times, interleaved (ABAB...), to share any drift."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for r in range(repeats):
        names = list(fns) if r % 2 == 0 else list(reversed(fns))
        for k in names:
            times[k].append(timed(fns[k])[0])
    return times


def summary(times: list[float]) -> dict[str, Any]:
    return {"median_s": statistics.median(times), "runs_s": [round(t, 4) for t in times]}


# -- the measurements ---------------------------------------------------------------------
def bench_throughput(
    plain: Any, model: Path, texts: list[str], repeats: int, device: str | None
) -> dict[str, Any]:
    table = table_of(texts)

    def run_plain() -> Any:
        return plain.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )

    def run_ours() -> Any:
        return embed(table, model=model, cache=None, device=device, progress=False)

    times = alternate({"plain": run_plain, "stancekit": run_ours}, repeats)
    a = np.asarray(run_plain(), dtype=np.float32)
    b = run_ours().embeddings
    cos = np.sum(a * b, axis=1)
    med = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    return {
        "n_texts": len(texts),
        "plain": summary(times["plain"]) | {"sentences_per_s": len(texts) / med["plain"]},
        "stancekit": summary(times["stancekit"])
        | {"sentences_per_s": len(texts) / med["stancekit"]},
        "speed_ratio_stancekit_over_plain": med["plain"] / med["stancekit"],
        "speed_ratio_of_fastest_runs": best["plain"] / best["stancekit"],
        "stancekit_overhead": overhead(model, table, repeats, device),
        "agreement_min_cosine": float(cos.min()),
        "agreement_max_abs_diff": float(np.abs(a - b).max()),
    }


class _Timed:
    """Wraps the model stancekit uses and times its encode calls; everything else that
    ``embed`` does is stancekit's own cost. Unlike a plain-vs-stancekit ratio, this does not
    drown in the noise of a shared machine."""

    identity = None

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner, self.spent = inner, 0.0

    def encode(self, texts: Sequence[str]) -> Any:
        t0 = time.perf_counter()
        out = self.inner.encode(texts)
        self.spent += time.perf_counter() - t0
        return out


def overhead(model: Path, table: StatementTable, repeats: int, device: str | None) -> Any:
    inner = SentenceTransformerEmbedder(model, device=device, batch_size=64)
    own, total = [], []
    for _ in range(repeats):
        wrapped = _Timed(inner)
        t0 = time.perf_counter()
        embed(table, model=wrapped, cache=None, progress=False)
        seconds = time.perf_counter() - t0
        own.append(seconds - wrapped.spent)
        total.append(seconds)
    return {
        "median_s": statistics.median(own),
        "min_s": min(own),
        "fraction_of_run": statistics.median(own) / statistics.median(total),
        "runs_s": [round(t, 5) for t in own],
    }


def bench_warm(
    model: Path, texts: list[str], repeats: int, encode_s: float, device: str | None
) -> dict[str, Any]:
    table = table_of(texts)
    with tempfile.TemporaryDirectory(prefix="stancekit-bench-") as cache:
        cold_s, cold = timed(lambda: embed(table, model=model, cache=cache, progress=False))
        runs = [
            timed(lambda: embed(table, model=model, cache=cache, progress=False))[0]
            for _ in range(repeats)
        ]
        warm = embed(table, model=model, cache=cache, progress=False)
        assert cold.embeddings is not None and warm.embeddings is not None
        same = bool(np.array_equal(cold.embeddings, warm.embeddings))
    med = statistics.median(runs)
    return {
        "n_texts": len(texts),
        "cold_with_cache_write_s": cold_s,
        "warm": summary(runs),
        "encode_median_s": encode_s,
        "speedup_vs_encoding": encode_s / med,
        "warm_equals_cold": same,
    }


_FRESH = """
import json, sys, time
t0 = time.perf_counter()
from stancekit.embed import embed_texts
texts = [l.rstrip("\\n") for l in open(sys.argv[1], encoding="utf-8")]
t1 = time.perf_counter()
v = embed_texts(texts, model=sys.argv[2], cache=sys.argv[3], progress=False)
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "embed_s": t2 - t1, "total_s": t2 - t0,
                  "shape": list(v.shape), "torch_imported": "torch" in sys.modules}))
"""


def bench_large_warm(model: Path, n: int, repeats: int, rate: float) -> dict[str, Any]:
    texts = synthetic_sentences(n, seed=1)
    identity = SentenceTransformerEmbedder(model).identity
    rng = np.random.default_rng(1)
    with tempfile.TemporaryDirectory(prefix="stancekit-bench-") as tmp:
        cache = Path(tmp) / "cache"
        vectors = rng.normal(size=(n, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        fill_s, _ = timed(
            lambda: EmbeddingCache(cache).open().store(identity, text_keys(texts), vectors)
        )
        table = table_of(texts)
        runs = [
            timed(lambda: embed(table, model=model, cache=cache, progress=False))[0]
            for _ in range(repeats)
        ]
        listing = Path(tmp) / "texts.txt"
        listing.write_text("".join(t + "\n" for t in texts), encoding="utf-8")
        fresh = subprocess.run(
            [sys.executable, "-c", _FRESH, str(listing), str(model), str(cache)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        fresh_info = json.loads(fresh.stdout.strip().splitlines()[-1])
        n_shards = len(list(cache.rglob("*.skemb")))
    med = statistics.median(runs)
    estimate = n / rate
    return {
        "n_texts": n,
        "n_shards": n_shards,
        "store_s": fill_s,
        "warm_in_process": summary(runs) | {"texts_per_s": n / med},
        "warm_fresh_process": fresh_info,
        "estimated_encode_s": estimate,
        "estimated_speedup_in_process": estimate / med,
        "estimated_speedup_fresh_process": estimate / fresh_info["embed_s"],
        "note": "cache filled with random unit vectors under the model's identity; encode "
        "time estimated from the measured stancekit throughput",
    }


def bench_dedup(
    plain: Any, model: Path, unique: list[str], times_each: int, repeats: int, device: str | None
) -> dict[str, Any]:
    rng = np.random.default_rng(2)
    rows = [unique[i] for i in rng.permutation(np.repeat(np.arange(len(unique)), times_each))]
    table = table_of(rows)
    times = alternate(
        {
            "plain": lambda: plain.encode(
                rows, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            ),
            "stancekit": lambda: embed(
                table, model=model, cache=None, device=device, progress=False
            ),
        },
        repeats,
    )
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "n_rows": len(rows),
        "n_distinct": len(unique),
        "plain": summary(times["plain"]),
        "stancekit": summary(times["stancekit"]),
        "speedup": med["plain"] / med["stancekit"],
    }


def bench_lsa(texts: list[str], repeats: int) -> dict[str, Any]:
    table = table_of(texts)
    runs = [
        timed(lambda: embed(table, model="lsa", cache=None, progress=False))[0]
        for _ in range(repeats)
    ]
    med = statistics.median(runs)
    return summary(runs) | {"n_texts": len(texts), "sentences_per_s": len(texts) / med}


def other_backends() -> dict[str, str]:
    out = {}
    for pkg, backend in (("onnxruntime", "onnx"), ("optimum", "onnx"), ("openvino", "openvino")):
        found = importlib.util.find_spec(pkg) is not None
        out[pkg] = "installed" if found else f"not installed (needed by backend={backend!r})"
    return out


def machine(device: str | None) -> dict[str, Any]:
    import torch

    cpu = platform.processor()
    with_cpuinfo = Path("/proc/cpuinfo")
    if with_cpuinfo.is_file():
        m = re.search(r"model name\s*:\s*(.+)", with_cpuinfo.read_text())
        cpu = m.group(1).strip() if m else cpu
    versions = {}
    for dist in ("stancekit", "numpy", "torch", "sentence-transformers", "transformers"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "missing"
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "load_average_at_start": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "device": device or ("cuda" if torch.cuda.is_available() else "cpu"),
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "versions": versions,
    }


# -- main ---------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (well under a minute)")
    parser.add_argument("--output", type=Path, help="results JSON (default benchmarks/results/)")
    parser.add_argument("--device", help="torch device (default: automatic)")
    parser.add_argument(
        "--source", default="auto", choices=["auto", "ungd", "kremlin", "synthetic"]
    )
    args = parser.parse_args(argv)
    mode = "quick" if args.quick else "full"
    size = SIZES[mode]
    output = (
        args.output
        or ROOT / "benchmarks" / "results" / f"embed{'-quick' if args.quick else ''}.json"
    )
    started = time.perf_counter()
    info = {"machine": machine(args.device)}  # before the model: records the load

    from sentence_transformers import SentenceTransformer

    with tempfile.TemporaryDirectory(prefix="stancekit-models-") as models:
        model = resolve_model(models_dir=Path(models)).path
        source, texts = corpus(size["n"], args.source)
        _, unique = corpus(size["unique"], args.source)
        with _quiet_loading():
            plain = SentenceTransformer(str(model), device=args.device)
        plain.encode(texts[:32], show_progress_bar=False)  # warm-up, both sides
        embed(table_of(texts[:32]), model=model, cache=None, device=args.device, progress=False)
        print(f"{mode}: {len(texts)} sentences from {source}", file=sys.stderr)
        thr = bench_throughput(plain, model, texts, size["repeats"], args.device)
        print(f"throughput: {json.dumps(thr)}", file=sys.stderr)
        enc_s = thr["stancekit"]["median_s"]
        warm = bench_warm(model, texts, size["repeats"], enc_s, args.device)
        print(f"warm: {json.dumps(warm)}", file=sys.stderr)
        rate = thr["stancekit"]["sentences_per_s"]
        large = bench_large_warm(model, size["warm_n"], size["repeats"], rate)
        print(f"large warm: {json.dumps(large)}", file=sys.stderr)
        dedup = bench_dedup(plain, model, unique, size["times"], size["dedup_repeats"], args.device)
        print(f"dedup: {json.dumps(dedup)}", file=sys.stderr)
        lsa = bench_lsa(texts, size["repeats"])
    result = {
        "benchmark": "embed",
        "mode": mode,
        "command": " ".join(["python", "benchmarks/bench_embed.py", *(argv or sys.argv[1:])]),
        "model": "all-MiniLM-L6-v2",
        "corpus_source": source,
        **info,
        "throughput": thr,
        "warm_cache": warm,
        "warm_cache_large": large,
        "dedup": dedup,
        "lsa": lsa,
        "other_backends": other_backends(),
        "wall_s": time.perf_counter() - started,
    }
    atomic_write_text(output, json.dumps(result, indent=2) + "\n")
    print(report(result), file=sys.stderr)
    print(f"wrote {output}", file=sys.stderr)
    return 0


def report(r: dict[str, Any]) -> str:
    t, w, lw, d = r["throughput"], r["warm_cache"], r["warm_cache_large"], r["dedup"]
    return "\n".join(
        [
            f"mode {r['mode']}, {r['machine']['device']}, corpus {r['corpus_source']}",
            f"plain ST encode     {t['plain']['sentences_per_s']:9.1f} sentences/s",
            f"stancekit.embed     {t['stancekit']['sentences_per_s']:9.1f} sentences/s "
            f"(x{t['speed_ratio_stancekit_over_plain']:.2f} of medians, "
            f"x{t['speed_ratio_of_fastest_runs']:.2f} of fastest runs; min cosine "
            f"{t['agreement_min_cosine']:.6f})",
            f"stancekit's own time {t['stancekit_overhead']['median_s'] * 1e3:8.1f} ms per run "
            f"(fastest {t['stancekit_overhead']['min_s'] * 1e3:.1f} ms; "
            f"{t['stancekit_overhead']['fraction_of_run']:.2%} of a run)",
            f"warm cache, n={w['n_texts']:<7d} {w['warm']['median_s'] * 1e3:9.1f} ms "
            f"(x{w['speedup_vs_encoding']:.0f} vs encoding)",
            f"warm cache, n={lw['n_texts']:<7d} {lw['warm_in_process']['median_s']:9.3f} s in "
            f"process (x{lw['estimated_speedup_in_process']:.0f}), "
            f"{lw['warm_fresh_process']['embed_s']:.3f} s fresh "
            f"(x{lw['estimated_speedup_fresh_process']:.0f})",
            f"dedup {d['n_rows']} rows / {d['n_distinct']} distinct: x{d['speedup']:.2f}",
            f"lsa                 {r['lsa']['sentences_per_s']:9.1f} sentences/s",
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main())
