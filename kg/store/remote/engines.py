"""What differs between SPARQL engines behind a remote store, in one place.

The SPARQL 1.1 Protocol leaves a few things to each engine, and newskg needs them to be the same everywhere:

* **the default graph.** newskg's default graph is the union of all named graphs. Oxigraph's default graph is its
  own unnamed graph unless a query asks for the union (``union-default-graph``, a parameter of its own); Virtuoso's
  is already the union of every graph, including graphs of its own (its RDF views, the service description), which
  ``define input:default-graph-exclude`` leaves out of queries that use no ``GRAPH`` (the pragma would hide
  every named graph from ``GRAPH``);
* **system graphs** a listing of graphs must not show (Virtuoso's);
* **how much one update may hold.** Virtuoso's SPARQL compiler gives up ("memory exhausted") on an ``INSERT DATA``
  of about 5,000 triples; several smaller ``INSERT DATA`` operations in one request are fine, and still one
  transaction;
* **time limits.** Virtuoso takes a per-request ``timeout`` (milliseconds) and then answers *partial* results flagged
  in ``X-SQL-State`` — newskg turns that into a timeout, never into a short answer. Oxigraph has only a server-wide
  ``--timeout-s``, and a query it cancels ends with a 200 whose body stops short;
* **row caps.** Virtuoso cuts results at ``ResultSetMaxRows`` and says so in ``X-SPARQL-MaxRows``.

The engine is recognised from the ``Server`` header of the first answer (or named with ``NEWSKG_STORE_ENGINE``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

VIRTUOSO_SYSTEM_GRAPHS = frozenset({
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
    "http://www.w3.org/2002/07/owl#",
})


@dataclass(frozen=True)
class Engine:
    """The quirks of one kind of SPARQL engine."""

    name: str
    #: extra protocol parameters that make the default graph the union of the named graphs
    union_params: tuple[tuple[str, str], ...] = ()
    #: graphs of the engine itself, never listed, counted or dumped
    system_graphs: frozenset[str] = field(default_factory=frozenset)
    #: the most triples in one INSERT DATA operation (0: no limit)
    insert_chunk: int = 0
    #: the name of a per-request time-limit parameter in milliseconds, if the engine has one
    timeout_param: str | None = None

    def prologue(self, *, union: bool) -> str:
        """Text put before a query: Virtuoso pragmas hiding its system graphs from the union default graph.

        Only for queries without ``GRAPH``: with any ``input:…-exclude`` pragma, Virtuoso treats the dataset as an
        explicit one in which ``GRAPH <g>`` finds nothing. A query with ``GRAPH`` therefore sees Virtuoso's own
        graphs in its default graph and in ``GRAPH ?g`` (newskg's own listings filter them out).
        """
        if self.name != "virtuoso" or not union:
            return ""
        return "".join(f"define input:default-graph-exclude <{g}> " for g in sorted(self.system_graphs))

    def update_url(self, query_url: str, *, authenticated: bool) -> str:
        """Where updates go when no update URL is configured."""
        if self.name == "oxigraph" and query_url.rstrip("/").endswith("/query"):
            return query_url.rstrip("/")[: -len("query")] + "update"
        if self.name == "virtuoso" and authenticated and query_url.rstrip("/").endswith("/sparql"):
            return query_url.rstrip("/") + "-auth"
        return query_url

    def gsp_url(self, query_url: str, *, authenticated: bool) -> str | None:
        """The Graph Store Protocol endpoint, when the engine has one at a known place."""
        root = query_url.rstrip("/").rpartition("/")[0]
        if self.name == "oxigraph":
            return root + "/store"
        if self.name == "virtuoso":
            return root + ("/sparql-graph-crud-auth" if authenticated else "/sparql-graph-crud")
        return None


OXIGRAPH = Engine("oxigraph", union_params=(("union-default-graph", ""),))
VIRTUOSO = Engine("virtuoso", system_graphs=VIRTUOSO_SYSTEM_GRAPHS, insert_chunk=2000, timeout_param="timeout")
GENERIC = Engine("generic")
ENGINES = {e.name: e for e in (OXIGRAPH, VIRTUOSO, GENERIC)}


def from_server_header(server: str | None) -> Engine:
    """The engine an HTTP ``Server`` header names (generic when it names none we know)."""
    text = (server or "").lower()
    if "oxigraph" in text:
        return OXIGRAPH
    if "virtuoso" in text:
        return VIRTUOSO
    return GENERIC
