"""Forms in which the text names an entity of the knowledge base that the linker used to miss: the country of a
post written before a name ("President of X Jane Doe"), a title written before a surname ("President Roe"), a body's
full name against a reading of it as a country and a generic name, a campus's name cut at its comma. Invented
sentences; real parse, real knowledge base."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extraction import extract
from kg.pipeline.ingest import from_text
from kg.pipeline.link import kb as kbmod
from kg.pipeline.link.linking import decide, link

WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def kb():
    return kbmod.load()


def linked(text: str, date: str) -> dict[str, str | None]:
    """Label → Wikidata id (or None) of every actor of a built article."""
    article = from_text(text, article_id="t", date=dt.date.fromisoformat(date))
    x = link(extract(article), date=article.meta.date)
    return {a.label: (a.links["wikidata"][len(WD):] if "wikidata" in a.links else None) for a in x.actors}


def test_the_country_of_a_post_written_before_a_name_is_the_country():
    # the recogniser runs "Prime Minister of Portugal Duarte Vilar" into one organisation: Portugal is the country
    found = linked("Prime Minister of Portugal Duarte Vilar said the ministers would meet again.", "2020-01-13")
    assert found.get("Portugal") == "Q45"


@pytest.mark.parametrize("text, label, qid", [
    ("Chancellor Merkel praised the plan on Tuesday, aides said.", "Merkel", "Q567"),
    ("President Obama praised the plan on Tuesday, aides said.", "Obama", "Q76"),
])
def test_a_title_written_before_a_surname_counts_as_the_title_of_the_post(text, label, qid):
    # the article names no country: the title before the surname is what singles the record out
    assert linked(text, "2015-03-03").get(label) == qid


def test_a_title_the_record_never_held_does_not_link_a_surname():
    assert linked("Senator Merkel praised the plan on Tuesday, aides said.", "2015-03-03").get("Merkel") is None


def test_a_record_bearing_the_whole_name_outweighs_one_named_by_what_follows_the_country():
    # "US Army" is the army's own alias; "Army" after the country is also a military college's team
    assert linked("The US Army said the base would close on Friday.", "2019-02-11").get("US Army") == "Q9212"


@pytest.mark.parametrize("date, qid", [("2010-06-01", "Q6294"), ("2014-05-01", "Q22316"), ("2017-09-01", "Q331401"),
                                       ("2019-05-01", "Q473239")])
def test_the_secretary_of_state_named_by_surname_is_the_one_in_office(date, qid):
    # the United States Secretaries of State since 2009 hold the post in the knowledge base, with its dates
    surname = {"Q6294": "Clinton", "Q22316": "Kerry", "Q331401": "Tillerson", "Q473239": "Pompeo"}[qid]
    text = f"Secretary {surname} told reporters in Washington that the United States would respond."
    assert linked(text, date).get(surname) == qid


def test_an_organisation_s_name_the_recogniser_cut_at_its_and_is_made_whole():
    # the recogniser tags "Islamic State of Iraq" as an organisation and "the Levant" as a place
    found = linked("The Islamic State of Iraq and the Levant has denied any role in the raid, a spokesman said.",
                   "2019-01-28")
    assert found.get("Islamic State of Iraq and the Levant") == "Q2429253"


def test_an_organisation_cut_at_its_and_before_an_untagged_name_is_made_whole_after_its_country():
    text = ("On Friday, Dr. Dana Whitlow from the United States National Institute of Allergy and Infectious "
            "Diseases (NIAID) said three vaccines would be tested. NIAID expects results in June.")
    found = linked(text, "2019-08-13")
    assert found.get("United States National Institute of Allergy and Infectious Diseases") == "Q3519875"
    assert "NIAID" not in found  # the acronym is the same organisation's


def test_an_acronym_may_leave_out_the_country_that_opens_the_name():
    article = from_text("The United Kingdom Office of Harbour Safety (OHS) closed the port. OHS said it would reopen "
                        "on Friday.", article_id="t", date=dt.date(2021, 3, 1))
    orgs = [a for a in extract(article).actors if a.kind in ("organization", "government")]
    assert [len(a.mentions) for a in orgs if "Harbour" in a.label] == [3]
    assert not [a for a in orgs if a.label == "OHS"]


def test_a_family_name_s_particle_the_recogniser_left_out_belongs_to_the_name():
    article = from_text("The mayor, Marc Duval d'Aubigny, said the bridge would reopen.", article_id="t",
                        date=dt.date(2021, 3, 1))
    assert "Marc Duval d'Aubigny" in {a.label for a in extract(article).actors}
    found = linked("The bridge was opened by President Valéry Giscard d'Estaing during a visit in 1978.", "2019-09-26")
    assert found.get("Valéry Giscard d'Estaing") == "Q2124"


def test_a_post_s_title_run_into_a_name_tagged_as_an_organisation_is_a_person_s():
    article = from_text("The decree was signed, according to a notice from the Presidential Spokesperson Harry "
                        "Quillan.", article_id="t", date=dt.date(2020, 5, 6))
    people = {a.label: a for a in extract(article).actors if a.kind == "person"}
    assert "Harry Quillan" in people and people["Harry Quillan"].described_as == "Presidential Spokesperson"


def test_a_given_name_opening_an_organisation_s_name_that_ends_in_an_organisation_s_noun_is_no_person_s():
    assert linked("The Washington Post reported that the talks had failed.", "2019-09-13").get(
        "Washington Post") == "Q166032"


def test_a_record_without_a_country_whose_label_opens_with_one_has_that_country_for_its_short_name():
    text = "A police officer in Kamloops told the CBC in June that the border closure had changed the drug supply."
    assert linked(text, "2020-07-08").get("CBC") == "Q461761"


def test_a_multinational_chain_is_no_namesake_in_an_article_about_another_country():
    text = "Shoppers queued outside Costco in Sydney on Friday as Australia limited sales of toilet paper."
    assert linked(text, "2020-03-13").get("Costco") == "Q715583"


def test_a_person_s_name_inside_a_quotation_taken_for_a_title_is_a_person_s():
    # the recogniser tags the name inside the quoted phrase as a work of art
    text = ('The envoy cited the cabinet\'s "ongoing persecution of the Cuban clergy and its open support for '
            'Nicolás Maduro" as his grounds.')
    assert linked(text, "2019-10-25").get("Nicolás Maduro") == "Q58132"


def test_a_word_in_capitals_gives_all_its_letters_to_a_name_s_initials():
    # "US Navy" is USN: "UN" in the same article is the United Nations, not an acronym of the navy
    found = linked("The US Navy said it saw nothing. The UN was silent.", "2022-03-01")
    assert found.get("US Navy") == "Q11220" and found.get("UN") == "Q1065"


@pytest.mark.parametrize("text, label, qid", [
    ("The U.S. Treasury said the sanctions would take effect on Monday.", "U.S. Treasury", "Q648666"),
    ("The U.S. Commerce Department said exports had fallen.", "U.S. Commerce Department", "Q503577"),
    ("The British Defence Ministry said the ship had left port.", "British Defence Ministry", "Q1143261"),
])
def test_a_department_named_by_its_topic_after_its_country_is_the_country_s_department(text, label, qid):
    assert linked(text, "2022-03-01").get(label) == qid
