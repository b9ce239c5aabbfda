"""The discourse around a mention: who a role noun stands for, and which person the story is about at a point.

- Roles: a person introduced with a role noun — a title before the name ("Quarterback Jalen Moore", "prosecutor Dana
  Whitfield"), an apposition ("The defendant, Carl Benning", "Carl Benning, the defendant") or a copula ("Benning is
  the defendant") — is what "the quarterback", "the prosecutor", "the defendant" refer to afterwards.
- Salience: the person in focus at an offset is the latest subject among the persons mentioned in the last few
  sentences (subjects outrank objects, recency breaks ties); "the three-time champion said", with no champion
  introduced, is that person.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.extraction.steps import Step, Work
from kg.pipeline.nlp import ParsedBlock

WINDOW = 5  # sentences a person stays in focus without being mentioned again
_SUBORDINATE = {"deputy", "vice", "assistant", "associate", "acting", "former", "under", "co", "interim", "ex"}


@dataclass
class Roles:
    """Role noun (lower case lemma) → the persons introduced with it, as (article offset, actor key), in order."""

    by_noun: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    epithets: dict = field(default_factory=dict)  # person noun → epithets.Epithet: "Dana Roe, a bank analyst"

    def add(self, noun: str, offset: int, key: str) -> None:
        self.by_noun.setdefault(noun, []).append((offset, key))

    def before(self, noun: str, offset: int, ahead: bool = True) -> str | None:
        """The person last introduced with ``noun`` before ``offset`` (or, failing that and when ``ahead``, the first
        one after: a headline's "the quarterback" before the lede names him)."""
        entries = self.by_noun.get(noun, [])
        earlier = [k for off, k in entries if off < offset]
        if earlier:
            return earlier[-1]
        return entries[0][1] if entries and ahead else None


_RANKS = {"Special", "Acting", "Supervisory", "Senior", "Deputy", "Assistant", "Resident"}


def role_noun(tok: Token) -> str | None:
    """The role noun a token heads, lower case: a post head, a role noun, a person noun, or "year-old" ("the
    29-year-old"); None for anything else."""
    low = tok.lower_
    if low == "old" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ in ("year",
                                                                                                      "years"):
        return "year-old"
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
        return None
    if low == "number" and any(c.dep_ == "nummod" for c in tok.children) and \
            any(c.dep_ == "compound" and c.lower_ == "world" for c in tok.children):
        return "world number"  # "the world number one": a ranked player
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 1].idx == tok.idx - 1:
        joined = tok.doc[tok.i - 2].lower_ + low  # "full-back", "fly-half": the lexicon writes them as one word
        if joined in lexicon.role_nouns():
            return joined
    lemma = tok.lemma_.lower()
    # (a capitalised role noun after a rank's word is a word of a title: "Special Agent in Charge X"; a surname that
    # is a role noun is still read as one: "Grant Dean said")
    titled = tok.text[:1].isupper() and tok.i > 0 and tok.doc[tok.i - 1].text in _RANKS
    for word in (low, lemma):
        if word in lexicon.role_nouns() and not titled or word in lexicon.post_heads():
            return word
    return None


def learn_roles(index, persons_only=True) -> Roles:  # noqa: ANN001 - index: ActorIndex
    """Every person of the article introduced with a role noun (see the module's rules)."""
    roles = Roles()
    parsed = index.parsed
    for actor in index.actors.values():
        if actor.kind != "person":
            continue
        for m in actor.mentions:
            if m.kind not in ("name", "title", "surname"):
                continue
            hit = parsed.token_at(m.span.begin)
            if hit is None:
                continue
            pb, tok = hit
            head = tok
            while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i > head.i:
                head = head.head
            if head.i != tok.i and head.pos_ != "PROPN":
                continue  # the name modifies a common noun ("a Lindqvist scholar"): that noun is not the person
            # a title before the name: "Quarterback Jalen Moore", "Tennis star Maria Vance" — not a deputy's
            # ("Deputy Governor X" is not "the governor")
            before = pb.doc[max(0, tok.i - 4) : tok.i]
            if any(t.lower_ in _SUBORDINATE for t in before):
                before = []
            for t in before:
                if any(c.dep_ == "cc" for c in t.children) and any(c.dep_ == "det" for c in t.children):
                    continue  # "The Secretary and Foreign Minister X": the Secretary is another person
                if _modifies(t, head) and not _titles_a_title(t, head):
                    noun = role_noun(t) if t.pos_ in ("NOUN", "PROPN") else None
                    if noun:
                        _add(roles, t, noun, m.span.begin, actor.key)
            # "Carl Benning, the defendant"
            for c in head.children:
                if c.dep_ == "appos" and (noun := role_noun(c)) and not _subordinate(c):
                    _add(roles, c, noun, m.span.begin, actor.key)
            # "The defendant, Carl Benning" (not "The Deputy Mayor, Lena Koss": she is not "the Mayor")
            if head.dep_ == "appos" and (noun := role_noun(head.head)) and not _subordinate(head.head):
                _add(roles, head.head, noun, m.span.begin, actor.key)
            # "Carl Benning, 24,", "24-year-old Carl Benning", "a 24-year-old man, Carl Benning": an age
            if (age := age_of(head)) is not None:
                roles.add(f"{age}-year-old", m.span.begin, actor.key)
            # "Benning is the defendant"
            if head.dep_ == "nsubj" and head.head.lemma_ == "be":
                for c in head.head.children:
                    if c.dep_ == "attr" and (noun := role_noun(c)) and not _subordinate(c):
                        _add(roles, c, noun, m.span.begin, actor.key)
    for entries in roles.by_noun.values():
        entries.sort()
    return roles


def age_of(head: Token) -> str | None:
    """The age a name's phrase gives its person: a number in apposition ("Carl Benning, 24,"), or a "24-year-old"
    before the name or before the noun the name is in apposition to; None if none."""
    for c in head.children:
        if c.dep_ == "appos" and c.like_num and c.text.isdigit() and 0 < int(c.text) < 120:
            return c.text
    noun = head.head if head.dep_ == "appos" else head
    return next((_years(t) for t in noun.doc[max(0, noun.i - 6) : noun.i] if _years(t) and t.head.i == noun.i),
                None)


def _years(old: Token) -> str | None:
    """The number of a "24-year-old" whose "old" is ``old``."""
    doc = old.doc
    if old.lower_ == "old" and old.i >= 4 and doc[old.i - 2].lower_ in ("year", "years") and doc[old.i - 4].like_num:
        return doc[old.i - 4].text
    return None


def _modifies(t: Token, head: Token) -> bool:
    """Whether ``t`` is part of the noun phrase of the name headed by ``head``: its heads lead there without
    leaving the words in between ("Tennis star Maria Vance"; not the subject of a verb before an object's name,
    "The minister thanked her counterpart Ana Lima")."""
    x = t
    while x.i != head.i and t.i < x.head.i <= head.i and x.head.i != x.i:
        x = x.head
    return x.i == head.i


def _titles_a_title(t: Token, head: Token) -> bool:
    """ "Chief Insp Ana Lee", "Chief Inspector Ana Lee": the word qualifies the rank after it; she is an inspector,
    not "the chief"."""
    if t.i + 1 >= head.i:
        return False
    nxt = t.doc[t.i + 1]
    rank = nxt.text.rstrip(".")
    return lexicon.abbreviations().get(rank) == "title" or role_noun(nxt) is not None


def _subordinate(noun: Token) -> bool:
    """A role noun modified into another post: "Vice President", "deputy governor", "former coach"."""
    doc = noun.doc
    return any(t.lower_ in _SUBORDINATE for t in doc[noun.left_edge.i : noun.i]) or \
        (noun.i > 0 and doc[noun.i - 1].lower_ in _SUBORDINATE)


def salient_person(coref, offset: int, *, exclude: set[str] | None = None) -> str | None:  # noqa: ANN001
    """The person in focus just before ``offset``: the latest subject among the persons mentioned in the last
    :data:`WINDOW` sentences, else the latest person mentioned; None when nobody is."""
    history = [s for s in coref.history if s.offset < offset and not s.quoted]
    if not history:
        return None
    index = coref.index
    last_sentence = history[-1].sentence
    recent = [s for s in history if last_sentence - s.sentence < WINDOW and s.key in index.actors
              and index.actors[s.key].kind == "person" and not s.key.startswith("anon/")
              and s.key not in (exclude or set())]
    if not recent:
        return None
    subjects = [s for s in recent if s.subject]
    return (subjects or recent)[-1].key


def bind_role(coref, pb: ParsedBlock, tok: Token, noun: str) -> str | None:  # noqa: ANN001
    """The person a definite role noun phrase refers to: the one introduced with that noun; for a description of
    the person in focus (a "topic" noun: champion, quarterback, the 29-year-old), that person; else None."""
    offset = pb.offset + tok.idx
    roles = coref.roles if coref.roles is not None else Roles()
    exclude: set[str] = set()
    if _indefinite_of_a_body(tok):
        return None  # "a spokesman for the ministry said": somebody new, not a spokesman the article names
    # the person introduced with the noun further on ("The minister said … Minister X added"), unless somebody
    # new was described with it before ("a spokesman for Y said …, said the spokesman … X, spokesman for Z")
    ahead = not described_before(coref.index.parsed, noun, offset)
    if noun == "year-old" and (age := _years(tok)) is not None:
        # "the 24-year-old said": the person of that age; never one the article gives another age
        key = roles.before(f"{age}-year-old", offset, ahead)
        if key is not None:
            return key
        exclude = {k for n, entries in roles.by_noun.items() if n.endswith("-year-old") and n != noun
                   and n != f"{age}-year-old" for _, k in entries}
    nation = next((gazetteer.country(c.text) for c in tok.children if c.dep_ in ("amod", "compound") and
                   c.text[:1].isupper() and gazetteer.country(c.text) is not None), None)
    if nation is not None and roles.by_noun.get(noun):
        # "the Iranian president" of two presidents the lede introduced (a country's and a university's): the one
        # the article ties to that country, else nobody
        tied = [k for off, k in roles.by_noun[noun] if k in coref.index.actors and
                nation.name in countries_of(coref, coref.index.actors[k])]
        if len({k for _, k in roles.by_noun[noun]}) > 1:
            return tied[-1] if len(set(tied)) == 1 else None
    full = qualified(tok, noun)
    if full != noun:  # "the prime minister" is not whoever was introduced as "Foreign Minister"
        key = roles.before(full, offset, ahead)
        if key is not None or lexicon.role_nouns().get(noun) != "topic":
            return key if key not in exclude else None
        # "the top seed", "the senior player": a description of the person in focus, as the noun alone
    key = roles.before(noun, offset, ahead)
    if key is not None and key not in exclude:
        return key
    if lexicon.role_nouns().get(noun) == "topic" and _definite(tok):
        # "the Chinese player" is never a person the article ties to another country ("the 22-year-old American")
        if nation is not None:
            exclude = exclude | persons_abroad(coref, nation.name)
        # "the mother said" is not the son the story is about: a gendered noun skips persons of the other sex
        sex = _NOUN_SEX.get(noun)
        return salient_person(coref, offset, exclude=exclude |
                              {k for k, g in coref.gender.items() if sex and g != sex})
    return None


def _indefinite_of_a_body(tok: Token) -> bool:
    """"a spokesman for the ministry", "an official at the embassy": an indefinite role noun with the body it
    works for."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and \
        any(c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with") and c.i > tok.i for c in tok.children)


def described_before(parsed, noun: str, offset: int) -> bool:  # noqa: ANN001 - a Parsed
    """Whether somebody new was described with ``noun`` before ``offset`` ("a spokesman for the ministry")."""
    for (pb, _), toks in zip(parsed.sentences, parsed.sentence_tokens):
        if pb.offset >= offset:
            break
        if any(t.lower_ == noun and pb.offset + t.idx < offset and _indefinite_of_a_body(t) for t in toks):
            return True
    return False


def persons_abroad(coref, nation: str) -> set[str]:  # noqa: ANN001
    """The persons the article ties to a country other than ``nation``: never "the Chinese player" nor "the
    American" of that nation."""
    return {k for k, a in coref.index.actors.items() if a.kind == "person" and countries_of(coref, a) - {nation}}


def countries_of(coref, actor) -> set[str]:  # noqa: ANN001
    """The countries the article ties a person to: a word of a country in one of their mentions ("the 22-year-old
    American") or right before one ("Chinese star Chen Lu", "China's Chen Lu")."""
    text = coref.index.parsed.article.text
    out: set[str] = set()
    for m in actor.mentions:
        before = text[max(0, m.span.begin - 30) : m.span.begin].replace("'s", " ").replace("’s", " ").split()[-3:]
        for w in before + m.span.text.split():
            c = gazetteer.country(w.strip(".,;:")) if w[:1].isupper() else None
            if c is not None:
                out.add(c.name)
    return out


_NOUN_SEX = {"mother": "f", "widow": "f", "actress": "f", "father": "m", "widower": "m"}


def _add(roles: Roles, tok: Token, noun: str, offset: int, key: str) -> None:
    """A person introduced with a role noun, also under its post title ("Foreign Minister X" is "the minister" and
    "the foreign minister")."""
    roles.add(noun, offset, key)
    if (full := qualified(tok, noun)) != noun:
        roles.add(full, offset, key)


def qualified(tok: Token, noun: str) -> str:
    """A role noun with the words of a post title right before it: "prime minister", "foreign minister" (the
    noun alone when none stands there; "deputy", "former" and their kin make another post and are left out)."""
    words: list[str] = []
    i = tok.i - 1
    titled = tok.text[:1].isupper()  # "Foreign Affairs Minister X": the title's other capitalised words are passed
    while i >= 0 and tok.doc[i].lower_ not in _SUBORDINATE and (
            tok.doc[i].lower_ in lexicon.post_words() or
            titled and tok.i - i <= 3 and (tok.doc[i].text[:1].isupper() or tok.doc[i].lower_ == "and")):
        if tok.doc[i].lower_ in lexicon.post_words():
            words.insert(0, tok.doc[i].lower_)
        i -= 1
    return " ".join(words + [noun])


def _definite(tok: Token) -> bool:
    """ "the champion", "the three-time champion", "the 29-year-old": a definite description, not "a champion"."""
    first = tok.left_edge
    for t in tok.doc[first.i : tok.i + 1]:
        if t.dep_ == "det" or t.lower_ in ("the",):
            return t.lower_ in ("the", "this", "that")
    # "“…,” the 54-year-old said", parsed with "the" hanging on the verb: the word before the phrase decides
    return first.i > 0 and tok.doc[first.i - 1].lower_ in ("the", "this", "that") and \
        tok.doc[first.i - 1].head.i != tok.i and tok.doc[first.i - 1].dep_ == "det"


# Heads that count or measure the people of their "of" phrase ("a number of senators", "some of the residents").
_QUANTITIES = {"number", "group", "majority", "minority", "handful", "couple", "some", "many", "most", "half", "few",
               "several", "all", "dozens", "scores", "hundreds", "thousands", "none", "rest", "third", "quarter",
               "%", "percent", "cent"}  # ("60% of voters said", "half of the respondents")


def quantity_group(coref, pb: ParsedBlock, tok: Token):  # noqa: ANN001, ANN201 - (actor key, span) or None
    """ "A number of senators condemned …", "Some of the residents said …": the people the quantity counts speak,
    as one group named by the whole phrase."""
    from kg import lexicon
    from kg.extraction import coref as corefs
    from kg.extraction.phrase_words import phrase_label
    from kg.pipeline.ingest import slugify

    if tok.lower_ not in _QUANTITIES and tok.lower_ != "one":
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if people is None or people.tag_ not in ("NNS", "NNPS") or people.lower_ not in lexicon.group_nouns():
        return None
    start, end = corefs.np_bounds(tok)
    span = coref.index.parsed.span_of(pb, pb.doc[start:end])
    label = phrase_label(pb, start, end)
    if tok.lower_ == "one":  # "one of the users said": one unnamed person of them
        return coref.index.add_actor("anon/" + slugify(label), label, "person", span, "role"), span
    return coref.index.add_actor("group/" + slugify(label), label, "group", span, "group"), span


def joint_source(coref, pb: ParsedBlock, tok: Token):  # noqa: ANN001, ANN201 - (actor key, span) or None
    """ "Reuters and NBC reported", "The committee and the security service said": sources named together speak as
    one group (the guidelines' group actor for joint authors). None when the phrase coordinates nothing, or fewer
    than two of its parts are actors."""
    from kg.extraction import coref as corefs
    from kg.pipeline.ingest import slugify

    parts = [tok]
    while (nxt := next((c for c in parts[-1].children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")),
                       None)) is not None:
        parts.append(nxt)  # the coordination of the subject itself, not one inside its apposition
    if len(parts) < 2 or not any(c.dep_ == "cc" for p in parts for c in p.children):
        return None  # (no "and": "Jo Roe, a columnist," is one person the parse coordinated with her description)
    keys: list[str] = []
    for p in parts:
        hit = corefs.resolve(coref, pb, p)
        if hit is not None and hit[0] not in keys:
            keys.append(hit[0])
    if len(keys) < 2:
        return None
    index = coref.index
    first, last = corefs.np_bounds(tok)[0], max(corefs.np_bounds(p)[1] for p in parts)
    span = index.parsed.span_of(pb, pb.doc[first:last])
    labels = [index.actors[k].label for k in keys]
    label = ", ".join(labels[:-1]) + " and " + labels[-1]
    return index.add_actor("group/" + slugify(label), label, "group", span, "group"), span


def _roles(work: Work) -> None:
    from kg.extraction.epithets import learn_epithets

    work.coref.roles = learn_roles(work.names)
    work.coref.roles.epithets = learn_epithets(work.names)
    work.put(roles=work.coref.roles)


ROLES = Step("roles", ("names", "coref"), ("roles",), _roles,
             "the roles the article gives people (\"the researcher\", \"the spokesperson\"), for role nouns met later")
