"""Content negotiation (RFC 9110): one function shared by the SPARQL and Linked Data blueprints.

``choose(accept, offers)`` returns the offered media type the client prefers (q-values, ``type/*`` and ``*/*``
wildcards, more specific ranges first), or None — which the caller turns into 406.
"""

from __future__ import annotations

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv", "text/html": "html",
}
GRAPH_TYPES = {
    "text/turtle": "ttl", "application/n-triples": "nt", "application/n-quads": "nq", "application/trig": "trig",
    "application/ld+json": "jsonld", "application/rdf+xml": "rdf", "text/html": "html",
}
FORMAT_ALIASES = {  # the format=/output= values common clients send
    "json": "application/sparql-results+json", "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "html": "text/html",
    "turtle": "text/turtle", "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
    "n-triples": "application/n-triples", "nq": "application/n-quads", "nquads": "application/n-quads",
    "trig": "application/trig", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml", "rdfxml": "application/rdf+xml", "rdf/xml": "application/rdf+xml",
    "xml-rdf": "application/rdf+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """(media range, q, specificity) for each element of an Accept header; malformed elements are skipped."""
    out = []
    for part in (header or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        rng = fields[0].lower()
        if "/" not in rng:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        main, _, sub = rng.partition("/")
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


def choose(accept_header: str | None, offers: list[str]) -> str | None:
    """The offer with the highest q (ties: the order of ``offers``), or None when nothing is acceptable."""
    accept = parse_accept(accept_header)
    if not accept:
        accept = parse_accept("*/*")
    best, best_q = None, 0.0
    for media in offers:
        q = quality(media, accept)
        if q > best_q:
            best, best_q = media, q
    return best
