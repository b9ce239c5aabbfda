"""``kg index``: rebuild the search index from the store (kg.search)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option


@click.command()
@store_option
@remote_options
@click.option("--index", "index_file", type=click.Path(path_type=Path), default=None,
              help="the index file (default: beside the store, or $NEWSKG_SEARCH_INDEX)")
def index(store: str, index_file: Path | None, **remote: str | None) -> None:
    """Rebuild the search index (headlines, quotes, actors and their aliases, events) from the store."""
    from kg import search

    with options.open_store(store, read_only=True, remote=options.remote(**remote)) as s:
        path = search.index_path(store, index_file)
        n = search.rebuild(path, s)
    click.echo(f"indexed {n:,} things of {store} into {path}")
