"""Federated queries: which ``SERVICE`` endpoints a query may call.

The engine (pyoxigraph) performs ``SERVICE`` calls itself, over HTTP, to any IRI a query names. A public endpoint
that did so would let anyone make the server send requests into its own network (server-side request forgery), so
every ``SERVICE`` IRI must be on an allow-list.

Two layers. The enforcement is :mod:`kg.sparql.netguard`: the engine's thread can connect only to the hosts and ports of
the listed endpoints, whatever it read in the text. Before that, this module reads the text with rdflib's SPARQL
parser and resolves each ``SERVICE`` name against the query's prefixes and base, to refuse an endpoint off the list
with a clear message before anything runs. That reading can disagree with the engine's (rdflib expands ``\\u``
escapes everywhere, the engine only inside IRIs and strings), which is why it is not the guard. Without a guard it
fails closed: a ``SERVICE`` whose endpoint is a variable, or a text that mentions "service" but that rdflib cannot
parse, is refused.

>>> check_services("SELECT * { ?s ?p ?o }", ALLOW_DEFAULT)
>>> service_iris("PREFIX wd: <https://query.wikidata.org/> SELECT * { SERVICE wd:sparql { ?s ?p ?o } }")
['https://query.wikidata.org/sparql']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from kg.errors import QueryError

ALLOW_DEFAULT: tuple[str, ...] = ("https://query.wikidata.org/sparql", "https://dbpedia.org/sparql")


def parse_allow(value: object) -> tuple[str, ...]:
    """An allow-list from configuration: a list, a JSON list, or IRIs separated by spaces or commas.

    None means the default list (Wikidata and DBpedia); an empty string or list switches federation off.

    >>> parse_allow("http://a.example/sparql, http://b.example/sparql")
    ('http://a.example/sparql', 'http://b.example/sparql')
    """
    if value is None:
        return ALLOW_DEFAULT
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                value = text.strip("[]")
        else:
            value = text
    if isinstance(value, str):
        return tuple(v for v in re.split(r"[\s,]+", value) if v)
    if isinstance(value, Iterable):
        return tuple(str(v).strip() for v in value if str(v).strip())
    raise QueryError(f"FEDERATION_ALLOW must be a list of endpoint IRIs, not {value!r}")


def service_iris(text: str, *, update: bool = False, base: str | None = None,
                 strict: bool = True) -> list[str | None]:
    """The endpoint IRI of every ``SERVICE`` in a query (or update), resolved; None for a variable endpoint.

    :param strict: refuse a text that mentions "service" but cannot be parsed here; without it, such a text gives
        no IRIs (for callers whose engine connections are guarded, :mod:`kg.sparql.netguard`).
    :raises QueryError: if the text mentions "service" but cannot be parsed, so that it cannot be checked.
    """
    if "service" not in text.lower():
        return []  # SERVICE is a keyword; keywords cannot be escaped, so the word must appear as such
    from rdflib.plugins.sparql import parser
    from rdflib.plugins.sparql.sparql import Prologue

    try:
        parsed = parser.parseUpdate(text) if update else parser.parseQuery(text)
    except Exception as e:  # noqa: BLE001 - pyparsing raises several types; any of them means "cannot check"
        if not strict:
            return []
        raise QueryError(f"the {'update' if update else 'query'} uses SERVICE but could not be parsed to check "
                         f"its endpoints: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    if update:
        pairs = list(zip(parsed["prologue"], parsed.get("request", []) or [], strict=False))
    else:
        pairs = [(parsed[0], parsed[1])]
    out: list[str | None] = []
    prologue: Prologue | None = None
    for decls, body in pairs:
        prologue = _prologue(decls, base, prologue)
        for term in _services(body):
            out.append(_resolve(term, prologue))
    return out


def check_services(text: str, allow: Iterable[str], *, update: bool = False, base: str | None = None,
                   strict: bool = True) -> None:
    """Refuse a query whose ``SERVICE`` endpoints are not all on the allow-list.

    :raises QueryError: naming the first endpoint off the list, or a variable endpoint.
    """
    allowed = set(allow)
    for iri in service_iris(text, update=update, base=base, strict=strict):
        if iri is None:
            raise QueryError("SERVICE with a variable endpoint is not allowed: name the endpoint IRI")
        if iri not in allowed:
            listed = ", ".join(sorted(allowed)) if allowed else "none: federation is switched off"
            raise QueryError(f"SERVICE <{iri}> is not allowed; endpoints this server may call: {listed}")


def _prologue(decls: Any, base: str | None, previous: Any) -> Any:
    """An rdflib Prologue from parsed BASE/PREFIX declarations; in an update, prefixes carry over."""
    from rdflib.plugins.sparql.sparql import Prologue

    prologue = Prologue()
    if previous is not None:
        prologue.base = previous.base
        for prefix, ns in previous.namespace_manager.namespaces():
            prologue.namespace_manager.bind(prefix, ns, replace=True)
    elif base:
        prologue.base = base
    for decl in decls or []:
        if decl.name == "Base":
            prologue.base = str(prologue.absolutize(decl.iri))
        elif decl.name == "PrefixDecl":
            prologue.bind(decl.prefix, prologue.absolutize(decl.iri))
    return prologue


def _services(node: Any) -> Iterator[Any]:
    """The endpoint term of every ServiceGraphPattern anywhere below ``node``."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                yield item.get("term")
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))


def _resolve(term: Any, prologue: Any) -> str | None:
    """A SERVICE term as an absolute IRI (prefixed names expanded, relative IRIs resolved), None for a variable."""
    from rdflib import URIRef, Variable
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(term, Variable):
        return None
    if isinstance(term, CompValue) and term.name == "pname":
        try:
            return str(prologue.resolvePName(term.prefix, term.localname))
        except Exception as e:  # noqa: BLE001 - an unknown prefix is the query's mistake
            raise QueryError(f"cannot resolve the SERVICE name: {e}") from None
    if isinstance(term, URIRef):
        return str(prologue.absolutize(term))
    raise QueryError(f"cannot check the SERVICE endpoint {term!r}")
