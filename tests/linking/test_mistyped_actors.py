"""Actors the entity recogniser types wrongly, corrected by what the knowledge base knows (kg.extraction.known_kinds),
and regions that act, linked to the region: invented news sentences, run through extraction and linking."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extraction import extract
from kg.model import Extraction
from kg.pipeline.ingest import from_text
from kg.pipeline.link import kb as kbmod
from kg.pipeline.link.linking import link

WD = "http://www.wikidata.org/entity/"


def built(text: str, date: str = "2021-03-10") -> Extraction:
    article = from_text(text, article_id="t", date=dt.date.fromisoformat(date))
    return link(extract(article), date=article.meta.date)


def actors(x: Extraction) -> dict[str, tuple[str, str | None]]:
    """Label → (kind, Wikidata id or None)."""
    return {a.label: (a.kind, a.links.get("wikidata", WD)[len(WD):] or None) for a in x.actors}


@pytest.mark.slow
def test_organisations_tagged_as_places_or_people_and_a_region_that_acts():
    x = built("Ohio declares a state of emergency as floods spread across the United States\n\n"
              "Ohio declared a state of emergency on Monday after heavy rain flooded roads in the south of the "
              "state. The storm hit Ohio on Sunday night, and a UN report warned that such floods would become "
              "more frequent.\n\n"
              "In Australia, supermarket chains Woolworths and Coles lowered their limits on bottled water. "
              "Woolworths also limited deliveries to one pack per order, while Coles said demand had doubled.\n\n"
              "A Republican senator said the federal response was too slow.\n")
    found = actors(x)
    assert found["UN"] == ("organization", "Q1065")  # tagged as a place ("a UN report")
    assert found["Woolworths"] == ("organization", "Q3249145")  # tagged as a nationality and as a person
    assert found["Coles"] == ("organization", "Q1108172")  # the Australian chain: the article's country decides
    assert found["Ohio"] == ("government", "Q1397")  # "Ohio declared …": the state acts
    # where the region only locates ("The storm hit Ohio") it stays a place
    assert any(p.label == "Ohio" for p in x.places)
    # a party adjective is no organisation of that name (a newspaper called "The Republican")
    assert not any(a.label == "Republican" for a in x.actors)


@pytest.mark.slow
def test_a_person_of_the_article_keeps_the_name_and_an_unplaced_region_stays_unlinked():
    x = built("Teachers strike over pay\n\n"
              "Jane Coles, a teacher in Leeds, said the offer was too low. Coles added that the union would meet "
              "again on Friday.\n\n"
              "Louisiana's governor said his state would follow.\n")
    found = actors(x)
    assert found["Jane Coles"] == ("person", None)  # her surname is not the shop chain
    assert "Coles" not in found
    # a region acting, in an article that does not speak of its country: an actor, but not linked
    # ("Georgia" the US state and the country, "Victoria" the Australian state and the Canadian city)
    assert found["Louisiana"] == ("government", None)


@pytest.mark.slow
def test_names_after_a_plural_title_and_a_given_name_that_is_also_a_town():
    x = built("Andean leaders sign water pact\n\n"
              "On Sunday Presidents Ana Ruiz of Chile and Tomás Vidal of Peru signed the pact in Lima.\n\n"
              "Secretary of State Antony K. Marsh spoke today with the Foreign Minister of Chile.\n")
    people = {a.label for a in x.actors if a.kind == "person"}
    # "Ana Ruiz" was not tagged at all, "Tomás Vidal of" was tagged an organisation with the "of" of its country
    assert {"Ana Ruiz", "Tomás Vidal", "Antony K. Marsh"} <= people  # "Antony" is a town too: still a given name
    assert not any(a.label.endswith(" of") for a in x.actors)


def test_a_long_full_name_of_one_record_links_without_its_country():
    from kg.model import Actor, Mention, Span
    from kg.pipeline.link import kb as kbmod
    from kg.pipeline.link.linking import decide

    kb = kbmod.load()

    def person(label: str) -> Actor:
        return Actor("person/x", label, "person", [Mention(Span(0, len(label), label), "name")])

    def sole(e) -> bool:  # noqa: ANN001
        return e.type == "person" and e.prior == 0.5 and e.country and not any(
            p.end is None for p in e.positions) and len(kb.named(e.label)) == 1

    three = next(e for e in kb.of_type("person") if len(e.label.split()) == 3 and sole(e))
    two = next(e for e in kb.of_type("person") if len(e.label.split()) == 2 and sole(e))
    day = dt.date(2030, 1, 1)
    assert decide(Extraction([person(three.label)]), kb, date=day)[0].entity == three.id
    # two words are shared by too many people: the article must speak of the record's country
    assert decide(Extraction([person(two.label)]), kb, date=day)[0].entity is None


@pytest.mark.slow
def test_two_organisations_run_together_and_a_title_run_into_a_long_name():
    x = built("Markets fall\n\n"
              "Mining stocks such as ArcelorMittal and Glencore fell on Monday as metal prices weakened.\n",
              date="2021-03-10")
    found = actors(x)
    assert found["ArcelorMittal"][1] == "Q27893" and found["Glencore"][1] == "Q169339"
    assert "ArcelorMittal and Glencore" not in found
    # a name with "and" in it that the knowledge base knows whole stays one
    from kg.extraction.known_kinds import coordinated_organisations
    from kg.pipeline import nlp

    doc = nlp.load()("Shares of Marks and Spencer rose, and so did ArcelorMittal and Glencore.")
    assert coordinated_organisations(doc[2:5]) == []
    assert [p.text for p in coordinated_organisations(doc[10:13])] == ["ArcelorMittal", "Glencore"]
    x = built("Wheat purchases\n\n"
              "Union Minister of Agriculture and Farmers Welfare Narendra Singh Tomar said in New Delhi that "
              "India would buy more wheat.\n", date="2021-03-10")
    found = actors(x)
    # the description ran into the name; the record's very name, of three words, is found at its end
    assert any(kind == "person" and q == "Q6965799" for kind, q in found.values())


def _named(key: str, label: str, kind: str = "person"):  # noqa: ANN202
    from kg.model import Actor, Mention, Span

    return Actor(key, label, kind, [Mention(Span(0, len(label), label), "name")])  # type: ignore[arg-type]


def _decided(x: Extraction, day: dt.date | None) -> dict[str, str | None]:
    from kg.pipeline.link import kb as kbmod
    from kg.pipeline.link.linking import decide

    return {d.key: d.entity for d in decide(x, kbmod.load(), date=day)}


def test_a_country_that_a_region_of_the_article_s_country_names_stays_unlinked():
    from kg.model import Place

    day = dt.date(2019, 7, 15)
    georgia = _named("country/georgia", "Georgia", "country")
    # "Georgia Senator …" beside "South Carolina": the article speaks of the United States, whose state it may be
    x = Extraction([georgia], places=[Place("place/south-carolina", "South Carolina")])
    assert _decided(x, day)["country/georgia"] is None
    # a city of the country decides it; an article of no other country leaves the country its name
    x = Extraction([_named("country/georgia", "Georgia", "country")],
                   places=[Place("place/south-carolina", "South Carolina"), Place("place/tbilisi", "Tbilisi")])
    assert _decided(x, day)["country/georgia"] == "country/georgia"
    assert _decided(Extraction([_named("country/georgia", "Georgia", "country")]), day)["country/georgia"] \
        == "country/georgia"


def test_a_given_name_spelt_one_letter_apart_needs_the_post_at_the_date():
    russia = _named("country/russia", "Russia", "country")
    x = Extraction([_named("person/x", "Sergei Lavrov"), russia])
    assert _decided(x, dt.date(2015, 11, 25))["person/x"] == "person/sergey-lavrov"  # in office then
    x = Extraction([_named("person/x", "Sergei Lavrov"), _named("country/russia", "Russia", "country")])
    assert _decided(x, dt.date(1990, 1, 1))["person/x"] is None  # before his post: a namesake is as likely
    x = Extraction([_named("person/x", "Sergio Lavrov"), _named("country/russia", "Russia", "country")])
    assert _decided(x, dt.date(2015, 11, 25))["person/x"] is None  # two letters apart: another person


def test_a_state_body_of_the_registries_is_a_state_body():
    """"State Department" is a government body that a registry types as an organisation: a generic name may mean
    it (in an article of several countries, with the country of the body among them)."""
    us, russia = _named("country/united-states", "United States", "country"), _named("country/russia", "Russia",
                                                                                      "country")
    x = Extraction([_named("org/sd", "State Department", "government"), us, russia])
    assert _decided(x, dt.date(2022, 7, 27))["org/sd"] == "org/united-states-department-of-state"
    # without its country in the article, a generic name stays unlinked
    x = Extraction([_named("org/sd", "State Department", "government"), _named("country/russia", "Russia", "country")])
    assert _decided(x, dt.date(2022, 7, 27))["org/sd"] is None


@pytest.mark.slow
def test_a_noun_that_describes_an_organisation_beside_its_name():
    x = built("Fire kills five\n\n"
              "State press agency PAP has reported that five people died in the fire in Warsaw. An eyewitness "
              "described for news agency PA Media how the fire spread. In an interview with magazine The Bark, she "
              "said she was safe. Online British supermarket Ocado was observed limiting purchases.\n",
              date="2019-01-05")
    by_label = {a.label.removeprefix("The "): a for a in x.actors}
    # untagged names after the noun, and a shop chain tagged as a place, are organisations
    for label, noun in (("PA Media", "news agency"), ("Bark", "magazine"), ("Ocado", "supermarket")):
        assert by_label[label].kind == "organization" and by_label[label].described_as == noun.split()[-1]
    assert not any(p.label == "Ocado" for p in x.places)
    # "PAP" is the acronym of a news agency, a shop chain and parties: the description decides
    assert by_label["PAP"].links["wikidata"] == WD + "Q1484980"
    # without it, the acronym stays unlinked
    poland = _named("country/poland", "Poland", "country")
    pap = _named("org/pap", "PAP", "organization")
    assert _decided(Extraction([pap, poland]), dt.date(2019, 1, 5))["org/pap"] is None
    pap.described_as = "agency"
    assert _decided(Extraction([pap, poland]), dt.date(2019, 1, 5))["org/pap"] == "org/polish-press-agency"
    # a broad noun ("research firm NPD") does not make a shop chain of another country the firm
    npd = _named("org/npd", "NPD", "organization")
    npd.described_as = "firm"
    us = _named("country/united-states", "United States", "country")
    assert any(e.category == "brand" for e in kbmod.load().named("NPD"))
    assert _decided(Extraction([npd, us]), dt.date(2017, 5, 9))["org/npd"] is None


def test_a_region_of_one_country_tells_the_article_s_country():
    """"South Carolina" speaks of the United States as "London" does of the United Kingdom: a party name many
    countries share is decided by it; a name a city bears too ("Victoria") tells nothing."""
    from kg.model import Place

    day = dt.date(2019, 7, 15)
    party = _named("org/dp", "Democratic Party", "organization")
    assert _decided(Extraction([party]), day)["org/dp"] is None  # whose Democratic Party?
    x = Extraction([_named("org/dp", "Democratic Party", "organization")],
                   places=[Place("place/south-carolina", "South Carolina")])
    decided = _decided(x, day)
    assert decided["org/dp"] == "org/democratic-party-q29552"
    # but a region's own name is no evidence for itself (a region of that name in a country the base lacks)
    assert decided["place/south-carolina"] is None
    punjab = Extraction([_named("org/punjab", "Punjab", "government"), _named("country/pakistan", "Pakistan", "country")])
    assert _decided(punjab, day)["org/punjab"] is None  # the base knows India's Punjab only
