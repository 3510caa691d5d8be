"""Topic-by-topic comparison of two speakers (or two groups): :class:`TopicComparison`.

For groups ``A`` and ``B`` and the ``k`` topics (outliers left out):

- **shares**: ``p[t] = n_A[t] / sum_t' n_A[t']`` and likewise ``q`` for ``B``;
- **agenda overlap**: ``1 - JSD(p, q)`` with ``JSD(p, q) = H(m) - (H(p) + H(q)) / 2``,
  ``m = (p + q) / 2`` and ``H`` the Shannon entropy in bits, so it lies in ``[0, 1]``: 1 for
  identical shares, 0 for disjoint agendas;
- **alignment within a shared topic** ``t`` (one that both groups speak about): with ``a_i``
  the unit vectors of A's statements in ``t`` and ``b_j`` B's, ``precision = mean_i max_j
  a_i . b_j``, ``recall = mean_j max_i a_i . b_j``, ``F = 2 P R / (P + R)``. The statement
  pairs behind it are each statement's best match on the other side;
- **position**: ``sum_t w[t] F[t] / sum_t w[t]`` over shared topics, ``w[t] = min(p[t], q[t])``
  (NaN when no topic is shared).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.core import block_rows, harmonic_f, js_overlap

__all__ = ["TopicComparison", "best_pairs", "compare_groups"]


@dataclass(frozen=True, eq=False)
class TopicComparison:
    """Agenda overlap and within-topic alignment of two groups (see the module docstring).

    Attributes
    ----------
    a, b
        The two group names.
    by
        The column they come from (``"speaker"``, ``"country"``...).
    agenda_overlap
        ``1 - JSD`` (base 2) of the two topic-share vectors; NaN if a group has no statement
        in any topic.
    position
        Alignment ``F`` averaged over shared topics with weights ``min(p[t], q[t])``.
    topics
        ``(k,)`` topic labels.
    n_a, n_b
        ``(k,)`` int64 statements of each group per topic.
    share_a, share_b
        ``(k,)`` float64 topic shares ``p`` and ``q``.
    precision, recall, f
        ``(k,)`` float64 soft alignment per topic; NaN where a topic is not shared.
    n_outliers_a, n_outliers_b
        Statements of each group in no topic (left out of everything above).
    pair_topic
        ``(p,)`` int64 topic of each statement pair.
    pair_side
        ``(p,)`` ``"a"`` where A's statement ``pair_a`` found its best match ``pair_b`` (these
        make the precision), ``"b"`` where B's statement ``pair_b`` found ``pair_a`` (recall).
    pair_a, pair_b
        ``(p,)`` int64 row indices of the two statements in the table.
    pair_cosine
        ``(p,)`` float64 their cosine.
    pair_text_a, pair_text_b
        ``(p,)`` their texts.
    n_formulaic_a, n_formulaic_b
        Formulaic statements of each group left out (see
        :func:`stancekit.topics.topics`'s ``keep_formulaic``).
    """

    a: str
    b: str
    by: str
    agenda_overlap: float
    position: float
    topics: tuple[str, ...]
    n_a: npt.NDArray[np.int64]
    n_b: npt.NDArray[np.int64]
    share_a: npt.NDArray[np.float64]
    share_b: npt.NDArray[np.float64]
    precision: npt.NDArray[np.float64]
    recall: npt.NDArray[np.float64]
    f: npt.NDArray[np.float64]
    n_outliers_a: int
    n_outliers_b: int
    pair_topic: npt.NDArray[np.int64]
    pair_side: npt.NDArray[np.str_]
    pair_a: npt.NDArray[np.int64]
    pair_b: npt.NDArray[np.int64]
    pair_cosine: npt.NDArray[np.float64]
    pair_text_a: npt.NDArray[np.object_]
    pair_text_b: npt.NDArray[np.object_]
    n_formulaic_a: int = 0
    n_formulaic_b: int = 0

    @property
    def shared(self) -> npt.NDArray[np.bool_]:
        """``(k,)`` topics both groups speak about."""
        return (self.n_a > 0) & (self.n_b > 0)

    def to_pandas(self) -> pd.DataFrame:
        """One row per topic: counts, shares, ``shared``, precision, recall, F."""
        return pd.DataFrame(
            {
                "topic": np.arange(len(self.topics)),
                "label": list(self.topics),
                f"n_{self.a}": self.n_a,
                f"n_{self.b}": self.n_b,
                f"share_{self.a}": self.share_a,
                f"share_{self.b}": self.share_b,
                "shared": self.shared,
                "precision": self.precision,
                "recall": self.recall,
                "f": self.f,
            }
        )

    def pairs(self, topic: int | None = None) -> pd.DataFrame:
        """The statement pairs behind the alignment, best first within each topic.

        Parameters
        ----------
        topic
            Only this topic's pairs (default: all).
        """
        keep = np.ones(self.pair_topic.size, bool) if topic is None else self.pair_topic == topic
        frame = pd.DataFrame(
            {
                "topic": self.pair_topic[keep],
                "label": np.asarray(self.topics, dtype=object)[self.pair_topic[keep]],
                "side": self.pair_side[keep],
                f"row_{self.a}": self.pair_a[keep],
                f"row_{self.b}": self.pair_b[keep],
                "cosine": self.pair_cosine[keep],
                f"text_{self.a}": self.pair_text_a[keep],
                f"text_{self.b}": self.pair_text_b[keep],
            }
        )
        return frame.sort_values(["topic", "cosine"], ascending=[True, False], kind="stable")


_Best = tuple[
    npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64], npt.NDArray[np.int64]
]


def best_pairs(XA: npt.NDArray[np.floating], XB: npt.NDArray[np.floating]) -> _Best:
    """Each row's best match on the other side, with its index (blocked matrix products).

    Parameters
    ----------
    XA
        ``(m, d)`` unit rows, ``m >= 1``.
    XB
        ``(k, d)`` unit rows, ``k >= 1``.

    Returns
    -------
    best_a, arg_a
        ``(m,)``: ``max_j a_i . b_j`` and the ``j`` (first on ties).
    best_b, arg_b
        ``(k,)``: ``max_i a_i . b_j`` and the ``i`` (first on ties).
    """
    m, k = XA.shape[0], XB.shape[0]
    best_a = np.empty(m)
    arg_a = np.empty(m, dtype=np.int64)
    best_b = np.full(k, -np.inf)
    arg_b = np.zeros(k, dtype=np.int64)
    rows = block_rows(m, k)
    for r0 in range(0, m, rows):
        cos = (XA[r0 : r0 + rows] @ XB.T).astype(np.float64)
        arg = np.argmax(cos, axis=1)
        arg_a[r0 : r0 + arg.size] = arg
        best_a[r0 : r0 + arg.size] = cos[np.arange(arg.size), arg]
        col_arg = np.argmax(cos, axis=0)
        col_best = cos[col_arg, np.arange(k)]
        better = col_best > best_b
        best_b[better] = col_best[better]
        arg_b[better] = col_arg[better] + r0
    return best_a, arg_a, best_b, arg_b


def _topic_pairs(
    X: npt.NDArray[np.float32], rows_a: npt.NDArray[np.int64], rows_b: npt.NDArray[np.int64]
) -> tuple[float, float, list[npt.NDArray[np.generic]]]:
    best_a, arg_a, best_b, arg_b = best_pairs(X[rows_a], X[rows_b])
    parts: list[npt.NDArray[np.generic]] = [
        np.concatenate([np.full(rows_a.size, "a"), np.full(rows_b.size, "b")]),
        np.concatenate([rows_a, rows_a[arg_b]]),
        np.concatenate([rows_b[arg_a], rows_b]),
        np.concatenate([best_a, best_b]),
    ]
    return float(best_a.mean()), float(best_b.mean()), parts


def compare_groups(
    X: npt.NDArray[np.float32],
    assignments: npt.NDArray[np.int64],
    texts: npt.NDArray[np.object_],
    group_rows: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    *,
    names: tuple[str, str, str],
    topics: tuple[str, ...],
) -> TopicComparison:
    """Compute a :class:`TopicComparison` (inputs already validated).

    Parameters
    ----------
    X
        ``(n, d)`` unit rows of the whole table.
    assignments
        ``(n,)`` topic of each row (``-1``: outlier).
    texts
        ``(n,)`` statement texts.
    group_rows
        Row indices of group A and of group B.
    names
        ``(a, b, by)``.
    topics
        ``(k,)`` topic labels.
    """
    k = len(topics)
    ra, rb = group_rows
    ta, tb = assignments[ra], assignments[rb]
    n_a = np.bincount(ta[ta >= 0], minlength=k).astype(np.int64)
    n_b = np.bincount(tb[tb >= 0], minlength=k).astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        p, q = n_a / n_a.sum(), n_b / n_b.sum()
    overlap = float(js_overlap(np.stack([p]), np.stack([q]))[0, 0]) if k else float("nan")
    prec, rec = np.full(k, np.nan), np.full(k, np.nan)
    chunks: list[list[npt.NDArray[np.generic]]] = []
    topic_ids: list[npt.NDArray[np.int64]] = []
    for t in np.flatnonzero((n_a > 0) & (n_b > 0)):
        prec[t], rec[t], parts = _topic_pairs(X, ra[ta == t], rb[tb == t])
        chunks.append(parts)
        topic_ids.append(np.full(parts[0].size, t, dtype=np.int64))
    f = harmonic_f(prec, rec)
    w = np.where(np.isfinite(f), np.minimum(p, q), 0.0)
    position = float((w * np.nan_to_num(f)).sum() / w.sum()) if w.sum() > 0 else float("nan")
    side, pa, pb, cos = (
        [np.concatenate([c[i] for c in chunks]) for i in range(4)]
        if chunks
        else [np.empty(0, "<U1"), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)]
    )
    return TopicComparison(
        names[0], names[1], names[2], overlap, position, topics, n_a, n_b, p, q, prec, rec, f,
        int(np.count_nonzero(ta < 0)), int(np.count_nonzero(tb < 0)),
        np.concatenate(topic_ids) if topic_ids else np.empty(0, np.int64),
        side.astype("<U1"), pa.astype(np.int64), pb.astype(np.int64), cos.astype(np.float64),
        texts[pa.astype(np.int64)], texts[pb.astype(np.int64)],
    )  # fmt: skip
