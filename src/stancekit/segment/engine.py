"""One article in, its statements out: the driver that ties the segment modules together."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from stancekit.data import Article, Statement
from stancekit.segment.aliases import AliasBook
from stancekit.segment.attribution import attribute_sentence
from stancekit.segment.cues import cue_hits, trie_pattern
from stancekit.segment.headlines import headline_claim
from stancekit.segment.lexicon import DEMONYMS, FEMALE_WORDS, MALE_WORDS, ROLE_WORDS
from stancekit.segment.mentions import Mention, Span, _country_at, parse_mention
from stancekit.segment.sentence import Raw, SentenceContext, has_cue, quote_pieces
from stancekit.segment.speakers import Entity, SpeakerBook
from stancekit.segment.subjects import initial_subject
from stancekit.segment.text import (
    Paragraph,
    Quote,
    dateline_end,
    find_quotes,
    is_caption,
    mask_quotes,
    paragraphs,
    sentences,
)
from stancekit.segment.transcripts import (
    EDITORIAL,
    NOBODY,
    SEPARATOR,
    credible_labels,
    is_transcript,
    one_word_labels,
    turn_label,
)

__all__ = ["segment_article"]

_CAP = r"(?:[A-Z][\w’'\-]*|[A-Z]\.|Mr\.|Mrs\.|Ms\.|Dr\.)"
# ``(?<![\w’'.]){_CAP}`` written capital first, so that the regex engine skips to capitals
# (never inside "U.S.")
_FIRST_CAP = r"[A-Z](?<![\w’'.][A-Z])(?:[\w’'\-]*|\.|(?<=M)r\.|(?<=M)rs\.|(?<=M)s\.|(?<=D)r\.)"
_TITLED_NAME = re.compile(
    rf"{_FIRST_CAP}[ \t]+(?:{_CAP}[ \t]+){{0,5}}"
    rf"(?:of[ \t]+(?:the[ \t]+)?(?:(?:{_CAP}|and)[ \t]+){{1,5}})?"
    r"[A-Z][\w’'\-]+(?:(?:[ \t]+(?:bin|al|da|de|van|von|der|den|dos|das|del|di)){1,2}"
    r"[ \t]+[A-Z][\w’'\-]+)*"
    r"(?:[ \t]+(?:[A-Z][\w’'\-]+|[a-z]{1,3}-[A-Z][\w’'\-]+)){0,3}"  # "Abdel Fattah el-Sisi"
)


_TITLE_HINT = re.compile(
    r"(?<![\w’'])(?:"
    + trie_pattern(
        sorted(
            {w.capitalize() for w in ROLE_WORDS | FEMALE_WORDS | MALE_WORDS if w.isalpha()}
            | set(DEMONYMS)
        )
    )
    + r")(?![\w’'])"
)


# " of Japan" after a titled name
_OF_COUNTRY = re.compile(r"[ \t]+of[ \t]+((?:the[ \t]+)?[A-Z][\w\-]+(?:[ \t]+[A-Z][\w\-]+){0,2})\b")

# a demonym (checked against DEMONYMS), "counterpart" and a name
_COUNTERPART_NAME = re.compile(
    r"(?<![\w’'])([A-Z][\w\-]+(?:[ \t][A-Z][\w\-]+)?)[ \t]+(?:counterpart|colleague)[ \t]+"
    r"[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){1,3}"
)


def _counterparts(text: str) -> list[tuple[int, int]]:
    """Spans of ``Bulgarian counterpart Georgi Parvanov`` in ``text``."""
    if "counterpart" not in text and "colleague" not in text:
        return []
    out = []
    for m in _COUNTERPART_NAME.finditer(text):
        lead = m.group(1)
        if lead in DEMONYMS:
            out.append(m.span())
        elif lead.split()[-1] in DEMONYMS:  # "His Bulgarian counterpart"
            out.append((m.end(1) - len(lead.split()[-1]), m.end()))
    return out


def segment_article(
    article: Article,
    aliases: AliasBook | None = None,
    *,
    broad: bool = False,
    plural: bool | None = None,
) -> list[Statement]:
    """The statements of one article, in text order.

    With ``broad``, attribution relations beyond speech acts count too (beliefs, intentions,
    evidence: "thinks", "wants", "found"); with ``plural`` (default: same as ``broad``), plural
    subjects ("the senators") become group speakers.
    """
    if plural is None:
        plural = broad
    text = article.text
    if not text.strip():
        return []
    speaker = article.meta.get("speaker")
    if isinstance(speaker, str) and speaker.strip():
        return _speech(article, speaker.strip(), aliases)
    book = SpeakerBook(
        aliases,
        lower_words=lambda: _LowerWords(text),
        opening=lambda s, e: _opening_person(text, s, e),
        text=text,
        plural_speakers=plural,
    )
    if article.title:
        for m in _TITLED_NAME.finditer(article.title):
            book.observe(article.title, m.span(), position=-1, titled_only=True)
        for span in _counterparts(article.title):
            book.observe(article.title, span, position=-1, titled_only=True)
    # "his Bulgarian counterpart Georgi Parvanov": a country without a title
    counterparts = _counterparts(text)
    for m in _TITLED_NAME.finditer(text):
        while counterparts and counterparts[0][0] < m.start():
            span = counterparts.pop(0)
            book.observe(text, span, position=span[0])
        if _TITLE_HINT.search(text, m.start(), m.end()):
            span = m.span()
            of = _OF_COUNTRY.match(text, m.end())
            country = _country_at(of.group(1).split(), 0) if of is not None else ""
            if of is not None and country:
                # "Prime Minister Shigeru Ishiba of Japan": the country after the name
                span = (m.start(), of.start(1) + len(country))
            book.observe(text, span, position=m.start())
        else:
            book.remember(text, m.span(), position=m.start())
    for span in counterparts:
        book.observe(text, span, position=span[0])
    paras = paragraphs(text)
    raw_labels = [turn_label(text, p) for p in paras]
    if paras and _is_title(text, paras[0], article.title):
        raw_labels[0] = None  # "OK Gov Fallin: Trump Is ...": the headline, not a turn
    labels = credible_labels(text, raw_labels)
    transcript = is_transcript(text, labels)
    if transcript:
        labels = one_word_labels(text, paras, labels)
    raws = _narrative_and_turns(
        article, text, paras, labels if transcript else [None] * len(paras), book, broad, plural
    )
    return [_to_statement(article, r) for r in raws]


def _opening_person(text: str, s: int, e: int) -> Mention | None:
    """The mention that opens the sentence ``text[s:e]`` as its subject, if any."""
    span = initial_subject(text, s, e)
    if span is None:
        return None
    named = _APPOSITIVE_NAME.match(text, span[1], e)
    if named is not None:
        return parse_mention(text, named.span(1))  # "The relief chief, Martin Griffiths, ..."
    return parse_mention(text, span)


# ", Martin Griffiths," after a description
_APPOSITIVE_NAME = re.compile(r",[ \t]+([A-Z][\w.’'\-]+(?:[ \t]+[A-Z][\w.’'\-]+){1,3}),\s")


_LOWER_WORD = re.compile(r"(?<![\w’'])[a-z][a-z’'\-]+")


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


_LOWER_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
_WORD_CHAR = re.compile(r"[\w’']")


class _LowerWords:
    """``word in _LowerWords(text)`` is ``word in _lower_words(text)``, answered by looking for
    ``word`` alone: few words are ever asked about, and reading all of them is costly."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._answers: dict[str, bool] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        known = self._answers.get(word)
        if known is None:
            known = self._answers[word] = self._find(word)
        return known

    def _find(self, word: str) -> bool:
        if not _LOWER_WORD.fullmatch(word):
            return False
        text = self._text
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if after not in _LOWER_WORD_CHARS and not _WORD_CHAR.match(before):
                if before != "-":
                    return True
                # after a hyphen it may be the end of a longer word: read them all
                if self._all is None:
                    self._all = _lower_words(text)
                return word in self._all
            i = text.find(word, i + 1)
        return False


def _to_statement(article: Article, r: Raw) -> Statement:
    text = article.text
    ms, me = r.mention
    return Statement(
        article_id=article.id,
        speaker=r.entity.name,
        text=text[r.start : r.end],
        start=r.start,
        end=r.end,
        kind=r.kind,
        cue=r.cue,
        mention=text[ms:me] if ms >= 0 else "",
        mention_start=ms,
        mention_end=me,
        sentence=r.sentence,
        date=article.date,
        role=r.entity.role or None,
        country=r.entity.country or None,
        spans=r.pieces,
    )


def _is_title(text: str, p: Paragraph, title: str | None) -> bool:
    if not title:
        return False
    norm = re.sub(r"\W+", " ", text[p.start : p.end]).strip().lower()
    return norm == re.sub(r"\W+", " ", title).strip().lower()


def _narrative_and_turns(
    article: Article,
    text: str,
    paras: list[Paragraph],
    labels: list[tuple[int, int, int] | None],
    book: SpeakerBook,
    broad: bool,
    plural: bool,
) -> list[Raw]:
    bodies = [dateline_end(text, p.start, p.end) for p in paras]
    all_quotes = [find_quotes(text, body, p.end) for body, p in zip(bodies, paras, strict=True)]
    masked = mask_quotes(text, [q for qs in all_quotes for q in qs])
    hits = cue_hits(masked, broad)
    out: list[Raw] = []
    sent_index = 0
    current: tuple[Entity, Span] | None = None  # transcript turn
    in_transcript = False
    carry: tuple[Entity, Span, str] | None = None  # speaker a next quote paragraph continues
    # a "Source: claim" headline: (source span, claim span, its quotations, sentence index)
    pending: tuple[Span, Span, list[Quote], int] | None = None
    for pi, p in enumerate(paras):
        # the headline repeated as the first paragraph speaks only in the attribution unit
        headline = pi == 0 and _is_title(text, p, article.title)
        if is_caption(text, p.start, p.end) or (headline and not broad):
            carry = None
            continue
        claim = headline_claim(text, p.start, p.end) if headline else None
        if claim is not None:
            # resolved once the body has named its people ("Sanders" is "Bernie Sanders")
            pending = (*claim, all_quotes[pi], sent_index)
            sent_index += 1
            continue
        lab = labels[pi]
        if lab is not None:
            in_transcript = True
            label_start, label_end, speech = lab
            if lab == NOBODY:
                current = None
                sent_index += 1
                continue
            mention = parse_mention(text, (label_start, label_end))
            ent = book.resolve(mention)
            current = (ent, (label_start, label_end)) if ent is not None else None
            if current is not None:
                out.extend(_turn(text, speech, p.end, current, sent_index, book))
            sent_index += 1
            continue
        if SEPARATOR.match(text, p.start, p.end):
            current = None
            continue
        if in_transcript and current is not None:
            out.extend(_turn(text, p.start, p.end, current, sent_index, book))
            sent_index += 1
            continue
        body = bodies[pi]
        raws, carry, sent_index = _paragraph(
            text, masked, body, p.end, all_quotes[pi], book, sent_index, carry, broad, hits, plural
        )
        out.extend(raws)
    if pending is not None:
        made = _headline(text, *pending, book)
        if made is not None:
            out.append(made)
    out.sort(key=lambda r: (r.start, r.end))
    return _join_pieces(text, out) if broad else out


def _join_pieces(text: str, raws: list[Raw]) -> list[Raw]:
    """One statement per attribution (the attribution unit): the quoted sentences and split
    quotation pieces that one cue and one mention introduce, within a paragraph, become one
    statement from the first piece to the last; ``pieces`` keeps where each piece is (the
    attribution between them is not content)."""
    out: list[Raw] = []
    for r in raws:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.mention == r.mention
            and prev.cue == r.cue
            and prev.entity is r.entity
            and r.start >= prev.end
            and "\n" not in text[prev.end : r.start]
        ):
            kind = prev.kind if prev.kind == r.kind else "mixed"
            pieces = (*(prev.pieces or ((prev.start, prev.end),)), (r.start, r.end))
            out[-1] = replace(prev, end=r.end, kind=kind, pieces=pieces)
            continue
        out.append(r)
    return out


def _headline(
    text: str, source: Span, claim: Span, quotes: list[Quote], index: int, book: SpeakerBook
) -> Raw | None:
    """The statement of a ``Source: claim`` headline (attribution unit only)."""
    a, b = claim
    ent = book.resolve(parse_mention(text, source))
    if ent is None:
        return None
    inner = [q for q in quotes if q.start >= a and q.end <= b]
    kind = "indirect"
    if inner:
        whole = inner[0].start == a and inner[-1].end >= b - 1 and len(inner) == 1
        kind = "direct" if whole else "mixed"
    book.spoke(ent)
    return Raw(ent, source, a, b, kind, ":", index)


def _turn(
    text: str, a: int, b: int, current: tuple[Entity, Span], index: int, book: SpeakerBook
) -> list[Raw]:
    seg = text[a:b]
    for m in reversed(list(EDITORIAL.finditer(seg))):
        if not seg[m.end() :].strip():
            seg = seg[: m.start()]
    stripped_b = a + len(seg.rstrip())
    while a < stripped_b and text[a].isspace():
        a += 1
    if stripped_b - a < 2 or EDITORIAL.fullmatch(text[a:stripped_b].strip()):
        return []
    ent, mention = current
    book.spoke(ent)
    return [Raw(ent, mention, a, stripped_b, "direct", "turn", index)]


def _paragraph(
    text: str,
    masked: str,
    a: int,
    b: int,
    quotes: list[Quote],
    book: SpeakerBook,
    sent_index: int,
    carry: tuple[Entity, Span, str] | None,
    broad: bool = False,
    hits: list[tuple[int, int, str]] | None = None,
    plural: bool = False,
) -> tuple[list[Raw], tuple[Entity, Span, str] | None, int]:
    out: list[Raw] = []
    used: set[int] = set()
    spans = _rejoin_attributions(masked, sentences(masked, a, b))
    intro: tuple[Entity, Span, str] | None = None
    sent_of: list[tuple[int, int, int]] = []
    for s, e in spans:
        if hits is not None and not has_cue(hits, s, e):
            # attribute_sentence finds nothing in a sentence without a cue
            book.quiet.append((s, e))
            sent_of.append((s, e, sent_index))
            sent_index += 1
            continue
        ctx = SentenceContext(
            text,
            masked,
            s,
            e,
            [q for q in quotes if q.start < e and q.end > s],
            book,
            sent_index,
            used,
            broad,
            hits,
            plural,
        )
        raws, ent, mention = attribute_sentence(ctx)
        if not raws and ent is None:
            book.quiet.append((s, e))
        out.extend(raws)
        if ent is not None and mention is not None:
            intro = (ent, mention, "said")
        sent_of.append((s, e, sent_index))
        sent_index += 1
    # quotations nobody was credited with: standalone quoted sentences continue a speaker
    for q in quotes:
        if q.start in used:
            continue
        owner = _sentence_of(sent_of, q.start)
        if owner is None:
            continue
        who = _dash_credit(text, masked, q, b, book)
        if who is None:
            if not _standalone(text, masked, q, owner[0], owner[1]):
                continue
            who = _nearest(out, q) or intro
        if who is None and carry is not None and q.start <= a + 1:
            who = carry
        if who is None:
            continue
        ent, mention, cue = who
        used.add(q.start)
        out.extend(
            Raw(ent, mention, s, e, "direct", cue, owner[2]) for s, e in quote_pieces(text, q)
        )
        book.spoke(ent)
    out.sort(key=lambda r: r.start)
    new_carry: tuple[Entity, Span, str] | None = None
    if intro is not None and not any(r.start > intro[1][0] for r in out):
        new_carry = intro
    elif (out and out[-1].kind == "direct") or (quotes and quotes[-1].open_end and out):
        last = out[-1]
        new_carry = (last.entity, last.mention, last.cue)
    return out, new_carry, sent_index


_BARE_ATTRIBUTION = re.compile(
    r"(?:(?:[A-Z][\w.’'\-]*|he|she|they)\s+){1,5}"
    r"(?:said|says|added|asked|wrote|replied|explained|continued|told\s+\w+)\W*\Z"
)


def _rejoin_attributions(masked: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``"... the emails." Trump said.``: a quotation that ends with a period is split from
    its attribution by the sentence splitter; join them again."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and masked[out[-1][1] - 1] in "\"”'" and _BARE_ATTRIBUTION.match(masked, s, e):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


_DASH_CREDIT = re.compile(
    r"[\s,.]*[―—–]\s*((?:[A-Z][\w’'\-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w’'\-]*\.?|[A-Z]\.|de|da|van|von)){0,4})"
    r"[\s.]*\Z"
)


def _dash_credit(
    text: str, masked: str, q: Quote, b: int, book: SpeakerBook
) -> tuple[Entity, Span, str] | None:
    """``"Q" ― Sonya Herridge``: a quotation credited after a dash at the paragraph's end."""
    m = _DASH_CREDIT.match(masked, q.end, b)
    if m is None:
        return None
    span = m.span(1)
    ent = book.resolve(parse_mention(text, span))
    return (ent, span, "―") if ent is not None else None


def _sentence_of(sent_of: list[tuple[int, int, int]], pos: int) -> tuple[int, int, int] | None:
    for s, e, i in sent_of:
        if s <= pos < e:
            return s, e, i
    return None


_ALNUM = re.compile(r"[^\W_]")


def _standalone(text: str, masked: str, q: Quote, s: int, e: int) -> bool:
    """True when the quotation is (almost) the whole sentence: at most two letters or digits
    outside it."""
    count = 0
    for lo, hi in ((s, q.start), (q.end, e)):
        for _ in _ALNUM.finditer(masked, lo, hi):
            count += 1
            if count > 2:
                return False
    return True


def _nearest(out: Iterable[Raw], q: Quote) -> tuple[Entity, Span, str] | None:
    before = [r for r in out if r.end <= q.start and r.kind in ("direct", "mixed")]
    if before:
        r = before[-1]
        return r.entity, r.mention, r.cue
    after = [r for r in out if r.start >= q.end and r.kind == "direct"]
    if after:
        r = after[0]
        return r.entity, r.mention, r.cue
    anyr = [r for r in out if r.end <= q.start]
    if anyr:
        r = anyr[-1]
        return r.entity, r.mention, r.cue
    return None


def _speech(article: Article, speaker: str, aliases: AliasBook | None) -> list[Statement]:
    entry = aliases.lookup(speaker) if aliases else None
    name = entry.name if entry else speaker
    country_meta = article.meta.get("country")
    country = (
        entry.country
        if entry and entry.country
        else (country_meta if isinstance(country_meta, str) else None)
    )
    role = entry.role if entry and entry.role else None
    out = []
    text = article.text
    for k, (a, b) in enumerate(
        s for p in paragraphs(text) for s in sentences(text, p.start, p.end)
    ):
        out.append(
            Statement(
                article_id=article.id,
                speaker=name,
                text=text[a:b],
                start=a,
                end=b,
                kind="direct",
                cue="speech",
                sentence=k,
                date=article.date,
                role=role,
                country=country,
            )
        )
    return out
