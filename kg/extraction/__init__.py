"""Extraction: from a parsed article to the intermediate model (:class:`kg.model.Extraction`).

Extraction is a sequence of declared steps (:mod:`kg.extraction.steps`), registered in order in
:mod:`kg.extraction.registry`; each reads what earlier steps added and adds its own part. docs/extraction.md lists
them.
"""

from __future__ import annotations

from kg.model import Article, Extraction
from kg.pipeline.nlp import Parsed, parse


def extract(article: Article | Parsed) -> Extraction:
    """Actors, places, posts, documents, statements, events and time expressions of one article.

    Every span in the result re-reads its own text: ``article.text[s.begin:s.end] == s.text``.
    """
    from kg.extraction import steps
    from kg.extraction.registry import STEPS

    parsed = article if isinstance(article, Parsed) else parse(article)
    return steps.run(STEPS, steps.Work(parsed)).extraction
