"""Linking actors and places to Wikidata, DBpedia and GeoNames, through the local knowledge base (:mod:`kg.kb`) and,
when asked for, a Wikidata SPARQL endpoint (:mod:`kg.online`).

For each actor, candidates come from the knowledge base by key (a country actor's key is its record's id), by
normalised name or alias (case, accents, "the", possessives and honorifics folded: "the U.S." = "US" = "United
States"), by a capital used for its government ("Moscow said"), and, for a person named by a surname only, by family
name. Candidates of another type are dropped (a person is not a place). Each remaining candidate gets a confidence
from the strength of the name match and from the article's context: the posts the article gives the actor
("China's Foreign Minister"), its country, a title in a mention, and whether the candidate held a post at the
article's date. A candidate below the threshold, or one that the context does not single out from another, is a
NIL decision: the actor stays unlinked. Precision comes first: a surname alone links only with context beyond a
country, and a country that contradicts the candidate's rules it out.

A linked actor takes its record's id as key (``"Biden"`` → ``person/joe-biden``), and every reference to the old key
is updated (:func:`rename_actor`), so the same entity gets the same IRI in every article's graph.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from kg import gazetteer, lexicon
from kg.kb import Entity, KnowledgeBase, name_key
from kg.model import Actor, Extraction, Place

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.7
# extraction's actor kind → the record types it may be linked to
_COMPATIBLE = {"person": {"person"}, "organization": {"organization", "government"},
               "government": {"organization", "government"}, "country": {"country"}}
_NAME_MENTIONS = {"name", "surname", "title", "acronym", "metonymy"}


@dataclass(frozen=True)
class Decision:
    """What the linker decided for one actor or place: the record (None = NIL), its confidence and why."""

    key: str  # the actor's or place's key before linking
    entity: str | None
    confidence: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Scored:
    entity: Entity
    confidence: float
    evidence: tuple[str, ...]


def article_date(extraction: Extraction) -> dt.date | None:
    """The article's date as extraction saw it: the date holdings are attested at, or that times were resolved
    against."""
    for h in extraction.holdings:
        if h.valid_at:
            return h.valid_at
    return next((t.anchor for t in extraction.times if t.anchor), None)


# ------------------------------------------------------------------------------------------------------ deciding
def decide(extraction: Extraction, kb: KnowledgeBase, *, date: dt.date | None = None,
           threshold: float = DEFAULT_THRESHOLD) -> list[Decision]:
    """A decision for every actor (but groups and unnamed people) and every place; changes nothing."""
    day = date or article_date(extraction)
    out: list[Decision] = []
    resolved: dict[str, str] = {}  # actor key → record id, for the organisations posts belong to
    # bodies and countries first: a person's post is matched through the record of its organisation
    for actor in sorted(extraction.actors, key=lambda a: a.kind == "person"):
        if actor.kind not in _COMPATIBLE or actor.key.startswith(("anon/", "group/")):
            continue
        scored = _candidates(actor, extraction, kb, day, resolved)
        d = _choose(actor.key, scored, threshold)
        if d.entity:
            resolved[actor.key] = d.entity
        out.append(d)
    for place in extraction.places:
        hits = [e for e in kb.named(place.label) if e.type == "place" and e.links]
        scored = [_Scored(e, 0.9, ("name",)) for e in hits]
        out.append(_choose(place.key, scored, threshold))
    return out


def _choose(key: str, scored: list[_Scored], threshold: float) -> Decision:
    """The best candidate if it clears the threshold and beats the runner-up clearly; otherwise NIL."""
    ranked = sorted((s for s in scored if s.entity.links), key=lambda s: -s.confidence)
    if not ranked or ranked[0].confidence < threshold:
        best = ranked[0].confidence if ranked else 0.0
        return Decision(key, None, best, ("below threshold",) if ranked else ("no candidate",))
    if len(ranked) > 1 and ranked[0].confidence - ranked[1].confidence < 0.1:
        return Decision(key, None, ranked[0].confidence,
                        ("ambiguous: " + ", ".join(s.entity.id for s in ranked[:3]),))
    top = ranked[0]
    return Decision(key, top.entity.id, round(top.confidence, 3), top.evidence)


def _strip_titles(name: str) -> str:
    """Drop honorifics and post titles in front of a person's name ("Mr. Biden", "President Putin")."""
    words = name.split()
    titles = lexicon.titles()
    heads = {h.split()[-1] for h in lexicon.post_heads()}
    while len(words) > 1 and (words[0] in titles or words[0].lower() in heads):
        words = words[1:]
    return " ".join(words)


def _candidates(actor: Actor, x: Extraction, kb: KnowledgeBase, day: dt.date | None,
                resolved: dict[str, str]) -> list[_Scored]:
    allowed = _COMPATIBLE[actor.kind]
    if actor.kind == "person":
        return _person_candidates(actor, x, kb, day, resolved)
    found: dict[str, _Scored] = {}

    def add(e: Entity | None, conf: float, why: str) -> None:
        if e is None or e.type not in allowed:
            return
        if actor.country and e.country and resolved.get(actor.country, actor.country) != e.country:
            return  # the article puts the actor in another country than the record does
        if e.id not in found or found[e.id].confidence < conf:
            found[e.id] = _Scored(e, conf, (why,))

    if actor.kind == "country":
        add(kb.get(actor.key), 0.95, "key")
        cap = gazetteer.capital_of(actor.label)
        if cap is not None:  # "Moscow" standing for Russia's government
            add(kb.get("country/" + _slug(cap.name)), 0.85, "capital metonymy")
    names = {actor.label} | {m.span.text for m in actor.mentions if m.kind in _NAME_MENTIONS}
    for n in names:
        for e in kb.named(n):
            add(e, 0.9, "name")
        core = _without_country(n)
        if core is not None:  # "U.S. State Department": the body's name after its country, the country must agree
            country, rest = core
            for e in kb.named(rest):
                if e.country == country:
                    add(e, 0.85, "name after country")
    return list(found.values())


def _without_country(name: str) -> tuple[str, str] | None:
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n:
            c = gazetteer.country(" ".join(words[:n]))
            if c is not None:
                return "country/" + _slug(c.name), " ".join(words[n:])
    return None


def _slug(name: str) -> str:
    from kg.ingest import slugify

    return slugify(name)


def _person_candidates(actor: Actor, x: Extraction, kb: KnowledgeBase, day: dt.date | None,
                       resolved: dict[str, str]) -> list[_Scored]:
    name = _strip_titles(actor.label)
    full = len(name.split()) >= 2
    pool = [e for e in kb.named(name) if e.type == "person"]
    if not full:
        pool += [e for e in kb.with_surname(name) if e not in pool]
    holdings = [h for h in x.holdings if h.holder == actor.key]
    mention_titles = {name_key(" ".join(m.span.text.split()[:-1])) for m in actor.mentions
                      if m.kind in _NAME_MENTIONS and len(m.span.text.split()) > 1}  # "President Biden"
    present = {resolved.get(a.key, a.key) for a in x.actors}  # the countries and bodies the article speaks of
    out = []
    for e in pool:
        if actor.country and e.country and resolved.get(actor.country, actor.country) != e.country:
            continue  # "Colombian president Uribe" is not a record of another country
        evidence = []
        posts = [(p, kb.get(p.post)) for p in e.positions]
        if any(post and name_key(post.title or "") == name_key(h.post)
               and resolved.get(h.organization or "", h.organization) == post.of
               and (day is None or p.held_at(day) or h.valid_at is None)
               for p, post in posts for h in holdings):
            evidence.append("post")
        if any(post and post.title and name_key(post.title) in mention_titles for _, post in posts):
            evidence.append("title")
        # a post held at the article's date counts when the article speaks of that post's country or body
        # (Biden in 2022 in an article about the United States), not for a namesake in unrelated news
        if day is not None and any(p.held_at(day) and post and post.of in present for p, post in posts):
            evidence.append("in office at the article date")
        if actor.country and e.country:
            evidence.append("country")
        strong = [v for v in evidence if v != "country"]
        if full:
            conf = 0.85 + 0.05 * len(evidence)
            why = ("full name", *evidence)
        else:  # a surname alone: only a post, a title or the date can single a record out
            conf = 0.45 + (0.3 if strong else 0.0) + 0.05 * len(evidence)
            why = ("surname", *evidence)
        out.append(_Scored(e, min(conf, 1.0), why))
    return out


# ------------------------------------------------------------------------------------------------------ applying
def link(extraction: Extraction, *, online: bool = False, date: dt.date | None = None,
         kb: KnowledgeBase | None = None, wikidata=None, threshold: float = DEFAULT_THRESHOLD) -> Extraction:  # noqa: ANN001
    """Link actors and places, in place; returns the same extraction.

    :param online: also look actors the knowledge base leaves without a Wikidata link up on a SPARQL endpoint
        (``wikidata``, a :class:`kg.online.WikidataClient`; by default one configured from the environment).
    :param date: the article's date (by default the one extraction resolved times against).
    :param threshold: the confidence below which an actor stays unlinked (NIL).
    """
    from kg import kb as kbmod

    kb = kb or kbmod.default()
    for item in [*extraction.actors, *extraction.places]:
        item.links.clear()
        item.link_confidence = None
    decisions = decide(extraction, kb, date=date, threshold=threshold)
    renames: list[tuple[str, str, bool]] = []
    places = {p.key: p for p in extraction.places}
    for d in decisions:
        if d.entity is None:
            log.debug("NIL %s (%s)", d.key, "; ".join(d.evidence))
            continue
        e = kb.get(d.entity)
        item: Actor | Place | None = extraction.actor(d.key) or places.get(d.key)
        if e is None or item is None:
            continue
        item.links.update(e.links)
        item.link_confidence = d.confidence
        if item.key != e.id:
            renames.append((item.key, e.id, isinstance(item, Place)))
    for old, new, is_place in renames:
        (rename_place if is_place else rename_actor)(extraction, old, new)
    if online:
        from kg.online import OnlineConfig, WikidataClient

        client = wikidata or WikidataClient(OnlineConfig.from_env(enabled=True), kb)
        link_online(extraction, client, kb)
    return extraction


def link_online(extraction: Extraction, client, kb: KnowledgeBase) -> None:  # noqa: ANN001
    """Ask the endpoint about every named actor still without a Wikidata link; accept a single candidate whose
    label and type agree (or the one whose country is the actor's, among several)."""
    from kg.online import ONLINE_CONFIDENCE

    for actor in extraction.actors:
        if actor.kind not in _COMPATIBLE or actor.key.startswith(("anon/", "group/")) or "wikidata" in actor.links:
            continue
        name = _strip_titles(actor.label) if actor.kind == "person" else actor.label
        if actor.kind == "person" and len(name.split()) < 2:
            continue  # a surname alone is never looked up: too many people share it
        found = client.candidates(name, actor.kind)
        if found is None:
            return  # the endpoint failed (already warned): the rest stay as the knowledge base left them
        country = kb.get(actor.country)
        if len(found) > 1 and country is not None and country.wikidata:
            found = [c for c in found if country.wikidata in c.countries]
        if len(found) != 1:
            if found:
                log.info("online: %s is ambiguous (%s), left unlinked", actor.label, ", ".join(c.qid for c in found))
            continue
        actor.links["wikidata"] = found[0].iri
        conf = ONLINE_CONFIDENCE
        actor.link_confidence = conf if actor.link_confidence is None else min(actor.link_confidence, conf)


# ------------------------------------------------------------------------------------------------------ renaming
def rename_actor(x: Extraction, old: str, new: str) -> None:
    """Give actor ``old`` the key ``new`` and update every reference to it (statements, events, holdings,
    documents, other actors' countries). If an actor ``new`` exists already, ``old`` is merged into it."""
    if old == new:
        return
    actor, target = x.actor(old), x.actor(new)
    if actor is not None and target is not None:
        seen = {(m.span.begin, m.span.end) for m in target.mentions}
        target.mentions.extend(m for m in actor.mentions if (m.span.begin, m.span.end) not in seen)
        target.mentions.sort(key=lambda m: m.span.begin)
        target.country = target.country or actor.country
        for k, v in actor.links.items():
            target.links.setdefault(k, v)
        if actor.link_confidence is not None:
            target.link_confidence = min(filter(None, [target.link_confidence, actor.link_confidence]))
        x.actors.remove(actor)
    elif actor is not None:
        actor.key = new
    swap = lambda k: new if k == old else k  # noqa: E731
    for a in x.actors:
        a.country = swap(a.country)
        if a.country == a.key and a.kind != "country":
            a.country = None
    for s in x.statements:
        s.speaker, s.addressee, s.reported_by = swap(s.speaker), swap(s.addressee), swap(s.reported_by)
    for e in x.events:
        e.cause_claimed_by = swap(e.cause_claimed_by)
        seen_p: set[tuple] = set()
        kept = []
        for p in e.participants:
            p.actor = swap(p.actor)
            sig = (p.actor, p.role, p.span)
            if sig not in seen_p:  # two merged actors in one event are one participant
                seen_p.add(sig)
                kept.append(p)
        e.participants = kept
    for h in x.holdings:
        h.holder, h.organization = swap(h.holder), swap(h.organization)
    for d in x.documents:
        d.publisher = swap(d.publisher)


def rename_place(x: Extraction, old: str, new: str) -> None:
    """Give place ``old`` the key ``new`` (merging into an existing ``new``) and update the events held there."""
    if old == new:
        return
    place = next((p for p in x.places if p.key == old), None)
    target = next((p for p in x.places if p.key == new), None)
    if place is not None and target is not None:
        seen = {(m.span.begin, m.span.end) for m in target.mentions}
        target.mentions.extend(m for m in place.mentions if (m.span.begin, m.span.end) not in seen)
        x.places.remove(place)
    elif place is not None:
        place.key = new
    for e in x.events:
        if e.place == old:
            e.place = new
