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
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<var>[?$][^\s{}()\[\]<>"',;.\#=!|&+*/^]*)
  | (?P<word>(?:[^\s{}()\[\]<>"',;\#?$=!|&+*/^\\]|\\[^\s])+)   # a backslash escapes a local name's ``\#``
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


# --- limits -----------------------------------------------------------------------------------------------------------
# The engine parses and evaluates recursively: every level of brackets, and every operator or clause of a chain
# (``a && b && …``, ``{…} UNION {…} UNION …``, ``BIND``s, ``MINUS``es), costs it up to 4 kB of stack (measured on
# pyoxigraph 0.5: 3.9 kB per ``{``, 1.9 kB per ``(``, 0.9–2.3 kB per operator or clause). A query past these limits
# is refused before it reaches the engine; within them, the engine needs less than 9 MB of stack, and it runs on a
# thread with ENGINE_STACK bytes (kg.sparql.netguard), so no query can overflow it.
MAX_DEPTH = 64  # nested ( { [
MAX_OPERATORS = 2000  # operators and clauses outside INSERT DATA / DELETE DATA blocks
MAX_TEXT_BYTES = 4_000_000  # a query or update's text (the server's request body limit is lower by default)
ENGINE_STACK = 64 * 1024 * 1024
_OPENERS, _CLOSERS = "({[", ")}]"
_OPERATOR_CHARS = frozenset("&|!+-*/^=<>")
_CLAUSES = frozenset({"union", "minus", "optional", "bind", "filter", "service", "graph", "exists", "values", "in"})


def check_limits(text: str, kind: str = "query") -> None:
    """Refuse a query (or update) that is too large, too deeply nested or has too long chains for the engine.

    >>> check_limits("SELECT * { ?s ?p ?o FILTER(?o > 1 && ?o < 9) }")
    >>> check_limits("SELECT * WHERE " + "{" * 100 + "}" * 100)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: the query nests brackets 100 deep; the limit is 64 (give it a flatter form)

    :raises QueryError: naming the limit that was passed.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise QueryError(f"the {kind} is {size:,} bytes; the limit is {MAX_TEXT_BYTES:,}")
    depth = deepest = operators = 0
    data_depth = None  # the bracket depth of the INSERT DATA / DELETE DATA block we are in
    previous, last_end, last_op = "", -1, ""
    for tok in tokens(text):
        value = tok.text
        if tok.kind == "punct" and value in _OPENERS:
            if data_depth is None and value == "{" and previous == "data":
                data_depth = depth
            depth += 1
            deepest = max(deepest, depth)
        elif tok.kind == "punct" and value in _CLOSERS:
            depth = max(0, depth - 1)
            if data_depth is not None and depth <= data_depth:
                data_depth = None
        elif data_depth is None:
            if tok.kind == "punct" and value in _OPERATOR_CHARS:
                # && || ^^ <= >= != are one operator; each ! of !!!x is one (a chain of negations)
                if not (tok.start == last_end and last_op in _OPERATOR_CHARS and value in "&|^=<>"):
                    operators += 1
            elif tok.kind in ("word", "var"):
                # "1-1-1" and "?a-1" are one token to this lexer, subtractions to the engine
                operators += value.count("-") + (tok.keyword in _CLAUSES)
        last_end, last_op = tok.start + len(value), value if tok.kind == "punct" else ""
        if tok.kind == "word":
            previous = tok.keyword
        if deepest > MAX_DEPTH:
            break
    if deepest > MAX_DEPTH:
        raise QueryError(f"the {kind} nests brackets {_depth_of(text):,} deep; the limit is {MAX_DEPTH} "
                         "(give it a flatter form)")
    if operators > MAX_OPERATORS:
        raise QueryError(f"the {kind} has {operators:,} operators and clauses (&&, ||, +, UNION, BIND, FILTER, …); "
                         f"the limit is {MAX_OPERATORS:,} (use VALUES or IN for long lists of alternatives)")


def _depth_of(text: str) -> int:
    """The deepest bracket nesting of ``text``, for the message."""
    depth = deepest = 0
    for tok in tokens(text):
        if tok.kind == "punct" and tok.text in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif tok.kind == "punct" and tok.text in _CLOSERS:
            depth = max(0, depth - 1)
    return deepest
