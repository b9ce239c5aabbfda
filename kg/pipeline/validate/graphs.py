"""The ontology and the shapes as rdflib graphs, read once per process from ``ontology/``."""

from __future__ import annotations

from functools import cache

from rdflib import Graph

from kg import vocab


@cache
def ontology_graph() -> Graph:
    g = Graph()
    for name in vocab.ONTOLOGY_FILES:
        g.parse(vocab.path(name), format="turtle")
    return g


@cache
def shapes_graph() -> Graph:
    g = Graph()
    g.parse(vocab.path(vocab.SHAPES_FILE), format="turtle")
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
