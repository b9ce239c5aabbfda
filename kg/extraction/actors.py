"""Actors and places: named entities, classified and clustered, one actor per real-world agent per article.

Names come from spaCy's entity recogniser, corrected where it is known to slip (a post's "State" is not an
organisation, a capital used as a subject is its government). Mentions of the same actor are clustered: a surname or
"Mr. Lin" joins the full name, "the U.S." joins "United States", an acronym joins the name it abbreviates. Pronouns,
role nouns ("his U.S. counterpart", "the Secretary of State") and unnamed groups are resolved in
:mod:`kg.extraction.coref`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan, Token

from kg import gazetteer, lexicon
from kg.extraction.acronyms import join_acronyms
from kg.extraction.datelines import after_dash
from kg.extraction.entity_spans import (inside_post_title, is_metonymic, speaking_person, strip_ent,
                                        titled_person, to_head)
from kg.extraction.known_kinds import (acting_region, coordinated_organisations, described_names, descriptor_of,
                                      joined_names, reports_a_clause)
from kg.extraction.missed_names import CORPORATE, described_people, known_names, speaking_names, titled_names
from kg.extraction.persons import (
    ORG_LIKE,
    bare_name,
    club_words,
    cluster_persons,
    correct_label,
    names_the_recogniser_missed,
    one_word_organisations,
    person_surnames,
    product_name,
    split_title_org_name,
    split_told_name,
    with_given_names,
    without_title,
    work_titles,
)
from kg.extraction.steps import Step, Work
from kg.pipeline.ingest import slugify
from kg.model import Actor, Mention, Place, Span
from kg.pipeline.nlp import ParsedBlock, Parsed

_NOT_ACTOR = re.compile(r"^(covid|sars|ebola|h1n1|hiv|aids)\b", re.IGNORECASE)
# Names of events, which the entity recogniser often tags as organisations or facilities.
EVENT_NAME = re.compile(r"\b(Conference|Summit|Olympics?|Games|Cup|War|Elections?|Forum|Talks|Championships?|"
                        r"Festival|Expo|Crisis|Revolution|Uprising)$")


@dataclass
class ActorIndex:
    """The actors and places of one article, and where each is mentioned."""

    parsed: Parsed
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    mention_owner: dict[tuple[int, int], str] = field(default_factory=dict)  # (begin, end) → actor/place key
    _cover: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # char offset → mentions over it

    # --- lookups -------------------------------------------------------------------------------------------------
    def owner_at(self, begin: int, end: int) -> str | None:
        """The actor or place whose mention overlaps [begin, end) the most."""
        best, best_len = None, 0
        seen: set[tuple[int, int]] = set()
        for off in range(begin, end):
            for b, e in self._cover.get(off, ()):
                if (b, e) in seen or (b, e) not in self.mention_owner:
                    continue
                seen.add((b, e))
                ov = min(e, end) - max(b, begin)
                if ov > best_len:
                    best, best_len = self.mention_owner[(b, e)], ov
        return best

    def mention_of_token(self, pb: ParsedBlock, tok: Token) -> tuple[str, Span] | None:
        """The actor mention that covers ``tok``'s first character, if any (the first one made, if several)."""
        b = self.parsed.tok_begin(pb, tok)
        for mb, me in self._cover.get(b, ()):
            key = self.mention_owner.get((mb, me))
            if key is not None and key in self.actors:
                return key, self.parsed.article.span(mb, me)
        return None

    def is_actor(self, key: str | None) -> bool:
        return key is not None and key in self.actors

    # --- building ------------------------------------------------------------------------------------------------
    def add_actor(self, key: str, label: str, kind: str, span: Span, mention_kind: str = "name") -> str:
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(key=key, label=label, kind=kind)  # type: ignore[arg-type]
        elif len(label) > len(actor.label) and mention_kind == "name" and kind == actor.kind:
            actor.label = label
        self._add_mention(actor.mentions, key, span, mention_kind)
        return key

    def merge_into(self, key: str, into: str, mention_kind: str | None = None) -> None:
        """Every mention of actor ``key`` becomes one of actor ``into`` (of ``mention_kind``, or of its own kind), and
        ``key`` is dropped: one actor the recogniser saw as two ("PTC" of "Pacific Trade Council")."""
        target = self.actors[into]
        for m in self.actors.pop(key).mentions:
            target.mentions.append(Mention(m.span, mention_kind or m.kind))
            self.mention_owner[(m.span.begin, m.span.end)] = into

    def add_place(self, key: str, label: str, span: Span) -> str:
        place = self.places.setdefault(key, Place(key=key, label=label))
        self._add_mention(place.mentions, key, span, "name")
        return key

    def _add_mention(self, mentions: list[Mention], key: str, span: Span, kind: str) -> None:
        if (span.begin, span.end) in self.mention_owner:
            return
        mentions.append(Mention(span, kind))
        self.mention_owner[(span.begin, span.end)] = key
        for off in range(span.begin, span.end):
            self._cover.setdefault(off, []).append((span.begin, span.end))


_SCORE = re.compile(r"^\d+[-–]\d+$")


def country_key(name: str) -> str:
    return "country/" + slugify(name)


def collect_names(parsed: Parsed) -> ActorIndex:
    """Named actors and places from the entity recogniser, classified and clustered."""
    index = ActorIndex(parsed)
    article = parsed.article
    pending_persons: list[tuple[ParsedBlock, SpacySpan]] = []
    names = [(pb, joined_names(pb.doc)) for pb in parsed.blocks]  # read once: the surnames need them too
    organisations, titles, clubs = one_word_organisations(names), work_titles(names), club_words(names)
    surnames = person_surnames(names, organisations)
    # the companies of the article by their first word ("Texas" of "Texas Instruments", "Harlow" of "Harlow Motors")
    # (a person's tag on such a name is the recogniser's slip: "Rook Games" is no person)
    companies = {e[0].text: e.text for _, ents in names for e in ents if e.label_ in ("ORG", "PERSON") and len(e) >= 2
                 and all(t.lower_.strip(".,") in CORPORATE for t in e[1:])}
    variants: dict[str, str] = {}  # a variant spelling of a surname → the surname (kg.extraction.persons)
    surnames |= _corrected_surnames(parsed, surnames)

    for pb, ents in names:
        for ent in ents:
            label = ent.label_
            ent = strip_ent(pb, ent)
            if (ent := after_dash(pb, ent)) is None:
                continue
            if label in ("ORG", "PERSON") and (told := split_told_name(pb, ent, surnames)) is not None:
                _add_org(index, pb, told[0], parsed.span_of(pb, told[0]))  # "told Radio Nord Omar Haddad had …"
                pending_persons.append((pb, told[1]))
                continue
            if ent.text.rstrip(".") == "al" and ent.start >= 2 and pb.doc[ent.start - 1].lower_ == "et":
                first = ent.start - 2  # "Stamenkovic et al's research": the authors, not a body called "al"
                while first > 0 and pb.doc[first - 1].pos_ == "PROPN" and pb.doc[first - 1].text[:1].isupper():
                    first -= 1
                authors = pb.doc[first : ent.end]
                index.add_actor("group/" + slugify(authors.text), authors.text, "group",
                                parsed.span_of(pb, authors), "group")
                continue
            if pb.block.kind == "headline" and len(ent) == 1 and (ent.text.lower() in lexicon.org_descriptors() or
                                                                  ent.text.lower() in lexicon.org_heads()):
                continue  # "Automaker recalls …", "Union vows …": headlinese's bare noun describes, names nothing
            if label == "ORG" and len(ent) >= 3 and ent[0].lower_ in lexicon.role_nouns() and \
                    all(t.pos_ == "PROPN" for t in ent[1:]):
                label = "PERSON"  # "CFO Dana Whitfield": a corporate title the recogniser ran into a name
            elif label == "ORG" and titled_person(ent):
                label = "PERSON"  # "Presidential Spokesperson Dana Roe": a post's title run into a name
            elif label == "PERSON" and (product_name(ent, organisations) or ent.text in clubs):
                label = "ORG"  # "Acmesoft Messenger" after "Acmesoft said": the company's product; "Rovers": the club
            if label == "PERSON" and ent.text in titles:
                continue  # "the drama Wasp" … "Wasp tells the story of …": a work's title, nobody
            if label == "PERSON":
                while len(ent) > 1 and (ent[-1].like_num or ent[-1].text in ("-", "–") or _SCORE.match(ent[-1].text)):
                    ent = ent[:-1]  # "beat Chen Lu 6-4, 3-6": the score the recogniser ran into the name
                ent = with_given_names(pb, without_title(pb, to_head(pb, ent)))
            if len(ent) == 0 or not any(c.isalpha() for c in ent.text):
                continue
            text = ent.text
            span = parsed.span_of(pb, ent)
            if _NOT_ACTOR.match(text) or inside_post_title(pb, ent) or EVENT_NAME.search(text):
                continue
            if label == "PERSON" and _photo_credit(article.text, span):
                continue  # "Ines Varga / Harbour Gazette via Getty Images", "REUTERS/Sam Ortiz": a credit line
            if text.lower() in lexicon.role_nouns():
                continue  # "the QB", "the three-time MVP": a role noun the recogniser took for a name
            if label in ("ORG", "PERSON") and (parts := split_title_org_name(pb, ent)) is not None:
                if (c := gazetteer.country(parts[0].text)) is not None:  # "President of Freedonia Jane Doe said"
                    index.add_actor(country_key(c.name), c.name, "country", parsed.span_of(pb, parts[0]))
                else:
                    _add_org(index, pb, parts[0], parsed.span_of(pb, parts[0]))  # "director of X Jane Doe said"
                pending_persons.append((pb, parts[1]))
                continue
            label = correct_label(pb, ent, label, surnames, variants)
            nxt = pb.doc[ent.end] if ent.end < len(pb.doc) else None
            if label == "PERSON" and nxt is not None and nxt.lower_ in ("administration", "government", "cabinet"):
                _add_person_led_body(index, pb, ent, nxt)
                pending_persons.append((pb, ent))
            elif label == "PERSON":
                if gazetteer.country(text):
                    index.add_actor(country_key(gazetteer.country(text).name), text, "country", span)  # type: ignore[union-attr]
                elif ORG_LIKE.search(text) or companies.get(ent[0].text) == text:
                    _add_org(index, pb, ent, span)
                elif (company := companies.get(text)) is not None and len(ent) == 1:
                    # "Rook said" after "Rook Games": the company by its first word, not a person
                    index.add_actor("org/" + slugify(_org_core(company)), company, "organization", span)
                else:
                    pending_persons.append((pb, ent))
            elif label == "ORG":
                c = gazetteer.country(text)
                if c is not None and len(ent) <= 2:
                    index.add_actor(country_key(c.name), c.name if text.isupper() else text, "country", span)
                elif parts := coordinated_organisations(ent):
                    for part in parts:  # "Airbus and Boeing": two organisations the recogniser ran together
                        _add_org(index, pb, part, parsed.span_of(pb, part))
                else:
                    _add_org(index, pb, ent, span)
            elif label == "GPE":
                c = gazetteer.country(text)
                cap = gazetteer.capital_of(text)
                if c is not None and text in lexicon.territories() and not is_metonymic(pb, ent):
                    index.add_place("place/" + slugify(text), text, span)  # "the ‘X card’", "from X to …"
                elif c is not None:
                    index.add_actor(country_key(c.name), _country_label(text, c.name), "country", span)
                elif cap is not None and is_metonymic(pb, ent):
                    index.add_actor(country_key(cap.name), cap.name, "country", span, "metonymy")
                elif text.split()[0] in surnames:
                    pending_persons.append((pb, ent))  # "Hale’s pledges" tagged as a place
                elif speaking_person(ent):
                    pending_persons.append((pb, ent))  # "…, Tomas Kral said" tagged as a place
                elif (company := companies.get(text)) is not None:
                    # "Texas, which makes chips, said" after "Texas Instruments": the company by its first word
                    index.add_actor("org/" + slugify(_org_core(company)), company, "organization", span)
                elif acting_region(pb, ent):
                    index.add_actor("org/" + slugify(text), text, "government", span)  # "Ohio ordered …"
                elif gazetteer.city(text) and cap is None and reports_a_clause(ent):
                    # "Prices rose, Harlow said": a town does not report; the bank, club or firm named after it does
                    index.add_actor("org/" + slugify(text), text, "organization", span)
                else:
                    index.add_place("place/" + slugify(text), text, span)
            elif label in ("LOC", "FAC"):
                if speaking_person(ent):
                    pending_persons.append((pb, ent))
                elif not EVENT_NAME.search(text):
                    index.add_place("place/" + slugify(text), text, span)
            elif label == "NORP":
                _add_norp(index, pb, ent, span)

    cluster_persons(index, pending_persons, variants)
    join_acronyms(index)
    names_the_recogniser_missed(index)
    described_people(index)  # before known_names: "Edu said" after "midfielder Edu" is that person
    known_names(index)
    speaking_names(index)
    titled_names(index)
    described_names(index)
    _ = article
    return index


def _corrected_surnames(parsed: Parsed, surnames: set[str]) -> set[str]:
    """The words of the full names the recogniser tagged as an organisation that are a person's ("Tamás Kovácsy,
    the government commissioner"): so that his surname alone, tagged as a place ("Kovácsy said …"), is him too."""
    out: set[str] = set()
    for pb in parsed.blocks:
        for ent in pb.doc.ents:
            if ent.label_ == "ORG" and len(ent := strip_ent(pb, ent)) >= 2 and \
                    correct_label(pb, ent, "ORG", surnames, {}) == "PERSON":
                out.update(t.text for t in ent if t.text not in lexicon.titles())
    return out


def _photo_credit(text: str, span: Span) -> bool:
    """A name joined by a slash to an agency or a photographer's name: the credit of a picture, not an actor."""
    after = text[span.end : span.end + 3].lstrip(" ")
    before = text[max(0, span.begin - 2) : span.begin].rstrip(" ")
    return "/" in span.text or after.startswith("/") or before.endswith("/")


def _country_label(text: str, name: str) -> str:
    return name if text.replace(".", "").isupper() or len(text) <= 4 else text


def _add_org(index: ActorIndex, pb: ParsedBlock, ent: SpacySpan, span: Span) -> None:
    """An organisation; a state body (ministry, department, administration) is a government organisation."""
    text = ent.text
    words = text.split()
    head = words[-1].lower()
    kind = "government" if lexicon.org_heads().get(head) == "government" else "organization"
    key = "org/" + slugify(_org_core(text))
    index.add_actor(key, text, kind, span)
    if index.actors[key].described_as is None:  # "state news agency X": what the text calls it, for the linker
        index.actors[key].described_as = descriptor_of(pb.doc, ent.start, ent.end)


def _add_person_led_body(index: ActorIndex, pb: ParsedBlock, ent: SpacySpan, head: Token) -> None:
    """ "the Hale administration": a government organisation named after a person (who is mentioned too)."""
    body = pb.doc[ent.start : head.i + 1]
    label = f"{bare_name(ent)} {head.lower_}"
    index.add_actor("org/" + slugify(label), label, "government", index.parsed.span_of(pb, body))


def _org_core(text: str) -> str:
    """The part of an organisation's name that identifies it: "U.S. State Department" → "State Department"."""
    words = text.split()
    while len(words) > 1 and (gazetteer.country(words[0]) or words[0].lower() == "the"):
        words = words[1:]
    return " ".join(words)


def _add_norp(index: ActorIndex, pb: ParsedBlock, ent: SpacySpan, span: Span) -> None:
    """A nationality used as a noun ("the Palestinians", "Israelis") is a group; as an adjective it is not a mention."""
    root = ent.root
    if len(ent) >= 2 and gazetteer.city(ent[:-1].text) and ent[-1].text not in lexicon.demonyms() and \
            ent[-1].text[:1].isupper():
        _add_org(index, pb, ent, span)  # "the Denver Foxes": a city's team, tagged as a nationality
        return
    if root.pos_ in ("PROPN", "NOUN") and root.tag_ in ("NNPS", "NNS") and root.dep_ not in ("amod", "compound"):
        index.add_actor("group/" + slugify(ent.text), ent.text, "group", span, "group")


def _names(work: Work) -> None:
    work.put(names=collect_names(work.parsed))


NAMES = Step("names", ("parsed",), ("names",), _names,
             "named actors and places from the entity recogniser (and the names it missed), classified and clustered")
