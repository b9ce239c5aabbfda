"""Reading a SPARQL 1.1 Protocol request: which operation, its text and its dataset, or a 4xx saying what is wrong.

The three ways to send a query (https://www.w3.org/TR/sparql11-protocol/#query-operation) and the two ways to send
an update (#update-operation):

* ``GET /sparql?query=…&default-graph-uri=…&named-graph-uri=…``
* ``POST /sparql`` with ``application/x-www-form-urlencoded`` (``query=`` or ``update=`` and the dataset
  parameters in the body; dataset parameters in the URL are honoured too)
* ``POST /sparql`` with ``application/sparql-query`` or ``application/sparql-update`` (the text is the body, UTF-8;
  the dataset parameters in the URL)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Request, request
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from server.http.negotiate import format_to_accept

QUERY_DATASET = ("default-graph-uri", "named-graph-uri")
UPDATE_DATASET = ("using-graph-uri", "using-named-graph-uri")
FORM = "application/x-www-form-urlencoded"
FORMAT_PARAMS = ("format", "output", "results")
DIRECT = {"application/sparql-query": "query", "application/sparql-update": "update"}


@dataclass
class Operation:
    """A query or an update, as the protocol request gave it."""

    kind: str  # "query" or "update"
    text: str
    graphs: list[str] = field(default_factory=list)  # default-graph-uri or using-graph-uri
    named_graphs: list[str] = field(default_factory=list)  # named-graph-uri or using-named-graph-uri

    @property
    def has_dataset(self) -> bool:
        return bool(self.graphs or self.named_graphs)


def parse(request: Request) -> Operation | None:
    """The operation a request carries; None for a plain ``GET`` without one (the service description).

    :raises BadRequest: malformed request (several operations, both a query and an update, an update by GET…).
    :raises UnsupportedMediaType: a POST body that is neither a form nor a SPARQL text in UTF-8.
    """
    if request.method == "GET":
        return _operation(request.args, request.args, via_get=True)
    mimetype = (request.mimetype or "").lower()
    if mimetype == FORM:
        params = MultiDict(list(request.args.items(multi=True)) + list(request.form.items(multi=True)))
        op = _operation(params, params, via_get=False)
        if op is None:
            raise BadRequest("the form has neither a query nor an update parameter")
        return op
    if mimetype in DIRECT:
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise UnsupportedMediaType(f"{mimetype} must be sent in UTF-8, not {charset}")
        if "query" in request.args or "update" in request.args:
            raise BadRequest(f"a {mimetype} body and a query/update parameter in the URL: send one operation")
        try:
            text = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest("the body is not valid UTF-8") from None
        return _build(DIRECT[mimetype], text, request.args)
    given = f"{mimetype}" if mimetype else "no Content-Type"
    raise UnsupportedMediaType(f"cannot read a POST with {given}: send application/sparql-query, "
                               f"application/sparql-update or an application/x-www-form-urlencoded form")


def _operation(ops: MultiDict, dataset: MultiDict, *, via_get: bool) -> Operation | None:
    queries, updates = ops.getlist("query"), ops.getlist("update")
    if queries and updates:
        raise BadRequest("both a query and an update were given: send one operation per request")
    if updates and via_get:
        raise BadRequest("an update must be sent by POST (a GET must not change anything)")
    if len(queries) > 1 or len(updates) > 1:
        raise BadRequest(f"more than one {'query' if queries else 'update'} parameter: send exactly one")
    if queries:
        return _build("query", queries[0], dataset)
    if updates:
        return _build("update", updates[0], dataset)
    present = [p for p in QUERY_DATASET + UPDATE_DATASET if p in dataset]
    if present:
        raise BadRequest(f"{present[0]} was given but no query: add a query parameter")
    return None


def _build(kind: str, text: str, params: MultiDict) -> Operation:
    if not text.strip():
        raise BadRequest(f"the {kind} is empty")
    own, other = (QUERY_DATASET, UPDATE_DATASET) if kind == "query" else (UPDATE_DATASET, QUERY_DATASET)
    for name in other:
        if name in params:
            raise BadRequest(f"{name} applies to {'updates' if kind == 'query' else 'queries'}, not to a {kind}")
    graphs, named = (params.getlist(name) for name in own)
    for iri in graphs + named:
        if not iri.strip():
            raise BadRequest("an empty graph IRI was given")
    return Operation(kind, text, graphs, named)


def requested_accept() -> str | None:
    """The Accept header, unless a ``format=``/``output=``/``results=`` parameter names a format (common clients
    send these; SPARQLWrapper sends all three).

    :raises BadRequest: for a format name the server does not know.
    """
    for name in FORMAT_PARAMS:
        value = request.values.get(name)
        if value:
            accept = format_to_accept(value)
            if accept is None:
                raise BadRequest(f"unknown {name}={value!r}; use json, xml, csv, tsv, html, turtle, ntriples, "
                                 f"nquads, trig, jsonld, rdfxml or a media type")
            return accept
    return request.headers.get("Accept")
