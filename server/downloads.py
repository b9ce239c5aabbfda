"""Dumps under ``/download/``: the whole dataset and each article, in every RDF format, plain or gzipped, listed with
their sizes and triple counts. An article's dump is its graph with the shared descriptions of what it mentions.

A dump is written once per dataset version to a file in ``DUMP_DIR`` (atomically: a temporary name, then a rename,
so two workers racing write the same bytes and neither serves half a file) and then streamed from disk; nothing is
built in memory. ETag and Last-Modified come from the dataset version (:mod:`server.store`), so a conditional GET
is answered 304, and byte ranges work (resumable downloads).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, render_template, send_file, url_for

from kg.store import layout
from kg.pipeline.rdf.mapping import PREFIXES
from kg.store import Store
from kg.store.serialize import grouped, serialize
from server.site import NKG, base_iri, secure_html
from server.store import cached, dataset_version, get_store, last_modified

bp = Blueprint("downloads", __name__, url_prefix="/download")
bp.after_request(secure_html)

FORMATS = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
           "trig": "application/trig", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
FORMAT_NAMES = {"ttl": "Turtle", "nt": "N-Triples", "nq": "N-Quads", "trig": "TriG", "jsonld": "JSON-LD",
                "rdf": "RDF/XML"}
QUAD_FORMATS = {"nq", "trig", "jsonld"}  # the formats whose whole-dataset dump keeps the named graphs


def article_graphs() -> dict[str, str]:
    """Article id → graph IRI, for every article graph in the store."""
    prefix = base_iri() + "graph/article/"
    return {g[len(prefix):]: g for g in get_store().graphs() if g.startswith(prefix)}


def dumps() -> list[dict[str, str]]:
    """Every dump this server offers (for the page, VoID and DCAT): name, extension, gz flag, URL, media type."""
    out = []
    for ext in FORMATS:
        for gz in (False, True):
            out.append({"dataset": "all", "ext": ext, "gz": gz, "media": FORMATS[ext],
                        "url": dump_url("all", ext, gz, external=True)})
    for name in sorted(article_graphs()):
        for ext in FORMATS:
            for gz in (False, True):
                out.append({"dataset": name, "ext": ext, "gz": gz, "media": FORMATS[ext],
                            "url": dump_url(name, ext, gz, external=True)})
    return out


SIZED_ARTICLES = 50  # the page gives the file sizes of every article's dumps up to this many articles


@bp.route("/")
def index():  # noqa: ANN201
    """The list of dumps, with their sizes and triple counts."""
    graphs = article_graphs()
    articles = sorted(graphs)
    sized = ["all"] + (articles if len(articles) <= SIZED_ARTICLES else [])
    sizes = {(name, ext, gz): _dump_file(_download_name(name, ext, gz), ext, graphs.get(name), gz).stat().st_size
             for name in sized for ext in FORMATS for gz in (False, True)}
    counts = dump_counts()
    return render_template("downloads.html", formats=FORMATS, names=FORMAT_NAMES, articles=articles,
                           quads=QUAD_FORMATS, version=dataset_version(), sizes=sizes, counts=counts,
                           sized_articles=SIZED_ARTICLES, licence=current_app.config["DATA_LICENSE"],
                           licence_name=current_app.config.get("DATA_LICENSE_NAME"))


def dump_counts() -> dict[tuple[str, str], int]:
    """(dataset, format) → the number of triples (union formats) or quads (quad formats) of its dump."""
    def compute(store: Store) -> dict[tuple[str, str], int]:
        graphs = article_graphs()
        out: dict[tuple[str, str], int] = {}
        union, quads = store.union_size(), store.count()
        for ext in FORMATS:
            out[("all", ext)] = quads if ext in QUAD_FORMATS else union
        for name, g in graphs.items():
            n = len(_article_items(store, g, name, quads=True))
            for ext in FORMATS:
                out[(name, ext)] = n
        return out

    return cached("dump_counts", compute)


def _download_name(name: str, ext: str, gz: bool) -> str:
    return f"{'' if name == 'all' else 'article-'}{name}.{ext}{'.gz' if gz else ''}"


def _article_items(store: Store, graph: str, name: str, *, quads: bool) -> list:
    """What an article's dump holds: its graph, and the shared descriptions of the resources it mentions (what it
    contributed to, kg.store.shared) — so that it reads on its own, with every label — in their graphs (quad formats) or
    as one set of triples, sorted (Turtle groups each subject's triples)."""
    base = base_iri()
    shared, prov = layout.shared_graph(base), layout.article_graph(base, name, "provenance")
    q = (f"SELECT ?s ?p ?o WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ GRAPH <{prov}> {{ ?c <{NKG}contributesTo> ?s }} }} }}"
         f" GRAPH <{shared}> {{ ?s ?p ?o }} }}")
    described = [ox.Triple(r["s"], r["p"], r["o"]) for r in store.query(q).rows()]
    own = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)]
    if quads:
        g, sg = ox.NamedNode(graph), ox.NamedNode(shared)
        return [ox.Quad(t.subject, t.predicate, t.object, g) for t in grouped(own)] + \
            [ox.Quad(t.subject, t.predicate, t.object, sg) for t in grouped(described)]
    return grouped(set(own) | set(described))


@bp.app_template_global()
def dump_url(dataset: str, ext: str, gz: bool = False, external: bool = False) -> str:
    """The URL of a dump: ``dataset`` is "all" or an article id."""
    filename = f"{'' if dataset == 'all' else 'article/'}{dataset}.{ext}{'.gz' if gz else ''}"
    return url_for("downloads.dump", filename=filename, _external=external)


@bp.route("/<path:filename>")
def dump(filename: str) -> Response:
    """One dump: ``all.ttl`` (the union graph), ``all.nq`` (every named graph), ``article/ID.ttl`` …, each
    also ``.gz``."""
    article, _, rest = filename.rpartition("/")
    gz = rest.endswith(".gz")
    name, _, ext = rest.removesuffix(".gz").rpartition(".")
    if article not in ("", "article") or not name:
        abort(404, f"no dump {filename!r}; the whole dataset is all.EXT, one article is article/ID.EXT")
    if ext not in FORMATS:
        abort(404, f"unknown format .{ext}; available: {', '.join(FORMATS)}")
    graph = None
    if article:
        graph = article_graphs().get(name)
        if graph is None:
            abort(404, f"no article {name!r}; the list is at /download/")
    elif name != "all":
        abort(404, f"no dump {name!r}; the whole dataset is all.EXT, one article is article/ID.EXT")
    download_name = _download_name(name if article else "all", ext, gz)
    path = _dump_file(download_name, ext, graph, gz)
    modified = last_modified()
    resp = send_file(path, mimetype="application/gzip" if gz else FORMATS[ext],
                     etag=f"{dataset_version()}-{download_name}", last_modified=modified, conditional=True,
                     download_name=download_name, as_attachment=gz, max_age=0)
    if not gz:
        resp.content_type = f"{FORMATS[ext]}; charset=utf-8"
    return resp


def dump_dir() -> Path:
    """``DUMP_DIR``, or a folder of the system's temporary directory named after the store (so two servers over
    two stores never share files)."""
    configured = current_app.config.get("DUMP_DIR")
    if configured:
        return Path(configured)
    key = hashlib.sha256(str(Path(current_app.config["STORE_PATH"]).resolve()).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"newskg-dumps-{key}"


def _dump_file(filename: str, ext: str, graph: str | None, gz: bool) -> Path:
    version = dataset_version()
    folder = dump_dir() / version
    path = folder / filename
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old_versions(folder.parent, keep=version)
    fd, tmp = tempfile.mkstemp(prefix=f".{filename}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw:
            out = gzip.GzipFile(filename=filename[:-3], mode="wb", fileobj=raw, mtime=0) if gz else raw
            try:
                prefixes = {k: str(v) for k, v in PREFIXES.items()}
                context = url_for("void.context", _external=True)
                if graph is None:
                    get_store().dump(ext, output=out, prefixes=prefixes, context=context)
                else:
                    items = _article_items(get_store(), graph, graph.rsplit("/", 1)[1], quads=ext in QUAD_FORMATS)
                    serialize(items, ext, out, prefixes=prefixes, context=context)
            finally:
                if gz:
                    out.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _forget_old_versions(root: Path, keep: str, *, idle: float = 60.0) -> None:
    """Remove the dumps of earlier dataset versions untouched for ``idle`` seconds (best effort: another worker,
    still on an earlier snapshot, may be writing or streaming one)."""
    for old in root.iterdir():
        try:
            stale = old.is_dir() and old.name != keep and time.time() - old.stat().st_mtime > idle
        except FileNotFoundError:
            continue
        if stale:
            shutil.rmtree(old, ignore_errors=True)
