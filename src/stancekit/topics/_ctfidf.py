"""Topic keywords by class-based TF-IDF (c-TF-IDF) and short labels made from them.

The statements of each topic form one class. Terms are content words and pairs of them:
the text is lower-cased and cut into tokens of two or more letters or digits that start with
a letter; a token is a content word unless it is one of scikit-learn's English stop words, a
reporting verb (:data:`REPORTING_WORDS`), a courtesy, address or procedure word
(:func:`stancekit.formulaic.courtesy_words`, honorifics included) or a word the caller adds.
Every content word is a term, and so is every pair of content words that stand side by side
in the text ("climate change", "security council"; never across a stop word or punctuation,
so no "rule law" from "rule of law" and no "trade energy" from "trade, energy"). A pair is
kept when it occurs in at least :data:`MIN_PAIR_DOCS` statements. With ``c[t, w]`` the
number of times term ``w`` occurs in the statements of topic ``t``::

    tf[t, w]  = c[t, w] / sum_w' c[t, w']            term frequency within the class
    f[w]      = sum_t c[t, w]                         term frequency over all classes
    A         = sum_{t, w} c[t, w] / T                average number of terms per class
    W[t, w]   = tf[t, w] * log(1 + A / f[w])          the c-TF-IDF weight (natural log)

A topic's keywords are its terms with ``W > 0`` in decreasing order of ``W`` (ties: the term
that sorts first). Its label is made of its first three keywords joined by ``", "``, read as
a phrase: a word already inside a pair of the label is not repeated, and a pair takes the
place of a word it contains ("climate, change, paris" reads "climate change, paris, ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from stancekit.formulaic import courtesy_words

__all__ = [
    "OUTLIER_LABEL",
    "REPORTING_WORDS",
    "TOKEN_PATTERN",
    "class_term_counts",
    "ctfidf",
    "make_labels",
    "stratified_sample",
    "top_keywords",
]

#: Tokens: a letter followed by one or more letters or digits (no pure numbers, no ``_``).
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W_]+\b"
#: Punctuation that ends a phrase: no pair of words spans it ("trade, energy").
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”‘’«»–—/|]+|\s-\s|'\s|\s'")
#: A pair of words must occur in this many statements to be a term.
MIN_PAIR_DOCS = 3
#: The label of statements that a method leaves out of every topic.
OUTLIER_LABEL = "outliers"
_LABEL_WORDS = 3
#: Reporting verbs that statements carry ("Noting that ...") but that say nothing of a topic.
REPORTING_WORDS = frozenset(
    "said says say saying noted noting note notes added adding stressed stressing told "
    "urged urging according stated remarked emphasized emphasised reiterated".split()
)


def _stop_words(extra: Sequence[str]) -> frozenset[str]:
    """Words that are never terms (module docstring)."""
    base = ENGLISH_STOP_WORDS | REPORTING_WORDS | courtesy_words()
    return frozenset(base) | {w.lower() for w in extra}


def _analyzer(stop: frozenset[str]) -> Callable[[str], list[str]]:
    token = re.compile(TOKEN_PATTERN)

    def terms(text: str) -> list[str]:
        out: list[str] = []
        pairs: list[str] = []
        for clause in _CLAUSE_BREAK.split(text.lower()):
            words = token.findall(clause)
            content = [w not in stop for w in words]
            out += [w for w, ok in zip(words, content, strict=True) if ok]
            pairs += [
                f"{a} {b}"
                for a, b, ok_a, ok_b in zip(words, words[1:], content, content[1:], strict=False)
                if ok_a and ok_b and a != b
            ]
        return out + pairs

    return terms


def class_term_counts(
    texts: npt.NDArray[np.object_] | list[str],
    classes: npt.NDArray[np.int64],
    n_classes: int,
    *,
    stop_words: Sequence[str] = (),
) -> tuple[sp.csr_matrix, npt.NDArray[np.str_]]:
    """Term counts per class (terms: content words and adjacent pairs, module docstring).

    Parameters
    ----------
    texts
        ``(m,)`` statement texts.
    classes
        ``(m,)`` class of each text in ``[0, n_classes)``.
    n_classes
        Number of classes ``T``.
    stop_words
        Words to leave out besides the English stop words, reporting verbs and courtesy
        words.

    Returns
    -------
    counts
        ``(T, V)`` sparse int64 term counts.
    vocabulary
        ``(V,)`` the terms, in column order (sorted).
    """
    vectorizer = CountVectorizer(
        analyzer=_analyzer(_stop_words(stop_words)), lowercase=False, dtype=np.int64
    )
    try:
        doc_term = sp.csr_matrix(vectorizer.fit_transform(list(texts)))
    except ValueError:  # empty vocabulary: nothing but stop words, numbers or blanks
        return sp.csr_matrix((n_classes, 0), dtype=np.int64), np.empty(0, dtype=str)
    vocab = np.asarray(vectorizer.get_feature_names_out(), dtype=str)
    pair = np.char.find(vocab, " ") >= 0
    docs = np.diff(sp.csc_matrix(doc_term).indptr)
    keep = ~pair | (docs >= MIN_PAIR_DOCS)
    if not keep.all():
        doc_term, vocab = sp.csr_matrix(doc_term[:, np.flatnonzero(keep)]), vocab[keep]
    m = len(classes)
    onehot = sp.csr_matrix(
        (np.ones(m, dtype=np.int64), (np.asarray(classes), np.arange(m))), shape=(n_classes, m)
    )
    return sp.csr_matrix(onehot @ doc_term), vocab


def ctfidf(counts: sp.csr_matrix) -> sp.csr_matrix:
    """c-TF-IDF weights of a class-term count matrix (see the module docstring).

    Parameters
    ----------
    counts
        ``(T, V)`` non-negative counts.

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(T, V)`` float64 weights, zero where the count is zero.
    """
    c = sp.csr_matrix(counts, dtype=np.float64)
    n_classes = c.shape[0]
    if c.nnz == 0 or n_classes == 0:
        return c
    row_tot = np.asarray(c.sum(axis=1)).ravel()
    term_tot = np.asarray(c.sum(axis=0)).ravel()
    avg = row_tot.sum() / n_classes
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_row = np.where(row_tot > 0, 1.0 / row_tot, 0.0)
        idf = np.log1p(avg / np.where(term_tot > 0, term_tot, np.inf))
    tf = sp.diags(inv_row) @ c
    return sp.csr_matrix(tf @ sp.diags(idf))


def top_keywords(
    weights: sp.csr_matrix, vocabulary: npt.NDArray[np.str_], n_keywords: int
) -> tuple[npt.NDArray[np.str_], npt.NDArray[np.float64]]:
    """The ``n_keywords`` highest-weighted terms of every class.

    Parameters
    ----------
    weights
        ``(T, V)`` c-TF-IDF weights.
    vocabulary
        ``(V,)`` terms.
    n_keywords
        Keywords per class ``m``.

    Returns
    -------
    keywords
        ``(T, m)`` terms, ``""`` where a class has fewer than ``m`` terms with positive weight.
    scores
        ``(T, m)`` float64 weights, NaN where the keyword is ``""``.
    """
    n_classes = weights.shape[0]
    width = max(1, max(len(v) for v in vocabulary)) if vocabulary.size else 1
    keywords = np.full((n_classes, n_keywords), "", dtype=f"<U{width}")
    scores = np.full((n_classes, n_keywords), np.nan)
    for t in range(n_classes):  # one pass per topic over its own non-zero terms
        row = weights.getrow(t)
        cols, vals = row.indices, row.data
        keep = vals > 0
        cols, vals = cols[keep], vals[keep]
        order = np.lexsort((vocabulary[cols], -vals))[:n_keywords]
        keywords[t, : order.size] = vocabulary[cols[order]]
        scores[t, : order.size] = vals[order]
    return keywords, scores


def _phrase(keywords: Sequence[str], words: int) -> list[str]:
    """Up to ``words`` terms of the first ``2 * words`` keywords, read as a phrase: a pair
    replaces the words of the phrase it contains; a word inside a chosen pair, and a pair that
    shares a word with a chosen pair, are skipped (no word twice)."""
    chosen: list[str] = []
    for term in keywords[: 2 * words]:
        parts = term.split(" ")
        if len(parts) == 1:
            inside_pair = any(term in c.split(" ") for c in chosen)
            if not inside_pair and len(chosen) < words:
                chosen.append(term)
            continue
        if term in chosen or any(w in c.split(" ") for c in chosen if " " in c for w in parts):
            continue  # no word twice: a pair that shares a word with a chosen pair is skipped
        contained = [i for i, c in enumerate(chosen) if c in parts]
        if contained:
            chosen[contained[0]] = term
            chosen = [c for i, c in enumerate(chosen) if i not in contained[1:]]
        elif len(chosen) < words:
            chosen.append(term)
    return chosen


def make_labels(keywords: npt.NDArray[np.str_], *, words: int = _LABEL_WORDS) -> tuple[str, ...]:
    """Short, unique, readable labels: the first distinctive keywords read as a phrase.

    Parameters
    ----------
    keywords
        ``(T, m)`` keywords per topic (``""`` padded), best first.
    words
        Terms per label.

    Returns
    -------
    tuple of str
        ``T`` labels: the first ``words`` keywords joined by ``", "``, a pair of words in
        place of a word it contains and no word repeated. With four topics or more, a word
        that is a keyword of more than half of the topics (the host country of a corpus of
        one government's readouts, "international" in a diplomatic corpus) tells no topic
        apart and is skipped, as is a pair made of such words, unless nothing else is left.
        A topic without keywords is ``"topic <t>"``; a label that repeats an earlier one,
        or the reserved ``"outliers"``, gets ``" (#<t>)"`` appended.
    """
    common = _common_words(keywords)
    labels: list[str] = []
    seen = {OUTLIER_LABEL}
    for t in range(keywords.shape[0]):
        terms = [str(w) for w in keywords[t] if w]
        distinct = [w for w in terms if not all(p in common for p in w.split(" "))]
        head = _phrase(distinct or terms, words)
        label = ", ".join(head) if head else f"topic {t}"
        if label in seen:
            label = f"{label} (#{t})"
        seen.add(label)
        labels.append(label)
    return tuple(labels)


def _common_words(keywords: npt.NDArray[np.str_]) -> frozenset[str]:
    """Words among the keywords of more than half of the topics (none below four topics)."""
    n_topics = keywords.shape[0]
    if n_topics < 4:
        return frozenset()
    counts: dict[str, int] = {}
    for t in range(n_topics):
        for word in {p for w in keywords[t] if w for p in str(w).split(" ")}:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, c in counts.items() if c > n_topics / 2)


def stratified_sample(
    classes: npt.NDArray[np.int64], n_classes: int, max_docs: int, seed: int
) -> npt.NDArray[np.int64]:
    """Rows for keyword counting when there are more than ``max_docs`` statements.

    Each class keeps ``max(50, round(max_docs * size / n))`` of its rows (all of them when it
    has fewer), drawn by a seeded permutation; rows with class ``-1`` are never taken.

    Parameters
    ----------
    classes
        ``(n,)`` class codes in ``[-1, n_classes)``.
    n_classes
        Number of classes ``T``.
    max_docs
        Target number of rows.
    seed
        Seed of the permutation.

    Returns
    -------
    numpy.ndarray
        Sorted int64 row indices.
    """
    n = classes.size
    valid = classes >= 0
    if np.count_nonzero(valid) <= max_docs:
        return np.flatnonzero(valid).astype(np.int64)
    rank = np.empty(n, dtype=np.int64)
    rank[np.random.default_rng(seed).permutation(n)] = np.arange(n)
    sizes = np.bincount(classes[valid], minlength=n_classes)
    caps = np.maximum(50, np.rint(max_docs * sizes / n)).astype(np.int64)
    order = np.lexsort((rank, classes))  # class, then random rank
    order = order[classes[order] >= 0]
    sorted_classes = classes[order]
    starts = np.searchsorted(sorted_classes, np.arange(n_classes))
    pos = np.arange(order.size) - starts[sorted_classes]
    return np.sort(order[pos < caps[sorted_classes]]).astype(np.int64)
