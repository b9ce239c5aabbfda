"""Validation: SHACL shapes (pySHACL) and OWL 2 consistency (HermiT through owlready2).

``kg build`` checks every article graph against the shapes before it is stored; ``kg validate`` checks the whole
store against the shapes and the ontology plus the data for consistency.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph

from kg import ontology


@dataclass
class Report:
    conforms: bool
    violations: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "conforms" if self.conforms else "\n".join(self.violations)


@cache
def ontology_graph() -> Graph:
    g = Graph()
    for name in ontology.ONTOLOGY_FILES:
        g.parse(ontology.path(name), format="turtle")
    return g


@cache
def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology.path(ontology.SHAPES_FILE), format="turtle")
    return g


@cache
def shacl_support() -> Graph:
    """What the shapes need of the ontology: the class hierarchy and the types of its controlled values
    (modalities, roles, quote types, event types) — not its labels and comments, which cost copying per article."""
    from rdflib import RDF, RDFS

    g = Graph()
    for p in (RDF.type, RDFS.subClassOf):
        g += ((s, p, o) for s, o in ontology_graph().subject_objects(p))
    return g


def shacl(data: Graph) -> Report:
    """Check ``data`` against ``ontology/shapes.ttl`` (class hierarchy from the ontology)."""
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
            violations.append(f"{focus}: {path.n3(results.namespace_manager) + ': ' if path else ''}{msg}")
        violations.sort()
    span_report = spans(data)
    return Report(bool(conforms) and span_report.conforms, violations + span_report.violations)


def spans(data: Graph) -> Report:
    """Every mention re-reads its text: ``string[begin:end] == anchorOf`` over its context's stored string."""
    from rdflib import Namespace

    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    strings = {c: str(s) for c, s in data.subject_objects(nif.isString)}
    bad = []
    for m, ctx in data.subject_objects(nif.referenceContext):
        b, e, a = (data.value(m, nif.beginIndex), data.value(m, nif.endIndex), data.value(m, nif.anchorOf))
        text = strings.get(ctx)
        if b is None or e is None or a is None or text is None:
            bad.append(f"{m}: incomplete span")
        elif text[int(b) : int(e)] != str(a):
            bad.append(f"{m}: span text does not re-read from the article text at [{int(b)}, {int(e)})")
    return Report(not bad, sorted(bad))


def _owl2_datatypes(g: Graph) -> Graph:
    """HermiT knows only the OWL 2 datatype map, which lacks xsd:date: read dates as midnight UTC dateTimes
    (same order and equality, so consistency is unchanged)."""
    from rdflib import XSD, Literal

    out = Graph()
    for s, p, o in g:
        if o == XSD.date:
            o = XSD.dateTime
        elif isinstance(o, Literal) and o.datatype == XSD.date:
            o = Literal(f"{o}T00:00:00Z", datatype=XSD.dateTime)
        out.add((s, p, o))
    return out


def consistency(data: Graph) -> Report:
    """Whether the ontology plus ``data`` is consistent for HermiT (an OWL 2 DL reasoner; needs Java)."""
    import owlready2

    world = owlready2.World()
    merged = Graph()
    merged += ontology_graph()
    merged += data
    merged = _owl2_datatypes(merged)
    buf = io.BytesIO(merged.serialize(format="nt", encoding="utf-8"))
    world.get_ontology("http://newskg.invalid/check.owl").load(fileobj=buf, format="ntriples")
    try:
        with world.get_ontology("http://newskg.invalid/inferred.owl"):
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return Report(False, ["the ontology and the data are inconsistent (HermiT)"])
    except FileNotFoundError:
        return Report(False, ["cannot run HermiT: Java (a JRE) is not installed"])
    except owlready2.OwlReadyJavaError as e:
        return Report(False, [f"HermiT could not check the ontology: {str(e).splitlines()[1] if len(str(e).splitlines()) > 1 else e}"])
    finally:
        world.close()
    return Report(True)
