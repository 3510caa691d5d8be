from __future__ import annotations

from stancekit import Article
from stancekit.segment import segment

TRANSCRIPT = """Vladimir Putin met with President of Pakistan Asif Ali Zardari.

The presidents pointed out that ties are developing. Both leaders focused on trade.

* * *

President of Russia Vladimir Putin: Mr President, welcome to Moscow.

President of Pakistan Asif Ali Zardari (translated from Russian): Thank you. It is a pleasure to be here.

We value our partnership.

Vladimir Putin: Let us begin.

<…>"""


def test_turns_labels_continuation_and_joint_subjects() -> None:
    art = Article("t1", TRANSCRIPT)
    t = segment([art])
    got = [(s.speaker, s.cue, s.text) for s in t]
    assert got == [
        ("Vladimir Putin", "turn", "Mr President, welcome to Moscow."),
        ("Asif Ali Zardari", "turn", "Thank you. It is a pleasure to be here."),
        ("Asif Ali Zardari", "turn", "We value our partnership."),
        ("Vladimir Putin", "turn", "Let us begin."),
    ]
    zardari = t.by_speaker("Asif Ali Zardari")[0]
    assert (zardari.role, zardari.country, zardari.kind) == ("President", "Pakistan", "direct")
    assert TRANSCRIPT[zardari.mention_start : zardari.mention_end].startswith(
        "President of Pakistan"
    )


def test_subheadings_with_colons_are_not_turns() -> None:
    text = (
        "The council met on Monday.\n\n"
        "Veto Power Impedes Peace Efforts: Atrocities continue as members support the army.\n\n"
        "The Gap Goes On: Funding fell again this year.\n\n"
        "Smith says the rules are outdated."
    )
    assert [(s.speaker, s.cue) for s in segment(text)] == [("Smith", "says")]


def test_plain_name_labels_named_elsewhere_are_turns() -> None:
    text = (
        "Prime Minister Askar Mamin joined the talks.\n\n"
        "President of Kazakhstan Nursultan Nazarbayev: Shall we start?\n\n"
        "Askar Mamin: Of course."
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [("Nursultan Nazarbayev", "Shall we start?"), ("Askar Mamin", "Of course.")]


def test_long_titles_prefixed_names_and_single_speaker_pages() -> None:
    text = (
        "Vladimir Putin met with the Premier of China.\n\n"
        "President of Russia Vladimir Putin: Welcome to Moscow.\n\n"
        "Trade is growing.\n\n"
        "Premier of the State Council of the People\u2019s Republic of China Li Keqiang "
        "(retranslated): Thank you.\n\n"
        "President of Egypt Abdel Fattah el-Sisi (retranslated): Good afternoon."
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [
        ("Vladimir Putin", "Welcome to Moscow."),
        ("Vladimir Putin", "Trade is growing."),
        ("Li Keqiang", "Thank you."),
        ("Abdel Fattah el-Sisi", "Good afternoon."),
    ]
    one = "Putin met Erdogan.\n\nPresident of Russia Vladimir Putin: Mr President!\n\nWelcome."
    assert [s.text for s in segment(one)] == ["Mr President!", "Welcome."]


def test_translation_note_after_the_colon() -> None:
    text = (
        "President of Russia Vladimir Putin: Welcome.\n\n"
        "Federal Chancellor of Germany Angela Merkel: (retranslated): Thank you so much."
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [("Vladimir Putin", "Welcome."), ("Angela Merkel", "Thank you so much.")]


def test_headings_starting_with_the_are_not_labels() -> None:
    text = "THE WEEK: $43 million in subsidies were approved.\n\nTHE WEEK: Another item."
    assert [s.cue for s in segment(text)] == []


def test_separator_ends_the_turn_anywhere_in_the_text() -> None:
    from stancekit.segment import segment

    text = (
        "Vladimir Putin met Emmanuel Macron.\n\n"
        "President of Russia Vladimir Putin: Good afternoon, Mr President.\n\n"
        "We are glad to see you.\n\n"
        "* * *\n\n"
        "The talks continued in an expanded format.\n\n"
        "President of France Emmanuel Macron: Thank you."
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [
        ("Vladimir Putin", "Good afternoon, Mr President."),
        ("Vladimir Putin", "We are glad to see you."),
        ("Emmanuel Macron", "Thank you."),
    ]


def test_headlines_with_a_colon_are_not_turn_labels() -> None:
    from stancekit import Article
    from stancekit.segment import segment

    text = (
        "CNN President On Trump: 'We Do Not Pay Candidates.'\n\n"
        "CNN President Jeff Zucker is not kowtowing to Donald Trump.\n\n"
        '"We do not pay candidates to appear at debates," Zucker said.'
    )
    got = [(s.speaker, s.cue) for s in segment(text)]
    assert got == [("Jeff Zucker", "said")]
    text = "OK Gov Fallin: Trump Is Trying.\n\nThe governor spoke on CNN on Sunday."
    art = Article("a", text, title="OK Gov Fallin: Trump Is Trying.")
    assert len(segment([art])) == 0


def test_subheading_that_names_its_subject_in_the_third_person_is_not_a_turn() -> None:
    text = (
        "Three ideas deserve another look.\n\n"
        "Bernie Sanders: Credit scores On his website, Senator Bernie Sanders calls for reform.\n\n"
        "Marco Rubio: Retirement Two years ago, Senator Marco Rubio proposed a plan.\n\n"
        "Mr. Birdthistle suggested that the government might build a parallel program."
    )
    got = [(s.speaker, s.cue) for s in segment(text)]
    assert ("Bernie Sanders", "turn") not in got and ("Marco Rubio", "turn") not in got
    assert ("Birdthistle", "suggested") in got


def test_a_list_of_names_after_a_label_is_not_a_turn() -> None:
    text = (
        "The insiders are listed below.\n\n"
        "South Carolina: Andrew Collins, Antjuan Seawright, Barry Wynn, Bob McAlister.\n\n"
        "New Hampshire: Ann Lee, Bo Diaz, Cy Young and Di Rao.\n\n"
        "South Carolina: Al Gore, Bo Peep, Cy Twombly.\n\n"
        "New Hampshire: Jo March, Amy March, Beth March."
    )
    assert len(segment(text)) == 0
