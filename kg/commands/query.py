"""``kg query``: run a SPARQL query over the store; the embedded engine runs on a guarded thread whose
connections reach only the federation allow-list (kg.sparql.federation, kg.sparql.netguard), as in the server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.commands import options
from kg.commands.options import remote_options, store_option
from kg.errors import ConfigError


@click.command()
@click.argument("query")
@store_option
@remote_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              default="table", show_default=True)
def query(query: str, store: str, fmt: str, **remote: str | None) -> None:
    """Run QUERY (a .rq file or SPARQL text) over the store; the default graph is the union of all graphs."""
    from kg.output import print_result
    from kg.sparql.text import check_limits
    from kg.store import is_remote

    text = query_text(query)
    check_limits(text)

    def run() -> bool:
        with options.open_store(store, read_only=True, remote=options.remote(**remote)) as s:
            result = s.query(text)
            print_result(result, fmt, sys.stdout.buffer)
        return bool(getattr(result, "capped", False))

    # a remote engine runs SERVICE itself; the embedded one runs here, guarded
    capped = run() if is_remote(store) else guarded(text, run, options.settings().federation_allow)
    if capped:
        click.echo("kg: warning: the engine cut the result at a row limit of its own", err=True)


def guarded(text: str, run, allow_setting: str | None):  # noqa: ANN001, ANN201
    """``run()`` on the engine's thread: a large stack, and connections only to the endpoints of
    ``$NEWSKG_FEDERATION_ALLOW`` (by default Wikidata's and DBpedia's), as for the server."""
    import faulthandler
    import logging

    from kg.errors import QueryError
    from kg.sparql import netguard
    from kg.sparql.federation import check_services, parse_allow
    from kg.sparql.text import ENGINE_STACK

    allow = parse_allow(allow_setting)
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


def query_text(arg: str) -> str:
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
