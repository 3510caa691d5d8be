"""``echoes``: the most similar cross-speaker statement (or clause) pairs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from stancekit.compare._clauses import split_clauses
from stancekit.compare._input import (
    Groups,
    center_rows,
    embeddings_of,
    require_label,
    substantive_groups,
)
from stancekit.compare.results import Echoes
from stancekit.core import top_pairs
from stancekit.table import StatementTable

__all__ = ["echo_rows", "echoes", "pairs_result"]

Embedder = Callable[[list[str]], npt.ArrayLike]
_Pairs = tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


def pairs_result(
    table: StatementTable,
    groups: Groups,
    pairs: _Pairs,
    spans: tuple[Sequence[str], Sequence[str]] | None = None,
) -> Echoes:
    """Wrap scored pairs of table rows with their speakers, texts and articles."""
    scores, row_a, row_b = pairs
    text = table.column("text")
    article = table.column("article_id")
    labels = np.array(groups.labels, dtype=object)

    def strs(values: Any) -> tuple[str, ...]:
        return tuple(str(v) for v in values)

    return Echoes(
        score=scores.astype(np.float64),
        row_a=row_a.astype(np.int64),
        row_b=row_b.astype(np.int64),
        speaker_a=strs(labels[groups.codes[row_a]]),
        speaker_b=strs(labels[groups.codes[row_b]]),
        text_a=strs(text[row_a]),
        text_b=strs(text[row_b]),
        span_a=strs(text[row_a] if spans is None else spans[0]),
        span_b=strs(text[row_b] if spans is None else spans[1]),
        article_a=strs(article[row_a]),
        article_b=strs(article[row_b]),
        n_formulaic=groups.n_formulaic,
    )


def echo_rows(
    X: npt.NDArray[np.float32],
    codes: npt.NDArray[np.int64],
    sel_a: npt.NDArray[np.int64] | None,
    sel_b: npt.NDArray[np.int64] | None,
    k: int,
) -> _Pairs:
    """Top-k pairs of rows of ``X`` with different codes: between ``sel_a`` and ``sel_b``,
    between ``sel_a`` and every other code (``sel_b`` None), or across all rows (both None).
    Rows with code -1 take part in none."""
    if (sel_a is not None and sel_a.size == 0) or (sel_b is not None and sel_b.size == 0):
        none = np.empty(0, dtype=np.int64)
        return np.empty(0, dtype=np.float64), none, none.copy()
    if sel_a is None:
        valid = np.flatnonzero(codes >= 0)
        if valid.size == codes.size:
            return top_pairs(X, k=k, groups_a=codes)
        s, i, j = top_pairs(X[valid], k=k, groups_a=codes[valid])
        return s, valid[i], valid[j]
    if sel_b is None:
        own = int(codes[sel_a[0]])
        others = np.where(codes < 0, own, codes)  # rows without a group never pair up
        ga = np.full(sel_a.size, own, dtype=np.int64)
        s, i, j = top_pairs(X[sel_a], X, k=k, groups_a=ga, groups_b=others)
        return s, sel_a[i], j
    s, i, j = top_pairs(X[sel_a], X[sel_b], k=k)
    return s, sel_a[i], sel_b[j]


def _clause_vectors(
    table: StatementTable, rows: npt.NDArray[np.int64], embedder: Embedder | None
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64], list[str]]:
    """Clauses of the given statements, embedded: ``(m, d)`` vectors, owning row, text."""
    text = table.column("text")
    owner, clauses = [], []
    for r in rows:
        t = str(text[r])
        for start, end in split_clauses(t):
            owner.append(int(r))
            clauses.append(t[start:end])
    if embedder is None:
        prov = table.provenance
        if prov.get("backend") != "sentence-transformers":
            raise ValueError(
                "unit='clause' re-embeds clauses; the table's embeddings come from "
                f"{prov.get('model', 'an unknown model')!r}, which cannot embed new texts here: "
                "pass embedder=<function from a list of str to (n, d) vectors>"
            )
        from stancekit.embed import embed_texts

        V = np.asarray(embed_texts(clauses, model=str(prov["model"])), dtype=np.float32)
    else:
        V = np.asarray(embedder(clauses), dtype=np.float32)
        if V.shape[0] != len(clauses) or V.ndim != 2:
            raise ValueError(f"embedder returned shape {V.shape} for {len(clauses)} clauses")
        V = V / np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
    return V, np.array(owner, dtype=np.int64), clauses


def _clause_echoes(
    table: StatementTable,
    groups: Groups,
    sides: tuple[npt.NDArray[np.int64] | None, npt.NDArray[np.int64] | None],
    k: int,
    embedder: Embedder | None,
    center: bool,
) -> Echoes:
    rows_a, rows_b = sides
    if rows_a is None or rows_b is None:
        rows = np.flatnonzero(groups.codes >= 0).astype(np.int64)
    else:
        rows = np.concatenate([rows_a, rows_b])
    V, owner, clauses = _clause_vectors(table, rows, embedder)
    if center:
        V = center_rows(V)
    codes = groups.codes[owner]
    sel_a = None if rows_a is None else np.flatnonzero(np.isin(owner, rows_a))
    sel_b = None if rows_b is None else np.flatnonzero(np.isin(owner, rows_b))
    want = k
    while True:  # widen until k distinct statement pairs (or every clause pair) are in
        s, i, j = echo_rows(V, codes, sel_a, sel_b, want)
        key = owner[i] * (len(table) + 1) + owner[j]
        _, first = np.unique(key, return_index=True)
        keep = np.sort(first)[:k]
        if keep.size == k or s.size < want:
            break
        want *= 4
    spans = ([clauses[x] for x in i[keep]], [clauses[x] for x in j[keep]])
    return pairs_result(table, groups, (s[keep], owner[i[keep]], owner[j[keep]]), spans)


def echoes(
    table: StatementTable,
    a: str | None = None,
    b: str | None = None,
    *,
    k: int = 10,
    by: str = "speaker",
    unit: str = "statement",
    embedder: Embedder | None = None,
    center: bool = True,
    keep_formulaic: bool = False,
) -> Echoes:
    """The ``k`` most similar statement pairs between different speakers.

    Parameters
    ----------
    table
        Statements with embeddings.
    a
        A speaker (a value of the ``by`` column). ``None``: pairs across the whole corpus.
    b
        Another speaker: pairs between ``a`` and ``b`` only. ``None``: between ``a`` and
        everyone else.
    k
        Number of statement pairs (fewer when fewer exist).
    by
        Column that defines the sides (``"speaker"``, ``"country"``, ...). Pairs never join
        two statements of the same side; statements without a value are left out.
    unit
        ``"statement"``: score whole statements with the table's embeddings.
        ``"clause"``: split statements into clauses, embed them, and score a statement pair by
        its best clause pair (``span_a``/``span_b`` are the matched clauses).
    embedder
        For ``unit="clause"``: a function from a list of texts to ``(m, d)`` vectors. Default:
        the table's own sentence-transformers model (``stancekit.embed.embed_texts``).
    center
        Remove the mean vector (of the statements compared, or of the clauses) first, so that
        what all statements share does not dominate: the same geometry as
        :func:`similarity`'s default, so the pairs explain its scores. ``False`` ranks by raw
        cosines.
    keep_formulaic
        Keep greetings, thanks and other formulae (:mod:`stancekit.formulaic`); by default
        they take part in no pair and are counted in ``n_formulaic``.

    Returns
    -------
    Echoes
        Pairs, best first; ``speaker_a`` is ``a`` when given.

    Examples
    --------
    >>> import numpy as np
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.compare import echoes
    >>> t = StatementTable.from_statements(
    ...     [Statement("a1", s, txt, 0, 1) for s, txt in
    ...      [("Xi", "build the railway"), ("Xi", "oppose tariffs"), ("Japarov", "railway")]])
    >>> X = np.array([[1, 0], [0, 1], [0.8, 0.6]], dtype=np.float32)
    >>> e = echoes(t.with_embeddings(X, {"model": "toy"}), "Japarov", k=1)
    >>> (e.text_a[0], e.text_b[0], round(float(e.score[0]), 2))
    ('railway', 'build the railway', 0.8)
    """
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")
    if unit not in ("statement", "clause"):
        raise ValueError(f"unit must be 'statement' or 'clause', got {unit!r}")
    groups = substantive_groups(table, by, keep_formulaic=keep_formulaic, warn=False)
    X = embeddings_of(table, center=center and unit == "statement", groups=groups)
    if a is None and b is not None:
        raise ValueError(f"b={b!r} given without a; pass a first")
    rows_a = None if a is None else groups.rows(require_label(groups, a, "a"))
    rows_b = None if b is None else groups.rows(require_label(groups, b, "b"))
    if a is not None and a == b:
        raise ValueError(f"a and b are the same {by} {a!r}; echoes join different speakers")
    if unit == "clause":
        return _clause_echoes(table, groups, (rows_a, rows_b), int(k), embedder, center)
    pairs = echo_rows(X, groups.codes, rows_a, rows_b, int(k))
    return pairs_result(table, groups, pairs)
