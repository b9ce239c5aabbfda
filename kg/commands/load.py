"""``kg load``: bulk-load RDF files into the store in one transaction (kg.store.loading)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@remote_options
@click.option("--graph", help="named graph for the triples (and the default-graph quads) of the files")
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdf"]), default=None,
              help="the files' format (default: from each name: .ttl .nt .nq .trig .jsonld .rdf, maybe + .gz)")
@click.option("--bulk", is_flag=True, help="embedded store only: pyoxigraph's bulk loader, fast and flat in memory, "
                                         "but not one transaction (a failure can leave part of the load)")
@click.option("--base-iri", default=None, callback=options.base_iri,
              help="the store's base IRI, recorded at its first load when the files carry no dataset record "
                   "(or $NEWSKG_BASE_IRI); must agree with the store's and the files'")
def load(files: tuple[Path, ...], store: str, graph: str | None, fmt: str | None, bulk: bool,
         base_iri: str | None, **remote: str | None) -> None:
    """Bulk-load RDF FILES into the store, all in one transaction: a failed load changes nothing."""
    from kg.store.loading import load as run

    with options.open_store(store, remote=options.remote(**remote)) as s:
        done = run(list(files), s, graph=graph, fmt=fmt, bulk=bulk, base_iri=options.base_given(base_iri),
                   where=store)
    click.echo(f"loaded {done.quads:,} quads from {done.files} file{'s' if done.files != 1 else ''} into {store} "
               f"in {done.seconds:.1f} s")
