"""Events the lexicon does not list but the layout tells: the headline's own verb ("Minister ousts adviser",
"Agency declares emergency"), which the lead retells with the same verb ("declared on Wednesday"), and a person's
stay in a city for a purpose ("is due to be in Lisbon next month to meet …", a visit).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from kg import lexicon
from kg.extraction.triggers import Mention
from kg.pipeline.nlp import ParsedBlock, load

# Verbs of a headline that tell no deed of their own: copulas, auxiliaries and verbs of wanting or trying (the deed is
# their complement), and verbs of seeing or facing.
_NO_DEED = {"be", "have", "do", "get", "want", "need", "seek", "try", "plan", "hope", "expect", "face", "remain",
            "see", "look", "continue", "keep", "begin", "start", "stop", "go", "come", "let", "make", "take", "give",
            "mark", "set"}
_TENSES = ("VBZ", "VBD", "VBN")
# Verbs whose object is what they say or whom they speak of ("says nothing", "urges calm", "praises the team").
_SPEECH = {"say", "tell", "claim", "report", "announce", "state", "add", "note", "ask", "urge", "call", "warn",
           "accuse", "criticize", "criticise", "praise", "condemn", "welcome", "insist", "suggest", "reveal",
           "confirm", "deny", "admit", "slam", "blame", "thank", "congratulate", "hail", "promise", "vow", "threaten",
           "question", "dismiss", "demand", "defend", "express", "voice", "describe", "cite", "predict"}


def headline_verb(finder, pb: ParsedBlock, tok: Token) -> Mention | None:  # noqa: ANN001 - an EventFinder
    """The headline's main verb as an event of no listed type ("Nevada becomes …", "Minister ousts adviser"), and
    the same verb in the first two paragraphs, which retells it ("ousted him on Monday night")."""
    kind = pb.block.kind
    if kind == "headline":
        if not _headline_deed(tok):
            return None
    elif kind != "paragraph" or tok.pos_ != "VERB" or tok.tag_ not in _TENSES:
        return None
    else:
        lemmas, lead = _lead(finder)
        if not any(p is pb for p in lead) or finder.coref.in_quote(pb.offset + tok.idx):
            return None
        if tok.lemma_.lower() not in lemmas and not _retells(finder, pb, tok) and \
                not _in_title_case_headline(finder, tok):
            return None
    return Mention(pb, tok, [tok], "event", finder.parsed.span_of(pb, pb.doc[tok.i : tok.i + 1]))


def _retells(finder, pb: ParsedBlock, tok: Token) -> bool:  # noqa: ANN001 - an EventFinder
    """Whether a verb of the lead tells the headline's deed again in other words: the main verb of the lead's first
    sentence with the same subject ("Orchard output slides" … "Apple output in the valley fell in February"), or a
    verb of the first sentence of a lead paragraph with the same object ("Minister offers blueprint" … "as she
    launched the blueprint"), told in the past or in the perfect of news, and no verb that speaks or tells no deed
    of its own."""
    if tok.sent.start != 0 or not _past(tok):
        return False
    lemma = tok.lemma_.lower()
    if lemma in _NO_DEED or lemma in _SPEECH or lemma in lexicon.reporting_verbs():
        return False
    subjects, objects = _headline_parties(finder)
    lead = _lead(finder)[1]
    if tok.dep_ == "ROOT" and lead and pb is lead[0] and _subject(tok) in subjects:
        return True
    return _object(tok) in objects


def _in_title_case_headline(finder, tok: Token) -> bool:  # noqa: ANN001 - an EventFinder
    """Whether a verb of the lead is a word of a headline in title case ("Mayor Declared Winner Of Harbour Contest"
    … "was declared the winner on Tuesday"), whose verb the tagger reads as a name and so never finds: the lead's
    verb in the same form (or its lemma in the headline) tells the headline's deed."""
    lemma = tok.lemma_.lower()
    if lemma in _NO_DEED or lemma in _SPEECH:
        return False
    words = finder.__dict__.get("_title_case_words")
    if words is None:
        words = finder.__dict__["_title_case_words"] = {
            t.lower_ for pb in finder.parsed.blocks if pb.block.kind == "headline" and _title_case(pb.doc)
            for t in pb.doc if t.is_alpha}
    return tok.lower_ in words or lemma in words


def _title_case(doc) -> bool:  # noqa: ANN001 - a headline's Doc
    """A headline whose words of four letters or more all begin with a capital (and is not all capitals)."""
    long = [t.text for t in doc if t.is_alpha and len(t.text) > 3]
    return len(long) >= 2 and all(w[0].isupper() for w in long) and not all(w.isupper() for w in long)


def _past(tok: Token) -> bool:
    """A past ("fell"), or a perfect ("has fallen"), not a passive nor a future."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ == "VBD":
        return not aux
    return tok.tag_ == "VBN" and [c.lemma_ for c in aux] == ["have"]


def _subject(tok: Token) -> str | None:
    """The lemma of the head of a verb's subject: a common noun or a name, never a pronoun."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj.lemma_.lower() if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def _object(tok: Token) -> str | None:
    """The lemma of the head of a verb's direct object: a common noun (a name or a pronoun is too often another
    deed's) that names no event (filing a resignation and rejecting it are two deeds)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() in lexicon.triggers_by_first_word():
        return None
    return obj.lemma_.lower()


def _headline_parties(finder) -> tuple[set[str], set[str]]:  # noqa: ANN001 - an EventFinder
    """The subjects and the objects of the headline's deeds (read once per article)."""
    found = finder.__dict__.get("_headline_parties")
    if found is None:
        deeds = [t for pb in finder.parsed.blocks if pb.block.kind == "headline" for t in pb.doc
                 if t.pos_ == "VERB" and _deed_lemma(t) is not None]
        found = finder.__dict__["_headline_parties"] = ({s for t in deeds if (s := _subject(t)) is not None},
                                                        {o for t in deeds if (o := _object(t)) is not None})
    return found


def retold_in_other_words(headline: Token, lead: Token) -> bool:
    """Whether ``lead`` (a mention made by :func:`_retells`) and the headline's deed ``headline`` are told with
    other verbs of the same subject or the same object."""
    if lead.lemma_.lower() == headline.lemma_.lower():
        return False
    return _subject(lead) is not None and _subject(lead) == _subject(headline) or \
        _object(lead) is not None and _object(lead) == _object(headline)


def _headline_deed(tok: Token) -> bool:
    """A headline's main verb (or one coordinated with it) in headlinese ("ousts", "named"), with its subject, that
    reports nothing and tells a deed of its own."""
    return _deed_lemma(tok) is not None


def _deed_lemma(tok: Token) -> str | None:
    """The lemma of a headline's deed at ``tok`` (see :func:`_headline_deed`), or None."""
    if tok.pos_ != "VERB":
        return _misparsed(tok)
    lemma = tok.lemma_.lower()
    if lemma in _NO_DEED or lemma in _SPEECH:
        return None
    if tok.tag_ == "VB" and tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        pass  # "Retailer to sell its stores": headlinese for a plan
    elif tok.tag_ not in _TENSES and (tok.tag_ != "VBP" or lemma in lexicon.triggers_by_first_word()):
        return None  # (the plural present too in a headline, "Hikers foil robber", unless the lexicon's conditions
        # on the verb declined it: "Ministers talk" without a named party is no conversation)
    elif tok.tag_ == "VBN" and tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN") \
            and not _finite(tok.doc):
        return lemma  # "Old coins found under bridge": a participle on a verbless headline's noun is its predicate
    if lemma in lexicon.reporting_verbs() and not any(c.dep_ in ("dobj", "acomp") for c in tok.children):
        return None  # "X rejects resignation", "X pleads guilty" are deeds; "X warns of …" speaks
    if tok.dep_ == "ccomp" and _attribution(tok.head, tok):
        pass  # "Farmers grew figs here, says paper": what the trailing attribution reports is the headline's deed
    elif tok.dep_ in ("amod", "relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj"):
        return None  # (the main verb, whatever the parser made of headlinese: "X ousts adviser Y" as a compound)
    if any(c.dep_ in ("xcomp", "ccomp") and not _attribution(c, tok) for c in tok.children):
        return None  # "X plans to …", "X says …": the deed, if any, is the complement's
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or \
            tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children):
        return lemma
    return None


def _attribution(word: Token, deed: Token) -> bool:
    """Whether ``word`` is a trailing attribution of the headline's deed (", police report", ", says study"): a
    reporting word after the deed, behind a comma."""
    lemma = word.lemma_.lower()
    return word.i > deed.i and (lemma in lexicon.reporting_verbs() or lemma in _SPEECH) and \
        any(t.text == "," for t in word.doc[deed.i : word.i])


def _finite(doc) -> bool:  # noqa: ANN001 - a headline's Doc
    """Whether a headline has a finite verb."""
    return any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") and t.pos_ in ("VERB", "AUX") for t in doc)


def _misparsed(tok: Token) -> str | None:
    """A verbless headline's verb the tagger took for a noun or an adjective ("Grocers lower quotas", "Mayor ousts
    aide"): the first lower-case word that English knows as a verb, in the plain form after a plural subject or with
    the third-person -s after a subject, standing between that subject and an object. Returns its lemma."""
    lemma = _verb_form(tok)
    return lemma if lemma is not None and not any(_verb_form(t) for t in tok.doc[: tok.i]) else None


def _verb_form(tok: Token) -> str | None:
    doc = tok.doc
    if tok.tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ", "JJR") or not tok.text.isalpha() or \
            not tok.text.islower() or tok.i == 0 or tok.i + 1 >= len(doc) or _finite(doc) or tok.ent_type_:
        return None
    before, after = doc[tok.i - 1], doc[tok.i + 1]
    if before.pos_ not in ("NOUN", "PROPN") or after.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON") or \
            after.tag_ == "POS":
        return None
    verbs = _verb_lemmas()
    text = tok.lower_
    if text.endswith("s") and (text[:-1] in verbs or text.endswith("es") and text[:-2] in verbs):
        lemma = text[:-1] if text[:-1] in verbs else text[:-2]
    elif text in verbs and any(t.tag_ in ("NNS", "NNPS") for t in doc[: tok.i]):
        lemma = text
    else:
        return None
    if lemma in _NO_DEED or lemma in _SPEECH or lemma in lexicon.reporting_verbs():
        return None
    return lemma


def misparsed_parties(tok: Token) -> tuple[Token | None, Token | None] | None:
    """The subject and the object of a headline verb the tagger took for a noun or an adjective (see
    :func:`_misparsed`), read off the words around it, as the parse of such a headline does not link them: the word
    before it ("Mayor Ames outflanks …") and the last word of the noun phrase after it ("… deputy leader Pell").
    None when ``tok`` is no such verb."""
    if tok.pos_ == "VERB" or _misparsed(tok) is None:
        return None
    doc, j = tok.doc, tok.i + 1
    while j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN", "ADJ") and doc[j].pos_ in ("NOUN", "PROPN", "ADJ",
                                                                                            "DET", "NUM"):
        j += 1
    obj = doc[j] if doc[j].pos_ in ("NOUN", "PROPN") else None
    return doc[tok.i - 1], obj


@cache
def _verb_lemmas() -> frozenset[str]:
    """The verbs English knows: the lemmatizer's table of verb lemmas of the loaded model."""
    lemmatizer = load().get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index") if lemmatizer.lookups.has_table("lemma_index") else {}
    return frozenset(index.get("verb", ()))


def _lead(finder):  # noqa: ANN001, ANN202 - (the headline's deed lemmas, the first two paragraphs)
    """Read once per article (every past verb of the paragraphs asks)."""
    found = finder.__dict__.get("_headline_lead")
    if found is None:
        parsed = finder.parsed
        lemmas = {lemma for pb in parsed.blocks if pb.block.kind == "headline" for t in pb.doc
                  if (lemma := _deed_lemma(t)) is not None}
        paragraphs = [b for b in parsed.blocks if b.block.kind == "paragraph"]
        found = finder.__dict__["_headline_lead"] = (lemmas, paragraphs[:2])
    return found


def stay(finder, pb: ParsedBlock, tok: Token) -> Mention | None:  # noqa: ANN001 - an EventFinder
    """ "Petrakis is due to be in Lisbon next month to meet …": a person to be in a city is a visit."""
    if tok.lemma_ != "be" or tok.dep_ not in ("xcomp", "ROOT", "ccomp", "conj", "relcl"):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None:
        return None
    index = finder.coref.index
    place = index.owner_at(pb.offset + pobj.idx, pb.offset + pobj.idx + len(pobj.text))
    if place is None or (place not in index.places and index.actors[place].kind != "country"):
        return None
    purpose = any(c.dep_ in ("xcomp", "advcl") and c.tag_ in ("VB", "VBG") for c in tok.children)
    scheduled = tok.dep_ == "xcomp" and tok.head.lemma_ in ("schedule", "due", "set", "expect", "plan")
    if not (purpose or scheduled):
        return None
    toks = list(pb.doc[tok.i : pobj.i + 1])
    return Mention(pb, tok, toks, "visit", finder.parsed.span_of(pb, pb.doc[tok.i : pobj.i + 1]))
