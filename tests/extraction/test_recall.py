"""Statements the extraction used to miss, by class: invented texts, one per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said

pytestmark = pytest.mark.slow


def test_an_initialism_does_not_end_the_sentence_of_a_cue():
    got = said("Carmaker probe\n\nOn Friday Veloria Motors said in a filing to the U.S. Securities and Exchange "
               "Commission that the inquiry had started in May.")
    assert got == [("indirect", "Veloria Motors", "the inquiry had started in May")]


def test_a_name_tagged_elsewhere_speaks_where_the_recogniser_missed_it():
    got = said("Trade pact\n\nNigeria signed the pact on Sunday.\n\n"
               "Nigeria previously announced it planned to join the pact in the week before the summit.")
    assert ("indirect", "Nigeria", "it planned to join the pact in the week before the summit") in got


def test_an_untagged_name_with_a_title_that_speaks_is_a_person():
    got = said("Parliament\n\nYesterday, the United Kingdom's Queen Elizabeth II announced she will comply with the "
               "request of the government.")
    assert got == [("indirect", "Elizabeth II", "she will comply with the request of the government")]


def test_a_relative_introduced_by_name_is_who_his_daughter_said_is():
    got = said("Drummer dies\n\nJazz drummer Leon Marsh died on Sunday at the age of 80. The news was confirmed by "
               "the club with his daughter Ruth Marsh.\n\nThough he lived in Spain, his daughter said he died in London.")
    assert got == [("indirect", "Ruth Marsh", "he died in London")]


def test_the_plural_of_any_noun_for_a_person_is_a_group_that_speaks():
    got = said("Storm\n\nForecasters predicted heavy rain on the coast. The defendants claimed the money was a loan.")
    assert got == [("indirect", "Forecasters", "heavy rain on the coast"),
                   ("indirect", "defendants", "the money was a loan")]


def test_what_a_speaker_thanks_for_is_said_to_the_one_thanked():
    x = run("Call\n\nThe minister thanked her counterpart Ana Lima for the support of her government.")
    labels = {a.key: a.label for a in x.actors}
    assert [(labels.get(s.speaker), labels.get(s.addressee), s.quote) for s in x.statements] == [
        ("minister", "Ana Lima", "the support of her government")]


def test_a_noun_phrase_reported_or_questioned_is_what_was_said():
    assert said("Study\n\nResearchers from the university reported a new mechanism of ice loss.") == [
        ("indirect", "Researchers from the university", "a new mechanism of ice loss")]
    assert said("Emergency\n\nTwo senators questioned the President's power to declare an emergency.") == [
        ("indirect", "Two senators", "the President's power to declare an emergency")]


def test_a_person_questioned_is_an_interrogation_not_a_statement():
    assert said("Arrest\n\nDetectives questioned the suspect for six hours on Monday.") == []


def _who(text: str) -> list[tuple[str | None, str | None, str]]:
    x = run(text)
    labels = {a.key: a.label for a in x.actors}
    return [(labels.get(s.speaker), labels.get(s.reported_by), s.quote) for s in x.statements]


def test_a_report_of_a_source_is_two_statements_the_inner_relayed():
    got = _who("Blast\n\nPolice said the cause was unknown. Kestrel.com further reported its source said the "
               "tenant had moved in the day before the blast.")
    assert ("Kestrel.com", None, "its source said the tenant had moved in the day before the blast") in got
    assert ("its source", "Kestrel.com", "the tenant had moved in the day before the blast") in got


def test_the_sources_a_report_cites_speak_and_the_reporter_relays_them():
    got = _who("Oil\n\nThe Daily Courier, citing officials, reported exports of oil had been halted.")
    assert got == [("officials", "Daily Courier", "exports of oil had been halted")]


def test_a_report_inside_a_report_is_relayed_but_not_a_relative_clause_inside_it():
    got = _who("Reform\n\nCritics claim that the council has not kept its promises, an accusation the council "
               "strongly denies.")
    assert all(rep is None for _, rep, _ in got)


def test_according_to_unnamed_reports_is_a_group_of_sources():
    assert said("Storm\n\nAccording to reports, the storm is the largest to reach the region in recorded history.") == [
        ("indirect", "reports", "the storm is the largest to reach the region in recorded history")]


def test_an_untagged_publication_after_according_to_is_a_source():
    assert said("Probe\n\nThe firm started its own inquiry by hiring a law firm, according to The Verge.") == [
        ("indirect", "Verge", "The firm started its own inquiry by hiring a law firm")]


def test_they_that_speaks_is_the_group_that_acted_before():
    assert _who("Strike\n\nThe officers were suspended on Monday. They indicated they would appeal the ruling.") == [
        ("officers", None, "they would appeal the ruling")]


def test_they_in_what_a_pair_reports_is_the_pair_not_one_of_them():
    assert _who("Blast\n\nThe Investigative Committee and the Federal Security Service said they believe gas was "
                "the trigger.") == [("Investigative Committee and Federal Security Service", None,
                                     "they believe gas was the trigger")]


def test_a_reporting_clause_between_commas_reports_the_clause_around_it():
    assert ("Greenway Foundation", None, "desired no memorials or grave markers") in _who(
        "Estate\n\nThe Greenway Foundation said the actress had been in good health. Moreno, they said, desired no "
        "memorials or grave markers.")
    assert _who("Trial\n\nMaria Ortiz left the bar at two. Later, she testified, she was robbed by two guards.") == [
        ("Maria Ortiz", None, "she was robbed by two guards")]
