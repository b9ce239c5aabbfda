"""Who a pronoun, a role noun or a description refers to, and the posts people hold.

- Pronouns outside quotes (he, his, him, she, her, its) go to the most salient compatible actor before them:
  a subject in the same or the previous sentences first, then the nearest mention.
- Posts: "Freedonia’s Foreign Minister Lin Wei", "Freedonian President Zhou Ming", "Sylvania, whose President Ivan Kovalenko"
  give a :class:`~kg.model.PositionHolding` valid at the article date; "former" posts are not current and are skipped.
- Descriptions: "his U.S. counterpart Mark Ellis" (apposition), "The U.S. Secretary of State" (the person of that
  post or country met before), "some Chinese experts" (a group), "an advisor to the Palestinian team" (an unnamed
  person) — created on demand by :func:`resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.extraction.actors import ActorIndex, country_key
from kg.pipeline.ingest import slugify
from kg.model import PositionHolding, Span
from kg.pipeline.nlp import ParsedBlock

# Posts with one holder per country, so that "the U.S. Secretary of State" or "the Chinese president" can only be
# the person of that country met before; for other roles (spokesman, official) the description is somebody new.
_HEAD_TITLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
                "foreign minister", "secretary of state", "foreign secretary", "secretary", "minister",
                "counterpart", "leader", "head of state", "vice president", "defence minister",
                "defense minister", "defense secretary", "defence secretary"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
NEUTER = {"its", "itself"}
_DETERMINERS = {"the", "a", "an"}


@dataclass
class Coref:
    """Resolutions made over one article: pronoun → actor, and people's genders and countries as learned."""

    index: ActorIndex
    pronouns: dict[int, str] = field(default_factory=dict)  # article offset of the pronoun → actor key
    gender: dict[str, str] = field(default_factory=dict)
    holdings: list[PositionHolding] = field(default_factory=list)
    quote_spans: list[tuple[int, int]] = field(default_factory=list)
    history: list = field(default_factory=list)  # _Seen, in text order: the persons and bodies narrated so far
    roles: object = None  # kg.extraction.discourse.Roles

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
    for child in tok.rights:
        if child.dep_ in ("compound", "flat"):
            end = max(end, child.right_edge.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "to", "at", "for", "from") and child.i == end + 1:
            end = max(end, child.right_edge.i)
        elif child.dep_ == "case":
            end = max(end, child.i)
    return start, end + 1


def build(index: ActorIndex, quote_spans: list[tuple[int, int]]) -> Coref:
    coref = Coref(index, quote_spans=quote_spans)
    from kg.extraction.discourse import learn_roles

    _learn_gender(coref)
    _holdings(coref)
    coref.roles = learn_roles(index)
    _role_mentions(coref)
    _pronouns(coref)
    return coref


def _role_mentions(coref: Coref) -> None:
    """Definite role nouns standing for a person met before: "The U.S. Secretary of State", "the president"."""
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


# --- genders ----------------------------------------------------------------------------------------------------

def _learn_gender(coref: Coref) -> None:
    """A person's gender from an honorific ("Mr.", "Ms") or a common given name ("Sophie Moreau")."""
    names = lexicon.given_names()
    for actor in coref.index.actors.values():
        if actor.kind == "person" and len(actor.label.split()) >= 2:
            first = actor.label.split()[0].lower()
            if first in names:
                coref.gender[actor.key] = names[first]
        for m in actor.mentions:
            if m.span.text.startswith(("Mr.", "Mr ")):
                coref.gender[actor.key] = "m"
            elif m.span.text.startswith(("Mrs", "Ms", "Miss", "Madam")):
                coref.gender[actor.key] = "f"


# --- posts ------------------------------------------------------------------------------------------------------

def _post_before(pb: ParsedBlock, first: int) -> tuple[int, list[Token]] | None:
    """Tokens of a post title that ends right before token index ``first``, and where it starts."""
    doc = pb.doc
    heads = lexicon.post_heads()
    words = lexicon.post_words()
    j = first - 1
    toks: list[Token] = []
    while j >= 0:
        t = doc[j]
        low = t.lower_
        if low in words or low in heads or any(low == h.split()[-1] or low in h.split() for h in heads):
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


def _owner_before(coref: Coref, pb: ParsedBlock, start: int) -> str | None:
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
            index.actors.setdefault(key, _new_country(c.name))
        return key
    return None


def _new_country(name: str):  # noqa: ANN202 - tiny factory
    from kg.model import Actor

    return Actor(key=country_key(name), label=name, kind="country")


def post_label(toks: list[Token]) -> str:
    words = [t.text for t in toks if t.lower_ not in ("former", "acting")]
    out = " ".join(w if w.lower() == "of" else w[:1].upper() + w[1:] for w in words)
    return out.replace(" - ", "-")


def _holdings(coref: Coref) -> None:
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
            found = _post_before(pb, tok.i if tok.text not in lexicon.titles() else tok.i)
            if found is None:
                _appositive_post(coref, actor, pb, tok, m.span, date, seen)
                continue
            start, toks = found
            if any(t.lower_ == "former" for t in toks):
                continue
            if toks[-1].lower_ == "counterpart":
                owner = _owner_before(coref, pb, start + len(toks) - 1) or _owner_before(coref, pb, start)
                if owner and index.actors[owner].kind == "country":
                    actor.country = owner
                continue
            owner = _owner_before(coref, pb, start)
            if owner is None:
                continue
            surface_start = start
            if start > 0 and pb.doc[start - 1].text in ("’s", "'s"):
                surface_start = start - 2
            elif start > 0 and pb.doc[start - 1].lower_ != "whose":
                surface_start = start - 1
            surface = parsed.span_of(pb, pb.doc[surface_start : start + len(toks)])
            label = post_label(toks)
            if (actor.key, label) in seen:
                continue
            seen.add((actor.key, label))
            coref.holdings.append(PositionHolding(actor.key, label, owner, surface, date))
            if index.actors[owner].kind == "country" and actor.country is None:
                actor.country = owner


def _appositive_post(coref: Coref, actor, pb: ParsedBlock, tok: Token, span: Span, date, seen: set) -> None:  # noqa: ANN001
    """ "Jane Roe, director general of the National Electoral Commission, said …": a post in an apposition."""
    index = coref.index
    parsed = index.parsed
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    for ap in head.children:
        if ap.dep_ != "appos" or ap.pos_ not in ("NOUN", "PROPN"):
            continue
        a, _ = np_bounds(ap)
        title_toks = [t for t in pb.doc[a : ap.i + 1] if t.lower_ not in ("a", "an", "the")]
        label = post_label(title_toks)
        if not title_toks or not any(label.lower().endswith(h) for h in lexicon.post_heads()) or \
                any(t.lower_ == "former" for t in title_toks):
            continue
        owner = None
        for prep in ap.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for", "to"):
                for pobj in prep.children:
                    hit = resolve(coref, pb, pobj, create=False)
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


FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}


def first_person(coref: Coref, statements) -> None:  # noqa: ANN001
    """In a quotation, "I" is its speaker and "we" the body the speaker speaks for: an organisation speaking, or the
    organisation (not the country: "we" of a president may be the nation or the people in the room) of a post the
    speaker holds."""
    index = coref.index
    parsed = index.parsed
    posts = {h.holder: h.organization for h in coref.holdings if h.organization}
    for st in statements:
        if st.speaker is None or st.quote_type not in ("direct", "mixed") or st.speaker not in index.actors:
            continue
        speaker = index.actors[st.speaker]
        we: str | None = speaker.key
        if speaker.kind == "person":
            org = posts.get(speaker.key)
            we = org if org in index.actors and index.actors[org].kind in ("organization", "government") else None
        for span in st.content:
            for pb, tok in parsed.tokens_starting_in(span.begin, span.end):
                off = pb.offset + tok.idx
                if tok.pos_ != "PRON" or not coref.in_quote(off):
                    continue
                low = tok.lower_
                key = speaker.key if low in FIRST_SINGULAR else we if low in FIRST_PLURAL else None
                if key is None or key not in index.actors or off in coref.pronouns:
                    continue
                coref.pronouns[off] = key
                index.actors[key].mentions.append(_mention(parsed.article.span(off, off + len(tok.text))))


# --- pronouns ---------------------------------------------------------------------------------------------------

@dataclass
class _Seen:
    key: str
    offset: int
    subject: bool
    sentence: int


def _pronouns(coref: Coref) -> None:
    index = coref.index
    parsed = index.parsed
    history: list[_Seen] = coref.history
    for sent_no, ((pb, sent), toks) in enumerate(zip(parsed.sentences, parsed.sentence_tokens)):
        for tok in toks:
            off = parsed.tok_begin(pb, tok)
            hit = index.mention_of_token(pb, tok)
            if hit is not None:
                key, span = hit
                if span.begin == off and not coref.in_quote(off):  # what is named inside a quote is not narrated
                    history.append(_Seen(key, off, _is_subject(tok, span, parsed, pb), sent_no))
                continue
            if _speaking_role(coref, tok, off) or _unnamed_subject(coref, tok, off):
                # "The ministry's spokesman declared …", "A 25-year-old man was injured": an unnamed person is
                # somebody "he" can refer to next
                hit = resolve(coref, pb, tok, create=True)
                if hit is not None and hit[0] in index.actors:
                    history.append(_Seen(hit[0], off, True, sent_no))
                    sex = _GENDERED.get(tok.lemma_.lower()) or next(
                        ({"male": "m", "female": "f"}[c.lower_] for c in tok.children if c.lower_ in ("male", "female")),
                        None)
                    if sex:
                        coref.gender.setdefault(hit[0], sex)
                continue
            low = tok.lower_
            subject_it = low == "it" and tok.dep_ == "nsubj" and tok.head.lemma_ in lexicon.reporting_verbs()
            if tok.pos_ != "PRON" or (low not in MALE | FEMALE | NEUTER and not subject_it) or coref.in_quote(off):
                continue
            key = _antecedent(coref, history, low, tok, sent_no)
            if key is None:
                continue
            coref.pronouns[off] = key
            index.actors[key].mentions.append(_mention(parsed.article.span(off, off + len(tok.text))))
            if low in MALE:
                coref.gender.setdefault(key, "m")
            elif low in FEMALE:
                coref.gender.setdefault(key, "f")
            history.append(_Seen(key, off, tok.dep_ in ("nsubj", "nsubjpass"), sent_no))


_GENDERED = {"man": "m", "boy": "m", "woman": "f", "girl": "f"}


def _unnamed_subject(coref: Coref, tok: Token, off: int) -> bool:
    """A man or a woman the text does not name, as the subject of a clause ("A 25-year-old man was injured")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NN" and not coref.in_quote(off) and \
        (tok.lemma_.lower() in _GENDERED or tok.lemma_.lower() in lexicon.person_nouns() and
         any(c.lower_ in ("male", "female") for c in tok.children))


def _speaking_role(coref: Coref, tok: Token, off: int) -> bool:
    """A singular role noun (spokesman, official, prosecutor …) that is the subject of a reporting verb."""
    if tok.dep_ != "nsubj" or tok.tag_ != "NN" or coref.in_quote(off):
        return False
    verb = tok.head
    if verb.lemma_.lower() not in lexicon.reporting_verbs():
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "PROPN":
        return False  # "Niger's president Mahamadou Issoufou said": a title before a name, not somebody unnamed
    lemma = tok.lemma_.lower()
    return lemma in lexicon.person_nouns() or lemma in lexicon.post_heads() or lemma in lexicon.role_nouns()


def _mention(span: Span):  # noqa: ANN202
    from kg.model import Mention

    return Mention(span, "pronoun")


def _is_subject(tok: Token, span: Span, parsed, pb) -> bool:  # noqa: ANN001
    """Whether the mention starting at ``tok`` is a clause subject (its syntactic head, climbing appositions)."""
    toks = [t for _, t in parsed.tokens_starting_in(parsed.tok_begin(pb, tok), span.end)]  # no doc[i:] (slow)
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), tok)
    while root.dep_ in ("compound", "flat", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _antecedent(coref: Coref, history: list[_Seen], low: str, tok: Token, sent_no: int) -> str | None:
    index = coref.index
    if low in NEUTER or low == "it":
        wanted = {"organization", "government", "country"}
    else:
        wanted = {"person"}
    gender = "m" if low in MALE else "f" if low in FEMALE else None
    candidates = [s for s in history if index.actors.get(s.key) and index.actors[s.key].kind in wanted
                  and sent_no - s.sentence <= 4]
    if gender:
        candidates = [s for s in candidates if coref.gender.get(s.key, gender) == gender]
    if not candidates:
        return None
    is_object = tok.dep_ in ("dobj", "pobj", "dative")
    same = [s for s in candidates if s.sentence == sent_no]
    if same:
        subj = [s for s in same if s.subject]
        if subj and not (is_object and len({s.key for s in same}) > 1 and subj[-1].key == same[-1].key):
            return subj[-1].key
        if not is_object:
            return same[-1].key
    for back in range(1, 5):
        prev = [s for s in candidates if s.sentence == sent_no - back]
        subj = [s for s in prev if s.subject]
        if subj:
            return subj[-1].key
        if prev:
            return prev[-1].key
    return candidates[-1].key


# --- descriptions -----------------------------------------------------------------------------------------------

def resolve(coref: Coref, pb: ParsedBlock, tok: Token, *, create: bool = True) -> tuple[str, Span] | None:
    """The actor the noun phrase headed by ``tok`` refers to, creating an unnamed person or group if need be."""
    index = coref.index
    parsed = index.parsed
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    off = parsed.tok_begin(pb, tok)
    if off in coref.pronouns:
        return coref.pronouns[off], parsed.span_of(pb, tok)
    hit = index.mention_of_token(pb, tok)
    if hit is not None:
        return hit
    for child in tok.children:  # "his U.S. counterpart Mark Ellis", "Foreign Minister Lin Wei"
        if child.dep_ == "appos":
            hit = index.mention_of_token(pb, child)
            if hit is not None:
                return hit
    from kg.extraction.discourse import bind_role, role_noun

    # "Former US Ambassador to the United Nations Nikki Haley tweeted": a title whose phrase ends with the name
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
            return named
    noun = role_noun(tok)
    if noun is not None:  # "the quarterback", "the prosecutor", "the three-time champion", "the 29-year-old"
        person = bind_role(coref, pb, tok, noun)
        if person is not None and person in index.actors:
            a = tok.left_edge.i if noun == "year-old" else np_bounds(tok)[0]
            span = parsed.span_of(pb, pb.doc[a : tok.i + 1])
            index.add_actor(person, index.actors[person].label, "person", span, "role")
            return person, span
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    start, end = np_bounds(tok)
    np_span = parsed.span_of(pb, pb.doc[start:end])
    # the mention stops before a prepositional phrase other than a title's "of": "an advisor" in "an advisor to
    # the Palestinian team" (the label keeps it: it is what tells the person apart)
    cut = next((c.i for c in tok.rights if c.dep_ == "prep" and c.lower_ != "of" and c.i < end), None)
    mention_span = parsed.span_of(pb, pb.doc[start:cut]) if cut is not None and cut > tok.i else np_span
    lemma = tok.lemma_.lower()
    plural = tok.tag_ in ("NNS", "NNPS")
    country = _np_country(coref, pb, start, tok.i)
    if not plural and (lemma in lexicon.post_heads() or _post_before(pb, tok.i + 1)):
        person = _person_by_role(coref, pb, tok, start, country)
        if person is not None:
            index.add_actor(person, index.actors[person].label, "person", np_span, "role")
            return person, np_span
    if not create:
        return None
    if plural and tok.lower_ in lexicon.group_nouns():
        label = _label(pb, start, end)
        key = "group/" + slugify(label)
        index.add_actor(key, label, "group", np_span, "group")
        if country:
            index.actors[key].country = country
        return key, np_span
    if not plural and (lemma in lexicon.person_nouns() or lemma in lexicon.post_heads() or noun is not None):
        label = _label(pb, start, end)
        key = "anon/" + slugify(label)  # an unnamed person: local to the article
        index.add_actor(key, label, "person", mention_span, "role")
        if country:
            index.actors[key].country = country
        return key, mention_span
    if lemma in lexicon.org_heads() and not plural:
        kind = "government" if lexicon.org_heads()[lemma] == "government" else "organization"
        label = _label(pb, start, end)
        if any(t.text[:1].isupper() for t in pb.doc[start:end]):
            key = "org/" + slugify(label)
            index.add_actor(key, label, kind, np_span)
            return key, np_span
        if pb.doc[start].lower_ in ("the", "this", "its"):
            # "the regional body", "the bloc": the organisation last named; "the government" with none: its own
            prior = _last_named(coref, pb.offset + pb.doc[start].idx, {"organization", "government"}, kind)
            if prior is not None:
                index.add_actor(prior, index.actors[prior].label, index.actors[prior].kind, np_span, "role")
                return prior, np_span
            key = "localorg/" + slugify(label)
            index.add_actor(key, label, kind, np_span, "role")
            return key, np_span
    return None


def _tok_range(parsed, pb: ParsedBlock, tok: Token) -> tuple[int, int]:  # noqa: ANN001
    b = parsed.tok_begin(pb, tok)
    return b, b + len(tok.text)


def _last_named(coref: Coref, before: int, kinds: set[str], kind: str) -> str | None:
    """The organisation of that kind whose name was last mentioned before an offset (within ~600 characters)."""
    best: tuple[int, str] | None = None
    for (b, _), key in coref.index.mention_owner.items():
        actor = coref.index.actors.get(key)
        if actor is None or actor.kind not in kinds or b >= before or before - b > 600:
            continue
        if kind == "government" and actor.kind != "government":
            continue
        if best is None or b > best[0]:
            best = (b, key)
    return best[1] if best else None


def _label(pb: ParsedBlock, start: int, end: int) -> str:
    toks = list(pb.doc[start:end])
    while toks and toks[0].lower_ in _DETERMINERS:
        toks = toks[1:]
    text = "".join(t.text_with_ws for t in toks).strip()
    return text


_REGION_WORDS = {"latin", "south", "north", "central", "east", "west", "southern", "northern", "eastern", "western",
                 "pan", "african", "asian", "arab"}


def demonym_token(pb: ParsedBlock, t: Token) -> bool:
    """A nationality word on its own, not the tail of a region ("Latin American", "South African" are not the U.S.
    or South Africa's "African")."""
    return not (t.i > 0 and pb.doc[t.i - 1].lower_ in _REGION_WORDS and pb.doc[t.i - 1].text[:1].isupper())


def _np_country(coref: Coref, pb: ParsedBlock, start: int, head: int) -> str | None:
    for t in pb.doc[start:head]:
        hit = coref.index.mention_of_token(pb, t)
        if hit and coref.index.actors[hit[0]].kind == "country":
            return hit[0]
        c = gazetteer.country(t.text) if t.text[:1].isupper() and demonym_token(pb, t) else None
        if c is not None:
            key = country_key(c.name)
            coref.index.actors.setdefault(key, _new_country(c.name))
            return key
    return None


def _person_by_role(coref: Coref, pb: ParsedBlock, tok: Token, start: int, country: str | None) -> str | None:
    """ "The U.S. Secretary of State" → the person holding that post, or the last person of that country."""
    index = coref.index
    parsed = index.parsed
    found = _post_before(pb, tok.i + 1)
    of = list(pb.doc[tok.i + 1 : tok.i + 1 + _of_len(pb, tok)])  # "Secretary" + "of State"
    title = post_label((found[1] if found else [tok]) + of)
    off = parsed.tok_begin(pb, tok)
    for h in coref.holdings:
        if h.post.lower() == title.lower() and (country is None or h.organization == country):
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
        found_span = parsed.span_of(pb, pb.doc[start : tok.i + 1 + _of_len(pb, tok)])
        coref.holdings.append(PositionHolding(best[1], title, country, found_span, parsed.article.meta.date))
        return best[1]
    return None


def _of_len(pb: ParsedBlock, tok: Token) -> int:
    """Tokens of an "of X" complement right after a post head ("Secretary" + "of State")."""
    n = 0
    if tok.i + 2 < len(pb.doc) and pb.doc[tok.i + 1].lower_ == "of" and pb.doc[tok.i + 2].text[:1].isupper():
        n = 2
    return n
