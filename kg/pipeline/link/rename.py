"""Giving a linked actor or place its record's key, and every reference to it with it."""

from __future__ import annotations

from kg.model import Extraction


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
