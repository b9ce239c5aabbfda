"""Scoring extraction against the gold annotations (``kg eval``; the gold format: tests/gold/README.md).

:mod:`kg.eval.align` aligns a system's actors, statements and events with the gold, :mod:`kg.eval.evaluate`
counts and scores, :mod:`kg.eval.tables` prints, :mod:`kg.eval.scoring` runs the extraction over a gold folder.
"""

from kg.eval.align import align_actors, b_cubed, match_events, match_statements
from kg.eval.evaluate import SCOPED, annotated_only, figures, group_results, score_article, score_corpus
from kg.eval.tables import format_linking, format_markdown, format_table

__all__ = ["SCOPED", "align_actors", "annotated_only", "b_cubed", "figures", "format_linking", "format_markdown",
           "format_table", "group_results", "match_events", "match_statements", "score_article", "score_corpus"]
