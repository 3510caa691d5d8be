from __future__ import annotations

from stancekit.segment import segment


def test_according_to_a_document_and_cue_first_and_participle() -> None:
    got = segment("According to a statement from the European Commission, the deal is done.")
    assert [(s.speaker, s.cue) for s in got] == [("European Commission", "according to")]
    got = segment("Said Ellis: \u201cI don\u2019t get the sense she is interested.\u201d")
    assert [(s.speaker, s.kind) for s in got] == [("Ellis", "direct")]
    got = segment("A county court on Tuesday overturned the plan, ruling that it was flawed.")
    assert [(s.speaker, s.cue, s.text) for s in got] == [
        ("county court", "ruling", "it was flawed")
    ]


def test_by_saying() -> None:
    text = "President Barack Obama responded on Wednesday by saying the issue was manufactured."
    got = segment(text)
    assert [(s.speaker, s.text) for s in got] == [("Barack Obama", "the issue was manufactured")]


def test_fronted_phrases_with_according_to_and_participles() -> None:
    got = segment("In addition, according to the department, the budget will grow.")
    assert [(s.speaker, s.text) for s in got] == [("department", "the budget will grow")]
    got = segment("Holding open a book, Beck said the country was in danger.")
    assert [(s.speaker, s.text) for s in got] == [("Beck", "the country was in danger")]
    assert list(segment("Bernie Sanders was written off as a fringe candidate.")) == []


def test_according_to_data_from_an_organisation() -> None:
    from stancekit.segment import segment

    text = "Intro.\n\nBorrowers owe $1 trillion, according to data from the U.S. Department of Education."
    got = segment(text)
    assert [(s.speaker, s.mention, s.text) for s in got] == [
        (
            "U.S. Department of Education",
            "the U.S. Department of Education",
            "Borrowers owe $1 trillion",
        )
    ]


def test_quoted_as_saying_credits_the_person_quoted() -> None:
    from stancekit.segment import segment

    text = (
        "Sergei Lavrov met Chinese Foreign Minister Wang Yi.\n\nLavrov was quoted by TASS as saying that Russia would "
        "not retreat.\n\nThe statement quoted Wang as saying China would act."
    )
    got = [(s.speaker, s.mention, s.text) for s in segment(text)]
    assert got == [
        ("Sergei Lavrov", "Lavrov", "Russia would not retreat"),
        ("Wang Yi", "Wang", "China would act"),
    ]
