"""The tasks the web worker sends its query process, and the replies it gets: one typed shape per kind of task.

They cross a pipe, so they are plain dicts (pickled as they are); these declarations say which keys each carries, for
the readers of both sides and for the type checker. The worker builds them (:mod:`server.blueprints.sparql`,
:mod:`server.blueprints.graphstore`, :mod:`server.pages.engine`, :mod:`server.engine.access`,
:mod:`server.blueprints.downloads`); :class:`server.engine.executor.Executor` runs them by ``op``.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict



class QueryTask(TypedDict):
    """A SPARQL query, answered with its finished body (or an HTML table) in the negotiated format."""

    op: Literal["query"]
    text: str
    base: str  # the base IRI of the query: the endpoint's URL
    store: str  # the store (snapshot) to read: the worker's current one
    max_rows: int
    timeout: float
    default_graphs: list[str] | None  # the protocol's dataset, or None for the union default graph
    named_graphs: list[str] | None
    select_media: str | None  # the media type for SELECT/ASK results, None when none is acceptable
    graph_media: str | None  # the same for CONSTRUCT/DESCRIBE
    select_offers: list[str]  # named in a 406
    graph_offers: list[str]
    allow: tuple[str, ...]  # the SERVICE endpoints the query may call
    prefixes: dict[str, str]  # for graph results
    context: NotRequired[str]  # the JSON-LD context URL


class GraphTask(TypedDict):
    """A Graph Store Protocol read: a named graph (or the default graph, ``graph`` None) in ``graph_media``."""

    op: Literal["graph"]
    graph: str | None
    store: str
    graph_media: str
    head: bool
    prefixes: dict[str, str]
    context: NotRequired[str]


class StatsTask(TypedDict):
    """The store's quads, named graphs and version (ETags, /healthz)."""

    op: Literal["stats"]
    store: str


class FactTask(TypedDict):
    """One of the facts of :data:`server.engine.facts.FACTS`, with its arguments."""

    op: Literal["facts"]
    name: str
    args: dict[str, Any]
    store: str
    timeout: float


class DumpTask(TypedDict):
    """A dump written to ``path`` (:func:`server.engine.facts.write_dump`): the dataset, or one article."""

    op: Literal["dump"]
    store: str
    path: str
    filename: str
    fmt: str
    gz: bool
    article: str | None
    base: str
    prefixes: dict[str, str]
    context: str
    timeout: float


class WriteTask(TypedDict):
    """An update or a Graph Store write, applied under the write lock; runs in a process of its own."""

    op: Literal["write"]
    action: Literal["update", "put", "post", "delete"]
    store: str
    main: str  # the store directory itself (writes go there, then a snapshot is published)
    snapshots: str  # the snapshot folder
    keep_seconds: float
    base: str | None
    text: NotRequired[str]  # update
    using: NotRequired[list[str]]
    using_named: NotRequired[list[str]]
    allow: NotRequired[tuple[str, ...]]
    graph: NotRequired[str | None]  # Graph Store writes
    parts: NotRequired[list[tuple[bytes, str]]]


Task = QueryTask | GraphTask | StatsTask | FactTask | DumpTask | WriteTask


class Reply(TypedDict, total=False):
    """What a task answers: ``status`` (HTTP) always; then what its kind of task gives back."""

    status: int
    error: str  # a status of 400 or more: what went wrong, in words
    trace: str  # a 500: the traceback, for the server log
    syntax: dict[str, Any]  # a syntax error: where (server.http.errors renders it)
    text: str
    media: str  # a query or graph read: the body's media type and the body
    body: bytes
    truncated: bool  # cut at the row limit
    table: dict[str, Any]  # an HTML answer: the head and rows of its table, or an ASK's answer
    value: Any  # a fact
    triples: int  # stats
    graphs: int
    version: str
    created: bool  # a write
    warning: str  # a write that SILENT let pass a refused connection
    committed: bool  # a write's notice that its transaction is durable
    retire: bool  # the process grew too big: the worker replaces it
