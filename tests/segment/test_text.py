from __future__ import annotations

from stancekit.segment.text import sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text, 0, len(text))]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    assert _split("Mr. Smith met J. Smith in the U.S. Senate. Gen. He Yong spoke.") == [
        "Mr. Smith met J. Smith in the U.S. Senate.",
        "Gen. He Yong spoke.",
    ]


def test_a_dotted_abbreviation_before_a_sentence_opener_ends_the_sentence() -> None:
    assert _split("He is weak in the U.S. He says so. At 4 p.m. The meeting began.") == [
        "He is weak in the U.S.",
        "He says so.",
        "At 4 p.m.",
        "The meeting began.",
    ]


def test_dateline_with_a_horizontal_bar() -> None:
    from stancekit.segment.text import dateline_end

    text = "PHILADELPHIA ― Clinton's campaign said it is looking."
    assert text[dateline_end(text, 0, len(text)) :].startswith("Clinton's campaign")
