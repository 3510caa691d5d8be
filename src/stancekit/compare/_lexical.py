"""The lexical channel of ``scale``: TF-IDF of every speaker's statements taken together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from stancekit.compare.results import ScalingModel
from stancekit.core import centroid_sums

__all__ = [
    "LexBlocks",
    "Lexicon",
    "fit_lexicon",
    "lexical_blocks",
    "lexical_positions",
    "lexical_score",
]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A fitted vocabulary with its inverse document frequencies.

    A speaker's document is all its statements; its vector is the sublinear TF-IDF
    ``(1 + log tf) * idf`` of the document's words, L2-normalised (scikit-learn's
    ``TfidfVectorizer(sublinear_tf=True)`` on the joined statements).

    Attributes
    ----------
    counter
        The fitted scikit-learn ``CountVectorizer`` (unigrams, English stop words removed,
        words in at least two and at most half of the fitting documents).
    idf
        ``(V,)`` inverse document frequency of every word.
    """

    counter: Any
    idf: npt.NDArray[np.float64]

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """``(n, V)`` word counts of every statement."""
        return sp.csr_matrix(self.counter.transform(texts), dtype=np.float64)

    def documents(
        self, counts: sp.csr_matrix, codes: npt.NDArray[np.intp], n_groups: int
    ) -> sp.csr_matrix:
        """``(S, V)`` TF-IDF vectors of the groups' documents from statement counts.

        Parameters
        ----------
        counts
            ``(n, V)`` statement word counts.
        codes
            ``(n,)`` group of every statement (a statement may appear several times, as in a
            bootstrap resample).
        n_groups
            Number of groups ``S``.
        """
        member = sp.csr_matrix(
            (np.ones(codes.size), (codes, np.arange(codes.size))), shape=(n_groups, codes.size)
        )
        tf = sp.csr_matrix(member @ counts)
        tf.data = (1.0 + np.log(tf.data)) * self.idf[tf.indices]
        norms = np.sqrt(np.asarray(tf.multiply(tf).sum(axis=1)).ravel())
        return sp.csr_matrix(sp.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ tf)


def fit_lexicon(documents: Sequence[str]) -> Lexicon:
    """Fit the vocabulary and IDF on ``documents`` (one per speaker).

    Raises
    ------
    ValueError
        When no word is frequent enough (fewer than two speakers share any word).
    """
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    counter = CountVectorizer(min_df=2, max_df=0.5, stop_words="english")
    try:
        counts = counter.fit_transform(documents)
    except ValueError as exc:
        raise ValueError(f"lexical=True needs words shared by the speakers: {exc}") from None
    idf = TfidfTransformer(sublinear_tf=True).fit(counts).idf_
    return Lexicon(counter, np.asarray(idf, dtype=np.float64))


@dataclass(frozen=True)
class LexBlocks:
    """The lexical features of a fitting table, group-sorted."""

    lexicon: Lexicon
    counts: Any  # (n, V) statement counts, group-sorted
    docs: Any  # (S, V) group documents
    gram: npt.NDArray[np.float64]  # (R, R) centred Gram of the references' documents


def lexical_blocks(
    texts: npt.NDArray[Any] | None,
    codes: npt.NDArray[np.intp],
    n_groups: int,
    ref_idx: npt.NDArray[np.intp],
) -> LexBlocks | None:
    """Fit the vocabulary on the groups' documents (``None`` without texts)."""
    if texts is None:
        return None
    offsets = np.searchsorted(codes, np.arange(n_groups + 1))
    joined = [" ".join(texts[offsets[g] : offsets[g + 1]]) for g in range(n_groups)]
    lexicon = fit_lexicon(joined)
    counts = lexicon.counts(list(texts))
    docs = lexicon.documents(counts, codes, n_groups)
    T = docs[ref_idx].toarray()
    T -= T.mean(axis=0)
    return LexBlocks(lexicon, counts, docs, T @ T.T)


def lexical_positions(
    model: ScalingModel,
    Xs: npt.NDArray[np.float32],
    offsets: npt.NDArray[np.intp],
    lex: LexBlocks,
    boot: tuple[int, float, np.random.Generator],
) -> tuple[npt.NDArray[np.float64], ...]:
    """Positions with the lexical channel; bootstrap ``se`` over statements with the model
    fixed, and a normal interval around the estimate."""
    n_bootstrap, level, rng = boot
    counts = np.diff(offsets)
    codes = np.repeat(np.arange(counts.size), counts)

    def positions(pick: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
        return lexical_score(model, Xs[pick], lex.counts[pick], codes, counts)

    pos = positions(np.arange(codes.size, dtype=np.intp))
    if n_bootstrap < 2:
        nan = np.full(counts.size, np.nan)
        return pos, nan, nan.copy(), nan.copy()
    low = np.repeat(offsets[:-1], counts)
    reps = np.stack([positions(rng.integers(low, low + counts[codes])) for _ in range(n_bootstrap)])
    se = reps.std(axis=0, ddof=1)
    half = NormalDist().inv_cdf((1 + level) / 2) * se  # resampled documents lose rare words,
    return pos, se, pos - half, pos + half  # so their percentiles are biased: normal interval


def lexical_score(
    model: ScalingModel,
    Xs: npt.NDArray[np.float32],
    word_counts: Any,
    codes: npt.NDArray[np.intp],
    counts: npt.NDArray[np.intp],
) -> npt.NDArray[np.float64]:
    """``(S,)`` intercept + embedding centroid . w + document TF-IDF . w_lex."""
    sums, _ = centroid_sums(Xs, codes, counts.size)
    docs = model.lexicon.documents(word_counts, codes, counts.size)
    emb = (sums / np.maximum(counts, 1)[:, None]) @ model.weights
    out = model.intercept + emb + np.asarray(docs @ model.lexical_weights).ravel()
    return np.where(counts > 0, out, np.nan)
