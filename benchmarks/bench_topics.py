"""Benchmark of stancekit.topics against BERTopic on the same precomputed embeddings.

Usage::

    python benchmarks/bench_topics.py --quick      # 2k and 10k statements, stancekit only (~1 min)
    python benchmarks/bench_topics.py              # 10k and 100k, both tools, and 1M for stancekit
    python benchmarks/bench_topics.py --bertopic-python /tmp/bt/bin/python --threads 1

What it measures on a synthetic corpus with planted topics (see :func:`make_corpus`):

1. wall time of the fit (median of repeats) and memory: the peak resident set size of the
   process and the growth of the resident set during the fit (sampled every 5 ms), each fit in
   a fresh subprocess so that nothing is shared between tools or sizes;
2. agreement with the planted topics: the adjusted Rand index (ARI) over all statements, with
   outliers as one more cluster, and over the statements not left out;
3. the share of statements left in an outlier topic (``-1``);
4. label accuracy: the share of topics whose three best c-TF-IDF words are all planted
   keywords of the planted topic most of their statements come from.

A second, real corpus answers the question that synthetic data cannot: how many statements
land in an outlier topic on real text. Sentences of the 2017 UN General Assembly speeches
(``../shared/data/ungd2017/speeches.jsonl``, when present; ``--real N`` sentences, 3,000 by
default, 0 to skip) are embedded with all-MiniLM-L6-v2 (stancekit's default model, cached) and
given to both tools; there is no planted truth, so only time, memory, topics found and the
outlier share are reported.

stancekit runs its default (``method="auto"``: graph communities, the number found), k-means
with ``n_topics="auto"`` (k from the graph) and HDBSCAN; BERTopic runs its
defaults (UMAP to 5 dimensions, then HDBSCAN with ``min_cluster_size=10``) on the same
embeddings through ``fit_transform(docs, embeddings=X)``, so only the clustering and the
keywords are compared. BERTopic lives in a separate virtual environment (it is never a
dependency of stancekit): ``--bertopic-python`` names its interpreter (default: the
``$BERTOPIC_PYTHON`` variable, else ``/tmp/bt/bin/python``); when it is missing the results say
so and stancekit's numbers are still reported. Its first fit in a process compiles UMAP's numba
code; a small warm-up fit pays for that before the timed fits (the compile time is reported).

All numerical libraries get ``--threads`` threads (default 1: on a small shared machine more
threads are slower); the machine's load average is recorded with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
UNGD = ROOT.parent / "shared" / "data" / "ungd2017" / "speeches.jsonl"
SIZES = {
    "quick": {"sizes": [2_000, 10_000], "repeats": 3, "bertopic": False, "million": False},
    "full": {"sizes": [10_000, 100_000], "repeats": 3, "bertopic": True, "million": True},
}
REAL = "real"  # the size key of the UNGD corpus
_STEMS = ("corridor", "accord", "summit", "reform", "tariff")
_COMMON = ("cooperation", "partnership", "development", "relations", "bilateral", "region")
_CHUNK = 65536


# -- corpus -------------------------------------------------------------------------------
def make_corpus(
    n: int,
    *,
    n_topics: int = 20,
    n_speakers: int = 50,
    dim: int = 384,
    seed: int = 0,
    stance: float = 0.6,
    noise: float = 1.2,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], npt.NDArray[np.int64], list[str]]:
    """Statements with planted topics, speaker positions and keywords.

    Statement ``i`` of speaker ``s`` on topic ``t`` is the unit vector along
    ``U[t] + stance * (theta[s,t] V[t] + sqrt(1 - theta[s,t]^2) W[s,t]) + noise * g / sqrt(d)``
    with random unit directions ``U``, ``V``, ``W``, positions ``theta`` in ``[-1, 1]`` and
    isotropic noise ``g``; topic sizes follow a Dirichlet(2) draw, so they are unequal. Its
    text holds three of the topic's five planted keywords (``corridor07``...), two words
    common to all topics and two words from a random 2,000-word vocabulary.

    Returns
    -------
    X
        ``(n, dim)`` float32 unit rows (built in chunks: no float64 copy of the whole).
    topic, speaker
        ``(n,)`` planted codes.
    texts
        ``n`` statement texts.
    """
    rng = np.random.default_rng(seed)

    def unit(shape: tuple[int, ...]) -> npt.NDArray[np.float64]:
        v = rng.standard_normal(shape)
        return np.asarray(v / np.linalg.norm(v, axis=-1, keepdims=True))

    U, V, W = unit((n_topics, dim)), unit((n_topics, dim)), unit((n_speakers, n_topics, dim))
    theta = rng.uniform(-1.0, 1.0, (n_speakers, n_topics))
    topic = rng.choice(n_topics, size=n, p=rng.dirichlet(np.full(n_topics, 2.0)))
    speaker = rng.integers(0, n_speakers, n)
    X = np.empty((n, dim), dtype=np.float32)
    for r0 in range(0, n, _CHUNK):
        t, s = topic[r0 : r0 + _CHUNK], speaker[r0 : r0 + _CHUNK]
        th = theta[s, t][:, None]
        block = U[t] + stance * (th * V[t] + np.sqrt(1.0 - th**2) * W[s, t])
        block += noise * rng.standard_normal(block.shape) / np.sqrt(dim)
        X[r0 : r0 + t.size] = block / np.linalg.norm(block, axis=1, keepdims=True)
    kw = rng.integers(0, len(_STEMS), (n, 3))
    common = rng.integers(0, len(_COMMON), (n, 2))
    rand = rng.integers(0, 2000, (n, 2))
    texts = [
        f"The {_COMMON[c0]} of {_STEMS[k0]}{t:02d} and {_STEMS[k1]}{t:02d} needs w{r0} "
        f"{_STEMS[k2]}{t:02d} and {_COMMON[c1]} w{r1}"
        for t, (k0, k1, k2), (c0, c1), (r0, r1) in zip(topic, kw, common, rand, strict=True)
    ]
    return X, topic.astype(np.int64), speaker.astype(np.int64), texts


def write_corpus(folder: Path, n: int, seed: int = 0) -> dict[str, Any]:
    X, topic, speaker, texts = make_corpus(n, seed=seed)
    np.save(folder / "X.npy", X)
    np.save(folder / "topic.npy", topic)
    np.save(folder / "speaker.npy", speaker)
    (folder / "texts.txt").write_text("\n".join(texts) + "\n", encoding="utf-8")
    return {"n": n, "n_topics": 20, "n_speakers": 50, "dim": int(X.shape[1]), "seed": seed}


def write_real_corpus(folder: Path, n: int, seed: int = 0) -> dict[str, Any] | None:
    """``n`` distinct UNGD 2017 sentences (30-300 characters), embedded with stancekit's
    default model; ``None`` when the data is not there."""
    import re

    import pandas as pd

    from stancekit.embed import embed
    from stancekit.table import StatementTable

    if not UNGD.is_file() or n <= 0:
        return None
    seen: dict[str, str] = {}
    for line in UNGD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for sent in re.split(r"(?<=[.!?])\s+", str(record.get("text", ""))):
            sent = " ".join(sent.split())
            if 30 <= len(sent) <= 300:
                seen.setdefault(sent, str(record.get("speaker", "")))
    texts = list(seen)
    pick = np.sort(np.random.default_rng(seed).permutation(len(texts))[:n])
    texts = [texts[i] for i in pick]
    frame = pd.DataFrame(
        {"article_id": "ungd", "speaker": [seen[t] for t in texts], "text": texts,
         "start": 0, "end": 0}
    )  # fmt: skip
    table = embed(StatementTable(frame), progress=False)
    assert table.embeddings is not None
    np.save(folder / "X.npy", table.embeddings)
    np.save(folder / "speaker.npy", pd.factorize(frame["speaker"])[0].astype(np.int64))
    (folder / "texts.txt").write_text("\n".join(texts) + "\n", encoding="utf-8")
    return {
        "n": len(texts),
        "source": str(UNGD.relative_to(ROOT.parent)),
        "model": table.provenance.get("model"),
        "dim": int(table.embeddings.shape[1]),
    }


# -- measuring in a child process ---------------------------------------------------------
def _rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class RssPeak:
    """Peak resident set size while the block runs (sampled every 5 ms)."""

    def __enter__(self) -> RssPeak:
        self.start = self.peak = _rss_bytes()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def _poll(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss_bytes())

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_bytes())


def _ari(truth: npt.NDArray[np.int64] | None, found: npt.NDArray[np.int64]) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    kept = found >= 0
    if truth is None:
        return {"outlier_share": float(np.mean(~kept))}
    return {
        "ari": float(adjusted_rand_score(truth, found)),
        "ari_clustered": float(adjusted_rand_score(truth[kept], found[kept]))
        if kept.any()
        else float("nan"),
        "outlier_share": float(np.mean(~kept)),
    }


def _label_accuracy(
    truth: npt.NDArray[np.int64] | None, found: npt.NDArray[np.int64], words: dict[int, list[str]]
) -> float | None:
    if truth is None:
        return None
    good = 0
    for t, top in words.items():
        members = truth[found == t]
        if members.size == 0:
            continue
        planted = int(np.bincount(members).argmax())
        good += all(w.endswith(f"{planted:02d}") and w[:-2] in _STEMS for w in top[:3])
    return good / max(len(words), 1)


def _truth(data: Path) -> npt.NDArray[np.int64] | None:
    path = data / "topic.npy"
    return np.load(path) if path.is_file() else None


def _fit_timed(fit: Any, repeats: int) -> tuple[Any, list[float], RssPeak]:
    times: list[float] = []
    with RssPeak() as mem:
        t0 = time.perf_counter()
        result = fit()
        times.append(time.perf_counter() - t0)
    for _ in range(repeats - 1):
        t0 = time.perf_counter()
        fit()
        times.append(time.perf_counter() - t0)
    return result, times, mem


def child_stancekit(data: Path, method: str, repeats: int) -> dict[str, Any]:
    import pandas as pd

    from stancekit.table import StatementTable
    from stancekit.topics import topics

    X = np.load(data / "X.npy")
    truth = _truth(data)
    texts = (data / "texts.txt").read_text(encoding="utf-8").splitlines()
    speaker = np.load(data / "speaker.npy")
    frame = pd.DataFrame(
        {"article_id": "a", "speaker": speaker.astype(str), "text": texts, "start": 0, "end": 0}
    )
    table = StatementTable(frame).with_embeddings(X, {"model": "synthetic"})
    del X, frame
    model, times, mem = _fit_timed(lambda: topics(table, method=method, progress=False), repeats)
    words = {t: [str(w) for w in model.keywords[t, :3]] for t in range(model.n_topics)}
    return {
        "fit_s": times,
        "rss_start_mb": mem.start / 2**20,
        "fit_rss_growth_mb": (mem.peak - mem.start) / 2**20,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "topics_found": model.n_topics,
        "k_choice": model.k_choice.reason,
        "label_accuracy": _label_accuracy(truth, model.assignments, words),
        **_ari(truth, model.assignments),
    }


def child_bertopic(data: Path, repeats: int) -> dict[str, Any]:
    import warnings

    warnings.simplefilter("ignore")
    t_import = time.perf_counter()
    import bertopic
    from bertopic import BERTopic

    t_import = time.perf_counter() - t_import
    X = np.load(data / "X.npy")
    truth = _truth(data)
    docs = (data / "texts.txt").read_text(encoding="utf-8").splitlines()
    warm = min(2000, len(docs))
    t0 = time.perf_counter()
    BERTopic(embedding_model=None).fit_transform(docs[:warm], embeddings=X[:warm])
    warm_s = time.perf_counter() - t0

    def fit() -> Any:
        model = BERTopic(embedding_model=None)
        found, _ = model.fit_transform(docs, embeddings=X)
        return model, np.asarray(found, dtype=np.int64)

    (model, found), times, mem = _fit_timed(fit, repeats)
    words = {int(t): [w for w, _ in model.get_topic(int(t))] for t in np.unique(found[found >= 0])}
    return {
        "fit_s": times,
        "rss_start_mb": mem.start / 2**20,
        "fit_rss_growth_mb": (mem.peak - mem.start) / 2**20,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "topics_found": len(words),
        "import_s": t_import,
        "warmup_fit_s_on_2000": warm_s,
        "version": bertopic.__version__,
        "label_accuracy": _label_accuracy(truth, found, words),
        **_ari(truth, found),
    }


# -- the parent: corpus, children, summary ------------------------------------------------
def run_child(
    python: str,
    args: list[str],
    threads: int,
    timeout: float = 3600,
    script: Path | None = None,
) -> dict[str, Any]:
    """Run ``script`` (default: this one) as a child; its last stdout line is its JSON
    result."""
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
        env[var] = str(threads)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    cmd = [python, str(script or Path(__file__).resolve()), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"error": f"exit {proc.returncode}: " + " | ".join(tail)}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def bertopic_info(python: str | None) -> dict[str, Any]:
    """Whether BERTopic can run in ``python``, with its version or the reason it cannot."""
    if not python or not Path(python).exists():
        return {
            "available": False,
            "python": python,
            "reason": "no BERTopic interpreter found: create one with `python3 -m venv /tmp/bt "
            "&& /tmp/bt/bin/pip install torch==2.13.0 bertopic` (CPU torch first) and pass "
            "--bertopic-python /tmp/bt/bin/python",
        }
    code = "import bertopic, umap, hdbscan; print(bertopic.__version__)"
    proc = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        return {"available": False, "python": python, "reason": proc.stderr.strip()[-300:]}
    return {"available": True, "python": python, "version": proc.stdout.strip()}


def summarise(row: dict[str, Any]) -> dict[str, Any]:
    if "fit_s" in row:
        row["fit_s_median"] = statistics.median(row["fit_s"])
    return row


def machine(threads: int) -> dict[str, Any]:
    import importlib.metadata

    cpu = platform.processor()
    info = Path("/proc/cpuinfo")
    if info.is_file():
        for line in info.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {}
    for dist in ("stancekit", "numpy", "scikit-learn", "pandas"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "missing"
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "memory_gib": round(mem, 1),
        "threads_per_process": threads,
        "load_average_at_start": list(os.getloadavg()),
        "versions": versions,
    }


def plan(mode: str, args: argparse.Namespace, have_bertopic: bool) -> list[tuple[int, str]]:
    """The (size, tool) runs: ``tool`` is ``auto`` (stancekit's default: graph communities),
    ``kmeans`` (k from the graph), ``hdbscan`` or ``bertopic``; size ``0`` is the real (UNGD)
    corpus."""
    size = SIZES[mode]
    sizes = args.sizes or size["sizes"]
    with_bt = have_bertopic and (size["bertopic"] or args.bertopic_python)
    runs = [(n, tool) for n in sizes for tool in ("auto", "kmeans", "hdbscan")]
    if with_bt:
        runs += [(n, "bertopic") for n in sizes if n <= args.bertopic_max]
    if size["million"] and not args.sizes:
        runs += [(1_000_000, "auto"), (1_000_000, "kmeans")]
    real = args.real if args.real is not None else (3000 if mode == "full" else 0)
    if real > 0 and UNGD.is_file():
        runs += [(0, "auto"), (0, "kmeans"), (0, "hdbscan")]
        runs += [(0, "bertopic")] if with_bt else []
    return sorted(runs, key=lambda r: (r[0], r[1]))


def one_run(
    folder: Path, n: int, tool: str, args: argparse.Namespace, repeats: int, bt: dict[str, Any]
) -> dict[str, Any]:
    reps = 1 if n >= 1_000_000 or (tool == "bertopic" and n >= 100_000) else repeats
    if tool == "bertopic":
        child = ["--child", "bertopic", "--data", str(folder), "--repeats", str(reps)]
        row = run_child(bt["python"], child, args.threads)
    else:
        child = ["--child", "stancekit", "--data", str(folder), "--method", tool]
        row = run_child(sys.executable, [*child, "--repeats", str(reps)], args.threads)
    name = "BERTopic" if tool == "bertopic" else f"stancekit {tool}"
    return summarise({"n": n, "corpus": "synthetic planted", "tool": name} | row)


def ratios(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """BERTopic over stancekit's default, per size: time, memory growth; and outlier shares."""
    out = []
    for corpus, n in sorted({(r["corpus"], r["n"]) for r in rows}):
        here = {
            r["tool"]: r for r in rows if r["n"] == n and r["corpus"] == corpus and "error" not in r
        }
        ours, theirs = here.get("stancekit auto"), here.get("BERTopic")
        if ours is None or theirs is None:
            continue
        out.append(
            {
                "corpus": corpus,
                "n": n,
                "time_bertopic_over_stancekit": theirs["fit_s_median"] / ours["fit_s_median"],
                "rss_growth_bertopic_over_stancekit": theirs["fit_rss_growth_mb"]
                / max(ours["fit_rss_growth_mb"], 1.0),
                "outlier_share_bertopic": theirs["outlier_share"],
                "outlier_share_stancekit_auto": ours["outlier_share"],
                "outlier_share_stancekit_hdbscan": here.get("stancekit hdbscan", {}).get(
                    "outlier_share"
                ),
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2k and 10k, stancekit only")
    parser.add_argument("--output", type=Path, help="results JSON (default benchmarks/results/)")
    parser.add_argument("--threads", type=int, default=1, help="threads per process (default 1)")
    parser.add_argument("--bertopic-python", help="interpreter of a venv with BERTopic")
    parser.add_argument("--bertopic-max", type=int, default=100_000, help="largest n for BERTopic")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], help="n list")
    parser.add_argument("--repeats", type=int, help="timed fits per run (default 3)")
    parser.add_argument(
        "--real", type=int, help="UNGD sentences for the real-text run (full: 3000; 0: skip)"
    )
    parser.add_argument("--child", choices=["stancekit", "bertopic"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--method", default="kmeans", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child == "stancekit":
        print(json.dumps(child_stancekit(args.data, args.method, args.repeats or 1)))
        return 0
    if args.child == "bertopic":
        print(json.dumps(child_bertopic(args.data, args.repeats or 1)))
        return 0
    return parent(args)


def parent(args: argparse.Namespace) -> int:
    from stancekit._atomic import atomic_write_text

    mode = "quick" if args.quick else "full"
    repeats = args.repeats or SIZES[mode]["repeats"]
    default_bt = os.environ.get("BERTOPIC_PYTHON", "/tmp/bt/bin/python")
    bt = bertopic_info(args.bertopic_python or default_bt)
    if mode == "quick" and not args.bertopic_python:
        bt["note"] = "not run in --quick mode unless --bertopic-python is given"
    output = args.output or ROOT / "benchmarks" / "results" / f"topics{'-quick' * args.quick}.json"
    started = time.perf_counter()
    info = machine(args.threads)
    rows: list[dict[str, Any]] = []
    corpora: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="stancekit-bench-topics-") as tmp:
        for n, tool in plan(mode, args, bt["available"]):
            folder = Path(tmp) / str(n)
            if n not in corpora:
                folder.mkdir()
                made = write_real_corpus(folder, args.real or 3000) if n == 0 else None
                corpora[n] = made if n == 0 and made else write_corpus(folder, n)
            row = one_run(folder, n, tool, args, repeats, bt)
            if n == 0:
                row |= {"n": corpora[0]["n"], "corpus": "ungd2017 (MiniLM)"}
            print(json.dumps(row), file=sys.stderr)
            rows.append(row)
    result = {
        "benchmark": "topics",
        "mode": mode,
        "command": shlex.join(["python", "benchmarks/bench_topics.py", *sys.argv[1:]]),
        "machine": info,
        "bertopic": bt,
        "corpus": {
            "generator": "benchmarks/bench_topics.py:make_corpus",
            "n_topics": 20,
            "n_speakers": 50,
            "dim": 384,
            "stance": 0.6,
            "noise": 1.2,
        },
        "real_corpus": corpora.get(0),
        "results": rows,
        "ratios": ratios(rows),
        "total_s": time.perf_counter() - started,
    }
    atomic_write_text(output, json.dumps(result, indent=2) + "\n")
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
