"""N-Triples text of rdflib triples, written directly (https://www.w3.org/TR/n-triples/).

``kg build`` hands each article to the store as N-Triples; writing it here from the mapper's triples skips building
an rdflib Graph (whose indexes cost more than the rest of the mapping) only to serialise it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

# what an IRIREF may not contain (N-Triples grammar, production [8]); such an IRI is refused, never rewritten
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = str(XSD.string)


def term(t) -> str:  # noqa: ANN001
    """One term as N-Triples.

    >>> term(Literal('say "no"\\n', lang="en"))
    '"say \\\\"no\\\\"\\\\n"@en'
    """
    if isinstance(t, URIRef):
        if _BAD_IRI.search(t):
            raise ValueError(f"not an IRI that N-Triples can hold: {str(t)!r}")
        return f"<{t}>"
    if isinstance(t, Literal):
        text = f'"{str(t).translate(_ESCAPES)}"'
        if t.language:
            return f"{text}@{t.language}"
        if t.datatype is not None and t.datatype != _XSD_STRING:
            return f"{text}^^{term(t.datatype)}"
        return text
    if isinstance(t, BNode):
        return f"_:{t}"
    raise TypeError(f"not an RDF term: {t!r}")


def serialize(triples: Iterable[tuple]) -> str:
    """The triples as N-Triples text, one line each, in the order given."""
    cache: dict = {}  # IRIs recur (subjects, predicates, classes): write each once

    def w(t) -> str:  # noqa: ANN001
        if isinstance(t, Literal):
            return term(t)
        s = cache.get(t)
        if s is None:
            s = cache[t] = term(t)
        return s

    return "".join(f"{w(s)} {w(p)} {w(o)} .\n" for s, p, o in triples)
