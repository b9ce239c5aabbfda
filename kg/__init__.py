"""newskg: news articles to a knowledge graph of who said what to whom, reported by whom, in which event, when.

The pipeline, one function per stage::

    article = ingest("data/articles/wang-yi-blinken-call.txt")   # text, blocks, metadata
    found = extract(article)                                     # actors, statements, events, times
    link(found)                                                  # Wikidata/DBpedia/GeoNames from the local KB
    graph = to_rdf(article, found, base_iri="http://localhost:8000/")
    with Store("var/store") as store: ...                        # the only door to the stored graph
"""

from __future__ import annotations

from kg.errors import NewsKGError
from kg.pipeline.ingest import ingest
from kg.store import Store
from kg.version import __version__


def extract(article):  # noqa: ANN001, ANN201 - imported lazily: spaCy is slow to import
    """See :func:`kg.extraction.extract`."""
    from kg.extraction import extract as _extract

    return _extract(article)


def link(extraction, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """See :func:`kg.pipeline.link.linking.link`."""
    from kg.pipeline.link.linking import link as _link

    return _link(extraction, **kwargs)


def to_rdf(article, extraction, *, base_iri: str = "http://localhost:8000/"):  # noqa: ANN001, ANN201
    """See :func:`kg.pipeline.rdf.mapping.to_rdf`."""
    from kg.pipeline.rdf.mapping import to_rdf as _to_rdf

    return _to_rdf(article, extraction, base_iri=base_iri)


__all__ = ["NewsKGError", "Store", "__version__", "extract", "ingest", "link", "to_rdf"]
