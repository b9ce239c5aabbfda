"""The ``kg`` command: builds the command group from :mod:`kg.commands` (one module per command) and turns domain
errors into one line and an exit code.

Exit codes: 0 success; 1 the data does not conform (``kg validate``, a build that breaks the shapes); 2 bad input,
options or store (the message names what is wrong).
"""

from __future__ import annotations

import sys

import click

from kg.commands import COMMANDS
from kg.errors import NewsKGError
from kg.version import __version__


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


for _command in COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
