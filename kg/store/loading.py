"""``kg load``: bulk-load RDF files (N-Triples, Turtle, TriG, N-Quads, JSON-LD, RDF/XML, each maybe gzipped).

The format comes from the file name (``data.ttl``, ``dump.nq.gz``) unless ``--format`` names it. Every file is
parsed completely first (a syntax error names the file and the line, and nothing is written); then all of them are
added in **one** transaction (embedded store) or **one** SPARQL Update request (a remote engine), so a load that
fails leaves the store as it was. ``bulk=True`` trades that for speed and flat memory on very large embedded loads
(pyoxigraph's bulk loader writes as it goes).

Triples of a triples format go to ``graph`` when given, else to the store's default graph; quads keep their graph,
and ``graph`` receives those in the default graph. Blank nodes are renamed per file, so two files never share one.

The base IRI: a store keeps the one it got first (kg.store.layout). A dump of a newskg store carries its dataset record;
loading it into a store of another base IRI is refused before anything is written, and so is a ``--base-iri`` that
differs from the store's or the files'. A first load records the base IRI (the files', or ``--base-iri``).
"""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg import formats
from kg.store import layout
from kg.errors import ConfigError, InputError



@dataclass(frozen=True)
class Source:
    """One file to load and how to read it."""

    path: Path
    format: ox.RdfFormat
    gzipped: bool

    def open(self) -> IO[bytes]:
        return gzip.open(self.path, "rb") if self.gzipped else open(self.path, "rb")  # noqa: SIM115


@dataclass(frozen=True)
class Loaded:
    files: int
    quads: int
    seconds: float


def source(path: Path, fmt: str | None = None) -> Source:
    """How to read ``path``: ``fmt`` (an RDF format of :mod:`kg.formats`) or its extension, gzipped if it ends in
    .gz.

    :raises InputError: for a missing file or an extension that names no RDF format.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    gz = path.suffix.lower() == ".gz"
    name = path.name[:-3] if gz else path.name
    ext = fmt or name.rpartition(".")[2].lower()
    found = formats.from_extension(ext)
    if found is None or ("." not in name and fmt is None):
        names = formats.RDF_NAMES
        raise InputError(f"{path}: cannot tell the RDF format from the name; give --format ({', '.join(names)}), "
                         f"or name it {', '.join('.' + n for n in names[:-1])} or .{names[-1]} (+ .gz)")
    return Source(path, formats.engine_rdf(found.name), gz)


def read(src: Source, graph: str | None = None) -> Iterator[ox.Quad]:
    """The quads of one file; triples (and default-graph quads) go into ``graph`` when it is given.

    :raises InputError: naming the file and the line of a syntax error, or a broken gzip stream.
    """
    target = ox.NamedNode(graph) if graph else None
    try:
        with src.open() as fh:
            for q in ox.parse(fh, format=src.format, rename_blank_nodes=True):
                if target is not None and isinstance(q.graph_name, ox.DefaultGraph):
                    q = ox.Quad(q.subject, q.predicate, q.object, target)
                yield q
    except SyntaxError as e:
        msg = str(e.msg or e)
        where = f"line {e.lineno}: " if e.lineno and "line" not in msg else ""
        raise InputError(f"{src.path}: {where}{msg}") from None
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"{src.path}: cannot be read ({e})") from None


def load(paths: list[Path], store: Any, *, graph: str | None = None, fmt: str | None = None,
         bulk: bool = False, base_iri: str | None = None, where: str = "the store") -> Loaded:
    """Check every file, then add them all to ``store`` at once.

    :raises InputError: if a file is missing, of an unknown format or malformed (then nothing is written).
    :raises ConfigError: if the files, ``base_iri`` and the store do not agree on the base IRI.
    """
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as e:
            raise InputError(f"--graph {graph!r} is not an IRI: {e}") from None
    t0 = time.monotonic()
    sources = [source(p, fmt) for p in paths]
    count = 0
    carried: set[str] = set()  # the base IRIs of dataset records in the files
    for s in sources:  # a full parse: errors before any write
        for q in read(s, graph):
            count += 1
            if q.predicate.value == SPACE and isinstance(q.graph_name, ox.NamedNode) \
                    and q.graph_name.value.endswith("/graph/dataset") and q.object.value.endswith("/id/"):
                carried.add(q.object.value[:-3])
    record = _base_record(store, carried, base_iri, where)

    def everything() -> Iterator[ox.Quad]:
        for s in sources:
            yield from read(s, graph)
        yield from record

    if bulk and hasattr(store, "bulk_add_quads"):
        store.bulk_add_quads(everything())
    else:
        store.add_quads(everything())
    store.flush()
    return Loaded(len(sources), count, time.monotonic() - t0)


SPACE = f"{layout.VOID}uriSpace"


def _base_record(store: Any, carried: set[str], given: str | None, where: str) -> list[ox.Quad]:
    """The dataset record to add with a load (a store's first, when the files carry none), after checking that the
    store, the files and ``given`` name one base IRI.

    :raises ConfigError: naming the IRIs that differ.
    """
    stored = layout.stored_base(store)
    if len(carried) > 1:
        raise ConfigError(f"the files carry data under several base IRIs ({', '.join(sorted(carried))})")
    files = next(iter(carried), None)
    for name, other in (("--base-iri", given), ("the files", files)):
        if stored and other and other != stored:
            raise ConfigError(f"{where} has base IRI {stored}, but {name} {'has' if name == 'the files' else 'is'} "
                              f"{other}: load them into a new store")
    if given and files and given != files:
        raise ConfigError(f"the files have base IRI {files}, but --base-iri is {given}")
    base = files or given
    if stored or files or not base:
        return []
    g = ox.NamedNode(layout.dataset_graph(base))
    return [ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(layout.dataset_record(base).encode(), format=ox.RdfFormat.N_TRIPLES)]
