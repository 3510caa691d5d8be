"""One test per attribution pattern of DESIGN.md, on invented sentences."""

from __future__ import annotations

import pytest

from stancekit import Article
from stancekit.segment import segment


def _pairs(text: str) -> list[tuple[str, str, str]]:
    return [(s.speaker, s.kind, s.text) for s in segment(text)]


def test_trailing_and_inverted_attribution() -> None:
    assert _pairs("Trade is growing fast, Putin said.") == [
        ("Putin", "indirect", "Trade is growing fast")
    ]
    got = _pairs("Prices will fall next year, said Anna Berg, an economist at Nordbank.")
    assert got == [("Anna Berg", "indirect", "Prices will fall next year")]


def test_leading_attribution_with_that_and_adverbials() -> None:
    got = _pairs("German Chancellor Olaf Scholz said on Monday that Europe must act.")
    assert got == [("Olaf Scholz", "indirect", "Europe must act")]
    got = _pairs("Olaf Scholz said at a news conference in Berlin that the deal was fair.")
    assert got == [("Olaf Scholz", "indirect", "the deal was fair")]


def test_according_to_both_sides() -> None:
    assert _pairs("According to Maria Lopez, the plant will close.") == [
        ("Maria Lopez", "indirect", "the plant will close")
    ]
    got = _pairs("The plant will close, according to Maria Lopez, who said talks had failed.")
    assert got == [
        ("Maria Lopez", "indirect", "The plant will close"),
        ("Maria Lopez", "indirect", "talks had failed"),
    ]


def test_phrasal_cues_and_participial_opening() -> None:
    text = (
        "Indian Prime Minister Narendra Modi called on the two sides to expand trade. "
        "Noting that ties are strong, Modi voiced support for a new corridor."
    )
    got = _pairs(text)
    assert got[0] == ("Narendra Modi", "indirect", "the two sides to expand trade")
    assert got[1] == (
        "Narendra Modi",
        "indirect",
        "Noting that ties are strong, Modi voiced support for a new corridor",
    )


def test_two_cues_one_sentence_and_coordination() -> None:
    got = _pairs("Exports rose sharply, Lee said, adding that imports fell.")
    assert got == [("Lee", "indirect", "Exports rose sharply"), ("Lee", "indirect", "imports fell")]
    got = _pairs("Wong warned that tensions could rise, and pointed out that ASEAN benefits.")
    assert [g[2] for g in got] == ["tensions could rise", "ASEAN benefits"]


def test_interjected_attribution_is_whole_sentence() -> None:
    text = "Finnish President Alexander Stubb spoke first. On energy, the Finnish side, he said, is ready to help."
    got = _pairs(text)
    assert got == [
        ("Alexander Stubb", "indirect", "On energy, the Finnish side, he said, is ready to help")
    ]


def test_direct_quotes_split_and_continued() -> None:
    text = (
        '"We will win," Senator Jane Roe said, "and we will win soon." She smiled.\n\n'
        '"Nobody expected it. Everyone knows it now."'
    )
    got = _pairs(text)
    assert [g[2] for g in got] == [
        "We will win",
        "and we will win soon",
        "Nobody expected it",
        "Everyone knows it now",
    ]
    assert {g[0] for g in got} == {"Jane Roe"} and {g[1] for g in got} == {"direct"}


def test_colon_introduction_and_mixed_quote() -> None:
    got = _pairs('Mayor Tom Ridge said: "The bridge opens in May."')
    assert got == [("Tom Ridge", "direct", "The bridge opens in May")]
    got = _pairs(
        'Mayor Tom Ridge described the plan as "a once-in-a-generation chance for this city."'
    )
    assert got[0][1] == "mixed" and got[0][2].startswith("the plan as")


def test_pronouns_and_nominals_resolve() -> None:
    text = (
        "Kenyan President William Ruto met Chinese Premier Li Qiang in Beijing. "
        "The premier said trade would grow. The Kenyan president said he welcomed the loans. "
        "He added that roads would be built."
    )
    got = _pairs(text)
    assert [g[0] for g in got] == ["Li Qiang", "William Ruto", "William Ruto"]


def test_organisations_sides_and_anonymous() -> None:
    text = (
        "The Japanese Foreign Ministry said the talks were useful. "
        "A spokesperson for the ministry told reporters that more talks would follow. "
        "The deal may slip, one person familiar with the matter said."
    )
    got = _pairs(text)
    assert [g[0] for g in got] == [
        "Japanese Foreign Ministry",
        "Japanese Foreign Ministry",
        "anonymous",
    ]


def test_plural_subjects_are_not_speakers() -> None:
    assert (
        _pairs(
            "The two sides agreed that trade should grow. Both leaders stressed that peace matters."
        )
        == []
    )
    assert _pairs("Putin and Xi said that the world is changing.") == []


def test_name_inside_content_is_not_the_speaker() -> None:
    got = _pairs(
        "For his part, Sadyr Japarov said that under the leadership of President Xi, China has grown."
    )
    assert got == [
        ("Sadyr Japarov", "indirect", "under the leadership of President Xi, China has grown")
    ]


def test_headlines_and_captions_are_skipped() -> None:
    from stancekit import Article

    art = Article(
        "c1",
        "Xi says ties are strong\n\nPresident Xi meets guests in Beijing, June 1, 2025. (Xinhua)\n\nThe talks went well, Xi said.",
        title="Xi says ties are strong",
    )
    got = [(s.speaker, s.text) for s in segment([art])]
    assert got == [("Xi", "The talks went well")]


@pytest.mark.parametrize("text", ["", "   \n\n ", "No speech here at all.", '"', "said said said"])
def test_degenerate_inputs(text: str) -> None:
    assert len(segment(text)) == 0


def test_speaker_known_documents() -> None:
    t = segment("We support the Charter. We reject war.", speaker="Ghana")
    assert [(s.speaker, s.text, s.cue) for s in t] == [
        ("Ghana", "We support the Charter.", "speech"),
        ("Ghana", "We reject war.", "speech"),
    ]


def test_typewriter_quotes_before_a_trailing_cue() -> None:
    got = _pairs("''There is no evidence of that effect,'' Mr. Burman said.")
    assert got == [("Burman", "direct", "There is no evidence of that effect")]


def test_quotation_then_cue_then_more_words_is_trailing() -> None:
    text = (
        "Anna Berg spoke on Monday. "
        "\u201cIt never crossed my mind,\u201d she said months later, and her friends agreed."
    )
    got = _pairs(text)
    assert got == [("Anna Berg", "direct", "It never crossed my mind")]


def test_subject_shapes_news_writes() -> None:
    cases = {
        "The state\u2019s campaign chairman, Phil Lovas, said he cannot comment.": "Phil Lovas",
        "Mr. King, 82, said that he was not familiar with it.": "King",
        "Charlie King said the vote is over.": "Charlie King",
        "Longtime Democratic pollster Pat Caddell said health is at the forefront.": "Pat Caddell",
        "Clinton communication director Jennifer Palmieri said Trump is reduced to taunts.": (
            "Jennifer Palmieri"
        ),
        "Clinton\u2019s team says she will continue her march.": "Clinton\u2019s team",
    }
    for text, speaker in cases.items():
        got = segment(text)
        assert [s.speaker for s in got] == [speaker], text


def test_conjoined_clause_and_naming() -> None:
    text = (
        "John Smith spoke on Monday. The rules should change, but he said that "
        "discussion should wait. Smith called the senator a \u201cnasty guy.\u201d "
        "Smith called Erdogan on Tuesday to discuss Syria."
    )
    got = _pairs(text)
    assert got == [
        ("John Smith", "indirect", "discussion should wait"),
        ("John Smith", "mixed", "the senator a \u201cnasty guy.\u201d"),
    ]


def test_plural_nouns_that_look_like_cues() -> None:
    assert _pairs("The vote in several battleground states could be decisive.") == []
    assert _pairs("Smith states that the plan is flawed.") == [
        ("Smith", "indirect", "the plan is flawed")
    ]


def test_inverted_subjects_with_descriptions_and_party_tags() -> None:
    got = segment("\u201cHe did things right,\u201d said MSNBC host Chris Matthews.")
    assert [(s.speaker, s.mention) for s in got] == [
        ("Chris Matthews", "MSNBC host Chris Matthews")
    ]
    got = segment('"Bush was engaged," said Rep. Joseph Crowley (D-N.Y.), an advocate.')
    assert [s.speaker for s in got] == ["Joseph Crowley"]
    got = segment("Rep. Gregory W. Meeks (D-N.Y.), chairman of the PAC, said members will help.")
    assert [(s.speaker, s.text) for s in got] == [("Gregory W. Meeks", "members will help")]


def test_coordinated_cue_takes_the_clause_subject() -> None:
    text = (
        "Donald Trump, her Republican opponent, bemoaned the unrest in Charlotte and said "
        "drugs were a factor."
    )
    assert _pairs(text) == [("Donald Trump", "indirect", "drugs were a factor")]
    assert _pairs("The two leaders met in Astana and said ties were strong.") == []


def test_passives_and_relative_clauses_are_not_statements() -> None:
    assert _pairs("Everything Trump says is a lie.") == []
    assert _pairs("Quiros accused of using money for personal expenses.") == []
    assert _pairs("Smith was praised by the committee.") == []
    assert _pairs("Smith accused the committee of lying.") == [
        ("Smith", "indirect", "the committee of lying")
    ]


def test_fronted_phrase_without_comma_and_titles_with_adjectives() -> None:
    text = (
        "On opening the meeting President Putin said that relations should remain stable. "
        "He noted that trade was growing."
    )
    assert _pairs(text) == [
        ("Putin", "indirect", "relations should remain stable"),
        ("Putin", "indirect", "trade was growing"),
    ]
    text = (
        "Austrian Federal Chancellor Wolfgang Schuessel arrived on Monday. "
        "Reform is watched with interest, the Chancellor said."
    )
    got = segment(text)
    assert [(s.speaker, s.role) for s in got] == [("Wolfgang Schuessel", "Federal Chancellor")]
    got = segment("Putin\u2019s spokesman Dmitry Peskov said the talks were useful.")
    assert [s.speaker for s in got] == ["Dmitry Peskov"]


def test_interjected_attribution_with_object_or_adverbial() -> None:
    text = "John Smith spoke. The difference now, he told me on Friday, is that he anchors it."
    assert _pairs(text) == [
        (
            "John Smith",
            "indirect",
            "The difference now, he told me on Friday, is that he anchors it",
        )
    ]
    text = "Exports rose 8 percent, the agency said in a June report, and imports fell."
    assert [s.text for s in segment(text)] == [text[:-1]]
    assert _pairs("Trade is growing, Putin said, and added that ties are strong.") == [
        ("Putin", "indirect", "Trade is growing"),
        ("Putin", "indirect", "ties are strong"),
    ]


def test_split_quotation_joined_by_but() -> None:
    text = 'John Smith spoke. "I love Larry," he said, but "Larry has a history."'
    assert _pairs(text) == [
        ("John Smith", "direct", "I love Larry"),
        ("John Smith", "direct", "Larry has a history"),
    ]


def test_subjects_with_ages_places_and_inserts() -> None:
    cases = {
        "Marley Anderson, 21, a junior from Las Vegas, said she voted.": "Marley Anderson",
        "Rachel Berg, a philanthropist from Monsey, New York, said the speech won her.": (
            "Rachel Berg"
        ),
        "Cory James, 22, of Flint, Mich., said he hadn't given up hope.": "Cory James",
        "Ann Lee, during a town hall meeting in Columbus, Ohio, said she would act.": "Ann Lee",
        "Ann Lee, meanwhile, who has no endorsements, said it speaks volumes.": "Ann Lee",
        "Still, even Mr. Slinker says there is good reason for it.": "Slinker",
        "Carter\u2019s press secretary, Peter Cook, told the Times that it was a mistake.": (
            "Peter Cook"
        ),
        "Donald Trump\u2019s campaign manager says he is gratified.": (
            "Donald Trump\u2019s campaign manager"
        ),
    }
    for text, speaker in cases.items():
        assert [s.speaker for s in segment(text)] == [speaker], text


def test_descriptions_groups_and_statement_adverbials() -> None:
    got = segment('"It was never meant to be," said university political scientist Pat Murray.')
    assert [s.speaker for s in got] == ["Pat Murray"]
    got = segment("Republican front-runner Donald Trump says China is using trade rules.")
    assert [(s.speaker, s.text) for s in got] == [("Donald Trump", "China is using trade rules")]
    got = segment("United Gun Group said in a statement Thursday night it pulled the listing.")
    assert [s.text for s in got] == ["it pulled the listing"]
    got = segment("Visas last 30 days, the ministry said in a statement posted on its website.")
    assert [s.text for s in got] == ["Visas last 30 days"]
    text = "Several Democratic operatives said they expect fake information."
    assert _pairs(text) == []
    got = segment(text, unit="attribution")
    assert [s.speaker for s in got] == ["Democratic operatives"]


def test_fronted_phrases_are_not_content() -> None:
    text = (
        "Asked what the nominee needs, Adelson said, \u201cThey have got to be able to win.\u201d"
    )
    assert _pairs(text) == [("Adelson", "direct", "They have got to be able to win")]
    text = "On November 19, Labott tweeted, \u201cThe bill could limit refugees.\u201d"
    assert _pairs(text) == [("Labott", "direct", "The bill could limit refugees")]
    text = "In the early 1990s, Ms. Ripert said, a boss invited her to lunch."
    assert _pairs(text) == [("Ripert", "indirect", text[:-1])]


def test_relative_clauses_do_not_take_over_the_attribution() -> None:
    text = '"We are in a critical situation," Angela Merkel told reporters after a meeting that was held on a boat.'
    assert _pairs(text) == [("Angela Merkel", "direct", "We are in a critical situation")]
    text = "Lynch said the demands are heavy, though she noted clients want diverse teams."
    assert [s.text for s in segment(text)] == [
        "the demands are heavy",
        "clients want diverse teams",
    ]


def test_cue_first_and_exclamations_before_a_name() -> None:
    text = "Said Dorothy Poynter, who grew up with Ali, \u201cWe were all so proud of him.\u201d"
    assert _pairs(text) == [("Dorothy Poynter", "direct", "We were all so proud of him")]
    text = "\u201cSometimes diplomats need our fix!\u201d Hillary Clinton said."
    assert _pairs(text) == [("Hillary Clinton", "direct", "Sometimes diplomats need our fix!")]


def test_participle_after_a_clause_speaks_for_its_subject() -> None:
    text = (
        "An Oregon appeals court on Tuesday overturned the approval, ruling that officials "
        "had failed to assess the risk. The Oregon Court of Appeals said the survey was old."
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [
        ("Oregon Court of Appeals", "officials had failed to assess the risk"),
        ("Oregon Court of Appeals", "the survey was old"),
    ]
    text = "Donald Trump lashed out at the media on Monday, saying it was dishonest."
    assert _pairs(text) == [("Donald Trump", "indirect", "it was dishonest")]


def test_agreed_that_and_plans_to() -> None:
    text = "Ed Rendell, who chaired the party, agreed that the rules should be modernized."
    assert _pairs(text) == [("Ed Rendell", "indirect", "the rules should be modernized")]
    got = segment("Hillary Clinton plans to call on young people to serve.", unit="attribution")
    assert [s.text for s in got] == ["to call on young people to serve"]


def test_told_reporters_at_the_end() -> None:
    text = "John Smith arrived. People should provide evidence, he told reporters."
    assert _pairs(text) == [("John Smith", "indirect", "People should provide evidence")]


def test_period_inside_quotation_then_bare_attribution() -> None:
    text = "\u201cI hope you are able to find the emails.\u201d Donald Trump said."
    assert _pairs(text) == [("Donald Trump", "direct", "I hope you are able to find the emails")]


def test_content_after_a_comma_that_follows_the_cue() -> None:
    text = 'Chris Christie told reporters in Nashua last week, "I could feel things happening."'
    assert _pairs(text) == [("Chris Christie", "direct", "I could feel things happening")]
    text = "Instead, Trump told CNN, his policy would be to go after them."
    assert _pairs(text) == [("Trump", "indirect", text[:-1])]


def test_coordinated_cue_after_pronoun_and_quoted_inserts() -> None:
    text = "John Smith arrived. He called the actions lawful, and said there was no attempt."
    assert _pairs(text) == [("John Smith", "indirect", "there was no attempt")]
    text = "Mr. Manafort, citing ''the magic of Trump,'' said the race could be close."
    assert _pairs(text) == [("Manafort", "indirect", "the race could be close")]
    text = "Discussing the virus, the presidents praised the cooperation, and reaffirmed it."
    assert _pairs(text) == []


def test_subordinate_clauses() -> None:
    text = "Ann Lee was booed at the debate when she said the attack was unfair."
    assert _pairs(text) == [("Ann Lee", "indirect", "the attack was unfair")]
    assert _pairs("When Putin said the deal was dead, Xi laughed.") == [
        ("Putin", "indirect", "the deal was dead")
    ]
    assert _pairs("As Mr Lukashenko stressed, integration should not fall back.") == [
        ("Lukashenko", "indirect", "integration should not fall back")
    ]


def test_group_subjects_in_the_attribution_unit() -> None:
    cases = {
        "Developers and supporters in Congress say the program brought billions.": (
            "Developers and supporters in Congress"
        ),
        "Those close to him say that he would consider Don Beyer.": "Those close to him",
        "Elected officials from both parties say he has forged a reputation.": (
            "Elected officials from both parties"
        ),
    }
    for text, speaker in cases.items():
        assert [s.speaker for s in segment(text, unit="attribution")] == [speaker], text
    # by default a group noun speaks ("critics", "developers and supporters"), a bare
    # "those" or a quantity does not
    assert _pairs("Those close to him say that he would consider Don Beyer.") == []


def test_said_of_and_empty_that() -> None:
    text = '"She does need him," Kunin said of Sanders.'
    assert _pairs(text) == [("Kunin", "direct", "She does need him")]
    assert _pairs("Putin said of the deal that it was fair.") == [
        ("Putin", "indirect", "it was fair")
    ]
    assert _pairs("Soerens argued that:") == []


def test_data_sources_in_the_attribution_unit() -> None:
    text = "According to exit polls, Romney had a ten-point lead."
    assert [s.speaker for s in segment(text, unit="attribution")] == ["exit polls"]
    assert _pairs(text) == []


def test_fronted_phrase_is_never_the_content() -> None:
    assert _pairs("John Smith arrived. In a speech last July, he said:") == []
    text = "During the exchange on Syria, Vladimir Putin told Emmanuel Macron about the measures."
    assert _pairs(text) == [("Vladimir Putin", "indirect", "Emmanuel Macron about the measures")]


def test_particles_open_names_and_match_fuller_names() -> None:
    text = "Mayor Bill de Blasio said it was an act of terror. De Blasio said the city was safe."
    assert [s.speaker for s in segment(text)] == ["Bill de Blasio", "Bill de Blasio"]
    assert [s.speaker for s in segment("Van Hollen said the bill would pass.")] == ["Van Hollen"]


def test_headline_speaks_only_in_the_attribution_unit() -> None:
    art = Article(
        "h",
        "Obama Says Museum Will Tell of Suffering\n\nThe museum opened.",
        title=("Obama Says Museum Will Tell of Suffering"),
    )
    assert segment([art]).speakers == []
    assert [s.speaker for s in segment([art], unit="attribution")] == ["Obama"]


def test_attribution_unit_stops_content_at_the_writers_additions() -> None:
    text = "Trump described the incident as a terrible situation, but stopped short of more."
    assert [s.text for s in segment(text, unit="attribution")] == [
        "the incident as a terrible situation"
    ]
    assert [s.text for s in segment(text)] == [text[len("Trump described ") : -1]]


def test_wire_copy_subjects() -> None:
    cases = {
        "According to a statement from the European Commission, the deal is done.": (
            "European Commission"
        ),
        "U.N. Secretary-General Antonio Guterres called for an immediate ceasefire.": (
            "Antonio Guterres"
        ),
        "Officials in Kyiv said the attack killed three people.": "anonymous",
        "A spokesman for the German government said Berlin would not comment.": (
            "German government"
        ),
    }
    for text, speaker in cases.items():
        assert [s.speaker for s in segment(text)] == [speaker], text


def test_second_clause_with_its_own_subject() -> None:
    text = "Exports grew and officials said the trend would continue."
    assert _pairs(text) == [("anonymous", "indirect", "the trend would continue")]
    assert _pairs("Putin and Xi said ties were strong.") == []


def test_but_before_a_second_cue() -> None:
    text = "Putin said the talks were useful, but stressed that differences remained."
    assert [s.text for s in segment(text)] == ["the talks were useful", "differences remained"]


def test_but_told_and_when_she_said_quotation() -> None:
    text = (
        "Ben Carson did not name his opponents, but told supporters, \u201cWe are in trouble.\u201d"
    )
    assert _pairs(text) == [("Ben Carson", "direct", "We are in trouble")]
    text = "Ann Lee had a great line when she said, \u201cFlying is an activity.\u201d"
    assert _pairs(text) == [("Ann Lee", "direct", "Flying is an activity")]
    text = "Judge Sullivan put off a decision but said the group could come back later."
    assert _pairs(text) == [("Sullivan", "indirect", "the group could come back later")]


def test_cue_lists_and_told_about() -> None:
    text = (
        "Mr Medvedev emphasised the strategic nature of relations, noted the importance of "
        "humanitarian ties, and said he hoped that cooperation would intensify."
    )
    assert [s.text for s in segment(text)] == [
        "the strategic nature of relations",
        "the importance of humanitarian ties",
        "he hoped that cooperation would intensify",
    ]
    text = "Vladimir Putin told Emmanuel Macron about the measures taken by Russia."
    assert [s.text for s in segment(text)] == ["Emmanuel Macron about the measures taken by Russia"]


def test_inverted_common_noun_subject() -> None:
    text = 'Mia Kane spoke.\n\n"It is hard enough," said the designer, who works for a rival.'
    assert _pairs(text) == [("designer", "direct", "It is hard enough")]
    # a list of cues is not an inversion: "noted the importance of ties" is content
    text = "Mr Medvedev emphasised the strategic ties, noted the importance of culture."
    assert [s.text for s in segment(text)] == ["the strategic ties", "the importance of culture"]


def test_pronoun_does_not_take_a_place_name() -> None:
    text = 'Hillary Clinton spoke.\n\nOn Wall Street, she said "I stood up to the banks" then.'
    assert _pairs(text) == [("Hillary Clinton", "direct", "I stood up to the banks")]


def test_fronted_phrase_before_a_clause_subject() -> None:
    text = (
        "Bernie Sanders spoke.\n\nIn Columbia, Sanders stepped up his emphasis on justice, "
        'saying, "We have got to act."'
    )
    assert _pairs(text) == [("Bernie Sanders", "direct", "We have got to act")]
    text = "In an interview, Trump doubled down and said the judge had a conflict."
    assert _pairs(text) == [("Trump", "indirect", "the judge had a conflict")]


def test_noun_before_an_interjected_attribution_is_not_a_cue() -> None:
    text = 'Dan Poe spoke.\n\nCost estimates, he added, were "based on a prototype."'
    got = segment(text, unit="attribution")
    assert [(s.speaker, s.cue) for s in got] == [("Dan Poe", "added")]


def test_shares_of_people_polled_speak_in_the_attribution_unit() -> None:
    text = "Intro.\n\nBut 58 percent of Florida voters said they were less likely to vote."
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert got == [("58 percent of Florida voters", "they were less likely to vote")]
    assert [s.speaker for s in segment("Intro.\n\nA mere 9 percent say they buy local.")] == []


def test_relative_clause_speakers() -> None:
    text = '"It takes work," said Mr. Kamin, who emphasized that her plan would simplify returns.'
    got = [(s.speaker, s.mention, s.text) for s in segment(text)]
    assert got == [
        ("Kamin", "Mr. Kamin", "It takes work"),
        ("Kamin", "who", "her plan would simplify returns"),
    ]
    text = "Ted Cruz endorses Donald Trump, who says he is honored."
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert got == [("Ted Cruz", "Donald Trump"), ("Donald Trump", "he is honored")]
    text = "Charles Barkley, who said he votes democratic, said he likes John Kasich."
    assert [(s.speaker, s.text) for s in segment(text)] == [
        ("Charles Barkley", "he votes democratic"),
        ("Charles Barkley", "he likes John Kasich"),
    ]
    # background in a relative clause is no statement, and "who" never resolves elsewhere
    text = "Ann Lee spoke.\n\nRep. Brooks, who has welcomed support from the Tea Party, won."
    assert len(segment(text)) == 0
    assert len(segment("Mia Poe spoke. The voters who said they were tired left.")) == 0


def test_particle_words_and_restrictive_clause_after_an_inverted_subject() -> None:
    # "down-ballot" is no particle ("backed down")
    got = _pairs("Eskelsen Garcia said down-ballot races can help.")
    assert got == [("Eskelsen Garcia", "indirect", "down-ballot races can help")]
    text = 'Intro.\n\n"It is going to be hard," said a GOP data expert who has worked for Cruz.'
    assert [(s.mention, s.text) for s in segment(text, unit="attribution")] == [
        ("a GOP data expert", "It is going to be hard")
    ]


def test_subject_after_a_colon() -> None:
    text = "Intro.\n\nOn terrorism: 47% say the United States should act; 37% disagree."
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert got == [("47%", "the United States should act")]


def test_inverted_subjects_with_period_and_place() -> None:
    text = 'Intro.\n\n"Probably," said one former senior agency official. "But it was right."'
    got = segment(text)
    assert {s.speaker for s in got} == {"anonymous"}
    assert [s.text for s in got] == ["Probably", "But it was right"]
    text = "Intro.\n\n\u201cThere is a passion,\u201d said Robert Antonacci of the New York delegation."
    assert _pairs(text) == [("Robert Antonacci", "direct", "There is a passion")]


def test_described_name_with_an_inserted_phrase() -> None:
    text = "Democratic front-runner Hillary Clinton, also campaigning in Ohio, said Trump is wrong."
    assert _pairs(text) == [("Hillary Clinton", "indirect", "Trump is wrong")]


def test_according_to_records_in_the_attribution_unit() -> None:
    text = "Intro.\n\nThe group spent $3 million, according to Federal Election Commission filings."
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert got == [("Federal Election Commission filings", "The group spent $3 million")]


def test_groups_of_people_polled_in_the_attribution_unit() -> None:
    for text, who in [
        ("If it slows, forecasters say spending will fall.", "forecasters"),
        ("Two in three said they are less likely to vote.", "Two in three"),
        ("Nine in 10 registered voters say they think so.", "Nine in 10 registered voters"),
        (
            "In Vermont, about half of primary voters said they want change.",
            "about half of primary voters",
        ),
    ]:
        got = segment("Intro.\n\n" + text, unit="attribution")
        assert len(got) == 1, text
        assert got[0].speaker == who
        # stancekit's own guide: plural subjects are not speakers
        assert len(segment("Intro.\n\n" + text)) == 0, text


def test_news_shapes_of_named_speakers() -> None:
    # a nominal with its name in an appositive, after a quotation
    text = 'Intro.\n\n"Somebody came in," the spokesman, Josh Earnest, said.'
    assert _pairs(text) == [("Josh Earnest", "direct", "Somebody came in")]
    text = 'Intro.\n\n"Somebody came in," the White House spokesman, Josh Earnest, said.'
    assert _pairs(text) == [("Josh Earnest", "direct", "Somebody came in")]
    text = (
        "Intro.\n\nAnother Clinton ally, Agriculture Secretary Tom Vilsack, told CNN that it hurt."
    )
    assert _pairs(text) == [("Tom Vilsack", "indirect", "it hurt")]
    # "Daily" is a name, not an adverb
    text = "Intro.\n\n\u201cWe are done,\u201d Daily News opinion editor Josh Greenman told CNN."
    assert _pairs(text) == [("Josh Greenman", "direct", "We are done")]
    # a relative clause after an inverted name is not part of it
    text = 'Intro.\n\n"It was a big deal," said Sen. Jim Whelan who represents Atlantic City.'
    assert _pairs(text) == [("Jim Whelan", "direct", "It was a big deal")]


def test_inverted_nominal_is_the_head_not_a_name_after_it() -> None:
    text = 'Intro.\n\n"Trump went the other way," said the former top aide to President Bush.'
    got = segment(text, unit="attribution")
    assert [(s.mention, s.text) for s in got] == [
        ("the former top aide", "Trump went the other way")
    ]
    assert got[0].speaker != "Bush"


def test_evidence_nouns_show_in_the_attribution_unit() -> None:
    got = segment("Intro.\n\nPolls show the race is close.", unit="attribution")
    assert [(s.speaker, s.text) for s in got] == [("Polls", "the race is close")]
    assert len(segment("Intro.\n\nPolls show the race is close.")) == 0


def test_passive_with_an_adverb_is_no_statement() -> None:
    text = "Meanwhile, Russia was often accused in the past years of using gas as a weapon."
    assert len(segment(text)) == 0
    assert len(segment(text, unit="attribution")) == 0


def test_events_are_not_attributions_in_either_unit() -> None:
    for text in [
        "Bernie Sanders held a rally in Iowa.",
        "Hillary Clinton maintains a large lead over Sanders.",
        "Exports continued to fall, and officials were worried.",
        "Chinese local governments known for lax rules built plants.",
    ]:
        assert len(segment(text, unit="attribution")) == 0, text
    got = segment("Bernie Sanders maintained that the system is rigged.", unit="attribution")
    assert [s.text for s in got] == ["the system is rigged"]


def test_passive_said_idioms_and_found_events() -> None:
    for text in [
        "The route followed a tunnel where, it is said, racists once fired shots.",
        "Sanders had been told he would lose narrowly.",
        "All told, up to 5 million people could be eligible.",
        "Hillary Clinton found a way to make it so.",
        "The senator found himself back on the street.",
    ]:
        assert len(segment(text, unit="attribution")) == 0, text
    got = segment("A 2014 study found that turnout fell.", unit="attribution")
    assert [s.text for s in got] == ["turnout fell"]


def test_pronoun_subjects_in_embedded_clauses() -> None:
    lead = "Tom Cole spoke.\n\n"
    cases = [
        (
            "The plan is crucial, and while he said he'd hold a hearing, it is unlikely.",
            "he'd hold a hearing",
        ),
        (
            "Clinton spent time in Minnesota, where he says he can win if turnout is strong.",
            "he can win if turnout is strong",
        ),
        (
            "The party credits its candidates -- but he said Trump will help them.",
            "Trump will help them",
        ),
        (
            'She drew his ire - he called her "weak" and said she had no support.',
            "she had no support",
        ),
    ]
    for text, content in cases:
        got = [(s.speaker, s.mention, s.text) for s in segment(lead + text)]
        assert got[-1:] == [("Tom Cole", "he", content)], text
        # one statement, except the dash clause's two speech acts ("called her "weak"")
        assert len(got) == (2 if " - " in text else 1), text
    got = [s.text for s in segment(lead + cases[-1][0])]
    assert got == ['her "weak"', "she had no support"]
    assert len(segment(lead + "Having said that, the group moved on.")) == 0


def test_party_tags_groups_named_by_whom_they_serve_and_trailing_reports() -> None:
    text = "Intro.\n\n\u201cThe veto will fall,\u201d Senate Majority Leader Mitch McConnell, R-Ky., said."
    assert _pairs(text) == [("Mitch McConnell", "direct", "The veto will fall")]
    # "advisers to Mr. Obama" are not Obama
    text = "Intro.\n\nBut in recent days, advisers to Mr. Obama say, the president is angry."
    assert len(segment(text)) == 0
    got = segment(text, unit="attribution")
    assert [s.speaker for s in got] == ["advisers to Mr. Obama"]
    text = "Intro.\n\nBonuses were $500 every three months, The Wall Street Journal reports."
    got = segment(text, unit="attribution")
    assert [(s.speaker, s.text) for s in got] == [
        ("Wall Street Journal", "Bonuses were $500 every three months")
    ]
    text = "Intro.\n\nPolitical observers in Virginia and elsewhere say Scott deserves it."
    assert [s.text for s in segment(text, unit="attribution")] == ["Scott deserves it"]


def test_free_relative_what_is_no_subject_phrase() -> None:
    text = "The debate over what Trump says his plan would do has endured."
    assert len(segment(text)) == 0
    assert len(segment(text, unit="attribution")) == 0


def test_trailing_as_clause_and_where_with_a_group() -> None:
    text = "Bill Cole spoke.\n\nThe plan is dead, as he said last week."
    assert _pairs(text) == [("Bill Cole", "indirect", "The plan is dead")]
    text = "Intro.\n\nThe firm filed in Richmond, where bankruptcy experts say judges move fast."
    got = segment(text, unit="attribution")
    assert [(s.speaker, s.text) for s in got] == [("bankruptcy experts", "judges move fast")]


def test_relative_clause_beliefs_in_the_attribution_unit() -> None:
    text = "On the other side, there is Donald J. Trump, who wants to simplify the tax code."
    got = segment(text, unit="attribution")
    assert [(s.speaker, s.mention, s.text) for s in got] == [
        ("Donald J. Trump", "who", "to simplify the tax code")
    ]
    assert len(segment(text)) == 0


def test_joined_subject_in_an_appositive_is_joint() -> None:
    text = "Erdogan, as well as his foreign minister, said the talks would continue."
    assert len(segment(text)) == 0
    text = "Erdogan, along with Mitsotakis, said the talks would continue."
    assert len(segment(text)) == 0


def test_inverted_name_ending_the_sentence_wins_over_a_list_before_it() -> None:
    text = "Mr Putin met Mr Schroeder.\n\nRussia, Germany and France agree on the issue, said Mr Putin."
    assert _pairs(text) == [("Putin", "indirect", "Russia, Germany and France agree on the issue")]
    text = '"He is not qualified," Mr. Guerrero, an actor, said of Mr. Trump.'
    assert [s.speaker for s in segment(text)] == ["Guerrero"]


def test_the_writer_speaks_in_the_attribution_unit() -> None:
    text = "Intro.\n\nI think both parties have failed the voters."
    got = segment(text, unit="attribution")
    assert [(s.speaker, s.mention, s.text) for s in got] == [
        ("author", "I", "both parties have failed the voters")
    ]
    assert len(segment(text)) == 0


def test_one_word_subject_with_a_plural_verb_is_a_group() -> None:
    # "Analysts say": agreement makes the capitalised word a plural noun, not a name, even when
    # the same noun appears in lower case later ("several friends said")
    text = "Analysts say rates will rise. Sanders says rates will fall."
    assert [s.speaker for s in segment(text)] == ["Sanders"]
    broad = segment(text, unit="attribution")
    assert [(s.speaker, s.text) for s in broad] == [
        ("Analysts", "rates will rise"),
        ("Sanders", "rates will fall"),
    ]
    two = "Friends say he is away.\n\nHe travels often, several friends said."
    assert [s.speaker for s in segment(two, unit="attribution")] == ["Friends", "Friends"]


def test_subject_set_apart_by_a_modifier() -> None:
    text = (
        "Current and former officials who spoke with the paper said the party is a shell. "
        "The justice -- who has been in a scuffle with Trump -- said she regretted her remarks."
    )
    got = segment(text, unit="attribution")
    assert [(s.mention, s.text) for s in got] == [
        ("Current and former officials", "the party is a shell"),
        ("The justice", "she regretted her remarks"),
    ]


def test_possessive_subject_and_demonstrative_that() -> None:
    got = segment("Sanders' team said the committee skirts the limits.", unit="attribution")
    assert [(s.mention, s.text) for s in got] == [
        ("Sanders' team", "the committee skirts the limits")
    ]
    got = segment("Trump said that was wrong. Trump said that Ohio was wrong.")
    assert [s.text for s in got] == ["that was wrong", "Ohio was wrong"]


def test_broad_participles_after_a_clause() -> None:
    text = (
        "Ted Cruz spoke in Iowa. Cruz belittled the issue of the loans, calling it an error. "
        "He also staked out new positions, saying he would deploy soldiers."
    )
    broad = [(s.speaker, s.cue, s.text) for s in segment(text, unit="attribution")]
    assert broad == [
        ("Ted Cruz", "calling", "it an error"),
        ("Ted Cruz", "saying", "he would deploy soldiers"),
    ]
    # stancekit's own unit keeps to speech participles
    assert [s.cue for s in segment(text)] == ["saying"]


def test_opening_clause_and_main_clause_both_speak() -> None:
    text = "While Democrats have pushed for new talks, Cornyn told reporters this was the chance."
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert got == [("Democrats", "new talks"), ("Cornyn", "this was the chance")]


def test_as_told_with_quotation_and_later_weekday() -> None:
    text = (
        'Ann Poe works there. As Ann Poe told the Weekly, "She wants to scare us." '
        'Priebus later Thursday told Fox News: "Both men are meeting next week."'
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [
        ("Ann Poe", "She wants to scare us"),
        ("Priebus", "Both men are meeting next week"),
    ]


def test_according_to_unnamed_sources_and_after_a_colon() -> None:
    text = (
        "It has not gone unnoticed: According to recent polls, Trump holds 14 percent. "
        "But according to reports emerging in the media, he could not convince them."
    )
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert got == [
        ("recent polls", "Trump holds 14 percent"),
        ("reports emerging in the media", "he could not convince them"),
    ]


def test_object_of_a_cue_ends_before_the_next_act() -> None:
    text = "Ted Cruz spoke. Cruz praised similar themes and took the stage with Kasich."
    got = [s.text for s in segment(text, unit="attribution")]
    assert got == ["similar themes"]


def test_more_subject_shapes() -> None:
    text = (
        "Al Gore spoke. Nearly half said they prefer someone new. "
        "White House and Pentagon spokesmen said the ban prevented it. "
        "Again, those surveyed said Trump was best. "
        'At a rally Monday, Trump’s GOP rival Sen. Marco Rubio (R-Fla.) said Trump is "unelectable."'
    )
    got = [(s.mention, s.text) for s in segment(text, unit="attribution")]
    assert got == [
        ("Nearly half", "they prefer someone new"),
        ("White House and Pentagon spokesmen", "the ban prevented it"),
        ("those surveyed", "Trump was best"),
        ("Trump’s GOP rival Sen. Marco Rubio", 'Trump is "unelectable."'),
    ]


def test_attribution_inside_a_relative_clause() -> None:
    text = "Prisoners were released, which many analysts said was a sign of better relations."
    got = [(s.mention, s.text) for s in segment(text, unit="attribution")]
    assert got == [("many analysts", "was a sign of better relations")]
    assert len(segment(text)) == 0  # a fragment without its subject: not in the sentence unit


def test_broad_phrasal_cues_make_clear_and_go_on_to_say() -> None:
    text = (
        "Ted Cruz spoke. Cruz made it clear that he would run. He went on to say the race was open."
    )
    got = [(s.cue, s.text) for s in segment(text, unit="attribution")]
    assert got == [("made it clear", "he would run"), ("went on to say", "the race was open")]


def test_manner_adverb_before_the_cue() -> None:
    text = (
        'Trump jokingly said, "I am becoming mainstream." Mr. Bush pointedly rejected the notion.'
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [("Trump", "I am becoming mainstream"), ("Bush", "the notion")]


def test_inserts_adverbs_and_clause_breaks_before_the_subject() -> None:
    text = (
        "Al Gore and Ann Lee spoke. "
        'The two lawmakers, however, argue that "there is precedent." '
        'Recently she announced on her page, in all capital letters, "I am leaving!" '
        "Then she broke party norms, pledging that her father would help. "
        "The economy was bad; most said they were worried. "
        "But those who back her opponents say the attention hurt."
    )
    got = [(s.mention, s.cue, s.text) for s in segment(text, unit="attribution")]
    assert got == [
        ("The two lawmakers", "argue", "there is precedent"),
        ("she", "announced", "I am leaving!"),
        ("she", "pledging", "her father would help"),
        ("most", "said", "they were worried"),
        ("those who back her opponents", "say", "the attention hurt"),
    ]


def test_tweeted_inverted_and_colon_after_adverbial() -> None:
    text = (
        'Al Gore spoke. "We came a long way," tweeted Mike Nellis, who ran the digital team. '
        '"She does not care," wrote one Sanders supporter, tweeting a link. '
        'Carly Fiorina wrote on Facebook: "Money will not make you smart."'
    )
    got = [(s.mention, s.text) for s in segment(text)]
    assert got == [
        ("Mike Nellis", "We came a long way"),
        ("one Sanders supporter", "She does not care"),
        ("Carly Fiorina", "Money will not make you smart"),
    ]


def test_broad_cues_of_acts_that_state_positions() -> None:
    text = (
        "Al Gore spoke. As Gore put it, the race is over. "
        "Gore offered an emotional defense of the city. "
        "The campaign released details of its plan."
    )
    got = [(s.cue, s.text) for s in segment(text, unit="attribution")]
    assert got == [
        ("put it", "the race is over"),
        ("offered", "an emotional defense of the city"),
        ("released", "details of its plan"),
    ]
    assert len(segment(text)) == 0  # acts, not speech: not in stancekit's own unit


def test_reflexive_and_since_before_the_cue() -> None:
    text = "Ted Cruz spoke. Cruz himself said that the way is to ask. Mrs. Clinton has since said she agrees."
    got = [(s.mention, s.text) for s in segment(text)]
    assert got == [("Cruz", "the way is to ask"), ("Mrs. Clinton", "she agrees")]


def test_subjects_in_subordinate_clauses_and_unnamed_nominals() -> None:
    text = (
        "Al Gore spoke in Ohio, while Mike Huckabee, the former governor, said Ryan should resign. "
        'The GOP front-runner complained that the contest was "rigged." '
        "A report released by the Brookings Institution estimated that 46,000 accounts were used."
    )
    got = [(s.mention, s.cue, s.text) for s in segment(text, unit="attribution")]
    assert got == [
        ("Mike Huckabee", "said", "Ryan should resign"),
        ("The GOP front-runner", "complained", 'the contest was "rigged."'),
        ("A report", "estimated", "46,000 accounts were used"),
    ]
    # stancekit's own unit names speakers or leaves the statement out
    assert [s.speaker for s in segment(text)] == ["Mike Huckabee"]


def test_quotation_after_adverbials_following_the_cue() -> None:
    text = (
        "Ted Cruz and Mike Lee spoke. "
        'Mr. Cruz mocked the talk, saying at one point, "The answer is not to yell." '
        'Lee, who declared in the spin room, "It is time to unite," left.'
    )
    got = [(s.speaker, s.text) for s in segment(text, unit="attribution")]
    assert ("Ted Cruz", "The answer is not to yell") in got
    assert ("Mike Lee", "It is time to unite") in got


def test_pronoun_after_a_fronted_phrase_and_relative_clause_with_inner_cue() -> None:
    text = (
        "Ann Lee spoke. At the town hall this week she said it was no error. "
        "Cruz, who says Trump is attacking him, said voters were angry. "
        "The talks ended with help from Thomas Perez, who said he expects a deal."
    )
    got = [(s.mention, s.text) for s in segment(text, unit="attribution")]
    assert got == [
        ("she", "it was no error"),
        ("who", "Trump is attacking him"),
        ("Cruz", "voters were angry"),
        ("who", "he expects a deal"),
    ]


def test_promises_without_to_or_that_in_the_attribution_unit() -> None:
    text = "Ann Lee spoke. Clinton promised a country of new opportunities."
    got = [(s.cue, s.text) for s in segment(text, unit="attribution")]
    assert got == [("promised", "a country of new opportunities")]
    assert len(segment(text)) == 0


def test_quotation_after_a_fronted_clause_is_the_content() -> None:
    text = (
        "Soon after the mayor was booed at a breakfast, Canova wrote to his 20,000 "
        "followers, “It’s time to end her career for good.”"
    )
    assert _pairs(text) == [("Canova", "direct", "It’s time to end her career for good")]
    # without a quotation after the cue the clause before it is the content
    got = _pairs("Soon the plan will be dead, Smith wrote on Twitter.")
    assert got == [("Smith", "indirect", "Soon the plan will be dead")]


def test_readout_stance_objects_and_manner_phrases() -> None:
    got = _pairs("Mr Putin confirmed Russia’s readiness to ratify the Kyoto Protocol.")
    assert got == [("Putin", "indirect", "Russia’s readiness to ratify the Kyoto Protocol")]
    # "confirmed" without a stance or "that" stays an event
    assert _pairs("Police confirmed the death of a man.") == []
    got = _pairs("The Armenian delegation in its turn noted with approval Russia’s role.")
    assert got == [("Armenian delegation", "indirect", "Russia’s role")]
    got = _pairs("Mr Kowalski spoke in favour of joint infrastructure projects.")
    assert got == [("Kowalski", "indirect", "joint infrastructure projects")]
    got = _pairs("Mr Kowalski conveyed his gratitude for the rescue.")
    assert got == [("Kowalski", "indirect", "his gratitude for the rescue")]
    got = _pairs(
        "For his part, Mr Rakhmonov subscribed to the assessments and called for closer "
        "military cooperation."
    )
    assert got == [("Rakhmonov", "indirect", "closer military cooperation")]


def test_counterpart_gives_a_country_and_frees_the_host_for_a_demonym() -> None:
    text = (
        "President Vladimir Putin met his Bulgarian counterpart Georgi Parvanov. Mr Parvanov "
        "said ties would grow. According to the Russian leader, Russia will ship more gas."
    )
    got = [(s.speaker, s.role, s.country) for s in segment(text)]
    assert got == [("Georgi Parvanov", None, "Bulgaria"), ("Vladimir Putin", "President", "Russia")]


def test_names_that_open_with_lower_case_particles() -> None:
    text = (
        "Commission President Ursula von der Leyen met Scholz. Speaking to reporters, "
        "von der Leyen said Europe must act. The talks went on, and de Mistura said they "
        "would resume."
    )
    got = [(s.speaker, s.mention, s.text) for s in segment(text)]
    assert got == [
        ("Ursula von der Leyen", "von der Leyen", "Europe must act"),
        ("de Mistura", "de Mistura", "they would resume"),
    ]


def test_an_aside_between_the_cue_and_that() -> None:
    got = _pairs(
        "The Interfax news agency reported, citing a source in the defence ministry, that "
        "two warships had been sent."
    )
    assert got == [("Interfax news agency", "indirect", "two warships had been sent")]
    got = _pairs("Peskov told reporters on Monday, speaking by phone, that talks would go on.")
    assert got == [("Peskov", "indirect", "talks would go on")]


def test_speech_acts_of_objects_in_relative_clauses() -> None:
    got = _pairs("Li met Kazakh President Kassym-Jomart Tokayev, who praised the progress in ties.")
    assert got == [("Kassym-Jomart Tokayev", "indirect", "the progress in ties")]


def test_a_second_clause_with_its_own_subject_and_described_organisations() -> None:
    got = _pairs(
        "Rahul Gandhi said he would raise the issue, while his party colleague Jairam Ramesh "
        "accused the government of mismanagement."
    )
    assert got == [
        ("Rahul Gandhi", "indirect", "he would raise the issue"),
        ("Jairam Ramesh", "indirect", "the government of mismanagement"),
    ]
    assert _pairs("Industry body CII welcomed the budget.") == [("CII", "indirect", "the budget")]
    assert _pairs("Think tank Bruegel said the plan was costly.") == [
        ("Bruegel", "indirect", "the plan was costly")
    ]
    assert _pairs("Carmaker Toyota said sales would rise.") == [
        ("Toyota", "indirect", "sales would rise")
    ]


def test_statements_from_possessive_subjects_documents_and_posts() -> None:
    got = _pairs("NetChoice won. Its president, Chris Marchese, said that the court was right.")
    assert got == [("Chris Marchese", "indirect", "the court was right")]
    got = _pairs("A statement from Attorney General Ken Paxton said the state would appeal.")
    assert got == [("Ken Paxton", "indirect", "the state would appeal")]
    got = _pairs("The ministry said talks went well. Its spokesman added that more were planned.")
    assert got == [
        ("ministry", "indirect", "talks went well"),
        ("ministry", "indirect", "more were planned"),
    ]
    got = _pairs('Mr Medvedev posted on Telegram: "The West will regret this."')
    assert got == [("Medvedev", "direct", "The West will regret this")]
    # a statement posted somewhere is not the act of posting
    got = _pairs("The ministry said in a statement posted on its website that visas last a month.")
    assert got == [("ministry", "indirect", "visas last a month")]


def test_subjects_after_a_dash_insert_and_conjoined_cues_after_then() -> None:
    text = (
        "Inside the mosque - which looks like a church - Adel Nefzi said the men were "
        "collecting money."
    )
    assert _pairs(text) == [("Adel Nefzi", "indirect", "the men were collecting money")]
    text = "John Kasich spoke. He offered the man a job, then said he would welcome advice."
    assert _pairs(text) == [("John Kasich", "indirect", "he would welcome advice")]
    text = "Bernie Sanders spoke. He went on to say that some Democrats are angry."
    assert _pairs(text) == [("Bernie Sanders", "indirect", "some Democrats are angry")]


def test_unnamed_and_described_speakers() -> None:
    got = _pairs('"It is his to lose," added another New Hampshire Democrat.')
    assert got == [("anonymous", "direct", "It is his to lose")]
    got = _pairs(
        "Paul Ryan said the bill was fine. The Wisconsin Republican says in a statement that "
        "courts will decide."
    )
    assert got == [
        ("Paul Ryan", "indirect", "the bill was fine"),
        ("Paul Ryan", "indirect", "courts will decide"),
    ]
    got = _pairs("A spokesperson for the Parks and Recreation Department said the lead was clear.")
    assert got == [("Parks and Recreation Department", "indirect", "the lead was clear")]
    # a coordination is still two speakers, nobody's statement alone
    assert _pairs("Advisers for Obama and Biden said the plan was dead.") == []


def test_acronyms_named_organisations_and_plural_owners() -> None:
    text = (
        "WHO Director-General Tedros Adhanom Ghebreyesus told reporters that funds were short. "
        "Cholera can kill within hours, according to the WHO."
    )
    assert _pairs(text) == [
        ("Tedros Adhanom Ghebreyesus", "indirect", "funds were short"),
        ("WHO", "indirect", "Cholera can kill within hours"),
    ]
    got = _pairs('Save the Children, the aid group, called the response "too slow".')
    assert got == [("Save the Children", "mixed", 'the response "too slow"')]
    # the governments of two countries speak jointly: nobody's statement alone
    assert _pairs("The governments of Chad and Niger said they would open centres.") == []
    got = _pairs('Asked about funding, Tedros said only: "We are grateful."')
    assert got == [("Tedros", "direct", "We are grateful")]
    assert [s.country for s in segment("The US said the talks were useful.")] == ["United States"]


def test_single_quotation_marks_possessive_plurals_and_dotted_countries() -> None:
    for quote in ("'Talks will continue,'", "‘Talks will continue,’"):
        got = _pairs(f"Ryosei Akazawa said Tokyo would wait. {quote} he said.")
        assert got[-1] == ("Ryosei Akazawa", "direct", "Talks will continue")
    got = _pairs("The students' union said the fees were too high.")
    assert got == [("students' union", "indirect", "the fees were too high")]
    got = segment("U.S. Trade Representative Jamieson Greer said tariffs were overdue.")
    assert [(s.speaker, s.role, s.country) for s in got] == [
        ("Jamieson Greer", "Trade Representative", "United States")
    ]


def test_an_object_ends_before_a_clause_of_another_subject() -> None:
    got = _pairs(
        "Pham Minh Chinh spoke. Anwar invited Chinh to attend the summit next year, and Chinh "
        "accepted the invitation."
    )
    assert got == [("Anwar", "indirect", "Chinh to attend the summit next year")]


def test_a_second_cue_after_but_without_a_comma() -> None:
    got = _pairs(
        "Analyst Churchill Ogutu said the cut was expected but warned that inflation could rise."
    )
    assert got == [
        ("Churchill Ogutu", "indirect", "the cut was expected"),
        ("Churchill Ogutu", "indirect", "inflation could rise"),
    ]


def test_unnamed_officials_and_party_chiefs() -> None:
    got = _pairs("According to Ukrainian officials, at least 12 people were killed.")
    assert got == [("anonymous", "indirect", "at least 12 people were killed")]
    got = _pairs(
        "Opposition leader Friedrich Merz accused the government of hesitation. "
        '"We are losing time," the CDU chief told the Bild newspaper.'
    )
    assert got[1:] == [("Friedrich Merz", "direct", "We are losing time")]


def test_warned_of_and_against() -> None:
    got = _pairs("Putin warned against over-dramatising the fact that approaches differ.")
    assert got == [("Putin", "indirect", "over-dramatising the fact that approaches differ")]
    got = _pairs("Samsung Electronics warned of weak demand for memory chips.")
    assert got == [("Samsung Electronics", "indirect", "weak demand for memory chips")]


def test_readout_shapes_after_inverted_cues_and_fronted_phrases() -> None:
    got = _pairs(
        "Contacts have been developing intensively, said President Vladimir Putin at talks."
    )
    assert got == [("Vladimir Putin", "indirect", "Contacts have been developing intensively")]
    got = _pairs("In this connection the Russian Federation welcomed a direct dialogue.")
    assert got == [("Russian Federation", "indirect", "a direct dialogue")]
    got = _pairs("Vladimir Putin met Kim. President Putin spoke highly of Kim’s contribution.")
    assert got == [("Vladimir Putin", "indirect", "Kim’s contribution")]
    got = _pairs("Vladimir Putin spoke. He confirmed the Russian leadership’s readiness to talk.")
    assert got == [("Vladimir Putin", "indirect", "the Russian leadership’s readiness to talk")]
    text = (
        "President Vladimir Putin met Pope John Paul II. Vladimir Putin assured the Pope that "
        "efforts continued. During the talk the Russian leader told the Pope that a visit was "
        "planned. The Russian Orthodox Church was mentioned."
    )
    assert [s.speaker for s in segment(text)] == ["Vladimir Putin", "Vladimir Putin"]


def test_an_unnamed_spokesperson_speaks_for_the_office() -> None:
    got = _pairs(
        "A Downing Street spokesperson said the prime minister had called Trump. The "
        "spokesperson said the talks went well."
    )
    assert got == [
        ("Downing Street", "indirect", "the prime minister had called Trump"),
        ("Downing Street", "indirect", "the talks went well"),
    ]


def test_lower_case_role_words_after_a_capitalised_modifier() -> None:
    got = segment("Conservative leader Kemi Badenoch said she supported the plan.")
    assert [(s.speaker, s.role) for s in got] == [("Kemi Badenoch", "Conservative leader")]


def test_but_without_a_comma_joins_only_speech_acts() -> None:
    text = "Whitaker said residents were not opposed to housing but wanted assurance."
    got = [s.text for s in segment(text, unit="attribution")]
    assert got == ["residents were not opposed to housing but wanted assurance"]


def test_a_surname_after_a_particle_prefix_names_the_person() -> None:
    text = (
        "Speaking with Egyptian President Abdel Fattah al-Sisi, Erdogan said talks went well. "
        "Sisi stressed that Egypt rejected any displacement."
    )
    assert [s.speaker for s in segment(text)] == ["Erdogan", "Abdel Fattah al-Sisi"]
    arts = [
        Article(id="a", text="Egyptian President Abdel Fattah al-Sisi said ties were good."),
        Article(id="b", text="Sisi said the talks were candid."),
    ]
    assert [s.speaker for s in segment(arts)] == ["Abdel Fattah al-Sisi"] * 2


def test_with_a_subject_saying() -> None:
    got = _pairs(
        "The Fed held rates steady, with Chair Jerome Powell saying the bank needed more "
        "confidence."
    )
    assert got == [("Jerome Powell", "indirect", "the bank needed more confidence")]


def test_a_posted_statement_and_a_regarding_phrase_are_not_subjects() -> None:
    text = (
        "Visas are free until next year, the ministry said in a statement posted on its "
        "website. Regarding the issues of trade, also discussed at the talks, Mr Putin said "
        "that the problems were complicated."
    )
    got = [(s.speaker, s.cue) for s in segment(text, unit="attribution")]
    assert got == [("ministry", "said"), ("Putin", "said")]


def test_a_country_that_is_a_first_name() -> None:
    got = segment("Jordan Bardella, the party's president, said he would judge Bayrou.")
    assert [(s.speaker, s.country) for s in got] == [("Jordan Bardella", None)]
    got = segment("Russia's Putin said the talks were useful.")
    assert [(s.speaker, s.country) for s in got] == [("Putin", "Russia")]


def test_joined_attributions_keep_their_pieces() -> None:
    text = 'Intro.\n\n"We will win," Smith said. "Nobody can stop us."'
    (st,) = segment(text, unit="attribution")
    assert text[st.start : st.end] == st.text
    assert [text[a:b] for a, b in st.spans] == ["We will win", "Nobody can stop us"]
    # the sentence unit has one piece per statement
    assert all(s.spans == () for s in segment(text))


def test_participles_after_long_fronted_phrases_adverbs_and_documents() -> None:
    text = (
        "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her "
        "statement, saying that the United States should lead."
    )
    assert _pairs(text) == [("Clinton", "indirect", "the United States should lead")]
    text = "Hillary Clinton sternly reprimanded Mr. Trump, saying that he had shown disrespect."
    assert _pairs(text) == [("Hillary Clinton", "indirect", "he had shown disrespect")]
    text = "The Cruz campaign sent an email Wednesday saying that the race had two men in it."
    assert _pairs(text) == [("Cruz campaign", "indirect", "the race had two men in it")]
    text = "Paul Ryan made the case that taxes must fall."
    assert [s.text for s in segment(text, unit="attribution")] == ["taxes must fall"]


def test_a_described_name_and_spaced_hyphen_appositives() -> None:
    text = (
        "The Washington Post columnist Ruth Marcus has been critical of Mr. Trump but on "
        "Tuesday wrote that she agreed with him."
    )
    assert _pairs(text) == [("Ruth Marcus", "indirect", "she agreed with him")]
    text = (
        "Deborah Jordan Reynolds - Santilli's girlfriend and co-host - told The Washington "
        "Post that Santilli was a journalist."
    )
    assert _pairs(text) == [("Deborah Jordan Reynolds", "indirect", "Santilli was a journalist")]
    # a verb before a name is no description ("accepted Mr Schroeder's invitation")
    text = "Mr Putin accepted Mr Schroeder’s invitation and proposed to hold a culture year."
    assert [s.speaker for s in segment(text)] == ["Putin"]


def test_continued_with_a_quotation() -> None:
    text = 'John Smith spoke. "Honestly," he continued, "we may be on the brink."'
    assert _pairs(text) == [
        ("John Smith", "direct", "Honestly"),
        ("John Smith", "direct", "we may be on the brink"),
    ]
    assert _pairs('John Smith spoke. He continued, "I have never seen it."') == [
        ("John Smith", "direct", "I have never seen it")
    ]
    # without a quotation or "that", "continued" is no speech
    assert _pairs("Jane Smith spoke. She continued her campaign in Iowa.") == []


def test_a_quantifier_after_the_cue_is_content() -> None:
    text = "On Friday, as the parade rolled by, Officer Lee said at least six planes flew over."
    assert _pairs(text) == [("Lee", "indirect", "at least six planes flew over")]


def test_bare_plural_cues_after_quantifier_pronouns_in_the_attribution_unit() -> None:
    got = [s.text for s in segment("Most believe that the economy grew.", unit="attribution")]
    assert got == ["the economy grew"]


def test_unnamed_people_are_anonymous() -> None:
    got = _pairs('"We are shocked," one Amiens employee told French television.')
    assert got == [("anonymous", "direct", "We are shocked")]
    got = _pairs('"It is loud," said one longtime resident.')
    assert got == [("anonymous", "direct", "It is loud")]


def test_a_described_subject_lends_its_role_and_country_to_the_name() -> None:
    got = segment("Mexico's economy minister, Marcelo Ebrard, said talks would begin.")
    assert [(s.speaker, s.role, s.country) for s in got] == [
        ("Marcelo Ebrard", "Economy minister", "Mexico")
    ]


def test_titles_with_for_and_roles_posted_somewhere() -> None:
    got = segment(
        "Federal Minister for Planning Ahsan Iqbal told the meeting that damage was vast."
    )
    assert [(s.speaker, s.role) for s in got] == [("Ahsan Iqbal", "Federal Minister")]
    text = (
        "Meanwhile, the UN resident coordinator in Pakistan, Mohamed Yahya, said an appeal "
        'would follow. "The scale is beyond any one country," he said.'
    )
    got = segment(text)
    assert [(s.speaker, s.role, s.country) for s in got] == [
        ("Mohamed Yahya", "UN resident coordinator", None)
    ] * 2


def test_a_briefing_ends_before_another_subjects_clause() -> None:
    text = (
        "William Ruto met Abiy Ahmed. Ruto briefed his guest on the mission in Haiti, while "
        "Abiy updated Ruto on Tigray."
    )
    assert _pairs(text) == [("William Ruto", "indirect", "his guest on the mission in Haiti")]
    # a clause cue keeps its whole complement ("noted that A, and Russia took B")
    text = "Mr Putin noted that many had settled in Israel, and Russia took an interest in them."
    assert _pairs(text)[0][2] == "many had settled in Israel, and Russia took an interest in them"


def test_a_pronoun_after_a_sentence_that_a_person_opens_is_that_person() -> None:
    text = (
        "Mr. Guterres said the system was collapsing. The UN relief chief, Martin Griffiths, "
        "echoed the warning. Speaking in Geneva, he said convoys had been blocked."
    )
    assert [s.speaker for s in segment(text)] == ["Guterres", "Martin Griffiths"]
    text = (
        "Ms. Reeves said taxes would rise. Jeremy Hunt was in Leeds on Monday. "
        '"That promise is broken," he said.'
    )
    assert [s.speaker for s in segment(text)] == ["Reeves", "Jeremy Hunt"]


def test_a_pronoun_skips_openers_that_are_no_person() -> None:
    # no person opens the quiet sentences: the last speaker keeps the pronoun
    for middle in (
        "Had Sanders won Iowa, the race would differ.",
        "The Patriot Act was renewed.",
        "Mr. Lee and Mr. Park left early.",
        "Sharon Lee's column ran on Sunday.",
    ):
        text = f"Tom Baker said the vote was close. {middle} He said turnout was high."
        assert [s.speaker for s in segment(text)] == ["Tom Baker"] * 2, middle
    # a woman named in between does not take "he"
    text = "Tom Baker said the vote was close. Mrs. Jane Ross voted early. He said it was fair."
    assert [s.speaker for s in segment(text)] == ["Tom Baker"] * 2


def test_according_to_a_name_with_its_acronym() -> None:
    text = "According to the World Health Organization (WHO), nine hospitals still work."
    assert _pairs(text) == [("World Health Organization", "indirect", "nine hospitals still work")]


def test_one_word_labels_inside_a_transcript() -> None:
    text = (
        "CCTV: What is China's response?\n\n"
        "Mao Ning: Unilateral tariffs hurt both sides.\n\n"
        "Reuters: Will the minister attend?\n\n"
        "Mao Ning: We will release information in due course."
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got[2] == ("Reuters", "Will the minister attend?")
    assert [g[0] for g in got] == ["CCTV", "Mao Ning", "Reuters", "Mao Ning"]
    # outside a transcript a word and a colon are no speaker
    assert segment("Update: Officials said the road was closed.")[0].speaker == "anonymous"


def test_a_described_subject_before_an_appositive_name() -> None:
    text = "The shadow chancellor, Jeremy Hunt, accused Labour of breaking its promises."
    assert _pairs(text) == [("Jeremy Hunt", "indirect", "Labour of breaking its promises")]


def test_allies_of_a_person_are_not_that_person() -> None:
    assert _pairs("Allies of Reeves said she was determined to act.") == []
    assert [
        s.speaker for s in segment("Allies of Reeves said she would act.", unit="attribution")
    ] == ["Allies of Reeves"]


def test_a_linked_participle_is_a_second_statement() -> None:
    text = "Tom Lee said the talks went well, while stressing the need for patience."
    assert _pairs(text) == [
        ("Tom Lee", "indirect", "the talks went well"),
        ("Tom Lee", "indirect", "the need for patience"),
    ]


def test_malaysian_honorifics_are_not_part_of_the_name() -> None:
    got = segment("Prime Minister Datuk Seri Anwar Ibrahim said the talks went well.")
    assert [(s.speaker, s.role) for s in got] == [("Anwar Ibrahim", "Prime Minister")]
    assert segment("Tan Chee Kong said prices would rise.")[0].speaker == "Tan Chee Kong"


def test_a_surname_opening_a_sentence_and_a_second_pronoun() -> None:
    text = (
        "Jaishankar said talks were close, with EU trade chief Maros Sefcovic at his side. "
        "Sefcovic, who arrived on Monday, struck a similar note. A deal was near, he said, "
        "though he cautioned that farming remained sensitive."
    )
    assert [s.speaker for s in segment(text)] == ["Jaishankar", "Maros Sefcovic", "Maros Sefcovic"]
    # two people in the quiet sentence, or one it cannot read: no guess from it
    text = (
        "Ann Lee said the vote was close. Jim Ross held a rally while Tom Baker hosted a "
        'dinner. "It went well," he said.'
    )
    assert segment(text)[1].speaker != "Jim Ross"
    text = "Ann Lee said the vote was close. But Ross isn't sure. He said it was early."
    assert segment(text)[1].speaker != "Ross"


def test_the_head_of_a_named_body_is_not_anyone_of_the_article() -> None:
    text = (
        "The head of the World Trade Organization on Monday warned that trade could shrink. "
        "Officials met U.S. Trade Representative Jamieson Greer last week."
    )
    assert [s.speaker for s in segment(text)] == ["head of the World Trade Organization"]


def test_the_chinese_surname_he_is_no_pronoun() -> None:
    text = "A spokesman for the Commerce Ministry, He Yadong, said talks remained possible."
    assert [s.speaker for s in segment(text)] == ["He Yadong"]
    got = segment("Chinese Vice Premier He Lifeng said growth would hold.")
    assert [(s.speaker, s.country) for s in got] == [("He Lifeng", "China")]


def test_a_participial_opener_before_the_subject() -> None:
    text = (
        "Asked about countermeasures, Tom Lee declined to give details, saying only that all "
        "options were on the table."
    )
    assert _pairs(text) == [("Tom Lee", "indirect", "all options were on the table")]


def test_a_country_in_an_organisations_name_stays() -> None:
    got = segment("The Reserve Bank of India said inflation would ease.")
    assert [(s.speaker, s.country) for s in got] == [("Reserve Bank of India", "India")]


def test_a_spokesperson_speaks_for_the_possessor() -> None:
    text = "Tom Lee spoke on Monday. His spokesperson said the party remained committed."
    assert [s.speaker for s in segment(text)] == ["Tom Lee"]
    text = "Peter Dutton spoke. Dutton's spokesperson said the party remained committed."
    assert [s.speaker for s in segment(text)] == ["Peter Dutton"]
    assert [s.speaker for s in segment("The Kremlin's spokesman said talks would go on.")] == [
        "Kremlin"
    ]


def test_a_description_then_a_relative_clause_before_the_cue() -> None:
    text = (
        "Sarah Jones, director of the charity Justice First, which brought the case, said "
        'outside the court: "The court has spoken."'
    )
    assert _pairs(text) == [("Sarah Jones", "direct", "The court has spoken")]


def test_an_unnamed_spokesperson_after_an_organisation_speaks_for_it() -> None:
    text = (
        "The Home Office said it was disappointed. A spokesperson added that the government "
        "remained committed to the policy."
    )
    assert [s.speaker for s in segment(text)] == ["Home Office", "Home Office"]


def test_another_subjects_clause_after_a_closing_quotation_mark() -> None:
    text = 'Starmer said the deal was "a real step forward," while Merz called for reform.'
    assert [(s.speaker, s.cue) for s in segment(text)] == [
        ("Starmer", "said"),
        ("Merz", "called for"),
    ]


def test_labels_of_small_states_and_a_place_after_the_name() -> None:
    text = (
        "Ruling Prince of Monaco Albert II (retranslated): Thank you.\n\n"
        "Crown Prince Mohammed Al Nahyan of Abu Dhabi (retranslated): I am glad to be here.\n\n"
        "President of Macedonia Gjorge Ivanov (retranslated): It is an honour."
    )
    got = [(s.speaker, s.country) for s in segment(text)]
    assert got == [
        ("Albert II", "Monaco"),
        ("Mohammed Al Nahyan", None),
        ("Gjorge Ivanov", "North Macedonia"),
    ]


def test_joint_subjects_and_documents_of_both_sides() -> None:
    text = (
        "The Russian President and the Malaysian Prime Minister reached consensus and said "
        "terrorism must be eradicated."
    )
    assert _pairs(text) == []
    text = "The joint statement resulting from the talks in Berlin notes that energy matters."
    assert _pairs(text) == []
    text = (
        "The Joint Statement emphasizes that both adhere to the treaty. The Statement noted "
        "progress in energy."
    )
    assert _pairs(text) == []


def test_a_country_keeps_its_name_across_articles() -> None:
    arts = [
        Article("a", "The Bank of Russia said rates would hold."),
        Article("b", "Russia reaffirmed its position on the conflict."),
    ]
    assert "Russia" in segment(arts).speakers


def test_a_role_nominal_names_a_person_already_named_with_that_office() -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan hosted Hungarian Prime Minister Viktor Orban. "
        "The Turkish leader said trade would grow. "
        '"Without Turkey, Europe would face a crisis," the Hungarian premier said. '
        "Turkish Foreign Minister Hakan Fidan signed a memorandum."
    )
    assert [s.speaker for s in segment(text)] == ["Recep Tayyip Erdogan", "Viktor Orban"]


def test_first_person_possessive_subjects_are_the_writer() -> None:
    text = "My delegation believes that reform is overdue. Our Government supports the plan."
    assert _pairs(text) == []
    got = segment("My delegation believes that reform is overdue.", unit="attribution")
    assert [s.speaker for s in got] == ["author"]


def test_one_name_per_country_and_regions_out_of_names() -> None:
    got = segment("President of the United States of America Donald Trump said talks went well.")
    assert [(s.speaker, s.country) for s in got] == [("Donald Trump", "United States")]
    text = (
        "Vladimir Putin spoke with President of the United Arab Emirates Mohammed bin Zayed Al "
        "Nahyan. The President of the UAE expressed gratitude for the help."
    )
    assert [s.speaker for s in segment(text)] == ["Mohammed bin Zayed Al Nahyan"]
    got = segment("Governor of the Kaluga Region Vladislav Shapsha said output grew.")
    assert [(s.speaker, s.role) for s in got] == [("Vladislav Shapsha", "Governor")]


def test_an_organisation_before_a_title_and_name() -> None:
    got = segment("World Bank President Ajay Banga said growth would slow.")
    assert [s.speaker for s in got] == ["Ajay Banga"]
    got = segment("Bank of England Governor Andrew Bailey said rates would hold.")
    assert [s.speaker for s in got] == ["Andrew Bailey"]


def test_the_president_is_not_the_last_speaker_of_another_office() -> None:
    text = (
        "Vladimir Putin met with Governor of the Kaluga Region Vladislav Shapsha. Vladislav "
        "Shapsha noted that output had grown. The President asked about healthcare."
    )
    assert [s.speaker for s in segment(text)] == ["Vladislav Shapsha", "Vladimir Putin"]


def test_indian_titles_and_honorifics() -> None:
    text = (
        "Prime Minister Shri Narendra Modi held a call with President Macron. PM Modi "
        "congratulated him on the summit."
    )
    assert [(s.speaker, s.role) for s in segment(text)] == [("Narendra Modi", "Prime Minister")]


def test_which_said_after_an_organisation() -> None:
    text = "The plan drew criticism from the Foreign Ministry, which said it was unlawful."
    assert [(s.speaker, s.mention, s.text) for s in segment(text)] == [
        ("Foreign Ministry", "which", "it was unlawful")
    ]
    # a document or a thing "which says" is no speaker
    assert _pairs("The law, which says that taxes must rise, passed.") == []


def test_a_gerund_subject_is_no_fronted_phrase() -> None:
    text = "Fighting raged despite a truce, witnesses told AFP."
    assert _pairs(text) == [("anonymous", "indirect", "Fighting raged despite a truce")]
    text = "Speaking in Moscow, Tom Lee said prices would rise."
    assert _pairs(text) == [("Tom Lee", "indirect", "prices would rise")]


def test_an_object_then_the_content_with_its_own_article() -> None:
    text = "Volker Perthes told the Security Council the warring generals had agreed to talks."
    assert _pairs(text) == [
        ("Volker Perthes", "indirect", "the warring generals had agreed to talks")
    ]


def test_a_document_speaks_for_its_sender() -> None:
    text = (
        "The Foreign Ministry issued a statement on Monday. The statement said the talks had "
        "been useful."
    )
    assert [s.speaker for s in segment(text)] == ["Foreign Ministry"]
    text = (
        "Vladimir Putin sent a message of condolences to President Tokayev. The message said, "
        'in part: "We share your grief."'
    )
    assert _pairs(text) == [("Vladimir Putin", "direct", "We share your grief")]


def test_each_side_is_a_joint_subject() -> None:
    assert _pairs("Each side blamed the other for the collapse of the talks.") == []


def test_family_names_written_first_and_a_country_after_a_titled_name() -> None:
    text = "Xi Jinping met Kim Jong Un. Kim said the two countries were brothers."
    assert [s.speaker for s in segment(text)] == ["Kim Jong Un"]
    # a capitalised run that is no name does not lend its first word a fuller name
    text = "Ford Motor cut jobs last year. Ford said demand was weak."
    assert [s.speaker for s in segment(text)] == ["Ford"]
    text = (
        "Prime Minister Narendra Modi spoke with Prime Minister Shigeru Ishiba of Japan. "
        "The Japanese prime minister expressed condolences."
    )
    assert [(s.speaker, s.country) for s in segment(text)] == [("Shigeru Ishiba", "Japan")]


def test_a_vietnamese_family_name_spelled_like_a_word_and_a_leader_named_later() -> None:
    text = (
        "General Secretary To Lam received Lao Prime Minister Sonexay Siphandone. To Lam "
        "affirmed that ties were special. The Vietnamese leader suggested faster trade. Also "
        "on March 3, Prime Minister Pham Minh Chinh held talks with his Lao counterpart."
    )
    assert [s.speaker for s in segment(text)] == ["To Lam", "To Lam"]


def test_a_lead_may_name_its_speaker_in_the_next_paragraph() -> None:
    text = (
        "Australia's prime minister on Friday rejected calls for an inquiry.\n\n"
        '"It is not necessary," Australian Prime Minister Anthony Albanese told reporters.'
    )
    assert [s.speaker for s in segment(text)] == ["Anthony Albanese"] * 2
