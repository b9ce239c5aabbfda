"""The ontology: parses, documents every term, is used by the data, and is consistent with it (HermiT)."""

from __future__ import annotations

import shutil

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.vocab import ET, NKG
from kg.pipeline.validate import consistency, ontology_graph

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def our_terms(g: Graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in g.subjects(RDF.type, t) if str(s).startswith(str(NKG))}


def test_ontology_parses_and_documents_every_term():
    g = ontology_graph()
    terms = our_terms(g)
    assert len(terms) > 60
    for t in terms:
        assert g.value(t, RDFS.label) is not None, f"{t} has no label"
        assert g.value(t, RDFS.comment) is not None, f"{t} has no comment"


def test_event_types_are_cameo_scheme():
    g = ontology_graph()
    from rdflib.namespace import SKOS

    tops = {str(n) for c in g.subjects(SKOS.topConceptOf, ET.scheme) for n in g.objects(c, SKOS.notation)}
    assert tops == {f"{i:02d}" for i in range(1, 21)}  # all 20 CAMEO top-level categories
    assert str(g.value(ET["phone-call"], SKOS.notation)) == "041"
    from kg import lexicon

    for trig in lexicon.event_triggers():  # every type the lexicon uses is in the scheme
        assert (ET[trig.type], RDF.type, SKOS.Concept) in g, trig.type


def test_data_uses_only_declared_terms(seed_extraction):
    from kg.pipeline.rdf.mapping import to_rdf

    article, found = seed_extraction
    data = to_rdf(article, found)
    onto = ontology_graph()
    declared = {s for s in onto.subjects() if isinstance(s, URIRef)}
    used = {p for p in data.predicates()} | {o for o in data.objects(None, RDF.type)}
    used |= {o for p in (NKG.quoteType, NKG.modality, NKG.participantRole, NKG.eventType)
             for o in data.objects(None, p)}
    undeclared = sorted(str(u) for u in used if str(u).startswith(str(NKG)) and u not in declared)
    assert not undeclared
    for u in used:
        if str(u).startswith(str(ET)):
            assert u in declared, u


def test_every_ontology_term_is_used_by_the_seed_graph(seed_extraction):
    """No term without a use (classes, properties and controlled values of our namespace)."""
    from kg.pipeline.rdf.mapping import to_rdf

    article, found = seed_extraction
    data = to_rdf(article, found)
    used = set(data.predicates()) | set(data.objects())
    unused = sorted(str(t) for t in our_terms(ontology_graph()) if t not in used)
    allowed = {  # used by the provenance graph, or only by features the seed article does not exercise
        "Build", "toolVersion", "eventClass", "notBefore",  # notBefore: only for undated articles
        "Contribution", "contributesTo", "sharedTriples",  # the provenance graph's records (kg.store.shared)
        "Agent", "QuoteType", "Modality", "ParticipantRole",  # classes of controlled values and the abstract agent
    }
    unused = [u for u in unused if u.rsplit("#", 1)[1] not in allowed]
    assert not unused, unused


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (make system-deps)")


@needs_java
def test_hermit_finds_seed_graph_consistent(seed_extraction):
    from kg.pipeline.rdf.mapping import to_rdf

    article, found = seed_extraction
    report = consistency(to_rdf(article, found))
    assert report.conforms, report.violations


@needs_java
def test_hermit_reports_a_contradiction():
    bad = Graph()
    x = URIRef("http://example.org/x")
    bad.add((x, RDF.type, NKG.Person))
    bad.add((x, RDF.type, NKG.Event))  # people are not events (disjoint classes)
    bad.add((x, RDFS.label, Literal("x")))
    report = consistency(bad)
    assert not report.conforms
