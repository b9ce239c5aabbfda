"""A country's body named without its country: "the government of Freedonia", "the Freedonian government",
"Freedonia's government", and a generic name alone ("the government", "the National Police", "the Senate") in an
article that speaks of one country only (or that gives the actor its country).

The record is a body of that country whose name is the generic name with the country's name or adjective
("Government of Freedonia", "Freedonian National Police", "Senate of Freedonia"). Two such records compete, and the
name stays unlinked.
"""

from __future__ import annotations

import re

from kg import gazetteer, lexicon
from kg.model import Actor
from kg.pipeline.link.kb import Entity, KnowledgeBase
from kg.pipeline.link.names import generic, slug

_GOVERNMENT = r"(?:federal |national |central |royal )?government"
_OF = re.compile(rf"^{_GOVERNMENT} of (.+)$", re.I)
_BEFORE = re.compile(rf"^(.+?)(?:['’]s)? {_GOVERNMENT}$", re.I)
_SHORT = 3  # "Government of …" records are the only ones a name this short ("the government") may reach


def _bare(name: str) -> str:
    return re.sub(r"^the ", "", name.strip(), flags=re.I).strip()


def government_country(name: str) -> str | None:
    """The country a government's name gives ("the Freedonian government", "the government of Freedonia" →
    ``country/freedonia``); None when the name is no such government's or its country is unknown."""
    n = _bare(name)
    m = _OF.match(n) or _BEFORE.match(n)
    c = gazetteer.country(m.group(1)) if m else None
    return "country/" + slug(c.name) if c else None


def _names(actor: Actor) -> list[str]:
    return [actor.label, *(m.span.text for m in actor.mentions if m.kind in ("name", "role", "title"))]


def national_bodies(actor: Actor, kb: KnowledgeBase, own: str | None, countries: set[str]) -> list[Entity]:
    """The records the actor's name means in its country: a government named with its country, or a generic name
    (all its words say what the body is, not whose) of the actor's country or of the article's only country."""
    names = _names(actor)
    for n in names:
        country = government_country(n)
        if country:
            return _bodies(kb, country, "government")
    generic_names = {_bare(n) for n in names if generic(_bare(n)) and _bare(n)}
    if not generic_names:
        return []
    country = own or (next(iter(countries)) if len(countries) == 1 else None)
    if country is None:
        return []
    out: dict[str, Entity] = {}
    for n in generic_names:
        out |= {e.id: e for e in _bodies(kb, country, n)}
    return list(out.values())


def _bodies(kb: KnowledgeBase, country_id: str, name: str) -> list[Entity]:
    """The bodies of the country named ``name`` with the country's name or adjective."""
    country = kb.get(country_id)
    if country is None:
        return []
    name = name[:1].upper() + name[1:]
    adjectives = [d for d, c in lexicon.demonyms().items() if "country/" + slug(c) == country_id]
    queries = []
    for n in country.names:
        queries += [f"{name} of {n}", f"{name} of the {n}", f"{n} {name}", f"Federal {name} of {n}"]
    queries += [f"{d} {name}" for d in adjectives]
    is_government = name.lower().endswith("government")
    found: dict[str, Entity] = {}
    for q in queries:
        for e, w in kb.named_weighted(q):
            # (a record that gives no country is named with it: "Senate of Freedonia")
            if w < 0.9 or e.country not in (country_id, None) or e.type not in ("government", "organization"):
                continue
            if is_government and (e.type != "government" or "government" not in e.label.lower()):
                continue
            found[e.id] = e
    return list(found.values())


def named_with_country(actor: Actor, kb: KnowledgeBase, texts: list[str]) -> list[Entity]:
    """A generic name of two words or more that the article writes elsewhere after one country's name ("the U.S.
    Coast Guard … the Coast Guard"): that country's body of that name."""
    out: dict[str, Entity] = {}
    for n in {_bare(n) for n in _names(actor)}:
        if len(n.split()) < 2 or not generic(n):
            continue
        countries = set()
        for t in texts:
            at = t.find(n)
            while at >= 0:
                before = t[max(0, at - 40):at].split() if at and t[at - 1] == " " else []  # three words before
                for k in (3, 2, 1):
                    c = gazetteer.country(" ".join(before[-k:])) if len(before) >= k else None
                    if c is not None:
                        countries.add("country/" + slug(c.name))
                        break
                at = t.find(n, at + len(n))
        if len(countries) == 1:
            out |= {e.id: e for e in _bodies(kb, countries.pop(), n)}
    return list(out.values())
