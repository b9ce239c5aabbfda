"""A country's body named without its country ("the government", "the National Police", "the Norwegian
government") and a party named by a generic word ("Labor"): linked to the body of the article's only country, and
left unlinked where the article speaks of several; a territory GeoNames counts as a country takes the item of its
region record. Invented news sentences, run through extraction and linking."""

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


def linked(x: Extraction) -> dict[str, str | None]:
    """Each actor's mention texts → its Wikidata id (or None)."""
    out = {}
    for a in x.actors:
        q = a.links.get("wikidata")
        for m in a.mentions:
            out[m.span.text] = q[len(WD):] if q else None
    return out


@pytest.mark.slow
def test_the_government_of_the_only_country_and_a_generic_police_name():
    x = built("Fuel taxes to rise in Norway\n\n"
              "OSLO — The government said on Monday that fuel taxes would rise in April. \"We have no other "
              "choice,\" the government said in a statement issued in Oslo.\n")
    assert linked(x).get("The government") == "Q1770849"  # Government of Norway
    x = built("Two held after blast in Surabaya\n\n"
              "SURABAYA, Indonesia — The National Police said on Tuesday that two men had been arrested after a "
              "blast near a market in Surabaya. \"The suspects are in custody,\" the National Police said.\n")
    assert linked(x).get("National Police") == "Q3103954"  # Indonesian National Police


@pytest.mark.slow
def test_a_government_named_by_its_country_adjective_and_a_party_by_a_generic_word():
    x = built("Budget row in Canberra\n\n"
              "Labor said on Wednesday that the budget would hurt families in Sydney and Melbourne. \"This budget "
              "fails working Australians,\" Labor said in a statement.\n")
    assert linked(x).get("Labor") == "Q216082"  # the Australian Labor Party, in an article about Australia
    x = built("Oil fund to sell shares\n\n"
              "The Norwegian government said on Friday that the oil fund would sell its shares in two mining "
              "firms. \"The decision is final,\" the Norwegian government said.\n")
    assert "Q1770849" in linked(x).values()


@pytest.mark.slow
def test_the_government_of_an_article_of_two_countries_stays_unlinked():
    x = built("Talks on fishing rights\n\n"
              "Fishermen from Norway and Sweden met in Oslo on Monday. \"We want a fair deal,\" the government "
              "said in a statement.\n")
    assert not any(q in ("Q1770849", "Q930729") for q in linked(x).values())


@pytest.mark.slow
def test_a_territory_takes_the_item_of_its_region_record():
    """Macao and Puerto Rico are countries to GeoNames (no item) and regions of China and the United States to the
    other sources (with their items)."""
    x = built("Casino rules tightened\n\n"
              "Macao said on Tuesday that it would tighten casino rules from June. \"The new rules protect "
              "players,\" Macao said in a statement. Puerto Rico announced a similar plan.\n")
    assert linked(x).get("Macao") == "Q14773"
    assert linked(x).get("Puerto Rico") == "Q1183"
    assert x.actor("country/macao") is not None  # the actor keeps its country key


@pytest.mark.slow
def test_a_country_named_only_by_its_adjective_counts_against_the_dateline_country():
    """A dateline city speaks of one country, the officials' adjective of another: whose government is unknown."""
    x = built("Talks on fuel prices\n\n"
              "OSLO — Swedish officials said on Monday that fuel prices would rise. \"We have no other choice,\" the "
              "government said in a statement.\n")
    assert not any(q in ("Q1770849", "Q930729") for q in linked(x).values())
