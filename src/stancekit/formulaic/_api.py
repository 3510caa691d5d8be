"""``substance``: informativeness of every statement and the formulae to leave out."""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt
import pandas as pd

from stancekit.core.substance import idf_weight, speaker_spread
from stancekit.formulaic._lexical import count_words
from stancekit.table import StatementTable

__all__ = ["Substance", "formulaic_mask", "substance"]

#: Rows searched for near-duplicates at most (a seeded sample above it bounds the cost).
MAX_REFERENCE = 20_000
#: Default flags of tables already seen (tables are immutable), so that a session that calls
#: several comparison functions on one table flags it once.
_FLAGS: weakref.WeakKeyDictionary[StatementTable, npt.NDArray[np.bool_]] = (
    weakref.WeakKeyDictionary()
)
_NULL_PAIRS = 20_000
#: Budget of one block of near-duplicate scores (bytes).
_BLOCK_BYTES = 16 * 2**20


@dataclass(frozen=True, eq=False)
class Substance:
    """Informativeness of every statement and the formula flag.

    Attributes
    ----------
    informativeness
        ``(n,)`` in ``[0, 1]``: ``idf * content / (content + courtesy)`` (0 for a statement
        with no word); see ``docs/scores.md``.
    formulaic
        ``(n,)`` bool: a greeting, thanks, courtesy or procedure formula (no content word, or
        one beside two strong or three courtesy words), or a statement that
        ``min_speakers`` or more speakers say alike.
    reason
        ``n`` strings: ``""``, ``"courtesy"`` (no content word beyond courtesy, address and
        stop words), ``"shared by N speakers"`` (corpus evidence) or ``"no words"``.
    spread
        ``(n,)`` int64: other speakers with a near-duplicate (``-1`` without embeddings).
    idf
        ``(n,)`` IDF-like weight ``1 - log(1 + spread) / log(S)`` (1 without embeddings).
    content, courtesy
        ``(n,)`` int64 word counts.
    threshold
        Cosine used for near-duplicates (NaN without embeddings).
    min_speakers
        Speakers (the statement's own included) from whom a shared statement is a formula.
    """

    informativeness: npt.NDArray[np.float64]
    formulaic: npt.NDArray[np.bool_]
    reason: tuple[str, ...]
    spread: npt.NDArray[np.int64]
    idf: npt.NDArray[np.float64]
    content: npt.NDArray[np.int64]
    courtesy: npt.NDArray[np.int64]
    threshold: float
    min_speakers: int

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray):
                value.flags.writeable = False

    def __len__(self) -> int:
        return int(self.formulaic.size)

    @property
    def n_formulaic(self) -> int:
        """Statements flagged as formulae."""
        return int(np.count_nonzero(self.formulaic))

    def to_pandas(self) -> pd.DataFrame:
        """One row per statement (table order)."""
        return pd.DataFrame(
            {
                "informativeness": self.informativeness,
                "formulaic": self.formulaic,
                "reason": list(self.reason),
                "spread": self.spread,
                "idf": self.idf,
                "content_words": self.content,
                "courtesy_words": self.courtesy,
            }
        )


def _threshold(X: npt.NDArray[np.float32], share: float, seed: int) -> float:
    """The cosine ``share`` of the way from the median cosine of random statement pairs (at
    least 0) to 1: models differ in how high all their cosines run, and the median stays put
    however many formulae a corpus holds."""
    n = X.shape[0]
    if n < 3:
        return share
    rng = np.random.default_rng(seed)
    i = rng.integers(0, n, _NULL_PAIRS)
    j = (i + rng.integers(1, n, _NULL_PAIRS)) % n
    cosines = np.concatenate(
        [
            np.einsum("ij,ij->i", X[i[a : a + 2048]], X[j[a : a + 2048]], dtype=np.float64)
            for a in range(0, _NULL_PAIRS, 2048)  # in chunks: the pairs' rows are copies
        ]
    )
    median = max(0.0, float(np.median(cosines)))
    return median + (1.0 - median) * share


def _check(threshold: float, min_speakers: int | None) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise TypeError(f"threshold must be a number, got {threshold!r}")
    if not 0.0 < float(threshold) <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
    if min_speakers is not None and (
        isinstance(min_speakers, bool) or not isinstance(min_speakers, int) or min_speakers < 2
    ):
        raise ValueError(f"min_speakers must be an integer >= 2 or None, got {min_speakers!r}")


def substance(
    table: StatementTable,
    *,
    threshold: float = 0.8,
    min_speakers: int | None = None,
    extra_words: Iterable[str] = (),
    seed: int = 0,
) -> Substance:
    """Measure how much every statement says, and flag the formulae.

    Two kinds of evidence, so that it works on corpora and genres nobody listed:

    - **lexical**: a statement with no content word once courtesy words (thanks, greetings,
      pleasantries, address: a bundled list plus ``extra_words``), names in an address
      ("Mr Putin") and stop words are set aside is a formula ("Thank you very much, Mr
      President");
    - **corpus**: a statement that ``min_speakers`` or more different speakers say alike
      (near-duplicate embeddings) carries no position of its own ("I
      congratulate you on your election"); its IDF-like weight falls with the number of
      speakers who say it.

    Parameters
    ----------
    table
        Statements; with embeddings the corpus evidence is used too.
    threshold
        Near-duplicates are closer than this share of the way from the median cosine of
        random statement pairs (at least 0) to 1: with all-MiniLM-L6-v2 (median about 0.2)
        the default 0.8 means a cosine of about 0.84.
    min_speakers
        Speakers (the statement's own included) from whom a shared statement is a formula;
        ``None``: ``max(5, ceil(2% of the speakers))``.
    extra_words
        More courtesy words for the lexical evidence.
    seed
        Seed of the random pairs used for the threshold and, above 20,000 statements, of the
        20,000 statements searched for near-duplicates (cost ``O(20,000 n d)``).

    Returns
    -------
    Substance

    Examples
    --------
    >>> from stancekit import Statement, StatementTable
    >>> from stancekit.formulaic import substance
    >>> t = StatementTable.from_statements([
    ...     Statement("a", "Putin", "Thank you very much, Mr President.", 0, 1),
    ...     Statement("a", "Xi", "Trade between the two countries grew by a third.", 0, 1)])
    >>> s = substance(t)
    >>> s.formulaic.tolist(), s.reason
    ([True, False], ('courtesy', ''))
    """
    if not isinstance(table, StatementTable):
        raise TypeError(f"expected a StatementTable, got {type(table).__name__}")
    _check(threshold, min_speakers)
    texts = [str(t) for t in table.column("text")]
    words = count_words(texts, extra_words)
    n = len(texts)
    speakers = pd.Series(table.column("speaker"), dtype=object).fillna("").astype(str)
    codes, uniques = pd.factorize(speakers.to_numpy(), sort=True)
    n_speakers = len(uniques)
    need = min_speakers if min_speakers is not None else max(5, math.ceil(0.02 * n_speakers))
    spread = np.full(n, -1, dtype=np.int64)
    idf = np.ones(n, dtype=np.float64)
    used = float("nan")
    X = table.embeddings
    if X is not None and n:
        X = np.asarray(X, dtype=np.float32)
        used = _threshold(X, float(threshold), seed)
        ref = None
        if n > MAX_REFERENCE:
            ref = np.sort(np.random.default_rng(seed).choice(n, MAX_REFERENCE, replace=False))
        spread = speaker_spread(X, codes, threshold=used, reference=ref, block_bytes=_BLOCK_BYTES)
        idf = idf_weight(spread, n_speakers)
    lexical = (words.content == 0) | (
        (words.content == 1) & ((words.strong >= 2) | (words.courtesy >= 3))
    )
    shared = spread + 1 >= need
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(
            words.content + words.courtesy > 0,
            words.content / np.maximum(words.content + words.courtesy, 1),
            0.0,
        )
    reason = np.full(n, "", dtype=object)
    reason[shared] = [f"shared by {k + 1} speakers" for k in spread[shared]]
    reason[lexical] = "courtesy"
    reason[words.words == 0] = "no words"
    return Substance(
        informativeness=np.asarray(idf * share, dtype=np.float64),
        formulaic=np.asarray(lexical | shared | (words.words == 0), dtype=bool),
        reason=tuple(str(r) for r in reason),
        spread=spread,
        idf=idf,
        content=words.content,
        courtesy=words.courtesy,
        threshold=used,
        min_speakers=int(need),
    )


def formulaic_mask(table: StatementTable) -> npt.NDArray[np.bool_]:
    """The table's ``formulaic`` column when it has one (a user's own flags), otherwise
    :func:`substance`'s flags with the defaults, computed once per table. ``(n,)`` bool,
    read-only."""
    if "formulaic" in table.columns:
        values = table.column("formulaic")
        bad = [v for v in values if not isinstance(v, (bool, np.bool_)) and v not in (0, 1)]
        if bad:
            raise ValueError(
                f"the 'formulaic' column must hold True or False, got {bad[0]!r} "
                f"({len(bad)} such values)"
            )
        return np.asarray([bool(v) for v in values], dtype=bool)
    flags = _FLAGS.get(table)
    if flags is None:
        flags = np.asarray(substance(table).formulaic, dtype=bool)
        flags.flags.writeable = False
        _FLAGS[table] = flags
    return flags
