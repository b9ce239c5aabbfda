"""The compiled shapes (kg.pipeline.validate.shapes) agree with pySHACL, the general SHACL engine, result for result: on the seed graph
and on broken copies of it that break each constraint the shapes use."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.vocab import NKG
from kg.pipeline.rdf.mapping import NIF, SCHEMA, to_rdf
from kg.pipeline.validate.shapes import Unsupported, compile_shapes, compiled
from kg.pipeline.validate import check, pyshacl_report, shacl_support


def _first(g: Graph, p: URIRef, o=None):  # noqa: ANN001, ANN202
    return sorted(g.subjects(p, o))[0]


def _set(p: URIRef, value) -> Callable[[Graph], None]:  # noqa: ANN001
    def change(g: Graph) -> None:
        g.set((_first(g, p), p, value))
    return change


def _add_second(p: URIRef, value) -> Callable[[Graph], None]:  # noqa: ANN001
    def change(g: Graph) -> None:
        g.add((_first(g, p), p, value))
    return change


def _remove(p: URIRef) -> Callable[[Graph], None]:
    def change(g: Graph) -> None:
        g.remove((_first(g, p), p, None))
    return change


def _speaker_is_a_mention(g: Graph) -> None:
    g.set((_first(g, NKG.speaker), NKG.speaker, _first(g, RDF.type, NKG.Mention)))


def _unlabelled_actor(g: Graph) -> None:
    g.remove((_first(g, RDF.type, NKG.Person), RDFS.label, None))


def _event_in_a_statement(g: Graph) -> None:
    g.add((_first(g, NKG.modality), NKG.subEventOf, _first(g, RDF.type, NKG.Statement)))


def _untyped_begin(g: Graph) -> None:
    g.set((_first(g, RDF.type, NKG.Mention), NIF.beginIndex, Literal("abc", datatype=XSD.integer)))


def _backwards_span(g: Graph) -> None:
    m = _first(g, RDF.type, NKG.Mention)
    g.set((m, NIF.endIndex, Literal(int(g.value(m, NIF.beginIndex)) - 1, datatype=XSD.integer)))


BREAKS = {
    "no speaker (minCount)": _remove(NKG.speaker),
    "two quote types (maxCount)": _add_second(NKG.quoteType, NKG.Indirect),
    "unknown quote type (in)": _set(NKG.quoteType, NKG.Hearsay),
    "speaker not an agent (class)": _speaker_is_a_mention,
    "content with a language tag (datatype)": _set(NKG.content, Literal("said", lang="en")),
    "checksum not hex (pattern)": _set(NKG.sha256, Literal("XYZ")),
    "empty content (minLength)": _set(NKG.content, Literal("")),
    "negative offset (minInclusive)": _set(NIF.beginIndex, Literal(-1, datatype=XSD.integer)),
    "backwards span (lessThanOrEquals)": _backwards_span,
    "ill-typed date (datatype)": _set(SCHEMA.datePublished, Literal("2023-13-45", datatype=XSD.date)),
    "timex not ISO (pattern)": _set(NKG.timexValue, Literal("yesterday")),
    "event without modality": _remove(NKG.modality),
    "event inside a statement (class)": _event_in_a_statement,
    "role as a string (class)": _set(NKG.participantRole, Literal("agent")),
    "unlabelled person (minCount)": _unlabelled_actor,
    "date as a string (datatype)": _set(SCHEMA.datePublished, Literal("2023-01-01")),
    "literal where an IRI is expected (class)": _set(NKG.text, Literal("text")),
}


def _results(lines: list[str]) -> Counter:
    """(focus, path) per result: the messages differ between the engines, what they point at must not."""
    return Counter(tuple(v.split(": ")[:2]) for v in lines if ": " in v)


_SPAN_CHECKS = ("incomplete span", "span text", "span offsets")  # kg.pipeline.validate's own check, not a shape


def _shape_results(g: Graph) -> tuple[bool, Counter]:
    rep = check(g)
    return rep.conforms, _results([v for v in rep.violations if not v.split(": ")[1].startswith(_SPAN_CHECKS)])


def test_the_project_shapes_compile():
    assert not isinstance(compiled(), str), compiled()


def test_seed_graph_agrees(seed_extraction):
    g = to_rdf(*seed_extraction)
    ref = pyshacl_report(g)
    conforms, results = _shape_results(g)
    assert ref.conforms and conforms and not results


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_break_agrees_with_pyshacl(seed_extraction, name):
    g = to_rdf(*seed_extraction)
    BREAKS[name](g)
    ref = pyshacl_report(g)
    conforms, results = _shape_results(g)
    assert not ref.conforms, "the break must break a shape"
    assert not conforms
    assert results == _results(ref.violations), (name, results, ref.violations)


def test_an_ill_typed_offset_is_reported(seed_extraction):
    """Where pySHACL stops with a TypeError (comparing "abc"^^xsd:integer with sh:lessThanOrEquals)."""
    g = to_rdf(*seed_extraction)
    _untyped_begin(g)
    m = str(_first(g, RDF.type, NKG.Mention))
    lines = [v for v in check(g).violations if v.startswith(f"{m}: nif:beginIndex: ")]
    assert len(lines) == 3, lines  # datatype, minInclusive and lessThanOrEquals


def test_development_articles_agree():
    from kg import extract, ingest, link
    from tests.conftest import shared_path

    paths = sorted(shared_path("articles").glob("*.txt"))
    assert paths
    for path in paths:
        article = ingest(path)
        g = to_rdf(article, link(extract(article)))
        assert check(g).conforms == pyshacl_report(g).conforms, path.name


@pytest.mark.parametrize("value", ["2024-W10-WE", "199", "2024-W10", "2024-03-09"])
def test_weekend_and_decade_values_conform(seed_extraction, value):
    """TIMEX3 values the time rules give ("over the weekend", "the 1990s") are valid; "yesterday" is not."""
    g = to_rdf(*seed_extraction)
    _set(NKG.timexValue, Literal(value))(g)
    assert check(g).conforms and pyshacl_report(g).conforms


def test_a_feature_it_does_not_implement_is_named():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .""", format="turtle")
    with pytest.raises(Unsupported, match="closed"):
        compile_shapes(shapes, shacl_support())
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:a ex:b ) ; sh:minCount 1 ] .""",
                                format="turtle")
    with pytest.raises(Unsupported, match="path"):
        compile_shapes(shapes, shacl_support())


def test_a_whole_store_agrees(seed_store):
    """What ``kg validate`` checks: the union of every graph of a built store, the ontology graph with its class
    hierarchy included — and with a statement whose speaker is gone."""
    from rdflib import Dataset

    from kg.store import Store

    with Store(str(seed_store), read_only=True) as s:
        ds = Dataset()
        ds.parse(data=s.dump("nq"), format="nquads")
    g = Graph()
    g += (q[:3] for q in ds.quads((None, None, None, None)))
    assert any(True for _ in g.triples((None, RDFS.subClassOf, None)))
    assert check(g).conforms and pyshacl_report(g).conforms
    _remove(NKG.speaker)(g)
    conforms, results = _shape_results(g)
    ref = pyshacl_report(g)
    assert not conforms and not ref.conforms and results == _results(ref.violations)
