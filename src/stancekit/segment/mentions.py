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
    ANON_HEADS,
    COUNTRIES,
    COUNTRY_NAMES,
    CUE_FORMS,
    DEMONYMS,
    FEMALE_WORDS,
    GROUP_HEADS,
    MALE_WORDS,
    ORG_HEADS,
    PLURAL_SUBJECTS,
    ROLE_WORDS,
    org_descriptor,
)

__all__ = ["Mention", "Span", "parse_mention", "prefixed_surname", "tokens"]

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
_AGED = re.compile(r"\d{1,3}-year-old\.?\Z")
_NP_EXTRA = frozenset(
    """familiar close matter condition anonymity spokesperson ministry company developer ally
    administration panel statement side official officials person people source sources
    analyst lawyer adviser advisor aide delegate envoy representative chief expert experts
    governor senator mayor judge campaign team nominee candidate presidential democratic
    republican former deputy foreign senior top new local regional federal state national
    visiting acting three-judge tax commissioner board agency government court department
    group committee office leader premier president minister prime secretary spokesman
    spokeswoman director ambassador executive officer press communications policy security
    media party manager strategist counsel aide pollster counterpart colleague
    interlocutor""".split()
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


_TITLE_STOP = ORG_HEADS | ROLE_WORDS | {"states", "nations", "islands", "forces", "staff"}
_PREFIXED = re.compile(r"[a-z]{1,3}-[A-Z]")  # "el-Sisi", "al-Bashir"
_SURNAME_PREFIXES = frozenset("al el ad as an ar at az bin ibn abu abd".split())


def prefixed_surname(word: str) -> str:
    """The surname after an Arabic article or patronymic prefix ("Sisi" of "al-Sisi", case
    kept), or ``""`` when ``word`` has none."""
    prefix, _, rest = word.partition("-")
    return rest if rest and prefix.lower() in _SURNAME_PREFIXES else ""


def _country_ending(toks: list[str], k: int) -> int:
    """Token count of a country name that ends at ``toks[k]`` (0 when none)."""
    for n in _COUNTRY_SIZES:
        if n <= k + 1 and " ".join(toks[k - n + 1 : k + 1]) in COUNTRIES:
            return n
    return 0


def _long_title(toks: list[str], words: list[str]) -> tuple[str, str, str] | None:
    """``Premier of the State Council of the People's Republic of China Li Keqiang``: a
    title with ``of`` followed by the holder's name; returns ``(name, role, country)``."""
    if (
        len(toks) < 4
        or ("of" not in words and "for" not in words)
        or not _is_cap(toks[0])
        or (words[0] not in ROLE_WORDS and words[1] not in ROLE_WORDS)  # "Federal Minister"
    ):
        return None
    k = len(toks) - 1
    run: list[str] = []
    while k > 0:
        t, w = toks[k], words[k]
        if (
            _country_ending(toks, k)
            or w.rstrip(".") in _TITLE_STOP
            or w in DEMONYMS
            or w in _PORTFOLIOS  # "Minister for Planning Ahsan Iqbal"
        ):
            break
        if _is_cap(t) or _PREFIXED.match(t):
            run.insert(0, t)
        elif w in _PARTICLES and run and _is_cap(toks[k - 1]):
            run.insert(0, t)  # "Lula da Silva"
        else:
            break
        k -= 1
    if len(run) < 2 or words[k] in ("of", "the", "and", "for"):
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


#: what a ministry is for ("Minister for Planning", "Secretary of State for Defence")
_PORTFOLIOS = frozenset(
    """planning finance defence defense affairs education health interior trade industry energy
    agriculture justice culture transport commerce information labour labor environment
    tourism economy development housing security""".split()
)

#: Role words that are also common surnames: the last word of a name after a first name or
#: an honorific ("Charlie King", "Mr. Bishop").
_SURNAME_ROLES = frozenset("king bishop prince dean marshal major pope judge cardinal".split())
_HONORIFICS = frozenset("mr mrs ms dr".split())
# token counts of the country names, largest first: the first name found is the longest
_COUNTRY_SIZES = sorted({c.count(" ") + 1 for c in COUNTRIES}, reverse=True)
_PARTICLES = frozenset(
    "de da das dos do del della di van von der den bin ibn al el la le du y ul bint ben".split()
)


_ANON_PLURALS = frozenset(
    "sources officials people diplomats insiders aides witnesses observers staffers".split()
)
_ACRONYM = re.compile(r"[A-Z]{2,6}\Z")
#: what someone sends: "a statement from X" speaks for X
_SENT = frozenset("statement letter message note post memo readout tweet email e-mail".split())


def _posted_role(toks: list[str], words: list[str]) -> tuple[str, str, str] | None:
    """``the UN resident coordinator in Pakistan``, ``the EU envoy to Kosovo``: a role posted
    somewhere, as ``(head, role, country)`` (the country left empty); ``None`` for other
    mentions."""
    if len(words) < 4 or words[0] not in ("the", "a", "an"):
        return None
    for k in range(2, len(words) - 1):
        if words[k] in ("in", "to", "at") and words[k - 1] in ROLE_WORDS:
            place = toks[k + 1 :]
            if not all(_is_cap(t) for t in place):
                return None
            # where the post is is not the holder's country
            return words[k - 1], _role_text(toks[1:k]), ""
    return None


def _described_org(toks: list[str]) -> str:
    """The name in ``(the) <up to two words> <descriptor> <Name ...>`` ("Industry body CII",
    "rights group Amnesty International"), else ``""``."""
    k = 1 if toks and toks[0].lower() in ("the", "a", "an") else 0
    for d in range(k, min(k + 3, len(toks) - 1)):
        if org_descriptor(toks[d]) and all(_is_cap(t) for t in toks[d + 1 :]):
            if toks[d + 1].lower().rstrip(".") in ROLE_WORDS and len(toks) - d > 3:
                return ""  # "World Bank President Ajay Banga": a titled person
            if all(t.replace("-", "").isalpha() for t in toks[k:d]):
                return " ".join(toks[d + 1 :])
            return ""
    return ""


def _plain_word(word: str) -> bool:
    """A word that is no role, organisation or other title word: part of a person's name."""
    w = word.rstrip(".")
    return w not in ROLE_WORDS and w not in ORG_HEADS and w not in GROUP_HEADS


def _particles_then_name(toks: list[str], k: int) -> bool:
    """``toks[k:]`` is lower-case particles and then capitalised words only."""
    j = k
    while j < len(toks) and toks[j] in _PARTICLES:
        j += 1
    return k < j < len(toks) and all(_is_cap(t) for t in toks[j:])


def parse_mention(text: str, span: Span) -> Mention:
    """Read a mention: its kind, proper name, role, country and gender."""
    a, b = span
    m = _read_mention(text[a:b])
    return Mention(m.kind, m.text, span, m.name, m.head, m.role, m.country, m.gender, m.of)


#: what ends the name of a region ("the Kaluga Region", "Sverdlovsk Oblast")
_REGION_HEADS = frozenset(
    "region oblast province territory krai district county governorate prefecture".split()
)


#: family names spelled like English function words: Chinese He, Vietnamese To (Tô)
_WORDLIKE_SURNAMES = frozenset({"He", "To"})


def _wordlike_surname(toks: list[str]) -> bool:
    """Does the mention end in a name whose family name is spelled like a function word
    (``He Lifeng``, ``To Lam``)?"""
    return (
        len(toks) >= 2
        and toks[-2] in _WORDLIKE_SURNAMES
        and _is_cap(toks[-1])
        and toks[-1].lower() not in _CAP_STOP
        and toks[-1].lower() not in CUE_FORMS
    )


@functools.lru_cache(maxsize=16384)
def _read_mention(raw: str) -> Mention:
    """:func:`parse_mention` of the whole of ``raw``: a reading depends on the mention's words
    alone, so one reading serves every place they occur ("he", "Trump", "the president").
    Countries are named one way ("USA", "the United States" → "United States")."""
    m = _read_words(raw)
    country = COUNTRY_NAMES.get(m.country, m.country)
    name = COUNTRY_NAMES.get(m.name, m.name) if m.kind == "country" else m.name
    if country == m.country and name == m.name:
        return m
    return Mention(m.kind, m.text, m.span, name, m.head, m.role, country, m.gender, m.of)


def _read_words(raw: str) -> Mention:
    """The reading of :func:`_read_mention`, country names as written."""
    span = (0, len(raw))
    toks: list[str] = _TOKEN.findall(raw)
    words = [t.lower() for t in toks]
    gender = ""
    wordlike = _wordlike_surname(toks)
    for w in words[:-2] if wordlike else words:
        if w in FEMALE_WORDS:
            gender = "f"
        elif w in MALE_WORDS:
            gender = "m"
    acronym = bool(toks) and len(toks[0]) >= 2 and toks[0].isupper()  # "WHO", "US": names
    if len(words) == 1 and words[0] in _PRONOUNS and not acronym:
        g = _PRONOUNS[words[0]]
        kind = "plural" if g in ("p", "s") else "pronoun"
        return Mention(kind, raw, span, head=words[0], gender=g if g in "mfn" else "")
    if words and words[0] in _RELATIVES and not acronym:
        return Mention("pronoun", raw, span, head=words[0])
    if (
        1 <= len(toks) <= 2
        and (len(toks) == 1 or words[0] == "the")
        and _ACRONYM.match(toks[-1])
        and toks[-1] not in COUNTRIES
    ):
        # "the WHO", "the IMF", "NATO": an organisation
        return Mention("org", raw, span, name=toks[-1], head=words[-1])
    posted = _posted_role(toks, words)
    if posted is not None:
        return Mention(
            "nominal", raw, span, head=posted[0], role=posted[1], country=posted[2], gender=gender
        )
    named = _described_org(toks)
    if named:
        # "Industry body CII", "think tank Bruegel", "carmaker Toyota": the name speaks
        return Mention("org", raw, span, name=named, head=named.split()[-1].lower())
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
    k0 = 1 if words and words[0] in _DETERMINERS else 0
    if (
        len(words) > k0 + 3
        and words[k0 + 1] == "of"
        and words[k0].endswith("s")
        and toks[k0].islower()
        and "and" in words[k0 + 2 :]
    ):
        return Mention("plural", raw, span)  # "The governments of Chad and Niger"
    owner_at = len(words)
    if "for" in words and not words[words.index("for") - 1].endswith("s"):
        owner_at = words.index("for")  # "a spokesperson for": one person speaking for others
    if "and" in words[:owner_at] and _is_coordination(toks[:owner_at]):
        # "Putin and Xi"; but "a spokesperson for the Parks and Recreation Department" is one
        return Mention("plural", raw, span)
    if (words and words[0] in ("both", "two", "three", "all", "each")) or (
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
    elif "from" in words and words.index("from") >= 1 and words[words.index("from") - 1] in _SENT:
        k = words.index("from")  # "A statement from Ken Paxton (said)": Paxton's words
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
            if k > 0 and words[k - 1] in ORG_HEADS and _is_cap(toks[k - 1]):
                break  # "The Reserve Bank of India": the country is part of the name
            n = country.count(" ") + 1
            del toks[k : j + n]
            del words[k : j + n]
            break
    for k in range(len(toks) - 2):
        # "Governor of the Kaluga Region Vladislav Shapsha": a region is no part of the name
        if words[k] != "of":
            continue
        j = k + 1 + (words[k + 1] == "the")
        end = j
        while end < len(toks) and _is_cap(toks[end]) and words[end] not in _REGION_HEADS:
            end += 1
        if (
            j < end < len(toks) - 2
            and words[end] in _REGION_HEADS
            and all(_is_cap(x) for x in toks[end + 1 :])
        ):
            del toks[k : end + 1]
            del words[k : end + 1]
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
        if (
            base in COUNTRIES
            and not name_parts
            and k + 1 < len(toks)
            and not (
                t == base
                and k == len(toks) - 2
                and _is_cap(toks[k + 1])
                and _plain_word(words[k + 1])
            )
        ):
            # "Russia's Putin", "Egypt President X"; but "Jordan Bardella" is a first name
            country = country or base
            continue
        if name_parts and (w in _PARTICLES or _PREFIXED.match(t)):
            name_parts.append(t)  # "Van der Bellen", "Lula da Silva", "Omar al-Bashir"
            continue
        if w in _PARTICLES and _is_cap(t) and k + 1 < len(toks) and _is_cap(toks[k + 1]):
            name_parts.append(t)  # "De Blasio", "Van Hollen"
            continue
        if w == "the" and name_parts and k + 1 < len(toks) and _is_cap(toks[k + 1]):
            name_parts.append(t)  # "Save the Children"
            continue
        if w in _PARTICLES and not name_parts and not role_parts and _particles_then_name(toks, k):
            name_parts.append(t)  # "von der Leyen", "de Mistura": the whole surname
            continue
        if (
            w in _SURNAME_ROLES
            and k == len(toks) - 1
            and (name_parts or (k > 0 and words[k - 1].rstrip(".") in _HONORIFICS))
        ):
            name_parts.append(t)  # "Mr. King", "Charlie King": a surname, not a title
            continue
        if (
            w == "of"
            and role_parts
            and len(name_parts) >= 2
            and k + 1 < len(toks)
            and all(_is_cap(x) for x in toks[k + 1 :])
            and not any(p.lower() in ORG_HEADS for p in name_parts)
        ):
            # "Crown Prince Mohammed Al Nahyan of Abu Dhabi": the name, then where he rules
            place = " ".join(toks[k + 1 :])
            country = country or (place if place in COUNTRIES else "")
            break
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
            if name_parts and role_word:
                # "Federal Chancellor", "White House Press ...", "Conservative leader"
                role_parts.extend([*name_parts, t])
            elif not (name_parts and not _is_cap(t)):
                role_parts.append(t)
            if name_parts:
                name_parts = []
            continue
        name_parts.append(t)
    while name_parts and name_parts[0].lower() in _CAP_STOP:
        if wordlike and len(name_parts) == 2:
            break  # "He Yadong", "To Lam": a family name
        name_parts.pop(0)
    head = _head_word(words)
    role = _role_text(role_parts)
    name = " ".join(name_parts).strip()
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    is_org = head in ORG_HEADS or any(
        w.rstrip(".") in ("inc", "llc", "corp", "ltd", "co") for w in words
    )
    titled_person = (
        bool(role_parts)
        and role_parts[-1].lower().rstrip(".") in ROLE_WORDS
        and 2 <= len(name_parts) <= 4
        and toks[-1] == name_parts[-1]
        and not any(p.lower() in ORG_HEADS for p in name_parts)
    )
    if is_org and titled_person:
        # "Bank of England Governor Andrew Bailey": the governor, not the bank
        is_org = False
        head = words[-1].rstrip(".")
    if not is_org and name and len(toks) >= 3 and not titled_person:
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
    if head in ANON_HEADS and (
        words[0] in _ANON_PLURALS or (words[-1] in _ANON_PLURALS and not name and not det)
    ):
        # "officials said", "according to Ukrainian officials": unnamed sources
        return Mention("anonymous", raw, span, head=head, gender=gender, of=of)
    if is_org and not (name and not _is_cap(toks[-1])):
        org_name = re.sub(r" ([’'])(?= |$)", r"\1", " ".join(toks[1:] if det else toks).strip())
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
    # "the Parks and Recreation Department": one organisation
    if right[-1].lower().rstrip(".") in ORG_HEADS and left[0].lower() in ("the", "a", "an"):
        return False
    if right[0].lower() in ("the", "his", "her", "its", "their") and len(right) >= 2:
        # "The Russian President and the Malaysian Prime Minister": two people
        return _is_cap(left[-1]) and _is_cap(right[-1])
    return _is_cap(left[-1]) and _is_cap(right[0])
