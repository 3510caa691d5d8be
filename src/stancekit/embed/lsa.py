"""Latent semantic analysis: TF-IDF + truncated SVD fitted on the corpus itself.

No model, no torch, no network: a baseline, and the fallback where sentence-transformers cannot
run. Vectors capture shared vocabulary, not paraphrase; use them to check that a finding does
not hinge on one neural model, not as a substitute for one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from stancekit.embed.protocol import package_versions

__all__ = ["LSAEmbedder"]


class _NoWords:
    """Stands in for the vectorizer when the corpus has no word at all."""

    def transform(self, texts: list[str]) -> Any:
        from scipy.sparse import csr_matrix

        return csr_matrix((len(texts), 1), dtype=np.float32)


class LSAEmbedder:
    """TF-IDF (sublinear term frequency, English stop words removed) followed by a seeded
    truncated SVD, fitted on the distinct texts of ``corpus``.

    The dimension is ``min(n_components, n distinct texts, vocabulary size)``; when the
    vocabulary is no larger than that, the TF-IDF vectors are used as they are (an SVD would
    only rotate them). One more axis is kept for texts with no known term (empty, stop words
    only, or words the corpus never used): they lie on it, orthogonal to every other text, so
    they match each other and nothing else. The output dimension is therefore one more.

    Parameters
    ----------
    corpus
        The texts to fit on (order and repeats do not matter: the distinct texts are sorted).
        Fitting happens on the first :meth:`encode`, so a fully cached run skips it.
    n_components
        Largest dimension.
    seed
        Seed of the randomized SVD.

    Examples
    --------
    >>> enc = LSAEmbedder(["trade and investment", "railway construction", "trade talks"])
    >>> enc.encode(["trade"]).shape
    (1, 4)
    """

    def __init__(self, corpus: Iterable[str], *, n_components: int = 256, seed: int = 0) -> None:
        texts = sorted(set(corpus))
        bad = next((t for t in texts if not isinstance(t, str)), None)
        if bad is not None:
            raise TypeError(f"corpus texts must be str, got {type(bad).__name__}")
        if isinstance(n_components, bool) or not isinstance(n_components, int):
            raise TypeError(f"n_components must be an int, got {n_components!r}")
        if n_components < 1:
            raise ValueError(f"n_components must be >= 1, got {n_components}")
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise TypeError(f"seed must be an int, got {seed!r}")
        self._corpus = texts
        self.n_components = n_components
        self.seed = seed
        h = hashlib.sha256()
        for t in texts:
            b = t.encode("utf-8", "surrogatepass")
            h.update(len(b).to_bytes(8, "little"))
            h.update(b)
        self.corpus_sha256 = h.hexdigest()
        self._vectorizer: Any = None
        self._svd: Any = None
        self._dim = 0

    def __repr__(self) -> str:
        return (
            f"LSAEmbedder({len(self._corpus)} distinct texts, n_components={self.n_components}, "
            f"seed={self.seed})"
        )

    @property
    def identity(self) -> str:
        """Depends on the settings and on the exact corpus: another corpus, another space."""
        return f"lsa/v1|k={self.n_components}|seed={self.seed}|corpus={self.corpus_sha256}"

    @property
    def dimension(self) -> int:
        """The output dimension (fits if needed): the fitted space plus the no-term axis."""
        self._fit()
        return self._dim + 1 if self._corpus else 0

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Project ``n`` texts (from the corpus or not) into the fitted space.

        Returns
        -------
        ndarray
            ``(n, d)`` float32 unit-norm rows.
        """
        if not self._corpus:
            if len(texts):
                raise ValueError("LSA was fitted on an empty corpus; it cannot encode texts")
            return np.zeros((0, 0), dtype=np.float32)
        self._fit()
        x = self._vectorizer.transform(list(texts))
        z = np.asarray(
            x.toarray() if self._svd is None else self._svd.transform(x), dtype=np.float64
        )
        norms = np.linalg.norm(z, axis=1)
        empty = norms <= 1e-12
        z = np.hstack([z / np.where(empty, 1.0, norms)[:, None], empty[:, None]])
        return np.ascontiguousarray(z.astype(np.float32))

    def provenance(self) -> dict[str, Any]:
        """Settings, fitted dimension and the corpus digest."""
        return {
            "backend": "lsa",
            "model": "lsa",
            "n_components": self.n_components,
            "seed": self.seed,
            "corpus_sha256": self.corpus_sha256,
            "corpus_size": len(self._corpus),
            "versions": package_versions("scikit-learn"),
        }

    def _fit(self) -> None:
        if self._vectorizer is not None or not self._corpus:
            return
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(
            sublinear_tf=True, stop_words="english", dtype=np.float32, token_pattern=r"(?u)\b\w+\b"
        )
        try:
            x = vectorizer.fit_transform(self._corpus)
        except ValueError:  # every text empty or stop words only: keep the stop words
            vectorizer = TfidfVectorizer(
                sublinear_tf=True, dtype=np.float32, token_pattern=r"(?u)\b\w+\b"
            )
            try:
                x = vectorizer.fit_transform(self._corpus)
            except ValueError:  # not one word anywhere: every text is on the no-term axis
                self._vectorizer, self._svd, self._dim = _NoWords(), None, 1
                return
        n_docs, n_terms = x.shape
        k = min(self.n_components, n_docs, n_terms)
        svd = None
        if k < n_terms:
            svd = TruncatedSVD(n_components=k, algorithm="randomized", random_state=self.seed)
            svd.fit(x)
        self._vectorizer, self._svd, self._dim = vectorizer, svd, k if svd is not None else n_terms
