"""Who a pronoun, a role noun or a description refers to: the discourse of one article (:class:`Coref`).

- Pronouns: :mod:`kg.extraction.pronouns`; posts people hold: :mod:`kg.extraction.posts`.
- Descriptions: "his U.S. counterpart Mark Ellis" (apposition), "The U.S. Secretary of State" (the person of that
  post or country met before), "some Chinese experts" (a group), "an advisor to the Palestinian team" (an unnamed
  person) — created on demand by :func:`resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.extraction import posts
from kg.extraction.actors import ActorIndex, country_key
from kg.extraction.bodies import (FIRM_NOUNS, GENERIC_BODIES, MEDIA, first_named_after, last_medium, last_named,
                                 last_source, named_body, speaking_plural, story_subject)
from kg.extraction.datelines import set_apart
from kg.extraction.nationals import city_club, national_person
from kg.extraction.phrase_words import demonym_token, speaks_for_another
from kg.extraction.phrase_words import phrase_label as _label
from kg.extraction.steps import Step, Work
from kg.pipeline.ingest import slugify
from kg.model import PositionHolding, Span
from kg.pipeline.nlp import ParsedBlock

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"its", "itself"}


@dataclass
class Coref:
    """Resolutions made over one article: pronoun → actor, and people's genders and countries as learned."""

    index: ActorIndex
    pronouns: dict[int, str] = field(default_factory=dict)  # article offset of the pronoun → actor key
    gender: dict[str, str] = field(default_factory=dict)
    holdings: list[PositionHolding] = field(default_factory=list)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    history: list = field(default_factory=list)  # mention_roles.Seen, in text order: the persons and bodies narrated so far
    roles: object = None  # kg.extraction.discourse.Roles
    contested: set[int] = field(default_factory=set)  # offsets of speaking pronouns with a close second antecedent

    def in_quote(self, offset: int) -> bool:
        import bisect

        spans = self.quote_spans
        i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]


def np_bounds(tok: Token) -> tuple[int, int]:
    """Token index range [start, end) of the noun phrase headed by ``tok``: its left modifiers, the head, and an
    "of" complement ("Secretary of State", "the security of others")."""
    start = end = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "predet", "case", "advmod"):
            start = min(start, child.left_edge.i)
    # a noun phrase never runs back over a colon or a dash set apart: "Exclusive: minister …" is a desk label and
    # "minister", "BERLIN - Chemists say" a dateline and "Chemists"
    start = next((t.i + 1 for t in reversed(tok.doc[start : tok.i]) if t.text in (":", "|") or set_apart(t)), start)
    for child in tok.rights:
        if child.dep_ in ("compound", "flat"):
            end = max(end, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "to", "at", "for", "from") and child.i == end + 1:
            # (not a relative clause on the phrase's last noun: "a spokesperson for X, who asked not to be named")
            clauses = {t.i for r in child.subtree if r.dep_ in ("relcl", "acl") for t in r.subtree}
            inner = [t.i for t in child.subtree if t.i not in clauses and not t.is_punct]
            end = max(end, max(inner))
        elif child.dep_ == "case":
            end = max(end, child.i)
    return start, end + 1


def _coref(work: Work) -> None:
    work.put(coref=Coref(work.names, quote_spans=sorted((s.begin, s.end) for q in work.quotes for s in q.spans)))


def _roles_met(work: Work) -> None:
    work.put(role_mentions=_role_mentions(work.coref))


COREF = Step("coref", ("names", "quotes"), ("coref",), _coref,
             "the coreference workspace: actor mentions, quotation spans, mention resolution")
ROLE_MENTIONS = Step("role mentions", ("coref", "holdings", "roles"), ("role_mentions",), _roles_met,
                     "definite role nouns for a person met before (\"the president\")")


def _role_mentions(coref: Coref) -> int:
    """Definite role nouns standing for a person met before: "The U.S. Secretary of State", "the president" (how
    many were resolved)."""
    found = 0
    index = coref.index
    parsed = index.parsed
    for (pb, sent), toks in zip(parsed.sentences, parsed.sentence_tokens):
        for tok in toks:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
                continue
            if tok.lemma_.lower() not in lexicon.post_heads() or coref.in_quote(pb.offset + tok.idx):
                continue
            if index.mention_of_token(pb, tok) is not None:
                continue
            if any(c.dep_ in ("appos", "compound", "flat") and (hit := index.mention_of_token(pb, c)) and
                   index.actors[hit[0]].kind == "person" for c in tok.children):
                continue
            nxt = pb.doc[tok.i + 1] if tok.i + 1 < len(pb.doc) else None
            if nxt is not None and (index.mention_of_token(pb, nxt) or nxt.text in lexicon.titles()):
                continue  # a title before a name: "Foreign Minister Lin Wei"
            start, _ = np_bounds(tok)
            if pb.doc[start].lower_ not in ("the", "his", "her", "its", "their") and pb.doc[start].dep_ != "poss":
                continue
            resolve(coref, pb, tok, create=False)
            found += 1
    return found


# --- posts ------------------------------------------------------------------------------------------------------

# The nouns for a newspaper or a broadcaster that "the NOUN" uses for the one named last ("the newspaper claimed").
_NEWS_MEDIA = {"newspaper", "paper", "tabloid", "daily", "broadsheet", "magazine", "weekly", "broadcaster",
               "channel", "network"}


def resolve(coref: Coref, pb: ParsedBlock, tok: Token, *, create: bool = True) -> tuple[str, Span] | None:
    """The actor the noun phrase headed by ``tok`` refers to, creating an unnamed person or group if need be."""
    index = coref.index
    parsed = index.parsed
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    off = parsed.tok_begin(pb, tok)
    if off in coref.pronouns:
        return coref.pronouns[off], parsed.span_of(pb, tok)
    # "The Secretary of State, Ana Ruiz, said", "The mayor of Lisbon, Ana Ruiz, said": the person the apposition names
    # (on the title or on its "of" complement), before any post the title itself stands for
    if (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in lexicon.post_heads()) and not coref.in_quote(off):
        ofs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for holder in (tok, *ofs):
            for child in holder.children:
                if child.dep_ != "appos" or child.i < tok.i or pb.doc[child.left_edge.i - 1].text != ",":
                    continue
                named = index.mention_of_token(pb, child)
                run = pb.doc[child.left_edge.i : child.i + 1]
                if named is None and create and child.pos_ == "PROPN" and 2 <= len(run) <= 3 and \
                        run[0].lower_ in lexicon.given_names() and all(t.pos_ == "PROPN" for t in run):
                    span = parsed.span_of(pb, run)  # a name the recogniser missed: a given name opens it
                    named = index.add_actor("person/" + slugify(run.text), run.text, "person", span, "name"), span
                if named is not None and index.actors[named[0]].kind == "person":
                    return named
    if (person := national_person(coref, pb, tok, off)) is not None:
        return person
    hit = index.mention_of_token(pb, tok)
    if hit is not None:
        return hit
    for child in tok.children:  # "his U.S. counterpart Mark Ellis", "Foreign Minister Lin Wei"
        if child.dep_ == "appos":
            hit = index.mention_of_token(pb, child)
            if hit is not None:
                return hit
    from kg.extraction.discourse import bind_role, quantity_group, role_noun
    from kg.extraction.epithets import bind_epithet

    another = False  # the phrase names somebody else ("the mother of X"): not the person in focus either
    # "Former Dutch envoy to Chile Marijke Stroom posted": a title whose phrase ends with the name
    if tok.pos_ in ("NOUN", "PROPN") and tok.right_edge.i > tok.i and not coref.in_quote(off):
        last = tok.right_edge
        named = index.mention_of_token(pb, last) if last.pos_ == "PROPN" else None
        if named is None and last.i > tok.i:
            named = next((h for t in pb.doc[tok.i + 1 : last.i + 1] if t.pos_ == "PROPN" and t.dep_ == "compound"
                          and (h := index.mention_of_token(pb, t)) is not None and index.actors[h[0]].kind == "person"
                          and h[1].end >= parsed.tok_begin(pb, last) + len(last.text)), None)
        if named is None and last.pos_ == "PROPN" and last.dep_ == "pobj" and tok.lemma_.lower() in lexicon.post_heads():
            first = last.i  # the name the recogniser missed: the proper nouns at the end no other entity covers
            while first - 1 > tok.i and pb.doc[first - 1].pos_ == "PROPN" and pb.doc[first - 1].head.i == last.i \
                    and index.owner_at(*_tok_range(parsed, pb, pb.doc[first - 1])) is None:
                first -= 1
            if last.i - first >= 1 and index.owner_at(*_tok_range(parsed, pb, last)) is None:
                span = parsed.span_of(pb, pb.doc[first : last.i + 1])
                key = index.add_actor("person/" + slugify(span.text), span.text, "person", span)
                named = key, span
        if named is not None and index.actors[named[0]].kind == "person" and \
                named[1].end == parsed.tok_begin(pb, last) + len(last.text) and \
                all(t.text not in (",", "(", "—", "–") for t in pb.doc[tok.i : last.i]):
            another = speaks_for_another(tok, last)
            if not another:
                return named
    noun = role_noun(tok)
    if noun is not None and not another:  # "the quarterback", "the prosecutor", "the three-time champion", "the 29-year-old"
        person = bind_role(coref, pb, tok, noun)
        if person is not None and person in index.actors:
            a = tok.left_edge.i if noun == "year-old" else np_bounds(tok)[0]
            span = parsed.span_of(pb, pb.doc[a : tok.i + 1])
            index.add_actor(person, index.actors[person].label, "person", span, "role")
            return person, span
    if create and (hit := quantity_group(coref, pb, tok)) is not None:
        return hit  # "a number of senators", "some of the residents": the people counted
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = np_bounds(tok)
    np_span = parsed.span_of(pb, pb.doc[start:end])
    # the mention stops before a prepositional phrase other than a title's "of": "an advisor" in "an advisor to
    # the Palestinian team" (the label keeps it: it is what tells the person apart)
    cut = next((c.i for c in tok.rights if c.dep_ == "prep" and c.lower_ != "of" and c.i < end), None)
    mention_span = parsed.span_of(pb, pb.doc[start:cut]) if cut is not None and cut > tok.i else np_span
    lemma = tok.lemma_.lower()
    # ("BERLIN - Chemists say": a plural opening a sentence after a dateline, tagged a singular name)
    plural = tok.tag_ in ("NNS", "NNPS") or tok.tag_ == "NNP" and tok.lower_ in lexicon.group_nouns()
    country = _np_country(coref, pb, start, tok.i)
    if not plural and (lemma in lexicon.post_heads() or posts.post_before(pb, tok.i + 1)):
        person = posts.person_by_role(coref, pb, tok, start, country)
        if person is not None:
            index.add_actor(person, index.actors[person].label, "person", np_span, "role")
            return person, np_span
    if not plural and lemma in lexicon.media_nouns() and tok.pos_ == "NOUN" and \
            (lemma not in lexicon.org_heads() or any(c.lower_ in ("news", "press") for c in tok.lefts)):
        # "The industry publication stated …", "the newspaper said": the medium last named as a source
        at = pb.offset + pb.doc[start].idx
        definite = pb.doc[start].lower_ in ("the", "this")
        prior = last_source(coref, at) if definite else None
        medium = last_medium(coref, at) if definite and end - start == 2 and lemma in _NEWS_MEDIA else None
        if medium is not None and (prior is None or medium[0] > max(m.span.begin for m in index.actors[prior].mentions
                                                                    if m.span.begin < at)):
            prior = medium[1]  # "The Telegraph was sued … after the newspaper claimed": the medium named last
        if prior is not None:
            index.add_actor(prior, index.actors[prior].label, index.actors[prior].kind, np_span, "role")
            return prior, np_span
        if create:  # "State television reported", "a local newspaper said": a medium the article does not name
            label = _label(pb, start, end)
            return index.add_actor("localorg/" + slugify(label), label, "organization", np_span, "role"), np_span
    if not create:
        return None
    media = tok if lemma in MEDIA else next((c for c in tok.children if c.dep_ == "appos" and c.tag_ == "NN"
                                              and c.lemma_.lower() in MEDIA), None)
    if not plural and media is not None and any(c.dep_ in ("compound", "amod") for c in media.lefts):
        # "an official provincial Facebook account made the following announcement": the account speaks
        end = max(end, np_bounds(media)[1])
        label, span = _label(pb, start, end), parsed.span_of(pb, pb.doc[start:end])
        owner = next((h[0] for t in pb.doc[start:media.i] if (h := index.mention_of_token(pb, t)) is not None
                      and index.actors[h[0]].kind in ("organization", "government")), None)
        poss = next((t for t in pb.doc[start:media.i] if t.dep_ == "poss"), None)
        if poss is not None:  # "her official Twitter account": hers; "the agency's account": the agency's
            owner = coref.pronouns.get(parsed.tok_begin(pb, poss)) or (resolve(coref, pb, poss) or (None,))[0]
        if owner is not None:  # "the Norland Tax Office website advises": the body whose medium it is
            return owner, span
        return index.add_actor("org/" + slugify(label), label, "organization", span), span
    if plural and (club := city_club(index, pb, tok, _label(pb, start, end), np_span)) is not None:
        return club  # "the Denver Foxes": a club, not a group of people
    if plural and (tok.lower_ in lexicon.group_nouns() or speaking_plural(tok)):
        label = _label(pb, start, end)
        key = "group/" + slugify(label)
        index.add_actor(key, label, "group", mention_span, "group")  # "researchers" of "researchers from X"
        if country:
            index.actors[key].country = country
        return key, mention_span
    if not plural and lemma in lexicon.collective_nouns() and tok.pos_ == "NOUN":
        return collective(coref, pb, tok, start, end, mention_span)  # "the family said", "his family said"
    if not plural and (lemma in lexicon.person_nouns() or lemma in lexicon.post_heads() or noun is not None):
        label = _label(pb, start, end)
        at = pb.offset + pb.doc[start].idx
        if pb.doc[start].lower_ == "the" and end - start == 2:
            # "a spokesman for the ministry said … said the spokesman": the unnamed one described before
            prior = max(((max(m.span.begin for m in a.mentions if m.span.begin < at), k)
                         for k, a in index.actors.items() if k.startswith("anon/") and a.kind == "person" and
                         lemma in a.label.lower().split() and any(m.span.begin < at for m in a.mentions)),
                        default=None)
            if prior is not None:
                index.add_actor(prior[1], index.actors[prior[1]].label, "person", mention_span, "role")
                return prior[1], mention_span
        if (person := bind_epithet(coref, pb, tok, start, end)) is not None:  # "Dana Roe, a bank analyst": hers
            return index.add_actor(person, index.actors[person].label, "person", mention_span, "role"), mention_span
        key = "anon/" + slugify(label)  # an unnamed person: local to the article
        index.add_actor(key, label, "person", mention_span, "role")
        if country:
            index.actors[key].country = country
        return key, mention_span
    if lemma in lexicon.org_heads() and not plural:
        kind = "government" if lexicon.org_heads()[lemma] == "government" else "organization"
        label = _label(pb, start, end)
        # headlinese drops the article: "Union vows …" is "the union" (named in the story), not a body called Union
        bare = pb.block.kind == "headline" and end - start == 1
        named = named_body(pb, start, end, tok, lemma) and not bare
        if not named and not bare and lemma not in FIRM_NOUNS | GENERIC_BODIES and pb.doc[start].text[:1].isupper():
            # "The office said" opening a sentence: the office named before ("the government media office"), or
            # else, as it always was, a body of that name ("The union protested": not the court named before)
            named = last_named(coref, pb.offset + pb.doc[start].idx, {"organization", "government"}, kind,
                                noun=lemma) is None
        if named:
            key = "org/" + slugify(label)
            index.add_actor(key, label, kind, np_span)
            return key, np_span
        if pb.doc[start].lower_ in ("the", "this", "its", "their", "our") or bare:
            # "the regional body", "the bloc": the organisation last named; "the government" with none: its own
            at = pb.offset + pb.doc[start].idx
            # "the ministry": a ministry named before, not any government body (the Senate of the headline)
            bodies = {"organization", "government"}
            # "the UK's biggest mortgage lender", "the world's second largest insurer": a description that picks
            # a company out, not an anaphor of the one the story is about
            described = lemma in FIRM_NOUNS and any(c.dep_ == "poss" or c.tag_ == "JJS" or
                                                    any(g.tag_ == "JJS" for g in c.children) for c in tok.lefts)
            prior = None if described else (lemma in FIRM_NOUNS and story_subject(coref, at)) or \
                last_named(coref, at, bodies, kind, noun=None if lemma in FIRM_NOUNS else lemma,
                           firm=lemma in FIRM_NOUNS) or \
                (lemma in GENERIC_BODIES and last_named(coref, at, bodies, kind)) or \
                (bare and first_named_after(coref, at, bodies, kind,
                                            noun=None if lemma in FIRM_NOUNS else lemma)) or None
            if prior is not None:
                index.add_actor(prior, index.actors[prior].label, index.actors[prior].kind, np_span, "role")
                return prior, np_span
            if pb.doc[start].lower_ in ("their", "our"):  # "their union said": the union of the people named before
                label = label.split(" ", 1)[-1]
            key = "localorg/" + slugify(label)
            index.add_actor(key, label, kind, np_span, "role")
            return key, np_span
        if pb.doc[start].lower_ in ("a", "an") and end - start >= 3:
            # "a joint group of researchers report …", "a local hospital said": a body the article does not
            # name, described (a bare "a company" describes nothing to tell it apart)
            key = "localorg/" + slugify(label)
            index.add_actor(key, label, kind, np_span, "role")
            return key, np_span
    return None


def collective(coref: Coref, pb: ParsedBlock, tok: Token, start: int, end: int, span: Span) -> tuple[str, Span]:
    """An unnamed collective as one group: "the couple", "the victim's family"; "his family" is the family of
    the person the pronoun stands for, told apart from another's."""
    index = coref.index
    label = _label(pb, start, end)
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    owner = coref.pronouns.get(index.parsed.tok_begin(pb, poss)) if poss is not None else None
    if poss is not None:  # the family of a named person ("his family": John Doe's), else just "family"
        label = _label(pb, poss.i + 1, end)
        if owner in index.actors and owner.startswith("person/"):
            label = f"{index.actors[owner].label}'s {label}"
    return index.add_actor("group/" + slugify(label), label, "group", span, "group"), span


def _tok_range(parsed, pb: ParsedBlock, tok: Token) -> tuple[int, int]:  # noqa: ANN001
    b = parsed.tok_begin(pb, tok)
    return b, b + len(tok.text)


def _np_country(coref: Coref, pb: ParsedBlock, start: int, head: int) -> str | None:
    for t in pb.doc[start:head]:
        hit = coref.index.mention_of_token(pb, t)
        if hit and coref.index.actors[hit[0]].kind == "country":
            return hit[0]
        c = gazetteer.country(t.text) if t.text[:1].isupper() and demonym_token(pb, t) else None
        if c is not None:
            key = country_key(c.name)
            coref.index.actors.setdefault(key, posts.new_country(c.name))
            return key
    return None

