"""The noun-phrase readers of :mod:`stancekit.segment.phrases`, on token lists."""

from __future__ import annotations

from stancekit.segment.mentions import tokens
from stancekit.segment.phrases import (
    antecedent,
    before_home,
    clause_start,
    group_phrase,
    inverted_nominal,
)


def _toks(text: str) -> list[tuple[int, int, str]]:
    return tokens(text, 0, len(text))


def _span(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_group_phrase_reads_people_and_shares() -> None:
    for text, expected in [
        ("Developers and supporters in Congress", "Developers and supporters in Congress"),
        ("While only 7 percent", "only 7 percent"),
        ("Nine in 10 registered voters", "Nine in 10 registered voters"),
        ("The plan failed, attorneys for the family", "attorneys for the family"),
    ]:
        toks = _toks(text)
        start = group_phrase(toks, len(toks) - 1)
        assert start is not None, text
        assert text[toks[start][0] :] == expected
    # two clauses, not one group: "Exports grew and officials"
    toks = _toks("Exports grew and officials")
    assert group_phrase(toks, len(toks) - 1) is None


def test_inverted_nominal_stops_at_its_clause() -> None:
    text = "one former senior agency official."
    assert _span(text, inverted_nominal(_toks(text))) == "one former senior agency official"
    text = "the former top aide to President George W. Bush."
    assert _span(text, inverted_nominal(_toks(text))) == "the former top aide"
    assert inverted_nominal(_toks("the White House.")) is None
    assert inverted_nominal(_toks("the importance of ties, and")) is None


def test_antecedent_and_home() -> None:
    text = "He met Mitch McConnell, now the Senate majority leader"
    assert _span(text, antecedent(text, 0, len(text))) == "Mitch McConnell"
    text = "Representative Mike Coffman of Colorado"
    toks = _toks(text)
    assert toks[before_home(toks, 0, len(toks) - 1)][2] == "Coffman"
    text = "Secretary of State John Kerry"
    toks = _toks(text)
    assert before_home(toks, 0, len(toks) - 1) == len(toks) - 1


def test_clause_start_after_boundaries() -> None:
    for text in ["The plan, he", "and while he", "in Minnesota, where he", "candidates -- but he"]:
        toks = _toks(text)
        assert clause_start(toks, len(toks) - 1, text, 0), text
    toks = _toks("The report by he")
    assert not clause_start(toks, len(toks) - 1, "The report by he", 0)
