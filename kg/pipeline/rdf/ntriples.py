"""N-Triples, written directly (https://www.w3.org/TR/n-triples/): terms as text, and triples as lines.

``kg build`` maps each article straight to N-Triples terms (strings such as ``<http://…>`` and
``"3"^^<http://www.w3.org/2001/XMLSchema#integer>``), checks them against the shapes and hands them to the store as
text: no rdflib term or Graph is built only to be serialised again. :func:`term` writes an rdflib term the same way,
and :func:`to_rdflib` reads one back, for the API that returns rdflib graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

# what an IRIREF may not contain (N-Triples grammar, production [8]); such an IRI is refused, never rewritten
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_UNESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))', re.DOTALL)
_CHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_XSD_STRING = str(XSD.string)
XSD_STRING_TERM = f"<{_XSD_STRING}>"
LANG_STRING_TERM = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>"


def term(t) -> str:  # noqa: ANN001
    """One rdflib term as N-Triples.

    >>> term(Literal('say "no"\\n', lang="en"))
    '"say \\\\"no\\\\"\\\\n"@en'
    """
    if isinstance(t, URIRef):
        if _BAD_IRI.search(t):
            raise ValueError(f"not an IRI that N-Triples can hold: {str(t)!r}")
        return f"<{t}>"
    if isinstance(t, Literal):
        text = f'"{escaped(str(t))}"'
        if t.language:
            return f"{text}@{t.language}"
        if t.datatype is not None and t.datatype != _XSD_STRING:
            return f"{text}^^{term(t.datatype)}"
        return text
    if isinstance(t, BNode):
        return f"_:{t}"
    if isinstance(t, str) and t[:1] in ('<', '"', "_"):
        return t  # already N-Triples
    raise TypeError(f"not an RDF term: {t!r}")


# --- terms as text ----------------------------------------------------------------------------------------------
def iri(value: str) -> str:
    """An IRI as an N-Triples term; :class:`ValueError` if N-Triples cannot hold it."""
    if _BAD_IRI.search(value):
        raise ValueError(f"not an IRI that N-Triples can hold: {value!r}")
    return f"<{value}>"


def escaped(text: str) -> str:
    """A string's N-Triples escapes: the backslash first, so that no escape is escaped again. Four replacements, not
    ``str.translate`` with a table, which looks every character up in a dict (30 times slower on an article's
    text, which the graph holds whole)."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def literal(text: str) -> str:
    """A plain string literal."""
    return f'"{escaped(text)}"'


def typed(lexical: str, datatype: str) -> str:
    """A literal of ``datatype`` (an N-Triples IRI term) with this lexical form, written as given."""
    return f'"{escaped(lexical)}"^^{datatype}'


class Terms:
    """The IRIs of a namespace as N-Triples terms, each made once: ``Terms(ns).speaker`` → ``<ns#speaker>``."""

    def __init__(self, namespace: str) -> None:
        self.__dict__["_ns"] = str(namespace)

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        value = self.__dict__[name] = f"<{self._ns}{name}>"
        return value

    def __getitem__(self, name: str) -> str:
        return self.__getattr__(name) if name not in self.__dict__ else self.__dict__[name]


def is_literal(t: str) -> bool:
    return t[:1] == '"'


def literal_parts(t: str) -> tuple[str, str | None, str | None]:
    """(lexical form, datatype IRI term or None, language tag or None) of an N-Triples literal."""
    end = t.rfind('"')
    lexical = t[1:end]
    if "\\" in lexical:
        lexical = unescape(lexical)
    rest = t[end + 1 :]
    if rest.startswith("^^"):
        return lexical, rest[2:], None
    if rest.startswith("@"):
        return lexical, None, rest[1:]
    return lexical, None, None


def unescape(text: str) -> str:
    """The characters an N-Triples string's escapes stand for."""
    def one(m: re.Match[str]) -> str:
        if m.group(1) or m.group(2):
            return chr(int(m.group(1) or m.group(2), 16))
        return _CHARS.get(m.group(3), m.group(3))

    return _UNESCAPE.sub(one, text)


def to_rdflib(t: str):  # noqa: ANN201
    """The rdflib term an N-Triples term stands for."""
    if t[:1] == "<":
        return URIRef(t[1:-1])
    if t[:2] == "_:":
        return BNode(t[2:])
    lexical, datatype, lang = literal_parts(t)
    if lang:
        return Literal(lexical, lang=lang)
    if datatype and datatype != XSD_STRING_TERM:
        return Literal(lexical, datatype=URIRef(datatype[1:-1]))
    return Literal(lexical)


def serialize(triples: Iterable[tuple]) -> str:
    """The triples — of N-Triples terms (as :mod:`kg.pipeline.rdf.triples` makes them) or of rdflib terms — as N-Triples text,
    one line each, in the order given."""
    cache: dict = {}  # rdflib IRIs recur (subjects, predicates, classes): write each once

    def w(t) -> str:  # noqa: ANN001
        if type(t) is str:
            return t
        if isinstance(t, Literal):
            return term(t)
        s = cache.get(t)
        if s is None:
            s = cache[t] = term(t)
        return s

    return "".join(f"{w(s)} {w(p)} {w(o)} .\n" for s, p, o in triples)


def lines(triples: Iterable[tuple[str, str, str]]) -> str:
    """Triples of N-Triples terms (kg.pipeline.rdf.triples) as N-Triples text: each line written as it stands."""
    return "".join([f"{s} {p} {o} .\n" for s, p, o in triples])
