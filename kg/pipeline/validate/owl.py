"""OWL 2 consistency of the ontology plus the data, by HermiT (an OWL 2 DL reasoner run by owlready2; needs Java)."""

from __future__ import annotations

import io

from rdflib import Graph

from kg.pipeline.validate.graphs import ontology_graph
from kg.pipeline.validate.checks import Report


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
