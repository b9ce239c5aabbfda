"""Statements that a layout, not a reporting verb, attributes: embedded social posts and interviews in Q&A form.

- A social post embedded in an article ends with its signature: "… — Jane Doe (@janedoe) October 3, 2022". What
  precedes the signature in the paragraph (or, for a signature on a line of its own, the paragraph before it) is the
  post, said by its author.
- An interview in Q&A form: paragraphs opening with "Q:"/"Question:" are the interviewer's (the subject of "spoke
  to", "interviewed", "talked with" … before the first question), paragraphs opening with "A:"/"Answer:" the
  interviewee's (the person in focus at the first question); a paragraph opening with a known person's or
  organisation's name and a colon ("Park: We want …") is theirs.
"""

from __future__ import annotations

import re

from kg.extraction import discourse
from kg.ingest import slugify
from kg.model import Span, Statement

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
SIGNATURE = re.compile(rf"\s*(?:—|–|--|-)\s*(?P<name>[^()\n—–@]{{2,60}}?)\s*\(@\w{{1,30}}\)\s*"
                       rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})?\s*$")
_LINK_TAIL = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")
QA_LABEL = re.compile(r"^(?P<label>Q|Question|A|Answer)\s*[:.]\s+")
NAME_LABEL = re.compile(r"^(?P<label>[A-Z][\w.'’\- ]{1,40}?):\s+")
_INTERVIEW_VERBS = {"interview", "speak", "talk", "sit", "ask", "question"}


def social_posts(finder) -> list[Statement]:  # noqa: ANN001 - a StatementFinder
    out = []
    paragraphs = [pb for pb in finder.parsed.blocks if pb.block.kind == "paragraph"]
    for i, pb in enumerate(paragraphs):
        block = pb.block.span
        m = SIGNATURE.search(block.text)
        if m is None:
            continue
        body_end = block.begin + m.start()
        if m.start() == 0:  # the signature on a line of its own: the post is the paragraph before
            if i == 0:
                continue
            prev = paragraphs[i - 1].block.span
            body_begin, body_end = prev.begin, prev.end
        else:
            body_begin = block.begin
        text = finder.text[body_begin:body_end]
        text = _LINK_TAIL.sub("", text).rstrip()
        if len(text.split()) < 2:
            continue
        content = finder.parsed.article.span(body_begin, body_begin + len(text))
        if any(c.overlaps(content) for st in finder.statements for c in st.content):
            continue
        name = finder.parsed.article.span(block.begin + m.start("name"), block.begin + m.end("name"))
        speaker = _author(finder, name)
        out.append(Statement("", [content], "direct", speaker=speaker, speaker_mention=name, sentence=block,
                             evidence="named"))
    return out


def _author(finder, name: Span) -> str:  # noqa: ANN001
    index = finder.coref.index
    key = index.owner_at(name.begin, name.end)
    if key in index.actors:
        index.add_actor(key, index.actors[key].label, index.actors[key].kind, name)
        return key
    return index.add_actor("person/" + slugify(name.text), name.text, "person", name)


def interviews(finder) -> list[Statement]:  # noqa: ANN001
    paragraphs = [pb for pb in finder.parsed.blocks if pb.block.kind == "paragraph"]
    labelled = [(pb, m) for pb in paragraphs if (m := QA_LABEL.match(pb.block.span.text))]
    kinds = {m.group("label")[0] for _, m in labelled}
    out: list[Statement] = []
    index = finder.coref.index
    if kinds == {"Q", "A"}:
        first = labelled[0][0].block.span.begin
        interviewee = discourse.salient_person(finder.coref, first)
        interviewer = _interviewer(finder, first)
        for pb, m in labelled:
            who = interviewer if m.group("label")[0] == "Q" else interviewee
            st = _labelled(finder, pb, m, who)
            if st is not None:
                out.append(st)
    for pb in paragraphs:
        m = NAME_LABEL.match(pb.block.span.text)
        if m is None or QA_LABEL.match(pb.block.span.text):
            continue
        b = pb.block.span.begin
        key = index.owner_at(b, b + m.end("label"))
        hit = index.mention_of_token(pb, pb.doc[0]) if len(pb.doc) else None
        if key not in index.actors or hit is None or hit[1].end != b + m.end("label"):
            continue
        if index.actors[key].kind not in ("person", "organization", "government"):
            continue
        st = _labelled(finder, pb, m, key)
        if st is not None:
            out.append(st)
    return out


def _labelled(finder, pb, m, who: str | None) -> Statement | None:  # noqa: ANN001
    if who is None:
        return None
    block = pb.block.span
    content = finder.parsed.article.span(block.begin + m.end(), block.end)
    if len(content.text.split()) < 2 or any(c.overlaps(content) for st in finder.statements for c in st.content):
        return None
    return Statement("", [content], "direct", speaker=who, sentence=block, evidence="interview")


def _interviewer(finder, before: int) -> str | None:  # noqa: ANN001
    """Who asks: the subject of "spoke to", "interviewed", "talked with" … before the first question."""
    index = finder.coref.index
    for pb, sent in finder.parsed.sentences:
        if pb.offset + sent.start_char >= before:
            break
        for tok in sent:
            if tok.lemma_ in _INTERVIEW_VERBS and tok.pos_ == "VERB":
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and (hit := index.mention_of_token(pb, subj)) is not None:
                    return hit[0]
    return None
