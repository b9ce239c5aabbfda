"""Which body an unnamed noun phrase stands for ("the company", "the bloc", "the newspaper"), and which plural subjects
speak as a group ("The operators said …"): the helpers of :func:`kg.extraction.coref.resolve` for bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg import gazetteer, lexicon
from kg.pipeline.nlp import ParsedBlock

if TYPE_CHECKING:
    from kg.extraction.coref import Coref

_DETERMINERS = {"the", "a", "an"}


# Plurals that report without being people: what figures, polls and reports "show" or "say" is nobody's statement.
_NOT_AGENTS = frozenset({"figure", "data", "statistic", "result", "number", "poll", "survey", "report", "rumour",
                         "rumor", "estimate", "sign", "indication", "record", "thing", "time", "day", "year", "event",
                         "condition", "circumstance", "experience", "fact", "detail", "term", "rule", "law",
                         "finding", "study", "test", "analysis", "model", "projection", "forecast", "cap", "limit"})


def speaking_plural(tok: Token) -> bool:
    """ "The operators said …", "The airlines warned that …": the plural subject of a reporting verb with a clause
    is a group that speaks, whatever its noun (the group nouns of the lexicon also name groups that do not speak)."""
    verb = tok.head
    lemma = verb.lemma_.lower()
    return tok.tag_ == "NNS" and tok.dep_ == "nsubj" and lemma in _SAYING and \
        tok.lemma_.lower() not in _NOT_AGENTS and any(
            c.dep_ == "ccomp" or c.dep_ == "dobj" and lemma in ("announce", "deny", "demand") or
            c.dep_ == "xcomp" and lemma in ("vow", "promise", "urge", "warn") for c in verb.children)
    # ("Several firms announced plans to leave", "the airlines vowed to appeal")


# Verbs of saying whose subject speaks (not "footprints suggest", "results indicate", "the data show").
_SAYING = frozenset({"say", "tell", "warn", "announce", "claim", "argue", "insist", "deny", "vow", "promise", "urge",
                     "state", "add", "explain", "complain", "admit", "allege", "demand", "reply", "respond",
                     "acknowledge", "concede", "contend", "maintain", "stress", "write", "declare", "assert"})


def named_body(pb: ParsedBlock, start: int, end: int, head: Token, lemma: str) -> bool:
    """Whether a body's noun phrase carries a name ("the Gaza Media Office", "the Commission") rather than being an
    anaphor: a capital counts only off the determiner, which opens a sentence with one ("The company said"), and a
    capitalised "Company" or "Firm" alone is how a company's own release refers to itself ("The Company noted")."""
    capitals = [t for t in pb.doc[start:end] if t.text[:1].isupper() and t.lower_ not in _DETERMINERS]
    if lemma in FIRM_NOUNS | GENERIC_BODIES and pb.doc[start].lower_ in _DETERMINERS:
        # "the US firm", "the German group": a nationality describes the company the story is about, names none
        capitals = [t for t in capitals if not (t.text in lexicon.demonyms() or gazetteer.country(t.text))]
    return bool(capitals) and not (lemma in FIRM_NOUNS and [t.i for t in capitals] == [head.i])


# the company a story is about, by what it does ("the retailer", "the German carmaker", "the US supermarket chain")
FIRM_NOUNS = frozenset({"company", "firm", "retailer", "supermarket", "carmaker", "automaker", "airline", "lender",
                        "insurer", "chain", "conglomerate"})
# words of a public body's name: "the company" never stands for one
_PUBLIC_BODY_WORDS = frozenset({"department", "ministry", "agency", "office", "council", "commission", "authority",
                                "police", "court", "government", "parliament", "senate", "university", "service"})


def _public_body(label: str) -> bool:
    return not _PUBLIC_BODY_WORDS.isdisjoint(label.lower().split())


MEDIA = frozenset({"account", "feed", "channel", "website"})  # a body's medium that speaks on its own
# Heads that stand for a body whatever its name's own head: "the bloc" (the European Union), "the alliance" (NATO).
GENERIC_BODIES = frozenset({"bloc", "body", "alliance", "organization", "organisation", "group", "institution",
                             "coalition", "club"})  # the business desk's anaphors for the company a story is about


def story_subject(coref: Coref, before: int) -> str | None:
    """The organisation the narration has made the subject of its clauses most often before an offset ("Acme
    agreed to sell …", "Acme said …"), the first of them on a tie: "the company said" then speaks for it, though a
    rival, an index or a regulator was named since (a public body, "the Fire Department", is no company). None when
    no organisation has been a subject."""
    actors = coref.index.actors
    text = coref.index.parsed.article.text
    counts: dict[str, int] = {}  # in first-subject order
    for s in coref.history:  # in text order; a short list (the actors narrated), read once per definite body noun
        if s.offset >= before:
            break
        if not s.subject or s.quoted or (a := actors.get(s.key)) is None or a.kind != "organization" or \
                not s.key.startswith("org/") or text[s.offset - 1 : s.offset] == "(" or _public_body(a.label):
            continue  # (nor the agency of a dateline: "DETROIT (AP) — Acme is recalling …", nor a public body)
        counts[s.key] = counts.get(s.key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def last_named(coref: Coref, before: int, kinds: set[str], kind: str, noun: str | None = None,
               firm: bool = False) -> str | None:
    """The organisation of that kind whose name was last mentioned before an offset (within ~600 characters); with
    ``noun``, one whose name has that head word; with ``firm``, no public body ("the company")."""
    return _nearest_named(coref, before, kinds, kind, noun, window=600, after=False, firm=firm)


def last_source(coref: Coref, before: int) -> str | None:
    """The organisation last named (within ~1500 characters before an offset) as the source of a report: the subject
    of a reporting verb, the source of "according to", the agent of a passive report or the one told."""
    parsed = coref.index.parsed
    verbs = lexicon.reporting_verbs()
    best: tuple[int, str] | None = None
    for (b, e), key in coref.index.mention_owner.items():
        actor = coref.index.actors.get(key)
        if actor is None or actor.kind != "organization" or b >= before or before - b > 1500 or \
                (best is not None and b <= best[0]) or (hit := parsed.token_at(e - 1)) is None:
            continue
        tok = hit[1]
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        head = tok.head
        according = head.lower_ == "to" and head.i > 0 and tok.doc[head.i - 1].lower_ == "according"
        if tok.dep_ in ("nsubj", "dobj", "dative") and head.lemma_.lower() in verbs and \
                (tok.dep_ == "nsubj" or head.lemma_ == "tell") or tok.dep_ == "pobj" and (head.dep_ == "agent" or according):
            best = (b, key)
    return best[1] if best else None


# Last words of newspapers' and broadcasters' names ("The Telegraph", "the Evening Standard", "Sky News").
_MEDIUM_NAME_WORDS = {"times", "telegraph", "post", "herald", "news", "guardian", "journal", "mail", "gazette",
                      "tribune", "observer", "independent", "express", "mirror", "chronicle", "standard", "globe",
                      "courier", "inquirer", "bulletin", "today", "daily", "magazine", "radio", "television", "tv"}


def last_medium(coref: Coref, before: int) -> tuple[int, str] | None:
    """The organisation with a medium's name ("The Telegraph") last named within ~1500 characters before an
    offset, whatever its role in its sentence (the medium "the newspaper" stands for): (offset, actor key)."""
    best: tuple[int, str] | None = None
    for (b, _), key in coref.index.mention_owner.items():
        actor = coref.index.actors.get(key)
        if actor is None or actor.kind != "organization" or b >= before or before - b > 1500 or \
                (best is not None and b <= best[0]):
            continue
        if actor.label.split()[-1].lower() in _MEDIUM_NAME_WORDS:
            best = (b, key)
    return best


def first_named_after(coref: Coref, after: int, kinds: set[str], kind: str, noun: str | None = None) -> str | None:
    """The organisation of that kind first named after an offset (within ~2000 characters): what a headline's bare
    noun ("Union vows …", "Ministry says …") stands for, named in the story below it; with ``noun``, one whose name
    has that head word."""
    return _nearest_named(coref, after, kinds, kind, noun, window=2000, after=True)


def _nearest_named(coref: Coref, at: int, kinds: set[str], kind: str, noun: str | None, *, window: int,
                   after: bool, firm: bool = False) -> str | None:
    """The actor of one of ``kinds`` named nearest to ``at`` on one side of it, within ``window`` characters (a
    government body only, when ``kind`` is government); with ``noun``, one whose name has that word."""
    best: tuple[int, str] | None = None
    for (b, _), key in coref.index.mention_owner.items():
        actor = coref.index.actors.get(key)
        distance = b - at if after else at - b
        if actor is None or actor.kind not in kinds or distance <= 0 or distance > window:
            continue
        if noun is not None and noun not in actor.label.lower().split():
            continue
        if firm and _public_body(actor.label):
            continue  # "the company": not the fire department named in between
        if kind == "government" and actor.kind != "government":
            continue
        if best is None or distance < best[0]:
            best = (distance, key)
    return best[1] if best else None
