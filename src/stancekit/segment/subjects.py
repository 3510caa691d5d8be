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
    COUNTRIES,
    CUE_FORMS,
    ORG_HEADS,
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
    _particles_then_name,
    _wordlike_surname,
    tokens,
)
from stancekit.segment.phrases import (
    APPOSITIVE_START,
    SKIP_BEFORE_CUE,
    SUBORDINATORS,
    VERBISH,
    before_home,
    clause_start,
    described_org,
    determiner_phrase,
    group_phrase,
    inverted_nominal,
    modified_name,
    sentence_initial_nominal,
)

__all__ = ["distant_subject", "initial_subject", "left_subject", "right_subject"]


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
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})
_CLAUSE_LEADS = frozenset("but and meanwhile then now later still instead yet so also".split())
_WEEKDAY_LEAD = frozenset("on last this later earlier".split())


_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct
    oct. nov nov. dec dec.""".split()
)


_CLOSERS = frozenset({"'", '"', "”", "’"})


#: Inserts between a subject and its cue that are not appositives ("Clinton, during a town
#: hall meeting in Columbus, Ohio, said").
_PARENTHETICAL = frozenset(
    """during in at on speaking while after before citing referring responding pointing when
    if though although despite unlike like asked contacted""".split()
)


_CLAUSE_OPENERS = SUBORDINATORS | {"though", "although", "if", "whereas"}
_INSERTED_ADVERBS = frozenset(
    "meanwhile however too also though instead likewise moreover separately".split()
)


_POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})

#: words in -ly that are not adverbs
_LY_NOUNS = frozenset(
    """rally ally family supply reply assembly bully tally folly monopoly anomaly daily weekly
    monthly quarterly early only likely holy belly jelly lily fly""".split()
)


def _manner_adverb(tok: str) -> bool:
    """A manner adverb before a cue: "jokingly (said)", "pointedly (rejected)"."""
    return len(tok) >= 5 and tok.endswith("ly") and tok.islower() and tok not in _LY_NOUNS


def _skip_adverbials(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the last token before the adverbials that precede a cue."""
    while i >= 0:
        w = toks[i][2].lower()
        if w in SKIP_BEFORE_CUE or w == "now" or _manner_adverb(toks[i][2]):
            i -= 1
            continue
        if w in ("—", "–", "--", "-"):
            j = i - 1
            while j >= 1 and i - j <= 15 and toks[j][2] != w:
                j -= 1
            if j >= 1 and toks[j][2] == w:
                i = j - 1  # "Murphy — after a knock-on-wood gesture — told"
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
        if w == "turn" and i >= 1:
            # "The Armenian delegation in its turn noted": "in turn", "in its turn"
            j = i - 1 if toks[i - 1][2].lower() in _POSSESSIVES else i
            if j >= 1 and toks[j - 1][2].lower() == "in":
                i = j - 2
                continue
        if w in _WEEKDAYS and i >= 1 and toks[i - 1][2].lower() in _WEEKDAY_LEAD:
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
            first.lower() in APPOSITIVE_START
            or _parenthetical(first)
            or _is_cap(first)
            or named_before
            or (tagged and first.lower() in ROLE_WORDS)
        ):
            return None
        if i - j > 40:
            return None
        if not _parenthetical(first):
            appositive = (toks[j + 1][0], toks[i - 1][1])
        i = _skip_adverbials(toks, j - 1) if tagged else _before_comma(toks, j)
        while i >= 2 and toks[i][2].lower() in _INSERTED_ADVERBS and toks[i - 1][2] == ",":
            i -= 2  # "Sanders, meanwhile, who ..., said"
    end = i
    while i >= 0:
        tok = toks[i][2]
        if _np_token(tok) or (i < end and _wordlike_surname([tok, toks[i + 1][2]])):
            i -= 1  # "Vice Premier He Lifeng", "General Secretary To Lam": a family name
            continue
        low = tok.lower()
        if low in _POSSESSIVES and i < end and clause_start(toks, i, text, lo):
            i -= 1  # "Its president, Chris Marchese, said": the possessive opens the subject
            break
        prev = toks[i - 1][2].lower() if i >= 1 else ""
        if (
            tok in ("'", "’")
            and i < end
            and prev.endswith("s")
            and toks[i - 1][1] == toks[i][0]
            and (_is_cap(toks[i - 1][2]) or (i >= 2 and toks[i - 2][2].lower() in _DETERMINERS))
        ):
            i -= 1  # "Sanders' team": a possessive that the tokenizer cut off
            continue
        if (low == "in" and (prev in ORG_HEADS or prev in ANON_HEADS or prev in ROLE_WORDS)) or (
            low in ("with", "to") and prev in ("familiar", "close")
        ):
            i -= 1
            continue
        break
    start = i + 1
    while start < end and _connector_only(toks, start, end):
        start += 1  # "... grew and Putin said": the clause starts after "and"
    fronted = False
    # a pronoun or relative pronoun alone
    if start > end or (not clause_start(toks, start, text, lo) and appositive is None):
        w = toks[end][2].lower()
        if start > end and (w in _PRONOUNS or w in _RELATIVES):
            start = end
            before = toks[end - 1][2].lower() if end else ""
            if w in _PERSONAL and before not in CUE_FORMS and before != "that":
                # "At the town hall this week she said": a pronoun is a subject (but "said he
                # hoped that C" is one statement of "said")
                fronted = True
        else:
            whole = sentence_initial_nominal(toks, end)
            if whole is None and start <= end:
                whole = modified_name(toks, start, end, text, lo)
            if whole is None and start <= end and _after_fronted_phrase(toks, start):
                whole, fronted = start, True
                for k in range(start + 1, end):
                    if toks[k][2].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr"):
                        whole = k  # "... on the situation in the North Caucasus Mr Putin"
            if whole is None and start <= end:
                whole = described_org(toks, start, end, text, lo)  # "Think tank Bruegel"
            if whole is None:
                whole = determiner_phrase(toks, end, text, lo)
            if whole is None:
                whole = group_phrase(toks, end)
                fronted = fronted or whole is not None
            if whole is None:
                return None
            start = whole
    while start <= end and _connector_only(toks, start, end):
        start += 1
    if start > end:
        return None
    head = toks[end][2]
    shares = end - start >= 2 and toks[end - 1][2].lower() == "in"  # "Two in three (said)"
    if (head.lower() in _DETERMINERS and not shares) or head.lower() in _CONNECTORS:
        return None
    if head.endswith(("’s", "'s")) or head.lower() in ("’s", "'s"):
        return None
    if not fronted and not clause_start(toks, start, text, lo):
        # allow "Noting ..., he said" etc.: only a comma/quote/colon or the sentence start;
        # "Democratic front-runner Hillary Clinton, also campaigning ..., said": descriptors
        described = modified_name(toks, start, end, text, lo) if appositive else None
        if described is None and appositive is not None:
            # "The shadow chancellor, Jeremy Hunt, said": a description before the name
            described = determiner_phrase(toks, end, text, lo)
        if described is None:
            return None
        start = described
    end = before_home(toks, start, end)
    return (toks[start][0], toks[end][1]), appositive


def _connector_only(toks: list[tuple[int, int, str]], k: int, end: int) -> bool:
    """``toks[k]`` is a connector before the subject, not the particle that opens a name."""
    return _leading_connector(toks[k][2]) and not _particle_name(toks, k, end)


def _particle_name(toks: list[tuple[int, int, str]], k: int, end: int) -> bool:
    """The tokens from ``k`` to ``end`` are a name that opens with lower-case particles
    ("von der Leyen", "de Mistura")."""
    return _particles_then_name([t[2] for t in toks[k : end + 1]], 0)


def _descriptor(tok: str) -> bool:
    """A lower-case word that may describe a person before the name ("host", "widow",
    "front-runner")."""
    low = tok.lower()
    return (
        tok.replace("-", "").isalpha()
        and tok.islower()
        and low not in _CAP_STOP
        and low not in VERBISH
        and low not in SKIP_BEFORE_CUE
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
    "in on at during after before since with earlier later last amid by following upon for".split()
    # participial openers: "Asked about countermeasures, he declined ..., saying C"
    + "asked pressed questioned speaking responding addressing commenting referring".split()
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
    k = 1 if toks and toks[0][2].lower() in _CLAUSE_LEADS else 0
    if k < len(toks) and toks[k][2].lower() in _FRONT_OPENERS:
        # "In an interview with CNN, Trump doubled down ... and said C": skip the phrase, to
        # the comma after which a subject and its verb follow ("At an event in Ames, Iowa, on
        # Sunday, Mrs. Clinton tried ...")
        for j in range(k + 1, min(len(toks), k + 24)):
            if toks[j][2] == ",":
                found = _opening_subject(toks, j + 1)
                if found is not None:
                    return found
        return None
    return _opening_subject(toks, k)


def _opening_subject(toks: list[tuple[int, int, str]], k: int) -> Span | None:
    """The subject that starts at token ``k`` when the clause's verb follows it."""
    start = k
    contracted = _CONTRACTED_PRONOUN.match(toks[k][2]) if k < len(toks) else None
    if contracted is not None:
        # "He's comparing ... and says C": the pronoun, not a possessive name "He's"
        return toks[k][0], toks[k][0] + contracted.end(1)
    if k + 1 < len(toks) and toks[k][2].lower() in ("he", "she") and toks[k + 1][2].islower():
        return toks[k][0], toks[k][1]  # "He called the actions lawful, and said ..."
    if k < len(toks) and toks[k][2].endswith(("ing", "ed")):
        return None  # "Discussing the challenge, the presidents ...": a participle opens
    while k < len(toks) and toks[k][2] not in (",", "."):
        if _np_token(toks[k][2]) or (
            # "An Oregon appeals court": a noun before the head noun; "The Washington Post
            # columnist Ruth Marcus": a description before a name
            _descriptor(toks[k][2])
            and k + 1 < len(toks)
            and (
                (toks[k + 1][2].islower() and toks[k + 1][2] in ORG_HEADS | ROLE_WORDS)
                or (
                    _is_cap(toks[k + 1][2])
                    and toks[k + 1][2].lower() not in _CAP_STOP
                    and not toks[k][2].endswith(("ed", "s"))
                    and toks[k][2].lower() not in VERBISH
                )
            )
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
    while k < len(toks) and _manner_adverb(toks[k][2]):
        k += 1  # "Hillary Clinton sternly reprimanded Mr. Trump"
    if k >= len(toks) or not (_descriptor(toks[k][2]) or toks[k][2].lower() in VERBISH):
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
    head = start + 1 if toks[start][2] == "the" and start + 1 < len(toks) else start
    if not _is_cap(toks[head][2]) or toks[head][2].lower() in _CAP_STOP:
        return False  # "On opening the meeting President Putin", "In this connection the
        # Russian Federation"
    return not any(
        t[2] in (",", ";", ":") or t[2].lower() in VERBISH for t in toks[first + 1 : start]
    )


_PARTY_TAG = re.compile(r"[RDI]-[A-Z]")


def _parenthetical(word: str) -> bool:
    """Does ``word`` open an insert between a subject and its cue rather than an appositive
    (``Clinton, during a town hall, said``; ``Grassley, facing a challenge, said``; ``Powell's
    office, when contacted, said``)?"""
    low = word.lower()
    return low in _PARENTHETICAL or (word.islower() and len(low) > 5 and low.endswith("ing"))


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
        and toks[j - 1][2] not in COUNTRIES  # "in Pakistan, Mohamed Yahya,": a name
        and all(_is_cap(t[2]) for t in toks[j + 1 : i])
        and not _PARTY_TAG.match(toks[j + 1][2])  # "Mitch McConnell, R-Ky.,": his party
    ):
        k = j - 1
        while k >= 0 and toks[k][2] != ",":
            k -= 1
        if k < 1 or i - k > 40:
            break
        i, j = j, k
    k = j - 1
    while k >= 0 and toks[k][2] != ",":
        k -= 1
    clause = (
        k + 2 < j and toks[k + 1][2].lower() in _CLAUSE_OPENERS and _is_cap(toks[k + 2][2])
    )  # "Ohio, while Mike Huckabee, the former governor, said": his clause, not an insert
    if (
        k >= 1
        and i - k <= 40
        and _parenthetical(toks[k + 1][2])
        and toks[j + 1][2].islower()
        and not clause
    ):
        j = k  # "Grassley, facing a challenge in Iowa, a swing state, said": one insert
    elif (
        k >= 1
        and i - k <= 40
        and toks[j + 1][2].lower() in ("which", "who", "whose")
        and (toks[k + 1][2].lower() in APPOSITIVE_START or toks[k + 1][2].lower() in ROLE_WORDS)
        and _is_cap(toks[k - 1][2])
        and not clause
    ):
        # "Sarah Jones, director of the charity Justice First, which brought the case, said":
        # a description, then a relative clause of its own
        j = k
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


def right_subject(text: str, cue_end: int, hi: int, nominal: bool = False) -> Span | None:
    """The subject after an inverted cue (``..., said Marek Zielinski, Poland's ...``); with
    ``nominal``, also a lower-case noun phrase that ends the sentence (``..., said the
    designer.``)."""
    toks = tokens(text, cue_end, hi)
    found = inverted_nominal(toks) if nominal else None
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
    after = stop if stop < i else i  # "said President Putin at talks": "at" ends the name
    if (
        after < n
        and toks[after][2] not in (",", ".", ";", ":", '"', "”", "—", "!", "?", "(")
        and toks[after][2].lower()
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
    stop = before_home(toks, 0, stop - 1) + 1
    end = toks[stop - 1][1]
    last = toks[stop - 1][2]
    if last.endswith(".") and last[:-1].lower() not in ABBREVIATIONS and last.count(".") == 1:
        end -= 1
    return toks[0][0], end


# what may follow a subject's head noun and modify it: a relative clause, an appositive or
# insert, a prepositional phrase, a participle
_MODIFIER_START = frozenset(
    "who whose , - -- — – ( of at in for with from on including like among".split()
)
_CLAUSE_AUX = frozenset(
    "is are was were has have had will would did does do can could should may might must".split()
)
_RELATIVE_OPENERS = frozenset({"who", "whose"})
_NOT_SUBJECT = SUBORDINATORS | frozenset(
    """though although if despite given even last during in on at for with from by what
    whether how why where unlike like regarding concerning considering""".split()
)
_DASHES = frozenset({"--", "—", "–"})


def distant_subject(text: str, lo: int, cue_start: int) -> Span | None:
    """The subject that opens the sentence when a modifier separates it from its cue:
    ``Current and former officials who spoke with The Huffington Post said``, ``The Supreme
    Court justice -- who ... -- said``, ``Giovanni Maria Vian, the editor in chief of the
    Vatican's official newspaper, L'Osservatore Romano, said``.

    A fallback for when :func:`left_subject` finds no subject right before the cue: the head
    phrase is at most six words with no verb-like word, and what lies between it and the cue
    reads as one modifier (a relative clause, a comma or dash insert that closes right before
    the cue, or a prepositional or participial phrase without a finite verb).
    """
    toks = tokens(text, lo, cue_start)
    k = 1 if toks and toks[0][2].lower() in ("but", "and", "yet", "so") else 0
    start = k
    while k < len(toks) and k - start < 7:
        tok = toks[k][2]
        low = tok.lower()
        if low in _MODIFIER_START or tok in _CLOSERS or tok in (";", ":", ".", ")"):
            break
        if low in _CLAUSE_AUX or (tok.islower() and low.endswith(("ed", "ing")) and k > start):
            break
        if not (tok[:1].isalpha() or tok[:1].isdigit() or tok in ("'", "’", "&")):
            return None
        k += 1
    if k == start or k >= len(toks) or k - start > 6:
        return None
    head = [t[2] for t in toks[start:k]]
    low_head = [w.lower() for w in head]
    those_who = low_head == ["those"] and toks[k][2].lower() == "who"  # "those who back her"
    if (
        (low_head[-1] in _DETERMINERS | _CONNECTORS and not those_who)
        or low_head[0] in _NOT_SUBJECT
        or low_head[0] in _PRONOUNS
    ):
        return None  # "When Trump ...", "Despite his views ...": no subject opens the clause
    if any(w in VERBISH or (w.endswith(("ed", "ing")) and w.islower()) for w in head[1:]):
        return None
    if not (_is_cap(head[0]) or low_head[0] in _DETERMINERS or start > 0):
        return None
    gap = [t[2] for t in toks[k:]]
    if gap and gap[-1].lower() in _PERSONAL:
        return None  # "The talks ended with help from Perez, who said he (expects)"
    if len(gap) >= 4 and gap[0] == gap[1] == "-" and gap[-1] == gap[-2] == "-":
        gap = ["--", *gap[2:-2], "--"]  # "--" comes as two tokens
    opener = gap[0].lower()
    if len(gap) > 40 or any(t in (";", ":") for t in gap):
        return None
    last = gap[-1]
    if opener in _RELATIVE_OPENERS:
        if len(gap) < 3:
            return None  # "The voters who said ...": the cue is the relative clause's verb
    elif opener == ",":
        if last != "," or len(gap) < 3:
            return None  # an appositive closes right before the cue
    elif opener in _DASHES or opener == "(":
        if last not in _DASHES and last != ")":
            return None
    elif opener in _MODIFIER_START or (gap[0].islower() and opener.endswith(("ed", "ing"))):
        if any(t.lower() in _CLAUSE_AUX or t.lower() == "that" for t in gap) or (
            last == "," and "," not in gap[:-1]
        ):
            # "Voters in Ohio are ... said" is no subject; "In Ohio, X said"; "The fight
            # grew so heated that Christie said": the cue has a subject of its own
            return None
    else:
        return None
    if toks[start][2].endswith(("’s", "'s")) and k - start == 1:
        return None
    if those_who:
        return toks[start][0], toks[-1][1]  # the relative clause says who they are
    return toks[start][0], toks[k - 1][1]
