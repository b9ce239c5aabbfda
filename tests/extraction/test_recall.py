"""Statements the extraction used to miss, by class: invented texts, one per class."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, said

pytestmark = pytest.mark.slow


def test_an_initialism_does_not_end_the_sentence_of_a_cue():
    got = said("Carmaker probe\n\nOn Friday Veloria Motors said in a letter to the U.S. Department of "
               "Energy that the review had begun in March.")
    assert got == [("indirect", "Veloria Motors", "the review had begun in March")]


def test_a_name_tagged_elsewhere_speaks_where_the_recogniser_missed_it():
    got = said("Trade pact\n\nNigeria signed the pact on Sunday.\n\n"
               "Nigeria earlier announced it intended to sign the pact before the next summit.")
    assert ("indirect", "Nigeria", "it intended to sign the pact before the next summit") in got


def test_an_untagged_name_with_a_title_that_speaks_is_a_person():
    got = said("Parliament\n\nYesterday, Britain's Queen Elizabeth II announced she would follow the "
               "advice of her ministers.")
    assert got == [("indirect", "Elizabeth II", "she would follow the advice of her ministers")]


def test_a_relative_introduced_by_name_is_who_his_daughter_said_is():
    got = said("Drummer dies\n\nJazz drummer Leon Marsh died on Sunday, aged 84. The death was announced by "
               "the club together with his daughter Ruth Marsh.\n\nThough he had a home in Spain, his daughter said he had died in Lisbon.")
    # (the announcement by the club is a report of its own: "the death was announced by …")
    assert [g for g in got if g[2] == "he had died in Lisbon"] == [("indirect", "Ruth Marsh", "he had died in Lisbon")]


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
    got = _who("Blast\n\nPolice said the cause was unclear. Kestrel.com also reported its source said the "
               "tenant had arrived only a week before the explosion.")
    assert ("Kestrel.com", None, "its source said the tenant had arrived only a week before the explosion") in got
    assert ("its source", "Kestrel.com", "the tenant had arrived only a week before the explosion") in got


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
    assert _who("Blast\n\nThe Harbour Authority and the Coast Guard said they believe a fuel leak was "
                "the cause.") == [("Harbour Authority and Coast Guard", None,
                                     "they believe a fuel leak was the cause")]


def test_a_reporting_clause_between_commas_reports_the_clause_around_it():
    assert ("Greenway Foundation", None, "wanted no funeral or public service") in _who(
        "Estate\n\nThe Greenway Foundation said the actress had been in good health. Moreno, they said, wanted no "
        "funeral or public service.")
    assert _who("Trial\n\nMaria Ortiz left the bar at two. Later, she testified, she was robbed by two guards.") == [
        ("Maria Ortiz", None, "she was robbed by two guards")]


def test_a_characterisation_with_as_reports_a_view():
    got = said('Fire\n\nPresident Mark Olsen characterised the deaths as "crushing".')
    assert [(t, who) for t, who, _ in got] == [("mixed", "Mark Olsen")] and '"crushing"' in got[0][2]
    got = said('Inquiry\n\nPresident Donald Trump attacked the inquiry as "a witch hunt".')
    assert [(t, who) for t, who, _ in got] == [("mixed", "Donald Trump")] and "witch hunt" in got[0][2]


def test_a_characterisation_in_the_passive_is_the_agents():
    got = said('Attack\n\nThe suspect, who was described as "volatile" by the police, was detained.')
    assert [(t, who) for t, who, _ in got] == [("mixed", "police")] and "volatile" in got[0][2]


def test_an_attack_without_a_characterisation_is_no_statement():
    assert said("Raid\n\nRebels attacked the convoy near the border on Monday.") == []
    assert said('Report\n\nThe minister characterised the report in a speech on Monday.') == []


def test_the_media_speak_as_a_group():
    assert said("Fire\n\nState media said the fires were under control.") == [
        ("indirect", "State media", "the fires were under control")]


def test_a_call_for_someone_to_be_dealt_with_is_an_appeal():
    assert said("Justice\n\nHatice Cengiz called for the killers to be brought to justice.") == [
        ("indirect", "Hatice Cengiz", "the killers to be brought to justice")]


def test_a_message_says_what_its_participle_says():
    got = said("Attacks\n\nSecretary of State Helen Clarke posted a short message on Twitter blaming Norland for the raids.")
    assert [(t, who) for t, who, _ in got] == [("indirect", "Helen Clarke")] and "Norland" in got[0][2]
    assert said("Attacks\n\nThe company posted a video showing the damage to the plant.") == []


def test_a_gerund_is_what_was_announced():
    assert said("Probe\n\nIn February, the carmaker Veloria Motors announced investigating itself.") == [
        ("indirect", "Veloria Motors", "investigating itself")]


def test_advice_with_an_infinitive_parsed_as_a_clause_is_an_appeal():
    got = said("Storm\n\nThe mayor of the town, Ana Cole, advised residents of her town to gather supplies and stay in "
               "place.")
    assert [(t, q) for t, _, q in got] == [("indirect", "to gather supplies and stay in place")]


def test_a_name_parsed_into_the_date_before_it_speaks():
    got = said("Probe\n\nOn Friday Veloria Motors announced the Department of Justice was investigating it.")
    assert got == [("indirect", "Veloria Motors", "the Department of Justice was investigating it")]


def test_an_infinitive_of_purpose_speaks_for_the_clause_and_to_its_party():
    x = run("Call\n\nPresident Laura Kent spoke on Friday with former Prime Minister Peter Voss to "
            "congratulate him on his coalition's win.")
    labels = {a.key: a.label for a in x.actors}
    assert [(labels.get(s.speaker), labels.get(s.addressee), s.quote) for s in x.statements] == [
        ("Laura Kent", "Peter Voss", "his coalition's win")]
    assert said("Trip\n\nThe minister went to Paris to meet the president.") == []


def test_a_thing_criticised_is_what_the_criticism_is_about():
    assert said("Syria\n\nThe former envoy Tom Wexler also criticized the move via Facebook.") == [
        ("indirect", "Tom Wexler", "the move")]
    assert said("Talks\n\nThe senator criticized the minister for the delay.") == [
        ("indirect", "senator", "the delay")]
