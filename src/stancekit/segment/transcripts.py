"""Transcripts with turn labels (``President of Pakistan Asif Ali Zardari (translated from
Russian): ...``): each paragraph of a turn is one direct statement of the labelled speaker."""

from __future__ import annotations

import re

from stancekit.segment.text import Paragraph

__all__ = ["EDITORIAL", "NOBODY", "SEPARATOR", "turn_label"]

_LABEL = re.compile(
    r"[\"“]?(?P<label>[A-Z][\w’'.\-]*(?:[ \u00a0](?:[A-Z][\w’'.\-]*"
    r"|of|the|de|da|del|al|bin|ibn|van|von|der|and|la|le|du|y|ul|bint))*?)"
    r"(?P<paren>\s*\([^()]{0,60}\))?:[ \u00a0]+(?=\S)"
)
_LOWER_OK = frozenset("of the de da del al bin ibn van von der and la le du y ul bint".split())
#: A paragraph that separates a readout from its transcript.
SEPARATOR = re.compile(r"\A\s*(?:\*\s*){3,}\s*\Z")
#: Editorial marks such as ``<…>`` or ``<...>``.
EDITORIAL = re.compile(r"<\s*(?:…|\.\.\.|\.{2,}|[^<>]{0,40})\s*>")
_NOT_NAMES = frozenset(
    """Question Answer Q A Note Update Editor Source Photo Caption Video Read Related Watch See
    Also Comment Reporter Moderator Speaker Audience Remark Remarks Transcript""".split()
)


#: Label of a turn that is nobody's statement (a journalist's question, a moderator).
NOBODY = (-1, -1, -1)


def turn_label(text: str, p: Paragraph) -> tuple[int, int, int] | None:
    """A turn label at the start of a paragraph: ``(label_start, label_end, speech_start)``
    (the label without ``(translated...)`` or the colon), :data:`NOBODY` for labels such as
    ``Question:``, or ``None``."""
    m = _LABEL.match(text, p.start, p.end)
    if m is None:
        return None
    words = m.group("label").split()
    if not 1 <= len(words) <= 12:
        return None
    if words[0] in _NOT_NAMES and len(words) == 1:
        return NOBODY
    caps = [w for w in words if w[:1].isupper()]
    shout = len(words) == 1 and len(words[0]) >= 3 and words[0].isupper()
    if len(caps) < 2 and not (len(words) == 1 and (m.group("paren") or shout)):
        return None
    if any(w.lower() not in _LOWER_OK and not w[:1].isupper() for w in words):
        return None
    paren = m.group("paren")
    if paren and not re.search(r"translat|via interpreter|interpret", paren, re.IGNORECASE):
        return None
    return m.start("label"), m.end("label"), m.end()
