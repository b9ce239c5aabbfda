"""Linking actors and places to Wikidata, DBpedia and GeoNames, through the local knowledge base (:mod:`kg.pipeline.link.kb`) and,
when asked for, a Wikidata SPARQL endpoint (:mod:`kg.pipeline.link.online`).

The linker decides on evidence, and "no link" is always an answer: a wrong link is worse than a missing one.

* **Candidates** come from the knowledge base by key (a country actor's key is its record's id), by normalised
  name or alias (case, accents, "the", possessives and honorifics folded: "the U.S." = "US" = "United States"), by
  a capital used for its government ("Moscow said"), by a body's name after its country ("U.S. State
  Department"), for a person named by a surname only by family name, and for an unnamed post holder ("the
  Malaysian prime minister") by the holder of that post at the article's date.
* **Type agreement**: a person links only to a person, an organisation or government body to an organisation, a
  country to a country, a place to a place; groups are never linked.
* **Context**: the article's countries (a record of another country than the actor's is ruled out; one of the
  article's countries counts for a record), the posts the article gives the actor and the titles in its mentions,
  the posts a record held at the article's date, and a prior per record (how often its names mean it: a country,
  a head of government, a party, a local operator).
* **Decision**: the best candidate must clear the threshold and beat the runner-up by a margin; a name that two
  records share (a surname, "Alliance for the Republic", "Ministry of Defence") stays unlinked unless the context
  singles one out.

People's candidates and their evidence are in :mod:`kg.pipeline.link.people`.

A linked actor takes its record's id as key (``"Biden"`` → ``person/joe-biden``), and every reference to the old key
is updated (:func:`rename_actor`), so the same entity gets the same IRI in every article's graph.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from kg import gazetteer, lexicon
from kg.pipeline.link.governments import named_with_country, national_bodies
from kg.pipeline.link.kb import Entity, KnowledgeBase, name_key
from kg.pipeline.link.names import (COMPATIBLE, NAME_MENTIONS, acronym_mismatch, generic, names_of,
                                   place_countries, region_countries, slug, state_body, strip_titles, without_country)
from kg.pipeline.link.org_forms import club_forms, news_channels, other_forms, parent_disagrees
from kg.pipeline.link.rename import rename_actor, rename_place  # noqa: F401  (kg.pipeline.link.linking.rename_actor is public)
from kg.model import Actor, Extraction, Place, PositionHolding
from kg.pipeline.link.people import Context as _Context, Scored as _Scored, prior as _prior
from kg.pipeline.link.people import person_candidates as _person_candidates, unnamed_holder as _unnamed_holder
from kg.pipeline.link.text_evidence import plays_as_team, sport, sports, sporty, spelt_out

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 0.7
MARGIN = 0.1  # how far the best candidate must be ahead of the runner-up
_EPSILON = 1e-9  # confidences are sums of tenths: 1.0 - 0.9 must count as a margin of 0.1


@dataclass(frozen=True)
class Decision:
    """What the linker decided for one actor or place: the record (None = NIL), its confidence and why."""

    key: str  # the actor's or place's key before linking
    entity: str | None
    confidence: float
    evidence: tuple[str, ...] = ()


def article_date(extraction: Extraction) -> dt.date | None:
    """The article's date as extraction saw it: the date holdings are attested at, or that times were resolved
    against."""
    for h in extraction.holdings:
        if h.valid_at:
            return h.valid_at
    return next((t.anchor for t in extraction.times if t.anchor), None)


# ------------------------------------------------------------------------------------------------------ deciding
def decide(extraction: Extraction, kb: KnowledgeBase, *, date: dt.date | None = None,
           threshold: float = DEFAULT_THRESHOLD, text: str | None = None) -> list[Decision]:
    """A decision for every actor (but groups) and every place; changes nothing. ``text``, the article's text,
    lets the words around a name count (an acronym spelt out, a country's name for its team)."""
    ctx = _Context(date or article_date(extraction), text=text or "")
    ctx.countries |= place_countries(extraction, kb)
    by_cities = set(ctx.countries)
    regions = region_countries(extraction, kb)
    named = {a.key for a in extraction.actors if a.kind == "country"}
    # the countries the article speaks of, for a country's name that a region of one of them bears too
    spoken = by_cities | regions | named
    ctx.regional = regions - by_cities - named
    ctx.countries |= regions  # "Texas" speaks of the United States as "London" does of the United Kingdom
    out: list[Decision] = []
    order = {"country": 0, "organization": 1, "government": 1, "person": 2}
    # countries first (the context of everything else), then bodies (a person's post is matched through the record
    # of its organisation), then people
    unnamed: list[Actor] = []
    for actor in sorted(extraction.actors, key=lambda a: order.get(a.kind, 3)):
        if actor.kind not in COMPATIBLE or actor.key.startswith("group/"):
            continue
        if actor.kind == "person" and not any(m.kind in NAME_MENTIONS for m in actor.mentions):
            unnamed.append(actor)  # after the named people: a post alone may be one of them
            continue
        if actor.key.startswith("anon/"):
            continue
        scored = _candidates(actor, extraction, kb, ctx)
        d = _choose(actor.key, scored, threshold)
        if d.entity and actor.kind == "country" and (plays_as_team(actor, ctx.text) or _a_name(actor, extraction)):
            # "Italy failed to qualify": the national team, not the state; "Paris" that is a person's surname
            d = Decision(actor.key, None, d.confidence, ("not the country: a team or a person's name",))
        if d.entity and actor.kind == "country" and d.entity not in by_cities:
            region = next((e for e in kb.named(actor.label) if e.type == "place" and e.category == "subdivision"
                           and e.country != d.entity and e.country in spoken), None)
            if region is not None:  # "Georgia" in an article about Texas: whose Georgia?
                d = Decision(actor.key, None, d.confidence, (f"ambiguous: {d.entity}, {region.id}",))
        if d.entity:
            ctx.resolved[actor.key] = d.entity
            if actor.kind == "person":
                ctx.people.add(d.entity)
            if actor.kind == "country":
                ctx.countries.add(d.entity)
        elif actor.kind == "country":
            ctx.countries.add(actor.key)
        if d.entity and actor.kind == "country":
            d = _territory(actor, d, kb)
        out.append(d)
    speakers = {s.speaker for s in extraction.statements}
    out += [_choose(a.key, _unnamed_holder(a, kb, ctx, a.key in speakers), threshold) for a in unnamed]
    for actor in extraction.actors:  # the countries the article gives its actors count as the article's
        if actor.country:
            ctx.countries.add(ctx.rid(actor.country))
    for place in extraction.places:
        out.append(_choose(place.key, _place_candidates(place, kb, ctx), threshold))
    return out


def _territory(actor: Actor, d: Decision, kb: KnowledgeBase) -> Decision:
    """A territory that GeoNames counts as a country and the other sources as a region of another ("Hong Kong",
    "Guam"): its country record has no item, the one region record of that name has it. The article's context
    keeps the country record."""
    e = kb.get(d.entity)
    if e is None or e.wikidata:
        return d
    # (a place no source calls a region, "Taiwan" of the verified list, is one too)
    regions = [r for r, w in kb.named_weighted(actor.label) if r.type == "place"
               and r.category in ("subdivision", None) and r.wikidata and w >= 0.9]
    if len(regions) != 1:
        return d
    return Decision(d.key, regions[0].id, d.confidence, (*d.evidence, "territory's region record"))


def _choose(key: str, scored: list[_Scored], threshold: float) -> Decision:
    """The best candidate if it clears the threshold and beats the runner-up clearly; otherwise NIL."""
    best: dict[str, _Scored] = {}
    for s in scored:
        if s.entity.id not in best or best[s.entity.id].confidence < s.confidence:
            best[s.entity.id] = s
    # a known entity without identifiers competes too: "G20" the forum (no verified id) keeps the name from a
    # shop chain that has one
    ranked = sorted(best.values(), key=lambda s: (-s.confidence, not s.entity.links, s.entity.id))
    if not ranked or ranked[0].confidence < threshold:
        top = ranked[0].confidence if ranked else 0.0
        return Decision(key, None, round(top, 3), ("below threshold",) if ranked else ("no candidate",))
    if len(ranked) > 1 and ranked[0].confidence - ranked[1].confidence < MARGIN - _EPSILON:
        return Decision(key, None, round(ranked[0].confidence, 3),
                        ("ambiguous: " + ", ".join(s.entity.id for s in ranked[:3]),))
    top = ranked[0]
    if not top.entity.links:
        return Decision(key, None, round(top.confidence, 3), (f"{top.entity.id} has no identifier",))
    return Decision(key, top.entity.id, round(min(top.confidence, 1.0), 3), top.evidence)


def _candidates(actor: Actor, x: Extraction, kb: KnowledgeBase, ctx: _Context) -> list[_Scored]:
    if actor.kind == "person":
        return _person_candidates(actor, x, kb, ctx)
    allowed = COMPATIBLE[actor.kind]
    found: list[_Scored] = []
    own = ctx.rid(actor.country)

    def add(e: Entity | None, conf: float, why: str, name: str = "") -> None:
        if e is None or (e.type not in allowed and not _region_body(actor, e)):
            return
        if e.type == "place" and not (e.country == own or e.country in ctx.countries - ctx.regional):
            return  # "Georgia" the US state needs an article about the United States
        if own and e.country and own != e.country:
            return  # the article puts the actor in another country than the record does
        is_generic = bool(name) and generic(name) and why != "name after country"
        if is_generic and not state_body(e) and not (e.category == "political party" and e.country
                                                     and e.country in ctx.countries | {own}):
            # "Army", "Senate": a generic name means a state body, not a college's team or a band; "Labour" in an
            # article of its country is the party
            return
        if why == "weak name" and parent_disagrees(e, name, names_of(actor)):
            return  # "the Justice Department's Office of International Affairs" is not the Energy Department's
        evidence = [why]
        if why == "weak name" and spelt_out(e, ctx.text):
            conf += 0.2  # "IRS" in an article that writes "Internal Revenue Service" out
            evidence.append("spelt out in the article")
        if _described(actor, e):
            conf += 0.15  # "state news agency X": the record of a news agency, not a shop of that name
            evidence.append(f"described as {actor.described_as}")
        if _region_body(actor, e):
            conf += 0.1  # extraction made the actor of a region acting: the region, not a body named after it
            evidence.append("region acting")
        if actor.kind != "country":
            conf += 0.2 * (_prior(e) - 0.5)  # a country's or an international body's name means it more often
            named = without_country(name) if name else None
            # a record that gives no country but whose label opens with one ("Canadian Broadcasting Corporation")
            home = e.country or (split[0] if not is_generic and (split := without_country(e.label)) else None)
            if home and (home == own or home in ctx.countries or (named and named[0] == home)):
                # a short name shared by many (a party's acronym) needs its country; an acronym of a registry
                # (a research body's, a brand's) is too short to link on with the country alone
                conf += 0.1 if why != "weak name" else (0.3 if _prior(e) >= 0.6 else 0.15)
                evidence.append("country in the article" if not named else "country in the name")
            elif state_body(e) and e.country and generic(name or e.label):
                conf -= 0.35  # a ministry of a country the article does not speak of
            elif is_generic and not e.country and e.prior is not None:
                conf -= 0.35  # "the Senate" and a derived record that does not say whose senate it is
            elif e.country and e.category in ("brand", "operator") and ctx.countries and not _multinational(e):
                conf -= 0.25  # a shop chain of one country in an article about others: a namesake ("Happy Paws")
            if state_body(e) and e.country and len(ctx.countries - {e.country}) > 0 and own is None \
                    and why != "name after country" and generic(name or e.label):
                conf -= 0.35  # "the Ministry of Justice" in an article about two countries: whose?
        found.append(_Scored(e, conf, tuple(evidence)))

    if actor.described_as == "national team":
        # a team extraction found in a match report ("Chile beat Peru"): the country's team of the sport the
        # article names, and nothing else (not the state, not another sport's team bearing the country's name)
        kind = sport(ctx.text)
        for e in kb.named(f"{actor.label} national {kind} team") if kind else ():
            add(e, 0.9, "national team of the article's sport")
        return found
    if actor.kind == "country":
        add(kb.get(actor.key), 0.95, "key")
        cap = gazetteer.capital_of(actor.label)
        if cap is not None:  # "Moscow" standing for Russia's government
            add(kb.get("country/" + slug(cap.name)), 0.85, "capital metonymy")
    for n in names_of(actor):
        if not any(c.isupper() for c in n):
            continue  # "police", "the senate": a common noun, not a name ("The Police", a band)
        whole = False
        for e, w in kb.named_weighted(n):
            if acronym_mismatch(e, n):
                continue  # "Uni" (a club's short name) is not the acronym "UNI"
            add(e, 0.9 if w >= 0.9 else 0.45, "name" if w >= 0.9 else "weak name", n)
            whole = whole or (w >= 0.9 and e.type in allowed)
        core = None if whole else without_country(n)
        # "U.S. State Department": the body's name after its country, the country must agree (a record that bears
        # the whole name, "US Army", is not outweighed by one named by the rest, a college's team called "Army")
        if core is not None:
            country, rest = core
            home = kb.get(country)
            # "U.S. Securities and Exchange Commission" is "United States Securities and Exchange Commission"
            for full in [rest] + [f"{c} {rest}" for c in (home.names if home else ()) if len(c) > 3]:
                for e, w in kb.named_weighted(full):
                    if e.country == country and w >= 0.9:
                        add(e, 0.85, "name after country", n)
            topic, _, head = rest.rpartition(" ")
            if head not in ("Department", "Ministry") or " " in topic:
                topic, head = rest, ""
            if not found and " " not in topic and topic[:1].isupper():
                # "U.S. Treasury", "U.S. Commerce Department": nothing bears the name; the country's department or
                # ministry of that name
                heads = [head] if head else ["Department", "Ministry"]
                named = [f"{h} of{the} {topic}" for h in heads for the in (" the", "")]
                for full in named + [f"{c} {x}" for x in named for c in (home.names if home else ()) if len(c) > 3]:
                    for e, _ in kb.named_weighted(full):  # a generic name's weak alias too: the country is given
                        if e.country == country and state_body(e):
                            add(e, 0.85, "name after country", n)
    top = max((s.confidence for s in found), default=0.0)
    for _, e in news_channels([s.entity for s in found], names_of(actor), kb):
        # "Fox": the broadcaster's short name and Fox News's first word, as likely one as the other
        found.append(_Scored(e, top, ("a news channel of that name",)))
    if actor.kind == "government" or (actor.kind == "organization" and len(actor.label.split()) >= 2 and not found):
        # "the Freedonian government", "the Senate", "Coast Guard" in an article of one country (an organisation
        # named "Army" may be a college's team: of organisations, only a generic name of two words or more)
        for e in national_bodies(actor, kb, own, {c for c in ctx.countries - ctx.regional if c.startswith("country/")}):
            add(e, 0.8, "the country's body")
        if not found:  # "the U.S. Coast Guard … the Coast Guard"
            texts = [ctx.text] if ctx.text else [n for a in x.actors for n in names_of(a)]
            for e in named_with_country(actor, kb, texts):
                add(e, 0.85, "named with its country in the article")
    if not found and actor.kind != "country":  # "Media Markt" for MediaMarkt, "University of NSW", "M5S party"
        for e, conf, why, n in other_forms(names_of(actor), kb):
            add(e, conf, why, n)
    if not found and actor.kind == "organization" and ctx.text and \
            (sports(ctx.text) == {"football"} or not sports(ctx.text) and sporty(ctx.text)):
        # "Celtic" in a report of football is the club named "Celtic F.C." (not in a report of rugby)
        for e, n in club_forms(names_of(actor), kb):
            add(e, 0.85, "a club's short name in a report of football", n)
    return found


def _a_name(actor: Actor, x: Extraction) -> bool:
    """Whether every mention of a country is a capital standing for it that is the surname of a person of the
    article ("Paris said" of Valeska Paris): a person's, not the country's."""
    if not actor.mentions or any(m.kind != "metonymy" for m in actor.mentions):
        return False
    surnames = {m.span.text.split()[-1] for a in x.actors if a.kind == "person" for m in a.mentions
                if m.kind == "surname" or m.kind == "name" and len(m.span.text.split()) > 1}
    return all(m.span.text in surnames for m in actor.mentions)


def _multinational(e: Entity) -> bool:
    """A record its description says works in many countries ("American multinational chain of stores")."""
    return any(w in (e.description or "").lower().split() for w in ("multinational", "international", "global"))


# categories too broad to agree with a description ("research firm X" is not every brand called X)
_BROAD = {"brand", "operator", "company", "well-known organisation"}


def _described(actor: Actor, e: Entity) -> bool:
    """Whether the noun the text puts beside the name agrees with the record: its category, unless a broad one, or
    a word of its description ("supermarket" in "supermarket chain in Australia")."""
    noun = actor.described_as
    if not noun:
        return False
    if e.category in lexicon.org_descriptors().get(noun, ()) and e.category not in _BROAD:
        return True
    return noun in (e.description or "").lower().replace(",", " ").split()


def _region_body(actor: Actor, e: Entity) -> bool:
    """A state or province acting ("Ohio ordered evacuations"): extraction makes it a government
    actor, linked to the region's record."""
    return actor.kind == "government" and e.type == "place" and e.category == "subdivision"


def _place_candidates(place: Place, kb: KnowledgeBase, ctx: _Context) -> list[_Scored]:
    out = []
    is_country = gazetteer.country(place.label) is not None
    for e, w in kb.named_weighted(place.label):
        if e.type != "place" or w < 0.9:
            continue
        if e.category == "subdivision":
            # a region is linked only when the article speaks of its country, and never on a country's name
            # ("Georgia" the US state in an article about the Caucasus)
            if is_country or e.country not in ctx.countries - ctx.regional:
                continue
            out.append(_Scored(e, 0.8, ("name", "country in the article")))
        else:
            out.append(_Scored(e, 0.9, ("name",)))
    return out


# ------------------------------------------------------------------------------------------------------ applying
def link(extraction: Extraction, *, online: bool = False, date: dt.date | None = None,
         kb: KnowledgeBase | None = None, wikidata=None, threshold: float = DEFAULT_THRESHOLD,  # noqa: ANN001
         text: str | None = None) -> Extraction:
    """Link actors and places, in place; returns the same extraction.

    :param online: also look actors the knowledge base leaves without a Wikidata link up on a SPARQL endpoint
        (``wikidata``, a :class:`kg.pipeline.link.online.WikidataClient`; by default one configured from the environment).
    :param date: the article's date (by default the one extraction resolved times against).
    :param threshold: the confidence below which an actor stays unlinked (NIL).
    :param text: the article's text, for the evidence of the words around a name (without it, none).
    """
    from kg.pipeline.link import kb as kbmod

    kb = kb or kbmod.default()
    for item in [*extraction.actors, *extraction.places]:
        item.links.clear()
        item.link_confidence = None
    decisions = decide(extraction, kb, date=date, threshold=threshold, text=text)
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
        if d.evidence[:1] == ("post at the article date",) and isinstance(item, Actor):
            _add_holding(extraction, item, kb.get(d.evidence[1]), date or article_date(extraction))
        if item.key != e.id and not (isinstance(item, Actor) and e.type == "place"):  # the region's place keeps its key
            renames.append((item.key, e.id, isinstance(item, Place)))
    for old, new, is_place in renames:
        (rename_place if is_place else rename_actor)(extraction, old, new)
    if online:
        from kg.pipeline.link.online import OnlineConfig, WikidataClient, link_online

        client = wikidata or WikidataClient(OnlineConfig.from_env(enabled=True), kb)
        link_online(extraction, client, kb)
    return extraction


def _add_holding(x: Extraction, actor: Actor, post: Entity | None, day: dt.date | None) -> None:
    """The post an unnamed holder was recognised by ("the Malaysian prime minister"), as a holding of the text."""
    if post is None or not post.title or not actor.mentions:
        return
    surface = actor.mentions[0].span
    if any(h.holder == actor.key and h.surface == surface for h in x.holdings):
        return
    org = next((a.key for a in x.actors if a.key == post.of or a.key == actor.country), post.of)
    x.holdings.append(PositionHolding(actor.key, post.title, org, surface, day))
