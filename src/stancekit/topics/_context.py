"""Passage context for clustering: each statement seen with its neighbours in the text.

A topic is a matter of passages more than of single sentences: "We must act before it is too
late" is about the climate when the sentences around it are. With ``weight = w > 0`` a
statement is clustered as::

    v_i = (x_i + w x_prev(i) + w x_next(i)) / ||...||

``prev(i)`` and ``next(i)`` being the statements just before and after it in the same
article (by ``start``; among the statements clustered, so formulae are skipped), left out
when there is none or when both start at the same offset (a table without positions).
Statements alone in their article (a post, a tweet) are unchanged. :meth:`Context.rows`
builds the vectors of any rows on demand; :func:`stancekit.topics.topics` fills one copy of
the clustered rows with them, block by block.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["Context", "passage_neighbours"]


class Context:
    """Embeddings seen with their passage neighbours.

    Parameters
    ----------
    X
        ``(n, d)`` float32 unit rows.
    prev, nxt
        ``(n,)`` int64 row of the statement before and after each row in its article, ``-1``
        when none (:func:`passage_neighbours`).
    weight
        ``w`` above; ``0`` returns the rows unchanged.
    """

    def __init__(
        self,
        X: npt.NDArray[np.float32],
        prev: npt.NDArray[np.int64],
        nxt: npt.NDArray[np.int64],
        weight: float,
    ) -> None:
        self.X = X
        self.prev = prev
        self.nxt = nxt
        self.weight = float(weight)

    def rows(self, idx: npt.NDArray[np.int64] | slice) -> npt.NDArray[np.float32]:
        """``(m, d)`` float32 unit context vectors of the rows ``idx``."""
        base = np.array(self.X[idx], dtype=np.float32)
        if self.weight == 0.0:
            return base
        w = np.float32(self.weight)
        for links in (self.prev[idx], self.nxt[idx]):
            has = links >= 0
            base[has] += w * self.X[links[has]]
        norms = np.linalg.norm(base, axis=1, keepdims=True)
        base /= np.where(norms > 0, norms, np.float32(1.0))
        return base


def passage_neighbours(
    article: npt.NDArray[np.object_] | npt.NDArray[np.str_], start: npt.NDArray[np.integer]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The statement before and after every statement in its article.

    Parameters
    ----------
    article
        ``(n,)`` article id of each statement.
    start
        ``(n,)`` character offset of each statement in its article. Statements that share an
        offset have no order (a table that does not record positions): they are not each
        other's neighbours.

    Returns
    -------
    prev, nxt
        ``(n,)`` int64 rows, ``-1`` at an article's first (``prev``) or last (``nxt``)
        statement.
    """
    n = len(article)
    _, codes = np.unique(np.asarray(article).astype(str), return_inverse=True)
    starts = np.asarray(start, dtype=np.int64)
    order = np.lexsort((np.arange(n), starts, codes.ravel()))
    c, st = codes.ravel()[order], starts[order]
    same = (c[1:] == c[:-1]) & (st[1:] > st[:-1])
    prev = np.full(n, -1, dtype=np.int64)
    nxt = np.full(n, -1, dtype=np.int64)
    prev[order[1:][same]] = order[:-1][same]
    nxt[order[:-1][same]] = order[1:][same]
    return prev, nxt
