"""What the knowledge base says a name is, where the entity recogniser's type is known to slip.

- A shop chain, a broadcaster or an international body tagged as a place ("a UN panel"), a person (a grocer
  "said") or a nationality (a chain "lowered its limits") is an organisation when the knowledge base knows the
  name only as an organisation's and the article gives no person that name (a surname of a full name in it).
- A state, province or county that acts ("Ohio ordered evacuations", "Utah became the first state …", "Kent's
  chief constable") is an actor, its government, not a place; where it only locates ("in Ohio", "the storm hit
  Ohio") it stays a place.
- A noun that describes an organisation beside a name ("news agency Nordwire", "supermarket Greenbasket",
  "Lantern magazine": :func:`descriptor_of`) makes the name an organisation's, tagged or not, and is kept for the linker
  (a news agency's record agrees with "press agency", a shop chain's with "supermarket").
- Two organisations joined by "and" that the recogniser tagged as one ("Airbus and Boeing") are two, when
  each is an organisation's very name and the whole is none ("Marks and Spencer" stays one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span as SpacySpan

from kg import gazetteer, lexicon
from kg.pipeline.ingest import slugify
from kg.pipeline.nlp import ParsedBlock

if TYPE_CHECKING:
    from kg.extraction.actors import ActorIndex

_ORG_TYPES = {"organization", "government"}
# nouns a region's possessive may stand before when the region is the body that acts through them
_BODY_NOUNS = {"governor", "government", "legislature", "parliament", "assembly", "senate", "police", "premier",
               "administration", "authorities", "officials", "council", "leaders", "constable", "mayor",
               "lawmakers", "legislators", "attorney", "secretary", "health", "department"}


def _strong(name: str) -> list:  # noqa: ANN401 - knowledge-base entities
    from kg.pipeline.link import kb

    return [e for e, w in kb.default().named_weighted(name) if w >= 0.9]


def organisation_only(name: str, surnames: set[str] = frozenset(), short: bool = False) -> bool:  # type: ignore[assignment]
    """Whether ``name`` is known to the knowledge base only as an organisation's name (and it is no place the
    gazetteer knows, no surname of the article, no well-known person's surname); ``short``: a short name a record
    gives too ("Labour" of the Labour Party) counts."""
    # (the gazetteer's small towns are not asked: "UN" is not the town of Un; the knowledge base's cities are)
    if name in surnames or gazetteer.country(name) or name.lower() in lexicon.demonyms():
        return False
    from kg.pipeline.link import kb

    found = kb.default().named_weighted(name)
    if not found or any(e.type not in _ORG_TYPES for e, _ in found):
        return False
    letters = name.replace(".", "")
    acronym = letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6
    # the organisation's own name, or an acronym one of its aliases is; not a word or an abbreviation that a
    # record lists among its aliases ("Centre" for a college, "Colo." for a university)
    if not any(w >= 1.0 or ((acronym or short) and w >= 0.9) for _, w in found):
        return False
    if " " not in name and any((e.prior or 0.0) >= 0.8 for e in kb.default().with_surname(name)):
        return False  # "Ford": a well-known person's surname too
    return True


def acting_region(pb: ParsedBlock, ent: SpacySpan) -> bool:
    """A first-level region (a state, a province, a county) the knowledge base knows, standing as the subject of
    a verb or as the possessor of a body or an official ("Ohio ordered", "Ontario's premier")."""
    text = ent.text
    if gazetteer.country(text):
        return False
    places = [e for e in _strong(text) if e.type == "place"]
    if not any(e.category == "subdivision" for e in places) or any(e.category != "subdivision" for e in places):
        return False  # a city of that name too ("New York"): a place or (a capital) its country
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return root.head.lower_ not in ("is", "was", "lies", "borders", "sits")  # "Ohio is a state": a place
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in _BODY_NOUNS
    return False


def reports_a_clause(ent: SpacySpan) -> bool:
    """The subject of a reporting verb with a clause of its own ("X said prices rose") or after the clause it
    reports ("Prices rose, X said")."""
    verb = ent.root.head
    if ent.root.dep_ != "nsubj" or verb.lemma_.lower() not in lexicon.reporting_verbs():
        return False
    return any(c.dep_ == "ccomp" for c in verb.children) or verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i


def coordinated_organisations(ent: SpacySpan) -> list[SpacySpan]:
    """The organisations of "A and B" tagged as one name, when the knowledge base knows A and B by their very names
    (labels) and not the whole; [] otherwise."""
    cuts = [t.i for t in ent if t.lower_ in ("and", "&") and t.i > ent.start and t.i < ent.end - 1]
    if len(cuts) != 1:
        return []
    doc = ent.doc
    parts = [doc[ent.start:cuts[0]], doc[cuts[0] + 1:ent.end]]
    from kg.pipeline.link import kb

    if kb.default().named(ent.text):
        return []

    def known(part: SpacySpan) -> bool:
        return part.text[:1].isupper() and any(
            e.type in _ORG_TYPES and w >= 1.0 for e, w in kb.default().named_weighted(part.text))

    return parts if all(known(p) for p in parts) else []


_JOINS = (("and",), ("and", "the"), ("&",), ("of",), ("of", "the"), ("for",), ("for", "the"))


def joined_names(doc: Doc) -> list[SpacySpan]:
    """The recogniser's entities, with an organisation and the name after its "and", "of" or "for" made one where the
    knowledge base knows the whole as an organisation's name ("Islamic State of Iraq" + "the Levant", "National
    Institute of Allergy" + "Infectious Diseases" untagged); the longest such whole."""
    ents, out, i = list(doc.ents), [], 0
    while i < len(ents):
        e = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and _placed_name(e, nxt):
            out.append(SpacySpan(doc, e.start, nxt.end, label="PERSON"))  # "Valeska Paris": not two places
            i += 2
            continue
        end = _joined_end(doc, e, nxt) if e.label_ == "ORG" else None
        if end is not None:
            out.append(SpacySpan(doc, e.start, end, label="ORG"))
            i += 1
            while i < len(ents) and ents[i].start < end:
                i += 1  # the entity now inside the whole
            continue
        out.append(e)
        i += 1
    return out


def _placed_name(e: SpacySpan, nxt: SpacySpan) -> bool:
    """Two one-word places side by side, the first no place anyone knows and the second a city or a country
    ("Valeska Paris", "Ione Jordan"): a person whose family name is a place's."""
    return e.label_ == "GPE" and nxt.label_ == "GPE" and len(e) == 1 and len(nxt) == 1 and nxt.start == e.end and \
        e.text.isalpha() and e.text[:1].isupper() and not gazetteer.country(e.text) and not gazetteer.city(e.text) and \
        bool(gazetteer.city(nxt.text) or gazetteer.country(nxt.text))


def _joined_end(doc: Doc, e: SpacySpan, nxt: SpacySpan | None) -> int | None:
    """Where the organisation ``e`` ends if it goes on over a joining word and a capitalised name, else None."""
    for join in sorted(_JOINS, key=len, reverse=True):
        if tuple(t.lower_ for t in doc[e.end:e.end + len(join)]) != join:
            continue
        start = e.end + len(join)
        stop = start
        while stop < len(doc) and stop - start < 5 and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
            stop += 1
        if nxt is not None and nxt.start == start:
            stop = max(stop, nxt.end)
        for end in range(stop, start, -1):
            if _organisation_name(doc[e.start:end].text):
                return end
        return None
    return None


def _organisation_name(text: str) -> bool:
    """Whether the knowledge base knows ``text`` as an organisation's name (or, after a country's name, as the name
    of that country's organisation: "United States National Institute of …")."""
    from kg.pipeline.link import kb
    from kg.pipeline.link.names import without_country

    if any(x.type in _ORG_TYPES and w >= 0.9 for x, w in kb.default().named_weighted(text)):
        return True
    split = without_country(text)
    return split is not None and any(x.type in _ORG_TYPES and w >= 0.9 and x.country == split[0]
                                     for x, w in kb.default().named_weighted(split[1]))


def descriptor_of(doc: Doc, start: int, end: int, after: bool = True) -> str | None:
    """The noun that describes the organisation named by ``doc[start:end]``: just before the name ("news agency
    Nordwire", "magazine The Lantern") or, with ``after``, just after it ("Lantern magazine"); None if there is none."""
    known = lexicon.org_descriptors()
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in known and (doc[i].text.islower() or doc[i].is_sent_start):
        return doc[i].lower_
    if after and end < len(doc) and doc[end].lower_ in known and doc[end].text.islower():
        return doc[end].lower_
    return None


def described_names(index: ActorIndex) -> None:
    """Untagged names right after a noun that describes an organisation ("told news agency Nordwire")."""
    parsed = index.parsed
    known = lexicon.org_descriptors()
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):
        doc = pb.doc
        for tok in toks:
            if tok.lower_ not in known or not tok.text.islower() or tok.i + 1 >= len(doc):
                continue
            start = tok.i + 1
            first = start + 1 if doc[start].text == "The" else start
            end = first
            while end < len(doc) and end - first < 5 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and doc[end].ent_type_ in ("", "ORG") and doc[end].text not in lexicon.titles():
                end += 1
            if end == first or doc[first].lower_ in lexicon.given_names() or any(
                    index.owner_at(pb.offset + t.idx, pb.offset + t.idx + len(t.text)) is not None
                    for t in doc[first:end]):
                continue  # nothing named, a person's name, or a name already made
            name = doc[start:end]  # with a capitalised "The" that opens the name ("magazine The Lantern")
            if gazetteer.country(name.text) or gazetteer.city(name.text):
                continue
            key = index.add_actor("org/" + slugify(name.text), name.text, "organization", parsed.span_of(pb, name))
            index.actors[key].described_as = tok.lower_
