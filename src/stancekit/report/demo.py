"""``stancekit demo``: the report on the bundled data, three analyses on one page.

1. the seed article: Xi Jinping and Sadyr Japarov, with their matched statements;
2. the Kremlin's record (2000–2020): how what foreign leaders said lined up with what Putin
   said, on which topics and over time (the record is Moscow's account);
3. the UN General Debate 2017: a map of countries by what their speeches say, and text
   alignment set against voting agreement (QAP test).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from stancekit._atomic import atomic_write_text
from stancekit._version import __version__
from stancekit.compare import similarity
from stancekit.core.qap import qap_correlation
from stancekit.data import LabeledMatrix
from stancekit.datasets import load_example, load_kremlin, load_ungd2017, load_ungd2017_votes
from stancekit.embed import embed
from stancekit.embed.pipeline import CacheSpec, ModelSpec
from stancekit.plot import score_scatter, similarity_map
from stancekit.report._analysis import Settings, analyse
from stancekit.report._build import FigureWriter, Report, write_section
from stancekit.report._html import Page
from stancekit.segment import segment
from stancekit.table import StatementTable

__all__ = ["run_demo"]

Log = Callable[[str], None]


def _embed(
    table: StatementTable, model: ModelSpec, cache: CacheSpec, progress: bool | None
) -> StatementTable:
    return embed(table, model=model, cache=cache, progress=progress)


def _seed(
    page: Page, folder: Path, figs: FigureWriter, emb: Callable[[StatementTable], StatementTable]
) -> list[Path]:
    table = emb(segment(load_example()))
    analysis = analyse(table, Settings(min_statements=1, n_permutations=499, n_bootstrap=500))
    return write_section(
        page,
        analysis,
        folder,
        figs,
        prefix="seed",
        title="Xi Jinping and Sadyr Japarov, 17 June 2025",
        intro="Xinhua's report of the two presidents' meeting in Astana: 14 statements, all "
        "reported speech. The pairs below show where their positions meet (the railway, "
        "mutual support on core interests, the SCO).",
    )


def _kremlin(
    page: Page,
    folder: Path,
    figs: FigureWriter,
    emb: Callable[[StatementTable], StatementTable],
    quick: bool,
) -> list[Path]:
    arts = list(load_kremlin())
    if quick:
        arts = arts[::4]  # every fourth page: all years, fewer statements
    table = emb(segment(arts))
    settings = Settings(
        focus="Vladimir Putin",
        min_statements=3 if quick else 5,
        max_counterparts=12 if quick else 30,
        window="YE",  # most counterparts speak in a few recent years only
        n_permutations=99 if quick else 499,
        n_bootstrap=100 if quick else 500,
    )
    analysis = analyse(table, settings)
    return write_section(
        page,
        analysis,
        folder,
        figs,
        prefix="kremlin",
        title="The Kremlin's record, 2000–2020",
        intro="300 English readouts and transcripts from en.kremlin.ru (CC BY 4.0). Every text "
        "is the Kremlin's own account and translation of what was said: these comparisons are "
        "framed from Moscow. Alignment is with Vladimir Putin's statements in the same corpus.",
    )


def _ungd(
    page: Page,
    folder: Path,
    figs: FigureWriter,
    emb: Callable[[StatementTable], StatementTable],
    quick: bool,
) -> list[Path]:
    arts = load_ungd2017()
    meta = {a.meta["speaker"]: a.meta for a in arts}
    table = segment(arts)
    words = np.array([len(t.split()) for t in table.column("text")])
    table = table[words >= 5]
    if quick:
        keep = (
            pd.Series(table.column("speaker"))
            .groupby(table.column("speaker"))
            .cumcount()
            .to_numpy()
            < 12
        )
        table = table[keep]
    table = emb(table)
    sim = similarity(table, method="centroid", center=True)
    iso = {name: str(meta[name].get("country_iso", name)) for name in sim.rows}
    continent = {name: str(meta[name].get("continent", "")) for name in sim.rows}
    votes = load_ungd2017_votes()
    codes = sorted(set(votes["A"]) | set(votes["B"]))
    pos = {c: i for i, c in enumerate(codes)}
    vm = np.full((len(codes), len(codes)), np.nan)
    a_idx = votes["A"].map(pos).to_numpy()
    b_idx = votes["B"].map(pos).to_numpy()
    vm[a_idx, b_idx] = votes["vote_agreement"].to_numpy()
    vm[b_idx, a_idx] = votes["vote_agreement"].to_numpy()
    by_iso = LabeledMatrix(
        sim.values,
        tuple(iso[n] for n in sim.rows),
        tuple(iso[n] for n in sim.columns),
        "speech similarity (centred centroid cosine)",
    )
    vote_m = LabeledMatrix(vm, tuple(codes), tuple(codes), "vote agreement 2017")
    common = [c for c in by_iso.rows if c in pos]
    r, p, n_pairs = qap_correlation(
        by_iso.select(common, common).values,
        vote_m.select(common, common).values,
        n_permutations=199 if quick else 999,
    )
    sec = page.section("ungd", "UN General Debate 2017: speeches and votes")
    sec.p(
        f"{len(arts)} speeches of the 72nd General Debate (CC0), {len(table)} sentences of five "
        "words or more, one centroid per country with the corpus mean removed. Voting agreement: "
        "the share of the session's roll calls on which two countries voted alike."
    )
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
        f"Pearson r = {r:.3f} over {n_pairs} pairs, QAP p = {p:.3g} (countries relabelled "
        "together, because dyads are not independent). Similar speech tracks shared agenda "
        "more than shared votes: read this as how much the text alone says about alignment.",
    )
    out = folder / "ungd-similarity.csv"
    atomic_write_text(out, sim.to_pandas().to_csv())
    return [out]


def run_demo(
    output: str | os.PathLike[str],
    *,
    quick: bool = False,
    model: ModelSpec = "all-MiniLM-L6-v2",
    cache: CacheSpec = "default",
    progress: bool | None = None,
    log: Log | None = None,
) -> Report:
    """Write the demo report for the bundled data to ``output`` (``report.html`` and files).

    ``quick`` uses subsets (for tests and CI); ``model="lsa"`` needs no neural model.
    """
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    say = log or (lambda _msg: None)
    page = Page(
        "stancekit demo: who said what, and how close",
        f"stancekit {__version__}; embeddings: {model if isinstance(model, str) else 'custom'}",
    )
    figs = FigureWriter(folder)

    def emb(t: StatementTable) -> StatementTable:
        return _embed(t, model, cache, progress)

    files: list[Path] = []
    say("1/3 the seed article")
    files += _seed(page, folder, figs, emb)
    say("2/3 the Kremlin's record")
    files += _kremlin(page, folder, figs, emb, quick)
    say("3/3 the UN General Debate 2017")
    files += _ungd(page, folder, figs, emb, quick)
    about = page.section("about", "Data and method")
    about.p(
        "Statements come from stancekit's rule-based attribution (reported and direct speech, "
        "transcript turns, speeches); each is embedded with a sentence-transformers model; "
        "scores are calibrated against speaker labels shuffled within each corpus and given "
        "with bootstrap intervals. Sources and licences: seed article Xinhua (2025); Kremlin "
        "texts en.kremlin.ru, CC BY 4.0; UN General Debate Corpus (Baturo, Dasandi & "
        "Mikhaylov), CC0; voting data derived from unvotes (MIT; Voeten)."
    )
    html_path = folder / "report.html"
    atomic_write_text(html_path, page.render())
    return Report(folder, html_path, (html_path, *files, *figs.written))
