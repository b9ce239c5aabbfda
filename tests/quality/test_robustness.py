"""Property-based: extraction never crashes on hostile text, and every span it returns re-reads its own text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extraction import extract
from kg.extraction.quotes import quotes_in_blocks
from kg.pipeline.ingest import from_text
from kg.model import Extraction, Span

QUOTES = ["“", "”", "‘", "’", '"', "'", "«", "»", "„"]
WORDS = ["Mr. Wang", "he", "said", "told", "China", "the U.S.", "warned", "Putin", "will", "visit", "Beijing",
         "on Thursday", "next week", "according to", "officials", "that", "call", "meeting", "Russia’s", "NATO",
         ".", ",", ":", "—", "\n", "\n\n", "It", "They", "Blinken", "February 4", "2021", "in", "a", "phone"]

fragments = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTES), st.text(max_size=12))
texts = st.lists(fragments, min_size=1, max_size=120).map(lambda xs: " ".join(xs))


def spans_of(x: Extraction) -> list[Span]:
    out: list[Span] = []
    for a in x.actors:
        out += [m.span for m in a.mentions]
    for p in x.places:
        out += [m.span for m in p.mentions]
    for s in x.statements:
        out += s.content + [v for v in (s.cue, s.speaker_mention, s.addressee_mention, s.sentence) if v]
    for e in x.events:
        out += e.mentions + [p.span for p in e.participants if p.span]
    out += [t.span for t in x.times] + [h.surface for h in x.holdings] + [d.mention for d in x.documents]
    return out


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_never_crashes_and_spans_reread(text: str):
    article = from_text("Headline\n\n" + text, article_id="fuzz")
    x = extract(article)
    for span in spans_of(x):
        assert article.text[span.begin : span.end] == span.text
    for s in x.statements:
        assert s.content and s.speaker is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(QUOTES), st.text(max_size=8), st.just("\n\n")), max_size=60))
def test_quote_scanner_on_unbalanced_marks(parts: list[str]):
    text = "".join(parts)
    blocks, pos = [], 0
    for chunk in text.split("\n\n"):
        blocks.append((pos, pos + len(chunk), False))
        pos += len(chunk) + 2
    for q in quotes_in_blocks(text, blocks):
        for span in q.spans + [q.outer]:
            assert text[span.begin : span.end] == span.text


def test_long_paragraph_and_no_sentences():
    long = " ".join(["Wang said “the talks were useful” and Blinken agreed."] * 200)
    x = extract(from_text("Title\n\n" + long, article_id="long"))
    assert len(x.statements) >= 100
    x = extract(from_text("“\n\n”\n\n‘’‘\n\n,,,,", article_id="junk"))
    assert x.statements == []


def test_quote_spanning_paragraphs_is_one_statement():
    text = ("Talks\n\nThe minister said: “We will not give in.\n\n“We will stand firm, whatever happens,” "
            "he added.")
    x = extract(from_text(text, article_id="multi"))
    multi = [s for s in x.statements if len(s.content) >= 2]
    assert multi, [s.content for s in x.statements]
