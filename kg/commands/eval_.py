"""``kg eval``: score extraction against gold annotations (kg.eval)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--markdown", is_flag=True, help="print a Markdown table (for the README)")
@click.option("--split", type=click.Choice(["dev", "test"]), default=None,
              help="score only the gold files of this part of the evaluation corpus")
@click.option("--by", "by", type=click.Choice(["article", "desk", "split"]), default="article",
              help="one row per article (default), per desk or per split")
def eval_(gold_dir: Path, markdown: bool, split: str | None, by: str) -> None:
    """Score extraction against the gold annotations in GOLD_DIR (precision, recall, F1 per article and overall)."""
    from kg.eval.scoring import run

    click.echo(run(gold_dir, markdown=markdown, split=split, by=by))
