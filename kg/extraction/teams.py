"""Countries that play: in a report of a match, "Belgium beat Panama 3–0" names two national teams, not two states.

A country's name is a team's when one of its mentions plays a part in a match — the subject or object of a verb of
winning or losing ("beat", "defeated", "drew with", "lost to"), or a side of a score ("Belgium 3–0 Panama") — and
the article is about sport (a score in that sentence, or words of sport in the article). Such an actor becomes an
organisation, "team/…", described as a national team: the linker then gives it no state's item (a national team
is not the country; no link is better than a wrong one). A country that only hosts, governs or speaks stays a
country.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extraction.steps import Step, Work
from kg.model import Actor
from kg.pipeline.ingest import slugify

_MATCH_VERBS = {"beat", "defeat", "thrash", "rout", "edge", "eliminate", "outscore", "outplay", "upset", "draw",
                "tie", "lose", "overcome", "whitewash", "hammer", "down", "trounce", "concede"}
_MEDALS = {"medal", "medals", "gold", "silver", "bronze", "podium"}
_SIDES = {"against", "to", "with", "over", "past"}  # "lost to X", "drew with X", "a win over X", "got past X"
_SCORE = re.compile(r"\b\d{1,2}\s?[–-]\s?\d{1,2}\b")
_SPORT_WORDS = {"match", "goal", "goals", "striker", "goalkeeper", "midfielder", "tournament", "championship",
                "league", "cup", "fixture", "kick-off", "penalty", "scored", "semi-final", "semifinal", "quarter-final",
                "final", "inning", "innings", "wicket", "try", "tries", "touchdown", "referee", "squad", "coach",
                "medal", "medals", "competition", "olympics", "championships", "team", "teams"}


def _plays(tok: Token) -> bool:
    """Whether the name at ``tok`` is a side in a match: subject or object of a verb of winning or losing, or the
    object of its "to"/"with"/"against" phrase; or a medal's winner ("the silver went to Poland", "Poland took
    bronze")."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and head.lemma_.lower() in _MATCH_VERBS:
        return True
    medal = any(t.lower_ in _MEDALS for t in tok.sent)
    if medal and (tok.dep_ == "pobj" and head.lower_ == "to" or
                  tok.dep_ == "nsubj" and head.lemma_.lower() in ("win", "take", "claim", "earn", "finish")):
        return True
    return tok.dep_ == "pobj" and head.lower_ in _SIDES and head.head.lemma_.lower() in _MATCH_VERBS | {"win", "victory"}


def _sporty(text: str) -> bool:
    words = set(re.findall(r"[a-z][a-z-]+", text.lower()))
    return len(words & _SPORT_WORDS) >= 2


def national_teams(work: Work) -> None:
    index = work.names
    parsed = work.parsed
    if not _sporty(parsed.article.text):
        return
    for actor in [a for a in index.actors.values() if a.kind == "country"]:
        playing = False
        for m in actor.mentions:
            hit = parsed.token_at(m.span.end - 1)
            if hit is None:
                continue
            pb, tok = hit
            while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
                tok = tok.head
            sentence = tok.sent.text
            if _plays(tok) and (_SCORE.search(sentence) or _sporty(sentence)):
                playing = True
                break
        if not playing:
            continue
        key = "team/" + slugify(actor.label)
        team = index.actors.setdefault(key, Actor(key=key, label=actor.label, kind="organization"))
        team.described_as = "national team"
        index.merge_into(actor.key, key)


def _teams(work: Work) -> None:
    national_teams(work)
    work.put(teams=True)


TEAMS = Step("teams", ("names",), ("teams",), _teams,
             "a country's name that is a side in a match report is its national team, not the state")
