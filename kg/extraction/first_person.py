"""First-person pronouns inside quotations: "I" is the quotation's speaker, "we" the body the speaker speaks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extraction.pronouns import pronoun_mention
from kg.extraction.steps import Step, Work

if TYPE_CHECKING:
    from kg.extraction.coref import Coref

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
                index.actors[key].mentions.append(pronoun_mention(parsed.article.span(off, off + len(tok.text))))


def _first_person(work: Work) -> None:
    first_person(work.coref, work.statements)
    work.put(first_person=True)


FIRST_PERSON = Step("first person", ("coref", "statements"), ("first_person",), _first_person,
                    "\"I\", \"we\" and \"my government\" inside quotations resolved to their speaker")
