"""Documents through which statements reach an article: readouts, statements, letters, reports.

A document is a noun phrase headed by a document noun ("a brief readout of the call", "the joint statement",
"a BBC report"). Its publisher is who issued it: the subject of the verb it is attached to with "in" ("the Foreign
Office, in a short readout, said"), an owner ("Russia’s statement", "a BBC report") or a "by" phrase
("a statement … by Prime Minister Aino Lehto, and President Davor Kranjc"). Mentions with the same head noun
corefer ("a statement of joint understanding" … "the joint statement").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import lexicon
from kg.extraction import coref as corefs
from kg.extraction.phrase_words import phrase_label, demonym_token
from kg.extraction.cues import SUBJECT_DEPS
from kg.extraction.steps import Step, Work
from kg.pipeline.ingest import slugify
from kg.model import Document, Statement
from kg.pipeline.nlp import ParsedBlock

DOCUMENT_NOUNS = {"readout", "statement", "communique", "communiqué", "declaration", "letter", "report",
                  "release", "transcript", "memo", "memorandum", "tweet", "post", "editorial", "op-ed",
                  "resolution", "document", "note", "speech", "briefing", "warning", "alert", "advisory",
                  "bulletin", "notice", "filing", "guidelines", "guideline", "constitution", "charter",
                  "indictment", "petition", "affidavit"}  # (court papers speak too)
# Nouns that are a document only where it speaks or is issued ("the decree read", "the study reports", "said in a
# ruling", "published a study"): elsewhere they name an act or an idea ("the ruling party", "a study of X").
_SPEAKING_ONLY = {"study", "decree", "proclamation", "ruling", "judgment", "judgement", "summary",
                  "message", "email", "e-mail", "paper", "complaint", "lawsuit", "manifesto", "announcement",
                  "obituary", "order", "opinion", "verdict", "text", "description", "caption",
                  "motion", "bill", "amendment", "treaty", "survey", "poll", "review", "audit", "analysis",
                  "assessment", "advert", "advertisement", "poster", "leaflet", "banner", "placard", "book", "memoir",
                  "biography"}
_ANY_DOCUMENT = DOCUMENT_NOUNS | _SPEAKING_ONLY  # (read once: find_documents asks it of every token)
# Document nouns that are also the head of a document's proper name ("the Ghana Constitution", "the UN
# Charter"): as a name they are still the document, issued by the name before them.
_NAMED_DOCUMENTS = {"constitution", "charter"}
# Verbs whose subject issues the document that is their object.
_ISSUING = {"issue", "release", "publish", "post", "send", "write", "sign", "file", "put", "tweet", "deliver",
            "lodge", "submit", "unseal"}
# Verbs whose agent only carries or gets hold of a document someone else wrote (a courier, an envoy, a paper that
# saw a leaked letter).
_CARRYING = {"deliver", "hand", "carry", "pass", "forward", "see", "obtain", "view", "receive", "leak"}
# Words that make "statement"/"report" a document rather than an utterance in progress.
_SPEECH_ONLY = {"speech", "briefing"}


@dataclass
class Documents:
    coref: corefs.Coref
    items: list[Document] = field(default_factory=list)
    at_token: dict[tuple[int, int], str] = field(default_factory=dict)  # (block offset, token i) → key

    def at(self, pb: ParsedBlock, tok: Token) -> Document | None:
        key = self.at_token.get((pb.offset, tok.i))
        return next((d for d in self.items if d.key == key), None) if key else None

    def via(self, pb: ParsedBlock, verb: Token) -> str | None:
        """A document the cue verb (or its subject) names with "in": "said in a statement"."""
        heads = [verb] + [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        for h in heads:
            for prep in h.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "through", "via"):
                    for pobj in prep.children:
                        key = self.at_token.get((pb.offset, pobj.i))
                        if key:
                            return key
        return None

    def by_publisher(self, actor: str) -> str | None:
        return next((d.key for d in self.items if d.publisher == actor), None)


def going_on(coref: corefs.Coref, statements: list[Statement], pb: ParsedBlock, subject: Token) -> Statement | None:
    """ "A report … says X, but it adds Y", "The survey found X. It also found Y": the document statement an
    "it" that speaks right after it goes on with — the last statement before, when it is a document's and no body is
    named as a subject between its sentence and the "it"."""
    at = pb.offset + subject.idx
    before = [st for st in statements if st.sentence is not None and st.sentence.begin < at]
    if subject.lower_ != "it" or not before:
        return None
    last = max(before, key=lambda st: st.sentence.begin)
    if last.evidence != "document" or last.reported_in is None or at - last.sentence.end > 400:
        return None
    index = coref.index
    for block, tok in index.parsed.tokens_starting_in(max(last.sentence.begin, last.end), at):
        hit = index.mention_of_token(block, tok) if tok.dep_ in SUBJECT_DEPS else None
        if hit is not None and index.actors[hit[0]].kind in ("organization", "government", "country"):
            return None  # "… Acme disputed the findings. It said …": the body named since
    return last


def find_documents(coref: corefs.Coref) -> Documents:
    docs = Documents(coref)
    parsed = coref.index.parsed
    by_head: dict[str, Document] = {}
    for (pb, sent), toks in zip(parsed.sentences, parsed.sentence_tokens):
        for tok in toks:
            lemma = tok.lemma_.lower()
            if not (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and lemma in _NAMED_DOCUMENTS) or \
                    lemma not in _ANY_DOCUMENT or lemma in _SPEECH_ONLY:
                continue
            if lemma in _SPEAKING_ONLY and not _speaks(tok):
                continue
            if coref.in_quote(pb.offset + tok.idx):
                continue
            if lemma == "statement" and not _issued(tok):
                continue
            start, end = corefs.np_bounds(tok)
            span = parsed.span_of(pb, pb.doc[start:end])
            publisher = _publisher(coref, pb, tok) if tok.pos_ == "NOUN" else _named_owner(coref, pb, tok)
            definite = pb.doc[start].lower_ in ("the", "this", "that", "its", "their", "his", "her")
            existing = by_head.get(lemma)
            # "the WH statement" … "The Greek statement": another issuer's document, not the one met before;
            # "a report from ABC" after "a news site's report": an indefinite mention is a new document
            same = publisher is None or existing is not None and publisher == existing.publisher
            if existing is not None and (definite and same or publisher is None and definite
                                         or publisher is not None and publisher == existing.publisher):
                if existing.publisher is None:
                    existing.publisher = publisher
                docs.at_token[(pb.offset, tok.i)] = existing.key
                continue
            label = phrase_label(pb, start, end)
            doc = Document(key="document/" + slugify(label), label=label, mention=span, publisher=publisher)
            if any(d.key == doc.key for d in docs.items):
                doc.key += f"-{span.begin}"
            docs.items.append(doc)
            by_head[lemma] = doc
            docs.at_token[(pb.offset, tok.i)] = doc.key
    return docs


def _said(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in lexicon.reporting_verbs() or lemma in lexicon.quote_verbs()


def _speaks(tok: Token) -> bool:
    """ "the decree read", "the study reports", "said in a ruling", "the court issued its ruling": the noun is a
    document here, not an act ("the ruling party") nor an idea ("in my opinion, …")."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return _said(head) or head.lemma_.lower() in ("state", "read", "find")
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("part", "portion", "excerpt", "section"):
        return _speaks(head.head)  # "Part of the ruling reads …"
    if tok.dep_ == "pobj" and head.lower_ == "in" and _said(head.head):
        return tok.lemma_.lower() != "opinion"  # "said in a ruling", not "in his opinion"
    return tok.dep_ == "dobj" and head.lemma_.lower() in _ISSUING


def _issued(tok: Token) -> bool:
    """ "a statement" as a document: with a determiner and issued, released, read, or saying something itself."""
    if tok.dep_ in SUBJECT_DEPS:
        return True
    if tok.head.lemma_ in ("issue", "release", "read", "publish", "sign", "adopt", "say", "statement"):
        return True
    if tok.dep_ == "pobj" and (tok.head.lower_ in ("in", "of") or tok.head.lower_ == "to" and tok.head.i > 0 and
                               tok.doc[tok.head.i - 1].lower_ == "according"):
        return True  # "in a statement", "according to a statement from the ministry"
    return any(c.dep_ in ("amod", "compound") and c.lower_ in ("joint", "written", "official") for c in tok.children)


def _body(coref: corefs.Coref, pb: ParsedBlock, tok: Token):  # noqa: ANN202 - (key, span) or None
    """An actor a noun phrase names, or else a body its definite noun stands for ("the ministry", "the company": the
    one named before, or one of that noun), as a speaker's would."""
    hit = corefs.resolve(coref, pb, tok, create=False)
    if hit is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon.org_heads() and \
            (tok.dep_ == "compound" or any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss"
                                           for c in tok.children)):
        hit = corefs.resolve(coref, pb, tok)
        if hit is None and tok.dep_ == "compound":  # "a police report", "a fire service statement"
            words = [t for t in tok.subtree if t.dep_ in ("compound", "amod") or t.i == tok.i]
            span = coref.index.parsed.span_of(pb, pb.doc[words[0].i : tok.i + 1])
            kind = "government" if lexicon.org_heads()[tok.lemma_.lower()] == "government" else "organization"
            hit = coref.index.add_actor("localorg/" + slugify(span.text), span.text, kind, span, "role"), span
    return hit


def _authors(coref: corefs.Coref, pb: ParsedBlock, pobj: Token) -> str | None:
    """The author(s) in a "by" phrase; several ("by Olmert, and Abbas") make a group of them."""
    people = [pobj] + [c for c in pobj.subtree if c.dep_ == "conj" and c.head.i in {pobj.i} | {x.i for x in pobj.subtree}]
    hits = [corefs.resolve(coref, pb, p, create=False) for p in people]
    if len(people) == 1 and hits[0] is None:
        hits = [_body(coref, pb, pobj) or untagged_issuer(coref, pb, pobj)]  # "from the ministry", named or not
    keys = [h[0] for h in hits if h]
    if len(keys) <= 1:
        return keys[0] if keys else None
    index = coref.index
    labels = [index.actors[k].label for k in keys]
    label = ", ".join(labels[:-1]) + " and " + labels[-1]
    a, b = pobj.left_edge.i, pobj.right_edge.i + 1
    from kg.pipeline.ingest import slugify as _slug

    return index.add_actor("group/" + _slug(label), label, "group", index.parsed.span_of(pb, pb.doc[a:b]), "group")


# Documents of research: a country before them says where the work was done, not who wrote it.
_RESEARCH = {"study", "paper", "survey", "analysis", "report"}


def gazetteer_country(tok: Token) -> bool:
    from kg import gazetteer

    return tok.text[:1].isupper() and gazetteer.country(tok.text) is not None


def untagged_issuer(coref: corefs.Coref, pb: ParsedBlock, pobj: Token):  # noqa: ANN202 - (key, span) or None
    """A name the recogniser left untagged as a document's issuer ("the warning issued by Met Eireann"): a body,
    or a person where a given name opens it."""
    run = [t for t in pobj.subtree if t.dep_ in ("compound", "flat") or t.i == pobj.i]
    if pobj.pos_ != "PROPN" or pobj.ent_type_ or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in run) \
            or run[-1].i != pobj.i:
        return None
    span = coref.index.parsed.span_of(pb, pb.doc[run[0].i : pobj.i + 1])
    if len(run) >= 2 and run[0].lower_ in lexicon.given_names():
        return coref.index.add_actor("person/" + slugify(span.text), span.text, "person", span, "name"), span
    return coref.index.add_actor("org/" + slugify(span.text), span.text, "organization", span), span


def _named_owner(coref: corefs.Coref, pb: ParsedBlock, tok: Token) -> str | None:
    """The country whose name opens a document's proper name ("the Ghana Constitution"), if the article
    names it as an actor (the recogniser may take the whole name as one organisation: that is not its owner)."""
    from kg import gazetteer
    from kg.extraction.actors import country_key

    words = [t for t in tok.doc[tok.left_edge.i : tok.i] if t.dep_ == "compound"]
    c = gazetteer.country(" ".join(t.text for t in words)) if words else None
    return country_key(c.name) if c is not None and country_key(c.name) in coref.index.actors else None


def _body_owner(coref: corefs.Coref, pb: ParsedBlock, owner: Token):  # noqa: ANN202 - (key, span) or None
    """ "The ministry's statement" where the ministry was named only in a spokesman's title ("Foreign ministry
    spokesman X"): the body of that noun named last before it ("the Foreign Ministry"), else an unnamed body of
    that noun — the document is the body's, never the spokesman's nor another organisation's."""
    lemma = owner.lemma_.lower()
    if owner.dep_ != "poss" or owner.tag_ != "NN" or lemma not in lexicon.org_heads():
        return None
    det = next((c for c in owner.children if c.dep_ == "det" and c.lower_ == "the"), None)
    if det is None:
        return None
    index = coref.index
    at = pb.offset + owner.idx
    span = index.parsed.span_of(pb, pb.doc[det.i : owner.i + 1])
    named = [(max(m.span.begin for m in a.mentions if m.span.begin < at), a.key) for a in index.actors.values()
             if a.kind in ("organization", "government") and lemma in a.label.lower().split()
             and any(m.span.begin < at for m in a.mentions)]  # a few actors, read once per such document
    if named:
        key = max(named)[1]
        actor = index.actors[key]
        return index.add_actor(key, actor.label, actor.kind, span, "role"), span
    kind = "government" if lexicon.org_heads()[lemma] == "government" else "organization"
    return index.add_actor("localorg/" + slugify(lemma), lemma, kind, span, "role"), span


def _publisher(coref: corefs.Coref, pb: ParsedBlock, tok: Token) -> str | None:
    # the author named with "by" or "from" before an owner or a medium ("a Twitter post by Amy Doe")
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (key := _authors(coref, pb, pobj)):
                return key
    for child in tok.children:
        if child.dep_ == "amod" and child.text[:1].isupper() and demonym_token(pb, child):
            from kg import gazetteer
            from kg.extraction.actors import country_key

            c = gazetteer.country(child.text)  # "the Turkish statement": the country's
            if c is not None and tok.lemma_.lower() not in _RESEARCH:  # (not "a British study")
                from kg.extraction import posts

                coref.index.actors.setdefault(country_key(c.name), posts.new_country(c.name))
                return country_key(c.name)
    research = tok.lemma_.lower() in _RESEARCH
    for child in tok.children:
        if child.dep_ in ("poss", "compound"):
            if research and child.dep_ == "compound" and gazetteer_country(child):
                continue  # "a US study" was done in the country, not written by its government
            hit = corefs.resolve(coref, pb, child, create=False) or _body_owner(coref, pb, child) or \
                _body(coref, pb, child) or (child.lemma_.lower() in lexicon.collective_nouns() and
                                            corefs.resolve(coref, pb, child))  # "the family's statement"
            if hit:
                return hit[0]
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (key := _authors(coref, pb, pobj)):
                return key
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in _CARRYING:
            # "the warning issued by the weather service" (not "the letter, delivered by an envoy": a courier)
            for agent in (c for c in child.children if c.dep_ == "agent"):
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None and (key := _authors(coref, pb, pobj)):
                    return key
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                for grand in pobj.children:
                    if grand.dep_ == "prep" and grand.lower_ == "by":
                        p2 = next((c for c in grand.children if c.dep_ == "pobj"), None)
                        if p2 is not None and (key := _authors(coref, pb, p2)):
                            return key
    # "The Foreign Office, in a short readout of the call, said": the subject of the verb "in" hangs on
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _ISSUING:  # "the coastguard issued a gale warning"
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        hit = (_body(coref, pb, subj) or untagged_issuer(coref, pb, subj)) if subj is not None else None
        if hit:  # (a name the recogniser left untagged: "Zentrix released a statement that said")
            return hit[0]
    if tok.dep_ == "pobj" and head.lower_ in ("in", "through", "via"):
        attach = head.head
        if attach.tag_ == "VBN" and attach.dep_ == "advcl" and \
                not any(c.dep_ in SUBJECT_DEPS for c in attach.children):
            attach = attach.head  # "In the letter, carried by an envoy, X writes": misparsed onto the participle
        subj = attach if attach.dep_ in SUBJECT_DEPS else next(
            (c for c in attach.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            hit = _body(coref, pb, subj)
            if hit:
                return hit[0]
    return None


def _documents(work: Work) -> None:
    work.put(documents=find_documents(work.coref))


def _reported_in(work: Work) -> None:
    """What an intermediary relays comes through the document it issued, if named."""
    index, documents = work.names, work.documents
    for st in work.statements:
        if st.reported_in is None:
            source = st.reported_by or (st.speaker if st.speaker and index.actors[st.speaker].kind != "person" else None)
            st.reported_in = documents.by_publisher(source) if source else None
    work.put(reported_in=True)


DOCUMENTS = Step("documents", ("coref",), ("documents",), _documents,
                 "readouts, statements, letters, reports, with who issued them")
REPORTED_IN = Step("reported in", ("statements", "documents", "names"), ("reported_in",), _reported_in,
                   "a statement an organisation or an intermediary relays comes through the document it issued")
