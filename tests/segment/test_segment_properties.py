"""Properties over arbitrary text: never raises, offsets valid, deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit import Article
from stancekit.segment import segment

_WORDS = [
    "said",
    "told",
    "according to",
    "he",
    "she",
    "Putin",
    "Xi Jinping",
    "the minister",
    ",",
    ".",
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "\n\n",
    "urged",
    "adding that",
    "President",
    "of",
    "Russia",
    ":",
    "* * *",
    "é",
    "—",
    "that",
    "the two sides",
]

_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(_WORDS), max_size=80).map(" ".join),
)


@settings(max_examples=200, deadline=None)
@given(text=_text)
def test_segment_never_raises_and_offsets_match(text: str) -> None:
    t1 = segment([Article("x", text)])
    for s in t1:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        if s.mention_start >= 0:
            assert text[s.mention_start : s.mention_end] == s.mention
        assert s.kind in ("direct", "indirect", "mixed")
    t2 = segment([Article("x", text)])
    assert t1.equals(t2)


def test_very_long_article_is_fine() -> None:
    unit = 'Trade is growing, Putin said. "We will see," he added. The Chinese side, Xi said, is ready.\n\n'
    text = unit * 2000
    t = segment(text)
    assert len(t) == 6000
