"""SPARQL 1.1 result documents (JSON, XML, CSV, TSV) written from a list of solutions.

pyoxigraph serialises a whole result iterator and cannot be handed a cut list of rows, so the row limit
(``MAX_ROWS``) needs writers of its own. Each follows its W3C Recommendation; the tests read what they write back
with pyoxigraph's parser.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None
Row = Sequence[Term]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"
PLAIN = {XSD_STRING, RDF_LANG_STRING, RDF_DIR_LANG_STRING}


def select(fmt: str, variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """A SELECT result in ``fmt`` (json, xml, csv or tsv)."""
    return {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt](variables, rows)


def boolean(fmt: str, value: bool) -> bytes:
    """An ASK result in ``fmt``. CSV and TSV have no boolean form in the standard: one column ``_askResult``."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode() + b"\n"
    if fmt == "xml":
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{word}</boolean></sparql>\n").encode()
    sep = "\r\n" if fmt == "csv" else "\n"
    return f"{'_askResult' if fmt == 'csv' else '?_askResult'}{sep}{word}{sep}".encode()


def text(term: Term) -> str:
    """A term as plain text for tables: an IRI, a literal's lexical form, ``_:id``, or empty for unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


# --- JSON (https://www.w3.org/TR/sparql11-results-json/) ----------------------------------------------------------
def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out: dict = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
        if getattr(term, "direction", None) is not None:
            out["its:dir"] = str(term.direction.value if hasattr(term.direction, "value") else term.direction)
    elif term.datatype.value not in PLAIN:
        out["datatype"] = term.datatype.value
    return out


def _json(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8") + b"\n"


# --- XML (https://www.w3.org/TR/rdf-sparql-XMLres/) ---------------------------------------------------------------
def _xml_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject>"
                f"<predicate>{_xml_term(term.predicate)}</predicate>"
                f"<object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _xml(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head>\n<results>")
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(variables, row, strict=True) if t is not None)
        out.append(f"<result>{cells}</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out).encode("utf-8")


# --- CSV and TSV (https://www.w3.org/TR/sparql11-results-csv-tsv/) ------------------------------------------------
def _csv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([text(t) for t in row])
    return buf.getvalue().encode("utf-8")


def _tsv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)]
    # str() of a pyoxigraph term is its N-Triples form, with tabs and newlines escaped, as TSV requires
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")
