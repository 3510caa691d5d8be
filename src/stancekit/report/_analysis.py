"""The analyses behind a report: similarity, calibrated alignment of a focus speaker with the
others, topics, and the statement pairs that explain the scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stancekit.compare import Alignment, DyadMatrix, Echoes, alignment, dyads, echoes, similarity
from stancekit.data import LabeledMatrix
from stancekit.formulaic import formulaic_mask
from stancekit.plot import timeline_windows
from stancekit.table import StatementTable
from stancekit.topics import TopicModel, topics

__all__ = ["ALPHA", "Analysis", "Settings", "analyse", "dyad_stats", "standout", "timeline_pick"]

#: Level below which a dyad "stands out" from A's other counterparts in the report.
ALPHA = 0.05


@dataclass(frozen=True)
class Settings:
    """What a report computes. Every random step is seeded with ``seed``.

    ``min_statements`` counts a group's substantive statements (formulae left out);
    ``min_window_statements`` is what each side needs in a time window for the over-time
    chart to draw it.
    """

    focus: str | None = None
    by: str = "speaker"
    min_statements: int = 3
    max_counterparts: int = 30
    n_topics: int | str = "auto"
    n_permutations: int = 199
    n_bootstrap: int = 200
    window: str | None = None
    min_window_statements: int = 5
    center: bool = True
    seed: int = 0


@dataclass(frozen=True)
class Analysis:
    """Results of :func:`analyse` (each has ``to_pandas()``)."""

    settings: Settings
    focus: str
    groups: tuple[str, ...]
    similarity: LabeledMatrix
    alignments: tuple[Alignment, ...]
    topics: TopicModel | None
    shares: LabeledMatrix | None
    echoes: Echoes
    table: StatementTable = field(repr=False)
    notes: tuple[str, ...] = field(default_factory=tuple)
    dyads: DyadMatrix | None = None
    n_formulaic: int = 0
    timeline: Alignment | None = None

    def alignment_frame(self) -> pd.DataFrame:
        """One row per dyad, sorted by score: the alignment's fields, its permutation test as
        ``shuffle_z``/``shuffle_p``, and ``z``, ``p``, ``percentile``, ``stands_out`` and
        ``calibration_note`` against A's other counterparts (:func:`dyad_stats`)."""
        if not self.alignments:
            return pd.DataFrame()
        frame = pd.concat([a.to_pandas() for a in self.alignments], ignore_index=True)
        frame = frame.rename(columns={"z": "shuffle_z", "p": "shuffle_p"})
        stats = dyad_stats(self.alignments, self.dyads)
        at = frame.columns.get_loc("shuffle_z")
        for i, col in enumerate(("z", "p", "percentile", "stands_out", "calibration_note")):
            frame.insert(int(at) + i, col, stats[col])  # type: ignore[arg-type]
        return frame.sort_values(["score", "b"], ascending=[False, True], ignore_index=True)


def dyad_stats(alignments: Sequence[Alignment], matrix: DyadMatrix | None) -> pd.DataFrame:
    """For each alignment's dyad: z, p, percentile and reason from the calibrated matrix,
    and ``stands_out`` (``p < ALPHA``). NaN (and False) without a matrix or a row in it."""
    pos = {} if matrix is None else {g: i for i, g in enumerate(matrix.labels)}
    rows = []
    for r in alignments:
        if matrix is None or r.a not in pos or r.b not in pos:
            rows.append((np.nan, np.nan, np.nan, "not calibrated"))
            continue
        i, j = pos[r.a], pos[r.b]
        rows.append(
            (
                float(matrix.z[i, j]),
                float(matrix.p[i, j]),
                float(matrix.percentile[i, j]),
                str(matrix.reason[i, j]),
            )
        )
    out = pd.DataFrame(rows, columns=["z", "p", "percentile", "calibration_note"])
    out.insert(3, "stands_out", (out["p"] < ALPHA).to_numpy())
    return out


def standout(alignments: Sequence[Alignment], matrix: DyadMatrix | None) -> Alignment | None:
    """The dyad to explain with statement pairs: the one that stands out most from the focus's
    other counterparts (highest calibrated z), or the highest score when no z is finite."""
    if not alignments:
        return None
    z = dyad_stats(alignments, matrix)["z"].to_numpy()
    if np.isfinite(z).any():
        return alignments[int(np.nanargmax(z))]
    return max(alignments, key=lambda r: (r.score, r.b))


def timeline_pick(alignments: Sequence[Alignment], min_statements: int) -> Alignment | None:
    """The dyad with most time windows where both sides have ``min_statements``+ statements
    (at least two such windows; ties: more statements in them, then the name), else None."""
    best: tuple[int, int, str] | None = None
    pick = None
    for r in alignments:
        if r.by_window is None:
            continue
        ok = timeline_windows(r, min_statements=min_statements)
        n_both = np.minimum(r.by_window.n_a, r.by_window.n_b)[ok]
        key = (int(ok.sum()), int(n_both.sum()), r.b)
        if key[0] >= 2 and (best is None or key[:2] > best[:2]):
            best, pick = key, r
    return pick


def _groups(table: StatementTable, s: Settings) -> tuple[str, ...]:
    """Groups with ``min_statements``+ substantive statements, largest first."""
    values = pd.Series(table.column(s.by)).astype(object)
    values = values[~np.asarray(table.column("formulaic"), dtype=bool)].dropna().astype(str)
    counts = values.value_counts()
    keep = counts[counts >= s.min_statements]
    ordered = sorted(keep.index, key=lambda g: (-int(keep[g]), g))
    return tuple(ordered)


def _window_note(s: Settings, timeline: Alignment | None) -> list[str]:
    if s.window is None or timeline is not None:
        return []
    return [
        f"too few statements over time for a chart: no counterpart has "
        f"{s.min_window_statements}+ statements on both sides in two or more {s.window} windows"
    ]


def analyse(table: StatementTable, settings: Settings | None = None) -> Analysis:
    """Run every analysis of a report on an embedded statement table.

    Formulae (greetings, thanks, courtesies, procedure; :mod:`stancekit.formulaic`) are
    flagged once and left out of every score, topic and statement pair. The focus is
    ``settings.focus`` or the group with most statements; it is compared with up to
    ``max_counterparts`` other groups that have at least ``min_statements`` substantive
    statements, and every dyad is calibrated against the focus's other counterparts
    (:func:`stancekit.compare.dyads`).
    """
    s = settings or Settings()
    if table.embeddings is None:
        raise ValueError("the report needs embeddings; call stancekit.embed(table) first")
    # flag formulae once: every analysis below reads the same 'formulaic' column
    table = table.with_column("formulaic", formulaic_mask(table))
    notes: list[str] = []
    groups = _groups(table, s)
    if len(groups) < 2:
        raise ValueError(
            f"a report needs at least two {s.by} values with {s.min_statements}+ substantive "
            f"statements; found {list(groups)}"
        )
    sub = table[np.isin(table.column(s.by).astype(str), groups)]
    flags = np.asarray(sub.column("formulaic"), dtype=bool)
    n_formulaic = int(flags.sum())
    notes.append(
        f"{n_formulaic} of the {len(sub)} statements are formulae (greetings, thanks, "
        "courtesies, procedure) and are left out of every score, topic and statement pair"
    )
    focus = s.focus or groups[0]
    if focus not in groups:
        raise KeyError(
            f"focus {focus!r} has fewer than {s.min_statements} substantive statements or is "
            "unknown"
        )
    # removing the corpus mean only makes sense with enough groups to define it
    center = s.center and len(groups) >= 5
    if s.center and not center:
        notes.append("similarities not centred: fewer than five groups")
    # groups are already chosen by size; formulae are left out and counted in the matrix
    sim = similarity(sub, method="centroid", by=s.by, center=center, min_statements=1)
    model: TopicModel | None = None
    shares: LabeledMatrix | None = None
    topic_arg: np.ndarray | None = None
    if len(sub) - n_formulaic >= 8:
        model = topics(sub, n_topics=s.n_topics, seed=s.seed)
        shares = model.shares(s.by)
        topic_arg = model.assignments
    else:
        notes.append(f"topics skipped: {len(sub) - n_formulaic} statements are too few")
    others = [g for g in groups if g != focus][: s.max_counterparts]
    if len(groups) - 1 > s.max_counterparts:
        notes.append(
            f"alignment computed for the {s.max_counterparts} largest of "
            f"{len(groups) - 1} counterparts"
        )
    results = tuple(
        alignment(
            sub,
            focus,
            other,
            by=s.by,
            topics=topic_arg,
            window=s.window,
            n_permutations=s.n_permutations,
            n_bootstrap=s.n_bootstrap,
            center=center,
            seed=s.seed,
        )
        for other in others
    )
    # every group's statements (dyads leaves the flagged formulae out): A's other
    # counterparts are all of them
    matrix = dyads(sub, method="soft", by=s.by, seed=s.seed, center=center)
    timeline = timeline_pick(results, s.min_window_statements)
    notes += _window_note(s, timeline)
    best = standout(results, matrix)
    pairs = best.pairs if best is not None else echoes(sub, k=10, by=s.by)
    return Analysis(
        s, focus, groups, sim, results, model, shares, pairs, sub, tuple(notes), matrix,
        n_formulaic, timeline,
    )  # fmt: skip
