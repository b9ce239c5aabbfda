"""Actors the entity recogniser types wrongly, corrected by what the knowledge base knows (kg.extraction.known_kinds),
and regions that act, linked to the region: invented news sentences, run through extraction and linking."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extraction import extract
from kg.model import Extraction
from kg.pipeline.ingest import from_text
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
