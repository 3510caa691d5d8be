from __future__ import annotations

from stancekit.segment.lexicon import BROAD_FORMS, CUE_FORMS, _inflect


def test_regular_inflection_including_ee_and_y_verbs() -> None:
    assert _inflect("agree") == ("agrees", "agreed", "agreeing")
    assert _inflect("note") == ("notes", "noted", "noting")
    assert _inflect("deny") == ("denies", "denied", "denying")
    assert _inflect("stress") == ("stresses", "stressed", "stressing")


def test_no_malformed_forms_in_the_cue_lexicon() -> None:
    for form in list(CUE_FORMS) + list(BROAD_FORMS):
        assert "eeed" not in form and "eeeing" not in form, form
    for form in ("agreed", "concurred", "quipped", "said", "told", "wrote", "according to"):
        assert form in CUE_FORMS, form
