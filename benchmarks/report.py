"""Write ``docs/benchmarks.md`` from the result files in ``benchmarks/results/``.

Usage::

    python benchmarks/report.py [--results benchmarks/results] [--output docs/benchmarks.md]

One section per benchmark, in pipeline order: what it measures, the command that wrote its
file, the machine in one line, and a table of the headline quantities (stancekit, the reference
measured beside it in the same run, their ratio and, where the file states one, the target and
whether it is met). Everything else stays in the raw JSON, linked from the section. A file of a
kind this script does not know gets a short generic table; a file that cannot be read is
reported on the page and on stderr. The page depends on the result files alone (no timestamps)
and is written atomically.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stancekit._atomic import atomic_write_text

ROOT = Path(__file__).resolve().parents[1]
GENERIC_MAX_ROWS = 20
NOTE_KEYS = re.compile(r"(^|_)note$")

# --------------------------------------------------------------------------------- numbers


def num(v: Any) -> str:
    """Three significant figures, thousands separated; other values as text."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "n/a" if v is None else str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if not math.isfinite(v) or v == 0:
        return "0" if v == 0 else str(v)
    v = float(f"{v:.3g}")
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) < 1e-3:
        return f"{v:.2e}"
    return f"{v:.{max(0, 2 - math.floor(math.log10(abs(v))))}f}"


def secs(s: float) -> str:
    """A duration with its unit."""
    if s < 1:
        return f"{num(s * 1e3)} ms" if s >= 1e-3 else f"{num(s * 1e6)} µs"
    return f"{num(s / 60)} min" if s >= 1000 else f"{num(s)} s"


def mbytes(b: float) -> str:
    return f"{num(b / 1e9)} GB" if b >= 1e9 else f"{num(b / 1e6)} MB"


def pct(share: float) -> str:
    return f"{share * 100:.3g} %"


def times(x: float, what: str = "") -> str:
    return f"{num(x)}× {what}".rstrip()


def faster(reference_s: float, stancekit_s: float) -> str:
    """Reference time over stancekit time, read as a speed-up."""
    r = reference_s / stancekit_s
    return f"{num(r)}× faster" if r >= 1 else f"{num(1 / r)}× slower"


def quotient(a: float, b: float) -> str:
    """``a / b``, blank where the quotient means nothing."""
    return times(a / b) if b > 0 and a >= 0 else ""


# --------------------------------------------------------------------------------- targets

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}
_SHOW = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}
_TARGET = re.compile(r"(>=|<=|>|<|≥|≤)\s*(-?\d+(?:\.\d+)?)(?![\d.]|\s*[A-Za-z])")


def parse_target(text: str) -> tuple[str, float] | None:
    """The first ``op number`` in a target such as ``"Spearman >= 0.95 (...)"``."""
    m = _TARGET.search(text)
    if m is None:
        return None
    return {"≥": ">=", "≤": "<="}.get(m.group(1), m.group(1)), float(m.group(2))


def verdict(value: Any, text: str) -> bool | None:
    """Whether ``value`` meets a target stated as text; None when that cannot be decided."""
    parsed = parse_target(text)
    if parsed is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return _OPS[parsed[0]](value, parsed[1]) if math.isfinite(value) else None


# ----------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Row:
    quantity: str
    stancekit: str
    reference: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None


@dataclass
class Summary:
    """A section's table, the notes under it and a line of context above it."""

    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    context: str = ""

    def add(self, quantity: str, stancekit: str, reference: str = "", ratio: str = "") -> None:
        self.rows.append(Row(quantity, stancekit, reference, ratio))

    def check(
        self, quantity: str, stancekit: str, reference: str, ratio: str, value: Any, target: str
    ) -> None:
        """A row with the file's target, checked against ``value``; a qualifier after the
        target's number goes to the notes."""
        m = _TARGET.search(target)
        shown = target[: m.end()] if m else target
        if m and target[m.end() :].strip():
            note = f"Target as the file states it: `{target}`."
            self.notes += [note] if note not in self.notes else []
        shown = shown.replace(">=", "≥").replace("<=", "≤")
        self.rows.append(Row(quantity, stancekit, reference, ratio, shown, verdict(value, target)))


@dataclass(frozen=True)
class Spec:
    kind: str
    title: str
    what: str
    script: str
    summarise: Callable[[dict[str, Any]], Summary]


@dataclass
class Loaded:
    path: Path
    data: dict[str, Any] | None
    error: str = ""

    @property
    def kind(self) -> str:
        name = (self.data or {}).get("benchmark")
        return name if isinstance(name, str) and name else self.path.stem.removesuffix("-quick")

    @property
    def quick(self) -> bool:
        return (self.data or {}).get("mode") == "quick" or self.path.stem.endswith("-quick")


# --------------------------------------------------------------------- one per benchmark


def _attribution(d: dict[str, Any]) -> Summary:
    out = Summary()
    for name, q in sorted(d["quality"].items()):
        base = q["quotes_only_baseline"]["statement_f1"]
        for unit in ("sentence", "attribution"):
            if (sk := q.get(f"stancekit_{unit}")) is None:
                continue
            f1, p, r = (sk[f"statement_{k}"] for k in ("f1", "precision", "recall"))
            label = f'{name} ({num(q["articles"])} articles): statement F1, `unit="{unit}"`'
            ref = f"quotation-marks-only baseline: {num(base)}"
            out.add(label, f"{num(f1)} (P {num(p)}, R {num(r)})", ref, quotient(f1, base))
    sp = d["speed"]
    one, two = sp["mb_per_s_one_process"], sp["mb_per_s_two_jobs"]
    off = sp["mb_per_s_without_attribution"]
    size = f"{num(sp['megabytes'])} MB, {num(sp['articles'])} articles"
    out.add(f"throughput, one process ({size})", f"{num(one)} MB/s")
    out.add("throughput per CPU-second of the process", f"{num(sp['mb_per_cpu_second'])} MB/s")
    out.add(
        "throughput, `n_jobs=2`",
        f"{num(two)} MB/s",
        f"one process: {num(one)} MB/s",
        quotient(two, one),
    )
    out.add(
        "whole engine, against the engine with attribution switched off",
        f"{num(one)} MB/s",
        f"attribution off: {num(off)} MB/s",
        quotient(one, off),
    )
    return out


def _embed(d: dict[str, Any]) -> Summary:
    t, w, big, dd, lsa = (
        d[k] for k in ("throughput", "warm_cache", "warm_cache_large", "dedup", "lsa")
    )
    sk, plain, over = t["stancekit"], t["plain"], t["stancekit_overhead"]
    device = (d.get("machine") or {}).get("device", "?")
    out = Summary(
        context=f"Model `{d.get('model')}` on {device}; sentences from `{d.get('corpus_source')}`."
    )
    out.add(
        f"encoding throughput, {num(t['n_texts'])} distinct sentences (medians)",
        f"{num(sk['sentences_per_s'])} sentences/s",
        f"plain `SentenceTransformer.encode`: {num(plain['sentences_per_s'])} sentences/s",
        times(t["speed_ratio_stancekit_over_plain"]),
    )
    out.add(
        "same, the fastest run of each",
        f"{num(t['n_texts'] / min(sk['runs_s']))} sentences/s",
        f"plain: {num(t['n_texts'] / min(plain['runs_s']))} sentences/s",
        times(t["speed_ratio_of_fastest_runs"]),
    )
    out.add(
        "stancekit's own overhead per run",
        secs(over["median_s"]),
        "",
        f"{pct(over['fraction_of_run'])} of the run",
    )
    out.add(
        f"warm cache, the same {num(w['n_texts'])} texts",
        secs(w["warm"]["median_s"]),
        f"encoding: {secs(w['encode_median_s'])}",
        times(w["speedup_vs_encoding"], "faster"),
    )
    est = f"estimated encoding: {secs(big['estimated_encode_s'])}"
    out.add(
        f"warm cache, {num(big['n_texts'])} texts, in process",
        secs(big["warm_in_process"]["median_s"]),
        est,
        times(big["estimated_speedup_in_process"], "faster"),
    )
    out.add(
        "same, in a fresh process (import included; torch not imported)",
        secs(big["warm_fresh_process"]["total_s"]),
        est,
        times(big["estimated_speedup_fresh_process"], "faster"),
    )
    out.add(
        f"de-duplication: {num(dd['n_rows'])} rows, {num(dd['n_distinct'])} distinct",
        secs(dd["stancekit"]["median_s"]),
        f"plain encode of every row: {secs(dd['plain']['median_s'])}",
        times(dd["speedup"], "faster"),
    )
    out.add(
        f"LSA backend (offline baseline), {num(lsa['n_texts'])} texts",
        f"{num(lsa['sentences_per_s'])} sentences/s",
        f"MiniLM through stancekit: {num(sk['sentences_per_s'])} sentences/s",
        quotient(lsa["sentences_per_s"], sk["sentences_per_s"]),
    )
    return out


def _core(d: dict[str, Any]) -> Summary:
    g, lo, e, m = d["gemm"], d["loop"], d["echoes"], d["memory"]
    out = Summary(notes=[g["note"]] if g.get("note") else [])
    r = g["ratio_soft_throughput_over_gemm"]
    out.check(
        f"soft-alignment matrix, {num(g['n_statements'])} statements × "
        f"{num(g['n_speakers'])} speakers, d = {g['dim']}",
        f"{secs(g['soft']['median_s'])} ({num(g['soft_effective_gflops'])} GFLOP/s effective)",
        f"float32 GEMM of the same product: {secs(g['gemm']['median_s'])} "
        f"({num(g['gemm_gflops'])} GFLOP/s)",
        times(r, "GEMM throughput"),
        r,
        g["target"],
    )
    r = lo["ratio_loop_over_kernel"]
    out.check(
        f"same matrix, {num(lo['n_speakers'])} speakers × {lo['statements_per_speaker']} "
        "statements",
        secs(lo["kernel"]["median_s"]),
        f"per-pair Python loop: {secs(lo['loop_all_pairs_s_extrapolated'])} "
        f"(extrapolated from {num(lo['loop_pairs_timed'])} pairs)",
        times(r, "faster"),
        r,
        lo["target"],
    )
    r, same = e["ratio_paraphrase_mining_over_stancekit"], "yes" if e.get("same_pairs") else "no"
    out.check(
        f"echoes: top {e['top_k']} pairs of {num(e['n_statements'])} statements",
        f"{secs(e['stancekit']['median_s'])} (same pairs: {same})",
        "sentence-transformers `paraphrase_mining_embeddings`: "
        f"{secs(e['paraphrase_mining']['median_s'])}",
        times(r, "faster"),
        r,
        e["target"],
    )
    last = max(m["curve"], key=lambda c: c["n_statements"])
    emb = last["embeddings_bytes"]
    for key, label in (
        ("centroid_similarity", "centroid similarity"),
        ("echoes_one_speaker_vs_all", "echoes of one speaker against all"),
    ):
        peak = last[key]["peak_extra_bytes"]
        out.rows.append(
            Row(
                f"peak extra memory, {label}, {num(last['n_statements'])} statements",
                f"{mbytes(peak)} ({secs(last[key]['seconds'])})",
                f"the embeddings: {mbytes(emb)}",
                times(peak / emb, "the embeddings"),
                m["target"].replace("<=", "≤"),
                peak <= 2**30,
            )
        )
    _core_validity(d["planted"], d["coverage"], out)
    return out


def _core_validity(p: dict[str, Any], c: dict[str, Any], out: Summary) -> None:
    for method in ("soft", "centroid"):
        got, plain = (p[method][f"spearman_{k}_vs_planted_position"] for k in ("position", "plain"))
        out.check(
            f"planted corpus, {p['n_dyads']} dyads: Spearman of `position_similarity` "
            f"({method}) with the planted position",
            num(got),
            f"plain `similarity()`: {num(plain)}",
            "",
            got,
            p["target"],
        )
    out.add(
        "planted corpus: Spearman of `agenda_overlap` with the planted agenda",
        num(p["spearman_agenda_overlap_vs_planted_agenda"]),
    )
    sizes = sorted(
        (k for k in c if k.startswith("statements_per_speaker_")),
        key=lambda k: int(k.rsplit("_", 1)[1]),
    )
    for key in sizes:
        for method in ("soft", "centroid"):
            cov, level = c[key][method]["coverage"], c["level"]
            out.add(
                f"bootstrap {pct(level)} interval coverage, {method}, "
                f"{key.rsplit('_', 1)[1]} statements per speaker ({c['replicates']} replicates)",
                num(cov),
                f"nominal: {num(level)}",
                quotient(cov, level),
            )


def _dyads(d: dict[str, Any]) -> Summary:
    p, n, s = d["planted"], d["null"], d["speed"]
    out = Summary()
    below = False
    for method in ("centroid", "soft"):
        for name in ("score", "adjusted"):
            q = p[f"spearman_{method}_{name}"]
            out.check(
                f"planted order: Spearman of {method} `{name}` with θ_a·θ_b, median over "
                f"{p['corpora']} corpora",
                f"{num(q['median'])} (min {num(q['min'])})",
                "",
                "",
                q["median"],
                p["target"],
            )
            below = below or verdict(q["min"], p["target"]) is False
    if below:
        out.notes.append(
            "Planted order: the verdict is on the median over corpora; the minimum "
            "is below the target in at least one row."
        )
    for method in ("centroid", "soft"):
        r = n[method]
        out.check(
            f"null corpora: KS p of the dyad p-values against uniform, {method} "
            f"({r['n_dyads']} dyads from {n['corpora']} corpora)",
            num(r["ks_p"]),
            "",
            "",
            r["ks_p"],
            n["target"],
        )
        share = r["share_p_below_0.05"]
        out.add(
            f"null corpora: share of p ≤ 0.05, {method}",
            num(share),
            "nominal: 0.05",
            quotient(share, 0.05),
        )
    ref = f"one float32 `X @ X.T` of the statements: {secs(s['gemm']['median_s'])}"
    size = f"{num(s['n_speakers'])} speakers, {num(s['n_statements'])} statements"
    for method in ("centroid", "soft"):
        r = s[f"ratio_{method}_over_gemm"]
        out.check(
            f"calibrated dyad matrix, {method}, {size}",
            secs(s[method]["median_s"]),
            ref,
            times(r, "GEMM time"),
            r,
            s["target"],
        )
    if (cold := s.get("ratio_cold_centroid_over_gemm")) is not None:
        out.check(
            "same, centroid, first call on a table (formula flags computed)",
            secs(s["centroid"]["runs_s"][0]),
            ref,
            times(cold, "GEMM time"),
            cold,
            s["target"],
        )
    out.notes += [s["note"]] if s.get("note") else []
    return out


def _ungd(d: dict[str, Any]) -> Summary:
    years = d["years"]
    out = Summary(
        context="Pearson r of each speaker × speaker score with that session's vote "
        f"agreement, with a speaker-bootstrap interval ({d.get('bootstrap')} "
        f"draws) and a QAP p ({d.get('qap_permutations')} permutations); the "
        "same-continent dummy is the trivial baseline."
    )

    def add(label: str, s: dict[str, Any]) -> None:
        lo, hi = s["r_interval"]
        out.add(
            label,
            f"{num(s['r'])} [{num(lo)}, {num(hi)}], QAP p {s['qap_p']:.3g}",
            f"same-continent dummy: {num(s['same_continent_r'])}",
            quotient(s["r"], s["same_continent_r"]),
        )

    def default(scores: dict[str, Any]) -> str:
        return next((k for k in scores if k.startswith("similarity() default")), next(iter(scores)))

    for year in sorted(years):
        y = years[year]
        s = y["scores"][default(y["scores"])]
        add(
            f"{year} ({y['speeches_kept']} speeches, {num(s['n_pairs'])} dyads): `similarity()`, "
            "the default",
            s,
        )
    last = max(years)
    for name, s in years[last]["scores"].items():
        if name != default(years[last]["scores"]):
            add(f"{last}: {name}", s)
    return out


def _scaling(d: dict[str, Any]) -> Summary:
    final, dev, targets = d["fit_2014_2016_apply_2017"], d["cross_year_2014_2016"], d["targets"]
    out = Summary(
        context="The pair score is `-|position(A) - position(B)|`, correlated "
        "(Pearson) with the test year's vote agreement over its dyads; the "
        "reference is the same fit without the lexical channel."
    )
    a, adopted = final[0], final[0]["method"]

    def ridge(rows: list[dict[str, Any]], year: Any) -> dict[str, Any] | None:
        match = (r for r in rows if r["method"] == "ridge" and r["test_year"] == year)
        return next(match, None) if adopted != "ridge" else None

    def add(
        label: str,
        get: Callable[[dict[str, Any]], float],
        x: dict[str, Any],
        ref: dict[str, Any] | None,
        target: str = "",
    ) -> None:
        refs = (f"ridge: {num(get(ref))}", quotient(get(x), get(ref))) if ref else ("", "")
        if target in targets:
            out.check(label, num(get(x)), *refs, get(x), f">= {targets[target]}")
        else:
            out.add(label, num(get(x)), *refs)

    def pairs(r: dict[str, Any]) -> float:
        return float(r["pairs_vs_vote_agreement"]["pearson_r"])

    def held(r: dict[str, Any]) -> float:
        return float(r["left_out_countries"]["pairs_vs_vote_agreement"]["pearson_r"])

    def position(r: dict[str, Any]) -> float:
        return float(r["position_r_ideal_point"])

    y, b = a["test_year"], ridge(final, a["test_year"])
    fit = f"fit on {'+'.join(map(str, a['train_years']))} ({adopted})"
    add(f"{y}: pair score r with vote agreement, {fit}", pairs, a, b, "2017 pairs r")
    add(
        f"{y}: same, countries left out of the fit ({a['left_out_countries']['n_folds']} folds)",
        held,
        a,
        b,
        "2017 left-out countries pairs r",
    )
    add(f"{y}: position r with the UN ideal point", position, a, b)
    for r in (r for r in dev if r["method"] == adopted):
        train = "+".join(map(str, r["train_years"]))
        add(
            f"method choice: fit on {train}, test {r['test_year']}: pair score r",
            pairs,
            r,
            ridge(dev, r["test_year"]),
        )
    unused = sorted(set(targets) - {"2017 pairs r", "2017 left-out countries pairs r"})
    out.notes += [f"Targets in the file not shown above: {', '.join(unused)}."] if unused else []
    return out


def _topics(d: dict[str, Any]) -> Summary:
    groups: dict[tuple[str, int], dict[str, dict[str, Any]]] = {}
    for r in d["results"]:
        groups.setdefault((r["corpus"], r["n"]), {})[r["tool"]] = r
    out = Summary(
        context='stancekit\'s default (`method="auto"`: graph communities) against '
        "BERTopic's defaults on the same precomputed embeddings; stancekit's "
        "other methods are in the raw file."
    )
    for (corpus, n), tools in sorted(groups.items()):
        sk, bt = tools.get("stancekit auto"), tools.get("BERTopic")
        if sk is None:
            continue
        where, name = f"{corpus}, {num(n)} statements", f"BERTopic {(bt or {}).get('version', '')}"

        def ref(key: str, fmt: Callable[[Any], str], bt: Any = bt, name: str = name) -> str:
            return f"{name.strip()}: {fmt(bt[key])}" if bt and bt.get(key) is not None else ""

        def ratio(key: str, sk: Any = sk, bt: Any = bt) -> str:
            return quotient(sk[key], bt[key]) if bt and bt.get(key) is not None else ""

        time_ratio = faster(bt["fit_s_median"], sk["fit_s_median"]) if bt else ""
        out.add(
            f"{where}: fit time", secs(sk["fit_s_median"]), ref("fit_s_median", secs), time_ratio
        )
        if sk.get("ari") is not None:
            out.add(
                f"{where}: ARI with the planted topics",
                num(sk["ari"]),
                ref("ari", num),
                ratio("ari"),
            )
        else:
            out.add(f"{where}: topics found", num(sk["topics_found"]), ref("topics_found", num))
        out.add(
            f"{where}: share in the outlier topic",
            pct(sk["outlier_share"]),
            ref("outlier_share", pct),
        )
        out.add(
            f"{where}: memory growth during the fit",
            f"{num(sk['fit_rss_growth_mb'])} MB",
            ref("fit_rss_growth_mb", lambda v: f"{num(v)} MB"),
            ratio("fit_rss_growth_mb"),
        )
    return out


_REAL_SCORES = (  # label, key, format, target key, op, show a ratio
    ("ARI with the planted themes", "planted_ari", num, "planted_ari", ">=", True),
    ("NMI with the planted themes", "planted_nmi", num, "planted_nmi", ">=", True),
    ("topics", "n_topics", num, "n_topics", "in", False),
    ("share in no topic", "unassigned_share", pct, "unassigned_share_max", "<=", True),
    ("stability: mean ARI between seeds", "seed_ari_mean", num, "seed_ari_mean", ">=", True),
    ("coherence (NPMI)", "coherence_npmi", num, "", "", True),
    ("diversity", "diversity", num, "", "", True),
)


def _topics_real(d: dict[str, Any]) -> Summary:
    res = {(r["tool"], r["corpus"]): r for r in d["results"]}
    sk, bt = res[("stancekit", "ungd2017")], res.get(("BERTopic", "ungd2017"))
    kr = res.get(("stancekit", "kremlin"))
    targets, corpora = d.get("targets", {}), d.get("corpora", {})
    u, k = corpora.get("ungd2017", {}), corpora.get("kremlin", {})
    out = Summary(
        context=f"UNGD 2017: {num(u.get('n'))} statements, {num(u.get('planted'))} of them in "
        f"planted themes; Kremlin: {num(k.get('n'))} statements. The reference is BERTopic's "
        "defaults on the same embeddings."
    )
    used: set[str] = set()

    def add(label: str, cells: tuple[str, str, str], value: Any, key: str, op: str) -> None:
        t = targets.get(key)
        if t is None:
            return out.add(label, *cells)
        used.add(key)
        if op == "in" and isinstance(t, list) and len(t) == 2:
            shown, met = f"{t[0]}–{t[1]}", t[0] <= value <= t[1]
        else:
            shown = f"{_SHOW[op]} {pct(t) if '_share' in key else f'{t:g}'}"
            met = _OPS[op](value, t)
        out.rows.append(Row(label, *cells, shown, met))

    for label, key, fmt, tkey, op, ratio in _REAL_SCORES:
        ref = f"BERTopic: {fmt(bt[key])}" if bt and key in bt else ""
        rat = quotient(sk[key], bt[key]) if bt and ref and ratio else ""
        add(f"UNGD 2017: {label}", (fmt(sk[key]), ref, rat), sk[key], tkey, op)
    if bt is not None:
        ratios = d.get("ratios", {})
        t = ratios.get("time_bertopic_over_stancekit", bt["fit_s_median"] / sk["fit_s_median"])
        m = ratios.get("peak_rss_stancekit_over_bertopic", sk["peak_rss_mb"] / bt["peak_rss_mb"])
        cells = (
            secs(sk["fit_s_median"]),
            f"BERTopic: {secs(bt['fit_s_median'])}",
            f"{num(t)}× faster",
        )
        add("UNGD 2017: fit time", cells, t, "time_bertopic_over_stancekit_min", ">=")
        cells = (f"{num(sk['peak_rss_mb'])} MB", f"BERTopic: {num(bt['peak_rss_mb'])} MB", times(m))
        add("UNGD 2017: peak memory", cells, m, "peak_rss_stancekit_over_bertopic_max", "<=")
    if kr is not None:
        small = len(kr["small_talk_topics"])
        out.add("Kremlin: topics", num(kr["n_topics"]))
        add(
            "Kremlin: small-talk topics",
            (num(small), "", ""),
            small,
            "kremlin_small_talk_topics",
            "<=",
        )
        out.add("Kremlin: stability: mean ARI between seeds", num(kr["seed_ari_mean"]))
    unused = sorted(set(targets) - used)
    out.notes += [f"Targets in the file not shown above: {', '.join(unused)}."] if unused else []
    return out


SPECS: tuple[Spec, ...] = (
    Spec(
        "attribution",
        "Who said what: attribution accuracy and speed",
        "Statement F1 of the speaker attribution (official scorer) on the shared gold sets, "
        "against a quotation-marks-only baseline, and throughput in MB of text per second.",
        "bench_attribution.py",
        _attribution,
    ),
    Spec(
        "embed",
        "Embedding",
        "Embedding through stancekit against plain sentence-transformers on the same model and "
        "texts: throughput, warm cache, de-duplication, and the offline LSA backend.",
        "bench_embed.py",
        _embed,
    ),
    Spec(
        "core",
        "Similarity and alignment kernels",
        "Speed and memory of the comparison kernels against the machine's own matrix multiply, "
        "a naive per-pair loop and sentence-transformers, and recovery of planted positions.",
        "bench_core.py",
        _core,
    ),
    Spec(
        "dyads",
        "Calibrated dyads",
        "The calibrated all-pairs dyad matrix: recovery of a planted order, calibration of its "
        "p-values on null corpora, and its cost against one matrix multiply.",
        "bench_dyads.py",
        _dyads,
    ),
    Spec(
        "ungd",
        "Validity of the scores on UN General Debate speeches",
        "Whether the scores of countries' General Debate speeches track how the countries vote, "
        "beside the trivial same-continent baseline; 2017 is the confirmation year.",
        "bench_ungd.py",
        _ungd,
    ),
    Spec(
        "scaling-ungd",
        "Scaling on UN General Debate speeches",
        "Positions scaled on known UN ideal points, fitted on some years and applied to a later "
        "one and to countries left out of the fit.",
        "bench_scaling_ungd.py",
        _scaling,
    ),
    Spec(
        "topics",
        "Topics on synthetic corpora",
        "Topic fitting against BERTopic on the same embeddings: time, memory, agreement with "
        "planted topics, and the share left as outliers.",
        "bench_topics.py",
        _topics,
    ),
    Spec(
        "topics-real",
        "Topics on real text",
        "Topic quality on real speeches and readouts against BERTopic: planted themes, "
        "stability, coherence, sizes, time and memory.",
        "bench_topics_real.py",
        _topics_real,
    ),
)


# ---------------------------------------------------------------------------------- reading


def load(path: Path) -> Loaded:
    """A result file, or why it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return Loaded(path, None, f"cannot be read ({exc.strerror or exc})")
    except (UnicodeDecodeError, ValueError) as exc:
        return Loaded(path, None, f"not valid JSON ({type(exc).__name__}: {exc})")
    if not isinstance(data, dict):
        return Loaded(path, None, f"not valid results: the top level is a {type(data).__name__}")
    return Loaded(path, data)


def machine_line(m: Any) -> str:
    """CPU, cores, load at start and versions, in one line."""
    if not isinstance(m, dict) or not m:
        return "not recorded in the file"
    cores = m.get("cpu_count", m.get("cpus"))
    hw = [
        m.get("cpu") or m.get("processor") or "",
        f"{cores} cores" if cores else "",
        f"{m['memory_gib']} GiB" if m.get("memory_gib") else "",
        f"GPU {m['gpu']}" if m.get("gpu") else "",
    ]
    parts = [", ".join(str(x) for x in hw if x)]
    load = m.get("load_average_at_start")
    if isinstance(load, list) and load and all(isinstance(x, (int, float)) for x in load):
        span = " (1/5/15 min)" if len(load) == 3 else ""
        parts.append(f"load {'/'.join(f'{x:.2f}' for x in load)}{span} at start")
    elif isinstance(load, (int, float)) and not isinstance(load, bool):
        parts.append(f"load {load:.2f} at start")
    versions = [f"Python {m['python']}"] if m.get("python") else []
    if isinstance(m.get("versions"), dict):
        versions += [f"{k} {v}" for k, v in m["versions"].items()]
    blas = {
        (b.get("internal_api"), b.get("architecture"), b.get("num_threads"))
        for b in (m["blas"] if isinstance(m.get("blas"), list) else [])
        if isinstance(b, dict)
    }
    extra = [f"{api} ({arch}, {n} threads)" for api, arch, n in sorted(blas, key=str)]
    extra += [
        f"{label}: {m[key]}"
        for key, label in (
            ("threads_per_process", "threads per process"),
            ("torch_threads", "torch threads"),
        )
        if m.get(key) is not None
    ]
    return "; ".join(p for p in [*parts, ", ".join(versions), ", ".join(extra)] if p)


# -------------------------------------------------------------------------------- rendering


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _sentence(text: str) -> str:
    text = _cell(text)
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", ")", "`")) else ".")


def _link(path: Path, out_dir: Path, text: str = "raw") -> str:
    # An HTML anchor, not a Markdown link: `mkdocs build --strict` rejects Markdown links to
    # files outside docs/ and leaves raw HTML alone; GitHub follows both.
    rel = Path(os.path.relpath(path.resolve(), out_dir.resolve())).as_posix()
    return f'<a href="{rel}">{text}</a>'


def table(rows: list[Row]) -> list[str]:
    """The Markdown table; the target and met columns only where a row has a target."""
    with_target = any(r.target for r in rows)
    head = ["quantity", "stancekit", "reference", "ratio"] + ["target", "met"] * with_target
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r.quantity, r.stancekit, r.reference or "–", r.ratio or "–"]
        if with_target:
            cells += [
                r.target,
                {True: "yes", False: "**no**", None: "–"}[r.met] if r.target else "",
            ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def generic(data: dict[str, Any]) -> Summary:
    """Top-level scalar values, for a file of a kind this script does not know."""
    skip = {"benchmark", "command", "mode", "skipped"}
    scalars = [
        (k, v)
        for k, v in sorted(data.items())
        if not isinstance(v, (dict, list)) and k not in skip and not NOTE_KEYS.search(k)
    ]
    out = Summary(rows=[Row(f"`{k}`", num(v)) for k, v in scalars[:GENERIC_MAX_ROWS]])
    if len(scalars) > GENERIC_MAX_ROWS:
        out.notes.append(
            f"{len(scalars) - GENERIC_MAX_ROWS} more top-level values in the raw file."
        )
    elif not scalars:
        out.notes.append("No top-level values: everything is nested; see the raw file.")
    return out


@dataclass(frozen=True)
class Problem:
    """A results file that is missing, unreadable or not in the shape its summary reads."""

    name: str
    message: str
    path: Path | None = None


def _summarise(f: Loaded, spec: Spec | None, problems: list[Problem]) -> tuple[Summary, str]:
    """The spec's summary, or the generic one when the file does not fit it; and the status
    shown in the overview when there is no target to count."""
    d = f.data or {}
    if "skipped" in d:
        return Summary(), "the benchmark was skipped"
    if spec is None:
        return generic(d), "no summary for this kind of file"
    try:
        return spec.summarise(d), "no target in the file"
    except Exception as e:  # one file in an unexpected shape must not stop the page
        why = f"lacks the fields the {spec.kind} summary reads ({type(e).__name__}: {e})"
        problems.append(Problem(f.path.name, why, f.path))
        out = generic(d)
        out.notes.insert(0, f"This file {why}; its top-level values are shown instead.")
        return out, "not summarised: see Problems"


@dataclass
class Section:
    title: str
    file: Loaded
    lines: list[str]
    met: tuple[int, int]
    status: str


def section(
    f: Loaded, others: list[Loaded], spec: Spec | None, out_dir: Path, problems: list[Problem]
) -> Section:
    """One benchmark's section; ``others`` are further files of its kind (quick runs)."""
    d = f.data or {}
    title = spec.title if spec else f"Other: {d.get('benchmark') or f.path.stem}"
    what = spec.what if spec else "A results file this page has no summary for."
    raw = f"({_link(f.path, out_dir)}: `{f.path.name}`)"
    cmd = d.get("command")
    if not (isinstance(cmd, str) and cmd):
        script = f"; `python benchmarks/{spec.script}` writes it" if spec else ""
        lines = [f"Command: not recorded in the file{script} {raw}  "]
    else:
        lines = [f"Command: `{cmd}` {raw}  "]
    lines = [f"## {title}", "", what, "", *lines, f"Machine: {machine_line(d.get('machine'))}", ""]
    if f.quick:
        lines += ["A `--quick` run (smaller sizes); no full run is in the folder.", ""]
    if others:
        also = ", ".join(_link(o.path, out_dir, o.path.name) for o in others)
        lines += [f"Also in the folder, not summarised here: {also}.", ""]
    if "skipped" in d:
        lines += [f"The benchmark was skipped: {_cell(d['skipped'])}", ""]
    summary, status = _summarise(f, spec, problems)
    lines += [summary.context, ""] if summary.context else []
    if summary.rows and all(r.reference == r.ratio == r.target == "" for r in summary.rows):
        lines += ["| quantity | value |", "|---|---|"]
        lines += [f"| {_cell(r.quantity)} | {_cell(r.stancekit)} |" for r in summary.rows]
        lines.append("")
    elif summary.rows:
        lines += [*table(summary.rows), ""]
    notes = summary.notes + [
        f"Note in the file (`{k}`): {v}"
        for k, v in sorted(d.items())
        if NOTE_KEYS.search(k) and isinstance(v, str)
    ]
    lines += [f"- {_sentence(n)}" for n in notes] + ([""] if notes else [])
    judged = [r.met for r in summary.rows if r.target and r.met is not None]
    return Section(title, f, lines, (sum(judged), len(judged)), status)


INTRO = """\
# Benchmarks

Generated by `python benchmarks/report.py` from the JSON files in `benchmarks/results/`: every
number below is copied from those files (a ratio a file does not hold is computed from the two
numbers beside it). Each section says what the benchmark measures, the command that wrote its
file and the machine it ran on, and links the raw file, which holds everything else: every run,
every parameter, every variant.

How to read the tables: *stancekit* is the measured value; *reference* is what it was measured
against in the same run (a peer library, a naive implementation, the machine's own matrix
multiply, a baseline), named in the cell; *ratio* says which way it goes ("× faster" is the
reference's time over stancekit's, a bare "×" is stancekit's value over the reference's).
*target* and *met* appear where the results file states a target. Timings come from shared
machines with other work running: quote the ratios, measured side by side, rather than the
absolute seconds.
"""


def render(results: Path, output: Path) -> tuple[str, list[Problem]]:
    """The page for the ``*.json`` files in ``results``, linked relative to ``output``, and the
    problems found: missing or unreadable files, files not in the shape their summary reads."""
    problems: list[Problem] = []
    if not results.is_dir():
        problems.append(Problem(str(results), "no results folder"))
    files = [load(p) for p in sorted(results.glob("*.json"))] if results.is_dir() else []
    problems += [Problem(f.path.name, f.error, f.path) for f in files if f.data is None]
    by_kind: dict[str, list[Loaded]] = {}
    for f in files:
        if f.data is not None:
            by_kind.setdefault(f.kind, []).append(f)
    known = {s.kind: s for s in SPECS}
    kinds = [s.kind for s in SPECS if s.kind in by_kind]
    kinds += sorted(k for k in by_kind if k not in known)
    sections = []
    for kind in kinds:
        group = sorted(by_kind[kind], key=lambda f: (f.quick, f.path.name))
        sections.append(section(group[0], group[1:], known.get(kind), output.parent, problems))
    problems += [
        Problem(s.title, f"no results file; `python benchmarks/{s.script}` writes it")
        for s in SPECS
        if s.kind not in by_kind
    ]
    lines = [*INTRO.splitlines(), "", *_overview(sections, bool(problems), output.parent)]
    for s in sections:
        lines += s.lines
    if problems:
        lines += ["## Problems", ""]
        for p in problems:
            name = _link(p.path, output.parent, p.name) if p.path else p.name
            lines.append(f"- {name}: {_cell(p.message)}.")
    return "\n".join(lines).rstrip("\n") + "\n", problems


def _overview(sections: list[Section], problems: bool, out_dir: Path) -> list[str]:
    lines = ["## Overview", "", "| benchmark | file | targets met |", "|---|---|---|"]
    for s in sections:
        met = f"{s.met[0]} of {s.met[1]}" if s.met[1] else s.status
        link = _link(s.file.path, out_dir, s.file.path.name)
        lines.append(f"| {_cell(s.title)} | {link} | {met} |")
    if not sections:
        lines.append("| (no readable results file) | – | – |")
    if problems:
        lines += [
            "",
            "Some results files are missing or could not be read: see [Problems](#problems).",
        ]
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results")
    ap.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = ap.parse_args(argv)
    text, problems = render(args.results, args.output)
    for p in problems:
        print(f"report.py: {p.name}: {p.message}", file=sys.stderr)
    atomic_write_text(args.output, text)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
