"""How sure extraction is of a statement: a confidence from 0 to 1 from the evidence that found its speaker.

The scale (README, "Quality") ranks the kinds of evidence by how often each was right on the development texts:

- 0.95  an explicit reporting cue whose subject names the speaker ("Lin Wei said", "the ministry said");
- 0.90  a document that speaks for its issuer ("the ministry's statement said"), "according to X";
- 0.85  a role noun bound to a person met before ("the envoy said"), a post, a named interviewee;
- 0.80  a pronoun resolved through the discourse ("she said");
- 0.65  a pronoun with two people it could stand for, close in salience ("“…,” he said" after a quote of one man and
        a sentence about another): the better guess, contested;
- 0.75  an unnamed group or person as the speaker ("officials said") — the source is right but vague;
- 0.70  a quotation that continues the previous speaker without a cue of its own;
- 0.65  a role noun bound to a person the text names only afterwards (a headline's "Police chief says …" read as
        the chief named in the lede): right more often than not, but a guess;
- 0.60  a headline attribution ("Keller: Sylvania will join").

Indirect content is bounded by the parse rather than by quote marks, so it costs 0.05.
"""

from __future__ import annotations

from kg.extraction.steps import Step, Work
from kg.model import Actor, Statement

SCALE: dict[str, float] = {
    "named": 0.95,
    "document": 0.90,
    "according": 0.90,
    "role": 0.85,
    "interview": 0.85,
    "pronoun": 0.80,
    "contested pronoun": 0.65,
    "unnamed": 0.75,
    "continuation": 0.70,
    "role ahead": 0.65,
    "headline": 0.60,
}
_BY_MENTION = {"name": "named", "surname": "named", "title": "named", "acronym": "named", "metonymy": "named",
               "demonym": "named", "pronoun": "pronoun", "role": "role", "group": "unnamed"}


def evidence_of(st: Statement, speaker: Actor | None, contested: frozenset[int] | set[int] = frozenset()) -> str:
    """The kind of evidence a statement's speaker rests on (the finder's own label, else the speaker mention's)."""
    if st.evidence not in ("cue", ""):
        return st.evidence
    if st.speaker_mention is not None and st.speaker_mention.begin in contested:
        return "contested pronoun"
    if speaker is None:
        return "unnamed"
    kind = "name"
    if st.speaker_mention is not None:
        for m in speaker.mentions:
            if m.span.begin == st.speaker_mention.begin and m.span.end == st.speaker_mention.end:
                kind = m.kind
                break
    found = _BY_MENTION.get(kind, "named")
    if found == "role" and st.speaker_mention is not None:
        named = [m.span.begin for m in speaker.mentions if m.kind in ("name", "title", "surname")]
        if named and min(named) > st.speaker_mention.begin:
            return "role ahead"  # named only after the role noun that speaks (an unnamed role stays "role")
    if found == "named" and (speaker.key.startswith(("anon/", "group/", "localorg/"))):
        return "unnamed"
    return found


def score(statements: list[Statement], actors: dict[str, Actor], contested: frozenset[int] | set[int] = frozenset(),
          ) -> None:
    """Set ``evidence`` and ``confidence`` on every statement (``contested``: offsets of contested pronouns)."""
    for st in statements:
        st.evidence = evidence_of(st, actors.get(st.speaker or ""), contested)
        value = SCALE.get(st.evidence, 0.75)
        if st.quote_type == "indirect":
            value -= 0.05
        st.confidence = round(max(0.0, min(1.0, value)), 2)


def _confidence(work: Work) -> None:
    score(work.statements, work.names.actors, work.coref.contested)
    work.put(confidence=True)


CONFIDENCE = Step("confidence", ("statements", "names", "same_claims", "coref"), ("confidence",), _confidence,
                  "each statement's evidence and confidence in its attribution")
