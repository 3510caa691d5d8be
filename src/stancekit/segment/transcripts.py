"""Transcripts with turn labels (``President of Pakistan Asif Ali Zardari (translated from
Russian): ...``): each paragraph of a turn is one direct statement of the labelled speaker."""

from __future__ import annotations

import re

from stancekit.segment.lexicon import ROLE_WORDS
from stancekit.segment.mentions import _PREFIXED
from stancekit.segment.text import Paragraph

__all__ = [
    "EDITORIAL",
    "NOBODY",
    "SEPARATOR",
    "credible_labels",
    "is_transcript",
    "one_word_labels",
    "turn_label",
]

_LABEL = re.compile(
    r"[\"“]?(?P<label>[A-Z][\w’'.\-]*(?:[ \u00a0](?:[A-Z][\w’'.\-]*|[a-z]{1,3}-[A-Z][\w’'.\-]*"
    r"|of|the|de|da|del|al|bin|ibn|van|von|der|and|la|le|du|y|ul|bint))*?)"
    r"(?P<paren>\s*\([^()]{0,60}\))?:[ \u00a0]+(?=\S)"
)
_LATE_NOTE = re.compile(r"\((?:re)?translat[^()]{0,40}\)\s*:?\s*", re.IGNORECASE)
_LOWER_OK = frozenset("of the de da del al bin ibn van von der and la le du y ul bint".split())
#: A paragraph that separates a readout from its transcript.
SEPARATOR = re.compile(r"\s*(?:\*\s*){3,}\s*\Z")  # used with match(text, start, end)
#: Editorial marks such as ``<…>`` or ``<...>``.
EDITORIAL = re.compile(r"<\s*(?:…|\.\.\.|\.{2,}|[^<>]{0,40})\s*>")
_NOT_NAMES = frozenset(
    """Question Answer Q A Note Update Editor Source Photo Caption Video Read Related Watch See
    Also Comment Reporter Moderator Speaker Audience Remark Remarks Transcript""".split()
)


#: Label of a turn that is nobody's statement (a journalist's question, a moderator).
NOBODY = (-1, -1, -1)
#: function words capitalised as in a headline ("CNN President On Trump:"), never in a label
#: ("President of Russia", "Minister for Foreign Affairs")
_HEADLINE_CASE = frozenset(
    "On In At To For With From About After Over Is Are Was Were Says Will Not And But Just".split()
)


def turn_label(text: str, p: Paragraph) -> tuple[int, int, int] | None:
    """A turn label at the start of a paragraph: ``(label_start, label_end, speech_start)``
    (the label without ``(translated...)`` or the colon), :data:`NOBODY` for labels such as
    ``Question:``, or ``None``."""
    if text.find(":", p.start, p.end) < 0:
        return None  # every label ends with a colon
    m = _LABEL.match(text, p.start, p.end)
    if m is None:
        return None
    words = m.group("label").split()
    if not 1 <= len(words) <= 16:
        return None
    if words[0].lower() == "the" and not (len(words) > 1 and words[1].lower() in ROLE_WORDS):
        return None  # "THE WEEK: ...", "The Gap Goes On: ...": a heading ("The President:" is not)
    if words[0] in _NOT_NAMES and len(words) == 1:
        return NOBODY
    caps = [w for w in words if w[:1].isupper()]
    shout = len(words) == 1 and len(words[0]) >= 3 and words[0].isupper()
    if len(caps) < 2 and not (len(words) == 1 and (m.group("paren") or shout)):
        return None
    if any(
        w.lower() not in _LOWER_OK and not w[:1].isupper() and not _PREFIXED.match(w) for w in words
    ):
        return None
    paren = m.group("paren")
    if paren and not re.search(r"translat|via interpreter|interpret", paren, re.IGNORECASE):
        return None
    late = _LATE_NOTE.match(text, m.end(), p.end)  # "Angela Merkel: (retranslated): ..."
    return m.start("label"), m.end("label"), late.end() if late else m.end()


def credible_labels(
    text: str, labels: list[tuple[int, int, int] | None]
) -> list[tuple[int, int, int] | None]:
    """Drop labels that are more likely subheadings ("Veto Power Impedes Peace Efforts: ...")
    than speakers: a label without a title, an interpreter's note or capitals only counts
    when it is named elsewhere in the text or its last word labels another turn too."""
    last_words: dict[str, int] = {}
    for lab in labels:
        if lab is not None and lab != NOBODY:
            last = text[lab[0] : lab[1]].split()[-1]
            last_words[last] = last_words.get(last, 0) + 1
    out: list[tuple[int, int, int] | None] = []
    for lab in labels:
        if lab is None or lab == NOBODY:
            out.append(lab)
            continue
        label = text[lab[0] : lab[1]]
        words = label.split()
        if any(w in _HEADLINE_CASE for w in words[1:]):
            out.append(None)  # "CNN President On Trump: ...": a headline, not a speaker
            continue
        para_end = text.find("\n", lab[2])
        speech = text[lab[2] : para_end if para_end >= 0 else len(text)]
        if _name_list(speech):
            out.append(None)  # "South Carolina: Andrew Collins, Antjuan Seawright, ...": a list
            continue
        surname = words[-1].rstrip(".,")
        if len(words) >= 2 and re.search(rf"(?<![\w’']){re.escape(surname)}(?![\w’'])", speech):
            # "Bernie Sanders: Credit scores On his website, Senator Bernie Sanders calls
            # for ...": a speaker does not name himself; a subheading names its subject
            out.append(None)
            continue
        strong = (
            label.isupper()
            or lab[2] - lab[1] > 3  # "(translated from Russian):"
            or any(w.lower().rstrip(".") in ROLE_WORDS for w in words)
            or text.count(label) >= 2  # named elsewhere too: "Prime Minister Askar Mamin"
        )
        out.append(lab if strong or last_words[words[-1]] >= 2 else None)
    return out


def _name_list(speech: str) -> bool:
    """True when ``speech`` is a list of names ("Andrew Collins, Antjuan Seawright, Barry
    Wynn."), not something said."""
    parts = [p.strip(" .;") for p in speech.split(",")]
    if len(parts) < 3:
        return False
    return all(
        p and len(p.split()) <= 4 and all(w[:1].isupper() for w in p.split() if w != "and")
        for p in parts
    )


def is_transcript(text: str, labels: list[tuple[int, int, int] | None]) -> bool:
    """Two or more speaker labels, or one that names its speaker with a title in full
    ("President of Russia Vladimir Putin: ...", a page of one leader's remarks)."""
    named = [lab for lab in labels if lab is not None and lab != NOBODY]
    if len(named) >= 2:
        return True
    if len(named) != 1:
        return False
    lab = named[0]
    words = text[lab[0] : lab[1]].split()
    titled = any(w.lower().rstrip(".") in ROLE_WORDS for w in words)
    return (titled and len(words) >= 3) or lab[2] - lab[1] > 3


_ONE_WORD = re.compile(r"(?P<label>[A-Z][a-z][\w’'\-]*):[ \u00a0]+(?=\S)")


def one_word_labels(
    text: str, paras: list[Paragraph], labels: list[tuple[int, int, int] | None]
) -> list[tuple[int, int, int] | None]:
    """In a transcript, a label of one capitalised word too (``Reuters: Will ...?`` between
    ``CCTV:`` and ``Mao Ning:``); alone such a word is more often a heading's."""
    out = list(labels)
    for i, (p, lab) in enumerate(zip(paras, labels, strict=True)):
        if lab is not None:
            continue
        m = _ONE_WORD.match(text, p.start, p.end)
        if m is None or m.group("label") in _NOT_NAMES or m.group("label") in _HEADLINE_CASE:
            continue
        out[i] = (m.start("label"), m.end("label"), m.end())
    return out
