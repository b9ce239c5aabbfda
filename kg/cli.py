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

from kg import __version__
from kg.errors import ConfigError, NewsKGError

STORE_HELP = "store directory (default: var/store, or $NEWSKG_STORE)"


def _store_default() -> str:
    return os.environ.get("NEWSKG_STORE", "var/store")


def _base_default() -> str:
    return os.environ.get("NEWSKG_BASE_IRI", "http://localhost:8000/")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:  # noqa: ARG001
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _base_iri(ctx: click.Context, param: click.Parameter, value: str) -> str:  # noqa: ARG001
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


def _open(store: str, *, read_only: bool = False):  # noqa: ANN202
    from kg.store import Store

    return Store(store, read_only=read_only)


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@click.option("--date", callback=_date, help="article date YYYY-MM-DD (overrides the metadata sidecar)")
@click.option("--base-iri", default=_base_default, callback=_base_iri, show_default="http://localhost:8000/",
              help="IRI under which resources are minted (or $NEWSKG_BASE_IRI)")
@click.option("--no-validate", is_flag=True, help="skip the SHACL check before storing")
@click.option("--online/--offline", default=None,
              help="also look actors the local knowledge base cannot link up on a Wikidata SPARQL endpoint, with an "
                   "on-disk cache (default: offline, or $NEWSKG_ONLINE=1)")
@click.option("--wikidata-endpoint", default=None,
              help="SPARQL endpoint for --online (default: $NEWSKG_WIKIDATA_ENDPOINT, or Wikidata's)")
@click.option("--online-timeout", type=click.FloatRange(0.1, 600), default=None,
              help="seconds to wait for each answer in --online mode (default: $NEWSKG_WIKIDATA_TIMEOUT, or 10)")
def build(articles: tuple[Path, ...], store: str, date: dt.date | None, base_iri: str, no_validate: bool,
          online: bool | None, wikidata_endpoint: str | None, online_timeout: float | None) -> None:
    """Ingest, extract, map, validate and store each ARTICLE in its own named graph (replacing an earlier build)."""
    from kg.build import build as run
    from kg.online import OnlineConfig

    online_config = OnlineConfig.from_env(enabled=online, endpoint=wikidata_endpoint, timeout=online_timeout)

    paths = list(articles)
    for p in paths:
        if p.is_dir():
            paths.remove(p)
            paths.extend(sorted(q for q in p.iterdir() if q.suffix == ".txt"))
    if not paths:
        raise ConfigError("no article files given (a folder holds no .txt file)")
    with _open(store) as s:
        def report(b) -> None:  # noqa: ANN001
            x = b.extraction
            click.echo(f"{b.article.id}: {len(x.statements)} statements, {len(x.events)} events, "
                       f"{len(x.actors)} actors, {b.triples} triples in {b.seconds:.2f}s -> <{b.graph}>")

        run(paths, s, base_iri=base_iri, date=date, validate=not no_validate, on_done=report, online=online_config)


@main.command()
@click.argument("query")
@click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              default="table", show_default=True)
def query(query: str, store: str, fmt: str) -> None:
    """Run QUERY (a .rq file or SPARQL text) over the store; the default graph is the union of all graphs."""
    from kg.output import print_result

    text = _query_text(query)
    with _open(store, read_only=True) as s:
        print_result(s.query(text), fmt, sys.stdout.buffer)


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
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdf"]), default="ttl",
              show_default=True, help="ttl/nt/rdf give the union of all graphs; nq/trig/jsonld keep the named graphs")
@click.option("--graph", help="dump only this named graph")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="file to write (default: standard output)")
def dump(store: str, fmt: str, graph: str | None, output: Path | None) -> None:
    """Write the graph (or one named graph) in an RDF format."""
    from kg.rdf import PREFIXES

    with _open(store, read_only=True) as s:
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
@click.option("--no-owl", is_flag=True, help="skip the OWL consistency check (HermiT, needs Java)")
def validate(store: str, no_owl: bool) -> None:
    """Check the stored graph against the SHACL shapes and the ontology for OWL consistency (exit 1 if not)."""
    from rdflib import Dataset, Graph

    from kg.validate import consistency, shacl

    with _open(store, read_only=True) as s:
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
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="seconds a query may run before it is stopped (503)")
@click.option("--base-iri", default=None, help="base IRI of the resources (default: as built)")
@click.option("--update-token", envvar="NEWSKG_UPDATE_TOKEN", default=None,
              help="enable SPARQL Update for requests with 'Authorization: Bearer TOKEN' ($NEWSKG_UPDATE_TOKEN)")
def serve(store: str, host: str, port: int, workers: int, timeout: float, base_iri: str | None,
          update_token: str | None) -> None:
    """Serve the store: SPARQL endpoint, Linked Data pages, downloads and a query page (gunicorn)."""
    from kg.serving import run

    run(store=store, host=host, port=port, workers=workers, timeout=timeout, base_iri=base_iri,
        update_token=update_token)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--markdown", is_flag=True, help="print a Markdown table (for the README)")
def eval_(gold_dir: Path, markdown: bool) -> None:
    """Score extraction against the gold annotations in GOLD_DIR (precision, recall, F1 per article and overall)."""
    from kg.scoring import run

    click.echo(run(gold_dir, markdown=markdown))


if __name__ == "__main__":
    main()
