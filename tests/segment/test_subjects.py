from __future__ import annotations

import pytest

from stancekit.segment.subjects import distant_subject, initial_subject, left_subject, right_subject


def _left(text: str, cue: str) -> str | None:
    got = left_subject(text, 0, text.index(cue))
    return None if got is None else text[got[0][0] : got[0][1]]


def test_left_subject_shapes() -> None:
    assert _left("Kyrgyz President Sadyr Japarov said", " said") == "Kyrgyz President Sadyr Japarov"
    assert _left("Trade grew, he said", " said") == "he"
    assert _left("Cory James, 22, of Flint, Mich., said", " said") == "Cory James"
    assert _left("Longtime pollster Pat Caddell said", " said") == "Longtime pollster Pat Caddell"
    assert _left("Trade grew and Putin said", " said") == "Putin"
    assert _left("Putin and Xi said", " said") == "Putin and Xi"


def test_right_and_initial_subjects() -> None:
    text = '"Q," said MSNBC host Chris Matthews.'
    span = right_subject(text, text.index("said") + 4, len(text))
    assert span is not None and text[span[0] : span[1]] == "MSNBC host Chris Matthews"
    text = "Donald Trump, her opponent, bemoaned the unrest and said"
    span = initial_subject(text, 0, text.index(" and said"))
    assert span is not None and text[span[0] : span[1]] == "Donald Trump"


def test_inserts_between_subject_and_cue() -> None:
    from stancekit.segment import segment

    for text, who in [
        ("Carter however said he would welcome China.", "Carter"),
        ("Carter, however, said he would welcome China.", "Carter"),
        (
            "Brian Murphy, the chairman of the county GOP, for example, said it hurt.",
            "Brian Murphy",
        ),
    ]:
        assert [s.speaker for s in segment(text)] == [who], text


def test_where_a_person_is_from_is_not_the_speaker() -> None:
    from stancekit.segment import segment

    for text, who in [
        ("Representative Mike Coffman of Colorado said the bill was bad.", "Mike Coffman"),
        ("The bill was bad, said Sen. Bernie Sanders of Vermont.", "Bernie Sanders"),
        ("Secretary of State John Kerry said the bill was bad.", "John Kerry"),
        ("The Bank of England said rates would rise.", "Bank of England"),
        (
            "The Federal Reserve Bank of New York said rates would rise.",
            "Federal Reserve Bank of New York",
        ),
    ]:
        assert [s.speaker for s in segment(text)] == [who], text


def test_contracted_pronoun_is_a_pronoun() -> None:
    from stancekit.segment import segment

    text = "Jeb Bush spoke.\n\nHe's comparing the actions to Obama's and says Obama is wrong."
    assert [(s.speaker, s.mention) for s in segment(text)] == [("Jeb Bush", "He")]


def test_inserts_that_are_not_appositives() -> None:
    from stancekit.segment import segment

    for text, who in [
        (
            "Sen. Chuck Grassley, facing a challenge in Iowa, a swing state, said he would win.",
            "Chuck Grassley",
        ),
        (
            "Sen. Roy Blunt (R-Mo.), facing a stiff challenge, noted that the race was close.",
            "Roy Blunt",
        ),
        ("Jim Murphy — after a knock-on-wood gesture — told me he had been lucky.", "Jim Murphy"),
    ]:
        assert [s.speaker for s in segment(text)] == [who], text
    text = "Powell's office, when contacted by Reuters, said he could not recall it."
    assert [s.speaker for s in segment(text, unit="attribution")] == ["Powell's office"]


@pytest.mark.parametrize(
    ("clause", "subject"),
    [
        (
            "Current and former officials who spoke with The Huffington Post said",
            "Current and former officials",
        ),
        (
            "The Supreme Court justice -- who has been in a scuffle -- said",
            "The Supreme Court justice",
        ),
        (
            "Giovanni Maria Vian, the editor in chief of the Vatican's newspaper, L'Osservatore Romano, said",
            "Giovanni Maria Vian",
        ),
        (
            "But numerous veterans interviewed at rallies this week, including Mr. Jebens, said",
            "numerous veterans",
        ),
        ("When Trump won the state, his critics said", None),
        ("Voters in Ohio are angry and said", None),
        ("In Ohio, the governor said", None),
        ("Despite his views the senator said", None),
    ],
)
def test_distant_subject(clause: str, subject: str | None) -> None:
    cue = clause.rindex(" said")
    got = distant_subject(clause, 0, cue)
    assert (clause[got[0] : got[1]] if got else None) == subject
