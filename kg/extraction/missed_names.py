"""Names the entity recogniser missed in one place though the article gives them elsewhere, and names that speak.

- A name the article uses for an actor ("Nigeria" tagged in one sentence, untagged in the next) is a mention of that
  actor wherever it stands on its own as a proper noun (not as a piece of a longer name).
- An untagged proper name right after a noun that says what a person is or does ("Brazilian midfielder Edu",
  "coach Ana Ruiz"): that person, though the name be one word.
- An untagged proper name that is the subject of a reporting verb ("Queen Marguerite announced …", "Rosa Kim
  said …") or the source of "according to": a country the gazetteer knows; an organisation or a person the
  knowledge base knows by that name; a person when a title ("Queen", "Mr.", "President") or a common given name
  opens it; the source of "according to" otherwise an organisation (a publication). Anything else is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.extraction.glued import opening_phrase
from kg.extraction.known_kinds import organisation_only
from kg.extraction.persons import ORG_LIKE
from kg.pipeline.ingest import slugify

if TYPE_CHECKING:
    from kg.extraction.actors import ActorIndex

_NAMED_KINDS = ("country", "organization", "government", "person")
# titles of rank that open a person's name but are not honorifics of kg/data/lexicon/titles.txt
_RANKS = {"queen", "king", "prince", "princess", "pope", "emperor", "empress", "president", "senator", "governor",
          "mayor", "judge", "justice", "general", "colonel", "captain", "sergeant", "chancellor", "minister",
          "premier", "sheikh", "sultan", "emir", "archbishop", "bishop", "cardinal", "rabbi", "imam", "professor"}


def _capitalised(t: Token) -> bool:
    # (or an acronym the tagger read as the word it spells: "WHO said" is no "who"; or as a common noun: "the FA")
    return t.text[:1].isupper() and (t.pos_ == "PROPN" or t.pos_ in ("PRON", "DET", "ADP", "SCONJ", "NOUN") and
                                     len(t.text) >= 2 + (t.pos_ != "NOUN") and t.text.isupper() and t.text.isalpha() and
                                     not (t.i > 0 and t.doc[t.i - 1].text == "-") and  # ("WSET-TV")
                                     any(c.islower() for c in t.sent.text))


def _body_opening(tok: Token, verbs) -> bool:  # noqa: ANN001 - the reporting verbs' table
    """ "Labour claims the policy …": a capitalised word opening its sentence, tagged as a common noun, that is the
    subject of a verb of saying and a name the knowledge base gives to organisations only."""
    if tok.pos_ != "NOUN" or not tok.is_sent_start or not tok.text[:1].isupper() or tok.dep_ != "nsubj" or \
            tok.head.lemma_.lower() not in verbs or tok.lower_ in lexicon.org_heads() or \
            tok.lower_ in lexicon.group_nouns() or tok.lemma_.lower() in lexicon.org_heads():
        return False  # ("Club confirms …": the headline's noun for the body the story is about)
    return organisation_only(tok.text, short=True)


def known_names(index: ActorIndex) -> None:
    """Mentions of the article's named actors that the recogniser left untagged (see the module)."""
    parsed = index.parsed
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for actor in index.actors.values():
        if actor.kind not in _NAMED_KINDS:
            continue
        for m in actor.mentions:
            if m.kind != "name" or not m.span.text[:1].isupper():
                continue
            words = tuple(m.span.text.split())
            short = [(words[0],)] if actor.kind == "organization" and len(words) >= 2 and \
                all(w.lower().strip(".,") in CORPORATE for w in words[1:]) else []
            for name in [words] + short:  # "Harlow said" after "Harlow Motors": a company by its first word
                entry = (name, actor.key)
                if entry not in by_first.setdefault(name[0], []):
                    by_first[name[0]].append(entry)
    if not by_first:
        return
    taken: dict[tuple[str, ...], set[str]] = {}
    for cands in by_first.values():
        for words, key in cands:
            taken.setdefault(words, set()).add(key)
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):
        for tok in toks:
            cands = by_first.get(tok.text)
            if cands is None or not _capitalised(tok):
                continue
            b = pb.offset + tok.idx
            if index.owner_at(b, b + len(tok.text)) is not None:
                continue
            prev = pb.doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and _capitalised(prev) and prev.text not in lexicon.titles():
                continue  # a piece of a longer name ("South Sudan" is not "Sudan")
            if prev is not None and prev.lower_ == "of" and tok.i >= 2 and (
                    pb.doc[tok.i - 2].text[:1].isupper() or pb.doc[tok.i - 2].lemma_.lower() in lexicon.post_heads()):
                continue  # a name inside a name or a title: "Friends of Malta", "the Prime Minister of Malta"
            for words, key in sorted(cands, key=lambda c: -len(c[0])):
                end = tok.i + len(words)
                if end > len(pb.doc) or tuple(t.text for t in pb.doc[tok.i:end]) != words:
                    continue
                if end < len(pb.doc) and _capitalised(pb.doc[end]):
                    continue  # "New York Times" is not "New York"
                if len(taken[words]) > 1:
                    break  # two actors of that name: the text does not say which
                actor = index.actors[key]
                index.add_actor(key, actor.label, actor.kind, parsed.span_of(pb, pb.doc[tok.i:end]), "name")
                break


def speaking_names(index: ActorIndex) -> None:
    """Untagged proper names that are the subject of a reporting verb (see the module)."""
    parsed = index.parsed
    verbs = lexicon.reporting_verbs()
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):
        for tok in toks:
            dep = tok.dep_
            if dep != "nsubj" and dep != "pobj" or not _capitalised(tok) and not _body_opening(tok, verbs):
                continue
            according = dep == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 and \
                pb.doc[tok.head.i - 1].lower_ == "according"
            if not according and not _viewpoint_name(tok) and (tok.dep_ != "nsubj" or
                                                               tok.head.lemma_.lower() not in verbs and
                                                               not _issues_noun_cue(tok.head)):
                continue
            if tok.lower_ in lexicon.role_nouns() or tok.lower_ in lexicon.post_heads():
                continue  # "the company's CEO, Jane Roe, said": a role written in capitals, not a name
            b = pb.offset + tok.idx
            if index.owner_at(b, b + len(tok.text)) is not None:
                continue
            start = tok.i
            while start > 0 and (_capitalised(pb.doc[start - 1]) or pb.doc[start - 1].text in lexicon.titles()) \
                    and pb.doc[start - 1].dep_ in ("compound", "flat", "nmod") and pb.doc[start - 1].head.i >= start - 1:
                start -= 1
            if any(index.owner_at(pb.offset + t.idx, pb.offset + t.idx + len(t.text)) is not None
                   for t in pb.doc[start:tok.i]):
                continue
            # "“…,” Thandiwe Dlamini said", "…, Tomas Kral said": a name right after the words it attributes
            attributing = not according and start > 0 and pb.doc[start - 1].text in _ATTRIBUTING and \
                tok.head.i == tok.i + 1
            _add_speaker(index, pb, start, tok.i + 1, according, attributing)
    _bracketed_short_names(index)


def _issues_noun_cue(verb: Token) -> bool:
    """"expressed concern that …", "issued a warning": a light verb whose object is a noun of speech."""
    from kg.extraction.noun_cues import LIGHT_VERBS

    return verb.lemma_.lower() in LIGHT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon.noun_cues() for c in verb.children)


def _viewpoint_name(tok: Token) -> bool:
    """"But for Ana Ruiz, a research director, the future is …": the name of a sentence's opening "For X," whose
    view the sentence gives (a person only with a given name: :func:`_add_speaker`)."""
    return opening_phrase(tok, ("for",))


def _bracketed_short_names(index: ActorIndex) -> None:
    """ "The Fire Protection Department (FireDept) said …" … "FireDept indicated …": a body named by the short name
    its full name gave in brackets is that body (acronyms whose letters are its initials are joined before)."""
    text = index.parsed.article.text
    bodies = [a for a in index.actors.values() if a.kind in ("organization", "government")]
    for short in [a for a in bodies if " " not in a.label]:
        bracketed = f" ({short.label})"
        long = next((a for a in bodies if a is not short and any(
            text.startswith(bracketed, m.span.end) for m in a.mentions)), None)
        if long is None:
            continue
        index.merge_into(short.key, long.key)


# Words after a company's own name in its full name, which news drops on second mention ("Harlow Motors" → "Harlow").
CORPORATE = {"motors", "motor", "corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited",
             "instruments", "electronics", "breweries", "brewery", "laboratories", "labs", "enterprises", "petroleum",
             "steel", "mining", "semiconductor", "semiconductors", "telecom", "telecommunications", "pharma",
             "plc", "group", "holdings", "airlines", "airways", "energy", "pharmaceuticals", "technologies",
             "industries", "systems", "foods", "entertainment", "llc", "ag", "sa", "se", "nv", "gmbh", "games",
             "studios", "software", "records", "pictures", "interactive", "publishing", "productions"}
# Words of the name of a law or a document that "states" something ("Republic Act No. 12 states"): never a person's.
_DOCUMENT_WORDS = {"act", "law", "bill", "code", "treaty", "charter", "constitution", "convention", "accord",
                   "agreement", "report", "no", "article", "section", "resolution", "decree", "order", "directive"}
_ATTRIBUTING = {",", "\"", "”", "’", "'"}


def _add_speaker(index: ActorIndex, pb, start: int, end: int, according: bool = False,  # noqa: ANN001
                 attributing: bool = False) -> None:
    from kg.pipeline.link import kb
    from kg.extraction.actors import country_key

    parsed = index.parsed
    toks = list(pb.doc[start:end])
    text = " ".join("".join(t.text_with_ws for t in toks).split())
    span = parsed.span_of(pb, pb.doc[start:end])
    c = gazetteer.country(text)
    if c is not None:
        index.add_actor(country_key(c.name), c.name, "country", span)
        return
    known = kb.default().named(text)
    if known and all(e.type in ("organization", "government") for e in known):
        index.add_actor("org/" + slugify(text), text, "organization", span)
        return
    if len(toks) >= 2 and all(t.lower_.strip(".,") in CORPORATE for t in toks[1:]):
        index.add_actor("org/" + slugify(text), text, "organization", span)  # "Rook Games said": a company
        return
    first = toks[0]
    # a rank, or a role written in capitals before the name ("Resident Tomas Kral said")
    ranked = first.text in lexicon.titles() or first.lower_ in _RANKS or len(toks) >= 3 and \
        (first.lower_ in lexicon.role_nouns() or first.lower_ in lexicon.person_nouns())
    name = toks[1:] if ranked else toks
    if not name or not all(t.text[:1].isupper() for t in name):
        return
    given = name[0].lower_ in lexicon.given_names() and 2 <= len(name) <= 3
    person = known and all(e.type == "person" for e in known)
    # a name of two or three proper nouns that speaks (or attributes the words before it, whatever the recogniser
    # tagged it), with no organisation's word in it
    attributed = (attributing or not according and all(t.pos_ == "PROPN" for t in name)) and not known and \
        2 <= len(name) <= 3 and not ORG_LIKE.search(text) and \
        not any(t.lower_ in lexicon.org_heads() or t.lower_ in _DOCUMENT_WORDS for t in name)
    if ranked or given or person or attributed:
        label = " ".join("".join(t.text_with_ws for t in name).split())
        index.add_actor("person/" + slugify(label), label, "person", span, "title" if ranked else "name")
    elif according and not known:
        index.add_actor("org/" + slugify(text), text, "organization", span)  # "according to The Courier": a source
    elif not known and len(toks) == 1 and not ranked and (any(ch.isdigit() for ch in text) and
                                                          any(ch.isalpha() for ch in text) or
                                                          text.isupper() and text.isalpha() and len(text) >= 2 or
                                                          pb.block.kind != "headline" and _lone_name(first, index)):
        # "Polnews24 reported …", "RTLZ said …": a name with digits or an acronym that speaks is a body, never a person;
        # so is a lone name nobody of the article bears ("Newsline observed …": people come with a full name first;
        # not in a headline, whose capitals make a common noun a name: "Automaker recalls …")
        index.add_actor("org/" + slugify(text), text, "organization", span)


def _lone_name(tok, index: ActorIndex) -> bool:  # noqa: ANN001 - a Token
    """One capitalised word, no given name, no person's surname in the article, not a title, a role or a common
    noun for a body ("Group confirms …" in a headline)."""
    low = tok.lower_
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("(", "(("):
        return False  # "((Newsline)) Thank you …": an interview's speaker label, not a subject
    return tok.pos_ == "PROPN" and tok.text.isalpha() and len(tok.text) >= 3 and low not in lexicon.given_names() \
        and tok.text not in lexicon.titles() and low not in lexicon.role_nouns() and low not in lexicon.post_heads() \
        and not any(low in words for words in (lexicon.org_heads(), lexicon.group_nouns(), lexicon.person_nouns(),
                                               lexicon.collective_nouns(), lexicon.media_nouns())) \
        and not any(a.kind == "person" and tok.text in a.label.split() for a in index.actors.values())


# Titles of royalty, capitalised before a name: never a place's or a body's name after them.
_ROYAL = {"Queen", "King", "Prince", "Princess", "Emperor", "Empress", "Sultan", "Emir", "Crown"}


def titled_names(index: ActorIndex) -> None:
    """Untagged names of two words or more after a plural title ("Presidents Ana Ruiz of Chile and …")."""
    parsed = index.parsed
    heads = lexicon.post_heads()
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):
        for tok in toks:
            royal = tok.text in _ROYAL  # "Princess Ubolratana Mahidol" left untagged: a royal title names a person
            if not royal and (tok.tag_ not in ("NNS", "NNPS") or not tok.text[:1].isupper()):
                continue
            single = tok.lemma_.lower()
            if single not in _RANKS and single not in heads:
                continue
            end = tok.i + 1
            while end < len(pb.doc) and _capitalised(pb.doc[end]) and not pb.doc[end].ent_type_ \
                    and pb.doc[end].text not in lexicon.titles():
                end += 1
            run = pb.doc[tok.i + 1:end]
            if len(run) < (1 if royal else 2) or any(index.owner_at(pb.offset + t.idx, pb.offset + t.idx + len(t.text)) is not None
                                   for t in run):
                continue
            label = " ".join(t.text for t in run)
            if gazetteer.country(label) or gazetteer.city(label):
                continue
            # "Princess Ubolratana Mahidol" … "Ubolratana said": the one named by a word of the name already
            key = next((k for k, a in index.actors.items() if royal and a.kind == "person" and
                        a.label in (run[0].text, run[-1].text)), None) or "person/" + slugify(label)
            index.add_actor(key, index.actors[key].label if key in index.actors else label, "person",
                            parsed.span_of(pb, run), "name")


# Person nouns that also describe a team or a company ("runner-up Northfield", "defending champion Eastport").
_NOT_ONLY_PEOPLE = {"champion", "champions", "titleholder", "winner", "runner-up", "leader", "leaders", "favourite",
                    "favorite", "host", "hosts", "holder", "holders", "newcomer", "rival", "partner", "owner", "buyer",
                    "seller", "supplier", "sponsor", "client", "customer", "member", "neighbour", "neighbor", "ally"}


def described_people(index: ActorIndex) -> None:
    """Untagged proper names right after a lower-case noun for what a person is or does ("Brazilian midfielder
    Edu has hit out", "said coach Ana Ruiz"): a person, one word of name or more (see the module)."""
    parsed = index.parsed
    nouns = lexicon.role_nouns().keys() | lexicon.person_nouns()
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):
        doc = pb.doc
        for tok in toks:
            low = tok.lower_
            if low not in nouns or low in _NOT_ONLY_PEOPLE or not tok.text.islower() or tok.i + 1 >= len(doc):
                continue
            end = start = tok.i + 1
            while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and doc[end].text.isalpha() \
                    and doc[end].text[:1].isupper() and not doc[end].ent_type_ and doc[end].text not in lexicon.titles():
                end += 1
            if end == start or end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].text in ("'s", "’s")):
                continue  # no name, or a name that runs on into a tagged one, or a possessive ("coach Ana's team")
            run = doc[start:end]
            # the name is the noun's apposition or the noun describes it (compound); never a name the noun modifies
            if not (run.root.dep_ == "appos" and run.root.head.i == tok.i or tok.dep_ == "compound" and
                    tok.head.i in range(start, end)):
                continue
            if any(index.owner_at(pb.offset + t.idx, pb.offset + t.idx + len(t.text)) is not None for t in run):
                continue
            label = run.text
            if gazetteer.country(label) or gazetteer.city(label) or ORG_LIKE.search(label) or \
                    any(t.lower_ in lexicon.org_heads() or t.lower_ in _DOCUMENT_WORDS for t in run):
                continue
            index.add_actor("person/" + slugify(label), label, "person", parsed.span_of(pb, run), "name")
