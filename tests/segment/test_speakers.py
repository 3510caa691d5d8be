from __future__ import annotations

import pytest

from stancekit import Article
from stancekit.segment import segment

ARTS = [
    Article("a1", "Russian President Vladimir Putin said the talks were useful."),
    Article("a2", "Trade will grow, Putin said."),
]


def test_same_person_same_name_across_articles() -> None:
    t = segment(ARTS)
    assert t.speakers == ["Vladimir Putin"]
    assert {s.country for s in t} == {"Russia"}


def test_parallel_output_is_identical() -> None:
    arts = [
        Article(
            f"a{i}",
            f"Growth is strong in region {i}, Finance Minister Ana Silva said. She added that rates will fall.",
        )
        for i in range(12)
    ]
    assert segment(arts, n_jobs=2).equals(segment(arts, n_jobs=1))
    with pytest.raises(ValueError, match="n_jobs"):
        segment(arts, n_jobs=0)


def test_description_becomes_the_office_holder_of_the_time() -> None:
    import datetime as dt

    arts = [
        Article("p1", "President of Russia Vladimir Putin said trade grew.", dt.date(2005, 1, 1)),
        Article(
            "m1", "President of Russia Dmitry Medvedev said ties are strong.", dt.date(2010, 1, 1)
        ),
        Article("x1", "Gas supplies will rise, the Russian president said.", dt.date(2004, 6, 1)),
        Article("x2", "Reforms will go on, the Russian president said.", dt.date(2010, 3, 1)),
    ]
    t = segment(arts)
    who = dict(zip(t.column("article_id"), t.column("speaker"), strict=True))
    assert who["x1"] == "Vladimir Putin" and who["x2"] == "Dmitry Medvedev"


def test_names_that_differ_only_in_case_are_one_speaker() -> None:
    from stancekit import Article

    arts = [
        Article("a", "Omar al-Bashir said the talks were useful."),
        Article("b", "Omar Al-Bashir said the visit was historic."),
        Article("c", "Omar al-Bashir said ties were strong."),
    ]
    assert {s.speaker for s in segment(arts)} == {"Omar al-Bashir"}


def test_a_document_speaks_for_who_sent_it() -> None:
    text = (
        "Russian President Vladimir Putin spoke with George W. Bush. Mr Bush said the call "
        "was useful.\n\nPresident Putin also sent a message. The message said:\n\n"
        "\u201cWe mourn together with the American people.\u201d"
    )
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got[-1] == ("Vladimir Putin", "We mourn together with the American people")


def test_closing_mark_that_opens_a_paragraph_is_a_typo() -> None:
    text = "Intro.\n\n\u201dMr. Trump embodies a legacy of racism. He is our shame.\u201d \u2015 Sonya Herridge"
    got = [(s.speaker, s.text) for s in segment(text)]
    assert got == [
        ("Sonya Herridge", "Mr. Trump embodies a legacy of racism"),
        ("Sonya Herridge", "He is our shame"),
    ]


def test_head_of_state_is_the_office_holder() -> None:
    text = "Russian President Vladimir Putin met Ilham Aliyev. The Russian head of state said ties grew."
    assert [s.speaker for s in segment(text)] == ["Vladimir Putin"]
    arts = [
        Article("a", "Russian President Vladimir Putin said trade grew."),
        Article(
            "b", "Putin met Ilham Aliyev. The Russian head of state said the talks were useful."
        ),
    ]
    assert [s.speaker for s in segment(arts)] == ["Vladimir Putin", "Vladimir Putin"]


def test_counterparts_and_prefixed_names_in_titles() -> None:
    text = (
        "Vladimir Putin held talks with President of Egypt Abdel Fattah el-Sisi. Mr Putin said "
        "ties were growing. His Egyptian counterpart noted that trade had doubled. Putin's "
        "colleague stressed that tourism was back."
    )
    got = [s.speaker for s in segment(text)]
    assert got == ["Vladimir Putin", "Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"]


def test_plain_names_drop_descriptions_and_headline_words() -> None:
    from stancekit.segment import segment

    text = (
        "Billionaire Donald Trump spoke in Iowa.\n\nTrump said the wall would be built.\n\n"
        "Does Rubio Have A Plan\n\nRubio said the plan was ready."
    )
    assert [s.speaker for s in segment(text)] == ["Donald Trump", "Rubio"]


def test_a_joint_statement_is_nobodys_alone() -> None:
    from stancekit.segment import segment

    text = (
        "Indian Prime Minister Narendra Modi hosted Brazilian President Lula.\n\n"
        "According to a joint statement, the two sides agreed to expand cooperation."
    )
    assert len(segment(text)) == 0
    got = segment(text, unit="attribution")
    assert [s.speaker for s in got] == ["joint statement"]
    text = "Putin met Lula.\n\nThe Joint Statement emphasizes that both adhere to the treaty."
    assert len(segment(text)) == 0


def test_a_role_with_a_country_names_the_only_person_without_one() -> None:
    from stancekit.segment import segment

    text = (
        "Vladimir Putin held a telephone conversation with President of Finland Alexander "
        "Stubb, at the invitation of the United Nations.\n\nThe President of Russia informed "
        "his counterpart about the talks.\n\nThe Finnish President expressed condolences."
    )
    got = [(s.speaker, s.mention) for s in segment(text)]
    assert got == [
        ("Vladimir Putin", "The President of Russia"),
        ("Alexander Stubb", "The Finnish President"),
    ]
