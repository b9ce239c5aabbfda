"""What the article's own words say about a name, where extraction's actors do not say it: an acronym spelt out
elsewhere in the article ("the Internal Revenue Service … the IRS"), a country's name standing for its national team
in a report of a match ("Italy failed to qualify", "a goal against Panama"), and the sport a report is of.

The text is optional: without it (a caller that links an extraction alone) these rules do not fire.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Actor
from kg.pipeline.link.kb import Entity

# words of sport: two or more of them make an article a report of sport
_SPORT_WORDS = {"match", "matches", "goal", "goals", "striker", "goalkeeper", "midfielder", "tournament",
                "championship", "league", "cup", "fixture", "penalty", "scored", "semi-final", "quarter-final",
                "final", "innings", "wicket", "tries", "touchdown", "referee", "squad", "coach", "medal", "medals",
                "olympics", "qualifier", "qualifiers", "defender", "captain"}

# the sports whose national teams the knowledge base names "<Country> national <sport> team", by the words that
# name them in a report ("FIFA" is football's federation; "World Cup" is many sports' and names none)
_SPORTS = {"football": ("football", "soccer", "fifa", "uefa"), "cricket": ("cricket", "wicket", "innings"),
           "basketball": ("basketball", "fiba"), "ice hockey": ("ice hockey",), "rugby union": ("rugby",)}

# a country's name as a side: before a verb of playing ("Italy failed to qualify", "Chile drew"), after a
# preposition of a match ("against Chile", "for Chile" after a player's caps), as the owner of a player or an
# attempt ("Chile's goalkeeper", "Chile coach"), after "debutants" or "hosts"
_AFTER = re.compile(r"^(?:['’]s)?\s+(?:beat|beats|defeated|won|wins|lost|loses|drew|draws|scored|scores|played|"
                    r"plays|faced|faces|qualified|failed to qualify|advanced|were eliminated|was eliminated|"
                    r"equalised|equalized|led|trailed|conceded)\b")
_OWNED = re.compile(r"^(?:['’]s)?\s+(?:goalkeeper|keeper|coach|manager|captain|striker|squad|defence|defense|"
                    r"attack|attempt|goal|midfielder|defender|forward|players?|side|team|fans|supporters)\b")
_BEFORE = re.compile(r"(?:\bagainst|\bversus|\bvs\.?|\bdebutants|\bdebutans|\bhosts|\bmatches for|\bcaps for|"
                     r"\bgoals for|\bplayed for|\bplay for|\bplaying for|\bplayer for|\bappearances for)\s+$", re.I)


@lru_cache(maxsize=4)
def sporty(text: str) -> bool:
    words = set(re.findall(r"[a-z][a-z-]+", text.lower()))
    return len(words & _SPORT_WORDS) >= 2


@lru_cache(maxsize=4)
def sports(text: str) -> frozenset[str]:
    """The sports the article names."""
    low = text.lower()
    return frozenset(s for s, words in _SPORTS.items() if any(re.search(rf"\b{re.escape(w)}\b", low) for w in words))


def sport(text: str) -> str | None:
    """The one sport the article names; None where it names none or several."""
    named = sports(text)
    return next(iter(named)) if len(named) == 1 else None


def plays_as_team(actor: Actor, text: str) -> bool:
    """Whether a country's name stands for its team in a report of sport: most of its mentions are a side of a
    match by the words around them (one match a crime report mentions leaves the country a country)."""
    if not text or not sporty(text):
        return False
    sides = seen = 0
    for m in actor.mentions:
        if m.kind not in ("name", "metonymy") or text[m.span.begin:m.span.end] != m.span.text:
            continue
        seen += 1
        after, before = text[m.span.end:m.span.end + 40], text[max(0, m.span.begin - 30):m.span.begin]
        sides += bool(_AFTER.match(after) or _OWNED.match(after) or _BEFORE.search(before))
    return sides > seen / 2


def spelt_out(e: Entity, text: str) -> bool:
    """Whether the article writes out the record's name of which the text's acronym is the short form ("the
    Internal Revenue Service" in an article that then writes "IRS")."""
    if not text:
        return False
    label = re.sub(r"\s*\([^)]*\)$", "", e.label)  # "Advanced Micro Devices (United States)"
    if len(label.split()) < 2 or label not in text:
        return False
    return re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text) is not None


_APPOSED = re.compile(r"^,\s+(?:a|an|the)\s+([^,.;:\"“”()]{1,80})")


def apposed(actor: Actor, text: str) -> str:
    """What the text says a person is in an apposition after their full name ("Dana Roe, an Ottawa Labour MP,
    said"): the words, lower-case; "" where there is none."""
    if not text:
        return ""
    out = []
    for m in actor.mentions:
        if m.kind == "name" and len(m.span.text.split()) >= 2 and text[m.span.begin:m.span.end] == m.span.text:
            found = _APPOSED.match(text[m.span.end:m.span.end + 90])
            if found:
                out.append(found.group(1).lower())
    return " ".join(out)
