"""Every namespace IRI the project writes or reads, once, as plain strings.

No imports, so that the lean query process and the stores can use it without rdflib; :mod:`kg.vocab` makes rdflib
namespaces of the same strings, and SPARQL texts take their PREFIX lines from :func:`sparql_prefixes`.
"""

from __future__ import annotations

NKG = "https://w3id.org/newskg/ns#"
ET = "https://w3id.org/newskg/event-type/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "http://schema.org/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
WIKIDATA_P = "http://www.wikidata.org/prop/"
WIKIDATA_PS = "http://www.wikidata.org/prop/statement/"
WIKIDATA_PQ = "http://www.wikidata.org/prop/qualifier/"
VOID = "http://rdfs.org/ns/void#"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"

# prefix → namespace, as the published data, the query page and error messages name them
PREFIXES = {"nkg": NKG, "et": ET, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "schema": SCHEMA,
            "nif": NIF, "prov": PROV, "time": TIME, "dcterms": DCTERMS, "org": ORG, "foaf": FOAF, "wd": WD,
            "wdt": WDT, "p": WIKIDATA_P, "ps": WIKIDATA_PS, "pq": WIKIDATA_PQ, "void": VOID, "sd": SD,
            "formats": FORMATS}


def sparql_prefixes(*names: str) -> str:
    """The PREFIX lines of a SPARQL text for these prefixes, one a line."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)
