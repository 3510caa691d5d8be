"""Reported and direct speech in one article: which content each speaker is credited with.

The rules, sentence by sentence (quotations are masked first, so no cue is ever found inside
quoted words):

- trailing attribution: ``C, X said.`` / ``C, said X, ...`` / ``"Q," X said.``;
- interjected attribution: ``A, X said, B.`` (the whole sentence) and split quotations
  ``"Q1," X said, "Q2."``;
- leading attribution: ``X said (that) C``, ``X urged B to C``; a participial opening
  (``Noting that A, X called on B``) makes the whole sentence X's;
- ``According to X, C`` / ``C, according to X, who said D`` and the other shapes of
  :mod:`stancekit.segment.shapes`;
- follow-on cues: ``..., adding that D`` and coordinated cues ``... and pledged D``;
- quotations left over continue the speaker of the paragraph or of the previous paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stancekit.segment.content import QUOTE_OPENERS, content_start
from stancekit.segment.lexicon import (
    BROAD_SPLIT_ING,
    CLAUSE_CUES,
    NOUN_S_FORMS,
    NP_CUES,
    PARTICIPLE_OPENERS,
    SPLIT_ING,
    THAT_ONLY,
)
from stancekit.segment.mentions import Span, parse_mention
from stancekit.segment.phrases import SKIP_BEFORE_CUE, SUBORDINATORS
from stancekit.segment.sentence import (
    Choice,
    Cue,
    Raw,
    SentenceContext,
    emit,
    fronted_fragment,
    only_quote,
    quote_pieces,
    resolve_speaker,
    sentence_cues,
)
from stancekit.segment.shapes import (
    according_to,
    embedded_speakers,
    participle_of_subject,
    quoted_as_saying,
    relative_speakers,
    said_first,
    with_saying,
)
from stancekit.segment.speakers import Entity
from stancekit.segment.subjects import distant_subject, initial_subject, left_subject, right_subject

__all__ = ["attribute_sentence"]

_INVERTIBLE = frozenset(
    """say add note tell write ask explain continue stress argue recall warn insist observe
    remark reply declare concede admit acknowledge state announce comment respond conclude
    suggest emphasize emphasise tweet""".split()
)
#: cues after which a lower-case noun phrase that ends the sentence is the inverted subject
_SAY_LIKE = frozenset({"say", "add", "write", "continue", "explain", "reply", "ask", "recall"})
# "a report released by the Brookings Institution": a participle with its agent, passive
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+|a\s+|an\s+)?[A-Z]")
#: words before a cue that make it no statement ("declined to say", "did not say"); in the
#: attribution unit a negated attribution counts, as in PolNeAR
_NOT_SAID = frozenset({"to", "not", "n't", "never", "cannot"})
_NOT_BROAD = frozenset({"to"})
#: finite speech verbs that are never nouns or participles: a distant subject may be theirs
_DISTANT_FORMS = frozenset(
    """said says say told tells wrote writes argued argues added warned warns insisted insists
    explained explains stressed stresses""".split()
)
#: cues that need "that" in both units: without it they are events ("held a rally",
#: "maintained their lead", "continued to fall")
_EVENTS_TOO = frozenset({"hold", "maintain", "continue", "state"})
_TO_THAT = frozenset({"pledge", "vow", "promise"})
_ADJUNCT = re.compile(
    r"\s*,\s*(?:speaking|who|which|declining|citing|according|referring|in an?|at an?"
    r"|on condition)\b",
    re.IGNORECASE,
)
#: ``called B a C`` / ``called B "C"``: naming, the only sense of bare "call" that is a statement
_NAMING = re.compile(
    r"\s+(?!(?:for|on|upon|in|up|off|out|back|to|into|at|around|over|by|from|it quits)\b)"
    r"[^,;:\"“”]{1,120}?\s(?:an?\s|[\"“]|'')"
)
_NOUN_FOLLOWS = re.compile(
    r"\s*(?:--|—|–|\)|[.;]|\Z|(?:could|would|will|can|may|might|should|must|are|were|have|"
    r"had|of|for|from|by|led|and|or|in|on|against|about|over|court|courts|panel|process|"
    r"that\s+(?:are|were|have|had|"
    r"could|would|will))\b)"
)
_AND_BEFORE = re.compile(
    r"(?:\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+|on\s+[A-Z][a-z]+day\s+)?"
    r"|,\s+(?:then|later)\s+)\Z"
)
_FOUND_EVENT = re.compile(
    r"\s+(?:himself|herself|itself|themselves|ourselves|myself|yourself|a\s+way|ways|"
    r"a\s+(?:new|possible|much-needed)|time|work|jobs?|refuge|success|support)\b",
    re.IGNORECASE,
)
#: "..., and pledged" / ", but also urged" / ", noted": a cue coordinated with the last one
_JOINS_SAME_SUBJECT = re.compile(
    r"(,?\s+and\s+(?:also\s+|then\s+|later\s+|further\s+)?|,?\s+but\s+(?:also\s+)?|,\s+)\Z"
)
#: ", but he said" / " and she said": a new clause with its own subject
_OPENS_NEW_CLAUSE = re.compile(
    r"(,\s+(?:and|but|though|although|while|whereas)\s+|\s+and\s+(?=(?:he|she)\s+\Z)"
    r"|(?<=[\"”])\s+(?:but|though|although|while|whereas)\s+)"  # '"a step forward," while
)
_TO_OR_THAT = re.compile(r"\s*(?:to|that)\b")
_THAT_OR_COLON_END = re.compile(r"(?:that|:)\s*\Z")
_AND_BUT_END = re.compile(r"\b(?:and|but)\s*\Z")
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that)\b")
_LEAD_CONJUNCTION = re.compile(r"\A(?:but|and)\s+")
_JOINED = re.compile(r"(?:as\s+well\s+as|along\s+with|together\s+with)\s", re.IGNORECASE)
_WHAT_BEFORE = re.compile(r"\bwhat(?:ever)?\Z", re.IGNORECASE)
_ENDS = re.compile(r"\s*[.!?]?\s*\Z")
_PASSIVE_ADVERBS = frozenset("often also never long once repeatedly widely".split())
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "be", "is", "are", "get", "got"})
_BY_OR_OF = re.compile(r"\s+(?:by|of)\b")
_FINITE = re.compile(r"\s*(?:is|are|was|were|has|have|had)\b")
#: a short fronted phrase without its comma: "On opening the meeting (President Putin said)"
_FRONTED = re.compile(
    r"(?:but\s+|and\s+)?(?:on|at|in|during|after|before|following|upon|opening|speaking|"
    r"addressing|when|while)\s[^,;:\"“”]{1,80}\Z",
    re.IGNORECASE,
)
_GOES_ON = re.compile(
    r"\s*(?:(?:and|but|while|whereas)\s|(?:is|are|was|were|has|have|had|will|would|can|could|"
    r"should|must|may|might|remains|seems)\b)"
)
_SPLIT_JOIN = re.compile(r"(?:[,:]|,\s+(?:but|and))\s*\Z")
#: what may stand before a subject at the start of a sentence ("Still, even Mr. Slinker says")
_LEAD_WORDS = re.compile(
    r"(?:(?:but|and|however|meanwhile|so|yet|even|now|still|then|instead|also|later|"
    r"[a-z]+ly)\b,?\s*)+\Z",
    re.IGNORECASE,
)
# adverbials after a cue, then a quotation ("announced on her page, in capitals, "Q"")
_QUOTE_AFTER_ADVERBIALS = re.compile(r"[^\"“”;:]{0,100}?[,:]\s*(?=[\"“]|'')")
#: cues that state a position when their object names one ("confirmed Russia's readiness to")
_STANCE_CUES = frozenset({"confirm", "announce", "indicate", "state"})
_STANCE_OBJECT = re.compile(
    r"\s*(?:the|his|her|its|their|our|[A-Z][\w.\-]*(?:’s|'s)|(?:his|her|its|their)\s+\w+(?:’s|'s))"
    r"\s+(?:[\w\-’']+\s+){0,2}?(?:readiness|commitment|determination|intention|intent|willingness"
    r"|support|opposition|position|stance|desire|resolve|adherence|assessment)\b"
)
#: what is posted ("a statement posted on its website"): never the one who posts
_POSTED_THINGS = frozenset(
    """statement message video note letter post photo image comment comments picture clip tweet
    footage notice report article blog""".split()
)
#: who posts: a name, a pronoun or a role noun right before "posted"
_POSTER = re.compile(
    r"(?:\b[A-Z][\w’'\-]*,?|\b(?:he|she|they|it|who|also|later|then|spokesman|spokeswoman"
    r"|spokesperson))\s+\Z"
)
#: a new clause with a named subject and a verb in the past: ", and Chinh accepted"
_OTHER_SUBJECT = re.compile(
    r",\s+(?:and|but|while)\s+(?:[A-Z][\w’'\-]+\s+){1,3}(?:[a-z]+ed|said|told|met|held|made"
    r"|gave|took|spoke|went|came|left|wrote|sent|won|lost)\b"
)
#: "..., said President Putin at the end of his meeting with X.": when and where, to the end
_ADVERBIAL_END = re.compile(
    r"\s+(?:at|in|on|during|after|before|following|when|while)\s[^,;:\"“”()]{1,100}[.!?]?[\s\"”’']*\Z"
)
#: the speech acts of stancekit's own unit (no beliefs or intentions)
_SPEECH_BASES = frozenset(CLAUSE_CUES)
#: words between a plural subject and its bare cue ("Millennials still believe", "do not")
_BEFORE_BARE = frozenset({"don't", "don’t", "do", "not", "still", "also", "often", "now"})
_PLURAL_PRONOUNS = frozenset({"both", "most", "some", "few", "many", "all", "several"})
#: the end of a quotation before a trailing attribution ('"Q," he continued')
_QUOTE_CLOSERS = (',"', ",”", ",''", '."', ".”", '?"', "?”", '!"', "!”")
#: between two clauses: ", while", "; but", ", whereas"
_NEXT_CLAUSE = re.compile(r"\s*[,;]\s+(?:while|whereas|but|and|as)\s+")
#: a quotation that opens with a capital letter: a sentence of its own
_CAPITAL_AFTER_QUOTE = re.compile(r"(?:[\"“]|'')\s*[A-Z]")
# a short object or adverbial after a cue, a comma, then content that is not a relative clause
_COMMA_THEN = re.compile(
    r"[^,\"“”]{0,60},\s*(?!(?:where|when|who|whom|which|after|before|as|while|during|in|on|at|"
    r"according|adding|saying|citing|and|but)\b)(?=\S)",
    re.IGNORECASE,
)
_SUBORDINATE = re.compile(
    r"(?:\A(?:but\s+|and\s+)?|\s)(?:"
    + "|".join(sorted(SUBORDINATORS | {"although", "though", "where"}))
    + r")\Z",
    re.IGNORECASE,
)
_CLIP = re.compile(
    r";\s|,\s+(?:although|though|whereas)\s|,\s+(?:and|but)\s+(?:then\s+|later\s+)?"
    r"(?!(?:that|said|says)\b)[a-z]+ed\b"
)
_NP_CLIP = re.compile(
    r"\s+and\s+(?:then\s+)?(?:[a-z]+ed|took|made|went|gave|met|told|said|spoke|left|ran|won|"
    r"lost|came|held|brought|sent|got|kept|began|wrote)\b|,\s+but\s|,\s+(?:hours|days|weeks|minutes)\s+"
    r"(?:after|before)\b|\s+because\s"
)
_PARTICLE_AFTER = re.compile(r"\s+(?:off|down|up)\b(?![-’'])(?!\s+(?:to|on|that)\b)")
_CONJOINED = re.compile(
    r"(?:[,;]\s+(?:but|and|though|although|while|whereas|because|yet)|\s(?:and|but))\Z",
    re.IGNORECASE,
)
_AUX_ING = frozenset({"is", "are", "was", "were", "been", "be", "am", "keeps", "kept"})
_PRONOUN_SUBJ = re.compile(r"\s*(?:he|she|they|it|we|i)\b", re.IGNORECASE)


#: a comma and a word that links a participle to the clause before (", while stressing")
_LINKED_ING = re.compile(r",\s*(?:while|whilst|also|before|and)\s+\Z")


def _posted_thing(before: str) -> bool:
    """Does ``before`` end in what is posted ("a statement (posted on its website)")?"""
    words = before.split()
    return bool(words) and words[-1].lower() in _POSTED_THINGS


def _clip(ctx: SentenceContext, a: int, b: int, base: str = "") -> int:
    """Where reported content after a cue ends: before a semicolon, a concessive clause
    (``, although ...``) or a coordinated verb phrase (``, but stopped short of ...``); after
    an object-taking cue (``base`` in ``NP_CUES``) also before the subject's next act (``praised
    the plan and took the stage``), ``, but`` and ``because``.
    Attribution corpora such as PolNeAR leave those to the writer, so this applies only in the
    attribution unit; stancekit's own guide keeps them with the speaker."""
    if not ctx.broad:
        if base in NP_CUES or base in ("brief", "inform", "notify"):
            # "invited Chinh to attend ..., and Chinh accepted": a clause of another subject
            n = _OTHER_SUBJECT.search(ctx.masked, a, b)
            if n is not None and n.start() - a >= 3:
                return n.start()
        return b
    if base in NP_CUES:
        # an object ("echoed similar themes and took the stage"): what follows is the
        # subject's next act
        n = _NP_CLIP.search(ctx.masked, a, b)
        if n is not None and n.start() - a >= 3:
            b = n.start()
    m = _CLIP.search(ctx.masked, a, b)
    return m.start() if m is not None and m.start() - a >= 12 else b


def _follow_ons(
    ctx: SentenceContext, cues: list[Cue], after: int, inner_pronoun: bool
) -> list[tuple[Cue, int, Span | None]]:
    """Cues after position ``after`` that start a new statement by the same speaker:
    ``, adding that``-type participles and coordinated cues ``and pledged``."""
    out: list[tuple[Cue, int, Span | None]] = []
    m = ctx.masked
    for c in cues:
        if c.start < after:
            continue
        before = m[max(ctx.start, c.start - 12) : c.start]
        real = ctx.text[max(ctx.start, c.start - 12) : c.start].rstrip()
        split = BROAD_SPLIT_ING if ctx.broad else SPLIT_ING
        if c.form in split and (real.endswith(",") or real.endswith((',"', ",”"))):
            cut = c.start - (len(before) - len(real))
            out.append((c, cut - 1 if real.endswith(",") else cut, None))
            continue
        linked = _LINKED_ING.search(ctx.text, max(ctx.start, c.start - 16), c.start)
        if c.form in split and linked is not None:
            out.append((c, linked.start(), None))  # "said A, while stressing B"
            continue
        head = c.form.split()[0]
        if head.endswith("ed") or head in ("said", "told", "wrote", "says", "tells"):
            mm = _JOINS_SAME_SUBJECT.search(before)
            if mm and mm.group(1).lstrip().startswith("but") and c.base not in _SPEECH_BASES:
                mm = None  # "said residents were not opposed but wanted ...": theirs, not his
            if mm and not inner_pronoun and c.base not in THAT_ONLY:
                out.append((c, c.start - len(mm.group(1)), None))
                continue
            mm = _OPENS_NEW_CLAUSE.search(m[max(ctx.start, c.start - 80) : c.start])
            if mm is not None:
                sub = left_subject(m, max(ctx.start, c.start - 80) + mm.end(), c.start)
                if sub is not None:
                    men = parse_mention(ctx.text, sub[0])
                    if men.kind != "plural":
                        cut = max(ctx.start, c.start - 80) + mm.start()
                        out.append((c, cut, sub[0]))
    return out


def attribute_sentence(ctx: SentenceContext) -> tuple[list[Raw], Entity | None, Span | None]:
    """Statements of one sentence, and the speaker (with mention) when the sentence ends in an
    attribution that introduces what follows (``X said:``)."""
    cues = sentence_cues(ctx)
    if not cues:
        return [], None, None
    quoted = quoted_as_saying(ctx)
    if quoted is not None:
        return quoted, None, None
    acc = according_to(ctx, cues)
    if acc is not None:
        return acc, None, None
    if cues[0].start == ctx.start and cues[0].base in _INVERTIBLE:
        front = said_first(ctx, cues[0])
        if front is not None:
            return front, None, None
    withs, used = (
        with_saying(ctx, cues) if " with " in ctx.masked[ctx.start : ctx.end] else ([], set())
    )
    if withs:
        # "The Fed held rates, with Chair Jerome Powell saying C": the phrase's speaker, and
        # the rest of the sentence on its own
        rest = [c for c in cues if c.start not in used]
        raws, ent, mention = _main_clause(ctx, rest)
        return sorted(raws + withs, key=lambda r: r.start), ent, mention
    embedded, inside = embedded_speakers(ctx, cues)
    if embedded:
        rest = [c for c in cues if c.start not in inside]
        raws, ent, mention = _main_clause(ctx, rest)
        return sorted(raws + embedded, key=lambda r: r.start), ent, mention
    rel = relative_speakers(ctx, cues)
    if rel:
        inner = {r[0].start for r in rel}
        main = [c for c in cues if c.start not in inner]
        raws, ent, mention = _main_clause(ctx, main)
        return _with_relatives(ctx, raws, rel, main), ent, mention
    return _main_clause(ctx, cues)


def _adverb_passive(prev: list[str]) -> bool:
    """``was often (accused)``, ``were widely (praised)``: a passive with an adverb."""
    if len(prev) < 2 or prev[-2].lower() not in _PASSIVE_AUX:
        return False
    low = prev[-1].lower()
    return low.endswith("ly") or low in _PASSIVE_ADVERBS


def _main_clause(
    ctx: SentenceContext, cues: list[Cue]
) -> tuple[list[Raw], Entity | None, Span | None]:
    """The statements of the sentence's own cues ``cues`` (relative clauses left out)."""
    if not cues:
        return [], None, None
    cands = []
    for c in cues:
        if c.form == "according to":
            continue
        prev = ctx.masked[max(ctx.start, c.start - 8) : c.start].split()
        if c.form.endswith("ing") and not (prev and prev[-1].lower() in _AUX_ING):
            continue
        if prev and prev[-1].lower() in (_NOT_BROAD if ctx.broad else _NOT_SAID):
            # "declined to say", "did not say": no statement (a negated one counts in the
            # attribution unit, as in PolNeAR)
            continue
        if (
            c.form in NOUN_S_FORMS
            and _NOUN_FOLLOWS.match(ctx.masked, c.end, ctx.end)
            and not (prev and prev[-1][:1].isupper() and _ENDS.match(ctx.masked, c.end, ctx.end))
        ):
            # "battleground states could be decisive": a noun; "..., The Journal reports."
            # after a name at the end of the sentence is the verb
            continue
        if _PARTICLE_AFTER.match(ctx.masked, c.end, ctx.end):
            continue  # "wrote off", "backed down", "held up": not speech
        if c.form in ("said", "told") and prev and prev[-1].lower() in _PASSIVE_AUX:
            continue  # "it is said", "he had been told": passive
        if c.form == "told" and prev and prev[-1].lower() == "all":
            continue  # "All told, 5 million people": an idiom
        if c.form == "posted" and (
            _posted_thing(ctx.masked[max(ctx.start, c.start - 20) : c.start])
            or (
                not ctx.broad
                and not _POSTER.search(ctx.masked, max(ctx.start, c.start - 30), c.start)
            )
        ):
            # "a statement posted on its website": a participle, not the act (the attribution
            # unit reads "people posted" too)
            continue
        if c.base == "find" and _FOUND_EVENT.match(ctx.masked, c.end, ctx.end):
            continue  # "found a way", "found himself": no finding reported
        if c.form.endswith("ed") and (
            (prev and prev[-1].lower() in _PASSIVE_AUX)
            or _adverb_passive(ctx.masked[max(ctx.start, c.start - 24) : c.start].split())
            or (c.base in NP_CUES and _BY_OR_OF.match(ctx.masked, c.end, ctx.end))
            or _BY_AGENT.match(ctx.masked, c.end, ctx.end)
        ):
            continue  # "was praised by", "accused of fraud": passive, no statement
        bare = c.form == c.base and " " not in c.form and c.base not in ("say", "tell")
        if bare:
            # the word before the cue, inserts and adverbs left out ("lawmakers, however,")
            words = ctx.masked[max(ctx.start, c.start - 40) : c.start].replace(",", " ").split()
            while words and (
                words[-1].lower() in SKIP_BEFORE_CUE
                or words[-1].endswith("ly")
                or words[-1].lower() in _BEFORE_BARE
            ):
                words.pop()
            prev = words or prev
        plural_subject = bool(prev) and (
            prev[-1].lower() in ("i", "we", "they", "you", "percent")
            or prev[-1].endswith(("s", "%"))
            or (ctx.broad and prev[-1].lower() in _PLURAL_PRONOUNS)  # "Most believe that C"
        )
        if bare and not plural_subject:
            continue
        res = _structure(ctx, c)
        if res is not None:
            cands.append(res)
    if not cands:
        return participle_of_subject(ctx, cues), None, None
    inter = [r.np_span[0] for r in cands if r.kind == "interjected"]
    if inter:
        # "Cost estimates, he added, were ...": a "cue" right before an interjected
        # attribution is a noun of the content
        cands = [
            r
            for r in cands
            if not any(0 <= s - r.cue.end <= 3 for s in inter) or r.kind == "interjected"
        ]
    trailing = [r for r in cands if r.kind in ("trailing", "inverted")]
    chosen = trailing[-1] if trailing else cands[0]
    if chosen.kind == "clause" and chosen.stop is not None:
        # "While Democrats pushed for talks, Cornyn told reporters C": the opening clause's
        # statement, then the main clause's
        stop = chosen.stop
        later = [r for r in cands if r.cue.start > stop and r.np_span[0] > stop]
        if later:
            first, _, _ = _realise(ctx, chosen, cues)
            rest, ent, mention = _realise(ctx, later[0], cues)
            return first + rest, ent, mention
    made = _realise(ctx, chosen, cues)
    if made[0] and chosen.kind in ("leading", "leading-start"):
        # "X said A, while Y accused B": a second clause with a subject of its own
        last = max(r.end for r in made[0])
        for other in cands:
            if (
                other.kind in ("leading", "leading-start")
                and other.np_span[0] > last
                and _NEXT_CLAUSE.fullmatch(ctx.masked, last, other.np_span[0])
            ):
                more, _, _ = _realise(ctx, other, cues)
                return made[0] + more, made[1], made[2]
    if not made[0] and made[1] is None:
        # the chosen cue's subject names nobody ("A report released by X estimated C": not
        # "released"): the next cue with a structure gets its turn
        for other in cands:
            if other is not chosen and other.cue.start > chosen.cue.start:
                return _realise(ctx, other, cues)
    return made


def _with_relatives(
    ctx: SentenceContext,
    raws: list[Raw],
    rel: list[tuple[Cue, int, Span, Span]],
    main: list[Cue],
) -> list[Raw]:
    """``raws`` cut short before each relative clause, and the clauses' own statements
    (``Ted Cruz endorses Trump, who says he is honored``: two statements); ``main`` are the
    sentence's other cues."""
    out = list(raws)
    for c, clause, who, ante in rel:
        start = content_start(ctx.masked, c.end, c.base, ctx.end)
        if start is None or any(r.start == start for r in out):
            continue
        stop = ctx.end
        # "Barkley, who said he votes democratic, said C": the clause ends at the comma before
        # the main clause's cue (a cue inside the clause, "who says Trump is attacking him",
        # has none before it)
        for k in main:
            comma = ctx.masked.rfind(",", start, k.start) if k.start > start else -1
            if comma >= 0:
                stop = comma
                break
        opening = next((q for q in ctx.quotes if start <= q.start <= start + 2), None)
        if opening is not None and not opening.open_end:
            stop = min(stop, opening.end)  # "X, who declared, "Q," left": the quotation
        ent, _ = resolve_speaker(ctx, ante, None)
        if ent is None:
            continue
        cut = clause
        while cut > ctx.start and ctx.text[cut - 1] in " ,":
            cut -= 1
        out = [
            replace(r, end=cut) if r.start < cut < r.end and r.kind != "direct" else r for r in out
        ]
        made = emit(ctx, ent, who, start, _clip(ctx, start, stop), c.form)
        if made:
            ctx.book.spoke(ent)
        out.extend(made)
    out.sort(key=lambda r: r.start)
    return out


def _structure(ctx: SentenceContext, c: Cue) -> Choice | None:
    m = ctx.masked
    a, b = ctx.start, ctx.end
    if c.base == "call" and not _NAMING.match(m, c.end, b):
        return None  # "called Xi on Tuesday", "called for": no naming
    inverted = _inverted(ctx, c)
    if inverted is not None:
        # "Russia, Germany and France see eye to eye, said Mr Putin.": a name that ends the
        # clause after the cue is its subject, whatever the words before look like
        return inverted
    left = left_subject(m, a, c.start)
    if left is not None:
        np_span, appos = left
        mention = parse_mention(ctx.text, np_span)
        if mention.kind == "plural" and not ctx.plural:
            return None
        if appos is not None and _JOINED.match(m, appos[0], appos[1]) and not ctx.plural:
            return None  # "Erdogan, as well as his foreign minister, said": a joint subject
        if mention.head in ("that", "which", "who"):
            return None  # "the meeting that was held": a relative clause (see relative_speakers)
        prefix = m[a : np_span[0]]
        pstrip = prefix.strip()
        if _WHAT_BEFORE.search(pstrip):
            return None  # "what Trump says his plan would do": the content is "what"
        cstart = content_start(ctx.masked, c.end, c.base, b)
        if cstart is not None and _FINITE.match(m, cstart, b):
            # "Everything Trump says is a lie": the cue is in a relative clause (or, after a
            # quotation, "told reporters after the meeting that was held": no content after)
            if not pstrip.endswith((",", '"', "”", "''", "’")):
                return None
            cstart = None
        if (
            c.base in _TO_THAT
            and not ctx.broad
            and cstart is not None
            and not _TO_OR_THAT.match(m, c.end, c.end + 12)
        ):
            return None
        if (
            ((c.base in THAT_ONLY and not ctx.broad) or c.base in _EVENTS_TOO)
            and cstart is not None
            and not _THAT_OR_COLON_END.search(m, c.end, cstart)
            and not m[cstart:b].lstrip(" ,:").startswith(QUOTE_OPENERS)
            and not (c.base in _STANCE_CUES and _STANCE_OBJECT.match(m, cstart, b))
            and not pstrip.endswith(_QUOTE_CLOSERS)  # '"Honestly," he continued, "..."'
        ):
            return None
        if (
            not pstrip
            or _LEAD_WORDS.match(pstrip)
            or _FRONTED.match(pstrip)
            or (pstrip.endswith(":") and cstart is not None)  # "On terrorism: 47% say C"
            or (pstrip.endswith(";") and cstart is not None)  # "...; most said C"
        ):
            if cstart is None:
                if m[c.end : b].rstrip().endswith(":"):
                    return Choice("intro", c, np_span, appos, None)
                # "Christie told reporters in Nashua, "Q"" / "Instead, Trump told CNN, C"
                then = _COMMA_THEN.match(m, c.end, b) or _QUOTE_AFTER_ADVERBIALS.match(m, c.end, b)
                if then is None:
                    return None
                if pstrip and not m[then.end() : b].lstrip().startswith(QUOTE_OPENERS):
                    return Choice("interjected", c, np_span, appos, None)
                return Choice("leading-start", c, np_span, appos, then.end())
            return Choice("leading-start", c, np_span, appos, cstart)
        opener = _SUBORDINATE.search(pstrip)
        if opener is not None:
            # "While he said C, ..." and "..., and while he said C, ...": the clause opens
            # its sentence or conjunct, so C stops at its comma
            opening = opener.start() == 0 or bool(_AND_BUT_END.search(pstrip, 0, opener.start()))
            return _subordinate(ctx, c, np_span, appos, cstart, opening=opening)
        if _CONJOINED.search(pstrip):
            # "..., but he said C": a new clause whose content follows the cue
            return None if cstart is None else Choice("leading", c, np_span, appos, cstart)
        if (
            pstrip.endswith((",", '"', "”", "—", "–", "''", "’", "--", " -"))
            or (pstrip.endswith("'") and pstrip.startswith("'"))  # "'Talks go on,' he said"
        ):
            after = m[c.end : b].strip()
            if pstrip.endswith(",") and fronted_fragment(pstrip[:-1]):
                # "Asked about X, Adelson said, "Q"" / "In the early 1990s, she said, A" /
                # "In a speech last July, he said:" - the fronted phrase is never the content
                if after.lstrip(" ,:").startswith(QUOTE_OPENERS):
                    return Choice("fronted", c, np_span, appos, None)
                if after.startswith(","):
                    return Choice("interjected", c, np_span, appos, None)
                if after.rstrip().endswith(":") and not after.rstrip(" :"):
                    return Choice("intro", c, np_span, appos, None)
                if cstart is not None:
                    return Choice("leading", c, np_span, appos, cstart)
                return None
            quote_next = _QUOTE_AFTER_ADVERBIALS.match(m, c.end, b)
            if (
                quote_next is not None
                and pstrip.endswith(",")
                and not any(a <= q.start < np_span[0] for q in ctx.quotes)
                and _CAPITAL_AFTER_QUOTE.match(ctx.text, quote_next.end(), b)
            ):
                # "Soon after she was booed, Canova wrote to his followers, "It's time ...":
                # a quotation that opens a sentence of its own is the content, not the clause
                return Choice("leading-start", c, np_span, appos, quote_next.end())
            if only_quote(ctx, a, np_span[0]) is None and _interjected_tail(ctx, c):
                return Choice("interjected", c, np_span, appos, None)
            if (
                cstart is None
                or _starts_split(after)
                or _ADJUNCT.match(m, c.end, b)
                or only_quote(ctx, a, np_span[0]) is not None
            ):
                comma = a + len(prefix.rstrip())
                return Choice("trailing", c, np_span, appos, comma)
            if after.startswith(","):
                if _follow_ons(ctx, sentence_cues(ctx), c.end, False):
                    # "A, Putin said, and added that B": A, then a follow-on statement
                    return Choice("trailing", c, np_span, appos, a + len(prefix.rstrip()))
                return Choice("interjected", c, np_span, appos, None)
            return Choice("leading", c, np_span, appos, cstart)
        return _distant(ctx, c)
    if _AND_BEFORE.search(m, a, c.start):
        # "Donald Trump, her opponent, bemoaned the unrest and said C": the clause's subject
        sub = initial_subject(m, a, c.start)
        if sub is not None:
            if parse_mention(ctx.text, sub).kind == "plural" and not ctx.plural:
                return None
            cstart = content_start(m, c.end, c.base, b)
            return None if cstart is None else Choice("leading", c, sub, None, cstart)
    if c.base in _INVERTIBLE:
        before = m[a : c.start].rstrip()
        if before.endswith((",", '"', "”", "''", "’")):
            rs = right_subject(m, c.end, b, nominal=c.base in _SAY_LIKE)
            if rs is not None:
                mention = parse_mention(ctx.text, rs)
                if mention.kind == "plural" and not ctx.plural:
                    return None
                return Choice("inverted", c, rs, None, a + len(before))
    return _distant(ctx, c)


def _distant(ctx: SentenceContext, c: Cue) -> Choice | None:
    """``Officials who spoke with The Huffington Post said C``: the sentence's subject, set
    apart from its cue by a modifier (see :func:`distant_subject`)."""
    m, b = ctx.masked, ctx.end
    if c.form not in _DISTANT_FORMS and not (
        # in the attribution unit, any finite cue that is no noun ("officials who ...
        # stressed"); stancekit's own unit keeps to the speech verbs
        ctx.broad and c.form not in NOUN_S_FORMS and c.form.split()[0].endswith(("ed", "s"))
    ):
        return None  # only a finite speech verb ("said", "argues") makes the subject certain
    sub = distant_subject(m, ctx.start, c.start)
    if sub is None:
        return None
    if parse_mention(ctx.text, sub).kind == "plural" and not ctx.plural:
        return None
    cstart = content_start(m, c.end, c.base, b)
    if cstart is None or _FINITE.match(m, cstart, b):
        return None
    if c.base in THAT_ONLY and not _THAT_OR_COLON_END.search(m, c.end, cstart):
        return None
    return Choice("leading", c, sub, None, cstart)


def _inverted(ctx: SentenceContext, c: Cue) -> Choice | None:
    """``C, said Mr Putin.``: a say-type cue right after a comma, then a name that ends the
    sentence."""
    if c.base not in _SAY_LIKE:
        return None
    m = ctx.masked
    before = m[ctx.start : c.start].rstrip()
    if not before.endswith(",") or len(before) < 12:
        return None
    rs = right_subject(m, c.end, ctx.end)
    if rs is None or not (
        _ENDS.match(m, rs[1], ctx.end) or _ADVERBIAL_END.match(m, rs[1], ctx.end)
    ):
        return None
    if m[rs[0] : rs[1]].split()[0].lower() in ("of", "about", "to", "for", "at", "in", "on"):
        return None  # "..., Blunt said of Cruz.": the one spoken of
    mention = parse_mention(ctx.text, rs)
    if mention.kind not in ("person", "org"):
        return None
    return Choice("inverted", c, rs, None, ctx.start + len(before))


def _subordinate(
    ctx: SentenceContext,
    c: Cue,
    np_span: Span,
    appos: Span | None,
    cstart: int | None,
    *,
    opening: bool,
) -> Choice | None:
    """``..., when she said C`` (C runs on), ``When he said C, the crowd booed`` (C stops at
    the comma), ``As Mr. Sykes said, C`` (the main clause is his)."""
    m = ctx.masked
    if cstart is None or m[cstart : ctx.end].lstrip().startswith(","):
        then = _COMMA_THEN.match(m, c.end, ctx.end)
        word = m[ctx.start : np_span[0]].split()[-1].lower()
        if then is not None and m[then.end() : ctx.end].startswith(QUOTE_OPENERS):
            return Choice("leading-start", c, np_span, appos, then.end())  # "when she said, "Q""
        if opening and word == "as" and then is not None:
            return Choice("leading-start", c, np_span, appos, then.end())
        if not opening and word == "as" and cstart is None:
            # "It does not say whether he had a gun, as police have said.": the main clause
            comma = m.rfind(",", ctx.start, np_span[0])
            if comma > ctx.start:
                return Choice("trailing", c, np_span, appos, comma)
        return None
    if m[cstart : ctx.end].lstrip(" ,:").startswith(QUOTE_OPENERS):
        return Choice("leading-start", c, np_span, appos, cstart)  # "As X told Y, "Q""
    if opening:
        comma = m.find(",", cstart, ctx.end)
        if comma < 0:
            return None
        return Choice("clause", c, np_span, appos, cstart, comma)
    return Choice("leading", c, np_span, appos, cstart)


def _interjected_tail(ctx: SentenceContext, c: Cue) -> bool:
    """``A, the agency said in a June report, and B`` / ``A, he told me, is B``: after the
    cue and a short object or adverbial, a comma, then the content goes on."""
    m = ctx.masked
    comma = m.find(",", c.end, ctx.end)
    if comma < 0 or len(m[c.end : comma].split()) > 6 or any(q in m[c.end : comma] for q in '"“”'):
        return False
    if not _GOES_ON.match(m, comma + 1, ctx.end):
        return False
    return not any(h.start > comma for h in sentence_cues(ctx))


def _starts_split(after: str) -> bool:
    low = after.lstrip(" ,").lower()
    return any(low.startswith(f + " ") or low.startswith(f + ",") for f in SPLIT_ING)


def _realise(
    ctx: SentenceContext, chosen: Choice, cues: list[Cue]
) -> tuple[list[Raw], Entity | None, Span | None]:
    kind, c, np_span, appos, pos = chosen.kind, chosen.cue, chosen.np_span, chosen.appos, chosen.pos
    ent, mention = resolve_speaker(ctx, np_span, appos)
    if ent is None:
        return [], None, None
    a, b = ctx.start, ctx.end
    out: list[Raw] = []
    if kind == "intro":
        return [], ent, mention
    if kind in ("trailing", "inverted"):
        out.extend(emit(ctx, ent, mention, a, pos if pos is not None else b, c.form))
        tail_from = c.end
        # split quotation after an inverted or trailing attribution: "Q1," said X, "Q2."
        for q in ctx.quotes:
            if (
                q.start >= c.end
                and q.start not in ctx.used_quotes
                and _SPLIT_JOIN.search(ctx.masked, ctx.start, q.start)
                and not _RELATIVE_WORD.search(ctx.masked, c.end, q.start)
            ):
                ctx.used_quotes.add(q.start)
                out.extend(
                    Raw(ent, mention, s, e, "direct", c.form, ctx.index)
                    for s, e in quote_pieces(ctx.text, q)
                )
                tail_from = q.end
        out.extend(_tail(ctx, ent, mention, _follow_ons(ctx, cues, tail_from, False)))
    elif kind == "clause":
        out.extend(emit(ctx, ent, mention, pos or c.end, chosen.stop or b, c.form))
    elif kind == "fronted":
        for q in ctx.quotes:
            if q.start >= c.end and q.start not in ctx.used_quotes:
                ctx.used_quotes.add(q.start)
                out.extend(
                    Raw(ent, mention, s, e, "direct", c.form, ctx.index)
                    for s, e in quote_pieces(ctx.text, q)
                )
    elif kind == "interjected":
        rest = _LEAD_CONJUNCTION.sub("", ctx.masked[c.end : b].lstrip(" ,"))
        if rest.startswith(QUOTE_OPENERS):
            out.extend(emit(ctx, ent, mention, a, np_span[0], c.form))
            for q in ctx.quotes:
                if q.start >= c.end:
                    ctx.used_quotes.add(q.start)
                    out.extend(
                        Raw(ent, mention, s, e, "direct", c.form, ctx.index)
                        for s, e in quote_pieces(ctx.text, q)
                    )
        else:
            fo = _follow_ons(ctx, cues, c.end, False)
            stop = fo[0][1] if fo else b
            out.extend(emit(ctx, ent, mention, a, stop, c.form))
            out.extend(_tail(ctx, ent, mention, fo))
    else:
        whole = kind == "leading" and _participial_opening(ctx)
        inner_pronoun = bool(_PRONOUN_SUBJ.match(ctx.masked, pos)) if pos is not None else False
        fo = _follow_ons(ctx, cues, c.end, inner_pronoun)
        stop = fo[0][1] if fo else b
        cue_text = c.form
        if whole:
            out.extend(emit(ctx, ent, mention, a, stop, cue_text))
        elif pos is not None:
            out.extend(emit(ctx, ent, mention, pos, _clip(ctx, pos, stop, c.base), cue_text))
        out.extend(_tail(ctx, ent, mention, fo))
    for r in out:
        ctx.book.spoke(r.entity)
        break
    return out, None, None


def _participial_opening(ctx: SentenceContext) -> bool:
    head = ctx.masked[ctx.start : ctx.start + 40].lower()
    return any(head.startswith(p + " ") for p in PARTICIPLE_OPENERS)


def _tail(
    ctx: SentenceContext,
    ent: Entity,
    mention: Span,
    fo: list[tuple[Cue, int, Span | None]],
) -> list[Raw]:
    """Statements of the follow-on cues ``fo`` (from :func:`_follow_ons`)."""
    out: list[Raw] = []
    for k, (c, _cut, subject) in enumerate(fo):
        stop = fo[k + 1][1] if k + 1 < len(fo) else ctx.end
        start = content_start(ctx.masked, c.end, c.base, stop)
        if start is None:
            continue
        who, where = ent, mention
        if subject is not None:
            new, new_at = resolve_speaker(ctx, subject, None)
            if new is None:
                continue
            who, where = new, new_at
        out.extend(emit(ctx, who, where, start, _clip(ctx, start, stop, c.base), c.form))
    return out
