"""What every published page needs: the base IRI, local links for IRIs, term labels, and the HTML safety headers.

Resources are minted as ``{BASE_IRI}id/…`` (see kg/pipeline/rdf/mapping.py). The server answers for the *path* on whatever host it
runs, so a page never links to ``http://localhost:8000/id/x`` when it is served from elsewhere: :func:`href` maps an
IRI under the base to the local ``/doc/…`` page, and leaves every other IRI as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Response, current_app, url_for

from kg import namespaces
from kg.vocab import external_terms
from kg.store import term_text
from server.http.headers import secure
from server.pages import engine
from server.engine.access import cached

NKG, EVENT_TYPES, SKOS, SCHEMA, NIF, PROV = (namespaces.NKG, namespaces.ET, namespaces.SKOS, namespaces.SCHEMA,
                                             namespaces.NIF, namespaces.PROV)
RDF_TYPE = f"{namespaces.RDF}type"
RDFS_LABEL = f"{namespaces.RDFS}label"

# Where the links to other datasets go, by IRI prefix: (key, name shown).
LINK_TARGETS = {
    "wikidata": ("Wikidata", ("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/")),
    "dbpedia": ("DBpedia", ("http://dbpedia.org/resource/", "https://dbpedia.org/resource/")),
    "geonames": ("GeoNames", ("https://sws.geonames.org/", "http://sws.geonames.org/")),
}

# Characters that cannot appear in an IRI (RFC 3987) and would break out of a SPARQL <…> term.
_BAD_IRI = re.compile(r"[\x00-\x20<>\"{}|^`\\]")



def base_iri() -> str:
    """The base IRI of the resources: ``BASE_IRI`` from the config, else the one the store records (kg.store.layout),
    else this server's own root."""
    ext = current_app.extensions.setdefault("newskg", {})
    if "base_iri" not in ext:
        base = current_app.config.get("BASE_IRI")
        if not base:
            base = engine.fact("stored_base")
        if not base:
            return url_for("ui.index", _external=True)  # an empty store: nothing is minted yet, do not cache
        ext["base_iri"] = base if base.endswith("/") else base + "/"
    return ext["base_iri"]


def valid_iri(iri: str) -> bool:
    """True when ``iri`` can be put between ``<`` and ``>`` in a query without changing its meaning."""
    return not _BAD_IRI.search(iri)


def local_path(iri: str) -> str | None:
    """The path after ``{base}id/`` when ``iri`` is one of our resources, else None."""
    prefix = base_iri() + "id/"
    return iri[len(prefix):] if iri.startswith(prefix) and len(iri) > len(prefix) else None


def href(iri: str) -> str:
    """Where a page links for ``iri``: our resources go to their local page, graphs to their content, other web
    IRIs stay as they are; anything else (``javascript:``, ``data:``, ``urn:``) gets no link at all ("")."""
    path = local_path(iri)
    if path is not None:
        return url_for("resources.document", path=path)
    graph = base_iri() + "graph/"
    if iri.startswith(graph):
        return url_for("resources.graph", path=iri[len(graph):])
    vocabulary = _vocabulary_path(iri)
    if vocabulary:
        return vocabulary
    return iri if iri.lower().startswith(("http://", "https://")) else ""


def _vocabulary_path(iri: str) -> str:
    """The local page of a term of our vocabulary (``nkg:Statement`` → ``/ns/Statement``), when it is served."""
    if "vocab.term" not in current_app.view_functions:
        return ""
    if iri.startswith(NKG) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", iri[len(NKG):]):
        return url_for("vocab.term", name=iri[len(NKG):])
    if iri.startswith(EVENT_TYPES) and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", iri[len(EVENT_TYPES):]):
        return url_for("vocab.event_type", key=iri[len(EVENT_TYPES):])
    return ""


def link_target(iri: str) -> str | None:
    """"wikidata", "dbpedia" or "geonames" when ``iri`` is in one of those datasets."""
    for key, (_, prefixes) in LINK_TARGETS.items():
        if iri.startswith(prefixes):
            return key
    return None


@dataclass(frozen=True)
class TermInfo:
    label: str
    comment: str


def term_labels() -> dict[str, TermInfo]:
    """Labels and comments of the ontology's terms (classes, properties, controlled values, event types), read once
    per dataset version from the graph ``{base}graph/ontology`` that ``kg build`` writes, and of the other
    vocabularies' terms newskg writes (kg.vocab.external_terms: "position held" for Wikidata's P39)."""
    graph = base_iri() + "graph/ontology"

    def compute() -> dict[str, TermInfo]:
        q = f"""SELECT ?t ?l ?c WHERE {{ GRAPH <{graph}> {{
              {{ ?t <{RDFS_LABEL}> ?l }} UNION {{ ?t <{SKOS}prefLabel> ?l }}
              OPTIONAL {{ ?t <http://www.w3.org/2000/01/rdf-schema#comment>|<{SKOS}definition> ?c }}
              FILTER(LANG(?l) = "" || LANGMATCHES(LANG(?l), "en")) }} }}"""
        out: dict[str, TermInfo] = {iri: TermInfo(label, comment) for iri, (label, comment) in external_terms().items()}
        for row in engine.rows(q):
            t = term_text(row["t"])
            if t not in out or not out[t].comment:
                out[t] = TermInfo(term_text(row["l"]), term_text(row["c"]))
        return out

    return cached("term_labels", compute)


def fallback_label(iri: str) -> str:
    """A readable name made from an IRI's last segment, for terms nobody labelled: ``…#hasParticipant`` → "has
    Participant", ``…/holding/3`` → "holding 3", ``…/span/182-189`` → "span 182-189"."""
    parts = [p for p in re.split(r"[#/]", iri.rstrip("/#")) if p]
    if not parts:
        return iri
    tail = parts[-1]
    if re.fullmatch(r"\d+(-\d+)?", tail) and len(parts) > 1:
        return f"{parts[-2]} {tail}"
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", tail).replace("-", " ").replace("_", " ")


def term_label(iri: str) -> str:
    info = term_labels().get(iri)
    return info.label if info else fallback_label(iri)


def term_comment(iri: str) -> str:
    info = term_labels().get(iri)
    return info.comment if info else ""


def labels(iris: set[str] | list[str]) -> dict[str, str]:
    """rdfs:label (or, for a mention, its anchor text) of each IRI that has one, in one query."""
    good = sorted({i for i in iris if valid_iri(i)})
    out: dict[str, str] = {}
    for k in range(0, len(good), 400):  # keep each VALUES block small
        values = " ".join(f"<{i}>" for i in good[k:k + 400])
        q = (f"SELECT ?n ?l WHERE {{ VALUES ?n {{ {values} }} "
             f"?n <{RDFS_LABEL}>|<{SKOS}prefLabel>|<{NIF}anchorOf> ?l }}")
        for row in engine.rows(q):
            out.setdefault(term_text(row["n"]), term_text(row["l"]))
    return out


def secure_html(resp: Response) -> Response:
    """The safety headers (:mod:`server.http.headers`; the app adds them to every answer, this for a blueprint alone)."""
    return secure(resp)
