from __future__ import annotations

import pytest

from stancekit import Article
from stancekit.segment import segment
from stancekit.segment.headlines import headline_claim


def _claim(headline: str) -> tuple[str, str] | None:
    found = headline_claim(headline, 0, len(headline))
    if found is None:
        return None
    (s, e), (a, b) = found
    return headline[s:e], headline[a:b]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Trump: My immigration plans aren't set in stone.",
            ("Trump", "My immigration plans aren't set in stone"),
        ),
        (
            "Clinton camp: Trump threatens national security.",
            ("Clinton camp", "Trump threatens national security"),
        ),
        (
            "EXCLUSIVE – Roger Stone: Don't Trust the Voting Machines.",
            ("Roger Stone", "Don't Trust the Voting Machines"),
        ),
        (
            "Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.",
            ("Clinton", "Trump will reverse Roe v. Wade"),
        ),
        ("Reid: 'Never underestimate Trump.'", ("Reid", "'Never underestimate Trump.'")),
    ],
)
def test_source_colon_claim(headline: str, expected: tuple[str, str]) -> None:
    assert _claim(headline) == expected


@pytest.mark.parametrize(
    "headline",
    [
        "Breaking: Latest Primary Has Big Impact On Clinton Campaign.",
        "The Latest: Kasich scores all 66 delegates after Ohio win.",
        "Bill is back: Hillary's husband on campaign trail.",
        "Ted Cruz: Constitutional conservative or career politician?",
        "Netanyahu and Obama: A tortured relationship.",
        "Monday's Morning Email: Putin and the DNC hack.",
        "Carly Fiorina Endorses Ted Cruz: I Am Horrified.",
        "Delegate Update: The latest count in the Democratic race.",
        "No colon in this headline at all.",
        "Trump: Yes.",
    ],
)
def test_not_a_claim(headline: str) -> None:
    assert _claim(headline) is None


def test_headline_claim_only_in_the_attribution_unit() -> None:
    text = (
        "Sanders: Clinton email story has moved.\n\n"
        "Bernie Sanders spoke in Iowa. Sanders said he would win."
    )
    art = Article(id="a", text=text, title="Sanders: Clinton email story has moved")
    assert [s.cue for s in segment([art])] == ["said"]
    got = segment([art], unit="attribution")
    assert [(s.speaker, s.cue, s.text, s.mention) for s in got] == [
        ("Bernie Sanders", ":", "Clinton email story has moved", "Sanders"),
        ("Bernie Sanders", "said", "he would win", "Sanders"),
    ]
    untitled = Article(id="b", text=text)
    assert [s.cue for s in segment([untitled], unit="attribution")] == ["said"]
