"""Documents whose authors the article never names speak through them ("The study reports …", "the statement read:
…"), as one group of unnamed authors; collectives named by a singular noun speak as a group ("the family said",
"the couple said"), and "the family's statement" is the family's. Invented texts."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import run, speaker_of, speaker_of_or_none

pytestmark = pytest.mark.slow

PAPERS = ("Court papers\n\n"
          "The statement read: \"The harbour will stay closed until the inspection is over.\"\n\n"
          "A ruling issued on Monday said the levy on fishing boats was void.\n\n"
          "\"Rents in the old town have risen faster than wages for ten years\", reads the report.\n\n"
          "The study reports \"for every extra hour of screen time, sleep fell by eleven minutes\".\n")

FAMILY = ("Climber dies\n\n"
          "Tomas Wren, a climber from Lisbon, died on the mountain on Sunday.\n\n"
          "His family said in a statement that he had died doing what he loved.\n\n"
          "The Okafor family's statement read: \"We thank the rescuers who searched through the night.\"\n\n"
          "The couple said they would return to the valley next summer.\n")


def test_an_unsigned_document_speaks_for_its_unnamed_authors():
    assert speaker_of(PAPERS, "stay closed until the inspection") == "authors of the statement"
    assert speaker_of(PAPERS, "levy on fishing boats was void") == "authors of the ruling"
    assert speaker_of(PAPERS, "risen faster than wages") == "authors of the report"
    assert speaker_of(PAPERS, "sleep fell by eleven minutes") == "authors of the study"


def test_a_noun_that_is_a_document_only_when_it_speaks():
    text = "Vote\n\nThe ruling party won the vote. In his opinion, the count was fair.\n"
    x = run(text)
    assert not x.statements
    assert not any(d.label.endswith(("party", "opinion")) for d in x.documents)


def test_a_family_and_a_couple_speak_as_groups():
    assert speaker_of(FAMILY, "doing what he loved") == "Tomas Wren's family"
    assert speaker_of(FAMILY, "thank the rescuers") == "Okafor family"
    assert speaker_of(FAMILY, "return to the valley") == "couple"


def test_a_collective_in_another_sense_does_not_speak():
    text = "Fair\n\nThe family of languages spoken in the valley is small.\n"
    assert speaker_of_or_none(text, "spoken in the valley") is None


def test_a_statement_from_a_person_issued_by_a_body_is_the_person_s():
    text = ("Court\n\nGovernor Mara Quist spoke on Monday. The governor's office released the following statement "
            "from the governor: \"We will not accept this ruling and we will appeal it before the winter.\"\n")
    assert speaker_of(text, "we will appeal it") == "Mara Quist"


def test_a_statement_to_the_effect_that_reports_its_clause():
    text = "Talks\n\nThe ministry put out a statement to the effect that the talks on the harbour had failed.\n"
    assert speaker_of(text, "the talks on the harbour had failed") == "ministry"


def test_it_and_part_of_a_document_speak_for_its_publisher():
    text = ("Arrest\n\nThe Northland Chess Union released a statement about the arrest. It read, \"Above all, we "
            "want to say that the union condemns any form of violence.\"\n\n"
            "Judge Arno Vell ruled on Friday. Part of the judge's ruling reads \"the average applicant could well be "
            "better suited for the post than the average incumbent.\"\n")
    assert speaker_of(text, "condemns any form of violence") == "Northland Chess Union"
    assert speaker_of(text, "better suited for the post") == "Arno Vell"


def test_an_untagged_issuer_of_a_document_speaks_through_it():
    text = ("Storm\n\nThe amber warning issued by Met Cymru applied to three coastal counties. \"Storm Alba will "
            "bring high waves and flooding to the coast,\" read the warning.\n")
    assert speaker_of(text, "high waves and flooding") == "Met Cymru"  # (a name the recogniser leaves untagged)


def test_a_lead_verb_tagged_as_a_noun_before_the_colon_still_introduces_the_quotation():
    text = ("Obituary\n\nThe singer Arvo Lind died on Friday. The family's statement on his passing read: \"He loved "
            "his wife, who loved him back, and the songs they wrote together.\"\n")
    assert speaker_of(text, "the songs they wrote together") == "family"


def test_one_of_a_group_is_one_unnamed_person():
    text = ("Outage\n\nMany users complained online. One of the users wrote \"this is one more sign that a single "
            "server should never hold everything\".\n")
    assert speaker_of(text, "server should never hold everything") == "One of the users"


def test_a_country_before_a_study_is_where_it_was_done_and_before_a_statement_who_issued_it():
    text = ("Sleep\n\nA US study reports \"for every extra hour of screen time, sleep fell by eleven minutes\".\n\n"
            "The Turkish statement said the talks on the harbour had failed.\n")
    assert speaker_of(text, "sleep fell by eleven minutes") == "authors of the US study"
    assert speaker_of(text, "the talks on the harbour had failed") == "Turkey"


def test_a_colon_clause_about_a_document_introduces_its_authors_words():
    text = ("Sharks\n\nThe study itself set out the close link between the two: \"The smaller sharks were only seen in "
            "the long spells when the larger ones were away.\"\n")
    assert speaker_of(text, "the larger ones were away") == "authors of the study"
