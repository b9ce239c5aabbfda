"""A headline's bare body noun that speaks ("Union vows to continue strike", "Police say …"), given, once the whole
story is read, to the body the story names with that head noun ("the PWU union", "the Dunmore Police
Department"), or for "Company"/"Firm" (and "Club", "Group" … whose story names no body by that word) to the story's
main organisation.

Coreference reads the headline first: a body the story names only by a phrase coreference makes ("the RMT union")
is no actor yet when the headline is resolved, so the headline's noun becomes an actor of its own. This pass runs
when every statement is found and moves the headline's mention to the story's body.
"""

from __future__ import annotations

from kg import lexicon
from kg.extraction.bodies import FIRM_NOUNS, GENERIC_BODIES, story_subject
from kg.model import Statement


def _body_of(coref, noun: str, after: int, exclude: str) -> str | None:  # noqa: ANN001 - a Coref
    """The organisation (or government body) first mentioned after ``after`` whose name has ``noun`` as a word;
    for a firm's noun, the story's main organisation."""
    index = coref.index
    subject = story_subject(coref, len(index.parsed.article.text) + 1)
    if noun in FIRM_NOUNS:
        return subject if subject != exclude else None
    best: tuple[int, str] | None = None
    for (b, _), key in index.mention_owner.items():
        actor = index.actors.get(key)
        if b <= after or key == exclude or actor is None or actor.kind not in ("organization", "government") or \
                not key.startswith("org/") or noun not in actor.label.lower().split():
            continue
        if best is None or b < best[0]:
            best = (b, key)
    if best is None and noun in GENERIC_BODIES and subject != exclude:
        return subject  # "Club confirms …" over a story about "Harwick Rovers"
    return best[1] if best else None


def rebind(coref, statements: list[Statement]) -> int:  # noqa: ANN001 - a Coref
    """Give each headline statement spoken by a bare body noun to the story's body of that noun (how many)."""
    index = coref.index
    headline = index.parsed.article.headline
    end = headline.end if headline is not None else -1
    moved = 0
    for st in statements:
        m = st.speaker_mention
        old = index.actors.get(st.speaker or "")
        if m is None or old is None or m.end > end or old.kind not in ("organization", "government", "group"):
            continue
        words = m.text.split()
        noun = words[0].lower() if len(words) == 1 else ""
        if noun not in lexicon.org_heads() and noun not in FIRM_NOUNS | GENERIC_BODIES:
            continue
        if any(x.span.begin >= end for x in old.mentions):
            continue  # the story itself calls a body by that bare noun: it is one
        target = _body_of(coref, noun, end, old.key)
        if target is None:
            continue
        for other in statements:
            if other.speaker == old.key and other.speaker_mention is not None and other.speaker_mention.end <= end:
                other.speaker = target
        old.mentions = [x for x in old.mentions if (x.span.begin, x.span.end) != (m.begin, m.end)]
        index.mention_owner.pop((m.begin, m.end), None)
        index.add_actor(target, index.actors[target].label, index.actors[target].kind, m, "role")
        if not old.mentions and not any(o.addressee == old.key for o in statements):
            del index.actors[old.key]
        moved += 1
    return moved
