"""``kg build``: ingest, extract, link, map, validate and store articles (kg.pipeline.corpus does the work)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option


@click.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@remote_options
@click.option("--date", callback=options.date,
              help="article date YYYY-MM-DD (overrides the metadata sidecar and the folder's index.tsv)")
@click.option("--base-iri", default=None, callback=options.base_iri, show_default="the store's; for a new store "
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
    from kg import search
    from kg.pipeline.corpus import build_corpus, collect
    from kg.pipeline.link.online import OnlineConfig
    from kg.progress import Progress
    from kg.store.layout import resolve_base

    online_config = OnlineConfig.from_env(enabled=online, endpoint=wikidata_endpoint, timeout=online_timeout)
    paths = collect(articles)
    given = options.base_given(base_iri)
    bar = Progress(len(paths), enabled=sys.stderr.isatty() if progress is None else progress)
    built: list[str] = []
    with options.open_store(store, remote=options.remote(**remote)) as s:
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
                options.reindex(store, s, lambda path, st: search.after_build(path, st, built))
    click.echo(f"kg: {summary.line(store)}", err=True)
    if summary.failed:
        sys.exit(1)
