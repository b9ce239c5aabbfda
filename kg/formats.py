"""Every RDF and result format newskg reads or writes, in one table.

One row per format: its short name (also the file extension of dumps and of ``/doc/…`` descriptions), the media
types (the first is the one answered; the others are read as the same), the engine's (pyoxigraph) format, whether
it holds named graphs, and the names other vocabularies give it. The CLI's ``--format`` choices, content
negotiation, the Graph Store's uploads, ``kg load``'s file names, the downloads, VoID and the service description
all read this table; a new format is one row here.

>>> by_media("application/x-turtle").name
'ttl'
>>> offers(["json", "html"])
['application/sparql-results+json', 'text/html', 'application/json', 'application/xhtml+xml']
>>> from_param("xml")
'application/sparql-results+xml, application/rdf+xml'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

RDF, RESULTS, PAGE = "rdf", "results", "page"
W3C_FORMATS = "http://www.w3.org/ns/formats/"
IANA = "https://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Format:
    """One format and everything the code needs to know about it."""

    name: str  # the short name: --format, file extension, format= parameter
    label: str  # for people: "Turtle"
    media_types: tuple[str, ...]  # the first is answered; the others are read as this format
    kind: str  # RDF (a graph or dataset), RESULTS (SPARQL SELECT/ASK results) or PAGE (HTML)
    engine: ox.RdfFormat | ox.QueryResultsFormat | None = None  # pyoxigraph's parser and writer
    named_graphs: bool = False  # holds a dataset: a dump keeps the named graphs
    extensions: tuple[str, ...] = ()  # file name endings read as this format besides the name (kg load)
    params: tuple[str, ...] = ()  # format=/output=/results= values meaning this format, besides the name
    w3c: str | None = None  # its name under http://www.w3.org/ns/formats/ (VoID, service description)
    rdflib: str | None = None  # rdflib's name for it (documents written with rdflib)
    writable: bool = True  # newskg writes it (N3 is only read)
    grouped: bool = False  # written with each subject's triples together, prefixes declared (Turtle-like)
    native: bool = False  # SELECT results the engine writes itself (server.engine.fastpath)
    for_graphs: str | None = None  # a result format asked of a CONSTRUCT answers in this RDF format (kg query)

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def w3c_iri(self) -> str | None:
        return W3C_FORMATS + self.w3c if self.w3c else None


_ROWS = (
    # RDF, in the order the CLI and the downloads list them
    Format("ttl", "Turtle", ("text/turtle", "application/x-turtle", "text/n3"), RDF, ox.RdfFormat.TURTLE,
           extensions=("turtle",), params=("turtle", "n3"), w3c="Turtle", rdflib="turtle", grouped=True),
    Format("nt", "N-Triples", ("application/n-triples",), RDF, ox.RdfFormat.N_TRIPLES, extensions=("ntriples",),
           params=("ntriples", "n-triples"), w3c="N-Triples", rdflib="nt"),
    Format("nq", "N-Quads", ("application/n-quads",), RDF, ox.RdfFormat.N_QUADS, named_graphs=True,
           extensions=("nquads",), params=("nquads", "n-quads"), w3c="N-Quads", rdflib="nquads"),
    Format("trig", "TriG", ("application/trig",), RDF, ox.RdfFormat.TRIG, named_graphs=True, w3c="TriG",
           rdflib="trig", grouped=True),
    Format("jsonld", "JSON-LD", ("application/ld+json", "application/json"), RDF, ox.RdfFormat.JSON_LD,
           named_graphs=True, extensions=("json",), params=("json-ld", "json"), w3c="JSON-LD", rdflib="json-ld",
           grouped=True),
    Format("rdf", "RDF/XML", ("application/rdf+xml",), RDF, ox.RdfFormat.RDF_XML, extensions=("xml", "owl"),
           params=("rdfxml", "rdf/xml", "rdf+xml", "xml-rdf", "xml"), w3c="RDF_XML", rdflib="xml"),
    Format("n3", "N3", ("text/n3",), RDF, ox.RdfFormat.N3, writable=False),
    # SPARQL results
    Format("json", "SPARQL JSON results", ("application/sparql-results+json", "application/json"), RESULTS,
           ox.QueryResultsFormat.JSON, params=("srj",), w3c="SPARQL_Results_JSON", native=True, for_graphs="jsonld"),
    Format("xml", "SPARQL XML results", ("application/sparql-results+xml", "application/xml", "text/xml"), RESULTS,
           ox.QueryResultsFormat.XML, params=("srx",), w3c="SPARQL_Results_XML", native=True, for_graphs="rdf"),
    Format("csv", "SPARQL CSV results", ("text/csv",), RESULTS, ox.QueryResultsFormat.CSV, w3c="SPARQL_Results_CSV",
           for_graphs="nt"),
    Format("tsv", "SPARQL TSV results", ("text/tab-separated-values",), RESULTS, ox.QueryResultsFormat.TSV,
           w3c="SPARQL_Results_TSV", native=True, for_graphs="nt"),
    # pages
    Format("html", "HTML", ("text/html", "application/xhtml+xml"), PAGE),
)
FORMATS: dict[str, Format] = {f.name: f for f in _ROWS}
RDF_NAMES = tuple(f.name for f in _ROWS if f.kind == RDF and f.writable)  # ttl nt nq trig jsonld rdf
RESULT_NAMES = tuple(f.name for f in _ROWS if f.kind == RESULTS)  # json xml csv tsv


def get(name: str) -> Format:
    """The format called ``name``.

    :raises KeyError: for a name that is not in the table.
    """
    return FORMATS[name]


def engine_rdf(name: str) -> ox.RdfFormat:
    """pyoxigraph's RDF format for ``name`` (an RDF format of the table)."""
    fmt = FORMATS[name].engine
    if not isinstance(fmt, ox.RdfFormat):
        raise KeyError(f"{name} is not an RDF format")
    return fmt


def engine_results(name: str) -> ox.QueryResultsFormat:
    """pyoxigraph's SPARQL results format for ``name`` (a results format of the table)."""
    fmt = FORMATS[name].engine
    if not isinstance(fmt, ox.QueryResultsFormat):
        raise KeyError(f"{name} is not a results format")
    return fmt


def offers(names: Iterable[str]) -> list[str]:
    """The media types to negotiate among for the formats ``names``, in that order of preference: each format's
    own media type first, then the other media types read as one of them (a media type two formats share —
    ``application/json`` — goes to the first of ``names`` that has it)."""
    chosen = [FORMATS[n] for n in names]
    out = [f.media_type for f in chosen]
    for f in chosen:
        out += [m for m in f.media_types[1:] if m not in out]
    return out


def by_media(media: str | None, among: Iterable[str] | None = None) -> Format | None:
    """The format a media type stands for (parameters such as ``charset`` ignored), among the formats ``among``
    (the first that has it) or all writable ones; None for a media type no format has."""
    if not media:
        return None
    media = media.split(";", 1)[0].strip().lower()
    candidates = [FORMATS[n] for n in among] if among is not None else [f for f in _ROWS if f.writable]
    for f in candidates:
        if media in f.media_types:
            return f
    return None


def from_extension(ext: str) -> Format | None:
    """The RDF format a file name ending stands for (``ttl``, ``turtle``, ``nq``, ``owl`` …), or None."""
    ext = ext.lower()
    for f in _ROWS:
        if f.kind == RDF and (ext == f.name or ext in f.extensions):
            return f
    return None


def from_param(value: str) -> str | None:
    """The Accept value a ``format=``/``output=``/``results=`` parameter stands for: a format's name or one of its
    parameter names (``xml`` stands for SPARQL XML results and RDF/XML, as clients mean it), or a media type;
    None if unknown."""
    value = value.strip().lower()
    named = sorted((f for f in _ROWS if f.writable and (value == f.name or value in f.params)),
                   key=lambda f: f.name != value)  # the format of that name first
    if named:
        return ", ".join(f.media_type for f in named)
    if "/" in value and value.split("/", 1)[0] and value.split("/", 1)[1]:
        return value
    return None


def param_names() -> list[str]:
    """The format names a ``format=`` parameter accepts, for messages."""
    return [n for f in _ROWS if f.writable for n in (f.name, *f.params)]
