"""People's candidates for the linker (:mod:`kg.pipeline.link.linking`): a person named in full, by a surname, with a
given name spelt apart, or by a post alone ("the Malaysian prime minister"), each with the evidence the article gives
(posts, titles, the article's date against the terms of posts, the article's countries)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from kg.model import Actor, Extraction
from kg.pipeline.link.kb import Entity, KnowledgeBase, name_key
from kg.pipeline.link.names import NAME_MENTIONS, strip_titles, trailing_names, without_country
from kg.pipeline.link.person_forms import misspelt_title, other_forms, with_particle
from kg.pipeline.link.text_evidence import apposed

SEAT = "member of a national legislature"  # the category of a legislature's seat as a post
_FORMER = ("former", "ex", "late", "then", "outgoing", "incoming", "acting", "deputy", "vice", "interim")


@dataclass(frozen=True)
class Scored:
    entity: Entity
    confidence: float
    evidence: tuple[str, ...]


@dataclass
class Context:
    """What the article says around an actor: its date, its countries, the records already resolved."""

    day: dt.date | None
    resolved: dict[str, str] = field(default_factory=dict)  # actor key → record id
    countries: set[str] = field(default_factory=set)  # record ids of the countries the article speaks of
    # the countries only its regions speak of: no evidence for those regions themselves (a region of one country in the base may be another's too)
    regional: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # record ids of the people the article names
    text: str = ""  # the article's text, where the caller gives it (kg.pipeline.link.text_evidence)

    def rid(self, key: str | None) -> str | None:
        return self.resolved.get(key, key) if key else None


def prior(e: Entity) -> float:
    return 1.0 if e.prior is None else e.prior


def person_candidates(actor: Actor, x: Extraction, kb: KnowledgeBase, ctx: Context) -> list[Scored]:
    name = strip_titles(actor.label)
    if len(name.split()) == 2 and (misspelt_title(name.split()[0]) or name.split()[0].lower() == "baroness"):
        name = name.split()[1]  # "Minster Roe": a title with a slip in front of a surname; "Baroness Roe" a peer's
    full = len(name.split()) >= 2
    pool = [e for e in kb.named(name) if e.type == "person"]
    for shorter in trailing_names(name) if full and not pool else ():
        pool = [e for e in kb.named(shorter) if e.type == "person"]
        if pool:  # "Senator Dara Quill": the name after the description
            name = shorter
            break
    words = name.split()
    for i in range(1, len(words) - 2) if full and not pool else ():
        # "Rural Development" + a name: a title run into a name of three words or more
        # that a record bears as its very name (no description word is that long a person's name)
        pool = [e for e, w in kb.named_weighted(" ".join(words[i:])) if e.type == "person" and w >= 1.0]
        if pool:
            name = " ".join(words[i:])
            break
    spelt, form = False, ""
    if full and not pool:
        # "Sergei" for "Sergey", a slip: a record of that surname whose given name the text spells one letter
        # apart (transliterations, slips); it needs what a surname alone needs, a post or the date
        # (an Arabic article written apart, "Bashar al Assad", belongs to the surname)
        cut = -2 if len(words) >= 3 and name_key(words[-2]) in ("al", "el") else -1
        given = name_key(" ".join(words[:cut]))
        bearers = kb.with_surname(" ".join(words[cut:]))
        pool = [e for e in bearers if e.type == "person" and len(given) >= 4
                and one_letter_apart(name_key(" ".join(e.label.split()[:-1])), given)]
        # "Ash Roe" for Ashton Roe, "Dana Roe" for Dana Mae Roe: the same surname, the rest in another form
        form = "given name spelt apart" if pool else "another form of the name"
        pool = pool or other_forms(name, bearers if cut == -1 else kb.with_surname(words[-1]))
        spelt = bool(pool)
    if not full:
        pool += [e for e in kb.with_surname(name) if e not in pool]
        pool += [e for e in with_particle(name, kb) if e not in pool]  # "Assad" for al-Assad
    holdings = [h for h in x.holdings if h.holder == actor.key]
    mention_titles = {name_key(" ".join(m.span.text.split()[:-1])) for m in actor.mentions
                      if m.kind in NAME_MENTIONS and len(m.span.text.split()) > 1}  # "President Ruiz"
    mention_titles |= {name_key(m.span.text) for m in actor.mentions if m.kind == "role"}  # "the President"
    if actor.described_as and not full:  # "President Roe", the title written before the surname
        mention_titles.add(name_key(actor.described_as))
        if (split := without_country(actor.described_as)) is not None:  # "Freedonian President Roe"
            mention_titles.add(name_key(split[1]))
    present = {ctx.rid(a.key) for a in x.actors} | ctx.countries  # the countries and bodies the article speaks of
    own = ctx.rid(actor.country)
    day = ctx.day
    out = []
    said_to_be = _occupations(actor, name, holdings)
    said = apposed(actor, ctx.text)  # "Dana Roe, an Ottawa Labour MP, said"
    before = _words_before(actor, name) if full else set()  # "MP Dana Roe", "Foreign Minister Dana Roe"
    for e in pool:
        if own and e.country and own != e.country:
            continue  # "Peruvian minister Salcedo" is not a record of another country
        if said_to_be and not e.positions and e.description and \
                not _families(said_to_be) & _families(set(name_key(e.description).split())) and \
                not (e.category == "politician" and said_to_be & _POST_WORDS):
            continue  # "Assistant U.S. Attorney Dan Roe" is not the actor Dan Roe of the knowledge base
        evidence = []
        posts = [(p, kb.get(p.post)) for p in e.positions]
        if any(post and any(name_key(t) == name_key(h.post) for t in post.titles)
               and ctx.rid(h.organization) == post.of
               and (day is None or p.held_at(day) or h.valid_at is None)
               for p, post in posts for h in holdings):
            evidence.append("post")
        if any(post and any(name_key(t) in mention_titles for t in post.titles) for _, post in posts) or \
                _peer(e, actor) or \
                _described_post(e, mention_titles) or _apposed_post(posts, said) or \
                any(_apposed_post(_current(posts, day), b) for b in before):
            evidence.append("title")
        # a post held at the article's date counts when the article speaks of that post's country or body
        # (Biden in 2022 in an article about the United States), not for a namesake in unrelated news
        # (a seat in a legislature of hundreds does not count: a life peer named John Smith is not every John Smith)
        if day is not None and any(p.held_at(day) and post and post.of in present and post.category != SEAT
                                   for p, post in posts):
            evidence.append("in office at the article date")
            if not full and any(p.held_at(day) and p.source == "source/leaders" and post and post.of in present
                                for p, post in posts):
                # "Biden" in 2022: the head of state or government in office, before a minister or a relative
                # of the same name who also held a post then (the news names a leader by the surname alone)
                evidence.append("head of state or government")
        elif not full and len(pool) == 1 and prior(e) >= 0.9 and day is not None \
                and any(p.held_at(day) for p, _ in posts):
            # "Putin" in 2022: the only person of that name the knowledge base knows, a head of state at the date
            evidence.append("sole bearer of the name in office at the article date")
        if e.country and (e.country == own or e.country in ctx.countries):
            evidence.append("country")
        strong = [v for v in evidence if v != "country"]
        if spelt and form == "another form of the name" and prior(e) >= 0.9 and len(pool) == 1 \
                and "country" in evidence and name_key(e.label.split()[0]) != name_key(words[0]):
            # "Jim Roe" for James Roe, a head of state or government of the hand-verified or the leaders' list,
            # the one record the short form finds, in an article of their country: a full name, a little less sure
            # (a middle name left out, "Dana Roe" for Dana Mae Roe, still needs a post or the date)
            conf = 0.75 + 0.05 * len(evidence)
            why = (form, *evidence)
        elif full and not spelt:
            # a name alone: enough for the people of the hand-verified list and heads of state and government;
            # a politician of the derived lists needs the article to speak of their country too
            # (a well-known person of prior 0.8, on the full name alone too, a little less sure)
            # (a legislator of the office holders' table, prior 0.4, needs a post or a title besides the country)
            conf = 0.85 if prior(e) >= 0.9 else 0.75 if prior(e) >= 0.8 else 0.65 if prior(e) >= 0.5 else 0.55
            conf += 0.05 * len(evidence) + (0.05 if "country" in evidence and prior(e) < 0.9 else 0.0)
            if len(name.split()) >= 3 and len(pool) == 1:
                conf += 0.1  # a name of three words or more that one record bears is seldom a namesake's
                evidence.append("long name of one record")
            why = ("full name", *evidence)
        else:  # a surname alone: only a post, a title or the date can single a record out
            conf = 0.45 + (0.3 if strong else 0.0) + 0.05 * len(evidence)
            conf += 0.05 if "head of state or government" in evidence else 0.0
            conf += 0.1 if spelt else 0.0  # and a given name one letter apart
            why = (form if spelt else "surname", *evidence)
        out.append(Scored(e, min(conf, 1.0), why))
    return out


# Words of a post any politician may hold ("the regional president" of a record described as a politician).
_POST_WORDS = {"president", "minister", "premier", "governor", "mayor", "senator", "chancellor", "leader", "speaker",
               "deputy", "representative", "congressman", "congresswoman", "councillor", "councilor", "secretary",
               "member", "mp", "lawmaker", "legislator", "chairman", "chairwoman", "chair", "head", "prime"}


# what an apposition calls a member of a national legislature ("a Labour MP", "a Democratic senator")
_SEAT_WORDS = {"mp", "mps", "lawmaker", "legislator", "parliamentarian", "senator", "congressman", "congresswoman",
               "representative", "deputy"}  # and "member of parliament", looked for as a phrase


def _apposed_post(posts: list, said: str) -> bool:  # noqa: ANN001 - (Position, post Entity) pairs
    """Whether an apposition after the full name names a post the record held: its title, or a legislator's word
    for a seat in a national legislature."""
    if not said:
        return False
    key = name_key(said)
    words = set(key.split())
    return any(post and (post.category == SEAT and (words & _SEAT_WORDS or "member of parliament" in key)
                         or any(f" {name_key(t)} " in f" {key} " for t in post.titles))
               for _, post in posts)


_PEERS = re.compile(r"^(lord|baroness) (.+)$")


def _peer(e: Entity, actor: Actor) -> bool:
    """Whether the text calls the person by the peerage the record's label gives ("Lord Roe" of "Dana Roe, Baron
    Roe of Elm", "Baroness Roe" of "Dana Roe, Baroness Roe"): the title a peer is known by in the news."""
    label = name_key(e.label)
    for m in actor.mentions:
        found = _PEERS.match(name_key(m.span.text)) if m.kind in NAME_MENTIONS or m.kind == "title" else None
        if found and re.search(rf" (baron|baroness) {re.escape(found.group(2))}( of .+)?$", label):
            return True
    return False


def _current(posts: list, day: dt.date | None) -> list:  # noqa: ANN001 - (Position, post Entity) pairs
    """The posts held at the article's date, and seats in a legislature at any date (the tables give recent terms
    only): what a title written in front of a full name can be ("President Dana Roe" is the president of the
    day, not a namesake who held the post before)."""
    return [(p, post) for p, post in posts if post and (post.category == SEAT or day is None or p.held_at(day))]


def _words_before(actor: Actor, name: str) -> set[str]:
    """What the text writes in front of a person's full name: "MP" of "MP Dana Roe", and the description
    extraction kept ("Foreign Minister" of "Foreign Minister Dana Roe")."""
    key = name_key(name)
    out = {name_key(actor.described_as or "")}
    for m in actor.mentions:
        text = name_key(m.span.text)
        if m.kind in NAME_MENTIONS and text.endswith(" " + key):
            out.add(text[: -len(key)].strip())
    return out - {""}


def _described_post(e: Entity, titles: set[str]) -> bool:
    """Whether the title the text gives ("Senator Roe") is the post the record's description states ("US Senator
    from Ohio"), for a post the record's terms do not give."""
    words = set(name_key(e.description or "").split())
    return any(t and set(t.split()) <= words and set(t.split()) & _POST_WORDS for t in titles)


# Words for one occupation ("director" of a film is a record's "filmmaker"): each word stands for its family.
_FAMILIES = {w: fam for fam, words in {
    "film": ("director", "filmmaker", "film-maker", "producer", "screenwriter"),
    "acting": ("actor", "actress", "star"),
    "music": ("singer", "singer-songwriter", "songwriter", "musician", "vocalist", "rapper", "guitarist", "drummer",
              "pianist", "composer", "bandleader"),
    "football": ("footballer", "player", "striker", "midfielder", "defender", "goalkeeper", "forward"),
    "writing": ("writer", "author", "novelist", "poet", "playwright"),
    "coaching": ("coach", "manager", "trainer"),
}.items() for w in words}


def _families(words: set[str]) -> set[str]:
    return {_FAMILIES.get(w, w) for w in words}


@cache
def _occupation_words() -> frozenset[str]:
    from kg import lexicon

    return frozenset(lexicon.person_nouns()) | frozenset(lexicon.role_nouns()) | \
        frozenset(w for h in lexicon.post_heads() for w in h.split())


def _occupations(actor: Actor, name: str, holdings: list) -> set[str]:  # noqa: ANN001 - PositionHolding
    """The words of what the article says a person is ("Assistant U.S. Attorney", "the prosecutor", a post held),
    where they name an occupation or a post: what a record without posts must agree with."""
    known = _occupation_words()
    own = set(name_key(name).split())
    words = {w for m in actor.mentions if m.kind in NAME_MENTIONS or m.kind == "role"
             for w in name_key(m.span.text).split()} | {w for h in holdings for w in name_key(h.post).split()}
    words |= set(name_key(actor.described_as or "").split())
    words -= own
    return words if words & known else set()


def one_letter_apart(a: str, b: str) -> bool:
    """Two spellings one letter apart: one substituted, inserted or deleted ("sergey"/"sergei", "antony"/"anthony")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def unnamed_holder(actor: Actor, kb: KnowledgeBase, ctx: Context, speaks: bool = False) -> list[Scored]:
    """"The Malaysian prime minister", "Japan's emperor": the one holder of that post at the article's date.
    A post without its country ("the prime minister said") only when it ``speaks``: a post that does nothing but
    be explained ("the monarch is the head of state") is the office in general."""
    if ctx.day is None:
        return []
    words = actor.label.replace("’s", "").replace("'s", "").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or any(w.lower().strip("-") in _FORMER for w in words):
        return []  # "the former prime minister", "the deputy prime minister": not the holder at the date
    split = without_country(" ".join(words))
    own = ctx.rid(actor.country)
    named_only = False
    if split is not None:
        countries, title = {split[0]}, split[1]
    elif own:
        countries, title = {own}, " ".join(words)
    elif speaks:
        # "the prime minister" with no country: the holder at the date of that post in one of the article's
        # countries, and only one the article names ("Dara Quill has ... the prime minister told ...")
        countries, title, named_only = ctx.countries - ctx.regional, " ".join(words), True
    else:
        return []
    out = []
    for post in kb.posts_titled(title):
        if post.of not in countries:
            continue
        holders = [h for h in kb.holders(post.id)
                   if any(p.post == post.id and p.held_at(ctx.day) for p in h.positions)]
        if named_only:
            holders = [h for h in holders if h.id in ctx.people]
        for h in holders:
            out.append(Scored(h, 0.8 if len(holders) == 1 else 0.5, ("post at the article date", post.id)))
    if named_only and len({s.entity.id for s in out}) > 1:
        return []  # two named holders of posts so titled (two countries' prime ministers): which one?
    return out
