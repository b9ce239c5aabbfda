"""What is not reported speech is not stored as a statement: invented texts, one per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import has_statement, said

pytestmark = pytest.mark.slow


def test_denied_entry_is_not_a_denial():
    assert not has_statement("Border\n\nTwo journalists were denied entry at the airport on Sunday.", "entry")


def test_denied_something_to_someone_is_not_a_denial():
    assert not has_statement("Visa row\n\nThe embassy denied him a visa last month.", "a visa")


def test_a_feeling_in_a_relative_clause_is_not_a_belief():
    assert not has_statement("Reunion\n\nThe bond he feels with his brother has grown stronger.", "bond")


def test_ordering_an_action_is_not_speech():
    assert not has_statement("Schools shut\n\nThe governor ordered the closure of all schools on Friday.",
                             "closure")


def test_a_real_denial_and_a_real_order_stay():
    got = said("Trial\n\nThe minister denied the allegations. The judge ordered that the files be released.")
    assert any(q == "the allegations" for _, _, q in got)
    assert any("the files be released" in q for _, _, q in got)


def test_headline_label_is_not_a_statement_by_a_country():
    got = said("Spain: minister resigns over leak\n\nThe interior minister resigned on Monday.")
    assert not any(spk == "Spain" for _, spk, _ in got)


def test_headline_person_with_a_claim_stays_a_statement():
    got = said("Keller: Sylvania will join the alliance\n\nChancellor Anna Keller spoke in Berlin on Monday.")
    assert ("indirect", "Anna Keller", "Sylvania will join the alliance") in got


def test_attacking_people_is_an_assault_not_a_statement():
    assert not has_statement("Attack\n\nThe man ran outside and began attacking people with a knife.", "people")
    assert has_statement("Budget\n\nThe senator attacked the plan for its cost to families.", "its cost")


def test_the_person_invited_is_the_addressee_not_what_was_said():
    from tests.extraction.helpers import run

    x = run("Show\n\nThe singer invited her former co-star Rock Hale to appear on her talk show.")
    assert not any(c.text.startswith("her former co-star") for s in x.statements for c in s.content)


def test_appealing_a_ruling_is_a_legal_act_not_speech():
    from tests.extraction.helpers import has_statement

    assert not has_statement("Court\n\nThe two officers will appeal the ruling next month.", "the ruling")


def test_asking_not_to_be_named_is_a_condition_not_a_request():
    text = ("Fire\n\nA resident, who asked not to be identified, said the fire started at night. "
            "The mayor asked residents to stay indoors.")
    assert not has_statement(text, "not to be identified")
    assert ("indirect", "resident", "the fire started at night") in said(text)
    assert has_statement(text, "to stay indoors")  # a real request stays


@pytest.mark.parametrize("sentence", ["Senator Jo Manley needs to explain why the bill failed.",
                                      "Senator Jo Manley must say whether the bill will pass.",
                                      "Officials have yet to say whether the bridge will reopen."])
def test_what_somebody_must_or_has_yet_to_say_is_not_said(sentence):
    assert said("Talks\n\n" + sentence) == []
