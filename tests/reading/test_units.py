"""The reading room's pure parts: cutting marked text into pieces that nest as valid HTML, time values as
intervals, search syntax, and the titles of the named queries."""

from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest
from jinja2 import Environment

from kg.errors import QueryError
from kg.search import fts_query
from server.pages.marks import KINDS, Span, pieces
from server.pages.timeline import interval
from server.blueprints.ui import title_of

# the article template's rendering of pieces, so that the test parses what a browser gets
PIECES = Environment(autoescape=True).from_string(
    '{% for p in body %}{% if p.span %}<a href="{{ p.span.href }}" data-kind="{{ p.span.kind }}" '
    'class="{{ p.classes|join(" ") }}">{{ p.text }}</a>{% else %}{{ p.text }}{% endif %}{% endfor %}')


class Reader(HTMLParser):
    """The text and the links of a fragment, failing on a link inside a link or a tag closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.links: list[tuple[str, str, str]] = []  # (kind, href, text)

    def handle_starttag(self, tag, attrs):  # noqa: ANN001, ANN201
        assert not (tag == "a" and "a" in self.stack), "a link inside a link"
        self.stack.append(tag)
        if tag == "a":
            a = dict(attrs)
            self.links.append((a.get("data-kind", ""), a.get("href", ""), ""))

    def handle_endtag(self, tag):  # noqa: ANN001, ANN201
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):  # noqa: ANN001, ANN201
        self.text.append(data)
        if self.stack and self.stack[-1] == "a":
            kind, href, text = self.links[-1]
            self.links[-1] = (kind, href, text + data)


def render(text: str, spans: list[Span]) -> Reader:
    reader = Reader()
    reader.feed(PIECES.render(body=pieces(text, 0, len(text), spans)))
    reader.close()
    assert reader.stack == []
    return reader


def span(b: int, e: int, kind: str, name: str) -> Span:
    return Span(b, e, kind, f"http://x/{name}", f"/doc/{name}", (name,))


def test_nested_and_crossing_spans_make_valid_html_that_keeps_the_text():
    text = "He said “Russia’s concerns on Thursday”, the ministry quoted him as saying."
    quote = span(8, 39, "quote", "s1")
    spans = [quote, span(9, 17, "actor", "russia"), span(30, 38, "time", "t1"), span(41, 53, "actor", "ministry"),
             span(54, 74, "cue", "s1"), span(61, 64, "speaker", "blinken"), span(61, 64, "actor", "blinken"),
             span(35, 45, "event", "crossing")]  # crosses the end of the quote and the start of "the ministry"
    r = render(text, spans)
    assert "".join(r.text) == text
    kinds = {k for k, _, _ in r.links}
    assert kinds <= set(KINDS) and {"quote", "actor", "time", "cue", "speaker", "event"} <= kinds
    # the piece covered by both a speaker and an actor span of one length belongs to the speaker
    assert ("speaker", "/doc/blinken", "him") in r.links
    # the quote is cut around what is inside it, and each of its pieces links to the statement
    quote_text = "".join(t for k, h, t in r.links if k == "quote")
    assert quote_text and all(h == "/doc/s1" for k, h, _ in r.links if k == "quote")
    assert set(quote_text) <= set(text[8:39])


def test_every_piece_shows_the_spans_around_it():
    text = "“Taiwan is ours,” he said."
    spans = [Span(0, 17, "quote", "s", "/s", ("c1",), ("sp-3",)), Span(1, 7, "actor", "tw", "/tw", ("c2",),
                                                                        ("t-place",))]
    out = [p for p in pieces(text, 0, len(text), spans) if p.span]
    taiwan = next(p for p in out if p.text == "Taiwan")
    assert taiwan.kind == "actor" and {"k-actor", "k-quote", "sp-3", "t-place"} <= set(taiwan.classes)
    assert taiwan.cards == ["c2", "c1"]  # its own card first, then the statement's


def test_random_spans_always_give_valid_html_and_the_same_text():
    rng = random.Random(17)
    text = "".join(rng.choice("abc <>&“”'\"") for _ in range(120))
    for _ in range(200):
        spans = []
        for i in range(rng.randint(0, 12)):
            b = rng.randint(0, 119)
            spans.append(span(b, rng.randint(b, 120), rng.choice(KINDS), f"r{i}"))
        assert "".join(render(text, spans).text) == text


@pytest.mark.parametrize("value,expected", [
    ("2022-01-27", ("2022-01-27", "2022-01-27")), ("2022-W05", ("2022-01-31", "2022-02-06")),
    ("2022-02", ("2022-02-01", "2022-02-28")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2022", ("2022-01-01", "2022-12-31")), ("PXD", None), ("", None), ("2022-13", None),
    ("2022-W05-WE", ("2022-02-05", "2022-02-06")), ("199", ("1990-01-01", "1999-12-31")), ("2022-W54-WE", None)])
def test_time_values_as_intervals(value, expected):
    assert interval(value) == expected


@pytest.mark.parametrize("text,expected", [
    ("China", "China"), ("China's", '"China\'s"'), ("U.S. NATO*", '"U.S." NATO*'), ('"legitimate concerns"',
                                                                                 '"legitimate concerns"'),
    ("Wang OR Blinken", "Wang OR Blinken")])
def test_searches_keep_fts_syntax_and_quote_the_rest(text, expected):
    assert fts_query(text) == expected


@pytest.mark.parametrize("text", ['"unclosed', "   "])
def test_bad_searches_are_refused_with_a_reason(text):
    with pytest.raises(QueryError):
        fts_query(text)


def test_named_query_titles_come_from_their_comment():
    assert title_of("Competency question 2: who said what to whom during a phone call, in text order.", "x") == \
        ("Who said what to whom during a phone call, in text order", "Competency question 2")
    assert title_of("Every actor (person, group): its label and type. More.", "x") == ("Every actor",
                                                                                      "Its label and type.")
    assert title_of("", "cq99") == ("Cq99", "")
