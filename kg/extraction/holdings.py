"""Position holdings: the posts people hold in the article ("Freedonia's Foreign Minister Lin Wei", "Jane Roe,
director general of the Port Authority"), found once the discourse's actors are known: a post's owner is resolved
through :mod:`kg.extraction.coref`, whose role nouns in turn read posts (:mod:`kg.extraction.posts`) — so this step
lives apart from both.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction import posts
from kg.extraction.coref import Coref
from kg.extraction.steps import Step, Work
from kg.model import PositionHolding, Span
from kg.pipeline.nlp import ParsedBlock


def holdings(coref: Coref) -> None:
    index = coref.index
    parsed = index.parsed
    date = parsed.article.meta.date
    seen: set[tuple[str, str]] = set()
    for actor in list(index.actors.values()):
        if actor.kind != "person":
            continue
        for m in list(actor.mentions):
            hit = parsed.token_at(m.span.begin)
            if hit is None:
                continue
            pb, tok = hit
            found = posts.post_before(pb, tok.i if tok.text not in lexicon.titles() else tok.i)
            if found is None:
                _appositive_post(coref, actor, pb, tok, m.span, date, seen)
                continue
            start, toks = found
            if any(t.lower_ == "former" for t in toks):
                continue
            if toks[-1].lower_ == "counterpart":
                owner = posts.owner_before(coref, pb, start + len(toks) - 1) or posts.owner_before(coref, pb, start)
                if owner and index.actors[owner].kind == "country":
                    actor.country = owner
                continue
            owner = posts.owner_before(coref, pb, start)
            if owner is None:
                continue
            surface_start = start
            if start > 0 and pb.doc[start - 1].text in ("’s", "'s"):
                surface_start = start - 2
            elif start > 0 and pb.doc[start - 1].lower_ != "whose":
                surface_start = start - 1
            surface = parsed.span_of(pb, pb.doc[surface_start : start + len(toks)])
            label = posts.post_label(toks)
            if (actor.key, label) in seen:
                continue
            seen.add((actor.key, label))
            coref.holdings.append(PositionHolding(actor.key, label, owner, surface, date))
            if index.actors[owner].kind == "country" and actor.country is None:
                actor.country = owner


def _appositive_post(coref: Coref, actor, pb: ParsedBlock, tok: Token, span: Span, date, seen: set) -> None:  # noqa: ANN001
    """ "Jane Roe, director general of the Port Authority, said …": a post in an apposition."""
    index = coref.index
    parsed = index.parsed
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    for ap in head.children:
        if ap.dep_ != "appos" or ap.pos_ not in ("NOUN", "PROPN"):
            continue
        a, _ = corefs.np_bounds(ap)
        title_toks = [t for t in pb.doc[a : ap.i + 1] if t.lower_ not in ("a", "an", "the")]
        label = posts.post_label(title_toks)
        if not title_toks or not any(label.lower().endswith(h) for h in lexicon.post_heads()) or \
                any(t.lower_ == "former" for t in title_toks):
            continue
        owner = None
        for prep in ap.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for", "to"):
                for pobj in prep.children:
                    hit = corefs.resolve(coref, pb, pobj, create=False)
                    if hit and index.actors.get(hit[0]) and index.actors[hit[0]].kind != "person":
                        owner = hit[0]
        if owner is None:
            continue
        if (actor.key, label) in seen:
            continue
        seen.add((actor.key, label))
        end = max(t.i for t in ap.subtree)
        surface = parsed.span_of(pb, pb.doc[a : end + 1])
        coref.holdings.append(PositionHolding(actor.key, label, owner, surface, date))
        if actor.country is None and index.actors[owner].kind == "country":
            actor.country = owner


def _holdings(work: Work) -> None:
    holdings(work.coref)
    work.put(holdings=work.coref.holdings)


HOLDINGS = Step("holdings", ("coref",), ("holdings",), _holdings,
                "posts people hold (\"Foreign Minister X\", \"X, the minister of …\"), as position holdings")
