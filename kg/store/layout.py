"""The store's layout: which graphs hold what, and the dataset record that remembers the store's base IRI.

=========================================  ==================================================================
``{base}graph/article/{id}``               what one article says: its statements, events, spans, and which
                                           shared resources it mentions (``nkg:denotedBy`` its own spans)
``{base}graph/provenance/{id}``            the PROV-O record of its build, with what the build contributed to the
                                           shared resources (``nkg:Contribution``, see :mod:`kg.store.shared`)
``{base}graph/enrichment/{id}``            the record of what the knowledge base added for the article
``{base}graph/shared``                     actors, places, posts and knowledge-base records: each described once
``{base}graph/ontology``                   the ontology and the event types (store-wide)
``{base}graph/dataset``                    the dataset record: its URI space (hence the base IRI) (store-wide)
=========================================  ==================================================================

A store has one base IRI, recorded at its first build or load (``void:uriSpace "{base}id/"`` in the dataset
record); later builds, loads and ``kg serve`` use it, and a different ``--base-iri`` is refused.
"""

from __future__ import annotations

from typing import Any

from kg.errors import ConfigError, StoreError

DEFAULT_BASE = "http://localhost:8000/"
VOID = "http://rdfs.org/ns/void#"
DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ARTICLE_KINDS = ("article", "provenance", "enrichment")  # the graphs one article owns


def article_graph(base: str, article_id: str, kind: str = "article") -> str:
    return f"{base}graph/{kind}/{article_id}"


def shared_graph(base: str) -> str:
    return f"{base}graph/shared"


def ontology_graph(base: str) -> str:
    return f"{base}graph/ontology"


def dataset_graph(base: str) -> str:
    return f"{base}graph/dataset"


def dataset_iri(base: str) -> str:
    return f"{base}id/dataset"


def dataset_record(base: str) -> str:
    """The dataset record as N-Triples: the store's URI space, from which its base IRI is read back."""
    d = f"<{dataset_iri(base)}>"
    return (f"{d} <{RDF_TYPE}> <{VOID}Dataset> .\n"
            f'{d} <{VOID}uriSpace> "{base}id/" .\n'
            f'{d} <{DCTERMS}title> "newskg knowledge graph"@en .\n'
            f'{d} <http://www.w3.org/2000/01/rdf-schema#label> "newskg knowledge graph" .\n')


def stored_base(store: Any) -> str | None:
    """The base IRI the store was built with: its dataset record's, else (a store written before there were
    records) the one its article graphs are named under; None for an empty store.

    :raises StoreError: when the store holds data under two base IRIs (it has to be rebuilt).
    """
    rows = store.query(f"SELECT DISTINCT ?g ?space WHERE {{ GRAPH ?g {{ ?d <{VOID}uriSpace> ?space }} }}").rows()
    bases = {str(r["space"].value)[:-3] for r in rows
             if r["g"] is not None and str(r["g"].value).endswith("/graph/dataset")
             and str(r["space"].value).endswith("/id/")
             and str(r["g"].value) == dataset_graph(str(r["space"].value)[:-3])}
    if not bases:
        bases = {g.split("graph/article/", 1)[0] for g in store.graphs() if "/graph/article/" in g}
    if len(bases) > 1:
        raise StoreError(f"the store holds data under several base IRIs ({', '.join(sorted(bases))}); "
                         "rebuild it into a new store with one --base-iri")
    return next(iter(bases), None)


def resolve_base(store: Any, given: str | None, *, where: str) -> str:
    """The base IRI to write with: the store's own; ``given`` (``--base-iri``) must agree with it.

    :raises ConfigError: naming both IRIs when ``given`` differs from the store's.
    """
    stored = stored_base(store)
    if given and stored and given != stored:
        raise ConfigError(f"{where} has base IRI {stored}, not {given}: leave out --base-iri (and "
                          f"NEWSKG_BASE_IRI) to use the store's, or use a new store for {given}")
    return stored or given or DEFAULT_BASE
