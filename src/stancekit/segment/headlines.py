"""Headline attributions in headlinese: ``Sanders: Clinton email story has moved.``

A news headline often credits its claim with a bare name and a colon instead of a verb. The
engine reads these only in the attribution unit (in stancekit's own unit headlines are never
statements) and only in the paragraph that repeats the article's title.
"""

from __future__ import annotations

import re

from stancekit.segment.lexicon import BROAD_FORMS, CUE_FORMS
from stancekit.segment.mentions import Span

__all__ = ["headline_claim"]

# "Trump: ...", "EXCLUSIVE – Roger Stone: ...", "Clinton to Planned Parenthood: ..."
_COLON = re.compile(r"([^:\n]{2,60}?):[ \t]+(?=\S)")
_KICKER_DASH = re.compile(r"[A-Z]{2,}(?:\s+[A-Z]{2,})*\s+[–—-]\s+")
# words a source label may carry in lower case ("Clinton camp", "WSJ editorial")
_LOWER_OK = frozenset(
    "camp campaign editorial report aides allies officials sources spokesman spokeswoman "
    "of at".split()
)
# what stops the source: "Clinton to Planned Parenthood", "CNN President On Trump"
_ADDRESSEE = re.compile(r"\s+(?:to|on|at|about)\s+", re.IGNORECASE)
# section labels and teasers, not sources ("Breaking:", "The Latest:", "Delegate Update:")
_KICKERS = frozenset(
    """breaking latest revealed look watch wow exclusive boom byline update updated bombshell
    leaked busted analysis opinion video photos photo live new editor's editors note notice
    correction corrections obituary timeline explainer factbox q&a transcript email newsletter
    podcast nerdcast daily recap review quiz poll-tracker""".split()
)
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.IGNORECASE)


def headline_claim(text: str, a: int, b: int) -> tuple[Span, Span] | None:
    """The source and the claim of a headline ``text[a:b]`` written as ``Source: claim``.

    Parameters
    ----------
    text : str
        The article text.
    a, b : int
        The headline paragraph, ``text[a:b]``.

    Returns
    -------
    tuple of (int, int) and (int, int), or None
        The source's span and the claim's span (without the closing full stop), or ``None``
        when the headline is not of that form: a section label ("Breaking:"), a question, a
        phrase that is not a name ("Bill is back:").
    """
    m = _COLON.match(text, a, b)
    if m is None:
        return None
    s, e = m.span(1)
    kicker = _KICKER_DASH.match(text, s, e)
    if kicker is not None:
        s = kicker.end()
    to = _ADDRESSEE.search(text, s, e)
    if to is not None:
        e = to.start()
    source = text[s:e].strip()
    words = source.split()
    if not words or len(words) > 5 or not source[0].isupper():
        return None
    for w in words:
        lw = w.lower().strip(".")
        bare = re.sub(r"[’']s\Z", "", lw)
        if lw in _KICKERS or bare in _KICKERS or _WEEKDAY.match(w):
            return None
        if not w[0].isupper() and lw not in _LOWER_OK:
            return None  # "Bill is back", "Spoiler no more"
        if lw in ("the", "and", "for", "in", "with", "&") or "," in w or "?" in w:
            return None  # "The One Thing Both Sides Want", "Netanyahu and Obama"
        if lw in CUE_FORMS or lw in BROAD_FORMS:
            return None  # "Carly Fiorina Endorses Ted Cruz": the cue is in the label
    ce = b
    while ce > m.end() and (text[ce - 1].isspace() or text[ce - 1] in ".;"):
        ce -= 1
    if ce - m.end() < 8 or text[ce - 1] == "?":
        return None
    s += len(text[s:e]) - len(text[s:e].lstrip())
    return (s, s + len(source)), (m.end(), ce)
