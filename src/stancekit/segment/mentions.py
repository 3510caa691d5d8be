"""Speaker mentions: finding the noun phrase next to a reporting cue and reading it.

A mention is classified as a named person, an organisation, a country, a pronoun, a nominal
("the Chinese president"), an anonymous source, a speaking group, or a plural/joint subject
(which is nobody's statement alone).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from stancekit.segment.lexicon import (
    ABBREVIATIONS,
    ANON_HEADS,
    COUNTRIES,
    DEMONYMS,
    FEMALE_WORDS,
    GROUP_HEADS,
    MALE_WORDS,
    ORG_HEADS,
    PLURAL_SUBJECTS,
    ROLE_WORDS,
)

__all__ = [
    "SUBORDINATORS",
    "Mention",
    "Span",
    "initial_subject",
    "left_subject",
    "parse_mention",
    "right_subject",
    "tokens",
]

Span = tuple[int, int]

# apostrophes only inside a word: the typewriter quotation mark ('') after a masked quotation
# ("xxx,'' he said") must stay a token of its own
# (written as runs of ``[\w\-]`` between such apostrophes: the same matches, found faster)
_WORD = r"[\w\-]*(?:[’'](?=\w)[\w\-]*)*"
_TOKEN = re.compile(rf"\w{_WORD}(?:\.(?=\w){_WORD})*\.?|[^\w\s]")
_DETERMINERS = frozenset(
    "the a an one another his her its their our both two three four several some many "
    "this these those each every any no".split()
)
_CONNECTORS = frozenset(
    "of for at and de da das dos do del della di van von der den al el bin ibn la le du y".split()
)
_PRONOUNS = {"he": "m", "she": "f", "it": "n", "they": "p", "we": "p", "i": "s", "you": "p"}
_RELATIVES = frozenset({"who", "which", "that"})
_SKIP_BEFORE_CUE = frozenset(
    """also further then later earlier again once repeatedly previously recently highly
    strongly firmly separately publicly privately reportedly subsequently quickly
    immediately specifically particularly especially likewise frequently often long
    has have had been would will could did does do is are was were be may might must
    should can shall not never already just only here today yesterday tonight formally
    officially initially finally clearly explicitly jointly similarly openly flatly
    angrily bluntly sharply warmly personally directly last even still """.split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday weekend".split())
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct
    oct. nov nov. dec dec.""".split()
)
#: Words that open a subordinate clause whose subject may speak ("when she said ...").
SUBORDINATORS = frozenset("when after before while because since as once until whereas".split())
_CLOSERS = frozenset({"'", '"', "”", "’"})
_AGED = re.compile(r"\d{1,3}-year-old\.?\Z")
_APPOSITIVE_START = frozenset(
    """who which a an the whose also one another his her its chief head president director
    of from""".split()
)
#: Inserts between a subject and its cue that are not appositives ("Clinton, during a town
#: hall meeting in Columbus, Ohio, said").
_PARENTHETICAL = frozenset(
    "during in at on speaking while after before citing referring responding pointing".split()
)
_INSERTED_ADVERBS = frozenset(
    "meanwhile however too also though instead likewise moreover separately".split()
)
_NP_EXTRA = frozenset(
    """familiar close matter condition anonymity spokesperson ministry company developer
    administration panel statement side official officials person people source sources
    analyst lawyer adviser advisor aide delegate envoy representative chief expert experts
    governor senator mayor judge campaign team nominee candidate presidential democratic
    republican former deputy foreign senior top new local regional federal state national
    visiting acting three-judge tax commissioner board agency government court department
    group committee office leader premier president minister prime secretary spokesman
    spokeswoman director ambassador executive officer press communications policy security
    media party manager strategist counsel aide pollster""".split()
)


@dataclass(frozen=True)
class Mention:
    """A parsed speaker mention.

    ``kind`` is one of ``person``, ``org``, ``country``, ``pronoun``, ``nominal``,
    ``anonymous``, ``group``, ``plural``. ``name`` is the proper name when the mention has one
    (without titles), ``head`` the head noun in lower case, ``role``/``country`` what the
    mention says of the speaker, ``gender`` ``m``/``f``/``""``.
    """

    kind: str
    text: str
    span: Span
    name: str = ""
    head: str = ""
    role: str = ""
    country: str = ""
    gender: str = ""
    of: str = ""


def tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of ``text[lo:hi]`` with absolute offsets."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


_CAP_STOP = frozenset(
    """what when where why how whether which while if as after before since although though
    because but and or so yet then there here it its this that these those i we you they he
    she his her our their my your in on at by for with from into during over under about
    asked speaking meanwhile however still also even now today yesterday later earlier
    monday tuesday wednesday thursday friday saturday sunday not no yes indeed instead like
    unlike despite among between to not""".split()
)


def _np_token(tok: str) -> bool:
    w = tok.lower()
    if _is_cap(tok):
        return w not in _CAP_STOP
    if _PREFIXED.match(tok):
        return True  # "al-Bashir"
    if w in _DETERMINERS or w in _CONNECTORS or w in ROLE_WORDS or w in ORG_HEADS:
        return True
    if w in ANON_HEADS or w in GROUP_HEADS or w in _NP_EXTRA:
        return True
    if _AGED.match(w):
        return True  # "the 46-year-old"
    if w.endswith("s") and (w[:-1] in ROLE_WORDS or w[:-1] in _NP_EXTRA):
        return True  # "the candidates", "several senators"
    if w.endswith(("’s", "'s")):
        return True  # "Mr. Trump's spokesman", "the state's campaign chairman"
    return bool("-" in w and w.split("-")[-1] in ROLE_WORDS | _NP_EXTRA)


def _skip_adverbials(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the last token before the adverbials that precede a cue."""
    while i >= 0:
        w = toks[i][2].lower()
        if w in _SKIP_BEFORE_CUE or w == "now":
            i -= 1
            continue
        if w == ")":
            # a party tag or aside: "Sen. Lindsey Graham (R-S.C.) said"
            j = i - 1
            while j >= 0 and i - j <= 8 and toks[j][2] != "(":
                j -= 1
            if j >= 0 and toks[j][2] == "(":
                i = j - 1
                continue
        if w in _WEEKDAYS and i >= 1 and toks[i - 1][2].lower() in ("on", "last", "this"):
            i -= 2
            if i >= 0 and toks[i][2].lower() == "earlier":
                i -= 1
            continue
        if toks[i][2].isdigit() and i >= 2 and toks[i - 1][2].lower() in _MONTHS:
            i -= 3 if toks[i - 2][2].lower() == "on" else 2
            continue
        if (
            w in ("week", "month", "year", "night", "morning", "evening", "afternoon")
            and i >= 1
            and toks[i - 1][2].lower() in ("last", "this", "next")
        ):
            i -= 2
            continue
        break
    return i


def left_subject(text: str, lo: int, cue_start: int) -> tuple[Span, Span | None] | None:
    """The subject noun phrase that ends just before a cue, within ``text[lo:cue_start]``.

    Returns ``(np_span, appositive_span)`` or ``None``. The phrase must start a clause: at
    ``lo`` (after an optional conjunction), after a comma, colon or semicolon, or after a
    closing quotation mark.
    """
    toks = tokens(text, lo, cue_start)
    i = _skip_adverbials(toks, len(toks) - 1)
    if i < 0:
        return None
    appositive: Span | None = None
    while i >= 2 and toks[i][2] in _CLOSERS and toks[i - 1][2] in _CLOSERS | {","}:
        i -= 1  # "X, citing ''the magic of Trump,'' said": the comma is inside the quotation
    i = _skip_age(toks, i)
    if i < 0:
        return None
    if toks[i][2] == ",":
        # "X, who heads ..., said" / "The developer, Coastline Homes LLC, said"
        j = _appositive_comma(toks, i)
        if j < 1:
            return None
        first = toks[j + 1][2]
        named_before = (
            j >= 1 and _is_cap(toks[j - 1][2]) and toks[j - 1][2].lower() not in _CAP_STOP
        )
        tagged = j >= 1 and toks[j - 1][2] == ")"  # "Rep. Gregory Meeks (D-N.Y.), chairman"
        if not (
            first.lower() in _APPOSITIVE_START
            or first.lower() in _PARENTHETICAL
            or _is_cap(first)
            or named_before
            or (tagged and first.lower() in ROLE_WORDS)
        ):
            return None
        if i - j > 40:
            return None
        if first.lower() not in _PARENTHETICAL:
            appositive = (toks[j + 1][0], toks[i - 1][1])
        i = _skip_adverbials(toks, j - 1) if tagged else _before_comma(toks, j)
        while i >= 2 and toks[i][2].lower() in _INSERTED_ADVERBS and toks[i - 1][2] == ",":
            i -= 2  # "Sanders, meanwhile, who ..., said"
    end = i
    while i >= 0:
        tok = toks[i][2]
        if _np_token(tok):
            i -= 1
            continue
        low = tok.lower()
        prev = toks[i - 1][2].lower() if i >= 1 else ""
        if (low == "in" and (prev in ORG_HEADS or prev in ANON_HEADS)) or (
            low in ("with", "to") and prev in ("familiar", "close")
        ):
            i -= 1
            continue
        break
    start = i + 1
    fronted = False
    # a pronoun or relative pronoun alone
    if start > end or (not _clause_start(toks, start, text, lo) and appositive is None):
        w = toks[end][2].lower()
        if start > end and (w in _PRONOUNS or w in _RELATIVES):
            start = end
        else:
            whole = _sentence_initial_nominal(toks, end)
            if whole is None and start <= end:
                whole = _modified_name(toks, start, end, text, lo)
            if whole is None and start <= end and _after_fronted_phrase(toks, start):
                whole, fronted = start, True
            if whole is None:
                whole = _determiner_phrase(toks, end, text, lo)
            if whole is None:
                whole = _group_phrase(toks, end)
                fronted = fronted or whole is not None
            if whole is None:
                return None
            start = whole
    while start <= end and _leading_connector(toks[start][2]):
        start += 1
    if start > end:
        return None
    head = toks[end][2]
    if head.lower() in _DETERMINERS or head.lower() in _CONNECTORS:
        return None
    if head.endswith(("’s", "'s")) or head.lower() in ("’s", "'s"):
        return None
    if not fronted and not _clause_start(toks, start, text, lo):
        # allow "Noting ..., he said" etc.: only a comma/quote/colon or the sentence start
        return None
    return (toks[start][0], toks[end][1]), appositive


def _descriptor(tok: str) -> bool:
    """A lower-case word that may describe a person before the name ("host", "widow",
    "front-runner")."""
    low = tok.lower()
    return (
        tok.replace("-", "").isalpha()
        and tok.islower()
        and low not in _CAP_STOP
        and low not in _VERBISH
        and low not in _SKIP_BEFORE_CUE
        and not low.endswith("ly")
    )


def _descriptors_then_name(toks: list[tuple[int, int, str]], i: int) -> bool:
    """True when ``toks[i]`` starts up to three descriptive words followed by a name."""
    for k in range(i, min(len(toks), i + 4)):
        tok = toks[k][2]
        if k > i and _is_cap(tok) and _np_token(tok):
            return True
        if not _descriptor(tok):
            return False
    return False


def initial_subject(text: str, lo: int, hi: int) -> Span | None:
    """The subject that opens the clause at ``lo`` when a verb follows it (``Donald Trump,
    her opponent, bemoaned ...``): the proper-name phrase, its appositive skipped."""
    toks = tokens(text, lo, hi)
    k = 1 if toks and toks[0][2].lower() in ("but", "and", "meanwhile") else 0
    start = k
    if k + 1 < len(toks) and toks[k][2].lower() in ("he", "she") and _descriptor(toks[k + 1][2]):
        return toks[k][0], toks[k][1]  # "He called the actions lawful, and said ..."
    if k < len(toks) and toks[k][2].endswith(("ing", "ed")):
        return None  # "Discussing the challenge, the presidents ...": a participle opens
    while k < len(toks) and toks[k][2] not in (",", "."):
        if _np_token(toks[k][2]) or (
            # "An Oregon appeals court": a noun before the head noun
            _descriptor(toks[k][2])
            and k + 1 < len(toks)
            and toks[k + 1][2].islower()
            and toks[k + 1][2] in ORG_HEADS | ROLE_WORDS
        ):
            k += 1
        else:
            break
    if k == start or not any(_is_cap(t[2]) for t in toks[start:k]):
        return None
    end = k - 1
    while end > start and toks[end][2].lower() in _DETERMINERS | _CONNECTORS:
        end -= 1
    if k < len(toks) and toks[k][2] == ",":
        j = k + 1
        while j < len(toks) and toks[j][2] != "," and j - k <= 12:
            j += 1
        if j >= len(toks) or toks[j][2] != ",":
            return None
        k = j + 1
    k = _skip_time(toks, k)
    if k >= len(toks) or not _descriptor(toks[k][2]):
        return None
    return toks[start][0], toks[end][1]


def _skip_time(toks: list[tuple[int, int, str]], k: int) -> int:
    """Index after a time adverbial at ``k`` ("on Tuesday", "last week"), else ``k``."""
    if k + 1 < len(toks) and toks[k][2].lower() in ("on", "last", "this", "earlier", "late"):
        nxt = toks[k + 1][2].lower()
        if nxt in _WEEKDAYS or nxt in ("week", "month", "year", "night", "morning"):
            return k + 2
    if k < len(toks) and toks[k][2].lower() in _WEEKDAYS:
        return k + 1
    return k


_FRONTING = frozenset(
    "on at in during after before following upon opening speaking addressing when while".split()
)


def _after_fronted_phrase(toks: list[tuple[int, int, str]], start: int) -> bool:
    """``On opening the meeting President Putin (said)``: a capitalised subject after a
    short fronted phrase that the writer did not close with a comma."""
    first = 1 if toks and toks[0][2].lower() in ("but", "and") else 0
    if not first < start <= first + 10 or toks[first][2].lower() not in _FRONTING:
        return False
    if not _is_cap(toks[start][2]) or toks[start][2].lower() in _CAP_STOP:
        return False
    return not any(
        t[2] in (",", ";", ":") or t[2].lower() in _VERBISH for t in toks[first + 1 : start]
    )


def _appositive_comma(toks: list[tuple[int, int, str]], i: int) -> int:
    """The comma that opens the appositive closed by the comma at ``i``; a place named after
    an inner comma ("a philanthropist from Monsey, New York,") stays inside."""
    j = i - 1
    while j >= 0 and toks[j][2] != ",":
        j -= 1
    while j >= 1 and 1 <= i - j - 1 <= 3 and all(_is_cap(t[2]) for t in toks[j + 1 : i]):
        k = j - 1
        while k >= 0 and toks[k][2] != ",":
            k -= 1
        if k < 1 or i - k > 40:
            break
        i, j = j, k
    return j


def _before_comma(toks: list[tuple[int, int, str]], j: int) -> int:
    """Index of the last token before the comma at ``j``, an age (``Cory James, 22,``)
    skipped."""
    if j >= 3 and toks[j - 1][2].isdigit() and toks[j - 2][2] == ",":
        return j - 3
    return j - 1


def _leading_connector(tok: str) -> bool:
    """A connector that cannot start a name: "of", "and"; a capitalised particle can
    ("De Blasio said")."""
    low = tok.lower()
    return low in _CONNECTORS and (tok.islower() or low in ("of", "for", "at", "and"))


_TITLE_STOP = ORG_HEADS | ROLE_WORDS | {"states", "nations", "islands", "forces", "staff"}
_PREFIXED = re.compile(r"[a-z]{1,3}-[A-Z]")  # "el-Sisi", "al-Bashir"


def _country_ending(toks: list[str], k: int) -> int:
    """Token count of a country name that ends at ``toks[k]`` (0 when none)."""
    for n in _COUNTRY_SIZES:
        if n <= k + 1 and " ".join(toks[k - n + 1 : k + 1]) in COUNTRIES:
            return n
    return 0


def _long_title(toks: list[str], words: list[str]) -> tuple[str, str, str] | None:
    """``Premier of the State Council of the People's Republic of China Li Keqiang``: a
    title with ``of`` followed by the holder's name; returns ``(name, role, country)``."""
    if len(toks) < 4 or "of" not in words or not _is_cap(toks[0]) or words[0] not in ROLE_WORDS:
        return None
    k = len(toks) - 1
    run: list[str] = []
    while k > 0:
        t, w = toks[k], words[k]
        if _country_ending(toks, k) or w.rstrip(".") in _TITLE_STOP or w in DEMONYMS:
            break
        if _is_cap(t) or _PREFIXED.match(t):
            run.insert(0, t)
        elif w in _PARTICLES and run and _is_cap(toks[k - 1]):
            run.insert(0, t)  # "Lula da Silva"
        else:
            break
        k -= 1
    if len(run) < 2 or words[k] in ("of", "the", "and"):
        return None
    country = ""
    for j in range(k + 1):
        n = _country_ending(toks, j)
        if n:
            country = " ".join(toks[j - n + 1 : j + 1])
    lead = 1
    while lead < k and words[lead] in ROLE_WORDS and _is_cap(toks[lead]):
        lead += 1  # "Prime Minister"
    return " ".join(run), " ".join(toks[:lead]), country


def _skip_age(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index before an age set off by commas (``Mr. King, 82,``), else ``i``."""
    if i >= 2 and toks[i][2] == "," and toks[i - 1][2].isdigit() and toks[i - 2][2] == ",":
        return i - 3
    return i


_VERBISH = frozenset(
    "is are was were has have had be been will would can could said says do does did".split()
)


def _sentence_initial_nominal(toks: list[tuple[int, int, str]], end: int) -> int | None:
    """``The head of a new intergovernmental body on deep-sea mining (urged ...)``: a
    determiner-led noun phrase with a person or organisation head, from the clause start."""
    start = 0
    if toks and toks[0][2].lower() in ("but", "and", "meanwhile", "however"):
        start = 1
    words = [t[2] for t in toks[start : end + 1]]
    if not 2 <= len(words) <= 16 or words[0].lower() not in _DETERMINERS:
        return None
    if any(w in (",", ";", ":", '"', "“", "”") for w in words):
        return None
    if any(w.lower() in _VERBISH or (w.lower().endswith("ed") and not _is_cap(w)) for w in words):
        return None
    heads = [w.lower() for w in words[1:4]] + [words[-1].lower()]
    if not any(h in ROLE_WORDS or h in ORG_HEADS or h in ANON_HEADS for h in heads):
        return None
    return start


def _modified_name(
    toks: list[tuple[int, int, str]], start: int, end: int, text: str, lo: int
) -> int | None:
    """``longtime Democratic pollster Pat Caddell (told)``: a first and last name after up
    to four descriptive words that reach back to the clause start."""
    caps = sum(1 for k in range(start, end + 1) if _is_cap(toks[k][2]))
    if caps < 2 or not _is_cap(toks[end][2]):
        return None
    for j in range(start - 1, max(-1, start - 5), -1):
        w = toks[j][2]
        low = w.lower()
        if (
            not w.replace("-", "").isalpha()
            or low in _CAP_STOP
            or low in _VERBISH
            or low in _SKIP_BEFORE_CUE
            or low.endswith("ly")
        ):
            return None
        if _clause_start(toks, j, text, lo):
            return j
    return None


_GROUP_GLUE = frozenset("in of from at and to around across his her its their".split())


def _group_phrase(toks: list[tuple[int, int, str]], end: int) -> int | None:
    """``Developers and supporters in Congress (say)``, ``Those close to him (say)``: a
    whole clause-initial phrase ending in a plural noun or ``them``/``him``, with no verb."""
    start = end
    while start > 0 and toks[start - 1][2] not in (",", ";", ":", "—", "--"):
        start -= 1
    words = [t[2] for t in toks[start : end + 1]]
    if not 2 <= len(words) <= 10:
        return None
    if not (words[0][:1].isupper() or toks[start - 1][2] in (",", ";", ":") if start else True):
        return None
    last = words[-1].lower()
    if not (last.endswith("s") or last in ("him", "her", "them")):
        return None
    for k, w in enumerate(words):
        low = w.lower()
        if not w.replace("-", "").replace("’", "").replace("'", "").isalnum():
            return None
        if low in _VERBISH or low in _SKIP_BEFORE_CUE or (k and w.islower() and low.endswith("ed")):
            return None  # "elected officials" opens with an adjective; "officials met" has a verb
        if low in _CAP_STOP and low not in _GROUP_GLUE:
            return None
    return start


def _determiner_phrase(
    toks: list[tuple[int, int, str]], end: int, text: str, lo: int
) -> int | None:
    """``..., one county official (said)``: a short determiner-led phrase after a clause
    boundary whose last word is a person or organisation noun."""
    last = toks[end][2].lower()
    known = last in ROLE_WORDS or last in ANON_HEADS or last in ORG_HEADS or last in GROUP_HEADS
    if not known and (
        not last.isalpha() or last in _VERBISH or last.endswith(("ed", "ly")) or last in _CAP_STOP
    ):
        return None
    for j in range(end - 1, max(-1, end - 6), -1):
        w = toks[j][2]
        if not w[:1].isalpha():
            return None
        if w.lower() in _DETERMINERS and _clause_start(toks, j, text, lo):
            return j
    return None


def _clause_start(toks: list[tuple[int, int, str]], start: int, text: str, lo: int) -> bool:
    if start == 0:
        return True
    prev = toks[start - 1][2]
    if prev in (",", ":", ";", "—", "–", "(") or prev in "\"”’'»":
        return True
    if prev.lower() in (
        "but",
        "and",
        "however",
        "meanwhile",
        "yet",
        "so",
        "still",
        "now",
        "then",
        "instead",
        "also",
        "even",
        "though",
        "although",
        "while",
        "whereas",
        "because",
    ):
        return start == 1 or toks[start - 2][2] in (",", ";", ":")
    if prev.lower() in SUBORDINATORS:
        return True  # "booed when she said ...", "As Mr. Sykes said, ..."
    return prev in ("-", "--")


def right_subject(text: str, cue_end: int, hi: int) -> Span | None:
    """The subject after an inverted cue (``..., said Marek Zielinski, Poland's ...``)."""
    toks = tokens(text, cue_end, hi)
    i = 0
    n = len(toks)
    while i < n and toks[i][2] not in (",", "."):
        tok = toks[i][2]
        if not _np_token(tok) and not _descriptors_then_name(toks, i):
            # "said MSNBC host Chris Matthews", "said political scientist Patrick Murray"
            break
        i += 1
    if i == 0:
        return None
    stop = i
    while stop > 0 and toks[stop - 1][2].lower() in _DETERMINERS | _CONNECTORS:
        stop -= 1
    if stop == 0:
        return None
    if (
        i < n
        and toks[i][2] not in (",", ".", ";", ":", '"', "”", "—", "!", "?", "(")
        and toks[i][2].lower()
        not in (
            "who",
            "in",
            "on",
            "at",
            "during",
            "after",
            "as",
            "before",
            "when",
            "while",
            "recently",
            "earlier",
            "last",
        )
    ):
        return None
    end = toks[stop - 1][1]
    last = toks[stop - 1][2]
    if last.endswith(".") and last[:-1].lower() not in ABBREVIATIONS and last.count(".") == 1:
        end -= 1
    return toks[0][0], end


#: Role words that are also common surnames: the last word of a name after a first name or
#: an honorific ("Charlie King", "Mr. Bishop").
_SURNAME_ROLES = frozenset("king bishop prince dean marshal major pope judge cardinal".split())
_HONORIFICS = frozenset("mr mrs ms dr".split())
# token counts of the country names, largest first: the first name found is the longest
_COUNTRY_SIZES = sorted({c.count(" ") + 1 for c in COUNTRIES}, reverse=True)
_PARTICLES = frozenset(
    "de da das dos do del della di van von der den bin ibn al el la le du y ul bint ben".split()
)


def parse_mention(text: str, span: Span) -> Mention:
    """Read a mention: its kind, proper name, role, country and gender."""
    a, b = span
    m = _read_mention(text[a:b])
    return Mention(m.kind, m.text, span, m.name, m.head, m.role, m.country, m.gender, m.of)


@functools.lru_cache(maxsize=16384)
def _read_mention(raw: str) -> Mention:
    """:func:`parse_mention` of the whole of ``raw``: a reading depends on the mention's words
    alone, so one reading serves every place they occur ("he", "Trump", "the president")."""
    span = (0, len(raw))
    toks: list[str] = _TOKEN.findall(raw)
    words = [t.lower() for t in toks]
    gender = ""
    for w in words:
        if w in FEMALE_WORDS:
            gender = "f"
        elif w in MALE_WORDS:
            gender = "m"
    if len(words) == 1 and words[0] in _PRONOUNS:
        g = _PRONOUNS[words[0]]
        kind = "plural" if g in ("p", "s") else "pronoun"
        return Mention(kind, raw, span, head=words[0], gender=g if g in "mfn" else "")
    if words and words[0] in _RELATIVES:
        return Mention("pronoun", raw, span, head=words[0])
    titled = _long_title(toks, words)
    if titled is not None:
        name, role, country = titled
        return Mention(
            "person",
            raw,
            span,
            name=name,
            head=words[-1].rstrip("."),
            role=role,
            country=country,
            gender=gender,
        )
    if "and" in words and _is_coordination(toks):
        return Mention("plural", raw, span)
    if (words and words[0] in ("both", "two", "three", "all")) or (
        len(words) >= 2 and words[1] in ("two", "three", "both")
    ):
        return Mention("plural", raw, span)
    if words and words[-1] in PLURAL_SUBJECTS and words[-1] not in ("prime",):
        return Mention("plural", raw, span)
    of = ""
    if "for" in words:
        k = words.index("for")
        of = " ".join(toks[k + 1 :])
        toks, words = toks[:k], words[:k]
    if not toks:
        return Mention("plural", raw, span)
    country = ""
    role_parts: list[str] = []
    name_parts: list[str] = []
    det = words[0] in _DETERMINERS
    # country "of X" inside a role ("President of South Ossetia Anatoly Bibilov")
    for k in range(len(toks) - 1):
        if words[k] != "of":
            continue
        j = k + 1 + (words[k + 1] == "the" if k + 1 < len(words) else 0)
        country = _country_at(toks, j)
        if country:
            n = country.count(" ") + 1
            del toks[k : j + n]
            del words[k : j + n]
            break
    skip_next = False
    for k, t in enumerate(toks):
        w = words[k]
        if skip_next:
            skip_next = False
            continue
        if k == 0 and det:
            continue
        base = t.rstrip("’'s").rstrip("’'") if t.endswith(("’s", "'s")) else t
        if base in DEMONYMS and not name_parts:
            country = country or DEMONYMS[base]
            continue
        if k + 1 < len(toks) and f"{t} {toks[k + 1]}" in DEMONYMS and not name_parts:
            country = country or DEMONYMS[f"{t} {toks[k + 1]}"]
            skip_next = True
            continue
        if base in COUNTRIES and not name_parts and k + 1 < len(toks):
            country = country or base
            continue
        if name_parts and (w in _PARTICLES or _PREFIXED.match(t)):
            name_parts.append(t)  # "Van der Bellen", "Lula da Silva", "Omar al-Bashir"
            continue
        if w in _PARTICLES and _is_cap(t) and k + 1 < len(toks) and _is_cap(toks[k + 1]):
            name_parts.append(t)  # "De Blasio", "Van Hollen"
            continue
        if (
            w in _SURNAME_ROLES
            and k == len(toks) - 1
            and (name_parts or (k > 0 and words[k - 1].rstrip(".") in _HONORIFICS))
        ):
            name_parts.append(t)  # "Mr. King", "Charlie King": a surname, not a title
            continue
        # "Secretary-General", "Vice-President" are role words too
        role_word = w in ROLE_WORDS or (
            "-" in w and _is_cap(t) and any(part in ROLE_WORDS for part in w.split("-"))
        )
        if role_word or w in _CONNECTORS or not _is_cap(t) or w in ORG_HEADS:
            org_so_far = any(p.lower().rstrip(".") in ORG_HEADS for p in name_parts)
            if name_parts and (
                (w in ORG_HEADS and _is_cap(t)) or (org_so_far and w in ("of", "for", "and"))
            ):
                name_parts.append(t)  # "Oregon Court of Appeals"
                continue
            if name_parts and role_word and _is_cap(t):
                role_parts.extend(name_parts)  # "Federal Chancellor", "White House Press ..."
            role_parts.extend([] if name_parts and not _is_cap(t) else [t])
            if name_parts:
                name_parts = []
            continue
        name_parts.append(t)
    while name_parts and name_parts[0].lower() in _CAP_STOP:
        name_parts.pop(0)
    head = _head_word(words)
    role = _role_text(role_parts)
    name = " ".join(name_parts).strip()
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    is_org = head in ORG_HEADS or any(
        w.rstrip(".") in ("inc", "llc", "corp", "ltd", "co") for w in words
    )
    if not is_org and name and len(toks) >= 3:
        # "The French Embassy in Beijing", "the Oregon Court of Appeals"
        for k in range(1, len(words) - 1):
            if (
                words[k] in ("in", "of", "for")
                and words[k - 1] in ORG_HEADS
                and _is_cap(toks[k - 1])
            ):
                is_org = True
                head = words[k - 1]
                name = ""
                break
    if head in ANON_HEADS and not name and (det or words[0] in ("one", "another")):
        return Mention(
            "anonymous", raw, span, head=head, role=role, country=country, gender=gender, of=of
        )
    if head in ANON_HEADS and words[0] in (
        "sources",
        "officials",
        "people",
        "diplomats",
        "insiders",
        "aides",
    ):
        return Mention("anonymous", raw, span, head=head, gender=gender, of=of)
    if is_org and not (name and not _is_cap(toks[-1])):
        org_name = " ".join(toks[1:] if det else toks).strip()
        if head in ("side",):
            return Mention("org", raw, span, name=org_name, head=head, country=country, of=of)
        if det and len(toks) <= 3 and not any(_is_cap(t) for t in toks[1:]):
            return Mention(
                "nominal", raw, span, head=head, role=role, country=country, gender=gender, of=of
            )
        return Mention("org", raw, span, name=org_name, head=head, country=country, of=of)
    if name:
        full = " ".join(toks[1:] if det else toks)
        if full in COUNTRIES or name in COUNTRIES:
            return Mention("country", raw, span, name=name if name in COUNTRIES else full)
        return Mention(
            "person",
            raw,
            span,
            name=name,
            head=head,
            role=role,
            country=country,
            gender=gender,
            of=of,
        )
    if head in GROUP_HEADS:
        return Mention("group", raw, span, name=raw, head=head)
    if role or head in ROLE_WORDS or head in _NP_EXTRA:
        return Mention(
            "nominal", raw, span, head=head, role=role, country=country, gender=gender, of=of
        )
    if country:
        return Mention("country", raw, span, name=country)
    return Mention("nominal", raw, span, head=head, gender=gender, of=of)


def _country_at(toks: list[str], j: int) -> str:
    """The longest country name made of the tokens from ``toks[j]`` on, or ``""``."""
    for n in _COUNTRY_SIZES:
        name = " ".join(toks[j : j + n])
        if name in COUNTRIES:
            return name
    return ""


_POSTMODIFIERS = frozenset("of for in at with familiar close who from on speaking to".split())


def _head_word(words: list[str]) -> str:
    """The head noun: the last word before a post-modifier (``person`` in ``one person
    familiar with the matter``, ``head`` in ``the head of a new body``)."""
    for k, w in enumerate(words):
        if k > 0 and w in _POSTMODIFIERS:
            return words[k - 1].rstrip(".")
    return words[-1].rstrip(".") if words else ""


def _role_text(parts: list[str]) -> str:
    words = [
        p
        for p in parts
        if p.lower() not in _DETERMINERS
        and p.lower().rstrip(".") not in ("mr", "mrs", "ms", "dr", "madam", "sir")
    ]
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return ""
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _is_coordination(toks: list[str]) -> bool:
    """``Mr Putin and King Abdullah II``: two named parts joined by ``and``."""
    k = [t.lower() for t in toks].index("and")
    left, right = toks[:k], toks[k + 1 :]
    if not left or not right:
        return False
    # "Minister of International Relations and Cooperation Ronald Lamola" is one role
    if any(t.lower() == "of" for t in left):
        return False
    return _is_cap(left[-1]) and _is_cap(right[0])
