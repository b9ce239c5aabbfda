"""The extraction's result: the intermediate model (:class:`kg.model.Extraction`) made of what the steps found."""

from __future__ import annotations

from kg.extraction.steps import Step, Work
from kg.model import Extraction


def _extraction(work: Work) -> None:
    index = work.names
    work.put(extraction=Extraction(
        actors=sorted(index.actors.values(), key=lambda a: a.key),
        places=sorted(index.places.values(), key=lambda p: p.key),
        holdings=work.holdings,
        documents=work.documents.items,
        statements=work.statements,
        times=work.times,
        events=work.events,
    ))


EXTRACTION = Step("extraction", ("names", "holdings", "documents", "statements", "first_person", "reported_in",
                                 "times", "events", "event_relations", "statement_events"), ("extraction",),
                  _extraction, "the actors, places, holdings, documents, statements, times and events, as one result")
