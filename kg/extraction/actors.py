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
from kg.pipeline.ingest import slugify
from kg.model import Actor, Mention, Place, Span
from kg.pipeline.nlp import ParsedBlock, Parsed

# Dependencies under which a capital city acts (metonymy for its government) rather than locates.
_AGENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "poss", "agent", "conj", "appos"}
_LOCATIVE_PREPS = {"in", "at", "to", "from", "near", "into", "across", "around", "outside", "inside", "through"}
_ORG_LIKE = re.compile(r"\b(administration|government|ministry|department|office|council|commission|party|"
                       r"league|union|organi[sz]ation|community|agency|committee|court|army|forces|center|centre|"
                       r"institute|institution|foundation|bank|fund|group|times|news|press|network|association)\b",
                       re.IGNORECASE)
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


def country_key(name: str) -> str:
    return "country/" + slugify(name)


def _strip_ent(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = pb.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("’s", "'s", "’", "'")):
        end -= 1
    return doc[start:end]


def _is_role_word(t: Token) -> bool:
    low = t.lower_
    return low in ("former", "late") or low in lexicon.role_nouns() or low in lexicon.post_heads() or \
        low in lexicon.post_words() or low in lexicon.person_nouns()


def _without_title(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """A person's name without the description the recogniser ran into it ("Anthropologist Laura Bennett",
    "Former US Ambassador to the United Nations Nikki Haley"): the proper nouns after the last role word."""
    words = [t for t in ent if _is_role_word(t) and t.text not in lexicon.titles()]
    if not words:
        return ent
    start = words[-1].i + 1
    while start < ent.end and (pb.doc[start].pos_ != "PROPN" or pb.doc[start].lower_ in ("of", "the", "to")):
        start += 1
    # the name is the run of proper nouns that ends the entity, bound to its last word
    run = ent.end - 1
    while run - 1 >= start and pb.doc[run - 1].pos_ == "PROPN" and pb.doc[run - 1].dep_ in ("compound", "flat") \
            and pb.doc[run - 1].head.i >= run - 1:
        run -= 1
    return pb.doc[run : ent.end] if run < ent.end else ent


def _with_given_names(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """Extend a person name left over given names the recogniser left out ("Sadiq" + "Khan" → "Sadiq Khan"):
    capitalised proper nouns outside any other entity that are neither titles nor words of a post."""
    doc = pb.doc
    start = ent.start
    while start > 0 and start > ent.start - 2:
        t = doc[start - 1]
        if t.tag_ != "NNP" or not t.text[:1].isupper() or t.ent_type_ or t.text in lexicon.titles() or \
                t.lower_ in lexicon.post_words() or t.lower_ in lexicon.post_heads() or \
                t.lower_ in lexicon.role_nouns() or not t.is_alpha or gazetteer.city(t.text) or \
                gazetteer.country(t.text) or (start >= 2 and doc[start - 2].lower_ == "of"):
            break  # "Mayor of Springfield Rosa Diaz": the place of a title is no given name
        start -= 1
    return doc[start : ent.end] if start < ent.start else ent


def _with_honorific(pb: ParsedBlock, ent: SpacySpan) -> SpacySpan:
    """Extend a person name left over an honorific: "Mr." + "Lin" → "Mr. Lin"."""
    if ent.start > 0 and pb.doc[ent.start - 1].text in lexicon.titles():
        return pb.doc[ent.start - 1 : ent.end]
    return ent


def _inside_post_title(pb: ParsedBlock, ent: SpacySpan) -> bool:
    """"State" in "Secretary of State", "Foreign Affairs" in "Minister of Foreign Affairs": part of a post."""
    doc = pb.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        head = doc[ent.start - 2].lower_
        heads = lexicon.post_heads()
        if head in heads or any(h.split()[-1] == head for h in heads):
            return len(ent) <= 2
    return False


def _is_metonymic(pb: ParsedBlock, ent: SpacySpan) -> bool:
    """A place name used as an actor: "gave Paris a document", "Washington said"."""
    root = ent.root
    if root.dep_ in _AGENT_DEPS and root.dep_ != "conj":
        return True
    if root.dep_ == "pobj" and root.head.lower_ not in _LOCATIVE_PREPS:
        return root.head.lower_ in ("with", "by", "between", "against", "on")
    return False


def _person_key(label: str) -> str:
    return "person/" + slugify(label)


def collect_names(parsed: Parsed) -> ActorIndex:
    """Named actors and places from the entity recogniser, classified and clustered."""
    index = ActorIndex(parsed)
    article = parsed.article
    pending_persons: list[tuple[ParsedBlock, SpacySpan]] = []
    surnames = _person_surnames(parsed)

    for pb in parsed.blocks:
        for ent in pb.doc.ents:
            label = ent.label_
            ent = _strip_ent(pb, ent)
            if label == "PERSON":
                ent = _with_given_names(pb, _without_title(pb, ent))
            if len(ent) == 0 or not any(c.isalpha() for c in ent.text):
                continue
            text = ent.text
            span = parsed.span_of(pb, ent)
            if _NOT_ACTOR.match(text) or _inside_post_title(pb, ent) or EVENT_NAME.search(text):
                continue
            if text.lower() in lexicon.role_nouns():
                continue  # "the QB", "the three-time MVP": a role noun the recogniser took for a name
            if label in ("PERSON", "ORG") and len(ent) == 1 and text not in surnames:
                if gazetteer.city(text) and not gazetteer.country(text):
                    label = "GPE"  # "in Annapolis", "Tbilisi" tagged as a person
            if label == "ORG" and len(ent) == 1 and text in surnames:
                label = "PERSON"  # a surname tagged as an organisation
            if label in ("ORG", "GPE", "NORP") and text.split()[0] in lexicon.titles() and len(ent) > 1:
                label = "PERSON"  # "Ms Jones" tagged as an organisation
            if label == "ORG" and 2 <= len(ent) <= 3 and ent[0].lower_ in lexicon.given_names() and \
                    not _ORG_LIKE.search(text) and all(t.text[:1].isupper() for t in ent):
                label = "PERSON"  # "Sophie Marchand" tagged as an organisation: a given name and a surname
            if label == "PERSON" and text.replace(".", "").isupper() and len(text) > 1:
                label = "ORG"  # "PTC" tagged as a person: an acronym names an organisation
            nxt = pb.doc[ent.end] if ent.end < len(pb.doc) else None
            if label == "PERSON" and nxt is not None and nxt.lower_ in ("administration", "government", "cabinet"):
                _add_person_led_body(index, pb, ent, nxt)
                pending_persons.append((pb, ent))
            elif label == "PERSON":
                if gazetteer.country(text):
                    index.add_actor(country_key(gazetteer.country(text).name), text, "country", span)  # type: ignore[union-attr]
                elif _ORG_LIKE.search(text):
                    _add_org(index, pb, ent, span)
                else:
                    pending_persons.append((pb, ent))
            elif label == "ORG":
                c = gazetteer.country(text)
                if c is not None and len(ent) <= 2:
                    index.add_actor(country_key(c.name), c.name if text.isupper() else text, "country", span)
                else:
                    _add_org(index, pb, ent, span)
            elif label == "GPE":
                c = gazetteer.country(text)
                cap = gazetteer.capital_of(text)
                if c is not None and text in lexicon.territories() and not _is_metonymic(pb, ent):
                    index.add_place("place/" + slugify(text), text, span)  # "the ‘X card’", "from X to …"
                elif c is not None:
                    index.add_actor(country_key(c.name), _country_label(text, c.name), "country", span)
                elif cap is not None and _is_metonymic(pb, ent):
                    index.add_actor(country_key(cap.name), cap.name, "country", span, "metonymy")
                elif text.split()[0] in surnames:
                    pending_persons.append((pb, ent))  # "Hale’s pledges" tagged as a place
                else:
                    index.add_place("place/" + slugify(text), text, span)
            elif label in ("LOC", "FAC"):
                if not EVENT_NAME.search(text):
                    index.add_place("place/" + slugify(text), text, span)
            elif label == "NORP":
                _add_norp(index, pb, ent, span)

    _cluster_persons(index, pending_persons)
    _acronyms(index)
    _names_the_recogniser_missed(index)
    _ = article
    return index


def _names_the_recogniser_missed(index: ActorIndex) -> None:
    """A surname or an acronym already known in the article, where the entity recogniser missed it ("Keller: …",
    "PTC calls for …" in a headline, "Lopez added …")."""
    names: dict[str, tuple[str, str]] = {}
    sharing: dict[str, list[str]] = {}
    for actor in index.actors.values():
        if actor.kind == "person":
            words = actor.label.split()
            if len(words) >= 2:
                names.setdefault(words[-1], (actor.key, "surname"))
                sharing.setdefault(words[-1], []).append(actor.key)
            for m in actor.mentions:
                if m.kind in ("surname", "title") and " " not in m.span.text:
                    names.setdefault(m.span.text, (actor.key, "surname"))
        elif actor.kind in ("organization", "government"):
            for m in actor.mentions:
                t = m.span.text
                if t.replace(".", "").isupper() and 2 <= len(t) <= 8:
                    names.setdefault(t, (actor.key, "acronym"))
    parsed = index.parsed
    for pb in parsed.blocks:
        for tok in pb.doc:
            hit = names.get(tok.text)
            if hit is None or not tok.text[:1].isupper() or index.mention_of_token(pb, tok) is not None:
                continue
            if index.owner_at(pb.offset + tok.idx, pb.offset + tok.idx + len(tok.text)) is not None:
                continue
            key, kind = hit
            prev = pb.doc[tok.i - 1] if tok.i > 0 else None
            if kind == "surname" and prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and \
                    prev.text not in lexicon.titles() and prev.text not in index.actors[key].label.split():
                continue  # "Sadiq Khan" is not the "Usman Khan" met before: another first name, another person
            if len(sharing.get(tok.text, [])) > 1:
                key = pick_by_recency(index, sharing[tok.text], pb.offset + tok.idx)
                if key is None:
                    continue
            index.add_actor(key, index.actors[key].label, index.actors[key].kind, parsed.span_of(pb, tok), kind)


def _country_label(text: str, name: str) -> str:
    return name if text.replace(".", "").isupper() or len(text) <= 4 else text


def _person_surnames(parsed: Parsed) -> set[str]:
    """Every word of every multi-word person name, and names after an honorific ("Mr. Hale"), in the article: to
    catch "Hale’s pledges" tagged as a place or "Ortiz" as an organisation."""
    out: set[str] = set()
    for pb in parsed.blocks:
        for ent in pb.doc.ents:
            if ent.label_ == "PERSON" and (len(ent) >= 2 or (ent.start and pb.doc[ent.start - 1].text in lexicon.titles())):
                out.update(t.text for t in ent if t.text not in lexicon.titles())
    return out


def _add_org(index: ActorIndex, pb: ParsedBlock, ent: SpacySpan, span: Span) -> None:
    """An organisation; a state body (ministry, department, administration) is a government organisation."""
    text = ent.text
    words = text.split()
    head = words[-1].lower()
    kind = "government" if lexicon.org_heads().get(head) == "government" else "organization"
    key = "org/" + slugify(_org_core(text))
    index.add_actor(key, text, kind, span)


def _add_person_led_body(index: ActorIndex, pb: ParsedBlock, ent: SpacySpan, head: Token) -> None:
    """ "the Hale administration": a government organisation named after a person (who is mentioned too)."""
    body = pb.doc[ent.start : head.i + 1]
    label = f"{_bare(ent)} {head.lower_}"
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
    if root.pos_ in ("PROPN", "NOUN") and root.tag_ in ("NNPS", "NNS") and root.dep_ not in ("amod", "compound"):
        index.add_actor("group/" + slugify(ent.text), ent.text, "group", span, "group")


def _cluster_persons(index: ActorIndex, pending: list[tuple[ParsedBlock, SpacySpan]]) -> None:
    """Full names first; then surnames and "Mr. X" join the full name they match (last word, or first word for
    family-name-first names). When several people share the name (a father and son, a leader and an envoy), the
    one the discourse is about at that point takes it (:func:`pick_by_recency`); when that is undecidable the
    mention is left out rather than given to the wrong person."""
    parsed = index.parsed
    shared: dict[str, list[str]] = {}  # a word of a full name → the person keys with it first or last
    items = sorted(pending, key=lambda x: (-len(_bare(x[1])), x[0].offset + x[1].start_char))
    singles = []
    for pb, ent in items:
        bare = _bare(ent)
        if not bare:
            continue
        words = bare.split()
        shown = _with_honorific(pb, ent)
        span = parsed.span_of(pb, shown)
        if len(words) >= 2:
            key = _person_key(bare)
            for w in (words[-1], words[0]):
                if key not in shared.setdefault(w, []):
                    shared[w].append(key)
            index.add_actor(key, bare, "person", span, "name")
        else:
            singles.append((pb, ent, shown, span, words[-1]))
    for pb, ent, shown, span, surname in sorted(singles, key=lambda x: x[3].begin):
        kind = "title" if shown.start < ent.start else "surname"
        keys = shared.get(surname, [])
        key = pick_by_recency(index, keys, span.begin) if len(keys) > 1 else keys[0] if keys else None
        if key is None and keys:
            continue  # two people of that name equally in view: unresolved rather than wrong
        if key is None:
            key = _person_key(surname)
            shared[surname] = [key]
            kind = "name" if kind == "surname" else kind
        index.add_actor(key, surname, "person", span, kind)


def pick_by_recency(index: ActorIndex, keys: list[str], offset: int) -> str | None:
    """Of several people sharing a name, the one mentioned last before ``offset`` — unless another was mentioned in
    the same sentence (then None: the text does not say which)."""
    parsed = index.parsed
    last: list[tuple[int, str]] = []
    for key in keys:
        before = [m.span.begin for m in index.actors[key].mentions if m.span.begin < offset] if key in index.actors \
            else []
        if before:
            last.append((max(before), key))
    if not last:
        return None
    # the writer who names a second bearer in full keeps the bare surname for the one it already stood for
    # ("Usman Khan … Khan … Mayor Sadiq Khan (no relation) … Khan was shot")
    by_surname = [key for _, key in last if any(m.kind in ("surname", "title") and m.span.begin < offset
                                                 for m in index.actors[key].mentions)]
    if len(by_surname) == 1:
        return by_surname[0]
    last.sort(reverse=True)
    if len(last) > 1 and _sentence_no(parsed, last[0][0]) == _sentence_no(parsed, last[1][0]):
        return None
    return last[0][1]


def _sentence_no(parsed: Parsed, offset: int) -> int:
    starts = parsed.__dict__.setdefault("_sentence_starts", [pb.offset + s.start_char for pb, s in parsed.sentences])
    import bisect

    return bisect.bisect_right(starts, offset)


def _bare(ent: SpacySpan) -> str:
    words = [t.text for t in ent if t.text not in lexicon.titles() and t.text not in ("’s", "'s")]
    return " ".join(words).strip(" ,")


def _acronyms(index: ActorIndex) -> None:
    """ "Pacific Trade Council (PTC)" … "the PTC": one organisation."""
    orgs = [a for a in index.actors.values() if a.kind in ("organization", "government")]
    for short in orgs:
        if not short.label.replace(".", "").isupper() or " " in short.label:
            continue
        initials = short.label.replace(".", "")
        for long in orgs:
            if long is short:
                continue
            caps = "".join(w[0] for w in long.label.split() if w[0].isupper())
            if caps == initials:
                for m in short.mentions:
                    long.mentions.append(Mention(m.span, "acronym"))
                    index.mention_owner[(m.span.begin, m.span.end)] = long.key
                del index.actors[short.key]
                break
