"""The linker: the seed's verified entities get exactly their ids, nothing is linked wrongly (seed and development
articles, against the gold files), context decides surnames, types and countries filter, and linked actors get the
knowledge base's key everywhere in the extraction."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.pipeline.link import kb as kbmod
from kg.pipeline.link.linking import decide, link, rename_actor
from kg.model import (Actor, Document, Event, Extraction, Mention, Participation, Place, PositionHolding, Span,
                      Statement)
from tests.conftest import ROOT, shared_path

HERE = Path(__file__).resolve().parent
WD = "http://www.wikidata.org/entity/"
SEED_IDS = {"person/vladimir-putin": "Q7747", "person/xi-jinping": "Q15031", "person/joe-biden": "Q6279",
            "person/donald-trump": "Q22686", "country/russia": "Q159", "country/china": "Q148",
            "country/united-states": "Q30", "country/ukraine": "Q212", "org/nato": "Q7184",
            "org/united-states-department-of-state": "Q789915"}
SEED_PLACES = {"place/beijing": "Q956", "place/xinjiang": "Q34800", "place/south-china-sea": "Q37660"}


@pytest.fixture(scope="module")
def kb():
    return kbmod.load()


@pytest.fixture(scope="module")
def fixture_kb():
    """The bundled records plus made-up ones (tests/linking/kb-fixture.jsonl: three Namesakes of Freedonia)."""
    return kbmod.load([HERE / "kb-fixture.jsonl"])


def qid(item) -> str | None:  # noqa: ANN001
    iri = item.links.get("wikidata")
    return iri[len(WD):] if iri else None


# ------------------------------------------------------------------------------------------------------ the seed
def test_every_verified_seed_entity_is_linked_to_exactly_its_id(seed_extraction):
    _, x = seed_extraction
    by_key = {a.key: a for a in x.actors} | {p.key: p for p in x.places}
    for key, q in {**SEED_IDS, **SEED_PLACES}.items():
        assert key in by_key, f"{key} missing (linked actors take the knowledge base's key)"
        assert qid(by_key[key]) == q, key
        assert by_key[key].link_confidence is not None and by_key[key].link_confidence >= 0.7


def test_no_seed_link_goes_anywhere_the_kb_does_not_say(seed_extraction, kb):
    _, x = seed_extraction
    linked = [i for i in [*x.actors, *x.places] if i.links]
    assert len(linked) >= 16
    for item in linked:
        record = kb.get(item.key)
        assert record is not None, item.key
        assert item.links == record.links, item.key


def test_unverified_ids_stay_out(seed_extraction, kb):
    _, x = seed_extraction
    blinken, wang = x.actor("person/antony-blinken"), x.actor("person/wang-yi")
    assert blinken.links["dbpedia"] == "http://dbpedia.org/resource/Antony_Blinken"  # derived, kept
    assert wang.links["dbpedia"] == "http://dbpedia.org/resource/Wang_Yi"
    # the verified list leaves their items empty: an item comes only from a derived table that states it
    for who in (blinken, wang):
        if "wikidata" in who.links:
            assert "source/everypolitician" in kb.get(who.key).source, who.key
    # the verified list types Taiwan as a place: a place Taiwan gets its id, a country actor Taiwan does not
    place = next((p for p in x.places if p.key == "place/taiwan"), None)
    country = x.actor("country/taiwan")
    assert place is not None or country is not None
    if place is not None:
        assert qid(place) == "Q865"
    if country is not None:
        assert "wikidata" not in country.links and "geonames" in country.links


def test_the_surname_actor_is_rekeyed_everywhere(seed_extraction):
    _, x = seed_extraction
    assert x.actor("person/biden") is None
    biden = x.actor("person/joe-biden")
    assert biden.label == "Biden"  # the article graph keeps what the article says
    keys = {a.key for a in x.actors}
    refs = [a.country for a in x.actors] + [h.holder for h in x.holdings] + [h.organization for h in x.holdings]
    refs += [r for s in x.statements for r in (s.speaker, s.addressee, s.reported_by)]
    refs += [p.actor for e in x.events for p in e.participants] + [d.publisher for d in x.documents]
    assert "person/biden" not in refs and "org/state-department" not in refs
    assert all(r is None or r in keys for r in refs)
    assert any(d.publisher == "org/united-states-department-of-state" for d in x.documents)


# ------------------------------------------------------------------------------------------------- dev articles
def _dev_pairs():
    from kg.extraction import extract
    from kg.pipeline.ingest import ingest

    shared_path("articles")
    for gold_path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["path"]).resolve()
        if not text.exists():
            continue
        article = ingest(text, date=dt.date.fromisoformat(gold["date"]) if gold.get("date") else None)
        yield gold, link(extract(article))


@pytest.fixture(scope="module")
def dev():
    return list(_dev_pairs())


@pytest.mark.slow
def test_no_link_contradicts_the_gold_and_every_found_gold_link_is_made(dev):
    """Precision and recall of linking alone: an actor aligned to a gold actor carries the gold's Wikidata id
    (or none if the gold has none); a gold actor with an id that extraction found is linked to it."""
    from kg.eval.evaluate import align_actors

    checked = 0
    for gold, x in dev:
        system = {"actors": [{"id": a.key, "mentions": [[m.span.begin, m.span.end] for m in a.mentions]}
                             for a in x.actors]}
        align = align_actors(gold, system)
        gq = {a["id"]: a.get("wikidata") for a in gold["actors"]}
        has = {a["id"]: a.get("has_wikidata", bool(a.get("wikidata"))) for a in gold["actors"]}
        for a in x.actors:
            target = align.get(a.key)
            if target is None:
                continue
            if gq[target]:  # the gold's id: the link is that one, or none
                assert qid(a) in (gq[target], None), (gold["article"], a.key)
                found = qid(a) == gq[target]
                assert found or a.kind != "country", (gold["article"], a.key)  # every gold country is linked
                checked += found
            elif has[target] is False and gold.get("has_wikidata_checked"):
                assert qid(a) is None, (gold["article"], a.key)  # nothing in Wikidata: nothing linked
    assert checked >= 20


# ---------------------------------------------------------------------------------------- context, hand-made
def actor(key: str, label: str, kind: str = "person", *mentions: str, country: str | None = None) -> Actor:
    spans = [Mention(Span(i * 100, i * 100 + len(t), t), "name") for i, t in enumerate(mentions or [label])]
    return Actor(key, label, kind, spans, country=country)  # type: ignore[arg-type]


def one(x: Extraction, kb, date: dt.date | None = None) -> str | None:  # noqa: ANN001
    link(x, kb=kb, date=date)
    return qid(x.actors[0])


def test_a_surname_links_only_when_the_date_singles_the_person_out(kb):
    us = ("country/united-states", "United States", "country")
    assert one(Extraction([actor("person/biden", "Biden"), Actor(*us)]), kb, dt.date(2022, 1, 27)) == "Q6279"
    # in 2008 no post the knowledge base knows of was Biden's: a surname alone stays unlinked
    assert one(Extraction([actor("person/biden", "Biden"), Actor(*us)]), kb, dt.date(2008, 8, 17)) is None
    assert one(Extraction([actor("person/biden", "Biden"), Actor(*us)]), kb, None) is None
    # in an article that never mentions the United States: only because no other Biden is known and he was the
    # head of state that day; a surname two heads of state share ("Bush") stays unlinked
    assert [e.id for e in kb.with_surname("Biden")] == ["person/joe-biden"]
    assert one(Extraction([actor("person/biden", "Biden")]), kb, dt.date(2022, 1, 27)) == "Q6279"
    assert len([e for e in kb.with_surname("Bush") if e.positions]) >= 2
    assert one(Extraction([actor("person/bush", "Bush")]), kb, dt.date(2003, 1, 27)) is None


def test_a_surname_links_with_a_post_from_the_article(kb):
    russia = Actor("country/russia", "Russia", "country")
    holding = PositionHolding("person/putin", "President", "country/russia", Span(0, 9, "President"),
                              dt.date(2015, 6, 1))
    assert one(Extraction([actor("person/putin", "Putin"), russia], holdings=[holding]), kb) == "Q7747"


def test_the_country_rules_a_candidate_out(kb):
    x = Extraction([actor("person/joe-biden", "Joe Biden", country="country/china"),
                    Actor("country/china", "China", "country")])
    assert one(x, kb) is None
    y = Extraction([actor("person/joe-biden", "Joe Biden", country="country/united-states"),
                    Actor("country/united-states", "United States", "country")])
    assert one(y, kb) == "Q6279"


def test_the_type_filters(kb):
    assert one(Extraction([actor("person/nato", "NATO")]), kb) is None  # a person is not an organisation
    assert one(Extraction([actor("org/beijing", "Beijing", "organization")]), kb) is None  # nor a place
    assert one(Extraction([actor("group/chinese", "China", "group")]), kb) is None  # groups are never linked
    x = Extraction(places=[Place("place/taiwan", "Taiwan"), Place("place/nato", "NATO")])
    link(x, kb=kb)
    assert [qid(p) for p in x.places] == ["Q865", None]


@pytest.mark.parametrize("key, label, kind, expected", [
    ("country/us", "U.S.", "country", ("country/united-states", "Q30")),
    ("country/the-states", "the United States", "country", ("country/united-states", "Q30")),
    ("country/moscow", "Moscow", "country", ("country/russia", "Q159")),  # a capital for its government
    ("country/washington", "Washington", "country", ("country/united-states", "Q30")),
    ("org/state-department", "US State Department", "government", ("org/united-states-department-of-state",
                                                                     "Q789915")),
    ("org/eu", "EU", "organization", ("org/european-union", "Q458")),
    ("person/vladimir-putin", "Mr. Vladimir Putin", "person", ("person/vladimir-putin", "Q7747")),
    ("person/xi-jinping", "President Xi Jinping", "person", ("person/xi-jinping", "Q15031")),
])
def test_normalised_names_and_metonymy(kb, key, label, kind, expected):
    x = Extraction([actor(key, label, kind)])
    link(x, kb=kb)
    assert (x.actors[0].key, qid(x.actors[0])) == expected


def test_a_surname_shared_by_people_in_office_at_once_is_ambiguous(fixture_kb):
    freedonia = Actor("country/freedonia", "Freedonia", "country")

    def namesake(day: dt.date) -> str | None:
        return one(Extraction([actor("person/namesake", "Namesake"), freedonia]), fixture_kb, day)

    assert namesake(dt.date(2005, 1, 1)) == "Q999999911"  # only Ada held the post then
    assert namesake(dt.date(2015, 1, 1)) == "Q999999912"  # only Bo
    assert namesake(dt.date(1990, 1, 1)) is None  # nobody: three Namesakes, no context
    d = {dd.key: dd for dd in decide(Extraction([actor("person/namesake", "Namesake"), freedonia]), fixture_kb)}
    assert d["person/namesake"].entity is None


def test_same_entity_same_key_across_articles(kb):
    us = Actor("country/united-states", "United States", "country")
    a = Extraction([actor("person/biden", "Biden"), us])
    b = Extraction([actor("person/joe-biden", "Joe Biden"), Actor("country/us", "U.S.", "country")])
    link(a, kb=kb, date=dt.date(2022, 1, 27))
    link(b, kb=kb, date=dt.date(2022, 1, 27))
    assert [x.key for x in a.actors] == [x.key for x in b.actors] == ["person/joe-biden", "country/united-states"]


def test_linking_twice_changes_nothing(seed_extraction, kb):
    import copy

    _, x = seed_extraction
    again = link(copy.deepcopy(x), kb=kb)
    assert [(a.key, a.links, a.link_confidence) for a in again.actors] == \
           [(a.key, a.links, a.link_confidence) for a in x.actors]


def test_threshold_makes_nil_decisions(kb):
    x = Extraction([actor("person/donald-trump", "Donald Trump")])
    assert one(x, kb) == "Q22686"  # a full name alone: 0.85
    link(x, kb=kb, threshold=0.9)
    assert x.actors[0].links == {} and x.actors[0].link_confidence is None


# ------------------------------------------------------------------------------------------------------ renaming
def test_rename_updates_every_reference_and_merges():
    sp = Span(0, 5, "Biden")
    x = Extraction(
        actors=[Actor("person/biden", "Biden", "person", [Mention(sp)], country="country/us"),
                Actor("person/joe-biden", "Joe Biden", "person", [Mention(Span(10, 19, "Joe Biden"))]),
                Actor("org/x", "X", "organization", country="person/biden"),
                Actor("country/us", "US", "country")],
        holdings=[PositionHolding("person/biden", "President", "country/us", sp)],
        documents=[Document("document/d", "readout", sp, publisher="person/biden")],
        events=[Event("e1", "call", "call", participants=[Participation("person/biden", "agent"),
                                                          Participation("person/joe-biden", "agent")])],
        statements=[Statement("s1", [sp], "direct", speaker="person/biden", addressee="person/biden",
                              reported_by="person/biden")])
    rename_actor(x, "person/biden", "person/joe-biden")
    assert [a.key for a in x.actors] == ["person/joe-biden", "org/x", "country/us"]
    merged = x.actors[0]
    assert [m.span.text for m in merged.mentions] == ["Biden", "Joe Biden"] and merged.country == "country/us"
    assert x.actors[1].country == "person/joe-biden"
    assert x.holdings[0].holder == "person/joe-biden" and x.documents[0].publisher == "person/joe-biden"
    s = x.statements[0]
    assert (s.speaker, s.addressee, s.reported_by) == ("person/joe-biden",) * 3
    assert [(p.actor, p.role) for p in x.events[0].participants] == [("person/joe-biden", "agent")]
    rename_actor(x, "country/us", "country/united-states")
    assert x.actors[2].key == "country/united-states" and x.holdings[0].organization == "country/united-states"
    assert merged.country == "country/united-states"
