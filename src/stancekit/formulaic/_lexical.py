"""Lexical evidence of formulae: content words left once courtesy and stop words are gone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

__all__ = ["WordCounts", "count_words", "courtesy_words", "strong_courtesy_words"]

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*|\d+(?:[.,]\d+)*")
_EDITORIAL = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: Words that make the capitalised words beside them an address ("Mr President", "Your
#: Excellency") rather than content.
_HONORIFICS = frozenset(
    "mr mrs ms madam madame sir dear excellency excellencies highness majesty your".split()
)
_TITLES = frozenset(
    """president presidents minister ministers prime premier chancellor king queen prince
    princess emir sheikh secretary general chairman chairperson chair ambassador governor
    mayor vice deputy comrade comrades senator""".split()
)


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("stancekit.formulaic").joinpath("courtesy_en.txt").read_text("utf-8")
    strong: set[str] = set()
    weak: set[str] = set()
    target = strong
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word == "[weak]":
            target = weak
        elif word:
            target.add(word)
    return frozenset(strong), frozenset(weak)


def courtesy_words() -> frozenset[str]:
    """The bundled English list of courtesy, address and procedure words (lower case)."""
    strong, weak = _lists()
    return strong | weak


def strong_courtesy_words() -> frozenset[str]:
    """The part of :func:`courtesy_words` that is courtesy wherever it stands (thanks,
    greetings, pleasantries, address), without the words also common in substance."""
    return _lists()[0]


@dataclass(frozen=True)
class WordCounts:
    """Per-statement word counts: ``content``, ``courtesy`` (courtesy list, titles and names
    in an address), ``strong`` (the part of ``courtesy`` that is not also common in
    substance: thanks, greetings, pleasantries, address) and ``words`` (all), each ``(n,)``
    int64."""

    content: npt.NDArray[np.int64]
    courtesy: npt.NDArray[np.int64]
    strong: npt.NDArray[np.int64]
    words: npt.NDArray[np.int64]


def _address(tokens: Sequence[str]) -> list[bool]:
    """Mark capitalised runs that hold or follow an honorific or a title ("Mr Putin",
    "President Xi", "Your Excellency") as address words."""
    marks = [False] * len(tokens)
    i = 0
    while i < len(tokens):
        if not tokens[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j][:1].isupper():
            j += 1
        run = [t.lower() for t in tokens[i:j]]
        after_honorific = i > 0 and tokens[i - 1].lower() in _HONORIFICS
        if after_honorific or any(t in _HONORIFICS or t in _TITLES for t in run):
            marks[i:j] = [True] * (j - i)
        i = j
    return marks


def count_words(texts: Iterable[str], extra_words: Iterable[str] = ()) -> WordCounts:
    """Count content, courtesy and all words of every text.

    Editorial marks in brackets ("(In English.)") are dropped first. A word is courtesy when
    it is on :func:`courtesy_words` or ``extra_words``, or part of an address (a capitalised
    run with an honorific or a title); it is content when it is neither courtesy nor an
    English stop word (scikit-learn's list). Numbers are content.

    Parameters
    ----------
    texts
        ``n`` statement texts.
    extra_words
        More courtesy words (any case).

    Returns
    -------
    WordCounts
    """
    extra = {w.lower() for w in extra_words}
    courtesy = courtesy_words() | extra
    strong_words = strong_courtesy_words() | extra
    content, polite, strong, total = [], [], [], []
    for text in texts:
        tokens = _WORD.findall(_EDITORIAL.sub(" ", text))
        address = _address(tokens)
        n_content = n_polite = n_strong = 0
        for token, is_address in zip(tokens, address, strict=True):
            low = token.lower().replace("’", "'")
            if is_address or low in courtesy:
                n_polite += 1
                n_strong += is_address or low in strong_words
            elif low not in ENGLISH_STOP_WORDS:
                n_content += 1
        content.append(n_content)
        polite.append(n_polite)
        strong.append(n_strong)
        total.append(len(tokens))
    return WordCounts(
        np.array(content, dtype=np.int64),
        np.array(polite, dtype=np.int64),
        np.array(strong, dtype=np.int64),
        np.array(total, dtype=np.int64),
    )
