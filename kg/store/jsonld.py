"""JSON-LD in compacted form: one object per resource, CURIEs under a ``@context``, native strings and numbers.

The context names the prefixes of :data:`kg.pipeline.rdf.mapping.PREFIXES` (``nkg:``, ``schema:``, ``skos:`` …), so a description
reads ``{"@id": "…/person/wang-yi", "@type": ["nkg:Person"], "rdfs:label": "Wang Yi", "nkg:country": {"@id":
"…/country/china"}}``. The server serves the context at ``/ns/context.jsonld`` and its answers refer to it by that
URL (a stable one: it changes only when the prefixes do); ``kg dump`` writes it inside the file, which then reads
without a server. Named graphs stay named graphs (``{"@id": graph, "@graph": [...]}``).

Any JSON-LD processor expands it to the same triples as the other formats (the tests compare them with rdflib).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

import pyoxigraph as ox

CONTEXT_PATH = "ns/context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"


def prefixes() -> dict[str, str]:
    from kg.pipeline.rdf.mapping import PREFIXES

    return {k: str(v) for k, v in PREFIXES.items()} | {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                                                       "prov": "http://www.w3.org/ns/prov#",
                                                       "wdt": "http://www.wikidata.org/prop/direct/",
                                                       "void": "http://rdfs.org/ns/void#",
                                                       "dcat": "http://www.w3.org/ns/dcat#",
                                                       "foaf": "http://xmlns.com/foaf/0.1/",
                                                       "sd": "http://www.w3.org/ns/sparql-service-description#"}


def context() -> dict[str, Any]:
    """The context document served at ``/ns/context.jsonld``."""
    return {"@context": dict(sorted(prefixes().items()))}


class _Compactor:
    def __init__(self, names: dict[str, str]) -> None:
        # longest namespace first, so that "…/prop/direct/" wins over "…/prop/"
        self.names = sorted(names.items(), key=lambda kv: -len(kv[1]))

    def iri(self, iri: str) -> str:
        for prefix, ns in self.names:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def node(self, term: Any) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term: Any) -> Any:
        if isinstance(term, (ox.NamedNode, ox.BlankNode)):
            return {"@id": self.node(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        dt = term.datatype.value
        if dt == XSD + "string":
            return term.value
        if dt == XSD + "boolean" and term.value in ("true", "false"):
            return term.value == "true"
        if dt == XSD + "integer" and term.value.lstrip("-").isdigit() and str(int(term.value)) == term.value:
            return int(term.value)
        return {"@value": term.value, "@type": self.iri(dt)}


def _nodes(triples: Iterable[Any], c: _Compactor) -> list[dict[str, Any]]:
    by_subject: dict[str, dict[str, Any]] = {}
    for t in triples:
        s = c.node(t.subject)
        node = by_subject.setdefault(s, {"@id": s})
        if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            node.setdefault("@type", []).append(c.iri(t.object.value))
        else:
            node.setdefault(c.iri(t.predicate.value), []).append(c.value(t.object))
    out = []
    for s in sorted(by_subject):
        node = by_subject[s]
        for key, values in node.items():
            if key != "@id" and isinstance(values, list):
                values.sort(key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
                if len(values) == 1 and key != "@type":
                    node[key] = values[0]
        out.append(node)
    return out


def write(items: Iterable[Any], output: IO[bytes] | None = None, *, context_url: str | None = None) -> bytes | None:
    """Triples or quads as compacted JSON-LD; the context by reference (``context_url``) or inline.

    Written as it goes, one graph at a time (a store gives its quads graph by graph), so memory holds one graph;
    a graph met again later becomes a second object with the same ``@id``, which JSON-LD merges into one graph.
    """
    import io

    out = output if output is not None else io.BytesIO()
    c = _Compactor(prefixes())
    head = json.dumps(context_url if context_url else context()["@context"], ensure_ascii=False)
    out.write(f'{{"@context": {head},\n "@graph": ['.encode())
    first = True

    def flush(key: str, batch: list[Any]) -> None:
        nonlocal first
        nodes = _nodes(batch, c)
        objects = nodes if key == "" else [{"@id": key, "@graph": nodes}]
        for obj in objects:
            out.write((("\n  " if first else ",\n  ") + json.dumps(obj, ensure_ascii=False)).encode("utf-8"))
            first = False

    key, batch = None, []  # type: ignore[var-annotated]
    for item in items:
        g = item.graph_name if isinstance(item, ox.Quad) else None
        k = "" if g is None or isinstance(g, ox.DefaultGraph) else c.node(g)
        if k != key and batch:
            flush(key, batch)  # type: ignore[arg-type]
            batch = []
        key = k
        batch.append(item)
    if batch:
        flush(key, batch)  # type: ignore[arg-type]
    out.write(b"\n]}\n")
    return out.getvalue() if output is None else None  # type: ignore[attr-defined]
