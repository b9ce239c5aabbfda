"""``kg remove``: remove articles, their graphs and what they added to the shared descriptions (kg.store.shared)."""

from __future__ import annotations

from pathlib import Path

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option
from kg.errors import ConfigError


@click.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
@remote_options
def remove(articles: tuple[str, ...], store: str, **remote: str | None) -> None:
    """Remove ARTICLES (ids, or the article files they were built from) with their provenance and enrichment
    graphs and what they added to the shared descriptions, in one transaction."""
    from kg import search
    from kg.pipeline.ingest import slugify
    from kg.store import layout, shared

    ids = [slugify(Path(a).stem) if a.endswith((".txt", ".text")) or Path(a).is_file() else a for a in articles]
    with options.open_store(store, remote=options.remote(**remote)) as s:
        base = layout.stored_base(s)
        graphs = set(s.graphs())
        for aid in ids:
            if base is None or layout.article_graph(base, aid) not in graphs:
                raise ConfigError(f"no article {aid!r} in {store}")
        ids = list(dict.fromkeys(ids))
        dropped = shared.remove_articles(s, base, ids)  # type: ignore[arg-type]
        options.reindex(store, s, lambda path, st: search.after_remove(path, st, ids))
    for aid in ids:
        n = sum(1 for g in dropped if g.rsplit("/", 1)[1] == aid)
        click.echo(f"removed {aid} ({n} graphs)")
