"""Content spans bounded by the parse: invented texts, one per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said, speaker_of

pytestmark = pytest.mark.slow


def test_narration_after_a_participle_is_not_swallowed():
    got = said("Rates\n\nThe central bank said inflation would stay high, prompting warnings from unions.")
    assert ("indirect", "central bank", "inflation would stay high") in got or \
        any(q == "inflation would stay high" for _, _, q in got)


def test_dateline_is_not_content():
    got = said("Vote\n\nLONDON, Oct 31 (Newswire) – The vote will be held in spring, the minister said.")
    assert any(q == "The vote will be held in spring" for _, _, q in got), got
    got = said("Vote\n\nWASHINGTON — The deal is done, a senior official said on Monday.")
    assert any(q == "The deal is done" for _, _, q in got), got


def test_multi_sentence_quote_is_kept_whole():
    got = said("Storm\n\n“The storm is moving north. It will reach the coast tonight. Stay indoors,” the mayor, "
               "Lena Fox, said.")
    assert ("direct", "Lena Fox", "The storm is moving north. It will reach the coast tonight. Stay indoors,") in got


def test_british_single_quotes_with_a_nested_double_quote():
    got = said("Budget row\n\n‘The plan is a “fantasy”, and voters know it,’ said Tom Reeve, the shadow "
               "chancellor.\n\n‘We will fight it line by line,’ he added.")
    assert any(t == "direct" and s == "Tom Reeve" and q.startswith("The plan is a") for t, s, q in got), got
    assert any(s == "Tom Reeve" and "line by line" in q for t, s, q in got), got


def test_embedded_social_post_is_its_authors():
    text = ("Launch\n\nThe rocket lifted off at dawn.\n\n"
            "What a morning for the whole team! Proud of everyone. — Jane Doe (@janedoe) October 3, 2022\n\n"
            "The launch was the third this year.")
    assert speaker_of(text, "What a morning") == "Jane Doe"


def test_question_and_answer_interview():
    text = ("Interview: the new coach\n\nNewswire spoke to coach Ellen Park about the season.\n\n"
            "Q: What do you expect from the team this year?\n\n"
            "A: We want to reach the final. The players are ready for it.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    by = {labels.get(s.speaker or ""): s.quote for s in x.statements}
    assert "Ellen Park" in by and by["Ellen Park"].startswith("We want to reach the final")


def test_in_an_interview_questions_and_answers_are_said_to_each_other():
    text = ("Interview: the new coach\n\nReuters spoke to coach Ellen Park about the season.\n\n"
            "Q: What do you expect from the team this year?\n\n"
            "A: We want to reach the final. The players are ready for it.")
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    pairs = {(labels.get(s.speaker or ""), labels.get(s.addressee or "")) for s in x.statements}
    assert pairs == {("Reuters", "Ellen Park"), ("Ellen Park", "Reuters")}, pairs


def test_objects_kept_after_called():
    got = said("Report\n\nThe senator called the report a disgrace on Tuesday.")
    assert any("the report a disgrace" in q for _, _, q in got), got


def test_another_speakers_clause_is_not_swallowed():
    got = said("Fire\n\nThe mayor, Tom Ward, said the fire was a tragedy while the fire chief, Ann Cole, wrote that "
               "checks would follow.")
    assert ("indirect", "Tom Ward", "the fire was a tragedy") in got, got
    assert any(s == "Ann Cole" and q == "checks would follow" for _, s, q in got), got


def test_a_relative_clause_parsed_out_of_order_stays_in_the_content():
    got = said("Parliament\n\nAccording to Dawson, the recess will give him time to draft a budget for his ministry, "
               "which he is to unveil on November 3.")
    assert got == [("indirect", "Dawson", "the recess will give him time to draft a budget for his ministry, which he "
                                           "is to unveil on November 3")]
