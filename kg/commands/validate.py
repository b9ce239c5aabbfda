"""``kg validate``: the stored graph against the SHACL shapes and, with the ontology, for OWL consistency."""

from __future__ import annotations

import sys

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option


@click.command()
@store_option
@remote_options
@click.option("--no-owl", is_flag=True, help="skip the OWL consistency check (HermiT, needs Java)")
def validate(store: str, no_owl: bool, **remote: str | None) -> None:
    """Check the stored graph against the SHACL shapes and the ontology for OWL consistency (exit 1 if not)."""
    from rdflib import Dataset, Graph

    from kg.pipeline.validate import consistency, shacl

    with options.open_store(store, read_only=True, remote=options.remote(**remote)) as s:
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
