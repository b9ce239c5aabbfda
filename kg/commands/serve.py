"""``kg serve``: the SPARQL endpoint, Linked Data pages, downloads and the reading room.

The server is a package of its own (server/), which kg/ never imports: its gunicorn set-up (``server.serve.run``) is
found through the ``newskg.server`` entry point that the project's installation registers.
"""

from __future__ import annotations

import click

from kg.commands import options
from kg.errors import ConfigError
from kg.commands.options import remote_options, store_option


@click.command()
@store_option
@remote_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="seconds a query may run before it is stopped (503)")
@click.option("--base-iri", default=None, callback=options.base_iri,
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
    run = _server_run()
    memory = None if in_memory is None else ("memory" if in_memory else "disk")
    run(store=store, host=host, port=port, workers=workers, timeout=timeout, base_iri=base_iri,
        update_token=update_token, remote=options.remote(**remote), memory=memory, cache_mb=cache_mb)


def _server_run():  # noqa: ANN202
    """``server.serve.run``, by the ``newskg.server`` entry point.

    :raises ConfigError: when the project is not installed (no entry point): ``pip install -e .`` registers it.
    """
    from importlib.metadata import entry_points

    found = list(entry_points(group="newskg.server", name="serve"))
    if not found:
        raise ConfigError("the server is not installed (no newskg.server entry point): run `make install` or "
                          "`pip install -e .` in the project")
    return found[0].load()
