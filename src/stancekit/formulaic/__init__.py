"""Substance first: how much every statement says, and which statements are formulae.

Greetings, thanks, courtesies and procedure ("Thank you very much", "Good afternoon,
colleagues") and statements that many speakers say alike carry no position.
:func:`substance` measures every statement (``stancekit.substance(table)``); the comparison
functions and :func:`stancekit.topics` leave the flagged ones out by default
(``keep_formulaic=True`` keeps them) and report how many they left out (``n_formulaic``).
"""

from stancekit.formulaic._api import Substance, formulaic_mask, substance
from stancekit.formulaic._lexical import count_words, courtesy_words, strong_courtesy_words

__all__ = [
    "Substance",
    "count_words",
    "courtesy_words",
    "formulaic_mask",
    "strong_courtesy_words",
    "substance",
]
