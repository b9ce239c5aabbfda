"""What several commands share: the store options, the settings read once per command (kg.config), opening the
store, and keeping the search index in step with a committed change."""

from __future__ import annotations

import datetime as dt

import click

from kg.config import Settings
from kg.errors import ConfigError

STORE_HELP = "store directory, or the http(s) URL of a SPARQL endpoint (default: var/store, or $NEWSKG_STORE)"


def settings() -> Settings:
    """The command's settings: the defaults and the NEWSKG_* variables, read once when the command starts."""
    ctx = click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings.from_env()
    return root.obj


def _store_default() -> str:
    return Settings.from_env().store


def store_option(f):  # noqa: ANN001, ANN201
    return click.option("--store", default=_store_default, show_default="var/store", help=STORE_HELP)(f)


def base_given(value: str | None) -> str | None:
    """The base IRI asked for: ``--base-iri``, else ``$NEWSKG_BASE_IRI``, else None (the store's own, or the
    default for a new store: kg.store.layout)."""
    value = value or settings().base_iri
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"base IRI {value!r} is not an http(s) IRI")
    return value if value.endswith("/") else value + "/"


def date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:  # noqa: ARG001
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def base_iri(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:  # noqa: ARG001
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"{value!r} is not an http(s) IRI")
    return value if value.endswith("/") else value + "/"


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


def remote(update_url: str | None = None, gsp_url: str | None = None, store_user: str | None = None,
           store_auth: str | None = None, store_engine: str | None = None) -> dict:
    """The remote options given on the command line (None: not given, the settings decide)."""
    return {"update_url": update_url, "gsp_url": gsp_url, "user": store_user, "auth": store_auth,
            "engine": store_engine}


def open_store(store: str, *, read_only: bool = False, remote: dict | None = None):  # noqa: ANN201
    from kg.store import open_store as _open

    return _open(store, read_only=read_only, remote=remote)


def reindex(store: str, s, update) -> None:  # noqa: ANN001
    """Keep the search index beside the store in step with a committed change; a failure there is a warning (the
    graph is written; ``kg index`` or the next ``kg serve`` rebuilds the index)."""
    from kg import search

    try:
        update(search.index_path(store), s)
    except Exception as e:  # noqa: BLE001 - derived data: never fail a committed build because of it
        click.echo(f"kg: warning: the search index was not updated ({e}); run `kg index --store {store}`", err=True)
