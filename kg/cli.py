"""The ``kg`` command: thin — parse arguments, call the stages, turn domain errors into one line and an exit code.

Exit codes: 0 success; 1 the data does not conform (``kg validate``, a build that breaks the shapes); 2 bad input,
options or store (the message names what is wrong).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from kg import __version__, search
from kg.errors import ConfigError, NewsKGError

STORE_HELP = "store directory, or the http(s) URL of a SPARQL endpoint (default: var/store, or $NEWSKG_STORE)"


def _store_default() -> str:
    return os.environ.get("NEWSKG_STORE", "var/store")


def _base_given(value: str | None) -> str | None:
    """The base IRI asked for: ``--base-iri``, else ``$NEWSKG_BASE_IRI``, else None (the store's own, or the
    default for a new store: kg.layout)."""
    value = value or os.environ.get("NEWSKG_BASE_IRI") or None
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"base IRI {value!r} is not an http(s) IRI")
    return value if value.endswith("/") else value + "/"


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:  # noqa: ARG001
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _base_iri(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:  # noqa: ARG001
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"{value!r} is not an http(s) IRI")
    return value if value.endswith("/") else value + "/"


class KgGroup(click.Group):
    """Turns :class:`NewsKGError` into ``kg: error: …`` and its exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsKGError as e:
            click.echo(f"kg: error: {e}", err=True)
            sys.exit(e.exit_code)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskg")
def main() -> None:
    """newskg: news articles to a knowledge graph of who said what to whom, in which event, when."""


def remote_options(f):  # noqa: ANN001, ANN201
    """The options of a remote store (``--store http(s)://…``); each also has an environment variable, and the
    password has only that (NEWSKG_STORE_PASSWORD), so that it never shows in a process list."""
    options = [
        click.option("--update-url", help="SPARQL Update endpoint of a remote store ($NEWSKG_STORE_UPDATE_URL; "
                                          "default: derived from --store for Oxigraph and Virtuoso)"),
        click.option("--gsp-url", help="Graph Store Protocol endpoint of a remote store ($NEWSKG_STORE_GSP_URL)"),
        click.option("--store-user", help="user for the remote store's update endpoint ($NEWSKG_STORE_USER; "
                                          "password in $NEWSKG_STORE_PASSWORD)"),
        click.option("--store-auth", type=click.Choice(["basic", "digest"]),
                     help="HTTP authentication of the remote store ($NEWSKG_STORE_AUTH; default basic)"),
        click.option("--store-engine", type=click.Choice(["oxigraph", "virtuoso", "generic"]),
                     help="the remote engine's kind ($NEWSKG_STORE_ENGINE; default: recognised from its answers)"),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _remote(update_url: str | None = None, gsp_url: str | None = None, store_user: str | None = None,
            store_auth: str | None = None, store_engine: str | None = None) -> dict:
    return {"update_url": update_url, "gsp_url": gsp_url, "user": store_user, "auth": store_auth,
            "engine": store_engine}


def _open(store: str, *, read_only: bool = False, remote: dict | None = None):  # noqa: ANN202
    from kg.store import open_store

    return open_store(store, read_only=read_only, remote=remote)


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--date", callback=_date,
              help="article date YYYY-MM-DD (overrides the metadata sidecar and the folder's index.tsv)")
@click.option("--base-iri", default=None, callback=_base_iri, show_default="the store's; for a new store "
              "http://localhost:8000/", help="IRI under which resources are minted, recorded in the store at its "
                                           "first build (or $NEWSKG_BASE_IRI); must agree with the store's")
@click.option("--no-validate", is_flag=True, help="skip the SHACL check before storing")
@click.option("--online/--offline", default=None,
              help="also look actors the local knowledge base cannot link up on a Wikidata SPARQL endpoint, with an "
                   "on-disk cache (default: offline, or $NEWSKG_ONLINE=1)")
@click.option("--wikidata-endpoint", default=None,
              help="SPARQL endpoint for --online (default: $NEWSKG_WIKIDATA_ENDPOINT, or Wikidata's)")
@click.option("--online-timeout", type=click.FloatRange(0.1, 600), default=None,
              help="seconds to wait for each answer in --online mode (default: $NEWSKG_WIKIDATA_TIMEOUT, or 10)")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="worker processes extracting articles (default: one per core)")
@click.option("--progress/--no-progress", default=None,
              help="a progress bar on standard error (default: only on a terminal)")
@click.option("-q", "--quiet", is_flag=True, help="no line per article (the summary line stays)")
def build(articles: tuple[Path, ...], store: str, date: dt.date | None, base_iri: str | None, no_validate: bool,
          online: bool | None, wikidata_endpoint: str | None, online_timeout: float | None, jobs: int | None,
          progress: bool | None, quiet: bool, **remote: str | None) -> None:
    """Ingest, extract, map, validate and store each ARTICLE in its own named graph (replacing an earlier build).

    ARTICLES are files or folders (their *.txt files at any depth, with the .meta.toml sidecars and the index.tsv
    beside them). Of several articles, every good one is built, each failure is reported in one line, and the
    exit code is 1 when any failed.
    """
    from kg.corpus import build_corpus, collect
    from kg.layout import resolve_base
    from kg.online import OnlineConfig
    from kg.progress import Progress

    online_config = OnlineConfig.from_env(enabled=online, endpoint=wikidata_endpoint, timeout=online_timeout)
    paths = collect(articles)
    given = _base_given(base_iri)
    bar = Progress(len(paths), enabled=sys.stderr.isatty() if progress is None else progress)
    built: list[str] = []
    with _open(store, remote=_remote(**remote)) as s:
        base = resolve_base(s, given, where=store)

        def report(d) -> None:  # noqa: ANN001
            built.append(d.graph)
            if not quiet and not bar.enabled:
                click.echo(f"{d.article}: {d.statements} statements, {d.events} events, {d.actors} actors, "
                           f"{d.triples} triples in {d.seconds:.2f}s -> <{d.graph}>")
            bar.advance()

        def failed(f) -> None:  # noqa: ANN001
            click.echo(f"kg: error: {f.line()}", err=True)
            bar.advance()

        try:
            summary = build_corpus(paths, s, base_iri=base, date=date, validate=not no_validate,
                                   online=online_config, workers=jobs, on_done=report, on_fail=failed)
        finally:
            bar.close()
            if built:  # what was committed, even when a later article failed
                _reindex(store, s, lambda path, st: search.after_build(path, st, built))
    click.echo(f"kg: {summary.line(store)}", err=True)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--graph", help="named graph for the triples (and the default-graph quads) of the files")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdf"]), default=None,
              help="the files' format (default: from each name: .ttl .nt .nq .trig .jsonld .rdf, maybe + .gz)")
@click.option("--bulk", is_flag=True, help="embedded store only: pyoxigraph's bulk loader, fast and flat in memory, "
                                         "but not one transaction (a failure can leave part of the load)")
@click.option("--base-iri", default=None, callback=_base_iri,
              help="the store's base IRI, recorded at its first load when the files carry no dataset record "
                   "(or $NEWSKG_BASE_IRI); must agree with the store's and the files'")
def load(files: tuple[Path, ...], store: str, graph: str | None, fmt: str | None, bulk: bool,
         base_iri: str | None, **remote: str | None) -> None:
    """Bulk-load RDF FILES into the store, all in one transaction: a failed load changes nothing."""
    from kg.loading import load as run

    with _open(store, remote=_remote(**remote)) as s:
        done = run(list(files), s, graph=graph, fmt=fmt, bulk=bulk, base_iri=_base_given(base_iri),
                   where=store)
    click.echo(f"loaded {done.quads:,} quads from {done.files} file{'s' if done.files != 1 else ''} into {store} "
               f"in {done.seconds:.1f} s")


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
def remove(articles: tuple[str, ...], store: str, **remote: str | None) -> None:
    """Remove ARTICLES (ids, or the article files they were built from) with their provenance and enrichment
    graphs and what they added to the shared descriptions, in one transaction."""
    from kg.ingest import slugify

    from kg import layout, shared

    ids = [slugify(Path(a).stem) if a.endswith((".txt", ".text")) or Path(a).is_file() else a for a in articles]
    with _open(store, remote=_remote(**remote)) as s:
        base = layout.stored_base(s)
        graphs = set(s.graphs())
        for aid in ids:
            if base is None or layout.article_graph(base, aid) not in graphs:
                raise ConfigError(f"no article {aid!r} in {store}")
        ids = list(dict.fromkeys(ids))
        dropped = shared.remove_articles(s, base, ids)  # type: ignore[arg-type]
        _reindex(store, s, lambda path, st: search.after_remove(path, st, ids))
    for aid in ids:
        n = sum(1 for g in dropped if g.rsplit("/", 1)[1] == aid)
        click.echo(f"removed {aid} ({n} graphs)")


def _reindex(store: str, s, update) -> None:  # noqa: ANN001
    """Keep the search index beside the store in step with a committed change; a failure there is a warning (the
    graph is written; ``kg index`` or the next ``kg serve`` rebuilds the index)."""
    try:
        update(search.index_path(store), s)
    except Exception as e:  # noqa: BLE001 - derived data: never fail a committed build because of it
        click.echo(f"kg: warning: the search index was not updated ({e}); run `kg index --store {store}`", err=True)


@main.command()
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--index", "index_file", type=click.Path(path_type=Path), default=None,
              help="the index file (default: beside the store, or $NEWSKG_SEARCH_INDEX)")
def index(store: str, index_file: Path | None, **remote: str | None) -> None:
    """Rebuild the search index (headlines, quotes, actors and their aliases, events) from the store."""
    with _open(store, read_only=True, remote=_remote(**remote)) as s:
        path = search.index_path(store, index_file)
        n = search.rebuild(path, s)
    click.echo(f"indexed {n:,} things of {store} into {path}")


@main.command()
@click.argument("query")
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              default="table", show_default=True)
def query(query: str, store: str, fmt: str, **remote: str | None) -> None:
    """Run QUERY (a .rq file or SPARQL text) over the store; the default graph is the union of all graphs."""
    from kg.output import print_result
    from kg.remote import is_remote
    from kg.sparql_text import check_limits

    text = _query_text(query)
    check_limits(text)

    def run() -> bool:
        with _open(store, read_only=True, remote=_remote(**remote)) as s:
            result = s.query(text)
            print_result(result, fmt, sys.stdout.buffer)
        return bool(getattr(result, "capped", False))

    # a remote engine runs SERVICE itself; the embedded one runs here, guarded (kg.federation, kg.netguard)
    capped = run() if is_remote(store) else _guarded(text, run)
    if capped:
        click.echo("kg: warning: the engine cut the result at a row limit of its own", err=True)


def _guarded(text: str, run):  # noqa: ANN001, ANN202
    """``run()`` on the engine's thread: a large stack, and connections only to the endpoints of
    ``$NEWSKG_FEDERATION_ALLOW`` (by default Wikidata's and DBpedia's), as for the server."""
    import faulthandler
    import logging

    from kg import netguard
    from kg.errors import QueryError
    from kg.federation import check_services, parse_allow
    from kg.sparql_text import ENGINE_STACK

    allow = parse_allow(os.environ.get("NEWSKG_FEDERATION_ALLOW"))
    try:
        faulthandler.enable()  # a crash of the engine is then reported, not silent
    except (OSError, ValueError, AttributeError):
        pass  # standard error is not a file (kg called from Python)
    netguard.log.setLevel(logging.ERROR)  # a refusal is reported as the error line

    def work(guard, reason):  # noqa: ANN001, ANN202
        if guard is None and netguard.may_reach_network(text):
            raise QueryError(f"cannot guard the query engine's network connections here ({reason}), so a query "
                             "containing the word SERVICE or LOAD anywhere is refused")
        check_services(text, allow, strict=guard is None)
        if guard is not None:
            guard.allow(allow)
        try:
            return run()
        finally:
            denied = guard.take_denied() if guard is not None else []
            if denied:
                where = ", ".join(sorted({str(d) for d in denied}))
                raise QueryError(f"SERVICE tried to connect to {where}, which is not an endpoint on the federation "
                                 f"allow-list ($NEWSKG_FEDERATION_ALLOW: {', '.join(allow) or 'empty'})")

    return netguard.run_guarded(work, stack_size=ENGINE_STACK)


def _query_text(arg: str) -> str:
    """A query given as a file name (``queries/statements.rq``) or as SPARQL text."""
    looks_like_file = "\n" not in arg and len(arg) < 1024 and not arg.lstrip().upper().startswith(
        ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE"))
    if looks_like_file:
        p = Path(arg)
        if not p.is_file():
            raise ConfigError(f"{arg}: no such query file (give a .rq file or SPARQL text)")
        try:
            return p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ConfigError(f"{arg}: not a UTF-8 text file") from None
    return arg


@main.command()
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdf"]), default="ttl",
              show_default=True, help="ttl/nt/rdf give the union of all graphs; nq/trig/jsonld keep the named graphs")
@click.option("--graph", help="dump only this named graph")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="file to write (default: standard output)")
def dump(store: str, fmt: str, graph: str | None, output: Path | None, **remote: str | None) -> None:
    """Write the graph (or one named graph) in an RDF format."""
    from kg.rdf import PREFIXES

    with _open(store, read_only=True, remote=_remote(**remote)) as s:
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        if output is None:
            sys.stdout.buffer.write(s.dump(fmt, graph=graph, prefixes=prefixes) or b"")
        else:
            tmp = output.with_name(output.name + ".part")
            with open(tmp, "wb") as f:
                s.dump(fmt, graph=graph, output=f, prefixes=prefixes)
            tmp.replace(output)


@main.command()
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--no-owl", is_flag=True, help="skip the OWL consistency check (HermiT, needs Java)")
def validate(store: str, no_owl: bool, **remote: str | None) -> None:
    """Check the stored graph against the SHACL shapes and the ontology for OWL consistency (exit 1 if not)."""
    from rdflib import Dataset, Graph

    from kg.validate import consistency, shacl

    with _open(store, read_only=True, remote=_remote(**remote)) as s:
        data = Graph()
        ds = Dataset()
        ds.parse(data=s.dump("nq") or b"", format="nquads")
        for q in ds.quads((None, None, None, None)):
            data.add(q[:3])
    rep = shacl(data)
    click.echo(f"SHACL: {'conforms' if rep.conforms else f'{len(rep.violations)} violation(s)'} ({len(data)} triples)")
    for v in rep.violations[:50]:
        click.echo(f"  {v}")
    ok = rep.conforms
    if not no_owl:
        owl = consistency(data)
        click.echo(f"OWL (HermiT): {'consistent' if owl.conforms else 'INCONSISTENT'}")
        for v in owl.violations:
            click.echo(f"  {v}")
        ok = ok and owl.conforms
    sys.exit(0 if ok else 1)


@main.command()
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@remote_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="seconds a query may run before it is stopped (503)")
@click.option("--base-iri", default=None, callback=_base_iri,
              help="base IRI of the resources (default: the store's); must agree with the store's")
@click.option("--update-token", envvar="NEWSKG_UPDATE_TOKEN", default=None,
              help="enable SPARQL Update for requests with 'Authorization: Bearer TOKEN' ($NEWSKG_UPDATE_TOKEN)")
@click.option("--in-memory/--on-disk", "in_memory", default=None,
              help="queries read an in-memory copy of the store (one per worker), or the store on disk (the "
                   "default)")
@click.option("--cache-mb", type=click.FloatRange(0, 100_000), default=None,
              help="result cache per worker in MB; 0 switches it off (default 128, or $NEWSKG_RESULT_CACHE_MB)")
def serve(store: str, host: str, port: int, workers: int, timeout: float, base_iri: str | None,
          update_token: str | None, in_memory: bool | None, cache_mb: float | None, **remote: str | None) -> None:
    """Serve the store: SPARQL endpoint, Linked Data pages, downloads and a query page (gunicorn)."""
    from kg.serving import run

    memory = None if in_memory is None else ("memory" if in_memory else "disk")
    run(store=store, host=host, port=port, workers=workers, timeout=timeout, base_iri=base_iri,
        update_token=update_token, remote=_remote(**remote), memory=memory, cache_mb=cache_mb)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--markdown", is_flag=True, help="print a Markdown table (for the README)")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="score only the gold files of this part of the evaluation corpus")
@click.option("--by", "by", type=click.Choice(["article", "desk", "split"]), default="article",
              help="one row per article (default), per desk or per split")
def eval_(gold_dir: Path, markdown: bool, split: str | None, by: str) -> None:
    """Score extraction against the gold annotations in GOLD_DIR (precision, recall, F1 per article and overall)."""
    from kg.scoring import run

    click.echo(run(gold_dir, markdown=markdown, split=split, by=by))


if __name__ == "__main__":
    main()
