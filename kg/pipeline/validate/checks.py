"""SHACL: an article graph (``kg build``) or the whole store (``kg validate``) against ``ontology/shapes.ttl``, and
every span re-read from the article text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph

from kg.pipeline.validate.graphs import shacl_support, shapes_graph


@dataclass
class Report:
    conforms: bool
    violations: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "conforms" if self.conforms else "\n".join(self.violations)


def shacl(data: Graph) -> Report:
    """Check ``data`` against ``ontology/shapes.ttl`` (class hierarchy from the ontology), and that every span
    re-reads its text."""
    return check(data)


def check(triples: Iterable[tuple]) -> Report:
    """:func:`shacl` over any collection of rdflib (s, p, o) triples — what ``kg build`` checks each article
    with before the triples ever become an rdflib Graph. The shapes run as compiled checks (kg.pipeline.validate.shapes), or
    through pySHACL if they use a feature those do not implement."""
    from kg.pipeline.validate.shapes import Index, compiled

    shapes = compiled()
    if isinstance(shapes, str):
        g = triples if isinstance(triples, Graph) else _graph(triples)
        return _merge(pyshacl_report(g), spans(g))
    ix = Index.of(triples)
    violations = shapes.validate(ix)
    return _merge(Report(not violations, violations), _spans(ix))


def pyshacl_report(data: Graph) -> Report:
    """The shapes checked by pySHACL, the general SHACL engine (the reference for kg.pipeline.validate.shapes)."""
    from pyshacl import validate

    merged = Graph()  # the class hierarchy and the controlled values (modalities, roles) come with the ontology
    merged += shacl_support()
    merged += data
    # inplace: merged is ours, so pySHACL need not copy it first
    conforms, results, _ = validate(merged, shacl_graph=shapes_graph(), inference="none", allow_warnings=True,
                                    inplace=True)
    violations: list[str] = []
    if not conforms:
        from rdflib.namespace import SH

        for r in results.subjects(SH.resultSeverity, SH.Violation):
            focus = results.value(r, SH.focusNode)
            path = results.value(r, SH.resultPath)
            msg = results.value(r, SH.resultMessage)
            violations.append(f"{focus}: {path.n3(_namespaces()) + ': ' if path else ''}{msg}")
        violations.sort()
    return Report(bool(conforms), violations)


def _merge(*reports: Report) -> Report:
    return Report(all(r.conforms for r in reports), [v for r in reports for v in r.violations])


def _graph(triples: Iterable[tuple]) -> Graph:
    from kg.pipeline.rdf.mapping import rdflib_triples

    g = Graph()
    g += rdflib_triples(triples)
    return g


@cache
def namespaces():  # noqa: ANN201
    """The project's prefixes, as reports write terms (``nif:beginIndex``)."""
    from kg.pipeline.rdf.mapping import new_graph

    return new_graph().namespace_manager


_namespaces = namespaces


def spans(data: Graph) -> Report:
    """Every mention re-reads its text: ``string[begin:end] == anchorOf`` over its context's stored string."""
    from kg.pipeline.validate.shapes import Index

    return _spans(Index.of(data))


def _spans(ix) -> Report:  # noqa: ANN001
    from kg.pipeline.rdf.triples import NIF
    from kg.pipeline.rdf.ntriples import literal, literal_parts
    from kg.pipeline.validate.shapes import shown

    is_string, context = NIF.isString, NIF.referenceContext
    begin_index, end_index, anchor = NIF.beginIndex, NIF.endIndex, NIF.anchorOf
    strings = {s: literal_parts(props[is_string][0])[0] for s, props in ix.nodes.items()
               if is_string in props and props[is_string][0][:1] == '"'}
    bad = []
    for m, props in ix.nodes.items():
        ctxs = props.get(context)
        if ctxs is None:
            continue
        b, e, a = props.get(begin_index), props.get(end_index), props.get(anchor)
        text = strings.get(ctxs[0])
        if not b or not e or not a or text is None:
            bad.append(f"{shown(m)}: incomplete span")
            continue
        try:
            begin, end = int(literal_parts(b[0])[0]), int(literal_parts(e[0])[0])
        except ValueError:
            bad.append(f"{shown(m)}: span offsets are not integers")
            continue
        if literal(text[begin:end]) != a[0] and text[begin:end] != literal_parts(a[0])[0]:
            bad.append(f"{shown(m)}: span text does not re-read from the article text at [{begin}, {end})")
    return Report(not bad, sorted(bad))
