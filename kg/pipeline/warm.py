"""Imported by the fork server of a parallel ``kg build`` (kg.pipeline.corpus): it loads, once, what every worker
needs before its first article — the spaCy model, the knowledge base, the gazetteer, the lexicons, the compiled
shapes and the ontology — by building a short invented article (nothing is written). Each worker is forked from
that process, so it starts with all of it and shares its memory, instead of loading its own copy (about a second
and a half of CPU per worker, measured) while the first articles wait.
"""

from __future__ import annotations

TEXT = """Ministers meet in a northern port

Ministers of several governments met in Oslo on Monday. "We are ready to talk," the foreign minister of Norway,
Kari Lund, told reporters. She said the talks would resume in Geneva next week.
"""


def warm() -> None:
    """Load everything a worker needs; a failure only means the workers load it themselves."""
    from pathlib import Path

    from kg import gazetteer
    from kg.pipeline import nlp
    from kg.pipeline.build import article_graphs
    from kg.pipeline.ingest import from_text
    from kg.pipeline.link import kb

    try:
        nlp.load()
        kb.default()
        gazetteer.city("Oslo"), gazetteer.country("Norway")  # the tables, which a short text may not consult
        article_graphs(Path("warm-up.txt"), from_text(TEXT, article_id="warm-up"), base_iri="http://localhost/")
    except Exception:  # noqa: BLE001 - the workers load what is missing as before, and report their own errors
        pass


warm()
