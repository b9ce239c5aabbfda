"""The tasks of a query process (:mod:`server.engine.process` runs them): queries, Graph Store reads, facts and
dumps for the pages (:mod:`server.engine.facts`), and writes.

pyoxigraph cannot cancel a query from Python, so every query, graph read and write runs in a query process that the
worker can kill when the time is up. A task does all the work that can be slow — evaluating, iterating, cutting at
the row limit and serialising — before its reply goes back with the finished body.

A task is a dict with ``op`` (query, graph, stats, facts, dump, write); the reply is a dict with ``status`` (HTTP) and
either the body and its media type or an ``error`` message. A write first sends ``{"committed": True}`` once its
transaction is durable, so that the worker stops counting the timeout for it: a write is either stopped before it
changed anything, or it is reported as done.
"""

from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.sparql import netguard
from kg.errors import EngineTimeout, QueryError, StoreError
from kg.sparql.errors import SparqlSyntaxError
from kg.sparql.federation import check_services
from kg.store import is_remote
from kg.sparql.text import check_limits, loads_documents
from kg import formats
from kg.store import Store, open_store
from kg.store.serialize import write_triples
from server.engine import facts, fastpath, preload, results, snapshots
from server.engine.tasks import DumpTask, FactTask, GraphTask, QueryTask, StatsTask, WriteTask
from server.http.negotiate import GRAPH_TYPES, SELECT_TYPES

Reply = dict[str, Any]  # the shape of server.engine.tasks.Reply, built and changed key by key here


class Executor:
    """The state of one query process: the read-only store it has open (on disk, in memory, or a remote engine)."""

    def __init__(self, remote: dict[str, Any] | None = None, in_memory: bool = False,
                 guard: netguard.Guard | None = None, unguarded: str = "") -> None:
        self.path: str | None = None
        self.store: Store | None = None
        self.remote, self.in_memory = remote, in_memory
        self.guard, self.unguarded = guard, unguarded
        self.lock = threading.Lock()

    def use(self, path: str) -> Store:
        """The read-only store at ``path``, reopened when a task names another one (a newer snapshot). Tasks still
        reading the old one keep it (it closes when the last lets go)."""
        with self.lock:
            return self._use(path)

    def _use(self, path: str) -> Store:
        if self.store is None or self.path != path:
            self.store = None  # let go of the old one first: RocksDB keeps files open
            if self.in_memory:
                self.store = preload.memory_copy(path)
                # read it all once now: the engine writes into the pages it reads, so this process makes them
                # its own here, not inside its first queries (409 ms instead of 102 for a group-by at 2M quads)
                self.store.read_all()
            else:
                self.store = open_store(path, read_only=True, remote=self.remote)
            self.path = path
        return self.store

    def handle(self, task: dict[str, Any], conn: Connection, thread: int | None = None) -> Reply:
        """Run one task; client mistakes become 4xx replies, anything unexpected a 500 with its traceback.
        ``thread``: the native id of the thread running it, whose refused connections are the task's."""
        op: Callable[..., Reply] = {"query": self.query, "graph": self.graph, "write": self.write,
                                    "stats": self.stats, "facts": self.fact, "dump": self.dump}[task["op"]]
        text = task.get("text")
        if text is not None and self.guard is not None:
            self.guard.allow(task.get("allow", ()))
            self.guard.take_denied(thread)
        reply = self._run(op, task, conn)
        denied = self.guard.take_denied(thread) if self.guard is not None else []
        return _refused(denied, task, reply) if denied else reply

    def _run(self, op: Callable[..., Reply], task: dict[str, Any], conn: Connection) -> Reply:
        try:
            self._admit(task)
            return op(task, conn)
        except SparqlSyntaxError as e:
            return {"status": 400, "error": str(e), "syntax": e.as_dict(), "text": e.text}
        except QueryError as e:
            return {"status": 400, "error": str(e)}
        except StoreError as e:
            return {"status": 503, "error": str(e)}
        except SyntaxError as e:
            return {"status": 400, "error": f"malformed query: {e}"}
        except OSError as e:
            if "service" in task.get("text", "").lower():
                return {"status": 502, "error": f"a SERVICE endpoint failed: {e}"}
            return {"status": 503, "error": f"the store could not be read: {e}"}
        except (ValueError, RuntimeError) as e:
            return {"status": 400, "error": f"the {task['op']} could not be evaluated: {e}"}
        except BaseException:  # noqa: BLE001 - a Rust panic is a BaseException; it is a server bug: 500
            return {"status": 500, "error": "internal error", "trace": traceback.format_exc()}

    def _admit(self, task: dict[str, Any]) -> None:
        """The checks before a text reaches the engine: its size and shape, and where it may connect.

        :raises QueryError: for a text past the limits, a SERVICE off the allow-list, or (where the engine's
            connections cannot be guarded) any text that could make the engine connect at all.
        """
        text = task.get("text")
        if text is None:
            return
        update = task["op"] == "write"
        _check_limits(text, "update" if update else "query")
        remote = is_remote(task.get("store") or "")
        if update and loads_documents(text):
            raise QueryError("LOAD is disabled on this server (it would fetch documents from the network); "
                             "send the data with the Graph Store Protocol (PUT/POST /store) instead")
        if self.guard is None and not remote and netguard.may_reach_network(text):
            raise QueryError(f"this server cannot guard the query engine's network connections here "
                             f"({self.unguarded}), so a {'n update' if update else ' query'} containing the word "
                             "SERVICE or LOAD anywhere is refused")
        # the allow-list by a reading of the text, for a clear answer before anything runs; the guard enforces it
        # on what the engine really does, so a text this reading cannot parse is left to the guard
        check_services(text, task["allow"], update=update, base=task["base"], strict=self.guard is None)

    # --- reads ----------------------------------------------------------------------------------------------------
    def query(self, task: QueryTask, conn: Connection) -> Reply:
        text, base = task["text"], task["base"]
        store = self.use(task["store"])
        limit = task["max_rows"]
        remote = is_remote(task["store"])
        # a remote engine also gets the time limit, for its own limit (the process is killed at it anyway)
        extra = {"timeout": task["timeout"]} if remote and task.get("timeout") else {}
        native = None if remote else fastpath.NATIVE.get(SELECT_TYPES.get(task["select_media"] or "", ""))
        limited, declares = _analyse(text, limit)
        if native is None:
            limited = None
        dataset = {"default_graph": task["default_graphs"], "named_graphs": task["named_graphs"], "base_iri": base}
        if not remote:  # the text was just read: the store need not read it again for FROM
            extra["declares"] = declares
        try:
            res = store.query(limited or text, **dataset, **extra)
        except EngineTimeout as exc:
            # the engine's own limit (set to ours) may strike first: the client gets the same words as for ours
            if not task.get("timeout"):
                raise
            raise EngineTimeout(f"the query ran longer than {task['timeout']:g} s and was stopped ({exc}). Make it "
                                "more selective (a LIMIT, fewer unbound patterns) or ask the operator for a longer "
                                "--timeout") from exc
        except SparqlSyntaxError:
            if limited is None:
                raise
            store.query(text, **dataset, **extra)  # the error as it is in the text the client sent (no LIMIT added)
            raise
        if limited is not None and res.kind == "select":
            return self._native(res, native, task["select_media"], limit)  # type: ignore[arg-type]
        if res.kind == "graph":
            media = task["graph_media"]
            if media is None:
                return _not_acceptable("CONSTRUCT/DESCRIBE", task["graph_offers"])
            triples, truncated = _take(res.value, limit)  # type: ignore[arg-type]
            truncated = truncated or res.capped
            if GRAPH_TYPES[media] == "html":
                rows = [[results.text(t.subject), results.text(t.predicate), results.text(t.object)]
                        for t in triples]
                return _html(["subject", "predicate", "object"], rows, truncated)
            return _body(serialize_graph(triples, GRAPH_TYPES[media], task["prefixes"], task.get("context")), media,
                         truncated)
        media = task["select_media"]
        if media is None:
            return _not_acceptable("SELECT/ASK", task["select_offers"])
        fmt = SELECT_TYPES[media]
        if res.kind == "ask":
            if fmt == "html":
                return {"status": 200, "media": "text/html", "table": {"ask": bool(res.value)}, "truncated": False}
            return _body(results.boolean(fmt, bool(res.value)), media, False)
        solutions, truncated = _take(res.value, limit)  # type: ignore[arg-type]
        truncated = truncated or res.capped
        rows = [[sol[v] for v in res.variables] for sol in solutions]
        if fmt == "html":
            return _html(res.variables, [[results.text(t) for t in row] for row in rows], truncated)
        return _body(results.select(fmt, res.variables, rows), media, truncated)

    @staticmethod
    def _native(res: Any, fmt: ox.QueryResultsFormat, media: str, limit: int) -> Reply:
        """A SELECT result (at most ``limit + 1`` rows) written by pyoxigraph; cut in Python if over ``limit``."""
        body = res.value.serialize(format=fmt) or b""
        if fastpath.surely_within(body, fmt, limit) or fastpath.count(body, fmt) <= limit:
            return _body(body, media, False)
        parsed = ox.parse_query_results(body, format=fmt)
        rows = [[sol[v] for v in res.variables] for _, sol in zip(range(limit), parsed)]  # type: ignore[arg-type]
        return _body(results.select(SELECT_TYPES[media], res.variables, rows), media, True)

    def stats(self, task: StatsTask, conn: Connection) -> Reply:  # noqa: ARG002
        """The store's size and version (for /healthz and ETags: counted once per snapshot, by the store)."""
        store = self.use(task["store"])
        return {"status": 200, "triples": store.count(), "graphs": len(store.graphs()), "version": store.version()}

    def fact(self, task: FactTask, conn: Connection) -> Reply:  # noqa: ARG002
        """A fact about the store for the web worker (its counts, graphs, base IRI: :mod:`server.engine.facts`)."""
        return {"status": 200, "value": facts.fact(self.use(task["store"]), task["name"], task.get("args") or {})}

    def dump(self, task: DumpTask, conn: Connection) -> Reply:  # noqa: ARG002
        """A dump written to the file the task names (:func:`server.engine.facts.write_dump`)."""
        facts.write_dump(self.use(task["store"]), task)
        return {"status": 200}

    def graph(self, task: GraphTask, conn: Connection) -> Reply:
        """A Graph Store Protocol read: a whole named graph, or the union default graph (``graph`` None)."""
        store = self.use(task["store"])
        name = task["graph"]
        if name is not None and not store.has_graph(name):
            return {"status": 404, "error": f"no graph <{name}> in this store"}
        media = task["graph_media"]
        body = b"" if task["head"] else serialize_graph(store.triples(name), GRAPH_TYPES[media], task["prefixes"],
                                                        task.get("context"))
        return _body(body, media, False)

    # --- writes ---------------------------------------------------------------------------------------------------
    def write(self, task: WriteTask, conn: Connection) -> Reply:
        """An update or a Graph Store write, applied to the store directory under the write lock."""
        action = task["action"]
        triples: list[ox.Triple] = []
        if action in ("put", "post"):
            triples = parse_triples(task["parts"], task["base"])
        root = Path(task["snapshots"])
        with snapshots.write_lock(root):
            store = snapshots.write_store(task["main"])
            try:
                created = False
                if action == "update":
                    store.update(task["text"], base_iri=task["base"], using_graphs=task["using"],
                                 using_named_graphs=task["using_named"])
                elif action == "put":
                    created = store.put_graph(task["graph"], triples)
                elif action == "post":
                    created = store.add_to_graph(task["graph"], triples)
                elif not store.drop_graph(task["graph"]):
                    return {"status": 404, "error": f"no graph <{task['graph']}> in this store"}
                store.flush()
                conn.send({"committed": True})
                snapshot = snapshots.publish(store, root, keep_seconds=task["keep_seconds"])
                # the new state's size and version, from the store open here: the readers need not count it
                stats = {"triples": store.count(), "graphs": len(store.graphs()), "version": store.version()}
            finally:
                store.close()
        return {"status": 201 if created else 204, "created": created, "snapshot": str(snapshot), "stats": stats}


# The same query texts come again and again (a client's lookups, the pages' queries): their reading — the limits
# checked, the LIMIT to append, whether they declare a dataset — is remembered per process for short texts, so a
# repeated text is not tokenised twice per request again (~20 µs of a lookup's ~100 µs of engine time).
_REMEMBERED_TEXT = 4096  # characters: longer texts are read each time (and would make the memory grow)


def _remembered(read: Callable[[str, Any], Any]) -> Callable[[str, Any], Any]:
    """``read`` remembered for short texts (an error is raised, and not remembered), read each time for long ones."""
    cached = functools.lru_cache(maxsize=512)(read)

    def reading(text: str, arg: Any) -> Any:
        return cached(text, arg) if len(text) <= _REMEMBERED_TEXT else read(text, arg)

    return reading


_check_limits = _remembered(check_limits)
_analyse = _remembered(fastpath.analyse)


def _refused(denied: list[netguard.Denied], task: dict[str, Any], reply: Reply) -> Reply:
    """The reply to a task during which the guard refused connections: a query is refused as a whole (400); a write
    the engine gave up is refused (nothing changed); one it finished (SILENT) is reported with what was refused."""
    where = ", ".join(sorted({str(d) for d in denied}))
    allowed = ", ".join(task.get("allow") or ()) or "none: federation is switched off"
    what = (f"SERVICE or LOAD tried to connect to {where}, which is not an endpoint on this server's federation "
            f"allow-list (endpoints this server may call: {allowed})")
    if task["op"] == "write" and reply["status"] < 400:
        return {**reply, "warning": f"{what}; the connection was refused and SILENT ignored the failure"}
    changed = "; nothing was changed" if task["op"] == "write" else ""
    return {"status": 400, "error": what + changed}


def parse_triples(parts: list[tuple[bytes, str]], base: str | None) -> list[ox.Triple]:
    """Triples from uploaded RDF documents, each (body, format extension).

    :raises QueryError: on a syntax error, or named graphs in a document meant for one graph.
    """
    out: list[ox.Triple] = []
    for data, ext in parts:
        try:
            quads = list(ox.parse(data, format=formats.engine_rdf(ext), base_iri=base))
        except SyntaxError as e:
            raise QueryError(f"the {ext} document cannot be parsed: {e}") from None
        for q in quads:
            if not isinstance(q.graph_name, ox.DefaultGraph):
                raise QueryError("the document names graphs; send a graph's triples (Turtle, N-Triples, RDF/XML, "
                                 "JSON-LD without named graphs)")
            out.append(ox.Triple(q.subject, q.predicate, q.object))
    return out


def serialize_graph(triples: Any, fmt: str, prefixes: dict[str, str], context: str | None = None) -> bytes:
    """Triples in an RDF format (kg.store.serialize.write_triples)."""
    return write_triples(triples, fmt, prefixes=prefixes, context=context) or b""


def _take(iterator: Any, limit: int) -> tuple[list[Any], bool]:
    """Up to ``limit`` items, and whether there were more (one more is read to know)."""
    items = []
    for item in iterator:
        if len(items) == limit:
            return items, True
        items.append(item)
    return items, False


def _body(body: bytes, media: str, truncated: bool) -> Reply:
    return {"status": 200, "media": media, "body": body, "truncated": truncated}


def _html(head: list[str], rows: list[list[str]], truncated: bool) -> Reply:
    return {"status": 200, "media": "text/html", "table": {"head": head, "rows": rows}, "truncated": truncated}


def _not_acceptable(kind: str, offers: list[str]) -> Reply:
    return {"status": 406, "error": f"no acceptable format for a {kind} result; offered: {', '.join(offers)}"}
