"""Posts people hold: "Freedonia’s Foreign Minister Lin Wei", "Freedonian President Zhou Ming", "Sylvania, whose
President Ivan Kovalenko", "Jane Roe, director general of the Port Authority" give a
:class:`~kg.model.PositionHolding` valid at the article date ("former" posts are not current and are skipped); and
"the U.S. Secretary of State" stands for the person holding that post, or the person of that country met before.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.extraction.phrase_words import demonym_token
from kg.extraction.actors import country_key
from kg.extraction.discourse import described_before
from kg.model import PositionHolding
from kg.pipeline.nlp import ParsedBlock

if TYPE_CHECKING:
    from kg.extraction.coref import Coref

# Posts with one holder per country, so that "the U.S. Secretary of State" or "the Chinese president" can only be
# the person of that country met before; for other roles (spokesman, official) the description is somebody new.
_HEAD_TITLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
                "foreign minister", "secretary of state", "foreign secretary", "secretary", "minister",
                "counterpart", "leader", "head of state", "vice president", "defence minister",
                "defense minister", "defense secretary", "defence secretary"}


@cache
def _head_words() -> frozenset[str]:
    """Every word of every post head ("prime", "minister", "secretary", "state" …)."""
    return frozenset(w for h in lexicon.post_heads() for w in h.split())


def post_before(pb: ParsedBlock, first: int) -> tuple[int, list[Token]] | None:
    """Tokens of a post title that ends right before token index ``first``, and where it starts."""
    doc = pb.doc
    heads = lexicon.post_heads()
    words = lexicon.post_words()
    j = first - 1
    toks: list[Token] = []
    while j >= 0:
        t = doc[j]
        low = t.lower_
        if low in words or low in heads or low in _head_words():
            toks.insert(0, t)
        elif low == "of" and toks and j > 0 and (doc[j - 1].lower_ in heads or doc[j - 1].lower_ in words):
            toks.insert(0, t)  # "Secretary of State", "Minister of Foreign Affairs"
        elif t.text == "-" and toks:
            toks.insert(0, t)
        else:
            break
        j -= 1
    if not toks:
        return None
    title = " ".join(t.lower_ for t in toks).replace(" - ", "-")
    if not any(title == h or title.endswith(" " + h) or title.endswith(h) for h in heads):
        return None
    return j + 1, toks


def owner_before(coref: Coref, pb: ParsedBlock, start: int) -> str | None:
    """The country or organisation a post belongs to, from what precedes it: "China’s", "Chinese", "U.S.",
    "UN", or "whose" (the noun the relative clause hangs on)."""
    doc = pb.doc
    index = coref.index
    j = start - 1
    if j < 0:
        return None
    t = doc[j]
    if t.text in ("’s", "'s") and j > 0:
        hit = index.mention_of_token(pb, doc[j - 1])
        return hit[0] if hit else None
    if t.lower_ == "whose":
        head = t.head
        while head.dep_ not in ("relcl",) and head.head.i != head.i:
            head = head.head
        noun = head.head if head.dep_ == "relcl" else None
        hit = index.mention_of_token(pb, noun) if noun is not None else None
        return hit[0] if hit else None
    hit = index.mention_of_token(pb, t)
    if hit and index.actors[hit[0]].kind in ("country", "organization", "government"):
        return hit[0]
    c = gazetteer.country(t.text) if t.text[:1].isupper() and demonym_token(pb, t) else None
    if c is not None:
        key = country_key(c.name)
        if key not in index.actors:
            index.actors.setdefault(key, new_country(c.name))
        return key
    return None


def new_country(name: str):  # noqa: ANN202 - tiny factory
    from kg.model import Actor

    return Actor(key=country_key(name), label=name, kind="country")


def post_label(toks: list[Token]) -> str:
    words = [t.text for t in toks if t.lower_ not in ("former", "acting")]
    out = " ".join(w if w.lower() == "of" else w[:1].upper() + w[1:] for w in words)
    return out.replace(" - ", "-")


def person_by_role(coref: Coref, pb: ParsedBlock, tok: Token, start: int, country: str | None) -> str | None:
    """ "The U.S. Secretary of State" → the person holding that post, or the last person of that country."""
    index = coref.index
    parsed = index.parsed
    found = post_before(pb, tok.i + 1)
    of = list(pb.doc[tok.i + 1 : tok.i + 1 + of_len(pb, tok)])  # "Secretary" + "of State"
    title = post_label((found[1] if found else [tok]) + of)
    off = parsed.tok_begin(pb, tok)
    body = _body_of(index, pb, tok)
    for h in coref.holdings:
        if h.post.lower() == title.lower() and (country is None or h.organization == country) and \
                (body is None or h.organization == body) and \
                (h.surface.begin < off or not described_before(parsed, tok.lower_, off)):
            # ("a spokesman for Y" is not X, "spokesman for Z"; nor is "the spokesman" right after it)
            return h.holder
    best: tuple[int, str] | None = None
    if title.lower() not in _HEAD_TITLES:
        return None  # "the Defence Ministry spokesman" is somebody else than the country's president
    for actor in index.actors.values():
        if actor.kind != "person" or (country and actor.country != country) or not country:
            continue
        before = [m.span.begin for m in actor.mentions if m.span.begin < off]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), actor.key)
    if best is not None:
        found_span = parsed.span_of(pb, pb.doc[start : tok.i + 1 + of_len(pb, tok)])
        coref.holdings.append(PositionHolding(best[1], title, country, found_span, parsed.article.meta.date))
        return best[1]
    return None


def _body_of(index, pb: ParsedBlock, tok: Token) -> str | None:  # noqa: ANN001 - an ActorIndex
    """The body a post's phrase names after it ("the spokesman for the Home Office"): its actor key, or None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at") and c.i > tok.i:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            hit = index.mention_of_token(pb, obj) if obj is not None else None
            if hit is not None and index.actors[hit[0]].kind in ("organization", "government", "country"):
                return hit[0]
    return None


def of_len(pb: ParsedBlock, tok: Token) -> int:
    """Tokens of an "of X" complement right after a post head ("Secretary" + "of State")."""
    n = 0
    if tok.i + 2 < len(pb.doc) and pb.doc[tok.i + 1].lower_ == "of" and pb.doc[tok.i + 2].text[:1].isupper():
        n = 2
    return n
