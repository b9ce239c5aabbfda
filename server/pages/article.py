"""The reading room of one article: its text with every span the graph knows marked, a card for each fact, the
legend, and the tables of its statements, actors, events and times.

Seven bounded queries, all scoped to the article, through :mod:`server.pages.engine`. Speakers get a colour each
(:data:`PALETTE` colours, in the order they first speak; more speakers share colours round the palette).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from server.pages import engine
from server.pages.marks import Span, pieces
from server.blueprints.site import NKG, href

PALETTE = 8
ACTOR_TYPES = ("Person", "GovernmentOrganization", "Organization", "Country", "Group", "Place")
EVENT_TYPES = ("Event", "Communication", "Situation")
ROLES = {f"{NKG}contentMention": "quote", f"{NKG}cueMention": "cue", f"{NKG}speakerMention": "speaker",
         f"{NKG}addresseeMention": "addressee", f"{NKG}denotedBy": "denotes"}


@dataclass
class Link:
    iri: str
    label: str
    href: str


@dataclass
class Card:
    id: str
    kind: str  # statement, actor, event, time
    link: Link
    fields: dict[str, Any] = field(default_factory=dict)


def _link(iri: str, label: str) -> Link | None:
    return Link(iri, label or iri.rsplit("/", 1)[-1], href(iri)) if iri else None


def _local(iri: str) -> str:
    return iri[len(NKG):] if iri.startswith(NKG) else ""


def _confidence(value: str) -> str:
    try:
        x = float(value)
    except ValueError:
        return value
    return f"{x:.0%}" if 0 <= x <= 1 else f"{x:g}"


def reading_room(a: str) -> dict[str, Any]:
    """Everything the article page shows, for the article IRI ``a`` (checked by the caller)."""
    meta = engine.select(f"""SELECT ?text ?date ?inferred ?note ?standfirst ?footer ?source ?ended ?tool WHERE {{
        OPTIONAL {{ <{a}> nkg:text/nif:isString ?text }} OPTIONAL {{ <{a}> schema:datePublished ?date }}
        OPTIONAL {{ <{a}> nkg:dateInferred ?inferred }} OPTIONAL {{ <{a}> nkg:dateNote ?note }}
        OPTIONAL {{ <{a}> schema:alternativeHeadline ?standfirst }} OPTIONAL {{ <{a}> nkg:footerBegin ?footer }}
        OPTIONAL {{ <{a}> schema:isBasedOn ?source }}
        OPTIONAL {{ <{a}> prov:wasGeneratedBy ?b . ?b prov:endedAtTime ?ended OPTIONAL {{ ?b nkg:toolVersion ?tool }} }}
    }} LIMIT 1""")
    m = meta[0] if meta else {}
    text = m.get("text", "")
    footer = int(m["footer"]) if m.get("footer") else len(text)
    date = m.get("date", "")[:10]

    cards: dict[str, Card] = {}
    statements = _statements(a, date, cards)
    speakers = _speaker_colours(statements)
    for s in statements.values():
        s.fields["colour"] = speakers.get(s.fields["speaker"].iri, -1) if s.fields["speaker"] else -1
    events = _events(a, cards)
    times = _times(a, cards)
    things = _things(a)
    actors = _actors(a, things, cards)
    spans, mentions = _spans(a, cards, statements, things)
    for iri, n in mentions.items():
        if iri in actors:
            actors[iri].fields["mentions"] = n
    for s in statements.values():
        for who in [s.fields["speaker"], *s.fields["addressees"]]:
            if who and who.iri in actors:
                actors[who.iri].fields["speaks" if who is s.fields["speaker"] else "told"] += 1
    body = pieces(text, 0, footer, spans)
    return {
        "date": date, "date_inferred": m.get("inferred") == "true", "date_note": m.get("note", ""),
        "standfirst": m.get("standfirst", ""), "source": m.get("source", ""),
        "source_href": href(m["source"]) if m.get("source") else "", "built": m.get("ended", ""),
        "tool": m.get("tool", ""), "body": body, "footer": text[footer:].strip(),
        "cards": list(cards.values()),
        "statements": sorted(statements.values(), key=lambda c: (c.fields["begin"] is None, c.fields["begin"] or 0)),
        "actors": sorted(actors.values(), key=lambda c: (-c.fields["mentions"], c.link.label.lower())),
        "events": sorted(events.values(), key=lambda c: (c.fields["first"] is None, c.fields["first"] or 0)),
        "times": sorted(times.values(), key=lambda c: c.fields["first"] or 0),
        "speakers": [(colour, _speaker_link(statements, iri)) for iri, colour in speakers.items()],
        "counts": {k: sum(1 for p in body if p.kind == k) for k in ("speaker", "cue", "quote", "actor", "event",
                                                                     "time")},
    }


def _speaker_link(statements: dict[str, Card], iri: str) -> Link | None:
    return next((s.fields["speaker"] for s in statements.values()
                 if s.fields["speaker"] and s.fields["speaker"].iri == iri), None)


def _speaker_colours(statements: dict[str, Card]) -> dict[str, int]:
    out: dict[str, int] = {}
    for s in sorted(statements.values(), key=lambda c: (c.fields["begin"] is None, c.fields["begin"] or 0)):
        who = s.fields["speaker"]
        if who and who.iri not in out:
            out[who.iri] = len(out) % PALETTE
    return out


def _statements(a: str, date: str, cards: dict[str, Card]) -> dict[str, Card]:
    rows = engine.select(f"""SELECT ?s ?sp ?spl ?ad ?adl ?content ?qtl ?cue ?ev ?evl ?evd ?rb ?rbl ?conf ?b WHERE {{
        ?s nkg:extractedFrom <{a}> ; a nkg:Statement .
        OPTIONAL {{ ?s nkg:speaker ?sp OPTIONAL {{ ?sp rdfs:label ?spl }} }}
        OPTIONAL {{ ?s nkg:addressee ?ad OPTIONAL {{ ?ad rdfs:label ?adl }} }}
        OPTIONAL {{ ?s nkg:content ?content }} OPTIONAL {{ ?s nkg:quoteType/rdfs:label ?qtl }}
        OPTIONAL {{ ?s nkg:cue ?cue }} OPTIONAL {{ ?s nkg:confidence ?conf }}
        OPTIONAL {{ ?s nkg:madeDuring ?ev OPTIONAL {{ ?ev rdfs:label ?evl }}
                    OPTIONAL {{ ?ev nkg:time/time:inXSDDate ?evd }} }}
        OPTIONAL {{ ?s nkg:reportedBy ?rb OPTIONAL {{ ?rb rdfs:label ?rbl }} }}
        OPTIONAL {{ ?s nkg:contentMention/nif:beginIndex ?b }} }}""")
    out: dict[str, Card] = {}
    for r in rows:
        card = out.get(r["s"])
        if card is None:
            card = out[r["s"]] = cards[r["s"]] = Card(f"c{len(cards)}", "statement", _link(r["s"], ""), {
                "speaker": _link(r["sp"], r["spl"]), "addressees": [], "content": r["content"], "cue": r["cue"],
                "quote_type": r["qtl"], "event": _link(r["ev"], r["evl"]), "reported_by": _link(r["rb"], r["rbl"]),
                "when": r["evd"][:10] or date, "when_note": "" if r["evd"] else "published",
                "confidence": _confidence(r["conf"]) if r["conf"] else "", "begin": None, "colour": -1})
            card.link.label = f"Statement {r['s'].rsplit('/', 1)[-1]}"
        ad = _link(r["ad"], r["adl"])
        if ad and all(x.iri != ad.iri for x in card.fields["addressees"]):
            card.fields["addressees"].append(ad)
        if r["b"]:
            b = int(r["b"])
            card.fields["begin"] = b if card.fields["begin"] is None else min(card.fields["begin"], b)
    return out


def _events(a: str, cards: dict[str, Card]) -> dict[str, Card]:
    rows = engine.select(f"""SELECT ?e ?l ?tl ?cameo ?modl ?txl ?txv ?date ?pl ?pll ?conf ?who ?wl ?rl ?b WHERE {{
        ?e nkg:extractedFrom <{a}> ; nkg:eventType ?t .
        OPTIONAL {{ ?e rdfs:label ?l }} OPTIONAL {{ ?t skos:prefLabel ?tl }} OPTIONAL {{ ?e nkg:cameoCode ?cameo }}
        OPTIONAL {{ ?e nkg:modality/rdfs:label ?modl }} OPTIONAL {{ ?e nkg:confidence ?conf }}
        OPTIONAL {{ ?e nkg:time ?tx OPTIONAL {{ ?tx rdfs:label ?txl }} OPTIONAL {{ ?tx nkg:timexValue ?txv }}
                    OPTIONAL {{ ?tx time:inXSDDate ?date }} }}
        OPTIONAL {{ ?e nkg:place ?pl OPTIONAL {{ ?pl rdfs:label ?pll }} }}
        OPTIONAL {{ ?e nkg:hasParticipation ?pp . ?pp nkg:participant ?who OPTIONAL {{ ?who rdfs:label ?wl }}
                    OPTIONAL {{ ?pp nkg:participantRole/rdfs:label ?rl }} }}
        OPTIONAL {{ ?e nkg:denotedBy/nif:beginIndex ?b }} }}""")
    out: dict[str, Card] = {}
    for r in rows:
        card = out.get(r["e"])
        if card is None:
            when = r["date"][:10] or r["txv"]
            card = out[r["e"]] = cards[r["e"]] = Card(f"c{len(cards)}", "event", _link(r["e"], r["l"] or r["tl"]), {
                "type": r["tl"], "cameo": r["cameo"], "modality": r["modl"], "when": when,
                "when_text": r["txl"], "place": _link(r["pl"], r["pll"]), "participants": [],
                "confidence": _confidence(r["conf"]) if r["conf"] else "", "first": None})
        who = _link(r["who"], r["wl"])
        if who and all(p[0].iri != who.iri for p in card.fields["participants"]):
            card.fields["participants"].append((who, r["rl"]))
        if r["b"]:
            b = int(r["b"])
            card.fields["first"] = b if card.fields["first"] is None else min(card.fields["first"], b)
    return out


def _times(a: str, cards: dict[str, Card]) -> dict[str, Card]:
    rows = engine.select(f"""SELECT ?t ?l ?v ?d ?anchor ?b WHERE {{ ?t nkg:extractedFrom <{a}> ; a nkg:TimeExpression .
        OPTIONAL {{ ?t rdfs:label ?l }} OPTIONAL {{ ?t nkg:timexValue ?v }} OPTIONAL {{ ?t time:inXSDDate ?d }}
        OPTIONAL {{ ?t nkg:anchorDate ?anchor }} OPTIONAL {{ ?t nkg:denotedBy/nif:beginIndex ?b }} }}""")
    out: dict[str, Card] = {}
    for r in rows:
        if r["t"] not in out:
            out[r["t"]] = cards[r["t"]] = Card(f"c{len(cards)}", "time", _link(r["t"], r["l"]), {
                "value": r["v"], "date": r["d"][:10], "anchor": r["anchor"][:10], "events": [],
                "first": int(r["b"]) if r["b"] else None})
    for c in cards.values():
        if c.kind == "event":
            for t in out.values():
                if c.fields["when_text"] and t.link.label == c.fields["when_text"] and c.link not in t.fields["events"]:
                    t.fields["events"].append(c.link)
    return out


def _things(a: str) -> dict[str, tuple[str, str]]:
    """What is denoted in the article's text: IRI → (kind of mark, type local name), and their labels."""
    rows = engine.select(f"""SELECT DISTINCT ?x ?t ?l WHERE {{ <{a}> nkg:text ?ctx . ?m nif:referenceContext ?ctx .
        ?x nkg:denotedBy ?m . ?x a ?t OPTIONAL {{ ?x rdfs:label ?l }} }}""")
    out: dict[str, tuple[str, str, str]] = {}
    for r in rows:
        t = _local(r["t"])
        kind = ("actor" if t in ACTOR_TYPES else "event" if t in EVENT_TYPES else
                "time" if t == "TimeExpression" else "")
        if not kind:
            continue
        old = out.get(r["x"])
        if old is None or (kind == "actor" and ACTOR_TYPES.index(t) < ACTOR_TYPES.index(old[1] or "Place")):
            out[r["x"]] = (kind, t, r["l"] or (old[2] if old else ""))
    return out  # type: ignore[return-value]


def _actors(a: str, things: dict, cards: dict[str, Card]) -> dict[str, Card]:
    rows = engine.select(f"""SELECT DISTINCT ?x ?ext ?conf WHERE {{ <{a}> schema:mentions ?x .
        OPTIONAL {{ ?x skos:exactMatch ?ext }} OPTIONAL {{ ?x nkg:confidence ?conf }} }}""")
    out: dict[str, Card] = {}
    for iri, (kind, t, label) in things.items():
        if kind == "actor":
            out[iri] = cards[iri] = Card(f"c{len(cards)}", "actor", _link(iri, label), {
                "type": t, "external": [], "mentions": 0, "speaks": 0, "told": 0, "confidence": ""})
    for r in rows:
        card = out.get(r["x"])
        if card and r["ext"] and r["ext"] not in card.fields["external"]:
            card.fields["external"].append(r["ext"])
        if card and r["conf"]:
            card.fields["confidence"] = _confidence(r["conf"])
    return out


def _spans(a: str, cards: dict[str, Card], statements: dict[str, Card],
           things: dict) -> tuple[list[Span], dict[str, int]]:
    """Every mark of the text, and how often each thing is mentioned."""
    values = " ".join(f"<{p}>" for p in ROLES)
    rows = engine.select(f"""SELECT DISTINCT ?x ?p ?b ?e WHERE {{ <{a}> nkg:text ?ctx .
        ?m nif:referenceContext ?ctx ; nif:beginIndex ?b ; nif:endIndex ?e .
        VALUES ?p {{ {values} }} ?x ?p ?m }}""")
    spans: list[Span] = []
    mentions: dict[str, int] = {}
    addressed: set[tuple[int, int]] = set()
    for r in rows:
        role, b, e, x = ROLES[r["p"]], int(r["b"]), int(r["e"]), r["x"]
        if role == "addressee":
            addressed.add((b, e))
            continue
        if role == "denotes":
            kind, t, _ = things.get(x, ("", "", ""))
            if not kind:
                continue
            mentions[x] = mentions.get(x, 0) + 1
            card = cards.get(x)
            classes = (f"t-{t.lower()}",) if kind == "actor" else ()
            date = card.fields["date"] or card.fields["value"] if card and kind == "time" else ""
            spans.append(Span(b, e, kind, x, href(x), (card.id,) if card else (), classes, date))
            continue
        s = statements.get(x)
        if s is None:
            continue
        colour = (f"sp-{s.fields['colour']}",) if s.fields["colour"] >= 0 else ()
        if role == "speaker" and s.fields["speaker"]:
            who = s.fields["speaker"]
            own = (cards[who.iri].id,) if who.iri in cards else ()
            spans.append(Span(b, e, "speaker", who.iri, who.href, (s.id, *own), colour))
        elif role in ("quote", "cue"):
            spans.append(Span(b, e, role, x, s.link.href, (s.id,), colour))
    # an addressee's mention is an actor mark that also says it was spoken to
    spans = [Span(s.begin, s.end, s.kind, s.iri, s.href, s.cards, (*s.classes, "addressee"), s.date)
             if s.kind == "actor" and (s.begin, s.end) in addressed else s for s in spans]
    return spans, mentions

