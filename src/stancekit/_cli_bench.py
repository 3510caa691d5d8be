"""The ``bench`` subcommand: run the repository's benchmarks and print one table of ratios."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancekit._atomic import atomic_write_text
from stancekit._cli_common import DATA, CommandError, check_output_file

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["add_bench", "headline"]

_BENCHES = ("attribution", "embed", "core", "topics")
_HEADLINE = (
    "ratio",
    "speedup",
    "statement_f1",
    "mb_per_s",
    "spearman",
    "coverage",
    "ari",
    "outlier_share",
)


def _bench_dir() -> Path | None:
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "benchmarks"
        if (cand / "bench_core.py").exists():
            return cand
    return None


def _flatten(obj: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(obj, dict):
        out: list[tuple[str, Any]] = []
        for k in sorted(obj):
            out += _flatten(obj[k], f"{prefix}.{k}" if prefix else str(k))
        return out
    if isinstance(obj, list):
        out = []
        for i, x in enumerate(obj):
            out += _flatten(x, f"{prefix}[{i}]")
        return out
    return [(prefix, obj)]


def headline(result: dict[str, Any]) -> list[tuple[str, float]]:
    """The ratios and headline figures of one benchmark result (numbers only)."""
    rows = []
    for key, value in _flatten(result):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if any(h in key.lower() for h in _HEADLINE):
            rows.append((key, float(value)))
    return rows


def add_bench(sub: Sub) -> None:
    """Declare ``stancekit bench``."""
    p = sub.add_parser(
        "bench",
        help="run the benchmarks (attribution, embeddings, core, topics) and print their ratios",
        description=(
            "Run the benchmarks of the source repository (benchmarks/bench_*.py): attribution "
            "quality and speed, embedding throughput and cache, the core kernels against their "
            "references and the matrix-multiply ceiling, topics against BERTopic where "
            "installed. Prints one table of ratios; --output keeps every result."
        ),
        epilog="example: stancekit bench --quick --output bench.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--quick", action="store_true", help="small sizes: about two minutes on two cores"
    )
    p.add_argument("--only", choices=_BENCHES, action="append", help="run only these (repeatable)")
    p.add_argument("-o", "--output", type=Path, help="write all results to this JSON file")
    p.set_defaults(handler=_run_bench)


def _run_bench(args: argparse.Namespace) -> int:
    if args.output is not None:
        check_output_file(args.output, (".json",))
    folder = _bench_dir()
    if folder is None:
        raise CommandError(
            "the benchmarks live in the source repository (benchmarks/); run it from a clone",
            status=DATA,
        )
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or _BENCHES:
            out = Path(tmp) / f"{name}.json"
            cmd = [sys.executable, str(folder / f"bench_{name}.py"), "--output", str(out)]
            if args.quick:
                cmd.append("--quick")
            t0 = time.perf_counter()
            print(f"running bench_{name}.py{' --quick' if args.quick else ''}", file=sys.stderr)
            run = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if run.returncode != 0 or not out.exists():
                print(f"  failed ({run.returncode}): {run.stderr.strip()[-400:]}", file=sys.stderr)
                results[name] = {"error": run.stderr.strip()[-2000:]}
                continue
            results[name] = json.loads(out.read_text(encoding="utf-8"))
            print(f"  done in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    width = max([len(k) for r in results.values() for k, _ in headline(r)] + [20])
    print(f"{'benchmark':12s} {'quantity':{width}s} value")
    for name, res in results.items():
        for key, value in headline(res):
            print(f"{name:12s} {key:{width}s} {value:.4g}")
    if args.output is not None:
        atomic_write_text(
            args.output, json.dumps(results, indent=2, sort_keys=True, default=str) + "\n"
        )
    return 0 if all("error" not in r for r in results.values()) else 1
