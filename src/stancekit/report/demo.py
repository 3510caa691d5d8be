"""``stancekit demo``: the report on the bundled data, three analyses on one page.

1. the seed article: Xi Jinping and Sadyr Japarov, with their matched statements;
2. the Kremlin's record (2000–2020): how what foreign leaders said lined up with what Putin
   said, on which topics and over time (the record is Moscow's account);
3. the UN General Debate 2017: a map of countries by what their speeches say, and text
   alignment set against voting agreement (QAP test).

What a run reads and computes is a :class:`DemoPlan` (:func:`demo_plan`). By default the UN
part uses 30 sentences per speech, evenly spaced through it, and the Kremlin's permutation
tests and bootstrap intervals use 199 and 200 draws: about a minute on two idle cores with
nothing cached (about 8,000 statements to encode), some seconds once they are cached.
``full=True`` uses every sentence (about 19,000 statements) and 499 and 500 draws;
``quick=True`` (tests, CI) uses a quarter of the Kremlin texts and 12 sentences per speech.
Every number means the same thing in every plan; only its precision differs.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit._atomic import atomic_write_text
from stancekit._version import __version__
from stancekit.compare import similarity
from stancekit.core.qap import qap_correlation
from stancekit.data import LabeledMatrix
from stancekit.datasets import load_example, load_kremlin, load_ungd2017, load_ungd2017_votes
from stancekit.embed import Embedder, embed, make_embedder
from stancekit.embed.pipeline import CacheSpec, ModelSpec
from stancekit.plot import score_scatter, similarity_map
from stancekit.report._analysis import Analysis, Settings, analyse
from stancekit.report._build import FigureWriter, Report, write_section
from stancekit.report._folder import ReportFolder
from stancekit.report._html import Page
from stancekit.segment import segment
from stancekit.table import StatementTable

__all__ = ["DemoPlan", "demo_plan", "run_demo", "speech_sample"]

Log = Callable[[str], None]

#: Texts handed to the model at a time while the demo logs progress (whole batches of 64).
_PIECE = 256
#: Seconds between two progress lines inside one embedding step.
_EVERY = 10.0


@dataclass(frozen=True)
class DemoPlan:
    """What a demo run reads and how many random draws it makes (see :func:`demo_plan`).

    ``kremlin_step``: every k-th Kremlin text; ``per_speech``: sentences (of five words or
    more) kept per UN speech, evenly spaced through it (:func:`speech_sample`), ``None`` for
    all; ``n_permutations`` / ``n_bootstrap``: draws of the Kremlin's permutation tests and
    bootstrap intervals; ``qap_permutations``: draws of the UN QAP test.
    """

    name: str
    kremlin_step: int
    min_statements: int
    max_counterparts: int
    n_permutations: int
    n_bootstrap: int
    per_speech: int | None
    qap_permutations: int

    def describe(self) -> str:
        """One sentence for the report: which slice this is and how to get the full run."""
        if self.name == "full":
            return "the full run (every Kremlin text, every UN sentence)."
        ungd = f"{self.per_speech} sentences per UN speech, evenly spaced through it"
        kremlin = (
            "every Kremlin text"
            if self.kremlin_step == 1
            else f"every {_ordinal(self.kremlin_step)} Kremlin text"
        )
        return (
            f"the {self.name} slice ({kremlin}; {ungd}; {self.n_permutations} "
            f"permutations and {self.n_bootstrap} bootstrap draws per Kremlin dyad). "
            "The full run: stancekit demo --full, or run_demo(..., full=True)."
        )


def _ordinal(k: int) -> str:
    return {2: "second", 3: "third", 4: "fourth"}.get(k, f"{k}th")


def demo_plan(*, full: bool = False, quick: bool = False) -> DemoPlan:
    """The plan of a demo run: the default slice, ``full`` (today's whole data and draws) or
    ``quick`` (the smallest, for tests and CI).

    Raises
    ------
    ValueError
        Both ``full`` and ``quick``.
    """
    if full and quick:
        raise ValueError("full=True and quick=True contradict each other: choose one")
    if full:
        return DemoPlan("full", 1, 5, 30, 499, 500, None, 999)
    if quick:
        return DemoPlan("quick", 4, 3, 12, 99, 100, 12, 199)
    return DemoPlan("default", 1, 5, 30, 199, 200, 30, 999)


def speech_sample(
    article_ids: Sequence[str] | npt.ArrayLike, per_speech: int | None
) -> npt.NDArray[np.bool_]:
    """Which rows to keep: ``per_speech`` rows of each article, evenly spaced through it.

    Rows are in speech order within each article (as :func:`stancekit.segment` returns
    them). An article with ``m > per_speech`` rows keeps rows ``floor((k + 0.5) m /
    per_speech)``, ``k = 0 .. per_speech - 1``, counted within the article (its middle
    sentences, not only its opening courtesies); shorter articles, and every article with
    ``per_speech=None``, keep every row.

    Returns
    -------
    ndarray
        ``(n,)`` bool.
    """
    ids = np.asarray(article_ids, dtype=object).reshape(-1)
    if per_speech is None:
        return np.ones(ids.size, dtype=bool)
    if isinstance(per_speech, bool) or not isinstance(per_speech, int) or per_speech < 1:
        raise ValueError(f"per_speech must be a positive integer or None, got {per_speech!r}")
    series = pd.Series(ids)
    rank = series.groupby(ids, sort=False).cumcount().to_numpy()
    size = series.map(series.value_counts()).to_numpy()
    keep = size <= per_speech
    # row r of an article of m rows is kept when some k gives floor((k + 0.5) m / N) == r:
    # the smallest k with (k + 0.5) m / N >= r is ceil(r N / m - 0.5)
    long = ~keep
    r, m = rank[long], size[long]
    k = np.ceil(r * per_speech / m - 0.5).astype(np.int64)
    keep[long] = (k < per_speech) & (np.floor((k + 0.5) * m / per_speech).astype(np.int64) == r)
    return keep


class _LoggedEmbedder:
    """A sentence-transformers embedder (same identity, so the same cache) that encodes in
    pieces of whole batches and logs counts and rates every ``_EVERY`` seconds."""

    def __init__(self, inner: Embedder, say: Log, periodic: bool) -> None:
        self.inner, self.say, self.periodic = inner, say, periodic
        self.loaded = False
        self.start_step()

    def start_step(self) -> None:
        self.encoded, self.total, self.seconds, self.calls = 0, 0, 0.0, 0

    @property
    def identity(self) -> str | None:
        return self.inner.identity

    @property
    def name(self) -> str:
        return str(getattr(self.inner, "name", type(self.inner).__name__))

    def provenance(self) -> dict[str, Any]:
        get = getattr(self.inner, "provenance", None)
        return dict(get()) if callable(get) else {}

    def encode(self, texts: Sequence[str]) -> npt.NDArray[Any]:
        texts = list(texts)
        if texts and not self.loaded:
            self.say(f"   loading {self.name} (some seconds)")
            t0 = time.perf_counter()
            self.inner.encode([])  # loads the model
            self.say(f"   {self.name} loaded in {time.perf_counter() - t0:.0f} s")
            self.loaded = True
        self.calls += 1
        self.total = max(self.total, self.encoded + len(texts))
        if self.periodic and self.calls == 1 and texts:
            self.say(f"   encoding {len(texts):,} statements not in the cache")
        out, last = [], time.perf_counter()
        for i in range(0, len(texts), _PIECE):
            t0 = time.perf_counter()
            out.append(np.asarray(self.inner.encode(texts[i : i + _PIECE]), dtype=np.float32))
            now = time.perf_counter()
            self.seconds += now - t0
            self.encoded += len(out[-1])
            if self.periodic and now - last >= _EVERY and self.encoded < self.total:
                rate = self.encoded / max(self.seconds, 1e-9)
                left = (self.total - self.encoded) / max(rate, 1e-9)
                self.say(
                    f"   {self.encoded:,}/{self.total:,} encoded, {rate:.0f}/s, "
                    f"about {left:.0f} s left"
                )
                last = now
        if not out:
            return np.asarray(self.inner.encode(texts), dtype=np.float32)
        return np.concatenate(out)


class _Embed:
    """Embeds a table with the demo's model and cache, logging what it does."""

    def __init__(self, model: ModelSpec, cache: CacheSpec, progress: bool | None, say: Log):
        self.model, self.cache, self.progress, self.say = model, cache, progress, say
        self.logged: _LoggedEmbedder | None = None
        neural = isinstance(model, (str, os.PathLike)) and str(model).strip().lower() != "lsa"
        if neural:
            bar = sys.stderr.isatty() if progress is None else progress
            self.logged = _LoggedEmbedder(make_embedder(model), say, periodic=not bar)

    def __call__(self, table: StatementTable, what: str) -> StatementTable:
        n, distinct = len(table), len(set(table.column("text")))
        self.say(f"   embedding {n:,} {what} ({distinct:,} distinct)")
        t0 = time.perf_counter()
        if self.logged is None:
            out = embed(table, model=self.model, cache=self.cache, progress=self.progress)
        else:
            self.logged.start_step()
            out = embed(table, model=self.logged, cache=self.cache, progress=self.progress)
        dt = time.perf_counter() - t0
        done = self.logged.encoded if self.logged is not None else distinct
        if done == 0:
            self.say(f"   ... all from the cache, {dt:.1f} s")
        else:
            busy = self.logged.seconds if self.logged is not None else dt
            self.say(
                f"   ... done in {dt:.0f} s: {done:,} encoded ({done / max(busy, 1e-9):.0f}/s), "
                f"{distinct - done:,} from the cache"
            )
        return out


def _analyse(table: StatementTable, settings: Settings, say: Log) -> Analysis:
    say(
        f"   analysing {len(table):,} statements: similarity, topics, alignment "
        f"({settings.n_permutations} permutations, {settings.n_bootstrap} bootstrap draws)"
    )
    t0 = time.perf_counter()
    analysis = analyse(table, settings)
    say(
        f"   ... {len(analysis.alignments)} dyad(s) with {analysis.focus} in "
        f"{time.perf_counter() - t0:.0f} s; writing figures"
    )
    return analysis


def _seed(
    page: Page, folder: ReportFolder, figs: FigureWriter, emb: _Embed, say: Log
) -> list[Path]:
    table = emb(segment(load_example()), "statements")
    settings = Settings(min_statements=1, n_permutations=499, n_bootstrap=500)
    return write_section(
        page,
        _analyse(table, settings, say),
        folder,
        figs,
        prefix="seed",
        title="Xi Jinping and Sadyr Japarov, 17 June 2025",
        intro="Xinhua's report of the two presidents' meeting in Astana: 14 statements, all "
        "reported speech. The pairs below show where their positions meet (the railway, "
        "mutual support on core interests, the SCO).",
    )


def _kremlin(
    page: Page, folder: ReportFolder, figs: FigureWriter, emb: _Embed, plan: DemoPlan, say: Log
) -> list[Path]:
    arts = list(load_kremlin())
    n_all = len(arts)
    arts = arts[:: plan.kremlin_step]  # every k-th page: all years, fewer statements
    table = emb(segment(arts), f"statements from {len(arts)} Kremlin texts")
    settings = Settings(
        focus="Vladimir Putin",
        min_statements=plan.min_statements,
        max_counterparts=plan.max_counterparts,
        window="YE",  # most counterparts speak in a few recent years only
        n_permutations=plan.n_permutations,
        n_bootstrap=plan.n_bootstrap,
    )
    analysis = _analyse(table, settings, say)
    used = (
        ""
        if len(arts) == n_all
        else f" This run reads {len(arts)} of them (every {_ordinal(plan.kremlin_step)} text)."
    )
    return write_section(
        page,
        analysis,
        folder,
        figs,
        prefix="kremlin",
        title="The Kremlin's record, 2000–2020",
        intro=f"{n_all} English readouts and transcripts from en.kremlin.ru (CC BY 4.0).{used} "
        "Every text is the Kremlin's own account and translation of what was said: these "
        "comparisons are framed from Moscow. Alignment is with Vladimir Putin's statements in "
        f"the same corpus. Shuffle p-values come from {plan.n_permutations} permutations "
        f"(the smallest possible p is {1 / (plan.n_permutations + 1):.3g}) and 95% intervals "
        f"from {plan.n_bootstrap} bootstrap draws"
        + ("." if plan.name == "full" else "; the full run (--full) uses 499 and 500."),
    )


def _vote_matrix() -> LabeledMatrix:
    votes = load_ungd2017_votes()
    codes = sorted(set(votes["A"]) | set(votes["B"]))
    pos = {c: i for i, c in enumerate(codes)}
    vm = np.full((len(codes), len(codes)), np.nan)
    a_idx = votes["A"].map(pos).to_numpy()
    b_idx = votes["B"].map(pos).to_numpy()
    vm[a_idx, b_idx] = votes["vote_agreement"].to_numpy()
    vm[b_idx, a_idx] = votes["vote_agreement"].to_numpy()
    return LabeledMatrix(vm, tuple(codes), tuple(codes), "vote agreement 2017")


def _ungd_text(n_speeches: int, n_long: int, n_used: int, plan: DemoPlan) -> str:
    what = (
        f"{n_speeches} speeches of the 72nd General Debate (CC0), {n_long:,} sentences of five "
        "words or more"
    )
    if plan.per_speech is not None:
        what += (
            f", of which this run uses {n_used:,}: {plan.per_speech} per speech, evenly spaced "
            "through it (all of a shorter speech). Fewer sentences make noisier country "
            "centroids, which pulls r towards zero: quote the full run's figures (--full)"
        )
    return (
        what + ". One centroid per country with the corpus mean removed. Voting agreement: "
        "the share of the session's roll calls on which two countries voted alike."
    )


def _ungd(
    page: Page, folder: ReportFolder, figs: FigureWriter, emb: _Embed, plan: DemoPlan, say: Log
) -> list[Path]:
    arts = load_ungd2017()
    meta = {a.meta["speaker"]: a.meta for a in arts}
    table = segment(arts)
    words = np.array([len(t.split()) for t in table.column("text")])
    table = table[words >= 5]
    n_long = len(table)
    table = table[speech_sample(table.column("article_id"), plan.per_speech)]
    table = emb(table, f"of {n_long:,} sentences")
    sim = similarity(table, method="centroid", center=True)
    iso = {name: str(meta[name].get("country_iso", name)) for name in sim.rows}
    continent = {name: str(meta[name].get("continent", "")) for name in sim.rows}
    vote_m = _vote_matrix()
    by_iso = LabeledMatrix(
        sim.values,
        tuple(iso[n] for n in sim.rows),
        tuple(iso[n] for n in sim.columns),
        "speech similarity (centred centroid cosine)",
    )
    common = [c for c in by_iso.rows if c in set(vote_m.rows)]
    say(f"   QAP test over {len(common)} countries ({plan.qap_permutations} permutations)")
    r, p, n_pairs = qap_correlation(
        by_iso.select(common, common).values,
        vote_m.select(common, common).values,
        n_permutations=plan.qap_permutations,
    )
    sec = page.section("ungd", "UN General Debate 2017: speeches and votes")
    sec.p(_ungd_text(len(arts), n_long, len(table), plan))
    figs.add(
        sec,
        "ungd-map",
        "Countries placed by the similarity of their speeches (classical scaling), "
        "coloured by continent.",
        lambda ax: similarity_map(sim, groups=continent, labels=iso, ax=ax),
        (9, 7.5),
    )
    figs.add(
        sec,
        "ungd-votes",
        "Speech similarity against voting agreement, one point per pair of countries.",
        lambda ax: score_scatter(
            by_iso, vote_m, r=r, p=p, ax=ax, xlabel="speech similarity", ylabel="vote agreement"
        ),
        (6.5, 5),
    )
    sec.p(
        f"Pearson r = {r:.3f} over {n_pairs} pairs, QAP p = {p:.3g} from "
        f"{plan.qap_permutations} permutations (countries relabelled together, because dyads "
        "are not independent). Similar speech tracks shared agenda more than shared votes: "
        "read this as how much the text alone says about alignment.",
    )
    return [folder.write_csv("ungd-similarity.csv", sim.to_pandas(), index=True)]


def run_demo(
    output: str | os.PathLike[str],
    *,
    quick: bool = False,
    full: bool = False,
    model: ModelSpec = "all-MiniLM-L6-v2",
    cache: CacheSpec = "default",
    progress: bool | None = None,
    log: Log | None = None,
    overwrite: bool = False,
) -> Report:
    """Write the demo report for the bundled data to ``output`` (``report.html`` and files).

    By default the UN part uses 30 sentences per speech and the Kremlin part 199 permutations
    and 200 bootstrap draws per dyad (:func:`demo_plan`; the page says so); ``full=True``
    reads every sentence with 499 and 500 draws; ``quick=True`` uses smaller subsets (tests,
    CI). ``model="lsa"`` needs no neural model. ``log`` receives progress lines (steps, counts,
    rates); ``progress`` shows progress bars on stderr (``None``: when it is a terminal). The
    folder follows the report's rules (:class:`~stancekit.report.ReportFolder`): one that holds
    files stancekit did not write is refused unless ``overwrite``; files of an earlier demo
    that this one does not write again are removed.

    Raises
    ------
    ValueError
        Both ``quick`` and ``full``.
    ReportFolderError
        ``output`` holds files stancekit did not write and ``overwrite`` is false.
    """
    plan = demo_plan(full=full, quick=quick)
    folder = ReportFolder(output, overwrite=overwrite)  # refused before the long work
    say = log or (lambda _msg: None)
    page = Page(
        "stancekit demo: who said what, and how close",
        f"stancekit {__version__}; embeddings: {model if isinstance(model, str) else 'custom'}; "
        + f"data: {plan.describe()}",
    )
    figs = FigureWriter(folder)
    emb = _Embed(model, cache, progress, say)
    start = time.perf_counter()
    files: list[Path] = []
    say("1/3 the seed article")
    files += _seed(page, folder, figs, emb, say)
    say(f"2/3 the Kremlin's record ({time.perf_counter() - start:.0f} s so far)")
    files += _kremlin(page, folder, figs, emb, plan, say)
    say(f"3/3 the UN General Debate 2017 ({time.perf_counter() - start:.0f} s so far)")
    files += _ungd(page, folder, figs, emb, plan, say)
    about = page.section("about", "Data and method")
    about.p(
        "Statements come from stancekit's rule-based attribution (reported and direct speech, "
        "transcript turns, speeches); each is embedded with a sentence-transformers model; "
        "scores are calibrated against speaker labels shuffled within each corpus and given "
        "with bootstrap intervals. Sources and licences: seed article Xinhua (2025); Kremlin "
        "texts en.kremlin.ru, CC BY 4.0; UN General Debate Corpus (Baturo, Dasandi & "
        "Mikhaylov), CC0; voting data derived from unvotes (MIT; Voeten)."
    )
    about.p("This run: " + plan.describe(), cls="note")
    html_path = folder.claim("report.html")
    atomic_write_text(html_path, page.render())
    folder.finish()  # files of an earlier demo that this one did not write are removed
    say(f"done in {time.perf_counter() - start:.0f} s")
    return Report(folder.path, html_path, (html_path, *files, *figs.written))
