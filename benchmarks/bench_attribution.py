"""Attribution quality and speed, against the shared gold data and a quotation-marks baseline.

Usage::

    python benchmarks/bench_attribution.py [--quick] [--output benchmarks/results/attribution.json]

What it measures, in one process:

1. quality with the official scorer (``../shared/eval/score_attribution.py``) on
   ``../shared/data/attribution_dev.jsonl`` and ``../shared/data/polnear/dev.jsonl``, for both
   statement units (``sentence``, stancekit's convention, and ``attribution``, PolNeAR's);
2. the same for a quotation-marks-only baseline (every quotation of three words or more,
   credited to the nearest capitalised name after it), the behaviour of quote extractors that
   ignore reported speech;
3. throughput in MB of article text per second, one process, on the PolNeAR train+dev texts
   (median of repeats; wall clock and CPU time of the process, the latter being what one core
   delivers when other jobs share the machine), with ``n_jobs=2``, and with the attribution
   step switched off (the floor of the rest of the engine).

Without ``../shared`` it skips the quality part and measures speed on generated text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from stancekit import Article, read_articles, write_statements
from stancekit._atomic import atomic_write_text
from stancekit.segment import segment

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_QUOTE = re.compile(r"[\"“]([^\"“”]{10,}?)[\"”]")
_NAME = re.compile(r"\b(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+\b")


def _scorer() -> Any:
    path = SHARED / "eval" / "score_attribution.py"
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _quote_baseline(articles: list[Article]) -> list[dict[str, Any]]:
    out = []
    for a in articles:
        sts = []
        for m in _QUOTE.finditer(a.text):
            if len(m.group(1).split()) < 3:
                continue
            name = _NAME.search(a.text, m.end(), m.end() + 80)
            if name is None:
                continue
            sts.append(
                {
                    "speaker": name.group(),
                    "start": m.start(1),
                    "end": m.end(1),
                    "mention_start": name.start(),
                    "mention_end": name.end(),
                }
            )
        out.append({"id": a.id, "statements": sts})
    return out


def _score(scorer: Any, gold: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        res: dict[str, Any] = scorer.score(str(gold), str(pred))
        return res


def _engine_records(articles: list[Article], unit: str) -> list[dict[str, Any]]:
    table = segment(articles, unit=unit)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "p.jsonl"
        write_statements(table, out, article_ids=[a.id for a in articles])
        return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def _summary(res: dict[str, Any]) -> dict[str, float]:
    keep = {"statement": "statement_f1", "content_only": "content_f1", "char": "char_f1"}
    out: dict[str, float] = {}
    for key, name in keep.items():
        fig = res.get(key) or {}
        if "f1" in fig:
            out[name] = round(float(fig["f1"]), 4)
            out[name.replace("f1", "precision")] = round(float(fig["precision"]), 4)
            out[name.replace("f1", "recall")] = round(float(fig["recall"]), 4)
    return out


def quality() -> dict[str, Any]:
    scorer = _scorer()
    out: dict[str, Any] = {}
    sets = {
        "attribution_dev": SHARED / "data" / "attribution_dev.jsonl",
        "polnear_dev": SHARED / "data" / "polnear" / "dev.jsonl",
        "polnear_train": SHARED / "data" / "polnear" / "train.jsonl",
    }
    for name, gold in sets.items():
        arts = list(read_articles(gold))
        row: dict[str, Any] = {"articles": len(arts)}
        for unit in ("sentence", "attribution"):
            row[f"stancekit_{unit}"] = _summary(_score(scorer, gold, _engine_records(arts, unit)))
        row["quotes_only_baseline"] = _summary(_score(scorer, gold, _quote_baseline(arts)))
        out[name] = row
    return out


def _corpus(quick: bool) -> list[Article]:
    arts: list[Article] = []
    for split in ("train.jsonl", "dev.jsonl"):
        path = SHARED / "data" / "polnear" / split
        if path.exists():
            arts.extend(read_articles(path))
    if not arts:
        unit = (
            'Trade is growing, Russian President Vladimir Putin said on Tuesday. "We will '
            'see," he added. On energy, the Chinese side, Xi said, is ready to help.\n\n'
        )
        arts = [Article(f"s{i}", unit * 40) for i in range(400)]
    return arts[:200] if quick else arts


def speed(quick: bool) -> dict[str, Any]:
    arts = _corpus(quick)
    mb = sum(len(a.text.encode("utf-8")) for a in arts) / 1e6
    repeats = 3 if quick else 5
    times = []
    cpu = []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        segment(arts)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    t_one = statistics.median(times)
    c_one = statistics.median(cpu)
    par = []
    for _ in range(max(2, repeats - 2)):
        t0 = time.perf_counter()
        segment(arts, n_jobs=2)
        par.append(time.perf_counter() - t0)
    t_two = statistics.median(par)
    t_floor = _without_attribution(arts, repeats)
    return {
        "articles": len(arts),
        "megabytes": round(mb, 3),
        "seconds_one_process_median": round(t_one, 3),
        "mb_per_s_one_process": round(mb / t_one, 3),
        # CPU seconds of the process: what one core delivers, less sensitive to other jobs
        "cpu_seconds_one_process_median": round(c_one, 3),
        "mb_per_cpu_second": round(mb / c_one, 3),
        "seconds_two_jobs_median": round(t_two, 3),
        "mb_per_s_two_jobs": round(mb / t_two, 3),
        # the rest of the engine with the per-sentence attribution step made a no-op: the
        # floor that any attribution rule adds to
        "seconds_without_attribution_median": round(t_floor, 3),
        "mb_per_s_without_attribution": round(mb / t_floor, 3),
        "repeats": repeats,
    }


def _without_attribution(arts: list[Article], repeats: int) -> float:
    """Median seconds of ``segment(arts)`` when no sentence is attributed: paragraphs,
    sentences, quotation masking, the cue scan, the speaker pre-pass and the table remain."""
    from stancekit.segment import engine

    real = engine.attribute_sentence
    engine.attribute_sentence = lambda ctx: ([], None, None)  # type: ignore[assignment]
    try:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            segment(arts)
            times.append(time.perf_counter() - t0)
    finally:
        engine.attribute_sentence = real
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick", action="store_true", help="a smaller speed corpus (well under a minute)"
    )
    ap.add_argument(
        "--output", type=Path, default=ROOT / "benchmarks" / "results" / "attribution.json"
    )
    args = ap.parse_args(argv)
    result: dict[str, Any] = {
        "benchmark": "attribution",
        "mode": "quick" if args.quick else "full",
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        },
        "command": "python benchmarks/bench_attribution.py" + (" --quick" if args.quick else ""),
    }
    if (SHARED / "eval" / "score_attribution.py").exists():
        result["quality"] = quality()
    else:
        print("../shared not found: skipping the quality part", file=sys.stderr)
    result["speed"] = speed(args.quick)
    atomic_write_text(args.output, json.dumps(result, indent=2, sort_keys=True) + "\n")
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
