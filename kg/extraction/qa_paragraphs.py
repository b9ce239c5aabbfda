"""An interview in Q&A form without speaker labels: after "X spoke with Y" (or "interviewed", "talked to" …),
paragraphs that ask (end with a question mark) alternate with paragraphs that answer. The questions are X's, the
answers Y's — only when the article names both before the first question, and asks at least twice, each question
followed by an answer: a lone rhetorical question in a story is no interview."""

from __future__ import annotations

from kg.model import Statement


def unlabelled(finder, interviewer_of, interviewee_of) -> tuple[list[Statement], list[bool]]:  # noqa: ANN001
    """The statements of an unlabelled Q&A and whether each is a question (``interviewer_of(before)`` and
    ``interviewee_of(before, interviewer)`` find who asks and who answers before an offset)."""
    paragraphs = [pb for pb in finder.parsed.blocks if pb.block.kind == "paragraph"]
    asks = [pb.block.span.text.rstrip().endswith("?") for pb in paragraphs]
    start = next((i for i in range(len(paragraphs) - 1) if asks[i] and not asks[i + 1]), None)
    if start is None or sum(1 for i in range(start, len(paragraphs) - 1) if asks[i] and not asks[i + 1]) < 2:
        return [], []
    first = paragraphs[start].block.span.begin
    interviewer = interviewer_of(first)
    interviewee = interviewee_of(first, interviewer) if interviewer is not None else None
    if interviewer is None or interviewee is None:
        return [], []
    out: list[Statement] = []
    asked: list[bool] = []
    for pb, question in zip(paragraphs[start:], asks[start:]):
        span = pb.block.span
        if len(span.text.split()) < 2 or any(c.overlaps(span) for st in finder.statements for c in st.content):
            continue  # a paragraph another statement covers (one that quotes somebody with a cue)
        out.append(Statement("", [span], "direct", speaker=interviewer if question else interviewee,
                             sentence=span, evidence="interview"))
        asked.append(question)
    return out, asked
