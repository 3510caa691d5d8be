"""``build_report``: the whole pipeline written to a folder with a self-contained HTML page.

The folder (:class:`ReportFolder`) holds only what stancekit wrote: a report refuses a folder
with other files unless told to overwrite, lists what it writes in a manifest
(``.stancekit-report.json``) before writing it, and removes what an earlier report wrote and
this one did not. Every file is written atomically; the same input gives the same bytes (SVG
ids are salted with a constant, no dates); CSV cells that a spreadsheet would run as a formula
are written as text.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from stancekit._atomic import atomic_path, atomic_write_bytes, atomic_write_text
from stancekit._version import __version__
from stancekit.data import LabeledMatrix
from stancekit.formulaic import formulaic_mask
from stancekit.plot import (
    alignment_forest,
    alignment_timeline,
    echo_pairs,
    similarity_heatmap,
    similarity_map,
    statement_map,
    timeline_windows,
    topic_heatmap,
)
from stancekit.report._analysis import ALPHA, Analysis, Settings, analyse, standout
from stancekit.report._folder import MANIFEST, ReportFolder, ReportFolderError, csv_safe
from stancekit.report._html import Page, Section
from stancekit.table import StatementTable

__all__ = [
    "MANIFEST",
    "FigureWriter",
    "Report",
    "ReportFolder",
    "ReportFolderError",
    "build_report",
    "csv_safe",
    "write_section",
]

#: SVG ids are hashes salted with this (matplotlib salts with a random uuid otherwise).
_SVG_SALT = "stancekit"


@dataclass(frozen=True)
class Report:
    """Where a report was written."""

    folder: Path
    html: Path
    files: tuple[Path, ...]


class FigureWriter:
    """Draws figures into PNG and SVG files under ``folder/figures`` and into a section.

    ``folder`` is a :class:`ReportFolder` (or a plain folder, written without a manifest).
    The files are the same bytes for the same figure: SVG ids are salted with a constant and
    carry no date (set for the save only, the user's ``rcParams`` are left as they were).
    """

    def __init__(self, folder: Path | ReportFolder) -> None:
        self.out = folder if isinstance(folder, ReportFolder) else ReportFolder.plain(folder)
        self.folder = self.out.path / "figures"
        self.written: list[Path] = []

    def add(
        self,
        section: Section,
        name: str,
        caption: str,
        draw: Callable[[Axes], Any],
        size: tuple[float, float],
    ) -> None:
        """Draw with ``draw(ax)``, save ``name.png`` and ``name.svg``, embed the PNG."""
        fig = Figure(figsize=size, layout="constrained")
        draw(fig.add_subplot())
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=130)
        png = buf.getvalue()
        png_path = self.out.claim(f"figures/{name}.png", f"figures/{name}.svg")
        svg_path = png_path.with_suffix(".svg")
        atomic_write_bytes(png_path, png)
        with atomic_path(svg_path) as tmp, matplotlib.rc_context({"svg.hashsalt": _SVG_SALT}):
            fig.savefig(tmp, format="svg", metadata={"Date": None})
        self.written += [png_path, svg_path]
        section.figure(png, caption, name=name)


def _matrix_csv(out: ReportFolder, name: str, m: LabeledMatrix) -> Path:
    return out.write_csv(name, m.to_pandas(), index=True)


_ALIGN_COLS = [
    "a", "b", "n_a", "n_b", "score", "ci_low", "ci_high", "z", "p", "stands_out", "agenda",
    "position",
]  # fmt: skip

#: What a filled point of the forest means, for a reader of the report.
STANDS_OUT = (
    "A filled point: B is closer to A than A's other counterparts are, allowing for group "
    f"sizes (p < {ALPHA:g}). z and p in the table compare each dyad with the other dyads that "
    "share one of its sides, formulae left out; dyads are not independent, so read them one "
    "at a time."
)


def _standouts(frame: pd.DataFrame) -> str:
    out = frame[frame["stands_out"]].sort_values("p", kind="stable")
    if out.empty:
        return f"No counterpart stands out at p < {ALPHA:g}."
    names = ", ".join(f"{b} (p = {p:.3f})" for b, p in zip(out["b"], out["p"], strict=True))
    return f"Stand out: {names}."


def _alignment_part(
    sec: Section, analysis: Analysis, out: ReportFolder, figures: FigureWriter, prefix: str
) -> Path:
    """The forest (standouts marked), its table, the pairs of the standout dyad and the
    over-time chart; returns the CSV written."""
    focus, s = analysis.focus, analysis.settings
    frame = analysis.alignment_frame()
    sec.heading(f"Alignment with {focus}")
    sec.p(
        "Soft alignment F with a 95% bootstrap interval; agenda = topic-share overlap "
        "(1 - Jensen-Shannon); position = alignment within shared topics. " + STANDS_OUT,
        cls="note",
    )
    figures.add(
        sec,
        f"{prefix}-alignment",
        f"Alignment of {focus} with each counterpart. " + _standouts(frame),
        lambda ax: alignment_forest(list(analysis.alignments), dyads=analysis.dyads, ax=ax),
        (8, min(14, 0.3 * len(analysis.alignments) + 2)),
    )
    sec.table(frame[[c for c in _ALIGN_COLS if c in frame]])
    best = standout(analysis.alignments, analysis.dyads)
    if best is not None and len(best.pairs):
        which = "closest" if analysis.dyads is None else "most standing-out"
        figures.add(
            sec,
            f"{prefix}-echoes",
            f"What the {which} dyad ({best.a} – {best.b}) rests on: its most similar "
            "statement pairs, formulae left out.",
            lambda ax: echo_pairs(best.pairs, ax=ax),
            (11, 1.25 * min(6, len(best.pairs)) + 0.8),
        )
    top = analysis.timeline
    if top is not None and top.by_window is not None:
        n = s.min_window_statements
        drawn = int(timeline_windows(top, min_statements=n).sum())
        figures.add(
            sec,
            f"{prefix}-timeline",
            f"{top.a} – {top.b} per {s.window} window: the dyad with most windows where both "
            f"sides have {n}+ statements ({drawn} of its {len(top.by_window)} windows); "
            "thinner windows are greyed, or left out before the first and after the last.",
            lambda ax: alignment_timeline(top, min_statements=n, ax=ax),
            (8, 3.8),
        )
    return out.write_csv(f"{prefix}-alignment.csv", frame)


def write_section(
    page: Page,
    analysis: Analysis,
    folder: Path | ReportFolder,
    figures: FigureWriter,
    *,
    prefix: str,
    title: str,
    intro: str = "",
) -> list[Path]:
    """Add one analysed corpus to ``page`` (figures, tables, statements) and write its files
    into ``folder`` (a :class:`ReportFolder`; a plain folder is the figures' own, or written
    without a manifest)."""
    if isinstance(folder, ReportFolder):
        out = folder
    else:
        out = figures.out if figures.out.path == Path(folder) else ReportFolder.plain(folder)
    sec = page.section(prefix, title)
    table = analysis.table  # the statements of the groups analysed
    if intro:
        sec.p(intro)
    for note in analysis.notes:
        sec.p(note, cls="note")
    by = analysis.settings.by
    sec.p(
        f"{len(table)} statements by {len(analysis.groups)} {by} values with at least "
        f"{analysis.settings.min_statements} substantive statements each; "
        f"focus: {analysis.focus}."
    )
    files: list[Path] = []
    n = len(analysis.groups)
    sec.heading("Who is close to whom")
    if n <= 60:
        figures.add(
            sec,
            f"{prefix}-similarity",
            f"Centroid cosine similarity ({by}), clustered.",
            lambda ax: similarity_heatmap(analysis.similarity, ax=ax),
            (min(13, 0.25 * n + 5), min(12, 0.25 * n + 4)),
        )
    else:
        figures.add(
            sec,
            f"{prefix}-similarity-map",
            f"Map of the {by} similarity matrix (classical scaling).",
            lambda ax: similarity_map(analysis.similarity, ax=ax),
            (8, 6.5),
        )
    files.append(_matrix_csv(out, f"{prefix}-similarity.csv", analysis.similarity))
    if analysis.alignments:
        files.append(_alignment_part(sec, analysis, out, figures, prefix))
    if analysis.topics is not None and analysis.shares is not None:
        model = analysis.topics
        sec.heading("Topics")
        sec.p(
            f"{model.n_topics} topics ({model.method}); {model.k_choice.reason}",
            cls="note",
        )
        figures.add(
            sec,
            f"{prefix}-topics",
            f"Share of each {by}'s statements per topic.",
            lambda ax: topic_heatmap(model, by=by, ax=ax),
            (min(16, 0.35 * n + 5), min(12, 0.4 * model.n_topics + 2)),
        )
        figures.add(
            sec,
            f"{prefix}-map",
            "Statements (PCA of the embeddings) coloured by speaker, "
            "topic labels at their centres.",
            lambda ax: statement_map(
                table, topics=model.assignments, topic_labels=model.labels, ax=ax
            ),
            (8, 6.5),
        )
        tframe = model.to_pandas()
        sec.table(tframe[[c for c in ("topic", "label", "size", "keywords") if c in tframe]])
        files.append(out.write_csv(f"{prefix}-topics.csv", tframe))
        files.append(_matrix_csv(out, f"{prefix}-topic-shares.csv", analysis.shares))
    sec.heading("Statements")
    frame = table.to_pandas(embeddings=False)
    groups = [
        (str(g), frame.loc[frame[by].astype(str) == g, "text"].tolist()) for g in analysis.groups
    ]
    sec.statements(groups)
    return files


def _provenance(page: Page, table: StatementTable, settings: dict[str, Any]) -> None:
    sec = page.section("provenance", "Parameters and provenance")
    prov = table.provenance
    rows = [("stancekit", __version__)]
    rows += [
        (
            f"embeddings: {k}",
            json.dumps(v, sort_keys=True) if isinstance(v, (dict, list)) else str(v),
        )
        for k, v in sorted(prov.items())
    ]
    rows += [(f"setting: {k}", str(v)) for k, v in sorted(settings.items())]
    sec.table(pd.DataFrame(rows, columns=["item", "value"]), max_rows=200)


def build_report(
    table: StatementTable,
    output: str | os.PathLike[str],
    *,
    title: str = "stancekit report",
    settings: Settings | None = None,
    intro: str = "",
    overwrite: bool = False,
) -> Report:
    """Analyse an embedded statement table and write the report folder.

    Writes ``report.html`` (self-contained), ``statements.parquet`` (with the ``formulaic``
    flags and, with topics, each statement's ``topic``), matrices and tables as CSV (cells a
    spreadsheet would run as formulae written as text, see :func:`csv_safe`), every figure as
    PNG and SVG under ``figures/``, and the manifest :data:`MANIFEST` listing these files.
    The same input gives the same bytes.

    The folder may be new, empty, or hold an earlier report: the files of the earlier report
    that this one does not write (a figure it no longer draws) are removed. A folder with
    other files is refused before any work, unless ``overwrite=True``: files of the same
    names are then replaced and the others left alone.

    Raises
    ------
    ReportFolderError
        ``output`` holds files stancekit did not write (and ``overwrite`` is false), or is a
        file.
    """
    s = settings or Settings()
    out = ReportFolder(output, overwrite=overwrite)  # refused before the long work
    folder = out.path
    analysis = analyse(table, s)
    page = Page(title, f"stancekit {__version__}; {len(table)} statements")
    figures = FigureWriter(out)
    files = write_section(
        page, analysis, out, figures, prefix="corpus", title="Analysis", intro=intro
    )
    stmts = table.with_column("formulaic", formulaic_mask(table))  # as analyse flagged them
    if analysis.topics is not None:
        labels = np.asarray((*analysis.topics.labels, "outliers"), dtype=object)
        keep = np.isin(table.column(s.by).astype(str), analysis.groups)
        topic_col = np.full(len(table), "", dtype=object)
        topic_col[keep] = np.where(
            analysis.topics.formulaic, "formulaic", labels[analysis.topics.assignments]
        )
        stmts = stmts.with_column("topic", topic_col.tolist())
    stmts.to_parquet(out.claim("statements.parquet"))
    files.append(folder / "statements.parquet")
    _provenance(page, table, asdict(s))
    html_path = out.claim("report.html")
    atomic_write_text(html_path, page.render())
    out.finish()
    return Report(folder, html_path, (html_path, *files, *figures.written))
