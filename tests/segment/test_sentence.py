from __future__ import annotations

from stancekit.segment.sentence import has_cue, quote_pieces, trim
from stancekit.segment.text import find_quotes


def test_trim_and_quote_pieces() -> None:
    text = "  that the deal is fair. "
    a, b = trim(text, 0, len(text))
    assert text[a:b] == "the deal is fair"
    text = '"We will win. It is certain," he said.'
    (q,) = find_quotes(text, 0, len(text))
    assert [text[a:b] for a, b in quote_pieces(text, q)] == ["We will win", "It is certain"]


def test_has_cue_looks_only_inside_the_span() -> None:
    hits = [(5, 9, "said"), (30, 35, "noted")]
    assert has_cue(hits, 0, 10) and not has_cue(hits, 10, 29) and has_cue(hits, 29, 40)
    assert not has_cue(hits, 31, 40)
