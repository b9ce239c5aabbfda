"""People's names the entity recogniser misses or mistypes, handled by general cues: invented texts."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from kg.pipeline import nlp
from kg.extraction.persons import bare_name, split_title_org_name, surname_variant
from kg.pipeline.ingest import from_text
from tests.extraction.helpers import run, said, speaker_of

pytestmark = pytest.mark.slow


def test_a_one_letter_variant_of_a_surname_is_that_person():
    assert surname_variant("Saree", {"Yahya", "Sarea"}) == "Sarea"
    assert surname_variant("Hamid", {"Rashid", "Hamed"}) == "Hamed"
    assert surname_variant("Sareeh", {"Sarea"}) is None  # two letters away
    assert surname_variant("NATOS", {"NATO"}) is None  # an acronym
    assert surname_variant("Lee", {"Leo"}) is None  # too short to tell
    assert surname_variant("Jonas", {"Jones", "Jonas"}) is None  # spelt as another name of the article


def test_a_quote_by_a_variant_spelling_goes_to_the_person_named_in_full():
    text = ("Blockade\n\n"
            "Navy spokesman Rashid Hameed said the ships had left port on Monday.\n\n"
            "“We will not stop until the blockade ends,” Hamed said.")
    assert speaker_of(text, "We will not stop") == "Rashid Hameed"


def _parsed_block(text: str):  # noqa: ANN202
    parsed = nlp.parse(from_text("Heading\n\n" + text, article_id="invented"))
    return next(pb for pb in parsed.blocks if pb.block.kind == "paragraph")


def test_a_name_run_into_the_organisation_of_a_title_is_split():
    pb = _parsed_block("“The camps are full,” regional director of Pacific Relief Alliance Mei-ling Chan said on Friday.")
    doc = pb.doc
    start = next(t.i for t in doc if t.text == "Pacific")
    end = next(t.i for t in doc if t.text == "Chan") + 1
    parts = split_title_org_name(pb, SpacySpan(doc, start, end, label="ORG"))
    assert parts is not None
    assert (parts[0].text, parts[1].text) == ("Pacific Relief Alliance", "Mei-ling Chan")
    assert bare_name(parts[1]) == "Mei-ling Chan"


def test_an_organisation_that_does_not_speak_is_not_split():
    pb = _parsed_block("She is the director of Pacific Relief Alliance Mei-ling Chan founded in 1990.")
    doc = pb.doc
    start = next(t.i for t in doc if t.text == "Pacific")
    end = next(t.i for t in doc if t.text == "Chan") + 1
    assert split_title_org_name(pb, SpacySpan(doc, start, end, label="ORG")) is None


def test_a_title_before_an_organisation_and_a_name_gives_the_quote_to_the_person():
    text = ("Trade deal\n\n"
            "Former ambassador to the European Union Tessa Morland wrote on Twitter that the deal was dead.")
    x = run(text)
    people = {a.label for a in x.actors if a.kind == "person"}
    assert "Tessa Morland" in people
    assert speaker_of(text, "the deal was dead") == "Tessa Morland"


def test_a_score_the_recogniser_ran_into_a_name_is_not_part_of_it():
    text = ("Final\n\nMaria Vance beat world number one Chen Lu 6-4, 3-6, 7-5 on Friday to reach the final.\n\n"
            "Chen, who had not dropped a set all tournament, blamed her serve. \"I made too many double faults,\" "
            "she told reporters.")
    assert speaker_of(text, "too many double faults") == "Chen Lu"


def test_a_person_speaking_for_a_body_run_into_one_entity_is_the_person_and_the_body():
    text = ("Salt\n\nLydia Brandt for Food Standards Australia New Zealand, says they are looking at guidelines by the "
            "end of the year. She says the issue is complicated.")
    x = run(text)
    labels = {a.label for a in x.actors}
    assert "Lydia Brandt" in labels and not any(" for " in label for label in labels)
    assert speaker_of(text, "the issue is complicated") == "Lydia Brandt"


def test_an_acronym_in_brackets_the_recogniser_ran_into_a_name_is_not_part_of_it():
    x = run("Salt\n\nThe World Health Organisation (WHO) recommends that every country should iodise salt.")
    assert "World Health Organisation" in {a.label for a in x.actors}
    assert not any("(" in a.label for a in x.actors)


def test_a_person_whose_family_name_is_a_city_is_not_the_city():
    text = ("Claims\n\nValeska Paris, a former member, said she was held on the ship. Paris said she was forced "
            "to work.")
    x = run(text)
    assert "Valeska Paris" in {a.label for a in x.actors} and "France" not in {a.label for a in x.actors}
    assert speaker_of(text, "she was forced to work") == "Valeska Paris"


def test_a_title_ending_in_charge_is_not_part_of_the_name_after_it():
    got = said("Market\n\n\"This indictment shows our resolve,\" said FBI Cleveland Acting Special Agent in Charge "
               "Charles Johnston.")
    assert got == [("direct", "Charles Johnston", "This indictment shows our resolve,")]
