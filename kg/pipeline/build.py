"""``kg build``: ingest → extract → link → map → validate → store, one article graph at a time.

Every input is read and checked before anything is written; each article's graph, its provenance graph and its
enrichment graph (what the knowledge base adds about the linked entities, kg.pipeline.link.enrich) are then replaced in one
transaction, with the shared descriptions of the resources it mentions (kg.store.shared), so a failure (or a kill) never
leaves a half-written article behind.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.version import __version__
from kg.errors import ValidationFailed
from kg.pipeline.ingest import ingest
from kg.model import Article, Extraction
from kg.store import Store

if TYPE_CHECKING:
    from kg.pipeline.link.online import OnlineConfig


@dataclass
class Built:
    article: Article
    extraction: Extraction
    graph: str
    triples: int
    seconds: float


def now() -> dt.datetime:
    """The build time; ``SOURCE_DATE_EPOCH`` fixes it, for byte-identical rebuilds (reproducible-builds.org)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def build(paths: list[Path], store: Store, *, base_iri: str, date: dt.date | None = None,
          validate: bool = True, on_done: Callable[[Built], None] | None = None,
          online: OnlineConfig | None = None) -> list[Built]:
    """Build each article into its own named graph of ``store`` (replacing an earlier build of it), one after the
    other in this process (``kg build`` over many articles uses :func:`kg.pipeline.corpus.build_corpus`).

    ``online`` (enabled) also looks actors the knowledge base cannot link up on a Wikidata endpoint (kg.pipeline.link.online).

    :raises InputError: if any input cannot be read (then nothing is written).
    :raises ValidationFailed: if an article graph breaks the shapes (it is not stored; earlier ones are).
    """
    articles = [(p, ingest(p, date=date)) for p in paths]  # all inputs checked before the first write
    done: list[Built] = []
    client = _wikidata_client(online)  # one per build: it remembers an endpoint that failed
    for path, article in articles:
        graphs, built = article_graphs(path, article, base_iri=base_iri, validate=validate, client=client)
        write(store, base_iri, article.id, graphs, first=not done)
        done.append(built)
        if on_done:
            on_done(built)
    store.flush()
    return done


def write(store: Store, base_iri: str, article_id: str, graphs: dict[str, str], *, first: bool = False) -> None:
    """Store one built article in one transaction (kg.store.shared); the first of a build also (re)writes the store-wide
    graphs: the ontology and the dataset record."""
    from kg.store import shared

    extra = store_graphs(base_iri) if first else None
    shared.write_articles(store, base_iri, {article_id: graphs}, extra=extra)


def store_graphs(base_iri: str) -> dict[str, str]:
    """The store-wide graphs a build writes: the ontology (with the event types) and the dataset record."""
    from kg.store import layout

    return {layout.ontology_graph(base_iri): _ontology_nt(), layout.dataset_graph(base_iri):
            layout.dataset_record(base_iri)}


def article_graphs(path: Path, article: Article, *, base_iri: str, validate: bool = True,
                   client=None) -> tuple[dict[str, str], Built]:  # noqa: ANN001
    """Everything one article adds to the store — its graph, its provenance graph and its enrichment graph (what
    the knowledge base adds about the linked entities) — as N-Triples text per graph, to be written in one
    transaction, and what was found.

    :raises ValidationFailed: if the article graph breaks the shapes.
    """
    from kg.pipeline import nlp
    from kg.pipeline.link.enrich import enrichment_graph_iri, enrichment_triples
    from kg.extraction import extract
    from kg.pipeline.link.linking import link
    from kg.pipeline.rdf.ntriples import lines, serialize
    from kg.pipeline.rdf.mapping import Iris, provenance_triples, to_triples
    from kg.pipeline.validate import check

    t0 = time.perf_counter()
    started = now()
    found = link(extract(article), online=client is not None, wikidata=client, date=article.meta.date,
                 text=article.text)
    graph = to_triples(article, found, base_iri=base_iri)
    if validate:
        report = check(graph)
        if not report.conforms:
            raise ValidationFailed(f"{path}: the article graph breaks the shapes, not stored:\n{report}")
    iris = Iris(base_iri, article.id)
    tool = f"newskg {__version__}; spaCy model {nlp.model_version()}"
    prov = provenance_triples(article, base_iri=base_iri, started=started, ended=now(), tool_version=tool,
                              source_name=path.name)
    enriched = enrichment_triples(article.id, found, base_iri=base_iri)
    graphs = {str(iris.graph): lines(graph), str(iris.provenance_graph): serialize(prov),
              enrichment_graph_iri(base_iri, article.id): serialize(enriched)}
    return graphs, Built(article, found, str(iris.graph), len(graph), time.perf_counter() - t0)


def _wikidata_client(online: OnlineConfig | None):  # noqa: ANN202
    """The client for online linking, or None when it is off (then nothing in the build touches the network)."""
    if online is None or not online.enabled:
        return None
    from kg.pipeline.link import kb
    from kg.pipeline.link.online import WikidataClient

    return WikidataClient(online, kb.default())


def ontology_graph_iri(base_iri: str) -> str:
    from kg.store import layout

    return layout.ontology_graph(base_iri)


def _ontology_nt() -> str:
    """The ontology and the event types, stored in a graph of their own so that queries and pages can read term
    labels and the notations of controlled values (quote types, modalities, CAMEO codes). Read by the engine's
    parser: the writer of a parallel build needs no rdflib graph of them (nor the validation modules)."""
    import pyoxigraph as ox

    from kg import vocab

    return "".join(ox.serialize(ox.parse(path=str(vocab.path(name)), format=ox.RdfFormat.TURTLE),
                                format=ox.RdfFormat.N_TRIPLES).decode("utf-8") for name in vocab.ONTOLOGY_FILES)
