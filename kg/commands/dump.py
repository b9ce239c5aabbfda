"""``kg dump``: write the graph, or one named graph, in an RDF format."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option


@click.command()
@store_option
@remote_options
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "rdf"]), default="ttl",
              show_default=True, help="ttl/nt/rdf give the union of all graphs; nq/trig/jsonld keep the named graphs")
@click.option("--graph", help="dump only this named graph")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="file to write (default: standard output)")
def dump(store: str, fmt: str, graph: str | None, output: Path | None, **remote: str | None) -> None:
    """Write the graph (or one named graph) in an RDF format."""
    from kg.pipeline.rdf.mapping import PREFIXES

    with options.open_store(store, read_only=True, remote=options.remote(**remote)) as s:
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        if output is None:
            sys.stdout.buffer.write(s.dump(fmt, graph=graph, prefixes=prefixes) or b"")
        else:
            tmp = output.with_name(output.name + ".part")
            with open(tmp, "wb") as f:
                s.dump(fmt, graph=graph, output=f, prefixes=prefixes)
            tmp.replace(output)
