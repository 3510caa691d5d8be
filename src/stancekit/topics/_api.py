""":func:`topics`: validate once, choose ``k``, cluster, then keywords, labels and
representatives."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from stancekit.core import centroid_sums
from stancekit.formulaic import formulaic_mask
from stancekit.table import StatementTable
from stancekit.topics._arrays import compact, nearest_centres, prep, seeded_sample
from stancekit.topics._autok import KChoice, fixed_k
from stancekit.topics._cluster import Clustering, agglomerative, hdbscan, kmeans
from stancekit.topics._context import Context, passage_neighbours
from stancekit.topics._ctfidf import (
    class_term_counts,
    ctfidf,
    make_labels,
    stratified_sample,
    top_keywords,
)
from stancekit.topics._graph import communities, load_igraph, neighbours_used
from stancekit.topics._model import TopicModel

__all__ = ["METHODS", "topics"]

#: The clustering methods :func:`topics` offers (``"auto"``: ``"graph"`` when the number of
#: topics is to be found, ``"kmeans"`` when it is given).
METHODS = ("auto", "graph", "kmeans", "agglomerative", "hdbscan")
_BLOCK = 2048
#: Seeded Leiden runs; the partition with the highest modularity is kept.
LEIDEN_RUNS = 3


def _positive_int(name: str, value: object, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def _validate(
    table: object, n_topics: object, method: object, seed: object, progress: object
) -> npt.NDArray[np.float32]:
    if not isinstance(table, StatementTable):
        raise TypeError(f"table must be a StatementTable, got {type(table).__name__}")
    X = table.embeddings
    if X is None:
        raise ValueError("table has no embeddings; call stancekit.embed(table) first")
    if len(table) == 0:
        raise ValueError("table has no statements; topics need at least one")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    if n_topics != "auto":
        k = _positive_int("n_topics", n_topics)
        if method in ("hdbscan", "graph"):
            raise ValueError(
                f"method={method!r} finds the number of topics itself; got n_topics={k!r}: "
                "pass n_topics='auto' (and min_topic_size to steer it), or method='kmeans'"
            )
        if k > len(table):
            raise ValueError(f"n_topics={k} but the table has only {len(table)} statements")
    _positive_int("seed", seed, minimum=0)
    if progress is not None and not isinstance(progress, bool):
        raise TypeError(f"progress must be True, False or None, got {progress!r}")
    return X


def _substantive(
    table: StatementTable, n_topics: int | str, keep_formulaic: object
) -> npt.NDArray[np.bool_]:
    """``(n,)`` bool: the statements to cluster (all, or those not flagged as formulae)."""
    if not isinstance(keep_formulaic, (bool, np.bool_)):
        raise TypeError(f"keep_formulaic must be True or False, got {keep_formulaic!r}")
    n = len(table)
    if keep_formulaic:
        return np.ones(n, dtype=bool)
    keep = ~formulaic_mask(table)
    m = int(np.count_nonzero(keep))
    need = 1 if n_topics == "auto" else int(n_topics)
    if m < need:
        asked = "none" if n_topics == "auto" else f"{m}, fewer than n_topics={need}"
        raise ValueError(
            f"{n - m} of the {n} statements are formulaic (greetings, thanks, courtesies, "
            f"procedure) and left out of topics, leaving {asked} to cluster; pass "
            "keep_formulaic=True to cluster them all"
            + ("" if n_topics == "auto" or m == 0 else ", or fewer topics")
        )
    return keep


def topics(
    table: StatementTable,
    *,
    n_topics: int | str = "auto",
    method: str = "auto",
    seed: int = 0,
    progress: bool | None = None,
    n_keywords: int = 10,
    n_representatives: int = 3,
    min_topic_size: int | None = None,
    n_neighbors: int = 50,
    resolution: float = 1.0,
    context: float = 0.25,
    graph_size: int = 20_000,
    sample_size: int = 5000,
    max_keyword_docs: int = 200_000,
    stop_words: Sequence[str] = (),
    center: bool = True,
    n_jobs: int | None = 1,
    keep_formulaic: bool = False,
) -> TopicModel:
    """Cluster statements into topics and describe each topic.

    With the defaults the number of topics is found, not asked for: the statements (each seen
    with its neighbours in the text, ``context``) form a shared-nearest-neighbour graph whose
    Leiden communities of highest modularity are the topics (``docs/topics.md``, "How many
    topics"). Every statement gets a topic; communities too small to be one are merged into
    the nearest topic.

    Formulaic statements (greetings, thanks, courtesies, procedure:
    :func:`stancekit.formulaic.formulaic_mask`, or the table's own ``formulaic`` column) are
    left out by default: they would form topics of their own ("thank, good, glad") and say
    nothing about what a speaker talks about. Everything is fitted on the other statements
    (the number of topics, the clusters, the keywords and representatives, the centring mean);
    the formulae get topic ``-1`` and are counted in ``n_formulaic``, not in the shares.

    Parameters
    ----------
    table
        Statements with ``(n, d)`` float32 unit-norm embeddings (:func:`stancekit.embed`).
    n_topics
        ``"auto"``: the number of graph communities (HDBSCAN: the clusters it finds); or a
        number ``1 <= k <= n`` of the statements clustered (k-means and agglomerative only).
    method
        ``"auto"`` (``"graph"`` with ``n_topics="auto"``, ``"kmeans"`` with a number), ``"graph"``
        (the communities are the topics), ``"kmeans"`` (exact up to 20,000 statements,
        mini-batch above; started from the graph communities when ``n_topics="auto"``),
        ``"agglomerative"`` (Ward) or ``"hdbscan"`` (density; statements in no dense region
        are outliers, topic ``-1``). The last two are fitted on at most ``sample_size``
        statements and the rest are assigned to the nearest cluster.
    seed
        Seed of every random choice: same seed and input, same result.
    progress
        Progress bar for large k-means runs: ``None`` shows it when stderr is a terminal.
    n_keywords
        c-TF-IDF keywords kept per topic.
    n_representatives
        Statements closest to each topic's centroid kept per topic.
    min_topic_size
        The smallest topic: graph communities below it are merged into the nearest topic;
        HDBSCAN's ``min_cluster_size``. Default ``max(2, min(10, m // 50))`` for the graph and
        ``max(2, min(10, m // 20))`` for HDBSCAN, ``m`` the statements fitted. Not with a
        given ``n_topics``.
    n_neighbors
        Neighbours of each statement in the graph (fewer: more, smaller topics).
    resolution
        Modularity resolution of the graph communities (1: standard modularity; higher:
        more, smaller topics).
    context
        Weight ``w`` of the statements just before and after a statement in its article:
        it is clustered as ``x + w x_prev + w x_next`` (renormalised); ``0``: each statement
        alone. Topics are carried by passages: a sentence that names no subject belongs to
        the subject of its paragraph.
    graph_size
        Statements the graph is built on (its cost is quadratic): a seeded sample above it,
        the other statements join their nearest topic.
    sample_size
        Statements fitted by agglomerative clustering and HDBSCAN (their cost is quadratic).
    max_keyword_docs
        Statements whose words are counted for keywords (a stratified seeded sample above it,
        at least 50 per topic).
    stop_words
        Words never to use as keywords, besides English stop words, reporting verbs and
        courtesy words (for example the two countries of a bilateral meeting).
    center
        Cluster ``(x - mean) / ||x - mean||`` instead of ``x``, with ``mean`` the average
        vector of the statements clustered. Sentence embeddings share a large common
        direction (all statements of one meeting, or of one model, look alike); removing it
        lets the differences between topics decide the clusters. Comparisons still use the
        embeddings as they are.
    n_jobs
        Threads for the numerical work (BLAS and OpenMP). The default, 1, never stalls a busy
        shared machine (several threads on two busy cores can be many times slower); ``None``
        leaves the libraries' default (all cores), which pays on an idle many-core machine.
    keep_formulaic
        Cluster the formulaic statements too (the behaviour before formulae were flagged).

    Returns
    -------
    TopicModel
        Topics numbered from the largest; ``k_choice`` says how their number was chosen;
        ``assignments`` has one entry per statement of ``table``.

    Raises
    ------
    ValueError
        No embeddings, no statements, fewer substantive statements than topics, or a bad
        option (the message names it).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> from stancekit import StatementTable
    >>> from stancekit.topics import topics
    >>> texts = ["railway corridor construction"] * 4 + ["core interests sovereignty"] * 2
    >>> frame = pd.DataFrame({"article_id": "a", "speaker": ["Xi"] * 3 + ["Japarov"] * 3,
    ...                       "text": texts, "start": range(6), "end": range(1, 7)})
    >>> X = np.repeat(np.eye(2, dtype=np.float32), [4, 2], axis=0)
    >>> model = topics(StatementTable(frame).with_embeddings(X, {"model": "demo"}), n_topics=2)
    >>> model.labels
    ('corridor construction, railway', 'core, interests, sovereignty')
    >>> model.shares("speaker").values
    array([[0.33333333, 0.66666667],
           [1.        , 0.        ]])
    """
    X_all = _validate(table, n_topics, method, seed, progress)
    for name, value in (("n_keywords", n_keywords), ("n_representatives", n_representatives)):
        _positive_int(name, value)
    for name, value in (("sample_size", sample_size), ("graph_size", graph_size)):
        _positive_int(name, value, minimum=2)
    _positive_int("n_neighbors", n_neighbors)
    _positive_int("max_keyword_docs", max_keyword_docs)
    for name, num in (("resolution", resolution), ("context", context)):
        if isinstance(num, bool) or not isinstance(num, (int, float)) or not np.isfinite(num):
            raise ValueError(f"{name} must be a finite number, got {num!r}")
    if resolution <= 0:
        raise ValueError(f"resolution must be > 0, got {resolution!r}")
    if context < 0:
        raise ValueError(f"context must be >= 0, got {context!r}")
    if isinstance(stop_words, str) or not all(isinstance(w, str) for w in stop_words):
        raise TypeError(f"stop_words must be a sequence of words, got {stop_words!r}")
    if not isinstance(center, bool):
        raise TypeError(f"center must be True or False, got {center!r}")
    if method == "auto":
        method = "graph" if n_topics == "auto" else "kmeans"
    if min_topic_size is not None:
        _positive_int("min_topic_size", min_topic_size, minimum=2)
        if n_topics != "auto":
            raise ValueError(
                f"min_topic_size applies when the number of topics is found (n_topics='auto'), "
                f"not with n_topics={n_topics!r}"
            )
    limits: Any = contextlib.nullcontext()
    if n_jobs is not None:
        limits = threadpool_limits(limits=_positive_int("n_jobs", n_jobs))
    if n_topics == "auto" and method != "hdbscan":
        load_igraph()  # the graph will be needed: import it before the fit's arrays exist
    with limits:
        keep = _substantive(table, n_topics, keep_formulaic)
        rows = None if keep.all() else np.flatnonzero(keep).astype(np.int64)
        X = X_all if rows is None else np.asarray(X_all[rows], dtype=np.float32)
        X = _with_context(table, X, rows, float(context))
        mean = _mean(X) if center else None
        clustering, choice = _cluster(
            X,
            n_topics,
            method,
            seed=seed,
            progress=progress,
            options=(min_topic_size, sample_size, n_neighbors, float(resolution), graph_size),
            mean=mean,
        )
    return _describe(
        table, X, clustering, choice, method=method, seed=seed,
        counts=(n_keywords, n_representatives, max_keyword_docs),
        stop_words=stop_words,
        mean=mean,
        rows=rows,
    )  # fmt: skip


def _with_context(
    table: StatementTable,
    X: npt.NDArray[np.float32],
    rows: npt.NDArray[np.int64] | None,
    weight: float,
) -> npt.NDArray[np.float32]:
    """``(m, d)`` the rows to cluster seen with their passage neighbours (``_context``)."""
    if weight == 0.0:
        return X
    article = table.column("article_id")
    start = table.column("start")
    if rows is not None:
        article, start = article[rows], start[rows]
    prev, nxt = passage_neighbours(article, start)
    if not ((prev >= 0) | (nxt >= 0)).any():
        return X
    ctx = Context(X, prev, nxt, weight)
    out = np.empty(X.shape, dtype=np.float32)
    for r0 in range(0, X.shape[0], _BLOCK):
        out[r0 : r0 + _BLOCK] = ctx.rows(slice(r0, r0 + _BLOCK))
    return out


def _graph(
    X: npt.NDArray[np.float32],
    *,
    seed: int,
    options: tuple[int | None, int, int, float, int],
    mean: npt.NDArray[np.float32] | None,
) -> tuple[Clustering, KChoice, npt.NDArray[np.float64] | None]:
    """Graph communities of (a sample of) ``X``, every row assigned; the choice; the
    ``(k, d)`` community means (``None`` for one topic without a graph)."""
    min_size, _, n_neighbors, resolution, graph_size = options
    n = X.shape[0]
    idx = seeded_sample(n, graph_size, seed)
    m = idx.size
    size = min_size if min_size is not None else max(2, min(10, m // 50))
    criterion = (
        f"Leiden communities of highest modularity (resolution {resolution:g}, best of "
        f"{LEIDEN_RUNS} seeded runs) of the shared-nearest-neighbour graph "
        f"({neighbours_used(n_neighbors, m)} "
        f"neighbours) of {m} statements; communities under {size} statements merged into the "
        "nearest topic"
    )
    if m < 3:
        why = f"{m} statement(s): too few for a graph, one topic"
        return Clustering(np.zeros(n, np.int64), 1), fixed_k("auto", 1, criterion, why), None
    fit = communities(
        X if m == n else X[idx], mean=mean, n_neighbors=n_neighbors, resolution=resolution,
        seed=seed, runs=LEIDEN_RUNS, min_size=size,
    )  # fmt: skip
    centres = fit.centres
    if fit.n_edges == 0:
        why = f"the {m} statement vectors are identical: one topic"
    else:
        why = f"{fit.n_clusters} communities of {size} or more statements"
        why += f" (modularity {fit.modularity:.3f})"
    if fit.n_small:
        why += f"; {fit.n_small} smaller ones ({fit.n_moved} statements) merged into the nearest"
    choice = KChoice("auto", fit.n_clusters, criterion, why, m, fit.modularity, fit.n_small)
    if m == n:
        return Clustering(fit.labels, fit.n_clusters), choice, centres
    labels = nearest_centres(X, centres, mean=mean)
    labels[idx] = fit.labels
    labels, found = compact(labels)
    note = f"graph of {m} sampled statements, the others joined the nearest topic"
    return Clustering(labels, found, note), choice, centres


def _cluster(
    X: npt.NDArray[np.float32],
    n_topics: int | str,
    method: str,
    *,
    seed: int,
    progress: bool | None,
    options: tuple[int | None, int, int, float, int],
    mean: npt.NDArray[np.float32] | None,
) -> tuple[Clustering, KChoice]:
    min_size, sample_size = options[0], options[1]
    n = X.shape[0]
    if method == "hdbscan":
        m = min(n, sample_size)
        size = min_size if min_size is not None else max(2, min(10, m // 20))
        found = hdbscan(X, min_size=size, seed=seed, sample_size=sample_size, mean=mean)
        n_out = int(np.count_nonzero(found.labels < 0))
        why = f"HDBSCAN found {found.n_clusters} clusters and {n_out} outliers"
        crit = f"HDBSCAN density clusters (min_cluster_size={size}, Euclidean on unit vectors)"
        return found, fixed_k("auto", found.n_clusters, crit, _with_note(why, found.note))
    init = None
    if n_topics == "auto":
        graph_found, choice, init = _graph(X, seed=seed, options=options, mean=mean)
        if method == "graph" or choice.k == 1:
            return graph_found, dataclasses.replace(
                choice, reason=_with_note(choice.reason, graph_found.note)
            )
    else:
        k = int(n_topics)
        choice = fixed_k(str(k), k, "given", f"n_topics={k} was given")
    if method == "kmeans":
        found = kmeans(X, choice.k, seed=seed, progress=progress, mean=mean, init=init)
    else:
        found = agglomerative(X, choice.k, seed=seed, sample_size=sample_size, mean=mean)
    return found, dataclasses.replace(choice, reason=_with_note(choice.reason, found.note))


def _with_note(reason: str, note: str) -> str:
    return f"{reason} ({note})" if note else reason


def _describe(
    table: StatementTable,
    X: npt.NDArray[np.float32],
    clustering: Clustering,
    choice: KChoice,
    *,
    method: str,
    seed: int,
    counts: tuple[int, int, int],
    stop_words: Sequence[str],
    mean: npt.NDArray[np.float32] | None,
    rows: npt.NDArray[np.int64] | None,
) -> TopicModel:
    """The model of a clustering of ``X``: the table's rows ``rows`` (all when ``None``)."""
    n_keywords, n_reps, max_docs = counts
    k = clustering.n_clusters
    labels = _by_size(clustering.labels, k)
    sizes = np.bincount(labels[labels >= 0], minlength=k).astype(np.int64)
    centroids = _centroids(X, labels, k, mean)
    sample = stratified_sample(labels, k, max_docs, seed)
    texts = table.column("text")[sample if rows is None else rows[sample]]
    term_counts, vocab = class_term_counts(texts, labels[sample], k, stop_words=stop_words)
    keywords, scores = top_keywords(ctfidf(term_counts), vocab, n_keywords)
    reps = _representatives(X, labels, centroids, n_reps, mean)
    formulaic = np.zeros(len(table), dtype=bool)
    assignments = labels
    if rows is not None:  # back to table rows: formulae get no topic
        formulaic[:] = True
        formulaic[rows] = False
        assignments = np.full(len(table), -1, dtype=np.int64)
        assignments[rows] = labels
        reps = np.where(reps >= 0, rows[np.maximum(reps, 0)], -1).astype(np.int64)
    return TopicModel(
        assignments=assignments,
        labels=make_labels(keywords),
        keywords=keywords,
        keyword_scores=scores,
        sizes=sizes,
        representatives=reps,
        centroids=centroids,
        mean=np.zeros(X.shape[1], np.float32) if mean is None else mean,
        n_outliers=int(np.count_nonzero(labels < 0)),
        method=method,
        seed=seed,
        k_choice=choice,
        table=table,
        formulaic=formulaic,
    )


def _mean(X: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """``(d,)`` float32 mean row, accumulated in float64 block by block."""
    total = np.zeros(X.shape[1], dtype=np.float64)
    for r0 in range(0, X.shape[0], _BLOCK):
        total += X[r0 : r0 + _BLOCK].sum(axis=0, dtype=np.float64)
    mean: npt.NDArray[np.float32] = (total / max(X.shape[0], 1)).astype(np.float32)
    return mean


def _centroids(
    X: npt.NDArray[np.float32],
    labels: npt.NDArray[np.int64],
    k: int,
    mean: npt.NDArray[np.float32] | None,
) -> npt.NDArray[np.float32]:
    """``(k, d)`` unit mean direction of each topic in the clustering space (block by block)."""
    codes = np.where(labels < 0, k, labels)  # outliers in an extra group, dropped below
    sums = np.zeros((k + 1, X.shape[1]), dtype=np.float64)
    for r0 in range(0, X.shape[0], _BLOCK):
        part, _ = centroid_sums(prep(X[r0 : r0 + _BLOCK], mean), codes[r0 : r0 + _BLOCK], k + 1)
        sums += part
    norms = np.linalg.norm(sums[:k], axis=1, keepdims=True)
    return (sums[:k] / np.where(norms > 0, norms, 1.0)).astype(np.float32)


def _by_size(labels: npt.NDArray[np.int64], k: int) -> npt.NDArray[np.int64]:
    """Renumber topics from the largest (ties: the lower old number first); -1 stays."""
    if k == 0:
        return labels.astype(np.int64, copy=True)
    sizes = np.bincount(labels[labels >= 0], minlength=k)
    new_of_old = np.empty(k, dtype=np.int64)
    new_of_old[np.argsort(-sizes, kind="stable")] = np.arange(k)
    return np.where(labels >= 0, new_of_old[np.maximum(labels, 0)], -1).astype(np.int64)


def _representatives(
    X: npt.NDArray[np.float32],
    labels: npt.NDArray[np.int64],
    centroids: npt.NDArray[np.float32],
    r: int,
    mean: npt.NDArray[np.float32] | None,
) -> npt.NDArray[np.int64]:
    """``(k, r)`` rows closest (cosine) to their topic's centroid, closest first; ``-1`` pad."""
    k = centroids.shape[0]
    sims = np.full(labels.size, -np.inf)
    for r0 in range(0, labels.size, _BLOCK):
        lab = labels[r0 : r0 + _BLOCK]
        ok = lab >= 0
        block = prep(X[r0 : r0 + _BLOCK][ok], mean)
        sims[r0 : r0 + _BLOCK][ok] = np.einsum("ij,ij->i", block, centroids[lab[ok]])
    valid = np.flatnonzero(labels >= 0)
    order = valid[np.lexsort((valid, -sims[valid], labels[valid]))]  # topic, cosine desc, row
    starts = np.searchsorted(labels[order], np.arange(k))
    pos = np.arange(order.size) - starts[labels[order]]
    out = np.full((k, r), -1, dtype=np.int64)
    keep = pos < r
    out[labels[order][keep], pos[keep]] = order[keep]
    return out
