"""One sentence's attribution: its context, its cues, and turning a chosen content span into
statements (one per quoted sentence when the content is a quotation)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from stancekit.segment.content import that_is_subject
from stancekit.segment.cues import cue_hits
from stancekit.segment.lexicon import BROAD_FORMS, CUE_FORMS
from stancekit.segment.mentions import Mention, Span, parse_mention
from stancekit.segment.speakers import Entity, SpeakerBook
from stancekit.segment.text import Quote, sentences

__all__ = [
    "Choice",
    "Cue",
    "Raw",
    "SentenceContext",
    "emit",
    "fronted_fragment",
    "has_cue",
    "only_quote",
    "quote_pieces",
    "quotes_in",
    "resolve_speaker",
    "sentence_cues",
    "speak",
    "trim",
]

_FRONT_WORDS = frozenset(
    """in on at during after before since by with under over for from specifically separately
    later earlier meanwhile however still instead also then now today yesterday last this next
    following despite amid when while among as""".split()
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_FINITE_WORDS = frozenset(
    "is are was were has have had will would can could should must did does do may might".split()
)


@dataclass
class Raw:
    """A statement before it becomes a table row."""

    entity: Entity
    mention: Span
    start: int
    end: int
    kind: str
    cue: str
    sentence: int = 0
    #: the content pieces when the statement joins several (attribution unit), else empty
    pieces: tuple[Span, ...] = ()


@dataclass
class SentenceContext:
    """What one sentence needs: the real and masked text, its span, its quotations."""

    text: str
    masked: str
    start: int
    end: int
    quotes: list[Quote]
    book: SpeakerBook
    index: int = 0
    used_quotes: set[int] = field(default_factory=set)
    broad: bool = False
    hits: list[tuple[int, int, str]] | None = None  # precomputed by :func:`cue_hits`
    plural: bool = False  # plural subjects ("the senators") speak as a group


@dataclass(frozen=True)
class Choice:
    """How a sentence is attributed: the pattern, its cue, the subject and where content is."""

    kind: str
    cue: Cue
    np_span: Span
    appos: Span | None
    pos: int | None
    stop: int | None = None  # where the content ends, when not at the sentence end


@dataclass
class Cue:
    """A reporting cue found in the sentence: its span, surface form and base form."""

    start: int
    end: int
    form: str
    base: str


def has_cue(hits: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """True when one of the cue ``hits`` (from :func:`cue_hits`) lies within ``start:end``.

    A sentence without one has no statement: :func:`attribute_sentence` need not be asked.
    """
    k = bisect.bisect_left(hits, (start, -1, ""))
    while k < len(hits) and hits[k][0] < end:
        if hits[k][1] <= end:
            return True
        k += 1
    return False


def sentence_cues(ctx: SentenceContext) -> list[Cue]:
    """The cues that lie wholly inside the sentence, in text order."""
    forms = BROAD_FORMS if ctx.broad else CUE_FORMS
    hits = ctx.hits if ctx.hits is not None else cue_hits(ctx.masked, ctx.broad)
    lo = bisect.bisect_left(hits, (ctx.start, -1, ""))
    out = []
    for k in range(lo, len(hits)):
        start, end, form = hits[k]
        if start >= ctx.end:
            break
        if end <= ctx.end:
            out.append(Cue(start, end, form, forms[form]))
    return out


def quote_pieces(text: str, q: Quote) -> list[Span]:
    """One span per sentence inside a quotation, without a closing ``,``/``.``."""
    out = []
    for a, b in sentences(text, q.inner_start, q.inner_end):
        while b > a and (text[b - 1] in ",." or text[b - 1].isspace()):
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if b - a >= 2:
            out.append((a, b))
    return out


def trim(text: str, a: int, b: int) -> Span:
    """``text[a:b]`` without edge spaces and punctuation, a leading ``that`` and the final
    period (the content convention of the annotation guide)."""
    while a < b and (text[a].isspace() or text[a] in ",:;—–"):
        a += 1
    if text.startswith("that ", a) and not that_is_subject(text, a, b):
        a += 5
    elif text.startswith("that", a) and not text[a + 4 : b].strip(" ,.:;"):
        return a, a  # "Soerens argued that:" and a list follows: no content here
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a and text[b - 1] in ",.;:—–":
        b -= 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def quotes_in(ctx: SentenceContext, a: int, b: int) -> list[Quote]:
    """The sentence's quotations that lie inside ``text[a:b]``."""
    return [q for q in ctx.quotes if q.start >= a and q.end <= b + 1]


def only_quote(ctx: SentenceContext, a: int, b: int) -> Quote | None:
    """The quotation that fills ``text[a:b]`` (give or take punctuation), if any."""
    a2, b2 = a, b
    while a2 < b2 and (ctx.text[a2].isspace() or ctx.text[a2] in ",:—–"):
        a2 += 1
    while b2 > a2 and (ctx.text[b2 - 1].isspace() or ctx.text[b2 - 1] in ",.:—–"):
        b2 -= 1
    for q in ctx.quotes:
        if q.start == a2 and q.end >= b2 - 1 and q.end <= b2 + 1:
            return q
    return None


#: content wholly in single quotation marks, with its closing comma or stop inside
_SINGLE_QUOTED = re.compile(r"[‘'](\w[^‘’'\"“”]*?(?:[’']\w[^‘’'\"“”]*?)*)[,.!?]?[’']")


def emit(ctx: SentenceContext, ent: Entity, mention: Span, a: int, b: int, cue: str) -> list[Raw]:
    """Statements for content ``text[a:b]``: one per quoted sentence when it is a quotation."""
    q = only_quote(ctx, a, b)
    if q is not None:
        ctx.used_quotes.add(q.start)
        return [
            Raw(ent, mention, s, e, "direct", cue, ctx.index) for s, e in quote_pieces(ctx.text, q)
        ]
    s, e = trim(ctx.text, a, b)
    if e - s < 2:
        return []
    single = _SINGLE_QUOTED.fullmatch(ctx.text, s, e)
    if single is not None:
        # "'Talks will continue,' he said.": single quotation marks, as some outlets use
        return [Raw(ent, mention, single.start(1), single.end(1), "direct", cue, ctx.index)]
    inner = quotes_in(ctx, s, e)
    kind = "indirect"
    for q in inner:
        ctx.used_quotes.add(q.start)
        if len(ctx.text[q.inner_start : q.inner_end].split()) >= 5 or q.end >= e:
            kind = "mixed"
    return [Raw(ent, mention, s, e, kind, cue, ctx.index)]


def resolve_speaker(
    ctx: SentenceContext, np_span: Span, appos: Span | None
) -> tuple[Entity | None, Span]:
    """The entity a subject refers to, and the mention span to record: an appositive that
    names a nominal subject (``The developer, Coastline Homes LLC``) speaks for it."""
    book = ctx.book
    mention = parse_mention(ctx.text, np_span)
    if mention.kind == "person" and " " not in mention.name and _plural_verb(ctx.text, np_span[1]):
        # "Analysts say", "Friends say": a one-word subject that takes a plural verb is a
        # plural noun, not a name
        mention = Mention("plural", mention.text, np_span, head=mention.text.lower())
    if appos is not None:
        am = parse_mention(ctx.text, appos)
        described = mention.kind == "org" and am.kind == "person" and mention.head.islower()
        if (mention.kind in ("nominal", "anonymous") and am.kind in ("person", "org")) or described:
            # "The developer, Coastline Homes LLC, said"; "the White House spokesman, Josh
            # Earnest, said": the appositive names the subject
            ent = book.resolve(am)
            if ent is not None:
                book.alias(ent, mention.head)
                if ent.kind == "person" and mention.kind == "nominal" and mention.role:
                    # "Mexico's economy minister, Marcelo Ebrard": his role and country
                    ent.role = ent.role or mention.role
                    ent.country = ent.country or mention.country
            return ent, appos
        ent = book.resolve(mention)
        if ent is not None and am.kind == "nominal":
            book.alias(ent, am.head)
            if not ent.role and am.role:
                ent.role = am.role
        return ent, np_span
    ent = book.resolve(mention)
    if ent is None and ctx.broad and mention.kind == "nominal":
        # "The GOP front-runner complained ...", with no antecedent found: in the
        # attribution unit the phrase itself is the source
        ent = book.source(mention)
    return ent, np_span


def speak(
    ctx: SentenceContext, np_span: Span, appos: Span | None, a: int, b: int, cue: str
) -> list[Raw]:
    """The statements of content ``text[a:b]`` by the subject at ``np_span`` (see
    :func:`resolve_speaker`), who becomes the last speaker; empty when the subject names
    nobody."""
    ent, mention = resolve_speaker(ctx, np_span, appos)
    if ent is None:
        return []
    made = emit(ctx, ent, mention, a, b, cue)
    if made:
        ctx.book.spoke(ent)
    return made


def _plural_verb(text: str, at: int) -> bool:
    """True when the word after ``text[:at]`` is the plain form of a reporting verb whose
    third-person form is a cue too ("say", "argue", "believe"): agreement with a plural."""
    m = _NEXT_WORD.match(text, at)
    if m is None:
        return False
    w = m.group(1).lower()
    return w in CUE_FORMS and (w + "s" in CUE_FORMS or w + "es" in CUE_FORMS)


def _gerund_clause(words: list[str]) -> bool:
    """``Fighting raged despite ...``, ``Voting was slow``: a gerund subject and its verb."""
    second = words[1].lower().strip(",")
    if second in _FINITE_WORDS:
        return True
    return second.endswith("ed") and (len(words) == 2 or words[2].lower() in _FRONT_WORDS)


def fronted_fragment(prefix: str) -> bool:
    """True when ``prefix`` (what precedes ``, X said``) is a fronted adverbial or
    participial phrase, not content: "In the early 1990s", "Asked about the vote"."""
    words = prefix.split()
    if not words or len(words) > 14:
        return False
    first = words[0].lower()
    if first.endswith("ing") and len(words) >= 2 and _gerund_clause(words):
        return False  # "Fighting raged despite a truce, residents said": a clause
    if first in ("asked", "pressed") or (first.endswith("ing") and words[0][:1].isupper()):
        return True  # "Asked about ...", "Holding open a book", "Speaking in Moscow"
    if first not in _FRONT_WORDS:
        return False
    return not any(w.lower().strip(",") in _FINITE_WORDS for w in words)
