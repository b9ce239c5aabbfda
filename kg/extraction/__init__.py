"""Extraction: from a parsed article to the intermediate model (:class:`kg.model.Extraction`)."""

from __future__ import annotations

import datetime as dt

from kg.extraction import coref as corefs
from kg.extraction.actors import collect_names
from kg.extraction.claims import link_same_claims
from kg.extraction.confidence import score as score_confidence
from kg.extraction.documents import find_documents
from kg.extraction.event_relations import link_statements
from kg.extraction.events import find_events
from kg.extraction.pronouns import first_person
from kg.extraction.tense import future_at
from kg.extraction.time import find_times
from kg.extraction.quotes import british_style, quotes_in_blocks
from kg.extraction.statements import StatementFinder
from kg.model import Article, Extraction
from kg.pipeline.nlp import Parsed, parse


def extract(article: Article | Parsed) -> Extraction:
    """Actors, places, posts, documents, statements, events and time expressions of one article.

    Every span in the result re-reads its own text: ``article.text[s.begin:s.end] == s.text``.
    """
    parsed = article if isinstance(article, Parsed) else parse(article)
    art = parsed.article
    body = "\n".join(pb.block.span.text for pb in parsed.blocks if pb.block.kind == "paragraph")
    british = british_style(body)  # single quotes as the quotation marks
    quotes = quotes_in_blocks(art.text, [(pb.block.span.begin, pb.block.span.end,
                                          british or pb.block.kind in ("headline", "standfirst"))
                                         for pb in parsed.blocks])
    index = collect_names(parsed)
    coref = corefs.build(index, sorted((s.begin, s.end) for q in quotes for s in q.spans))
    documents = find_documents(coref)
    statements = StatementFinder(parsed, coref, quotes, documents, single_marks=british).run()
    first_person(coref, statements)
    for st in statements:  # what an intermediary relays comes through the document it issued, if named
        if st.reported_in is None:
            source = st.reported_by or (st.speaker if st.speaker and index.actors[st.speaker].kind != "person" else None)
            st.reported_in = documents.by_publisher(source) if source else None
    times = find_times(art, [(pb.block.span.begin, pb.block.span.end) for pb in parsed.blocks],
                       lambda off: future_at(parsed, off), coref.in_quote)
    events = find_events(coref, times, statements)
    link_statements(events, statements)
    found = Extraction(
        actors=sorted(index.actors.values(), key=lambda a: a.key),
        places=sorted(index.places.values(), key=lambda p: p.key),
        holdings=coref.holdings,
        documents=documents.items,
        statements=statements,
        times=times,
        events=events,
    )
    link_same_claims(parsed, found)
    score_confidence(statements, index.actors)
    if art.meta.date is None:  # an undated article was written no earlier than the latest full date it names
        days = [t.value for t in times if t.value and len(t.value) == 10 and t.anchor is None]
        found.not_before = dt.date.fromisoformat(max(days)) if days else None
    return found
