"""SHACL: the seed graph conforms; a statement without a speaker and a backwards span are reported."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.vocab import NKG
from kg.pipeline.rdf.mapping import NIF, to_rdf
from kg.pipeline.validate import shacl


def test_seed_graph_conforms(seed_extraction):
    article, found = seed_extraction
    report = shacl(to_rdf(article, found))
    assert report.conforms, report.violations


def test_statement_without_speaker_is_reported(seed_extraction):
    article, found = seed_extraction
    g = to_rdf(article, found)
    st = next(g.subjects(NKG.speaker, None))
    g.remove((st, NKG.speaker, None))
    report = shacl(g)
    assert not report.conforms
    assert any(str(st) in v and "speaker" in v for v in report.violations), report.violations


def test_backwards_span_is_reported(seed_extraction):
    article, found = seed_extraction
    g = to_rdf(article, found)
    m = next(m for m in g.subjects(NIF.anchorOf, None) if int(g.value(m, NIF.beginIndex)) > 0)
    b = int(g.value(m, NIF.beginIndex))
    g.set((m, NIF.endIndex, Literal(b - 1, datatype=XSD.integer)))
    report = shacl(g)
    assert not report.conforms
    assert any(str(m) in v and "before its begin" in v for v in report.violations), report.violations


def test_span_that_does_not_reread_is_reported(seed_extraction):
    article, found = seed_extraction
    g = to_rdf(article, found)
    m = next(g.subjects(NIF.anchorOf, None))
    g.set((m, NIF.anchorOf, Literal("not the text")))
    report = shacl(g)
    assert not report.conforms
    assert any(str(m) in v and "re-read" in v for v in report.violations)


def test_every_span_rereads_its_text(seed_extraction):
    article, found = seed_extraction
    g = to_rdf(article, found)
    n = 0
    for m in g.subjects(NIF.anchorOf, None):
        b, e = int(g.value(m, NIF.beginIndex)), int(g.value(m, NIF.endIndex))
        assert article.text[b:e] == str(g.value(m, NIF.anchorOf))
        assert str(m).endswith(f"/span/{b}-{e}")
        n += 1
    assert n > 100
    assert isinstance(URIRef(str(m)), URIRef)
