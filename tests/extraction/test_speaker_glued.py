"""Speakers and addressees where the parse glues names together: invented texts, one per failure class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, speaker_of

pytestmark = pytest.mark.slow


def _statement(x, fragment):  # noqa: ANN001, ANN202
    return next(s for s in x.statements if any(fragment in c.text for c in s.content))


def _holder(x, word: str, after: int) -> str | None:  # noqa: ANN001
    """The label of the actor one of whose mentions is ``word`` at or after article offset ``after``."""
    for a in x.actors:
        if any(m.span.text == word and m.span.begin >= after for m in a.mentions):
            return a.label
    return None


def test_outlet_told_runs_into_the_reported_clause_subject_named_before():
    text = ("Militia heir dies\n\n"
            "Omar Haddad, the son of a militia founder, has died, officials said on Friday.\n\n"
            "Former police officer Ali Sorel told Radio Nord Omar Haddad had run recruitment drives after he "
            "left school and his uncle groomed him for command.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    st = _statement(x, "had run recruitment drives")
    assert labels.get(st.speaker or "") == "Ali Sorel"
    assert labels.get(st.addressee or "") == "Radio Nord"
    assert st.quote.startswith("Omar Haddad had run")
    at = text.index("after he left")
    assert _holder(x, "he", at) == "Omar Haddad"
    assert _holder(x, "his", at) == "Omar Haddad"


def test_outlet_told_runs_into_a_given_name_and_surname():
    text = ("Port strike\n\n"
            "Union steward Maria Kolb told Harbour Radio Tomas Brandt had left the docks before he was "
            "questioned by the police.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    st = _statement(x, "had left the docks")
    assert labels.get(st.speaker or "") == "Maria Kolb"
    assert labels.get(st.addressee or "") == "Harbour Radio"
    assert st.quote.startswith("Tomas Brandt had left")
    assert _holder(x, "he", text.index("before he was")) == "Tomas Brandt"


def test_inverted_cue_with_a_body_then_a_possessive_title_and_a_person():
    text = ("Campus report\n\n"
            "The new library will open in the spring and will hold two million books, said the University of "
            "Westmark, Eastham's dean of students, Jo Roe.")
    assert speaker_of(text, "The new library will open") == "Jo Roe"


def test_inverted_cue_with_a_body_then_a_title_and_a_person():
    text = ("Campus report\n\n"
            "The new library will open in the spring, said Acme State University, Eastham's provost, Dr. Jo Roe.")
    assert speaker_of(text, "The new library will open") == "Jo Roe"


def test_pronoun_of_a_reported_clause_goes_to_that_clauses_subject():
    text = ("Club news\n\n"
            "Coach Daniel Park said winger Luis Moreno had missed training because his knee was still swollen.")
    x = run(text)
    assert _holder(x, "his", text.index("because his")) == "Luis Moreno"
