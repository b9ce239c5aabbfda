"""Content negotiation (RFC 9110 §12.5.1): one function shared by the SPARQL and Linked Data blueprints.

``choose(accept, offers)`` returns the offered media type the client prefers: the most specific matching range
decides an offer's q-value (``text/turtle`` over ``text/*`` over ``*/*``), ``q=0`` means "not acceptable", ties go
to the order of ``offers`` (the server's preference). None means nothing is acceptable — the caller answers 406.

>>> choose("text/*;q=0.5, application/n-triples", ["text/turtle", "application/n-triples"])
'application/n-triples'
>>> choose("text/html", ["text/turtle"]) is None
True
"""

from __future__ import annotations

import functools

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv", "text/html": "html",
}
GRAPH_TYPES = {
    "text/turtle": "ttl", "application/n-triples": "nt", "application/n-quads": "nq", "application/trig": "trig",
    "application/ld+json": "jsonld", "application/rdf+xml": "rdf", "text/html": "html",
    "application/x-turtle": "ttl", "text/n3": "ttl",
}
# The format=/output=/results= values common clients send (SPARQLWrapper sends all three). Each stands for a
# result type and a graph type: "xml" is SPARQL XML for SELECT/ASK and RDF/XML for CONSTRUCT, as clients mean it.
FORMAT_ALIASES: dict[str, str] = {
    "json": "application/sparql-results+json, application/ld+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
    "turtle": "text/turtle", "ttl": "text/turtle", "n3": "text/turtle",
    "nt": "application/n-triples", "ntriples": "application/n-triples", "n-triples": "application/n-triples",
    "nq": "application/n-quads", "nquads": "application/n-quads", "n-quads": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml", "rdf/xml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml", "xml-rdf": "application/rdf+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """(media range, q, specificity) for each element of an Accept header; malformed elements are skipped.

    A missing or empty header means ``*/*`` (RFC 9110: no Accept field, any type is acceptable).
    """
    if header is None or not header.strip():
        header = "*/*"
    out = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        rng = fields[0].lower()
        main, slash, sub = rng.partition("/")
        if not slash or not main or not sub or (main == "*" and sub != "*"):
            continue  # not a media range ("*/json" is not one either)
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        spec = 0 if main == "*" else 1 if sub == "*" else 2
        out.append((rng, q, spec))
    return out


def quality(media: str, accept: list[tuple[str, float, int]]) -> float:
    """The q-value the most specific matching range gives ``media`` (0 when none matches)."""
    main, _, sub = media.partition("/")
    best_spec, best_q = -1, 0.0
    for rng, q, spec in accept:
        r_main, _, r_sub = rng.partition("/")
        if (r_main == "*" or r_main == main) and (r_sub == "*" or r_sub == sub) and spec > best_spec:
            best_spec, best_q = spec, q
    return best_q


def choose(accept_header: str | None, offers: list[str] | tuple[str, ...]) -> str | None:
    """The offer with the highest q (ties: the order of ``offers``), or None when nothing is acceptable.

    A header with no valid element at all is ignored (as if absent) rather than turned into a 406.
    """
    if accept_header is None or len(accept_header) <= 512:  # clients send a few distinct headers: remember them
        return _choose_once(accept_header, tuple(offers))
    return _choose(accept_header, offers)


@functools.lru_cache(maxsize=256)
def _choose_once(accept_header: str | None, offers: tuple[str, ...]) -> str | None:
    return _choose(accept_header, offers)


def _choose(accept_header: str | None, offers: list[str] | tuple[str, ...]) -> str | None:
    accept = parse_accept(accept_header) or parse_accept(None)
    best, best_q = None, 0.0
    for media in offers:
        q = quality(media, accept)
        if q > best_q:
            best, best_q = media, q
    return best


def format_to_accept(value: str) -> str | None:
    """The Accept value a ``format=``/``output=`` parameter stands for: an alias or a media type; None if unknown."""
    value = value.strip().lower()
    if value in FORMAT_ALIASES:
        return FORMAT_ALIASES[value]
    if "/" in value and parse_accept(value):
        return value
    return None
