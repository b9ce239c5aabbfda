"""Dumps under ``/download/``: the whole dataset and each article, in every RDF format, plain or gzipped, listed with
their sizes and triple counts. An article's dump is its graph with the shared descriptions of what it mentions.

A dump is a prebuilt file: written once per dataset version to ``DUMP_DIR`` by a query process (the web worker
never opens the store: :mod:`server.engine.facts`), under the dump time limit ``DUMP_TIMEOUT`` (the process is killed at
it, the partial file removed, and the request answered 503 like a slow query), atomically (a temporary name, then a
rename, so two workers racing write the same bytes and neither serves half a file); then streamed from disk by the
web worker, as any static file. Nothing is built in the web worker's memory. ETag and Last-Modified come from the
dataset version (:mod:`server.engine.access`), so a conditional GET
is answered 304, and byte ranges work (resumable downloads).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, send_file, url_for

from kg.pipeline.rdf.mapping import PREFIXES
from server.engine.facts import QUAD_FORMATS
from server.engine.tasks import DumpTask
from server.blueprints.site import base_iri, secure_html
from server.engine.access import ReadError, cached, dataset_version, fact, get_runner, last_modified, store_path

bp = Blueprint("downloads", __name__, url_prefix="/download")
bp.after_request(secure_html)

FORMATS = {"ttl": "text/turtle", "nt": "application/n-triples", "nq": "application/n-quads",
           "trig": "application/trig", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
FORMAT_NAMES = {"ttl": "Turtle", "nt": "N-Triples", "nq": "N-Quads", "trig": "TriG", "jsonld": "JSON-LD",
                "rdf": "RDF/XML"}


def article_graphs() -> dict[str, str]:
    """Article id → graph IRI, for every article graph in the store."""
    base = base_iri()
    return cached(f"article_graphs {base}", lambda: fact("article_graphs", base=base))


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
    def compute() -> dict[tuple[str, str], int]:
        counts = fact("dump_counts", base=base_iri())
        out: dict[tuple[str, str], int] = {}
        for ext in FORMATS:
            out[("all", ext)] = counts["all-quads"] if ext in QUAD_FORMATS else counts["all"]
        for name, n in counts.items():
            if name not in ("all", "all-quads"):
                for ext in FORMATS:
                    out[(name, ext)] = n
        return out

    return cached("dump_counts", compute)


def _download_name(name: str, ext: str, gz: bool) -> str:
    return f"{'' if name == 'all' else 'article-'}{name}.{ext}{'.gz' if gz else ''}"


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
    os.close(fd)
    config = current_app.config
    timeout = float(config.get("DUMP_TIMEOUT") or config["QUERY_TIMEOUT"])
    task: DumpTask = {"op": "dump", "store": store_path(), "path": tmp, "filename": filename, "fmt": ext, "gz": gz,
            "article": graph.rsplit("/", 1)[1] if graph else None, "base": base_iri(),
            "prefixes": {k: str(v) for k, v in PREFIXES.items()},
            "context": url_for("void.context", _external=True), "timeout": timeout}
    try:
        reply = get_runner().run(task, timeout, what="dump")
        if reply["status"] != 200:
            raise ReadError(500 if reply["status"] < 500 else reply["status"], reply.get("error", "dump failed"))
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
