"""The embedded back-end of the store (:class:`kg.store.GraphStore`): pyoxigraph in a directory.

:class:`Store` wraps an embedded, on-disk pyoxigraph store (RocksDB). One process writes a directory at a time
(``kg build``, ``kg load``); servers open it read-only and see a snapshot. Replacing an article's graphs is one
SPARQL update, which pyoxigraph applies as one transaction: a build killed half-way leaves the previous graph whole.

The default graph of queries is the union of all named graphs (as the service description says).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg import formats
from kg.errors import QueryError, StoreError
from kg.sparql.errors import explain
from kg.sparql.text import add_using, declares_dataset
from kg.store.base import Result, dedupe, fingerprint, term_text
from kg.store.serialize import ntriples, serialize
from kg.store.updates import Edit, edit, operations_text

if TYPE_CHECKING:  # a type only: the query processes never import rdflib
    from rdflib import Graph

FLUSH_BYTES = 8_000_000  # N-Triples written between two flushes of the write buffers (Store._written)


class Store:
    """An embedded pyoxigraph store in a directory (or in memory when ``path`` is None).

    >>> s = Store()
    >>> s.replace_graphs({"http://ex.org/g": "<http://ex.org/a> <http://ex.org/p> \\"1\\" ."})
    >>> s.count()
    1
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._unflushed = 0  # bytes written since the last flush
        self._dirty = False  # written since it was opened: publish a snapshot when closing (kg.store.snapshots)
        self._fixed: dict[str, object] = {}  # count and version of a read-only store, which sees one state: once
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no store here; build one first with `kg build ARTICLE --store {self.path}`")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(f"{self.path}: cannot open the store ({e}); is another `kg` process writing it?") from None

    @classmethod
    def memory_copy(cls, path: str | Path) -> Store:
        """A read-only, in-memory copy of the store in ``path`` (joins run several times faster in memory)."""
        source = cls(path, read_only=True)
        copy = cls.__new__(cls)
        copy.path, copy.read_only, copy._dirty, copy._unflushed, copy._fixed = None, True, False, 0, {}
        copy._store = ox.Store()
        copy._store.bulk_extend(source._store.quads_for_pattern(None, None, None, None))
        return copy

    # --- reading --------------------------------------------------------------------------------------------------
    def query(self, sparql: str, *, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None, base_iri: str | None = None,
              declares: bool | None = None) -> Result:
        """Run a SPARQL 1.1 query. The default graph is the union of all graphs unless ``default_graph`` is given
        or the query has its own ``FROM``/``FROM NAMED`` clauses (``declares``: whether it has, when the caller
        already knows, which saves reading the text again).

        :raises QueryError: if the query cannot be parsed.
        """
        kwargs: dict[str, object] = {"base_iri": base_iri}
        try:
            if default_graph is not None:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
            elif not (declares_dataset(sparql) if declares is None else declares):
                # pyoxigraph's union flag would override a FROM clause, so it is set only when the query has none
                kwargs["use_default_graph_as_union"] = True
            if named_graphs is not None:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as e:
            raise QueryError(f"invalid graph IRI: {e}") from None
        try:
            res = self._store.query(sparql, **kwargs)  # type: ignore[arg-type]
        except SyntaxError as e:
            raise explain(sparql, str(e), "query", base=base_iri) from None
        except ValueError as e:
            raise QueryError(str(e)) from None
        if isinstance(res, ox.QueryBoolean):
            return Result("ask", bool(res), [])
        if isinstance(res, ox.QuerySolutions):
            return Result("select", res, [v.value for v in res.variables])
        return Result("graph", res, [])

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def read_all(self) -> None:
        """Read every quad once, in the engine (a count over the named graphs and the default graph)."""
        for _ in self._store.query("SELECT (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }"):
            pass

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            if not self.read_only:
                return len(self._store)
            if "count" not in self._fixed:  # a full scan: once per handle
                self._fixed["count"] = len(self._store)
            return self._fixed["count"]  # type: ignore[return-value]
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def version(self) -> str:
        """A short fingerprint of the dataset's state (graphs and their sizes and build times), for ETags."""
        if not self.read_only:
            return fingerprint(self)
        if "version" not in self._fixed:  # a read-only handle sees one state: computed once
            self._fixed["version"] = fingerprint(self)
        return self._fixed["version"]  # type: ignore[return-value]

    def dump(self, fmt: str = "ttl", *, graph: str | None = None, output=None,  # noqa: ANN001
             prefixes: dict[str, str] | None = None, context: str | None = None) -> bytes | None:
        """Serialise the dataset (or one graph). Formats without named graphs (ttl, nt, rdf) get the union of all
        graphs, each triple once, sorted (so Turtle groups each subject's triples); nq, trig and jsonld keep the
        named graphs. JSON-LD is compacted (kg.store.jsonld), with the ``context`` URL or the context inline.

        :raises StoreError: on an unknown format.
        """
        if fmt not in formats.RDF_NAMES:
            raise StoreError(f"unknown format {fmt!r}; use one of {', '.join(formats.RDF_NAMES)}")
        rf = formats.engine_rdf(fmt)
        items: Iterable
        if graph is not None:
            found = self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            items = found if rf.supports_datasets else (ox.Triple(q.subject, q.predicate, q.object) for q in found)
        elif rf.supports_datasets:
            items = self._store.quads_for_pattern(None, None, None, None)
        else:
            items = self.sorted_union()
        return serialize(items, fmt, output, prefixes=prefixes, context=context)

    def sorted_union(self) -> Iterator[ox.Triple]:
        """The union default graph, each triple once, in subject order (sorted by the engine)."""
        res = self.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o")
        return (ox.Triple(sol["s"], sol["p"], sol["o"]) for sol in res.value)  # type: ignore[attr-defined]

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        g = ox.NamedNode(graph) if graph else None
        return self._store.quads_for_pattern(None, None, None, g)

    def has_graph(self, name: str) -> bool:
        """True if the named graph exists (it may be empty: a graph created by PUT with no triples exists)."""
        return self._store.contains_named_graph(ox.NamedNode(name))

    def graph_sizes(self) -> dict[str, int]:
        """Named graph IRI → number of triples, computed by the engine in one pass (for the service description)."""
        res = self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        sizes = {term_text(r["g"]): int(term_text(r["n"])) for r in res.rows() if isinstance(r["g"], ox.NamedNode)}
        return {g: sizes.get(g, 0) for g in self.graphs()}

    def union_size(self) -> int:
        """The number of distinct triples in the union default graph (what a query without GRAPH sees)."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
        return int(term_text(res.rows()[0]["n"]))

    def triples(self, graph: str | None = None) -> Iterator[ox.Triple]:
        """The triples of a named graph, or (``graph=None``) of the union default graph, without duplicates."""
        if graph is not None:
            return (ox.Triple(q.subject, q.predicate, q.object) for q in self.quads(graph))
        return dedupe(ox.Triple(q.subject, q.predicate, q.object) for q in self._store)

    # --- writing --------------------------------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only")
        self._dirty = True

    def replace_graphs(self, graphs: dict[str, Graph | str]) -> None:
        """Replace each named graph by the given triples (an rdflib Graph or N-Triples text), all in one
        transaction: either every graph is replaced or none is."""
        self.apply_changes(replace={name: content if isinstance(content, str) else content.serialize(format="nt")
                                    for name, content in graphs.items()})

    def apply_changes(self, *, drop: Iterable[str] = (), replace: dict[str, str] | None = None,
                      rewrite: dict[str, dict[str, str]] | None = None) -> None:
        """One transaction: drop the graphs in ``drop``, replace each graph of ``replace`` by its N-Triples, and in
        each graph of ``rewrite`` replace every triple about each subject given by the N-Triples given for it
        (how :mod:`kg.store.shared` keeps the shared graph)."""
        self._writable()
        replace = replace or {}
        drop, rewrite = list(drop), rewrite or {}
        text = operations_text(drop, replace, rewrite, self._edits(replace, {*drop, *rewrite}))
        if not text:
            return
        try:
            self._store.update(text)
        except (SyntaxError, OSError, ValueError) as e:
            raise StoreError(f"the store refused the write: {e}") from None
        self._written(len(text))

    def _edits(self, replace: dict[str, str], dropped: set[str]) -> dict[str, Edit]:
        """For each graph to replace that is already stored, what changes in it: an article built again mostly
        writes what it wrote before, and the engine reads a few changed lines much faster than the whole graph
        as an update's text (its SPARQL parser is the dearest part of a write). Still one update: atomic."""
        out = {}
        for name, text in replace.items():
            node = ox.NamedNode(name)
            if name in dropped or not self._store.contains_named_graph(node):
                continue
            change = edit(self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node).decode(), text)
            if change is not None:
                out[name] = change
        return out

    def _written(self, size: int) -> None:
        """Flush after every ``FLUSH_BYTES`` written: RocksDB otherwise keeps growing its write buffers, and a corpus
        build's memory with them (1.5 MB per article, measured; flat with this)."""
        self._unflushed += size
        if self._unflushed >= FLUSH_BYTES:
            self.flush()

    def remove_graphs(self, graphs: Iterable[str]) -> None:
        self.apply_changes(drop=graphs)

    def update(self, sparql: str, *, base_iri: str | None = None, using_graphs: list[str] | None = None,
               using_named_graphs: list[str] | None = None) -> None:
        """Run a SPARQL 1.1 update as one transaction.

        ``using_graphs``/``using_named_graphs`` are the protocol's ``using-graph-uri``/``using-named-graph-uri``:
        the dataset of every ``WHERE`` in the update.

        :raises QueryError: if it cannot be parsed, or names its own dataset while ``using_*`` are given.
        """
        self._writable()
        sparql = add_using(sparql, list(using_graphs or []), list(using_named_graphs or []))
        try:
            self._store.update(sparql, base_iri=base_iri)
        except SyntaxError as e:
            raise explain(sparql, str(e), "update", base=base_iri) from None
        except (OSError, ValueError) as e:
            raise StoreError(f"the store refused the update: {e}") from None

    def put_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> bool:
        """Replace a named graph (or, with None, the store's own default graph) by ``triples``, in one transaction.

        :return: True if the named graph did not exist before.
        """
        self._writable()
        created = graph is not None and not self.has_graph(graph)
        if graph is None:
            ops = ["CLEAR SILENT DEFAULT", f"INSERT DATA {{\n{ntriples(triples)}\n}}"]
        else:
            ops = [f"DROP SILENT GRAPH <{graph}>", f"CREATE SILENT GRAPH <{graph}>",
                   f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples(triples)}\n}} }}"]
        self._apply(" ;\n".join(ops))
        return created

    def add_to_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> bool:
        """Add ``triples`` to a named graph (created if needed) or the default graph, in one transaction.

        :return: True if the named graph did not exist before.
        """
        self._writable()
        created = graph is not None and not self.has_graph(graph)
        body = ntriples(triples)
        if graph is None:
            self._apply(f"INSERT DATA {{\n{body}\n}}")
        else:
            self._apply(f"CREATE SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
        return created

    def drop_graph(self, graph: str | None) -> bool:
        """Remove a named graph, or empty the store's own default graph (None).

        :return: False if the named graph did not exist (nothing changed).
        """
        self._writable()
        if graph is None:
            self._apply("CLEAR SILENT DEFAULT")
            return True
        if not self.has_graph(graph):
            return False
        self._apply(f"DROP GRAPH <{graph}>")
        return True

    def snapshot(self, target: str | Path) -> None:
        """Write a consistent copy of the store to the new directory ``target`` (a RocksDB checkpoint: files are
        hard-linked where the file system allows, so it is cheap), openable with ``Store(target, read_only=True)``."""
        try:
            self._store.backup(str(target))
        except OSError as e:
            raise StoreError(f"{target}: cannot write a snapshot of the store ({e})") from None

    def _apply(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except (SyntaxError, OSError, ValueError) as e:
            raise StoreError(f"the store refused the write: {e}") from None

    def load(self, data: bytes | str, fmt: str, *, graph: str | None = None) -> None:
        """Load RDF data (one transaction) into ``graph`` (triples formats) or its own graphs (quad formats)."""
        self._writable()
        if fmt not in formats.RDF_NAMES:
            raise StoreError(f"unknown format {fmt!r}; use one of {', '.join(formats.RDF_NAMES)}")
        rf = formats.engine_rdf(fmt)
        kw = {"to_graph": ox.NamedNode(graph)} if graph and not rf.supports_datasets else {}
        try:
            self._store.load(data, rf, **kw)  # type: ignore[arg-type]
        except SyntaxError as e:
            raise StoreError(f"bad {fmt} data: {e}") from None

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction (held in memory until it commits): all of them, or none on a failure."""
        self._writable()
        try:
            self._store.extend(quads)
        except OSError as e:
            raise StoreError(f"the store refused the write: {e}") from None

    def bulk_add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add many quads with pyoxigraph's bulk loader: fast and flat in memory, but not one transaction."""
        self._writable()
        try:
            self._store.bulk_extend(quads)
        except OSError as e:
            raise StoreError(f"the store refused the write: {e}") from None

    def flush(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()
        self._unflushed = 0

    def publish(self) -> None:
        """Make what was written visible to the servers reading this store: a snapshot in ``{path}/snapshots``
        (:mod:`kg.store.snapshots`). Done by :meth:`close` after any write."""
        from kg.store import snapshots

        if self.read_only or self.path is None:
            return
        self.flush()
        snapshots.publish(self, snapshots.published_root(self.path), keep_seconds=snapshots.KEEP_SECONDS)
        self._dirty = False

    def close(self) -> None:
        self.flush()
        if self._dirty:
            self.publish()
        del self._store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
