"""A small SPARQL lexer for the few facts the protocol needs before a query or update reaches the engine.

pyoxigraph exposes no parser, and the protocol needs to know a little about the text beforehand: does a query
declare its own dataset (``FROM``), does an update name one (``USING``/``WITH``), where do its ``WHERE`` clauses
start (to apply ``using-graph-uri``), does it ``LOAD`` a remote document. These are all keywords at brace depth 0,
which a lexer that skips strings, IRIs and comments finds reliably: a keyword inside a string, an IRI or a comment
is not a token here. The engine still parses the text itself and rejects anything malformed.

>>> declares_dataset("SELECT * FROM <http://ex.org/g> { ?s ?p ?o }")
True
>>> declares_dataset('SELECT * { ?s ?p "FROM" } # FROM')
False
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][^\s{}()\[\]<>"',;.\#=!|&+*/^]*)
  | (?P<word>[^\s{}()\[\]<>"',;\#?$=!|&+*/^]+)
  | (?P<punct>.)
""", re.VERBOSE | re.DOTALL)


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind (iri, string, var, word, punct), text, offset and brace depth."""

    kind: str
    text: str
    start: int
    depth: int

    @property
    def keyword(self) -> str:
        """The token lower-cased if it is a bare word (a keyword candidate), else an empty string."""
        return self.text.lower() if self.kind == "word" else ""


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` without whitespace and comments; ``depth`` is the ``{`` nesting at the token."""
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind in ("space", "comment"):
            continue
        value = m.group()
        if value == "}":
            depth = max(0, depth - 1)
        yield Token(kind, value, m.start(), depth)
        if value == "{":
            depth += 1


def top_keywords(text: str) -> list[str]:
    """The bare words outside every ``{ }`` block, lower-cased (keywords such as select, from, using, where)."""
    return [t.keyword for t in tokens(text) if t.depth == 0 and t.keyword]


def declares_dataset(query: str) -> bool:
    """True if a query has a ``FROM`` or ``FROM NAMED`` clause (its own RDF dataset)."""
    return "from" in top_keywords(query)


def loads_documents(update: str) -> bool:
    """True if an update has a ``LOAD`` operation (which would fetch a document over the network)."""
    return "load" in top_keywords(update)


def names_dataset(update: str) -> bool:
    """True if an update has a ``USING``, ``USING NAMED`` or ``WITH`` clause."""
    words = top_keywords(update)
    return "using" in words or "with" in words


def add_using(update: str, graphs: list[str], named_graphs: list[str]) -> str:
    """Apply the protocol's ``using-graph-uri``/``using-named-graph-uri`` to every ``DELETE``/``INSERT … WHERE``.

    Each such operation gets ``USING``/``USING NAMED`` clauses before its ``WHERE``; a ``DELETE WHERE { Q }`` is
    rewritten to its long form ``DELETE { Q } USING … WHERE { Q }`` so that it uses the same dataset.

    :raises QueryError: when the update names its own dataset (the SPARQL 1.1 Protocol requires a 400 then), or
        a graph IRI is invalid.
    """
    if not graphs and not named_graphs:
        return update
    if names_dataset(update):
        raise QueryError("using-graph-uri/using-named-graph-uri cannot be combined with USING, USING NAMED or WITH "
                         "in the update: give the dataset in one place")
    for iri in graphs + named_graphs:
        try:
            ox.NamedNode(iri)
        except ValueError as e:
            raise QueryError(f"invalid graph IRI {iri!r}: {e}") from None
    clause = " ".join([f"USING <{g}>" for g in graphs] + [f"USING NAMED <{g}>" for g in named_graphs])
    toks = list(tokens(update))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied from the end
    for i, tok in enumerate(toks):
        if tok.depth != 0 or tok.keyword != "where":
            continue
        prev = toks[i - 1].keyword if i else ""
        if prev != "delete":
            edits.append((tok.start, tok.start, clause + " "))
            continue
        block = _block_after(update, toks, i)
        if block is None:
            continue  # malformed: the engine will report it
        start, end = block
        pattern = update[start:end]
        edits.append((tok.start, tok.start + len(tok.text), f"{pattern} {clause} WHERE"))
    for start, end, text in sorted(edits, reverse=True):
        update = update[:start] + text + update[end:]
    return update


def _block_after(text: str, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The character span of the ``{ … }`` block that follows token ``i`` (braces included)."""
    if i + 1 >= len(toks) or toks[i + 1].text != "{":
        return None
    open_tok = toks[i + 1]
    for tok in toks[i + 2:]:
        if tok.text == "}" and tok.depth == open_tok.depth:
            return open_tok.start, tok.start + 1
    return None
