"""Word lists for the attribution engine: reporting cues, roles, demonyms, organisations.

Everything here is data; the rules that use it live in the other modules of this package.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "ANON_HEADS",
    "BROAD_CUES",
    "BROAD_FORMS",
    "BROAD_SPLIT_ING",
    "CLAUSE_CUES",
    "COUNTRIES",
    "COUNTRY_NAMES",
    "CUE_FORMS",
    "DEMONYMS",
    "FEMALE_WORDS",
    "GROUP_HEADS",
    "MALE_WORDS",
    "NOUN_S_FORMS",
    "NP_CUES",
    "ORG_DESCRIPTORS",
    "ORG_HEADS",
    "PARTICIPLE_OPENERS",
    "PEOPLE_SUFFIXES",
    "PLURAL_SUBJECTS",
    "ROLE_WORDS",
    "SPLIT_ING",
    "cue_base",
    "org_descriptor",
]


def _inflect(base: str) -> tuple[str, str, str]:
    """Third person, past and -ing forms of a regular verb."""
    if base.endswith("ee"):
        ing = base + "ing"  # "agreeing"
        past = base + "d"  # "agreed"
    elif base.endswith("e"):
        ing = base[:-1] + "ing"
        past = base + "d"
    elif base.endswith("y") and base[-2] not in "aeiou":
        ing = base + "ing"
        past = base[:-1] + "ied"
    else:
        ing = base + "ing"
        past = base + "ed"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return third, past, ing


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "admit": ("admits", "admitted", "admitting"),
    "regret": ("regrets", "regretted", "regretting"),
    "commit": ("commits", "committed", "committing"),
    "reaffirm": ("reaffirms", "reaffirmed", "reaffirming"),
    "underline": ("underlines", "underlined", "underlining"),
    "rule": ("rules", "ruled", "ruling"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "hold": ("holds", "held", "holding"),
    "put forward": ("puts forward", "put forward", "putting forward"),
    "make clear": ("makes clear", "made clear", "making clear"),
    "speak out": ("speaks out", "spoke out", "speaking out"),
    "speak in favour of": ("speaks in favour of", "spoke in favour of", "speaking in favour of"),
    "speak highly of": ("speaks highly of", "spoke highly of", "speaking highly of"),
    "speak in favor of": ("speaks in favor of", "spoke in favor of", "speaking in favor of"),
}

#: Cues that take a clause (``X said (that) C``, ``C, X said``); with :data:`NP_CUES` they make
#: :data:`CLAUSE_CUES`.
_SPEECH_VERBS: tuple[str, ...] = (
    "say",
    "tell",
    "add",
    "note",
    "remark",
    "state",
    "explain",
    "insist",
    "argue",
    "claim",
    "assert",
    "declare",
    "warn",
    "recall",
    "point out",
    "observe",
    "comment",
    "reply",
    "respond",
    "acknowledge",
    "admit",
    "confirm",
    "deny",
    "maintain",
    "suggest",
    "predict",
    "estimate",
    "reveal",
    "disclose",
    "indicate",
    "write",
    "tweet",
    "post",
    "joke",
    "quip",
    "report",
    "assure",
    "inform",
    "caution",
    "contend",
    "complain",
    "concede",
    "boast",
    "counter",
    "recount",
    "clarify",
    "affirm",
    "announce",
    "mention",
    "allege",
    "rule",
    "forecast",
    "hold",
    "make clear",
    "go on to say",
    "continue",
    "agree",
    "hope",
    "believe",
    "stipulate",
    "speak out",
    "concur",
    "notify",
    "brief",
    "point to",
)

#: Cues whose content is an object (``urged B to C``, ``welcomed the decision``).
NP_CUES: frozenset[str] = frozenset(
    {
        "accuse",
        "advocate",
        "appeal",
        "applaud",
        "appreciate",
        "approve",
        "ask",
        "blame",
        "call",
        "call for",
        "call on",
        "call upon",
        "commend",
        "condemn",
        "congratulate",
        "convey",
        "criticise",
        "criticize",
        "decry",
        "demand",
        "denounce",
        "deplore",
        "describe",
        "dismiss",
        "emphasise",
        "emphasize",
        "exhort",
        "express",
        "hail",
        "highlight",
        "invite",
        "lament",
        "laud",
        "pledge",
        "praise",
        "promise",
        "propose",
        "put forward",
        "question",
        "reaffirm",
        "recommend",
        "regret",
        "reiterate",
        "reject",
        "request",
        "speak highly of",
        "speak in favor of",
        "speak in favour of",
        "stress",
        "thank",
        "tout",
        "underline",
        "underscore",
        "urge",
        "voice",
        "voice concern",
        "voice support for",
        "vow",
        "welcome",
        "wish",
    }
)

#: Every cue that makes a statement: the clause-taking verbs, then the object-taking ones.
CLAUSE_CUES: tuple[str, ...] = _SPEECH_VERBS + tuple(
    c for c in sorted(NP_CUES) if c not in _SPEECH_VERBS
)

#: Third-person cue forms that are also plural nouns ("the states", "new rules"): a cue only
#: when what follows is not what follows a noun (a modal, a preposition, "--").
NOUN_S_FORMS: frozenset[str] = frozenset(
    """states rules claims questions reports notes estimates shows calls comments remarks
    answers replies promises pledges demands requests views fears doubts hopes plans supports
    charges attacks backs posts tweets jokes quips vows thanks praises welcomes cites
    warnings findings forecasts predictions statements tells appeals""".split()
)

#: nouns that describe an organisation before its name ("industry body CII", "think tank
#: Bruegel", "state broadcaster CCTV"); words in "-maker" too ("carmaker Toyota")
ORG_DESCRIPTORS: frozenset[str] = frozenset(
    """body group tank broadcaster agency firm company giant operator lender insurer regulator
    watchdog union network outlet newspaper daily weekly carrier airline bank miner producer
    retailer platform channel station service association federation council alliance
    organisation organization charity consultancy institute exchange fund conglomerate
    developer manufacturer supplier exporter importer""".split()
)


def org_descriptor(word: str) -> bool:
    """Does ``word`` describe an organisation before its name (``body``, ``carmaker``)?"""
    low = word.lower()
    return low in ORG_DESCRIPTORS or (low.endswith("maker") and len(low) > 6)


#: Endings of plural nouns of people ("forecasters", "voters", "analysts", "detectives").
PEOPLE_SUFFIXES: tuple[str, ...] = (
    "ers",
    "ors",
    "ists",
    "ents",
    "ants",
    "ians",
    "ans",
    "ives",
    "ees",
)

#: Cues that only count with an explicit ``that``/``:``/quotation (too often events otherwise).
THAT_ONLY: frozenset[str] = frozenset(
    {
        "announce",
        "agree",
        "hope",
        "believe",
        "continue",
        "hold",
        "mention",
        "report",
        "question",
        "maintain",
        "indicate",
        "confirm",
        "estimate",
        "predict",
        "forecast",
        "state",
        "rule",
        "reveal",
        "disclose",
        "appeal",
        "request",
        "concur",
        "recount",
        "post",
    }
)

#: Words after which "-ing" cues start a new statement (``..., adding that B``).
SPLIT_ING: frozenset[str] = frozenset(
    {
        "adding",
        "ruling",
        "noting",
        "saying",
        "stressing",
        "insisting",
        "arguing",
        "warning",
        "explaining",
        "asserting",
        "claiming",
        "emphasizing",
        "emphasising",
        "stating",
        "declaring",
        "pointing out",
        "underlining",
        "underscoring",
        "reiterating",
        "recalling",
        "observing",
        "telling",
        "writing",
        "remarking",
        "suggesting",
        "maintaining",
        "acknowledging",
        "admitting",
        "conceding",
        "cautioning",
        "contending",
        "predicting",
    }
)

#: In the attribution unit also these: a participle after a comma that reports what the
#: clause's subject said of someone ("..., calling him a liar", "..., citing the polls").
BROAD_SPLIT_ING: frozenset[str] = (
    SPLIT_ING
    | {"referring to", "talking about", "speaking about"}
    | frozenset(
        """calling citing urging accusing describing praising blaming vowing
    promising pledging questioning dismissing criticizing criticising denouncing condemning
    defending demanding denying rejecting predicting touting labeling labelling branding
    expressing welcoming asking announcing""".split()
    )
)

#: Sentence-initial participles that make the whole sentence the speaker's.
PARTICIPLE_OPENERS: frozenset[str] = frozenset(
    {
        "noting",
        "pointing out",
        "stressing",
        "emphasizing",
        "emphasising",
        "recalling",
        "saying",
        "adding",
        "underlining",
        "underscoring",
        "reiterating",
        "highlighting",
        "observing",
        "acknowledging",
        "referring",
        "expressing",
        "welcoming",
        "citing",
        "warning",
        "arguing",
        "describing",
        "calling",
        "reaffirming",
        "affirming",
        "explaining",
        "insisting",
        "admitting",
        "conceding",
        "praising",
        "hailing",
    }
)

#: Further cues of attribution relations (beliefs, intentions, evidence), used only when
#: segmenting by attribution relation (PolNeAR's notion of attribution), not by speech act.
BROAD_CUES: tuple[str, ...] = (
    "think",
    "know",
    "want",
    "plan",
    "expect",
    "fear",
    "worry",
    "feel",
    "show",
    "find",
    "cite",
    "consider",
    "intend",
    "seek",
    "refuse",
    "mock",
    "attack",
    "blast",
    "slam",
    "defend",
    "see",
    "view",
    "charge",
    "threaten",
    "joke",
    "quip",
    "tweet",
    "post",
    "dispute",
    "push for",
    "insist",
    "acknowledge",
    "reckon",
    "suspect",
    "doubt",
    "figure",
    "guess",
    "assume",
    "suppose",
    "imagine",
    "understand",
    "learn",
    "hear",
    "read",
    "recognize",
    "recognise",
    "support",
    "oppose",
    "endorse",
    "back",
    "favor",
    "favour",
    "vow",
    "swear",
    "point to",
    "conclude",
    "determine",
    "discover",
    "indicate",
    "suggest",
    "decline",
    "talk about",
    "speak about",
    "speak of",
    "refer to",
    "rail against",
    "discuss",
    "echo",
    "remind",
    "apologize for",
    "apologise for",
    "lash out at",
    "brag about",
    "take issue with",
    "take credit for",
    "make clear",
    "make it clear",
    "make the case",
    "make a case",
    "make the point",
    "make the argument",
    "make an argument",
    "make the observation",
    "make the claim",
    "go on to say",
    "offer",
    "release",
    "issue",
    "unveil",
    "outline",
    "lay out",
    "spell out",
    "weigh in",
    "take aim at",
    "go after",
    "criticism of",
    "focus on",
    "argue for",
    "advocate for",
    "push back on",
    "push back against",
    "name",
    "order",
    "vote for",
    "vote against",
    "put it",
    "cast",
    "repeat",
    "deliver",
    "file",
    "talk up",
    "look for",
    "compare",
    "liken",
    "portray",
    "characterize",
    "label",
    "brand",
    "dub",
    "challenge",
    "react to",
    "pitch",
    "promote",
    "champion",
    *(
        f"be {a}"
        for a in """confident convinced concerned worried optimistic skeptical hopeful sure
        certain adamant mystified frustrated upset eager determined proud""".split()
    ),
)


def _forms_of(base: str) -> tuple[str, ...]:
    if base in _IRREGULAR:
        return (base, *_IRREGULAR[base])
    if " " in base:
        head, _, rest = base.partition(" ")
        return (base, *(f"{f} {rest}" for f in _IRREGULAR.get(head, _inflect(head))))
    return (base, *_inflect(base))


_IRREGULAR.update(
    {
        "think": ("thinks", "thought", "thinking"),
        "know": ("knows", "knew", "knowing"),
        "feel": ("feels", "felt", "feeling"),
        "find": ("finds", "found", "finding"),
        "see": ("sees", "saw", "seeing"),
        "hear": ("hears", "heard", "hearing"),
        "read": ("reads", "read", "reading"),
        "understand": ("understands", "understood", "understanding"),
        "learn": ("learns", "learned", "learning", "learnt"),
        "swear": ("swears", "swore", "swearing"),
        "plan": ("plans", "planned", "planning"),
        "quip": ("quips", "quipped", "quipping"),
        "concur": ("concurs", "concurred", "concurring"),
        "slam": ("slams", "slammed", "slamming"),
        "favor": ("favors", "favored", "favoring"),
        "speak": ("speaks", "spoke", "speaking", "spoken"),
        "take": ("takes", "took", "taking", "taken"),
        "make": ("makes", "made", "making"),
        "be": ("is", "are", "was", "were", "am", "’s", "'s"),
        "seek": ("seeks", "sought", "seeking"),
        "lay": ("lays", "laid", "laying"),
        "put": ("puts", "put", "putting"),
        "cast": ("casts", "cast", "casting"),
        "go": ("goes", "went", "going", "gone"),
        "refer": ("refers", "referred", "referring"),
        "brag": ("brags", "bragged", "bragging"),
        "echo": ("echoes", "echoed", "echoing"),
    }
)

_FORMS: dict[str, str] = {}
for _base in CLAUSE_CUES:
    for _f in _forms_of(_base):
        _FORMS.setdefault(_f, _base)
_FORMS["according to"] = "according to"
# "post" itself is mostly a name ("The Washington Post"); "posted" and "posts" stay cues
del _FORMS["post"]

#: Every cue surface form → its base form.
CUE_FORMS: dict[str, str] = _FORMS

#: The same plus the forms of :data:`BROAD_CUES`.
BROAD_FORMS: dict[str, str] = dict(_FORMS)
for _base in BROAD_CUES:
    for _f in _forms_of(_base):
        BROAD_FORMS.setdefault(_f, _base)


def cue_base(form: str) -> str:
    """The base form of a cue surface form (lower-case), or ``""`` when unknown."""
    return CUE_FORMS.get(form.lower(), "")


#: Lower-case words that name roles or titles (they precede a person's name).
ROLE_WORDS: frozenset[str] = frozenset(
    """president vice prime minister premier pm chancellor king queen prince princess emir sheikh
    sultan pope secretary general state deputy chief executive officer financial operating
    spokesman spokeswoman spokesperson ambassador envoy senator sen sen. rep rep. representative
    governor gov gov. mayor judge justice chairman chairwoman chair chairperson director head
    commissioner minister-president leader foreign defence defense interior finance trade
    economy economic energy climate health education justice development international relations
    cooperation affairs industry agriculture environment commerce labour labor transport
    culture security national home treasury attorney advocate general lieutenant colonel
    major captain admiral marshal commander dr dr. mr mr. mrs mrs. ms ms. madam sir lord lady
    professor prof prof. adviser advisor aide counsellor councillor councilor delegate
    official analyst economist lawyer attorney spokesman founder ceo cfo coo chief-executive
    speaker member mp lawmaker legislator nominee candidate presidential-nominee democrat
    republican senior top acting former then current incoming outgoing interim
    chairman-designate crown his her majesty highness excellency mufti ayatollah patriarch
    archbishop bishop cardinal rabbi imam reverend father deputy-mayor vice-president
    presidential democratic republican first lady emeritus supreme court administrator
    coordinator representative-designate undersecretary under-secretary republic federation
    kingdom nation union emirates confederation principality sultanate commonwealth islamic
    socialist arab people’s people's grand duchy""".split()
)

_DEMONYM_LIST = """
Afghan=Afghanistan, Albanian=Albania, Algerian=Algeria, American=United States,
Andorran=Andorra, Angolan=Angola, Argentine=Argentina, Argentinian=Argentina,
Armenian=Armenia, Australian=Australia, Austrian=Austria, Azerbaijani=Azerbaijan,
Bahraini=Bahrain, Bangladeshi=Bangladesh, Belarusian=Belarus, Belgian=Belgium,
Beninese=Benin, Bhutanese=Bhutan, Bolivian=Bolivia, Bosnian=Bosnia and Herzegovina,
Brazilian=Brazil, British=United Kingdom, Bruneian=Brunei, Bulgarian=Bulgaria,
Burkinabe=Burkina Faso, Burundian=Burundi, Cambodian=Cambodia, Cameroonian=Cameroon,
Canadian=Canada, Chadian=Chad, Chilean=Chile, Chinese=China, Colombian=Colombia,
Congolese=Congo, Costa Rican=Costa Rica, Croatian=Croatia, Cuban=Cuba, Cypriot=Cyprus,
Czech=Czech Republic, Danish=Denmark, Djiboutian=Djibouti, Dominican=Dominican Republic,
Dutch=Netherlands, Ecuadorian=Ecuador, Egyptian=Egypt, Emirati=United Arab Emirates,
Eritrean=Eritrea, Estonian=Estonia, Ethiopian=Ethiopia, Fijian=Fiji, Filipino=Philippines,
Finnish=Finland, French=France, Gabonese=Gabon, Gambian=Gambia, Georgian=Georgia,
German=Germany, Ghanaian=Ghana, Greek=Greece, Guatemalan=Guatemala, Guinean=Guinea,
Haitian=Haiti, Honduran=Honduras, Hungarian=Hungary, Icelandic=Iceland, Indian=India,
Indonesian=Indonesia, Iranian=Iran, Iraqi=Iraq, Irish=Ireland, Israeli=Israel,
Italian=Italy, Ivorian=Cote d'Ivoire, Jamaican=Jamaica, Japanese=Japan, Jordanian=Jordan,
Kazakh=Kazakhstan, Kazakhstani=Kazakhstan, Kenyan=Kenya, Korean=South Korea,
Kuwaiti=Kuwait, Kyrgyz=Kyrgyzstan, Lao=Laos, Laotian=Laos, Latvian=Latvia,
Lebanese=Lebanon, Liberian=Liberia, Libyan=Libya, Lithuanian=Lithuania,
Luxembourgish=Luxembourg, Malagasy=Madagascar, Malawian=Malawi, Malaysian=Malaysia,
Maldivian=Maldives, Malian=Mali, Maltese=Malta, Mauritanian=Mauritania,
Mauritian=Mauritius, Mexican=Mexico, Moldovan=Moldova, Mongolian=Mongolia,
Montenegrin=Montenegro, Moroccan=Morocco, Mozambican=Mozambique, Myanmar=Myanmar,
Namibian=Namibia, Nepali=Nepal, Nepalese=Nepal, New Zealand=New Zealand,
Nicaraguan=Nicaragua, Nigerien=Niger, Nigerian=Nigeria, North Korean=North Korea,
Norwegian=Norway, Omani=Oman, Pakistani=Pakistan, Palestinian=Palestine, Panamanian=Panama,
Paraguayan=Paraguay, Peruvian=Peru, Philippine=Philippines, Polish=Poland,
Portuguese=Portugal, Qatari=Qatar, Romanian=Romania, Russian=Russia, Rwandan=Rwanda,
Samoan=Samoa, Saudi=Saudi Arabia, Senegalese=Senegal, Serbian=Serbia,
Singaporean=Singapore, Slovak=Slovakia, Slovenian=Slovenia, Somali=Somalia,
South African=South Africa, South Korean=South Korea, South Sudanese=South Sudan,
Spanish=Spain, Sri Lankan=Sri Lanka, Sudanese=Sudan, Swedish=Sweden, Swiss=Switzerland,
Syrian=Syria, Taiwanese=Taiwan, Tajik=Tajikistan, Tanzanian=Tanzania, Thai=Thailand,
Togolese=Togo, Tunisian=Tunisia, Turkish=Turkey, Turkmen=Turkmenistan, Ugandan=Uganda,
Ukrainian=Ukraine, Uruguayan=Uruguay, Uzbek=Uzbekistan, Venezuelan=Venezuela,
Vietnamese=Vietnam, Yemeni=Yemen, Zambian=Zambia, Zimbabwean=Zimbabwe,
European=European Union, Abkhaz=Abkhazia, Ossetian=South Ossetia,
Bahamian=Bahamas, Barbadian=Barbados, Belizean=Belize, Botswanan=Botswana,
Cape Verdean=Cabo Verde, Central African=Central African Republic, Comoran=Comoros,
Salvadoran=El Salvador, Equatoguinean=Equatorial Guinea, Swazi=Eswatini,
Grenadian=Grenada, Bissau-Guinean=Guinea-Bissau, Guyanese=Guyana, Mosotho=Lesotho,
Liechtensteiner=Liechtenstein, Marshallese=Marshall Islands, Micronesian=Micronesia,
Monegasque=Monaco, Nauruan=Nauru, Macedonian=North Macedonia, Palauan=Palau,
Papua New Guinean=Papua New Guinea, Kittitian=Saint Kitts and Nevis,
Saint Lucian=Saint Lucia, Sammarinese=San Marino, Seychellois=Seychelles,
Sierra Leonean=Sierra Leone, Solomon Islander=Solomon Islands, Surinamese=Suriname,
Timorese=Timor-Leste, Tongan=Tonga, Trinidadian=Trinidad and Tobago, Tuvaluan=Tuvalu,
Ni-Vanuatu=Vanuatu,
"""

#: Demonym → country.
DEMONYMS: dict[str, str] = {}
for _pair in " ".join(_DEMONYM_LIST.split()).split(","):
    if _pair.strip():
        _dem, _, _country = _pair.partition("=")
        DEMONYMS[_dem.strip()] = _country.strip()

#: Country names (from the demonym table plus common extras).
COUNTRIES: frozenset[str] = frozenset(DEMONYMS.values()) | frozenset(
    {
        "Russian Federation",
        "United States of America",
        "USA",
        "U.S.",
        "US",
        "UK",
        "Britain",
        "Great Britain",
        "Republic of Korea",
        "Korea",
        "Abkhazia",
        "South Ossetia",
        "Belarus",
        "Holy See",
        "Vatican",
        "Kosovo",
        "Czechia",
        "Turkiye",
        "Türkiye",
        "Republika Srpska",
        "Transnistria",
        "the United States",
        "the Netherlands",
        "the Philippines",
        "the United Kingdom",
        "the Czech Republic",
        "Ivory Coast",
        "Macedonia",
        "Antigua and Barbuda",
        "Dominica",
        "Kiribati",
        "Cape Verde",
        "East Timor",
        "Swaziland",
        "UAE",
        "U.A.E.",
    }
)

#: Other names of a country → the name the demonym table gives it ("USA" → "United States"),
#: so that ``group_by="country"`` sees one country.
COUNTRY_NAMES: dict[str, str] = {
    "Russian Federation": "Russia",
    "United States of America": "United States",
    "the United States": "United States",
    "USA": "United States",
    "U.S.": "United States",
    "US": "United States",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "the United Kingdom": "United Kingdom",
    "Republic of Korea": "South Korea",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "Czechia": "Czech Republic",
    "the Czech Republic": "Czech Republic",
    "Turkiye": "Turkey",
    "Türkiye": "Turkey",
    "the Netherlands": "Netherlands",
    "the Philippines": "Philippines",
    "Ivory Coast": "Cote d'Ivoire",
    "Macedonia": "North Macedonia",
    "Cape Verde": "Cabo Verde",
    "East Timor": "Timor-Leste",
    "Swaziland": "Eswatini",
    "Vatican": "Holy See",
}

#: Head nouns that make a noun phrase an organisation.
ORG_HEADS: frozenset[str] = frozenset(
    """ministry department court commission council embassy administration house agency
    bank party government office committee organization organisation association union
    university times post journal campaign company inc inc. llc corp corp. co co. ltd ltd.
    group fund programme program authority board institute foundation federation
    secretariat cabinet parliament assembly senate congress kremlin pentagon police army
    navy military service network news reuters xinhua tass ap afp bbc cnn institute
    centre center corporation consortium alliance coalition mission delegation panel
    tribunal directorate bureau club league front movement federation statement report
    spokesperson spokesman spokeswoman newspaper magazine daily tribune herald review
    politifact poll survey study ad video side church synod patriarchate""".split()
)

#: Head nouns of unnamed sources (speaker ``anonymous``).
ANON_HEADS: frozenset[str] = frozenset(
    """source sources person people official officials insider insiders diplomat diplomats
    aide aides observer observers employee staffer staffers worker resident voter supporter
    member participant attendee witness witnesses""".split()
)

#: Groups that speak (not joint subjects of a readout): kept as their own speaker.
GROUP_HEADS: frozenset[str] = frozenset(
    """experts analysts critics economists democrats republicans supporters opponents
    lawmakers legislators activists residents voters protesters scientists researchers
    investors officials doctors police prosecutors""".split()
)

#: Plural or joint subjects that are nobody's statement alone.
PLURAL_SUBJECTS: frozenset[str] = frozenset(
    """they we both two sides presidents leaders parties heads ministers delegations
    countries governments sides all participants prime""".split()
)

FEMALE_WORDS: frozenset[str] = frozenset(
    """she her mrs mrs. ms ms. madam queen princess spokeswoman chairwoman lady
    congresswoman businesswoman""".split()
)
MALE_WORDS: frozenset[str] = frozenset(
    """he his mr mr. sir king prince spokesman chairman lord congressman businessman
    emir sultan sheikh""".split()
)

#: Abbreviations after which a period does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr st sr jr prof gen sen rep gov lt col capt cmdr adm sgt maj fr rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd no nos vs etc
    e.g i.e a.m p.m u.s u.n u.k e.u ore calif fla mass wash ariz colo conn del ill ind
    kan ky la md mich minn miss mo mont neb nev okla pa tenn tex va vt wis wyo ft mt
    dept est approx fig govt intl natl assn bros""".split()
)
