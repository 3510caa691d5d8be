"""The lexical channel of ``scale``: TF-IDF of every speaker's statements taken together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

__all__ = ["Lexicon", "fit_lexicon"]


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
