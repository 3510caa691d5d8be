"""Text geometry: paragraphs, datelines, captions, quotations and sentences, all as offsets.

Quotations are found first and *masked* (their letters replaced, length kept) so that sentence
splitting and cue search never look inside quoted words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stancekit.segment.lexicon import ABBREVIATIONS

__all__ = [
    "Paragraph",
    "Quote",
    "dateline_end",
    "find_quotes",
    "is_caption",
    "mask_quotes",
    "paragraphs",
    "sentences",
]

_PARA = re.compile(r"[^\n]+")
# matched at the paragraph's start (``match(text, start, end)``: no ``\A``, no slice)
_DATELINE = re.compile(
    r"""(?:[A-Z][A-Z.'’\- ]{1,40}[A-Z.]      # CITY
         (?:,\s+[A-Z][A-Za-z.]{1,20}(?:\s[A-Z][A-Za-z.]{1,20})?)*  # , Spain / , Ore.
         (?:,?\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?      # , June 17
         (?:\s+\([^)]{1,40}\))?                       # (Xinhua)
         \s*(?:--|—|–|―|-)\s+)""",
    re.VERBOSE,
)
# a credit at the end of a paragraph, or a caption label at its start
_CAPTION_END = re.compile(
    r"\((?:Xinhua|Photo|Reuters|AP|AFP|TASS|Sputnik|EPA|Getty|File|Pool)[^()]{0,60}\)\s*\Z",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"(?:Photo|Caption|Image|Video|Pictured|File photo)\s*[:(]", re.IGNORECASE
)
# the leading ``[.!?…]`` (not ``[.!?…]+``) lets the regex engine skip quickly to candidates
_SENT_END = re.compile(
    r"[.!?…][.!?…]*[\"”’')\]]*"
    r"(?:(?=\s+[\"“‘'(\[]?[A-Z0-9¿¡À-ÖØ-Þ]|\s+(?:[\"“]|''))|\s*\Z)"
)
_CITY = re.compile(r"[A-Z][A-Z.'’\- ]+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.\Z")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``start``/``end`` offsets in the article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks; ``inner_*`` exclude them.

    ``open_end`` is true when no closing mark was found before the paragraph ended (a quotation
    that continues into the next paragraph).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    open_end: bool


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines of ``text`` as paragraphs (blank lines separate nothing extra)."""
    out = []
    for m in _PARA.finditer(text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Paragraph(a, b))
    return out


def dateline_end(text: str, start: int, end: int) -> int:
    """Offset where the body of a paragraph starts after a dateline (``ASTANA, June 17
    (Xinhua) --``), or ``start`` when there is none."""
    m = _DATELINE.match(text, start, end)
    if not m:
        return start
    head = m.group(0)
    # a dateline's city part is upper case; "US-China talks -" would be a false hit
    city = _CITY.match(head)
    if city is None or sum(c.isalpha() for c in city.group(0)) < 3:
        return start
    return start + len(head)


def is_caption(text: str, start: int, end: int) -> bool:
    """True for photo captions and credit lines."""
    return bool(_CAPTION_START.match(text, start, end) or _CAPTION_END.search(text, start, end))


# every alternative starts with a literal, so the regex engine skips quickly to candidates
_MARK = re.compile("''|\"|“|”|«|»|„")


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Double quotations inside ``text[start:end]`` (one paragraph), in order.

    Straight quotes (``"`` and the typewriter pair ``''``) toggle; curly ones open and close.
    An opening mark without a closing one makes a quotation that runs to the end of the
    paragraph.
    """
    quotes: list[Quote] = []
    open_at = -1
    open_len = 0
    opener = ""
    for m in _MARK.finditer(text, start, end):
        i, mark = m.start(), m.group()
        if open_at < 0:
            if mark in "”»" and not (mark == "”" and i == start and end - i > 20):
                continue  # a stray closer (one that opens a paragraph is a typo for “)
            if mark == '"' and i > start and text[i - 1].isalnum():
                continue  # inches, not a quotation
            if mark == "''" and i > start and text[i - 1].isalnum():
                continue  # a possessive followed by an apostrophe
            open_at, open_len, opener = i, len(mark), mark
            continue
        if mark in "“«„" and not (mark == "“" and opener == '"'):
            if mark == opener:
                open_at, open_len = i, len(mark)  # the first was never closed: restart here
            continue
        if (opener == "''") != (mark == "''"):
            continue  # a typewriter pair closes only a typewriter pair
        if i - (open_at + open_len) >= 1:
            quotes.append(Quote(open_at, i + len(mark), open_at + open_len, i, False))
        open_at = -1
    if open_at >= 0 and end - open_at > 2:
        quotes.append(Quote(open_at, end, open_at + open_len, end, True))
    return quotes


_OPENER_AFTER = re.compile(r"\s+(?:Then|But|And|The|This|There|So|Yet|Now|In|On|At|After)\s")


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """``text`` with the inside of each quotation replaced by ``x`` (same length), except a
    final ``.`` or ``,``."""
    if not quotes:
        return text
    parts = []
    pos = 0
    for q in quotes:
        parts.append(text[pos : q.inner_start])
        # a final "." stays: a sentence may end inside the closing mark ("a nasty guy."), and
        # a final "," (''the magic of Trump,'' said); "!" and "?" do not, since '"Enough!"
        # Clinton said' goes on
        last = text[q.inner_end - 1] if q.inner_end - q.inner_start > 1 else ""
        keep = 1 if last in ".," else 0
        if last in "!?" and _OPENER_AFTER.match(text, q.end):
            keep = 1  # '"I am leaving!" Then she ...': the sentence ended inside the mark
        parts.append("x" * (q.inner_end - q.inner_start - keep))
        parts.append(text[q.inner_end - keep : q.inner_end])
        pos = q.inner_end
    parts.append(text[pos:])
    return "".join(parts)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``: a split after ``.!?`` (and closing marks) that
    is followed by a capital, except after abbreviations and initials."""
    out = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        stop = m.end()
        dot = m.start()
        if (
            text[dot] == "."
            and _is_abbreviation(text, pos, dot)
            and not (
                _DOTTED.search(text, pos, dot + 1) and _CLAUSE_OPENER.match(text, stop + 1, end)
            )
        ):
            continue
        span_end = stop
        while span_end > pos and text[span_end - 1].isspace():
            span_end -= 1
        if span_end > pos:
            out.append((pos, span_end))
        pos = stop
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out


# a word that only opens a sentence: after "the U.S." or "4 p.m." it starts a new one
_DOTTED = re.compile(r"[A-Za-z]\.[A-Za-z]{1,2}\.\Z")
_CLAUSE_OPENER = re.compile(r"(?:He|She|They|We|It|I|But|The|This|That|There|In|And)\s")


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(lo, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if "." in word and len(word) <= 6:
        return True  # "U.S.", "a.m."
    return word.lower() in ABBREVIATIONS
