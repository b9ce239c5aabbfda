"""The remote back-end of the store (:class:`kg.store.GraphStore`): a SPARQL 1.1 engine reached over HTTP.

``kg … --store http(s)://HOST/PATH`` names the engine's query endpoint; everything else has defaults per engine
(:mod:`kg.store.remote.engines`) and can be set with options or settings (:mod:`kg.store.remote.config`).

Queries are sent by POST (form-encoded); SELECT/ASK results are read as SPARQL JSON and CONSTRUCT/DESCRIBE results as
N-Triples with pyoxigraph's parsers, so callers get the same term objects as from the embedded store. Every write
is **one** SPARQL Update request (``DROP SILENT GRAPH …; INSERT DATA …``), which Oxigraph and Virtuoso apply as one
transaction: a request that fails changes nothing.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterable, Iterator
from typing import IO, Any

import pyoxigraph as ox
import requests
from rdflib import Graph

from kg import formats
from kg.errors import QueryError, StoreError
from kg.sparql.text import add_using, declares_dataset, tokens
from kg.store.base import Result, dedupe, fingerprint, term_text
from kg.store.remote import engines
from kg.store.remote.config import RemoteConfig
from kg.store.remote.results import CANCELLED, RemoteTimeout, Solutions, Triples, broken_answer, parse_results, query_form
from kg.store.serialize import grouped, serialize
from kg.store.updates import update_operations

SPOOL_BYTES = 8_000_000  # an update bigger than this goes to the engine from a temporary file, not from memory


class RemoteStore:
    """A SPARQL 1.1 engine reached over HTTP, with the methods of :class:`kg.store.Store`."""

    def __init__(self, config: RemoteConfig, *, read_only: bool = False) -> None:
        self.config, self.read_only, self.path = config, read_only, None
        self.location = config.query_url
        self._local = threading.local()  # one HTTP session (connection pool) per thread
        self._engine: engines.Engine | None = engines.ENGINES.get(config.engine or "")

    # --- HTTP -----------------------------------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = self._local.session = requests.Session()
            s.headers["User-Agent"] = "newskg"
            s.trust_env = False  # an engine on loopback must not be reached through a proxy from the environment
        return s

    def _auth(self) -> requests.auth.AuthBase | None:
        c = self.config
        if not c.user:
            return None
        if c.auth == "digest":
            auth = getattr(self._local, "digest", None)
            if auth is None:  # kept per thread: it remembers the server's nonce, so later requests skip a 401
                auth = self._local.digest = requests.auth.HTTPDigestAuth(c.user, c.password or "")
            return auth
        return requests.auth.HTTPBasicAuth(c.user, c.password or "")

    def _post(self, url: str, *, data: Any, headers: dict[str, str], auth: bool = False,
              params: list[tuple[str, str]] | None = None, timeout: float | None = None,
              method: str = "POST", missing_ok: bool = False) -> requests.Response:
        try:
            resp = self._session().request(method, url, data=data, headers=headers, params=params,
                                           auth=self._auth() if auth else None,
                                           timeout=(10.0, timeout or self.config.timeout))
        except requests.Timeout:
            raise RemoteTimeout(f"{url}: no answer within {timeout or self.config.timeout:g} s") from None
        except requests.RequestException as e:
            raise StoreError(f"{url}: cannot reach the SPARQL engine ({type(e).__name__})") from None
        if self._engine is None:
            self._engine = engines.from_server_header(resp.headers.get("Server"))
        if resp.status_code >= 400 and not (missing_ok and resp.status_code == 404):
            raise self._error(url, resp)
        return resp

    def _error(self, url: str, resp: requests.Response) -> Exception:
        text = " ".join(resp.text.split())[:300]
        if resp.status_code in (401, 403):
            return StoreError(f"{url}: the engine refused the request ({resp.status_code}); check the store user and "
                              "password (NEWSKG_STORE_USER, NEWSKG_STORE_PASSWORD) and NEWSKG_STORE_AUTH")
        if any(m in text.lower() for m in CANCELLED):
            return RemoteTimeout(f"the engine stopped the query at its own time limit: {text}")
        if resp.status_code == 400:
            return QueryError(f"the engine rejected the query: {text}")
        return StoreError(f"{url}: the engine answered {resp.status_code}: {text}")

    @property
    def engine(self) -> engines.Engine:
        """The kind of engine (asked once, with a trivial query, if not configured)."""
        if self._engine is None:
            self._post(self.config.query_url, data={"query": "ASK {}"},
                       headers={"Accept": "application/sparql-results+json"}, timeout=30)
        return self._engine or engines.GENERIC

    @property
    def update_url(self) -> str:
        return self.config.update_url or self.engine.update_url(self.config.query_url,
                                                                authenticated=bool(self.config.user))

    # --- reading --------------------------------------------------------------------------------------------------
    def query(self, sparql: str, *, default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None, timeout: float | None = None) -> Result:
        """Run a SPARQL query on the engine; the default graph is the union of the named graphs unless the query
        or ``default_graph``/``named_graphs`` say otherwise.

        :raises QueryError: the engine rejected the query.
        :raises RemoteTimeout: the engine stopped it at its time limit, or did not answer within ``timeout``.
        """
        form = query_form(sparql)
        engine = self.engine
        union = default_graph is None and named_graphs is None and not declares_dataset(sparql)
        uses_graph = any(t.keyword == "graph" for t in tokens(sparql))
        text = engine.prologue(union=union and not uses_graph) + (f"BASE <{base_iri}>\n" if base_iri else "") + sparql
        data: list[tuple[str, str]] = [("query", text)]
        data += [("default-graph-uri", g) for g in default_graph or []]
        data += [("named-graph-uri", g) for g in named_graphs or []]
        if union:
            data += list(engine.union_params)
        if timeout and engine.timeout_param:
            data.append((engine.timeout_param, str(int(timeout * 1000))))
        graph = form in ("construct", "describe")
        accept = "application/n-triples" if graph else "application/sparql-results+json"
        try:
            resp = self._post(self.config.query_url, data=data, headers={"Accept": accept},
                              timeout=timeout + 5 if timeout else None)
        except QueryError:
            raise _syntax_error(sparql, "query", base_iri) from None
        if resp.headers.get("X-SQL-State"):  # Virtuoso's "anytime" answer: partial results at its time limit
            raise RemoteTimeout(f"the engine stopped the query at its time limit ({resp.headers.get('X-SQL-State')})")
        capped = "X-SPARQL-MaxRows" in resp.headers
        if graph:
            return Result("graph", Triples(self._triples(resp)), [], capped=capped)
        fmt = ox.QueryResultsFormat.from_media_type(resp.headers.get("Content-Type", "")) \
            or ox.QueryResultsFormat.JSON
        if form == "ask":
            parsed = parse_results(resp.content, fmt)
            if not isinstance(parsed, ox.QueryBoolean):
                raise StoreError("the engine did not answer an ASK query with a boolean")
            return Result("ask", bool(parsed), [])
        solutions = Solutions(resp.content, fmt)
        return Result("select", solutions, solutions.variables, capped=capped)

    def _triples(self, resp: requests.Response) -> list[ox.Triple]:
        fmt = ox.RdfFormat.from_media_type(resp.headers.get("Content-Type", "")) or ox.RdfFormat.N_TRIPLES
        try:
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(resp.content, format=fmt)]
        except SyntaxError as e:
            raise broken_answer(resp.content, e) from None

    def _rows(self, sparql: str) -> list[dict[str, Any]]:
        return self.query(sparql).rows()

    def _system_filter(self, var: str) -> str:
        graphs = self.engine.system_graphs
        return f"FILTER({var} NOT IN ({', '.join(f'<{g}>' for g in sorted(graphs))}))" if graphs else ""

    def graphs(self) -> list[str]:
        rows = self._rows(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._system_filter('?g')} }}")
        return sorted(term_text(r["g"]) for r in rows if isinstance(r["g"], ox.NamedNode))

    def graph_sizes(self) -> dict[str, int]:
        rows = self._rows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                          f"{self._system_filter('?g')} }} GROUP BY ?g")
        return {term_text(r["g"]): int(term_text(r["n"])) for r in rows if isinstance(r["g"], ox.NamedNode)}

    def count(self, graph: str | None = None) -> int:
        """Triples in one named graph, or quads in all named graphs."""
        if graph is not None:
            rows = self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        else:
            where = f"GRAPH ?g {{ ?s ?p ?o }} {self._system_filter('?g')}"
            rows = self._rows(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(term_text(rows[0]["n"])) if rows else 0

    def union_size(self) -> int:
        rows = self._rows("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
                          f"{self._system_filter('?g')} }} }}")
        return int(term_text(rows[0]["n"])) if rows else 0

    def has_graph(self, name: str) -> bool:
        return self.query(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").value is True

    def version(self) -> str:
        """A fingerprint of the dataset (the same recipe as the embedded store's, from queries)."""
        return fingerprint(self)

    def triples(self, graph: str | None = None) -> Iterator[ox.Triple]:
        """The triples of a named graph (from the Graph Store endpoint when one is configured, ``--gsp-url``), or
        of the union default graph without duplicates."""
        if graph is not None and self.config.gsp_url:
            return iter(self._gsp_read(graph))
        if graph is not None:
            return iter(self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").value)  # type: ignore[call-overload]
        return dedupe(t for g in self.graphs() for t in self.triples(g))

    def _gsp_read(self, graph: str) -> list[ox.Triple]:
        """One graph by the SPARQL 1.1 Graph Store Protocol (``GET {gsp}?graph=IRI``), as N-Triples; an engine that
        does not have the graph answers 404, read as an empty graph (as a CONSTRUCT of it would be).

        :raises StoreError: when the endpoint has no graph the engine has (it is not this engine's Graph Store).
        """
        resp = self._post(self.config.gsp_url or "", data=None, params=[("graph", graph)], method="GET",
                          auth=bool(self.config.user), headers={"Accept": "application/n-triples"}, missing_ok=True)
        if resp.status_code != 404:
            return self._triples(resp)
        if self.has_graph(graph):  # the engine has it: the endpoint is not a Graph Store of this engine
            raise StoreError(f"{self.config.gsp_url}: no graph <{graph}> there, but the engine has it; check the "
                             "Graph Store endpoint (--gsp-url, NEWSKG_STORE_GSP_URL)")
        return []

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        names = [graph] if graph else self.graphs()
        return (ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g)) for g in names for t in self.triples(g))

    def dump(self, fmt: str = "ttl", *, graph: str | None = None, output: IO[bytes] | None = None,
             prefixes: dict[str, str] | None = None, context: str | None = None) -> bytes | None:
        """Serialise the dataset (or one graph), graph by graph: formats without named graphs get the union, each
        triple once and sorted (Turtle groups each subject's triples)."""
        if fmt not in formats.RDF_NAMES:
            raise StoreError(f"unknown format {fmt!r}; use one of {', '.join(formats.RDF_NAMES)}")
        rf = formats.engine_rdf(fmt)
        items: Iterable[Any]
        if rf.supports_datasets:
            items = self.quads(graph)
        else:
            items = grouped(self.triples(graph))
        return serialize(items, fmt, output, prefixes=prefixes, context=context)

    # --- writing --------------------------------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only")

    def _send_update(self, parts: Iterable[str], *, params: list[tuple[str, str]] | None = None) -> None:
        """Send the update made of ``parts`` (joined by " ;") as one request: from memory when small, else from a
        temporary file (which a digest-authenticated request can rewind and send again after the challenge)."""
        self._writable()
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as body:
            first = True
            for part in parts:
                if not first:
                    body.write(b" ;\n")
                body.write(part.encode("utf-8"))
                first = False
            if first:
                return
            size = body.tell()
            body.seek(0)
            data: Any = body.read() if size <= SPOOL_BYTES else body
            self._post(self.update_url, data=data, params=params, auth=True,
                       headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def _insert(self, graph: str | None, lines: Iterable[str]) -> Iterator[str]:
        """``INSERT DATA`` operations for N-Triples lines, split where the engine needs smaller ones."""
        chunk = self.engine.insert_chunk or 1_000_000_000
        batch: list[str] = []

        def op() -> str:
            body = "\n".join(batch)
            return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}" if graph else f"INSERT DATA {{\n{body}\n}}"

        for line in lines:
            if line.strip():
                batch.append(line)
                if len(batch) >= chunk:
                    yield op()
                    batch = []
        if batch:
            yield op()

    def replace_graphs(self, graphs: dict[str, Graph | str]) -> None:
        """Replace each named graph by the given triples, all in one update request. Oxigraph applies it as one
        transaction; Virtuoso applies its operations one after the other, so the provenance graphs go last: an
        article whose provenance graph is new was written whole."""
        self.apply_changes(replace={name: content if isinstance(content, str) else content.serialize(format="nt")
                                    for name, content in graphs.items()})

    def apply_changes(self, *, drop: Iterable[str] = (), replace: dict[str, str] | None = None,
                      rewrite: dict[str, dict[str, str]] | None = None) -> None:
        """:meth:`kg.store.Store.apply_changes` as one update request (``INSERT DATA`` split where the engine
        needs smaller ones)."""
        def parts() -> Iterator[str]:
            for op, body in update_operations(drop, replace or {}, rewrite or {}):
                if op.startswith(("DROP ", "DELETE ")):
                    yield op
                else:  # the data of one graph
                    yield from self._insert(op, body.split("\n"))  # a literal may hold U+2028 unescaped
        self._send_update(parts())

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads (triples in the default graph go to the engine's default graph), in one request."""
        def parts() -> Iterator[str]:
            current: ox.NamedNode | ox.DefaultGraph | None = None
            lines: list[str] = []
            for q in quads:
                if q.graph_name != current and lines:
                    yield from self._insert(_graph_name(current), lines)
                    lines = []
                current = q.graph_name
                lines.append(_nt(ox.Triple(q.subject, q.predicate, q.object)))
            if lines:
                yield from self._insert(_graph_name(current), lines)
        self._send_update(parts())

    def remove_graphs(self, graphs: Iterable[str]) -> None:
        self.apply_changes(drop=graphs)

    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: list[str] | None = None,
               using_named_graphs: list[str] | None = None) -> None:
        text = add_using(sparql, list(using_graphs or []), list(using_named_graphs or []))
        try:
            self._send_update([(f"BASE <{base_iri}>\n" if base_iri else "") + text])
        except QueryError:
            raise _syntax_error(sparql, "update", base_iri) from None

    def put_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> bool:
        created = graph is not None and not self.has_graph(graph)
        lines = [_nt(t) for t in triples]
        head = "CLEAR SILENT DEFAULT" if graph is None else f"DROP SILENT GRAPH <{graph}>"
        self._send_update([head, *self._insert(graph, lines)])
        return created

    def add_to_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> bool:
        created = graph is not None and not self.has_graph(graph)
        self._send_update(self._insert(graph, [_nt(t) for t in triples]))
        return created

    def drop_graph(self, graph: str | None) -> bool:
        if graph is None:
            self._send_update(["CLEAR SILENT DEFAULT"])
            return True
        if not self.has_graph(graph):
            return False
        self._send_update([f"DROP GRAPH <{graph}>"])
        return True

    def load(self, data: bytes | str, fmt: str, *, graph: str | None = None) -> None:
        if fmt not in formats.RDF_NAMES:
            raise StoreError(f"unknown format {fmt!r}; use one of {', '.join(formats.RDF_NAMES)}")
        rf = formats.engine_rdf(fmt)
        try:
            quads = list(ox.parse(data.encode() if isinstance(data, str) else data, format=rf))
        except SyntaxError as e:
            raise StoreError(f"bad {fmt} data: {e}") from None
        if graph and not rf.supports_datasets:
            quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)) for q in quads]
        self.add_quads(quads)

    def snapshot(self, target: Any) -> None:
        raise StoreError("a remote store has no snapshots; the engine keeps its own data")

    def flush(self) -> None:
        """Nothing to do: every write is committed by the engine when its request returns."""

    def publish(self) -> None:
        """Nothing to do: the engine's readers see a write when its request returns (a ``kg serve`` over the engine
        notices within ``REMOTE_VERSION_TTL`` seconds: server.engine.access)."""

    def close(self) -> None:
        s = getattr(self._local, "session", None)
        if s is not None:
            s.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _syntax_error(text: str, kind: str, base: str | None) -> QueryError:
    """What to say when the engine rejects a query or update (400): the syntax error in words when the text does
    not parse (kg.sparql.errors, read with the embedded engine's parser), else the engine's own message."""
    import sys

    from kg.sparql.errors import explain

    reason = sys.exc_info()[1]
    probe = ox.Store()
    try:
        if kind == "query":
            probe.query(text, base_iri=base)
        else:
            probe.update(text, base_iri=base)
    except SyntaxError as e:
        return explain(text, str(e), kind, base=base)
    except (ValueError, OSError, RuntimeError):
        pass
    return reason if isinstance(reason, QueryError) else QueryError(f"the engine rejected the {kind}")


def _graph_name(g: ox.NamedNode | ox.DefaultGraph | None) -> str | None:
    return g.value if isinstance(g, ox.NamedNode) else None


def _nt(t: ox.Triple) -> str:
    return f"{t.subject} {t.predicate} {t.object} ."
