"""The analyses behind a report: similarity, calibrated alignment of a focus speaker with the
others, topics, and the statement pairs that explain the scores."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from stancekit.compare import Alignment, Echoes, alignment, echoes, similarity
from stancekit.data import LabeledMatrix
from stancekit.table import StatementTable
from stancekit.topics import TopicModel, topics

__all__ = ["Analysis", "Settings", "analyse"]


@dataclass(frozen=True)
class Settings:
    """What a report computes. Every random step is seeded with ``seed``."""

    focus: str | None = None
    by: str = "speaker"
    min_statements: int = 3
    max_counterparts: int = 30
    n_topics: int | str = "auto"
    n_permutations: int = 199
    n_bootstrap: int = 200
    window: str | None = None
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

    def alignment_frame(self) -> pd.DataFrame:
        """One row per dyad, sorted by score."""
        if not self.alignments:
            return pd.DataFrame()
        frame = pd.concat([a.to_pandas() for a in self.alignments], ignore_index=True)
        return frame.sort_values(["score", "b"], ascending=[False, True], ignore_index=True)


def _groups(table: StatementTable, s: Settings) -> tuple[str, ...]:
    values = pd.Series(table.column(s.by)).dropna().astype(str)
    counts = values.value_counts()
    keep = counts[counts >= s.min_statements]
    ordered = sorted(keep.index, key=lambda g: (-int(keep[g]), g))
    return tuple(ordered)


def analyse(table: StatementTable, settings: Settings | None = None) -> Analysis:
    """Run every analysis of a report on an embedded statement table.

    The focus is ``settings.focus`` or the group with most statements; it is compared with
    up to ``max_counterparts`` other groups that have at least ``min_statements`` statements.
    """
    s = settings or Settings()
    if table.embeddings is None:
        raise ValueError("the report needs embeddings; call stancekit.embed(table) first")
    notes: list[str] = []
    groups = _groups(table, s)
    if len(groups) < 2:
        raise ValueError(
            f"a report needs at least two {s.by} values with {s.min_statements}+ statements; "
            f"found {list(groups)}"
        )
    sub = table[np.isin(table.column(s.by).astype(str), groups)]
    focus = s.focus or groups[0]
    if focus not in groups:
        raise KeyError(
            f"focus {focus!r} has fewer than {s.min_statements} statements or is unknown"
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
    if len(sub) >= 8:
        # about twenty statements a topic at most: more topics than that do not read
        top_k = max(2, min(30, len(sub) // 20))
        grid = tuple(range(2, top_k + 1)) if top_k >= 3 else (2,)
        model = topics(sub, n_topics=s.n_topics, seed=s.seed, k_grid=grid)
        shares = model.shares(s.by)
        topic_arg = model.assignments
    else:
        notes.append(f"topics skipped: {len(sub)} statements are too few")
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
    best = max(results, key=lambda r: (r.score, r.b)) if results else None
    pairs = best.pairs if best is not None else echoes(sub, k=10, by=s.by)
    return Analysis(s, focus, groups, sim, results, model, shares, pairs, sub, tuple(notes))
