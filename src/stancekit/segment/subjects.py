"""Finding the subject next to a reporting cue: the noun phrase before it (``Kyrgyz President
Sadyr Japarov said``), after it (``..., said Ana Berg, an economist``) or at the start of the
clause it is coordinated with (``Trump bemoaned the unrest and said ...``).

Every function works on (masked) text and token offsets and returns spans; reading what a
span says about its speaker is :func:`stancekit.segment.mentions.parse_mention`'s job.
"""

from __future__ import annotations

import re

from stancekit.segment.lexicon import (
    ABBREVIATIONS,
    ANON_HEADS,
    GROUP_HEADS,
    ORG_HEADS,
    PEOPLE_SUFFIXES,
    ROLE_WORDS,
)
from stancekit.segment.mentions import (
    _CAP_STOP,
    _CONNECTORS,
    _DETERMINERS,
    _PRONOUNS,
    _RELATIVES,
    Span,
    _is_cap,
    _np_token,
    tokens,
)

__all__ = ["SUBORDINATORS", "initial_subject", "left_subject", "right_subject"]


_SKIP_BEFORE_CUE = frozenset(
    """also further then later earlier again once repeatedly previously recently highly
    strongly firmly separately publicly privately reportedly subsequently quickly
    immediately specifically particularly especially likewise frequently often long
    has have had been would will could did does do is are was were be may might must
    should can shall not never already just only here today yesterday tonight formally
    officially initially finally clearly explicitly jointly similarly openly flatly
    angrily bluntly sharply warmly personally directly last even still however having
    being """.split()
)
#: inserts set off by commas between a subject and its cue ("Murphy, for example, said")
_INSERTS = frozenset(
    {
        ("for", "example"),
        ("for", "instance"),
        ("however",),
        ("meanwhile",),
        ("too",),
        ("though",),
        ("in", "turn"),
        ("in", "fact"),
        ("in", "response"),
        ("in", "particular"),
        ("for", "his", "part"),
        ("for", "her", "part"),
        ("for", "its", "part"),
        ("for", "their", "part"),
    }
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


def _skip_adverbials(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the last token before the adverbials that precede a cue."""
    while i >= 0:
        w = toks[i][2].lower()
        if w in _SKIP_BEFORE_CUE or w == "now":
            i -= 1
            continue
        if w == ",":
            j = i - 1
            while j >= 0 and i - j <= 4 and toks[j][2] != ",":
                j -= 1
            if j >= 1 and tuple(t[2].lower() for t in toks[j + 1 : i]) in _INSERTS:
                # "Carter, however, said"; "Brian Murphy, the chairman ..., for example,
                # said": the insert's opening comma also closes an appositive
                k = j - 1
                while k >= 0 and j - k <= 40 and toks[k][2] != ",":
                    k -= 1
                closes = (
                    k >= 1
                    and toks[k + 1][2].lower() in ("the", "a", "an")
                    and _is_cap(toks[k - 1][2])
                )
                i = j if closes else j - 1
                if closes:
                    break
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
    while start < end and _leading_connector(toks[start][2]):
        start += 1  # "... grew and Putin said": the clause starts after "and"
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
    shares = end - start >= 2 and toks[end - 1][2].lower() == "in"  # "Two in three (said)"
    if (head.lower() in _DETERMINERS and not shares) or head.lower() in _CONNECTORS:
        return None
    if head.endswith(("’s", "'s")) or head.lower() in ("’s", "'s"):
        return None
    if not fronted and not _clause_start(toks, start, text, lo):
        # allow "Noting ..., he said" etc.: only a comma/quote/colon or the sentence start;
        # "Democratic front-runner Hillary Clinton, also campaigning ..., said": descriptors
        described = _modified_name(toks, start, end, text, lo) if appositive else None
        if described is None:
            return None
        start = described
    end = _before_home(toks, start, end)
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


_CONTRACTED_PRONOUN = re.compile(r"(he|she|it|they|we)(?:[’']s|[’']re|[’']ve|[’']d|[’']ll)\Z", re.I)
#: words that open a fronted phrase before the subject ("In an interview, ...")
_FRONT_OPENERS = frozenset(
    "in on at during after before since with earlier later last amid by following upon".split()
)


_CLAUSE_BREAK = re.compile(r"\s(?:-|--|—|–)\s|;\s")


def initial_subject(text: str, lo: int, hi: int) -> Span | None:
    """The subject that opens the clause before ``hi`` when a verb follows it (``Donald
    Trump, her opponent, bemoaned ...``): the proper-name phrase, its appositive skipped. The
    clause starts at ``lo`` or after the last dash or semicolon before ``hi`` (``She drew his
    ire - he called her "weak" and said ...``)."""
    for brk in _CLAUSE_BREAK.finditer(text, lo, hi):
        lo = brk.end()
    toks = tokens(text, lo, hi)
    k = 1 if toks and toks[0][2].lower() in ("but", "and", "meanwhile") else 0
    if k < len(toks) and toks[k][2].lower() in _FRONT_OPENERS:
        # "In an interview with CNN, Trump doubled down ... and said C": skip the phrase
        comma = next((j for j in range(k + 1, min(len(toks), k + 16)) if toks[j][2] == ","), -1)
        if comma < 0:
            return None
        k = comma + 1
    start = k
    contracted = _CONTRACTED_PRONOUN.match(toks[k][2]) if k < len(toks) else None
    if contracted is not None:
        # "He's comparing ... and says C": the pronoun, not a possessive name "He's"
        return toks[k][0], toks[k][0] + contracted.end(1)
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
    if k >= len(toks) or not (_descriptor(toks[k][2]) or toks[k][2].lower() in _VERBISH):
        return None  # the clause's verb: "bemoaned", or "did" in "did not mention"
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


_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")


def _appositive_comma(toks: list[tuple[int, int, str]], i: int) -> int:
    """The comma that opens the appositive closed by the comma at ``i``; a place named after
    an inner comma ("a philanthropist from Monsey, New York,") stays inside."""
    j = i - 1
    while j >= 0 and toks[j][2] != ",":
        j -= 1
    while (
        j >= 1
        and 1 <= i - j - 1 <= 3
        and _is_cap(toks[j - 1][2])  # "Monsey, New York": a place, then its state
        and all(_is_cap(t[2]) for t in toks[j + 1 : i])
        and not _PARTY_TAG.match(toks[j + 1][2])  # "Mitch McConnell, R-Ky.,": his party
    ):
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


def _skip_age(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index before an age set off by commas (``Mr. King, 82,``), else ``i``."""
    if i >= 2 and toks[i][2] == "," and toks[i - 1][2].isdigit() and toks[i - 2][2] == ",":
        return i - 3
    return i


_VERBISH = frozenset(
    "is are was were has have had be been will would can could said says do does did".split()
)


_WH_WORDS = frozenset("what how why whether where when which who whom that".split())


def _sentence_initial_nominal(toks: list[tuple[int, int, str]], end: int) -> int | None:
    """``The head of a new intergovernmental body on deep-sea mining (urged ...)``: a
    determiner-led noun phrase with a person or organisation head, from the clause start."""
    start = 0
    if toks and toks[0][2].lower() in ("but", "and", "meanwhile", "however"):
        start = 1
    words = [t[2] for t in toks[start : end + 1]]
    if not 2 <= len(words) <= 16 or words[0].lower() not in _DETERMINERS:
        return None
    if any(w in (",", ";", ":", '"', "“", "”") or w.lower() in _WH_WORDS for w in words):
        return None  # "The debate over what Trump (says)": a clause inside, not one phrase
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
            or (w.islower() and low.endswith("ly"))  # "Daily News" is a name
        ):
            return None
        if _clause_start(toks, j, text, lo):
            return j
    return None


_GROUP_GLUE = frozenset(
    "in of from at and to around across his her its their only but about all for with the".split()
)


#: words before a group subject that are not part of it
def _people_plural(word: str) -> bool:
    """A plural noun of people: "attorneys", "advisers", "observers", "officials"."""
    if not word.endswith("s"):
        return False
    stem = word[:-1]
    return (
        word.endswith(PEOPLE_SUFFIXES)
        or stem in ROLE_WORDS
        or word in GROUP_HEADS
        or word in ANON_HEADS
    )


_HEAD_GLUE = frozenset("for of to in at from with close".split())
_GROUP_LEADERS = frozenset(
    "but and yet so still while whereas although though because if as when meanwhile where".split()
)
#: words that open a share of people ("about half of voters", "only 7 percent")
_QUANTITY_OPENERS = frozenset("only just nearly almost roughly about some half most".split())
#: plural nouns of evidence that "show" or "suggest" alone
_EVIDENCE = frozenset("polls records data figures numbers surveys studies statistics".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())


def _group_phrase(toks: list[tuple[int, int, str]], end: int) -> int | None:
    """``Developers and supporters in Congress (say)``, ``Those close to him (say)``: a
    whole clause-initial phrase ending in a plural noun or ``them``/``him``, with no verb."""
    start = end
    while start > 0 and toks[start - 1][2] not in (",", ";", ":", "—", "--"):
        start -= 1
    led = False
    while start < end and toks[start][2].lower() in _GROUP_LEADERS:
        start += 1  # "But attorneys and legal experts (said)", "While only 7 percent (said)"
        led = True
    words = [t[2] for t in toks[start : end + 1]]
    if len(words) == 1 and (
        (words[0].islower() and words[0].endswith(PEOPLE_SUFFIXES)) or words[0].lower() in _EVIDENCE
    ):
        return start  # "..., forecasters say C", "Polls show C"
    if not 2 <= len(words) <= 10:
        return None
    for k in range(1, len(words) - 1):
        if words[k].lower() == "and" and not (words[k - 1].endswith("s") or _is_cap(words[k - 1])):
            return None  # "Exports grew and officials": two clauses, not one group
    if not (
        led
        or words[0].lower() in _QUANTITY_OPENERS
        or words[0][:1].isupper()
        or words[0][:1].isdigit()
        or (toks[start - 1][2] in (",", ";", ":") if start else True)
    ):
        return None
    last = words[-1].lower()
    if not last.endswith("s"):
        # "attorneys for the family (said)", "advisers to Mr. Obama (say)": a plural head
        # and the phrase that says whose
        for k in range(min(2, len(words) - 2)):
            head, glue = words[k].lower(), words[k + 1].lower()
            if glue in _HEAD_GLUE and _people_plural(head):
                last = head
                break
    share = last in ("percent", "%") or (
        (last.isdigit() or last in _NUMBER_WORDS) and words[-2].lower() in ("in", "but", "of")
    )  # "7 percent", "One in three", "all but two": shares of people polled
    if not (share or last.endswith("s") or last in ("him", "her", "them")):
        return None
    for k, w in enumerate(words):
        low = w.lower()
        plain = w.replace("-", "").replace("’", "").replace("'", "")
        titled = w.endswith(".") and _is_cap(w) and plain[:-1].isalpha()  # "Mr. Obama"
        if w != "%" and not plain.isalnum() and not titled:
            return None
        if k == 0 and low in _QUANTITY_OPENERS:
            continue
        participle = k and w.islower() and low.endswith("ed")
        if participle and k + 1 < len(words) and words[k + 1].islower():
            participle = not words[k + 1].endswith("s")  # "registered voters"
        if low in _VERBISH or low in _SKIP_BEFORE_CUE or participle:
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
        if not w[:1].isalpha() or w.lower() in _WH_WORDS:
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
    if prev.lower() in SUBORDINATORS or prev.lower() == "where":
        return True  # "booed when she said ...", "in Minnesota, where he says ..."
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
        if start == 1 or toks[start - 2][2] in (",", ";", ":", "—", "–", "--", "-", "and"):
            return True  # "..., and while he said", "... -- but he said"
        # "Exports grew and officials said": a new clause after a word that ends a clause
        before = toks[start - 2][2]
        return prev.lower() in ("and", "but") and before.isalpha() and not _np_token(before)
    if prev.lower() in SUBORDINATORS:
        return True  # "booed when she said ...", "As Mr. Sykes said, ..."
    return prev in ("-", "--")


def right_subject(text: str, cue_end: int, hi: int, nominal: bool = False) -> Span | None:
    """The subject after an inverted cue (``..., said Marek Zielinski, Poland's ...``); with
    ``nominal``, also a lower-case noun phrase that ends the sentence (``..., said the
    designer.``)."""
    toks = tokens(text, cue_end, hi)
    found = _inverted_nominal(toks) if nominal else None
    if found is not None:
        return found
    i = 0
    n = len(toks)
    while i < n and toks[i][2] not in (",", "."):
        tok = toks[i][2]
        if tok.lower() in ("who", "whose", "which", "that"):
            break  # "said Sen. Jim Whelan who represents Atlantic City"
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
        # "said Robert Antonacci of the New York delegation.": the name, then where from
        of = next((k for k in range(2, i) if toks[k][2] == "of"), None)
        if of is None or n - of > 8 or not toks[-1][2].endswith("."):
            return None
        stop = of
    stop = _before_home(toks, 0, stop - 1) + 1
    end = toks[stop - 1][1]
    last = toks[stop - 1][2]
    if last.endswith(".") and last[:-1].lower() not in ABBREVIATIONS and last.count(".") == 1:
        end -= 1
    return toks[0][0], end


def _before_home(toks: list[tuple[int, int, str]], start: int, end: int) -> int:
    """The end of a person's name followed by where the person is from (``Rep. Mike Coffman
    of Colorado``, ``Senator Ben Cardin of Maryland``): the index before that ``of``; ``end``
    when the phrase is not so (``Secretary of State John Kerry``, ``the Bank of England``)."""
    of = next((k for k in range(start + 2, end) if toks[k][2] == "of"), None)
    if of is None or end - of > 3 or not all(_is_cap(t[2]) for t in toks[of + 1 : end + 1]):
        return end
    if toks[of - 1][2].lower() in ORG_HEADS or toks[of - 1][2].lower().rstrip("s") in ORG_HEADS:
        return end  # "the Federal Reserve Bank of New York": an organisation's name
    name = [t[2] for t in toks[start:of] if t[2].lower() not in ROLE_WORDS | _DETERMINERS]
    caps = [w for w in name if _is_cap(w) and w.rstrip(".").lower() not in ABBREVIATIONS]
    return of - 1 if len(caps) >= 2 else end


_INITIAL = re.compile(r"[A-Z]\.")
_INVERTED_GLUE = frozenset("of with at for in to on from close familiar".split())


def _inverted_nominal(toks: list[tuple[int, int, str]]) -> Span | None:
    """``..., said the designer.`` / ``said one person with knowledge of the talks, who``: a
    determiner and lower-case words up to the end of the clause, read as the subject."""
    if len(toks) < 2 or toks[0][2].lower() not in ("the", "a", "an", "one", "another"):
        return None
    k = 1
    while k < len(toks) and k <= 10:
        w = toks[k][2]
        low = w.lower()
        if w in (".", "!", "?") or (low in ("who", "whose") and k >= 2):
            break  # "..., said a GOP data expert who has worked for ...": the clause is his
        if w == "," and k + 1 < len(toks) and toks[k + 1][2].lower() in ("who", "whose"):
            break
        if w.endswith(".") and k == len(toks) - 1 and w[:-1].isalpha():
            k += 1  # "said one senior official." (the final period stays on the word)
            break
        plain = w.replace("-", "").replace("’", "").replace("'", "")
        if not plain.isalpha() and not _INITIAL.fullmatch(w):
            return None
        if low in _VERBISH or low in _SKIP_BEFORE_CUE or (w.islower() and low.endswith("ly")):
            return None
        if low in _CAP_STOP and low not in _INVERTED_GLUE:
            return None
        k += 1
    else:
        if k < len(toks):
            return None
    last = toks[k - 1][2].lower().rstrip(".")
    glue = next((g for g in range(2, k) if toks[g][2] in _INVERTED_GLUE), k)
    if k < 2 or last in _INVERTED_GLUE or last in _DETERMINERS or not toks[glue - 1][2].islower():
        # the head is a common noun ("the White House" is read as a name), before any
        # phrase that follows it ("the former top aide to President George W. Bush")
        return None
    if glue < k and any(_is_cap(t[2]) for t in toks[glue:k]):
        # "the former top aide to President George W. Bush": the aide speaks, not Bush
        return toks[0][0], toks[glue - 1][1]
    end = toks[k - 1][1] - (1 if toks[k - 1][2].endswith(".") else 0)
    return toks[0][0], end


def antecedent(text: str, lo: int, hi: int) -> Span | None:
    """The named noun phrase that ends at ``hi`` (before a relative pronoun), an appositive
    between commas skipped (``Mitch McConnell, now the Senate majority leader, (who)``)."""
    toks = tokens(text, lo, hi)
    i = len(toks) - 1
    if i >= 0 and toks[i][2] != "," and any(t[2] == "," for t in toks[max(0, i - 8) : i]):
        j = i
        while j >= 0 and toks[j][2] != ",":
            j -= 1
        words = [t[2] for t in toks[j + 1 : i + 1]]
        if words and (words[0].lower() in _APPOSITIVE_START or words[0].lower() == "now"):
            i = j - 1  # an appositive: the name is before it
    end = i
    while i >= 0 and _np_token(toks[i][2]) and toks[i][2].lower() not in _CAP_STOP:
        i -= 1
    start = i + 1
    while start <= end and toks[start][2].lower() in _DETERMINERS | _CONNECTORS:
        start += 1
    if start > end or not any(_is_cap(t[2]) for t in toks[start : end + 1]):
        return None
    if toks[end][2].endswith(("’s", "'s")):
        return None
    end = _before_home(toks, start, end)  # "Representative Peter T. King of New York"
    return toks[start][0], toks[end][1]
