"""Dumps under ``/download/``: the whole dataset and each article graph, in every RDF format, plain or gzipped.

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
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, send_file, url_for

from kg.rdf import PREFIXES
from server.site import base_iri, secure_html
from server.store import dataset_version, get_store, last_modified

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


@bp.route("/")
def index():  # noqa: ANN201
    """The list of dumps."""
    return render_template("downloads.html", formats=FORMATS, names=FORMAT_NAMES, articles=sorted(article_graphs()),
                           quads=QUAD_FORMATS, version=dataset_version())


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
    download_name = f"{'article-' if article else ''}{name}.{ext}{'.gz' if gz else ''}"
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
                get_store().dump(ext, graph=graph, output=out, prefixes={k: str(v) for k, v in PREFIXES.items()})
            finally:
                if gz:
                    out.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _forget_old_versions(root: Path, keep: str) -> None:
    """Remove the dumps of earlier dataset versions (best effort: another worker may be streaming one)."""
    for old in root.iterdir():
        if old.is_dir() and old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
