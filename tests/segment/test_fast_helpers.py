"""Helpers rewritten for speed give what their plain versions give."""

from __future__ import annotations

import itertools
import re

from stancekit.segment import engine
from stancekit.segment.text import Quote

_SENTENCES = [
    '"We will win," he said.',
    '"We will win."',
    '— "Yes," Trump: "no."',
    'a_b "x" 1 2',
    '"Q" ― Sonya Herridge',
    '"Q" é',
]


def test_standalone_as_before() -> None:
    for text in _SENTENCES:
        marks = [i for i, ch in enumerate(text) if ch == '"']
        for qs, qe in itertools.combinations([*marks, 0, len(text)], 2):
            q = Quote(qs, qe + 1, qs + 1, qe, False)
            for s, e in itertools.combinations(range(len(text) + 1), 2):
                outside = text[s : q.start] + text[q.end : e]
                plain = len(re.sub(r"[\W_]+", "", outside)) <= 2
                assert engine._standalone(text, text, q, s, e) == plain
