from __future__ import annotations

from stancekit.segment.subjects import initial_subject, left_subject, right_subject


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
