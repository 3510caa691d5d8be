"""Sentence shapes with their own attribution rules: ``according to X``, the cue first (``Said
Ellis: "..."``), and a participial cue after a clause that has none (``..., ruling that C``)."""

from __future__ import annotations

import re

from stancekit.segment.content import content_start
from stancekit.segment.lexicon import BROAD_SPLIT_ING, SPLIT_ING
from stancekit.segment.mentions import parse_mention
from stancekit.segment.phrases import antecedent
from stancekit.segment.sentence import (
    Cue,
    Raw,
    SentenceContext,
    emit,
    fronted_fragment,
    quote_pieces,
    resolve_speaker,
    speak,
)
from stancekit.segment.subjects import initial_subject, left_subject, right_subject

__all__ = [
    "according_to",
    "embedded_speakers",
    "participle_of_subject",
    "quoted_as_saying",
    "relative_speakers",
    "said_first",
    "with_saying",
]

_BY_GERUND = re.compile(r"\s(?:by|after)\Z")
#: a document right before "saying": what its sender says ("put out a statement saying C")
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:statement|e-?mail|letter|release|memo|note|ad|advertisement|video|tweet|post|message"
    r"|op-ed|filing|petition)s?(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|today|yesterday))?\Z"
)


_DOCUMENT_FROM = re.compile(
    r"(?:(?:an?|the)\s+)?(?:\w+\s+)?(?:statement|report|release|readout|communiqu[eé]|letter|"
    r"transcript|post|tweet|data|figures|numbers|records|documents|estimates|analysis)\s+"
    r"(?:from|by|of|issued\s+by)\s+",
    re.IGNORECASE,
)


def participle_of_subject(ctx: SentenceContext, cues: list[Cue]) -> list[Raw]:
    """``An Oregon appeals court on Tuesday overturned the approval, ruling that C``: a
    participial cue after a clause with no cue of its own speaks for the clause's subject."""
    for c in cues:
        before = ctx.masked[ctx.start : c.start].rstrip()
        split = BROAD_SPLIT_ING if ctx.broad else SPLIT_ING
        if c.form not in split or not (
            before.endswith(",")
            or _BY_GERUND.search(before)
            or (c.form == "saying" and _DOCUMENT_BEFORE.search(before))
        ):
            continue  # "..., ruling that C" / "... responded by saying C" / "... sent an email
            # Wednesday saying C"
        sub = initial_subject(ctx.masked, ctx.start, c.start)
        if sub is None:
            return []
        if parse_mention(ctx.text, sub).kind == "plural" and not ctx.plural:
            return []
        start = content_start(ctx.masked, c.end, c.base, ctx.end)
        if start is None:
            return []
        return speak(ctx, sub, None, start, ctx.end, c.form)
    return []


_WITH_SUBJECT = re.compile(r"(?:^|[\s,;(—–])with\s+")


def with_saying(ctx: SentenceContext, cues: list[Cue]) -> tuple[list[Raw], set[int]]:
    """``..., with Chair Jerome Powell saying C``: an absolute phrase whose subject speaks;
    returns the statements and the starts of the cues they use."""
    out: list[Raw] = []
    used: set[int] = set()
    m = ctx.masked
    for c in cues:
        if c.form not in SPLIT_ING:
            continue
        lo = max(ctx.start, c.start - 80)
        hits = list(_WITH_SUBJECT.finditer(m, lo, c.start))
        if not hits:
            continue
        left = left_subject(m, hits[-1].end(), c.start)
        if left is None or left[0][0] != hits[-1].end():
            continue  # the subject must follow "with" at once
        if parse_mention(ctx.text, left[0]).kind == "plural" and not ctx.plural:
            continue
        start = content_start(m, c.end, c.base, ctx.end)
        if start is None:
            continue
        made = speak(ctx, left[0], left[1], start, ctx.end, c.form)
        if made:
            used.add(c.start)
            out.extend(made)
    return out, used


def said_first(ctx: SentenceContext, c: Cue) -> list[Raw] | None:
    """``Said Dorothy Poynter, who grew up with Ali, "We were all so proud."``: the cue opens
    the sentence, the speaker follows it, the content comes after a comma or colon."""
    rs = right_subject(ctx.masked, c.end, ctx.end)
    if rs is None:
        return None
    ent, mention = resolve_speaker(ctx, rs, None)
    if ent is None:
        return None
    quotes = [q for q in ctx.quotes if q.start >= rs[1]]
    out: list[Raw] = []
    if quotes:
        for q in quotes:
            ctx.used_quotes.add(q.start)
            out.extend(
                Raw(ent, mention, s, e, "direct", c.form, ctx.index)
                for s, e in quote_pieces(ctx.text, q)
            )
    else:
        colon = ctx.masked.find(":", rs[1], ctx.end)
        if colon < 0:
            return None
        out.extend(emit(ctx, ent, mention, colon + 1, ctx.end, c.form))
    if out:
        ctx.book.spoke(ent)
    return out


_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)


def according_to(ctx: SentenceContext, cues: list[Cue]) -> list[Raw] | None:
    if not any(c.form == "according to" for c in cues):
        return None  # the cue lexicon finds every "according to"
    m = ctx.masked
    a, b = ctx.start, ctx.end
    hit = _ACCORDING.search(m, a, b)
    if hit is None:
        return None
    np_from = hit.end()
    stop = m.find(",", np_from, b)
    np_end = stop if stop >= 0 else b
    while np_end > np_from and m[np_end - 1] in " .":
        np_end -= 1
    if m[np_end - 1 : np_end] == ")":
        # "according to the World Health Organization (WHO)": the name before its acronym
        paren = m.rfind(" (", np_from, np_end)
        if paren > np_from:
            np_end = paren
    lead = m[a : hit.start()].strip()
    if np_end <= np_from:
        return None
    doc = _DOCUMENT_FROM.match(m, np_from, np_end)
    if doc is not None:
        np_from = doc.end()  # "according to a statement from the European Commission"
    np_span = (np_from, np_end)
    # an unresolved nominal ("reports emerging in the media") is its own source in the
    # attribution unit (see resolve_speaker)
    ent, _ = resolve_speaker(ctx, np_span, None)
    if ent is None:
        return []
    out: list[Raw] = []
    fragment = lead.endswith(",") and fronted_fragment(lead[:-1])
    opens = lead.endswith((":", ";", "--", "—", "–"))  # "It has not gone unnoticed: According"
    if not lead or lead.lower() in ("but", "and") or fragment or opens:
        # "According to X, C" / "In addition, according to the department, C"
        if stop < 0:
            return []
        out.extend(emit(ctx, ent, np_span, stop + 1, b, "according to"))
    else:
        out.extend(emit(ctx, ent, np_span, a, hit.start(), "according to"))
        who = re.search(r",\s*who\s+", m[np_end:b])
        if who is not None:
            wpos = np_end + who.end()
            for c in cues:
                gap = m[wpos : c.start].split()
                if (
                    c.start >= wpos
                    and c.form != "according to"
                    and all(
                        w.lower() in ("also", "has", "had", "later", "then", "earlier") for w in gap
                    )
                ):
                    start = content_start(ctx.masked, c.end, c.base, b)
                    if start is not None:
                        out.extend(emit(ctx, ent, np_span, start, b, c.form))
                    break
    if out:
        ctx.book.spoke(ent)
    return out


#: ``, who said``, ``, who in 2010 said``, ``, who has repeatedly argued``: what may stand
#: between a relative pronoun and its cue
_WHO_BEFORE = re.compile(
    r"(,\s+|\s)(who|which)\s+(?:(?:also|has|have|had|later|then|earlier|once|repeatedly|often|"
    r"recently|publicly|previously|in\s+\d{4}|on\s+[A-Z][a-z]+day),?\s+){0,3}\Z"
)


#: speech cues that make a statement from a relative clause; others there ("who endorsed
#: Clinton", "who held a rally") are background, not a position taken
_RELATIVE_CUES = frozenset(
    """say tell write argue emphasize emphasise stress note add warn suggest insist claim
    contend maintain predict estimate acknowledge admit explain complain testify tweet
    declare assert reiterate""".split()
)
#: object-taking speech acts: in a relative clause only in a simple tense ("who praised the
#: progress"; "who has welcomed support from" is background)
_RELATIVE_ACTS = frozenset(
    """praise welcome urge express voice reaffirm thank congratulate condemn criticize
    criticise underline underscore highlight propose pledge vow""".split()
)
_PERFECT = re.compile(r"\b(?:has|have|had)\b")


#: in the attribution unit, beliefs and intentions in a relative clause count too ("Donald
#: J. Trump, who wants to simplify the tax code")
_RELATIVE_BELIEFS = frozenset("want think believe hope plan intend expect fear worry".split())


def relative_speakers(
    ctx: SentenceContext, cues: list[Cue]
) -> list[tuple[Cue, int, tuple[int, int], tuple[int, int]]]:
    """Cues in a relative clause whose pronoun stands for a named antecedent (``..., said
    Mr. Kamin, who emphasized that C``, ``Rep. Ann Lee, who said C``): ``(cue, where the
    clause starts, who span, antecedent span)`` for each."""
    out: list[tuple[Cue, int, tuple[int, int], tuple[int, int]]] = []
    m = ctx.masked
    if m.find("who", ctx.start, ctx.end) < 0 and m.find("which", ctx.start, ctx.end) < 0:
        return out
    for c in cues:
        lo = max(ctx.start, c.start - 60)
        hit = _WHO_BEFORE.search(m, lo, c.start)
        if hit is None or c.form.endswith("ing"):
            continue
        act = c.base in _RELATIVE_ACTS and not _PERFECT.search(hit.group())
        belief = ctx.broad and c.base in _RELATIVE_BELIEFS
        if c.base not in _RELATIVE_CUES and not act and not belief:
            continue
        who = (hit.start(2), hit.end(2))
        commas = hit.group(1).startswith(",")
        ante = antecedent(m, ctx.start, hit.start() if commas else who[0])
        if ante is None:
            continue
        if not commas and parse_mention(ctx.text, ante).kind != "person":
            continue  # "Americans who know ...": restrictive, a kind of people
        if hit.group(2) == "which" and (
            not commas or parse_mention(ctx.text, ante).kind not in ("org", "country")
        ):
            continue  # "..., which said": only an organisation's or a country's clause
        out.append((c, hit.start(), who, ante))
    return out


_QUOTED_PASSIVE = re.compile(
    r"\s(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|later\s+)?quoted"
    r"(?:\s+by\s+[^,;:]{1,80}?)?\s+as\s+(?:saying|telling\s+[^,;:]{1,60}?)\b"
)
_QUOTED_ACTIVE = re.compile(
    r"\bquoted\s+([^,;:]{2,80}?)\s+as\s+(?:saying|telling\s+[^,;:]{1,60}?)\b"
)


def quoted_as_saying(ctx: SentenceContext) -> list[Raw] | None:
    """``X was quoted by TASS as saying C`` and ``The statement quoted X as saying C``: X's
    statement, whoever carried it; ``None`` when the sentence has neither shape."""
    m = ctx.masked
    a, b = ctx.start, ctx.end
    if m.find("quoted", a, b) < 0:
        return None
    passive = _QUOTED_PASSIVE.search(m, a, b)
    if passive is not None:
        left = left_subject(m, a, passive.start())
        subject = left[0] if left is not None else None
        end = passive.end()
    else:
        active = _QUOTED_ACTIVE.search(m, a, b)
        if active is None:
            return None
        subject = active.span(1)
        end = active.end()
    if subject is None:
        return []
    start = content_start(m, end, "say", b)
    if start is None:
        return []
    return speak(ctx, subject, None, start, b, "quoted as saying")


# "which the probe said were covered up", "what many analysts said was a sign", "that many
# economists say is the future": a relative clause whose subject said the rest of it
_EMBEDDED = re.compile(
    r"(?<![\w’'])(?:which|that|what|who|whom)\s+((?:[\w’'.\-]+\s+){1,7}?)"
    r"(?:has\s+|have\s+|had\s+)?(?:(?:also|repeatedly|long|often|previously|once)\s+)?"
    r"(said|say|says|believe|believes|believed|think|thinks|thought|argue|argues|argued|"
    r"claim|claims|claimed|estimate|estimates|estimated)"
    r"\s+(?=(?:was|is|were|are|would|will|could|can|may|might|should|had|has|have)\b)"
)
_EMBEDDED_STOP = re.compile(r";|\s[-–—]+\s|\s--")


def embedded_speakers(ctx: SentenceContext, cues: list[Cue]) -> tuple[list[Raw], set[int]]:
    """Attributions inside a relative clause whose pronoun is the content's subject
    (attribution unit only): ``the attacks, which the probe said were covered up`` gives the
    probe ``were covered up``. Returns the statements and the starts of the cues used."""
    out: list[Raw] = []
    used: set[int] = set()
    m = ctx.masked
    if not ctx.broad:
        return out, used
    starts = {c.start: c for c in cues}
    for hit in _EMBEDDED.finditer(m, ctx.start, ctx.end):
        c = starts.get(hit.start(2))
        if c is None:
            continue
        sub = left_subject(m, hit.start(1), c.start)
        if sub is None or sub[0][0] != hit.start(1):
            continue  # the whole stretch between the pronoun and the cue is the subject
        stop = _EMBEDDED_STOP.search(m, hit.end(), ctx.end)
        made = speak(ctx, sub[0], sub[1], hit.end(), stop.start() if stop else ctx.end, c.form)
        if made:
            out.extend(made)
            used.add(c.start)
    return out, used
