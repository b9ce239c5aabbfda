"""The names the linker compares: titles in front of a person's name, a body's name after its country or its parent's
possessive, acronyms, generic names of state bodies, and the countries the article's cities speak of."""

from __future__ import annotations

import re

from kg import gazetteer, lexicon
from kg.pipeline.link.kb import Entity, KnowledgeBase, name_key
from kg.model import Actor, Extraction

# extraction's actor kind → the record types it may be linked to (its keys: the kinds the linker links at all)
COMPATIBLE = {"person": {"person"}, "organization": {"organization", "government"},
              "government": {"organization", "government"}, "country": {"country"}}

NAME_MENTIONS = {"name", "surname", "title", "acronym", "metonymy"}


def acronym_mismatch(e: Entity, mention: str) -> bool:
    """Whether the record and the text disagree on an acronym: the record is named ``mention`` only by an acronym
    that the text writes as a word ("Uni" is not UNI), or the text writes an acronym that the record spells as a
    word ("WHO" is not The Who)."""
    key = name_key(mention)
    same = [n for n in (e.label, *e.aliases, *e.weak_aliases) if name_key(n) == key]
    acronym = [n.replace(".", "").replace("&", "").replace(" ", "").isupper() for n in same]
    if not same:
        return False
    if any(c.islower() for c in mention):
        return all(acronym)
    core = mention.replace(".", "").replace("&", "").strip()
    return " " not in core and len(core) <= 6 and not any(acronym)


def place_countries(x: Extraction, kb: KnowledgeBase) -> set[str]:
    """The countries of the cities the article names ("London" speaks of the United Kingdom), where the name is
    of one city only."""
    out = set()
    for place in x.places:
        found = {e.country for e, w in kb.named_weighted(place.label)
                 if e.type == "place" and e.category != "subdivision" and w >= 0.9 and e.country}
        if len(found) == 1:
            out |= found
    return out


def region_countries(x: Extraction, kb: KnowledgeBase) -> set[str]:
    """The countries of the regions the article names ("Texas" speaks of the United States), where the
    name is of one region only and of no country."""
    out = set()
    for item in [*x.places, *(a for a in x.actors if a.kind == "government")]:
        if gazetteer.country(item.label):
            continue
        places = [e for e, w in kb.named_weighted(item.label) if e.type == "place" and w >= 0.9]
        found = {e.country for e in places if e.country}
        if len(found) == 1 and places and all(e.category == "subdivision" for e in places):
            out |= found  # (not "Victoria", a state and a city)
    return out


def strip_titles(name: str) -> str:
    """Drop honorifics and post titles in front of a person's name ("Mr. Okafor", "President Ruiz")."""
    words = name.split()
    titles = lexicon.titles()
    heads = {h.split()[-1] for h in lexicon.post_heads()}
    while len(words) > 1 and (words[0] in titles or words[0].lower() in heads):
        words = words[1:]
    return " ".join(words)


# general English words that stand before a person's name as a description ("Liberal MP Gareth Pryce",
# "Chief Whip Nora Lindqvist", "Columnist Aldo Brenner"), besides the titles and post heads of the lexicon
ROLE_WORDS = frozenset("""
actor actress analyst anchor assemblyman assemblywoman attorney author broadcaster campaigner candidate captain ceo
chef coach columnist comedian commentator conservative correspondent councillor councilman councilwoman criminologist
democrat democratic deputy designer director dr drummer economist editor executive expert explorer former founder
guitarist historian host independent journalist judge justice labour lawyer leader liberal majority minority mp mps
musician novelist officer photographer physician pianist player poet presenter producer professor prosecutor
rapper reporter republican researcher scientist sen senator singer songwriter speaker spokesman spokeswoman star
striker teacher whip writer
""".split())


def trailing_names(name: str) -> list[str]:
    """The person's name at the end of a description, longest first: "Labour MP Gareth Pryce" → "Gareth
    Pryce"; "mayor of Duluth, Carla Venn" → "Carla Venn". Only words that describe may go (role
    words, titles, lower-case words, acronyms, or one word that is no given name before a given name: a misspelt
    title): "Mary Ann Smith" is never "Ann Smith"."""
    titles = lexicon.titles()
    heads = {h.split()[-1] for h in lexicon.post_heads()}

    def describes(w: str) -> bool:
        bare = w.strip(",.").lower()
        return (bare in ROLE_WORDS or bare in heads or w in titles or w[:1].islower()
                or (len(w) >= 2 and w.isupper()))

    out = []
    if ", " in name:
        head, tail = name.rsplit(", ", 1)
        if len(tail.split()) >= 2 and any(describes(w) for w in head.split()):
            out.append(tail)
    words = name.split()
    for i in range(1, len(words) - 1):
        if not describes(words[i - 1]):
            break
        if words[i][:1].isupper() and not describes(words[i]):
            out.append(" ".join(words[i:]))
    given = lexicon.given_names()
    if len(words) >= 3 and words[0].lower() not in given and words[1].lower() in given and words[0][:1].isupper() \
            and " ".join(words[1:]) not in out and not gazetteer.city(words[0]) and not gazetteer.country(words[0]):
        out.append(" ".join(words[1:]))  # "Assemblymember Jane Holt" (not a place before a name)
    return out


def names_of(actor: Actor) -> set[str]:
    names = {actor.label} | {m.span.text for m in actor.mentions if m.kind in NAME_MENTIONS}
    if actor.kind != "person":  # "the United Nations' Food and Agriculture Organization": the body after its parent
        for n in list(names):
            m = re.search(r"(?:['’]s|s['’]) ([A-Z][^ ]* .+)$", n)
            if m and len(m.group(1).split()) >= 2:
                names.add(m.group(1))
    return names


# the words of a body's name that do not say whose body it is ("Supreme Court", "Ministry of Foreign Affairs")
INSTITUTION_WORDS = frozenset("""
of the and for on in affairs agency air armed army assembly authority bank board brigade bureau cabinet central chamber
coast commission committee congress council court courts defence defense department deputies directorate emergencies
emergency energy environment federal finance fire force forces foreign general government guard health high home house
interior intelligence internal investigation justice labour labor lords ministry national navy office parliament
people's police presidency president's prosecutor prosecutor's public representatives republic reserve royal
security senate service services situations state supreme treasury tribunal
""".split())


def generic(name: str) -> bool:
    """A body's name that many countries' bodies share: it says what the body is, not whose."""
    words = [w.strip(".,'’()").lower() for w in name.split()]
    words = [w for w in words if w]
    return bool(words) and all(w in INSTITUTION_WORDS for w in words)


def state_body(e: Entity) -> bool:
    """A government body, by type or by name ("Ministry of Health" of a hospital operator's list, "United States
    Department of Defense")."""
    label = split[1] if (split := without_country(e.label)) else e.label
    return e.type == "government" or e.category == "government body" or \
        label.startswith(("Ministry", "Department of", "Minister of"))


def without_country(name: str) -> tuple[str, str] | None:
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n:
            c = gazetteer.country(" ".join(words[:n]))
            if c is not None:
                return "country/" + slug(c.name), " ".join(words[n:])
    return None


def slug(name: str) -> str:
    from kg.pipeline.ingest import slugify

    return slugify(name)
