"""Where reported content starts after a cue: skipping adverbials, objects and ``that``."""

from __future__ import annotations

import re

from stancekit.segment.lexicon import NP_CUES

__all__ = ["QUOTE_OPENERS", "content_start", "that_is_subject"]

QUOTE_OPENERS = ('"', "“", "''", "«")
_TELL_LIKE = frozenset({"tell", "assure", "remind", "warn"})
_ADVERBIAL_START = frozenset(
    """on in at during after before to here today yesterday tonight separately also earlier
    later last this recently again repeatedly previously publicly privately afterwards
    afterward from via through when while as by with for of outside inside""".split()
)
_TIME_SKIP = re.compile(
    r"\s*(?:(?:here|today|yesterday|tonight|also|again|earlier|later|recently|separately)\b\s*|"
    r"in\s+an?\s+(?:\w+\s+)?(?:statement|interview|release|e-?mail|letter|speech|post|tweet|video"
    r"|op-ed|briefing)\b\s*|"
    r"(?:(?:late|early)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?\b\s*|"
    r"(?:last|this)\s+(?:week|month|year|night|morning|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b\s*|"
    r"only(?=\s*(?:that\b|:|[\"“]|''))\s*(?::\s*)?|"
    r"with\s+(?:great\s+|deep\s+|particular\s+)?(?:satisfaction|approval|concern|regret|interest|"
    r"appreciation|gratitude|pleasure|alarm)\b\s*)+"
)
_THAT_AHEAD = re.compile(r"\bthat\b")
_QUANTIFIER = re.compile(r"\s*(?:at\s+(?:least|most)|by\s+far|as\s+(?:many|much|few)\s+as)\b")
_OF_ABOUT = re.compile(r"\s+(?:of|about|against)\s+(?!that\b)")
#: an aside between commas, then "that": ", citing a source in the ministry, that"
_ASIDE_THAT = re.compile(
    r"(?:\s+(?:reporters|journalists|him|her|them|us|me|on|in|at|late|earlier|later|today"
    r"|yesterday|last|this)\b[^,;:\"“”]{0,30})?,[^,;:\"“”]{1,100},\s*that\s"
)
_QUOTE_AFTER_COMMA = re.compile(r"[^,;:\"“”]{1,80}[,:]\s*(?=[\"“]|'')")
_THAT_SUBJECT = re.compile(r"\s+(?:is|was|would|will|has|had|could|should|might|isn't|wasn't)\b")
#: cues whose content may be a to-infinitive
_TO_INFINITIVE = frozenset(
    "want plan intend seek refuse vow pledge promise threaten agree decline hope expect".split()
)
#: "said in a statement posted on its website": what describes the statement, not content
_PARTICIPLES = frozenset(
    "posted published issued released carried broadcast distributed sent aired delivered".split()
)
_OBJECT_WORDS = frozenset(
    """me us him her them you reporters journalists delegates lawmakers analysts investors
    supporters parliament the a an his their its crowd audience""".split()
)


def that_is_subject(text: str, at: int, limit: int) -> bool:
    """True when the ``that`` at ``at`` is the content's subject, not a complementiser: ``said
    that is a distortion``."""
    return bool(_THAT_SUBJECT.match(text, at + 4, limit))


def content_start(m: str, pos: int, base: str, limit: int) -> int | None:
    """Where the content after a cue (ending at ``pos``, base form ``base``) starts in the
    masked text ``m``, or ``None`` when nothing but adverbials follow (the content must then
    be before the cue)."""
    rest = m[pos:limit]
    stripped = rest.strip(" ,:.;—–")
    if not stripped or stripped in ('"', "”"):
        return None
    aside = _ASIDE_THAT.match(m, pos, limit)
    if aside is not None:
        return aside.end()  # "reported, citing a source in the ministry, that C"
    if base == "warn":
        of = _OF_ABOUT.match(m, pos, limit)
        if of is not None:
            return of.end()  # "warned of weak demand": the danger is the content
    if base in _TELL_LIKE:
        return _after_object(m, pos, limit)
    tm = _TIME_SKIP.match(m, pos)
    if tm and tm.end() > pos:
        pos = tm.end()
    first = m[pos:limit].lstrip(" ,:").split(" ", 1)[0].lower() if m[pos:limit].strip(" ,:") else ""
    if first == "that":
        at = m.index("that", pos)
        if that_is_subject(m, at, limit):
            return at
        return at + 4
    if first == "to" and base in _TO_INFINITIVE:
        return m.index("to", pos)  # "wants to triple the program": the plan is the content
    if (
        (first in _ADVERBIAL_START or first in _PARTICIPLES)
        and base not in NP_CUES
        and not _QUANTIFIER.match(m, pos, limit)  # "reported at least six planes ..."
    ):
        t = _THAT_AHEAD.search(m, pos, min(limit, pos + 160))
        if t:
            return t.end()
        q = _QUOTE_AFTER_COMMA.match(m, pos, limit)
        if q:
            return q.end()  # "saying at one point, "Q"", "declared in the spin room, "Q""
        return None
    if not m[pos:limit].strip(" ,.:;"):
        return None
    return pos


# words (with inner periods: "U.S") and single punctuation marks; a final period is its own
_OBJECT_TOKEN = re.compile(r"[\w’'\-]+(?:\.[\w’'\-]+)*|[^\w\s]")
_PREPOSITIONS = frozenset(
    "on in at during after before to for from with by about over via through when while as".split()
)


_NEW_NOUN_PHRASE = frozenset("the a an his her their its our".split())


def _after_object(m: str, pos: int, limit: int) -> int | None:
    """Content start after ``told <object>``: after ``that`` when it comes soon, else after the
    object noun phrase; ``None`` when only adverbials follow."""
    t = _THAT_AHEAD.search(m, pos, min(limit, pos + 120))
    if t and "," not in m[pos : t.start()].strip(", ") and '"' not in m[pos : t.start()]:
        return t.end()
    words = [(w.start(), w.end(), w.group()) for w in _OBJECT_TOKEN.finditer(m[pos:limit])]
    k = 0
    if k < len(words) and words[k][2].lower() in (
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
    ):
        k += 1
        while (
            k < len(words)
            and k < 5
            and words[k][2].lower() not in _PREPOSITIONS
            and words[k][2] not in (",", ".", ":")
            and words[k][2].lower() not in _NEW_NOUN_PHRASE  # "the Council the warring sides"
        ):
            k += 1
    elif k < len(words) and (words[k][2].lower() in _OBJECT_WORDS or words[k][2][:1].isupper()):
        k += 1
        while k < len(words) and words[k][2][:1].isupper():
            k += 1
    if k >= len(words):
        return None
    nxt = words[k][2]
    if nxt.lower() in ("to", "about") and k > 0:
        return pos + words[0][0]  # "urged B to C", "told his counterpart about C"
    if (
        nxt in (".", "!", "?")
        or nxt.lower() in _PREPOSITIONS
        or nxt.lower() in ("earlier", "later", "today", "yesterday", "on")
    ):
        return None
    if nxt in (",", ":"):
        rest = m[pos + words[k][1] : limit].strip()
        return pos + words[k][1] if rest.startswith(QUOTE_OPENERS) else None
    return pos + words[k][0]
